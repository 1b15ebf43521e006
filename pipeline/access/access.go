package access

import "regexp"

// Role is what a principal may do.
type Role string

const (
	RolePlatform Role = "platform"
	RoleProvider Role = "provider"
	RolePatient  Role = "patient"
	RoleReviewer Role = "reviewer"
	RoleOps      Role = "ops"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	switch r {
	case RolePlatform, RoleProvider, RolePatient, RoleReviewer, RoleOps:
		return true
	}
	return false
}

// Principal is an authenticated caller.
type Principal struct {
	// ID is the caller's identifier: a clinician ID, a reviewer ID, a
	// platform client ID — or, for patients, their pseudonymous patient
	// reference (pt_…), never the platform's patient identifier.
	ID   string
	Role Role
	// TokenID names the token used, for the audit trail.
	TokenID string
}

// CodePattern is the shape of every ID and code a caller or an operator
// names — token IDs, principal IDs, reason codes: 1-128 letters, digits and
// . _ : @ -, no spaces, so no sentence (and no content) fits.
const CodePattern = `^[A-Za-z0-9._:@-]{1,128}$`

// CodeShape says CodePattern in words, for error messages.
const CodeShape = "1-128 letters, digits and . _ : @ -, no spaces"

var idRE = regexp.MustCompile(CodePattern)

// patientRefRE is the shape of a pseudonymous patient reference.
var patientRefRE = regexp.MustCompile(`^pt_[a-z2-7]{24}$`)

// IsPatientRef reports whether s is a pseudonymous patient reference.
func IsPatientRef(s string) bool { return patientRefRE.MatchString(s) }
