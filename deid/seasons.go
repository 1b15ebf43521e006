package deid

import "strings"

// Seasons with a year ("summer 2076", "fall of 2019", "next spring") and
// holidays ("Thanksgiving", "Christmas Eve", "Valentine's Day", "Labor
// Day") date an event more precisely than its year, so Safe Harbor removes
// them like any other date element.

var seasonWords = map[string]bool{"spring": true, "summer": true, "winter": true, "autumn": true, "fall": true}

// holidayWords stand alone; holidayHeads need "Day" (or "Eve") after them.
var holidayWords = map[string]bool{"thanksgiving": true, "halloween": true, "christmas": true, "xmas": true,
	"easter": true, "hanukkah": true, "chanukah": true, "passover": true, "kwanzaa": true, "juneteenth": true,
	"diwali": true, "ramadan": true, "eid": true, "hogmanay": true, "pongal": true, "onam": true, "vaisakhi": true,
	"baisakhi": true, "navratri": true, "purim": true}

// holidayPractice before a holiday make it the practice, not a day:
// "observes Ramadan", "celebrates Diwali".
var holidayPractice = map[string]bool{"observes": true, "observe": true, "observed": true, "observing": true,
	"celebrates": true, "celebrate": true, "celebrating": true, "celebrated": true, "keeps": true}

// holidayTimes after a holiday make it the time of something: "christmas
// morning", "thanksgiving weekend".
var holidayTimes = map[string]bool{"morning": true, "night": true, "evening": true, "afternoon": true,
	"weekend": true, "break": true, "week": true}

var holidayHeads = map[string]bool{"labor": true, "labour": true, "memorial": true, "independence": true,
	"veterans": true, "presidents": true, "valentine": true, "valentines": true, "mother": true, "father": true,
	"mothers": true, "fathers": true, "new": true, "mlk": true, "columbus": true, "boxing": true, "st": true,
	"patrick": true, "patricks": true, "armistice": true, "remembrance": true, "anzac": true, "canada": true,
	"australia": true, "bastille": true, "victoria": true, "groundhog": true, "paddy": true, "paddys": true,
	"heritage": true, "dominion": true, "waitangi": true}

// holidayPhrases are holidays of several words, by their first word:
// "since cinco de mayo", "after mardi gras".
var holidayPhrases = map[string][]string{"cinco": {"de", "mayo"}, "mardi": {"gras"},
	"yom": {"kippur"}, "rosh": {"hashanah"}, "semana": {"santa"}, "lunar": {"new", "year"}, "bonfire": {"night"},
	"chinese": {"new", "year"}}

// holidayStart: a holiday's name starts at token k ("Christmas", "Veterans
// Day", "new year's day", "Armistice Day").
func (s *scan) holidayStart(k int) bool {
	if !s.toks[k].letters() || !s.toks[k].is(lxTimeWord) {
		return false
	}
	w := s.lower(k)
	if holidayWords[w] || holidayPhrases[w] != nil || s.holidayAt(k) >= 0 {
		return true
	}
	if !holidayHeads[w] {
		return false
	}
	n := s.next(k)
	for n > 0 && (s.toks[n].punct('\'') || s.eq(n, "s") || s.eq(n, "year") || s.eq(n, "years")) {
		n = s.next(n)
	}
	return n > 0 && (s.eq(n, "day") || s.eq(n, "eve"))
}

func (s *scan) seasonOrHoliday(i int) bool {
	w := s.lower(i)
	switch {
	case holidayPhrases[w] != nil:
		end := i
		for _, x := range holidayPhrases[w] {
			n := s.next(end)
			if n < 0 || !s.eq(n, x) || s.toks[n].gap != gapSpace {
				return false
			}
			end = n
		}
		// In any case, only as the time of something ("since Cinco de
		// Mayo", "after Mardi Gras"): alone these name the feast, its
		// customs or its food ("Mardi Gras beads", "Cinco de Mayo tacos").
		if !s.timeBeforeHoliday(i, end) && !s.birthdayNear(i, end) && !s.whenAnsweredTo(i, end) && !s.whenAnsweredAfterDate(i) || s.scheduleLine(i) {
			return false
		}
		s.addTok(i, s.yearAfter(end), Date, prShape)
		return true
	case seasonWords[w]:
		return s.seasonAt(i)
	case holidayWords[w]:
		end := i
		if n := s.next(i); n > 0 && (s.eq(n, "eve") || s.eq(n, "day")) && s.toks[n].gap == gapSpace {
			end = n
		}
		// "Christmas tree", "Easter egg" are things, not dates; a
		// capitalized word or one after a preposition of time is a date,
		// and so is a holiday someone was born on ("my birthday's christmas
		// eve", "a thanksgiving baby").
		// "easter sunday she collapsed", "christmas morning": a weekday or
		// a part of the day after it makes it a time (the weekday stays
		// outside the span, as beside any date).
		timed := false
		if end == i {
			n := s.next(i)
			timed = n > 0 && s.toks[n].gap == gapSpace && (s.toks[n].is(lxWeekday) || holidayTimes[s.lower(n)])
		} else if s.eq(end, "eve") {
			// "christmas eve i started coughing": the eve is a day, not
			// the feast; its customs stay ("christmas eve dinner").
			timed = !holidayThings[s.nextWordAt(end)]
		}
		// "date of birth" / "christmas nineteen thirty four": a birth date
		// asked, answered by a holiday and its year.
		bornOn := false
		n := s.next(end)
		if n > 0 && s.toks[n].punct(',') {
			n = s.next(n) // "halloween, ninety two."
		}
		if n > 0 && s.toks[n].letters() && s.toks[n].is(lxTeenWord|lxTensWord) && s.dobAsked(i) {
			bornOn = s.yearAfter(end) > end
		}
		// "easter this year", "christmas last year": the year after it.
		timed = timed || s.yearOfNowAfter(end)
		if !s.toks[i].upper() && !s.timeBeforeHoliday(i, end) && !s.birthdayNear(i, end) && !timed && !bornOn && !s.whenAnswered(i) {
			return false
		}
		if s.scheduleLine(i) {
			return false // "Clinic closed on Thanksgiving": no one's date
		}
		if end == i && holidayThings[s.nextWordAt(i)] {
			return false // "turkey for christmas dinner": the feast's custom, even after "for"
		}
		if holidayPractice[s.prevWordAt(i, 1)] {
			return false // "observes Ramadan": a practice, no day
		}
		s.addTok(i, s.yearAfter(end), Date, prShape)
		return true
	case w == "fourth" && s.eq(s.next(i), "of") && s.eq(s.next(s.next(i)), "july"):
		// "the fourth of july weekend"
		if s.scheduleLine(i) {
			return false
		}
		s.addTok(i, s.yearAfter(s.next(s.next(i))), Date, prShape)
		return true
	case holidayHeads[w]:
		j := i
		if w == "new" {
			j = s.next(i)
			if j < 0 || !s.eq(j, "year") && !s.eq(j, "years") {
				return false
			}
		}
		if w == "st" || w == "patrick" || w == "patricks" {
			// "St. Patrick's" is also a hospital or a church; with "Day" a
			// date.
			k := i + 1
			if w == "patrick" && k < len(s.toks) && s.toks[k].punct('\'') && s.eq(k+1, "s") {
				// keep k: "patrick's day"
			}
			if w == "st" && k < len(s.toks) && s.toks[k].punct('.') {
				k++
			}
			if w == "st" {
				if !s.eq(k, "patrick") {
					return false
				}
				k++
			}
			if k+2 < len(s.toks) && s.toks[k].punct('\'') && s.eq(k+1, "s") && s.eq(k+2, "day") {
				st := i
				if p := s.sameLinePrev(i); p >= 0 && (s.eq(p, "saint") || s.eq(p, "st")) {
					st = p
				} else if p >= 1 && s.toks[p].punct('.') && s.eq(p-1, "st") {
					st = p - 1
				}
				s.addTok(st, s.yearAfter(k+2), Date, prShape)
				return true
			}
			return false
		}
		k := j + 1
		if k+1 < len(s.toks) && s.toks[k].punct('\'') && s.eq(k+1, "s") && s.toks[k].gap == gapNone {
			k += 2 // "Valentine's Day", "New Year's Eve"
		}
		if k < len(s.toks) && s.toks[k].gap == gapSpace && (s.eq(k, "day") || s.eq(k, "eve")) && s.toks[k].upper() == s.toks[i].upper() &&
			!s.scheduleLine(i) {
			s.addTok(i, s.yearAfter(k), Date, prShape)
			return true
		}
		// "around new year's", "since New Year's", "the day after
		// valentine's": the holiday without its "Day", as the time of
		// something.
		if (w == "new" || w == "valentine" || w == "valentines") && k == j+3 && s.timePrepBefore(i) && !s.scheduleLine(i) {
			s.addTok(i, k-1, Date, prShape)
			return true
		}
		// "right before new years": speech drops the apostrophe.
		if w == "new" && s.eq(j, "years") && k == j+1 && s.timePrepBefore(i) && !s.scheduleLine(i) {
			s.addTok(i, j, Date, prShape)
			return true
		}
	}
	return false
}

// whenAnswered: the holiday at token i opens a turn or a line that answers
// a question asked with "when" or for the birth date on the line before
// ("d: when did you get out" / "p: halloween").
func (s *scan) whenAnswered(i int) bool {
	return s.whenAnsweredTo(i, i)
}

// whenAnsweredTo is whenAnswered for a holiday's name from i to end
// ("chinese new year" answering "when did you get sick").
func (s *scan) whenAnsweredTo(i, end int) bool {
	if !s.turnStart(i) {
		return false
	}
	if n := s.next(end); n > 0 && s.toks[n].gap != gapLine && s.toks[n].letters() && !s.toks[n].is(lxWeekday) && !holidayTimes[s.lower(n)] {
		return false // "halloween candy", "christmas tree"
	}
	return s.whenOrBirthAsked(i)
}

// whenOrBirthAsked: the line before token i, or its own, asks when or for
// the birth date.
func (s *scan) whenOrBirthAsked(i int) bool {
	return s.askedBefore(i, func(k int) bool { return s.eq(k, "when") }) || s.dobAsked(i)
}

// whenAnsweredAfterDate: a holiday after a date and a comma in a turn
// that answers when or the date of birth ("fifth of november forty one,
// bonfire night"): the day said again as its feast.
func (s *scan) whenAnsweredAfterDate(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].punct(',') || len(s.cands) == 0 {
		return false
	}
	// The date's spoken year, which a date span leaves out, may stand
	// between them: "fifth of november forty one, bonfire night".
	q := s.sameLinePrev(p)
	for n := 0; q >= 0 && n < 3 && s.toks[q].letters() && s.toks[q].is(lxTensWord|lxTeenWord|lxDigitWord); n++ {
		q = s.sameLinePrev(q)
	}
	c := &s.cands[len(s.cands)-1]
	if q < 0 || c.t != Date || c.e != int(s.toks[q].e) {
		return false
	}
	return s.whenOrBirthAsked(i)
}

// personHoliday: a holiday named after a person, with its "day" or
// "weekend", as the time of something ("on martin luther king day", "over
// martin luther king weekend"): a date, where a preposition of time comes
// before it or it is capitalized, over the person's name read in the same
// words ("Seen on Martin Luther King Jr. Day"); a schedule's closing days
// stay ("Clinic closed Martin Luther King Day").
func (s *scan) personHoliday(i int) bool {
	e := s.holidayAt(i)
	if e < 0 || !(s.eq(e, "day") || s.eq(e, "weekend")) || !s.timePrepBefore(i) && !s.toks[i].upper() || s.scheduleLine(i) {
		return false
	}
	s.addTok(i, s.yearAfter(e), Date, prStrong)
	return true
}

// timeBeforeHoliday: a preposition of time before the holiday at i..end,
// perhaps with "the" or "that" between ("around the lunar new year",
// "about that easter sunday"); after the article not before a noun the
// holiday describes ("at the easter egg hunt", "around the christmas
// party").
func (s *scan) timeBeforeHoliday(i, end int) bool {
	if s.timePrepBefore(i) {
		return true
	}
	p := s.sameLinePrev(i)
	if p < 0 || !(s.eq(p, "the") || s.eq(p, "that")) || !s.timePrepBefore(p) {
		return false
	}
	if s.clauseEndAfter(end) || s.yearOfNowAfter(end) {
		return true
	}
	n := s.next(end)
	return n > 0 && s.toks[n].letters() && (s.tokIn(functionWordSet, n) || subjectPronouns[s.lower(n)] || s.toks[n].is(lxWeekday) ||
		clauseWords[s.lower(n)] || s.eq(n, "so") || s.eq(n, "and") || s.eq(n, "but") || s.eq(n, "when"))
}

// yearOfNowAfter: "this year", "last year" or "next year" right after
// token e.
func (s *scan) yearOfNowAfter(e int) bool {
	n := s.next(e)
	if n < 0 || s.toks[n].gap != gapSpace || !(s.eq(n, "this") || s.eq(n, "last") || s.eq(n, "next")) {
		return false
	}
	m := s.next(n)
	return m > 0 && s.eq(m, "year")
}

// timePrepBefore: a preposition of time before token i, over the fillers
// and commas of speech ("around , um , halloween", "since uh easter").
func (s *scan) timePrepBefore(i int) bool {
	k, _ := s.backOverFillers(i, 5, false)
	return k >= 0 && s.toks[k].letters() && timePreps[s.lower(k)]
}

// namedWeekday: a weekday named for the feast or the sale it falls on,
// as the time of something ("fell on Black Friday", "since good friday",
// "after ash wednesday"): one day of one year, a date.
func (s *scan) namedWeekday(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() || s.toks[i].gap != gapSpace || s.toks[p].upper() != s.toks[i].upper() {
		return false
	}
	if weekdayFeasts[s.lower(p)] != s.lower(i) || !s.timePrepBefore(p) || s.scheduleLine(p) {
		return false
	}
	s.addTok(p, s.yearAfter(i), Date, prShape)
	return true
}

// weekdayFeasts: the word before a weekday that names one day of the year.
var weekdayFeasts = map[string]string{"black": "friday", "good": "friday", "ash": "wednesday", "palm": "sunday",
	"cyber": "monday", "maundy": "thursday", "holy": "saturday", "super": "sunday"}

// speechFillers carry no meaning in a transcript.
var speechFillers = map[string]bool{"um": true, "uh": true, "umm": true, "uhh": true, "er": true, "erm": true,
	"like": true, "mm": true, "hmm": true, "maybe": true, "probably": true}

// timePreps introduce a time: "on thanksgiving", "around halloween".
var timePreps = map[string]bool{"from": true, "on": true, "since": true, "at": true, "around": true, "before": true, "after": true,
	"over": true, "during": true, "until": true, "by": true, "last": true, "this": true, "next": true, "for": true}

// seasonAt: "summer 2076", "fall of 2019", "Spring '19", "last spring",
// "next winter". A season alone ("in the fall") is not a date; "fall" is
// also a fall, so it needs a year.
func (s *scan) seasonAt(i int) bool {
	k := s.next(i)
	of := k > 0 && s.eq(k, "of")
	if of {
		k = s.next(k)
	}
	if k > 0 {
		// A spoken year only after "of": "the spring of twenty nineteen".
		if _, ye, _, spoken := s.yearOf(k); ye >= 0 && (!spoken || of) {
			s.addTok(i, ye, Date, prShape)
			return true
		}
	}
	if i == 0 || s.toks[i].gap == gapLine {
		return false
	}
	switch s.lower(i - 1) {
	case "last", "next", "this", "early", "late", "mid":
		// "last fall" is the season; "a fall last week" is not.
		s.addTok(i, i, Date, prShape)
		return true
	}
	if e := s.seasonOfEvent(i); e >= 0 {
		s.addTok(i, e, Date, prShape)
		return true
	}
	return false
}

// seasonEventVerbs date an event of someone's life in the season after
// them ("she moved back in the spring", "since i started in the fall").
var seasonEventVerbs = map[string]bool{"started": true, "moved": true, "began": true, "retired": true, "graduated": true,
	"married": true, "divorced": true, "diagnosed": true, "quit": true, "stopped": true, "left": true, "came": true,
	"arrived": true, "transferred": true, "switched": true, "passed": true, "died": true, "enrolled": true,
	"deployed": true, "relocated": true, "separated": true, "delivered": true, "had": true, "got": true}

// seasonOfEvent: the season at i, in lower case, dates one event rather
// than every year: after "since" ("since the summer", "since spring
// break"; "since the fall" is the accident), or after "in the" with a verb
// of a life event earlier in the clause ("she moved back from spokane in
// the spring", "had a heart attack in the spring"; a fall only after a
// verb that no accident takes). Not "worse in the winter", "up from 7.2% in
// the spring". It returns the last token of the date, or -1.
func (s *scan) seasonOfEvent(i int) int {
	if s.toks[i].upper() {
		return -1
	}
	w := s.lower(i)
	p := s.sameLinePrev(i)
	if p < 0 {
		return -1
	}
	if s.eq(p, "since") || s.eq(p, "the") && s.eq(s.sameLinePrev(p), "since") && w != "fall" {
		e := i
		if n := s.next(i); n > 0 && s.eq(n, "break") && s.toks[n].gap == gapSpace {
			e = n
		}
		return e
	}
	if !s.eq(p, "the") || !s.eq(s.sameLinePrev(p), "in") {
		return -1
	}
	if n := s.next(i); n > 0 && s.toks[n].gap == gapSpace && ((s.eq(n, "and") || s.eq(n, "or")) && seasonWords[s.nextWordAt(n)] ||
		s.eq(n, "when") || s.eq(n, "time") || s.eq(n, "months") || s.eq(n, "heat") || s.eq(n, "season")) {
		return -1 // "in the fall and winter", "in the summer heat": every year
	}
	for k, n := s.sameLinePrev(s.sameLinePrev(p)), 0; k >= 0 && n < 10; k, n = s.sameLinePrev(k), n+1 {
		t := &s.toks[k]
		if !t.letters() && !t.punct('\'') {
			return -1
		}
		v := s.lower(k)
		if seasonEventVerbs[v] && (w != "fall" || v != "had" && v != "got") {
			return i
		}
		switch v {
		case "every", "each", "usually", "always", "worse", "better", "typically", "often", "per", "during":
			return -1
		}
	}
	return -1
}

// yearAfter extends a date over a year right after it ("Thanksgiving 2019"),
// and a holiday over the weekend it names ("started it Labor Day weekend",
// "the fourth of july weekend 2023": the days around the feast, a date as
// precise as the feast).
func (s *scan) yearAfter(end int) int {
	if w := s.next(end); w > 0 && s.toks[w].gap == gapSpace && s.eq(w, "weekend") {
		end = w
	}
	k, comma := s.next(end), false
	if k > 0 && s.toks[k].punct(',') {
		k, comma = s.next(k), true
	}
	if k > 0 {
		if _, ye, _, spoken := s.yearOf(k); ye >= 0 && !spoken {
			return ye
		}
		// A birthday's year read out: "new year's day twenty nine",
		// "christmas nineteen thirty four" after the birth date was asked
		// or with "born" or "birthday" near.
		if s.toks[k].letters() && s.toks[k].is(lxTeenWord|lxTensWord|lxDigitWord) && (s.dobAsked(k) || s.birthdayNear(end, end)) {
			// After a comma the year closes the answer ("halloween, twenty
			// minutes before midnight" tells the hour).
			if _, ye := s.spokenYear(k); ye >= 0 && (!comma || s.clauseEndAfter(ye)) {
				return ye
			}
			if _, ye := s.spokenTwoDigitYear(k); ye >= 0 && (!comma || s.clauseEndAfter(ye)) {
				return ye
			}
		}
	}
	return end
}

// birthdayNear: the holiday is someone's birthday or birth ("my
// birthday's christmas eve", "christmas eve birthday", "a thanksgiving
// baby").
func (s *scan) birthdayNear(i, end int) bool {
	if n := s.next(end); n > 0 && (s.eq(n, "birthday") || s.eq(n, "baby") || s.eq(n, "weekend")) {
		return true
	}
	for k, n := s.sameLinePrev(i), 0; k >= 0 && n < 3; k, n = s.sameLinePrev(k), n+1 {
		if s.eq(k, "birthday") || s.eq(k, "born") {
			return true
		}
	}
	return false
}

// scheduleLine: the line is about opening hours or patients in general
// ("Independence Day: clinic closed", "patients fasting during Ramadan"),
// where a holiday dates no one's care.
func (s *scan) scheduleLine(i int) bool {
	for _, dir := range [2]int{-1, 1} {
		for k := i; k >= 0 && k < len(s.toks); k += dir {
			if k != i && (dir < 0 && s.toks[k+1].gap == gapLine || dir > 0 && s.toks[k].gap == gapLine) {
				break
			}
			if s.toks[k].letters() && (s.eq(k, "closed") || s.eq(k, "open") || s.eq(k, "patients") || s.eq(k, "hours")) {
				return true
			}
		}
	}
	return false
}

// holidayThings after a holiday make it an attribute of a custom, not a
// date: "christmas dinner", "thanksgiving leftovers".
var holidayThings = map[string]bool{"dinner": true, "dinners": true, "party": true, "parties": true, "cookies": true,
	"tree": true, "lights": true, "gifts": true, "presents": true, "shopping": true, "music": true, "decorations": true,
	"card": true, "cards": true, "meal": true, "lunch": true, "feast": true, "pageant": true, "concert": true,
	"leftovers": true, "candy": true, "ham": true, "turkey": true, "pie": true, "songs": true, "movies": true,
	// Foods and customs of a feast, listed as such ("Diwali sweets, Eid
	// biryani, Christmas tamales").
	"sweets": true, "biryani": true, "tamales": true, "dumplings": true, "treats": true, "cake": true, "cakes": true,
	"food": true, "foods": true, "dishes": true, "recipes": true, "traditions": true, "customs": true, "bread": true,
	"pudding": true, "desserts": true, "fast": true, "fasting": true, "sale": true, "sales": true, "specials": true,
	// Its events and places, also after its name in Spanish ("a cinco de
	// mayo party", "the cinco de mayo restaurant").
	"special": true, "restaurant": true, "celebration": true, "celebrations": true, "festival": true, "menu": true,
	"parade": true, "event": true, "fiesta": true}

// lateHolidays finds holidays of other calendars, regions and
// nationalities that date an event, after a preposition of time or "it
// was" (over "the", "el", "la", "las" and fillers): "since el día de
// reyes", "on kamehameha day", "by burns night", "it was ash wednesday",
// "since sallah". A late rule: the tagger and the rules it learned from
// see these words as before. Without a preposition of time they name the
// feast, its customs or its food and stay ("las posadas tamales").
func (s *scan) lateHolidays() {
	for i := range s.toks {
		t := &s.toks[i]
		if !t.letters() || t.n() < 3 {
			continue
		}
		w := s.lower(i)
		phrases := otherHolidays[w]
		if hp := holidayPhrases[w]; hp != nil {
			// The season rules' own phrases after "it was" ("it was mardi
			// gras when i fell"), read from their list.
			phrases = append(phrases[:len(phrases):len(phrases)], hp)
		}
		if phrases == nil {
			continue
		}
		end := -1
		for _, ph := range phrases {
			e, ok := i, true
			for _, w := range ph {
				n := s.next(e)
				if n < 0 || s.toks[n].gap != gapSpace || s.lower(n) != w {
					ok = false
					break
				}
				e = n
			}
			if ok && e > end {
				end = e
			}
		}
		if end < 0 || !s.timeBeforeOther(i) || !s.holidayEndsAt(end) || s.habitOnLine(i) {
			continue
		}
		// A word alone that is also a name ("since Reyes moved out",
		// "referred by Posadas, NP"): capitalized, only after an article.
		if end == i && t.upper() && (s.anyNameList(i) || s.prevWordAt(i, 1) == "by") {
			if p := s.sameLinePrev(i); p < 0 || !(s.eq(p, "the") || s.eq(p, "el") || s.eq(p, "la") || s.eq(p, "las") || s.eq(p, "los")) {
				continue
			}
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(s.toks[end].e), Type: Date})
	}
}

// habitOnLine: the words of the line near token i say a habit or a
// schedule ("closed on
// Good Friday and Easter Sunday each year", "on may day we always go to
// the parade"): the holiday dates no event of a life.
func (s *scan) habitOnLine(i int) bool {
	w := s.lower(i)
	if habitWords[w] || rosterWords[w] || scheduleWords[w] {
		return true
	}
	return s.wordNearOnLine(i, 7, "", func(k int) bool {
		w := s.lower(k)
		return habitWords[w] || rosterWords[w] || scheduleWords[w] || (w == "every" || w == "each") && recurringNouns[s.nextWordAt(k)]
	})
}

// habitInClause: the clause of token i, up to eight words either way,
// says the holiday recurs ("at Christmas and Easter each year", "on
// thanksgiving every year", "after new year's it usually comes back"); a
// comma or a sentence's end bounds it ("on Anzac Day, she always says").
func (s *scan) habitInClause(i int) bool {
	return s.wordNearOnLine(i, 8, ".,;?!", func(k int) bool {
		w := s.lower(k)
		return habitWords[w] || (w == "every" || w == "each") && recurringNouns[s.nextWordAt(k)]
	})
}

// wordNearOnLine: a token k other than i, within reach tokens of it on its
// line and before any punctuation of stops between them, for which is
// reports true.
func (s *scan) wordNearOnLine(i, reach int, stops string, is func(k int) bool) bool {
	for _, dir := range [2]int{-1, 1} {
		for k, n := i+dir, 0; k >= 0 && k < len(s.toks) && n < reach; k, n = k+dir, n+1 {
			t := &s.toks[k]
			if dir < 0 && s.toks[k+1].gap == gapLine || dir > 0 && t.gap == gapLine ||
				t.kind == tkPunct && strings.IndexByte(stops, t.ch) >= 0 {
				break
			}
			if is(k) {
				return true
			}
		}
	}
	return false
}

// habitWords say that something recurs; "every" and "each" do before
// recurringNouns ("each year", "every christmas"), not in "every day
// since".
var habitWords = wordsOf("always usually tradition traditionally annually yearly")

var recurringNouns = wordsOf("year years holiday holidays season christmas easter thanksgiving ramadan passover diwali eid " +
	"winter summer spring fall autumn sunday saturday week")

// holidayEndsAt: nothing after the holiday's last token e makes it a
// thing's name ("after the burns night sweats", "since alaska day care
// closed", "the new year's party", "the new years resolution"): the clause
// ends, or a word that opens another part of it follows.
func (s *scan) holidayEndsAt(e int) bool {
	n := e + 1
	if n >= len(s.toks) || s.toks[n].gap == gapLine {
		return true
	}
	u := &s.toks[n]
	if u.kind == tkPunct {
		return !u.punct('\'') && !u.punct('-')
	}
	w := s.lower(n)
	return dayEndWords[w] || clauseWords[w] || holidayFollowers[w]
}

// holidayFollowers may follow a holiday that dates an event.
var holidayFollowers = wordsOf("the my his her we you aye when because if i'm i've he's she's come came comes")

// timeBeforeOther: a preposition of time, "it was", or a birthday's "is",
// "was" or "'s" ("your birthday's michaelmas"), before token i over
// articles and fillers.
func (s *scan) timeBeforeOther(i int) bool {
	p := s.sameLinePrev(i)
	for n := 0; p >= 0 && n < 3 && (s.eq(p, "the") || s.eq(p, "el") || s.eq(p, "la") || s.eq(p, "las") || s.eq(p, "los") ||
		speechFillers[s.lower(p)]); n++ {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	switch s.lower(p) {
	case "since", "after", "before", "on", "till", "til", "until", "by", "around", "during", "over", "desde", "después":
		return true
	case "was":
		q := s.sameLinePrev(p)
		return q >= 0 && (s.eq(q, "it") || s.eq(q, "birthday"))
	case "is":
		q := s.sameLinePrev(p)
		return q >= 0 && s.eq(q, "birthday") // "your birthday is victory day"
	case "s":
		// "your birthday's michaelmas"
		return p >= 2 && s.toks[p-1].punct('\'') && s.eq(p-2, "birthday")
	}
	return false
}

// otherHolidays are holidays the season rules (holidayWords,
// holidayPhrases) do not know, by their first word, each with the words
// after it (an empty list for none): feasts of Latin America and the
// Philippines, Carnival's days, national and regional days, Scottish and
// English nights, Eid's names in West Africa, a show's holiday in
// Queensland; the new years of Vietnam, the Hmong and Cambodia, Kenya's
// national days, Haiti's Carnival, Barbados's harvest festival, the
// feasts of South India and Bengal, a Sikh procession, a leap day; Dyngus
// Day, May Day, the Jewish high holy days, Easter's days, a nation's day;
// the quarter days' feasts, Victory Day, Three Kings, Purim, Dashain and
// Tihar, Emancipation Day, Fat Thursday.
// They are kept apart from the season rules' lists because
// those feed the tagger's features (lxTimeWord).
var otherHolidays = map[string][][]string{
	"día":          {{"de", "reyes"}, {"de", "los", "muertos"}, {"de", "los", "reyes"}},
	"dia":          {{"de", "reyes"}, {"de", "los", "muertos"}, {"de", "los", "reyes"}},
	"posadas":      {{}},
	"navidad":      {{}},
	"nochebuena":   {{}},
	"reyes":        {{}},
	"carnaval":     {{}},
	"ash":          {{"wednesday"}},
	"kamehameha":   {{"day"}},
	"alaska":       {{"day"}},
	"statehood":    {{"day"}},
	"burns":        {{"night"}},
	"guy":          {{"fawkes"}, {"fawkes", "night"}},
	"sallah":       {{}},
	"ileya":        {{}, {"sallah"}},
	"ekka":         {{}},
	"nowruz":       {{}},
	"vesak":        {{}},
	"holi":         {{}},
	"songkran":     {{}},
	"obon":         {{}},
	"tết":          {{}},
	"wigilia":      {{}},
	"simbang":      {{"gabi"}},
	"day":          {{"of", "the", "dead"}},
	"new":          {{"year"}, {"years"}},
	"tet":          {{}},
	"lunar":        {{"new", "year"}},
	"hmong":        {{"new", "year"}},
	"khmer":        {{"new", "year"}},
	"madaraka":     {{"day"}},
	"mashujaa":     {{"day"}},
	"jamhuri":      {{"day"}},
	"kanaval":      {{}},
	"crop":         {{"over"}},
	"pongal":       {{}},
	"onam":         {{}},
	"navratri":     {{}},
	"durga":        {{"puja"}},
	"nagar":        {{"kirtan"}},
	"leap":         {{"day"}},
	"dyngus":       {{"day"}},
	"may":          {{"day"}},
	"rosh":         {{"hashanah"}, {"hashana"}},
	"yom":          {{"kippur"}},
	"easter":       {{"monday"}, {"sunday"}},
	"good":         {{"friday"}},
	"holy":         {{"thursday"}, {"saturday"}},
	"national":     {{"day"}},
	"michaelmas":   {{}},
	"martinmas":    {{}},
	"candlemas":    {{}},
	"victory":      {{"day"}},
	"three":        {{"kings", "day"}, {"kings"}},
	"purim":        {{}},
	"dashain":      {{}},
	"tihar":        {{}},
	"emancipation": {{"day"}},
	"fat":          {{"thursday"}},
}

// birthWordInClause: a word of birth within eight words of token i in its
// clause ("born in march, every year she").
func (s *scan) birthWordInClause(i int) bool {
	return s.wordNearOnLine(i, 8, ".;?!", func(k int) bool {
		switch s.lower(k) {
		case "born", "birthday", "birth", "birthdays", "anniversary", "died", "passed":
			return true
		}
		return false
	})
}

// expiryWords label a product's expiry date.
var expiryWords = wordsOf("exp expiry expires expiration expiring")

// expiryOfLot: the date at token st follows an expiry label ("exp",
// "exp:", "expiry") on a line that names a lot or an NDC before it ("lot
// 11-227-DK, exp 06/2028"): a product's date.
func (s *scan) expiryOfLot(st int) bool {
	p := s.sameLinePrev(st)
	for p >= 0 && (s.toks[p].punct(':') || s.toks[p].punct('.')) {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() || !expiryWords[s.lower(p)] {
		return false
	}
	for k, n := s.sameLinePrev(p), 0; k >= 0 && n < 12; k, n = s.sameLinePrev(k), n+1 {
		if s.toks[k].punct(';') {
			break
		}
		// "a lot of time", "lots of": no lot number ("pt exp 12/02" after
		// them is a death).
		if s.eq(k, "lot") && s.nextWordAt(k) != "of" && s.prevWordAt(k, 1) != "a" || s.eq(k, "ndc") || s.eq(k, "batch") {
			return true
		}
	}
	return false
}
