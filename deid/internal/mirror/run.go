package mirror

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
)

// Run is the main of a word-list command whose list is built from the
// mirror directory alone: it reads -mirror DIR and -out FILE (default
// defaultOut), builds and writes the list, and exits 2 on a missing
// -mirror and 1 on an error, each named after command.
func Run(command, defaultOut string, build func(dir string) ([]byte, error)) {
	dir := flag.String("mirror", "", "directory with the source's bare git repository at <owner>+<name>/repo")
	out := flag.String("out", defaultOut, "file to write")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintf(os.Stderr, "%s: -mirror DIR is required\n", command)
		os.Exit(2)
	}
	b, err := build(*dir)
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", command, err)
		os.Exit(1)
	}
}

// JSONStrings reads the array of strings under key of a JSON object (the
// shape of most files of dariusk/corpora).
func JSONStrings(key string) func(b []byte) ([]string, error) {
	return func(b []byte) ([]string, error) {
		var v map[string]json.RawMessage
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, err
		}
		var out []string
		err := json.Unmarshal(v[key], &out)
		return out, err
	}
}

// CheckSum refuses an input whose SHA-256 is not the pinned one: another
// version of it would give another list.
func CheckSum(path string, b []byte, want string) error {
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("%s: SHA-256 %s, want %s (a different version of the input)", path, got, want)
	}
	return nil
}

// SortedKeys returns a set's members in sorted order.
func SortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
