package storage

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// LocalKeys is a KeyManager whose key-encryption keys live in a local key
// file (JSON, mode 0600). It is the embedded default and suits a single
// machine; production uses KMS. The file holds several key versions so keys
// can be rotated: new data keys are wrapped by the primary version, old
// wrapped keys still unwrap with the version they name.
type LocalKeys struct {
	path string

	mu   sync.RWMutex
	file keyFile
}

var _ KeyManager = (*LocalKeys)(nil)

type keyFile struct {
	Primary string               `json:"primary"`
	Keys    map[string]keyRecord `json:"keys"`
}

type keyRecord struct {
	Key     string    `json:"key"` // base64, 32 bytes
	Created time.Time `json:"created"`
}

// localWrapMagic starts every key wrapped by LocalKeys.
const localWrapMagic = "LK1"

// OpenLocalKeys loads the key file at path; with create set, a missing file
// is created with one fresh key.
func OpenLocalKeys(path string, create bool) (*LocalKeys, error) {
	lk := &LocalKeys{path: path}
	raw, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && create:
		lk.file = keyFile{Keys: map[string]keyRecord{}}
		lk.newVersion()
		// Several processes may start at once on a fresh machine: the
		// exclusive create lets exactly one file win, the others load it.
		err := lk.save(true)
		if errors.Is(err, fs.ErrExist) {
			return OpenLocalKeys(path, false)
		}
		if err != nil {
			return nil, fmt.Errorf("storage.OpenLocalKeys: %w", err)
		}
		return lk, nil
	case err != nil:
		return nil, fmt.Errorf("storage.OpenLocalKeys: %w", err)
	}
	f, err := parseKeyFile(raw)
	if err != nil {
		return nil, fmt.Errorf("storage.OpenLocalKeys: %s: %w", path, err)
	}
	lk.file = f
	return lk, nil
}

func parseKeyFile(raw []byte) (keyFile, error) {
	var f keyFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return f, fmt.Errorf("not a key file: %w", err)
	}
	if _, ok := f.Keys[f.Primary]; !ok {
		return f, fmt.Errorf("primary key %q missing", f.Primary)
	}
	for id, rec := range f.Keys {
		if k, err := base64.StdEncoding.DecodeString(rec.Key); err != nil || len(k) != DataKeySize {
			return f, fmt.Errorf("key %q is not %d base64 bytes", id, DataKeySize)
		}
	}
	return f, nil
}

// reload rereads the file, to pick up a rotation done by another process.
func (lk *LocalKeys) reload() error {
	raw, err := os.ReadFile(lk.path)
	if err != nil {
		return err
	}
	f, err := parseKeyFile(raw)
	if err != nil {
		return err
	}
	lk.mu.Lock()
	lk.file = f
	lk.mu.Unlock()
	return nil
}

// Rotate adds a new key version, makes it primary and saves the file. It
// returns the new version's ID. Existing wrapped keys stay readable; other
// processes pick the new version up when they first meet it.
func (lk *LocalKeys) Rotate() (string, error) {
	if err := lk.reload(); err != nil {
		return "", fmt.Errorf("storage.LocalKeys.Rotate: %w", err)
	}
	lk.mu.Lock()
	defer lk.mu.Unlock()
	prev := lk.file.Primary
	id := lk.newVersion()
	if err := lk.save(false); err != nil {
		delete(lk.file.Keys, id)
		lk.file.Primary = prev
		return "", fmt.Errorf("storage.LocalKeys.Rotate: %w", err)
	}
	return id, nil
}

// newVersion adds a fresh key and makes it primary; the caller saves.
func (lk *LocalKeys) newVersion() string {
	id := fmt.Sprintf("k%d", len(lk.file.Keys)+1)
	for _, taken := lk.file.Keys[id]; taken; _, taken = lk.file.Keys[id] {
		id += "x"
	}
	lk.file.Keys[id] = keyRecord{Key: base64.StdEncoding.EncodeToString(randomBytes(DataKeySize)), Created: time.Now().UTC()}
	lk.file.Primary = id
	return id
}

// save writes the key file atomically with mode 0600; exclusive fails with
// fs.ErrExist if the file is already there.
func (lk *LocalKeys) save(exclusive bool) error {
	raw, err := json.MarshalIndent(lk.file, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(lk.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".keys-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(raw); err != nil {
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
	if exclusive {
		err = os.Link(tmp.Name(), lk.path)
	} else {
		err = os.Rename(tmp.Name(), lk.path)
	}
	if err != nil {
		return err
	}
	return syncDir(dir)
}

// Versions lists the key version IDs, primary last.
func (lk *LocalKeys) Versions() []string {
	lk.mu.RLock()
	defer lk.mu.RUnlock()
	ids := make([]string, 0, len(lk.file.Keys))
	for id := range lk.file.Keys {
		if id != lk.file.Primary {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return append(ids, lk.file.Primary)
}

func (lk *LocalKeys) key(id string) ([]byte, bool) {
	lk.mu.RLock()
	defer lk.mu.RUnlock()
	rec, ok := lk.file.Keys[id]
	if !ok {
		return nil, false
	}
	k, _ := base64.StdEncoding.DecodeString(rec.Key)
	return k, true
}

// GenerateDataKey implements KeyManager.
func (lk *LocalKeys) GenerateDataKey(ctx context.Context, kc KeyContext) (DataKey, error) {
	lk.mu.RLock()
	id := lk.file.Primary
	lk.mu.RUnlock()
	kek, _ := lk.key(id)
	dek := randomBytes(DataKeySize)
	sealed, err := wrapKey(kek, dek, kc.canonical())
	if err != nil {
		return DataKey{}, fmt.Errorf("storage.LocalKeys.GenerateDataKey: %w", err)
	}
	wrapped := append([]byte(localWrapMagic), byte(len(id)))
	wrapped = append(wrapped, id...)
	return DataKey{Plaintext: dek, Wrapped: append(wrapped, sealed...)}, nil
}

// DecryptDataKey implements KeyManager.
func (lk *LocalKeys) DecryptDataKey(ctx context.Context, wrapped []byte, kc KeyContext) ([]byte, error) {
	m := len(localWrapMagic)
	if len(wrapped) < m+1 || string(wrapped[:m]) != localWrapMagic || len(wrapped) < m+1+int(wrapped[m]) {
		return nil, fmt.Errorf("%w: not a local wrapped key", ErrKeyUnavailable)
	}
	idLen := int(wrapped[m])
	id := string(wrapped[m+1 : m+1+idLen])
	kek, ok := lk.key(id)
	if !ok {
		// Another process may have rotated since we loaded the file.
		if err := lk.reload(); err == nil {
			kek, ok = lk.key(id)
		}
	}
	if !ok {
		return nil, fmt.Errorf("%w: key version %q not in key file", ErrKeyUnavailable, id)
	}
	return unwrapKey(kek, wrapped[m+1+idLen:], kc.canonical())
}
