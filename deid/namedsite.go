package deid

import "strings"

// A site named by a person's or a place's name before its kind, after
// "the": "the kronk gym", "the busch campus", "the jefferson north plant",
// "the Gonda building", "the ridgedale library". The name's first word is
// no English word (the others may be: "jefferson north"); "the parking
// garage", "the rec center", "the main campus" and "the korean market"
// stay.

// namedSiteKinds end a site's name said with "the".
var namedSiteKinds = wordsOf("plant depot campus gym pool library theater theatre building garage terminal hangar " +
	"mall arena stadium hall lodge station centre center towers apartments plaza club market bakery store office " +
	"warehouse factory mine mill yard annex pavilion")

// namedSiteAt: token i is "the" (maybe with an adjective of age or size
// after it), and one to three words after it, the first a word
// siteNameWord takes (a name or place of the lists, or a word on no list,
// that is no English word; with its possessive or its parts joined by
// hyphens), end in a kind of namedSiteKinds, or of two words ("assembly
// plant"), that no English word continues as a compound. A late rule.
func (s *scan) namedSiteAt(i int) {
	st := s.next(i)
	if st > 0 && siteAdjectives[s.lower(st)] {
		st = s.next(st) // "the old quarnby plant": the adjective stays outside
	}
	if st < 0 || s.toks[st].gap != gapSpace || !s.toks[st].letters() {
		return
	}
	caps := s.toks[st].upper()
	for k, n := st, 0; k > 0 && n < 4; k, n = s.next(s.siteWordEnd(k)), n+1 {
		u := &s.toks[k]
		w := s.lower(k)
		// The name's words share the first's case; the kind may be lower
		// after a capitalized name ("the Gonda building").
		if !u.letters() || k != st && u.gap != gapSpace || u.upper() != caps && !(caps && n > 0 && namedSiteKinds[w]) || u.allUpper() && u.n() > 1 {
			return
		}
		kind := -1
		if n > 0 && namedSiteKinds[w] {
			kind = k
		} else if m := s.next(k); n > 0 && siteKindFirsts[w] && m > 0 && (s.eq(m, "center") || s.eq(m, "centre") || s.eq(m, "plant")) {
			kind = m // "the zelmer's distribution center"
		}
		if kind >= 0 {
			if s.siteCompoundGoesOn(kind) {
				return // "the coca plant leaves", "the cuban club soda"
			}
			if !s.inOtherSpan(int(s.toks[st].s)) {
				s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[kind].e), Type: Location})
			}
			return
		}
		if n == 0 && !s.siteNameWord(k) {
			return
		}
		if venueGeneric[w] || tradeDescriptors[w] || notEmployers[w] || clauseEndWords[w] || careAbbrs[w] ||
			u.lex&(lxMedical|lxMonth|lxWeekday|lxTimeWord|lxDigitWord|lxTeenWord|lxTensWord|lxRelation|lxTitle|lxTitleClin|lxCountry|lxState) != 0 {
			return
		}
	}
}

// siteWordEnd: the last token of the site's word opening at token k: its
// parts joined by hyphens ("the brandt-kessock mill") and a possessive
// ("the zelmer's distribution center") go with it.
func (s *scan) siteWordEnd(k int) int {
	for k+2 < len(s.toks) && s.toks[k+1].gap == gapNone && s.toks[k+2].gap == gapNone && s.toks[k+2].letters() {
		switch {
		case s.toks[k+1].punct('-'):
			k += 2
			continue
		case s.toks[k+1].punct('\'') && s.eq(k+2, "s"):
			return k + 2
		}
		break
	}
	return k
}

// siteAdjectives stand between "the" and a site's name: "the old quarnby
// plant".
var siteAdjectives = wordsOf("old new former big little")

// siteKindFirsts open a kind of site of two words before "center" or
// "plant": "distribution center", "assembly plant".
var siteKindFirsts = wordsOf("distribution fulfillment fulfilment processing packing sorting assembly")

// siteCompoundGoesOn: an English word after the site's kind at k goes on
// with the compound ("plant leaves", "club soda", "station wagon"), unless
// the clause ends there or the word is one said after a place ("the kronk
// gym parking lot", "the dublin rec center whichever").
func (s *scan) siteCompoundGoesOn(k int) bool {
	n := s.next(k)
	if n < 0 || !s.toks[n].letters() || s.toks[n].gap != gapSpace || !s.englishTok(n) || s.clauseGoesOn(k) {
		return false
	}
	return !afterSiteWords[s.lower(n)]
}

// afterSiteWords may follow a site's name.
var afterSiteWords = wordsOf("whichever parking lot nights days yeah every downtown uptown off across up out " +
	"said says told called sent has had does did will would can could closes closed opens opened")

// siteNameWord: token k can name a site: a given name, surname, town or
// hospital of the lists that is no English word, or a word of four letters
// or more on no list at all ("the bramley depot", "the peepul centre")
// that is no plural, no clinical word by its ending ("the endoscopy
// center", "the radiology building") and no generic body ("the ymca pool").
func (s *scan) siteNameWord(k int) bool {
	t := &s.toks[k]
	if t.n() < 3 || s.englishTok(k) || t.gaz&gzWord != 0 || t.lex&(lxCommon|lxBrand|lxLookalike|lxEponymHead|lxEponymName) != 0 {
		return false
	}
	if s.anyNameList(k) || t.gaz&(gzCity|gzTown|gzFacHead) != 0 || t.lex&lxCity != 0 {
		return true
	}
	w := s.lower(k)
	// (The first word of a longer listed phrase is on no list by itself.)
	if t.n() < 4 || t.lex&^lxPhraseHead != 0 || t.gaz&^gzPhraseHead != 0 || genericBodies[w] || strings.HasSuffix(w, "s") {
		return false
	}
	if clinicalWordLooking(w) {
		return false
	}
	for _, suf := range specialtyEndings {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// specialtyEndings end the names of specialties, tests and procedures.
var specialtyEndings = []string{"ology", "scopy", "graphy", "therapy", "iatry", "iatric", "ics", "ic", "osis", "itis", "ectomy", "otomy", "plasty"}

// genericBodies are bodies with sites everywhere, named by no place.
var genericBodies = wordsOf("ymca ywca jcc vfw usps dmv crossfit peloton juul vape")
