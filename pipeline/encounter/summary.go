package encounter

import (
	"fmt"
	"slices"
)

// Phase is where an encounter stands as people's worklists see it.
type Phase string

const (
	// PhaseProcessing: a stage (or a regeneration) has work left.
	PhaseProcessing Phase = "processing"
	// PhaseFailed: a stage gave up; no draft was made.
	PhaseFailed Phase = "failed"
	// PhaseAwaitingSignoff: a preliminary version (a draft, or an
	// amendment to a signed note) waits for a clinician's signature.
	PhaseAwaitingSignoff Phase = "awaiting_signoff"
	// PhaseHumanDocumentation: the patient opted out of AI processing and
	// no human-authored note is signed yet: a clinician documents it.
	PhaseHumanDocumentation Phase = "human_documentation"
	// PhaseSigned: the note stands signed and nothing waits.
	PhaseSigned Phase = "signed"
	// PhaseRejected: the latest draft was rejected; regenerate it or write
	// the note by hand.
	PhaseRejected Phase = "rejected"
	// PhaseEnteredInError: the signed note was retracted and nothing
	// replaced it.
	PhaseEnteredInError Phase = "entered_in_error"
)

// Phases lists every phase.
var Phases = []Phase{PhaseProcessing, PhaseFailed, PhaseAwaitingSignoff, PhaseHumanDocumentation,
	PhaseSigned, PhaseRejected, PhaseEnteredInError}

// ValidPhase reports whether p is a known phase.
func ValidPhase(p Phase) bool { return slices.Contains(Phases, p) }

// Summary says where an encounter is, in a word (Phase) and a sentence
// (Where) without content: safe for any caller allowed its status.
type Summary struct {
	Phase Phase  `json:"state"`
	Where string `json:"where"`
	// Latest is the newest version (0: none); Signed the version that
	// stands signed (0: none); Pending the preliminary versions newer than
	// it, waiting for a signature.
	Latest  int   `json:"latest_version,omitempty"`
	Signed  int   `json:"signed_version,omitempty"`
	Pending []int `json:"pending_versions,omitempty"`
	// HumanDocumentation is true when the patient opted out of AI
	// processing: a person documents the encounter, no model sees it.
	HumanDocumentation bool `json:"human_documentation"`
	// AssignedTo is the clinician who documents it by hand (human
	// documentation only): the encounter's own, unless reassigned.
	AssignedTo string `json:"assigned_to,omitempty"`
	// Regenerating is the version a requested regeneration will make.
	Regenerating int `json:"regenerating_version,omitempty"`
}

// HumanRouted reports whether the encounter went to human documentation
// (at submit, or later when the gateway refused an opted-out patient).
func HumanRouted(meta *Meta, evs []Event) bool {
	if meta.AIProcessing == AIProcessingDenied {
		return true
	}
	return slices.ContainsFunc(evs, func(ev Event) bool { return ev.Kind == EvHumanRouted })
}

// HumanAssignee is the clinician documenting a human-routed encounter: the
// latest reassignment, or the encounter's own clinician.
func HumanAssignee(meta *Meta, evs []Event) string {
	who := meta.ProviderID
	for _, ev := range evs {
		if ev.Kind == EvHumanAssigned {
			who = ev.AssignedTo
		}
	}
	return who
}

// PendingRegeneration is the version a requested regeneration will make,
// or 0 when none waits (the latest request's version is stored).
func PendingRegeneration(versions []int, evs []Event) int {
	req, ok := LastRegenerateRequest(evs)
	if !ok || slices.Contains(versions, req.Version) {
		return 0
	}
	return req.Version
}

// LastRegenerateRequest is the latest regeneration request, if any. Its
// Seq names the request (a request asked again after a failed one is
// another request for the same version).
func LastRegenerateRequest(evs []Event) (Event, bool) {
	var last Event
	for _, ev := range evs {
		if ev.Kind == EvRegenerateRequested {
			last = ev
		}
	}
	return last, last.Kind != ""
}

var stageDoing = map[Stage]string{StageTranscribe: "transcribing the recording", StageSummarize: "drafting the note",
	StageRegenerate: "regenerating the draft"}

// Summarize says where an encounter is from its record: stage statuses
// (as Status builds them: pending for a stage never started), the stored
// version numbers and the lifecycle events.
func Summarize(meta *Meta, stages []StageStatus, versions []int, evs []Event) Summary {
	stubs := make([]*Draft, len(versions))
	for i, v := range versions {
		stubs[i] = &Draft{Version: v}
	}
	states := Fold(stubs, evs)
	sum := Summary{Signed: CurrentSigned(states), HumanDocumentation: HumanRouted(meta, evs)}
	if len(versions) > 0 {
		sum.Latest = slices.Max(versions)
	}
	sum.Pending = PendingAfter(states, sum.Signed)
	pending := 0
	if len(sum.Pending) > 0 {
		pending = sum.Pending[len(sum.Pending)-1]
	}
	// A signed version documents a human-routed encounter even if the
	// closing of its queue item was cut short (Reconcile finishes it).
	documented := sum.Signed > 0 || slices.ContainsFunc(evs, func(ev Event) bool { return ev.Kind == EvHumanDocumented })
	if sum.HumanDocumentation && !documented {
		sum.AssignedTo = HumanAssignee(meta, evs)
		sum.Phase = PhaseHumanDocumentation
		switch {
		case pending > 0:
			sum.Where = fmt.Sprintf("documented by a human (v%d), waiting for %s's signature", pending, sum.AssignedTo)
		default:
			sum.Where = fmt.Sprintf("waiting for human documentation by %s", sum.AssignedTo)
		}
		return sum
	}
	if sum.Regenerating = PendingRegeneration(versions, evs); sum.Regenerating > 0 {
		if st, ok := stageOf(stages, StageRegenerate); !ok || st.State != StateFailed {
			sum.Phase, sum.Where = PhaseProcessing, fmt.Sprintf("regenerating the draft (v%d)", sum.Regenerating)
			return sum
		}
	}
	signedWhat := "signed"
	if sum.HumanDocumentation {
		signedWhat = "documented by a human, signed"
	}
	switch {
	case sum.Latest == 0:
		sum.Phase, sum.Where = stagesWhere(stages)
	case pending > 0 && sum.Signed > 0:
		sum.Phase = PhaseAwaitingSignoff
		sum.Where = fmt.Sprintf("%s (v%d); amendment v%d awaiting sign-off", signedWhat, sum.Signed, pending)
	case pending > 0:
		sum.Phase, sum.Where = PhaseAwaitingSignoff, fmt.Sprintf("draft v%d ready: awaiting sign-off", pending)
	case sum.Signed > 0:
		sum.Phase, sum.Where = PhaseSigned, fmt.Sprintf("%s (v%d)", signedWhat, sum.Signed)
	case states[sum.Latest].Status == DraftRejected:
		sum.Phase = PhaseRejected
		sum.Where = fmt.Sprintf("draft v%d rejected: regenerate it or write the note by hand", sum.Latest)
	case states[sum.Latest].Status == DraftEnteredInError:
		sum.Phase, sum.Where = PhaseEnteredInError, fmt.Sprintf("signed note v%d entered in error", sum.Latest)
	default:
		sum.Phase, sum.Where = PhaseAwaitingSignoff, fmt.Sprintf("draft v%d awaiting sign-off", sum.Latest)
	}
	if sum.Regenerating > 0 {
		if st, _ := stageOf(stages, StageRegenerate); st.Failure != nil {
			sum.Where += fmt.Sprintf("; regenerating v%d failed: %s", sum.Regenerating, st.Failure.Code)
		}
	}
	return sum
}

func stageOf(stages []StageStatus, s Stage) (StageStatus, bool) {
	for _, st := range stages {
		if st.Stage == s {
			return st, true
		}
	}
	return StageStatus{}, false
}

// stagesWhere describes an encounter without a draft from its stages.
func stagesWhere(stages []StageStatus) (Phase, string) {
	for _, st := range stages {
		if st.State == StateFailed {
			code := "error"
			if st.Failure != nil {
				code = st.Failure.Code
			}
			return PhaseFailed, fmt.Sprintf("failed while %s: %s", stageDoing[st.Stage], code)
		}
	}
	for _, st := range stages {
		switch st.State {
		case StatePending:
			return PhaseProcessing, "queued: " + stageDoing[st.Stage] + " next"
		case StateRunning:
			return PhaseProcessing, stageDoing[st.Stage]
		case StateRetrying:
			code := "error"
			if st.Failure != nil {
				code = st.Failure.Code
			}
			return PhaseProcessing, fmt.Sprintf("%s: retrying after %s", stageDoing[st.Stage], code)
		}
	}
	return PhaseProcessing, "finishing"
}
