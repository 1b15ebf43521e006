package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/app"
	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/worker/redistest"
)

// tree lists every file and directory under root with its size, mode and
// modification time: anything created, removed, written or touched shows.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[rel] = fmt.Sprintf("%v %d %s", info.Mode(), info.Size(), info.ModTime().Format("15:04:05.000000000"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// `config check` changes nothing — on a fresh install it creates no
// directory or key file (it says what will create them instead of failing),
// and on a working install it writes nothing, not even an audit checkpoint.
func TestConfigCheckChangesNothing(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	t.Run("FreshInstall", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + filepath.Join(root, "var")}
		before := tree(t, root)
		code, out, errs := run(t, environ, "", "config", "check")
		if code != 0 {
			t.Fatalf("config check on a fresh install exited %d:\n%s%s", code, out, errs)
		}
		for _, want := range []string{
			"keys.file " + filepath.Join(root, "var", "keys", "master.key") + " does not exist yet: it will be created by the first `clinscribe worker` or `clinscribe demo`",
			"as expected before the first run. Start Redis, then run\n`clinscribe worker`",
			"all checks passed",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
		if d := cmp.Diff(before, tree(t, root)); d != "" {
			t.Errorf("config check changed the file system (-before +after):\n%s", d)
		}
	})
	t.Run("WorkingInstall", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		environ := []string{"CLINSCRIBE_REDIS_URL=" + rds.URL, "CLINSCRIBE_DATA_DIR=" + filepath.Join(root, "var")}
		cfg, err := config.Load("", environ)
		if err != nil {
			t.Fatal(err)
		}
		// What a first worker leaves: stores, keys, an audit trail.
		a, err := app.Open(context.Background(), cfg, app.Options{LogOutput: &bytes.Buffer{}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Services.Pseudonyms.PatientRef(context.Background(), "MRN-1"); err != nil {
			t.Fatal(err)
		}
		a.Close()
		if code, _, errs := run(t, environ, "", "token", "create", "-id", "tok-1", "-role", "ops", "-subject", "ops-1"); code != 0 {
			t.Fatal(errs)
		}
		before := tree(t, root)
		code, out, errs := run(t, environ, "", "config", "check")
		if code != 0 || !strings.Contains(out, "all checks passed") || strings.Contains(out, "later") {
			t.Fatalf("config check exited %d:\n%s%s", code, out, errs)
		}
		if d := cmp.Diff(before, tree(t, root)); d != "" {
			t.Errorf("config check changed the file system (-before +after):\n%s", d)
		}
	})
}

// Every problem is named in one run, not one per run: invalid settings, an
// unreachable Redis, an API key that is not there, an unattested provider,
// and a key file gone while the keyring still holds keys wrapped by it (a
// missing key file is a failure then, not "will be created").
func TestConfigCheckNamesEveryProblem(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	data := filepath.Join(root, "var")
	scopeKey := filepath.Join(data, "keyring", "scopes", "encounters", "enc_aaaaaaaaaaaaaaaaaaaaaaaaaa", "key")
	if err := os.MkdirAll(filepath.Dir(scopeKey), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(scopeKey, []byte("wrapped"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfgFile := filepath.Join(root, "clinscribe.yaml")
	yaml := `log: {level: loud}
ai:
  summarize: cloud
  providers:
    - {name: offline, kind: offline}
    - {name: cloud, kind: openai, api_key_env: CLOUD_KEY_NOT_SET, models: {summarize: gpt-4o-mini}}
api:
  display_names: {time_zone: Mars/Olympus}
`
	if err := os.WriteFile(cfgFile, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	environ := []string{"CLINSCRIBE_DATA_DIR=" + data, "CLINSCRIBE_REDIS_URL=redis://" + closed + "/0", "CLINSCRIBE_REDIS_DIAL_TIMEOUT=200ms"}
	before := tree(t, root)
	code, out, _ := run(t, environ, "", "-config", cfgFile, "config", "check")
	if code != 1 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	_, problems, _ := strings.Cut(out, "problem(s):\n")
	for _, want := range []string{
		`config: log.level: "loud" is not debug, info, warn or error`,
		"config: api.display_names: time_zone",
		"redis: redis://" + closed + "/0 does not answer",
		"start Redis first",
		"ai.providers.cloud: provider \"cloud\": environment variable CLOUD_KEY_NOT_SET (api_key_env) is not set",
		"ai.summarize: provider \"cloud\" has no zero-retention attestation",
		"keys: keys.file " + filepath.Join(data, "keys", "master.key") + " is missing, but keys.ring holds 1 key(s) wrapped by it",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("the problems lack %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "\n6 problem(s)") {
		t.Errorf("want the 6 problems named:\n%s", out)
	}
	if d := cmp.Diff(before, tree(t, root)); d != "" {
		t.Errorf("config check changed the file system (-before +after):\n%s", d)
	}
}

// `clinscribe help` and -h print the usage (to stdout, exit 0); help with a
// command prints that command's.
func TestHelp(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"Help", []string{"help"}, 0, "Commands:", ""},
		{"DashH", []string{"-h"}, 0, "Commands:", ""},
		{"DashDashHelp", []string{"--help"}, 0, "Commands:", ""},
		{"HelpCommand", []string{"help", "token"}, 0, "", "Usage: clinscribe token <command>"},
		{"HelpSubcommand", []string{"help", "token", "create"}, 0, "", "Usage: clinscribe token create"},
		{"HelpUnknown", []string{"help", "frobnicate"}, 2, "", `no command "frobnicate"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, nil, "", c.args...)
			if code != c.code || !strings.Contains(out, c.inStdout) || !strings.Contains(errs, c.inStderr) {
				t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit %d, stdout with %q, stderr with %q", code, out, errs, c.code, c.inStdout, c.inStderr)
			}
		})
	}
}
