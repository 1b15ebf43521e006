package storage_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/clinscribe/clinscribe/storage"
)

// A Vault seals every object under a fresh data key, wrapped by the
// encounter's scope key in the Keyring; shredding the scope key makes every
// object of the scope unreadable, wherever copies of its ciphertext went.
func Example() {
	dir, _ := os.MkdirTemp("", "storage-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	data, _ := storage.NewLocal(filepath.Join(dir, "data"))
	ring, _ := storage.NewLocal(filepath.Join(dir, "ring"))
	root, _ := storage.OpenLocalKeys(filepath.Join(dir, "master.key"), true)
	keys, _ := storage.NewKeyring(root, ring, storage.KeyringConfig{})
	vault := storage.NewVault(data, keys)

	const key = "encounters/enc_example/input/note"
	note := []byte("Patient reports three days of cough.")
	fmt.Println("put:", vault.PutBytes(ctx, key, note, storage.CreateOnly))
	raw, _ := storage.ReadAll(ctx, data, key)
	fmt.Println("plaintext on disk:", bytes.Contains(raw, note))
	back, _ := vault.GetBytes(ctx, key)
	fmt.Println("read back:", string(back))

	fmt.Println("shred:", keys.Shred(ctx, "encounters/enc_example"))
	_, err := vault.GetBytes(ctx, key)
	fmt.Println("after shredding:", errors.Is(err, storage.ErrShredded))
	// Output:
	// put: <nil>
	// plaintext on disk: false
	// read back: Patient reports three days of cough.
	// shred: <nil>
	// after shredding: true
}
