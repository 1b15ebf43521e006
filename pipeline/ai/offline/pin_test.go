package offline_test

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/coverage"
	"github.com/clinscribe/clinscribe/pipeline/ai/drafteval"
	"github.com/clinscribe/clinscribe/pipeline/ai/factcheck"
	"github.com/clinscribe/clinscribe/pipeline/ai/offline"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/source"
	"github.com/clinscribe/clinscribe/prompts"
)

// pinPath holds one SHA-256 per case of TestOutputsPinned.
const pinPath = "testdata/pinned.sha256"

// pinCase is one source drafted with one template.
type pinCase struct {
	name string
	segs []encounter.Segment
}

// pinCases are the project's own texts: the draft corpora
// (testdata/drafts, the drafteval development corpus), the bundled samples
// and the throughput benchmark's note, each with every template. The blind
// corpus is read only as hashes: its outputs are never written out.
func pinCases(t *testing.T) []pinCase {
	t.Helper()
	var srcs []pinCase
	for _, corpus := range []string{"../../../testdata/drafts/corpus.jsonl", "../../../testdata/drafts/blind.jsonl", "../drafteval/testdata/dev.jsonl"} {
		f, err := os.Open(corpus)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := drafteval.Load(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			srcs = append(srcs, pinCase{name: strings.TrimSuffix(filepath.Base(corpus), ".jsonl") + "/" + d.ID, segs: d.Segments()})
		}
	}
	files := map[string]bool{}
	for _, s := range samples {
		if !files[s.file] {
			files[s.file] = true
			srcs = append(srcs, pinCase{name: "samples/" + s.file, segs: sampleSegments(t, s.file)})
		}
	}
	srcs = append(srcs, pinCase{name: "bench/throughput-note", segs: source.FromNote(benchNote)})
	var out []pinCase
	for _, s := range srcs {
		for _, tmpl := range prompts.Builtin().IDs() {
			out = append(out, pinCase{name: s.name + "/" + tmpl, segs: s.segs})
		}
	}
	return out
}

// benchNote is the note of cmd/clinscribe/internal/app's BenchmarkThroughput.
const benchNote = "HPI: Cough for five days with fever. Exam: Temp 38.4 C. Lungs clear. Assessment: Viral bronchitis, likely. Plan: Honey and fluids. Return in 1 week if not better."

// pinned is everything the summarize step computes from a source: the
// offline draft after CheckDraft (flags, mismatches, coverage), coverage of
// a draft that keeps every other sentence, the fact check of each planted
// error (drafteval.Plant) and coverage.Classify of every source sentence.
type pinned struct {
	Sections []encounter.Section `json:"sections"`
	Coverage *encounter.Coverage `json:"coverage"`
	Halved   *encounter.Coverage `json:"halved"`
	Planted  []plantedCheck      `json:"planted"`
	Classify []string            `json:"classify"`
}

type plantedCheck struct {
	Text       string               `json:"text"`
	Mismatches []encounter.Mismatch `json:"mismatches"`
}

func pinOutput(t *testing.T, c pinCase) []byte {
	t.Helper()
	tmplID := c.name[strings.LastIndexByte(c.name, '/')+1:]
	tmpl, err := prompts.Builtin().Get(tmplID)
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&offline.Provider{}).Summarize(context.Background(), &ai.SummarizeRequest{Template: tmpl, Segments: c.segs})
	if err != nil {
		t.Fatal(err)
	}
	var p pinned
	p.Sections = res.Sections
	p.Coverage = ai.CheckDraft(p.Sections, c.segs)
	var halved []encounter.Section
	k := 0
	for _, sec := range p.Sections {
		h := sec
		h.Sentences = nil
		for _, s := range sec.Sentences {
			if k%2 == 0 {
				h.Sentences = append(h.Sentences, encounter.Sentence{Text: s.Text, Evidence: slices.Clone(s.Evidence)})
			}
			k++
		}
		halved = append(halved, h)
	}
	p.Halved = ai.CheckDraft(halved, c.segs)
	byID := map[string]string{}
	for _, s := range c.segs {
		byID[s.ID] = s.Text
	}
	for _, sec := range p.Sections {
		for _, s := range sec.Sentences {
			var cited []string
			for _, id := range s.Evidence {
				cited = append(cited, byID[id])
			}
			for _, pl := range drafteval.Plant(s.Text, strings.Join(cited, " ")) {
				p.Planted = append(p.Planted, plantedCheck{Text: pl.Text, Mismatches: factcheck.Sentence(pl.Text, s.Evidence, c.segs)})
			}
		}
	}
	for i, s := range c.segs {
		q := ""
		if i > 0 && strings.HasSuffix(strings.TrimSpace(c.segs[i-1].Text), "?") {
			q = c.segs[i-1].Text
		}
		for _, sent := range source.Sentences(s.Text) {
			p.Classify = append(p.Classify, coverage.Classify(sent, q))
			q = ""
		}
	}
	// The fact check lists mismatches of one kind in map order: sort them
	// so the pin holds what is found, not the order of a map.
	sortMismatches := func(ms []encounter.Mismatch) {
		slices.SortFunc(ms, func(a, b encounter.Mismatch) int {
			return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Text, b.Text), cmp.Compare(a.Source, b.Source))
		})
	}
	for _, sec := range p.Sections {
		for _, s := range sec.Sentences {
			sortMismatches(s.Mismatches)
		}
	}
	for _, pl := range p.Planted {
		sortMismatches(pl.Mismatches)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestOutputsPinned pins the outputs of the summarize step (the offline
// provider's Summarize and the gateway's CheckDraft, see pinned) on every
// case of pinCases, byte for byte, as one SHA-256 per case in
// testdata/pinned.sha256: a change meant only to make them faster must
// leave every line as it is. Run go test -update to rewrite the file
// after a deliberate change of output, and say why in the commit. To see
// what changed, run with -pin-dump DIR at both commits and diff the two
// directories (the blind corpus's cases are never dumped).
func TestOutputsPinned(t *testing.T) {
	t.Parallel()
	var got bytes.Buffer
	for _, c := range pinCases(t) {
		out := pinOutput(t, c)
		sum := sha256.Sum256(out)
		fmt.Fprintf(&got, "%s  %s\n", hex.EncodeToString(sum[:]), c.name)
		if *pinDump != "" && !strings.HasPrefix(c.name, "blind/") {
			path := filepath.Join(*pinDump, strings.ReplaceAll(c.name, "/", "_")+".json")
			var ind bytes.Buffer
			if err := json.Indent(&ind, out, "", "  "); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, ind.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if *update {
		if err := os.WriteFile(pinPath, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(pinPath)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := gocmp.Diff(lines(want), lines(got.Bytes())); diff != "" {
		t.Errorf("outputs changed (-want +got):\n%s", diff)
	}
}

func lines(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

var pinDump = flag.String("pin-dump", "", "write each case's pinned output (not the blind corpus's) as JSON into this directory")
