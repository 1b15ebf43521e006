package phi_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// "encounter stored but not queued" logged only "internal: unclassified
// error": an infrastructure failure's cause (operation, address, system
// error) is logged, while a foreign error's text still is not; durations
// read "1m0s", not nanoseconds.
func TestLogHandlerCausesAndDurations(t *testing.T) {
	t.Parallel()
	refused := &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(10, 0, 0, 5), Port: 6379},
		Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	for _, tc := range []struct {
		name    string
		attr    any
		want    string
		mustNot string
	}{
		{name: "redis unreachable", attr: fmt.Errorf("worker.Client.Enqueue: %w", refused),
			want: "internal: unclassified error (*fmt.wrapError > *net.OpError > *os.SyscallError > syscall.Errno) (cause: dial tcp 10.0.0.5:6379: connection refused)"},
		{name: "wrapped in a phi.Error", attr: phi.Wrap(refused, phi.CodeStorage, "encounter record unavailable"),
			want: "storage: encounter record unavailable (cause: dial tcp 10.0.0.5:6379: connection refused)"},
		{name: "unknown host", attr: &net.DNSError{Name: "redis.internal", IsNotFound: true, Err: "no such host"},
			want: "(cause: lookup redis.internal: no such host)"},
		{name: "foreign error text stays out", attr: errors.New("parse failed near Zelda Quixote"), mustNot: "Zelda"},
		{name: "duration", attr: 90 * time.Second, want: "1m30s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			slog.New(phi.NewLogHandler(slog.NewJSONHandler(&buf, nil))).Info("x", "error", tc.attr)
			var rec map[string]any
			if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			got, _ := rec["error"].(string)
			if tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("logged %q, want it to contain %q", got, tc.want)
			}
			if tc.mustNot != "" && strings.Contains(buf.String(), tc.mustNot) {
				t.Errorf("logged %s", buf.String())
			}
		})
	}
}
