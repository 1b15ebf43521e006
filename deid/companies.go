package deid

import "strings"

// listedCompanyAt returns the last token of the longest name of companies.txt
// that starts at token i ("home depot", "wal-mart", "lowe's"), or -1.
// Tokens joined without a space ("wal", "-", "mart") are read as written.
func (s *scan) listedCompanyAt(i int) int {
	if !s.toks[i].letters() {
		return -1
	}
	c := companies()
	if _, ok := c.first[s.lower(i)]; !ok {
		return -1
	}
	var b strings.Builder
	end := -1
	words := 0
	for k := i; k < len(s.toks) && k < i+8; k++ {
		t := &s.toks[k]
		if k > i {
			if t.gap == gapLine || t.gap == gapSpace && (words == 4 || !t.letters() && !t.digits()) {
				break
			}
			if t.gap == gapSpace {
				b.WriteByte(' ')
			}
		}
		if t.letters() || t.digits() {
			if k == i || t.gap == gapSpace {
				words++
			}
			b.WriteString(s.lower(k))
		} else if t.punct('-') || t.punct('\'') {
			b.WriteString(s.str(k))
			continue
		} else {
			break
		}
		if _, ok := c.names[b.String()]; ok && (k+1 >= len(s.toks) || s.toks[k+1].gap != gapNone || !s.toks[k+1].letters()) {
			end = k
		}
	}
	return end
}

// workNouns before "at", "for" or "with" make the company after them the
// person's workplace: "my coworker at chevron", "a shift at costco", "my
// boss at amazon", "a shift lead at the walgreens".
var workNouns = wordsOf("colleague colleagues coworker coworkers co-worker co-workers boss manager supervisor foreman " +
	"job jobs shift shifts position career internship apprenticeship contract lead")

// companyPlaces (a late rule) removes the person's employer named by a
// listed company, a chain or a brand, in any case, where their work is
// spoken of: after a verb of work and its preposition ("retired from
// chevron last year", "drives for amazon", "working at the dollar general
// in war"), after a noun of work ("my coworker at costco", "a shift at
// the waffle house"), or, a listed company, before "where she works";
// after "at the", a name spelled in letters and hyphens too ("i work at
// the h-e-b on culebra"); after "the", a listed company before a noun of
// its workplace ("the caterpillar plant in peoria"), or the first word of
// one there after a preposition of place ("at the mercedes plant"). Safe
// Harbor removes the names of the
// individual's employers. A store only visited ("the walgreens on main
// street"), and a company's product ("works for apple watch bands"),
// stay. Every word is asked of the companies' first words (one map
// look-up); the chains and the context only after a preposition of work.
func (s *scan) companyPlaces() {
	for i := range s.toks {
		if !s.toks[i].letters() {
			continue
		}
		p := s.sameLinePrev(i)
		atThe := p >= 0 && s.eq(p, "the")
		if atThe {
			p = s.sameLinePrev(p)
		}
		afterPrep := p >= 0 && s.toks[p].letters() && employerPreps[s.lower(p)]
		end := s.listedCompanyAt(i)
		if end < 0 && afterPrep {
			end = s.chainAt(i, atThe && s.eq(p, "at"))
		}
		if end < 0 && atThe && afterPrep {
			// The first word alone only where a preposition of place
			// stands before "the" ("the coca plant leaves" stays).
			end = s.companyFirstWordAt(i)
		}
		if end < 0 || s.companyUsedAsThing(end) {
			continue
		}
		if afterPrep && (s.employerCueBefore(i) || s.workNounBefore(i)) || s.worksThereAfter(end) || atThe && s.workplaceAfter(end) {
			s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[end].e), Type: Location})
		}
	}
}

// workplaceNouns after a company name it the employer's site: "the
// caterpillar plant in peoria", "the mercedes plant", "the boeing hangar".
var workplaceNouns = wordsOf("plant plants factory mill refinery mine hangar warehouse fab foundry shipyard smelter assembly")

// workplaceAfter: a noun of workplaceNouns follows token e.
func (s *scan) workplaceAfter(e int) bool {
	n := s.next(e)
	return n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && workplaceNouns[s.lower(n)]
}

// companyFirstWordAt: token i is the first word of a listed company's
// name of several words ("mercedes" of "mercedes-benz") and no English
// word; it returns i, or -1.
func (s *scan) companyFirstWordAt(i int) int {
	if _, ok := companies().first[s.lower(i)]; !ok || s.englishTok(i) || s.toks[i].lex&lxMedical != 0 {
		return -1
	}
	return i
}

// worksThereAfter: "where she works" or "where i work" follows the
// company ending at e, maybe after its town ("at the Kroger in Buckhannon
// where she works").
func (s *scan) worksThereAfter(e int) bool {
	k := s.next(e)
	for n := 0; k > 0 && n < 4 && s.toks[k].gap != gapLine; k, n = s.next(k), n+1 {
		if s.eq(k, "where") {
			subj, verb := s.nextWordAt(k), ""
			if j := s.next(k); j > 0 {
				verb = s.nextWordAt(j)
			}
			switch subj {
			case "i", "we", "they", "she", "he":
				return verb == "work" || verb == "works" || verb == "worked"
			}
			return false
		}
		if s.toks[k].kind == tkPunct && !s.toks[k].punct(',') {
			return false
		}
	}
	return false
}

// workNounBefore: a noun of work and its preposition stand before token
// i, maybe with "the" ("my coworker at the costco").
func (s *scan) workNounBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p >= 0 && s.eq(p, "the") {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !(s.eq(p, "at") || s.eq(p, "for") || s.eq(p, "with")) {
		return false
	}
	w := s.prevWordAt(p, 1)
	return workNouns[w]
}

// companyUsedAsThing: the company's name ending at e names a product or a
// kind ("works for apple watch bands", "retired from ford trucks"), a
// noun after it that is no place word.
func (s *scan) companyUsedAsThing(e int) bool {
	n := s.next(e)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() {
		return false
	}
	switch s.lower(n) {
	case "watch", "watches", "truck", "trucks", "car", "cars", "stock", "stocks", "shares", "card", "cards", "phone",
		"phones", "product", "products", "account", "pay", "prime", "music", "app", "vaccine", "shot":
		return true
	}
	return false
}

// chainAt returns the last token of a chain or brand starting at token i
// (storeChains, nationalChains, lexicon [brand]), or, after "at the"
// (atThe), of a name spelled in letters and hyphens ("h-e-b"), or -1.
// (Lower-case names of no English word are the employers rule's.)
func (s *scan) chainAt(i int, atThe bool) int {
	w := s.lower(i)
	if storeChains[w] || nationalChains[w] || s.toks[i].lex&lxBrand != 0 && s.toks[i].lex&(lxCommon|lxFirst|lxSur) == 0 {
		return s.hyphenatedEnd(i)
	}
	if s.toks[i].is(lxPhraseHead) {
		for n := 4; n >= 2; n-- {
			if key, ok := s.phraseKey(i, n); ok && lexPhraseFlags(key)&lxBrand != 0 {
				return s.phraseEnd(i, n)
			}
		}
	}
	if !atThe {
		return -1
	}
	if e := s.hyphenatedEnd(i); e > i && s.hyphenLettersOnly(i, e) {
		return e
	}
	return -1
}

// hyphenLettersOnly: tokens i..e are single letters joined by hyphens, a
// chain's name spelled so ("h-e-b").
func (s *scan) hyphenLettersOnly(i, e int) bool {
	for k := i; k <= e; k += 2 {
		if s.toks[k].n() != 1 {
			return false
		}
	}
	return true
}
