package ai

import (
	"slices"
	"strings"
	"unicode"

	"github.com/clinscribe/clinscribe/pipeline/ai/coverage"
	"github.com/clinscribe/clinscribe/pipeline/ai/factcheck"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// CheckDraft runs every check a draft gets, in order, and returns what the
// draft leaves out: the evidence check (CheckEvidence), the fact check
// (package factcheck: numbers, doses, drugs, laterality, negation, time
// expressions against the cited segments) and coverage (package coverage:
// every segment cited or listed with a reason). The gateway runs it on
// every provider's output, so no provider can skip it; an edit runs it
// again on the edited sections.
func CheckDraft(sections []encounter.Section, segments []encounter.Segment) *encounter.Coverage {
	r := factcheck.NewReader() // every check reads the same sentences
	checkEvidence(r, sections, segments)
	r.Check(sections, segments)
	return coverage.ComputeWith(r, sections, segments)
}

// MinSupport is the share of a sentence's content words that must appear in
// the segments it cites for the sentence to count as supported.
const MinSupport = 0.5

// CheckEvidence flags, for the reviewer, every sentence that cites no
// existing segment (FlagNoEvidence; citations of unknown IDs are dropped)
// or whose content words are mostly absent from the segments it cites
// (FlagUnsupported). Sentences are flagged, never removed: the clinician
// decides.
func CheckEvidence(sections []encounter.Section, segments []encounter.Segment) {
	checkEvidence(nil, sections, segments)
}

// checkEvidence is CheckEvidence normalizing texts through r (nil: each
// time).
func checkEvidence(r *factcheck.Reader, sections []encounter.Section, segments []encounter.Segment) {
	byID := make(map[string]map[string]bool, len(segments))
	for _, s := range segments {
		// A note's heading is part of what its sentences say
		// ("Allergies:" + "Penicillin (hives).").
		byID[s.ID] = tokenSet(r, s.Heading+" "+s.Text)
	}
	for i := range sections {
		for j := range sections[i].Sentences {
			sent := &sections[i].Sentences[j]
			sent.Flags = slices.DeleteFunc(sent.Flags, func(f string) bool {
				return f == encounter.FlagNoEvidence || f == encounter.FlagUnsupported
			})
			var known []string
			cited := map[string]bool{}
			for _, id := range sent.Evidence {
				if toks, ok := byID[id]; ok && !slices.Contains(known, id) {
					known = append(known, id)
					for t := range toks {
						cited[t] = true
					}
				}
			}
			sent.Evidence = known
			if len(known) == 0 {
				sent.Flags = append(sent.Flags, encounter.FlagNoEvidence)
				continue
			}
			words := contentWords(r, sent.Text)
			if len(words) == 0 {
				continue
			}
			hit := 0
			for _, w := range words {
				if cited[w] {
					hit++
				}
			}
			if float64(hit)/float64(len(words)) < MinSupport {
				sent.Flags = append(sent.Flags, encounter.FlagUnsupported)
			}
		}
	}
}

var stopwords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "that": true, "this": true, "was": true,
	"were": true, "are": true, "has": true, "have": true, "had": true, "his": true, "her": true,
	"she": true, "him": true, "they": true, "them": true, "their": true, "from": true, "not": true,
	"but": true, "patient": true, "reports": true, "states": true, "been": true, "will": true,
	"you": true, "your": true, "about": true, "also": true, "which": true, "who": true, "its": true,
}

// tokens splits a text as the fact check reads it: spoken numbers as
// digits ("a thousand" is 1000), frequencies as counts.
func tokens(r *factcheck.Reader, s string) []string {
	return strings.FieldsFunc(r.Normalize(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '/'
	})
}

func normalize(t string) string { return strings.Trim(t, "./") }

func tokenSet(r *factcheck.Reader, s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range tokens(r, s) {
		set[normalize(t)] = true
	}
	return set
}

// contentWords are the words that carry meaning: numbers and words of
// three letters or more that are not stopwords.
func contentWords(r *factcheck.Reader, s string) []string {
	var out []string
	for _, t := range tokens(r, s) {
		t = normalize(t)
		if t == "" || stopwords[t] {
			continue
		}
		if len(t) >= 3 || strings.IndexFunc(t, unicode.IsDigit) >= 0 {
			out = append(out, t)
		}
	}
	return out
}
