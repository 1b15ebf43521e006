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
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// ErrUnauthenticated means no valid token was presented.
var ErrUnauthenticated = errors.New("access: missing, invalid, expired or revoked token")

// Errors of the token file's operations, for callers to say in their own
// words (the CLI: "a token with ID X exists; choose another ID or revoke it
// first").
var (
	// ErrTokenExists: a live token already has the ID.
	ErrTokenExists = errors.New("access: a token with this ID exists")
	// ErrNoSuchToken: no token has the ID.
	ErrNoSuchToken = errors.New("access: no token with this ID")
)

// TokenRecord is one stored token: its hash, never the token.
type TokenRecord struct {
	ID   string `yaml:"id"`   // opaque token ID, shown in audit entries and `token list`
	Role Role   `yaml:"role"` // platform | provider | patient | reviewer | ops
	// Subject is the principal ID; for patients their pseudonymous
	// reference (pt_…), or — in files written before references were
	// stored — the platform patient ID, resolved when loaded.
	Subject string    `yaml:"subject"`
	SHA256  string    `yaml:"sha256"` // hex SHA-256 of the token
	Created time.Time `yaml:"created,omitempty"`
	// Expires is when the token stops working; zero means never.
	Expires time.Time `yaml:"expires,omitempty"`
	// Revoked is when the token was withdrawn (`clinscribe token revoke`);
	// zero means it was not. A revoked record is kept so `token list`
	// shows it; its ID may be given to a new token.
	Revoked time.Time `yaml:"revoked,omitempty"`
}

// TokenState is a record's standing at a moment.
type TokenState string

const (
	TokenActive  TokenState = "active"
	TokenExpired TokenState = "expired"
	TokenRevoked TokenState = "revoked"
)

// State is the record's standing at now.
func (r TokenRecord) State(now time.Time) TokenState {
	switch {
	case !r.Revoked.IsZero():
		return TokenRevoked
	case !r.Expires.IsZero() && !now.Before(r.Expires):
		return TokenExpired
	}
	return TokenActive
}

// TokenFile is the YAML file of token records.
type TokenFile struct {
	Tokens []TokenRecord `yaml:"tokens"`
}

// FileError is a token file that cannot be read or written. Its text names
// the file and the place of the problem, never a value from it: patient
// tokens' subjects may be the platform's patient IDs.
type FileError struct {
	Path   string
	Detail string // what is wrong, built from positions and field names only
	Err    error
}

func (e *FileError) Error() string { return "token file " + e.Path + ": " + e.Detail }
func (e *FileError) Unwrap() error { return e.Err }

// Safe is the error as a log or an API may show it.
func (e *FileError) Safe() *phi.Error {
	return phi.WrapPermanent(e, phi.CodeInvalidInput, "token file: "+e.Detail)
}

// ReadTokenFile reads and checks the token file. A missing file is an empty
// one.
func ReadTokenFile(path string) (TokenFile, error) {
	var f TokenFile
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return f, &FileError{Path: path, Detail: "cannot be read (" + phi.TypeChain(err) + ")", Err: err}
	}
	if err := yaml.Unmarshal(raw, &f); err != nil {
		return f, &FileError{Path: path, Detail: withoutValues(err), Err: err}
	}
	ids := map[string]bool{}
	for i, r := range f.Tokens {
		if !r.Role.Valid() || !idRE.MatchString(r.ID) || r.Subject == "" || len(r.SHA256) != 64 {
			return f, &FileError{Path: path, Detail: fmt.Sprintf("tokens[%d]: needs id, a valid role, subject and a 64-hex sha256", i)}
		}
		if r.Role != RolePatient && !idRE.MatchString(r.Subject) {
			return f, &FileError{Path: path, Detail: fmt.Sprintf("tokens[%d]: subject must be an ID", i)}
		}
		if r.Revoked.IsZero() && ids[r.ID] {
			return f, &FileError{Path: path, Detail: fmt.Sprintf("tokens[%d]: token ID %s is used twice", i, r.ID)}
		}
		if r.Revoked.IsZero() {
			ids[r.ID] = true
		}
	}
	return f, nil
}

// writeTokenFile replaces the file atomically (a fresh temporary file in
// the same directory, synced, renamed), mode 0600: a reader — `serve`
// watching it — sees the old file or the new one, never half of one.
func writeTokenFile(path string, f TokenFile) error {
	out, err := yaml.Marshal(f)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// NewToken makes a random token and its record (the caller sets Created).
// The token is shown once; only the record is stored.
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

// AddToken adds a record to the token file (creating it, mode 0600). An ID
// held by a live (unrevoked) token is refused with ErrTokenExists; a revoked
// token's ID is given to the new one and the revoked record dropped.
func AddToken(path string, rec TokenRecord) error {
	f, err := ReadTokenFile(path)
	if err != nil {
		return fmt.Errorf("access.AddToken: %w", err)
	}
	kept := f.Tokens[:0]
	for _, r := range f.Tokens {
		if r.ID != rec.ID {
			kept = append(kept, r)
			continue
		}
		if r.Revoked.IsZero() {
			return fmt.Errorf("access.AddToken: token %s: %w", rec.ID, ErrTokenExists)
		}
	}
	f.Tokens = append(kept, rec)
	if err := writeTokenFile(path, f); err != nil {
		return fmt.Errorf("access.AddToken: %w", err)
	}
	return nil
}

// RevokeToken marks the live token with the ID revoked at now and returns
// its record. Revoking a token that is already revoked changes nothing and
// returns its record as it was.
func RevokeToken(path, id string, now time.Time) (TokenRecord, error) {
	f, err := ReadTokenFile(path)
	if err != nil {
		return TokenRecord{}, fmt.Errorf("access.RevokeToken: %w", err)
	}
	found := -1
	for i, r := range f.Tokens {
		if r.ID == id && (found < 0 || r.Revoked.IsZero()) {
			found = i
		}
	}
	if found < 0 {
		return TokenRecord{}, fmt.Errorf("access.RevokeToken: token %s: %w", SafeToken(id), ErrNoSuchToken)
	}
	if !f.Tokens[found].Revoked.IsZero() {
		return f.Tokens[found], nil
	}
	f.Tokens[found].Revoked = now.UTC().Truncate(time.Second)
	if err := writeTokenFile(path, f); err != nil {
		return TokenRecord{}, fmt.Errorf("access.RevokeToken: %w", err)
	}
	return f.Tokens[found], nil
}

// ListTokens returns the token file's records ordered by ID (then created).
func ListTokens(path string) ([]TokenRecord, error) {
	f, err := ReadTokenFile(path)
	if err != nil {
		return nil, fmt.Errorf("access.ListTokens: %w", err)
	}
	sort.SliceStable(f.Tokens, func(i, j int) bool {
		a, b := f.Tokens[i], f.Tokens[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Created.Before(b.Created)
	})
	return f.Tokens, nil
}

// SafeToken returns id if it has the shape of a token ID, else a
// placeholder: error messages reach terminals and logs.
func SafeToken(id string) string {
	if idRE.MatchString(id) {
		return id
	}
	return "(invalid ID)"
}

// ValidTokenID reports whether id has the shape of a token ID (1-128 of
// [A-Za-z0-9._:@-]).
func ValidTokenID(id string) bool { return idRE.MatchString(id) }

// PatientRefFunc maps a platform patient ID to its pseudonymous reference.
type PatientRefFunc func(ctx context.Context, patientID string) (string, error)

// Tokens authenticates bearer tokens against the stored hashes. It holds
// the last good reading of the token file; Reload (or Watch) reads it again
// when it changed.
type Tokens struct {
	path string
	now  func() time.Time
	ref  PatientRefFunc

	mu     sync.RWMutex
	byHash map[string]TokenRecord
	stamp  fileStamp
	refs   map[string]string // patient subject -> ref
}

// fileStamp says whether the token file changed: a new file (the CLI
// renames a fresh one into place), a new modification time or a new size.
type fileStamp struct {
	info os.FileInfo // nil: there is no file
}

func statFile(path string) (fileStamp, error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return fileStamp{}, nil
	}
	if err != nil {
		return fileStamp{}, &FileError{Path: path, Detail: "cannot be read (" + phi.TypeChain(err) + ")", Err: err}
	}
	return fileStamp{info: info}, nil
}

func (a fileStamp) same(b fileStamp) bool {
	if a.info == nil || b.info == nil {
		return a.info == nil && b.info == nil
	}
	return os.SameFile(a.info, b.info) && a.info.ModTime().Equal(b.info.ModTime()) && a.info.Size() == b.info.Size()
}

// LoadTokens reads the token file (YAML). ref resolves patient subjects;
// now is the clock expiry is judged by (nil: time.Now).
func LoadTokens(path string, ref PatientRefFunc, now func() time.Time) (*Tokens, error) {
	if now == nil {
		now = time.Now
	}
	t := &Tokens{path: path, now: now, ref: ref, refs: map[string]string{}}
	// The stamp is taken before the read: a change between the two is
	// seen as a change at the next Reload, never missed.
	st, err := statFile(path)
	if err != nil {
		return nil, fmt.Errorf("access.LoadTokens: %w", err)
	}
	set, err := readSet(path)
	if err != nil {
		return nil, fmt.Errorf("access.LoadTokens: %w", err)
	}
	t.byHash, t.stamp = set, st
	return t, nil
}

func readSet(path string) (map[string]TokenRecord, error) {
	f, err := ReadTokenFile(path)
	if err != nil {
		return nil, err
	}
	set := make(map[string]TokenRecord, len(f.Tokens))
	for _, r := range f.Tokens {
		if r.Revoked.IsZero() {
			set[r.SHA256] = r
		}
	}
	return set, nil
}

// Reload reads the token file again if it changed since it was last read,
// and reports whether the set in force changed. If the file cannot be read
// or is not valid, the last good set stays in force and the error (a
// *FileError) is returned; the same broken file is reported once.
func (t *Tokens) Reload() (bool, error) {
	st, err := statFile(t.path)
	if err != nil {
		return false, err
	}
	t.mu.RLock()
	same := st.same(t.stamp)
	t.mu.RUnlock()
	if same {
		return false, nil
	}
	set, err := readSet(t.path)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stamp = st
	if err != nil {
		return false, err
	}
	t.byHash = set
	return true, nil
}

// Len is the number of tokens in force (not revoked; expired ones count
// until they are revoked or removed).
func (t *Tokens) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.byHash)
}

// Watch reloads the token file every interval until ctx ends, so tokens
// created or revoked while `serve` runs take effect without a restart. It
// polls the file's identity, modification time and size rather than
// subscribing to file events: a poll sees a Kubernetes Secret's symlink
// swap, a network file system and an editor's rename alike, and a stat
// every quarter second costs nothing. Problems are logged without values
// from the file; the last good set stays in force.
func (t *Tokens) Watch(ctx context.Context, every time.Duration, log *slog.Logger) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		changed, err := t.Reload()
		var fe *FileError
		switch {
		case errors.As(err, &fe):
			log.Error("token file not reloaded; the last good set of tokens stays in force", "error", fe.Safe())
		case err != nil:
			log.Error("token file not reloaded; the last good set of tokens stays in force", "error", err)
		case changed:
			log.Info("token file reloaded", "tokens", int64(t.Len()))
		}
	}
}

// Authenticate returns the principal of a bearer token.
func (t *Tokens) Authenticate(ctx context.Context, token string) (Principal, error) {
	if len(token) < 20 || len(token) > 256 {
		return Principal{}, ErrUnauthenticated
	}
	sum := sha256.Sum256([]byte(token))
	h := hex.EncodeToString(sum[:])
	t.mu.RLock()
	rec, ok := t.byHash[h]
	t.mu.RUnlock()
	// The map lookup already found it by hash; the constant-time compare
	// keeps the check honest should the store change shape.
	if !ok || subtle.ConstantTimeCompare([]byte(rec.SHA256), []byte(h)) != 1 {
		return Principal{}, ErrUnauthenticated
	}
	if rec.State(t.now()) != TokenActive {
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

func (t *Tokens) patientRef(ctx context.Context, subject string) (string, error) {
	if IsPatientRef(subject) {
		return subject, nil
	}
	t.mu.RLock()
	ref, ok := t.refs[subject]
	t.mu.RUnlock()
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
