package console

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/review"
)

// caseView is a review case as the pages show it.
type caseView struct {
	review.ReviewCase
	Overdue bool
	Open    bool
}

// caseViews orders cases overdue first, then by due date.
func caseViews(cases []review.ReviewCase, now time.Time) []caseView {
	out := make([]caseView, 0, len(cases))
	for _, c := range cases {
		open := c.Status != review.StatusDecided
		out = append(out, caseView{ReviewCase: c, Open: open, Overdue: open && now.After(c.DueAt)})
	}
	slices.SortStableFunc(out, func(a, b caseView) int {
		switch {
		case a.Overdue != b.Overdue:
			if a.Overdue {
				return -1
			}
			return 1
		case !a.DueAt.Equal(b.DueAt):
			return a.DueAt.Compare(b.DueAt)
		}
		return 0
	})
	return out
}

type queuePage struct {
	Cases   []caseView
	Overdue int
}

func (queuePage) title() string { return "Review cases" }

// caseQueue lists the cases the reviewer may take: assigned to them or to
// no one; overdue first, then by due date.
func (c *Console) caseQueue(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	cases, err := c.svc.Reviews.OpenCases(r.Context(), who)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	p := queuePage{Cases: caseViews(cases, c.now())}
	for _, x := range p.Cases {
		if x.Overdue {
			p.Overdue++
		}
	}
	c.render(w, r, s, http.StatusOK, "reviews", p)
}

// casePage is one case: the patient's statement, the draft, the source.
type casePage struct {
	Case      caseView
	Encounter *encounterPage
	Decisions []codeWords
}

func (p casePage) title() string { return "Review case " + p.Case.ID }

var decisions = []codeWords{
	{review.DecisionUpheld, "Upheld: the note is right as it stands"},
	{review.DecisionCorrected, "Corrected: the note was wrong; a corrected version exists"},
	{review.DecisionWithdrawn, "Withdrawn: the patient withdrew the request"},
}

func (c *Console) casePage(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	id, caseID := r.PathValue("id"), r.PathValue("case")
	cases, err := c.svc.Reviews.List(r.Context(), who, id)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	i := slices.IndexFunc(cases, func(x review.ReviewCase) bool { return x.ID == caseID })
	if i < 0 {
		c.fail(w, r, s, phi.Permanentf(phi.CodeNotFound, "the encounter has no such review case"))
		return
	}
	q := r.URL.Query()
	if q.Get("v") == "" {
		q.Set("v", strconv.Itoa(cases[i].Version))
		r.URL.RawQuery = q.Encode()
	}
	ep, err := c.clinicianView(r.Context(), r, who)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	c.render(w, r, s, http.StatusOK, "case", casePage{Case: caseViews(cases[i:i+1], c.now())[0], Encounter: ep, Decisions: decisions})
}

// decide records the reviewer's decision with its written explanation.
func (c *Console) decide(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	id, caseID := r.PathValue("id"), r.PathValue("case")
	corrected := 0
	if v := r.PostFormValue("corrected_version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			c.fail(w, r, s, phi.Permanentf(phi.CodeInvalidInput, "the corrected version must be a version number"))
			return
		}
		corrected = n
	}
	if _, err := c.svc.Reviews.Decide(r.Context(), who, caseID, r.PostFormValue("decision"), r.PostFormValue("explanation"), corrected); err != nil {
		c.fail(w, r, s, err)
		return
	}
	done(w, r, Prefix+"/encounters/"+id+"/reviews/"+caseID, "decided")
}
