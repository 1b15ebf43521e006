package ai_test

import (
	"context"
	"errors"
	"log/slog"
	"sync/atomic"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// counting is a provider that counts calls and can wait for ctx to end.
type counting struct {
	calls   atomic.Int32
	block   bool
	started chan struct{} // closed by the first blocking call
}

func (c *counting) Summarize(ctx context.Context, req *ai.SummarizeRequest) (*ai.SummarizeResult, error) {
	c.calls.Add(1)
	if c.block {
		close(c.started)
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return instant{}.Summarize(ctx, req)
}

func (c *counting) Transcribe(ctx context.Context, req *ai.TranscribeRequest) (*ai.TranscribeResult, error) {
	c.calls.Add(1)
	return &ai.TranscribeResult{}, nil
}

// failAfter fails every Append after the first n.
type failAfter struct {
	audit.MemorySink
	n, seen atomic.Int32
}

func (f *failAfter) Append(ctx context.Context, e audit.Entry) error {
	if f.seen.Add(1) > f.n.Load() {
		return errors.New("injected: store down")
	}
	return f.MemorySink.Append(ctx, e)
}

func gateway(t *testing.T, sink audit.Sink, p *counting, attested bool) (*ai.Gateway, *ai.SummarizeRequest) {
	t.Helper()
	prov := &ai.Provider{Name: "p", Kind: "test", Summarizer: p, Transcriber: p,
		Attestation: ai.Attestation{ZeroRetention: attested, Agreement: "baa-1"}, Models: map[ai.Task]string{ai.TaskSummarize: "m"}}
	gw, err := ai.NewGateway(ai.Config{Transcribe: "p", Summarize: "p"}, []*ai.Provider{prov}, audit.NewLogger(sink, "s", "w", nil), ai.AllowAll{}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return gw, summarizeReq(t)
}

func TestGatewayFailsClosedWithoutAudit(t *testing.T) {
	t.Parallel()
	sink := &audit.MemorySink{}
	sink.Fail(errors.New("injected: store down"))
	p := &counting{}
	gw, req := gateway(t, sink, p, true)
	_, err := gw.Summarize(context.Background(), call, req)
	if phi.CodeOf(err) != phi.CodeAuditUnavailable || phi.IsPermanent(err) {
		t.Fatalf("err = %v; want a retryable audit_unavailable", err)
	}
	if p.calls.Load() != 0 {
		t.Fatal("the provider was called although the intent could not be recorded")
	}
	sink.Fail(nil) // the store is back: the retry goes through, audited
	if _, err := gw.Summarize(context.Background(), call, req); err != nil {
		t.Fatal(err)
	}
	es := sink.Entries()
	if p.calls.Load() != 1 || len(es) != 2 || es[0].Event != audit.EventAIIntent || es[1].Event != audit.EventAIOutcome || es[0].CallID != es[1].CallID {
		t.Fatalf("calls %d, entries %+v; want one call with its intent and outcome", p.calls.Load(), es)
	}
}

func TestGatewayDiscardsUnauditedResult(t *testing.T) {
	t.Parallel()
	sink := &failAfter{}
	sink.n.Store(1) // the intent is written, the outcome is not
	p := &counting{}
	gw, req := gateway(t, sink, p, true)
	res, err := gw.Summarize(context.Background(), call, req)
	if res != nil || phi.CodeOf(err) != phi.CodeAuditUnavailable || phi.IsPermanent(err) {
		t.Fatalf("res %v, err %v; want no result and a retryable audit_unavailable", res, err)
	}
}

func TestGatewayRecordsOutcomeAfterDeadline(t *testing.T) {
	t.Parallel()
	sink := &audit.MemorySink{}
	p := &counting{block: true, started: make(chan struct{})}
	gw, req := gateway(t, sink, p, true)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-p.started
		cancel()
	}()
	if _, err := gw.Summarize(ctx, call, req); phi.CodeOf(err) != phi.CodeCanceled {
		t.Fatalf("err = %v, want canceled", err)
	}
	es := sink.Entries()
	if len(es) != 2 || es[1].Event != audit.EventAIOutcome || es[1].Result != string(phi.CodeCanceled) {
		t.Fatalf("entries %+v; want the intent and a canceled outcome", es)
	}
}

func TestGatewayRefusalIsAudited(t *testing.T) {
	t.Parallel()
	sink := &audit.MemorySink{}
	p := &counting{}
	gw, req := gateway(t, sink, p, false)
	_, err := gw.Summarize(context.Background(), call, req)
	if phi.CodeOf(err) != phi.CodeNotAttested || !phi.IsPermanent(err) || p.calls.Load() != 0 {
		t.Fatalf("err %v, calls %d; want a permanent refusal and no call", err, p.calls.Load())
	}
	es := sink.Entries()
	if len(es) != 1 || es[0].Event != audit.EventAIRefused || es[0].Result != string(phi.CodeNotAttested) || es[0].Attestation != "baa-1" {
		t.Fatalf("entries %+v; want one ai.refused entry", es)
	}
}
