package audit_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// benchTrail is a Trail on a real directory (t.TempDir is on disk here, not
// tmpfs: check `df -T $TMPDIR` before trusting fsync figures).
func benchTrail(b *testing.B, maxBatch int) *audit.Trail {
	b.Helper()
	return benchTrailWith(b, audit.TrailConfig{MaxBatch: maxBatch})
}

func benchTrailWith(b *testing.B, cfg audit.TrailConfig) *audit.Trail {
	b.Helper()
	signer, err := audit.GenerateSigner(b.TempDir() + "/key")
	if err != nil {
		b.Fatal(err)
	}
	store, err := audit.NewFileStore(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	cfg.Writer = "bench"
	tr, err := audit.NewTrail(store, signer, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tr.Close() })
	return tr
}

const benchAppenders = 16

// BenchmarkTrailAppend: 16 concurrent appenders, every Append durable
// before it returns; group commit vs one fsync per entry.
func BenchmarkTrailAppend(b *testing.B) {
	for _, bc := range []struct {
		name     string
		maxBatch int
	}{{"group-commit", 0}, {"fsync-per-entry", 1}} {
		b.Run(bc.name, func(b *testing.B) {
			tr := benchTrail(b, bc.maxBatch)
			e := entry(1)
			b.SetParallelism((benchAppenders + 1) / 2) // x GOMAXPROCS (2 here)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := tr.Append(context.Background(), e); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}

// BenchmarkGroupCommitSpeedup writes the same load both ways in one run
// and reports the ratio, so the figure does not depend on comparing runs.
func BenchmarkGroupCommitSpeedup(b *testing.B) {
	const perRun = 800
	run := func(maxBatch int) time.Duration {
		tr := benchTrail(b, maxBatch)
		e := entry(1)
		start := time.Now()
		var wg sync.WaitGroup
		for range benchAppenders {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range perRun / benchAppenders {
					if err := tr.Append(context.Background(), e); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		return time.Since(start)
	}
	var group, single time.Duration
	for b.Loop() {
		group += run(0)
		single += run(1)
	}
	n := float64(b.N * perRun)
	b.ReportMetric(n/group.Seconds(), "group-entries/s")
	b.ReportMetric(n/single.Seconds(), "per-entry-entries/s")
	b.ReportMetric(single.Seconds()/group.Seconds(), "speedup-x")
}

// BenchmarkSigningSchedule writes the same load (16 concurrent appenders)
// with the schedule before sealed segments (a checkpoint a minute) and
// with the defaults (every 5 s and every 256 entries) in one run, and
// reports both rates and their ratio.
func BenchmarkSigningSchedule(b *testing.B) {
	const perRun = 1600
	run := func(tr *audit.Trail) time.Duration {
		e := entry(1)
		start := time.Now()
		var wg sync.WaitGroup
		for range benchAppenders {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range perRun / benchAppenders {
					if err := tr.Append(context.Background(), e); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		return time.Since(start)
	}
	before := benchTrailWith(b, audit.TrailConfig{CheckpointInterval: time.Minute, CheckpointEvery: -1, Lease: -1})
	after := benchTrailWith(b, audit.TrailConfig{})
	var tb, ta time.Duration
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 { // alternate which goes first
			tb += run(before)
			ta += run(after)
		} else {
			ta += run(after)
			tb += run(before)
		}
	}
	n := float64(b.N * perRun)
	b.ReportMetric(n/tb.Seconds(), "before-entries/s")
	b.ReportMetric(n/ta.Seconds(), "after-entries/s")
	b.ReportMetric(tb.Seconds()/ta.Seconds(), "after/before-x")
}
