// Package mirror reads the pinned open-data inputs of the word-list
// commands (deid/internal/gazetteer, deid/internal/nicknames,
// deid/internal/english) from local bare clones: DIR/<owner>+<name>/repo,
// the layout of one `git clone --mirror` per source (a clone with a work
// tree, whose git directory is repo/.git, is read too). Nothing is fetched: a
// missing clone is an error that says which input it was. CheckRebuild is
// the commands' shared rebuild test.
package mirror

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Read returns path as of commit in repo ("owner/name") under dir.
func Read(dir, repo, commit, path string) ([]byte, error) {
	git := filepath.Join(dir, strings.ReplaceAll(repo, "/", "+"), "repo")
	if fi, err := os.Stat(filepath.Join(git, ".git")); err == nil && fi.IsDir() {
		git = filepath.Join(git, ".git")
	}
	cmd := exec.Command("git", "--git-dir", git, "show", commit+":"+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("reading %s %s:%s: %v: %s", repo, commit, path, err, strings.TrimSpace(stderr.String()))
	}
	return b, nil
}

// Dir is the directory the rebuild tests read the mirrors from:
// DEID_GAZETTEER_MIRROR, or /work/.mirror. Strict reports that the
// variable was set, so that a missing input fails the test instead of
// skipping it.
func Dir() (dir string, strict bool) {
	if d := os.Getenv("DEID_GAZETTEER_MIRROR"); d != "" {
		return d, true
	}
	return "/work/.mirror", false
}
