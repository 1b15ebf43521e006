package storage

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// dirNames lists the names in dir, hidden ones included ("" if dir is
// missing).
func dirNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, ",")
}

// A create-only object is written to an unnamed file (O_TMPFILE): while it
// is staged its directory holds no name of it, not even a temporary one,
// and neither does it after Commit, Abort or a refused Commit, beside the
// objects' own names; with the group commit and with per-file fsyncs, in
// a directory that does not exist yet.
func TestLocalCreateOnlyUnnamed(t *testing.T) {
	t.Parallel()
	for _, grouped := range []bool{true, false} {
		l, err := NewLocal(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if !l.useTmpfile() {
			t.Skip("no unnamed files on this filesystem")
		}
		if !grouped {
			l.group = nil
		}
		if got := dirNames(t, l.Root()); got != "" {
			t.Fatalf("grouped=%v: NewLocal's probe left %q", grouped, got)
		}
		ctx := t.Context()
		dir := filepath.Join(l.Root(), "enc", "new")
		st, err := l.Stage(ctx, "enc/new/meta", strings.NewReader("the record"), CreateOnly)
		if err != nil {
			t.Fatal(err)
		}
		gone, err := l.Stage(ctx, "enc/new/gone", strings.NewReader("aborted"), CreateOnly)
		if err != nil {
			t.Fatal(err)
		}
		if got := dirNames(t, dir); got != "" {
			t.Fatalf("grouped=%v: while staged the directory holds %q, want no name", grouped, got)
		}
		if err := st.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		gone.Abort()
		late, err := l.Stage(ctx, "enc/new/meta", strings.NewReader("a second record"), CreateOnly)
		if err != nil {
			t.Fatalf("grouped=%v: staging over a taken name = %v, want it staged and refused at Commit", grouped, err)
		}
		if err := late.Commit(ctx); !errors.Is(err, ErrExists) {
			t.Fatalf("grouped=%v: committing over a taken name = %v, want ErrExists", grouped, err)
		}
		if got := dirNames(t, dir); got != "meta" {
			t.Fatalf("grouped=%v: the directory holds %q, want meta alone", grouped, got)
		}
		if b, err := ReadAll(ctx, l, "enc/new/meta"); err != nil || string(b) != "the record" {
			t.Fatalf("grouped=%v: read back %q, %v", grouped, b, err)
		}
	}
}

// Where the filesystem refuses unnamed files, a create-only object is
// written to a hidden temporary file as before, linked into place and its
// temporary name removed; create-if-absent holds.
func TestLocalTmpfileRefused(t *testing.T) {
	t.Parallel()
	for _, grouped := range []bool{true, false} {
		l, err := NewLocal(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if !grouped {
			l.group = nil
		}
		refused := 0
		l.openTmp = func(dir string) (*sysFile, error) {
			refused++
			return nil, &fs.PathError{Op: "open", Path: dir, Err: unix.EOPNOTSUPP}
		}
		l.useTmpfile()
		l.tmpfile = true
		ctx := t.Context()
		dir := filepath.Join(l.Root(), "enc", "new")
		st, err := l.Stage(ctx, "enc/new/meta", strings.NewReader("the record"), CreateOnly)
		if err != nil {
			t.Fatalf("grouped=%v: %v", grouped, err)
		}
		if refused == 0 {
			t.Fatal("the refusing stand-in was not asked")
		}
		if got := dirNames(t, dir); !strings.HasPrefix(got, ".tmp-") || strings.Contains(got, ",") {
			t.Fatalf("grouped=%v: while staged the directory holds %q, want one temporary file", grouped, got)
		}
		if err := st.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		if err := l.Put(ctx, "enc/new/meta", strings.NewReader("again"), CreateOnly); !errors.Is(err, ErrExists) {
			t.Fatalf("grouped=%v: second create-only put = %v, want ErrExists", grouped, err)
		}
		if got := dirNames(t, dir); got != "meta" {
			t.Fatalf("grouped=%v: the directory holds %q, want meta alone", grouped, got)
		}
		if b, err := ReadAll(ctx, l, "enc/new/meta"); err != nil || string(b) != "the record" {
			t.Fatalf("grouped=%v: read back %q, %v", grouped, b, err)
		}
	}
}

// A directory is made before the first write into it unless the store has
// seen it: one it saw that was removed since is made again when a write
// finds it missing, and one another store made is written into (its mkdir
// finds it there); for objects with content and empty ones, with the group
// commit and with per-file fsyncs.
func TestLocalDirectories(t *testing.T) {
	t.Parallel()
	for _, grouped := range []bool{true, false} {
		root := t.TempDir()
		l, err := NewLocal(root)
		if err != nil {
			t.Fatal(err)
		}
		other, err := NewLocal(root)
		if err != nil {
			t.Fatal(err)
		}
		if !grouped {
			l.group, other.group = nil, nil
		}
		ctx := t.Context()
		put := func(l *Local, key, body string) {
			t.Helper()
			if err := l.Put(ctx, key, strings.NewReader(body), CreateOnly); err != nil {
				t.Fatalf("grouped=%v: put %s: %v", grouped, key, err)
			}
		}
		for _, body := range []string{"content", ""} {
			put(l, "enc/a/one"+body, body)
			if !l.dirs.has(filepath.Join(root, "enc", "a")) {
				t.Fatalf("grouped=%v: the directory written into is not remembered", grouped)
			}
			if err := os.RemoveAll(filepath.Join(root, "enc")); err != nil {
				t.Fatal(err)
			}
			put(l, "enc/a/two"+body, body)
			put(other, "enc/b/one"+body, body)
			put(l, "enc/b/two"+body, body)
			if got := dirNames(t, filepath.Join(root, "enc", "b")); got != "one"+body+",two"+body {
				t.Fatalf("grouped=%v: enc/b holds %q", grouped, got)
			}
		}
	}
	var c dirCache
	for i := range dirCacheMax + 10 {
		c.add(strconv.Itoa(i))
	}
	if len(c.m) > dirCacheMax || !c.has(strconv.Itoa(dirCacheMax+9)) {
		t.Fatalf("the cache holds %d directories (at most %d), the last added: %v", len(c.m), dirCacheMax, c.has(strconv.Itoa(dirCacheMax+9)))
	}
}

// An object read back ends where its file ended when it was opened: the
// reader knows the size (an object's file is never written once named) and
// answers the end itself. Bytes appended behind the store's back are not
// read; a range read seeks within the same bound.
func TestLocalReadStopsAtItsSize(t *testing.T) {
	t.Parallel()
	l, err := NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := l.Put(ctx, "a/obj", strings.NewReader("0123456789"), CreateOnly); err != nil {
		t.Fatal(err)
	}
	rc, err := l.Get(ctx, "a/obj")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	rng, err := l.GetRange(ctx, "a/obj", 4, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer rng.Close()
	f, err := os.OpenFile(filepath.Join(l.Root(), "a", "obj"), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("appended"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if b, err := io.ReadAll(rc); err != nil || string(b) != "0123456789" {
		t.Fatalf("read %q, %v; want the object as it was opened", b, err)
	}
	if b, err := io.ReadAll(rng); err != nil || string(b) != "456789" {
		t.Fatalf("range read %q, %v; want 456789", b, err)
	}
}
