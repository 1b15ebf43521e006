package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// ScopeContextKey names the KeyContext entry that selects a Keyring scope.
const ScopeContextKey = "scope"

// ErrShredded means the scope's key was destroyed: its objects can never be
// decrypted again, and no new key will be issued for it.
var ErrShredded = fmt.Errorf("%w: scope was crypto-shredded", ErrKeyUnavailable)

// Keyring is a KeyManager that gives every scope (an encounter, a patient)
// its own key-encryption key. Scope keys are wrapped by a root KeyManager
// (LocalKeys or KMS) and kept in their own Blobstore, the ring, which must
// live apart from the data store (another directory, another bucket) and out
// of its backups. Shred destroys a scope key: every object of that scope,
// wherever a copy of it survives, becomes undecryptable.
//
// Data keys are per object and random; Keyring wraps them with the scope key
// and the full KeyContext as additional data. Unwrapped scope keys are cached
// in memory for KeyringConfig.CacheTTL, which bounds how long another process
// may keep reading with a key after it was shredded; no process seals a new
// object under a shredded scope (GenerateDataKey checks the tombstone).
type Keyring struct {
	root KeyManager
	ring Blobstore
	cfg  KeyringConfig

	mu    sync.Mutex
	cache map[string]cachedScopeKey
}

var _ KeyManager = (*Keyring)(nil)

// KeyringConfig tunes a Keyring.
type KeyringConfig struct {
	// CacheTTL is how long an unwrapped scope key stays in memory.
	// Zero means one minute; negative disables the cache.
	CacheTTL time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

type cachedScopeKey struct {
	key     []byte
	expires time.Time
}

const keyringWrapMagic = "SK1"

// NewKeyring returns a Keyring whose scope keys are wrapped by root and
// stored in ring.
func NewKeyring(root KeyManager, ring Blobstore, cfg KeyringConfig) (*Keyring, error) {
	if root == nil || ring == nil {
		return nil, errors.New("storage.NewKeyring: root key manager and ring store are required")
	}
	if cfg.CacheTTL == 0 {
		cfg.CacheTTL = time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Keyring{root: root, ring: ring, cfg: cfg, cache: map[string]cachedScopeKey{}}, nil
}

func scopeKeyPath(scope string) string  { return "scopes/" + scope + "/key" }
func tombstonePath(scope string) string { return "scopes/" + scope + "/shredded" }
func scopeKeyContext(scope string) KeyContext {
	return KeyContext{"purpose": "scope-key", ScopeContextKey: scope}
}

func scopeOf(kc KeyContext) (string, error) {
	scope := kc[ScopeContextKey]
	if err := ValidKey(scope); err != nil {
		return "", fmt.Errorf("storage.Keyring: key context needs a valid %q: %w", ScopeContextKey, err)
	}
	return scope, nil
}

// GenerateDataKey implements KeyManager; kc must name a scope.
func (r *Keyring) GenerateDataKey(ctx context.Context, kc KeyContext) (DataKey, error) {
	scope, err := scopeOf(kc)
	if err != nil {
		return DataKey{}, err
	}
	sk, err := r.scopeKey(ctx, scope, true)
	if err != nil {
		return DataKey{}, err
	}
	// The scope key may come from this process's cache after another
	// process shredded the scope. Reading with it until the cache expires
	// is the price of the cache; sealing a new object under it would write
	// content of a deleted scope again, which its deletion certificate says
	// is gone. So every new data key looks for the tombstone first.
	if shredded, err := r.Shredded(ctx, scope); err != nil {
		return DataKey{}, err
	} else if shredded {
		r.mu.Lock()
		delete(r.cache, scope)
		r.mu.Unlock()
		return DataKey{}, ErrShredded
	}
	dek := randomBytes(DataKeySize)
	sealed, err := wrapKey(sk, dek, kc.canonical())
	if err != nil {
		return DataKey{}, fmt.Errorf("storage.Keyring.GenerateDataKey: %w", err)
	}
	return DataKey{Plaintext: dek, Wrapped: append([]byte(keyringWrapMagic), sealed...)}, nil
}

// PrepareScope makes sure the scope named by kc has a key (creating it
// unless the scope was shredded) and holds it in the cache, so the first
// GenerateDataKey of the scope does not wait for the ring write. A caller
// that knows which scope it will write next runs this concurrently with
// other work (Submit overlaps it with the open marker and the audit entry).
// It issues no data key and writes nothing a crash would need undone: a
// scope key with no objects under it decrypts nothing.
//
// A scope being prepared is about to get its first object, so its key is
// usually not there yet: it is created without first being looked for
// (the ring's CreateOnly reads the key instead when another writer made
// it), one ring read fewer per new scope.
func (r *Keyring) PrepareScope(ctx context.Context, kc KeyContext) error {
	wait, err := r.PublishScope(ctx, kc)
	if err != nil {
		return err
	}
	if err := wait(); err != nil {
		return fmt.Errorf("storage.Keyring.PrepareScope: %w", err)
	}
	return nil
}

// PublishScope is PrepareScope in two steps, as Publish is a Commit in
// two (Publisher): it returns once the scope's key is in the cache and
// under its name in the ring, its content durable, and wait returns once
// its name is durable too. Objects sealed under the key may be written
// meanwhile; none may be made visible (committed) before wait returns,
// or a power loss could keep the object and lose its key. On the local
// store the wait is the group flush that the objects staged meanwhile
// share (Submit: the Meta's content and the scope key's name make one
// flush, not two); elsewhere the key is durable at once and wait does
// nothing.
func (r *Keyring) PublishScope(ctx context.Context, kc KeyContext) (wait func() error, err error) {
	scope, err := scopeOf(kc)
	if err != nil {
		return nil, err
	}
	now := r.cfg.Now()
	if _, ok := r.cached(scope, now); ok {
		return noWait, nil
	}
	wrapped, wait, err := r.publishScopeKey(ctx, scope)
	if err == nil {
		_, err = r.open(ctx, scope, wrapped, now)
	}
	if err != nil {
		return nil, fmt.Errorf("storage.Keyring.PrepareScope: %w", err)
	}
	return wait, nil
}

func noWait() error { return nil }

// DecryptDataKey implements KeyManager.
func (r *Keyring) DecryptDataKey(ctx context.Context, wrapped []byte, kc KeyContext) ([]byte, error) {
	scope, err := scopeOf(kc)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(string(wrapped), keyringWrapMagic) {
		return nil, fmt.Errorf("%w: not a keyring-wrapped key", ErrKeyUnavailable)
	}
	sk, err := r.scopeKey(ctx, scope, false)
	if err != nil {
		return nil, err
	}
	return unwrapKey(sk, wrapped[len(keyringWrapMagic):], kc.canonical())
}

// cached is the scope's unwrapped key if the cache holds it unexpired.
func (r *Keyring) cached(scope string, now time.Time) ([]byte, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.cache[scope]; ok && now.Before(c.expires) {
		return c.key, true
	}
	return nil, false
}

// scopeKey returns the scope's unwrapped key, creating it if asked.
func (r *Keyring) scopeKey(ctx context.Context, scope string, create bool) ([]byte, error) {
	now := r.cfg.Now()
	if key, ok := r.cached(scope, now); ok {
		return key, nil
	}

	wrapped, err := ReadAll(ctx, r.ring, scopeKeyPath(scope))
	if errors.Is(err, ErrNotFound) {
		if !create {
			if shredded, terr := r.Shredded(ctx, scope); terr == nil && shredded {
				return nil, ErrShredded
			}
			return nil, fmt.Errorf("%w: no key for scope", ErrKeyUnavailable)
		}
		wrapped, err = r.createScopeKey(ctx, scope)
	}
	if err != nil {
		return nil, err
	}
	return r.open(ctx, scope, wrapped, now)
}

// open unwraps a scope key read from or written to the ring, and caches it.
func (r *Keyring) open(ctx context.Context, scope string, wrapped []byte, now time.Time) ([]byte, error) {
	sk, err := r.root.DecryptDataKey(ctx, wrapped, scopeKeyContext(scope))
	if err != nil {
		return nil, fmt.Errorf("storage.Keyring: scope key: %w", err)
	}
	if r.cfg.CacheTTL > 0 {
		r.mu.Lock()
		r.cache[scope] = cachedScopeKey{key: sk, expires: now.Add(r.cfg.CacheTTL)}
		r.mu.Unlock()
	}
	return sk, nil
}

// createScopeKey makes the scope's key unless the scope was shredded, and
// returns once it is durable. Racing creators: the ring's CreateOnly lets
// one win and the others read its key.
func (r *Keyring) createScopeKey(ctx context.Context, scope string) ([]byte, error) {
	wrapped, wait, err := r.publishScopeKey(ctx, scope)
	if err != nil {
		return nil, err
	}
	if err := wait(); err != nil {
		return nil, fmt.Errorf("storage.Keyring: store scope key: %w", err)
	}
	return wrapped, nil
}

// publishScopeKey is createScopeKey returning once the key is under its
// name, with the wait for that name to be durable (see PublishScope).
//
// The tombstone is looked for once, after the create: Shred writes its
// tombstone before it deletes the key, so a key created in a shredded
// scope, or while a shred runs, finds the tombstone then and is removed
// again. A scope is shredded rarely and created once per encounter, so
// the look before the create (one ring read per new scope; on S3 a GET)
// was dropped (issue 18).
func (r *Keyring) publishScopeKey(ctx context.Context, scope string) (wrapped []byte, wait func() error, err error) {
	dk, err := r.root.GenerateDataKey(ctx, scopeKeyContext(scope))
	if err != nil {
		return nil, nil, fmt.Errorf("storage.Keyring: new scope key: %w", err)
	}
	wait, err = publish(ctx, r.ring, scopeKeyPath(scope), dk.Wrapped, CreateOnly)
	if errors.Is(err, ErrExists) {
		// Another writer's key, read back as a Put's loser reads it: its
		// writer waits for it to be durable. A shred may be deleting it.
		if shredded, err := r.Shredded(ctx, scope); err != nil {
			return nil, nil, err
		} else if shredded {
			return nil, nil, ErrShredded
		}
		wrapped, err := ReadAll(ctx, r.ring, scopeKeyPath(scope))
		return wrapped, noWait, err
	}
	if err != nil {
		return nil, nil, fmt.Errorf("storage.Keyring: store scope key: %w", err)
	}
	if shredded, err := r.Shredded(ctx, scope); err != nil || shredded {
		_ = r.ring.Delete(ctx, scopeKeyPath(scope))
		if err != nil {
			return nil, nil, err
		}
		return nil, nil, ErrShredded
	}
	return dk.Wrapped, wait, nil
}

// publish writes b under key in bs and returns once it is visible, with
// the wait for it to be durable: a Publisher's (Local: one group flush
// after the name), or nothing to wait for after a Put.
func publish(ctx context.Context, bs Blobstore, key string, b []byte, mode WriteMode) (wait func() error, err error) {
	st, err := Stage(ctx, bs, key, bytes.NewReader(b), mode)
	if err != nil {
		return nil, err
	}
	defer st.Abort()
	if p, ok := st.(Publisher); ok {
		return p.Publish(ctx)
	}
	if err := st.Commit(ctx); err != nil {
		return nil, err
	}
	return noWait, nil
}

// Shred destroys the scope's key for good: a tombstone is written first (so
// no new key is issued), then the key is deleted and dropped from this
// process's cache. Shredding a scope twice is not an error.
func (r *Keyring) Shred(ctx context.Context, scope string) error {
	if err := ValidKey(scope); err != nil {
		return fmt.Errorf("storage.Keyring.Shred: %w", err)
	}
	stamp := r.cfg.Now().UTC().Format(time.RFC3339Nano)
	if err := r.ring.Put(ctx, tombstonePath(scope), strings.NewReader(stamp), Overwrite); err != nil {
		return fmt.Errorf("storage.Keyring.Shred: tombstone: %w", err)
	}
	if err := r.ring.Delete(ctx, scopeKeyPath(scope)); err != nil {
		return fmt.Errorf("storage.Keyring.Shred: %w", err)
	}
	r.mu.Lock()
	delete(r.cache, scope)
	r.mu.Unlock()
	return nil
}

// Shredded reports whether the scope's key was destroyed.
func (r *Keyring) Shredded(ctx context.Context, scope string) (bool, error) {
	rc, err := r.ring.Get(ctx, tombstonePath(scope))
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("storage.Keyring: %w", err)
	}
	rc.Close()
	return true, nil
}
