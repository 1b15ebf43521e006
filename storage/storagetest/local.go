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
	Data  storage.Blobstore
	Ring  storage.Blobstore
	Keys  *storage.Keyring
	Vault *storage.Vault
}

// OpenLocal opens (creating on first use) the stores under root in the
// default format of a new directory (storage.LocalFormat: the log on
// Linux). wrap, if set, wraps the data and keyring stores (crash
// injection).
func OpenLocal(t testing.TB, root string, wrap func(storage.Blobstore) storage.Blobstore) *Local {
	return OpenLocalIn(t, root, "", wrap)
}

// OpenLocalIn is OpenLocal with the stores in format (storage.FormatFiles
// or storage.FormatLog; empty: the default).
func OpenLocalIn(t testing.TB, root, format string, wrap func(storage.Blobstore) storage.Blobstore) *Local {
	t.Helper()
	if wrap == nil {
		wrap = func(bs storage.Blobstore) storage.Blobstore { return bs }
	}
	open := func(dir string, opts storage.LogOptions) storage.Blobstore {
		bs, err := storage.OpenLocalDir(filepath.Join(root, dir), format, opts)
		if err != nil {
			t.Fatal(err)
		}
		if c, ok := bs.(interface{ Close() error }); ok {
			t.Cleanup(func() { c.Close() })
		}
		return bs
	}
	data := open("data", storage.LogOptions{})
	ring := open("ring", storage.LogOptions{Erase: true})
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

// Close ends the process's use of the stores, as its death would: a log
// releases its segment, which the next opener of the root then recovers
// (whole records written before the death are kept, as a killed process's
// writes in the page cache are). Files stores have nothing to release.
func (l *Local) Close() {
	for _, bs := range []storage.Blobstore{l.Data, l.Ring} {
		if c, ok := bs.(interface{ Close() error }); ok {
			c.Close()
		}
	}
}

// OpenDir opens a local store directory as another process would, in the
// format it holds (storage.OpenLocalDir), closed when the test ends: for
// tests that look at or damage what a running app stored.
func OpenDir(t testing.TB, dir string) storage.Blobstore {
	t.Helper()
	bs, err := storage.OpenLocalDir(dir, "", storage.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := bs.(interface{ Close() error }); ok {
		t.Cleanup(func() { c.Close() })
	}
	return bs
}
