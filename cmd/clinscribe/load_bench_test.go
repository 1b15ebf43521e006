package main_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

// BenchmarkLoad is `make bench-load`: N `clinscribe worker` processes with
// concurrency C each, against an AI provider that takes L per call, on one
// Redis. The measured throughput is compared with Little's-law bound
// N*C/L: with every slot busy calling the provider, no fleet can do more.
// The ratio says how much the queue, the worker and storage cost on top
// of the provider's latency.
//
// Provider: the offline provider's simulate_latency (SIMULATED AI: a
// timer, no model), so the figures measure clinscribe and the queue rather
// than an HTTP stack. The harness only needs a provider with a fixed
// latency; set LOAD_CONFIG to a YAML fragment with another ai: section to
// use a different one (e.g. the OpenAI-compatible test server).
//
// Knobs (environment): LOAD_WORKERS (default "1,2,4"), LOAD_CONCURRENCY
// (100), LOAD_LATENCY (100ms), LOAD_ROUNDS (tasks per slot, 20),
// LOAD_DATA (storage directory; default a tmpfs under /dev/shm when there
// is one, so storage measures encryption and the store's code rather than
// this machine's disk — set it to a disk path to include fsync costs),
// LOAD_QUEUE_FETCHERS (the queue-only mode's asynq servers per process,
// each with its own fetch loop and an equal share of C; default 1).
//
// Reported per N: tasks/s overall and over the middle 80% of completions
// (ramp-up and the last wave excluded), both as a ratio of the bound,
// Redis commands per task (INFO commandstats delta / tasks, the
// benchmark's own polling left out), the worker processes' CPU time per
// task, and the machine's load average: on 2 cores shared with other jobs
// the bound needs the workers, Redis and the timer to be scheduled on
// time, and a worker needing c ms of CPU a task cannot pass 1000/c tasks/s
// per free core. Each result also splits a slot's cycle per task (slots /
// overall throughput) into the provider call, the handler's time outside
// it and the time outside the handler (see slotTime), and reports what the
// benchmark's own polling saw of the machine meanwhile: Redis's round
// trip and a timer's wake-up lateness (see machineLatency), the delays
// each task's cycle passes through several times.
func BenchmarkLoad(b *testing.B) {
	workers := intList(b, envOr("LOAD_WORKERS", "1,2,4"))
	conc := atoi(b, envOr("LOAD_CONCURRENCY", "100"))
	latency, err := time.ParseDuration(envOr("LOAD_LATENCY", "100ms"))
	if err != nil {
		b.Fatal(err)
	}
	rounds := atoi(b, envOr("LOAD_ROUNDS", "20"))
	bin := buildBinary(&testing.T{})
	rds := redistest.StartWith(b, redistest.Options{Own: true})
	b.Logf("load: workers %v x concurrency %d, provider latency %s (offline simulate_latency: SIMULATED), %d rounds per slot; queue-only mode: %d asynq fetch loop(s) per process", workers, conc, latency, rounds, queueFetchers())

	for _, mode := range strings.Split(envOr("LOAD_MODE", "pipeline,queue"), ",") {
		var firstSteady float64
		for _, n := range workers {
			b.Run(fmt.Sprintf("%s/N=%d/C=%d/L=%s", mode, n, conc, latency), func(b *testing.B) {
				for b.Loop() {
					var r loadResult
					switch mode {
					case "pipeline":
						r = runLoad(b, bin, rds, n, conc, latency, n*conc*rounds)
					case "queue":
						r = runQueueLoad(b, rds, n, conc, latency, n*conc*rounds)
					default:
						b.Fatalf("LOAD_MODE %q: pipeline or queue", mode)
					}
					bound := float64(n*conc) / latency.Seconds()
					b.ReportMetric(r.overall, "tasks/s")
					b.ReportMetric(r.overall/bound, "ratio-overall")
					b.ReportMetric(r.steady/bound, "ratio-steady")
					b.ReportMetric(r.commandsPerTask, "redis-cmds/task")
					b.ReportMetric(float64(r.cpuPerTask.Microseconds())/1000, "worker-cpu-ms/task")
					if firstSteady == 0 {
						firstSteady = r.steady
					}
					b.ReportMetric(r.steady/firstSteady, "speedup-vs-first")
					cycle := time.Duration(float64(n*conc) / r.overall * float64(time.Second))
					b.ReportMetric(float64(r.slot.handler-r.slot.provider)/1e6, "handler-outside-provider-ms/task")
					b.ReportMetric(float64(cycle-r.slot.handler)/1e6, "outside-handler-ms/task")
					b.ReportMetric(ms(r.machine.rtt[0]), "redis-rtt-p50-ms")
					b.ReportMetric(ms(r.machine.late[0]), "wakeup-late-p50-ms")
					b.Logf("%s N=%d: a slot's cycle %.1f ms a task = provider call %.1f ms + handler outside the provider %.1f ms + outside the handler (asynq's fetch, lease and ack, CPU waits) %.1f ms",
						mode, n, ms(cycle), ms(r.slot.provider), ms(r.slot.handler-r.slot.provider), ms(cycle-r.slot.handler))
					b.Logf("%s N=%d: the machine during the run (the benchmark's polling): Redis round trip p50 %.2f ms, p90 %.2f ms; a timer's wake-up late by p50 %.2f ms, p90 %.2f ms",
						mode, n, ms(r.machine.rtt[0]), ms(r.machine.rtt[1]), ms(r.machine.late[0]), ms(r.machine.late[1]))
					b.Logf("%s N=%d C=%d L=%s: %d tasks, bound %.0f/s, overall %.0f/s (%.3f of bound), steady %.0f/s (%.3f of bound), %.1f Redis commands/task, worker CPU %.2f ms/task, speedup vs N=%d: %.2fx; load average %s",
						mode, n, conc, latency, r.tasks, bound, r.overall, r.overall/bound, r.steady, r.steady/bound, r.commandsPerTask, float64(r.cpuPerTask.Microseconds())/1000, workers[0], r.steady/firstSteady, loadAverage())
				}
			})
		}
	}
}

// loadNote is the note every load task drafts: the pipeline's workers
// from the submitted encounter, the queue-only workers from the same text
// (so the simulated provider does the same work in both modes).
const loadNote = "HPI: Cough for five days with fever. Exam: Temp 38.4 C. Lungs clear. Assessment: Viral bronchitis, likely. Plan: Honey and fluids. Return in 1 week if not better."

type loadResult struct {
	tasks           int
	overall, steady float64
	commandsPerTask float64
	cpuPerTask      time.Duration // the worker processes' CPU time per task
	slot            slotTime
	machine         machineLatency
}

// slotTime is where a slot's time goes, per task, from the workers' own
// metrics (clinscribe_task_duration_seconds: the handler with its
// middleware; clinscribe_ai_request_duration_seconds: the provider call
// as the gateway times it, the simulated latency plus the offline
// provider's drafting). The rest of a slot's cycle, slots / throughput
// minus the handler, is asynq's: waiting for the fetch loop's dequeue,
// the lease, the completion's round trip, and the goroutines' waits for
// a CPU.
type slotTime struct {
	handler, provider time.Duration
}

// slotTimes reads the mean handler and provider times per task from the
// workers' /metrics (zero where a worker serves none).
func slotTimes(b *testing.B, urls []string) slotTime {
	b.Helper()
	var taskSum, taskCount, aiSum, aiCount float64
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			b.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(body), "\n") {
			name, rest, ok := strings.Cut(line, "{")
			if !ok {
				name, rest, ok = strings.Cut(line, " ")
			}
			if !ok {
				continue
			}
			f := strings.Fields(rest)
			v, err := strconv.ParseFloat(f[len(f)-1], 64)
			if err != nil {
				continue
			}
			switch name {
			case "clinscribe_task_duration_seconds_sum":
				taskSum += v
			case "clinscribe_task_duration_seconds_count":
				taskCount += v
			case "clinscribe_ai_request_duration_seconds_sum":
				aiSum += v
			case "clinscribe_ai_request_duration_seconds_count":
				aiCount += v
			}
		}
	}
	mean := func(sum, count float64) time.Duration {
		if count == 0 {
			return 0
		}
		return time.Duration(sum / count * float64(time.Second))
	}
	return slotTime{handler: mean(taskSum, taskCount), provider: mean(aiSum, aiCount)}
}

func runLoad(b *testing.B, bin string, rds *redistest.Server, n, conc int, latency time.Duration, tasks int) loadResult {
	b.Helper()
	ctx := context.Background()
	rdb := rds.Client(b)
	if err := rdb.FlushAll(ctx).Err(); err != nil {
		b.Fatal(err)
	}
	dir := loadDataDir(b)
	cfgPath := filepath.Join(dir, "config.yaml")
	cfgYAML := fmt.Sprintf(`data_dir: %s
redis: {url: %q, pool_size: %d}
worker:
  concurrency: %d
  queues: {summarize: 1}
  idle_poll_interval: 20ms
  shutdown_timeout: 5s
  reconcile_every: 1h
ai:
  providers:
    - {name: offline, kind: offline, simulate_latency: %s}
log: {level: warn}
ops: {drain_poll: -1s, disable_queue_metrics: true}
%s`, filepath.Join(dir, "var"), rds.URL, conc+20, conc, latency, os.Getenv("LOAD_CONFIG"))
	if err := os.WriteFile(cfgPath, []byte(cfgYAML), 0o600); err != nil {
		b.Fatal(err)
	}
	cfg, err := config.Load(cfgPath, nil)
	if err != nil {
		b.Fatal(err)
	}
	a, err := app.Open(ctx, cfg, app.Options{LogOutput: &strings.Builder{}})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	ins := asynq.NewInspector(a.Redis)
	defer ins.Close()

	// Queue every task first, with the queue paused, so the measurement
	// covers processing only.
	if err := ins.PauseQueue(worker.QueueSummarize); err != nil {
		b.Fatal(err)
	}
	submitAll(b, a, []byte(loadNote), tasks)

	// N worker processes, each ready (/readyz) before the clock starts.
	var procs []*os.Process
	var metricsURLs []string
	for i := range n {
		port := freePort(b)
		metricsURLs = append(metricsURLs, fmt.Sprintf("http://127.0.0.1:%d/metrics", port))
		env := append(os.Environ(), "CLINSCRIBE_OPS_LISTEN=127.0.0.1:"+strconv.Itoa(port), fmt.Sprintf("CLINSCRIBE_SERVICE_WORKER_ID=load-%d", i))
		procs = append(procs, startWorkerEnv(b, bin, cfgPath, filepath.Join(dir, fmt.Sprintf("worker-%d.log", i)), env))
		waitReady(b, fmt.Sprintf("http://127.0.0.1:%d/readyz", port))
	}

	r := measure(b, ins, rdb, procs, tasks, n*conc, latency, dir)
	r.slot = slotTimes(b, metricsURLs)
	return r
}

func submitAll(b *testing.B, a *app.App, note []byte, n int) {
	b.Helper()
	const parallel = 16
	errs := make(chan error, parallel)
	per := (n + parallel - 1) / parallel
	for p := range parallel {
		go func() {
			for i := p * per; i < min(n, (p+1)*per); i++ {
				_, err := a.Pipeline.Submit(context.Background(), pipeline.SubmitRequest{
					Note: note, NoteContentType: "text/plain", ProviderID: "dr-load", Actor: "load", Source: "bench",
					Subject: encounter.Subject{PatientID: fmt.Sprintf("MRN-LOAD-%d", i)},
				})
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range parallel {
		if err := <-errs; err != nil {
			b.Fatal(err)
		}
	}
}

// commandCalls sums the calls of every command in INFO commandstats.
func commandCalls(b *testing.B, rdb *redis.Client) int64 {
	b.Helper()
	info, err := rdb.Info(context.Background(), "commandstats").Result()
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, line := range strings.Split(info, "\n") {
		if !strings.HasPrefix(line, "cmdstat_") {
			continue
		}
		_, rest, _ := strings.Cut(line, ":calls=")
		num, _, _ := strings.Cut(rest, ",")
		v, err := strconv.ParseInt(num, 10, 64)
		if err == nil {
			total += v
		}
	}
	return total
}

func startWorkerEnv(b *testing.B, bin, cfgPath, logPath string, env []string) *os.Process {
	b.Helper()
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	p, err := os.StartProcess(bin, []string{bin, "-config", cfgPath, "worker"}, &os.ProcAttr{Env: env, Files: []*os.File{nil, logf, logf}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = p.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _, _ = p.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = p.Kill()
			<-done
		}
		logf.Close()
	})
	return p
}

func waitReady(b *testing.B, url string) {
	b.Helper()
	workertest.Eventually(b, 30*time.Second, func() error {
		resp, err := http.Get(url)
		if err != nil {
			return fmt.Errorf("worker not ready at %s: %v", url, err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return fmt.Errorf("worker not ready at %s: %s", url, resp.Status)
		}
		return nil
	})
}

func loadDataDir(b *testing.B) string {
	b.Helper()
	base := os.Getenv("LOAD_DATA")
	if base == "" {
		if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
			base = "/dev/shm"
		}
	}
	if base == "" {
		return b.TempDir()
	}
	dir, err := os.MkdirTemp(base, "clinscribe-load-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// loadAverage is the machine's 1-minute load average (Linux), printed beside
// each result: on a shared 2-core machine, other jobs' CPU delays every
// hop of a task (the worker, Redis, the timer) and lowers every ratio.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "unknown"
	}
	return f[0]
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func freePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func atoi(b *testing.B, s string) int {
	b.Helper()
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		b.Fatalf("%q is not a positive number", s)
	}
	return n
}

func intList(b *testing.B, s string) []int {
	b.Helper()
	var out []int
	for _, p := range strings.Split(s, ",") {
		out = append(out, atoi(b, strings.TrimSpace(p)))
	}
	return out
}

// measure unpauses the summarize queue and times it until tasks are done.
//
// It watches the queue with three ZCARDs in one round trip every 10 ms
// (completed, retry and archived sets), not with asynq's
// Inspector.GetQueueInfo: that runs a Lua script over every set of the
// queue and samples task memory (tens of Redis commands a call), which on
// this 2-core machine took Redis time from the workers and counted its own
// commands as theirs. The poll's commands are left out of the per-task
// count.
func measure(b *testing.B, ins *asynq.Inspector, rdb *redis.Client, workers []*os.Process, tasks, slots int, latency time.Duration, dir string) loadResult {
	b.Helper()
	ctx := context.Background()
	before := commandCalls(b, rdb)
	cpuBefore := processesCPU(b, workers)
	start := time.Now()
	if err := ins.UnpauseQueue(worker.QueueSummarize); err != nil {
		b.Fatal(err)
	}
	var t10, t90 time.Time
	polls := 0
	deadline := start.Add(time.Duration(tasks/slots+1)*latency*20 + 2*time.Minute)
	// The queue is sampled every 10 ms: the resolution of t10 and t90.
	// Each sample also measures the machine while the workers run: how
	// long the poll's round trip to Redis took, and how late this
	// otherwise idle process woke for its tick (see machineLatency).
	sample := time.NewTicker(10 * time.Millisecond)
	defer sample.Stop()
	var rtts, lates []time.Duration
	for {
		var completed, retry, archived *redis.IntCmd
		sent := time.Now()
		_, err := rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			completed = p.ZCard(ctx, queueKey("completed"))
			retry = p.ZCard(ctx, queueKey("retry"))
			archived = p.ZCard(ctx, queueKey("archived"))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		rtts = append(rtts, time.Since(sent))
		polls++
		done := int(completed.Val())
		now := time.Now()
		if t10.IsZero() && done >= tasks/10 {
			t10 = now
		}
		if t90.IsZero() && done >= tasks*9/10 {
			t90 = now
		}
		if done >= tasks {
			break
		}
		if archived.Val() > 0 || retry.Val() > 0 {
			b.Fatalf("tasks failed: retry %d archived %d (see %s)", retry.Val(), archived.Val(), dir)
		}
		if now.After(deadline) {
			b.Fatalf("only %d of %d tasks done", done, tasks)
		}
		due := <-sample.C
		lates = append(lates, time.Since(due))
	}
	elapsed := time.Since(start)
	after := commandCalls(b, rdb)
	cpu := processesCPU(b, workers) - cpuBefore
	// The poll's ZCARDs, the unpause (DEL) and the first INFO are the
	// benchmark's, not the workers'.
	own := int64(3*polls + 2)
	return loadResult{
		tasks:           tasks,
		overall:         float64(tasks) / elapsed.Seconds(),
		steady:          float64(tasks*8/10) / t90.Sub(t10).Seconds(),
		commandsPerTask: float64(after-before-own) / float64(tasks),
		cpuPerTask:      cpu / time.Duration(tasks),
		machine:         machineLatency{rtt: percentiles(rtts), late: percentiles(lates)},
	}
}

// machineLatency is what the benchmark's own polling saw of the machine
// during a run: the round trip of a pipelined read to Redis, and how
// late a 10 ms ticker's tick reached this process's goroutine (the
// timer's expiry to the goroutine running). A worker's task waits
// through the same kinds of delay several times a cycle — asynq's
// dequeue and completion are Redis round trips, and the provider's
// timer, the handler's goroutine, the completion's goroutine and asynq's
// heartbeater each wake only when the kernel runs their thread — so on
// a machine where these are milliseconds (its cores busy with other
// jobs), a slot's cycle grows by several of them and the ratio to the
// bound falls, whatever the code does. On an idle machine both are tens
// of microseconds.
type machineLatency struct {
	rtt, late [2]time.Duration // p50, p90
}

// percentiles returns the median and the 90th percentile of ds.
func percentiles(ds []time.Duration) [2]time.Duration {
	if len(ds) == 0 {
		return [2]time.Duration{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return [2]time.Duration{s[len(s)/2], s[len(s)*9/10]}
}

// processesCPU is the user and system CPU time the worker processes have
// used (Linux /proc/<pid>/stat, in clock ticks of 10 ms: over a run of
// thousands of tasks the rounding is negligible); 0 where there is no
// /proc.
func processesCPU(b *testing.B, procs []*os.Process) time.Duration {
	b.Helper()
	var total time.Duration
	for _, p := range procs {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.Pid))
		if err != nil {
			return 0
		}
		// The fields after the command name (in parentheses, which may
		// hold spaces): utime and stime are the 12th and 13th.
		_, rest, _ := strings.Cut(string(stat), ") ")
		f := strings.Fields(rest)
		if len(f) < 13 {
			b.Fatalf("/proc/%d/stat: %q", p.Pid, stat)
		}
		for _, v := range f[11:13] {
			ticks, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				b.Fatalf("/proc/%d/stat: %v", p.Pid, err)
			}
			total += time.Duration(ticks) * 10 * time.Millisecond
		}
	}
	return total
}

// queueKey is the Redis key of one of the summarize queue's task sets, as
// asynq names them (internal/base: asynq:{<queue>}:<set>).
func queueKey(set string) string { return "asynq:{" + worker.QueueSummarize + "}:" + set }

// runQueueLoad runs n queue-only worker processes (see TestMain) on tasks
// enqueued directly: the ceiling the queue itself allows.
func runQueueLoad(b *testing.B, rds *redistest.Server, n, conc int, latency time.Duration, tasks int) loadResult {
	b.Helper()
	ctx := context.Background()
	rdb := rds.Client(b)
	if err := rdb.FlushAll(ctx).Err(); err != nil {
		b.Fatal(err)
	}
	opt, err := (worker.RedisConfig{URL: rds.URL}).ConnOpt()
	if err != nil {
		b.Fatal(err)
	}
	ins := asynq.NewInspector(opt)
	defer ins.Close()
	if err := ins.PauseQueue(worker.QueueSummarize); err != nil {
		b.Fatal(err)
	}
	c := worker.NewClient(opt, worker.TaskOptions{})
	defer c.Close()
	for range tasks {
		if err := c.Enqueue(ctx, encounter.StageSummarize, encounter.NewID()); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	var procs []*os.Process
	var metricsURLs []string
	for i := range n {
		port := freePort(b)
		metricsURLs = append(metricsURLs, fmt.Sprintf("http://127.0.0.1:%d/metrics", port))
		env := append(os.Environ(), "LOAD_QUEUE_METRICS=127.0.0.1:"+strconv.Itoa(port), "LOAD_QUEUE_WORKER="+rds.URL, fmt.Sprintf("LOAD_QUEUE_CONCURRENCY=%d", conc), "LOAD_QUEUE_LATENCY="+latency.String())
		procs = append(procs, startQueueWorker(b, self, env, filepath.Join(dir, fmt.Sprintf("qworker-%d.log", i))))
	}
	// asynq registers each server with a heartbeat: wait for all of them.
	workertest.Eventually(b, 30*time.Second, func() error {
		if srvs, err := ins.Servers(); err != nil || len(srvs) != n*queueFetchers() {
			return fmt.Errorf("queue workers' servers not up: %d of %d (%v)", len(srvs), n*queueFetchers(), err)
		}
		return nil
	})
	r := measure(b, ins, rdb, procs, tasks, n*conc, latency, dir)
	r.slot = slotTimes(b, metricsURLs)
	return r
}

func startQueueWorker(b *testing.B, self string, env []string, logPath string) *os.Process {
	b.Helper()
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	p, err := os.StartProcess(self, []string{self}, &os.ProcAttr{Env: env, Files: []*os.File{nil, logf, logf}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = p.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _, _ = p.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = p.Kill()
			<-done
		}
		logf.Close()
	})
	return p
}
