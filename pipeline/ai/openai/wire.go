package openai

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// exchange is one HTTP attempt as the wire saw it. The attempt's caller
// puts it in the request context; the wire fills it in.
type exchange struct {
	model, op string
	keepBody  bool // keep a copy of a 2xx body (transcriptions, for fields go-openai does not decode)

	audit   *ai.Request // nil until the intent entry is written
	refused error       // the wire refused to send
	status  int
	header  http.Header
	body    []byte
	netErr  error
}

type exchangeKey struct{}

func withExchange(ctx context.Context, ex *exchange) context.Context {
	return context.WithValue(ctx, exchangeKey{}, ex)
}

// identifierFields are request fields that identify an end user or carry
// free-form metadata. clinscribe never sets them; the wire refuses to send
// a request that has them, whatever code path built it.
var identifierFields = []string{"user", "metadata", "safety_identifier", "prompt_cache_key"}

// ErrIdentifierField means a request carried an end-user identifier or
// metadata field and was not sent.
var ErrIdentifierField = errors.New("openai: request carries an end-user identifier or metadata field")

// wire is the HTTP client go-openai sends through. For every request it
// (1) checks the body: no identifier or metadata fields, and store=false
// set explicitly where go-openai would leave it out (its Store field is a
// bool with omitempty, so false is never written); (2) writes the audit
// intent entry for this request through the gateway (ai.BeginRequest) —
// outside a gateway call nothing is sent; (3) sends it and keeps the
// status and headers (Retry-After, x-ratelimit-*, request ID), which
// go-openai's errors do not carry.
type wire struct {
	client    *http.Client
	omitStore bool
}

func (w *wire) Do(req *http.Request) (*http.Response, error) {
	ex, _ := req.Context().Value(exchangeKey{}).(*exchange)
	if ex == nil {
		return nil, phi.Permanentf(phi.CodeInternal, "openai: request sent outside an attempt")
	}
	if err := w.guard(req); err != nil {
		ex.refused = err
		return nil, err
	}
	bodySHA, err := bodyHash(req)
	if err != nil {
		ex.refused = err
		return nil, err
	}
	r, err := ai.BeginRequest(req.Context(), ai.RequestInfo{Model: ex.model, Operation: ex.op, InputSHA256: bodySHA})
	if err != nil {
		ex.refused = err
		return nil, err
	}
	ex.audit = r
	resp, err := w.client.Do(req)
	if err != nil {
		ex.netErr = err
		return nil, err
	}
	ex.status, ex.header = resp.StatusCode, resp.Header.Clone()
	if ex.keepBody && resp.StatusCode/100 == 2 {
		b, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
		resp.Body.Close()
		if rerr != nil {
			ex.netErr = rerr
			return nil, rerr
		}
		ex.body = b
		resp.Body = io.NopCloser(bytes.NewReader(b))
	}
	return resp, nil
}

// bodyHash is the SHA-256 of exactly the bytes about to be sent, for the
// request's audit intent. The body is read and replaced; go-openai builds
// both JSON and multipart bodies in memory, so this costs no extra I/O.
func bodyHash(req *http.Request) (string, error) {
	if req.Body == nil {
		return "", nil
	}
	raw, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return "", fmt.Errorf("openai: reading request body: %w", err)
	}
	req.Body = io.NopCloser(bytes.NewReader(raw))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(raw)), nil }
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:]), nil
}

func (w *wire) guard(req *http.Request) error {
	mt, _, _ := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if mt != "application/json" || req.Body == nil {
		return nil // multipart uploads are built field by field in transcribe.go
	}
	raw, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return fmt.Errorf("openai: reading request body: %w", err)
	}
	var body map[string]json.RawMessage
	if err := json.Unmarshal(raw, &body); err != nil {
		return phi.Permanentf(phi.CodeInternal, "openai: request body is not a JSON object")
	}
	var bad []string
	for _, f := range identifierFields {
		if _, ok := body[f]; ok {
			bad = append(bad, f)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return phi.WrapPermanent(ErrIdentifierField, phi.CodeInternal,
			"request not sent: it carries end-user identifier or metadata field(s) "+strings.Join(bad, ", "))
	}
	if strings.HasSuffix(req.URL.Path, "/chat/completions") {
		if w.omitStore {
			delete(body, "store")
		} else {
			body["store"] = json.RawMessage("false")
		}
	}
	out, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req.Body = io.NopCloser(bytes.NewReader(out))
	req.ContentLength = int64(len(out))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(out)), nil }
	return nil
}
