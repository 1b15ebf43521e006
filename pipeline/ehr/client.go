package ehr

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Client is a small FHIR R4 REST client: search, read, conditional create
// and update, with the configured authentication.
type Client struct {
	base string
	http *http.Client
	auth TokenSource
}

// NewClient returns a client for the FHIR base URL.
func NewClient(base string, hc *http.Client, auth TokenSource) *Client {
	return &Client{base: strings.TrimSuffix(base, "/"), http: hc, auth: auth}
}

// HTTPError is a FHIR server's refusal or failure. It carries the status
// and the OperationOutcome's issue codes and locations, never its
// diagnostics text (a server may echo content back).
type HTTPError struct {
	Op     string // e.g. "create DocumentReference"
	Status int    // 0 when the server could not be reached
	Issues []string
}

func (e *HTTPError) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("ehr: %s: server unreachable", e.Op)
	}
	s := fmt.Sprintf("ehr: %s: server answered %d", e.Op, e.Status)
	if len(e.Issues) > 0 {
		s += " (" + strings.Join(e.Issues, "; ") + ")"
	}
	return s
}

// Retryable reports whether trying again later may succeed: the server
// was unreachable, overloaded, timed out or failed (5xx, 408, 429), or a
// concurrent update won (412).
func (e *HTTPError) Retryable() bool {
	switch {
	case e.Status == 0, e.Status >= 500, e.Status == http.StatusRequestTimeout,
		e.Status == http.StatusTooManyRequests, e.Status == http.StatusPreconditionFailed:
		return true
	}
	return false
}

// Result is what a write returned.
type Result struct {
	Status    int    // HTTP status: 201 created, 200 found or updated
	ID        string // the resource's logical ID on the server
	VersionID string
	Resource  json.RawMessage
}

func (c *Client) do(ctx context.Context, op, method, path string, body []byte, hdr http.Header) (int, http.Header, []byte, error) {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, c.base+"/"+path, bytes.NewReader(body))
		if err != nil {
			return 0, nil, nil, fmt.Errorf("ehr: %s: %w", op, err)
		}
		req.Header.Set("Accept", "application/fhir+json")
		if body != nil {
			req.Header.Set("Content-Type", "application/fhir+json")
		}
		for k, v := range hdr {
			req.Header[k] = v
		}
		tok, err := c.auth.Token(ctx)
		if err != nil {
			return 0, nil, nil, err
		}
		if tok != "" {
			req.Header.Set("Authorization", tok)
		}
		resp, err := c.http.Do(req)
		if err != nil {
			// The URL may carry a token or an identifier: keep it out.
			return 0, nil, nil, &HTTPError{Op: op}
		}
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
		resp.Body.Close()
		if resp.StatusCode == http.StatusUnauthorized && attempt == 0 {
			c.auth.Invalidate() // expired or revoked early: one fresh token
			continue
		}
		if resp.StatusCode >= 300 {
			return resp.StatusCode, resp.Header, b, &HTTPError{Op: op, Status: resp.StatusCode, Issues: issues(b)}
		}
		return resp.StatusCode, resp.Header, b, nil
	}
}

// issues lists an OperationOutcome's issue codes with their locations.
func issues(body []byte) []string {
	var oo struct {
		ResourceType string
		Issue        []struct {
			Code       string   `json:"code"`
			Expression []string `json:"expression"`
		} `json:"issue"`
	}
	if json.Unmarshal(body, &oo) != nil || oo.ResourceType != "OperationOutcome" {
		return nil
	}
	var out []string
	for _, i := range oo.Issue {
		s := i.Code
		if len(i.Expression) > 0 {
			s += " at " + strings.Join(i.Expression, ",")
		}
		out = append(out, s)
	}
	return out
}

// Search returns the resources a search matches (the first page: the
// searches here match at most a few).
func (c *Client) Search(ctx context.Context, resourceType string, q url.Values) ([]json.RawMessage, error) {
	_, _, b, err := c.do(ctx, "search "+resourceType, http.MethodGet, resourceType+"?"+q.Encode(), nil, nil)
	if err != nil {
		return nil, err
	}
	var bundle struct {
		Entry []struct {
			Resource json.RawMessage `json:"resource"`
			Search   struct {
				Mode string `json:"mode"`
			} `json:"search"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(b, &bundle); err != nil {
		return nil, fmt.Errorf("ehr: search %s: not a Bundle", resourceType)
	}
	var out []json.RawMessage
	for _, e := range bundle.Entry {
		if e.Search.Mode == "" || e.Search.Mode == "match" {
			out = append(out, e.Resource)
		}
	}
	return out, nil
}

// CreateIfNoneExist creates the resource unless one matches the search
// (FHIR conditional create, If-None-Exist): a retry finds what an
// earlier attempt created instead of creating it again.
func (c *Client) CreateIfNoneExist(ctx context.Context, resourceType string, body []byte, ifNoneExist url.Values) (Result, error) {
	op := "create " + resourceType
	status, hdr, b, err := c.do(ctx, op, http.MethodPost, resourceType, body, http.Header{"If-None-Exist": {ifNoneExist.Encode()}})
	if err != nil {
		return Result{Status: status}, err
	}
	return result(op, status, hdr, b)
}

// Read returns a resource and its version.
func (c *Client) Read(ctx context.Context, resourceType, id string) (Result, error) {
	op := "read " + resourceType
	status, hdr, b, err := c.do(ctx, op, http.MethodGet, resourceType+"/"+url.PathEscape(id), nil, nil)
	if err != nil {
		return Result{Status: status}, err
	}
	return result(op, status, hdr, b)
}

// Update replaces a resource, only if it is still at versionID (If-Match),
// so a concurrent change on the server is not overwritten.
func (c *Client) Update(ctx context.Context, resourceType, id, versionID string, body []byte) (Result, error) {
	op := "update " + resourceType
	var hdr http.Header
	if versionID != "" {
		hdr = http.Header{"If-Match": {`W/"` + versionID + `"`}}
	}
	status, rh, b, err := c.do(ctx, op, http.MethodPut, resourceType+"/"+url.PathEscape(id), body, hdr)
	if err != nil {
		return Result{Status: status}, err
	}
	return result(op, status, rh, b)
}

func result(op string, status int, hdr http.Header, b []byte) (Result, error) {
	r := Result{Status: status, Resource: b}
	var res struct {
		ID   string `json:"id"`
		Meta struct {
			VersionID string `json:"versionId"`
		} `json:"meta"`
	}
	if len(b) > 0 && json.Unmarshal(b, &res) == nil {
		r.ID, r.VersionID = res.ID, res.Meta.VersionID
	}
	if r.ID == "" {
		// Prefer=return=minimal servers answer with Location only.
		if loc := hdr.Get("Location"); loc != "" {
			parts := strings.Split(strings.TrimPrefix(loc, "/"), "/")
			for i := range parts {
				if parts[i] == "_history" && i >= 1 {
					r.ID = parts[i-1]
					if i+1 < len(parts) {
						r.VersionID = parts[i+1]
					}
				}
			}
			if r.ID == "" && len(parts) > 0 {
				r.ID = parts[len(parts)-1]
			}
		}
	}
	if r.ID == "" {
		return r, errors.New("ehr: " + op + ": the server named no resource ID")
	}
	return r, nil
}
