package storagetest

import (
	"path/filepath"
	"testing"

	"github.com/clinscribe/clinscribe/storage"
)

// Local is the embedded default's storage over one directory, as a process
// opens it: data and keyring stores, a local master key file, the keyring
// and the vault. Opening it again over the same root is a restart.
type Local struct {
	Root  string
	Data  *storage.Local
	Ring  *storage.Local
	Keys  *storage.Keyring
	Vault *storage.Vault
}

// OpenLocal opens (creating on first use) the stores under root. wrap, if
// set, wraps the data and keyring stores (crash injection).
func OpenLocal(t testing.TB, root string, wrap func(storage.Blobstore) storage.Blobstore) *Local {
	t.Helper()
	if wrap == nil {
		wrap = func(bs storage.Blobstore) storage.Blobstore { return bs }
	}
	data, err := storage.NewLocal(filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	ring, err := storage.NewLocal(filepath.Join(root, "ring"))
	if err != nil {
		t.Fatal(err)
	}
	master, err := storage.OpenLocalKeys(filepath.Join(root, "master.key"), true)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := storage.NewKeyring(master, wrap(ring), storage.KeyringConfig{})
	if err != nil {
		t.Fatal(err)
	}
	return &Local{Root: root, Data: data, Ring: ring, Keys: keys, Vault: storage.NewVault(wrap(data), keys)}
}
