//go:build ignore

// build turns the hand-written, marked-up sources of the independent and
// blind corpora (testdata/deid/src/*.txt) into the JSON-lines corpus format with byte
// offsets, so no offset is ever counted by hand.
//
//	go run testdata/deid/src/build.go
//
// Source format: documents start with a line "=== <id>"; lines starting with
// "%%" are comments; everything else up to the next header is the text
// (leading and trailing blank lines dropped). An identifier is marked
// {CODE|text}, CODE one of the short codes below; the braces and the code are
// removed and the span is recorded over "text". Markup does not nest.
//
// Source files belong to one of two corpora by the first digit of their name
// (see corpora): 0x_ to 2x_ make the independent corpus, 3x_ the blind one.
// Each corpus is split deterministically into <name>.jsonl and
// <name>-holdout.jsonl: within each stratum (with and without PHI) the
// documents are ordered by an FNV hash of their ID (for the blind corpus
// mixed further, see corpora) and the first quarter goes to the holdout. The
// split depends on IDs only, never on how the detector does on a document.
// Document IDs are unique across both corpora.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

var codes = map[string]string{
	"N": "NAME", "L": "LOCATION", "Z": "ZIP", "D": "DATE", "A": "AGE",
	"P": "PHONE", "F": "FAX", "E": "EMAIL", "S": "SSN", "M": "MRN",
	"H": "HEALTH_PLAN", "AC": "ACCOUNT", "LI": "LICENSE", "V": "VEHICLE",
	"DV": "DEVICE", "U": "URL", "IP": "IP", "B": "BIOMETRIC", "PH": "PHOTO",
	"ID": "ID",
}

type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

type doc struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Spans []span `json:"spans"`
}

const holdoutShare = 0.25

// corpora maps the leading digits of a source file's name to the corpus it
// belongs to; the corpus name is also the base name of its two outputs.
//
// mix: IDs that differ only in their last characters (b-ed-001, b-ed-002, ...)
// lie next to each other in plain FNV-1a order, so a quarter taken from the
// front of that order can be whole document types. The blind corpus therefore
// passes the FNV-1a hash through the MurmurHash3 finalizer before ordering;
// the independent corpus keeps its plain FNV-1a split, which was fixed before
// it was first evaluated.
var corpora = []struct {
	name     string
	prefixes string // first characters of the file names that belong to it
	mix      bool
}{
	{"independent", "012", false},
	{"blind", "3", true},
}

func corpusOf(file string) (string, error) {
	base := filepath.Base(file)
	for _, c := range corpora {
		if base != "" && strings.ContainsRune(c.prefixes, rune(base[0])) {
			return c.name, nil
		}
	}
	return "", fmt.Errorf("%s: belongs to no corpus (file names start with a corpus digit)", file)
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := filepath.Join("testdata", "deid", "src")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	docs := map[string][]doc{}
	seen := map[string]bool{}
	for _, f := range files {
		name, err := corpusOf(f)
		if err != nil {
			return err
		}
		ds, err := parseFile(f)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if seen[d.ID] {
				return fmt.Errorf("%s: duplicate id %q", f, d.ID)
			}
			seen[d.ID] = true
			docs[name] = append(docs[name], d)
		}
	}
	for _, c := range corpora {
		if err := split(c.name, docs[c.name], c.mix); err != nil {
			return err
		}
	}
	return nil
}

// split writes one corpus as <name>.jsonl and <name>-holdout.jsonl.
func split(name string, docs []doc, mix bool) error {
	key := hash
	if mix {
		key = func(s string) uint32 { return fmix32(hash(s)) }
	}
	var phi, free []doc
	for _, d := range docs {
		if len(d.Spans) == 0 {
			free = append(free, d)
		} else {
			phi = append(phi, d)
		}
	}
	var main, hold []doc
	for _, stratum := range [][]doc{phi, free} {
		sort.Slice(stratum, func(i, j int) bool { return key(stratum[i].ID) < key(stratum[j].ID) })
		n := int(float64(len(stratum))*holdoutShare + 0.5)
		hold = append(hold, stratum[:n]...)
		main = append(main, stratum[n:]...)
	}
	byID := func(ds []doc) {
		sort.Slice(ds, func(i, j int) bool { return ds[i].ID < ds[j].ID })
	}
	byID(main)
	byID(hold)
	if err := write(filepath.Join("testdata", "deid", name+".jsonl"), main); err != nil {
		return err
	}
	if err := write(filepath.Join("testdata", "deid", name+"-holdout.jsonl"), hold); err != nil {
		return err
	}
	count := func(ds []doc) (n, free, spans int) {
		for _, d := range ds {
			n++
			if len(d.Spans) == 0 {
				free++
			}
			spans += len(d.Spans)
		}
		return
	}
	for _, p := range []struct {
		name string
		ds   []doc
	}{{name, main}, {name + "-holdout", hold}} {
		n, f, s := count(p.ds)
		fmt.Printf("%-20s %4d documents, %3d PHI-free, %5d spans\n", p.name, n, f, s)
	}
	return nil
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// fmix32 is the MurmurHash3 finalizer: every input bit affects every output
// bit.
func fmix32(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

func write(path string, ds []doc) error {
	var b strings.Builder
	for _, d := range ds {
		if d.Spans == nil {
			d.Spans = []span{}
		}
		line, err := json.Marshal(d)
		if err != nil {
			return err
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func parseFile(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []doc
	var id string
	var lines []string
	lineNo, startLine := 0, 0
	flush := func() error {
		if id == "" {
			for _, l := range lines {
				if strings.TrimSpace(l) != "" {
					return fmt.Errorf("%s:%d: text before the first header", path, startLine)
				}
			}
			return nil
		}
		for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
			lines = lines[1:]
		}
		for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1]
		}
		d, err := parseDoc(id, strings.Join(lines, "\n"))
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, startLine, err)
		}
		docs = append(docs, d)
		return nil
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lineNo++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "%%"):
			continue
		case strings.HasPrefix(l, "=== "):
			if err := flush(); err != nil {
				return nil, err
			}
			id = strings.TrimSpace(strings.TrimPrefix(l, "=== "))
			lines = nil
			startLine = lineNo
		default:
			lines = append(lines, strings.TrimRight(l, " \t"))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return docs, nil
}

func parseDoc(id, src string) (doc, error) {
	d := doc{ID: id}
	var b strings.Builder
	for i := 0; i < len(src); {
		c := src[i]
		if c == '}' {
			return d, fmt.Errorf("doc %s: stray '}' at %q", id, context(src, i))
		}
		if c != '{' {
			b.WriteByte(c)
			i++
			continue
		}
		bar := strings.IndexByte(src[i:], '|')
		end := strings.IndexByte(src[i:], '}')
		if bar < 0 || end < 0 || end < bar {
			return d, fmt.Errorf("doc %s: bad markup at %q", id, context(src, i))
		}
		code := src[i+1 : i+bar]
		typ, ok := codes[code]
		if !ok {
			return d, fmt.Errorf("doc %s: unknown code %q at %q", id, code, context(src, i))
		}
		val := src[i+bar+1 : i+end]
		if val == "" || strings.ContainsAny(val, "{|") || strings.TrimSpace(val) != val {
			return d, fmt.Errorf("doc %s: bad value %q", id, val)
		}
		start := b.Len()
		b.WriteString(val)
		d.Spans = append(d.Spans, span{start, b.Len(), typ})
		i += end + 1
	}
	d.Text = b.String()
	if !utf8.ValidString(d.Text) {
		return d, fmt.Errorf("doc %s: invalid UTF-8", id)
	}
	// Verify every span against the text it claims, and that it starts and
	// ends on a letter, digit or bracket (never on stray punctuation).
	for _, s := range d.Spans {
		v := d.Text[s.Start:s.End]
		r0, _ := utf8.DecodeRuneInString(v)
		r1, _ := utf8.DecodeLastRuneInString(v)
		okEdge := func(r rune) bool {
			return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("()[]+#.'", r)
		}
		if !okEdge(r0) || !okEdge(r1) {
			return d, fmt.Errorf("doc %s: span %q has a ragged edge", id, v)
		}
	}
	return d, nil
}

func context(s string, i int) string {
	lo, hi := max(0, i-20), min(len(s), i+30)
	return s[lo:hi]
}
