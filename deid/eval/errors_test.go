package eval_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/eval"
)

func TestMalformedCorpus(t *testing.T) {
	t.Parallel()
	d := detector(t)
	good := `{"id":"a","text":"Call 555-010-7788.","spans":[{"start":5,"end":17,"type":"PHONE"}]}`
	tests := []struct {
		name, corpus, wantInErr string
	}{
		{"bad json", good + "\n{\"id\": \"b\", \"text\": }\n", "line 2"},
		{"out of range", good + "\n" + `{"id":"c","text":"abc","spans":[{"start":1,"end":9,"type":"NAME"}]}`, "line 2"},
		{"empty span", `{"id":"c","text":"abc","spans":[{"start":2,"end":2,"type":"NAME"}]}`, "out of range"},
		{"not a boundary", `{"id":"d","text":"Zoë","spans":[{"start":0,"end":3,"type":"NAME"}]}`, "boundaries"},
		{"unknown type", `{"id":"e","text":"abc","spans":[{"start":0,"end":1,"type":"COLOR"}]}`, "unknown type"},
		{"unknown field", `{"id":"f","text":"abc","spanz":[]}`, "line 1"},
		{"invalid utf8", "{\"id\":\"g\",\"text\":\"a\\ud800b\",\"spans\":[]}", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := eval.Evaluate(d, strings.NewReader(tc.corpus))
			if tc.wantInErr == "" {
				return // accepted or rejected, but no panic
			}
			if !errors.Is(err, eval.ErrCorpus) || !strings.Contains(err.Error(), tc.wantInErr) {
				t.Errorf("err = %v, want ErrCorpus mentioning %q", err, tc.wantInErr)
			}
		})
	}
}

func TestScoring(t *testing.T) {
	t.Parallel()
	d := detector(t)
	docs := []eval.Document{
		// Caught phone; a name the detector cannot see (lower case, no cue).
		{ID: "1", Text: "Call 555-010-7788 about zed.", Spans: []deid.Span{{Start: 5, End: 17, Type: deid.Phone}, {Start: 24, End: 27, Type: deid.Name}}},
		// PHI-free, unchanged.
		{ID: "2", Text: "Metformin 500 mg BID.", Spans: nil},
		// A date whose year is allowed to stay in the placeholder.
		{ID: "3", Text: "Seen March 4, 2019.", Spans: []deid.Span{{Start: 5, End: 18, Type: deid.Date}}},
		// A partial detection does not count: the gold span is wider.
		{ID: "4", Text: "MRN 00451287-77", Spans: []deid.Span{{Start: 0, End: 15, Type: deid.MRN}}},
	}
	rep, err := eval.EvaluateDocs(d, docs)
	if err != nil {
		t.Fatal(err)
	}
	if rep.TP != 2 || rep.FN != 2 {
		t.Errorf("TP %d FN %d, want 2 and 2 (misses %+v)", rep.TP, rep.FN, rep.Misses)
	}
	if rep.FP != 0 || rep.PHIFreeDocuments != 1 || rep.PHIFreeUnchanged != 1 {
		t.Errorf("FP %d, PHI-free %d/%d", rep.FP, rep.PHIFreeUnchanged, rep.PHIFreeDocuments)
	}
	if got := rep.PerType[eval.NameFree]; got.Gold != 1 || got.Caught != 0 {
		t.Errorf("free-text names %+v", got)
	}
	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back eval.Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.TP != rep.TP {
		t.Errorf("JSON round trip: %v %+v", err, back)
	}
	var txt bytes.Buffer
	if err := rep.WriteText(&txt); err != nil || !strings.Contains(txt.String(), "leak recall") {
		t.Errorf("text report: %v %q", err, txt.String())
	}
}
