package worker

import (
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Task types.
const (
	TypeTranscribe = "encounter:transcribe"
	TypeSummarize  = "encounter:summarize"
	TypeRegenerate = "encounter:regenerate" // a new AI draft version a clinician asked for
	TypeReconcile  = "maintenance:reconcile"
	TypeReviewOpen = "review:open"     // assign a patient's review request (critical)
	TypeWebhook    = "webhook:deliver" // deliver a signed notification (critical)
	TypeDeid       = "deid:record"     // refresh an encounter's de-identified aggregate record
	TypeEHR        = "ehr:deliver"     // write a signed version back to the clinic's EHR (critical)
	// TypeEHRReconcile queues pending EHR deliveries again (maintenance).
	TypeEHRReconcile = "maintenance:ehr-reconcile"
)

// Queues.
const (
	QueueCritical    = "critical"    // patient review requests, human-facing work
	QueueTranscribe  = "transcribe"  // audio -> transcript
	QueueSummarize   = "summarize"   // transcript or note -> draft
	QueueDeid        = "deid"        // de-identification for aggregation
	QueueMaintenance = "maintenance" // reconcile, retention sweeps, purges
)

// AllQueues lists every queue, highest default weight first.
var AllQueues = []string{QueueCritical, QueueTranscribe, QueueSummarize, QueueDeid, QueueMaintenance}

// DefaultQueueWeights are the processing weights when config gives none.
var DefaultQueueWeights = map[string]int{
	QueueCritical: 6, QueueTranscribe: 3, QueueSummarize: 3, QueueDeid: 1, QueueMaintenance: 1,
}

// route maps a stage to its task type and queue.
func route(stage encounter.Stage) (taskType, queue string, err error) {
	switch stage {
	case encounter.StageTranscribe:
		return TypeTranscribe, QueueTranscribe, nil
	case encounter.StageSummarize:
		return TypeSummarize, QueueSummarize, nil
	case encounter.StageRegenerate:
		return TypeRegenerate, QueueSummarize, nil
	}
	return "", "", fmt.Errorf("worker: no task type for stage %q", stage)
}

// Payload is the whole of an encounter task's payload: an opaque ID.
type Payload struct {
	EncounterID string `json:"encounter_id"`
}

// NewPayload encodes a payload for a valid encounter ID.
func NewPayload(encounterID string) ([]byte, error) {
	if !encounter.ValidID(encounterID) {
		return nil, fmt.Errorf("worker: not an encounter ID")
	}
	return json.Marshal(Payload{EncounterID: encounterID})
}

// DecodePayload decodes and checks a payload. A payload that is not
// exactly an encounter ID is refused permanently.
func DecodePayload(b []byte) (Payload, error) {
	var p Payload
	if err := json.Unmarshal(b, &p); err != nil || !encounter.ValidID(p.EncounterID) {
		return Payload{}, fmt.Errorf("%w: %w", phi.Permanentf(phi.CodeInvalidInput, "task payload is not an encounter ID"), asynq.SkipRetry)
	}
	return p, nil
}

// TaskID is the deduplication ID of a stage of an encounter.
func TaskID(stage encounter.Stage, encounterID string) string {
	return string(stage) + ":" + encounterID
}

// ReviewPayload names a review case.
type ReviewPayload struct {
	EncounterID string `json:"encounter_id"`
	CaseID      string `json:"case_id"`
}

// WebhookPayload names a stored notification and its endpoint.
type WebhookPayload struct {
	EventID  string `json:"event_id"`
	Endpoint string `json:"endpoint"`
}

// EHRPayload names an encounter's draft version to write back. The
// request's generation is in the task ID, not the payload.
type EHRPayload struct {
	EncounterID string `json:"encounter_id"`
	Version     int    `json:"version"`
}

// EHRTaskID is the deduplication ID of one write-back request.
func EHRTaskID(encounterID string, version, gen int) string {
	return fmt.Sprintf("ehr:%s:v%d:g%d", encounterID, version, gen)
}

var (
	caseIDRE   = regexp.MustCompile(`^rv_[0-9a-f]{24}$`)
	eventIDRE  = regexp.MustCompile(`^wh_[0-9a-f]{24}$`)
	endpointRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)
)

func decodeStrict(b []byte, v any, valid func() bool) error {
	if err := json.Unmarshal(b, v); err != nil || !valid() {
		return fmt.Errorf("%w: %w", phi.Permanentf(phi.CodeInvalidInput, "task payload is not a set of IDs"), asynq.SkipRetry)
	}
	return nil
}
