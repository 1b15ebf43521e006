package retention

import (
	"strings"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Reasons are codes, not sentences: the reason of a deletion or a legal
// hold is kept where content may not go — in the deletion certificate that
// outlives the deleted record, in the hold record outside the encounter's
// key scope, and in the audit trail (write-once, kept for years). A code has
// the shape of access.CodePattern; any code of that shape is accepted, and
// these are the suggested ones (docs/openapi.yaml lists them too). Narrative
// belongs in the clinic's own case system, under the code or the request
// ID.
var (
	// DeletionReasons are the suggested reasons for a deletion.
	DeletionReasons = []string{"patient-request", "duplicate", "wrong-patient", "entered-in-error", "test-data", "legal-matter"}
	// HoldReasons are the suggested reasons for a legal hold; a matter
	// reference (matter-2026-17) is the usual one.
	HoldReasons = []string{"legal-matter", "litigation", "investigation", "regulator-request"}
)

// reasonError says what a reason may be: its shape, what it usually is and
// the suggested codes.
func reasonError(suggested []string, usual string) error {
	return phi.Permanentf(phi.CodeInvalidInput, "reason must be %s (%s), e.g. %s; free text is not accepted because the reason is kept in the audit trail",
		usual, access.CodeShape, strings.Join(suggested, ", "))
}
