package app

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/console"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/worker"
)

// NewConsole returns the review console over this app's services, with
// the API's token set (a token revoked there ends console sessions too).
func (a *App) NewConsole(tokens *access.Tokens, rows access.AuditRows) (*console.Console, error) {
	c, err := console.New(a.Config.Console, a.ConsoleServices(rows), tokens, a.Log, console.Options{Names: a.Config.API.DisplayNames})
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	return c, nil
}

// ConsoleServices are the pipeline's services as the console's pages call
// them: the same service methods the API calls.
func (a *App) ConsoleServices(rows access.AuditRows) console.Services {
	s := a.Services
	ins := asynq.NewInspector(a.Redis)
	a.closers = append(a.closers, ins.Close)
	return console.Services{
		Drafts: s.Signoff, Reviews: s.Review, Consent: s.Consent, Deletion: s.Retention, Guard: s.Guard, AuditRows: rows,
		Queues:   Queues{ins},
		Worklist: consoleWorklist{s.Worklist}, Sources: consoleSources{s.Signoff},
		Human:      consoleHuman{s: s.Signoff, status: s.Pipeline, templates: a.Templates},
		Regenerate: consoleRegenerate{s.Pipeline},
	}
}

// Queues reads queue states for the console's ops page from asynq's
// Inspector: counts, and archived tasks by ID, type and error code only.
type Queues struct {
	Inspector *asynq.Inspector
}

// Queues returns the counts of every queue in use, in the worker's order.
func (q Queues) Queues(ctx context.Context) ([]console.QueueState, error) {
	names, err := q.Inspector.Queues()
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "queue state unavailable")
	}
	var out []console.QueueState
	for _, name := range worker.AllQueues {
		if !slices.Contains(names, name) {
			continue // never used: asynq does not know it yet
		}
		info, err := q.Inspector.GetQueueInfo(name)
		if err != nil {
			return nil, phi.Wrap(err, phi.CodeStorage, "queue state unavailable")
		}
		out = append(out, console.QueueState{Queue: info.Queue, Size: info.Size, Pending: info.Pending, Active: info.Active,
			Scheduled: info.Scheduled, Retry: info.Retry, Archived: info.Archived, Completed: info.Completed, Paused: info.Paused,
			ProcessedToday: info.Processed, FailedToday: info.Failed, Latency: info.Latency})
	}
	return out, nil
}

// codeRE is the shape of a phi code at the start of a stored last error.
var codeRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// Archived lists a queue's archived tasks: never the payload, and of the
// last error only its code (the part before ": ", when it is code-shaped).
func (q Queues) Archived(ctx context.Context, queue string, limit int) ([]console.TaskRow, error) {
	tasks, err := q.Inspector.ListArchivedTasks(queue, asynq.PageSize(limit))
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "archived tasks unavailable")
	}
	out := make([]console.TaskRow, 0, len(tasks))
	for _, t := range tasks {
		code, _, _ := strings.Cut(t.LastErr, ":")
		if t.LastErr != "" && !codeRE.MatchString(code) {
			code = "(not shown)"
		}
		out = append(out, console.TaskRow{ID: t.ID, Type: t.Type, Queue: t.Queue, Code: code, Retried: t.Retried, FailedAt: t.LastFailedAt})
	}
	return out, nil
}
