package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/cli"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// `make demo` runs `demo -serve`: the pipeline on the samples, then the
// review console with a demo sign-in for each role.
func TestDemoServe(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb lockedBuffer
	exited := make(chan int, 1)
	go func() {
		exited <- cli.Run(ctx, []string{"demo", "-samples", samples, "-dir", filepath.Join(t.TempDir(), "demo"), "-serve", "-listen", addr},
			cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, LogOutput: io.Discard})
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-exited; code != 0 {
			t.Errorf("demo -serve exited %d after the interrupt\n%s", code, errb.String())
		}
	})
	base := "http://" + addr
	workertest.Eventually(t, 60*time.Second, func() error {
		select {
		case code := <-exited:
			exited <- code
			t.Fatalf("demo exited %d before serving\n%s\n%s", code, out.String(), errb.String())
		default:
		}
		if !strings.Contains(out.String(), "review console: "+base+"/console/") {
			return fmt.Errorf("no console address printed yet")
		}
		resp, err := http.Get(base + "/console/signin")
		if err != nil {
			return err
		}
		resp.Body.Close()
		return nil
	})
	printed := out.String()
	for _, role := range []string{"clinician", "reviewer", "patient", "ops"} {
		if !regexp.MustCompile(`(?m)^  ` + role + `.*\scst_[A-Za-z0-9_-]{43}$`).MatchString(printed) {
			t.Errorf("no demo sign-in printed for %s:\n%s", role, printed)
		}
	}
	token := regexp.MustCompile(`(?m)^  clinician .*\s(cst_[A-Za-z0-9_-]{43})$`).FindStringSubmatch(printed)
	if token == nil {
		t.Fatal("no clinician token")
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(base + "/console/signin")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(string(page))
	if csrf == nil {
		t.Fatalf("no CSRF field:\n%s", page)
	}
	resp, err = c.PostForm(base+"/console/signin", url.Values{"csrf": {csrf[1]}, "token": {token[1]}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/console/worklist" {
		t.Errorf("demo clinician sign-in: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}
