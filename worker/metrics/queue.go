package metrics

import (
	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
)

// QueueStates are the task states clinscribe_queue_tasks reports.
var QueueStates = []string{"pending", "active", "scheduled", "retry", "archived", "completed", "aggregating"}

// QueueInspector is the part of asynq's Inspector the collector reads.
type QueueInspector interface {
	Queues() ([]string, error)
	GetQueueInfo(queue string) (*asynq.QueueInfo, error)
}

// QueueCollector reads queue sizes from Redis at scrape time, so every
// process that exports it reports the same fleet-wide numbers: aggregate
// them with max (or pick one instance), never sum across instances.
type QueueCollector struct {
	ins    QueueInspector
	queues []string

	tasks     *prometheus.Desc
	paused    *prometheus.Desc
	latency   *prometheus.Desc
	processed *prometheus.Desc
	failed    *prometheus.Desc
	up        *prometheus.Desc
}

// NewQueueCollector reports the known queues (always, as zeros before
// their first task) and any other queue Redis knows of.
func NewQueueCollector(ins QueueInspector, known []string) *QueueCollector {
	d := func(name, help string, labels ...string) *prometheus.Desc {
		return prometheus.NewDesc(prometheus.BuildFQName(Namespace, "queue", name), help, labels, nil)
	}
	return &QueueCollector{
		ins: ins, queues: known,
		tasks:     d("tasks", "Tasks per queue and state, read from Redis at scrape time (fleet-wide: aggregate with max, not sum).", "queue", "state"),
		paused:    d("paused", "1 if the queue is paused.", "queue"),
		latency:   d("latency_seconds", "Age of the oldest pending task of the queue.", "queue"),
		processed: d("processed_total", "Tasks processed in the queue by all workers (asynq's cumulative count).", "queue"),
		failed:    d("failed_total", "Task attempts that failed in the queue, all workers (asynq's cumulative count).", "queue"),
		up:        d("up", "1 if the last read of the queues from Redis worked."),
	}
}

// Describe implements prometheus.Collector.
func (c *QueueCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.tasks, c.paused, c.latency, c.processed, c.failed, c.up} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *QueueCollector) Collect(ch chan<- prometheus.Metric) {
	existing, err := c.ins.Queues()
	if err != nil {
		ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 0)
		return
	}
	exists := map[string]bool{}
	for _, q := range existing {
		exists[q] = true
	}
	queues := append([]string(nil), c.queues...)
	seen := map[string]bool{}
	for _, q := range queues {
		seen[q] = true
	}
	for _, q := range existing {
		if !seen[q] {
			queues = append(queues, q)
		}
	}
	up := 1.0
	for _, q := range queues {
		info := &asynq.QueueInfo{Queue: q}
		if exists[q] {
			i, err := c.ins.GetQueueInfo(q)
			if err != nil {
				up = 0
				continue
			}
			info = i
		}
		ql := Label(q)
		counts := map[string]int{
			"pending": info.Pending, "active": info.Active, "scheduled": info.Scheduled, "retry": info.Retry,
			"archived": info.Archived, "completed": info.Completed, "aggregating": info.Aggregating,
		}
		for _, s := range QueueStates {
			ch <- prometheus.MustNewConstMetric(c.tasks, prometheus.GaugeValue, float64(counts[s]), ql, s)
		}
		paused := 0.0
		if info.Paused {
			paused = 1
		}
		ch <- prometheus.MustNewConstMetric(c.paused, prometheus.GaugeValue, paused, ql)
		ch <- prometheus.MustNewConstMetric(c.latency, prometheus.GaugeValue, info.Latency.Seconds(), ql)
		ch <- prometheus.MustNewConstMetric(c.processed, prometheus.CounterValue, float64(info.ProcessedTotal), ql)
		ch <- prometheus.MustNewConstMetric(c.failed, prometheus.CounterValue, float64(info.FailedTotal), ql)
	}
	ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, up)
}
