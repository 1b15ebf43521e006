package audit

// Events of the draft lifecycle, patient rights and administration. Each
// is written by the pipeline when the action happens; an action whose
// entry cannot be written does not happen.
const (
	EventSign           Event = "draft.sign"
	EventEdit           Event = "draft.edit"
	EventReject         Event = "draft.reject"
	EventEnteredInError Event = "draft.entered_in_error"
	EventExplain        Event = "draft.explain"
	EventReviewRequest  Event = "review.request"
	EventReviewOpen     Event = "review.open"
	EventReviewDecision Event = "review.decision"
	EventReviewRead     Event = "review.read"
	EventConsent        Event = "consent.change"
	EventHumanRouted    Event = "encounter.human_documentation"
	EventDelete         Event = "encounter.delete"
	EventLegalHold      Event = "legal_hold.change"
	EventStatus         Event = "encounter.status"
	EventAuditExport    Event = "audit.export"
	EventDenied         Event = "access.denied"
	EventWebhook        Event = "webhook.delivered"
)
