package deid

import (
	_ "embed"
	"strings"
	"sync"
)

// lexicon.txt is a compact word list written for this project: common first
// names and surnames, the English and clinical words that look like names at
// the start of a sentence, eponyms and drug brands that must not be taken for
// names, US cities and states, street suffixes, and the fake names used for
// surrogates.
//
//go:embed data/lexicon.txt
var lexiconText string

// Lexicon flags: one bit per list a word is on.
const (
	lxFirst uint64 = 1 << iota
	lxFirstAmb
	lxSur
	lxSurAmb
	lxCommon
	lxMedical
	lxLookalike
	lxEponymHead
	lxTitleClin
	lxTitle
	lxRelation
	lxCredential
	lxCity    // single-word city, or first word of a multi-word city
	lxCityAmb // city name that is also an ordinary word or a person's name
	lxState   // state name (or first word of one)
	lxStateAbbr
	lxCountry
	lxStreetSuffix
	lxUnit
	lxMonth
	lxMonthAbbr
	lxWeekday
	lxDigitWord  // zero..nine, oh
	lxTeenWord   // ten..nineteen
	lxTensWord   // twenty..ninety
	lxOrdWord    // first..thirty-first parts
	lxCue        // first word of an identifier cue phrase
	lxNameIntro  // word after which a capitalized word is a name
	lxPhraseHead // first word of a multi-word phrase in phrases
	lxFakeFirst
	lxFakeLast
	lxParticle // van, von, de, ...
	lxSuffix   // jr, sr, ii, iii
	lxCodeStop // ndc, cpt, icd: numbers after these are codes, not identifiers
	lxUnitWord // mg, ml, kcal: numbers before these are measurements
	lxDateCue  // on, since, dated: a bare m/d after these is a date
	lxPlaceCue // lives in, moved to: a capitalized word after these is a place
	lxAgeCue   // age, aged
	lxNameSuffixHead
	lxTimeWord // season or holiday word: checked by seasonOrHoliday
	lxFacility // last word of a facility name (facilityWords)
	lxWord     // an English word too (gazetteer word list): a name or place spelled so needs a cue
)

var (
	lexOnce sync.Once
	lexWord map[string]uint64 // lower-case word -> flags
	// lexPhrase holds multi-word entries ("new york", "salt lake city") by
	// their lower-case words joined with single spaces.
	lexPhrase   map[string]uint64
	fakeFirsts  []string
	fakeLasts   []string
	fakePlaces  []string
	fakeStreets []string
)

var sectionFlags = map[string]uint64{
	"first": lxFirst, "first?": lxFirst | lxFirstAmb, "surname": lxSur, "surname?": lxSur | lxSurAmb,
	"common": lxCommon, "medical": lxMedical, "lookalike": lxLookalike, "eponymhead": lxEponymHead,
	"titleclin": lxTitleClin, "title": lxTitle, "relation": lxRelation, "credential": lxCredential,
	"city": lxCity, "city?": lxCity | lxCityAmb, "state": lxState, "stateabbr": lxStateAbbr,
	"country": lxCountry, "streetsuffix": lxStreetSuffix, "unit": lxUnit,
	"fakefirst": lxFakeFirst | lxFirst, "fakelast": lxFakeLast | lxSur, "fakeplace": 0, "fakestreet": 0,
}

var builtinWords = map[uint64]string{
	lxMonth:     "january february march april may june july august september october november december",
	lxMonthAbbr: "jan feb mar apr jun jul aug sep sept oct nov dec",
	lxWeekday:   "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun",
	lxDigitWord: "zero oh one two three four five six seven eight nine",
	lxTeenWord:  "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen",
	lxTensWord:  "twenty thirty forty fifty sixty seventy eighty ninety",
	lxOrdWord: "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth " +
		"fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth",
	lxParticle: "van von de del della der den da di du le la st st. al el bin ibn ben ap mac mc",
	lxSuffix:   "jr sr ii iii iv",
	lxCodeStop: "ndc cpt loinc icd icd-10 snomed rxnorm hcpcs lot batch version ver v build release model ref range " +
		"isbn doi pmid step steps rxbin rxpcn rxgrp bin pcn group grp",
	lxUnitWord: "mg mcg g kg lb lbs ml l cc units unit iu meq mmol mmhg bpm kcal cal calories steps ft in cm mm " +
		"percent hours hrs minutes mins days weeks months years puffs tabs tablets capsules drops feet miles",
	lxDateCue: "on since from until till through thru dated dob d.o.b date seen admitted discharged visit last next " +
		"by starting effective as of born admission discharge appointment appt surgery procedure between and " +
		"onset injury started lmp edd dos scheduled rescheduled drawn collected obtained addendum " +
		// Verbs that date a clinical event: "given 5/14", "placed 1/14", "return 11/5".
		"given sent done placed received resolved return returned removed inserted stopped held faxed mailed " +
		"signed died expired delivered transferred implanted performed completed followup follow",
	lxAgeCue: "age aged nonagenarian centenarian",
	lxTimeWord: "spring summer winter autumn fall thanksgiving halloween christmas xmas easter hanukkah chanukah " +
		"passover kwanzaa juneteenth diwali ramadan labor labour memorial independence veterans presidents valentine " +
		"valentines mother father mothers fathers new mlk columbus boxing",
}

func loadLexicon() {
	lexWord = make(map[string]uint64, 6000)
	lexPhrase = make(map[string]uint64, 400)
	add := func(entry string, f uint64) {
		if strings.Contains(entry, "_") {
			words := strings.Split(entry, "_")
			lexPhrase[strings.Join(words, " ")] |= f
			lexWord[words[0]] |= lxPhraseHead
			return
		}
		lexWord[entry] |= f
	}
	var cur uint64
	section := ""
	for _, line := range strings.Split(lexiconText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			section = strings.Trim(line, "[]")
			cur = sectionFlags[section]
			continue
		}
		for _, w := range strings.Fields(line) {
			switch section {
			case "fakeplace":
				fakePlaces = append(fakePlaces, strings.ReplaceAll(w, "_", " "))
				continue
			case "fakestreet":
				fakeStreets = append(fakeStreets, w)
				continue
			}
			add(w, cur)
			switch section {
			case "fakefirst":
				fakeFirsts = append(fakeFirsts, w)
			case "fakelast":
				fakeLasts = append(fakeLasts, w)
			}
		}
	}
	for f, words := range builtinWords {
		for _, w := range strings.Fields(words) {
			add(w, f)
		}
	}
	for _, c := range cueTable {
		lexWord[c.words[0]] |= lxCue
	}
	for _, w := range nameIntroWords {
		lexWord[w] |= lxNameIntro
	}
	for _, w := range placeCueWords {
		lexWord[w] |= lxPlaceCue
	}
	for w := range facilityWords {
		lexWord[w] |= lxFacility
	}
	lexTable = buildTable(lexWord)
}

// wordTable is an open-addressing copy of lexWord for the tokenizer's hot
// path: the tokenizer hashes a word while folding its case, so a lookup costs
// one probe or two instead of a second pass for Go's map hash.
type wordTable struct {
	mask  uint32
	keys  []string
	flags []uint64
}

var lexTable wordTable

func fnvStep(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

const fnvOffset uint32 = 2166136261

func buildTable(words map[string]uint64) wordTable {
	// At most half full: the table with the general name and place lists
	// stays at 16k slots, small enough to stay in cache.
	size := uint32(1)
	for size < uint32(len(words))*2 {
		size <<= 1
	}
	t := wordTable{mask: size - 1, keys: make([]string, size), flags: make([]uint64, size)}
	for w, f := range words {
		h := fnvOffset
		for i := 0; i < len(w); i++ {
			h = fnvStep(h, w[i])
		}
		for j := h & t.mask; ; j = (j + 1) & t.mask {
			if t.keys[j] == "" {
				t.keys[j], t.flags[j] = w, f
				break
			}
		}
	}
	return t
}

// lookup finds the lower-case word w whose FNV-1a hash is h.
func (t *wordTable) lookup(w []byte, h uint32) uint64 {
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		k := t.keys[j]
		if k == "" {
			return 0
		}
		if k == string(w) {
			return t.flags[j]
		}
	}
}

// lexicon returns the word and phrase tables, building them on first use.
func lexicon() (map[string]uint64, map[string]uint64) {
	lexOnce.Do(loadLexicon)
	return lexWord, lexPhrase
}
