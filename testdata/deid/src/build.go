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
// Metadata (blind2, blind3 and the dialogues-known corpora only): lines "@@ key: value" right
// after the header, before any text, give what the clinic platform would
// supply with the encounter, written to the document's "known" field
// (deid.Known's JSON form):
//
//	@@ patient: Dawn Rivers        patient_names (repeatable, one name a line)
//	@@ provider: Marcus Feld       provider_names (repeatable)
//	@@ relative: Grant Rivers      relative_names (repeatable)
//	@@ id: 4712883                 identifiers: MRN, phone, member ID (repeatable)
//	@@ birth: 1961-03-03           birth_date, YYYY-MM-DD (at most once)
//	@@ plain: will, may            not metadata: see the name check below
//
// A name may be written as EHRs export it: "NGUYEN, THANH Q", "Robert Lee
// Banks Jr.", "William (Bill) Frost", "Margaret \"Peggy\" Sterling", "Dr.
// Grace Oyelaran", "Dale Fisher, MD", "Grant Hill (son)" (letters, spaces
// and . ' - , ( ) "). Every word of it counts as a name part in the checks
// below, so a title, credential, suffix or relation said as a word ("dr",
// "md", "son") goes on a plain line like any other.
//
// Checks on those corpora, every one fatal: a document with metadata is
// all lower case (it stands for a speech-recognition transcript) and names a
// patient; in the dialogues-known corpora every document has metadata and at least one
// NAME span made only of supplied name parts. The name check: every word of
// an annotated NAME span or of a supplied name (two letters or more) that
// occurs in the same document outside every span must be listed on a
// "@@ plain:" line, which says the writer looked at it and it is an ordinary
// word there ("i will call", "in may"), and every listed word must occur so;
// a forgotten annotation of a name therefore stops the build.
//
// Source files belong to a corpus by the beginning of their name, the
// longest listed one (see corpora): 0x_ to 2x_ make the independent corpus, 3x_ the blind one, 4x_
// the second blind one (blind2), 5x_ dialogues-known, 6x_ dialogues-known2
// (its held-out companion, written before the detector ran on it), 7x_
// dialogues-known3 (the next held-out companion, written the same way), 8x_ the third
// blind corpus (blind3, made like blind2), 90_ to 95_ phifree3 (PHI-free documents
// only, written before the detector ran on them; a third to its holdout,
// hashed as the blind corpora), 96_ phifree4 (split by its writer, skipped
// here), 97_ and 98_ phifree5 (PHI-free, some dialogues with metadata; made
// like phifree3, stratified like blind3), 97_known4 and 98_known4
// dialogues-known4 (supplied-name transcripts written before the detector
// ran on them), 99_known5 dialogues-known5 (the fifth such set, made the same
// way), a3_known6 dialogues-known6 (the sixth), 99_places6 places6 (short passages dense in places, written before
// the detector ran on them), 99_phifree6 phifree6 (PHI-free notes and
// dialogues, written before the detector ran on them), a0_blind4 blind4 (the fourth blind corpus, made
// like blind3), a1_places7 places7 (places as people say them, written the
// same way), a2_phifree7 phifree7 (made like phifree6), a3_known6
// dialogues-known6 (supplied-name transcripts, made like dialogues-known5),
// a5_phifree8 phifree8 (made like phifree7, a few documents with one
// identifier), a6_known7 dialogues-known7 (the seventh, common-word names
// said as words in the same transcripts), a4_places8 places8 (places from
// many countries and US regions, made like places7), a7_phifree9 phifree9
// (made like phifree8, PHI-free only), a7_places10 places10 (made like
// places8), a8_known8 dialogues-known8 (the eighth, written by the lead),
// a9_known9 dialogues-known9 (the ninth, ASR-style transcripts), b0_blind5
// blind5 (the fifth blind corpus, made like blind4), b1_blind6 blind6 (the
// sixth, made like blind5), b2_known10 dialogues-known10 (the tenth,
// ASR-style transcripts with metadata in EHR export forms), b4_known11
// dialogues-known11 (the eleventh, whole visits as speech recognition
// writes them), b5_blind7 blind7 (the seventh blind corpus, made like
// blind6), b5_blind8 blind8 (the eighth, made like blind7), b7_blind9
// blind9 (the ninth, made like blind8), b8_blind10 blind10 (the tenth,
// made like blind9), b9_blind11 blind11 (the eleventh, made like
// blind10), c0_blind12 blind12 (the twelfth, made like blind11), c1_blind13
// blind13 (the thirteenth, the general case, made like blind12), c2_blind14
// blind14 (the fourteenth, weighted to the shapes the product meets, made
// like blind13), c3_blind15 blind15 (the fifteenth, weighted to what the
// product meets with shapes the earlier sets have fewer of, made like
// blind14), c4_blind16 blind16 (the sixteenth, weighted to shapes the
// earlier sets had fewer of, made like blind15), c5_blind17 blind17 (the
// seventeenth, made like blind16), c6_blind18 blind18 (the eighteenth,
// made like blind17), c7_blind19 blind19 (the nineteenth, made like blind18),
// c8_blind20 blind20 (the twentieth, made like blind19), c9_blind21
// blind21 (the twenty-first, made like blind20), b6_known12
// dialogues-known12 (the twelfth, visits, calls, dictations and voicemails
// of every kind with supplied names in every position). The first three,
// blind3, phifree3, phifree5, phifree6, phifree7, phifree8, phifree9, dialogues-known4, dialogues-known5,
// dialogues-known6, dialogues-known7, dialogues-known8, dialogues-known9, dialogues-known10, dialogues-known11, dialogues-known12, places6, places7, places8, places10, blind4, blind5, blind6, blind7, blind8, blind9, blind10, blind11, blind12, blind13, blind14, blind15, blind16, blind17, blind18, blind19, blind20 and blind21 are
// split deterministically into <name>.jsonl and <name>-holdout.jsonl: within
// each stratum the documents are ordered by an FNV hash of their ID (for the
// blind corpora mixed further, see corpora) and the first share of each
// stratum goes to the holdout. The split depends on IDs only, never on how
// the detector does on a document. dialogues-known and dialogues-known2 are
// each written whole to one file. Document IDs are unique across all corpora.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/deid/eval"
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
	ID    string      `json:"id"`
	Text  string      `json:"text"`
	Spans []span      `json:"spans"`
	Known *deid.Known `json:"known,omitempty"`

	plain []string // "@@ plain:" words, checked, never written
}

// A stratum function names the stratum of a document; the split takes the
// same share of every stratum.
type stratumFunc func(doc) string

// phiOrFree is the stratification of the first two corpora.
func phiOrFree(d doc) string {
	if len(d.Spans) == 0 {
		return "PHI-free"
	}
	return "with PHI"
}

// metaFreeOther is blind2's and blind3's: transcripts with metadata, PHI-free documents,
// everything else.
func metaFreeOther(d doc) string {
	switch {
	case d.Known != nil:
		return "dialogue with metadata"
	case len(d.Spans) == 0:
		return "PHI-free"
	default:
		return "other"
	}
}

// noteOrDialogue is phifree6's to phifree9's: their IDs name the kind
// (f6-nt-, f6-dl-, ... f9-nt-, f9-dl-).
func noteOrDialogue(d doc) string {
	if strings.Contains(d.ID, "-dl-") {
		return "dialogue"
	}
	return "note"
}

// corpora maps the leading digits of a source file's name to the corpus it
// belongs to; the corpus name is also the base name of its outputs.
//
// mix: IDs that differ only in their last characters (b-ed-001, b-ed-002, ...)
// lie next to each other in plain FNV-1a order, so a quarter taken from the
// front of that order can be whole document types. The blind corpora
// therefore pass the FNV-1a hash through the MurmurHash3 finalizer before
// ordering; the independent corpus keeps its plain FNV-1a split, which was
// fixed before it was first evaluated.
var corpora = []struct {
	name     string
	prefixes []string // beginnings of the file names that belong to it; the longest match wins
	external bool     // written by another tool (its own format); skipped here
	mix      bool
	share    float64     // of each stratum to the holdout; 0: one file, no split
	strata   stratumFunc // nil when share is 0
	meta     bool        // "@@" metadata allowed, and the checks that come with it
	allKnown bool        // every document must carry metadata naming a supplied name
}{
	{name: "independent", prefixes: []string{"0", "1", "2"}, share: 0.25, strata: phiOrFree},
	{name: "blind", prefixes: []string{"3"}, mix: true, share: 0.25, strata: phiOrFree},
	{name: "blind2", prefixes: []string{"4"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	{name: "dialogues-known", prefixes: []string{"5"}, meta: true, allKnown: true},
	{name: "dialogues-known2", prefixes: []string{"6"}, meta: true, allKnown: true},
	{name: "dialogues-known3", prefixes: []string{"7"}, meta: true, allKnown: true},
	{name: "blind3", prefixes: []string{"8"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	{name: "phifree3", prefixes: []string{"9"}, mix: true, share: 1.0 / 3, strata: phiOrFree},
	// phifree4's source (96_phifree4.txt, one "dl|"/"nt|" entry a line) was
	// split by its writer with the ID's SHA-256 modulo 3; its two files are
	// committed as written and this tool leaves them alone.
	{name: "phifree4", prefixes: []string{"96"}, external: true},
	// phifree5: PHI-free, some dialogues with metadata whose supplied names
	// occur only as ordinary words; a third of each stratum to the holdout.
	{name: "phifree5", prefixes: []string{"97_phifree5", "98_phifree5"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// dialogues-known4: supplied-name transcripts written before the
	// detector ran on them; a third of each stratum to the holdout.
	{name: "dialogues-known4", prefixes: []string{"97_known4", "98_known4"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	// dialogues-known5: the fifth supplied-name set, written the same way
	// before the detector ran on it; a third of each stratum to the holdout.
	{name: "dialogues-known5", prefixes: []string{"99_known5"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	// dialogues-known6: the sixth supplied-name set (harder names: common
	// words, many origins, spelled, corrected, split or merged), written the
	// same way before the detector ran on it; a third to the holdout.
	{name: "dialogues-known6", prefixes: []string{"a3_known6"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	// dialogues-known7: the seventh supplied-name set (names that are common
	// words, each also said as a word in the same transcript), written the
	// same way before the detector ran on it; a third to the holdout.
	{name: "dialogues-known7", prefixes: []string{"a6_known7"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	{name: "dialogues-known8", prefixes: []string{"a8_known8"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	// dialogues-known9: the ninth supplied-name set (150 lower-case
	// transcripts as speech recognition writes them: no punctuation, wrong
	// or missing speaker tags, supplied names misheard, split, merged,
	// spelled or shortened; names of many origins; interpreters, handoffs,
	// dictations, calls; a fifth with PHI-free look-alikes), written by a
	// helper before the detector ran on it; split like dialogues-known8.
	{name: "dialogues-known9", prefixes: []string{"a9_known9"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	// dialogues-known10: the tenth supplied-name set (150 lower-case
	// transcripts, half punctuated, a quarter run-on; supplied names in
	// every position, short forms, misheard, spelled, initials; common-word
	// names said as words; metadata as EHRs export it: "LAST, FIRST M",
	// suffixes, preferred names in quotes or parentheses, titles,
	// credentials, relatives with the relation in parentheses; a fifth with
	// PHI-free look-alikes), written by a helper before the detector ran on
	// it; split like dialogues-known9.
	{name: "dialogues-known10", prefixes: []string{"b2_known10"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	// dialogues-known11: the eleventh supplied-name set (150 lower-case
	// transcripts of whole visits as speech recognition writes them, half
	// punctuated; speaker tags in many styles or none; fillers, false starts
	// and interruptions; supplied names in greetings, identity checks,
	// spellings, nicknames, mishearings, possessives, initials, titles and
	// sign-offs; names of many origins, hyphenated and two-part surnames;
	// common-word names also said as words; identifiers, birth dates,
	// streets, towns and facilities said aloud; a fifth with PHI-free
	// look-alikes), written by a helper before the detector ran on it;
	// split like dialogues-known10.
	{name: "dialogues-known11", prefixes: []string{"b4_known11"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	// dialogues-known12: the twelfth supplied-name set (150 lower-case
	// transcripts, two thirds punctuated: primary, urgent and emergency
	// care, pediatrics, OB, geriatrics, home visits, rounds with several
	// clinicians, discharge, pre-op and pharmacy calls, triage lines,
	// dialysis, oncology, behavioural health, physical therapy, dentistry,
	// telehealth that drops out, interpreters, dictations, calls between
	// clinicians and voicemails; speaker tags in many styles or none;
	// supplied names in every position, spelled, misheard, split, merged,
	// shortened, as initials, with titles; names of many origins and
	// common-word names also said as words; metadata as EHRs export it;
	// identifiers, birth dates, places and other people said aloud; a fifth
	// with PHI-free look-alikes), written by a helper before the detector
	// ran on it; split like dialogues-known11.
	{name: "dialogues-known12", prefixes: []string{"b6_known12"}, mix: true, share: 1.0 / 3, strata: metaFreeOther,
		meta: true, allKnown: true},
	// places6: short passages dense in places (two thirds lower-case
	// speech-recognition text, the rest written), some PHI-free with the
	// same words used as words; written before the detector ran on them; a
	// third of each stratum to the holdout.
	{name: "places6", prefixes: []string{"99_places6"}, mix: true, share: 1.0 / 3, strata: phiOrFree},
	// phifree6: PHI-free only (notes and lower-case dialogues, written
	// before the detector ran on them); a third of each kind to the holdout.
	{name: "phifree6", prefixes: []string{"99_phifree6"}, mix: true, share: 1.0 / 3, strata: noteOrDialogue},
	// blind4: the fourth blind corpus (lower-case transcripts, half with
	// metadata, and note kinds the others lack: exports, tables, fax cover
	// sheets, dental, veterinary, correctional, school, home health, appeals,
	// obituaries, international), written before the detector ran on it;
	// split like blind3.
	{name: "blind4", prefixes: []string{"a0_blind4"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind5: the fifth blind corpus (lower-case transcripts without and
	// with metadata dense in informally named places and people, written
	// notes and exports full of facility names and addresses of six
	// Englishes, PHI-free documents with look-alikes), written before the
	// detector ran on it; split like blind4.
	{name: "blind5", prefixes: []string{"b0_blind5"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind6: the sixth blind corpus (lower-case transcripts without and
	// with metadata from the UK, Ireland, Canada, Australia, New Zealand,
	// India and South Africa, dense in places said by local and short
	// names and in other people; notes and letters with hospitals, trusts,
	// health boards, addresses, postcodes, local date formats and national
	// health numbers; PHI-free documents with look-alikes), written before
	// the detector ran on it; split like blind5.
	{name: "blind6", prefixes: []string{"b1_blind6"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind7: the seventh blind corpus (clinical questions and case
	// vignettes as typed into an AI assistant or a consult request, dense
	// in US facility names in every form; lower-case transcripts without
	// and with metadata; less usual written notes and letters; PHI-free
	// documents with look-alikes), written before the detector ran on it;
	// split like blind6.
	{name: "blind7", prefixes: []string{"b5_blind7"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind8: the eighth blind corpus (long hospital records with headers,
	// dictation stamps and signatures; short questions and sign-outs typed
	// into an assistant or a portal; lower-case transcripts without and
	// with metadata, supplied names that are ordinary words; less usual
	// written documents; PHI-free documents with look-alikes), written
	// before the detector ran on it; split like blind7.
	{name: "blind8", prefixes: []string{"b5_blind8"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind9: the ninth blind corpus (lower-case speech-recognition
	// transcripts of whole outpatient visits without and with metadata,
	// fillers, false starts and misheard names and places, supplied names
	// that are ordinary words; written notes, questions typed into an
	// assistant, less usual documents; PHI-free documents with
	// look-alikes), written before the detector ran on it; split like
	// blind8.
	{name: "blind9", prefixes: []string{"b7_blind9"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind10: the tenth blind corpus (punctuated, capitalized transcripts
	// as modern speech recognisers write them, without metadata;
	// transcripts with metadata, half punctuated, half run-on, supplied
	// names that are ordinary words; written notes of less covered kinds,
	// messages typed into an assistant or a secure chat, less usual
	// documents with the rarer identifier types; PHI-free documents with
	// look-alikes), written before the detector ran on it; split like
	// blind9.
	{name: "blind10", prefixes: []string{"b8_blind10"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind11: the eleventh blind corpus (speech-recognition transcripts
	// without metadata, half lower-case run-on with fillers, false starts,
	// crosstalk and misrecognized words, half punctuated, from US regions
	// and countries the others lack; lower-case transcripts with metadata,
	// supplied names that are ordinary words, months or towns; written note
	// kinds the others lack; messages typed by clinicians and families;
	// documents with the rarer identifier types; PHI-free documents with
	// look-alikes), written before the detector ran on it; split like
	// blind10.
	{name: "blind11", prefixes: []string{"b9_blind11"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind12: the twelfth blind corpus (speech-recognition transcripts
	// of whole visits without metadata, half lower-case run-on, half
	// punctuated, from immigrant, refugee and Indigenous families in US
	// cities and rural places and from the UK, Canada, Australia, India,
	// South Africa, Kenya, Ghana and Jamaica, surnames and given names that
	// are medical or ordinary words; lower-case transcripts with metadata,
	// supplied names that are ordinary words, colours, virtues, places,
	// occupations, body words, brands and days; written note kinds the
	// others lack; messages typed by clinicians and families; documents
	// with the rarer identifier types; PHI-free documents with
	// look-alikes), written before the detector ran on it; split like
	// blind11.
	{name: "blind12", prefixes: []string{"c0_blind12"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind13: the thirteenth blind corpus, the general case (speech-
	// recognition transcripts of whole visits without metadata, half
	// lower-case run-on, half punctuated with speaker tags or timestamps,
	// from US, UK, Canadian and Australian primary, urgent, emergency and
	// specialty care, with the ordinary mix of names and places; lower-case
	// transcripts with metadata, supplied names said in every position, a
	// third of them also ordinary words, months, towns or brands; written
	// notes in the general styles of hospital and clinic records and
	// referral letters; messages typed by clinicians and patients;
	// documents with the rarer identifier types; PHI-free documents with
	// look-alikes), written before the detector ran on it; split like
	// blind12.
	{name: "blind13", prefixes: []string{"c1_blind13"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind14: the fourteenth blind corpus, weighted to the shapes the
	// product meets (long ambient-scribe transcripts of whole visits
	// without metadata, lower-case run-on with fillers, false starts,
	// misheard words and dates, ages, phones and addresses said as words;
	// lower-case transcripts with metadata, supplied names in every
	// position, spelled, misheard and shortened, two fifths of them also
	// ordinary words, months, towns, colours, virtues, brands or medical
	// words said as words in the same visit; questions and messages typed
	// into an assistant or a portal; written notes and letters of less
	// usual shapes from six countries; documents with the rarer
	// identifier types; PHI-free documents, a fifth of the whole, with
	// look-alikes), written before the detector ran on it; split like
	// blind13.
	{name: "blind14", prefixes: []string{"c2_blind14"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind15: the fifteenth blind corpus, weighted to what the product
	// meets with shapes the earlier sets have fewer of (ambient-scribe
	// transcripts of whole visits without metadata from many US regions
	// and Englishes, half with speaker tags in many styles, interpreters,
	// home health, telehealth, rounds, pharmacy, dental, OB, psychiatry and
	// physical therapy; lower-case transcripts with metadata, supplied
	// names in every position, a third of them also ordinary words, places,
	// months, colours, brands or medical words said as words in the same
	// visit; written notes in the general styles of US hospitals and
	// clinics; questions and messages typed into an assistant or a portal;
	// documents with the rarer identifier types; PHI-free documents, a
	// fifth of the whole, with look-alikes), written before the detector
	// ran on it; split like blind14.
	{name: "blind15", prefixes: []string{"c3_blind15"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind16: the sixteenth blind corpus, weighted to shapes the earlier
	// sets had fewer of (transcripts as modern speech recognisers print
	// them, sentence case with punctuation and digits as well as lower-case
	// run-on, diarization tags of many styles, recognizer errors; telehealth,
	// phone triage, pharmacy, home health, hospice, school nurse, urgent
	// care, dental, optometry, behavioural health, OB, pediatrics and ages
	// over 90; the US Mountain West, Pacific Northwest, Appalachia, New
	// England, the Gulf, Puerto Rico, Guam and Alaska, Scotland, Wales, New
	// Zealand, Singapore, Nigeria, Kenya and the Philippines; lower-case
	// transcripts with metadata, a third of the whole, names that are also
	// words, places, months, colours, eponyms or brands, nicknames,
	// surname-first and multi-part surnames; written notes, letters, faxes,
	// portal messages, summaries and handoffs; questions typed into an
	// assistant; the rarer identifier types; PHI-free documents, a fifth of
	// the whole, dense in look-alikes), written before the detector ran on
	// it; split like blind15.
	{name: "blind16", prefixes: []string{"c4_blind16"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind17: the seventeenth blind corpus, weighted to shapes the earlier
	// sets had fewer of (ambient-scribe transcripts with "[doctor]",
	// "Dr:"/"Pt:", "Provider:", "Speaker A:" tags or none, sentence case and
	// lower case, family in the room, calls to pharmacies and specialists,
	// names spelled letter by letter, ages over 89, dates and addresses
	// spoken many ways, employers, schools and churches; the US Midwest,
	// Texas, the Central Valley, the Carolinas, the Dakotas, Hawaii, Canada,
	// Ireland, England, South Africa, India and Australia; French, Hindi,
	// Punjabi, Korean, Mandarin, Polish, Russian, Amharic and Navajo
	// speakers and interpreters; lower-case transcripts with metadata, a
	// third of the whole, names that are also words, months, places,
	// brands, virtues, colours or eponyms said as the word in the same
	// visit; written records as EHRs print them with many clinicians,
	// pagers, date formats and acronyms, from five countries besides the
	// US; questions typed into an assistant or a portal; the rarer
	// identifier types; PHI-free documents, a fifth of the whole, with
	// look-alikes), written before the detector ran on it; split like
	// blind16.
	{name: "blind17", prefixes: []string{"c5_blind17"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind18: the eighteenth blind corpus, weighted to shapes the earlier
	// sets had fewer of (speech-recognition transcripts without metadata,
	// lower-case run-on with fillers, false starts, misheard words and
	// numbers said every way beside punctuated ones; emergency care,
	// paediatrics with parents speaking, obstetrics, behavioural health,
	// home health, nursing homes, hospice, dental, physiotherapy, oncology
	// and dialysis; New England, the Pacific Northwest, the Mountain West,
	// Alaska, Puerto Rico, the New York boroughs and Louisiana, Scotland,
	// Wales, New Zealand, Nigeria, Kenya, the Philippines, Singapore and
	// Jamaica; lower-case transcripts with metadata, a third of the whole,
	// names that are also words, months or places said as the word in the
	// same visit, relatives by nickname; discharge summaries, referral and
	// consult letters, radiology and pathology reports, lab and portal
	// messages, nursing handoffs, incident reports, prior authorizations,
	// school and work notes with initials in stamps and signatures;
	// questions typed into an assistant or a portal; the rarer identifier
	// types; PHI-free documents, a fifth of the whole, with look-alikes),
	// written before the detector ran on it; split like blind17.
	{name: "blind18", prefixes: []string{"c6_blind18"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind19: the nineteenth blind corpus, weighted to shapes and places
	// the earlier sets had fewer of (ambient multi-speaker recordings with
	// crosstalk, diarisation mistakes and "speaker 0/1/2" tags, per-line
	// timestamps and caption cues, voicemails, names spelled letter by
	// letter, interpreters; telehealth, urgent care, occupational health,
	// sports medicine, cardiology, endocrinology, neurology, ophthalmology,
	// dermatology, urology, memory clinics, palliative care, addiction
	// medicine, correctional health, school nursing, veterans' health and
	// pharmacy calls; the US South and Midwest, California, Hawaii, the
	// Navajo Nation and Oklahoma tribes, Canada, Ireland, northern England
	// and the Midlands, Australia, South Africa, Ghana, India, Pakistan,
	// Malaysia, Hong Kong, Trinidad and Barbados; lower-case transcripts
	// with metadata, a third of the whole, names that are also words,
	// months or places said as the word in the same visit; operative and
	// anaesthesia records, triage notes, medication administration records,
	// consent and transfer forms, death and discharge summaries, emails with
	// headers and signatures, appeals, FMLA and disability forms,
	// requisitions, refill faxes, tumour-board lists, bed boards and
	// sign-out tables; questions typed into an assistant or a portal; the
	// rarer identifier types; PHI-free documents, a fifth of the whole, with
	// look-alikes), written before the detector ran on it; split like
	// blind18.
	{name: "blind19", prefixes: []string{"c7_blind19"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind20: the twentieth blind corpus, weighted to shapes and places
	// the earlier sets had fewer of (transcripts of visits, calls, an EMS
	// handoff, a poison-control call and a genetic-counselling pedigree,
	// interpreters in Haitian Creole, Cape Verdean Kriolu, Portuguese,
	// Spanish, Cajun French, Somali, Hmong, Polish, Ukrainian, Nepali,
	// Yup'ik, Tagalog, Welsh and Māori settings; paediatrics, prenatal and
	// labour, psychiatry and crisis lines, physical therapy, dental, home
	// health, nursing homes, dialysis, oncology infusion, transplant, HIV
	// and sexual health, refugee health, triage lines; New England, the New
	// York boroughs, Puerto Rico, Florida, Louisiana, New Mexico, Arizona,
	// the Mountain West, the Pacific Northwest, Alaska, Minnesota, Chicago,
	// Scotland, Wales, New Zealand, Nigeria, Kenya, the Philippines,
	// Singapore, Jamaica, Sri Lanka, Bangladesh, Nepal, Israel and Lebanon;
	// lower-case transcripts with metadata, a third of the whole; referral
	// letters, H&Ps, SOAP notes, radiology and pathology reports,
	// immunisation and newborn records, prior authorisations, school and
	// sports forms, court-ordered evaluations, HL7 v2 segments, FHIR
	// fragments, CSV rows and portal messages; questions typed into an
	// assistant or a portal; the rarer identifier types; PHI-free
	// documents, a fifth of the whole, with look-alikes), written before
	// the detector ran on it; split like blind19.
	{name: "blind20", prefixes: []string{"c8_blind20"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// blind21: the twenty-first blind corpus, weighted to shapes and places
	// the earlier sets had fewer of (transcripts of visits, calls,
	// telehealth that drops out, voicemails and ambient recordings with
	// recognizer errors; interpreters in Vietnamese, K'iche', Somali,
	// Arabic, Inuktitut, Punjabi, Warlpiri, Urdu, isiZulu, Twi, Amharic,
	// Tamil and Quebec French settings; ophthalmology, dermatology, ENT,
	// urgent care, occupational health and workers' compensation, sports
	// medicine, addiction medicine, palliative care and hospice, wound care,
	// bariatric surgery, fertility, memory clinics, school nursing and
	// prison health; Texas, Georgia, the Carolinas, Appalachia, the
	// Mississippi Delta, Oklahoma, Kansas, Nebraska, Ohio, Michigan,
	// Hawaii, Guam, Washington DC and Baltimore, Canada, Australia,
	// Ireland, England outside London, South Africa, Ghana, Ethiopia,
	// Egypt, Somalia, India, Pakistan, Iran, Turkey, Vietnam, Indonesia,
	// Brazil, Mexico, Colombia, Guatemala, Haiti, Germany, Poland, Italy,
	// Greece and Ukraine; lower-case transcripts with metadata, a third of
	// the whole; fax cover sheets, an explanation of benefits, a death
	// certificate worksheet, a research consent, a lab requisition,
	// wristband and label text, medication labels, a first report of
	// injury, an incident report, a care-home transfer form, an operative
	// note, a triage note, a chat log, a spreadsheet paste, a DICOM header
	// and a pharmacy refill queue; questions typed into an assistant or a
	// portal; the rarer identifier types; PHI-free documents, a fifth of the
	// whole, with look-alikes), written before the detector ran on it; split
	// like blind20.
	{name: "blind21", prefixes: []string{"c9_blind21"}, mix: true, share: 1.0 / 3, strata: metaFreeOther, meta: true},
	// phifree7: PHI-free only (notes with Title Case headings and lists,
	// lower-case transcripts; written before the detector ran on them); a
	// third of each kind to the holdout.
	{name: "phifree7", prefixes: []string{"a2_phifree7"}, mix: true, share: 1.0 / 3, strata: noteOrDialogue},
	// phifree8: PHI-free notes in Title Case and ALL CAPS and lower-case
	// transcripts dense in look-alikes (brands, public figures, eponyms,
	// faiths, seasons, teams, titles); a few documents carry one real
	// identifier; written before the detector ran on them; a third of each
	// kind to the holdout.
	{name: "phifree8", prefixes: []string{"a5_phifree8"}, mix: true, share: 1.0 / 3, strata: noteOrDialogue},
	// phifree9: PHI-free notes (Title Case, ALL CAPS) and lower-case
	// transcripts dense in eponyms, brands, public figures in news talk
	// and words that are towns or given names; written before the
	// detector ran on them; a third of each kind to the holdout.
	{name: "phifree9", prefixes: []string{"a7_phifree9"}, mix: true, share: 1.0 / 3, strata: noteOrDialogue},
	// places7: short passages dense in places (half lower-case
	// speech-recognition text, half written; a quarter PHI-free with
	// look-alikes), written before the detector ran on them; a third of
	// each stratum to the holdout.
	{name: "places7", prefixes: []string{"a1_places7"}, mix: true, share: 1.0 / 3, strata: phiOrFree},
	// places8: short passages dense in places of many countries and US
	// regions (half lower-case speech-recognition text, half written; a
	// sixth PHI-free with look-alikes), written before the detector ran on
	// them; a third of each stratum to the holdout.
	{name: "places8", prefixes: []string{"a4_places8"}, mix: true, share: 1.0 / 3, strata: phiOrFree},
	// places10: short passages dense in places (neighbourhoods, bare
	// streets, landmarks and venues, short hospital names, towns spelled
	// like words, foreign towns; half lower-case speech-recognition text,
	// half written; a sixth PHI-free with look-alikes), written before the
	// detector ran on them; a third of each stratum to the holdout.
	{name: "places10", prefixes: []string{"a7_places10"}, mix: true, share: 1.0 / 3, strata: phiOrFree},
}

func corpusOf(file string) (int, error) {
	base := filepath.Base(file)
	best, bestLen := -1, 0
	for i, c := range corpora {
		for _, p := range c.prefixes {
			if strings.HasPrefix(base, p) && len(p) > bestLen {
				best, bestLen = i, len(p)
			}
		}
	}
	if best < 0 {
		return 0, fmt.Errorf("%s: belongs to no corpus (file names start with a corpus digit)", file)
	}
	return best, nil
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
	docs := make([][]doc, len(corpora))
	seen := map[string]bool{}
	for _, f := range files {
		ci, err := corpusOf(f)
		if err != nil {
			return err
		}
		if corpora[ci].external {
			continue
		}
		ds, err := parseFile(f, corpora[ci].meta)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if seen[d.ID] {
				return fmt.Errorf("%s: duplicate id %q", f, d.ID)
			}
			seen[d.ID] = true
			if corpora[ci].meta {
				if err := checkStrict(d, corpora[ci].allKnown); err != nil {
					return fmt.Errorf("%s: %w", f, err)
				}
			}
			docs[ci] = append(docs[ci], d)
		}
	}
	for i, c := range corpora {
		if c.external {
			continue
		}
		if c.share == 0 {
			path := filepath.Join("testdata", "deid", c.name+".jsonl")
			if err := write(path, byID(docs[i])); err != nil {
				return err
			}
			summary(c.name, docs[i], nil)
			continue
		}
		if err := split(c.name, docs[i], c.mix, c.share, c.strata, c.meta); err != nil {
			return err
		}
	}
	return nil
}

// split writes one corpus as <name>.jsonl and <name>-holdout.jsonl.
func split(name string, docs []doc, mix bool, share float64, strata stratumFunc, detail bool) error {
	key := hash
	if mix {
		key = func(s string) uint32 { return fmix32(hash(s)) }
	}
	byStratum := map[string][]doc{}
	var names []string
	for _, d := range docs {
		s := strata(d)
		if _, ok := byStratum[s]; !ok {
			names = append(names, s)
		}
		byStratum[s] = append(byStratum[s], d)
	}
	var main, hold []doc
	for _, s := range names {
		stratum := byStratum[s]
		sort.Slice(stratum, func(i, j int) bool { return key(stratum[i].ID) < key(stratum[j].ID) })
		n := int(float64(len(stratum))*share + 0.5)
		hold = append(hold, stratum[:n]...)
		main = append(main, stratum[n:]...)
	}
	main, hold = byID(main), byID(hold)
	if err := write(filepath.Join("testdata", "deid", name+".jsonl"), main); err != nil {
		return err
	}
	if err := write(filepath.Join("testdata", "deid", name+"-holdout.jsonl"), hold); err != nil {
		return err
	}
	if detail {
		summary(name, main, strata)
		summary(name+"-holdout", hold, strata)
		return nil
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

// summary prints documents and spans per stratum and per type.
func summary(name string, ds []doc, strata stratumFunc) {
	perStratum := map[string]int{}
	perType := map[string]int{}
	spans := 0
	for _, d := range ds {
		if strata != nil {
			perStratum[strata(d)]++
		}
		for _, s := range d.Spans {
			perType[s.Type]++
			spans++
		}
	}
	fmt.Printf("%-20s %4d documents, %5d spans\n", name, len(ds), spans)
	line := func(label string, m map[string]int) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if m[keys[i]] != m[keys[j]] {
				return m[keys[i]] > m[keys[j]]
			}
			return keys[i] < keys[j]
		})
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s %d", k, m[k])
		}
		fmt.Printf("%20s %s: %s\n", "", label, strings.Join(parts, ", "))
	}
	if strata != nil {
		line("strata", perStratum)
	}
	line("spans", perType)
}

func byID(ds []doc) []doc {
	sort.Slice(ds, func(i, j int) bool { return ds[i].ID < ds[j].ID })
	return ds
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

// write writes ds as JSON lines and reads the file back with the evaluator's
// own parser, so a file it would reject is never left behind unnoticed.
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
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return err
	}
	back, err := eval.ReadCorpus(bytes.NewReader([]byte(b.String())))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if len(back) != len(ds) {
		return fmt.Errorf("%s: wrote %d documents, eval reads %d", path, len(ds), len(back))
	}
	return nil
}

func parseFile(path string, allowMeta bool) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []doc
	var id string
	var lines, meta []string
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
		if err := parseMeta(&d, meta); err != nil {
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
			lines, meta = nil, nil
			startLine = lineNo
		case strings.HasPrefix(l, "@@"):
			if !allowMeta {
				return nil, fmt.Errorf("%s:%d: metadata lines belong to the blind2, blind3, blind4 and dialogues-known sources only", path, lineNo)
			}
			if id == "" {
				return nil, fmt.Errorf("%s:%d: metadata before the first header", path, lineNo)
			}
			for _, t := range lines {
				if strings.TrimSpace(t) != "" {
					return nil, fmt.Errorf("%s:%d: metadata after the text began (doc %s)", path, lineNo, id)
				}
			}
			meta = append(meta, l)
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

// parseMeta fills d.Known and d.plain from the document's "@@" lines.
func parseMeta(d *doc, meta []string) error {
	if len(meta) == 0 {
		return nil
	}
	var kn deid.Known
	for _, l := range meta {
		rest, ok := strings.CutPrefix(l, "@@ ")
		key, val, ok2 := strings.Cut(rest, ":")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if !ok || !ok2 || key == "" || val == "" {
			return fmt.Errorf("doc %s: malformed metadata line %q (want \"@@ key: value\")", d.ID, l)
		}
		if strings.ContainsAny(val, "{|}") {
			return fmt.Errorf("doc %s: markup inside metadata %q", d.ID, l)
		}
		switch key {
		case "patient", "provider", "relative":
			for _, r := range val {
				if !unicode.IsLetter(r) && !strings.ContainsRune(" .'-,()\"", r) {
					return fmt.Errorf("doc %s: %s name %q has a character %q a name does not", d.ID, key, val, r)
				}
			}
			switch key {
			case "patient":
				kn.PatientNames = append(kn.PatientNames, val)
			case "provider":
				kn.ProviderNames = append(kn.ProviderNames, val)
			default:
				kn.RelativeNames = append(kn.RelativeNames, val)
			}
		case "id":
			if !strings.ContainsFunc(val, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				return fmt.Errorf("doc %s: identifier %q has no letter or digit", d.ID, val)
			}
			kn.Identifiers = append(kn.Identifiers, val)
		case "birth":
			if kn.BirthDate != "" {
				return fmt.Errorf("doc %s: two birth dates", d.ID)
			}
			if _, err := time.Parse("2006-01-02", val); err != nil {
				return fmt.Errorf("doc %s: birth date %q is not YYYY-MM-DD", d.ID, val)
			}
			kn.BirthDate = val
		case "plain":
			for _, w := range strings.Split(val, ",") {
				w = strings.TrimSpace(w)
				if w == "" || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) {
					return fmt.Errorf("doc %s: plain word %q is not one lower-case word", d.ID, w)
				}
				d.plain = append(d.plain, w)
			}
		default:
			return fmt.Errorf("doc %s: unknown metadata key %q", d.ID, key)
		}
	}
	if kn.PatientNames != nil || kn.ProviderNames != nil || kn.RelativeNames != nil || kn.Identifiers != nil || kn.BirthDate != "" {
		d.Known = &kn
	}
	return nil
}

// checkStrict runs the checks of the corpora that allow metadata (see the
// package comment).
func checkStrict(d doc, allKnown bool) error {
	knownParts := map[string]bool{}
	if d.Known != nil {
		if len(d.Known.PatientNames) == 0 {
			return fmt.Errorf("doc %s: metadata without a patient name", d.ID)
		}
		if i := strings.IndexFunc(d.Text, unicode.IsUpper); i >= 0 {
			return fmt.Errorf("doc %s: a transcript with metadata must be lower case, found %q", d.ID, context(d.Text, i))
		}
		for _, n := range slices.Concat(d.Known.PatientNames, d.Known.ProviderNames, d.Known.RelativeNames) {
			for _, p := range words(n) {
				if utf8.RuneCountInString(p) > 1 {
					knownParts[strings.ToLower(p)] = true
				}
			}
		}
	} else if allKnown {
		return fmt.Errorf("doc %s: no metadata (every document of this corpus needs it)", d.ID)
	}
	if allKnown {
		ok := false
		for _, s := range d.Spans {
			if s.Type != "NAME" {
				continue
			}
			all := true
			for _, p := range words(d.Text[s.Start:s.End]) {
				if len(p) > 1 && !knownParts[strings.ToLower(p)] {
					all = false
				}
			}
			ok = ok || all
		}
		if !ok {
			return fmt.Errorf("doc %s: no NAME span made only of supplied name parts", d.ID)
		}
	}
	nameWords := map[string]bool{}
	for k := range knownParts {
		nameWords[k] = true
	}
	for _, s := range d.Spans {
		if s.Type == "NAME" {
			for _, p := range words(d.Text[s.Start:s.End]) {
				if utf8.RuneCountInString(p) > 1 {
					nameWords[strings.ToLower(p)] = true
				}
			}
		}
	}
	inSpan := make([]bool, len(d.Text))
	for _, s := range d.Spans {
		for i := s.Start; i < s.End; i++ {
			inSpan[i] = true
		}
	}
	plain := map[string]bool{}
	for _, w := range d.plain {
		if !nameWords[w] {
			return fmt.Errorf("doc %s: plain word %q is no word of a name in this document", d.ID, w)
		}
		plain[w] = true
	}
	used := map[string]bool{}
	for i := 0; i < len(d.Text); {
		r, size := utf8.DecodeRuneInString(d.Text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(d.Text) {
			r, size := utf8.DecodeRuneInString(d.Text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += size
		}
		w := strings.ToLower(d.Text[i:j])
		if nameWords[w] && !inSpan[i] {
			if !plain[w] {
				return fmt.Errorf("doc %s: name word %q unannotated at %q (annotate it, or list it on a \"@@ plain:\" line)", d.ID, w, context(d.Text, i))
			}
			used[w] = true
		}
		i = j
	}
	for _, w := range d.plain {
		if !used[w] {
			return fmt.Errorf("doc %s: plain word %q never occurs outside a span", d.ID, w)
		}
	}
	return nil
}

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
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
