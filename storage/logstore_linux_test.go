package storage

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Two Log stores opened on one directory in one test behave as two
// processes would: each holds its own segment under its own flock (flock
// locks belong to open file descriptions, not to processes).
func openLog(t *testing.T, dir string) *Log {
	t.Helper()
	l, err := NewLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func logPut(t *testing.T, bs Blobstore, key, v string, mode WriteMode) error {
	t.Helper()
	return bs.Put(context.Background(), key, strings.NewReader(v), mode)
}

func logGet(t *testing.T, bs Blobstore, key string) (string, error) {
	t.Helper()
	b, err := ReadAll(context.Background(), bs, key)
	return string(b), err
}

// What one store writes, another on the same directory reads, overwrites,
// deletes and lists; a create-only key taken in one is taken in the other;
// the last write of a key wins whichever store made it.
func TestLogSharedBetweenStores(t *testing.T) {
	dir := t.TempDir()
	a, b := openLog(t, dir), openLog(t, dir)
	if err := logPut(t, a, "enc/e1/meta.json", "one", CreateOnly); err != nil {
		t.Fatal(err)
	}
	if got, err := logGet(t, b, "enc/e1/meta.json"); err != nil || got != "one" {
		t.Fatalf("b reads %q, %v; want a's write", got, err)
	}
	if err := logPut(t, b, "enc/e1/meta.json", "two", CreateOnly); !errors.Is(err, ErrExists) {
		t.Fatalf("b's create-only of a's key: %v, want ErrExists", err)
	}
	if err := logPut(t, b, "enc/e1/stage.json", "b1", Overwrite); err != nil {
		t.Fatal(err)
	}
	if err := logPut(t, a, "enc/e1/stage.json", "a2", Overwrite); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Log{a, b} {
		if got, _ := logGet(t, s, "enc/e1/stage.json"); got != "a2" {
			t.Fatalf("stage.json = %q, want the last write a2", got)
		}
	}
	if err := b.Delete(context.Background(), "enc/e1/stage.json"); err != nil {
		t.Fatal(err)
	}
	if _, err := logGet(t, a, "enc/e1/stage.json"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a reads b's deleted key: %v, want ErrNotFound", err)
	}
	// A third store, opened later, finds both segments.
	c := openLog(t, dir)
	keys, err := c.List(context.Background(), "enc/")
	if err != nil || strings.Join(keys, ",") != "enc/e1/meta.json" {
		t.Fatalf("c lists %q, %v", keys, err)
	}
	if err := logPut(t, c, "enc/e2/meta.json", "c", CreateOnly); err != nil {
		t.Fatal(err)
	}
	if got, _ := logGet(t, a, "enc/e2/meta.json"); got != "c" {
		t.Fatalf("a reads %q from the store opened after it", got)
	}
}

// Writers in two stores racing on one create-only key: exactly one wins.
func TestLogCreateOnlyRaceAcrossStores(t *testing.T) {
	dir := t.TempDir()
	stores := []*Log{openLog(t, dir), openLog(t, dir)}
	for round := range 20 {
		key := fmt.Sprintf("race/k%d", round)
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = logPut(t, stores[i%2], key, strconv.Itoa(i), CreateOnly)
			}()
		}
		wg.Wait()
		wins := 0
		for _, err := range errs {
			switch {
			case err == nil:
				wins++
			case !errors.Is(err, ErrExists):
				t.Fatal(err)
			}
		}
		if wins != 1 {
			t.Fatalf("round %d: %d winners", round, wins)
		}
	}
}

// A record is seen by no store, its own included, before it is durable;
// a create-only write of its key in another store meanwhile is refused,
// after the record was made durable (a caller may act on ErrExists).
func TestLogInvisibleUntilDurable(t *testing.T) {
	dir := t.TempDir()
	a, b := openLog(t, dir), openLog(t, dir)
	if err := logPut(t, a, "k/first", "x", Overwrite); err != nil {
		t.Fatal(err)
	}
	seg := a.active.Load()
	before := seg.written().Load()
	release := make(chan struct{})
	flushed := make(chan struct{}, 16)
	a.group.flush = func() error {
		<-release
		err := a.flush()
		flushed <- struct{}{}
		return err
	}
	done := make(chan error)
	go func() { done <- logPut(t, a, "k/draft", "v1", CreateOnly) }()
	deadline := time.Now().Add(5 * time.Second)
	for seg.written().Load() == before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if _, err := logGet(t, b, "k/draft"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("b sees a record that is not durable: %v", err)
	}
	if _, err := logGet(t, a, "k/draft"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a sees its own record before it is durable: %v", err)
	}
	if seg.durable().Load() >= seg.written().Load() {
		t.Fatal("the record is durable already: the test proves nothing")
	}
	var synced []int
	syncSegment = func(fd int) error { synced = append(synced, fd); return syscall.Fdatasync(fd) }
	defer func() { syncSegment = syscall.Fdatasync }()
	if err := logPut(t, b, "k/draft", "other", CreateOnly); !errors.Is(err, ErrExists) {
		t.Fatalf("b's create-only of a pending key: %v, want ErrExists", err)
	}
	if len(synced) != 1 {
		t.Fatalf("ErrExists given after %d flushes of the pending record's segment, want 1", len(synced))
	}
	// b's own create of a free key is not held up by a's pending one.
	if err := logPut(t, b, "k/other", "x", CreateOnly); err != nil || len(synced) != 1 {
		t.Fatalf("unrelated create: %v, %d flushes of a's segment", err, len(synced))
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got, _ := logGet(t, b, "k/draft"); got != "v1" {
		t.Fatalf("b reads %q after the flush", got)
	}
}

// A segment left by a process that died mid-write (a torn record after
// its last whole one) is cut back to its whole records by the next store
// to open the directory; every acknowledged object is there and new
// writes go on.
func TestLogRecoversTornTail(t *testing.T) {
	dir := t.TempDir()
	a, err := NewLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if err := logPut(t, a, fmt.Sprintf("o/%03d", i), strings.Repeat("x", i*37), Overwrite); err != nil {
			t.Fatal(err)
		}
	}
	seg := filepath.Join(dir, "log", a.active.Load().name)
	written := a.active.Load().written().Load()
	a.Close()
	// A torn record: a header promising more than was written, and junk.
	f, err := os.OpenFile(seg, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	torn := encodeRecord(logOpPut, "o/torn", []byte("half of it"))
	if _, err := f.WriteAt(torn[:len(torn)-4], written); err != nil {
		t.Fatal(err)
	}
	f.Close()
	b := openLog(t, dir)
	for i := range 50 {
		got, err := logGet(t, b, fmt.Sprintf("o/%03d", i))
		if err != nil || got != strings.Repeat("x", i*37) {
			t.Fatalf("o/%03d after recovery: %d bytes, %v", i, len(got), err)
		}
	}
	if _, err := logGet(t, b, "o/torn"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the torn record was read: %v", err)
	}
	if fi, _ := os.Stat(seg); fi.Size() != written {
		t.Fatalf("dead segment is %d bytes after recovery, want cut to %d", fi.Size(), written)
	}
	if err := logPut(t, b, "o/after", "y", CreateOnly); err != nil {
		t.Fatal(err)
	}
	c := openLog(t, dir)
	if got, _ := logGet(t, c, "o/after"); got != "y" {
		t.Fatal("write after recovery lost")
	}
}

// A value larger than a staging buffer lives in its own file; a newer
// version or a deletion removes that file, an aborted stage leaves none.
func TestLogLargeValuesFiles(t *testing.T) {
	dir := t.TempDir()
	l := openLog(t, dir)
	big := func(c byte) string { return strings.Repeat(string(c), stageBufSize+10) }
	blobs := func() int {
		ents, _ := os.ReadDir(filepath.Join(dir, "blobs"))
		return len(ents)
	}
	if err := logPut(t, l, "rec/audio", big('a'), Overwrite); err != nil {
		t.Fatal(err)
	}
	if err := logPut(t, l, "rec/audio", big('b'), Overwrite); err != nil {
		t.Fatal(err)
	}
	if got, _ := logGet(t, l, "rec/audio"); got != big('b') {
		t.Fatal("overwritten large value not read back")
	}
	if n := blobs(); n != 1 {
		t.Fatalf("%d value files after an overwrite, want 1", n)
	}
	rc, err := l.GetRange(context.Background(), "rec/audio", stageBufSize, 5)
	if err != nil {
		t.Fatal(err)
	}
	part, _ := io.ReadAll(rc)
	rc.Close()
	if string(part) != "bbbbb" {
		t.Fatalf("GetRange = %q", part)
	}
	st, err := l.Stage(context.Background(), "rec/other", strings.NewReader(big('c')), CreateOnly)
	if err != nil {
		t.Fatal(err)
	}
	st.Abort()
	if err := l.Delete(context.Background(), "rec/audio"); err != nil {
		t.Fatal(err)
	}
	if n := blobs(); n != 0 {
		t.Fatalf("%d value files after delete and abort, want 0", n)
	}
}

// A real process killed with SIGKILL while it writes loses nothing it
// acknowledged, and its segment is recovered by the next opener.
func TestLogKilledWriterProcess(t *testing.T) {
	if dir := os.Getenv("CS_LOG_CHILD_DIR"); dir != "" {
		l, err := NewLog(dir)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		for i := 0; ; i++ {
			v := strings.Repeat(strconv.Itoa(i), 1+i%300)
			if err := l.Put(context.Background(), fmt.Sprintf("k/%06d", i), strings.NewReader(v), CreateOnly); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			fmt.Println("ack", i)
		}
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestLogKilledWriterProcess$")
	cmd.Env = append(os.Environ(), "CS_LOG_CHILD_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	acked := -1
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "ack "); ok {
			acked, _ = strconv.Atoi(n)
			if acked == 300 {
				cmd.Process.Signal(syscall.SIGKILL)
			}
		} else if strings.HasPrefix(line, "error") {
			t.Fatal(line)
		}
	}
	cmd.Wait()
	if acked < 300 {
		t.Fatalf("child acknowledged only %d writes", acked)
	}
	l := openLog(t, dir)
	for i := 0; i <= acked; i++ {
		want := strings.Repeat(strconv.Itoa(i), 1+i%300)
		if got, err := logGet(t, l, fmt.Sprintf("k/%06d", i)); err != nil || got != want {
			t.Fatalf("acknowledged k/%06d after the kill: %q, %v", i, got, err)
		}
	}
	if err := logPut(t, l, fmt.Sprintf("k/%06d", acked+1000), "after", CreateOnly); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d writes acknowledged before SIGKILL, all read back", acked+1)
}

// segmentsHold reports whether any segment file under dir holds b.
func segmentsHold(t *testing.T, dir string, b []byte) bool {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "log", "seg-*.log"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, b) {
			return true
		}
	}
	return false
}

// With Erase (the key ring's store) a deleted or overwritten object's
// bytes are gone from the segment once the deletion returns; without it
// they stay until compaction. The erased records do not stop recovery
// from reading the records after them, even with the lengths files lost.
func TestLogEraseOnDelete(t *testing.T) {
	secret := []byte("WRAPPED-SCOPE-KEY-0123456789abcdef")
	for _, erase := range []bool{true, false} {
		dir := t.TempDir()
		l, err := NewLogWith(dir, LogOptions{Erase: erase})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if err := l.Put(ctx, "scopes/s1/key", bytes.NewReader(secret), CreateOnly); err != nil {
			t.Fatal(err)
		}
		if err := l.Put(ctx, "scopes/s1/tomb", strings.NewReader("old-"+string(secret)), Overwrite); err != nil {
			t.Fatal(err)
		}
		if err := l.Put(ctx, "scopes/s1/tomb", strings.NewReader("new"), Overwrite); err != nil {
			t.Fatal(err)
		}
		if err := l.Put(ctx, "scopes/s2/key", strings.NewReader("kept"), CreateOnly); err != nil {
			t.Fatal(err)
		}
		if err := l.Delete(ctx, "scopes/s1/key"); err != nil {
			t.Fatal(err)
		}
		if err := l.Put(ctx, "scopes/s3/key", strings.NewReader("after"), CreateOnly); err != nil {
			t.Fatal(err)
		}
		held := segmentsHold(t, dir, secret)
		if erase && held {
			t.Fatal("a deleted key's bytes are still in the segment with Erase")
		}
		if !erase && !held {
			t.Fatal("without Erase the bytes are gone: the check above proves nothing")
		}
		l.Close()
		if !erase {
			continue
		}
		lens, _ := filepath.Glob(filepath.Join(dir, "log", "*.len"))
		for _, f := range lens {
			os.Remove(f)
		}
		r := openLog(t, dir)
		for key, want := range map[string]string{"scopes/s1/tomb": "new", "scopes/s2/key": "kept", "scopes/s3/key": "after"} {
			if got, err := logGet(t, r, key); err != nil || got != want {
				t.Fatalf("%s after recovery: %q, %v", key, got, err)
			}
		}
		if _, err := logGet(t, r, "scopes/s1/key"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("erased key after recovery: %v", err)
		}
	}
}

// A process that dies between appending a record and its flush leaves
// the record whole in the page cache: a live store adopts it (flushed and
// seen) within adoptDeadEvery, as a file linked before a crash is seen,
// and a create-only write of its key meanwhile is refused after making it
// durable and visible (the caller acts on ErrExists: the draft it finds
// taken must be readable).
func TestLogAdoptsRecordsOfDeadWriter(t *testing.T) {
	for _, conflict := range []bool{false, true} {
		dir := t.TempDir()
		a, b := openLog(t, dir), openLog(t, dir)
		if err := logPut(t, a, "k/first", "x", Overwrite); err != nil {
			t.Fatal(err)
		}
		release := make(chan struct{})
		t.Cleanup(func() { close(release) })                   // before a's Close, which waits for flushes
		a.group.flush = func() error { <-release; return nil } // dies before any flush
		seg := a.active.Load()
		before := seg.written().Load()
		go logPut(t, a, "enc/e1/draft/v1", "draft", CreateOnly)
		deadline := time.Now().Add(5 * time.Second)
		for seg.written().Load() == before && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if _, err := logGet(t, b, "enc/e1/draft/v1"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("seen before durable: %v", err)
		}
		// The process dies: its flock goes with it.
		if err := syscall.Flock(seg.fd, syscall.LOCK_UN); err != nil {
			t.Fatal(err)
		}
		if conflict {
			if err := logPut(t, b, "enc/e1/draft/v1", "retry", CreateOnly); !errors.Is(err, ErrExists) {
				t.Fatalf("retried create: %v, want ErrExists", err)
			}
			if got, err := logGet(t, b, "enc/e1/draft/v1"); err != nil || got != "draft" {
				t.Fatalf("after ErrExists the taken key reads %q, %v", got, err)
			}
			continue
		}
		time.Sleep(adoptDeadEvery + 50*time.Millisecond)
		if got, err := logGet(t, b, "enc/e1/draft/v1"); err != nil || got != "draft" {
			t.Fatalf("dead writer's record after %s: %q, %v", adoptDeadEvery, got, err)
		}
	}
}

// The index forgets removals once nothing older can arrive: an open marker
// written and removed per encounter leaves no entry behind; a removal
// whose older record is still on its way (another store's, written, not
// yet flushed) is kept until it has been read.
func TestLogIndexForgetsRemovals(t *testing.T) {
	dir := t.TempDir()
	a, b := openLog(t, dir), openLog(t, dir)
	ctx := context.Background()
	for i := range 3 * pruneRemovalsAfter {
		key := fmt.Sprintf("index/open/e%05d", i)
		if err := a.Put(ctx, key, strings.NewReader("m"), Overwrite); err != nil {
			t.Fatal(err)
		}
		if err := a.Delete(ctx, key); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Put(ctx, "kept", strings.NewReader("k"), Overwrite); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*Log{a, b} {
		if _, err := logGet(t, l, "kept"); err != nil {
			t.Fatal(err)
		}
		l.mu.Lock()
		n := len(l.index)
		l.mu.Unlock()
		if n > pruneRemovalsAfter+1 {
			t.Fatalf("index holds %d entries after %d removals", n, 3*pruneRemovalsAfter)
		}
	}
	// The keys removed stay removed, and can be made again.
	if _, err := logGet(t, b, "index/open/e00007"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a forgotten removal came back: %v", err)
	}
	if err := logPut(t, b, "index/open/e00007", "again", CreateOnly); err != nil {
		t.Fatal(err)
	}
}

// A copy of the directory taken while a segment grew can hold lengths
// beyond the segment's end: the opener reads the segment from its start
// and keeps its whole records.
func TestLogLengthsBeyondSegment(t *testing.T) {
	dir := t.TempDir()
	a, err := NewLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if err := logPut(t, a, fmt.Sprintf("o/%02d", i), strings.Repeat("v", 100), CreateOnly); err != nil {
			t.Fatal(err)
		}
	}
	seg := filepath.Join(dir, "log", a.active.Load().name)
	// The records end at the written length; the file runs on with the
	// zeros written ahead of them (extend), which a copy would hold too.
	written := a.active.Load().written().Load()
	a.Close()
	if err := os.Truncate(seg, written-150); err != nil { // the last record and part of the one before
		t.Fatal(err)
	}
	b := openLog(t, dir)
	for i := range 18 {
		if got, err := logGet(t, b, fmt.Sprintf("o/%02d", i)); err != nil || len(got) != 100 {
			t.Fatalf("o/%02d: %d bytes, %v", i, len(got), err)
		}
	}
	if _, err := logGet(t, b, "o/19"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("o/19, cut off: %v", err)
	}
}

// A process started after another ended appends to the segment it left:
// segments number the processes that run at once, not those ever started
// (each is an open file and a mapping in every process).
func TestLogReusesSegmentsOfEndedProcesses(t *testing.T) {
	dir := t.TempDir()
	segments := func() int {
		files, _ := filepath.Glob(filepath.Join(dir, "log", "seg-*.log"))
		return len(files)
	}
	for i := range 20 {
		l, err := NewLog(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := logPut(t, l, fmt.Sprintf("run/%02d", i), "x", CreateOnly); err != nil {
			t.Fatal(err)
		}
		l.Close()
	}
	if n := segments(); n != 1 {
		t.Fatalf("%d segments after 20 processes one after another, want 1", n)
	}
	a, b := openLog(t, dir), openLog(t, dir)
	for i, l := range []*Log{a, b} {
		if err := logPut(t, l, fmt.Sprintf("both/%d", i), "y", Overwrite); err != nil {
			t.Fatal(err)
		}
	}
	if n := segments(); n != 2 {
		t.Fatalf("%d segments for two processes at once, want 2", n)
	}
	keys, err := b.List(context.Background(), "run/")
	if err != nil || len(keys) != 20 {
		t.Fatalf("the runs' objects: %d, %v", len(keys), err)
	}
}

// A failed flush fails the writes waiting on it and every write after it:
// the kernel may report the next flush clean after dropping the pages, so
// nothing is acknowledged on the word of a later flush. What was durable
// stays readable; a restarted process writes again.
func TestLogFailedFlushStopsWrites(t *testing.T) {
	dir := t.TempDir()
	l := openLog(t, dir)
	if err := logPut(t, l, "k/before", "x", CreateOnly); err != nil {
		t.Fatal(err)
	}
	fdatasyncSegment = func(int) error { return syscall.EIO }
	err := logPut(t, l, "k/lost", "y", CreateOnly)
	fdatasyncSegment = syscall.Fdatasync
	if !errors.Is(err, syscall.EIO) {
		t.Fatalf("write during a failing flush: %v, want EIO", err)
	}
	if err := logPut(t, l, "k/after", "z", CreateOnly); err == nil {
		t.Fatal("a write after a failed flush was acknowledged")
	}
	if err := l.Writable(); !errors.Is(err, syscall.EIO) {
		t.Fatalf("Writable after a failed flush: %v (readiness would pass)", err)
	}
	if _, err := logGet(t, l, "k/lost"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the write that failed is seen: %v", err)
	}
	if got, err := logGet(t, l, "k/before"); err != nil || got != "x" {
		t.Fatalf("durable object after the failure: %q, %v", got, err)
	}
	l.Close()
	r := openLog(t, dir)
	if err := logPut(t, r, "k/restarted", "w", CreateOnly); err != nil {
		t.Fatal(err)
	}
}

// A process that died making its segment (the file there, its header not)
// leaves nothing that stops the next opener; a segment being made is
// skipped by a store that finds it before its header is written.
func TestLogSegmentWithoutHeader(t *testing.T) {
	dir := t.TempDir()
	a := openLog(t, dir)
	if err := logPut(t, a, "k/one", "1", CreateOnly); err != nil {
		t.Fatal(err)
	}
	half := filepath.Join(dir, "log", "seg-000000000099-deadbeef.log")
	if err := os.WriteFile(half, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	a.ctlGen().Add(1) // as a maker announces a segment
	if got, err := logGet(t, a, "k/one"); err != nil || got != "1" {
		t.Fatalf("a store finding a segment without header: %q, %v", got, err)
	}
	b := openLog(t, dir)
	if got, err := logGet(t, b, "k/one"); err != nil || got != "1" {
		t.Fatalf("an opener finding a dead maker's empty segment: %q, %v", got, err)
	}
	if _, err := os.Stat(half); !os.IsNotExist(err) {
		t.Fatalf("the empty segment is still there: %v", err)
	}
}

// Compact keeps the current version of every key and nothing else, in one
// segment, with the value files live records name; it refuses while
// another process has the store open; an opener finishes a compaction's
// removals.
func TestLogCompact(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	a, err := NewLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for i := range 200 {
		k, v := fmt.Sprintf("enc/e%03d/meta.json", i), strings.Repeat("m", 50+i)
		if err := logPut(t, a, k, v, CreateOnly); err != nil {
			t.Fatal(err)
		}
		want[k] = v
	}
	for i := range 100 {
		k, v := fmt.Sprintf("enc/e%03d/meta.json", i), "second "+strconv.Itoa(i)
		if err := logPut(t, a, k, v, Overwrite); err != nil {
			t.Fatal(err)
		}
		want[k] = v
	}
	for i := 150; i < 200; i++ {
		k := fmt.Sprintf("enc/e%03d/meta.json", i)
		if err := a.Delete(ctx, k); err != nil {
			t.Fatal(err)
		}
		delete(want, k)
	}
	big := strings.Repeat("r", stageBufSize+1)
	for _, k := range []string{"rec/kept", "rec/gone"} {
		if err := logPut(t, a, k, big, CreateOnly); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Delete(ctx, "rec/gone"); err != nil {
		t.Fatal(err)
	}
	want["rec/kept"] = big
	// An orphan value file, as a writer that died before its record
	// leaves.
	if err := os.WriteFile(filepath.Join(dir, "blobs", "b-orphan"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Another process still has the store open: refused.
	c := openLog(t, dir)
	if _, _, err := c.Compact(); err == nil {
		t.Fatal("Compact ran while another process had the store open")
	}
	a.Close()
	c.Close()

	b, err := NewLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	before, after, err := b.Compact()
	if err != nil {
		t.Fatal(err)
	}
	if after >= before {
		t.Fatalf("compaction %d -> %d bytes", before, after)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "log", "seg-*.log"))
	blobs, _ := os.ReadDir(filepath.Join(dir, "blobs"))
	if len(files) != 1 || len(blobs) != 1 {
		t.Fatalf("after compaction: %d segments, %d value files; want 1 and 1", len(files), len(blobs))
	}
	// A manifest left by a compaction that crashed before its removals
	// is finished by the next opener.
	if err := os.WriteFile(filepath.Join(dir, "log", "compacted-seg-x"), []byte("seg-000000000001-gone.log\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Close()
	for _, l := range []*Log{b, openLog(t, dir)} {
		for k, v := range want {
			if got, err := logGet(t, l, k); err != nil || got != v {
				t.Fatalf("%s after compaction: %d bytes, %v", k, len(got), err)
			}
		}
		keys, _ := l.List(ctx, "")
		if len(keys) != len(want) {
			t.Fatalf("%d keys after compaction, want %d", len(keys), len(want))
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "log", "compacted-*")); len(m) != 0 {
		t.Fatalf("manifest left: %v", m)
	}
	t.Logf("compaction: %d -> %d bytes", before, after)
}

// A key removed by a record not yet durable (DeleteLazy, or another
// process's removal before its flush) is free for a create-only write:
// the latest record decides, not the durable one before it.
func TestLogCreateAfterPendingRemoval(t *testing.T) {
	dir := t.TempDir()
	a := openLog(t, dir)
	ctx := context.Background()
	if err := logPut(t, a, "index/open/e1", "m", CreateOnly); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteLazy(ctx, "index/open/e1"); err != nil {
		t.Fatal(err)
	}
	if err := logPut(t, a, "index/open/e1", "again", CreateOnly); err != nil {
		t.Fatalf("create after a pending removal: %v", err)
	}
	if got, err := logGet(t, a, "index/open/e1"); err != nil || got != "again" {
		t.Fatalf("after re-create: %q, %v", got, err)
	}
	// Near miss: a key whose latest record is a put stays taken.
	if err := logPut(t, a, "index/open/e1", "third", CreateOnly); !errors.Is(err, ErrExists) {
		t.Fatalf("create over a live key: %v, want ErrExists", err)
	}
}
