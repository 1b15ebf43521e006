//go:build ignore

// build turns the hand-written sources of the draft evaluation corpus
// (testdata/drafts/src/*.txt) into the JSON-lines files the evaluation reads,
// and checks every document on the way, so a malformed document never lands.
//
//	go run testdata/drafts/src/build.go          # rewrite corpus.jsonl and blind.jsonl
//	go run testdata/drafts/src/build.go -check   # fail if they differ from the sources
//
// Run it from the repository root. It prints the counts per kind, specialty
// and template that testdata/drafts/README.md quotes.
//
// Source format (one or more documents per file):
//
//	%% a comment line, dropped anywhere
//	=== <id> <kind> <specialty> <template>
//	<source: dialogue turns "Role: text", one a line, or the note text>
//	--- <section key>
//	<one reference sentence a line>
//	--- facts
//	<one atomic fact a line>
//
// A section the source does not support is left out. Files whose names start
// with "corpus_" make corpus.jsonl, "blind_" make blind.jsonl; the two are
// written separately (blind after corpus) and a document belongs to exactly
// one of them.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// templates holds the section keys of prompts/templates/*.yaml, in order.
var templates = map[string][]string{
	"soap": {"subjective", "objective", "assessment", "plan"},
	"hp":   {"chief_complaint", "hpi", "history", "ros", "exam", "data", "assessment_plan"},
	"avs":  {"why_you_came", "what_we_found", "what_to_do", "when_to_get_help"},
}

var specialties = map[string]bool{
	"primary care": true, "cardiology": true, "pediatrics": true, "obstetrics": true,
	"psychiatry": true, "orthopedics": true, "dermatology": true, "emergency": true,
	"endocrinology": true, "neurology": true, "pulmonology": true, "geriatrics": true,
	"telehealth": true, "gastroenterology": true, "nephrology": true, "rheumatology": true,
	"otolaryngology": true, "urology": true,
}

// specialty codes used in IDs and headers, so a header stays one token per field.
var specialtyCode = map[string]string{
	"pc": "primary care", "card": "cardiology", "peds": "pediatrics", "ob": "obstetrics",
	"psych": "psychiatry", "ortho": "orthopedics", "derm": "dermatology", "ed": "emergency",
	"endo": "endocrinology", "neuro": "neurology", "pulm": "pulmonology", "geri": "geriatrics",
	"tele": "telehealth", "gi": "gastroenterology", "renal": "nephrology", "rheum": "rheumatology",
	"ent": "otolaryngology", "uro": "urology",
}

var roles = map[string]bool{
	"Doctor": true, "Patient": true, "Nurse": true, "Medical Assistant": true,
	"Mother": true, "Father": true, "Daughter": true, "Son": true, "Wife": true,
	"Husband": true, "Partner": true, "Interpreter": true, "Resident": true,
	"Caregiver": true, "Grandmother": true, "Front Desk": true,
}

var (
	idRe   = regexp.MustCompile(`^(b?)([dn])-([a-z]+)-(\d{3})$`)
	turnRe = regexp.MustCompile(`^([A-Z][A-Za-z ]*): (\S.*)$`)
	numRe  = regexp.MustCompile(`\d+(?:\.\d+)?`)
)

type reference struct {
	keys     []string
	sections map[string][]string
}

// MarshalJSON keeps the template's section order, which a reader expects.
func (r reference) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	for _, k := range r.keys {
		s, ok := r.sections[k]
		if !ok {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		kb, err := marshal(k)
		if err != nil {
			return nil, err
		}
		vb, err := marshal(s)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type doc struct {
	ID        string    `json:"id"`
	Kind      string    `json:"kind"`
	Specialty string    `json:"specialty"`
	Template  string    `json:"template"`
	Source    string    `json:"source"`
	Reference reference `json:"reference"`
	Facts     []string  `json:"facts"`

	file  string
	line  int
	turns int
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func main() {
	check := flag.Bool("check", false, "compare the committed JSON-lines files with the sources instead of writing them")
	flag.Parse()
	if err := run(*check); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

var outputs = []struct{ prefix, name string }{
	{"corpus_", "corpus.jsonl"},
	{"blind_", "blind.jsonl"},
}

func run(check bool) error {
	dir := filepath.Join("testdata", "drafts")
	files, err := filepath.Glob(filepath.Join(dir, "src", "*.txt"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	seen := map[string]string{}
	var failed []string
	for _, out := range outputs {
		var docs []doc
		for _, f := range files {
			if !strings.HasPrefix(filepath.Base(f), out.prefix) {
				continue
			}
			ds, err := parseFile(f)
			if err != nil {
				return err
			}
			for _, d := range ds {
				if prev, dup := seen[d.ID]; dup {
					return fmt.Errorf("%s:%d: id %s already used in %s", d.file, d.line, d.ID, prev)
				}
				seen[d.ID] = d.file
				blindID := strings.HasPrefix(d.ID, "b")
				if blindID != (out.prefix == "blind_") {
					return fmt.Errorf("%s:%d: id %s: blind ids start with b, corpus ids do not", d.file, d.line, d.ID)
				}
				docs = append(docs, d)
			}
		}
		var b bytes.Buffer
		for _, d := range docs {
			line, err := marshal(d)
			if err != nil {
				return err
			}
			b.Write(line)
			b.WriteByte('\n')
		}
		path := filepath.Join(dir, out.name)
		if check {
			have, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if !bytes.Equal(have, b.Bytes()) {
				failed = append(failed, path)
			}
		} else if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			return err
		}
		report(out.name, docs)
	}
	for _, f := range files {
		base := filepath.Base(f)
		if !strings.HasPrefix(base, "corpus_") && !strings.HasPrefix(base, "blind_") {
			return fmt.Errorf("%s: belongs to no output (names start with corpus_ or blind_)", f)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%s out of date: run go run testdata/drafts/src/build.go", strings.Join(failed, ", "))
	}
	return nil
}

func report(name string, docs []doc) {
	count := map[string]int{}
	long, short := 0, 0
	for _, d := range docs {
		count["kind "+d.Kind]++
		count["template "+d.Template]++
		count["specialty "+d.Specialty]++
		count[d.Kind+" "+d.Template]++
		if d.Kind == "dialogue" {
			switch {
			case d.turns >= 60:
				long++
			case d.turns <= 20:
				short++
			}
		}
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("%s: %d documents; dialogues with >= 60 turns: %d, with <= 20 turns: %d\n", name, len(docs), long, short)
	for _, k := range keys {
		fmt.Printf("  %-28s %3d\n", k, count[k])
	}
}

func parseFile(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []doc
	var cur *doc
	var lines []string
	lineNo := 0
	flush := func() error {
		if cur == nil {
			for _, l := range lines {
				if strings.TrimSpace(l) != "" {
					return fmt.Errorf("%s:%d: text before the first header", path, lineNo)
				}
			}
			return nil
		}
		if err := fill(cur, lines); err != nil {
			return fmt.Errorf("%s:%d: %s: %w", path, cur.line, cur.ID, err)
		}
		docs = append(docs, *cur)
		return nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lineNo++
		l := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case strings.HasPrefix(l, "%%"):
			continue
		case strings.HasPrefix(l, "=== "):
			if err := flush(); err != nil {
				return nil, err
			}
			d, err := header(strings.TrimPrefix(l, "=== "))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, lineNo, err)
			}
			d.file, d.line = path, lineNo
			cur, lines = &d, nil
		default:
			lines = append(lines, l)
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

func header(h string) (doc, error) {
	fields := strings.Fields(h)
	if len(fields) != 4 {
		return doc{}, fmt.Errorf("header %q: want <id> <kind> <specialty code> <template>", h)
	}
	d := doc{ID: fields[0], Kind: fields[1], Template: fields[3]}
	m := idRe.FindStringSubmatch(d.ID)
	if m == nil {
		return d, fmt.Errorf("id %q: want [b]d-<code>-NNN or [b]n-<code>-NNN", d.ID)
	}
	spec, ok := specialtyCode[fields[2]]
	if !ok || !specialties[spec] {
		return d, fmt.Errorf("id %s: unknown specialty code %q", d.ID, fields[2])
	}
	d.Specialty = spec
	if m[3] != fields[2] {
		return d, fmt.Errorf("id %s: specialty code in the id is %q, header says %q", d.ID, m[3], fields[2])
	}
	switch {
	case d.Kind == "dialogue" && m[2] == "d", d.Kind == "note" && m[2] == "n":
	default:
		return d, fmt.Errorf("id %s: kind %q does not match the id (d- dialogue, n- note)", d.ID, d.Kind)
	}
	if _, ok := templates[d.Template]; !ok {
		return d, fmt.Errorf("id %s: unknown template %q", d.ID, d.Template)
	}
	return d, nil
}

// fill parses a document's body and checks it.
func fill(d *doc, lines []string) error {
	var src []string
	i := 0
	for ; i < len(lines) && !strings.HasPrefix(lines[i], "--- "); i++ {
		src = append(src, lines[i])
	}
	for len(src) > 0 && src[0] == "" {
		src = src[1:]
	}
	for len(src) > 0 && src[len(src)-1] == "" {
		src = src[:len(src)-1]
	}
	if len(src) == 0 {
		return fmt.Errorf("empty source")
	}
	d.Source = strings.Join(src, "\n")
	if !utf8.ValidString(d.Source) || strings.ContainsRune(d.Source, '\t') {
		return fmt.Errorf("source: invalid UTF-8 or a tab")
	}
	if d.Kind == "dialogue" {
		for _, l := range src {
			m := turnRe.FindStringSubmatch(l)
			if m == nil {
				return fmt.Errorf("dialogue line %q: want \"Role: text\"", l)
			}
			if !roles[m[1]] {
				return fmt.Errorf("dialogue line %q: unknown role %q", l, m[1])
			}
			d.turns++
		}
		if d.turns < 8 {
			return fmt.Errorf("dialogue has %d turns, want at least 8", d.turns)
		}
	}
	d.Reference = reference{keys: templates[d.Template], sections: map[string][]string{}}
	allowed := map[string]bool{}
	for _, k := range templates[d.Template] {
		allowed[k] = true
	}
	var key string
	for ; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "--- ") {
			key = strings.TrimSpace(strings.TrimPrefix(l, "--- "))
			if key != "facts" && !allowed[key] {
				return fmt.Errorf("section %q is not in template %s", key, d.Template)
			}
			if _, dup := d.Reference.sections[key]; dup || (key == "facts" && d.Facts != nil) {
				return fmt.Errorf("section %q twice", key)
			}
			if key == "facts" {
				d.Facts = []string{}
			} else {
				d.Reference.sections[key] = []string{}
			}
			continue
		}
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if key == "facts" {
			d.Facts = append(d.Facts, l)
			continue
		}
		if !strings.ContainsAny(l[len(l)-1:], ".?!") {
			return fmt.Errorf("reference sentence %q does not end a sentence", l)
		}
		d.Reference.sections[key] = append(d.Reference.sections[key], l)
	}
	if len(d.Reference.sections) == 0 {
		return fmt.Errorf("no reference sections")
	}
	for k, s := range d.Reference.sections {
		if len(s) == 0 {
			return fmt.Errorf("section %q is empty (leave it out instead)", k)
		}
	}
	if len(d.Facts) < 3 {
		return fmt.Errorf("%d facts, want at least 3", len(d.Facts))
	}
	seen := map[string]bool{}
	for _, f := range d.Facts {
		if seen[strings.ToLower(f)] {
			return fmt.Errorf("fact %q twice", f)
		}
		seen[strings.ToLower(f)] = true
	}
	if d.Template == "avs" {
		you := 0
		for _, s := range d.Reference.sections {
			for _, sent := range s {
				if regexp.MustCompile(`(?i)\byour?\b`).MatchString(sent) {
					you++
				}
			}
		}
		if you == 0 {
			return fmt.Errorf("after-visit summary never addresses the patient (you/your)")
		}
	}
	// A note's numbers are written as digits, so every number the reference
	// or the facts state must appear in the note: a cheap guard against a
	// number invented or mistyped while writing. Dialogues speak their
	// numbers and are checked by reading.
	if d.Kind == "note" {
		have := map[string]bool{}
		for _, n := range numRe.FindAllString(d.Source, -1) {
			have[n] = true
		}
		var texts []string
		for _, s := range d.Reference.sections {
			texts = append(texts, s...)
		}
		texts = append(texts, d.Facts...)
		for _, t := range texts {
			for _, n := range numRe.FindAllString(t, -1) {
				if !have[n] {
					return fmt.Errorf("number %s in %q is not in the note", n, t)
				}
			}
		}
	}
	return nil
}
