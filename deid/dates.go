package deid

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Dates: numeric, with month names, and spoken. The same parser serves the
// detector and the surrogate writer, which needs to know how a date was
// written to write its shifted surrogate the same way.

// Date layouts.
const (
	dlNumMDY    uint8 = iota + 1 // 3/4/52, 03-04-1952, 3.4.1952
	dlNumYMD                     // 1952-03-04
	dlNumMY                      // 03/1952
	dlNumMD                      // 3/4 (needs a cue)
	dlMonthDY                    // March 4th, 1952 / Mar. 4 / March 4
	dlMonthY                     // March 2019
	dlMonth                      // "in March" (needs a cue)
	dlDayMonthY                  // 4 March 1952 / 4th of March / 04-Mar-1952
	dlCompact                    // 04MAR1952
	dlDay                        // "on the 3rd" (needs a cue)
	dlNumYM                      // 2019-03
)

type dateVal struct {
	y, m, d        int
	hasY, hasD     bool
	layout         uint8
	sep            byte // numeric separator, or '-' in 04-Mar-1952
	y2             bool // two-digit year
	pad            bool // zero-padded month/day
	abbr           bool // abbreviated month
	dot            bool // "Mar."
	ord            bool // "4th"
	spoken         bool // ordinal and year in words
	of             bool // "4th of March"
	the            bool // "the fourth of March"
	comma          bool // "March 4, 1952"
	upper          bool // month in capitals
	apostropheYear bool // "March '52"
	dmy            bool // numeric, day first (25/12/2019)
}

var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december"}

func (s *scan) monthOf(i int) (int, bool) {
	t := s.tok(i)
	if t == nil || !t.letters() || !t.is(lxMonth|lxMonthAbbr) {
		return 0, false
	}
	if !t.upper() && !s.lowerMonthOK(i) {
		return 0, false
	}
	w := s.lower(i)
	for k, m := range monthNames {
		if w == m {
			return k + 1, false
		}
		if len(w) >= 3 && strings.HasPrefix(m, w) {
			return k + 1, true
		}
	}
	return 0, false
}

// lowerMonthOK: transcripts are often all lower case, so a lower-case full
// month name counts after a preposition of time or before a day ("in
// november", "june twelfth"). "may" and "march" stay verbs unless a day
// follows.
func (s *scan) lowerMonthOK(i int) bool {
	if s.monthOfYear(i) || s.dayAndYearAfter(i) {
		return true
	}
	if (s.eq(i, "march") || s.eq(i, "may")) && s.dateCueDayAfter(i) {
		return true
	}
	// Day first, as most of the world says it: "seen on 19th june", "since
	// 2nd feb", "on 19 june"; "may" and "march" only after an ordinal
	// ("3rd march"; "take 2 may help" is the verb).
	w := s.lower(i)
	if p := s.sameLinePrev(i); p >= 0 && s.toks[i].gap == gapSpace && (s.toks[p].digits() || s.toks[p].kind == tkWord && s.toks[p].shape&shDigit != 0) {
		if d, e, ord, _ := s.dayOf(p); e == p && d > 0 && (ord || w != "may" && w != "march" && s.toks[i].is(lxMonth)) {
			return true
		}
	}
	// Said day first: "on twenty second june", "first january eighty"
	// (not "may" and "march": "every second may be spent"); an ordinal
	// after a determiner counts something else ("her first april fools
	// joke", "the second august meeting").
	if p := s.sameLinePrev(i); p >= 0 && w != "may" && w != "march" && s.toks[i].is(lxMonth) && s.toks[i].gap == gapSpace &&
		s.toks[p].letters() && s.toks[p].is(lxOrdWord) && !ordinalDeterminers[s.prevWordAt(p, 1)] && s.nextWordAt(i) != "fools" {
		if q := s.sameLinePrev(p); q < 0 || !s.toks[q].is(lxTensWord) || !ordinalDeterminers[s.prevWordAt(q, 1)] {
			return true
		}
	}
	if s.toks[i].is(lxMonthAbbr) && !s.toks[i].is(lxMonth) {
		// "seen on march 3", "born at swedish on nov 2", "since dec 4":
		// after a preposition of time a month and a day number are a date
		// ("may" and "march" the verbs, "dec" decreased, take no "on").
		// An ordinal after it needs no cue: "dec twenty fifth", "feb 3rd".
		if n := s.next(i); n > 0 && s.toks[n].gap == gapSpace {
			if _, e, ord, _ := s.dayOf(n); e >= 0 && ord {
				return true
			}
			// "my mri was feb twenty twenty four": a spoken year.
			if _, e := s.spokenYear(n); e >= 0 {
				return true
			}
			// "it was dec 10.", "moved to nov 3": a day number that ends
			// the clause after a copula or "to" ("dec" decreased goes on
			// to its amount and unit).
			if d, e, _, _ := s.dayOf(n); e == n && d > 0 && s.toks[n].digits() && s.clauseEndAfter(n) && !s.unitAfter(n) {
				switch s.prevWordAt(i, 1) {
				case "was", "is", "it's", "to", "til", "till", "for", "be":
					return true
				}
			}
		}
		return s.dateCueDayAfter(i)
	}
	if !s.toks[i].is(lxMonth) {
		return false
	}
	if n := s.next(i); n > 0 {
		if _, e, ord, _ := s.dayOf(n); e >= 0 && (ord || w != "may" && w != "march") {
			return true
		}
		// "june the fifth", "may the third, and then": "the" and an
		// ordinal day, as people say a date; after "may" and "march" the
		// day must end the clause or go on as a day does ("may the third
		// one be better" is the verb).
		if m := s.next(n); m > 0 && s.eq(n, "the") && s.toks[m].gap == gapSpace {
			if _, e, ord, _ := s.dayOf(m); e >= 0 && ord && (w != "may" && w != "march" || s.timeOrEndAfter(e) ||
				dayEndWords[s.nextWordAt(e)] || clauseWords[s.nextWordAt(e)]) {
				return true
			}
		}
	}
	if s.monthRangeEnd(i) {
		return true
	}
	// "the third of may", "the 3rd of march": an ordinal day and "of".
	if i >= 2 && s.toks[i].gap != gapLine && s.eq(i-1, "of") && s.toks[i-1].gap == gapSpace {
		if q := i - 2; s.toks[q].is(lxOrdWord) || s.toks[q].shape&shDigit != 0 && s.ordinalDigits(q) {
			return true
		}
	}
	if w == "may" {
		// "the last one was may twenty twenty three": a year said after it;
		// the verb takes no year.
		if n := s.next(i); n > 0 && s.toks[n].gap == gapSpace {
			if y, e := s.spokenYear(n); e > n && y >= 1900 {
				return true
			}
		}
		return i > 0 && s.toks[i].gap != gapLine && (s.eq(i-1, "in") && s.clauseEndsOrTurns(i) && !s.modalAsking(i) || s.mayMonth(i)) || s.monthAnswer(i) ||
			s.monthAfterHedge(i) && s.clauseEndAfter(i) // "april or may"
	}
	if i > 0 && s.toks[i].gap != gapLine {
		switch s.lower(i - 1) {
		case "in", "since", "last", "until", "during", "early", "late", "next", "from", "of", "by", "around", "before",
			"after", "through", "til", "till", "mid":
			return true
		}
	}
	// "since like march", "in the spring, maybe april"; "august." to
	// "when is it due".
	if _, skipped := s.timePrepOverFillers(i); skipped && s.monthClosesAfter(i) || s.monthAfterHedge(i) && w != "march" || s.monthAnswer(i) {
		return true
	}
	// "june twenty twenty three", "june of ninety eight": a spoken year.
	if n := s.next(i); n > 0 && w != "march" {
		if s.eq(n, "of") {
			n = s.next(n)
		}
		if _, e := s.spokenYear(n); n > 0 && e >= 0 {
			return true
		}
	}
	return plainMonths[w]
}

// daysInDoubtAfter: spoken ordinal days after the date ending at end, with
// only doubt between ("?", ",", "or", "maybe", "no", "i think"), each
// ending the clause or followed by more doubt: the speaker weighs days of
// the same month. "the second or third week" counts weeks: a noun after
// the day ends it.
func (s *scan) daysInDoubtAfter(end int) {
	k := end + 1
	for n := 0; n < 8 && k < len(s.toks) && s.toks[k].gap != gapLine; n++ {
		t := &s.toks[k]
		if t.punct('?') || t.punct(',') || t.letters() && doubtWords[s.lower(k)] {
			k++
			continue
		}
		_, e, ord, spoken := s.dayOf(k)
		if e < 0 || !ord || !spoken {
			return
		}
		if a := e + 1; a < len(s.toks) && s.toks[a].gap != gapLine && s.toks[a].letters() && !doubtWords[s.lower(a)] {
			return
		}
		s.addTok(k, e, Date, prShape)
		k = e + 1
	}
}

// doubtWords stand between days a speaker weighs.
var doubtWords = wordsOf("or maybe no i think actually sorry um uh perhaps possibly")

// ordinalDeterminers before an ordinal make it count things, not days.
var ordinalDeterminers = wordsOf("the a an her his my our their your its every each this that")

// dayAndYearAfter: a day number and a four-digit year after the month at
// i, the comma between them or not ("mar 3 1951", "march 3, 1951"): a
// date in any case.
func (s *scan) dayAndYearAfter(i int) bool {
	n := s.next(i)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].digits() {
		return false
	}
	_, e, _, _ := s.dayOf(n)
	if e < 0 {
		return false
	}
	y := s.next(e)
	if y > 0 && s.toks[y].punct(',') {
		y = s.next(y)
	}
	if y < 0 || !s.toks[y].digits() || s.toks[y].n() != 4 || s.toks[y].gap == gapLine {
		return false
	}
	v, _ := s.num(y)
	return v >= 1800 && v <= s.year+1 && !s.unitAfter(y)
}

// plainMonths are the month names no speaker uses for anything else: in a
// transcript one alone dates what is said ("yeah august was rough",
// "october" answering "what month is it", "november or december").
// "may", "march", "april", "june" and "august" are also verbs, names or
// words, and need a preposition of time or a day.
var plainMonths = map[string]bool{"january": true, "february": true, "july": true, "september": true, "october": true,
	"november": true, "december": true}

// genericMonth: a month said of every year, not of an event: "every
// january", "flu season runs october through march", "february's always
// bad for my asthma", "each december".
func (s *scan) genericMonth(i int) bool {
	k := i
	for n := 0; n < 4; n++ {
		if k = s.sameLinePrev(k); k < 0 || s.toks[k].punct('.') || s.toks[k].punct('?') || s.toks[k].punct('!') {
			break
		}
		if w := s.lower(k); genericTimeWords[w] || everyYearWords[w] {
			return true
		}
	}
	k = i
	for n := 0; n < 4; n++ {
		if k = s.next(k); k < 0 || s.toks[k].punct('.') || s.toks[k].punct('?') || s.toks[k].punct('!') {
			break
		}
		if w := s.lower(k); genericTimeWords[w] || everyYearWords[w] {
			return true
		}
	}
	return false
}

// everyYearWords, with genericTimeWords, make a month one of every year.
var everyYearWords = map[string]bool{"always": true, "runs": true, "annual": true, "awareness": true, "month": true,
	"normally": true, "often": true}

// monthOfYear: a lower-case month, "may" and "march" included, before
// "of" and a year, or before a year of four digits ("back in may of twenty
// nineteen", "march of oh nine", "may 2019"): no verb is followed by a year.
func (s *scan) monthOfYear(i int) bool {
	n := s.next(i)
	if n < 0 || s.toks[n].gap == gapLine {
		return false
	}
	if s.toks[n].digits() {
		_, e, _, _ := s.yearOf(n)
		return e >= 0
	}
	if !s.eq(n, "of") {
		return false
	}
	if n = s.next(n); n < 0 || s.toks[n].gap == gapLine {
		return false
	}
	if _, e, _, _ := s.yearOf(n); e >= 0 {
		return true
	}
	_, e := s.spokenTwoDigitYear(n)
	if u := s.next(e); e >= 0 && u > 0 && s.toks[u].gap != gapLine && s.toks[u].letters() && s.toks[u].is(lxUnitWord) {
		return false // "a march of twenty miles"
	}
	return e >= 0
}

// dateCueDayAfter: a preposition of time before token i and a day number
// after it that no unit follows ("on march 3", "since nov 12, 2024").
func (s *scan) dateCueDayAfter(i int) bool {
	if i == 0 || s.toks[i].gap == gapLine {
		return false
	}
	switch s.lower(i - 1) {
	case "on", "since", "until", "til", "till", "by", "from", "before", "after", "of", "dated", "thru", "through":
	default:
		return false
	}
	n := s.next(i)
	if n < 0 {
		return false
	}
	if _, e, ord, _ := s.dayOf(n); e >= 0 {
		if ord {
			return true
		}
		if u := s.next(e); u > 0 && s.toks[u].gap != gapLine && s.toks[u].letters() && s.toks[u].is(lxUnitWord) {
			return false // "by march 3 miles"
		}
		return true
	}
	return false
}

// dayCueOverFillers: before "the" at token i, over fillers and a "the"
// said before them, a preposition of time ("on the um the twentieth",
// "since uh the third"), or a verb of coming back or of fixing a day
// before a day that ends the clause ("i go back the fifteenth", "we'll do
// the fourteenth.").
func (s *scan) dayCueOverFillers(i int) bool {
	k, skipped := s.backOverFillers(i, 4, true)
	if k < 0 || !s.toks[k].letters() {
		return false
	}
	w := s.lower(k)
	if skipped && (w == "on" || w == "since" || w == "until" || w == "from" || w == "by" || w == "before" || w == "after") {
		return true
	}
	if w == "that" || w == "it" {
		// "was that the um the fourteenth": asked of a day, hesitating;
		// without the hesitation past the tenth ("was it the twelfth?")
		// or where days are talked of ("three pills in the box. was it
		// the third?" stays).
		d, e, ord, _ := s.dayOf(s.next(i))
		if p := s.sameLinePrev(k); ord && e >= 0 && p >= 0 && (s.eq(p, "was") || s.eq(p, "is")) {
			return d > 2 && (skipped || d > 10 || s.dayTalkBefore(k))
		}
	}
	if !skipped && (w == "back" || w == "do") {
		_, e, ord, _ := s.dayOf(s.next(i))
		return ord && e >= 0 && s.clauseEndAfter(e) || ord && e >= 0 && dayEndWords[s.nextWordAt(e)]
	}
	return false
}

// dayAnswerAt: the day's "the" at i opens a line or a turn, or answers or
// corrects after "no", "or", "yes", "yeah", "it's" ("no the thirteenth",
// "the fourteenth or the fifteenth"); not a rank after a copula or a count
// ("she's the third", "two units given, the third on hold").
func (s *scan) dayAnswerAt(i int) bool {
	if s.turnStart(i) || s.bareTurnStart(i) {
		return true
	}
	// ">> the eleventh yeah": only marks before it on its line.
	k := i - 1
	for k >= 0 && s.toks[k].kind == tkPunct && s.toks[k+1].gap != gapLine {
		k--
	}
	if k < i-1 && (k < 0 || s.toks[k+1].gap == gapLine) {
		return true
	}
	switch s.prevWordAt(i, 1) {
	case "no", "or", "yes", "yeah", "it's", "its", "maybe":
		return true
	}
	return false
}

// bareTurnStart: token i follows a role opening its line without a colon
// ("patient the fifteenth it was").
func (s *scan) bareTurnStart(i int) bool {
	p := i - 1
	return p >= 0 && s.toks[p].gap == gapLine && s.toks[p].letters() && bareRoleTags[s.lower(p)]
}

// dayTalkBefore: a date said in words (a day's or a month's name, not
// figures) was found on the line of the day "the" at i or on the two lines
// before it: the talk is of days.
func (s *scan) dayTalkBefore(i int) bool {
	b, lines := i, 0
	for b > 0 {
		if s.toks[b].gap == gapLine {
			if lines == 2 {
				break
			}
			lines++
		}
		b--
	}
	for _, c := range s.cands {
		if c.t == Date && c.s >= int(s.toks[b].s) && c.e <= int(s.toks[i].s) && strings.IndexFunc(s.text[c.s:c.e], unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// dateBeforeOnLine: a date or a holiday was found before token i on its
// line ("right before new years, like the twenty eighth"): a day said
// after ", like" narrows it; elsewhere it ranks ("the youngest, like the
// fifth").
func (s *scan) dateBeforeOnLine(i int) bool {
	b := i
	for b > 0 && s.toks[b].gap != gapLine {
		b--
	}
	for _, c := range s.cands {
		if c.t == Date && c.s >= int(s.toks[b].s) && c.e <= int(s.toks[i].s) {
			return true
		}
	}
	return false
}

// rangeWordBefore: "to", "through" or "thru" right before token i, after
// a year and month: the second of a range ("2019-06 to 2019-12.").
func (s *scan) rangeWordBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 3 || !(s.eq(p, "to") || s.eq(p, "through") || s.eq(p, "thru")) {
		return false
	}
	k := p - 1
	return s.toks[k].digits() && s.toks[k-1].punct('-') && s.toks[k-2].digits() && s.toks[k-2].n() == 4
}

// dayFirstAfterWord: in a text that writes its dates day first, a day and
// month after a word ("latest 28/11", "mammo 28/11 BIRADS 4") that no
// ratio's or a measure's word before or after takes, and no duration
// ("14/7", "18/12" are days and months in British shorthand, kept out by
// the caller).
func (s *scan) dayFirstAfterWord(p, bi int) bool {
	// A word in lower case of four letters or more ("latest", "mammo");
	// an abbreviation ("Hb 14/5", "NIV 16/8") is a value's label.
	if s.toks[p].upper() || s.toks[p].n() < 4 || s.ratioBefore(p+1) || s.ratioNear(p+1) {
		return false
	}
	return !s.sliceMeasured(bi)
}

// sliceMeasured: what follows the number ending at token e makes it a
// measure or a share, not a day: another slash, a percent sign, a unit or
// a fraction's unit ("14/5 mg", "3/4 tab").
func (s *scan) sliceMeasured(e int) bool {
	n := s.next(e)
	return n > 0 && (s.toks[n].punct('/') || s.toks[n].punct('%') || s.unitAfter(e) || s.toks[n].letters() && fractionUnits[s.lower(n)])
}

// dayFirstAlone: a day and month written day first that no other reading
// takes ("latest 28/11", "mammo 28/11 BIRADS 4"): the first number 13 to
// 31, the second a month, with a slash, no ratio's word before and no
// measure after; visual acuity's "20/10" stays.
func (s *scan) dayFirstAlone(i, end int, v dateVal) bool {
	if !v.dmy || v.sep != '/' || v.hasY || v.d < 13 || v.m < 1 || v.m > 12 || v.d == 20 && v.m == 10 || end != i+2 {
		return false
	}
	return !s.sliceMeasured(end) && !s.ratioNear(i)
}

// relativeDays right before a month and day name the same day again: "at
// around 1500 yesterday 6/8", "today 3/14", as texted "tmrw 12/9"; not a
// score out of ten ("pain yesterday 6/10, today 3/10").
var relativeDays = wordsOf("yesterday today tomorrow tonight tmrw tmw tomorow tommorow tommorrow tonite")

// dateSpan adds a Date candidate for a date starting at token i.
func (s *scan) dateSpan(i int) bool {
	v, end := s.dateAt(i)
	if end < 0 {
		return false
	}
	switch v.layout {
	case dlNumMD:
		if s.ratioBefore(i) {
			return false // "BiPAP 12/5", "strength 4/5", "pain 5/10"
		}
		if !(s.kn().dobOK && s.kn().dobM == v.m && s.kn().dobD == v.d) && !s.cueBefore(i, lxDateCue|lxWeekday, 3) && !s.dayFirstAlone(i, end, v) &&
			!(relativeDays[s.prevWordAt(i, 1)] && v.d != 10 && !s.ratioNear(i)) && !s.datedEntry(i, end) && !s.loggedLine(i, end) && (s.ratioNear(i) || !s.slashCueBefore(i) && !s.clinicianBefore(i) &&
			!s.timeAfter(end) && !s.mdListed(i, end, v) && !s.mdDayOnly(i, end, v) && !s.mdAfterEvent(i, end, v) && !s.timeBefore(i) && !s.mdInParens(i, end, v)) {
			return false
		}
	case dlMonth:
		if !s.monthCue(i) || s.eq(i, "may") && !s.toks[i].upper() && !(s.eq(i-1, "in") && s.clauseEndsOrTurns(i) && !s.modalAsking(i) || s.mayMonth(i) || s.monthAnswer(i) ||
			s.monthAfterHedge(i) && s.clauseEndAfter(i)) ||
			s.genericMonths(i) {
			return false
		}
	case dlDay:
		// "she flew back on the um the twentieth": the cue before a
		// filler and a "the" said again.
		if v.the && s.dayCueOverFillers(i) {
			break
		}
		// "was it the twelfth?" / "no the thirteenth.", "the nineteenth
		// is that the thursday": from the third on, a day opening a turn
		// or answering, where a day was said in words on this line or
		// the two before.
		if v.the && v.d > 2 && s.dayAnswerAt(i) && s.dayTalkBefore(i) {
			break
		}
		// "sunday night, the second, my birthday": a weekday and its part
		// of the day before.
		if v.the && i >= 3 && s.toks[i-1].punct(',') && partOfDayNouns[s.lower(i-2)] && s.toks[i-3].is(lxWeekday) {
			break
		}
		// "the second of this month" is a date by itself.
		if !v.of && (i == 0 || !(s.eq(i-1, "on") || s.eq(i-1, "since") || s.eq(i-1, "until") || s.eq(i-1, "till") || s.eq(i-1, "til") || s.eq(i-1, "by") || s.eq(i-1, "before") ||
			s.eq(i-1, "around") || s.eq(i-1, "about") || s.eq(i-1, "approximately") || // "so around the eighteenth, nineteenth"
			s.eq(i-1, "like") && i >= 2 && s.toks[i-2].punct(',') && s.dateBeforeOnLine(i) || // "right before new years, like the twenty eighth"
			s.eq(i-1, "after") || s.eq(i-1, "from") || s.eq(i-1, "through") || s.eq(i-1, "between") || s.eq(i-1, "for") ||
			// "off from today the seventh", "rn: tomorrow the ninth"; "so
			// that'd be the fifteenth" ending its clause.
			v.the && (relativeDays[s.lower(i-1)] || s.eq(i-1, "be") && v.d > 2 && s.clauseEndAfter(end)) ||
			s.toks[i-1].is(lxWeekday) || (s.toks[i-1].punct(',') || s.toks[i-1].punct('.')) && i >= 2 && s.toks[i-2].is(lxWeekday) || // "friday, the nineteenth", "sunday. the tenth."
			s.eq(i-1, "of") && i >= 2 && partOfDayNouns[s.lower(i-2)]) &&
			// "what's today's date" / "it's the fourth no the fifth": a day
			// alone answering a question about the date or a birthday, or
			// said of something scheduled or dated ("my last period was
			// the third", "my appointment is the seventeenth at two").
			// "when was that" / "the fourteenth": asked when, a day from
			// the third on (the first and second are also moments).
			!(v.the && s.askedBefore(i, func(k int) bool { return datedNouns[s.lower(k)] || v.d > 2 && s.eq(k, "when") })) &&
			!(v.the && v.d > 2 && s.monthSaidBefore(i))) {
			return false
		}
	}
	start := i
	if v.the && i > 0 && s.eq(i-1, "the") {
		start = i - 1
	}
	s.addTok(start, end, Date, prShape)
	// Another day joined to a day: "between the tenth and the fourteenth",
	// "the fourteenth or fifteenth", "the 3rd to the 5th".
	if v.layout == dlDay {
		if c := s.next(end); c > 0 && (s.eq(c, "and") || s.eq(c, "or") || s.eq(c, "to") || s.eq(c, "through") || s.eq(c, "thru") ||
			s.eq(c, "till") || s.eq(c, "til") || s.eq(c, "until")) {
			k0 := s.next(c)
			k := k0
			if k > 0 && s.eq(k, "the") {
				k = s.next(k)
			}
			if _, e, ord, _ := s.dayOf(k); k > 0 && e >= 0 && ord && !s.ordinalPairOfNoun(c) {
				if _, e2 := s.dayFirst(k); e2 > e {
					e = e2 // "the second and third of may": the month with it
				}
				s.addTok(k0, e, Date, prShape)
			}
		}
		// "around the eighteenth, nineteenth": a day weighed after a comma,
		// closing the clause.
		if c := s.next(end); c > 0 && s.toks[c].punct(',') {
			if k := s.next(c); k > 0 && s.toks[k].gap == gapSpace {
				if _, e, ord, _ := s.dayOf(k); e >= 0 && ord && s.toks[k].letters() && s.sentenceEndsAfter(e) {
					s.addTok(k, e, Date, prShape)
				}
			}
		}
	}
	// Another day of the same month after a month and day: "it was june
	// 3rd or 4th", "Seen on June 3 and 5.", where the clause ends after it
	// ("June 3 and 5 days later" counts days).
	if v.layout == dlMonthDY && v.hasD && !v.hasY {
		if c := s.next(end); c > 0 && (s.eq(c, "and") || s.eq(c, "or") || s.toks[c].punct('&')) {
			if k := s.next(c); k > 0 && s.toks[k].gap == gapSpace {
				if d, e, ord, _ := s.dayOf(k); e >= 0 && d >= 1 && d <= 31 && (ord || s.toks[k].digits()) && s.timeOrEndAfter(e) {
					s.addTok(k, e, Date, prShape)
				}
			}
		}
	}
	// Spoken days offered in doubt after a spoken month and day: "january
	// tenth? tenth or eleventh", "june fifth, maybe sixth".
	if (v.layout == dlMonthDY || v.layout == dlDayMonthY) && v.hasD && v.spoken {
		s.daysInDoubtAfter(end)
	}
	// A range of days in one month: "del 5 al 12 de marzo", "from 3 to 9
	// August": the first day has no month of its own.
	if v.layout == dlDayMonthY && s.toks[i].digits() {
		s.firstDayOfRange(i)
	}
	// A range: "6/19/26-6/24/26", "3/1-3/5": the second date has no cue of
	// its own.
	if k := s.adj(end); k > 0 && s.toks[k].punct('-') && (v.layout == dlNumMD || v.layout == dlNumMDY || v.layout == dlNumYMD) {
		if v2, e2 := s.dateAt(k + 1); e2 >= 0 && s.toks[k+1].gap == gapNone && v2.layout == v.layout {
			s.addTok(k+1, e2, Date, prShape)
		}
	}
	return true
}

// firstDayOfRange: the day that opens a range of days ending in the date
// at i ("del 5 al 12 de marzo", "from 3 to 9 August", "entre el 3 y el 9").
func (s *scan) firstDayOfRange(i int) {
	p := s.sameLinePrev(i)
	if p >= 0 && s.eq(p, "el") {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !(s.eq(p, "al") || s.eq(p, "a") || s.eq(p, "to") || s.eq(p, "until") || s.eq(p, "y") || s.eq(p, "and")) {
		return
	}
	q := s.sameLinePrev(p)
	if q < 0 || !s.toks[q].digits() {
		return
	}
	if d, _ := s.num(q); d < 1 || d > 31 || s.toks[q].n() > 2 {
		return
	}
	r := s.sameLinePrev(q)
	if r >= 0 && s.eq(r, "el") {
		r = s.sameLinePrev(r)
	}
	if r >= 0 && (s.eq(r, "del") || s.eq(r, "desde") || s.eq(r, "entre") || s.eq(r, "from") || s.eq(r, "between")) {
		s.addTok(q, q, Date, prShape)
	}
}

// ordinalDigits: token q is a day written as an ordinal in digits ("3rd",
// "21st").
func (s *scan) ordinalDigits(q int) bool {
	w := s.lower(q)
	if len(w) < 3 || len(w) > 4 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
		return w[len(w)-3] >= '0' && w[len(w)-3] <= '9'
	}
	return false
}

// mayMonth: a lower-case "may" that a word of time before makes the
// month ("in early may", "last may", "the end of may"), with no verb after
// it that would make it the modal ("next may be").
//
// After a preposition of time, over the fillers of speech ("in may for the
// chest pain", "since may.", "since like may two years ago"), the word
// after it must be one the modal never takes: the clause's end, a
// preposition or conjunction, a number ("the ones in may have" is the
// verb).
func (s *scan) mayMonth(i int) bool {
	switch s.lower(i - 1) {
	case "early", "late", "mid", "mid-", "last", "next", "of":
		if s.eq(i-1, "of") && !s.monthCue(i) {
			return false
		}
		return !baseVerbs[s.nextWordAt(i)]
	}
	p, skipped := s.timePrepOverFillers(i)
	if p < 0 {
		return false
	}
	n := s.next(i)
	number := n > 0 && s.toks[n].gap == gapSpace && (s.toks[n].digits() || s.toks[n].is(lxDigitWord|lxTeenWord|lxTensWord))
	if skipped {
		// After a comma or a filler "may" may open the next clause ("come
		// in, may we start", "before, may he rest in peace"): only the
		// clause's end or a number.
		return s.clauseEndAfter(i) || number
	}
	return s.clauseEndAfter(i) || afterMayMonth[s.nextWordAt(i)] || number
}

// modalAsking: "may" before a pronoun and a verb asks leave ("come in, may
// i ask", "in may i ask you something").
func (s *scan) modalAsking(i int) bool {
	n := s.next(i)
	if n < 0 || !subjectPronouns[s.lower(n)] {
		return false
	}
	w := s.nextWordAt(n)
	return baseVerbs[w] || leaveVerbs[w]
}

// leaveVerbs are asked leave for with "may i" beside baseVerbs.
var leaveVerbs = wordsOf("ask say use borrow speak")

// afterMayMonth are words that follow the month "may" and never the
// modal.
var afterMayMonth = map[string]bool{"for": true, "to": true, "of": true, "at": true, "with": true, "after": true, "before": true,
	"until": true, "till": true, "through": true, "sometime": true, "maybe": true, "too": true, "because": true,
	"was": true, "is": true, "and": true, "or": true, "last": true, "this": true, "next": true, "then": true}

// monthTimePreps are the prepositions of time before a month.
var monthTimePreps = map[string]bool{"in": true, "since": true, "until": true, "till": true, "til": true, "through": true,
	"thru": true, "from": true, "by": true, "around": true, "before": true, "after": true, "during": true}

// backOverFillers returns the token before i on its line past at most max
// commas and fillers of speech (and, with the, a "the" said after one:
// "on the um the twentieth"), and whether it passed any; -1 when the line
// starts first.
func (s *scan) backOverFillers(i, max int, the bool) (int, bool) {
	k, skipped := s.sameLinePrev(i), false
	for n := 0; k >= 0 && n < max && (s.toks[k].punct(',') || s.toks[k].letters() && (speechFillers[s.lower(k)] || the && skipped && s.eq(k, "the"))); n++ {
		k, skipped = s.sameLinePrev(k), true
	}
	return k, skipped
}

// timePrepOverFillers returns the preposition of time before the month at
// i, over the fillers of speech and commas between them ("since like
// march", "in um may"), and whether a filler was passed; -1 when there is
// none.
func (s *scan) timePrepOverFillers(i int) (int, bool) {
	k, skipped := s.backOverFillers(i, 3, false)
	if k < 0 || !s.toks[k].letters() || !monthTimePreps[s.lower(k)] {
		return -1, false
	}
	return k, skipped
}

// genericMonths: the month at i is one end of a range of months ("from May
// through August", "between June and September") in a sentence that
// states what happens every year, not when something happened to the
// patient: a word of frequency, season or weather ("most common", "peak",
// "usually", "each year", "tick season", "hot days") in the same sentence. Patient education
// writes these; a note's "since May" or "from May to July she worked
// nights" keeps its dates.
func (s *scan) genericMonths(i int) bool {
	ranged := false
	if p := s.sameLinePrev(i); p >= 0 {
		if q := s.sameLinePrev(p); q >= 0 && rangeWords[s.lower(p)] && s.monthWord(q) {
			ranged = true
		}
	}
	if n := s.next(i); !ranged && n > 0 && rangeWords[s.lower(n)] {
		if m := s.next(n); m > 0 && s.monthWord(m) {
			ranged = true
		}
	}
	if !ranged {
		return false
	}
	for k := i - 1; k >= 0 && i-k < 40; k-- {
		if s.toks[k].punct('.') || s.toks[k].punct('?') || s.toks[k].punct('!') || s.toks[k].punct(':') {
			break
		}
		if genericTimeWords[s.lower(k)] {
			return true
		}
		if s.toks[k].gap == gapLine {
			break
		}
	}
	for k := i + 1; k < len(s.toks) && k-i < 40 && s.toks[k].gap != gapLine; k++ {
		if s.toks[k].punct('.') || s.toks[k].punct('?') || s.toks[k].punct('!') {
			break
		}
		if genericTimeWords[s.lower(k)] {
			return true
		}
	}
	return false
}

// monthWord: token k is a month's name written out.
func (s *scan) monthWord(k int) bool {
	return s.toks[k].letters() && s.toks[k].is(lxMonth)
}

var rangeWords = map[string]bool{"through": true, "thru": true, "to": true, "until": true, "till": true, "and": true, "-": true}

// genericTimeWords say that a range of months recurs every year.
var genericTimeWords = map[string]bool{"common": true, "commonest": true, "peak": true, "peaks": true, "season": true,
	"seasons": true, "seasonal": true, "usually": true, "typically": true, "generally": true, "mostly": true,
	"annually": true, "yearly": true, "every": true, "each": true, "active": true, "prevalent": true, "occur": true,
	"occurs": true, "highest": true, "tends": true, "tend": true, "recommended": true,
	// The weather of those months ("on hot days in July and August").
	"hot": true, "weather": true, "heat": true, "humid": true, "humidity": true, "pollen": true}

// slashCueBefore: the clinical abbreviations written with a slash that
// announce a date, "f/u 3/9", "D/C 6/11", "D/C'd 11/2".
func (s *scan) slashCueBefore(i int) bool {
	for k := i - 1; k >= 2 && k >= i-5; k-- {
		if s.toks[k+1].gap == gapLine {
			return false
		}
		if s.toks[k-1].punct('/') && (s.eq(k-2, "f") && s.eq(k, "u") || s.eq(k-2, "d") && s.eq(k, "c") || s.eq(k-2, "s") && s.eq(k, "p")) {
			return true
		}
	}
	return false
}

// clinicianBefore: "f/u with Dr. Hunter 11/12", "(Dr. Hoang) 12/10": an
// appointment with a named clinician. A speaker tag ("DOCTOR:") is not one.
func (s *scan) clinicianBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if s.toks[k+1].gap == gapLine {
			return false
		}
		if s.toks[k].is(lxTitleClin) && s.toks[k].word() && !s.toks[k+1].punct(':') {
			return true
		}
	}
	return false
}

// timeAfter: a bare m/d followed by a clock time ("3/2 14:33", "12/10 at
// 14:00") is a date; scores and ratios are not given a time of day.
func (s *scan) timeAfter(end int) bool {
	k := s.next(end)
	if k > 0 && (s.eq(k, "at") || s.toks[k].punct('~') || s.toks[k].punct('@')) {
		k = s.next(k)
	}
	if k > 0 && hourHalfDay(s.lower(k)) {
		return true // "12/1 ~7pm"
	}
	if k < 0 || !s.toks[k].digits() || s.toks[k].n() > 2 {
		return false
	}
	// "3/4 at 10 am": an hour and its half of the day.
	if v, _ := s.num(k); v >= 1 && v <= 12 {
		if m := s.next(k); m > 0 && s.toks[m].gap != gapLine && (s.eq(m, "am") || s.eq(m, "pm")) {
			return true
		}
	}
	c := s.adj(k)
	if c < 0 || !s.toks[c].punct(':') {
		return false
	}
	m := s.adj(c)
	return m > 0 && s.toks[m].digits() && s.toks[m].n() == 2
}

// hourHalfDay: w is an hour written with its half of the day, "7pm",
// "11am".
func hourHalfDay(w string) bool {
	n := len(w)
	if n < 3 || n > 4 || w[n-1] != 'm' || w[n-2] != 'a' && w[n-2] != 'p' {
		return false
	}
	h := 0
	for i := 0; i < n-2; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
		h = h*10 + int(w[i]-'0')
	}
	return h >= 1 && h <= 12
}

// mdListed: bare m/d values in a list or range whose second numbers differ
// ("cultures 2/8, 2/9 and 2/10", "stay 3/2-3/4", "falls (1/22, 2/18)") are
// dates. Scores and ratios listed together share their denominator ("recall
// 2/5, 3/5"), so a shared second number is not enough.
func (s *scan) mdListed(i, end int, v dateVal) bool {
	other := func(j int) bool {
		if j < 0 || j >= len(s.toks) || !s.toks[j].digits() {
			return false
		}
		w, e := s.numDate(j)
		return e >= 0 && w.layout == dlNumMD && w.d != v.d
	}
	sep := func(k int) bool {
		return k >= 0 && k < len(s.toks) && (s.toks[k].punct(',') || s.toks[k].punct('-') || s.toks[k].punct(';') || s.eq(k, "and"))
	}
	if k := s.next(end); k > 0 && sep(k) && other(s.next(k)) {
		return true
	}
	// Backwards: the list member before this one ends three tokens before
	// its separator.
	if k := i - 1; k >= 3 && s.toks[i].gap != gapLine && sep(k) && s.toks[k].gap != gapLine {
		if p := k - 3; s.toks[p+1].gap == gapNone && s.toks[p+1].punct('/') && other(p) && !s.midNumber(p) {
			return true
		}
	}
	return false
}

// ratioWords before a bare m/d make it a ratio or a score, not a date.
var ratioWords = map[string]bool{"bp": true, "bipap": true, "cpap": true, "peep": true, "ps": true, "ipap": true,
	"epap": true, "strength": true, "pain": true, "score": true, "moca": true, "mmse": true, "va": true, "vision": true,
	"ratio": true, "gcs": true, "apgar": true, "apgars": true, "x": true, "rated": true, "motor": true, "power": true,
	"vent": true, "settings": true, "sve": true, "dilated": true}

// ratioNear is ratioBefore over a wider window, for the weaker date cues
// ("Pain 8/10 -> 2/10 at 14:30").
func (s *scan) ratioNear(i int) bool {
	if s.dayPrepBefore(i) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if s.toks[k+1].gap == gapLine || s.toks[k].punct(';') || s.toks[k].punct('.') && s.toks[k+1].gap == gapSpace {
			return false // the word of another sentence: "back pain. Blood cultures 2/8, 2/9"
		}
		if s.toks[k].letters() && ratioWords[s.lower(k)] {
			return true
		}
	}
	return false
}

func (s *scan) ratioBefore(i int) bool {
	if s.dayPrepBefore(i) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if s.toks[k+1].gap == gapLine {
			return false
		}
		if s.toks[k].letters() && ratioWords[s.lower(k)] {
			return true
		}
	}
	return false
}

// dayPrepBefore: "on", "since" or "until" right before token i: a ratio
// word before them is not what the number measures ("seen at the VA on
// 11/02", "pain since 3/14").
func (s *scan) dayPrepBefore(i int) bool {
	p := i - 1
	return p >= 0 && s.toks[i].gap == gapSpace && (s.eq(p, "on") || s.eq(p, "since") || s.eq(p, "until"))
}

// datedEntry: a bare m/d that dates an entry: "Renal US 9/14: no
// hydronephrosis", "Addendum 3/5:", or at the start of a line before a note
// word ("8/14 nsg note: ...").
func (s *scan) datedEntry(i, end int) bool {
	k := s.adj(end)
	if k < 0 {
		k = s.next(end)
	}
	if k > 0 && s.toks[k].punct(':') && s.toks[k].gap == gapNone {
		if n := s.adj(k); n < 0 || !s.toks[n].digits() {
			return true // not a time "3/5:30"
		}
	}
	if s.toks[i].gap != gapLine {
		return false
	}
	n := s.next(end)
	if n < 0 {
		return false
	}
	if s.toks[n].punct('-') || s.toks[n].punct(':') {
		return true
	}
	switch s.lower(n) {
	case "nsg", "npn", "note", "notes", "nursing", "rn", "md", "progress", "addendum", "update", "phone", "call", "visit",
		"seen", "pt", "patient", "event", "events", "am", "pm", "tele", "telephone", "clinic":
		return true
	}
	return false
}

// loggedLine: a bare m/d opening a line of a log whose next or previous
// line opens with a date too ("11/10 dressing changed" / "11/14 dressing
// changed"), words after it.
func (s *scan) loggedLine(i, end int) bool {
	if i > 0 && s.toks[i].gap != gapLine || s.nextWordAt(end) == "" {
		return false
	}
	opensWithDate := func(h int) bool {
		if h < 0 || h >= len(s.toks) || h == i || !s.toks[h].digits() {
			return false
		}
		v, e := s.numDate(h)
		return e >= 0 && (v.layout == dlNumMD || v.layout == dlNumMDY)
	}
	if v, _ := s.numDate(i); v.m <= v.d && (v.d == 4 || v.d == 5 || v.d == 10) {
		return false // a score out of its total: "7/10 at rest", "4/5 strength"
	}
	next := -1
	for k := end + 1; k < len(s.toks); k++ {
		if s.toks[k].gap == gapLine {
			next = k
			break
		}
	}
	prev := -1
	if i > 0 {
		prev = s.lineHead(i - 1)
	}
	return opensWithDate(next) || opensWithDate(prev)
}

// monthCue: a lone month name is a date element only after a preposition of
// time ("in March", "since last April").
func (s *scan) monthCue(i int) bool {
	if i == 0 || s.toks[i].gap == gapLine {
		return false
	}
	p := i - 1
	if s.eq(p, "of") && p > 0 && (s.eq(p-1, "early") || s.eq(p-1, "late") || s.eq(p-1, "middle") || s.eq(p-1, "end") ||
		s.eq(p-1, "beginning") || s.eq(p-1, "start") || s.eq(p-1, "week") || s.eq(p-1, "half")) {
		return true
	}
	if s.eq(p, "of") && p > 0 && s.eq(p-1, "as") {
		return true // "ninety as of december"
	}
	for _, w := range []string{"in", "since", "last", "early", "late", "mid", "during", "until", "till", "by", "this", "next",
		"from", "through", "around", "before", "after", "back", "mid-"} {
		if s.eq(p, w) {
			if w == "in" && s.eq(i, "may") && p > 0 && s.eq(p-1, "you") && s.suppliedPart(i) {
				return false // "see you in may": the person named May, supplied, is left to the names
			}
			return true
		}
	}
	if s.toks[p].punct('-') && p > 0 && s.eq(p-1, "mid") {
		return true
	}
	if _, skipped := s.timePrepOverFillers(i); skipped && s.monthClosesAfter(i) {
		return true // "since like march", "in, um, april"
	}
	if s.monthAfterHedge(i) || s.monthAnswer(i) {
		return true
	}
	if s.monthRangeEnd(i) {
		return true
	}
	if s.monthListed(i) {
		return true
	}
	// "at 9 months (November)": a capitalized month alone in parentheses.
	if s.toks[p].punct('(') && s.toks[i].upper() && i+1 < len(s.toks) && s.toks[i+1].punct(')') && s.toks[i+1].gap == gapNone {
		return true
	}
	// "yeah august was rough", "november or december": a lower-case month
	// no speaker uses for anything else dates what is said.
	return s.loneMonthClosing(i) || !s.toks[i].upper() && plainMonths[s.lower(i)] && !s.genericMonth(i)
}

// monthSaidBefore: a month or a day of the week said on this line or the
// one before the day at i, the talk being of dates ("the trip was in july"
// / "yeah the fourth yeah", "saturday the" / "the eighteenth"); "may" and
// "march" count written with a capital only.
func (s *scan) monthSaidBefore(i int) bool {
	return s.askedBefore(i, func(k int) bool {
		t := &s.toks[k]
		if !t.is(lxMonth | lxWeekday) {
			return false
		}
		return t.upper() || !s.eq(k, "may") && !s.eq(k, "march")
	})
}

// monthClosesAfter: the words after the month at i are those after a date,
// not a noun the month names ("since like march the end of march"; not
// "in, like, march band", "after, um, march madness").
func (s *scan) monthClosesAfter(i int) bool {
	if s.clauseEndAfter(i) {
		return true
	}
	w := s.nextWordAt(i)
	if w == "" {
		n := s.next(i)
		return n > 0 && s.toks[n].digits()
	}
	return afterMayMonth[w] || clauseWords[w] || dayEndWords[w] && (!s.eq(i, "may") || !subjectPronouns[w]) || w == "the"
}

// monthAnswer: a lower-case month that is a turn's whole answer, or opens
// it before the clause ends, to a question of when on the line before
// ("and your physical is due" / "august. i got a letter", "when did it
// start" / "march, i think").
//
// "may" (also "maybe") answers only a question naming a dated thing, and
// "march" (also a verb) only a question of when something was or will be
// ("when does it hurt" / "march, walk, anything" stays).
func (s *scan) monthAnswer(i int) bool {
	if s.toks[i].upper() || !s.monthClosesAfter(i) {
		return false
	}
	// The answer may open on fillers ("um june", "uh, may") and go on
	// with a hedge ("march i think", "june or so", "april or may").
	if k, _ := s.backOverFillers(i, 3, false); !s.turnStart(i) && !(k >= 0 && s.toks[k].punct(':') || k < 0) {
		return false
	}
	may, march := s.eq(i, "may"), s.eq(i, "march")
	return s.askedBefore(i, func(k int) bool {
		if datedNouns[s.lower(k)] {
			return true
		}
		if !s.eq(k, "when") || may {
			return false
		}
		if march {
			switch s.nextWordAt(k) {
			case "did", "was", "were", "is", "will":
				return true
			}
			return false
		}
		return true
	})
}

// monthAfterHedge: a lower-case month after a word of doubt that follows
// a season or another month, the speaker narrowing a time down ("in the
// spring, maybe april", "june or probably july").
func (s *scan) monthAfterHedge(i int) bool {
	p := s.sameLinePrev(i)
	if s.toks[i].upper() || p < 0 || !(s.eq(p, "maybe") || s.eq(p, "probably") || s.eq(p, "or")) {
		return false
	}
	q := s.sameLinePrev(p)
	if q >= 0 && s.toks[q].punct(',') {
		q = s.sameLinePrev(q)
	}
	return q >= 0 && (seasonWords[s.lower(q)] || s.toks[q].is(lxMonth) && !s.toks[q].upper())
}

// abbrDotEndsSentence: the dot after the abbreviation at i, written in
// mixed case, also ends its sentence: the text, its line or a capitalized
// word follows ("admitted at St. John in Sept. Currently staying ...").
func (s *scan) abbrDotEndsSentence(i int) bool {
	if s.toks[i].allUpper() {
		return false // "Lot numbers in MAR.": the medication record
	}
	n := i + 2
	return n >= len(s.toks) || s.toks[n].gap == gapLine || s.toks[n].gap == gapSpace && s.toks[n].capWord()
}

// monthRangeEnd: the month at i ends a range whose start is a month after
// a preposition of time: "from january to april", "between march and
// may", "from june through august".
func (s *scan) monthRangeEnd(i int) bool {
	p := i - 1
	if p < 2 || !(s.eq(p, "to") || s.eq(p, "through") || s.eq(p, "thru") || s.eq(p, "till") || s.eq(p, "until") || s.eq(p, "and")) {
		return false
	}
	return s.toks[p-1].is(lxMonth) && (s.eq(p-2, "from") || s.eq(p-2, "between") || s.eq(p-2, "since"))
}

// suppliedPart: the word at i is a part of a name the platform supplied.
func (s *scan) suppliedPart(i int) bool {
	_, ok := s.knownWord(i)
	return ok
}

// monthAbbrEnds: after the month abbreviation at i the clause ends, also
// at a closing parenthesis after a word ("last seen at the VAMC in Dec)";
// not "(Mar)" alone).
func (s *scan) monthAbbrEnds(i int) bool {
	return s.clauseEndAfter(i) || i > 0 && s.toks[i-1].letters() && i+1 < len(s.toks) && s.toks[i+1].punct(')') && s.toks[i+1].gap == gapNone ||
		s.monthListed(i) || s.toks[i].upper() && (s.eq(s.next(i), "was") || s.eq(s.next(i), "were")) // "Last A1c in Aug was 7.1"
}

// monthListed: a capitalized month's abbreviation next to another in a
// list ("Hospitalized x3 in 2022 (Mar, Jun, Sep)", "Jan and Feb"); full
// names in a list are as often every year's ("Most Falls in December,
// January and February").
func (s *scan) monthListed(i int) bool {
	abbr := func(k int) bool {
		return k >= 0 && k < len(s.toks) && s.toks[k].letters() && s.toks[k].upper() && s.toks[k].n() <= 4 && s.toks[k].is(lxMonthAbbr) &&
			!s.eq(k, "may") && !s.eq(k, "june") && !s.eq(k, "july")
	}
	if !abbr(i) {
		return false
	}
	if n := s.next(i); n > 0 && (s.toks[n].punct(',') || s.eq(n, "and") || s.eq(n, "or")) && abbr(s.next(n)) {
		return true
	}
	p := s.sameLinePrev(i)
	return p >= 0 && (s.toks[p].punct(',') || s.eq(p, "and") || s.eq(p, "or")) && abbr(s.sameLinePrev(p))
}

// loneMonthClosing: a capitalized month that names no person or act
// ("January", "October", "December", not "May", "March", "April", "June",
// "August") closing a phrase after a word ("last use December)", "due
// October."): when something happened.
func (s *scan) loneMonthClosing(i int) bool {
	t := &s.toks[i]
	if !t.upper() || t.allUpper() || !t.is(lxMonth) || i < 1 || !s.toks[i-1].letters() || s.toks[i-1].upper() {
		return false
	}
	switch s.lower(i) {
	case "january", "february", "july", "september", "october", "november", "december":
	default:
		return false
	}
	switch s.lower(i - 1) {
	case "each", "every", "per", "annually", "yearly", "usually", "typically", "through", "to", "and", "or":
		return false // "each November": every year, not a date of the patient's
	}
	n := i + 1
	return n >= len(s.toks) || s.toks[n].gap == gapLine ||
		s.toks[n].gap == gapNone && (s.toks[n].punct(')') || s.toks[n].punct('.') || s.toks[n].punct(',') || s.toks[n].punct(';'))
}

// dateAt parses a date starting at token i; end is its last token or -1.
func (s *scan) dateAt(i int) (dateVal, int) {
	t := s.tok(i)
	switch {
	case t == nil:
	case t.digits():
		if v, e := s.numDate(i); e >= 0 {
			return v, e
		}
		return s.dayFirst(i)
	case t.kind == tkWord && t.shape&shDigit != 0:
		if v, e := s.compactDate(i); e >= 0 {
			return v, e
		}
		return s.dayFirst(i)
	case t.letters():
		if m, abbr := s.monthOf(i); m > 0 {
			return s.monthFirst(i, m, abbr)
		}
		if t.is(lxOrdWord|lxTensWord) || s.eq(i, "the") {
			return s.dayFirst(i)
		}
	}
	return dateVal{}, -1
}

// zeroLed reports a digit token written with a leading zero ("04").
func (s *scan) zeroLed(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].digits() && s.toks[i].n() == 2 && s.text[s.toks[i].s] == '0'
}

func validMD(m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= 31 }

// numDate parses m/d/yy, m/d/yyyy, m-d-yyyy, m.d.yyyy, yyyy-mm-dd, mm/yyyy, m/d.
func (s *scan) numDate(i int) (dateVal, int) {
	var v dateVal
	j := s.adj(i)
	if j < 0 || s.toks[j].kind != tkPunct {
		return v, -1
	}
	sep := s.toks[j].ch
	if sep != '/' && sep != '-' && sep != '.' {
		return v, -1
	}
	bi := s.adj(j)
	if bi < 0 || !s.toks[bi].digits() {
		return v, -1
	}
	a, na := s.num(i) // read once the shape is a date's: most numbers are not
	b, nb := s.num(bi)
	k := s.adj(bi)
	hasThird := k > 0 && s.toks[k].punct(sep) && s.adj(k) > 0 && s.toks[k+1].digits()
	v.sep = sep
	if na == 4 {
		// ISO 8601 with its time: "2025-02-14T05:12" ("14T05" is one token).
		isoT := false
		if !hasThird && k > 0 && s.toks[k].punct(sep) && s.adj(k) > 0 {
			if w := s.str(k + 1); len(w) >= 4 && w[0] >= '0' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9' && w[2] == 'T' &&
				w[3] >= '0' && w[3] <= '9' {
				isoT = true
			}
		}
		if !hasThird && !isoT && sep == '-' && nb == 2 && b >= 1 && b <= 12 && a >= 1800 && a <= 2199 && !s.cueBefore(i, lxCodeStop, 3) &&
			(k < 0 || !s.toks[k].punct('-') && !(s.toks[k].punct('.') && (s.adj(k) > 0 && s.toks[s.adj(k)].digits() ||
				!s.zeroLed(bi) && !s.rangeWordBefore(i)))) {
			// ISO 8601's year and month: "C-section 2019-03", also ending a
			// sentence ("2019-06 to 2019-12."; "2019-03.5" is no date).
			v.layout, v.m, v.y, v.hasY, v.pad = dlNumYM, b, a, true, true
			return v, bi
		}
		if !hasThird && !isoT || a < 1800 || a > 2199 || nb > 2 {
			return v, -1
		}
		if isoT {
			c := int(s.text[s.toks[k+1].s]-'0')*10 + int(s.text[s.toks[k+1].s+1]-'0')
			if !validMD(b, c) {
				return v, -1
			}
			v.layout, v.y, v.m, v.d, v.hasY, v.hasD, v.pad = dlNumYMD, a, b, c, true, true, true
			e := k + 1
			for c := s.adj(e); c > 0 && s.toks[c].punct(':') && s.adj(c) > 0 && s.toks[c+1].digits(); c = s.adj(e) {
				e = c + 1 // the minutes and seconds
			}
			return v, e
		}
		c, nc := s.num(k + 1)
		if nc > 2 || !validMD(b, c) {
			return v, -1
		}
		v.layout, v.y, v.m, v.d, v.hasY, v.hasD, v.pad = dlNumYMD, a, b, c, true, true, s.zeroLed(bi) || s.zeroLed(k+1) || nb == 2 && b >= 10
		return v, k + 1
	}
	if na > 2 {
		return v, -1
	}
	if hasThird {
		c, nc := s.num(k + 1)
		if nb > 2 || (nc != 2 && nc != 4) || !(validMD(a, b) || validMD(b, a)) {
			return v, -1
		}
		// Dots with a two-digit year ("DOS: 11.04.23") only after a date
		// cue: without one they are as often a version, a list number, a
		// section, a score or a time ("Start 09.08.00").
		if sep == '.' && nc != 4 && !s.cueBefore(i, lxDateCue, 3) || sep == '-' && nc == 2 && a > 12 || nc == 4 && (c < 1800 || c > 2199) {
			return v, -1
		}
		// "1.2.2024.5" or "3-4-52-7": part of something longer.
		if m := s.adj(k + 1); m > 0 && s.toks[m].kind == tkPunct && s.toks[m].ch == sep && s.adj(m) > 0 && s.toks[m+1].word() {
			return v, -1
		}
		if sep == '.' && s.cueBefore(i, lxCodeStop, 2) {
			return v, -1
		}
		v.layout, v.hasY, v.hasD, v.pad = dlNumMDY, true, true, s.zeroLed(i) || s.zeroLed(bi)
		v.m, v.d = a, b
		if !validMD(a, b) {
			v.m, v.d, v.dmy = b, a, true // 25/12/2019: day first
		}
		v.y, v.y2 = c, nc == 2
		if nc == 2 {
			v.y = s.century(c)
		}
		return v, k + 1
	}
	if sep == '-' && nb <= 2 && validMD(a, b) && s.strongDateCueBefore(i) && !s.unitAfter(bi) {
		if n := s.next(bi); n < 0 || !(s.eq(n, "times") || s.eq(n, "x") || s.eq(n, "per") || s.eq(n, "drinks")) {
			// "Pt seen 11-4 for follow-up": month and day with a dash,
			// after a word that dates what follows.
			v.layout, v.m, v.d, v.hasD, v.pad, v.sep = dlNumMD, a, b, true, s.zeroLed(i) || s.zeroLed(bi), '-'
			return v, bi
		}
	}
	if sep == '-' && na == 2 && nb == 4 && a >= 1 && a <= 12 && b >= 1900 && b <= 2199 && !s.cueBefore(i, lxCodeStop, 3) &&
		(k < 0 || !s.toks[k].punct('-') && !s.toks[k].punct('.') || s.adj(k) < 0 || !s.toks[k+1].digits()) &&
		(i == 0 || !s.toks[i-1].punct('-') || s.toks[i].gap != gapNone) {
		// "mammogram 03-2023": a month and year with a dash, two digits
		// for the month, as forms print them.
		v.layout, v.m, v.y, v.hasY, v.pad = dlNumMY, a, b, true, s.zeroLed(i)
		return v, bi
	}
	if sep != '/' {
		return v, -1
	}
	if nb == 4 && a >= 1 && a <= 12 && b >= 1800 && b <= 2199 {
		v.layout, v.m, v.y, v.hasY, v.pad = dlNumMY, a, b, true, s.zeroLed(i)
		return v, bi
	}
	dayFirst := false
	if nb <= 2 && !validMD(a, b) && validMD(b, a) {
		// "Fell Sunday 16/11": day first, as most of the world writes it,
		// read so only after a weekday or a word that dates what follows.
		if p := s.sameLinePrev(i); !(p >= 0 && s.toks[p].is(lxWeekday) || s.strongDateCueBefore(i) || s.oneDate ||
			s.dayFirstWritten() && b != 7 && b != 12 && (s.datedBefore(i) || p >= 0 && dayFirstTimePreps[s.lower(p)] && !s.backwardRange(p, bi, a, b) ||
				p >= 0 && s.toks[p].letters() && !dayFirstTimePreps[s.lower(p)] && s.dayFirstAfterWord(p, bi))) {
			return v, -1
		}
		a, b, dayFirst = b, a, true
	}
	if nb > 2 || !validMD(a, b) {
		return v, -1
	}
	if p := s.sameLinePrev(i); p >= 0 && s.toks[p].letters() && (s.eq(p, "fe") || a == 1 && (b == 20 || b == 35) && s.toks[p].is(lxMedical) &&
		!(bi+1 < len(s.toks) && s.toks[bi+1].punct('-'))) {
		return v, -1 // "Tarina Fe 1/20", "Junel 1/35": a pill's strengths ("Ceftriaxone 1/20-1/27" is a course)
	}
	if n := s.next(bi); n > 0 && (s.eq(n, "of") || s.toks[n].is(lxUnitWord) && (fractionShape(a, b) || !s.inPreposition(n)) || s.eq(n, "tab") || s.eq(n, "tablet") ||
		s.eq(n, "cup") || s.toks[n].punct('%') || s.eq(n, "strength") || s.eq(n, "dose") || s.eq(n, "doses") ||
		s.eq(n, "normal") || b == 10 && s.eq(n, "pain")) {
		return v, -1
	}
	v.layout, v.m, v.d, v.hasD, v.pad, v.dmy = dlNumMD, a, b, true, s.zeroLed(i) || s.zeroLed(bi), dayFirst
	return v, bi
}

// dayFirstWritten: the text writes a full date day first, its first
// number over twelve and its year in four digits ("Admitted 18/11/2026",
// "DOA: 21-10-2026"; "Vent 18/5/40" is settings), so a bare day/month in
// it after an event, a test or a preposition of time is read the same way
// ("ORIF 19/11", "by 28/11"; a day before a month's name, "27 November",
// makes a text day first too; British
// notes count days as "14/7" and months as "18/12", which stay). Looked
// up once.
func (s *scan) dayFirstWritten() bool {
	if s.dayFirstDoc == 0 {
		s.dayFirstDoc = -1
		for i := 0; i+4 < len(s.toks); i++ {
			a, b, c := &s.toks[i], &s.toks[i+2], &s.toks[i+4]
			sep := s.toks[i+1].ch
			if !a.digits() || !b.digits() || !c.digits() || a.n() > 2 || b.n() > 2 || c.n() != 4 ||
				sep != '/' && sep != '-' && sep != '.' || s.toks[i+3].ch != sep || b.gap != gapNone || c.gap != gapNone {
				continue
			}
			if d, _ := s.num(i); d > 12 && d <= 31 {
				if m, _ := s.num(i + 2); m >= 1 && m <= 12 {
					s.dayFirstDoc = 1
					break
				}
			}
		}
		// "on 27 November", "4th December 2026": a day written before the
		// month's name, as day-first writers do.
		for i := 0; s.dayFirstDoc < 0 && i+1 < len(s.toks); i++ {
			if d, _, ord, spoken := s.dayOf(i); d > 0 && !spoken && (ord || s.toks[i].digits()) && s.toks[i+1].gap == gapSpace &&
				s.toks[i+1].is(lxMonth) && s.toks[i+1].upper() && s.toks[i+1].n() >= 3 {
				if p := s.sameLinePrev(i); p < 0 || !s.toks[p].is(lxMonth) {
					s.dayFirstDoc = 1
				}
			}
		}
	}
	return s.dayFirstDoc > 0
}

// dayFirstTimePreps before a bare day/month whose day is over twelve, in a
// text that writes dates day first, date it ("GCS 15 by 28/11", "on
// 29/11").
var dayFirstTimePreps = wordsOf("by on until till from since")

// datedBefore: the word before the bare date at i (past "on" or "since")
// is an event's or a test's: "discharged 30/11", "ORIF 19/11".
func (s *scan) datedBefore(i int) bool {
	k := s.wordBeforeDate(i)
	return k >= 0 && s.toks[k].letters() && (eventWords[s.lower(k)] || testWord(s.lower(k)))
}

// wordBeforeDate returns the token before the bare date at i on its line,
// past an "on" or "since" ("discharged on 30/11"), or -1.
func (s *scan) wordBeforeDate(i int) int {
	k := s.sameLinePrev(i)
	if k >= 0 && (s.eq(k, "on") || s.eq(k, "since")) {
		k = s.sameLinePrev(k)
	}
	return k
}

// century expands a two-digit year to the most recent year not after the
// reference year.
func (s *scan) century(yy int) int {
	ref := s.year
	if ref == 0 {
		ref = 2026
	}
	y := ref/100*100 + yy
	if y > ref {
		y -= 100
	}
	return y
}

// dayOf reads a day of month at token i: "4", "04", "4th", "fourth",
// "twenty-first", "twenty first". It returns the day, the last token, and
// whether it was an ordinal / in words.
func (s *scan) dayOf(i int) (d, end int, ord, spoken bool) {
	t := s.tok(i)
	if t == nil || t.gap == gapLine && i > 0 && false {
		return 0, -1, false, false
	}
	switch {
	case t.digits():
		v, n := s.num(i)
		if n <= 2 && v >= 1 && v <= 31 {
			return v, i, false, false
		}
	case t.word() && t.shape&shDigit != 0:
		x := s.str(i)
		n := 0
		for n < len(x) && x[n] >= '0' && x[n] <= '9' {
			n++
		}
		if n >= 1 && n <= 2 && len(x) == n+2 {
			suf := strings.ToLower(x[n:])
			if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
				v := 0
				for _, c := range x[:n] {
					v = v*10 + int(c-'0')
				}
				if v >= 1 && v <= 31 {
					return v, i, true, false
				}
			}
		}
	case t.letters():
		// The lexicon flags every ordinal and tens word: others skip the maps.
		if t.lex&(lxOrdWord|lxTensWord) == 0 {
			break
		}
		if v, ok := ordinalWords[s.lower(i)]; ok {
			return v, i, true, true
		}
		if tens, ok := tensWords[s.lower(i)]; ok && (tens == 20 || tens == 30) {
			k := s.next(i)
			if k > 0 && s.toks[k].punct('-') && s.toks[k].gap == gapNone {
				k = s.adj(k)
			}
			if k > 0 {
				if u, ok := ordinalWords[s.lower(k)]; ok && u <= 9 {
					if tens+u <= 31 {
						return tens + u, k, true, true
					}
				}
			}
		}
	}
	return 0, -1, false, false
}

// yearOf reads a year at token i: "1952", "'52", or spoken
// ("nineteen fifty two", "two thousand three").
func (s *scan) yearOf(i int) (y, end int, apos, spoken bool) {
	t := s.tok(i)
	if t == nil {
		return 0, -1, false, false
	}
	if t.digits() {
		v, n := s.num(i)
		if n == 4 && v >= 1800 && v <= 2199 {
			return v, i, false, false
		}
		return 0, -1, false, false
	}
	if t.punct('\'') {
		if k := s.adj(i); k > 0 && s.toks[k].digits() && s.toks[k].n() == 2 {
			v, _ := s.num(k)
			return s.century(v), k, true, false
		}
		return 0, -1, false, false
	}
	if v, e := s.spokenYear(i); e >= 0 {
		return v, e, false, true
	}
	return 0, -1, false, false
}

// monthFirst: "March 4th", "March 4, 1952", "Mar. 4", "March 2019",
// "Mar-04-1952", "March fourth nineteen fifty two", and a lone month.
func (s *scan) monthFirst(i, m int, abbr bool) (dateVal, int) {
	v := dateVal{m: m, abbr: abbr, upper: s.toks[i].allUpper() && s.toks[i].n() > 1}
	j := i + 1
	if j < len(s.toks) && s.toks[j].punct('.') && s.toks[j].gap == gapNone {
		v.dot = true
		j++
	}
	// Mar-04-1952
	if !v.dot && j+3 < len(s.toks) && s.toks[j].punct('-') && s.toks[j].gap == gapNone && s.toks[j+1].digits() &&
		s.toks[j+1].gap == gapNone && s.toks[j+2].punct('-') && s.toks[j+2].gap == gapNone {
		if d, _ := s.num(j + 1); d >= 1 && d <= 31 {
			if y, e, _, _ := s.yearOf(j + 3); e >= 0 && s.toks[j+3].gap == gapNone {
				v.layout, v.d, v.y, v.hasD, v.hasY, v.sep, v.pad = dlMonthDY, d, y, true, true, '-', s.zeroLed(j+1)
				return v, e
			}
		}
	}
	if j >= len(s.toks) || s.toks[j].gap == gapLine || s.toks[j].gap == gapNone && !v.dot && !s.commaYear(j) {
		if abbr && !(s.toks[i].upper() && (!v.dot || s.abbrDotEndsSentence(i)) && s.monthCue(i) && s.monthAbbrEnds(i)) {
			return v, -1 // "in Dec," is a month; "Mar" alone may be anything
		}
		v.layout = dlMonth
		return v, i
	}
	if v.dot && !abbr && j < len(s.toks) && s.toks[j].letters() {
		v.layout = dlMonth // "in july. the third one was worse": the dot ends a sentence
		return v, i
	}
	if s.eq(j, "the") && j+1 < len(s.toks) {
		if _, e, ord, _ := s.dayOf(j + 1); e >= 0 && ord {
			if countedNouns[s.nextWordAt(e)] {
				v.layout = dlMonth // "since june the fifth day was the worst": the ordinal of a day of illness
				return v, i
			}
			j++ // "March the thirteenth"
		}
	}
	if d, e, ord, spoken := s.dayOf(j); e >= 0 && !(spoken && !ord) {
		v.layout, v.d, v.hasD, v.ord, v.spoken = dlMonthDY, d, true, ord, spoken
		v.pad = s.zeroLed(j)
		// Days of one month written as a range: "May 2-4", "March 3-5,
		// 2024" (not "May 2-4 mg").
		if h := e + 1; !spoken && h+1 < len(s.toks) && s.toks[h].punct('-') && s.toks[h].gap == gapNone && s.toks[h+1].gap == gapNone &&
			s.toks[h+1].digits() && s.toks[h+1].n() <= 2 && !s.unitAfter(h+1) {
			if d2, _ := s.num(h + 1); d2 > d && d2 <= 31 && (s.clauseEndAfter(h+1) || h+2 < len(s.toks) && s.toks[h+2].kind == tkPunct ||
				clauseWords[s.nextWordAt(h+1)]) {
				e = h + 1 // not "called in May 2-3 times"
			}
		}
		end := e
		k := e + 1
		if k < len(s.toks) && s.toks[k].punct(',') {
			k++
			v.comma = true
		}
		if k < len(s.toks) && s.toks[k].gap != gapLine {
			if y, ye, apos, _ := s.yearOf(k); ye >= 0 {
				v.y, v.hasY, v.apostropheYear = y, true, apos
				end = ye
			} else if yy, ye := s.spokenTwoDigitYear(k); spoken && ye >= 0 {
				// "march ninth fifty seven": a spoken day and a two-digit
				// spoken year, as people say a birth date.
				v.y, v.hasY, v.y2 = s.century(yy), true, true
				end = ye
			} else {
				v.comma = false
			}
		} else {
			v.comma = false
		}
		// A bare number after a month is a day only when it reads like one:
		// "May 5" yes, but not "March 3 times" after an abbreviation-free
		// month used as a verb; months are capitalized here, which is enough.
		return v, end
	}
	k := j
	if s.toks[k].punct(',') {
		k++
		v.comma = true
	} else if s.eq(k, "of") {
		k++
		v.of = true
	}
	if y, ye, apos, _ := s.yearOf(k); ye >= 0 && k < len(s.toks) && s.toks[k].gap != gapLine {
		v.layout, v.y, v.hasY, v.apostropheYear = dlMonthY, y, true, apos
		return v, ye
	}
	if yy, ye := s.spokenTwoDigitYear(k); v.of && ye >= 0 && s.toks[k].gap != gapLine {
		v.layout, v.y, v.hasY, v.y2 = dlMonthY, s.century(yy), true, true // "june of ninety eight"
		return v, ye
	}
	if k < len(s.toks) && s.toks[k].digits() && s.toks[k].n() == 2 && s.toks[k].gap == gapSpace && !v.comma && !v.of {
		if yy, _ := s.num(k); yy > 31 {
			if n := k + 1; n >= len(s.toks) || s.toks[n].kind == tkPunct || s.toks[n].gap == gapLine {
				v.layout, v.y, v.hasY, v.y2 = dlMonthY, s.century(yy), true, true // "Aug 83"
				return v, k
			}
		}
	}
	if abbr && !(s.toks[i].upper() && (!v.dot || s.abbrDotEndsSentence(i)) && s.monthCue(i) && s.monthAbbrEnds(i)) {
		return v, -1 // "in Dec)" is a month; "Mar" alone may be anything
	}
	v.layout, v.comma, v.of = dlMonth, false, false
	return v, i
}

// strongDateCueBefore: one of the words that date what follows them comes
// right before token i ("seen 11-4", "DOB 3-14"); unlike lxDateCue it leaves
// out "last", "next", "and", "from", which a range of counts follows too.
func (s *scan) strongDateCueBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct(':') {
		p = s.sameLinePrev(p)
	}
	if p < 0 {
		return false
	}
	switch s.lower(p) {
	case "seen", "on", "dated", "dos", "admitted", "discharged", "visit", "appt", "appointment", "dob", "born", "date":
		return true
	}
	return false
}

// commaYear: a comma at j and a year after it on the line ("November,
// 2023").
func (s *scan) commaYear(j int) bool {
	if !s.toks[j].punct(',') || j+1 >= len(s.toks) || s.toks[j+1].gap == gapLine {
		return false
	}
	_, e, _, _ := s.yearOf(j + 1)
	return e >= 0
}

// clauseEndsOrTurns: after token i the clause ends or goes on with a word
// that cannot follow the verb "may" ("in may right", "in may and").
func (s *scan) clauseEndsOrTurns(i int) bool {
	if s.clauseEndAfter(i) {
		return true
	}
	switch s.nextWordAt(i) {
	case "right", "and", "or", "so", "but", "last", "this", "next", "when", "i", "we", "he", "she", "they", "yeah",
		"then", "ok", "okay", "alright":
		return true
	}
	return false
}

// dayFirst: "4 March 1952", "4th of March", "the fourth of March",
// "04-Mar-1952".
func (s *scan) dayFirst(i int) (dateVal, int) {
	var v dateVal
	j := i
	if s.eq(j, "the") {
		v.the = true
		j++
	}
	d, e, ord, spoken := s.dayOf(j)
	if e < 0 || v.the && !ord {
		return v, -1
	}
	k := e + 1
	if k < len(s.toks) && s.toks[k].punct('-') && s.toks[k].gap == gapNone && !ord {
		// 04-Mar-1952
		if m, abbr := s.monthOf(k + 1); m > 0 && s.toks[k+1].gap == gapNone {
			if k+3 < len(s.toks) && s.toks[k+2].punct('-') && s.toks[k+2].gap == gapNone {
				if y, ye, _, _ := s.yearOf(k + 3); ye >= 0 {
					v.layout, v.d, v.m, v.y, v.hasD, v.hasY, v.sep, v.abbr = dlDayMonthY, d, m, y, true, true, '-', abbr
					v.pad = s.zeroLed(e)
					return v, ye
				}
				if yy := k + 3; s.toks[yy].digits() && s.toks[yy].n() == 2 && s.toks[yy].gap == gapNone {
					y, _ := s.num(yy)
					v.layout, v.d, v.m, v.y, v.hasD, v.hasY, v.sep, v.abbr, v.y2 = dlDayMonthY, d, m, s.century(y), true, true, '-', abbr, true
					return v, yy
				}
			}
			// "f/u 31-Jan": no year, the month capitalized and nothing
			// joined after it.
			if s.toks[k+1].upper() && !spoken && (k+2 >= len(s.toks) || s.toks[k+2].gap != gapNone || s.toks[k+2].punct('.') ||
				s.toks[k+2].punct(',') || s.toks[k+2].punct(';') || s.toks[k+2].punct(')')) {
				v.layout, v.d, v.m, v.hasD, v.sep, v.abbr = dlDayMonthY, d, m, true, '-', abbr
				v.pad = s.zeroLed(e)
				return v, k + 1
			}
		}
		return v, -1
	}
	if v.the && ord && k+1 < len(s.toks) && (s.eq(k, "or") || s.eq(k, "and")) && s.toks[k].gap == gapSpace {
		// "around the 3rd or 4th of last month": two days of one month.
		if _, e2, ord2, _ := s.dayOf(k + 1); e2 > k && ord2 && e2+3 < len(s.toks) && s.eq(e2+1, "of") &&
			(s.eq(e2+2, "this") || s.eq(e2+2, "last") || s.eq(e2+2, "next")) && s.eq(e2+3, "month") {
			v.layout, v.d, v.hasD, v.ord, v.spoken, v.of = dlDay, d, true, true, spoken, true
			return v, e2 + 3
		}
	}
	if v.the && ord && k < len(s.toks) && s.toks[k].gap == gapSpace && s.toks[k].letters() && !s.toks[k].upper() &&
		(clauseWords[s.lower(k)] || dayEndWords[s.lower(k)] || (dayClauseOpeners[s.lower(k)] || dayEndPastSecond[s.lower(k)]) && d > 2 ||
			// "on the 22nd again"; "on the third again" reads a chart's line.
			s.eq(k, "again") && (d > 12 || !spoken) ||
			// "on the thirtieth about four hours", "on the seventeenth
			// tuesday": past the twelfth no grade, floor or month is
			// counted, and a word of no noun follows.
			d > 12 && !s.toks[k].digits() && (functionWords[s.lower(k)] && !s.eq(k, "of") || s.toks[k].is(lxWeekday) ||
				(s.eq(k, "about") || s.eq(k, "around")) && s.next(k) > 0 && (s.toks[s.next(k)].is(lxDigitWord|lxTeenWord|lxTensWord) ||
					s.toks[s.next(k)].digits() || s.eq(s.next(k), "noon") || s.eq(s.next(k), "midnight"))) ||
			i > 0 && s.toks[i-1].letters() && s.toks[i-1].is(lxWeekday) && !s.toks[k].is(lxMonth) && !countedNouns[s.lower(k)]) {
		if s.ordinalPairOfNoun(k) {
			return v, -1 // "on the second and third day": ordinals of the day, not days of a month
		}
		v.layout, v.d, v.hasD, v.ord, v.spoken = dlDay, d, true, true, spoken
		return v, e // "on the 3rd after a fall", "from the 22nd to"
	}
	if k < len(s.toks) && s.eq(k, "of") {
		v.of = true
		k++
		// "the second of this month", "the 3rd of last month".
		if v.the && ord && k+1 < len(s.toks) && (s.eq(k, "this") || s.eq(k, "last") || s.eq(k, "next")) && s.eq(k+1, "month") {
			v.layout, v.d, v.hasD, v.ord, v.spoken = dlDay, d, true, true, spoken
			return v, k + 1
		}
	}
	// "due Friday 5th.", "Mon 3rd,": a weekday before a day in figures.
	// (From the 4th: "Monday 1st, Wednesday 2nd" rank days or doses.)
	if !v.the && ord && !spoken && !v.of && d >= 4 && i > 0 && s.toks[i-1].letters() && s.toks[i-1].is(lxWeekday) && s.toks[i].gap == gapSpace &&
		(k >= len(s.toks) || s.toks[k].kind == tkPunct || s.toks[k].gap == gapLine) {
		v.layout, v.d, v.hasD, v.ord = dlDay, d, true, true
		return v, e
	}
	if k >= len(s.toks) || s.toks[k].gap == gapLine || s.toks[k].gap == gapNone || !v.of && s.toks[k].kind == tkPunct {
		if v.the && ord && !v.of && (k >= len(s.toks) || s.toks[k].kind == tkPunct || s.toks[k].gap == gapLine ||
			s.toks[k].letters() && (clauseWords[s.lower(k)] || dayEndWords[s.lower(k)]) && !s.toks[k].upper()) {
			v.layout, v.d, v.hasD, v.ord, v.spoken = dlDay, d, true, true, spoken
			return v, e // "the 3rd." - a cue before decides
		}
		return v, -1
	}
	m, abbr := s.monthOf(k)
	if m == 0 || (!ord && !v.of && s.toks[e].digits() && abbr && false) {
		return v, -1
	}
	v.layout, v.d, v.m, v.hasD, v.ord, v.spoken, v.abbr = dlDayMonthY, d, m, true, ord, spoken, abbr
	v.pad = s.zeroLed(e)
	end := k
	// An abbreviation's dot ("4 Nov. 2024"); after a month written out
	// the dot ends the sentence ("on 3 March. She is well").
	if abbr && k+1 < len(s.toks) && s.toks[k+1].punct('.') && s.toks[k+1].gap == gapNone {
		v.dot = true
		end = k + 1
	}
	y0 := end + 1
	if y0 < len(s.toks) && s.toks[y0].punct(',') {
		y0++
		v.comma = true
	}
	if y0 < len(s.toks) && s.toks[y0].gap != gapLine {
		if y, ye, apos, _ := s.yearOf(y0); ye >= 0 {
			v.y, v.hasY, v.apostropheYear = y, true, apos
			return v, ye
		}
		// "first january eighty", "twenty fourth august sixty two": a
		// spoken day and a two-digit spoken year, as people say a birth
		// date; after "of" only where the clause ends with it ("the
		// fourth of july sixty people came" counts people).
		if yy, ye := s.spokenTwoDigitYear(y0); spoken && ord && ye >= 0 && (!v.of || s.clauseEndAfter(ye)) {
			v.y, v.hasY, v.y2 = s.century(yy), true, true
			return v, ye
		}
	}
	v.comma = false
	return v, end
}

// compactDate: "04MAR1952", "4Mar52".
func (s *scan) compactDate(i int) (dateVal, int) {
	var v dateVal
	x := s.str(i)
	n := 0
	for n < len(x) && x[n] >= '0' && x[n] <= '9' {
		n++
	}
	if n < 1 || n > 2 || len(x) < n+3+2 {
		return v, -1
	}
	mon := strings.ToLower(x[n : n+3])
	m := 0
	for k, name := range monthNames {
		if name[:3] == mon {
			m = k + 1
		}
	}
	rest := x[n+3:]
	if m == 0 || !(len(rest) == 2 || len(rest) == 4) || !isDigitsFrom(rest) {
		return v, -1
	}
	d := 0
	for _, c := range x[:n] {
		d = d*10 + int(c-'0')
	}
	y := 0
	for _, c := range rest {
		y = y*10 + int(c-'0')
	}
	if d < 1 || d > 31 {
		return v, -1
	}
	v.layout, v.d, v.m, v.hasD, v.hasY, v.pad, v.upper = dlCompact, d, m, true, true, x[0] == '0' || n == 2 && d >= 10, x[n+1] >= 'A' && x[n+1] <= 'Z'
	if len(rest) == 2 {
		v.y, v.y2 = s.century(y), true
	} else {
		v.y = y
	}
	return v, i
}

// partOfDayNouns before "of the 14th" make the ordinal a day of the month
// ("the night of the 14th", "the weekend of the ninth"); "the top of the
// ninth" (an inning) is none of them.
var partOfDayNouns = map[string]bool{"night": true, "morning": true, "evening": true, "afternoon": true,
	"weekend": true, "week": true, "day": true}

// datedNouns are asked the date or have one: before "is the third" they
// make the ordinal a day of the month.
var datedNouns = map[string]bool{"date": true, "day": true, "birthday": true, "birthday's": true, "born": true,
	"appointment": true, "appointment's": true, "surgery": true, "period": true, "procedure": true, "visit": true,
	"due": true, "scheduled": true, "colonoscopy": true, "operation": true, "induction": true, "mri": true,
	"biopsy": true, "follow-up": true, "followup": true, "infusion": true, "anniversary": true}

// ordinalPairOfNoun: at token k, after an ordinal, "and", "or" or a word of
// a range and another ordinal that a noun follows ("the second and third
// day", "the 3rd or 4th floor", "from the 1st through the 3rd
// trimester"): both are ordinals of that noun.
func (s *scan) ordinalPairOfNoun(k int) bool {
	if !s.eq(k, "and") && !s.eq(k, "or") && !s.eq(k, "through") && !s.eq(k, "thru") && !s.eq(k, "till") && !s.eq(k, "til") &&
		!s.eq(k, "to") {
		return false
	}
	j := s.next(k)
	if j > 0 && s.eq(j, "the") {
		j = s.next(j)
	}
	if j < 0 {
		return false
	}
	_, e, ord, _ := s.dayOf(j)
	if e < 0 || !ord {
		return false
	}
	n := s.next(e)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() {
		return false
	}
	w := s.lower(n)
	if m, _ := s.monthOf(n); m > 0 || w == "of" || clauseWords[w] || dayEndWords[w] {
		return false
	}
	return true
}

// dayClauseOpeners begin the clause a day of the month ends: "on the
// twelfth a forklift ran over my foot", "on the fourth my daughter called"
// (not after "first" and "second", which also mean a moment: "the second
// a nurse came in").
var dayClauseOpeners = wordsOf("a an my his her our their your it it's you")

// dayEndWords after "the" and an ordinal end the day of a month where a
// noun would make it the ordinal of something else ("the scan from the
// eleventh shows", "it's the fourth no the fifth", "the thirtieth i'll be
// fifty three", "from the 14th through the 21st"; not "the fourth floor").
// A cue before still decides.
var dayEndWords = map[string]bool{"shows": true, "showed": true, "show": true, "was": true, "is": true, "were": true,
	"looked": true, "looks": true, "came": true, "said": true, "says": true, "no": true, "yes": true, "right": true,
	"i": true, "i'll": true, "i'm": true, "i'd": true, "we": true, "we'll": true, "we're": true, "she": true, "he": true,
	"she'll": true, "he'll": true, "they": true, "then": true, "so": true, "or": true, "too": true, "already": true,
	"maybe": true, "probably": true, "um": true, "uh": true, "because": true, "cause": true, "cuz": true, "while": true,
	"yeah": true, "yep": true, "yup": true, "ok": true, "okay": true, "actually": true, "through": true, "thru": true,
	"it": true, "it's": true,
	"till": true, "til": true, "anyway": true, "anyways": true, "instead": true}

// dayEndPastSecond end a day's clause from the third on ("on the
// fourteenth which is stage three", "back on the tenth if the foot is
// better", "born on the fourth same as the country", "the twelfth
// works"); after "first" and "second" they rank things ("on the second
// which is the smaller lesion", "wait for the first if the second is
// not available").
var dayEndPastSecond = wordsOf("which if unless same works")

// countedNouns after an ordinal make it the ordinal of something counted,
// not a day of a month ("the third one", "the fifth day", "the second
// dose").
var countedNouns = wordsOf("one ones time times day days week weeks dose doses round rounds floor grade try attempt visit cycle " +
	"session baby child kid surgery shot finger toe pill pills tablet person people nurse thing night nights injection test " +
	"opinion quarter month months trimester")

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	"thirtieth": 30}

var unitWords = map[string]int{"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9}

var teenWords = map[string]int{"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}

var tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90}

// twoDigitWords reads "fifty two", "fifty-two", "twelve", "oh five" at i as a
// number below 100.
func (s *scan) twoDigitWords(i int) (v, end int) {
	t := s.tok(i)
	if t == nil || !t.letters() {
		return 0, -1
	}
	w := s.lower(i)
	if t.lex&(lxTeenWord|lxTensWord) == 0 && w != "oh" && w != "o" {
		return 0, -1 // the lexicon flags every teen and tens word
	}
	if x, ok := teenWords[w]; ok {
		return x, i
	}
	if x, ok := tensWords[w]; ok {
		k := s.next(i)
		if k > 0 && s.toks[k].punct('-') && s.toks[k].gap == gapNone {
			k = s.adj(k)
		}
		if k > 0 {
			if u, ok := unitWords[s.lower(k)]; ok && u > 0 && !s.eq(k, "oh") {
				return x + u, k
			}
		}
		return x, i
	}
	if w == "oh" || w == "o" {
		if k := s.next(i); k > 0 {
			if u, ok := unitWords[s.lower(k)]; ok && u > 0 {
				return u, k
			}
		}
	}
	return 0, -1
}

// spokenTwoDigitYear reads a year said in two digits ("fifty seven",
// "oh four", "twenty one") and returns it with its last token.
func (s *scan) spokenTwoDigitYear(i int) (int, int) {
	if i < 0 || i >= len(s.toks) || !s.toks[i].letters() {
		return 0, -1
	}
	if s.eq(i, "oh") {
		if n := s.next(i); n > 0 && unitWords[s.lower(n)] > 0 {
			return unitWords[s.lower(n)], n
		}
		return 0, -1
	}
	if v, e := s.twoDigitWords(i); e >= 0 && v >= 20 {
		return v, e
	}
	return 0, -1
}

// spokenYear: "nineteen fifty two", "nineteen oh five", "nineteen hundred",
// "two thousand three", "two thousand and twelve", "twenty twelve".
func (s *scan) spokenYear(i int) (int, int) {
	t := s.tok(i)
	if t == nil || !t.letters() {
		return 0, -1
	}
	w := s.lower(i)
	if w == "two" {
		k := s.next(i)
		if k > 0 && s.eq(k, "thousand") {
			e := k
			n := s.next(k)
			if n > 0 && s.eq(n, "and") {
				n = s.next(n)
			}
			if n > 0 {
				if v, ve := s.twoDigitWords(n); ve >= 0 {
					return 2000 + v, ve
				}
				if u, ok := unitWords[s.lower(n)]; ok && u > 0 {
					return 2000 + u, n
				}
			}
			return 2000, e
		}
		return 0, -1
	}
	hi := 0
	if x, ok := teenWords[w]; ok && x >= 18 {
		hi = x
	} else if w == "twenty" {
		hi = 20
	} else {
		return 0, -1
	}
	k := s.next(i)
	if k < 0 {
		return 0, -1
	}
	if s.eq(k, "hundred") {
		return hi * 100, k
	}
	if v, ve := s.twoDigitWords(k); ve >= 0 && (hi != 20 || v >= 10 || s.eq(k, "oh")) {
		return hi*100 + v, ve
	}
	return 0, -1
}

// parseDateString parses a whole string as one date.
func parseDateString(x string, year int) (dateVal, bool) {
	s := &scan{text: x, low: asciiLower(x), year: year, oneDate: true}
	s.toks = tokenize(x, nil)
	if len(s.toks) == 0 {
		return dateVal{}, false
	}
	start := 0
	if s.eq(0, "the") && len(s.toks) > 1 {
		start = 0
	}
	v, end := s.dateAt(start)
	if end != len(s.toks)-1 {
		return v, false
	}
	return v, true
}

// mdAfterEvent: a bare m/d right after what happens on a day to a patient
// or a record ("admitted 2/8 with fever", "utilities shut off 4/11", "last
// filled 3/2"); not a fraction of a dose ("given 1/2 tab", "3/4 of the
// dose").
func (s *scan) mdAfterEvent(i, end int, v dateVal) bool {
	if v.m < v.d && (v.d == 2 || v.d == 3 || v.d == 4 || v.d == 8) {
		return false
	}
	if n := s.next(end); n > 0 && s.toks[n].letters() && fractionUnits[s.lower(n)] && (fractionShape(v.m, v.d) || !s.inPreposition(n)) {
		return false
	}
	k := s.wordBeforeDate(i)
	if n := s.next(end); k >= 0 && plannedEvents[s.lower(k)] && n > 0 && s.toks[n].letters() &&
		(countWordsAfter[s.lower(n)] || countedAfterTest[s.lower(n)] || plannedCounts[s.lower(n)]) {
		return false // "PT completion 8/12 visits", "completion 9/10 sessions"
	}
	if k < 0 || !s.toks[k].letters() {
		return false
	}
	if shortEvents[s.lower(k)] {
		// A sign-out's shortened event dates only a field closed after
		// it ("adm 11/30  dc 12/4"): "adm 2/2 dka" (secondary to), "dc
		// 2/6 murmur" (a grade) are no dates.
		n := s.next(end)
		return n < 0 || s.toks[n].kind == tkPunct && !s.toks[n].punct('/') || s.wideGap(n) || s.toks[n].letters() && shortEvents[s.lower(n)] ||
			(s.eq(n, "to") || s.eq(n, "from")) && s.next(n) > 0 && s.toks[s.next(n)].capWord() // "adm 12/1 to Dartmouth"
	}
	if eventWords[s.lower(k)] || s.testDatedAt(k, end, v) {
		return true
	}
	// A visit to a site and its day, the clause going on: "Kings County
	// ED 12/1 with HTN urgency", "seen again in clinic 12/3 (East New
	// York Health Hub)".
	if visitSites[s.lower(k)] && v.d != 10 { // "ED 8/10 with movement": a score
		n := s.next(end)
		return n < 0 || s.toks[n].punct(',') || s.toks[n].punct(';') || s.toks[n].punct('(') || s.eq(n, "with") || s.eq(n, "for")
	}
	// A site between the test and its date: "MRI brain 10/5", "CT A/P
	// 11/9"; a measure there ("PET SUV 12/4", "Cath RA 10/5", "MRI T
	// 11/12") is what the numbers are.
	if k >= 2 && s.toks[k-1].punct('/') && s.toks[k-1].gap == gapNone && s.toks[k].gap == gapNone && s.eq(k-2, "a") && s.eq(k, "p") {
		k -= 2 // "A/P"
	} else if !testSites[s.lower(k)] {
		return false
	}
	p := s.sameLinePrev(k)
	return p >= 0 && s.toks[p].letters() && s.testDatedAt(p, end, v)
}

// mdInParens: a month/day alone in parentheses after the event, test,
// post-operative day, holiday or count of days it dates ("POD#1 (1/15)",
// "Labor Day (9/2)", "in 7 days (3/8)"); a share, a grade, a trend or a
// count stays ("strength (4/5)", "(1/2)", "Murmur grade (2/6)",
// "Platelets trend (9/6)", "Cores positive (8/12)", "(2/1) ratio").
func (s *scan) mdInParens(i, end int, v dateVal) bool {
	// "(bee sting, 12/2)": an event named in the parentheses, a comma,
	// then its day.
	if i >= 4 && end+1 < len(s.toks) && s.toks[i-1].punct(',') && s.toks[end+1].punct(')') && s.toks[end+1].gap == gapNone &&
		s.toks[i-2].letters() && parenEventNouns[s.lower(i-2)] && (s.toks[i-3].punct('(') || s.toks[i-4].punct('(')) {
		return true
	}
	if i < 2 || end+1 >= len(s.toks) || !s.toks[i-1].punct('(') || !s.toks[end+1].punct(')') || s.toks[i].gap != gapNone ||
		s.toks[end+1].gap != gapNone {
		return false
	}
	if v.m < v.d && v.d <= 5 || v.m == v.d && v.m <= 5 || v.d == 10 {
		return false
	}
	if n := s.next(end + 1); n > 0 && s.toks[n].letters() && (countedAfterTest[s.lower(n)] || fractionUnits[s.lower(n)] ||
		s.toks[n].is(lxUnitWord) || countWordsAfter[s.lower(n)]) {
		return false // "(2/1) ratio", "(6/12) cores", "(7/12) hours"
	}
	p := s.sameLinePrev(i - 1)
	if p < 0 || s.ratioNear(i) {
		return false
	}
	// "H. pylori breath test (12/5) positive": a test, its day, its result.
	if n := s.next(end + 1); n > 0 && s.toks[n].letters() && parenResultWords[s.lower(n)] && s.toks[p].letters() &&
		(s.eq(p, "test") || testWord(s.lower(p))) {
		return true
	}
	// What the parentheses date: an event or a test ("Vaccinated (5/9)",
	// "EGD (10/5)"), a post-operative day ("POD#1 (1/15)"), a holiday
	// ("Labor Day (9/2)"), days from now ("in 7 days (3/8)").
	w := s.lower(p)
	switch {
	case s.toks[p].letters():
		return eventWords[w] || testWord(w) || parenResultWords[w] && s.resultOfTest(p) || w == "day" || w == "eve" || w == "days" || w == "weeks" ||
			w == "today" || w == "tomorrow" || w == "yesterday"

	case s.toks[p].digits():
		return p >= 2 && s.toks[p-1].punct('#') && s.toks[p-2].letters() // "POD#1", "HD#2", "PPD#1"
	}
	return false
}

// resultOfTest: the result word at p follows a test's acronym or name
// ("GBS neg (11/20)"), not a count's noun ("Cores positive (8/12)").
func (s *scan) resultOfTest(p int) bool {
	q := s.sameLinePrev(p)
	return q >= 0 && s.toks[q].letters() && (s.toks[q].allUpper() && s.toks[q].n() >= 2 || testWord(s.lower(q)))
}

// visitSites are sites a visit is dated at: "ED 12/1 with", "clinic 12/3
// (".
var visitSites = wordsOf("ed er clinic")

// parenResultWords say a test's result before its day in parentheses
// ("GBS neg (11/20)") or after them ("breath test (12/5) positive").
var parenResultWords = wordsOf("neg pos negative positive")

// parenEventNouns name an event before a comma and its day in
// parentheses: "(bee sting, 12/2)", "(fall, 11/28)".
var parenEventNouns = wordsOf("sting bite fall injury accident exposure mvc mva crash burn")

// countWordsAfter follow a share in parentheses: "(7/12) hours", "(5/6)
// items".
var countWordsAfter = wordsOf("items hours days weeks months times sessions visits laps ribs episodes drinks criteria")

// testDatedAt: token k names a test or procedure that the bare m/d ending
// at end dates ("EGD 10/5", "IR drain 10/5", "s/p TAVR 12/4"): one of
// procedureWords or datedTestAcronyms, with the month above a day of
// twelve or less (a day above twelve is mdDayOnly's; "Biopsy 1/5 cores",
// "Cath 3/3 grafts", "TIMI 2/7" are counts, shares and scores), and no
// word of a count or a measure after it ("Biopsy 12/4 cores", "CT 12/4
// HU", "Chemo 5/1 schedule", "Transfusion 2/1 ratio").
func (s *scan) testDatedAt(k, end int, v dateVal) bool {
	if !testWord(s.lower(k)) || v.m <= v.d || v.d > 12 {
		return false
	}
	if k > 0 && s.toks[k-1].punct('/') && s.toks[k].gap == gapNone {
		return false // two values of two labs: "ESR/CRP 12/5"
	}
	n := s.next(end)
	return n < 0 || !s.toks[n].letters() || !countedAfterTest[s.lower(n)]
}

// testWord: w names a test or a procedure a bare m/d after it dates.
func testWord(w string) bool { return procedureWords[w] || datedTestAcronyms[w] }

// datedTestAcronyms are procedures and tests written in capitals that a
// bare m/d after dates ("ORIF 11/3", "TAVR 12/4"); paired readings written
// so ("IOP 12/10", "BPAP 12/5", "NPH 10/6", lab values) are not among them.
var datedTestAcronyms = wordsOf("orif tavr tavi savr mvr avr cabg pci ptca egd ercp eus mrcp tee tte mri mra cta ctv ct " +
	"pet ekg ecg eeg emg ncs cxr kub dexa spect hida vcug lp ir picc vats turp turbt tka tha acdf lvad icd ppm " +
	"ep ivc ett trach peg g-tube tips ablation ogd")

// testSites stand between a test and its date: the body part it looked at.
var testSites = wordsOf("brain head chest abdomen abd pelvis neck knee shoulder hip ankle wrist foot hand elbow " +
	"renal liver thyroid cardiac carotid abdominal leg arm breast sinus sinuses spine")

// countedAfterTest follow numbers that count or measure what a test found:
// "Biopsy 12/4 cores", "CT 12/4 HU", "Chemo 5/1 schedule".
var countedAfterTest = wordsOf("cores core samples sample polyps polyp biopsies grafts graft stents stent stones stone " +
	"nodes node lesions lesion cycles cycle schedule ratio leads lead views view system montage hu hounsfield suv " +
	"murmur cells disc level levels units doses abnormal amplitude mesh fragments specimens vessels")

// eventWords happen to a patient or a record on a day.
var eventWords = map[string]bool{"admitted": true, "readmitted": true, "discharged": true, "transferred": true,
	"seen": true, "started": true, "stopped": true, "held": true, "resumed": true, "restarted": true, "off": true,
	"drawn": true, "collected": true, "obtained": true, "done": true, "performed": true, "placed": true,
	"removed": true, "inserted": true, "filled": true, "refilled": true, "faxed": true, "mailed": true,
	"dated": true, "scheduled": true, "rescheduled": true, "cancelled": true, "canceled": true, "presented": true,
	"arrived": true, "died": true, "expired": true, "delivered": true, "injured": true, "fell": true, "visited": true,
	"called": true, "effective": true, "updated": true, "reviewed": true, "signed": true,
	// custody, injury and exposure: "arrested 12/02 by", "bitten 6/3".
	"arrested": true, "booked": true, "released": true, "paroled": true, "bitten": true, "stung": true,
	"exposed": true, "vaccinated": true, "immunized": true, "implanted": true, "extracted": true,
	"enrolled": true, "consented": true, "intubated": true, "extubated": true, "biopsied": true,
	// what is planned for a day: "recheck 12/8", "RCT completion 12/2".
	"recheck": true, "rechecked": true, "completion": true}

// plannedEvents are the eventWords of a plan, which count what is done too
// ("completion 9/10 sessions"); plannedCounts are what they count.
var plannedEvents = wordsOf("recheck rechecked completion")

var plannedCounts = wordsOf("cycles doses injections treatments fractions infusions courses sessions visits classes")

// shortEvents are eventWords as sign-outs and summaries shorten them ("adm
// 11/30  dc 12/4").
var shortEvents = map[string]bool{"adm": true, "admit": true, "dc": true, "dc'd": true, "dcd": true, "disch": true, "readm": true}

// inPreposition: "in" at n is the preposition, not inches: a word follows
// that is no measure ("seen 11/22 in clinic", not "a 3/4 in laceration").
func (s *scan) inPreposition(n int) bool {
	m := s.next(n)
	return s.eq(n, "in") && m > 0 && s.toks[m].letters() && s.toks[m].gap == gapSpace && !inchWords[s.lower(m)]
}

// fractionShape: a month/day that reads as a fraction of a dose or a
// length, its first number below a second of twelve or less ("1/2 in the
// morning", "3/4 in of packing"): "in" after it stays a unit's or a dose's.
func fractionShape(m, d int) bool { return m < d && d <= 12 }

// inchWords follow a length in inches.
var inchWords = wordsOf("long wide deep diameter length width depth x by incision laceration cut wound lac tall high thick " +
	"of segment segments divided")

// fractionUnits follow a fraction of a dose or an amount.
var fractionUnits = map[string]bool{"tab": true, "tabs": true, "tablet": true, "tablets": true, "cup": true, "cups": true,
	"dose": true, "doses": true, "of": true, "strength": true, "pill": true, "pills": true, "ml": true, "mg": true,
	"l": true, "inch": true, "in": true, "cm": true, "mile": true, "miles": true, "hour": true, "hours": true}

// timeBefore: a clock time or a shift right before a bare m/d ("19:00
// 11/8", "NURSING NOTE 0700-1900 3/22").
func (s *scan) timeBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 2 || !s.toks[p].digits() || s.toks[i].gap != gapSpace {
		return false
	}
	if s.toks[p].n() == 2 && s.toks[p-1].punct(':') && s.toks[p-1].gap == gapNone && s.toks[p-2].digits() && s.toks[p-2].n() <= 2 {
		return true
	}
	return s.toks[p].n() == 4 && s.toks[p-1].punct('-') && s.toks[p-1].gap == gapNone && s.toks[p-2].digits() && s.toks[p-2].n() == 4
}

// foreignDate: dates written the way Spanish, Portuguese, French and
// Italian letters write them, and with the month in Roman numerals: "12 de
// marzo de 2025", "3 mars 2024", "5 de maio", "3/IX/2019", "14.III.2021".
// Found as dates; the surrogate writer, which cannot shift them in kind,
// writes a replacement of the same shape (as for any date it cannot parse).
func (s *scan) foreignDate(i int) bool {
	d, _ := s.num(i)
	if d < 1 || d > 31 {
		return false
	}
	// Roman month between separators.
	if k := s.adj(i); k > 0 && (s.toks[k].punct('/') || s.toks[k].punct('.') || s.toks[k].punct('-')) {
		r := s.adj(k)
		if r < 0 || !s.toks[r].letters() || !s.toks[r].allUpper() || romanMonths[s.str(r)] == 0 {
			return false
		}
		end := r
		if c := s.adj(r); c > 0 && s.toks[c].punct(s.toks[k].ch) {
			if y := s.adj(c); y > 0 && s.toks[y].digits() && (s.toks[y].n() == 4 || s.toks[y].n() == 2) {
				end = y
			}
		}
		if end == r {
			return false // "3/IV" alone may be a grade or a stage
		}
		s.addTok(i, end, Date, prShape)
		return true
	}
	j := s.next(i)
	if j < 0 {
		return false
	}
	if s.eq(j, "de") {
		j = s.next(j)
	}
	if j < 0 || !s.toks[j].letters() || !foreignMonths[s.lowerAny(j)] {
		return false
	}
	end := j
	y := s.next(j)
	if y > 0 && (s.eq(y, "de") || s.eq(y, "del")) {
		y = s.next(y)
	}
	if y > 0 && s.toks[y].digits() && s.toks[y].n() == 4 {
		end = y
	}
	if end == j {
		switch s.lowerAny(j) {
		case "mai", "mars", "marco":
			return false // "2 mai tais", "3 mars bars": the month needs its year
		}
	}
	s.addTok(i, end, Date, prShape)
	s.firstDayOfRange(i)
	return true
}

// foreignMonths are month names in Spanish, Portuguese, French and Italian
// that are no English word.
var foreignMonths = map[string]bool{"enero": true, "febrero": true, "marzo": true, "abril": true, "mayo": true,
	"junio": true, "julio": true, "agosto": true, "septiembre": true, "setiembre": true, "octubre": true,
	"noviembre": true, "diciembre": true, "janeiro": true, "fevereiro": true, "março": true, "marco": true,
	"maio": true, "junho": true, "julho": true, "setembro": true, "outubro": true, "novembro": true,
	"dezembro": true, "janvier": true, "février": true, "fevrier": true, "mars": true, "avril": true, "mai": true,
	"juin": true, "juillet": true, "août": true, "aout": true, "septembre": true, "octobre": true,
	"novembre": true, "décembre": true, "decembre": true, "gennaio": true, "febbraio": true, "aprile": true,
	"maggio": true, "giugno": true, "luglio": true, "settembre": true, "ottobre": true, "dicembre": true}

// spokenSpanishDate: a date said in Spanish, in a transcript's lower case:
// a day in words, "de" and a month ("treinta de julio", "el cinco de mayo
// de mil novecientos sesenta"), a month and a day in words ("julio treinta
// cincuenta y ocho", the year said in two words after it), a month after
// an English ordinal and "of" ("the fifteenth of agosto") or after a
// preposition of time ("in diciembre"). i is a day word or a month.
func (s *scan) spokenSpanishDate(i int) bool {
	w := s.lower(i)
	if spanishDays[w] {
		// "treinta de julio", "primero de mayo".
		d := s.next(i)
		m := s.next(d)
		if d < 0 || m < 0 || !s.eq(d, "de") || !s.spanishMonthAt(m) {
			return false
		}
		// "a cinco de mayo party", "the cinco de mayo restaurant": the
		// feast's name before a noun, no day of the person's.
		if pw := s.prevWordAt(i, 1); pw == "a" || pw == "the" || holidayThings[s.nextWordAt(m)] {
			return false
		}
		st := i
		// "veinte y uno de marzo": the day's first word.
		if y := s.sameLinePrev(i); y >= 0 && s.eq(y, "y") {
			if t := s.sameLinePrev(y); t >= 0 && (s.eq(t, "veinte") || s.eq(t, "treinta")) {
				st = t
			}
		}
		s.addTok(st, s.spanishYearAfter(m, true), Date, prCue)
		return true
	}
	if !s.spanishMonthAt(i) {
		return false
	}
	// "julio treinta", "agosto quince de dos mil diez".
	if d := s.next(i); d > 0 && s.toks[d].gap == gapSpace && s.toks[d].letters() && spanishDays[s.lower(d)] {
		end := d
		// "veinte y uno", "treinta y uno": the day's second word.
		if y := s.next(d); y > 0 && s.eq(y, "y") && s.next(y) > 0 && spanishDays[s.lower(s.next(y))] && (s.eq(d, "veinte") || s.eq(d, "treinta")) {
			end = s.next(y)
		}
		s.addTok(i, s.spanishYearAfter(end, true), Date, prCue)
		return true
	}
	// "the fifteenth of agosto", "in diciembre", "en marzo".
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	st := i
	switch pw := s.lower(p); {
	case pw == "of" || pw == "de":
		q := s.sameLinePrev(p)
		if q < 0 || !s.toks[q].letters() || !s.toks[q].is(lxOrdWord) && !spanishDays[s.lower(q)] {
			return false
		}
		st = q
		if r := s.sameLinePrev(q); r >= 0 && s.eq(r, "the") {
			st = r
		}
		if pw := s.prevWordAt(q, 1); spanishDays[s.lower(q)] && (pw == "a" || pw == "the") || holidayThings[s.nextWordAt(i)] {
			return false // "a cinco de mayo party"
		}
	case pw == "in" || pw == "en" || pw == "since" || pw == "desde" || pw == "until" || pw == "hasta" || pw == "last" || pw == "next":
	default:
		return false
	}
	s.addTok(st, s.spanishYearAfter(i, true), Date, prCue)
	return true
}

// spanishMonthAt: token m is a Spanish or Portuguese month no English word
// spells ("mayo", "julio", not "mai" or "mars").
func (s *scan) spanishMonthAt(m int) bool {
	if !s.toks[m].letters() || !foreignMonths[s.lowerAny(m)] {
		return false
	}
	switch s.lowerAny(m) {
	case "mai", "mars", "marco":
		return false
	}
	return true
}

// spanishYearAfter returns the last token of a year said after the month
// (or the day) at m, or m: "de mil novecientos cincuenta y ocho", "del dos
// mil diez", "de 1958", and, with bare, "cincuenta y ocho" said right
// after it.
func (s *scan) spanishYearAfter(m int, bare bool) int {
	k := s.next(m)
	if k < 0 || s.toks[k].gap == gapLine {
		return m
	}
	if s.eq(k, "de") || s.eq(k, "del") {
		k = s.next(k)
		if k > 0 && s.toks[k].digits() && s.toks[k].n() == 4 {
			return k
		}
	} else if !bare {
		return m
	}
	end := m
	for n := 0; k > 0 && n < 7 && s.toks[k].gap == gapSpace && s.toks[k].letters() && (spanishYearWord(s.lower(k)) || s.eq(k, "y") && end > m); n++ {
		if !s.eq(k, "y") {
			end = k
		}
		k = s.next(k)
	}
	if end > m && !s.eq(end, "mil") && (s.eq(s.next(m), "de") || s.eq(s.next(m), "del") || spanishYearWord(s.lower(s.next(m)))) {
		return end
	}
	return m
}

// spanishDays are the days of a month said in Spanish: the units (with
// spanishAgeOver89's) and the rest.
var spanishDays = withWords(spanishUnits, "primero", "diez", "once", "doce", "trece", "catorce", "quince",
	"dieciseis", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidos", "veintidós",
	"veintitres", "veintitrés", "veinticuatro", "veinticinco", "veintiseis", "veintiséis", "veintisiete", "veintiocho",
	"veintinueve", "treinta")

// spanishYearWords say a year in Spanish beside the day's numbers ("mil
// novecientos cincuenta y ocho", "dos mil diez", "cincuenta y ocho").
var spanishYearWords = wordsOf("mil novecientos ochocientos cuarenta cincuenta sesenta setenta ochenta noventa un")

// spanishYearWord: w is said in a Spanish year.
func spanishYearWord(w string) bool { return spanishYearWords[w] || spanishDays[w] }

// romanMonths are the months in Roman numerals.
var romanMonths = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
	"X": 10, "XI": 11, "XII": 12}

// mdDayOnly: a bare m/d whose second number can only be a day ("comfort
// care 1/28", "Cr 2.9 (10/30)", "to come 3/31"): 13 to 31, after no number
// or measure, where scores out of 15, 20, 21, 24, 25, 27 or 30 are not
// written ("GCS 3/15", "MoCA 9/30", "PHQ-9 5/27" stay, through ratioNear and
// the word before).
func (s *scan) mdDayOnly(i, end int, v dateVal) bool {
	if v.d < 13 || v.d > 31 || v.m < 1 || v.m > 12 {
		return false
	}
	if p := s.sameLinePrev(i); p >= 0 && (s.toks[p].digits() || s.toks[p].punct('/') || s.toks[p].punct('-') && s.toks[i].gap == gapNone ||
		s.toks[p].word() && s.toks[p].allUpper() && s.toks[p].shape&shDigit != 0) {
		return false // "0700-1900 3/22" is read elsewhere; "PHQ9 5/27"
	}
	switch v.d {
	case 15, 20, 21, 24, 25, 27, 30:
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if s.toks[k+1].gap == gapLine {
				break
			}
			if s.toks[k].word() && (s.toks[k].allUpper() && s.toks[k].n() >= 3 || scoreWords[s.lower(k)]) {
				return false // "GCS 3/15", "MoCA 9/30", "score 14/21"
			}
		}
	}
	if n := s.next(end); n > 0 && (s.toks[n].punct('%') || s.eq(n, "points") || s.eq(n, "pts") || s.eq(n, "score") || s.eq(n, "correct")) {
		return false
	}
	return true
}

// scoreWords announce a score out of a total.
var scoreWords = map[string]bool{"score": true, "scored": true, "scores": true, "scale": true, "gcs": true, "mmse": true,
	"moca": true, "phq": true, "gad": true, "slums": true, "recall": true, "total": true, "out": true, "of": true,
	"correct": true, "items": true, "points": true, "audit": true, "dast": true, "epds": true, "bims": true}

// dateTimes extends a date over the time of day written right after it, so
// that a time stamp leaves whole ("Collected: 2026-11-30 07:42", "Admitted
// 3/4/2025 14:05", "2026-11-30T07:42:10Z"): hours and minutes, seconds,
// a fraction, "am"/"pm" and a zone letter. Only a time joined to the date
// by one space or a "T" counts; "at 07:42" is a time of its own.
func (s *scan) dateTimes(spans []Span) []Span {
	for k := range spans {
		sp := &spans[k]
		if sp.Type != Date {
			continue
		}
		limit := len(s.text)
		if k+1 < len(spans) {
			limit = spans[k+1].Start
		}
		if e := timeAfter(s.text[:limit], sp.End); e > sp.End {
			sp.End = e
		}
	}
	return spans
}

// timeAfter returns the end of a time of day that starts at text[i] after
// one separator (a space or "T", or ":" going on with seconds the date
// already took in part), or i.
func timeAfter(text string, i int) int {
	digit := func(j int) bool { return j < len(text) && text[j] >= '0' && text[j] <= '9' }
	j := i
	if j < len(text) && text[j] == ':' && digit(j+1) && digit(j+2) && !digit(j+3) {
		j += 3 // the seconds of a time the date rule took in part
	} else {
		if j >= len(text) || text[j] != ' ' && text[j] != 'T' {
			return i
		}
		j++
		h := j
		for digit(j) {
			j++
		}
		if n := j - h; n < 1 || n > 2 || j+2 >= len(text) || text[j] != ':' || !digit(j+1) || !digit(j+2) || digit(j+3) {
			return i
		}
		if hh, _ := strconv.Atoi(text[h:j]); hh > 24 || (text[j+1]-'0')*10+text[j+2]-'0' > 59 {
			return i
		}
		j += 3
		if j+2 < len(text) && text[j] == ':' && digit(j+1) && digit(j+2) && !digit(j+3) {
			j += 3
		}
	}
	if j+1 < len(text) && text[j] == '.' && digit(j+1) {
		for j++; digit(j); j++ {
		}
	}
	switch {
	case j < len(text) && text[j] == 'Z':
		j++
	case j+2 < len(text) && text[j] == ' ' && (text[j+1] == 'a' || text[j+1] == 'p' || text[j+1] == 'A' || text[j+1] == 'P') &&
		(text[j+2] == 'm' || text[j+2] == 'M') && (j+3 == len(text) || !isWordByte(text[j+3])):
		j += 3
	}
	if j < len(text) && isWordByte(text[j]) {
		return i // runs on into a word: not a time
	}
	return j
}

// splitTime splits a date span that dateTimes extended into the date and
// the time of day after it ("2026-11-30", " 07:42"); tm is "" when x ends
// in no time.
func splitTime(x string) (date, tm string) {
	for p := 1; p < len(x); p++ {
		if c := x[p]; (c == ' ' || c == 'T' || c == ':') && x[p-1] >= '0' && x[p-1] <= '9' && timeAfter(x, p) == len(x) {
			return x[:p], x[p:]
		}
	}
	return x, ""
}

// isWordByte: a byte of a word, ASCII or part of a multi-byte rune.
func isWordByte(b byte) bool { return isAlnumByte(b) || b >= 0x80 }

// mdOnDatedLine: on a line where a bare m/d was already taken as a date, the
// other bare m/d dates of its list of events, each after the word of its
// event and ending at a comma, a semicolon, a parenthesis, a period or the
// line's end ("C5-7 ACDF 11/1 (Dr. Diallo); trach 11/9, decannulated
// 11/23", "Mercy ED 3/2, urgent care 5/19"). Fraction shapes ("1/2",
// "3/4") and scores ("strength 4/5") stay.
func (s *scan) mdOnDatedLine() {
	dated := -1 // line start token of the last line with a bare m/d date
	n := len(s.cands)
	var buf [8]int
	lines := buf[:0]  // first tokens of the lines with one (few: a slice, not a map)
	var months uint16 // months of the full numeric dates (m/d/yyyy) of the text
	for c := 0; c < n; c++ {
		cd := &s.cands[c]
		if cd.t != Date {
			continue
		}
		a, b := s.candTokens(cd)
		if a < 0 || !s.toks[a].digits() || a+1 >= len(s.toks) || !s.toks[a+1].punct('/') {
			continue
		}
		if b != a+2 {
			if v, e := s.numDate(a); e == b && v.hasY && v.m >= 1 && v.m <= 12 {
				months |= 1 << v.m
				dated = a
			}
			continue
		}
		if h := s.lineHead(a); !slices.Contains(lines, h) {
			lines = append(lines, h)
		}
		dated = a
	}
	if dated < 0 {
		return
	}
	head := 0
	for i := 1; i+2 < len(s.toks); i++ {
		t := &s.toks[i]
		if t.gap == gapLine {
			head = i
		}
		if !t.digits() || t.n() > 2 || !s.toks[i+1].punct('/') || s.toks[i+1].gap != gapNone || s.toks[i+2].gap != gapNone ||
			!s.toks[i+2].digits() || s.toks[i+2].n() > 2 || t.gap != gapSpace {
			continue
		}
		v, e := s.numDate(i)
		if e != i+2 || v.layout != dlNumMD || v.m < v.d && (v.d == 2 || v.d == 3 || v.d == 4 || v.d == 8) {
			continue
		}
		// On a dated line, or in the month of the text's full dates
		// ("Admit: 11/02/2026 ... ORIF L hip 11/3 by Dr. X").
		onLine := slices.Contains(lines, head)
		if !onLine && (v.m < 1 || v.m > 12 || months&(1<<v.m) == 0) {
			continue
		}
		if p := i - 1; !s.toks[p].letters() || s.toks[p].n() < 2 || s.ratioBefore(i) || s.ratioNear(i) {
			continue
		}
		if k := s.next(e); k >= 0 && s.toks[k].gap != gapLine &&
			!(s.toks[k].punct(',') || s.toks[k].punct(';') || s.toks[k].punct(')') || s.toks[k].punct('(') || s.toks[k].punct('.') ||
				s.toks[k].letters() && afterEventDate[s.lower(k)]) {
			continue
		}
		if s.coveredBy(Date, int(t.s), int(s.toks[e].e)) {
			continue
		}
		s.addTok(i, e, Date, prShape)
	}
}

// afterEventDate follow an event's date in a note: "ORIF 11/3 by Dr. X",
// "seen 11/4 at Mercy".
var afterEventDate = map[string]bool{"by": true, "at": true, "with": true, "per": true, "in": true, "via": true,
	"and": true, "for": true}

// lineHead returns the first token of token i's line.
func (s *scan) lineHead(i int) int {
	for i > 0 && s.toks[i].gap != gapLine {
		i--
	}
	return i
}

// coveredBy: a candidate of type ty covers bytes st..en.
func (s *scan) coveredBy(ty Type, st, en int) bool {
	for c := range s.cands {
		if s.cands[c].t == ty && s.cands[c].s <= st && en <= s.cands[c].e {
			return true
		}
	}
	return false
}

// sentenceEndsAfter: the line ends after token e, or a full stop, a
// question or an exclamation mark follows it (a comma does not: "on the
// third, second, first floors").
func (s *scan) sentenceEndsAfter(e int) bool {
	n := e + 1
	if n >= len(s.toks) || s.toks[n].gap == gapLine {
		return true
	}
	return s.toks[n].punct('.') || s.toks[n].punct('?') || s.toks[n].punct('!')
}

// backwardRange: "from 14/5 to 10/5" with the day/month a/b after "from"
// at p: a range that ends before it starts is a setting weaned, no dates.
func (s *scan) backwardRange(p, bi, a, b int) bool {
	if !s.eq(p, "from") {
		return false
	}
	t := s.next(bi)
	if t < 0 || !s.eq(t, "to") {
		return false
	}
	d := s.next(t)
	if d < 0 || !s.toks[d].digits() || d+2 >= len(s.toks) || !s.toks[d+1].punct('/') || !s.toks[d+2].digits() {
		return false
	}
	d2, _ := s.num(d)
	m2, _ := s.num(d + 2)
	return m2 < b || m2 == b && d2 < a
}

// cardinalDayMonthAt: a date said day first with the day as a cardinal
// ("born fifteen August nineteen fifty", "sixteen june sixty two"): the
// day, a month and a year after it; a year of two words ("sixty two")
// only after a word of birth or date within six words before. The month
// alone after the number stays ("three march hares"). A late rule, so the
// month and year found already become one date with their day.
func (s *scan) cardinalDayMonthAt(i int) {
	if i >= len(s.toks) || !s.toks[i].letters() || i > 0 && s.toks[i].gap == gapNone {
		return
	}
	d, e := 0, -1
	if u, ok := unitWords[s.lower(i)]; ok && u > 0 && s.toks[i].is(lxDigitWord) {
		d, e = u, i
		if n := s.next(i); n > 0 && s.toks[n].letters() && s.toks[n].is(lxTeenWord|lxTensWord) {
			return // "one twenty"
		}
	} else {
		d, e = s.twoDigitWords(i)
	}
	if e < 0 || d < 1 || d > 31 {
		return
	}
	m := s.next(e)
	if m < 0 || s.toks[m].gap != gapSpace || !s.toks[m].letters() || !s.toks[m].is(lxMonth) {
		return
	}
	mo := 0
	for k, name := range monthNames {
		if s.eq(m, name) {
			mo = k + 1
		}
	}
	birth := s.wordBefore(i, 6, "born", "birth", "birthday", "dob", "date")
	if mo == 0 || !validMD(mo, d) || (mo == 3 || mo == 5) && !birth {
		return // "take two may 2019 ...": the verbs want a word of birth or date
	}
	y := s.next(m)
	if y > 0 && s.toks[y].punct(',') {
		y = s.next(y)
	}
	if y < 0 || s.toks[y].gap == gapLine {
		return
	}
	end := -1
	if v, ye, _, _ := s.yearOf(y); ye >= 0 && v >= 1880 && v <= 2039 {
		end = ye
	} else if _, ye := s.spokenTwoDigitYear(y); ye >= 0 && birth {
		end = ye
	}
	if end < 0 {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[i].s), End: int(s.toks[end].e), Type: Date})
}

// docMonthDates: a month and day written with a slash and no year
// ("Re-measure 12/8.", "sign-out 12/6 night", "PRBC 28/11") in a text
// whose dates found put it in that month or the one before or after: a
// date of the same stretch of care, where alone it could be a ratio or a
// fraction. Not a common fraction ("1/2", "3/4"), a grade or a score out
// of 4, 5 or 10 ("4/5 strength", "7/10 pain"), a reading after a measure
// ("BP", "Apgars", "FiO2", "IOP", a ventilator's "BiPAP 12/6"), a full
// count ("2/2 cultures", "12/12 systems"), an age in months ("aged 18/12"), a
// British count of days, months or weeks ("for 14/7"), before a unit, "of"
// or a dose's word. A late rule: it reads the dates found.
func (s *scan) docMonthDates(spans []Span) {
	var months [13]bool
	dayFirst := s.dayFirstWritten()
	any := false
	for _, sp := range spans {
		if sp.Type != Date {
			continue
		}
		st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if st < 0 || en < st {
			continue
		}
		m := 0
		for k := st; k <= en && m == 0; k++ {
			t := &s.toks[k]
			switch {
			case t.letters() && t.is(lxMonth|lxMonthAbbr):
				w := s.lower(k)
				for x, name := range monthNames {
					if len(w) >= 3 && strings.HasPrefix(name, w) {
						m = x + 1
						break
					}
				}
			case t.digits() && k+2 <= en && s.toks[k+2].digits() && (s.toks[k+1].punct('/') || s.toks[k+1].punct('-') || s.toks[k+1].punct('.')):
				a, _ := s.num(k)
				b, _ := s.num(k + 2)
				switch {
				case t.n() == 4:
					m = b // 2026-11-03
				case dayFirst:
					m = b
				default:
					m = a
				}
			}
		}
		if m >= 1 && m <= 12 {
			months[m], any = true, true
		}
	}
	if !any {
		return
	}
	near := func(m int) bool {
		return months[m] || months[(m+10)%12+1] || months[m%12+1]
	}
	for i := 0; i+2 < len(s.toks); i++ {
		a, sl, b := &s.toks[i], &s.toks[i+1], &s.toks[i+2]
		if !a.digits() || !b.digits() || a.n() > 2 || b.n() > 2 || !sl.punct('/') || sl.gap != gapNone || b.gap != gapNone {
			continue
		}
		if i > 0 && a.gap == gapNone && !s.toks[i-1].punct('(') {
			continue // "spKt/V", "G2P1/3", "20/20/2"
		}
		if n := i + 3; n < len(s.toks) && s.toks[n].gap == gapNone && !s.toks[n].punct('.') && !s.toks[n].punct(',') &&
			!s.toks[n].punct(')') && !s.toks[n].punct(';') && !s.toks[n].punct(':') {
			continue // "3/4/5", "1/2-1"
		}
		x, _ := s.num(i)
		y, _ := s.num(i + 2)
		m, d := x, y
		if dayFirst {
			m, d = y, x
		}
		if !validMD(m, d) || !near(m) {
			continue
		}
		if x < y && y <= 4 || (y == 4 || y == 5 || y == 10) && x <= y || x == y {
			continue // a fraction, a grade, a score or a full count ("2/2 cultures", "12/12 systems")
		}
		if n := s.next(i + 2); n > 0 && s.toks[n].gap != gapLine && (s.unitAfter(i+2) || s.toks[n].punct('%') ||
			s.toks[n].word() && mdNotAfter[s.lower(n)]) {
			continue
		}
		if s.wordBefore(i, 3, "bp", "apgar", "apgars", "fio2", "peep", "ratio", "score", "grade", "ef", "gcs", "mmse", "moca",
			"acuity", "va", "vision", "strength", "power", "reflexes", "pain", "split", "titer", "titre", "dilution",
			"aged", "age", "iop", "pressures", "pressure", "bipap", "cpap", "ipap", "epap", "ps", "vent", "ventilator", "avaps",
			"settings", "recalled", "passed") {
			continue
		}
		if dayFirst && (y == 7 || y == 12 || y == 52) && s.wordBefore(i, 1, "for", "in", "over", "past", "last", "x", "within") {
			continue // British counts of days, months and weeks: "cough for 14/7", "review in 6/52"
		}
		s.late = append(s.late, Span{Start: int(a.s), End: int(b.e), Type: Date})
		i += 2
	}
}

// mdNotAfter are the words after a number over a number that measure or
// portion, not date.
var mdNotAfter = wordsOf("of strength power pain tab tabs tablet tablets cup cups inch inches teaspoon tsp dose doses " +
	"normal scale odds chance ratio split dilution units times items systems sessions nodes cultures sets cores samples " +
	"questions words lobes vessels segments bottles")
