// Package drafteval measures drafts against a corpus of encounters with
// reference notes: ROUGE-1/2/L against the reference and against the
// whole-transcript baseline (the source itself as the draft), segment
// coverage (every segment cited or listed with a reason, which must be
// 100%), the share of clinical content not used, the fact check's flags on
// the drafts, and the fact check on planted errors (laterality swapped, a
// dose or number changed, a negation flipped, a drug swapped, a number
// invented) against its false flags on the unchanged sentences.
//
// The corpus is JSON lines, one document per line:
//
//	{"id", "kind": "dialogue"|"note", "specialty", "template": "soap"|"hp"|"avs",
//	 "source": "Speaker: text" per line (dialogue) or the note text,
//	 "reference": {"<section key>": ["sentence", ...]}, "facts": ["atomic fact", ...]}
//
// ROUGE is computed here (a few dozen lines): tokens are lower-cased runs
// of letters and digits, no stemming and no stopword removal; ROUGE-N is
// the F1 of clipped n-gram overlap; ROUGE-L the F1 of the longest common
// subsequence over the whole text (summary level, not the union-LCS of
// rouge-score's "Lsum"). No Go ROUGE library is in the project's module
// list; Google's rouge-score (Python) is the reference implementation this
// follows, without its Porter stemmer, so figures run slightly below it.
package drafteval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/factcheck"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
)

// Document is one corpus entry.
type Document struct {
	ID        string              `json:"id"`
	Kind      string              `json:"kind"` // dialogue | note
	Specialty string              `json:"specialty"`
	Template  string              `json:"template"`
	Source    string              `json:"source"`
	Reference map[string][]string `json:"reference"`
	Facts     []string            `json:"facts"`
}

// Load reads a corpus.
func Load(r io.Reader) ([]Document, error) {
	var docs []Document
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d Document
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			return nil, fmt.Errorf("drafteval.Load: line %d: %w", line, err)
		}
		if d.ID == "" || (d.Kind != "dialogue" && d.Kind != "note") || d.Source == "" {
			return nil, fmt.Errorf("drafteval.Load: line %d: id, kind (dialogue or note) and source are required", line)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("drafteval.Load: %w", err)
	}
	return docs, nil
}

// Segments are the source as the pipeline reads it: a dialogue one segment
// per turn (as a transcript's cues), a note one per sentence.
func (d *Document) Segments() []encounter.Segment {
	if d.Kind == "dialogue" {
		return source.FromDialogue(d.Source)
	}
	return source.FromNote(d.Source)
}

// SummarizeFunc drafts a note: the summarize stage's gateway call.
type SummarizeFunc func(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error)

// Scores are ROUGE F1 values in [0, 1].
type Scores struct {
	R1 float64 `json:"rouge1"`
	R2 float64 `json:"rouge2"`
	RL float64 `json:"rougeL"`
}

// DocResult is one document's figures. It holds IDs and numbers only.
type DocResult struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Template string `json:"template"`
	Draft    Scores `json:"draft"`
	Baseline Scores `json:"baseline"`
	// Segments of the source; Accounted the ones cited or listed with a
	// reason (must equal Segments); ClinicalNotUsed the omissions listed
	// as clinical content not used (whole segments or parts).
	Segments        int            `json:"segments"`
	Cited           int            `json:"cited"`
	Accounted       int            `json:"accounted"`
	ClinicalNotUsed int            `json:"clinical_not_used"`
	Omissions       map[string]int `json:"omissions"`
	// Sentences of the draft; FactFlags those flagged fact_mismatch,
	// Unsupported those flagged unsupported or no_evidence.
	Sentences   int                 `json:"sentences"`
	FactFlags   int                 `json:"fact_flags"`
	Unsupported int                 `json:"unsupported"`
	Planted     map[string]*Planted `json:"planted"`
	// Correct sentences (the draft's, unchanged) the fact check flagged.
	CorrectChecked int `json:"correct_checked"`
	CorrectFlagged int `json:"correct_flagged"`
	// Reference sentences with evidence found by word overlap, checked
	// like draft sentences: a rough upper bound on false flags for
	// sentences a person wrote (alignment misses count as flags).
	ReferenceChecked int `json:"reference_checked"`
	ReferenceFlagged int `json:"reference_flagged"`

	// Text is the draft as a clinician reads it (Draft.Text), kept for
	// -show-drafts; never written to JSON.
	Text string `json:"-"`
}

// Planted counts planted errors of one kind.
type Planted struct {
	Planted int `json:"planted"`
	Flagged int `json:"flagged"`
	// KindRight: flagged with a mismatch of the planted kind.
	KindRight int `json:"kind_right"`
}

// Evaluate drafts every document with summarize and scores it.
func Evaluate(ctx context.Context, docs []Document, templates *prompts.Registry, summarize SummarizeFunc) (*Report, error) {
	rep := &Report{}
	for i := range docs {
		d := &docs[i]
		tmpl, err := templates.Get(d.Template)
		if err != nil {
			return nil, fmt.Errorf("drafteval.Evaluate: %s: %w", d.ID, err)
		}
		segs := d.Segments()
		res, err := summarize(ctx, &ai.SummarizeRequest{Template: tmpl, Segments: segs})
		if err != nil {
			return nil, fmt.Errorf("drafteval.Evaluate: %s: %w", d.ID, err)
		}
		rep.Docs = append(rep.Docs, score(d, segs, res))
	}
	rep.total()
	return rep, nil
}

func score(d *Document, segs []encounter.Segment, res *ai.SummarizeResult) DocResult {
	r := DocResult{ID: d.ID, Kind: d.Kind, Template: d.Template, Segments: len(segs), Omissions: map[string]int{}, Planted: map[string]*Planted{}}
	var draft, ref, base []string
	for _, sec := range res.Sections {
		for _, s := range sec.Sentences {
			draft = append(draft, s.Text)
			r.Sentences++
			if slices.Contains(s.Flags, encounter.FlagFactMismatch) {
				r.FactFlags++
			}
			if slices.Contains(s.Flags, encounter.FlagUnsupported) || slices.Contains(s.Flags, encounter.FlagNoEvidence) {
				r.Unsupported++
			}
		}
	}
	// A stable order for the reference: by section key.
	keys := make([]string, 0, len(d.Reference))
	for k := range d.Reference {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ref = append(ref, d.Reference[k]...)
	}
	for _, s := range segs {
		base = append(base, s.Text)
	}
	r.Text = (&encounter.Draft{Template: d.Template, Sections: res.Sections, NotInDraft: res.NotInDraft,
		Label: encounter.Label{AIGenerated: true, Notice: res.Notice}}).Text()
	r.Draft = Rouge(strings.Join(draft, " "), strings.Join(ref, " "))
	r.Baseline = Rouge(strings.Join(base, " "), strings.Join(ref, " "))

	// Coverage: every segment cited, or listed whole.
	cov := res.NotInDraft
	cited := map[string]bool{}
	for _, sec := range res.Sections {
		for _, s := range sec.Sentences {
			for _, id := range s.Evidence {
				cited[id] = true
			}
		}
	}
	listed := map[string]bool{}
	for _, o := range cov.Omissions() {
		r.Omissions[o.Reason]++
		if o.Reason == encounter.ReasonClinical {
			r.ClinicalNotUsed++
		}
		if o.Part == 0 {
			listed[o.Segment] = true
		}
	}
	if cov != nil {
		r.Cited = cov.Cited
	}
	for i, s := range segs {
		// A question counts as cited through the answer the draft cites.
		viaAnswer := strings.HasSuffix(strings.TrimSpace(s.Text), "?") && i+1 < len(segs) && cited[segs[i+1].ID]
		if cited[s.ID] || listed[s.ID] || viaAnswer {
			r.Accounted++
		}
	}

	// Planted errors and false flags on the draft's own sentences.
	for _, sec := range res.Sections {
		for _, s := range sec.Sentences {
			if len(s.Evidence) == 0 {
				continue
			}
			r.CorrectChecked++
			if len(factcheck.Sentence(s.Text, s.Evidence, segs)) > 0 {
				r.CorrectFlagged++
				continue // plant only in sentences the check passes as they are
			}
			cited := citedText(s.Evidence, segs)
			for _, p := range Plant(s.Text, cited) {
				pl := r.Planted[p.Kind]
				if pl == nil {
					pl = &Planted{}
					r.Planted[p.Kind] = pl
				}
				pl.Planted++
				ms := factcheck.Sentence(p.Text, s.Evidence, segs)
				if len(ms) > 0 {
					pl.Flagged++
				}
				for _, m := range ms {
					if m.Kind == p.Kind || p.Kind == KindInvented && (m.Kind == encounter.FactNumber || m.Kind == encounter.FactDose || m.Kind == encounter.FactTime) {
						pl.KindRight++
						break
					}
				}
			}
		}
	}
	// Reference sentences, aligned to the source by word overlap.
	for _, s := range ref {
		ev := align(s, segs)
		if len(ev) == 0 {
			continue
		}
		r.ReferenceChecked++
		if len(factcheck.Sentence(s, ev, segs)) > 0 {
			r.ReferenceFlagged++
		}
	}
	return r
}

func citedText(ids []string, segs []encounter.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if slices.Contains(ids, s.ID) {
			b.WriteString(s.Text + " ")
		}
	}
	return b.String()
}

// align finds the segments a reference sentence most likely rests on: the
// best by the share of its words they hold, plus any other holding at
// least half as many, at most three (and the question of an answer).
func align(sentence string, segs []encounter.Segment) []string {
	words := tokens(sentence)
	if len(words) == 0 {
		return nil
	}
	want := map[string]bool{}
	for _, w := range words {
		if len(w) > 2 || strings.ContainsAny(w, "0123456789") {
			want[w] = true
		}
	}
	type cand struct {
		i     int
		score int
	}
	var cs []cand
	for i, s := range segs {
		n := 0
		seen := map[string]bool{}
		for _, w := range tokens(s.Text) {
			if want[w] && !seen[w] {
				seen[w] = true
				n++
			}
		}
		if n > 0 {
			cs = append(cs, cand{i, n})
		}
	}
	if len(cs) == 0 {
		return nil
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return b.score - a.score })
	best := cs[0].score
	if float64(best) < 0.3*float64(len(want)) {
		return nil // nothing in the source says it: not a fact-check question
	}
	var out []string
	for _, c := range cs {
		if len(out) == 3 || 2*c.score < best {
			break
		}
		out = append(out, segs[c.i].ID)
	}
	return out
}

// Report is the corpus's figures.
type Report struct {
	Docs    []DocResult `json:"documents,omitempty"`
	Summary Summary     `json:"summary"`
}

// Summary aggregates a Report: means over documents for ROUGE, totals
// elsewhere.
type Summary struct {
	Documents int    `json:"documents"`
	Draft     Scores `json:"draft_rouge"`
	Baseline  Scores `json:"baseline_rouge"`
	// Coverage is the share of segments cited or listed with a reason.
	Segments  int     `json:"segments"`
	Accounted int     `json:"accounted"`
	Coverage  float64 `json:"coverage"`
	// Unaccounted segments: neither cited nor listed (must be 0).
	Unaccounted int `json:"unaccounted"`
	// ClinicalNotUsedRate: clinical omissions per source segment.
	ClinicalNotUsed     int                 `json:"clinical_not_used"`
	ClinicalNotUsedRate float64             `json:"clinical_not_used_rate"`
	Omissions           map[string]int      `json:"omissions"`
	Sentences           int                 `json:"sentences"`
	FactFlags           int                 `json:"fact_flags"`
	Unsupported         int                 `json:"unsupported"`
	Planted             map[string]*Planted `json:"planted"`
	PlantedTotal        Planted             `json:"planted_total"`
	PlantedFlaggedRate  float64             `json:"planted_flagged_rate"`
	// PlantedKindMean is the mean of the per-kind rates (invented numbers,
	// planted in every sentence, would otherwise weigh most), and
	// PlantedWorstKind the lowest.
	PlantedKindMean   float64 `json:"planted_kind_mean"`
	PlantedWorstKind  float64 `json:"planted_worst_kind"`
	CorrectChecked    int     `json:"correct_checked"`
	CorrectFlagged    int     `json:"correct_flagged"`
	FalseFlagRate     float64 `json:"false_flag_rate"`
	ReferenceChecked  int     `json:"reference_checked"`
	ReferenceFlagged  int     `json:"reference_flagged"`
	ReferenceFlagRate float64 `json:"reference_flag_rate"`
}

func (r *Report) total() {
	s := Summary{Documents: len(r.Docs), Omissions: map[string]int{}, Planted: map[string]*Planted{}}
	for _, d := range r.Docs {
		s.Draft.R1 += d.Draft.R1
		s.Draft.R2 += d.Draft.R2
		s.Draft.RL += d.Draft.RL
		s.Baseline.R1 += d.Baseline.R1
		s.Baseline.R2 += d.Baseline.R2
		s.Baseline.RL += d.Baseline.RL
		s.Segments += d.Segments
		s.Accounted += d.Accounted
		s.ClinicalNotUsed += d.ClinicalNotUsed
		for k, v := range d.Omissions {
			s.Omissions[k] += v
		}
		s.Sentences += d.Sentences
		s.FactFlags += d.FactFlags
		s.Unsupported += d.Unsupported
		for k, p := range d.Planted {
			t := s.Planted[k]
			if t == nil {
				t = &Planted{}
				s.Planted[k] = t
			}
			t.Planted += p.Planted
			t.Flagged += p.Flagged
			t.KindRight += p.KindRight
			s.PlantedTotal.Planted += p.Planted
			s.PlantedTotal.Flagged += p.Flagged
			s.PlantedTotal.KindRight += p.KindRight
		}
		s.CorrectChecked += d.CorrectChecked
		s.CorrectFlagged += d.CorrectFlagged
		s.ReferenceChecked += d.ReferenceChecked
		s.ReferenceFlagged += d.ReferenceFlagged
	}
	if n := float64(len(r.Docs)); n > 0 {
		for _, x := range []*float64{&s.Draft.R1, &s.Draft.R2, &s.Draft.RL, &s.Baseline.R1, &s.Baseline.R2, &s.Baseline.RL} {
			*x /= n
		}
	}
	s.Unaccounted = s.Segments - s.Accounted
	s.Coverage = ratio(s.Accounted, s.Segments)
	s.ClinicalNotUsedRate = ratio(s.ClinicalNotUsed, s.Segments)
	s.PlantedFlaggedRate = ratio(s.PlantedTotal.Flagged, s.PlantedTotal.Planted)
	s.PlantedWorstKind = 1
	for _, p := range s.Planted {
		r := ratio(p.Flagged, p.Planted)
		s.PlantedKindMean += r / float64(len(s.Planted))
		s.PlantedWorstKind = min(s.PlantedWorstKind, r)
	}
	if len(s.Planted) == 0 {
		s.PlantedWorstKind = 0
	}
	s.FalseFlagRate = ratio(s.CorrectFlagged, s.CorrectChecked)
	s.ReferenceFlagRate = ratio(s.ReferenceFlagged, s.ReferenceChecked)
	r.Summary = s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WriteJSON writes the report; perDocument false leaves out the
// per-document figures (for the blind part of a corpus).
func (r *Report) WriteJSON(w io.Writer, perDocument bool) error {
	out := *r
	if !perDocument {
		out.Docs = nil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteDrafts writes every document's draft as a clinician reads it, for
// looking at a tuning corpus (never a blind one).
func (r *Report) WriteDrafts(w io.Writer) error {
	for _, d := range r.Docs {
		if _, err := fmt.Fprintf(w, "===== %s (%s, %s)\n%s\n", d.ID, d.Kind, d.Template, d.Text); err != nil {
			return err
		}
	}
	return nil
}

// WriteText writes the report for a terminal.
func (r *Report) WriteText(w io.Writer, perDocument bool) error {
	s := r.Summary
	pct := func(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) }
	var b strings.Builder
	if perDocument {
		fmt.Fprintf(&b, "%-16s %-8s %-4s  %6s %6s %6s | %6s  %5s %5s %5s %5s\n", "document", "kind", "tmpl", "R1", "R2", "RL", "base1", "segs", "cover", "clin", "flags")
		for _, d := range r.Docs {
			fmt.Fprintf(&b, "%-16s %-8s %-4s  %6s %6s %6s | %6s  %5d %5d %5d %5d\n", d.ID, d.Kind, d.Template,
				pct(d.Draft.R1), pct(d.Draft.R2), pct(d.Draft.RL), pct(d.Baseline.R1), d.Segments, d.Accounted, d.ClinicalNotUsed, d.FactFlags)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "documents                  %d\n", s.Documents)
	fmt.Fprintf(&b, "ROUGE F1 (mean)            draft R1 %s  R2 %s  RL %s\n", pct(s.Draft.R1), pct(s.Draft.R2), pct(s.Draft.RL))
	fmt.Fprintf(&b, "whole-transcript baseline  R1 %s  R2 %s  RL %s   (draft - baseline R1: %+.1f points)\n",
		pct(s.Baseline.R1), pct(s.Baseline.R2), pct(s.Baseline.RL), 100*(s.Draft.R1-s.Baseline.R1))
	fmt.Fprintf(&b, "segment coverage           %s%% (%d of %d cited or listed with a reason; %d unaccounted)\n", pct(s.Coverage), s.Accounted, s.Segments, s.Unaccounted)
	fmt.Fprintf(&b, "clinical content not used  %d listed (%s%% of segments)\n", s.ClinicalNotUsed, pct(s.ClinicalNotUsedRate))
	reasons := make([]string, 0, len(s.Omissions))
	for _, k := range encounter.Reasons {
		if n := s.Omissions[k]; n > 0 {
			reasons = append(reasons, fmt.Sprintf("%s %d", k, n))
		}
	}
	fmt.Fprintf(&b, "not in the draft, by reason %s\n", strings.Join(reasons, ", "))
	fmt.Fprintf(&b, "draft sentences            %d; fact_mismatch %d, unsupported/no_evidence %d\n", s.Sentences, s.FactFlags, s.Unsupported)
	fmt.Fprintf(&b, "planted errors flagged     %s%% (%d of %d; right kind %d); mean of kinds %s%%, worst kind %s%%\n", pct(s.PlantedFlaggedRate),
		s.PlantedTotal.Flagged, s.PlantedTotal.Planted, s.PlantedTotal.KindRight, pct(s.PlantedKindMean), pct(s.PlantedWorstKind))
	for _, k := range PlantKinds {
		if p := s.Planted[k]; p != nil {
			fmt.Fprintf(&b, "  %-24s %s%% (%d of %d)\n", k, pct(ratio(p.Flagged, p.Planted)), p.Flagged, p.Planted)
		}
	}
	fmt.Fprintf(&b, "false flags, draft         %s%% (%d of %d correct sentences)\n", pct(s.FalseFlagRate), s.CorrectFlagged, s.CorrectChecked)
	fmt.Fprintf(&b, "flags, reference sentences %s%% (%d of %d, evidence aligned by word overlap: an upper bound)\n", pct(s.ReferenceFlagRate), s.ReferenceFlagged, s.ReferenceChecked)
	_, err := io.WriteString(w, b.String())
	return err
}

var tokenRE = regexp.MustCompile(`[a-z0-9]+`)

func tokens(s string) []string { return tokenRE.FindAllString(strings.ToLower(s), -1) }

// Rouge returns ROUGE-1, -2 and -L F1 of a candidate against a reference.
func Rouge(candidate, reference string) Scores {
	c, r := tokens(candidate), tokens(reference)
	return Scores{R1: rougeN(c, r, 1), R2: rougeN(c, r, 2), RL: rougeL(c, r)}
}

func ngrams(ts []string, n int) map[string]int {
	m := map[string]int{}
	for i := 0; i+n <= len(ts); i++ {
		m[strings.Join(ts[i:i+n], " ")]++
	}
	return m
}

func f1(overlap, candidate, reference int) float64 {
	if overlap == 0 || candidate == 0 || reference == 0 {
		return 0
	}
	p, r := float64(overlap)/float64(candidate), float64(overlap)/float64(reference)
	return 2 * p * r / (p + r)
}

func rougeN(c, r []string, n int) float64 {
	cm, rm := ngrams(c, n), ngrams(r, n)
	overlap, cn, rn := 0, 0, 0
	for g, k := range cm {
		overlap += min(k, rm[g])
		cn += k
	}
	for _, k := range rm {
		rn += k
	}
	return f1(overlap, cn, rn)
}

func rougeL(c, r []string) float64 {
	if len(c) == 0 || len(r) == 0 {
		return 0
	}
	// LCS with two rows.
	prev, cur := make([]int, len(r)+1), make([]int, len(r)+1)
	for i := 1; i <= len(c); i++ {
		for j := 1; j <= len(r); j++ {
			switch {
			case c[i-1] == r[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return f1(prev[len(r)], len(c), len(r))
}
