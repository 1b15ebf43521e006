package audit

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
)

// Reader reads what a Store holds; Verify and Query need nothing more, so
// they run on a copy of a trail as well as on the live one.
type Reader interface {
	// Chains lists the chains in the store, sorted.
	Chains(ctx context.Context) ([]string, error)
	// ReadChain calls fn with every line of a chain, in order.
	ReadChain(ctx context.Context, chain string, fn func(Line) error) error
	// ReadCheckpoints calls fn with every checkpoint line, in order.
	ReadCheckpoints(ctx context.Context, fn func(Line) error) error
	// String says where the store is, for messages.
	String() string
}

// Store is where a Trail keeps its chains and the shared checkpoint chain:
// a local directory (FileStore) or an S3 bucket with Object Lock (S3Store).
// Only one Trail writes a chain; any number share the checkpoints.
type Store interface {
	Reader
	// CreateChain makes a new empty chain; an error if the name is taken.
	CreateChain(ctx context.Context, chain string) error
	// AppendChain durably appends records (whole lines, each ending in a
	// newline) to a chain this store created; first is the seq of the
	// first. It returns only once they are durable. After an error the
	// chain must not be appended to again: its tail is unknown.
	AppendChain(ctx context.Context, chain string, first uint64, records []byte) error
	// AppendCheckpoint appends one checkpoint, excluding other writers:
	// next gets the last checkpoint line (nil if none) and returns the new
	// checkpoint's seq and line. A store may call next again if another
	// writer got in first.
	AppendCheckpoint(ctx context.Context, next func(last []byte) (seq uint64, line []byte, err error)) error
	// ReadCheckpointsFrom calls fn with every complete checkpoint line
	// after cursor ("" is the start) and returns the cursor to pass next
	// time, so a Sealer follows the checkpoint chain without rereading
	// it. A line still being written is left for the next call.
	ReadCheckpointsFrom(ctx context.Context, cursor string, fn func(Line) error) (string, error)
	// RecentCheckpoints returns a cursor from which ReadCheckpointsFrom
	// reads about the newest n checkpoints ("" if there are no more than
	// n, or n is negative), so a Sealer that starts need not read years
	// of them.
	RecentCheckpoints(ctx context.Context, n int) (string, error)
	// Claim takes over a chain whose writer is believed dead (its lease
	// expired, see Sealer), so that it can be sealed at head, the last
	// record the caller found: once Claim returns, no record can be added
	// after head by that writer. It returns ErrChainLive if the writer
	// is provably alive or added a record after head, and an error
	// matching fs.ErrNotExist if the chain is not there at all. release
	// ends the claim (after the seal is written).
	//
	// FileStore: the writer holds an flock(2) on its chain file for as
	// long as it runs, and the kernel drops it when the process dies, so
	// a lock taken here proves the writer gone (no clock involved).
	// S3Store: there is no lock, so Claim fences the chain: it writes an
	// empty object at the key of record head+1 (If-None-Match), which the
	// writer's next batch would need; the writer, if it was only paused,
	// then fails that write and starts a new chain.
	Claim(ctx context.Context, chain string, head uint64) (release func(), err error)
	// Close releases the store.
	Close() error
}

// ErrChainLive is returned by Store.Claim when the chain's writer still
// holds it or added to it.
var ErrChainLive = errors.New("audit: the chain's writer is alive")

// Line is one line of a chain or of the checkpoint chain.
type Line struct {
	Where string // the file or object holding it
	N     int    // 1-based line number in Where
	Data  []byte // without the newline
	// Partial: the last line of Where has no newline — a write was cut
	// short (a crash), or the file was cut.
	Partial bool
}

// MaxLine bounds a line; records and checkpoints are far smaller.
const MaxLine = 1 << 20

var errLineTooLong = errors.New("line longer than 1 MiB")

// scanLines calls fn for each line of r.
func scanLines(r io.Reader, where string, fn func(Line) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		var buf []byte
		for {
			chunk, err := br.ReadSlice('\n')
			buf = append(buf, chunk...)
			if len(buf) > MaxLine {
				return fmt.Errorf("%s:%d: %w", where, n, errLineTooLong)
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if errors.Is(err, io.EOF) {
				if len(buf) == 0 {
					return nil
				}
				return fn(Line{Where: where, N: n, Data: buf, Partial: true})
			}
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			break
		}
		if err := fn(Line{Where: where, N: n, Data: buf[:len(buf)-1]}); err != nil {
			return err
		}
	}
}
