package app_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

const benchBatch = 100

// BenchmarkThroughput compares the whole pipeline (submit: validate,
// encrypt, store, audit, enqueue; worker: decrypt, segment, summarize with
// the zero-latency offline provider, audit, store the draft) with bare
// asynq doing one no-op task per encounter on the same Redis with the same
// concurrency. Read the two encounters/s figures as a ratio.
func BenchmarkThroughput(b *testing.B) {
	rds := redistest.StartWith(b, redistest.Options{Own: true})
	note := []byte("HPI: Cough for five days with fever. Exam: Temp 38.4 C. Lungs clear. Assessment: Viral bronchitis, likely. Plan: Honey and fluids. Return in 1 week if not better.")

	b.Run("Pipeline", func(b *testing.B) {
		cfg := testConfig(&testing.T{}, rds.URL)
		cfg.DataDir = b.TempDir()
		cfg.Storage.Dir, cfg.Keys.File, cfg.Keys.Ring.Dir, cfg.Audit.Dir = "", "", "", ""
		cfg.Log.Level = "error"
		cfg.Worker.IdlePollInterval = 10 * time.Millisecond
		cfg = cfg.WithDefaults()
		a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: &syncBuffer{}})
		if err != nil {
			b.Fatal(err)
		}
		defer a.Close()
		srv, err := a.NewWorker()
		if err != nil {
			b.Fatal(err)
		}
		if err := srv.Start(); err != nil {
			b.Fatal(err)
		}
		defer srv.Shutdown()
		req := func() (string, error) {
			r := baseNote(note)
			return a.Pipeline.Submit(context.Background(), r)
		}
		start := time.Now()
		total := 0
		for b.Loop() {
			ids := make([]string, 0, benchBatch)
			for range benchBatch {
				id, err := req()
				if err != nil {
					b.Fatal(err)
				}
				ids = append(ids, id)
			}
			for _, id := range ids {
				if err := workertest.Within(time.Minute, func() error {
					vs, err := a.Services.Store.DraftVersions(context.Background(), id)
					if err != nil {
						b.Fatal(err)
					}
					if len(vs) != 1 {
						return workertest.ErrNotYet
					}
					return nil
				}); err != nil {
					b.Fatalf("draft of %s: %v", id, err)
				}
			}
			total += benchBatch
		}
		b.ReportMetric(float64(total)/time.Since(start).Seconds(), "encounters/s")
	})

	b.Run("BareAsynq", func(b *testing.B) {
		opt := asynq.RedisClientOpt{Addr: rds.Addr}
		var done atomic.Int64
		// processed holds a wake-up whenever done has grown since the
		// loop below last looked: a send that finds it full is covered by
		// the one already in it.
		processed := make(chan struct{}, 1)
		srv := asynq.NewServer(opt, asynq.Config{Concurrency: 4, Queues: map[string]int{"summarize": 1}, LogLevel: asynq.ErrorLevel, TaskCheckInterval: 10 * time.Millisecond})
		mux := asynq.NewServeMux()
		mux.HandleFunc("noop", func(context.Context, *asynq.Task) error {
			done.Add(1)
			select {
			case processed <- struct{}{}:
			default:
			}
			return nil
		})
		if err := srv.Start(mux); err != nil {
			b.Fatal(err)
		}
		defer srv.Shutdown()
		c := asynq.NewClient(opt)
		defer c.Close()
		start := time.Now()
		total := int64(0)
		for b.Loop() {
			for range benchBatch {
				id := encounter.NewID()
				if _, err := c.Enqueue(asynq.NewTask("noop", []byte(fmt.Sprintf(`{"encounter_id":%q}`, id))),
					asynq.Queue("summarize"), asynq.TaskID("summarize:"+id), asynq.Retention(24*time.Hour)); err != nil {
					b.Fatal(err)
				}
			}
			total += benchBatch
			for done.Load() < total {
				<-processed
			}
		}
		b.ReportMetric(float64(total)/time.Since(start).Seconds(), "encounters/s")
	})
}
