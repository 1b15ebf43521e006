package audit

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// FileSink appends entries as JSON lines to one file per writer
// (<dir>/audit-<writer>.jsonl), fsyncing each entry before Append returns.
// One file per writer keeps many processes from interleaving writes.
type FileSink struct {
	dir  string
	path string

	mu sync.Mutex
	f  *os.File
}

var _ Sink = (*FileSink)(nil)

var writerRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)

// NewFileSink opens (creating) the writer's file in dir.
func NewFileSink(dir, writer string) (*FileSink, error) {
	if !writerRE.MatchString(writer) {
		return nil, fmt.Errorf("audit.NewFileSink: writer %q must be [A-Za-z0-9._-]", writer)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("audit.NewFileSink: %w", err)
	}
	path := filepath.Join(dir, "audit-"+writer+".jsonl")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("audit.NewFileSink: %w", err)
	}
	return &FileSink{dir: dir, path: path, f: f}, nil
}

// Path is the file this sink appends to.
func (s *FileSink) Path() string { return s.path }

// Append implements Sink.
func (s *FileSink) Append(ctx context.Context, e Entry) error {
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return errors.New("audit: sink closed")
	}
	if _, err := s.f.Write(line); err != nil {
		return err
	}
	return s.f.Sync()
}

// Close implements Sink.
func (s *FileSink) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}

// ReadDir reads every entry of every writer file in dir, ordered by time.
func ReadDir(dir string) ([]Entry, error) {
	files, err := filepath.Glob(filepath.Join(dir, "audit-*.jsonl"))
	if err != nil {
		return nil, err
	}
	var all []Entry
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		entries, err := readEntries(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("audit: %s: %w", filepath.Base(name), err)
		}
		all = append(all, entries...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Time.Before(all[j].Time) })
	return all, nil
}

func readEntries(r io.Reader) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var e Entry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}
