package deid

import "strings"

// Phone calls in a transcript: the practice, pharmacy or hospital a call
// is answered for or recorded from ("thank you for calling northshore
// patient billing", "garfield ridge pharmacy this is omar", "an automated
// message from rush copley for jaylen brooks-tate"), and the person a
// recorded reminder is for.

// orgStops end the name of the organization a call names.
var orgStops = map[string]bool{"this": true, "my": true, "how": true, "can": true, "may": true, "where": true,
	"what": true, "for": true, "is": true, "we": true, "i": true, "you": true, "to": true, "and": true, "about": true,
	"regarding": true, "please": true, "our": true, "your": true, "it's": true, "on": true, "at": true, "with": true,
	"if": true, "today": true, "again": true, "back": true, "me": true, "us": true, "so": true, "um": true, "uh": true,
	"who": true, "whom": true, "when": true, "why": true, "which": true, "am": true, "are": true, "was": true, "were": true,
	"in": true, "earlier": true, "yesterday": true, "everyone": true, "everybody": true, "re": true, "said": true,
	"says": true, "saying": true, "wants": true, "called": true}

// callPronouns end the words after "calling" or "from".
var callPronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "them": true, "him": true,
	"her": true, "his": true, "their": true, "its": true, "there": true, "that": true}

// practiceWords name what a practice or a desk does; alone they name no
// organization ("thanks for calling the pharmacy").
var practiceWords = map[string]bool{"pharmacy": true, "pediatrics": true, "clinic": true, "medicine": true,
	"medical": true, "dental": true, "dentistry": true, "orthopedics": true, "cardiology": true, "dermatology": true,
	"health": true, "center": true, "hospital": true, "practice": true, "associates": true, "rehab": true,
	"therapy": true, "imaging": true, "lab": true, "labs": true, "billing": true, "scheduling": true, "oncology": true,
	"family": true, "urgent": true, "care": true, "patient": true, "physicians": true, "group": true, "office": true,
	"internal": true, "women's": true, "children's": true, "eye": true, "vision": true, "surgery": true,
	"services": true, "line": true, "nurse": true, "triage": true, "appointment": true, "appointments": true,
	"department": true, "the": true, "a": true,
	// Services by their short names: "a message from ortho", "gyn clinic
	// this is kim", "thank you for calling peds triage".
	"ortho": true, "rheum": true, "neuro": true, "peds": true, "derm": true, "onc": true, "ent": true, "pt": true,
	"ot": true, "gi": true, "gyn": true, "ob": true, "uro": true, "nephro": true, "cardio": true, "pulm": true,
	"endo": true, "psych": true, "heme": true, "id": true, "er": true, "ed": true, "icu": true, "rad": true,
	"radiology": true, "pharm": true, "hospice": true, "home": true, "visiting": true, "social": true, "work": true}

// callVendors are payers, portals and vendors a message comes from, which
// name no place of care: "a message from medicare", "from mychart".
var callVendors = map[string]bool{"medicare": true, "medicaid": true, "cigna": true, "aetna": true, "humana": true,
	"optum": true, "tricare": true, "uhc": true, "unitedhealthcare": true, "kaiser": true, "goodrx": true,
	"teladoc": true, "zocdoc": true, "fedex": true, "ups": true, "usps": true, "mychart": true, "amazon": true,
	"express": true, "caremark": true, "anthem": true, "bcbs": true, "ambetter": true, "molina": true, "centene": true}

// calledOrg: the words after "thank you for calling", "you've reached" or
// "a message from" up to what the speaker says next. i is "calling",
// "reached" or "from". A reminder's addressee after "for" is a name.
func (s *scan) calledOrg(i int) bool {
	switch s.lower(i) {
	case "calling":
		if s.prevWordAt(i, 1) != "for" || (s.prevWordAt(i, 2) != "you" && s.prevWordAt(i, 2) != "thanks") {
			return false
		}
	case "reached":
		if p := s.prevWordAt(i, 1); p != "you've" && p != "have" {
			return false
		}
	case "from":
		if s.prevWordAt(i, 1) != "message" && s.prevWordAt(i, 1) != "reminder" {
			return false
		}
	default:
		return false
	}
	st, end, named := -1, -1, false
	for k, n := s.next(i), 0; k > 0 && n < 5 && s.toks[k].gap == gapSpace && s.toks[k].letters(); k, n = s.next(k), n+1 {
		w := s.lower(k)
		if orgStops[w] || callPronouns[w] || !practiceWords[w] && len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) {
			break
		}
		if st < 0 && s.toks[k].is(lxTitle|lxTitleClin) {
			return false // "a message from dr patel": a person, the names' to find
		}
		e := s.hyphenatedEnd(k) // "brooks-tate": a hyphenated word goes whole
		if e+2 < len(s.toks) && s.toks[e+1].punct('\'') && s.toks[e+1].gap == gapNone && s.eq(e+2, "s") && s.toks[e+2].gap == gapNone {
			e += 2 // "st. luke's"
		} else if (w == "st" || w == "mt" || w == "ft") && e+1 < len(s.toks) && s.toks[e+1].punct('.') && s.toks[e+1].gap == gapNone {
			e++ // "st." before the saint's name
		}
		if st < 0 && (w == "the" || w == "a") {
			continue
		}
		if st < 0 {
			st = k
		}
		// A name's word: on no English list, or a name or a place of
		// the lists ("northshore", "rush copley"); not a chain's
		// ("a message from cvs") or a thing's ("the portal").
		if !practiceWords[w] && !s.tokIn(functionWordSet, k) && !s.dictionaryWord(k) && !nationalChains[w] && !s.tokIn(onStreetSiteSet, k) &&
			!callVendors[w] {
			named = true
		}
		end = e
		k = e
	}
	if !named || st < 0 {
		return false
	}
	s.addTok(st, end, Location, prCue)
	// "... from rush copley for jaylen brooks-tate you have an
	// appointment": the person the reminder is for.
	if f := s.next(end); s.eq(i, "from") && f > 0 && s.eq(f, "for") {
		s.reminderAddressee(f)
	}
	return true
}

// reminderAddressee: one to three words after "for" at f, ended by "you",
// "your", "to" or the end of the clause, name the person a recorded
// reminder is for.
func (s *scan) reminderAddressee(f int) {
	st, end := -1, -1
	for k, n := s.next(f), 0; k > 0 && n < 3 && s.toks[k].gap == gapSpace && s.toks[k].letters(); k, n = s.next(k), n+1 {
		// A surname that is a word after a given name ("james rose",
		// "robert king"), or a month opening one before a surname ("april
		// white"), is the person's still.
		t := &s.toks[k]
		surnameWord := st >= 0 && (t.lex&(lxSur|lxSurAmb) != 0 || t.gaz&gzSur != 0)
		monthGiven := st < 0 && t.lex&lxMonth != 0 && t.lex&(lxFirst|lxFirstAmb) != 0
		if s.tokIn(functionWordSet, k) || (t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday) != 0 || reminderStops[s.lower(k)]) &&
			!s.isKnown(k) && !surnameWord && !monthGiven {
			break
		}
		e := s.hyphenatedEnd(k) // "brooks-tate": a hyphenated word goes whole
		if st < 0 {
			st = k
		}
		end = e
		k = e
	}
	if st < 0 {
		return
	}
	if n := s.next(end); !(n < 0 || s.eq(n, "you") || s.eq(n, "your") || s.eq(n, "to") || s.eq(n, "please") || s.eq(n, "about") ||
		s.eq(n, "regarding") || s.clauseEndAfter(end)) {
		return
	}
	s.addName(st, end, PatientNames|clsExplicit)
}

// hyphenatedEnd returns the last word of a word joined by hyphens that
// starts at k ("brooks-tate"), or k.
func (s *scan) hyphenatedEnd(k int) int {
	e := k
	for e+2 < len(s.toks) && s.toks[e+1].punct('-') && s.toks[e+1].gap == gapNone && s.toks[e+2].gap == gapNone && s.toks[e+2].letters() {
		e += 2
	}
	return e
}

// reminderStops end a reminder's addressee.
var reminderStops = map[string]bool{"please": true, "you": true, "your": true, "regarding": true, "about": true}

// answeredFor: the practice a call is answered for at the start of a
// turn, before "this is" and the speaker's name ("garfield ridge pharmacy
// this is omar", "good morning, lakeview pediatrics, this is ana"). i is
// "this". The words end on a practice's word and hold one that is none.
func (s *scan) answeredFor(i int) bool {
	if n := s.next(i); n < 0 || !s.eq(n, "is") {
		return false
	}
	e := s.sameLinePrev(i)
	if e >= 0 && s.toks[e].punct(',') {
		e = s.sameLinePrev(e)
	}
	if e < 0 || !s.toks[e].letters() || !practiceWords[s.lower(e)] || s.eq(e, "the") || s.eq(e, "a") {
		return false
	}
	st, named := e, false
	for k, n := e, 0; k >= 0 && n < 5; k, n = s.sameLinePrev(k), n+1 {
		if !s.toks[k].letters() || s.toks[k].punct(',') {
			break
		}
		w := s.lower(k)
		if greetings[w] || w == "good" || orgStops[w] || discourseWords[w] {
			break
		}
		if !practiceWords[w] && !s.tokIn(functionWordSet, k) && !s.dictionaryWord(k) && !nationalChains[w] && !callVendors[w] {
			named = true
		}
		st = k
		if s.turnStart(k) {
			break
		}
	}
	// The words open the turn, or follow a greeting and a comma.
	if p := s.sameLinePrev(st); !named || !(s.turnStart(st) || p >= 0 && s.toks[p].punct(',')) {
		return false
	}
	s.addTok(st, e, Location, prCue)
	return true
}
