package storage

import (
	"bytes"
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"
)

// BenchmarkLogPut is a sequential 900-byte create-only Put on a Log in
// the test's temporary directory: one append and one fdatasync each (no
// other writer shares the flush), with the process's CPU time per Put.
func BenchmarkLogPut(b *testing.B) {
	l, err := NewLog(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	v := bytes.Repeat([]byte("v"), 900)
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			b.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	c0 := cpu()
	i := 0
	for b.Loop() {
		if err := l.Put(ctx, fmt.Sprintf("k/%08d", i), bytes.NewReader(v), CreateOnly); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64((cpu()-c0).Microseconds())/float64(i), "cpu-us/put")
}
