package console

import (
	"context"
	"net/http"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
)

// Queues reads the task queues for the ops page: states and counts,
// archived tasks by ID, type and error code — never a payload (app adapts
// asynq's Inspector).
type Queues interface {
	Queues(ctx context.Context) ([]QueueState, error)
	Archived(ctx context.Context, queue string, limit int) ([]TaskRow, error)
}

// QueueState is one queue's counts.
type QueueState struct {
	Queue                                                        string
	Size, Pending, Active, Scheduled, Retry, Archived, Completed int
	Paused                                                       bool
	ProcessedToday, FailedToday                                  int
	Latency                                                      time.Duration
}

// TaskRow is an archived task: IDs, type, code.
type TaskRow struct {
	ID       string
	Type     string
	Queue    string
	Code     string // the error's code: the part of asynq's last error before ": "
	Retried  int
	FailedAt time.Time
}

type opsPage struct {
	Queues   []QueueState
	Archived []TaskRow
}

func (opsPage) title() string { return "Queues" }

func (c *Console) opsPage(w http.ResponseWriter, r *http.Request, s *session, who access.Who) {
	qs, err := c.svc.Queues.Queues(r.Context())
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	p := opsPage{Queues: qs}
	for _, q := range qs {
		if q.Archived == 0 {
			continue
		}
		rows, err := c.svc.Queues.Archived(r.Context(), q.Queue, 50)
		if err != nil {
			c.fail(w, r, s, err)
			return
		}
		p.Archived = append(p.Archived, rows...)
	}
	c.render(w, r, s, http.StatusOK, "ops", p)
}
