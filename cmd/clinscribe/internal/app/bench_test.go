package app_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/s3test"
	"github.com/clinscribe/clinscribe/storage/storagetest"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

const benchBatch = 100

// benchConcurrency is how many tasks the benchmark's workers run at once,
// the pipeline's and bare asynq's alike: the worker's production default
// (worker.Config.Concurrency, zero means 10). Until issue 18's fourth pass
// both ran 4, the functional tests' setting, which left the pipeline's
// worker waiting on its durable writes with cores idle.
var benchConcurrency = worker.Config{}.WithDefaults().Concurrency

// BenchmarkThroughput compares the whole pipeline (submit: validate,
// encrypt, store, audit, enqueue; worker: decrypt, segment, summarize with
// the zero-latency offline provider, audit, store the draft) with bare
// asynq doing one no-op task per encounter on the same Redis with the same
// concurrency. Bare asynq runs first; each pipeline run reports its
// encounters/s as a percentage of it (pct-of-bare-asynq), so the ratio
// comes from one run on one machine.
//
// Each pipeline run also counts the requests its stores received, per
// encounter from submit to draft v1 (issue 18): object writes (PUTs) and
// reads (GETs), deletes and lists, for the data store and the keyring's
// store apart, and the local stores' group flushes (fdatasync calls of the
// log, syncfs calls of the one-file-per-object format: flushes/enc; none on
// S3). The local runs store in directories, as a log (Pipeline, the default
// for a new directory) and one file per object (PipelineFiles); the S3 run stores both
// in buckets of the S3-protocol test server (storage/s3test). The
// benchmark's own polling for the drafts goes around the counters.
//
// Each run also reports the CPU time it took per encounter (or task): this
// process's (cpu-ms/enc: getrusage, every goroutine, the benchmark's own
// polling included) and Redis's (redis-cpu-ms/enc: INFO cpu); not the S3
// test server's. On a machine shared with other jobs, encounters/s follows
// their load from run to run, while CPU per encounter barely moves with
// it, so before/after comparisons of the pipeline's cost read steadier
// there.
func BenchmarkThroughput(b *testing.B) {
	rds := redistest.StartWith(b, redistest.Options{Own: true})
	note := []byte("HPI: Cough for five days with fever. Exam: Temp 38.4 C. Lungs clear. Assessment: Viral bronchitis, likely. Plan: Honey and fluids. Return in 1 week if not better.")

	var bare float64
	b.Run("BareAsynq", func(b *testing.B) {
		bare = benchBareAsynq(b, rds)
	})
	b.Run("Pipeline", func(b *testing.B) {
		benchPipeline(b, rds, note, bare, 1, func(*config.Config) {})
	})
	// The same with the batch submitted by 8 clients at once, as an API
	// serving several clinics sees it: submissions overlap their durable
	// writes instead of waiting for each other's.
	b.Run("PipelineSubmitters8", func(b *testing.B) {
		benchPipeline(b, rds, note, bare, 8, func(*config.Config) {})
	})
	// The same on the one-file-per-object local format (storage.Local),
	// the data store's layout before the log (issue 18).
	b.Run("PipelineFiles", func(b *testing.B) {
		benchPipeline(b, rds, note, bare, 1, func(c *config.Config) { c.Storage.Format = storage.FormatFiles })
	})
	b.Run("PipelineS3", func(b *testing.B) {
		srv := s3test.Start(b)
		srv.Bucket(b, "data")
		srv.Bucket(b, "ring")
		ak, sk := s3test.Credentials()
		b.Setenv("AWS_ACCESS_KEY_ID", ak)
		b.Setenv("AWS_SECRET_ACCESS_KEY", sk)
		aws := config.AWS{Region: "us-east-1", Endpoint: srv.Endpoint, PathStyle: true}
		benchPipeline(b, rds, note, bare, 1, func(c *config.Config) {
			c.Storage = config.Store{Kind: "s3", S3: storage.S3Config{Bucket: "data"}, AWS: aws}
			c.Keys.Ring = config.Store{Kind: "s3", S3: storage.S3Config{Bucket: "ring"}, AWS: aws}
		})
	})
}

func benchPipeline(b *testing.B, rds *redistest.Server, note []byte, bare float64, submitters int, adjust func(*config.Config)) {
	cfg := testConfig(&testing.T{}, rds.URL)
	cfg.DataDir = b.TempDir()
	cfg.Storage.Dir, cfg.Keys.File, cfg.Keys.Ring.Dir, cfg.Audit.Dir = "", "", "", ""
	cfg.Log.Level = "error"
	cfg.Worker.IdlePollInterval = 10 * time.Millisecond
	// The worker runs as shipped: worker.Config's default concurrency
	// (testConfig's 4 is for the functional tests), as bare asynq does.
	cfg.Worker.Concurrency = benchConcurrency
	adjust(&cfg)
	cfg = cfg.WithDefaults()
	var data, ring storagetest.Counter
	var rawData storage.Blobstore
	a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: &syncBuffer{},
		WrapStore: func(which string, bs storage.Blobstore) storage.Blobstore {
			if which == "ring" {
				return ring.Wrap(bs)
			}
			rawData = bs
			return data.Wrap(bs)
		}})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	// The benchmark watches for drafts through the uncounted store.
	watch := encounter.NewStore(storage.NewVault(rawData, a.Keyring))
	srv, err := a.NewWorker()
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	defer srv.Shutdown()
	ctx := context.Background()
	// One encounter first, so the counts are of the steady state (the
	// scope keys every encounter shares exist).
	warm, err := a.Pipeline.Submit(ctx, baseNote(note))
	if err != nil {
		b.Fatal(err)
	}
	waitDraft(b, watch, warm)
	d0, r0, f0, ft0 := data.Counts(), ring.Counts(), storage.Flushes(), storage.FlushTime()
	cpu := startCPU(b, rds)
	start := time.Now()
	total := 0
	var submitting time.Duration
	for b.Loop() {
		submitStart := time.Now()
		ids := make([]string, benchBatch)
		errs := make([]error, benchBatch)
		var wg sync.WaitGroup
		for w := range submitters {
			wg.Go(func() {
				for i := w; i < benchBatch; i += submitters {
					ids[i], errs[i] = a.Pipeline.Submit(ctx, baseNote(note))
				}
			})
		}
		wg.Wait()
		submitting += time.Since(submitStart)
		if err := errors.Join(errs...); err != nil {
			b.Fatal(err)
		}
		for _, id := range ids {
			waitDraft(b, watch, id)
		}
		total += benchBatch
	}
	rate := float64(total) / time.Since(start).Seconds()
	b.ReportMetric(rate, "encounters/s")
	if bare > 0 {
		b.ReportMetric(100*rate/bare, "pct-of-bare-asynq")
	}
	// How much of the run the batch's submissions took (workers drain the
	// queue meanwhile): near 1, Submit's serial durable writes set the
	// pace; well below, the workers do.
	b.ReportMetric(submitting.Seconds()/time.Since(start).Seconds(), "submit-share")
	cpu.report(b, total)
	d, r := data.Counts().Sub(d0).Per(total), ring.Counts().Sub(r0).Per(total)
	b.ReportMetric(d[0], "data-writes/enc")
	b.ReportMetric(d[1], "data-reads/enc")
	b.ReportMetric(d[2], "data-deletes/enc")
	b.ReportMetric(d[3], "data-lists/enc")
	b.ReportMetric(r[0], "ring-writes/enc")
	b.ReportMetric(r[1], "ring-reads/enc")
	b.ReportMetric(float64(storage.Flushes()-f0)/float64(total), "flushes/enc")
	b.ReportMetric(float64((storage.FlushTime()-ft0).Microseconds())/1000/float64(total), "flush-ms/enc")
}

// waitDraft waits until draft v1 of the encounter is stored.
func waitDraft(b *testing.B, s *encounter.Store, id string) {
	if err := workertest.Within(time.Minute, func() error {
		vs, err := s.DraftVersions(context.Background(), id)
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

func benchBareAsynq(b *testing.B, rds *redistest.Server) float64 {
	opt := asynq.RedisClientOpt{Addr: rds.Addr}
	var done atomic.Int64
	// processed holds a wake-up whenever done has grown since the
	// loop below last looked: a send that finds it full is covered by
	// the one already in it.
	processed := make(chan struct{}, 1)
	srv := asynq.NewServer(opt, asynq.Config{Concurrency: benchConcurrency, Queues: map[string]int{"summarize": 1}, LogLevel: asynq.ErrorLevel, TaskCheckInterval: 10 * time.Millisecond})
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
	cpu := startCPU(b, rds)
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
	rate := float64(total) / time.Since(start).Seconds()
	b.ReportMetric(rate, "encounters/s")
	cpu.report(b, int(total))
	return rate
}

// cpuMeter measures CPU time from its start: this process's and the Redis
// server's.
type cpuMeter struct {
	rds         *redistest.Server
	self, redis time.Duration
	scripts     int64
}

func startCPU(b *testing.B, rds *redistest.Server) *cpuMeter {
	return &cpuMeter{rds: rds, self: processCPU(b), redis: redisCPU(b, rds), scripts: redisScripts(b, rds)}
}

// report reports CPU milliseconds per encounter since the start, and the
// Lua scripts Redis ran per encounter (redis-scripts/enc): asynq runs one
// to enqueue, one to mark done and one per queue a dequeue tries, so the
// excess over 3 is dequeues of empty queues (issue 18, fifth pass: a worker
// serving five queues tries 2.7 a task, bare asynq's one queue 1).
func (m *cpuMeter) report(b *testing.B, n int) {
	self, redis := processCPU(b)-m.self, redisCPU(b, m.rds)-m.redis
	b.ReportMetric(float64(self.Microseconds())/1000/float64(n), "cpu-ms/enc")
	b.ReportMetric(float64(redis.Microseconds())/1000/float64(n), "redis-cpu-ms/enc")
	b.ReportMetric(float64(redisScripts(b, m.rds)-m.scripts)/float64(n), "redis-scripts/enc")
}

// redisScripts is how many Lua scripts (EVALSHA and EVAL calls) the Redis
// server has run (INFO commandstats).
func redisScripts(b *testing.B, rds *redistest.Server) int64 {
	info, err := rds.Client(b).Info(context.Background(), "commandstats").Result()
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, line := range strings.Split(info, "\n") {
		name, val, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok || (name != "cmdstat_evalsha" && name != "cmdstat_eval") {
			continue
		}
		calls, _, _ := strings.Cut(strings.TrimPrefix(val, "calls="), ",")
		n, err := strconv.ParseInt(calls, 10, 64)
		if err != nil {
			b.Fatalf("INFO commandstats %s: %v", line, err)
		}
		total += n
	}
	return total
}

func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// redisCPU is the Redis server's user and system CPU time (INFO cpu).
func redisCPU(b *testing.B, rds *redistest.Server) time.Duration {
	info, err := rds.Client(b).Info(context.Background(), "cpu").Result()
	if err != nil {
		b.Fatal(err)
	}
	var total float64
	for _, line := range strings.Split(info, "\n") {
		name, val, ok := strings.Cut(strings.TrimSpace(line), ":")
		if ok && (name == "used_cpu_sys" || name == "used_cpu_user") {
			f, err := strconv.ParseFloat(val, 64)
			if err != nil {
				b.Fatalf("INFO cpu %s: %v", name, err)
			}
			total += f
		}
	}
	return time.Duration(total * float64(time.Second))
}
