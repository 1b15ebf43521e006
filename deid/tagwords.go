package deid

import (
	"slices"
	"strings"
)

// Words a transcript marks or a Romance language's article or possessive
// sets before a noun, taken for names: "[crosstalk] mom, she's asking",
// "ma conjointe dit" / "conjointe: non", "con la soledad".

// transcriptMarks are the bracketed notes a transcriber or a recognizer
// writes for what is not speech ("[crosstalk]", "[inaudible]", "[rires]").
var transcriptMarks = wordsOf("crosstalk inaudible unintelligible indiscernible laughs laughter laughing laugh rires " +
	"risas music silence pause overlapping overtalk noise background coughs coughing cough sighs sigh applause static " +
	"beep beeping phone ringing typing")

// romanceDeterminers stand before a common noun, never before a person's
// name, in French, Spanish and Portuguese ("ma conjointe", "sa fille",
// "la soledad", "mi esposo").
var romanceDeterminers = wordsOf("ma sa ta mon mes ses tes la le les une el los las una mi su tu mis sus minha meu")

// kinAbroad are relations in the languages of a clinic's patients that
// a transcript tags a speaker with ("Kuia:", "Lola:", "Teta:", "Nanay:",
// "Bint:", "Pati:"), as it does "Mom:", and that a speaker calls someone
// by after a possessive ("i'm her aabe", "this is my hamsar").
var kinAbroad = wordsOf("kuia koro whaea matua mokopuna lola lolo nanay tatay tita teta jiddo sitto tante oma opa babcia " +
	"dziadek babushka dedushka yaya ammi abbu ammu nani dadi bhai didi chachi mausi popo nainai yeye laolao mamá papá " +
	"mamita abuelita abuelito vovó vovô avó avô manman granmè " +
	"bint aabe hooyo ayeeyo awoowe pati patni beta beti baba hamsar shohar biwi amma abba appa saas sasur bhabhi behen bahu " +
	"tant khala khalo amo abla teyze amca dayı eomma umma halmeoni harabeoji zia zio mamusia bubbe bubbie zayde zaide savta " +
	"ima ate kuya tito inay itay babu")

// kinAlsoNames are relations of kinAbroad that are given names or
// nicknames too ("Lola", "Tito", "Nani").
var kinAlsoNames = wordsOf("lola lolo tita tito nani oma opa yaya popo baba amma abba appa ima ate amo abla tant babu didi")

// honorificsAbroad are said after a name or a title, as "sir" is, in the
// languages of a clinic's patients ("pooja garu", "doctor garu", "amma
// ji", "tariq bhai"): never the name ("saab" is a surname too).
var honorificsAbroad = wordsOf("garu ji sahib sahab bhaiya khanum khanom aghaye agha bey hanım hanim efendi ssi nim " +
	"sensei akka thambi")

// labelNonValues fill a person's field without naming anyone.
var labelNonValues = wordsOf("self same unknown none declined pending patient")

// possessives before a relation abroad make it one ("her bint").
var possessives = wordsOf("my your his her our their")

// nameNeverOpens are conjunctions and prepositions no name begins with.
var nameNeverOpens = wordsOf("and with without nor")

// dropMarksAndNouns (a veto after the late rules): a name or place found
// that is a relation abroad as a speaker's tag ("Kuia:", "Bint:") or in
// lower case after a possessive ("her bint"); a name found that opens
// with a conjunction ("PA AND LATERAL"), that is an honorific abroad in
// lower case ("doctor garu"), a person's field's "Self" ("Guarantor:
// Self"), the label of an address's part abroad ("Upazila:"), or that is
// one lower-case word in square brackets alone and a transcriber's mark,
// or one lower-case word after an article or a possessive of French,
// Spanish or Portuguese, with every other mention of that word that is a
// speaker's tag ("conjointe:"); a supplied name stays.
func (s *scan) dropMarksAndNouns(spans []Span) []Span {
	var nouns []string
	drop := func(sp Span) bool {
		if sp.Type != Name && sp.Type != Location {
			return false
		}
		st := s.tokStartingAt(sp.Start)
		if st >= 0 && int(s.toks[st].e) == sp.End && kinAbroad[s.lower(st)] && s.lineStart(st) && st+1 < len(s.toks) &&
			s.toks[st+1].punct(':') && !s.anyKnown(st, st) {
			return true // "Kuia: Kia ora.": a speaker tagged by her relation
		}
		if st >= 1 && int(s.toks[st].e) == sp.End && !s.toks[st].upper() && kinAbroad[s.lower(st)] &&
			possessives[s.prevWordAt(st, 1)] && !s.anyKnown(st, st) {
			return true // "i'm her aabe, her father"
		}
		if sp.Type != Name {
			return false
		}
		if st >= 0 && s.toks[st].letters() && nameNeverOpens[s.lower(st)] && !s.anyKnown(st, st) {
			return true // "XR CHEST PA AND LATERAL": "PA" read as a clinician's title
		}
		if st >= 0 && int(s.toks[st].e) == sp.End && s.subAddressColon(st) > 0 {
			return true // "Upazila: Bhola Sadar": the label of an address's part
		}
		if st >= 1 && int(s.toks[st].e) == sp.End && !s.toks[st].upper() && honorificsAbroad[s.lower(st)] && !s.anyKnown(st, st) {
			return true // "pooja garu", "doctor garu"
		}
		if st >= 1 && int(s.toks[st].e) == sp.End && s.toks[st-1].punct(':') && labelNonValues[s.lower(st)] && !s.anyKnown(st, st) {
			return true // "Guarantor: Self", "Claimant: Same"
		}
		if st < 1 || int(s.toks[st].e) != sp.End || !s.toks[st].letters() || s.toks[st].upper() || s.anyKnown(st, st) {
			return false
		}
		w := s.lower(st)
		if s.toks[st-1].punct('[') && st+1 < len(s.toks) && s.toks[st+1].punct(']') && transcriptMarks[w] {
			return true
		}
		if p := s.sameLinePrev(st); p >= 0 && s.toks[p].letters() && romanceDeterminers[s.lower(p)] && !s.toks[p].upper() {
			nouns = append(nouns, w)
			return true
		}
		return false
	}
	out := slices.DeleteFunc(spans, drop)
	if len(nouns) == 0 {
		return out
	}
	return slices.DeleteFunc(out, func(sp Span) bool {
		st := s.tokStartingAt(sp.Start)
		return sp.Type == Name && st >= 0 && int(s.toks[st].e) == sp.End && st+1 < len(s.toks) && s.toks[st+1].punct(':') &&
			s.lineStart(st) && slices.Contains(nouns, s.lower(st)) && !s.anyKnown(st, st)
	})
}

// hl7SegmentID: w (in lower case) is the ID of an HL7 version 2 segment
// pasted as text ("PID|1||...", "the name in PID-5"): one whose fields
// hl7Pass reads, or one of hl7OtherSegments.
func hl7SegmentID(w string) bool {
	_, ok := hl7Fields[strings.ToUpper(w)]
	return ok || hl7OtherSegments[w]
}

// hl7OtherSegments are segments with no identifying field hl7Pass reads.
var hl7OtherSegments = wordsOf("pv2 rxa rxr al1 dg1 in2 nte sch ais")

// townCountries are countries that are US towns too ("the big hospital in
// lebanon", New Hampshire's): a place found by that word stays one.
var townCountries = wordsOf("lebanon jamaica georgia panama peru cuba mexico china poland norway denmark sweden jordan chad " +
	"trinidad wales england belgium egypt")

// dropSegmentsAndRoutes (a veto after the late rules): a place found that
// is an HL7 segment's ID in capitals before "|" or "-" and a field's
// number ("PID-7"), one lower-case word of a transcript that is a
// country, a language or Latin (notInPlaceWords: "in kreyol", "from
// eritrea"), a clinical short form ("in obs") or shaped like an adjective
// and on no list of places ("in hypovolemic"; "at the civic", a hospital,
// stays), or that opens with "route" after "en" ("En route 06:42" on a
// run sheet).
func (s *scan) dropSegmentsAndRoutes(spans []Span) []Span {
	return slices.DeleteFunc(spans, func(sp Span) bool {
		if sp.Type != Location {
			return false
		}
		st := s.tokStartingAt(sp.Start)
		if st < 0 || !s.toks[st].letters() {
			return false
		}
		if n := st + 1; int(s.toks[st].e) == sp.End && s.toks[st].allUpper() && hl7SegmentID(s.lower(st)) && n < len(s.toks) &&
			s.toks[n].gap == gapNone && (s.toks[n].punct('|') || s.toks[n].punct('-') && n+1 < len(s.toks) && s.toks[n+1].digits()) {
			return true
		}
		if w := s.lower(st); int(s.toks[st].e) == sp.End && !s.toks[st].upper() && s.lowerLine(st) && !s.isKnown(st) &&
			(notInPlaceWords[w] && !townCountries[w] || clinicalShortForms[w] ||
				adjectiveShaped(w) && s.toks[st].lex&lxCity == 0 && s.toks[st].gaz&(gzCity|gzTown) == 0 && !(st > 0 && s.eq(st-1, "the"))) {
			return true // "the letters come in kreyol", "we came from eritrea", "he's in obs", "in hypovolemic"
		}
		return s.eq(st, "route") && st > 0 && s.eq(st-1, "en")
	})
}

// trimHonorifics (after the vetoes): a name found that ends with an
// honorific abroad in lower case ends before it ("pooja garu" is Pooja);
// a supplied part stays.
func (s *scan) trimHonorifics(spans []Span) []Span {
	for i := range spans {
		sp := &spans[i]
		if sp.Type != Name {
			continue
		}
		en := s.tokEndingAt(sp.End)
		if en < 1 || s.toks[en].upper() || !honorificsAbroad[s.lower(en)] || s.anyKnown(en, en) || s.toks[en].gap != gapSpace {
			continue
		}
		if p := en - 1; int(s.toks[p].s) >= sp.Start && s.toks[p].letters() {
			sp.End = int(s.toks[p].e)
		}
	}
	return spans
}
