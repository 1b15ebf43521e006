package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
)

// Worklist lists encounters, scoped by the caller's role
// (*worklist.Service).
type Worklist interface {
	List(ctx context.Context, who access.Who, q worklist.Query) (*worklist.Page, error)
}

// list serves GET /v1/encounters: ?state=awaiting_signoff,failed
// &since=&until= (RFC 3339) &provider= (platform, ops) &order=oldest|newest
// &cursor=&limit=. The query carries states, times and IDs only.
func (s *Server) list(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	var wq worklist.Query
	for _, v := range q["state"] {
		for _, st := range strings.Split(v, ",") {
			if st = strings.TrimSpace(st); st != "" {
				wq.States = append(wq.States, encounter.Phase(st))
			}
		}
	}
	var err error
	if wq.Since, wq.Until, err = timeRange(q); err != nil {
		s.fail(w, r, err)
		return
	}
	if wq.Newest, err = order(q); err != nil {
		s.fail(w, r, err)
		return
	}
	if wq.Limit, err = limit(q); err != nil {
		s.fail(w, r, err)
		return
	}
	wq.Provider, wq.Cursor = q.Get("provider"), q.Get("cursor")
	p, err := s.svc.Worklist.List(r.Context(), who, wq)
	s.respond(w, r, http.StatusOK, p, err)
}

// timeRange reads since and until (RFC 3339).
func timeRange(q url.Values) (since, until time.Time, err error) {
	for name, dst := range map[string]*time.Time{"since": &since, "until": &until} {
		if v := q.Get(name); v != "" {
			t, perr := time.Parse(time.RFC3339, v)
			if perr != nil {
				return since, until, phi.Permanentf(phi.CodeInvalidInput, "%s must be an RFC 3339 time", name)
			}
			*dst = t
		}
	}
	return since, until, nil
}

func order(q url.Values) (newest bool, err error) {
	switch q.Get("order") {
	case "", "oldest":
		return false, nil
	case "newest":
		return true, nil
	}
	return false, phi.Permanentf(phi.CodeInvalidInput, "order must be oldest or newest")
}

func limit(q url.Values) (int, error) {
	v := q.Get("limit")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 500 {
		return 0, phi.Permanentf(phi.CodeInvalidInput, "limit must be 1-500")
	}
	return n, nil
}
