package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/worker"
)

const opsUsage = `Usage: clinscribe ops <subcommand> [flags]

Subcommands (they need Redis only; nothing here prints a task payload):
  queues [-json]                           tasks per queue and state
  pause QUEUE | resume QUEUE               stop / restart processing of a queue fleet-wide
  workers [-json]                          running worker processes (host, PID, queues, status, busy)
  drain (-host H -pid P | -all) [-wait D]  make workers stop taking tasks; in-flight tasks finish
  archived list QUEUE [-limit N]           dead tasks: ID, type, queue, failed at, retries, error code
  archived retry [QUEUE] (ID | -all | -code CODE)
                                           move archived tasks back to pending (AI stages with a fresh
                                           retry budget); -code picks those that failed with CODE, e.g.
                                           provider_overloaded after an outage (every queue if QUEUE is omitted)
  archived delete QUEUE (ID | -all | -older-than D)
  rotate-key                               same as "keys rotate": a new primary key version, audited (KMS: see docs/operations.md)
`

func runOps(ctx context.Context, env Env, cfgPath string, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "help" {
		fmt.Fprint(env.Stderr, opsUsage)
		return errUsage
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	if args[0] == "rotate-key" {
		return rotateLocalKey(ctx, env, cfg, "cli")
	}
	if cfg.Redis.Embedded {
		return errors.New("redis.embedded: ops commands need a shared Redis (redis.url)")
	}
	opt, err := cfg.Redis.ConnOpt()
	if err != nil {
		return err
	}
	ins := asynq.NewInspector(opt)
	defer ins.Close()
	o := &opsCmd{env: env, ins: ins, opt: opt, cfg: cfg}
	sub, rest := args[0], args[1:]
	switch sub {
	case "queues":
		return o.queues(rest)
	case "pause", "resume":
		return o.pause(sub, rest)
	case "workers":
		return o.workers(rest)
	case "drain":
		return o.drain(ctx, rest)
	case "archived":
		if len(rest) == 0 {
			fmt.Fprint(env.Stderr, opsUsage)
			return errUsage
		}
		switch rest[0] {
		case "list":
			return o.archivedList(rest[1:])
		case "retry":
			return o.archivedRetry(rest[1:])
		case "delete":
			return o.archivedDelete(rest[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "clinscribe ops: unknown subcommand %q\n\n%s", strings.Join(args[:min(2, len(args))], " "), opsUsage)
	return errUsage
}

type opsCmd struct {
	env Env
	ins *asynq.Inspector
	opt asynq.RedisConnOpt
	cfg config.Config
}

// QueueStats is one line of `ops queues`.
type QueueStats struct {
	Queue          string  `json:"queue"`
	Paused         bool    `json:"paused"`
	Pending        int     `json:"pending"`
	Active         int     `json:"active"`
	Scheduled      int     `json:"scheduled"`
	Retry          int     `json:"retry"`
	Archived       int     `json:"archived"`
	Completed      int     `json:"completed"`
	ProcessedTotal int     `json:"processed_total"`
	FailedTotal    int     `json:"failed_total"`
	LatencySeconds float64 `json:"latency_seconds"`
}

func (o *opsCmd) queues(args []string) error {
	fs := newFlags(o.env, "ops queues", "[-json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return errUsage
	}
	existing, err := o.ins.Queues()
	if err != nil {
		return fmt.Errorf("redis: %w", err)
	}
	names := append([]string(nil), worker.AllQueues...)
	for _, q := range existing {
		if !slices.Contains(names, q) {
			names = append(names, q)
		}
	}
	var stats []QueueStats
	for _, q := range names {
		s := QueueStats{Queue: q}
		if slices.Contains(existing, q) {
			info, err := o.ins.GetQueueInfo(q)
			if err != nil {
				return fmt.Errorf("queue %s: %w", q, err)
			}
			s = QueueStats{Queue: q, Paused: info.Paused, Pending: info.Pending, Active: info.Active,
				Scheduled: info.Scheduled, Retry: info.Retry, Archived: info.Archived, Completed: info.Completed,
				ProcessedTotal: info.ProcessedTotal, FailedTotal: info.FailedTotal, LatencySeconds: info.Latency.Seconds()}
		}
		stats = append(stats, s)
	}
	if *asJSON {
		return writeJSON(o.env.Stdout, stats)
	}
	tw := tabwriter.NewWriter(o.env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "QUEUE\tSTATE\tPENDING\tACTIVE\tSCHEDULED\tRETRY\tARCHIVED\tCOMPLETED\tPROCESSED\tFAILED\tLATENCY\t")
	for _, s := range stats {
		state := "running"
		if s.Paused {
			state = "PAUSED"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t\n", s.Queue, state, s.Pending, s.Active, s.Scheduled,
			s.Retry, s.Archived, s.Completed, s.ProcessedTotal, s.FailedTotal, time.Duration(s.LatencySeconds*float64(time.Second)).Round(time.Millisecond))
	}
	return tw.Flush()
}

func (o *opsCmd) knownQueue(q string) error {
	if slices.Contains(worker.AllQueues, q) {
		return nil
	}
	return fmt.Errorf("unknown queue %q (queues: %s)", q, strings.Join(worker.AllQueues, ", "))
}

func (o *opsCmd) pause(verb string, args []string) error {
	fs := newFlags(o.env, "ops "+verb, "QUEUE")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	q := pos[0]
	if err := o.knownQueue(q); err != nil {
		return err
	}
	if verb == "pause" {
		err = o.ins.PauseQueue(q)
	} else {
		err = o.ins.UnpauseQueue(q)
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", verb, q, err)
	}
	word := map[string]string{"pause": "paused: workers take no new tasks from it", "resume": "resumed"}[verb]
	fmt.Fprintf(o.env.Stdout, "queue %s %s\n", q, word)
	return nil
}

// WorkerInfo is one line of `ops workers`: no task payloads.
type WorkerInfo struct {
	ID          string         `json:"id"`
	Host        string         `json:"host"`
	PID         int            `json:"pid"`
	Status      string         `json:"status"` // active | stopped (drained) | closed
	Concurrency int            `json:"concurrency"`
	Busy        int            `json:"busy"`
	Queues      map[string]int `json:"queues"`
	Started     time.Time      `json:"started"`
}

func (o *opsCmd) servers() ([]WorkerInfo, error) {
	srvs, err := o.ins.Servers()
	if err != nil {
		return nil, fmt.Errorf("redis: %w", err)
	}
	out := make([]WorkerInfo, 0, len(srvs))
	for _, s := range srvs {
		out = append(out, WorkerInfo{ID: s.ID, Host: s.Host, PID: s.PID, Status: s.Status, Concurrency: s.Concurrency,
			Busy: len(s.ActiveWorkers), Queues: s.Queues, Started: s.Started})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Host != out[j].Host {
			return out[i].Host < out[j].Host
		}
		return out[i].PID < out[j].PID
	})
	return out, nil
}

func (o *opsCmd) workers(args []string) error {
	fs := newFlags(o.env, "ops workers", "[-json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return errUsage
	}
	ws, err := o.servers()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(o.env.Stdout, ws)
	}
	tw := tabwriter.NewWriter(o.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "HOST\tPID\tSTATUS\tBUSY\tQUEUES\tSTARTED\tID")
	for _, w := range ws {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d/%d\t%s\t%s\t%s\n", w.Host, w.PID, w.Status, w.Busy, w.Concurrency,
			strings.Join(sortedKeys(w.Queues), ","), w.Started.UTC().Format(time.RFC3339), w.ID)
	}
	return tw.Flush()
}

func (o *opsCmd) drain(ctx context.Context, args []string) error {
	fs := newFlags(o.env, "ops drain", "(-host H -pid P | -all) [-wait D]")
	host := fs.String("host", "", "the worker's host (as `ops workers` lists it; the pod name on Kubernetes)")
	pid := fs.Int("pid", 0, "the worker's process ID")
	all := fs.Bool("all", false, "drain every running worker")
	wait := fs.Duration("wait", 0, "wait this long for the drained workers to finish their in-flight tasks")
	ttl := fs.Duration("ttl", 10*time.Minute, "the request expires if no worker picks it up within this time")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 || (*all == (*host != "")) || (*host != "" && *pid == 0) {
		fs.Usage()
		return errUsage
	}
	ws, err := o.servers()
	if err != nil {
		return err
	}
	var targets []WorkerInfo
	for _, w := range ws {
		if w.Status == "active" && (*all || (w.Host == *host && w.PID == *pid)) {
			targets = append(targets, w)
		}
	}
	if len(targets) == 0 {
		return errors.New("no running worker matches (see clinscribe ops workers)")
	}
	rdb := worker.UniversalClient(o.opt)
	defer rdb.Close()
	for _, w := range targets {
		if err := worker.RequestDrain(ctx, rdb, w.Host, w.PID, *ttl); err != nil {
			return err
		}
		fmt.Fprintf(o.env.Stdout, "drain requested: %s pid %d (busy %d)\n", w.Host, w.PID, w.Busy)
	}
	if *wait <= 0 {
		fmt.Fprintln(o.env.Stdout, "workers poll every ops.drain_poll; check with: clinscribe ops workers")
		return nil
	}
	deadline := time.Now().Add(*wait)
	for {
		ws, err := o.servers()
		if err != nil {
			return err
		}
		pending := 0
		for _, t := range targets {
			for _, w := range ws {
				if w.ID == t.ID && (w.Status == "active" || w.Busy > 0) {
					pending++
				}
			}
		}
		if pending == 0 {
			fmt.Fprintf(o.env.Stdout, "drained: %d worker(s) take no new tasks and have none in flight; stop them now\n", len(targets))
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%d worker(s) still active or busy after %s", pending, *wait)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// ArchivedTask is one line of `ops archived list`: IDs and codes only,
// never the payload or the full error text.
type ArchivedTask struct {
	ID           string    `json:"id"`
	Type         string    `json:"type"`
	Queue        string    `json:"queue"`
	LastFailedAt time.Time `json:"last_failed_at"`
	Retried      int       `json:"retried"`
	Code         string    `json:"code"`
}

var codeRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// errorCode extracts the result code from a stored last error ("code:
// message", as the worker's safe-error middleware writes it).
func errorCode(lastErr string) string {
	code, _, _ := strings.Cut(lastErr, ":")
	if codeRE.MatchString(code) {
		return code
	}
	if lastErr == "" {
		return "-"
	}
	return "unknown"
}

func (o *opsCmd) archivedList(args []string) error {
	fs := newFlags(o.env, "ops archived list", "QUEUE [-limit N] [-json]")
	limit := fs.Int("limit", 100, "show at most this many (newest first)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	q := pos[0]
	if err := o.knownQueue(q); err != nil {
		return err
	}
	var out []ArchivedTask
	for page := 1; len(out) < *limit; page++ {
		size := min(500, *limit-len(out))
		tasks, err := o.ins.ListArchivedTasks(q, asynq.PageSize(size), asynq.Page(page))
		if errors.Is(err, asynq.ErrQueueNotFound) {
			break
		}
		if err != nil {
			return fmt.Errorf("list: %w", err)
		}
		for _, t := range tasks {
			out = append(out, ArchivedTask{ID: t.ID, Type: t.Type, Queue: t.Queue, LastFailedAt: t.LastFailedAt,
				Retried: t.Retried, Code: errorCode(t.LastErr)})
		}
		if len(tasks) < size {
			break
		}
	}
	if *asJSON {
		return writeJSON(o.env.Stdout, out)
	}
	tw := tabwriter.NewWriter(o.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tQUEUE\tFAILED AT\tRETRIED\tCODE")
	for _, t := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", t.ID, t.Type, t.Queue, t.LastFailedAt.UTC().Format(time.RFC3339), t.Retried, t.Code)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(o.env.Stdout, "%d archived task(s) shown\n", len(out))
	return nil
}

func (o *opsCmd) archivedRetry(args []string) error {
	fs := newFlags(o.env, "ops archived retry", "[QUEUE] (ID | -all | -code CODE)")
	all := fs.Bool("all", false, "retry every archived task of the queue")
	code := fs.String("code", "", "retry the archived tasks whose last error has this code (e.g. provider_overloaded)")
	pos, err := parse(fs, args)
	modes := len(pos) - 1 // an ID
	if *all {
		modes++
	}
	if *code != "" {
		modes++
		if len(pos) == 0 {
			modes++ // -code alone: every queue
		}
	}
	if err != nil || len(pos) > 2 || modes != 1 || (*code != "" && !codeRE.MatchString(*code)) {
		fs.Usage()
		return errUsage
	}
	queues := worker.AllQueues
	if len(pos) > 0 {
		if err := o.knownQueue(pos[0]); err != nil {
			return err
		}
		queues = pos[:1]
	}
	ctx := context.Background()
	c := worker.NewClient(o.opt, o.cfg.Worker.Tasks)
	defer c.Close()
	if len(pos) == 2 {
		t, err := o.ins.GetTaskInfo(queues[0], pos[1])
		if err != nil {
			return fmt.Errorf("retry %s: %w", pos[1], err)
		}
		if t.State != asynq.TaskStateArchived {
			return fmt.Errorf("retry %s: the task is %s, not archived", pos[1], t.State)
		}
		if err := c.Requeue(ctx, o.ins, t); err != nil {
			return err
		}
		fmt.Fprintf(o.env.Stdout, "task %s moved to pending\n", pos[1])
		return nil
	}
	total := 0
	for _, q := range queues {
		// Collect first, then requeue: requeueing shrinks the archive
		// under the pages.
		var picked []*asynq.TaskInfo
		for page := 1; ; page++ {
			tasks, err := o.ins.ListArchivedTasks(q, asynq.PageSize(500), asynq.Page(page))
			if errors.Is(err, asynq.ErrQueueNotFound) {
				break
			}
			if err != nil {
				return fmt.Errorf("retry: list %s: %w", q, err)
			}
			for _, t := range tasks {
				if *all || errorCode(t.LastErr) == *code {
					picked = append(picked, t)
				}
			}
			if len(tasks) < 500 {
				break
			}
		}
		n := 0
		for _, t := range picked {
			if err := c.Requeue(ctx, o.ins, t); err != nil {
				fmt.Fprintf(o.env.Stdout, "%d archived task(s) of %s moved to pending before an error\n", n, q)
				return err
			}
			n++
		}
		total += n
		if len(queues) == 1 || n > 0 {
			what := "archived task(s)"
			if *code != "" {
				what = "archived task(s) with code " + *code
			}
			fmt.Fprintf(o.env.Stdout, "%d %s of %s moved to pending\n", n, what, q)
		}
	}
	if len(queues) > 1 {
		fmt.Fprintf(o.env.Stdout, "%d in all\n", total)
	}
	return nil
}

func (o *opsCmd) archivedDelete(args []string) error {
	fs := newFlags(o.env, "ops archived delete", "QUEUE (ID | -all | -older-than D)")
	all := fs.Bool("all", false, "delete every archived task of the queue")
	older := fs.Duration("older-than", 0, "delete archived tasks whose last failure is older than this")
	pos, err := parse(fs, args)
	modes := 0
	if *all {
		modes++
	}
	if *older > 0 {
		modes++
	}
	if err != nil || len(pos) < 1 || len(pos) > 2 || modes+len(pos)-1 != 1 {
		fs.Usage()
		return errUsage
	}
	q := pos[0]
	if err := o.knownQueue(q); err != nil {
		return err
	}
	switch {
	case *all:
		n, err := o.ins.DeleteAllArchivedTasks(q)
		if err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		fmt.Fprintf(o.env.Stdout, "%d archived task(s) of %s deleted\n", n, q)
	case *older > 0:
		res, err := worker.Purge(queueOnly{o.ins, q}, time.Now(), *older, 0)
		if err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		fmt.Fprintf(o.env.Stdout, "%d archived task(s) of %s older than %s deleted\n", res[q]["archived"], q, *older)
	default:
		if err := o.ins.DeleteTask(q, pos[1]); err != nil {
			return fmt.Errorf("delete %s: %w", pos[1], err)
		}
		fmt.Fprintf(o.env.Stdout, "task %s deleted\n", pos[1])
	}
	return nil
}

// queueOnly narrows the purge to one queue.
type queueOnly struct {
	*asynq.Inspector
	q string
}

func (q queueOnly) Queues() ([]string, error) { return []string{q.q}, nil }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
