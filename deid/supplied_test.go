package deid_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/eval"
)

// maxSurvivingSupplied is how many mentions of a supplied name may survive
// per corpus and mode. Issue 12's acceptance line is 0 in both; a figure
// above 0 records where the detector stands, so that a change that lets
// more through fails, and is lowered as fixes land. dialogues-known has
// been the tuning set of the supplied-name rules since branch deid-known2,
// and dialogues-known2 since 2026-12-03 10:10 (its last 4 misses, 7
// rules-only, were read then: speaker tags after a timestamp, "so hunter's
// got", "will we will do", initials "j r" as a short name).
// dialogues-known3 is held out (its figures are read, never its misses).
var maxSurvivingSupplied = map[string]map[string]int{
	// The last five on the tuning set were plays on the name ("ha may in
	// may", "lance the lance"), a child after "little" and a prohibition
	// ("and will no more couches"): 0 since echoAt and prohibitionAfter.
	"dialogues-known":  {"tagger": 0, "rules-only": 0},
	"dialogues-known2": {"tagger": 0, "rules-only": 0},
	// dialogues-known3 is held out (written blind on branch deid-known3):
	// its first-look survivors were 7, figures only; 6 since the address
	// before a clause (2026-12-04).
	"dialogues-known3": {"tagger": 6, "rules-only": 6},
	// dialogues-known4 (branch known4, 2026-12-04), its tuning part and
	// its holdout together (118 transcripts): first look 9 (tagger) and 14
	// (rules only) survivors, 2 and 5 after the address rules tuned on its
	// tuning part ("may" before the supplied surname, "major" after "hi");
	// 0 and 3 (all 3 on the holdout) since clipped forms, restarts, a name
	// called out and "hi may this is" (shortforms_test.go). Retraining
	// moves the tagger by a mention either way: one retrain the same day
	// lost one of the three holdout mentions the tagger finds beyond the
	// rules, the next found it again.
	// 2 rules-only since knownslot.go (2026-12-04, branch known9).
	"dialogues-known4": {"tagger": 0, "rules-only": 2},
	// dialogues-known5 (branch known5, 2026-12-04), written after the
	// detector let 0 through on dialogues-known4, its tuning part and
	// holdout together (130 transcripts, 813 mentions): first look 14
	// (tagger) and 19 (rules only) survivors, 11 and 16 of them on the
	// tuning part; 7 and 10 after the rules for its tuning part's classes
	// (shortforms_test.go), 3 of them on the holdout; 4 and 4 since the
	// known6 helper's rules for run-on turns (1 on the tuning part, 3 on
	// the holdout). Not met.
	// 3 and 3 (all on the holdout) since knownslot.go.
	"dialogues-known5": {"tagger": 3, "rules-only": 3},
	// dialogues-known6 (branch known6, 2026-12-04), written after those
	// rules, tuning part and holdout together (130 transcripts, 784
	// mentions): first look 15 (tagger) and 21 (rules only) survivors, 2
	// and 5 of them on the holdout; 6 and 9 after the rules for its tuning
	// part (knownturn_test.go), 3 and 5 of them on the holdout; 6 and 8
	// after the known7 helper's rules (knownmeasure.go). Not met.
	// 5 and 7 since knownslot.go (2 of them on the tuning part: "ok so may
	// xray will pt", two modal names before nouns that could be verbs).
	"dialogues-known6": {"tagger": 5, "rules-only": 7},
	// dialogues-known7 (branch known7, 2026-12-04), supplied names that
	// are common words said as words in the same transcripts, tuning part
	// and holdout together (133 transcripts, 494 mentions): first look 39
	// (tagger) and 48 (rules only) survivors, 12 and 14 of them on the
	// holdout; 21 and 29 after the rules for its tuning part
	// (knownmeasure.go), 10 and 12 of them on the holdout. Not met.
	// 8 and 11 since knownslot.go (branch known9), all on the holdout
	// (the tuning part: 0 of 328 in both modes).
	"dialogues-known7": {"tagger": 8, "rules-only": 11},
	// dialogues-known9 (a helper for the lead, 2026-12-05), 150 transcripts
	// of ASR-style speech with names of many origins, tuning part and
	// holdout together: first look 3 and 3 survivors (all on the tuning
	// part); 1 and 1 after the short forms of other languages, the split
	// parts and "so" within a turn (known_test.go), on the tuning part
	// ("nice to meet you rosario", the same word said as "rosary" there).
	"dialogues-known9": {"tagger": 1, "rules-only": 1},
	// dialogues-known10 (a helper for the lead, 2026-12-06), 150
	// transcripts, half of them punctuated, with EHR-style metadata
	// ("LAST, FIRST M", roles in parentheses, credentials), tuning part
	// and holdout together: first look 5 and 7 survivors (3 and 4 on the
	// tuning part); 4 and 6 after the one-letter part ("dr o faolain"), 2
	// and 3 of them on the holdout. Not met.
	"dialogues-known10": {"tagger": 4, "rules-only": 6},
	// dialogues-known11 (a helper for the lead, 2026-12-06), 150 whole
	// visits as speech recognition writes them, tuning part and holdout
	// together (930 mentions): first look 10 and 11 survivors (3 and 4 on
	// the tuning part, 7 and 7 on the holdout); 8 and 9 after a name
	// asked or confirmed ("is it major, or do people call you ...") and a
	// surname's misheard prefix ("mister all rashidi"), 1 and 2 of them on
	// the tuning part. Not met.
	"dialogues-known11": {"tagger": 8, "rules-only": 9},
	// dialogues-known12 (a helper for the lead, 2026-12-06), 150
	// transcripts of every kind of visit, call, dictation and voicemail,
	// tuning part and holdout together (930 mentions): first look 2 and 2
	// survivors, both on the tuning part (initials after a possessive, "my
	// dad's c o junior", and an initial spelled before the surname, "g, p,
	// u, g, h"); 0 and 0 after the rules for them (known_test.go).
	"dialogues-known12": {"tagger": 0, "rules-only": 0},
}

// suppliedParts lists the files of a corpus of the map above: a set
// written with a holdout is measured whole.
var suppliedParts = map[string][]string{"dialogues-known4": {"dialogues-known4", "dialogues-known4-holdout"},
	"dialogues-known5":  {"dialogues-known5", "dialogues-known5-holdout"},
	"dialogues-known6":  {"dialogues-known6", "dialogues-known6-holdout"},
	"dialogues-known7":  {"dialogues-known7", "dialogues-known7-holdout"},
	"dialogues-known9":  {"dialogues-known9", "dialogues-known9-holdout"},
	"dialogues-known10": {"dialogues-known10", "dialogues-known10-holdout"},
	"dialogues-known11": {"dialogues-known11", "dialogues-known11-holdout"},
	"dialogues-known12": {"dialogues-known12", "dialogues-known12-holdout"}}

// readSupplied reads testdata/deid/<name>.jsonl.
func readSupplied(t *testing.T, name string) []eval.Document {
	f, err := os.Open(filepath.Join("..", "testdata", "deid", name+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := eval.ReadCorpus(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestSuppliedNamesInDialogues is issue 12's metadata acceptance line: over
// dialogues-known.jsonl and dialogues-known2.jsonl (118 and 114 lower-case
// transcripts written by hand) every NAME span made only of supplied name
// parts (the evaluator's NAME/known) is removed, with the tagger and with
// the rules alone; and the same over generated lower-case dialogues in many
// shapes.
//
// DEID_SHOW_SUPPLIED_MISSES=1 prints the misses of the two tuning sets; a
// held-out set added to the map must not be printed (dialogues-known3 is
// held out).
func TestSuppliedNamesInDialogues(t *testing.T) {
	t.Parallel()
	corpora := map[string][]eval.Document{}
	for name := range maxSurvivingSupplied {
		var docs []eval.Document
		for _, part := range suppliedParts[name] {
			docs = append(docs, readSupplied(t, part)...)
		}
		if suppliedParts[name] == nil {
			docs = readSupplied(t, name)
		}
		if len(docs) < 100 {
			t.Fatalf("%s has %d documents, want at least 100", name, len(docs))
		}
		corpora[name] = docs
	}
	for _, mode := range []struct {
		name      string
		rulesOnly bool
	}{{"tagger", false}, {"rules-only", true}} {
		for name, docs := range corpora {
			t.Run(name+"/"+mode.name, func(t *testing.T) {
				t.Parallel()
				d := newDetector(t, deid.Config{RulesOnly: mode.rulesOnly})
				rep, err := eval.EvaluateDocs(d, docs)
				if err != nil {
					t.Fatal(err)
				}
				st := rep.PerType[eval.NameKnown]
				if st.Gold < 300 {
					t.Fatalf("only %d NAME/known spans in %d documents", st.Gold, len(docs))
				}
				surv := st.Gold - st.Caught
				t.Logf("%s %s: supplied-name mentions caught %d/%d (%d survive), %d documents; precision %.4f (FP %d of %d)",
					name, mode.name, st.Caught, st.Gold, surv, rep.Documents, rep.Precision, rep.FP, rep.Predicted)
				if os.Getenv("DEID_SHOW_SUPPLIED_MISSES") != "" && (name == "dialogues-known" || name == "dialogues-known2") {
					byID := map[string]eval.Document{}
					for _, doc := range docs {
						byID[doc.ID] = doc
					}
					for _, m := range rep.Misses {
						if m.Type == deid.Name {
							doc := byID[m.Doc]
							t.Logf("miss %s %q in %q", m.Doc, doc.Text[m.Start:m.End], doc.Text[max(0, m.Start-50):min(len(doc.Text), m.End+30)])
						}
					}
				}
				if limit := maxSurvivingSupplied[name][mode.name]; surv > limit {
					t.Errorf("%s %s: %d supplied-name mentions survive, at most %d allowed (acceptance: 0)", name, mode.name, surv, limit)
				}
			})
		}
		t.Run("generated/"+mode.name, func(t *testing.T) {
			t.Parallel()
			d := newDetector(t, deid.Config{RulesOnly: mode.rulesOnly})
			r := rand.New(rand.NewPCG(2026, 12))
			const n = 400
			mentions, leaks := 0, 0
			for i := range n {
				text, kn, ms := genDialogue(r)
				spans := d.Detect(text, kn)
				mentions += len(ms)
				for _, m := range surviving(text, spans, ms) {
					leaks++
					t.Errorf("dialogue %d: %s %q survived in %q", i, m.what, text[m.start:m.end],
						text[max(0, m.start-50):min(len(text), m.end+30)])
				}
			}
			t.Logf("%s: %d generated dialogues, %d supplied-name and identifier mentions, %d survived", mode.name, n, mentions, leaks)
		})
	}
}

// TestCompiledKnownDetectsTheSame checks Detector.Compile: Detect with a
// compiled Known gives exactly the spans it gives with the plain Known, on
// the tuning corpora (with the tagger and rules-only); a compiled Known
// whose values changed afterwards is not used stale; and one compiled by
// another detector works too. Failures name the corpus and document ID
// only.
func TestCompiledKnownDetectsTheSame(t *testing.T) {
	t.Parallel()
	tagged := newDetector(t, deid.Config{})
	rules := newDetector(t, deid.Config{RulesOnly: true})
	for _, name := range []string{"dev.jsonl", "dialogues-known.jsonl", "dialogues-known2.jsonl", "blind2.jsonl"} {
		for _, doc := range loadCorpus(t, name) {
			kn := doc.known()
			for _, d := range []*deid.Detector{tagged, rules} {
				want := d.Detect(doc.Text, kn)
				ck := d.Compile(kn)
				if got := d.Detect(doc.Text, ck); !slices.Equal(got, want) {
					t.Fatalf("%s %s: spans with the compiled Known differ", name, doc.ID)
				}
				if got := d.Detect(strings.ToLower(doc.Text), ck); !slices.Equal(got, d.Detect(strings.ToLower(doc.Text), kn)) {
					t.Fatalf("%s %s: spans of the lower-cased text with the compiled Known differ", name, doc.ID)
				}
				// Changed after compiling: the index is built anew.
				if len(ck.PatientNames) > 0 {
					ck2 := ck
					ck2.PatientNames = nil
					kn2 := kn
					kn2.PatientNames = nil
					if got := d.Detect(doc.Text, ck2); !slices.Equal(got, d.Detect(doc.Text, kn2)) {
						t.Fatalf("%s %s: a compiled Known changed afterwards was used stale", name, doc.ID)
					}
				}
			}
			if got, want := rules.Detect(doc.Text, tagged.Compile(kn)), rules.Detect(doc.Text, kn); !slices.Equal(got, want) {
				t.Fatalf("%s %s: a Known compiled by another detector gives other spans", name, doc.ID)
			}
		}
	}
}
