package aws

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// auditedHTTP is the HTTP client every AWS client of this provider sends
// through. Inside a gateway call, each request (each retry too) gets its own
// audit intent before the first byte leaves — with the SHA-256 of exactly
// the bytes sent — and its outcome after. Outside a call only requests
// that carry no content may go: the cleanup a maintenance sweep does
// (listing and deleting staged objects, deleting jobs). Anything else is
// refused, so the provider cannot be used around the audited gateway.
type auditedHTTP struct {
	next aws.HTTPClient
}

// withAuditedHTTP wraps cfg's HTTP client.
func withAuditedHTTP(cfg aws.Config) aws.Config {
	next := cfg.HTTPClient
	if next == nil {
		next = http.DefaultClient
	}
	cfg.HTTPClient = &auditedHTTP{next: next}
	return cfg
}

var opRE = regexp.MustCompile(`[^A-Za-z0-9._:-]+`)

// operation names a request for the audit entry: the JSON target
// ("Transcribe.StartMedicalTranscriptionJob"), or service and method
// ("s3:PUT", "bedrock:converse").
func operation(req *http.Request) string {
	if t := req.Header.Get("X-Amz-Target"); t != "" {
		return opRE.ReplaceAllString(t, "-")
	}
	if strings.HasSuffix(req.URL.Path, "/converse") {
		return "bedrock:converse"
	}
	return "s3:" + req.Method
}

// contentFree are requests that send no content, allowed outside a call.
func contentFree(req *http.Request) bool {
	switch t := req.Header.Get("X-Amz-Target"); {
	case t != "":
		return strings.Contains(t, ".Delete") || strings.Contains(t, ".List")
	case strings.HasSuffix(req.URL.Path, "/converse"):
		return false
	default:
		return req.Method == http.MethodDelete || req.Method == http.MethodGet || req.Method == http.MethodHead ||
			(req.Method == http.MethodPost && req.URL.Query().Has("delete"))
	}
}

func (c *auditedHTTP) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if !ai.InGatewayCall(ctx) {
		if contentFree(req) {
			return c.next.Do(req)
		}
		return nil, phi.WrapPermanent(ai.ErrOutsideGateway, phi.CodeInternal, "AWS request attempted outside the audited gateway; not sent")
	}
	sum, err := payloadHash(req)
	if err != nil {
		return nil, err
	}
	r, err := ai.BeginRequest(ctx, ai.RequestInfo{Operation: operation(req), InputSHA256: sum})
	if err != nil {
		return nil, err
	}
	resp, err := c.next.Do(req)
	if err != nil {
		_ = r.End(ctx, string(phi.CodeOf(err)), ai.Usage{}, "")
		return nil, err
	}
	result := "ok"
	if resp.StatusCode >= 300 {
		result = "http_" + strconv.Itoa(resp.StatusCode)
	}
	reqID := resp.Header.Get("X-Amzn-Requestid")
	if reqID == "" {
		reqID = resp.Header.Get("X-Amz-Request-Id")
	}
	if err := r.End(ctx, result, ai.Usage{}, reqID); err != nil {
		resp.Body.Close()
		return nil, err
	}
	return resp, nil
}

// payloadHash is the SHA-256 of the body about to be sent. S3 requests
// carry it already signed (X-Amz-Content-Sha256); JSON bodies are small
// and read here; streaming uploads that could not be hashed up front say
// so rather than guess.
func payloadHash(req *http.Request) (string, error) {
	if h := req.Header.Get("X-Amz-Content-Sha256"); len(h) == 64 {
		return h, nil
	}
	if req.Body == nil || req.Body == http.NoBody {
		sum := sha256.Sum256(nil)
		return hex.EncodeToString(sum[:]), nil
	}
	if req.ContentLength < 0 || req.ContentLength > 32<<20 {
		return "unhashed-stream", nil
	}
	raw, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return "", phi.Wrap(err, phi.CodeProviderError, "request body could not be read")
	}
	req.Body = io.NopCloser(bytes.NewReader(raw))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(raw)), nil }
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:]), nil
}
