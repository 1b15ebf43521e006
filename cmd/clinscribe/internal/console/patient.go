package console

import (
	"net/http"
	"slices"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// myPage lists the patient's encounters.
type myPage struct {
	Items []WorkItem
	More  bool
}

func (myPage) title() string { return "My visits" }

func (c *Console) myEncounters(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	page, err := c.svc.Worklist.List(r.Context(), who, WorkQuery{Newest: true, Limit: 50})
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	p := myPage{Items: page.Items, More: page.NextCursor != ""}
	c.render(w, r, s, http.StatusOK, "me", p)
}

// patientNote is a note as its patient reads it: the label in plain
// words, each sentence with where it came from; no segment tags.
type patientNote struct {
	ID        string
	Version   int
	Label     labelView
	Sections  []sectionView
	Cases     []caseView
	CanReview bool
}

func (p patientNote) title() string { return "Your visit note" }

// patientEncounter shows a note through the explanation (audited as the
// API's GET /explanation): what each sentence rests on.
func (c *Console) patientEncounter(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	id := r.PathValue("id")
	v, err := version(r)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	ex, err := c.svc.Drafts.Explain(r.Context(), who, id, v)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	p := patientNote{ID: id, Version: ex.Version, CanReview: ex.Label.AIGenerated}
	switch {
	case !ex.Label.AIGenerated:
		p.Label = labelView{Headline: "Written by your clinician", Detail: "No AI was used for this note."}
	case ex.Label.VerifiedBy != "":
		p.Label = labelView{AI: true, Headline: "An AI helped write this note; your clinician checked and signed it",
			Detail: "A computer program (AI) wrote a first draft from what was said or written at your visit. Your clinician read it, corrected it where needed, and signed it on " + ex.Label.VerifiedAt.UTC().Format("2 January 2006") + ". Under each sentence you can see what it is based on. If something looks wrong, you can ask for a person to review it."}
	default:
		p.Label = labelView{AI: true, Headline: "An AI wrote this draft; no clinician has checked it yet",
			Detail: "It may contain mistakes. Your clinician will review and sign it."}
	}
	n := 0
	for _, sent := range ex.Sentences {
		n++
		if len(p.Sections) == 0 || p.Sections[len(p.Sections)-1].Title != sent.Section {
			p.Sections = append(p.Sections, sectionView{Title: sent.Section})
		}
		sec := &p.Sections[len(p.Sections)-1]
		sec.Sentences = append(sec.Sentences, sentenceView{N: n, Text: sent.Text, Sources: sent.Evidence, Flags: sent.Flags})
	}
	cases, err := c.svc.Reviews.List(r.Context(), who, id)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	p.Cases = caseViews(cases, c.now())
	c.render(w, r, s, http.StatusOK, "note", p)
}

// requestReview asks for a person to review the AI's output.
func (c *Console) requestReview(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	id := r.PathValue("id")
	v, err := version(r)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	if _, err := c.svc.Reviews.Request(r.Context(), who, id, v, r.PostFormValue("statement")); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/encounters/"+id, "requested")
}

type consentPage struct {
	Current consent.Consent
	Allowed bool
}

func (consentPage) title() string { return "AI processing" }

func (c *Console) consentPage(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	cur, err := c.svc.Consent.Get(r.Context(), who, who.ID)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	c.render(w, r, s, http.StatusOK, "consent", consentPage{Current: cur, Allowed: cur.AIProcessing != consent.Denied})
}

// consentSource is where a choice made in the console is recorded as made.
const consentSource = "patient-console"

func (c *Console) setConsent(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	if _, err := c.svc.Consent.Set(r.Context(), who, who.ID, r.PostFormValue("ai_processing"), consentSource); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/me/consent", "consent")
}

// accessPage is who accessed the patient's data: the API's readable
// access log (audit.Readable), newest first.
type accessPage struct {
	Rows []audit.ReadableRow
}

func (accessPage) title() string { return "Who accessed my data" }

func (c *Console) accessLog(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	rows, err := c.svc.Guard.ExportAudit(r.Context(), who, audit.Filter{PatientRef: who.ID}, c.svc.AuditRows)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	readable, err := audit.Readable(rows, audit.ReadableOptions{Names: c.names, Viewer: who.ID})
	if err != nil {
		c.fail(w, r, s, phi.Wrap(err, phi.CodeInternal, "the access log could not be worded"))
		return
	}
	slices.Reverse(readable)
	c.render(w, r, s, http.StatusOK, "access", accessPage{Rows: readable})
}

type deletionPage struct {
	ID string
}

func (p deletionPage) title() string { return "Delete my data for this visit" }

func (c *Console) deletionPage(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	// Reading the note first checks it is the patient's (audited as a
	// view): the page names nothing of the visit but its ID.
	if _, err := c.svc.Drafts.Explain(r.Context(), who, r.PathValue("id"), 0); err != nil && phi.CodeOf(err) != phi.CodeNotFound {
		c.fail(w, r, s, err)
		return
	}
	c.render(w, r, s, http.StatusOK, "deletion", deletionPage{ID: r.PathValue("id")})
}

// deletionReason is the code a patient's deletion request records.
const deletionReason = "patient-request"

func (c *Console) deleteEncounter(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	if r.PostFormValue("confirm") != "yes" {
		c.fail(w, r, s, phi.Permanentf(phi.CodeInvalidInput, "tick the box to confirm the deletion"))
		return
	}
	if _, err := c.svc.Deletion.Delete(r.Context(), who, r.PathValue("id"), deletionReason); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/me", "deleted")
}
