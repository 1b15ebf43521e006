package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/storage"
)

// `clinscribe storage compact` compacts the data store's log and the key
// ring's, and refuses while another process has a store open.
func TestStorageCompact(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte("data_dir: "+filepath.Join(dir, "var")+"\nredis: {embedded: true}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "var", "data")
	l, err := storage.NewLog(data)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, k := range []string{"a/1", "a/2", "a/3"} {
		if err := l.Put(ctx, k, strings.NewReader(strings.Repeat("x", 500)), storage.Overwrite); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Delete(ctx, "a/2"); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, nil, "", "-config", cfg, "storage", "compact")
	if code != 1 {
		t.Fatalf("compact with a store open: exit %d, want 1\n%s", code, out)
	}
	l.Close()
	code, out, errs := run(t, nil, "", "-config", cfg, "storage", "compact")
	if code != 0 || !strings.Contains(out, "storage: "+data+" compacted") || !strings.Contains(out, "keys.ring:") {
		t.Fatalf("compact: exit %d\n%s%s", code, out, errs)
	}
	r, err := storage.NewLog(data)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	keys, err := r.List(ctx, "a/")
	if err != nil || strings.Join(keys, ",") != "a/1,a/3" {
		t.Fatalf("after compact: %v, %v", keys, err)
	}
}
