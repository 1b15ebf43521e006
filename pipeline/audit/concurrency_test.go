package audit_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// TestMain lets the test binary double as a writer process for
// TestConcurrentProcesses.
func TestMain(m *testing.M) {
	if dir := os.Getenv("AUDITTEST_WRITER_DIR"); dir != "" {
		if err := writerProcess(dir, os.Getenv("AUDITTEST_WRITER_KEY"), os.Getenv("AUDITTEST_WRITER_ID")); err != nil {
			fmt.Fprintln(os.Stderr, "writer process:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const (
	goroutinesPerProcess = 8
	entriesPerGoroutine  = 625 // 2 processes x 8 goroutines x 625 = 10,000
)

func writerProcess(dir, keyPath, id string) error {
	signer, err := audit.LoadSigner(keyPath, false)
	if err != nil {
		return err
	}
	store, err := audit.NewFileStore(dir)
	if err != nil {
		return err
	}
	// A short interval so both processes checkpoint while the other writes.
	tr, err := audit.NewTrail(store, signer, audit.TrailConfig{Writer: id, CheckpointInterval: 20 * time.Millisecond})
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	errs := make(chan error, goroutinesPerProcess)
	for g := range goroutinesPerProcess {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range entriesPerGoroutine {
				e := entry(i)
				e.RequestID = fmt.Sprintf("%s-g%d-%d", id, g, i)
				if err := tr.Append(context.Background(), e); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		return err
	}
	return tr.Close()
}

func TestConcurrentProcesses(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	keyPath := t.TempDir() + "/key"
	signer, err := audit.GenerateSigner(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	s.opts.Keys = append(s.opts.Keys, signer.PublicKey())

	start := time.Now()
	var cmds []*exec.Cmd
	for p := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "AUDITTEST_WRITER_DIR="+s.dir, "AUDITTEST_WRITER_KEY="+keyPath,
			"AUDITTEST_WRITER_ID=proc"+strconv.Itoa(p))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer process: %v", err)
		}
	}
	t.Logf("2 processes x %d goroutines wrote %d entries in %s", goroutinesPerProcess,
		2*goroutinesPerProcess*entriesPerGoroutine, time.Since(start).Round(time.Millisecond))

	rep := s.verify(t, s.dir)
	if !rep.OK() {
		t.Fatalf("verify: %v", rep.Problems)
	}
	t.Logf("verified: %d chains, %d records, %d checkpoints", rep.Chains, rep.Records, rep.Checkpoints)
	r, _ := audit.OpenFileReader(s.dir)
	rows, err := audit.Query(context.Background(), r, audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	const want = 2 * goroutinesPerProcess * entriesPerGoroutine
	if len(rows) != want || rep.Records != want || rep.Unsigned != 0 {
		t.Fatalf("%d rows, %d records, %d unsigned; want %d, %d, 0", len(rows), rep.Records, rep.Unsigned, want, want)
	}
	// None lost, none doubled, and each goroutine's entries in its order.
	seen := map[string]bool{}
	lastSeq := map[string]uint64{}
	for _, row := range rows {
		if seen[row.RequestID] {
			t.Fatalf("entry %s twice", row.RequestID)
		}
		seen[row.RequestID] = true
	}
	for p := range 2 {
		for g := range goroutinesPerProcess {
			for i := range entriesPerGoroutine {
				if id := fmt.Sprintf("proc%d-g%d-%d", p, g, i); !seen[id] {
					t.Fatalf("entry %s lost", id)
				}
			}
		}
	}
	byID := map[string]audit.Row{}
	for _, row := range rows {
		byID[row.RequestID] = row
	}
	for p := range 2 {
		for g := range goroutinesPerProcess {
			key := fmt.Sprintf("proc%d-g%d", p, g)
			for i := range entriesPerGoroutine {
				row := byID[fmt.Sprintf("%s-%d", key, i)]
				if row.Seq <= lastSeq[key] {
					t.Fatalf("%s: entry %d at seq %d, after seq %d", key, i, row.Seq, lastSeq[key])
				}
				lastSeq[key] = row.Seq
			}
		}
	}
}
