package console

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
)

// Worklist lists encounters for the signed-in person, scoped by role
// (issue 14's worklist service; app adapts it).
type Worklist interface {
	List(ctx context.Context, who access.Who, q WorkQuery) (*WorkPage, error)
}

// WorkQuery selects a listing: states (awaiting_signoff, failed,
// human_documentation, signed...), newest first or not, a page.
type WorkQuery struct {
	States []string
	Newest bool
	Cursor string
	Limit  int
}

// WorkItem is one listed encounter: IDs, codes and times only.
type WorkItem struct {
	ID        string
	State     string
	Kind      string
	Template  string
	CreatedAt time.Time
	// DueAt is when a review case on it is due (reviewers), if any.
	DueAt time.Time
}

// WorkPage is one page of a listing.
type WorkPage struct {
	Items      []WorkItem
	NextCursor string
}

// Source is what a draft is made from, as segments: a recording's
// transcript (speakers, times) or a note's sentences (headings).
type Source struct {
	// Kind is note, sidecar:vtt, sidecar:srt or provider.
	Kind     string
	Segments []encounter.Segment
}

// Recording is an encounter's audio, seekable for range requests.
type Recording struct {
	io.ReadSeekCloser
	ContentType string
	Modified    time.Time
}

// Sources read an encounter's source for who, audited (issue 14's
// signoff transcript, note and recording reads; app adapts them).
type Sources interface {
	Source(ctx context.Context, who access.Who, id string) (*Source, error)
	// Recording opens the audio; a note has none (phi.CodeNotFound).
	Recording(ctx context.Context, who access.Who, id string) (*Recording, error)
}

// Human is human documentation for encounters no AI may draft (issue 14's
// signoff.Write with base 0 and the human queue; app adapts them).
type Human interface {
	// Blank returns the encounter's template sections, empty, for a note
	// written from scratch.
	Blank(ctx context.Context, who access.Who, id string) ([]encounter.Section, error)
	// Write stores a human-written note (base 0) or an edit of it.
	Write(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*signoff.DraftView, error)
}

// Regenerator asks the AI for a new draft after a rejection or a
// transcript fix (issue 14's pipeline.Regenerate: consent re-checked, an
// audited AI call, a new version).
type Regenerator interface {
	Regenerate(ctx context.Context, who access.Who, id string) error
}

// omission is one item of a version's "Not in the draft" list
// (encounter.Coverage) as the page shows it.
type omission struct {
	Segment  string
	Part     int
	Text     string
	Words    string // the reason in words
	Clinical bool
}

// omissionsOf is a version's "Not in the draft" list, clinical content
// first; ok is false for a version made before coverage was computed.
func omissionsOf(d *encounter.Draft) (out []omission, ok bool) {
	if d.NotInDraft == nil {
		return nil, false
	}
	for _, o := range d.NotInDraft.Omissions() {
		out = append(out, omission{Segment: o.Segment, Part: o.Part, Text: o.Text, Words: encounter.ReasonTitle(o.Reason),
			Clinical: o.Reason == encounter.ReasonClinical})
	}
	return out, true
}

// defaultAttestation is the statement a signature carries unless the
// clinician writes another.
const defaultAttestation = "I have reviewed this note against the source and attest that it is accurate and complete."

// rejectReasons and retractReasons are the codes the forms offer.
var rejectReasons = []codeWords{
	{"inaccurate", "Inaccurate"}, {"incomplete", "Incomplete"}, {"wrong-patient", "Wrong patient"},
	{"duplicate", "Duplicate"}, {"other", "Other"},
}

var retractReasons = []codeWords{
	{"entered-in-error", "Signed by mistake"}, {"wrong-patient", "Wrong patient"}, {"inaccurate", "Inaccurate"},
}

type codeWords struct{ Code, Words string }

// worklistPage is the clinician's worklist.
type worklistPage struct {
	Groups []workGroup
}

func (worklistPage) title() string { return "Worklist" }

type workGroup struct {
	State, Title, Empty string
	Items               []WorkItem
	More                bool
}

var clinicianGroups = []struct {
	state, title, empty string
	newest              bool
}{
	{"awaiting_signoff", "Awaiting your sign-off", "Nothing waits for your sign-off.", false},
	{"human_documentation", "To document by hand (patient opted out of AI)", "No encounter waits for human documentation.", false},
	{"failed", "Failed (no draft could be made)", "No failed encounter.", false},
	{"signed", "Recently signed", "Nothing signed yet.", true},
}

func (c *Console) worklist(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	var p worklistPage
	for _, g := range clinicianGroups {
		page, err := c.svc.Worklist.List(r.Context(), who, WorkQuery{States: []string{g.state}, Newest: g.newest, Limit: 25})
		if err != nil {
			c.fail(w, r, s, err)
			return
		}
		p.Groups = append(p.Groups, workGroup{State: g.state, Title: g.title, Empty: g.empty, Items: page.Items,
			More: page.NextCursor != ""})
	}
	c.render(w, r, s, http.StatusOK, "worklist", p)
}

// encounterPage is a draft beside its source.
type encounterPage struct {
	ID         string
	Role       string
	Draft      *signoff.DraftView
	Label      labelView
	Sections   []sectionView
	Source     *sourceView
	SourceNote string
	HasAudio   bool
	Coverage   bool // the version has a "Not in the draft" list
	Omissions  []omission
	Clinical   int
	Sign       bool
	Edit       bool
	Reject     bool
	Retract    bool
	Regenerate bool
	Document   bool
	Attest     string
	Rejects    []codeWords
	Retracts   []codeWords
	Flagged    int
	Cases      []caseView
	Reason     string // why there is no draft
}

func (p encounterPage) title() string { return "Encounter " + p.ID }

type labelView struct {
	AI       bool
	Headline string
	Detail   string
}

type sectionView struct {
	Key, Title string
	Sentences  []sentenceView
}

type sentenceView struct {
	N          int
	Text       string
	Evidence   string // space-separated segment IDs
	Flags      []string
	Mismatches []encounter.Mismatch
	Sources    []signoff.Evidence // the patient's explanation
}

type sourceView struct {
	Kind     string
	Segments []segmentView
	Partial  bool
}

type segmentView struct {
	ID, Speaker, Heading, Text string
	StartMS, EndMS             int64
	Timed                      bool
	NotUsed                    bool
}

// labelOf says how a version was made, in words.
func labelOf(dv *signoff.DraftView) labelView {
	l := dv.Label
	switch {
	case !l.AIGenerated:
		return labelView{Headline: "Written by a clinician", Detail: "No AI was used for this note."}
	case dv.Status == encounter.DraftFinal || dv.Status == encounter.DraftAmended:
		return labelView{AI: true, Headline: "AI-assisted note, reviewed and signed by a clinician",
			Detail: "An AI model (" + l.Provider + ", " + l.Model + ") drafted it from the source; " + l.VerifiedBy + " checked and signed it."}
	}
	return labelView{AI: true, Headline: encounter.Banner,
		Detail: "Drafted by " + l.Provider + " / " + l.Model + " (prompt " + l.PromptVersion + "). It is preliminary until a clinician signs it."}
}

func sectionsOf(d *encounter.Draft) ([]sectionView, int) {
	var out []sectionView
	n, flagged := 0, 0
	for _, sec := range d.Sections {
		sv := sectionView{Key: sec.Key, Title: sec.Title}
		for _, sent := range sec.Sentences {
			n++
			if len(sent.Flags) > 0 {
				flagged++
			}
			sv.Sentences = append(sv.Sentences, sentenceView{N: n, Text: sent.Text, Evidence: strings.Join(sent.Evidence, " "),
				Flags: sent.Flags, Mismatches: sent.Mismatches})
		}
		out = append(out, sv)
	}
	return out, flagged
}

func sourceOf(src *Source, notUsed map[string]bool) *sourceView {
	sv := &sourceView{Kind: src.Kind}
	for _, seg := range src.Segments {
		sv.Segments = append(sv.Segments, segmentView{ID: seg.ID, Speaker: seg.Speaker, Heading: seg.Heading, Text: seg.Text,
			StartMS: seg.StartMS, EndMS: seg.EndMS, Timed: seg.EndMS > 0, NotUsed: notUsed[seg.ID]})
	}
	return sv
}

// version reads ?v= (0: the latest).
func version(r *http.Request) (int, error) {
	v := r.URL.Query().Get("v")
	if v == "" {
		v = r.PostFormValue("version")
	}
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, phi.Permanentf(phi.CodeInvalidInput, "version must be a positive integer")
	}
	return n, nil
}

// encounter shows a draft: beside its source for clinicians and
// reviewers, as a signed note with its sources for patients.
func (c *Console) encounter(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	if who.Role == access.RolePatient {
		c.patientEncounter(w, r, s, who)
		return
	}
	p, err := c.clinicianView(r.Context(), r, who)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	c.render(w, r, s, http.StatusOK, "encounter", p)
}

func (c *Console) clinicianView(ctx context.Context, r *http.Request, who access.Who) (*encounterPage, error) {
	id := r.PathValue("id")
	v, err := version(r)
	if err != nil {
		return nil, err
	}
	p := &encounterPage{ID: id, Role: string(who.Role), Attest: defaultAttestation, Rejects: rejectReasons, Retracts: retractReasons}
	dv, err := c.svc.Drafts.View(ctx, who, id, v)
	switch {
	case phi.CodeOf(err) == phi.CodeNotFound && v == 0:
		// No draft yet: being drafted, failed, or waiting for a person.
		p.Reason = "There is no draft yet: the AI is still working on it, it failed, or the patient opted out of AI processing and a clinician documents the visit by hand."
		p.Document = who.Role == access.RoleProvider
	case err != nil:
		return nil, err
	default:
		p.Draft = dv
		p.Label = labelOf(dv)
		p.Sections, p.Flagged = sectionsOf(dv.Draft)
		latest := dv.Version == dv.Latest
		clin := who.Role == access.RoleProvider
		p.Sign = clin && latest && dv.State.Status == encounter.DraftPreliminary
		p.Edit = clin && latest && dv.State.Status != encounter.DraftRejected && dv.State.Status != encounter.DraftEnteredInError
		p.Reject = clin && latest && dv.State.Status == encounter.DraftPreliminary && dv.Label.AIGenerated
		p.Retract = clin && (dv.State.Status == encounter.DraftFinal || dv.State.Status == encounter.DraftAmended)
		p.Regenerate = clin && latest &&
			(dv.State.Status == encounter.DraftRejected || dv.State.Status == encounter.DraftEnteredInError)
		p.Document = clin && latest && !dv.Label.AIGenerated && p.Edit
		p.Omissions, p.Coverage = omissionsOf(dv.Draft)
		for _, o := range p.Omissions {
			if o.Clinical {
				p.Clinical++
			}
		}
	}
	notUsed := map[string]bool{}
	for _, o := range p.Omissions {
		if o.Part == 0 {
			notUsed[o.Segment] = true
		}
	}
	src, err := c.svc.Sources.Source(ctx, who, id)
	switch {
	case err == nil:
		p.Source = sourceOf(src, notUsed)
		for _, seg := range src.Segments {
			if seg.EndMS > 0 {
				p.HasAudio = src.Kind != "note"
				break
			}
		}
	case phi.CodeOf(err) == phi.CodeNotFound:
		p.SourceNote = "This encounter has no transcript (a recording without one): listen to the recording."
		p.HasAudio = true
	default:
		return nil, err
	}
	if who.Role == access.RoleReviewer {
		cases, err := c.svc.Reviews.List(ctx, who, id)
		if err != nil {
			return nil, err
		}
		p.Cases = caseViews(cases, c.now())
	}
	return p, nil
}

// audio streams the recording with range requests (206 Partial Content):
// the HTML audio element seeks by asking for the bytes it needs.
func (c *Console) audio(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	rec, err := c.svc.Sources.Recording(r.Context(), who, r.PathValue("id"))
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	defer rec.Close()
	w.Header().Set("Content-Type", rec.ContentType)
	http.ServeContent(w, r, "", rec.Modified, rec)
}

// sectionPage edits one section of the latest version.
type sectionPage struct {
	ID      string
	Version int
	Hash    string
	Section sectionView
	Human   bool
}

func (p sectionPage) title() string { return "Edit " + p.Section.Title }

func (c *Console) sectionEditor(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	dv, err := c.svc.Drafts.View(r.Context(), who, r.PathValue("id"), 0)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	secs, _ := sectionsOf(dv.Draft)
	for _, sec := range secs {
		if sec.Key == r.PathValue("section") {
			c.render(w, r, s, http.StatusOK, "section", sectionPage{ID: dv.EncounterID, Version: dv.Version, Hash: dv.ContentSHA256,
				Section: sec, Human: !dv.Label.AIGenerated})
			return
		}
	}
	c.fail(w, r, s, phi.Permanentf(phi.CodeNotFound, "the draft has no such section"))
}

// maxFormBytes bounds a form post (a section or a whole note).
const maxFormBytes = 512 << 10

// saveSection stores the section as edited, the rest as it was: a new
// version. Each sentence keeps the evidence of the sentence it replaces;
// an emptied one is dropped; the "add" field adds a sentence citing
// nothing (flagged as such, as the API's edit does).
func (c *Console) saveSection(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	id, key := r.PathValue("id"), r.PathValue("section")
	base, err := version(r)
	if err == nil && base == 0 {
		err = phi.Permanentf(phi.CodeInvalidInput, "the form names no version")
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	dv, err := c.svc.Drafts.View(r.Context(), who, id, base)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	sections := slices.Clone(dv.Sections)
	found := false
	for i, sec := range sections {
		if sec.Key != key {
			continue
		}
		found = true
		sections[i].Sentences = edited(sec.Sentences, r.PostForm["sentence"], r.PostFormValue("add"))
	}
	if !found {
		c.fail(w, r, s, phi.Permanentf(phi.CodeNotFound, "the draft has no such section"))
		return
	}
	if !dv.Label.AIGenerated {
		_, err = c.svc.Human.Write(r.Context(), who, id, base, sections)
	} else {
		_, err = c.svc.Drafts.Edit(r.Context(), who, id, base, sections)
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/encounters/"+id, "edited")
}

// edited applies a section form to the sentences it showed.
func edited(was []encounter.Sentence, texts []string, add string) []encounter.Sentence {
	out := []encounter.Sentence{}
	for i, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		sent := encounter.Sentence{Text: t, Evidence: []string{}}
		if i < len(was) {
			sent.Evidence = slices.Clone(was[i].Evidence)
		}
		out = append(out, sent)
	}
	for _, line := range strings.Split(add, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, encounter.Sentence{Text: line, Evidence: []string{}})
		}
	}
	return out
}

// pullIn adds a "Not in the draft" part to a section: a new version.
func (c *Console) pullIn(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	id := r.PathValue("id")
	base, err := version(r)
	part, perr := strconv.Atoi(cmpOr(r.PostFormValue("part"), "0"))
	if err == nil && (perr != nil || part < 0 || base == 0) {
		err = phi.Permanentf(phi.CodeInvalidInput, "the form names no version or part")
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	if _, err := c.svc.Drafts.PullIn(r.Context(), who, id, base, r.PostFormValue("segment"), part, r.PostFormValue("section")); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/encounters/"+id, "pulled")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// sign signs the version the clinician read: the form carries its content
// hash, so a version changed since is refused (409).
func (c *Console) sign(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	id := r.PathValue("id")
	v, err := version(r)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	if _, err := c.svc.Drafts.Sign(r.Context(), who, id, v, r.PostFormValue("content_sha256"), r.PostFormValue("attestation")); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/encounters/"+id, "signed")
}

func (c *Console) reject(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	c.transition(w, r, s, who, c.svc.Drafts.Reject, rejectReasons, "rejected")
}

func (c *Console) enteredInError(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	c.transition(w, r, s, who, c.svc.Drafts.EnteredInError, retractReasons, "retracted")
}

func (c *Console) transition(w http.ResponseWriter, r *http.Request, s *session, who access.Who,
	fn func(ctx context.Context, who access.Who, id string, version int, reason string) (*signoff.DraftView, error),
	allowed []codeWords, code string) {
	id := r.PathValue("id")
	v, err := version(r)
	reason := r.PostFormValue("reason")
	if err == nil && !slices.ContainsFunc(allowed, func(c codeWords) bool { return c.Code == reason }) {
		err = phi.Permanentf(phi.CodeInvalidInput, "choose one of the listed reasons")
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	if _, err := fn(r.Context(), who, id, v, reason); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/encounters/"+id, code)
}

func (c *Console) regenerate(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	id := r.PathValue("id")
	if err := c.svc.Regenerate.Regenerate(r.Context(), who, id); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/encounters/"+id, "regenerated")
}

// humanPage is the editor of a note written by a clinician (human
// documentation: the patient opted out of AI processing).
type humanPage struct {
	ID       string
	Base     int
	Sections []sectionView
	Source   *sourceView
	HasAudio bool
	Note     string
}

func (p humanPage) title() string { return "Document encounter " + p.ID }

func (c *Console) humanEditor(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	id := r.PathValue("id")
	p := humanPage{ID: id}
	dv, err := c.svc.Drafts.View(r.Context(), who, id, 0)
	switch {
	case err == nil && !dv.Label.AIGenerated && dv.State.Status == encounter.DraftPreliminary:
		p.Base = dv.Version
		p.Sections, _ = sectionsOf(dv.Draft)
	case err == nil || phi.CodeOf(err) == phi.CodeNotFound:
		blank, err := c.svc.Human.Blank(r.Context(), who, id)
		if err != nil {
			c.fail(w, r, s, err)
			return
		}
		p.Sections, _ = sectionsOf(&encounter.Draft{Sections: blank})
	default:
		c.fail(w, r, s, err)
		return
	}
	src, err := c.svc.Sources.Source(r.Context(), who, id)
	switch {
	case err == nil:
		p.Source = sourceOf(src, nil)
	case phi.CodeOf(err) == phi.CodeNotFound:
		p.Note = "No transcript: listen to the recording."
	default:
		c.fail(w, r, s, err)
		return
	}
	if rec, err := c.svc.Sources.Recording(r.Context(), who, id); err == nil {
		rec.Close()
		p.HasAudio = true
	}
	c.render(w, r, s, http.StatusOK, "human", p)
}

// saveHuman stores the note: one textarea per section, one sentence per
// line.
func (c *Console) saveHuman(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	id := r.PathValue("id")
	base, err := strconv.Atoi(cmpOr(r.PostFormValue("base"), "0"))
	if err != nil || base < 0 {
		c.fail(w, r, s, phi.Permanentf(phi.CodeInvalidInput, "the form names no version"))
		return
	}
	var sections []encounter.Section
	if base == 0 {
		sections, err = c.svc.Human.Blank(r.Context(), who, id)
	} else {
		var dv *signoff.DraftView
		if dv, err = c.svc.Drafts.View(r.Context(), who, id, base); err == nil {
			sections = slices.Clone(dv.Sections)
		}
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	for i := range sections {
		sections[i].Sentences = edited(nil, nil, r.PostFormValue("section-"+sections[i].Key))
	}
	if _, err := c.svc.Human.Write(r.Context(), who, id, base, sections); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/encounters/"+id, "documented")
}
