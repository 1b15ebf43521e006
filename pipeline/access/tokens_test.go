package access_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// addToken stores a new token and returns it.
func addToken(t *testing.T, path, id string, role access.Role, subject string, expires time.Time) string {
	t.Helper()
	token, rec, err := access.NewToken(id, role, subject, expires)
	if err != nil {
		t.Fatal(err)
	}
	if err := access.AddToken(path, rec); err != nil {
		t.Fatal(err)
	}
	return token
}

func TestRevokeToken(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "tokens.yaml")
	a := addToken(t, path, "tok-a", access.RoleProvider, "dr-okafor", time.Time{})
	b := addToken(t, path, "tok-b", access.RoleOps, "ops-1", time.Time{})
	tokens, err := access.LoadTokens(path, nil, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}

	t.Run("Revoke", func(t *testing.T) {
		rec, err := access.RevokeToken(path, "tok-a", now)
		if err != nil || rec.ID != "tok-a" || !rec.Revoked.Equal(now) {
			t.Fatalf("RevokeToken = %+v, %v", rec, err)
		}
		changed, err := tokens.Reload()
		if err != nil || !changed {
			t.Fatalf("Reload after a revocation = %v, %v; want a change", changed, err)
		}
		if _, err := tokens.Authenticate(ctx, a); !errors.Is(err, access.ErrUnauthenticated) {
			t.Errorf("the revoked token authenticates: %v", err)
		}
		if p, err := tokens.Authenticate(ctx, b); err != nil || p.TokenID != "tok-b" {
			t.Errorf("another token stopped working: %+v %v", p, err)
		}
	})
	t.Run("AgainChangesNothing", func(t *testing.T) {
		rec, err := access.RevokeToken(path, "tok-a", now.Add(time.Hour))
		if err != nil || !rec.Revoked.Equal(now) {
			t.Fatalf("revoking again = %+v, %v; want the first revocation kept", rec, err)
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		if _, err := access.RevokeToken(path, "tok-nobody", now); !errors.Is(err, access.ErrNoSuchToken) {
			t.Fatalf("revoking an unknown ID: %v", err)
		}
	})
	t.Run("LiveIDIsTaken", func(t *testing.T) {
		_, rec, _ := access.NewToken("tok-b", access.RoleOps, "ops-2", time.Time{})
		if err := access.AddToken(path, rec); !errors.Is(err, access.ErrTokenExists) {
			t.Fatalf("a live token's ID was given again: %v", err)
		}
	})
	t.Run("RevokedIDIsFree", func(t *testing.T) {
		a2 := addToken(t, path, "tok-a", access.RoleProvider, "dr-okafor", time.Time{})
		if _, err := tokens.Reload(); err != nil {
			t.Fatal(err)
		}
		if _, err := tokens.Authenticate(ctx, a2); err != nil {
			t.Errorf("the new token under a revoked ID: %v", err)
		}
		if _, err := tokens.Authenticate(ctx, a); !errors.Is(err, access.ErrUnauthenticated) {
			t.Errorf("the revoked token came back with its ID: %v", err)
		}
	})
	t.Run("List", func(t *testing.T) {
		recs, err := access.ListTokens(path)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range recs {
			got = append(got, r.ID+" "+string(r.State(now)))
		}
		if d := cmp.Diff([]string{"tok-a active", "tok-b active"}, got); d != "" {
			t.Errorf("list (-want +got):\n%s", d)
		}
	})
}

func TestTokenStates(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		rec  access.TokenRecord
		want access.TokenState
	}{
		{"NoExpiry", access.TokenRecord{}, access.TokenActive},
		{"Future", access.TokenRecord{Expires: now.Add(time.Second)}, access.TokenActive},
		{"AtExpiry", access.TokenRecord{Expires: now}, access.TokenExpired},
		{"Revoked", access.TokenRecord{Expires: now.Add(time.Hour), Revoked: now.Add(-time.Hour)}, access.TokenRevoked},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.rec.State(now); got != c.want {
				t.Errorf("State = %s, want %s", got, c.want)
			}
		})
	}
}

// syncBuffer is a log sink goroutines may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// watched is a token file with one token, and a Tokens watching it.
type watched struct {
	path   string
	tokens *access.Tokens
	old    string // the token of tok-old
	logs   *syncBuffer
}

// watch starts Watch in the synctest bubble; the watcher ends with the
// bubble's test.
func watch(t *testing.T) *watched {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := &watched{path: filepath.Join(t.TempDir(), "tokens.yaml"), logs: &syncBuffer{}}
	w.old = addToken(t, w.path, "tok-old", access.RoleProvider, "dr-okafor", time.Time{})
	var err error
	if w.tokens, err = access.LoadTokens(w.path, nil, nil); err != nil {
		t.Fatal(err)
	}
	log := slog.New(phi.NewLogHandler(slog.NewJSONHandler(w.logs, nil)))
	done := make(chan struct{})
	go func() { w.tokens.Watch(ctx, 250*time.Millisecond, log); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return w
}

func (w *watched) authenticates(token string) bool {
	_, err := w.tokens.Authenticate(context.Background(), token)
	return err == nil
}

// aSecondLater lets a second of simulated time pass, then waits until
// every goroutine of the bubble (the watcher) is idle again.
func aSecondLater() {
	time.Sleep(time.Second)
	synctest.Wait()
}

// serve's watcher sees a token created and one revoked within a second of
// the change (simulated clock), and a broken file leaves the last good set
// in force with a log line that repeats nothing from the file.
func TestWatchReloadsWithinASecond(t *testing.T) {
	t.Parallel()
	t.Run("Created", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			w := watch(t)
			fresh := addToken(t, w.path, "tok-new", access.RoleOps, "ops-1", time.Time{})
			if w.authenticates(fresh) {
				t.Fatal("the new token works before the watcher looked: the test proves nothing")
			}
			aSecondLater()
			if !w.authenticates(fresh) {
				t.Error("a token created a second ago is still refused")
			}
		})
	})
	t.Run("Revoked", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			w := watch(t)
			if _, err := access.RevokeToken(w.path, "tok-old", time.Now()); err != nil {
				t.Fatal(err)
			}
			if !w.authenticates(w.old) {
				t.Fatal("the token is refused before the watcher looked: the test proves nothing")
			}
			aSecondLater()
			if w.authenticates(w.old) {
				t.Error("a token revoked a second ago still authenticates")
			}
		})
	})
	t.Run("BrokenFileKeepsLastGoodSet", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			w := watch(t)
			broken := "tokens:\n  - {id: tok-p, role: patient, subject: MRN-CANARY-1, sha256: x}\n"
			if err := os.WriteFile(w.path, []byte(broken), 0o600); err != nil {
				t.Fatal(err)
			}
			aSecondLater()
			aSecondLater()
			if !w.authenticates(w.old) {
				t.Error("a broken token file emptied the set in force")
			}
			out := w.logs.String()
			if !strings.Contains(out, "last good set") || !strings.Contains(out, "tokens[0]") {
				t.Errorf("the reload failure is not logged with its place:\n%s", out)
			}
			if strings.Contains(out, "CANARY") {
				t.Errorf("the log repeats a value from the token file:\n%s", out)
			}
			if n := strings.Count(out, "not reloaded"); n != 1 {
				t.Errorf("the broken file was reported %d times; want once", n)
			}
		})
	})
}
