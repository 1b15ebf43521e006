// Package access says who may do what. A Principal is an authenticated
// caller with one role; Authorize checks an action on an encounter against
// the rules every entry point (HTTP API, CLI) shares:
//
//   - platform: the clinic's system — submits, reads status, manages
//     consent and deletion requests on behalf of the clinic.
//   - provider: a clinician — reads, edits and signs the drafts of their own
//     encounters (or of clinicians who named them as delegate).
//   - patient: reads their own encounters' drafts and explanations,
//     requests human review, manages their own consent, exports who
//     accessed their data, asks for deletion.
//   - reviewer: a human reviewer — reads and decides review cases, and
//     reads an encounter only while it has a case assigned to them (or
//     decided by them, or not yet assigned to anyone).
//   - ops: operators — audit export, legal holds, deletions; never draft
//     content.
//
// Tokens are random bearer secrets; only their SHA-256 is stored.
package access

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

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

// ErrUnauthenticated means no valid token was presented.
var ErrUnauthenticated = errors.New("access: missing, invalid or expired token")

// TokenRecord is one stored token: its hash, never the token.
type TokenRecord struct {
	ID   string `yaml:"id"`   // opaque token ID, shown in audit entries
	Role Role   `yaml:"role"` // platform | provider | patient | reviewer | ops
	// Subject is the principal ID; for patients their pseudonymous
	// reference (pt_…), or — in files written before references were
	// stored — the platform patient ID, resolved when loaded.
	Subject string    `yaml:"subject"`
	SHA256  string    `yaml:"sha256"` // hex SHA-256 of the token
	Expires time.Time `yaml:"expires,omitempty"`
}

// TokenFile is the YAML file of token records.
type TokenFile struct {
	Tokens []TokenRecord `yaml:"tokens"`
}

var idRE = regexp.MustCompile(`^[A-Za-z0-9._:@-]{1,128}$`)

// PatientRefFunc maps a platform patient ID to its pseudonymous reference.
type PatientRefFunc func(ctx context.Context, patientID string) (string, error)

// Tokens authenticates bearer tokens against stored hashes.
type Tokens struct {
	path string
	now  func() time.Time
	ref  PatientRefFunc

	mu     sync.Mutex
	byHash map[string]TokenRecord
	refs   map[string]string // patient subject -> ref
}

// LoadTokens reads the token file (YAML). ref resolves patient subjects.
func LoadTokens(path string, ref PatientRefFunc, now func() time.Time) (*Tokens, error) {
	if now == nil {
		now = time.Now
	}
	t := &Tokens{path: path, now: now, ref: ref, byHash: map[string]TokenRecord{}, refs: map[string]string{}}
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return t, nil
	}
	if err != nil {
		return nil, fmt.Errorf("access.LoadTokens: %w", err)
	}
	var f TokenFile
	if err := yaml.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("access.LoadTokens: %s: %s", path, withoutValues(err))
	}
	for i, r := range f.Tokens {
		if !r.Role.Valid() || !idRE.MatchString(r.ID) || r.Subject == "" || len(r.SHA256) != 64 {
			return nil, fmt.Errorf("access.LoadTokens: %s: tokens[%d]: needs id, a valid role, subject and a 64-hex sha256", path, i)
		}
		if r.Role != RolePatient && !idRE.MatchString(r.Subject) {
			return nil, fmt.Errorf("access.LoadTokens: %s: tokens[%d]: subject must be an ID", path, i)
		}
		t.byHash[r.SHA256] = r
	}
	return t, nil
}

// Authenticate returns the principal of a bearer token.
func (t *Tokens) Authenticate(ctx context.Context, token string) (Principal, error) {
	if len(token) < 20 || len(token) > 256 {
		return Principal{}, ErrUnauthenticated
	}
	sum := sha256.Sum256([]byte(token))
	h := hex.EncodeToString(sum[:])
	t.mu.Lock()
	rec, ok := t.byHash[h]
	t.mu.Unlock()
	// The map lookup already found it by hash; the constant-time compare
	// keeps the check honest should the store change shape.
	if !ok || subtle.ConstantTimeCompare([]byte(rec.SHA256), []byte(h)) != 1 {
		return Principal{}, ErrUnauthenticated
	}
	if !rec.Expires.IsZero() && !t.now().Before(rec.Expires) {
		return Principal{}, ErrUnauthenticated
	}
	p := Principal{ID: rec.Subject, Role: rec.Role, TokenID: rec.ID}
	if rec.Role == RolePatient {
		ref, err := t.patientRef(ctx, rec.Subject)
		if err != nil {
			return Principal{}, err
		}
		p.ID = ref
	}
	return p, nil
}

// patientRefRE is the shape of a pseudonymous patient reference.
var patientRefRE = regexp.MustCompile(`^pt_[a-z2-7]{24}$`)

// IsPatientRef reports whether s is a pseudonymous patient reference.
func IsPatientRef(s string) bool { return patientRefRE.MatchString(s) }

func (t *Tokens) patientRef(ctx context.Context, subject string) (string, error) {
	if IsPatientRef(subject) {
		return subject, nil
	}
	t.mu.Lock()
	ref, ok := t.refs[subject]
	t.mu.Unlock()
	if ok {
		return ref, nil
	}
	if t.ref == nil {
		return "", errors.New("access: no patient reference resolver")
	}
	ref, err := t.ref(ctx, subject)
	if err != nil {
		return "", err
	}
	t.mu.Lock()
	t.refs[subject] = ref
	t.mu.Unlock()
	return ref, nil
}

// quotedRE matches what YAML and time-parsing errors quote from the input.
var quotedRE = regexp.MustCompile("`[^`]*`" + `|"(?:[^"\\]|\\.)*"`)

// withoutValues is a decoding error's text without the values it quotes:
// patient tokens' subjects are the platform's patient IDs.
func withoutValues(err error) string {
	return quotedRE.ReplaceAllString(err.Error(), "(value not shown)")
}

// NewToken makes a random token and its record. The token is shown once;
// only the record is stored.
func NewToken(id string, role Role, subject string, expires time.Time) (string, TokenRecord, error) {
	if !idRE.MatchString(id) || !role.Valid() || subject == "" {
		return "", TokenRecord{}, errors.New("access.NewToken: needs an ID, a valid role and a subject")
	}
	var b [32]byte
	_, _ = rand.Read(b[:])
	token := "cst_" + base64.RawURLEncoding.EncodeToString(b[:])
	sum := sha256.Sum256([]byte(token))
	return token, TokenRecord{ID: id, Role: role, Subject: subject, SHA256: hex.EncodeToString(sum[:]), Expires: expires}, nil
}

// AddToken appends a record to the token file (creating it, mode 0600).
func AddToken(path string, rec TokenRecord) error {
	var f TokenFile
	raw, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if len(raw) > 0 {
		if err := yaml.Unmarshal(raw, &f); err != nil {
			return fmt.Errorf("access.AddToken: %s: %s", path, withoutValues(err))
		}
	}
	for _, r := range f.Tokens {
		if r.ID == rec.ID {
			return fmt.Errorf("access.AddToken: token ID %q exists", rec.ID)
		}
	}
	f.Tokens = append(f.Tokens, rec)
	out, err := yaml.Marshal(f)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
