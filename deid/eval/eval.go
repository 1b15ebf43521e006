// Package eval measures a deid.Detector against an annotated corpus.
//
// A corpus is JSON lines, one document per line:
//
//	{"id": "...", "text": "...", "spans": [{"start": 0, "end": 5, "type": "NAME"}], "known": {...}}
//
// Offsets are bytes of the UTF-8 text, end exclusive; "spans" may be empty
// (a PHI-free document) and "known" (deid.Known's JSON form) is optional.
//
// Recall is leak recall, judged on the redacted output rather than on span
// overlap: a gold span is caught only if every letter and digit in it was
// replaced (covered by a predicted span) and the placeholders that replaced
// it repeat none of its alphanumeric tokens, except what Safe Harbor lets a
// placeholder keep (a year that implies no age over 89). A prediction that
// overlaps no gold span is a false positive. Misses and false positives are
// reported by document ID, offsets and type only: never their text, since an
// evaluation may run on a real corpus.
package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/deid"
)

// Document is one corpus line.
type Document struct {
	ID    string      `json:"id"`
	Text  string      `json:"text"`
	Spans []deid.Span `json:"spans"`
	Known *deid.Known `json:"known,omitempty"`
}

// TypeStats is the recall of one identifier type.
type TypeStats struct {
	Gold   int     `json:"gold"`
	Caught int     `json:"caught"`
	Recall float64 `json:"recall"`
}

// Miss locates a gold span that leaked or a false-positive prediction.
type Miss struct {
	Doc   string    `json:"doc"`
	Start int       `json:"start"`
	End   int       `json:"end"`
	Type  deid.Type `json:"type"`
}

// Report is the outcome of Evaluate.
type Report struct {
	Documents int `json:"documents"`
	// Gold spans: TP caught, FN leaked.
	TP int `json:"tp"`
	FN int `json:"fn"`
	// Predicted spans: FP overlap no gold span.
	Predicted int `json:"predicted"`
	FP        int `json:"fp"`

	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	F2        float64 `json:"f2"`

	// PerType is keyed by type; names are split into "NAME/known" (parts of
	// a name in the document's metadata) and "NAME/free-text".
	PerType map[string]TypeStats `json:"per_type"`

	PHIFreeDocuments int     `json:"phi_free_documents"`
	PHIFreeUnchanged int     `json:"phi_free_unchanged"`
	UnchangedShare   float64 `json:"unchanged_share"`

	Misses         []Miss `json:"misses,omitempty"`
	FalsePositives []Miss `json:"false_positives,omitempty"`
}

// Name keys in PerType.
const (
	NameKnown = "NAME/known"
	NameFree  = "NAME/free-text"
)

// ErrCorpus wraps every malformed-corpus error.
var ErrCorpus = errors.New("eval: malformed corpus")

// ReadCorpus parses and validates a corpus.
func ReadCorpus(r io.Reader) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var docs []Document
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimSpace(sc.Text())
		if raw == "" {
			continue
		}
		var d Document
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrCorpus, line, err)
		}
		if err := validate(d); err != nil {
			return nil, fmt.Errorf("%w: line %d (id %q): %v", ErrCorpus, line, d.ID, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: reading corpus: line %d: %w", line+1, err)
	}
	return docs, nil
}

func validate(d Document) error {
	if !utf8.ValidString(d.Text) {
		return errors.New("text is not valid UTF-8")
	}
	for k, sp := range d.Spans {
		switch {
		case sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End:
			return fmt.Errorf("span %d [%d,%d) out of range for text of %d bytes", k, sp.Start, sp.End, len(d.Text))
		case !utf8.RuneStart(d.Text[sp.Start]) || sp.End < len(d.Text) && !utf8.RuneStart(d.Text[sp.End]):
			return fmt.Errorf("span %d [%d,%d) is not on UTF-8 character boundaries", k, sp.Start, sp.End)
		case !sp.Type.Valid():
			return fmt.Errorf("span %d has unknown type %q", k, sp.Type)
		}
	}
	return nil
}

// Evaluate runs d over every document of corpus and scores it.
func Evaluate(d *deid.Detector, corpus io.Reader) (Report, error) {
	docs, err := ReadCorpus(corpus)
	if err != nil {
		return Report{}, err
	}
	return EvaluateDocs(d, docs)
}

// EvaluateDocs scores d on already-parsed documents.
func EvaluateDocs(d *deid.Detector, docs []Document) (Report, error) {
	rep := Report{PerType: map[string]TypeStats{}}
	now := d.Now()
	for _, doc := range docs {
		if err := validate(doc); err != nil {
			return Report{}, fmt.Errorf("%w: id %q: %v", ErrCorpus, doc.ID, err)
		}
		var kn deid.Known
		if doc.Known != nil {
			kn = *doc.Known
		}
		pred := d.Detect(doc.Text, kn)
		red := d.Redact(doc.Text, pred)
		if err := scoreDoc(&rep, doc, kn, pred, red, now); err != nil {
			return Report{}, err
		}
	}
	rep.finish()
	return rep, nil
}

func scoreDoc(rep *Report, doc Document, kn deid.Known, pred []deid.Span, red string, now time.Time) error {
	text := doc.Text
	rep.Documents++
	// Rebuild the redaction piece by piece to know which placeholder replaced
	// which bytes, and check it is what Redact wrote.
	covered := make([]int, len(text)) // index+1 of the predicted span covering a byte
	var b strings.Builder
	pos := 0
	ph := make([]string, len(pred))
	for k, sp := range pred {
		if sp.Start < pos || sp.End > len(text) || sp.Start >= sp.End {
			return fmt.Errorf("eval: detector returned bad span %+v in %q", sp, doc.ID)
		}
		b.WriteString(text[pos:sp.Start])
		ph[k] = deid.Placeholder(text[sp.Start:sp.End], sp.Type, now)
		b.WriteString(ph[k])
		for i := sp.Start; i < sp.End; i++ {
			covered[i] = k + 1
		}
		pos = sp.End
	}
	b.WriteString(text[pos:])
	if b.String() != red {
		return fmt.Errorf("eval: Redact output for %q is not the concatenation of its placeholders", doc.ID)
	}
	if len(doc.Spans) == 0 {
		rep.PHIFreeDocuments++
		if red == text {
			rep.PHIFreeUnchanged++
		}
	}
	knownParts := map[string]bool{}
	for _, n := range append(append(append([]string{}, kn.PatientNames...), kn.RelativeNames...), kn.ProviderNames...) {
		for _, p := range strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) }) {
			knownParts[strings.ToLower(p)] = true
		}
	}
	for _, g := range doc.Spans {
		key := string(g.Type)
		if g.Type == deid.Name {
			key = NameFree
			allKnown := true
			for _, p := range strings.FieldsFunc(text[g.Start:g.End], func(r rune) bool { return !unicode.IsLetter(r) }) {
				if len(p) > 1 && !knownParts[strings.ToLower(p)] {
					allKnown = false
				}
			}
			if len(knownParts) > 0 && allKnown {
				key = NameKnown
			}
		}
		st := rep.PerType[key]
		st.Gold++
		if caught(text, g, covered, ph, now) {
			st.Caught++
			rep.TP++
		} else {
			rep.FN++
			rep.Misses = append(rep.Misses, Miss{Doc: doc.ID, Start: g.Start, End: g.End, Type: g.Type})
		}
		rep.PerType[key] = st
	}
	for _, p := range pred {
		rep.Predicted++
		hit := false
		for _, g := range doc.Spans {
			if p.Start < g.End && g.Start < p.End {
				hit = true
				break
			}
		}
		if !hit {
			rep.FP++
			rep.FalsePositives = append(rep.FalsePositives, Miss{Doc: doc.ID, Start: p.Start, End: p.End, Type: p.Type})
		}
	}
	return nil
}

// caught reports whether gold span g left no trace in the redacted output.
func caught(text string, g deid.Span, covered []int, ph []string, now time.Time) bool {
	used := map[int]bool{}
	for i := g.Start; i < g.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if covered[i] == 0 {
				return false
			}
			used[covered[i]-1] = true
		}
		i += size
	}
	goldTok := map[string]bool{}
	for _, t := range alnumTokens(text[g.Start:g.End]) {
		goldTok[strings.ToLower(t)] = true
	}
	for k := range used {
		p := ph[k]
		for _, t := range alnumTokens(p) {
			lt := strings.ToLower(t)
			if g.Type == deid.ZIP && len(t) == 3 && deid.RestrictedZIP3(t) {
				return false
			}
			if !goldTok[lt] {
				continue
			}
			if y, err := strconv.Atoi(t); err == nil && len(t) == 4 && y > now.Year()-90 {
				continue // a year Safe Harbor allows
			}
			if t == "90" && strings.Contains(p, "90 or older") {
				continue
			}
			if lt == strings.ToLower(string(g.Type)) {
				continue
			}
			return false
		}
	}
	return true
}

func alnumTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func (r *Report) finish() {
	if n := r.TP + r.FN; n > 0 {
		r.Recall = float64(r.TP) / float64(n)
	}
	if r.Predicted > 0 {
		r.Precision = float64(r.Predicted-r.FP) / float64(r.Predicted)
	}
	if p, rc := r.Precision, r.Recall; 4*p+rc > 0 {
		r.F2 = 5 * p * rc / (4*p + rc)
	}
	for k, st := range r.PerType {
		if st.Gold > 0 {
			st.Recall = float64(st.Caught) / float64(st.Gold)
		}
		r.PerType[k] = st
	}
	if r.PHIFreeDocuments > 0 {
		r.UnchangedShare = float64(r.PHIFreeUnchanged) / float64(r.PHIFreeDocuments)
	}
}

// TypeKeys returns the PerType keys in a stable order.
func (r Report) TypeKeys() []string {
	keys := make([]string, 0, len(r.PerType))
	for k := range r.PerType {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WriteText writes a human-readable summary.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents        %d\n", r.Documents)
	fmt.Fprintf(&b, "leak recall      %.4f  (TP %d, FN %d)\n", r.Recall, r.TP, r.FN)
	fmt.Fprintf(&b, "precision        %.4f  (predicted %d, FP %d)\n", r.Precision, r.Predicted, r.FP)
	fmt.Fprintf(&b, "F2               %.4f\n", r.F2)
	fmt.Fprintf(&b, "PHI-free unchanged %d/%d = %.4f\n", r.PHIFreeUnchanged, r.PHIFreeDocuments, r.UnchangedShare)
	fmt.Fprintf(&b, "%-16s %6s %6s %8s\n", "type", "gold", "caught", "recall")
	for _, k := range r.TypeKeys() {
		st := r.PerType[k]
		fmt.Fprintf(&b, "%-16s %6d %6d %8.4f\n", k, st.Gold, st.Caught, st.Recall)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as indented JSON.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
