package deid

import (
	"slices"
	"strings"
)

// Names in free text. A name needs evidence: a title ("Mrs."), a relation
// word ("her daughter"), an introduction ("my name is", "signed by"), a
// credential (", MD"), a speaker tag, metadata, or the bundled lists of first
// names and surnames. Evidence seeds a name; nameChain then grows it over the
// neighbouring parts ("O'Neil-Park", "J.", "van der", "Jr."). Eponyms and
// drug brands (Parkinson, Tylenol) and look-alikes (Dr. Pepper) are kept out.

// Words that end a name candidate because they are something else.
const notNameFlags = lxCommon | lxMedical | lxMonth | lxMonthAbbr | lxWeekday | lxTitle | lxTitleClin | lxRelation |
	lxState | lxCountry | lxStreetSuffix | lxUnit | lxCredential | lxEponymHead | lxUnitWord | lxCodeStop | lxDigitWord |
	lxTeenWord | lxTensWord | lxOrdWord | lxCue | lxNameIntro

// nameish reports whether token k can be part of a name next to other name
// evidence.
func (s *scan) nameish(k int, allCaps bool) bool {
	t := s.tok(k)
	if t == nil || !t.capWord() {
		return false
	}
	if t.lex&lxTimeWord != 0 && (holidayWords[s.lower(k)] || seasonWords[s.lower(k)]) {
		return false // "Christmas Day", "Easter Sunday"
	}
	if t.allUpper() && t.n() > 1 && (!allCaps || t.n() <= 2) && t.lex&(lxFirst|lxSur) == 0 {
		return false
	}
	if t.lex&(lxFirst|lxSur) != 0 && t.lex&(lxFirstAmb|lxSurAmb) == 0 && t.lex&(lxMonth|lxCommon) == 0 {
		return true
	}
	if t.lex&(lxFirstAmb|lxSurAmb) != 0 {
		return t.lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxStreetSuffix|lxState|lxCountry) == 0 &&
			!s.eponymAfter(k)
	}
	return t.lex&notNameFlags == 0
}

// wordSurnameAt: capitalized token k, a word of medicine or of everyday
// speech, is the surname after the listed given names st..en that follow a
// title or a relation (or, strong, that the rule seeding the chain took
// for a name): "Dr. Virgil Heart agrees", "son Fergal Heart", "Mr Patrick
// Joseph Lung", before what ends a name; not before a heading's next word
// or a word of medicine ("Dr. Mary Heart Failure Clinic", "Dr. Ann Heart
// failure team").
func (s *scan) wordSurnameAt(st, en, k int, strong bool) bool {
	t := &s.toks[k]
	if t.gap != gapSpace || !t.capWord() || t.allUpper() || t.lex&(lxCommon|lxMedical) == 0 ||
		t.lex&(notNameFlags&^(lxCommon|lxMedical)) != 0 || s.eponymAfter(k) || !(s.titleBefore(st) || s.relationBefore(st)) {
		return false
	}
	for g := st; g <= en; g++ {
		if gt := &s.toks[g]; !gt.capWord() || gt.allUpper() || !strong && gt.lex&lxFirst == 0 && gt.gaz&gzFirst == 0 || gt.lex&(lxCommon|lxMedical) != 0 {
			return false
		}
	}
	// What follows ends the name: a clause's end or a bracket, a form's
	// next field, a person's verb or a word that joins.
	n := s.next(k)
	if n < 0 || s.toks[n].gap == gapLine || s.wideGap(n) || s.clauseEndAfter(k) || s.toks[n].punct('(') ||
		surnameEnders[s.lower(n)] && !s.toks[n].upper() {
		return true
	}
	// A person's verb ("Carol Welsh drove"); one in -s only before its
	// object ("Dr. Lena Heart signs the consent"): a plural noun is none
	// ("Grace Blood sugars logged", "Ada Liver enzymes trending").
	if !s.lowerPersonVerbAfter(k) {
		return false
	}
	return !strings.HasSuffix(s.lower(n), "s") || objectWords[s.nextWordAt(n)] || s.nextWordAt(n) == "a" || s.nextWordAt(n) == "an"
}

// surnameEnders follow a name and end it: "Dr. Virgil Heart and", "son
// Fergal Heart who"; no plural noun is among them ("Grace Blood sugars
// logged").
var surnameEnders = wordsOf("and or who whose from at of in on to with for was is has had will would said says agrees agreed " +
	"came comes called calls visited brought reports reported states stated wants wanted asked asks thinks")

// eponymAfter reports "Bell's palsy", "Parkinson disease": a capitalized
// word followed (possibly after 's) by a medical head noun.
func (s *scan) eponymAfter(k int) bool {
	if s.pragueGrade(k) {
		return true
	}
	j := k + 1
	if j+1 < len(s.toks) && s.toks[j].punct('\'') && s.toks[j].gap == gapNone && s.eq(j+1, "s") {
		j += 2
	} else if j < len(s.toks) && s.toks[j].punct('-') && s.toks[j].gap == gapNone && j+1 < len(s.toks) && s.toks[j+1].capWord() {
		j += 2 // Guillain-Barre syndrome
	} else if e := s.acronymAside(j); e > 0 {
		j = e // "Patrick (FABER) test"
	}
	// A field apart by a wide gap ("Mugisha, Esther   Grade 10") is no
	// eponym's head.
	if j < len(s.toks) && s.toks[j].gap != gapLine && !s.wideGap(j) && (s.toks[j].is(lxEponymHead) || s.toks[j].letters() && !s.toks[j].upper() && s.tokIn(lowerHeadSet, j)) {
		if n := s.next(j); n > 0 && s.toks[n].gap == gapSpace && s.tokIn(objectWordSet, n) {
			return false
		}
		if n := s.next(j); n > 0 && s.eq(j, "cell") && (s.toks[n].digits() || s.toks[n].punct('(') || s.toks[n].punct(':') || s.toks[n].punct('#')) {
			return false // a phone's label: "son Jules cell 985-555-0177", not "Hurthle cell"
		}
		return true
	}
	return false
}

// pragueGrade: "Prague C1M2", the Prague classification of Barrett's
// oesophagus by the circumferential and maximal extent: the city names
// the grading, not a place.
func (s *scan) pragueGrade(k int) bool {
	if !s.eq(k, "prague") {
		return false
	}
	n := s.next(k)
	if n < 0 || s.toks[n].gap != gapSpace {
		return false
	}
	x := s.lower(n)
	if len(x) < 4 || x[0] != 'c' {
		return false
	}
	i := 1
	for i < len(x) && x[i] >= '0' && x[i] <= '9' {
		i++
	}
	if i == 1 || i >= len(x) || x[i] != 'm' {
		return false
	}
	j := i + 1
	for j < len(x) && x[j] >= '0' && x[j] <= '9' {
		j++
	}
	return j > i+1 && j == len(x)
}

// acronymAside: at token j an acronym in parentheses on the same line,
// "(FABER)", "(PORT)": the token after the closing parenthesis, or -1.
func (s *scan) acronymAside(j int) int {
	if j+3 >= len(s.toks) || !s.toks[j].punct('(') || s.toks[j].gap != gapSpace {
		return -1
	}
	a := &s.toks[j+1]
	if a.gap != gapNone || !a.letters() || !a.allUpper() || a.n() < 2 || a.n() > 8 || !s.toks[j+2].punct(')') ||
		s.toks[j+2].gap != gapNone || s.toks[j+3].gap != gapSpace {
		return -1
	}
	return j + 3
}

// eponymAhead: up to three more capitalized words or acronyms and then an
// eponym head, in any case: "Seattle Heart Failure Model", "Kansas City
// Cardiomyopathy Questionnaire", "Katz ADL index", "Jackson Heart Study",
// "Ramsay Hunt syndrome". k is the last token of the name.
func (s *scan) eponymAhead(k int) bool {
	j := s.next(k)
	for n := 0; j > 0 && n < 3 && s.toks[j].gap == gapSpace && s.toks[j].letters() && !s.toks[j].is(lxEponymHead); n++ {
		if !s.toks[j].upper() {
			// "Prague C and M criteria": "and" or "or" between two
			// capitalized parts of the name.
			if n == 0 || !(s.eq(j, "and") || s.eq(j, "or")) {
				break
			}
			if m := s.next(j); m < 0 || !s.toks[m].upper() || !s.toks[m].letters() || s.toks[m].gap != gapSpace {
				break
			}
		}
		j = s.next(j)
	}
	return j > 0 && j != s.next(k) && s.toks[j].gap == gapSpace && s.toks[j].letters() && s.toks[j].is(lxEponymHead) &&
		!(s.next(j) > 0 && s.toks[s.next(j)].gap == gapSpace && s.tokIn(objectWordSet, s.next(j)))
}

// eponymAfterWord: an eponym head one or two lower-case words later, "San
// Francisco syncope rule", "Canadian C-spine rule", "Cincinnati prehospital
// stroke scale".
func (s *scan) eponymAfterWord(k int) bool {
	j := s.next(k)
	for n := 0; n < 2; n++ {
		// Up to two such words: "Cincinnati prehospital stroke scale".
		if j < 0 || !s.toks[j].letters() || s.toks[j].upper() || s.toks[j].gap != gapSpace || s.tokIn(wordMakerSet, j) ||
			s.toks[j].is(lxCommon) && !s.toks[j].is(lxMedical) && !clinicalCommon(s.lower(j)) {
			return false
		}
		if s.eponymAfter(j) {
			return true
		}
		j = s.next(j)
	}
	return false
}

// lowerHeads are eponym heads only in lower case: capitalized they are
// labels of a form ("Lund and Browder chart"; "Chart #H6868005").
var lowerHeads = map[string]bool{"chart": true, "charts": true, "diagram": true, "nomogram": true, "table": true}

// objectWords after an eponym head make the head a verb: "can Dr. Amos
// sign it", "Ng test the".
var objectWords = map[string]bool{"it": true, "the": true, "this": true, "that": true, "these": true, "off": true,
	"her": true, "him": true, "his": true, "my": true, "your": true, "our": true, "them": true, "me": true, "us": true}

// nameChain adds the name around seed token i and remembers its words for
// the rest of the document.
func (s *scan) nameChain(i int, cls NameClass, strong bool) {
	caps := s.toks[i].allUpper() && s.toks[i].n() > 1
	if s.roleNotName(i) {
		m := s.next(i) // "Nurse Practitioner Abigail Stone": the role is no name part
		if m < 0 || s.toks[m].gap != gapSpace || !s.nameish(m, caps) {
			return
		}
		i = m
	}
	st, en := i, i
	for {
		k := en + 1
		if k >= len(s.toks) {
			break
		}
		tk := &s.toks[k]
		if tk.gap == gapLine {
			break
		}
		// "White      Religion: Catholic", "Brian   Ward 4", "Sipho
		// Housing Unit C", "Amparo   Manner of death": a word after a wide
		// gap that is an everyday word, or before a colon, a number or a
		// lower-case word, labels the form's next field.
		if tk.gap == gapSpace && s.wideGap(k) && (tk.lex&(lxCommon|lxMedical|lxCue|lxUnitWord) != 0 ||
			tk.lex&(lxFirst|lxSur) == 0 && s.englishTok(k) || k+1 < len(s.toks) &&
			(s.toks[k+1].punct(':') || s.toks[k+1].punct('#') || s.toks[k+1].gap == gapSpace && s.toks[k+1].shape&shDigit != 0 ||
				s.toks[k+1].letters() && !s.toks[k+1].upper())) {
			break
		}
		if tk.gap == gapNone && tk.kind == tkPunct && (tk.ch == '-' || tk.ch == '\'') {
			m := s.adj(k)
			if m > 0 && s.toks[m].capWord() && s.toks[m].n() > 1 && (tk.ch == '-' || s.toks[en].n() == 1) {
				en = m
				continue
			}
			if m > 0 && tk.ch == '-' && s.lowerGivenPart(m) && s.toks[en].capWord() {
				en = m // "Sung-min", "Hye-jin"
				continue
			}
			// "Pua'ala", "Ng'ang'a": an apostrophe (a glottal stop) inside
			// a name, not a contraction or a possessive.
			if m > 0 && tk.ch == '\'' && s.toks[en].capWord() && s.toks[en].n() >= 2 && s.toks[m].letters() && !s.toks[m].upper() &&
				s.toks[m].n() >= 2 && !contractionTails[s.lower(m)] {
				en = m
				continue
			}
			break
		}
		if tk.gap == gapNone {
			break
		}
		if s.isInitial(k) {
			// A surname after the initial, also one a disease is named
			// after, after a given name ("Byron M. Mallory").
			if m := s.next(k + 1); m > 0 && (s.nameish(m, caps) || s.toks[m].capWord() && s.toks[m].is(lxEponymName) &&
				s.toks[m].gap == gapSpace && !s.eponymAfter(m) && !s.eponymAhead(m) &&
				(strong || s.toks[en].is(lxFirst) || s.toks[en].gaz&gzFirst != 0)) {
				en = k + 1
				continue
			}
			// A closing initial: "Hollis, Grace E." at the end of a field.
			// Or before a lower-case word that joins or goes on the
			// sentence: "SW Tamsin R. and case manager Jo".
			if m := k + 2; m >= len(s.toks) || s.toks[m].gap != gapNone && (s.toks[m].gap == gapLine ||
				s.toks[m].kind == tkPunct || !s.nameish(m, caps) && !s.toks[m].letters() || s.toks[m].is(lxCue|lxDateCue) && s.toks[m].upper() ||
				s.toks[m].letters() && !s.toks[m].upper() && initialClosers[s.lower(m)]) {
				en = k + 1
			}
			break
		}
		if tk.word() && tk.n() == 1 && tk.upper() && tk.letters() && !s.isInitial(k) {
			// A middle initial without its dot: "ELIZABETH A CHOW", "Maria J Lopez".
			if m := s.next(k); m > 0 && s.toks[m].gap == gapSpace && s.nameish(m, caps) && !s.eponymAfter(m) &&
				(caps == s.toks[m].allUpper()) {
				en = m
				continue
			}
		}
		if tk.letters() && tk.is(lxParticle) && !tk.upper() {
			m := s.next(k)
			// Two particles: "van den Broek", "de la Cruz".
			if m > 0 && s.toks[m].gap == gapSpace && s.toks[m].letters() && !s.toks[m].upper() && s.toks[m].is(lxParticle) {
				m = s.next(m)
			}
			if m > 0 && s.toks[m].capWord() {
				en = m
				continue
			}
			break
		}
		if tk.word() && tk.n() == 1 && tk.upper() && !s.isInitial(k) &&
			!(k+1 < len(s.toks) && s.toks[k+1].gap == gapNone && (s.toks[k+1].punct('\'') || s.toks[k+1].punct('-'))) {
			// A middle initial without its dot closing the name: "Ravi S".
			if m := k + 1; m >= len(s.toks) || s.toks[m].gap == gapLine || s.toks[m].kind == tkPunct || s.toks[m].is(lxCue|lxDateCue) {
				en = k
			}
			break
		}
		if tk.letters() && tk.is(lxSuffix) {
			en = k
			if m := s.adj(k); m > 0 && s.toks[m].punct('.') {
				en = m
			}
			break
		}
		// "Brigid  Age: 96", "MARGUERITE  DOB 01/02/1950": a cue word
		// opening the next field is no name part.
		// After a title the name's last word is the person's even before an
		// eponym's head: "Mrs. Ethel Carver's dementia".
		// A surname that also names a disease, after a name and before no
		// eponym's head: "son Everett Coombs is", "Odessa Pugh in".
		// The given name may be before a middle initial: "Byron M. Mallory".
		gv := en
		if gv >= 2 && s.toks[gv].punct('.') && s.isInitial(gv-1) {
			gv -= 2
		}
		if tk.capWord() && tk.is(lxEponymName) && k == en+1 && tk.gap == gapSpace && !s.eponymAfter(k) && !s.eponymAhead(k) &&
			!s.toks[en].is(lxEponymName) && (strong || s.toks[gv].is(lxFirst) || s.toks[gv].gaz&gzFirst != 0) && (caps == tk.allUpper()) {
			en = k
			continue
		}
		if k == en+1 && s.wordSurnameAt(st, en, k, strong) {
			en = k
			continue
		}
		if k == en+1 && s.nameBridge(en, k) {
			en = k + 1
			continue
		}
		if s.nameish(k, caps) && (!s.eponymAfter(k) || s.titleBefore(st) && k == en+1 && (s.toks[k].is(lxFirst|lxSur) || s.toks[k].gaz&(gzFirst|gzSur) != 0)) &&
			!(s.toks[k].is(lxAgeCue|lxCue|lxDateCue) && k+1 < len(s.toks) && (s.toks[k+1].punct(':') || s.toks[k+1].digits())) {
			en = k
			continue
		}
		break
	}
	// Possessive "Whitcombe's" stays outside; "Jr." after a comma joins.
	if k := en + 1; k+1 < len(s.toks) && s.toks[k].punct(',') && s.toks[k+1].is(lxSuffix) && s.toks[k+1].gap == gapSpace {
		en = k + 1
		if m := s.adj(en); m > 0 && s.toks[m].punct('.') {
			en = m
		}
	}
	for st > 0 && s.toks[st].gap != gapLine {
		k := st - 1
		tk := &s.toks[k]
		if s.toks[st].gap == gapSpace && k >= 2 && s.lowerGivenPart(k) && s.toks[k-1].punct('-') && s.toks[k-1].gap == gapNone &&
			s.toks[k-2].capWord() && !s.toks[k-2].allUpper() && s.toks[k-2].lex&(lxCommon|lxMedical) == 0 {
			st = k - 2 // "Sung-min Park"
			continue
		}
		if s.toks[st].gap == gapNone {
			if tk.kind == tkPunct && (tk.ch == '\'' || tk.ch == '-') && k > 0 && tk.gap == gapNone && s.toks[k-1].capWord() &&
				(tk.ch == '-' || s.toks[k-1].n() <= 2) {
				st = k - 1
				continue
			}
			if tk.punct('.') && k > 0 && tk.gap == gapNone && s.isInitial(k-1) && s.isInitial(st) {
				st = k - 1 // "L.A. Jones": initials run together
				continue
			}
			break
		}
		if tk.punct('.') && k > 0 && s.isInitial(k-1) {
			st = k - 1
			continue
		}
		if tk.letters() && tk.is(lxParticle) && !tk.upper() && k > 0 && s.toks[k-1].capWord() && s.nameish(k-1, caps) {
			st = k - 1
			continue
		}
		if s.roleNotName(k) {
			break // "Nurse Practitioner Abigail Stone": a role is no name part
		}
		if s.nameish(k, caps) {
			st = k
			continue
		}
		break
	}
	// "Hargreaves, Keisha" at the start of a line.
	if st >= 2 && s.toks[st].gap == gapSpace && s.toks[st-1].punct(',') && s.toks[st-2].gap == gapLine &&
		s.nameish(st-2, caps) && s.toks[st-2].lex&(lxCommon|lxMedical) == 0 {
		s.addName(st-2, st-2, cls)
		if w := s.toks[st-2]; w.n() >= 3 {
			s.rememberName(s.lowerAny(st-2), cls)
		}
	}
	s.addName(st, en, cls)
	for k := st; k <= en; k++ {
		t := &s.toks[k]
		if t.letters() && t.n() >= 3 && t.lex&(lxCommon|lxMedical|lxMonth|lxParticle|lxFirstAmb|lxSurAmb) == 0 {
			s.rememberName(s.lowerAny(k), cls)
		}
	}
}

// rememberName records a name word for propagation. A class from evidence
// replaces a default one, so "Okafor" found by a list and by "Dr." is a
// clinician everywhere.
func (s *scan) rememberName(w string, cls NameClass) {
	h := fnvString(w)
	s.nameBits[h>>6%nameBitsWords] |= 1 << (h % 64)
	old, ok := s.nameSet.get(w, h)
	switch {
	case !ok || old&clsExplicit == 0 && cls&clsExplicit != 0:
		s.nameSet.put(w, h, cls)
	case old&clsExplicit != 0 && cls&clsExplicit == 0:
	case old|cls != old:
		s.nameSet.put(w, h, old|cls)
	}
}

// cueValueAfter: a cue word at token k is used as a label, a value or the
// label's mark after it ("Case # 4471", "Phone: 555...", "ID 22", "Fax
// number"). At the end of a line it is a name ("Dr. Case" signing).
func (s *scan) cueValueAfter(k int) bool {
	n := s.next(k)
	if n < 0 {
		return false
	}
	t := &s.toks[n]
	return t.punct(':') || t.punct('#') || t.punct('=') || t.shape&shDigit != 0 || s.eq(n, "number") || s.eq(n, "no") ||
		s.eq(n, "id") || s.eq(n, "num")
}

// lowerTitlesAbroad are titles that Spanish writes in lower case before a
// capitalized name.
var lowerTitlesAbroad = wordsOf("doctora señora señor señorita senora senor senorita dra sra srta")

// titleName: "Mr. O'Neil-Park", "Dr Okafor", "Mrs. Lee". Not "Dr. Pepper".
func (s *scan) titleName(i int) bool {
	t := &s.toks[i]
	if !t.upper() && !s.eq(i, "doctor") && !s.eq(i, "dr") && !s.eq(i, "officer") && !s.eq(i, "officers") && !s.eq(i, "sergeant") &&
		!lowerTitlesAbroad[s.lower(i)] {
		// "ms" after a number is milliseconds; titles are capitalized,
		// but a note writes "escorted by officer Brannigan", and Spanish
		// writes its titles in lower case ("la doctora Irizarry").
		return false
	}
	// "5 ms", "2+ MR": a unit or a grade after a number; "2018 Dr.
	// Ainsworth", a year before a doctor, is a title.
	if i > 0 && s.toks[i-1].word() && s.toks[i-1].shape&shDigit != 0 && !(s.eq(i, "dr") && t.upper() || s.eq(i, "mrs") || s.eq(i, "miss")) {
		return false
	}
	k := i + 1
	if k < len(s.toks) && s.toks[k].punct('.') && s.toks[k].gap == gapNone {
		if !t.upper() && !s.eq(i, "dr") && !s.eq(i, "dra") && !s.eq(i, "sra") && !s.eq(i, "srta") {
			return false // "the housing unit officer. Intake ...", "Gracias doctora. Mañana ...": the sentence ends; "la dra. Ocasio" goes on
		}
		k++
	}
	if k >= len(s.toks) || s.toks[k].gap != gapSpace {
		return false
	}
	nt := &s.toks[k]
	// "Dr. van der Berg", "Ms. de la Cruz": particles before the surname.
	if nt.letters() && nt.is(lxParticle) && !nt.upper() {
		e := k
		for e < len(s.toks) && e < k+3 && s.toks[e].letters() && s.toks[e].is(lxParticle) && !s.toks[e].upper() && s.toks[e].gap == gapSpace {
			e++
		}
		if e < len(s.toks) && e > k && s.toks[e].capWord() && s.toks[e].gap == gapSpace {
			cls := PatientNames
			if t.is(lxTitleClin) {
				cls = ClinicianNames | clsExplicit
			}
			s.nameChain(e, cls, true)
			if c := &s.cands[len(s.cands)-1]; c.t == Name && c.s > int(s.toks[k].s) {
				c.s = int(s.toks[k].s)
			}
			return true
		}
		return false
	}
	if !nt.capWord() || nt.is(lxLookalike) {
		return false
	}
	// "Brandy Shifflett, RN   Anesthesia: MAC": a credential after a
	// name's comma and before a wide gap ends that name; a word on no list
	// of names after it is the next field's ("Gina Holt, RN   Bell: aware"
	// and "Per handoff, RN Bishop notified" are people).
	if i > 0 && s.toks[i-1].punct(',') && t.allUpper() && t.is(lxCredential) && s.wideGap(k) && !s.anyNameList(k) {
		return false
	}
	if nt.lex&(lxTitle|lxTitleClin|lxRelation|lxMonth|lxWeekday|lxState|lxCountry) != 0 && nt.lex&(lxFirst|lxSur) == 0 &&
		!(nt.lex&lxWeekday != 0 && nt.n() == 3 && !s.isDateStart(s.next(k))) {
		return false // "Dr. Sun" is a person; "Mon 3/4" is not
	}
	if nt.lex&lxCue != 0 && nt.lex&(lxFirst|lxSur) == 0 && (nt.allUpper() || s.cueValueAfter(k)) {
		// "Dr. Phone: ...", "Pt. ID #", "HOSPICE RN VISIT - 10/14": a
		// label; "Dr. Case saw her" is a person.
		return false
	}
	// "Nurse Practitioner", "Doctor Visit": ordinary words after the weaker titles.
	if (s.eq(i, "nurse") || s.eq(i, "doctor") || s.eq(i, "sister") || s.eq(i, "father") || s.eq(i, "brother") ||
		s.eq(i, "captain") || s.eq(i, "officer") || s.eq(i, "coach") || s.eq(i, "judge") || s.eq(i, "lady") || s.eq(i, "lord")) &&
		(nt.lex&(lxCommon|lxMedical) != 0 && nt.lex&(lxFirst|lxSur) == 0 || s.roleNotName(k)) {
		return false // "Nurse Navigator Kim": the role goes on, the name comes after it
	}
	// "Dr. ED", "Mrs. BP": an acronym after a title in mixed case; a
	// surname in capitals of four letters or more on no list of words is
	// a name ("Dr. CHUCULATE, M" on a pharmacy's label).
	if nt.allUpper() && nt.n() > 1 && !t.allUpper() && nt.lex&(lxFirst|lxSur) == 0 &&
		(nt.n() < 4 || nt.lex != 0 || nt.gaz&gzWord != 0 || s.englishTok(k) || clinicalWordLooking(s.lower(k))) {
		return false
	}
	if s.eponymAfter(k) && nt.lex&(lxFirst|lxSur) == 0 {
		return false
	}
	// "main PA. No PTX": an abbreviation that is also a title ends a
	// sentence; an everyday word opens the next one.
	if k == i+2 && t.allUpper() && nt.lex&lxCommon != 0 && nt.lex&(lxFirst|lxSur) == 0 {
		return false
	}
	cls := PatientNames
	if t.is(lxTitleClin) {
		cls = ClinicianNames | clsExplicit
	}
	s.nameChain(k, cls, true)
	return true
}

// relationName: "her daughter Emily", "son, Marcus,", "wife named Rosa".
func (s *scan) relationName(i int) bool {
	k := i + 1
	for n := 0; n < 3 && k < len(s.toks); n++ {
		tk := &s.toks[k]
		if tk.gap == gapLine {
			return false
		}
		if tk.kind == tkPunct && (tk.ch == ',' || tk.ch == '(' || tk.ch == ':' || tk.ch == '-') {
			k++
			continue
		}
		if s.eq(k, "named") || s.eq(k, "called") || s.eq(k, "is") || s.eq(k, "was") {
			k++
			continue
		}
		// "daughter-in-law Sherry".
		if k+2 < len(s.toks) && s.eq(k, "in") && s.toks[k-1].punct('-') && s.toks[k+1].punct('-') && s.eq(k+2, "law") {
			k += 3
			continue
		}
		break
	}
	if k >= len(s.toks) || s.toks[k].gap == gapLine {
		return false
	}
	nt := &s.toks[k]
	if !nt.capWord() || nt.is(lxTitle|lxTitleClin) {
		return false
	}
	if s.eq(i, "employer") && employmentStatus[s.lower(k)] {
		return false // "Employer: Retired"
	}
	// "his wife Summer": after a relation word a season is her name.
	if !s.nameish(k, false) && !(seasonWords[s.lower(k)] && !nt.allUpper()) {
		return false
	}
	if k+1 < len(s.toks) && s.toks[k+1].punct('\'') && s.toks[k+1].gap == gapNone && k == i+1 {
		// "son Marcus's" is fine; nothing to do
	}
	s.nameChain(k, RelativeNames|clsExplicit, true)
	// "sons Giedre and Dorothea", "daughters Ana, Lia and Mei".
	e := s.lastNameTok(k)
	for n := 0; n < 4; n++ {
		j := e + 1
		if j < len(s.toks) && s.toks[j].punct(',') {
			j++
		}
		if j < len(s.toks) && (s.eq(j, "and") || s.eq(j, "&")) {
			j++
		}
		if j == e+1 || j >= len(s.toks) || s.toks[j].gap == gapLine || !s.nameish(j, false) || s.toks[j].is(lxTitle|lxTitleClin) {
			break
		}
		s.nameChain(j, RelativeNames|clsExplicit, true)
		e = s.lastNameTok(j)
	}
	return true
}

var nameIntroWords = []string{"named", "called", "name", "i'm", "im", "am", "this", "meet", "hi", "hello", "hey", "thanks",
	"thank", "bye", "goodbye", "morning", "afternoon", "evening", "dear", "by", "with", "patient", "pt", "contact",
	"provider", "pcp", "attending", "physician", "surgeon", "referring", "resident", "guardian", "informant",
	"interpreter", "cc", "re", "to", "from", "caregiver", "signed", "cosigned", "author", "dictated", "scribe", "nurse",
	"np", "pa", "rn", "mother", "father", "spouse", "husband", "wife", "emergency", "poa", "proxy", "clinician",
	"doctor", "sincerely", "regards", "ask", "tell", "for", "and", "or", "goes", "known", "aka", "alias", "nee", "née",
	"maiden", "per", "pharmacist", "therapist", "radiologist", "pathologist", "technician", "tech", "coordinator",
	"manager", "worker", "chaplain", "counselor", "midwife", "dietitian", "sw", "case", "mom", "dad", "visited", "via",
	"guarantor", "member", "insured", "subscriber", "resident", "client", "best", "cheers", "warmly", "charge",
	"applicant", "performer", "examiner", "witness", "claimant", "decedent", "attendant", "requester", "requestor", "donor"}

// introName handles a capitalized word after an introduction word.
func (s *scan) introName(i int) bool {
	w := s.lower(i)
	k := i + 1
	colon := false
	// A parenthesis between the label and its colon: "Interpreter
	// (Farsi): Mehrnoosh", "Contact (daughter): Abena".
	if k < len(s.toks) && s.toks[k].punct('(') {
		if c := s.closingParen(k); c+1 < len(s.toks) && s.toks[c].punct(')') && s.toks[c+1].punct(':') {
			k = c + 1
		}
	}
	if w == "thanks" {
		// "Thanks so much,", "Thanks again,", "Thanks in advance,": the
		// sign-off's comma after a few words of thanks.
		j := k
		for n := 0; n < 3 && j < len(s.toks) && s.toks[j].letters() && thanksFillers[s.lower(j)]; n++ {
			j++
		}
		if j > k && j < len(s.toks) && s.toks[j].punct(',') {
			k = j
		}
	}
	if k < len(s.toks) && s.toks[k].punct(':') {
		colon = true
		k++
	} else if k < len(s.toks) && s.toks[k].punct(',') && (w == "hi" || w == "hello" || w == "hey" || w == "thanks" || w == "best" || w == "cheers" || w == "warmly" ||
		w == "dear" || w == "morning" || w == "afternoon" || w == "evening" || w == "bye" || w == "sincerely" || w == "regards") {
		k++
	}
	cls := PatientNames
	switch w {
	case "name":
		if !colon {
			if i > 0 && s.toks[i].gap == gapSpace && (s.eq(i-1, "first") || s.eq(i-1, "last") || s.eq(i-1, "middle") ||
				s.eq(i-1, "given") || s.eq(i-1, "family") || s.eq(i-1, "sur")) && k < len(s.toks) && s.toks[k].capWord() {
				break // "first name Folasade"
			}
			if s.eq(k, "is") || s.eq(k, "was") {
				k++
			} else if k+1 < len(s.toks) && s.toks[k].punct('\'') && s.eq(k+1, "s") {
				k += 2
			} else {
				return false
			}
		}
	case "this", "am", "goes", "known":
		if w == "this" && !s.eq(k, "is") || w == "goes" && !s.eq(k, "by") || w == "known" && !s.eq(k, "as") {
			return false
		}
		if w != "am" {
			k++
		}
		if w == "am" && !(i > 0 && s.eq(i-1, "i")) {
			return false
		}
	case "thank":
		if !s.eq(k, "you") {
			return false
		}
		k++
		if k < len(s.toks) && s.toks[k].punct(',') {
			k++
		}
	case "by":
		if i == 0 || !s.toks[i-1].letters() {
			return false
		}
		p := s.lower(i - 1)
		switch p {
		case "seen", "signed", "referred", "dictated", "reviewed", "cosigned", "examined", "evaluated", "transcribed",
			"authored", "written", "prepared", "performed", "read", "interpreted", "ordered", "accompanied", "brought",
			"driven", "visited", "called", "attended", "approved", "verified", "documented", "entered", "covered", "followed":
			if p == "accompanied" || p == "brought" || p == "driven" || p == "visited" || p == "called" {
				cls = RelativeNames | clsExplicit
			} else {
				cls = ClinicianNames | clsExplicit
			}
		default:
			return false
		}
	case "evening", "afternoon", "morning":
		if i == 0 || !s.eq(i-1, "good") && s.toks[i].gap != gapLine {
			return false
		}
	case "emergency":
		if !s.eq(k, "contact") {
			return false
		}
		k++
		if k < len(s.toks) && s.toks[k].punct(':') {
			k++
		}
		cls = RelativeNames | clsExplicit
	case "for", "and", "or", "ask", "tell", "with", "per", "via", "to", "from":
		// Weak: only a listed name, or a run of two name-like words.
		if colon && (w == "to" || w == "from") {
			break
		}
		// Capitalized after another word the intro word is Title Case
		// ("Clean With Clorox Bleach Wipes"): only a listed name then, or
		// words of which neither is English ("Letter For Ifeoluwa Nwachukwuike").
		// Two ordinary words after it say nothing of a person either ("and
		// Paw Patrol", "with Trader Joe").
		if !s.listedName(k) && (s.nameLineWords(k) < 2 ||
			s.toks[i].upper() && i > 0 && s.toks[i-1].letters() && (s.ordinaryCap(k) || k+1 < len(s.toks) && s.ordinaryCap(k+1)) && s.titleCaseLine(i) ||
			k+1 < len(s.toks) && s.toks[k+1].gap == gapSpace && s.toks[k+1].capWord() && s.ordinaryCap(k) && s.ordinaryCap(k+1)) {
			return false
		}
	case "patient", "pt", "contact", "provider", "pcp", "attending", "physician", "surgeon", "referring", "resident",
		"guardian", "informant", "interpreter", "cc", "re", "caregiver", "signed", "cosigned", "author", "dictated",
		"scribe", "nurse", "np", "pa", "rn", "mother", "father", "spouse", "husband", "wife", "poa", "proxy", "clinician",
		"doctor", "pharmacist", "therapist", "radiologist", "pathologist", "technician", "tech", "coordinator",
		"manager", "worker", "chaplain", "counselor", "midwife", "dietitian", "sw", "case", "mom", "dad", "guarantor",
		"member", "insured", "subscriber", "client", "charge":
		if !colon {
			if w == "charge" {
				return false // "charge nurse", "charge capture"
			}
			if w == "patient" || w == "pt" {
				// "Pt Caridad, age 91": a name-like word then a comma, a
				// parenthesis or a verb.
				t := s.tok(k)
				if t == nil || !t.capWord() || t.allUpper() && t.lex&(lxFirst|lxSur) == 0 || !(t.lex == 0 || t.lex&(lxFirst|lxSur) != 0) {
					return false
				}
				e := k + 1
				for e < len(s.toks) && s.toks[e].gap == gapSpace && s.nameish(e, t.allUpper()) {
					e++
				}
				if !(e < len(s.toks) && (s.toks[e].punct(',') || s.toks[e].punct('(')) || s.personVerbAfter(k)) {
					return false
				}
				break
			}
			if w == "case" || w == "worker" || w == "manager" {
				return false
			}
			// "nurse Kim", "interpreter Ana", "pharmacist Hollis": the word
			// must be listed, unknown, or a census name that is no word.
			if !s.listedName(k) && !(k < len(s.toks) && s.roleName(k)) {
				return false
			}
		}
		switch w {
		case "provider", "pcp", "attending", "physician", "surgeon", "referring", "resident", "signed", "cosigned",
			"author", "dictated", "scribe", "nurse", "np", "pa", "rn", "clinician", "doctor", "pharmacist", "therapist",
			"radiologist", "pathologist", "technician", "tech", "coordinator", "chaplain", "counselor", "midwife",
			"dietitian", "sw", "charge":
			cls = ClinicianNames | clsExplicit
		case "contact", "guardian", "informant", "caregiver", "mother", "father", "spouse", "husband", "wife", "poa",
			"proxy", "mom", "dad":
			cls = RelativeNames | clsExplicit
		}
	case "best", "cheers", "warmly":
		if !s.toks[i].upper() || !(i+1 < len(s.toks) && s.toks[i+1].punct(',')) {
			return false
		}
	case "sincerely", "regards":
		cls = ClinicianNames | clsExplicit
	case "maiden", "nee", "née", "aka", "alias":
		if w == "maiden" && !s.eq(k, "name") {
			return false
		}
		if w == "maiden" {
			k++
			if k < len(s.toks) && s.toks[k].punct(':') {
				k++
			}
		}
	}
	if k < len(s.toks) && (s.toks[k].punct('"') || s.toks[k].punct('\'')) && (w == "goes" || w == "known" || w == "aka" ||
		w == "called" || w == "named" || w == "alias") {
		k++ // goes by "Hopie"
	}
	signoff := w == "sincerely" || w == "regards" || w == "thanks" || w == "best" || w == "cheers" || w == "warmly"
	if k >= len(s.toks) || (s.toks[k].gap == gapLine && !colon && !signoff) {
		return false
	}
	if s.toks[k].gap == gapLine && signoff && !s.nameLine(k) {
		return false // a sign-off is followed by a line holding only the name
	}
	if s.toks[k].is(lxTitle | lxTitleClin) {
		return false // the title matcher takes it
	}
	if s.labelWord(k) {
		return false // "RN   Anesthesia: MAC by ...": the next label
	}
	// "called Poison Control", "called Adult Protective Services": a
	// service phoned, its name ending in a word of bodies.
	if w == "called" && s.orgNameAt(k) {
		return false
	}
	// "named Summer", "a daughter called Hope": a given name after
	// "named" or "called" even when it is also a word.
	givenAfterNamed := (w == "named" || w == "called") && s.toks[k].capWord() && !s.toks[k].allUpper() &&
		(s.toks[k].lex&(lxFirst|lxFirstAmb) != 0 || s.toks[k].gaz&(gzFirst|gzFirstAmb) != 0) &&
		s.toks[k].lex&(lxMonth|lxWeekday|lxMedical|lxCue) == 0
	if !givenAfterNamed && !s.nameish(k, colon || s.nameLineWords(k) >= 2) {
		return false
	}
	if e := s.nameThenAge(k); colon && e > 0 {
		// "Patient: Chan Tai Man, 58 M": a label's value before an age,
		// its words whatever else they are.
		s.addName(k, e, cls)
		return true
	}
	if colon && s.lineStart(i) && !s.strongName(k) && !s.nameLine(k) {
		// "DOCTOR: Still at the same address?" is a speaker tag, not a label.
		return false
	}
	if colon && s.lineStart(i) && s.toks[k].lex == 0 && s.nameLineWords(k) == 1 && !s.listedName(k) {
		// "Patient: Speaking." / "Clinician: Ouch. Can you...": a one-word
		// utterance, not a label's value.
		if n := s.next(k); n > 0 && s.toks[n].gap == gapNone && (s.toks[n].punct('.') || s.toks[n].punct('!') || s.toks[n].punct('?')) &&
			(s.next(n) > 0 || s.toks[n].punct('!') || s.toks[n].punct('?') || s.englishLooking(k)) {
			return false
		}
	}
	s.nameChain(k, cls, true)
	// "WHITCOMBE, HAROLD" / "Hargreaves, Keisha" after a label.
	if e := s.lastNameTok(k); e+2 < len(s.toks) && s.toks[e+1].punct(',') && s.toks[e+2].gap == gapSpace && s.nameish(e+2, colon) &&
		(s.toks[e+2].lex&lxFirst != 0 || s.toks[e+2].lex == 0) && (s.toks[e+2].n() > 1 || s.isInitial(e+2)) {
		s.nameChain(e+2, cls, true)
	}
	return true
}

// thanksFillers come between "thanks" and a sign-off's comma.
var thanksFillers = map[string]bool{"so": true, "much": true, "again": true, "in": true, "advance": true, "a": true,
	"lot": true, "bunch": true, "ever": true, "very": true, "all": true}

// roleName: the capitalized word after a role word ("nurse Kim",
// "interpreter Ana", "pharmacist Hollis") is on no list and does not look
// English, or is a name of the lists that is no ordinary word.
func (s *scan) roleName(k int) bool {
	t := &s.toks[k]
	if !t.capWord() || t.allUpper() || t.gaz&gzWord != 0 || t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxState|lxCountry|lxTitle|lxTitleClin) != 0 {
		return false
	}
	if t.lex == 0 {
		return !s.englishLooking(k) || t.gaz&(gzFirst|gzSur) != 0
	}
	return s.nameish(k, false)
}

// nameThenAge returns the last token of a run of two to four capitalized
// words from k, the first a name's word, that a comma and an age close
// ("Chan Tai Man, 58 M", "Cho Soon-ja, 92 y/o F"), or -1.
func (s *scan) nameThenAge(k int) int {
	if k >= len(s.toks) || !s.toks[k].capWord() || !s.nameish(k, s.toks[k].allUpper()) {
		return -1
	}
	e, words := k, 1
	for j := k + 1; j < len(s.toks) && s.toks[j].gap != gapLine; j++ {
		t := &s.toks[j]
		switch {
		case t.punct('-') && t.gap == gapNone && j+1 < len(s.toks) && s.toks[j+1].gap == gapNone && s.toks[j+1].letters():
			j++ // "Soon-ja"
			e = j
			continue
		case t.capWord() && t.gap == gapSpace && words < 4:
			words++
			e = j
			continue
		case t.punct(','):
			a := s.next(j)
			if words < 2 || a < 0 || !s.toks[a].digits() || s.toks[a].n() > 3 {
				return -1
			}
			if v, _ := s.num(a); v == 0 || v > 120 {
				return -1
			}
			n := s.next(a)
			if n < 0 || s.toks[n].gap == gapLine {
				return e
			}
			switch w := s.lower(n); w {
			case "m", "f", "y", "yo", "yr", "yrs", "year", "years", "male", "female", "-", "(":
				return e
			}
			if s.toks[n].punct('-') || s.toks[n].punct('(') || s.toks[n].punct(',') {
				return e
			}
			return -1
		}
		return -1
	}
	return -1
}

// capsNameBeforeCue: a header line that opens with a name in capitals
// before the next field ("MOHAMMED AL-HASHIMI   MRN 88-31-0542", "OKAFOR
// CHIDI, DOB 3/4/1950"): two to four words of capitals with vowels, on no
// list of ordinary words, then a wide gap, a comma or a bar and an ID or
// date cue.
func (s *scan) capsNameBeforeCue(i int) bool {
	okWord := func(k int) bool {
		t := &s.toks[k]
		return t.letters() && t.allUpper() && t.n() >= 2 && strings.ContainsAny(s.str(k), "AEIOUY") && !s.englishLooking(k) &&
			(t.lex == 0 || t.lex&(lxFirst|lxSur) != 0 && t.lex&(lxCommon|lxMedical|lxMonth|lxCue|lxDateCue|lxCredential) == 0)
	}
	if !okWord(i) {
		return false
	}
	e, words := i, 1
	for j := i + 1; j < len(s.toks) && s.toks[j].gap != gapLine; j++ {
		t := &s.toks[j]
		switch {
		case t.punct('-') && t.gap == gapNone && j+1 < len(s.toks) && s.toks[j+1].gap == gapNone && okWord(j+1):
			j++
			e = j
			continue
		case t.gap == gapSpace && !s.wideGap(j) && words < 4 && okWord(j):
			words++
			e = j
			continue
		}
		if words >= 2 && t.gap == gapSpace && s.ageClauseAt(j) {
			// "DAISY MCALLISTER IS A 67 Y/O F": the subject of the
			// note's first sentence.
			s.addName(i, e, PatientNames)
			return true
		}
		c := j
		if t.punct(',') || t.punct('|') {
			if c = s.next(j); c < 0 {
				return false
			}
		} else if !s.wideGap(j) {
			return false
		}
		if words < 2 || !s.toks[c].word() || !s.toks[c].is(lxCue|lxDateCue) {
			return false
		}
		s.addName(i, e, PatientNames)
		return true
	}
	return false
}

// ageClauseAt: "is a 67 y/o", "was an 81-year-old", "is a 45 yo": a
// copula, an article, a number of at most three digits and an age word.
func (s *scan) ageClauseAt(j int) bool {
	if !s.eq(j, "is") && !s.eq(j, "was") {
		return false
	}
	a := s.next(j)
	if a < 0 || !s.eq(a, "a") && !s.eq(a, "an") {
		return false
	}
	n := s.next(a)
	if n < 0 || !s.toks[n].digits() || s.toks[n].n() > 3 {
		return false
	}
	u := s.next(n)
	for u > 0 && s.toks[u].punct('-') {
		u = s.next(u)
	}
	if u < 0 {
		return false
	}
	switch s.lower(u) {
	case "y", "yo", "yr", "yrs", "year", "years", "y.o", "month", "months", "mo", "week", "weeks", "day", "days":
		return true
	}
	return false
}

// signatureInitials: two or three capitals signing a note: after a dash or
// a slash, or in parentheses, at the very end of the text ("RTC 6 wks. -
// RG", "Thanks. -DT", "-- Employee Health (LN)"), or after the label of a
// role ("Sonographer: JH", "Cytotechnologist: DB;").
func (s *scan) signatureInitials(i int) bool {
	t := &s.toks[i]
	if !t.letters() || !t.allUpper() || t.n() < 2 || t.n() > 3 || t.lex&(lxCredential|lxTitle|lxTitleClin|lxStateAbbr) != 0 {
		return false
	}
	p := i - 1
	if p < 0 {
		return false
	}
	if s.toks[p].punct(':') && p > 0 && s.toks[p].gap == gapNone && s.toks[p-1].letters() && roleLabels[s.lower(p-1)] {
		if n := i + 1; n >= len(s.toks) || s.toks[n].gap == gapLine || s.toks[n].punct(';') || s.toks[n].punct(',') || s.wideGap(n) {
			s.addName(i, i, ClinicianNames|clsExplicit)
			return true
		}
		return false
	}
	if !(s.toks[p].punct('-') || s.toks[p].punct('/') || s.toks[p].punct('(')) || s.toks[p].gap == gapLine {
		return false
	}
	if s.toks[p].punct('/') && s.toks[p].gap == gapNone && p > 0 && s.toks[p-1].letters() && s.toks[p-1].n() <= 2 {
		return false // "presents w/ CP.", "s/p MI.": the slash of a short form
	}
	if s.toks[p].punct('-') && s.toks[p].gap == gapNone && s.toks[i].gap == gapNone && p > 0 && s.toks[p-1].is(lxCredential) {
		return false // "FNP-BC", "PMHNP-BC": a board's mark on a credential
	}
	if w := s.lower(i); s.toks[p].punct('-') && s.toks[p].gap == gapNone && s.toks[i].gap == gapNone && p > 0 && s.toks[p-1].allUpper() &&
		(roleAbbrs[w] || credentialShort[w] || s.toks[i].is(lxCredential)) {
		return false // "CCC-SLP": a certificate of a credential
	}
	if !s.onlyClosingAfter(i) {
		return false
	}
	if s.toks[p].punct('(') && !(i+1 < len(s.toks) && s.toks[i+1].punct(')')) {
		return false
	}
	if w := s.lower(i); s.toks[p].punct('(') && (roleAbbrs[w] || doseWords[w] || w == "am" || w == "pm" || w == "hs" || s.tokIn(unitAcronymSet, i)) {
		return false // "Mbeki (SLP).", "Lasix (AM)": a role or a time of dosing
	}
	s.addName(i, i, ClinicianNames|clsExplicit)
	return true
}

// addresseeLine: the name heading a postal address in a letter: a line of
// two to four capitalized words, the first a name's word, after a blank
// line or at the top, above a line that opens with a street number or a
// PO box ("Augustine Two Bulls" above "PO Box 341").
func (s *scan) addresseeLine(i int) bool {
	if !s.nameish(i, s.toks[i].allUpper()) || i > 0 && !s.blankLineBefore(i) {
		return false
	}
	e, words := i, 1
	j := i + 1
	for ; j < len(s.toks) && s.toks[j].gap != gapLine; j++ {
		t := &s.toks[j]
		switch {
		case t.capWord() && t.gap == gapSpace && words < 4 && t.lex&(lxCue|lxDateCue|lxFacility|lxStreetSuffix) == 0:
			words++
			e = j
		case t.punct('.') && t.gap == gapNone && s.toks[j-1].n() == 1:
		case (t.punct('-') || t.punct('\'')) && t.gap == gapNone:
		default:
			return false
		}
	}
	if words < 2 || j >= len(s.toks) || j+1 >= len(s.toks) {
		return false
	}
	n := &s.toks[j]
	street := n.digits() && n.n() <= 6 && s.toks[j+1].capWord() && s.toks[j+1].gap == gapSpace
	box := s.eq(j, "po") && s.eq(j+1, "box") || s.eq(j, "p") && s.toks[j+1].punct('.')
	if !street && !box {
		return false
	}
	s.addName(i, e, PatientNames)
	return true
}

// blankLineBefore: an empty line (or only blanks) before token i's line.
func (s *scan) blankLineBefore(i int) bool {
	st := int(s.toks[i].s)
	nl := 0
	for k := st - 1; k >= 0; k-- {
		switch s.text[k] {
		case '\n':
			nl++
			if nl == 2 {
				return true
			}
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// userAfter: a user name after the word "user" ("User jmartinez on
// workstation", "locked by another user (rpatel2)"): a lower-case word with
// digits, or on no list of words.
func (s *scan) userAfter(i int) bool {
	j := s.next(i)
	if j > 0 && s.toks[j].punct('(') {
		j = s.adj(j)
	}
	if j < 0 || j >= len(s.toks) || !s.toks[j].word() || s.toks[j].upper() || s.toks[j].n() < 4 {
		return false
	}
	t := &s.toks[j]
	if t.shape&shLetter == 0 || t.letters() && (t.lex != 0 || t.gaz&gzWord != 0 || s.englishLooking(j) || !builtFromName(s.lower(j))) {
		return false
	}
	end := s.userNameValue(j)
	if end < 0 {
		return false
	}
	s.addName(j, end, ClinicianNames|clsExplicit)
	return true
}

// builtFromName: a user name made of a name and initials ("tfarrell",
// "farrellt", "kowusu"), checked against the surname and given-name lists.
func builtFromName(w string) bool {
	isName := func(x string, fl uint64, gz uint16) bool {
		if len(x) < 4 {
			return false
		}
		f, g := lookupString(x)
		return f&fl != 0 || g&gz != 0
	}
	return isName(w[1:], lxSur|lxFirst, gzSur|gzFirst) || len(w) > 2 && isName(w[2:], lxSur, gzSur) ||
		isName(w[:len(w)-1], lxSur|lxFirst, gzSur|gzFirst)
}

// onlyClosingAfter: nothing but blanks and closing marks follow token i to
// the end of the text (a signature ends the note).
func (s *scan) onlyClosingAfter(i int) bool {
	for j := int(s.toks[i].e); j < len(s.text); j++ {
		switch s.text[j] {
		case ' ', '\t', '\n', '\r', '"', ')', '.':
		default:
			return false
		}
	}
	return true
}

// lowerSignature: a user name signing a note at its very end after a dash
// ("read back. -- jlucas"): a lower-case word on no list.
func (s *scan) lowerSignature(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.n() < 4 || t.n() > 14 || t.gaz&gzWord != 0 || s.englishLooking(i) || !builtFromName(s.lower(i)) {
		return false
	}
	if !s.onlyClosingAfter(i) {
		return false
	}
	s.addName(i, i, ClinicianNames|clsExplicit)
	return true
}

// initialsOfPerson: dotted initials after a word for the person ("Subject
// E.W. reports", "Sickle cell pt - J.M.") or an "Initials:" label ("Initials:
// G-W-H").
func (s *scan) initialsOfPerson(i int) bool {
	e := i + 1 // the dot
	n := 1
	for e+2 < len(s.toks) && s.toks[e+1].gap == gapNone && s.isInitial(e+1) {
		e += 2
		n++
	}
	if n < 2 {
		return false
	}
	p := s.sameLinePrev(i)
	if p >= 0 && (s.toks[p].punct('-') || s.toks[p].punct(':')) {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	switch s.lower(p) {
	case "subject", "pt", "patient", "participant", "client", "resident", "member", "initials", "re", "child", "infant", "baby":
		s.addName(i, e, PatientNames)
		return true
	}
	return false
}

// initialsLabel: "Initials: G-W-H", "Initials: GWH", "initials g.w.h.".
func (s *scan) initialsLabel(i int) {
	j := i + 1
	if j < len(s.toks) && s.toks[j].punct(':') {
		j++
	}
	if j >= len(s.toks) || s.toks[j].gap == gapLine || !s.toks[j].letters() || !s.toks[j].allUpper() && s.toks[j].n() > 1 {
		return
	}
	if s.toks[j].n() >= 2 && s.toks[j].n() <= 4 && s.toks[j].lex == 0 {
		s.addName(j, j, PatientNames)
		return
	}
	e := j
	for e+2 < len(s.toks) && s.toks[e+1].gap == gapNone && (s.toks[e+1].punct('-') || s.toks[e+1].punct('.')) &&
		s.toks[e+2].gap == gapNone && s.toks[e+2].letters() && s.toks[e+2].n() == 1 {
		e += 2
	}
	if e > j && s.toks[j].n() == 1 {
		if e+1 < len(s.toks) && s.toks[e+1].punct('.') && s.toks[e+1].gap == gapNone {
			e++
		}
		s.addName(j, e, PatientNames)
	}
}

// roomListName: the person in a census or handoff list line, "Rm 15 -
// Hope (peds overflow)", "Bed 4: Okafor, C.": a room or bed number at the
// start of the line, a dash or colon, and a capitalized word on a list of
// names or on no list at all.
func (s *scan) roomListName(i int) bool {
	n := s.next(i)
	if n < 0 || s.toks[n].shape&shDigit == 0 {
		return false
	}
	d := s.next(n)
	if d < 0 || !(s.toks[d].punct('-') || s.toks[d].punct(':')) {
		return false
	}
	k := s.next(d)
	if k < 0 || !s.toks[k].capWord() || s.toks[k].allUpper() {
		return false
	}
	t := &s.toks[k]
	if t.lex&(lxMedical|lxCommon) != 0 && t.lex&(lxFirst|lxFirstAmb|lxSur|lxSurAmb) == 0 || t.lex&(lxMonth|lxTitle|lxTitleClin) != 0 ||
		t.lex == 0 && t.gaz&(gzFirst|gzSur) == 0 && s.englishLooking(k) {
		return false
	}
	if t.lex == 0 && t.gaz == 0 && s.eponymAfter(k) {
		return false
	}
	s.nameChain(k, PatientNames, true)
	return true
}

// nameAfterAnd: "Chidi and Amaka (grandchildren)": a capitalized word on
// no list after a found name and "and" or "&" is a name too. i is "and".
func (s *scan) nameAfterAnd(i int) bool {
	k := s.next(i)
	if i == 0 || k < 0 || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].allUpper() || s.toks[k].lex != 0 ||
		s.toks[k].gaz&gzWord != 0 || s.englishLooking(k) || s.eponymAfter(k) || !s.toks[i-1].capWord() || !s.nameEndsAt(i-1) {
		return false
	}
	s.nameChain(k, PatientNames, false)
	return true
}

// familyName: "O'Shaughnessy family requests an update": a capitalized
// surname or word on no list before "family".
func (s *scan) familyName(i int) bool {
	n := s.next(i)
	if n < 0 || !s.eq(n, "family") || s.toks[n].upper() || !s.toks[i].capWord() || s.toks[i].allUpper() && s.toks[i].n() <= 3 {
		return false
	}
	t := &s.toks[i]
	if !(t.lex == 0 && !s.englishLooking(i) || t.lex&lxSur != 0 && t.lex&(lxCommon|lxMedical) == 0 ||
		t.gaz&gzSur != 0 && t.gaz&gzWord == 0 && t.lex&(lxCommon|lxMedical) == 0) {
		return false
	}
	if p := s.sameLinePrev(i); p >= 0 && (s.toks[p].is(lxMedical) || s.eq(p, "the") && t.lex != 0) {
		return false // "the Smith family" is taken by the family rule; "Bcl-2 family"
	}
	s.nameChain(i, RelativeNames, false)
	return true
}

// roleLabels name a role whose holder a label's value is: "Sonographer:
// JH".
var roleLabels = map[string]bool{"sonographer": true, "technologist": true, "tech": true, "cytotechnologist": true,
	"scribe": true, "transcriptionist": true, "transcribed": true, "interpreter": true, "dictated": true,
	"reviewer": true, "signed": true, "cosigned": true, "verified": true, "entered": true, "performed": true,
	"initials": true, "preparer": true, "prepared": true, "by": true, "rn": true, "nurse": true, "therapist": true,
	"phlebotomist": true, "pharmacist": true, "author": true, "attending": true, "resident": true, "fellow": true}

// typistInitials: a dictation's initials in lower case, as transcription
// footers write them: after a role's label and its colon ("Transcribed
// by: jmr"), or a line of two sets joined by a slash ("jmr/kl", the
// dictating clinician's and the typist's). Each set is two to four
// letters with no vowel but "y" or on no word list, and no clinical
// abbreviation ("s/p", "n/v", "mg/kg" are one letter or listed).
func (s *scan) typistInitials(i int) bool {
	if !s.lowerInitialsWord(i) {
		return false
	}
	if credentialShort[s.lower(i)] {
		return false // "Performed by: rrt", "Therapist: slp", "Attending: tbd"
	}
	if p := i - 1; p >= 1 && s.toks[p].punct(':') && s.toks[p].gap == gapNone && s.toks[p-1].letters() && roleLabels[s.lower(p-1)] {
		if n := i + 1; n >= len(s.toks) || s.toks[n].gap == gapLine || s.wideGap(n) {
			s.addName(i, i, ClinicianNames|clsExplicit)
			return true
		}
		return false
	}
	// "jmr/kl" alone on its line.
	if !s.lineStart(i) || i+2 >= len(s.toks) || !s.toks[i+1].punct('/') || s.toks[i+1].gap != gapNone || s.toks[i+2].gap != gapNone ||
		!s.lowerInitialsWord(i+2) {
		return false
	}
	if n := i + 3; n < len(s.toks) && s.toks[n].gap != gapLine {
		return false
	}
	// "rx/hx", "fx/dx", "bp/hr": clinical abbreviations paired.
	if a, b := s.lower(i), s.lower(i+2); strings.HasSuffix(a, "x") || strings.HasSuffix(b, "x") || credentialShort[b] || vitalPairs[a] || vitalPairs[b] {
		return false
	}
	s.addName(i, i, ClinicianNames|clsExplicit)
	s.addName(i+2, i+2, ClinicianNames|clsExplicit)
	return true
}

// credentialShort are credentials and placeholders written in lower case
// after a role's label, no one's initials.
var credentialShort = map[string]bool{"rrt": true, "slp": true, "crnp": true, "cst": true, "pgy": true, "tbd": true,
	"spn": true, "ssl": true, "cna": true, "lpn": true, "crna": true, "cnm": true, "lcsw": true, "lmft": true,
	"dpt": true, "cmt": true, "mts": true, "rdms": true, "rvt": true, "cnp": true, "fnp": true, "mhc": true}

// vitalPairs are vital signs written in pairs with a slash ("bp/hr").
var vitalPairs = map[string]bool{"bp": true, "hr": true, "rr": true, "pr": true, "wt": true, "ht": true, "sbp": true,
	"dbp": true, "bmi": true}

// cityAddressed: a town's name that is also a given name ("austin",
// "dallas", "chester"), set off by commas after the words that open the
// turn and before what is said to a person: an imperative or a pronoun
// and its verb ("ok , austin , breathe in", "alright, dallas, you can sit
// up"). A town confirmed as a place has no such words after it ("so,
// austin, texas", "so , austin , that's where you grew up").
func (s *scan) cityAddressed(i int) bool {
	t := &s.toks[i]
	if t.upper() || t.lex&lxCityAmb == 0 || t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxState|lxCountry) != 0 || s.isKnown(i) {
		return false
	}
	p, n := s.sameLinePrev(i), i+1
	if p < 0 || !s.toks[p].punct(',') || n >= len(s.toks) || !s.toks[n].punct(',') || !s.discourseOpens(i) {
		return false
	}
	var wb [2]string
	w := s.wordsAfterInto(wb[:0], n, 2)
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "you", "you're", "you'll", "we", "we're", "we'll", "let's", "i'm", "i'll", "i", "please":
	case "can", "could", "would", "do", "did", "are":
		if len(w) < 2 || w[1] != "you" {
			return false
		}
	default:
		if !addressImperatives[w[0]] {
			return false
		}
	}
	s.add(int(t.s), int(t.e), Name, prCue)
	return true
}

// addressImperatives are said to the person named just before them in an
// examination: "ok , austin , breathe in".
var addressImperatives = map[string]bool{"breathe": true, "lift": true, "look": true, "take": true, "sit": true,
	"lie": true, "open": true, "turn": true, "relax": true, "hold": true, "stand": true, "come": true, "tell": true,
	"give": true, "follow": true, "squeeze": true, "push": true, "cough": true, "say": true, "try": true, "point": true,
	"show": true, "bend": true, "walk": true, "stick": true, "close": true}

// lowerInitialsWord: token k is two to four lower-case letters that read
// as initials: on no list, no English word, no vowel but "y".
func (s *scan) lowerInitialsWord(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.upper() || t.n() < 2 || t.n() > 4 || t.lex != 0 || t.gaz != 0 || s.tokIn(unitAcronymSet, k) {
		return false
	}
	if eng := s.englishTok(k); eng {
		return false
	}
	return !strings.ContainsAny(s.lower(k), "aeiou")
}

// nameLine reports that the rest of the line from token k reads as a name
// and nothing else ("PATIENT: Zoë L. Szymanski", "Name: WHITCOMBE, HAROLD"):
// a label's value rather than a speaker's sentence.
func (s *scan) nameLine(k int) bool { return s.nameLineWords(k) > 0 }

// nameLineWords counts the name words of the rest of the line from k, or 0
// if something other than a name is on it.
func (s *scan) nameLineWords(k int) int {
	words, cities := 0, 0
	for j := k; j < len(s.toks); j++ {
		t := &s.toks[j]
		if j > k && t.gap == gapLine {
			break
		}
		if j > k && (t.word() && (t.upper() || s.wideGap(j)) && t.is(lxCue|lxDateCue) || t.punct('(') || t.punct(';')) {
			break // the next field on the line: "Patient: Papadakis, Ibrahim   MRN ...", "Attending: Varghese; Resident: ..."
		}
		switch {
		case j > k && t.word() && t.n() == 1 && t.upper() && t.letters():
			// a middle initial, with or without its dot: "ELIZABETH A CHOW"
		case t.capWord() && (t.lex == 0 || t.lex&(lxFirst|lxSur) != 0 && t.lex&(lxCommon|lxMedical|lxMonth) == 0):
			words++
		case t.capWord() && !t.allUpper() && t.lex&lxCity != 0 && t.lex&(lxCommon|lxMedical|lxMonth|lxState|lxCountry) == 0:
			// A city that is also a given name ("Geneva", "Odessa"):
			// a name's word only beside other name words.
			words++
			cities++
		case t.letters() && t.is(lxParticle):
		case t.kind == tkPunct && (t.ch == ',' || t.ch == '.' || t.ch == '-' || t.ch == '\''):
		default:
			return 0
		}
	}
	if words > 4 || words == cities {
		return 0
	}
	return words
}

// lastNameTok returns the last token of the name chain that starts at k.
func (s *scan) lastNameTok(k int) int {
	if len(s.cands) == 0 {
		return k
	}
	c := s.cands[len(s.cands)-1]
	for j := k; j < len(s.toks); j++ {
		if int(s.toks[j].e) == c.e {
			return j
		}
	}
	return k
}

// listedName reports a capitalized word on the name lists (not ambiguous),
// or two name-like capitalized words in a row.
func (s *scan) listedName(k int) bool {
	t := s.tok(k)
	if t == nil || !t.capWord() || t.allUpper() && t.n() > 1 || s.eponymAhead(k) {
		return false // "Nottingham Prognostic Index", "Ramsay Hunt syndrome"
	}
	if t.lex&(lxFirst|lxSur) != 0 && t.lex&(lxFirstAmb|lxSurAmb|lxCommon|lxMedical|lxMonth) == 0 {
		return true
	}
	// A given name of the census lists that is no English word and names
	// no place, and no field label: "spoke with Bernadette", not "Lang:".
	if t.lex == 0 && t.gaz&gzFirst != 0 && t.gaz&^(gzFirst|gzSur) == 0 && !t.allUpper() &&
		!(k+1 < len(s.toks) && s.toks[k+1].punct(':')) {
		return true
	}
	if n := s.next(k); n > 0 && s.isInitial(n) && t.lex&(lxCommon|lxMedical) == 0 && s.nameish(k, false) {
		if m := s.next(n + 1); m > 0 && s.nameish(m, false) {
			return true // "Florian A. Al-Rashid"
		}
	}
	if n := s.next(k); n > 0 && s.toks[n].gap == gapSpace && s.nameish(k, false) && s.nameish(n, false) &&
		!s.englishLooking(k) && !s.englishLooking(n) && !(n+1 < len(s.toks) && s.toks[n+1].punct(':') && s.toks[k].gap == gapLine) &&
		(t.lex&(lxFirst|lxSur) != 0 || s.toks[n].lex&(lxFirst|lxSur) != 0 || t.lex == 0 && s.toks[n].lex == 0) && !s.capsNoEvidence(k, n) {
		return true
	}
	return false
}

// strongName is listedName, or an unknown capitalized word that is followed
// by something only people do ("Ngozi presents").
func (s *scan) strongName(k int) bool {
	if s.listedName(k) {
		return true
	}
	t := s.tok(k)
	if t == nil || !t.capWord() || t.allUpper() || t.n() < 3 ||
		!(t.lex == 0 || t.lex&(lxFirstAmb|lxSurAmb) != 0 && t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday) == 0) {
		return false
	}
	// "Brown's daughter", "Okonjo's wife": a possessive before a relation.
	if k+3 < len(s.toks) && s.toks[k+1].punct('\'') && s.toks[k+1].gap == gapNone && s.eq(k+2, "s") &&
		s.toks[k+3].is(lxRelation) && s.toks[k+3].gap == gapSpace {
		return true
	}
	// "Documentation states": an English-looking word is no name before a
	// verb of reporting.
	if s.englishLooking(k) && docVerbs[s.nextWordAt(k)] {
		return false // "Documentation states", "Evaluation reveals"
	}
	// "Offloading is the key": a gerund or abstract noun on no list of
	// names opens a sentence; a verb after it makes no person of it.
	// Virtue names end otherwise ("Temperance is here", "Felicity has").
	if p := s.sameLinePrev(k); s.nounLooking(k) && t.gaz&(gzFirst|gzSur) == 0 && (s.opensSentence(k) || s.toks[p].punct(':')) {
		return false
	}
	return s.personVerbAfter(k)
}

// docVerbs are what a document or a finding does: after an English-looking
// word they make it no name ("Documentation states"; "Temperance is here"
// stays a name).
var docVerbs = map[string]bool{"states": true, "stated": true, "shows": true, "showed": true, "reveals": true,
	"revealed": true, "notes": true, "noted": true, "indicates": true, "indicated": true, "demonstrates": true,
	"demonstrated": true, "documents": true, "documented": true, "suggests": true, "suggested": true, "reports": true,
	"reported": true, "confirms": true, "confirmed": true}

// nounLooking: token k, of seven letters or more and on no list of names,
// ends like a gerund or an abstract or clinical noun ("Offloading",
// "Documentation", "Improvement", "Melanoma", "Neuralgia").
func (s *scan) nounLooking(k int) bool {
	t := &s.toks[k]
	if t.lex&(lxFirst|lxSur) != 0 || t.n() < 7 || !t.letters() {
		return false
	}
	w := s.lower(k)
	for _, suf := range [...]string{"ing", "tion", "sion", "ment", "ness", "ism", "logy", "itis", "osis", "ectomy", "otomy", "scopy"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	// A disease's or a pain's ending only on a word of the lists
	// ("Melanoma", "Neuralgia"); a surname on none ends so too
	// ("Mbokoma").
	for _, suf := range [...]string{"oma", "emia", "algia", "pathy", "iasis"} {
		if strings.HasSuffix(w, suf) {
			return s.englishTok(k) || t.lex&lxMedical != 0
		}
	}
	return false
}

// opensSentence: token k starts a line or follows a sentence's end.
func (s *scan) opensSentence(k int) bool {
	p := s.sameLinePrev(k)
	return p < 0 || s.toks[p].punct('.') || s.toks[p].punct('!') || s.toks[p].punct('?') || s.toks[p].punct(';')
}

var personVerbs = map[string]bool{"presents": true, "presented": true, "reports": true, "reported": true, "states": true,
	"stated": true, "denies": true, "denied": true, "lives": true, "resides": true, "returns": true, "returned": true,
	"arrived": true, "tolerated": true, "complains": true, "endorses": true, "feels": true, "says": true, "said": true,
	"underwent": true, "came": true, "comes": true, "agrees": true, "understands": true, "verbalizes": true,
	"declined": true, "refuses": true, "refused": true, "wants": true, "wishes": true, "prefers": true, "seen": true,
	"called": true, "calls": true, "visited": true, "visits": true, "asked": true, "asks": true, "thinks": true,
	"recently": true, "moved": true, "drives": true, "walks": true, "smokes": true, "drinks": true, "works": true,
	"uses": true, "takes": true, "needs": true, "notes": true, "noted": true, "relates": true, "describes": true,
	"admits": true, "recalls": true, "remembers": true, "continues": true, "currently": true, "consented": true,
	"expressed": true, "requested": true, "requests": true, "brought": true, "accompanied": true}

// nameBridge: token k is a short capitalized word that is also an ordinary
// word, inside a name between a given name (token en) and a last part on no
// list or a particle that ends the name: "Thien An Le (DOB ...)", "Marcus Ten
// Eyck, not my dad", "Maria So Young,". Many names of Vietnamese, Korean,
// Dutch and Chinese origin have such a part.
func (s *scan) nameBridge(en, k int) bool {
	t, p := &s.toks[k], &s.toks[en]
	if !t.capWord() || t.allUpper() || !t.letters() || t.n() > 3 || t.gap != gapSpace || !p.letters() || p.allUpper() ||
		p.lex&(lxFirst|lxFirstAmb) == 0 && p.gaz&gzFirst == 0 ||
		t.is(lxTitle|lxTitleClin|lxMonth|lxMonthAbbr|lxWeekday|lxCue|lxDateCue|lxRelation|lxState|lxStateAbbr|lxStreetSuffix|lxCredential|lxUnitWord) {
		return false
	}
	m := k + 1
	if m >= len(s.toks) || s.toks[m].gap != gapSpace || !s.toks[m].capWord() || s.toks[m].allUpper() || !s.toks[m].letters() {
		return false
	}
	mt := &s.toks[m]
	last := mt.is(lxParticle) || mt.lex&^nameListFlags == 0 && mt.gaz&^(gzFirst|gzSur|gzPhraseHead) == 0 && !s.dictionaryWord(m) && !s.englishLooking(m)
	if !last || s.eponymAfter(m) {
		return false
	}
	e := m + 1
	return e >= len(s.toks) || s.toks[e].gap == gapLine || s.toks[e].punct(',') || s.toks[e].punct('(') || s.toks[e].punct(')') ||
		s.toks[e].punct('.') || s.toks[e].punct(';')
}

func (s *scan) nameChainTrue(i int) bool {
	s.nameChain(i, PatientNames, false)
	return true
}

// personVerbAfter reports a verb after token k (and after a name chain
// continuing it) that takes a person as subject.
func (s *scan) personVerbAfter(k int) bool {
	j := k + 1
	for j < len(s.toks) && j < k+4 && s.toks[j].gap == gapSpace && s.nameish(j, false) {
		j++
	}
	if j+1 < len(s.toks) && s.toks[j].punct('\'') && s.eq(j+1, "s") {
		return false
	}
	if j >= len(s.toks) || s.toks[j].gap != gapSpace || !s.toks[j].letters() || s.toks[j].upper() {
		return false
	}
	w := s.lower(j)
	if personVerbs[w] {
		return true
	}
	if w == "was" || w == "is" || w == "has" || w == "had" {
		if n := s.next(j); n > 0 {
			switch s.lower(n) {
			case "admitted", "seen", "the", "brought", "aged", "age", "transferred", "discharged", "evaluated", "referred", "a",
				"an", "here", "doing", "feeling", "living", "able", "unable", "accompanied", "married", "widowed",
				"alert", "pleasant", "awake", "sleeping", "agreeable":
				return true
			}
		}
	}
	return false
}

// englishSuffixes end ordinary words far more often than names: a
// capitalized word on no list that ends in one is not taken for a name on
// its own ("Heart Failure", "Chronic Obstruction", "Occupational Therapy").
var englishSuffixes = []string{"tion", "sion", "ment", "ness", "ity", "ism", "itis", "osis", "emia", "pathy",
	"ectomy", "otomy", "ostomy", "plasty", "scopy", "ology", "logy", "graphy", "gram", "ure", "ance", "ence", "ive",
	"ous", "ary", "ory", "ical", "ular", "ing", "ated", "ized", "ness", "less", "able", "ible", "ics", "ward", "wise",
	"atic", "etic", "itic", "otic", "ific", "olic", "ial", "ual", "ational", "ogenic", "ular", "ine", "ide", "ase",
	"ologist", "ician", "iatrist", "apist", "macist"}

func (s *scan) englishLooking(k int) bool {
	t := &s.toks[k]
	if t.lex&(lxFirst|lxSur) != 0 || t.n() < 5 {
		return false
	}
	w := s.lower(k)
	for _, suf := range englishSuffixesByLast[w[len(w)-1]] {
		if len(w) > len(suf)+2 && w[len(w)-len(suf):] == suf {
			return true
		}
	}
	return false
}

// englishSuffixesByLast are englishSuffixes by their last byte, so that
// englishLooking compares a word with the few suffixes that can end it.
var englishSuffixesByLast = func() (t [256][]string) {
	for _, suf := range englishSuffixes {
		t[suf[len(suf)-1]] = append(t[suf[len(suf)-1]], suf)
	}
	return t
}()

// unknownPair seeds a name from two neighbouring capitalized words that are
// not ordinary words, at least one on no list ("Chidi Blackwood").
func (s *scan) unknownPair(i int) bool {
	t := &s.toks[i]
	if t.allUpper() && t.n() >= 3 && s.capsLastFirst(i) {
		s.nameChain(i, PatientNames, false)
		s.nameChain(i+2, PatientNames, false)
		return true
	}
	if !t.capWord() || t.allUpper() || t.n() < 2 || t.lex != 0 && t.lex&^(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 {
		return false
	}
	if t.lex != 0 {
		if s.strongName(i) && s.nameChainTrue(i) {
			return true
		}
		return false
	}
	// "Member Olive Pennebaker", "by Hope Castellanos": a capitalized word
	// of no list that is no English word, after a given name that is also
	// a word (not opening the sentence), is the surname of both.
	if p := s.sameLinePrev(i); p >= 0 && t.gap == gapSpace && s.toks[p].capWord() && !s.toks[p].allUpper() &&
		(s.toks[p].lex&(lxFirst|lxFirstAmb) != 0 || s.toks[p].gaz&(gzFirst|gzFirstAmb) != 0) &&
		s.toks[p].lex&(lxTitle|lxTitleClin|lxMonth|lxWeekday|lxMedical|lxCity|lxState|lxCountry) == 0 &&
		!s.opensSentence(p) && !s.lineStart(p) && t.n() >= 3 && t.gaz&^(gzFirst|gzSur) == 0 && !s.englishLooking(i) &&
		!englishOrCompound(s.lower(i)) && !s.eponymAfter(i) {
		s.nameChain(p, PatientNames, false)
		return true
	}
	if s.verbOpening(i) {
		return false // "Plays Minecraft daily.", "Drinks Coca-Cola Zero."
	}
	if n := s.next(i); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].capWord() && !s.toks[n].allUpper() && s.nameish(n, false) &&
		s.toks[n].lex&lxBrand == 0 && !s.eponymAfter(n) && !s.eponymAhead(n) && !s.englishLooking(i) && !s.englishLooking(n) && !(n+1 < len(s.toks) && s.toks[n+1].punct(':')) &&
		!s.capsNoEvidence(i, n) {
		s.nameChain(i, PatientNames, false)
		return true
	}
	if s.lastFirst(i) {
		s.nameChain(i, PatientNames, false)
		s.nameChain(i+2, PatientNames, false)
		return true
	}
	if s.strongName(i) {
		s.nameChain(i, PatientNames, false)
		return true
	}
	return false
}

// initialClosers are lower-case words after which a name's last initial
// closes it: "Tamsin R. and", "Maria L. to call back".
var initialClosers = wordsOf("and or for with re at by to from on in is was will has had said called")

// capsNoEvidence: the capitals of the pair i, n (two words on no
// hand-written list) say nothing of a person. Either both are ordinary
// English words that no list of given names holds ("Grab Bars", "Gift
// Shop", "Red Meat"), or the line is written in Title Case, as headings,
// order sets and handout lists are, neither word is on a list of names and
// one is an English word ("Apply Mepilex Border, Change Every Three Days").
// "Chidi Blackwood", "Dawn Fortune" and, on a Title Case line, "Follow Up
// With Chidi Okafor" and "Letter For Ifeoluwa Nwachukwuike" stay.
func (s *scan) capsNoEvidence(i, n int) bool {
	if s.ordinaryCap(i) && s.ordinaryCap(n) && !s.placeAround(i, n) {
		return true
	}
	return !s.nameNoWord(i) && !s.nameNoWord(n) && (s.ordinaryCap(i) || s.ordinaryCap(n)) && s.titleCaseLine(i)
}

// placeAround: the pair i, n of ordinary words may name a place: a place
// preposition or a listed place before it ("on Miracle Mile", "to Johns
// Island", "Minneapolis Public Schools", "DDS -- Smile Haven"), or a
// facility word after it ("Smile Haven Dental").
func (s *scan) placeAround(i, n int) bool {
	if p := s.sameLinePrev(i); p >= 0 && s.toks[p].letters() {
		if s.toks[p].upper() && (s.toks[p].lex&lxCity != 0 || s.toks[p].gaz&(gzCity|gzTown) != 0) {
			return true
		}
		switch s.lower(p) {
		case "on", "at", "to", "from", "in", "near", "into", "via", "off":
			return true
		}
	} else if p >= 0 && s.toks[p].punct('-') && s.toks[i].gap != gapNone {
		return true
	}
	m := s.next(n)
	return m > 0 && s.toks[m].capWord() && s.toks[m].is(lxFacility)
}

// ordinaryCap: token k is an English word (12dicts, or the plural of one,
// or a census surname marked as a word) on no hand-written list of names
// and no census list of given names: "Grab", "Bars", "Gift", "Border";
// not "Dawn", "Hunter", "Okafor".
func (s *scan) ordinaryCap(k int) bool {
	t := &s.toks[k]
	if t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0 {
		return false
	}
	if t.gaz&gzSur != 0 {
		return t.gaz&gzWord != 0
	}
	return s.dictionaryWord(k) || s.pluralOfWord(k)
}

// nameNoWord: token k is on a list of names and is no English word there.
func (s *scan) nameNoWord(k int) bool {
	t := &s.toks[k]
	return t.lex&(lxFirst|lxSur) != 0 || t.gaz&(gzFirst|gzSur) != 0 && t.gaz&gzWord == 0
}

// titleFunctionWords are written in lower case inside a sentence; inside a
// line, after another word, in capitals they mark Title Case. Articles
// are left out: "at The Citadel" is a name's.
var titleFunctionWords = map[string]bool{"with": true, "within": true, "without": true, "if": true, "of": true, "for": true,
	"and": true, "or": true, "to": true, "in": true, "on": true, "at": true, "near": true, "not": true, "from": true,
	"before": true, "after": true, "by": true, "per": true, "every": true, "each": true, "than": true, "over": true,
	"under": true, "into": true, "as": true, "until": true, "when": true}

// titleCaseLine: the line of token k is short, as headings, order sets and
// list items are (24 tokens at most), and has a capitalized function word
// right after another word: "Clean With Soap", "Grab Bars Near the
// Toilet", "Notify Provider If Drainage Increases". After a colon or a
// sentence's end a capital is the sentence's; a paragraph is no heading.
//
// The answer is the same for every token of a line, and the rules ask it
// of nearly every capitalized word, so the last line's answer is kept
// (scan.titleLine): a line of 25 tokens or fewer answers found for all of
// them, and the first 25 tokens of a longer one answer false.
func (s *scan) titleCaseLine(k int) bool {
	if c := &s.titleLine; c.ok && k >= c.from && k <= c.to {
		return c.found
	}
	a := k
	for a > 0 && s.toks[a].gap != gapLine {
		if a--; a < k-24 {
			return false
		}
	}
	found := false
	j := a + 1
	for ; j < len(s.toks) && s.toks[j].gap != gapLine; j++ {
		if j > a+24 {
			s.titleLine = lineAnswer{ok: true, from: a, to: a + 24, found: false}
			return false
		}
		t := &s.toks[j]
		if !found && t.capWord() && !t.allUpper() && t.n() <= 7 && s.toks[j-1].letters() && titleFunctionWords[s.lower(j)] {
			found = true
		}
	}
	s.titleLine = lineAnswer{ok: true, from: a, to: j - 1, found: found}
	return found
}

// lineAnswer is a yes or no kept for the tokens from..to of one line of
// the current text (titleCaseLine's); ok is false until it is set.
type lineAnswer struct {
	ok       bool
	from, to int
	found    bool
}

// capsLastFirst: "NWACHUKWU, EULALIA" - two capitalized words that are
// names or on no list, joined by a comma.
func (s *scan) capsLastFirst(i int) bool {
	// After a name's label, English words are a name too: trauma aliases
	// ("Alias: ZEBRA, TANGO").
	labeled := false
	if p := s.sameLinePrev(i); p >= 1 && s.toks[p].punct(':') && s.toks[p-1].letters() {
		switch s.lower(p - 1) {
		case "alias", "aka", "name", "patient", "pt":
			labeled = true
		}
	} else if st := s.toks[i].s; st > 0 && (s.text[st-1] == '^' || s.text[st-1] == '|') && i+2 < len(s.toks) && !s.observationLine(i) &&
		s.toks[i+2].letters() && s.toks[i+2].lex&lxFirst != 0 && s.toks[i+2].lex&(lxCommon|lxMedical|lxMonth) == 0 &&
		s.toks[i].lex&(lxMedical|lxCommon) == 0 {
		// A field of a delimited record with a given name after the
		// comma: "...^07/03/88^BALL, CHRISTINE" (not "|BLOOD, WHOLE|").
		labeled = true
	}
	okWord := func(k int) bool {
		t := s.tok(k)
		if t == nil || !t.letters() || !t.allUpper() || t.n() < 4 || s.englishLooking(k) || !labeled && s.dictionaryWord(k) ||
			!(t.lex == 0 || t.lex&(lxFirst|lxSur) != 0 && t.lex&(lxCommon|lxMedical|lxMonth) == 0 ||
				labeled && t.lex&(lxMedical|lxMonth|lxWeekday|lxCue|lxCredential|lxTitle|lxTitleClin) == 0) {
			return false
		}
		// Acronyms ("HTN, HLD") have no vowels; names do.
		return strings.ContainsAny(s.str(k), "AEIOUY")
	}
	// The comma first: it is cheaper than okWord and rarely there.
	if !(i+2 < len(s.toks) && s.toks[i+1].punct(',') && s.toks[i+1].gap == gapNone &&
		s.toks[i+2].gap == gapSpace && okWord(i) && okWord(i+2)) {
		return false
	}
	// A clinical or English-looking word in capitals right before: a
	// heading ("NURSING HANDOFF, PEDS FLOOR"), not a name written last name
	// first ("PT KOWALCZYK, DOLORES" stays).
	if p := s.sameLinePrev(i); p >= 0 && s.toks[p].letters() && s.toks[p].allUpper() && s.toks[i].gap == gapSpace &&
		(s.toks[p].lex&lxMedical != 0 && s.toks[p].lex&(lxFirst|lxSur|lxTitle|lxTitleClin) == 0 || s.englishLooking(p)) {
		return false
	}
	// A third capitalized word after another comma, or one before, makes a
	// list of acronyms ("Look AHEAD, SPRINT, ACCORD, UKPDS"), not a name.
	listed := func(c, w int) bool {
		return c >= 0 && w >= 0 && w < len(s.toks) && s.toks[c].punct(',') && s.toks[w].letters() && s.toks[w].allUpper() &&
			s.toks[w].n() >= 3 && s.toks[w].lex&(lxCue|lxCredential|lxDateCue|lxTitle|lxTitleClin) == 0
	}
	return !listed(i+3, i+4) && !(i >= 2 && listed(i-1, i-2))
}

// lastFirst: "Kaczmarek, Tobias:" - an unknown capitalized word, a comma and
// a first name (listed or unknown), then the end of the field.
func (s *scan) lastFirst(i int) bool {
	c := i + 1
	if c+1 >= len(s.toks) || !s.toks[c].punct(',') || s.toks[c].gap != gapNone {
		return false
	}
	f := c + 1
	ft := &s.toks[f]
	if ft.gap != gapSpace || !ft.capWord() || ft.allUpper() || !(ft.lex == 0 || ft.lex&lxFirst != 0 && ft.lex&(lxCommon|lxMedical|lxMonth) == 0) {
		return false
	}
	e := f + 1
	for e < len(s.toks) && s.isInitial(e) {
		e += 2
	}
	if e >= len(s.toks) || s.toks[e].gap == gapLine {
		return true
	}
	t := &s.toks[e]
	return t.punct(':') || t.punct('(') || t.punct(';') || t.word() && t.is(lxCue|lxDateCue) || s.personVerbAfter(f)
}

// listName seeds a name from the bundled lists.
func (s *scan) listName(i int) bool {
	t := &s.toks[i]
	if !t.capWord() || t.allUpper() && t.n() > 1 || t.lex&(lxFirst|lxSur) == 0 {
		return false
	}
	if t.lex&(lxMonth|lxWeekday|lxCommon|lxTitle|lxTitleClin|lxStreetSuffix|lxState) != 0 && t.lex&lxFirstAmb == 0 && t.lex&lxSurAmb == 0 {
		return false
	}
	amb := t.lex&(lxFirstAmb|lxSurAmb|lxMedical|lxCommon|lxMonth|lxCityAmb) != 0 || t.lex&lxCity != 0 && s.cueBefore(i, lxPlaceCue, 3)
	if amb {
		// Needs a neighbour that is a name: "Will Turner", "Grace Okafor".
		n := s.next(i)
		okNext := n > 0 && s.toks[n].gap == gapSpace && s.toks[n].capWord() && !s.toks[n].allUpper() &&
			(s.toks[n].lex&(lxFirst|lxSur) != 0 && s.toks[n].lex&(lxFirstAmb|lxSurAmb|lxCommon|lxMedical|lxMonth) == 0 ||
				s.toks[n].lex == 0 && !s.eponymAfter(n) && !s.englishLooking(n))
		p := i - 1
		okPrev := p >= 0 && s.toks[i].gap == gapSpace && s.toks[p].capWord() && !s.toks[p].allUpper() &&
			s.toks[p].lex&lxFirst != 0 && s.toks[p].lex&(lxFirstAmb|lxCommon|lxMonth) == 0
		if !okNext && !okPrev && !s.strongName(i) || s.eponymAfter(i) {
			return false
		}
	}
	if s.eponymAfter(i) || s.eponymAhead(i) {
		return false
	}
	// A city followed by ", ST" is a place, not a person.
	if t.lex&lxCity != 0 && s.stateAfter(i) {
		return false
	}
	s.nameChain(i, PatientNames, false)
	return true
}

// credentialName: "Jane Smith, MD", "K. Osei RN".
func (s *scan) credentialName(i int) bool {
	t := &s.toks[i]
	if !t.upper() || t.n() < 2 {
		return false
	}
	p := i - 1
	if p >= 0 && s.toks[p].punct(',') {
		p--
	}
	if p < 0 || s.toks[i].gap == gapLine || !s.toks[p].capWord() {
		return false
	}
	if n := i + 1; n < len(s.toks) && s.toks[n].punct(':') && s.toks[n].gap == gapNone && !s.anyNameList(p) {
		return false // "Supervising MD: Dr. Lirette": a label, not a name and its credential
	}
	// "D. PEEBLES RN": a surname in capitals after an initial.
	if s.toks[p].allUpper() && s.toks[p].n() >= 3 && s.toks[p].lex&(lxCommon|lxMedical|lxCue|lxCredential) == 0 && p >= 2 &&
		s.isInitial(p-2) && s.toks[p].gap == gapSpace && strings.ContainsAny(s.str(p), "AEIOUY") && !t.is(lxStateAbbr) {
		s.addName(p-2, p, ClinicianNames|clsExplicit)
		return true
	}
	if s.toks[p].lex&(lxFirst|lxSur) == 0 && (s.toks[p].lex != 0 || s.toks[p].allUpper()) {
		return false
	}
	if t.is(lxStateAbbr) && s.toks[p].is(lxCity) {
		return false // "Baltimore, MD"
	}
	s.nameChain(p, ClinicianNames|clsExplicit, true)
	return true
}

// labelWord: token k, on no list of names (not even as a word: "Bell:
// aware" is a nurse's), is a label's word: a colon
// right after it and a value after that on the line ("Anesthesia: MAC").
func (s *scan) labelWord(k int) bool {
	n := k + 1
	return n+1 < len(s.toks) && s.toks[n].punct(':') && s.toks[n].gap == gapNone && s.toks[n+1].gap == gapSpace && !s.anyNameList(k)
}

// anyNameList: token k is on a list of given names or surnames, even as a
// word that is also a name ("Bell", "Hope").
func (s *scan) anyNameList(k int) bool {
	t := &s.toks[k]
	return t.lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 || t.gaz&(gzFirst|gzSur|gzFirstAmb) != 0
}

// speakerTags finds dialogue speaker tags at line starts ("Maria Lopez:",
// "Dr. Okafor:") and marks the names in them. Role tags (PATIENT:, Doctor:,
// Speaker 1:) and note section headers are not names.
func (s *scan) speakerTags() {
	tags := s.tags[:0]
	defer func() { s.tags = tags }()
	count := s.tagCount
	clear(count)
	for _, li := range s.web.lines { // the tokens with gap == gapLine
		i := int(li)
		j := i
		// Skip a timestamp "[00:01:23]" or "00:01".
		if s.toks[j].punct('[') || s.toks[j].punct('(') {
			for j < len(s.toks) && j < i+10 && !s.toks[j].punct(']') && !s.toks[j].punct(')') {
				j++
			}
			j++
		} else if s.toks[j].digits() {
			for j < len(s.toks) && j < i+8 && (s.toks[j].digits() || s.toks[j].punct(':') || s.toks[j].punct('.')) {
				j++
			}
		}
		st := j
		words := 0
		for j < len(s.toks) && j < st+8 && (j == st || s.toks[j].gap != gapLine) {
			t := &s.toks[j]
			if t.punct(':') {
				break
			}
			if t.capWord() {
				words++
			} else if t.digits() && j > st && (s.eq(j-1, "speaker") || s.eq(j-1, "spk") || s.eq(j-1, "participant") ||
				s.eq(j-1, "person") || s.eq(j-1, "voice") || s.eq(j-1, "caller")) {
			} else if !(t.punct('.') || t.punct('(') || t.punct(')') || t.punct('-') || t.punct('\'')) {
				words = 0
				break
			}
			j++
		}
		if words == 0 || words > 4 || j >= len(s.toks) || !s.toks[j].punct(':') || j == st {
			continue
		}
		tags = append(tags, [2]int{st, j - 1})
		if count == nil {
			count = map[string]int{}
			s.tagCount = count
		}
		count[s.low[s.toks[st].s:s.toks[j-1].e]]++
	}
	for _, tg := range tags {
		key := s.low[s.toks[tg[0]].s:s.toks[tg[1]].e]
		if count[key] < 2 && s.capsHeading(tg[0], tg[1]) {
			continue // "COMPLIANCE MEMO:", "ORDER SET:" heading a document
		}
		if count[key] < 2 && tg[0] == tg[1] && formLabels[key] {
			continue // "Church: First Baptist", "Faith: Baptist": a form's field
		}
		if tg[0] == tg[1] && foreignRoles[key] && !s.anyNameList(tg[0]) {
			continue // "Urólogo:", "Enfermera:": a role, as "Doctor:" is
		}
		for k := tg[0]; k <= tg[1]; k++ {
			t := &s.toks[k]
			if !t.capWord() || t.is(lxTitle|lxTitleClin) || t.n() < 2 {
				continue
			}
			if s.toks[tg[1]].is(lxEponymHead) {
				break // "Jackson Heart Study:" is a heading
			}
			listed := t.lex&(lxFirst|lxSur) != 0 && t.lex&(lxCommon|lxMedical) == 0
			// An unknown word is a name only in a tag that recurs, as a
			// speaker's does; a section header ("Thought Process:") does not.
			// A word of English on no list of names is a role ("Athlete:",
			// "Trainer:").
			unknown := t.lex == 0 && !t.allUpper() && count[key] >= 2 && !s.englishLooking(k)
			if listed || unknown {
				s.nameChain(k, PatientNames, true)
				break
			}
		}
	}
}

// foreignRoles are speakers' roles in Spanish, Portuguese and French,
// lower case as the scan folds them (ASCII letters only: "urÓlogo" is not
// folded, so both spellings of an accented first letter are listed where
// it matters).
var foreignRoles = wordsOf("urólogo uróloga urologo urologa médico médica medico medica enfermera enfermero " +
	"paciente pediatra cardiólogo cardióloga cardiologo cardiologa ginecólogo ginecóloga ginecologo ginecologa " +
	"neurólogo neuróloga neurologo neurologa oncólogo oncóloga oncologo oncologa psicólogo psicóloga psicologo psicologa " +
	"psiquiatra terapeuta cirujano cirujana dentista farmacéutico farmacéutica farmaceutico farmaceutica residente " +
	"intérprete interprete madre padre mamá papá mama papa hijo hija esposo esposa abuela abuelo nieto nieta " +
	"hermano hermana tío tía tio tia cuidadora cuidador partera enfermeira médecin medecin infirmière infirmiere")

// formLabels name a form's field, not a speaker, when said once before a
// colon, though they are names too ("Church: First Baptist", "Faith:
// Catholic", "Parish: St. Monica").
var formLabels = wordsOf("church faith parish temple religion denomination congregation sponsor hometown birthplace employer school")

// capsHeading: tokens a..b are a heading in capitals that is no name: all
// its words in capitals and one of them an ordinary or clinical word, or
// one that looks English and is no listed name ("COMPLIANCE MEMO"; "MARIA
// GONZALEZ" and "JOHN SMITHERSON" stay names).
func (s *scan) capsHeading(a, b int) bool {
	other := false
	for k := a; k <= b; k++ {
		t := &s.toks[k]
		if !t.letters() {
			continue
		}
		if !t.allUpper() && t.n() > 1 || !t.upper() {
			return false
		}
		if t.n() >= 2 && !t.is(lxTitle|lxTitleClin|lxCredential) && (t.lex&(lxCommon|lxMedical) != 0 ||
			s.englishLooking(k) && t.gaz&(gzFirst|gzSur) == 0) {
			other = true
		}
	}
	return other
}

// givenNameIsRelation: a lower-case given name of the lists, also one that
// is a word, opening a turn or a clause and said to be a relation: "cliff
// is my landlord", "hope is my neighbor", "grace was our nanny" (not
// "faith is my comfort").
func (s *scan) givenNameIsRelation() {
	for i := range s.toks {
		t := &s.toks[i]
		if !t.letters() || t.upper() || t.n() < 3 || t.lex&(lxFirst|lxFirstAmb) == 0 && t.gaz&(gzFirst|gzFirstAmb) == 0 ||
			t.lex&lxRelation != 0 {
			continue
		}
		v := s.next(i)
		if v < 0 || !(s.eq(v, "is") || s.eq(v, "was")) || !s.turnStart(i) && !subjectOpeners[s.prevWordAt(i, 1)] {
			continue
		}
		o := s.next(v)
		if o < 0 || !(s.eq(o, "my") || s.eq(o, "our") || s.eq(o, "his") || s.eq(o, "her") || s.eq(o, "their") || s.eq(o, "your")) {
			continue
		}
		if r := s.next(o); r > 0 && s.toks[r].letters() && s.toks[r].is(lxRelation) {
			s.lowerNameAt(i, RelativeNames)
		}
	}
}

// doubleGivenNames: a given name of two words as the American South and
// Appalachia give them, in lower case ("bobby jo", "billy ray", "betty
// sue", "jo ann"): after a name found in lower case, a second given name
// of doubleSeconds; before one after a relation, its first ("my mom jo
// ann").
func (s *scan) doubleGivenNames() {
	for c, n := 0, len(s.cands); c < n; c++ {
		cd := s.cands[c]
		if cd.t != Name {
			continue
		}
		st, en := s.candTokens(&cd)
		if st < 0 || en < st || s.toks[st].upper() {
			continue
		}
		if k := s.next(en); k > 0 && s.toks[k].gap == gapSpace && !s.toks[k].upper() && s.toks[k].letters() &&
			doubleSeconds[s.lower(k)] {
			s.addName(k, k, cd.cls)
		}
		if p := s.sameLinePrev(st); p > 0 && s.toks[st].gap == gapSpace && !s.toks[p].upper() && s.toks[p].letters() &&
			doubleFirsts[s.lower(p)] && s.toks[p].gap == gapSpace && s.toks[p-1].letters() && s.toks[p-1].is(lxRelation) {
			s.addName(p, p, cd.cls)
		}
	}
}

// staffInitials: the initials a dictated or verified document is signed
// with: the author's and the typist's at a line's start ("JPK/ac
// 06/14/2023", "BMM/jf"), and initials after a label of who did or checked
// the work ("Tech: lmb / Reviewed: HGW").
func (s *scan) staffInitials() {
	for i := 0; i+2 < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.letters() {
			continue
		}
		// "JPK/ac": capitals, a slash, lower case, opening the line, and
		// nothing after on it but the date and the job's number; also
		// with a colon ("CW:jlp"), and after the dictation's time stamp
		// or a wide gap on the line ("T: 07/15/2024 12:02  JA/dlr").
		if sep := s.toks[i+1]; t.n() >= 2 && t.n() <= 4 && t.allUpper() && (sep.punct('/') || sep.punct(':')) && sep.gap == gapNone &&
			s.toks[i+2].gap == gapNone && s.toks[i+2].letters() && !s.toks[i+2].upper() && s.toks[i+2].n() >= 2 &&
			s.toks[i+2].n() <= 3 && s.initialsPlace(i) && t.lex&(lxMedical|lxCredential|lxUnitWord|lxCue) == 0 &&
			s.toks[i+2].lex&(lxMedical|lxUnitWord) == 0 && !s.tokIn(unitAcronymSet, i) && !examShorthand[s.lower(i+2)] &&
			(sep.punct('/') || !s.englishTok(i+2)) {
			stamp := func(n int) bool {
				return s.toks[n].gap == gapSpace && (s.toks[n].digits() || s.eq(n, "job") || s.eq(n, "d") || s.eq(n, "dd") || s.eq(n, "t"))
			}
			if n := i + 3; (n >= len(s.toks) || s.toks[n].gap == gapLine) && !(sep.punct(':') && s.lineStart(i)) || n < len(s.toks) && stamp(n) {
				s.addName(i, i, ClinicianNames)
				s.addName(i+2, i+2, ClinicianNames)
				i += 2
				continue
			}
		}
		// "Tech: lmb", "Reviewed: HGW", "Verified by: KT".
		if !staffLabels[s.lower(i)] {
			continue
		}
		c := i + 1
		if s.eq(c, "by") {
			c++
		}
		if c+1 >= len(s.toks) || !s.toks[c].punct(':') {
			continue
		}
		v := c + 1
		w := &s.toks[v]
		if !w.letters() || w.n() < 2 || w.n() > 4 || w.gap == gapLine || !(w.allUpper() || !w.upper()) ||
			w.lex&(lxCommon|lxMedical|lxCredential|lxUnitWord|lxTitle|lxTitleClin) != 0 || s.englishTok(v) || staffCredentials[s.lower(v)] {
			continue
		}
		if n := v + 1; n < len(s.toks) && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() {
			continue // a sentence goes on: "Reviewed: ok with pt"
		}
		s.addName(v, v, ClinicianNames)
	}
}

// initialsPlace: where the author's and typist's initials at i stand: a
// line's start (staffInitials wants the stamps after a colon there: "BP:nl"
// alone is a finding), or after a wide gap that follows a sentence's end, a number
// of the stamps or job, or a credential ("Electronically signed.  MBH/kd",
// "12:02  JA/dlr", "Carol Wu, MD  CW:jlp"; not "Vitals stable  BP:nl").
func (s *scan) initialsPlace(i int) bool {
	if s.lineStart(i) {
		return true
	}
	if !s.wideGap(i) {
		return false
	}
	p := s.sameLinePrev(i)
	return p >= 0 && (s.toks[p].punct('.') || s.toks[p].digits() || s.toks[p].is(lxCredential) && s.toks[p].allUpper())
}

// examShorthand are the lower-case words of an exam's or a finding's short
// form ("CV:rrr", "BP:nl", "HR:ok"), never a typist's initials.
var examShorthand = wordsOf("nl ok neg pos rrr wnl nml lt rt bil am pm iv po pr sm mod lg fn ng tf vt hv od os ou ue le")

// labValueAt: token k is an electrolyte's or a blood count's symbol with
// its value after it ("K 6.8", "Na 118", "Mg 1.2"), a result and no
// person's initial or name.
func (s *scan) labValueAt(k int) bool {
	if !s.toks[k].letters() || s.toks[k].n() > 3 || !labSymbols[s.lower(k)] {
		return false
	}
	n := s.next(k)
	if n > 0 && (s.toks[n].punct(':') || s.toks[n].punct('=')) {
		n = s.next(n)
	}
	return n > 0 && s.toks[n].digits() && s.toks[n].gap != gapLine
}

var labSymbols = wordsOf("k na cl ca mg hb hgb plt wbc cr bun")

// staffLabels label who did or checked a document's work.
var staffLabels = wordsOf("tech technologist reviewed verified initials typist transcriptionist")

// staffCredentials after a label are the worker's trade, not initials:
// those the lexicon's credentials (checked beside them) leave out.
var staffCredentials = wordsOf("rrt rt slp ma emt mlt mt cls")

// doubleSeconds end given names of two words; doubleFirsts open them.
var (
	doubleSeconds = wordsOf("jo ray sue ann anne beth mae lou lee jean kay lynn jane marie belle joe bob dee ellen")
	doubleFirsts  = wordsOf("jo mary anna billy bobby betty peggy sally ella emma lee")
)

// propagateNames marks every other occurrence of a word found in a name.
func (s *scan) propagateNames() {
	if s.nameSet.n == 0 {
		return
	}
	for i := range s.toks {
		t := &s.toks[i]
		if !t.letters() || t.n() < 3 || !t.upper() && t.lex != 0 {
			continue
		}
		if t.h != 0 && s.nameBits[t.h>>6%nameBitsWords]&(1<<(t.h%64)) == 0 {
			continue // not in nameSet: t.h is the hash of the key it would have
		}
		var cls NameClass
		var ok bool
		switch {
		case t.shape&shNonASCII != 0:
			w := s.toLower(s.str(i))
			cls, ok = s.nameSet.get(w, fnvString(w))
		case t.h != 0:
			cls, ok = s.nameSet.get(s.lower(i), t.h)
		default:
			cls, ok = s.nameSet.get(s.lower(i), fnvString(s.lower(i)))
		}
		if !ok || !t.upper() && !s.toks[i].allUpper() && t.lex != 0 {
			continue
		}
		if !t.upper() && !(s.lowerNames[s.lowerAny(i)] && t.lex&^(lxFirst|lxSur) == 0) {
			continue // a lower-case ordinary word that happens to be a name part
		}
		st := i
		if i >= 2 && s.toks[i].gap == gapSpace && s.toks[i-1].punct('.') && s.isInitial(i-2) {
			st = i - 2 // "J. Smith" where "Smith" was found
		}
		s.addName(st, i, cls)
	}
}

// lineStart reports whether token i starts its line, or follows only a
// timestamp there ("[00:00:25] Clinician:").
func (s *scan) lineStart(i int) bool {
	if s.toks[i].gap == gapLine {
		return true
	}
	k := i - 1
	if k < 0 || !(s.toks[k].punct(']') || s.toks[k].punct(')')) {
		return false
	}
	for ; k >= 0 && k > i-12; k-- {
		t := &s.toks[k]
		if !(t.digits() || t.punct(':') || t.punct('.') || t.punct(']') || t.punct(')') || t.punct('[') || t.punct('(')) {
			return false
		}
		if t.gap == gapLine {
			return true
		}
	}
	return false
}

// wideGap reports two or more spaces or a tab before token j: the gap
// between two fields of a form line rather than between words.
func (s *scan) wideGap(j int) bool {
	st := int(s.toks[j].s)
	return st >= 2 && (s.text[st-1] == '\t' || s.text[st-1] == ' ' && s.text[st-2] == ' ')
}

// lowerGivenPart: the lower-case second part of a hyphenated given name
// ("min" in "Sung-min"): two to four letters, on no list of words.
func (s *scan) lowerGivenPart(k int) bool {
	t := &s.toks[k]
	return t.letters() && !t.upper() && t.n() >= 2 && t.n() <= 4 && t.lex&(lxCommon|lxMedical|lxUnitWord|lxCodeStop) == 0 &&
		t.gap == gapNone
}

// nonNameFlags are lexicon flags that make a lower-case word something other
// than a name.
const nonNameFlags = lxFirstAmb | lxSurAmb | lxCommon | lxMedical | lxLookalike | lxMonth | lxMonthAbbr | lxWeekday |
	lxState | lxStateAbbr | lxCountry | lxCity | lxStreetSuffix | lxUnit | lxUnitWord | lxCodeStop | lxDigitWord |
	lxTeenWord | lxTensWord | lxOrdWord | lxTitle | lxTitleClin | lxRelation | lxCredential | lxEponymHead

// lowerTitles introduce a lower-case name in transcripts and terse notes
// ("dr pham", "mrs chen", "mister hughes"); "mr" and "ms" are also mitral
// regurgitation and multiple sclerosis, so after them only a listed name
// counts.
var lowerTitles = map[string]bool{"dr": true, "doctor": false, "mr": false, "mrs": true, "ms": false, "miss": true,
	"mister": true, "dra": true, "sra": true, "senora": true, "señora": true, "senor": true, "señor": true, "madame": true,
	"monsieur": true, "nurse": false, "doctora": false, "senorita": false, "señorita": false,
	// Clergy, as a transcript writes them: "our pastor, reverend okoye",
	// "rabbi cohen called".
	"reverend": true, "rev": true, "pastor": true, "rabbi": true, "imam": true, "deacon": true, "chaplain": true,
	// Officers, before a listed name only: "officer diaz brought me in",
	// "deputy johnson drove me" ("the officer said" has none).
	"officer": false, "deputy": false, "detective": false, "sergeant": false, "sgt": false, "trooper": false}

// clergyNounBefore: the clergy word at p is a noun after a determiner,
// with a verb and its object after it, not a title: "the rabbi blessed
// the baby" ("the rabbi cohen called" is a title).
func (s *scan) clergyNounBefore(p, i int) bool {
	switch s.lower(p) {
	case "reverend", "rev", "pastor", "rabbi", "imam", "deacon", "chaplain":
	default:
		return false
	}
	switch s.prevWordAt(p, 1) {
	case "the", "a", "an", "our", "my", "his", "her", "their", "your":
	default:
		return false
	}
	switch s.nextWordAt(i) {
	case "the", "a", "an", "our", "my", "his", "her", "their", "your", "me", "him", "us", "them":
		return true
	}
	return false
}

// nameInPersonSlot: a lower-case given name or surname that is no English
// word, also when it names a place ("tyler", "kendra", "okafor"), where
// the words around take a person, as they make a supplied name the person
// (thirdPersonAt): "since last week tyler has been coughing", "i'm here
// with kendra today", "okafor drove me here", "my therapist nguyen".
func (s *scan) nameInPersonSlot(i int) bool {
	t := &s.toks[i]
	if t.lex&(lxCommon|lxMedical|lxLookalike|lxEponymHead|lxMonth|lxMonthAbbr|lxWeekday|lxState|lxCountry|lxUnitWord|
		lxTitle|lxTitleClin|lxRelation|lxCredential|lxStreetSuffix) != 0 || t.gaz&gzWord != 0 || s.isKnown(i) {
		return false
	}
	// A possessive alone is not enough ("lunch is usually wendy's"); one
	// before what a person has is ("staying at tyler's place").
	if a := i + 1; a < len(s.toks) && s.toks[a].punct('\'') && s.toks[a].gap == gapNone {
		if !s.possessiveOfPerson(i) {
			// "tevita's been throwing up": "has", not a possessive.
			return t.lex == 0 && t.gaz == 0 && !t.upper() && s.unlistedPersonFrame(i)
		}
		if word := s.englishTok(i); word {
			return false
		}
		s.lowerNameAt(i, PatientNames)
		return true
	}
	// An English word is no name here: a map lookup, made after the cheap
	// tests of each case below (most words fail one of them).
	english := func() bool {
		word := s.englishTok(i)
		return word
	}
	// A word on no list at all ("piet", "naledi") only right after a
	// relation or a role: "my husband piet", "his big sister naledi",
	// "sitter (amari)".
	if t.lex == 0 && t.gaz&(gzFirst|gzFirstAmb|gzSur|gzSurAmb) == 0 {
		if !t.letters() || t.upper() || t.n() < 3 {
			return false
		}
		if !s.kinOrRoleBefore(i) {
			return s.unlistedPersonFrame(i)
		}
		if wordLikeEnding(s.lower(i)) {
			return false
		}
		// "the pharmacist (identifiers removed)": a bracket closes on the
		// name alone.
		if p := s.sameLinePrev(i); p >= 0 && s.toks[p].punct('(') {
			if n := s.next(i); n < 0 || !s.toks[n].punct(')') {
				return false
			}
		}
		if english() {
			return false
		}
		s.lowerNameAt(i, PatientNames)
		return true
	}
	// A capitalized word is left to the rules for capitalized names where
	// they look (after a title, a relation or an introduction, or before
	// another capitalized word: "legal name Josefina Arce"); here only a
	// lone one in a person's place ("Pt states Tyler helps", "(Tyler,
	// son)").
	if t.upper() {
		// Only before a lower-case word (what the person does) or a comma
		// (a relation set off): a cheap test first, as most capitalized
		// names in notes stand before another capitalized word.
		if n := s.next(i); n < 0 || !(s.toks[n].letters() && !s.toks[n].upper() || s.toks[n].punct(',')) {
			return false
		}
		if english() || !s.thirdPersonAt(i) && !s.relationAside(i) {
			return false
		}
		s.addName(i, i, PatientNames)
		return true
	}
	// "the specialist was tyler something": a name whose rest is
	// forgotten.
	something := s.nextWordAt(i) == "something" && (s.prevWordAt(i, 1) == "was" || s.prevWordAt(i, 1) == "is")
	if english() || !something && !s.thirdPersonAt(i) && !s.introBefore(i) && !s.relationBefore(i) && !s.relationAside(i) && !s.kinOrRoleBefore(i) {
		return false
	}
	s.lowerNameAt(i, PatientNames)
	return true
}

// familyNamed: a lower-case surname naming a family, "the" before it and
// a family word after: "the johnson kids", "the okafor family", "the baker
// twins"; not an ordinary word ("the little kids", "the foster kids").
func (s *scan) familyNamed(i int) bool {
	t := &s.toks[i]
	if s.prevWordAt(i, 1) != "the" || !familyWords[s.nextWordAt(i)] || s.isKnown(i) || t.lex&(lxCommon|lxMonth|lxWeekday|
		lxTitle|lxTitleClin|lxRelation|lxUnitWord|lxCountry) != 0 || t.lex&lxState != 0 && t.lex&lxSur == 0 || t.lex&lxMedical != 0 && t.lex&lxEponymName == 0 ||
		t.gaz&gzWord != 0 || notFamilyNames[s.lower(i)] {
		return false
	}
	// "the walker family wants": an English word ("walker", "baker") may
	// be the thing and not the family.
	if word := s.englishTok(i); word {
		return false
	}
	s.addName(i, i, PatientNames)
	return true
}

// familyWords name a family after its surname.
var familyWords = map[string]bool{"family": true, "families": true, "kids": true, "children": true, "boys": true,
	"girls": true, "twins": true, "household": true, "residence": true, "clan": true, "sisters": true, "brothers": true}

// notFamilyNames are surnames that are also what kind of kids or family:
// "the foster kids", "the host family".
var notFamilyNames = map[string]bool{"foster": true, "host": true, "step": true, "royal": true, "nuclear": true,
	"extended": true, "blended": true, "adoptive": true, "military": true, "younger": true, "older": true}

// wordLikeEnding: a word on no list whose ending is an English word's
// ("identifiers", "colostomy", "walking"), or whose singular is on the
// English list: no name ends so.
func wordLikeEnding(w string) bool {
	if _, ok := englishWords()[strings.TrimSuffix(w, "s")]; ok {
		return true
	}
	for _, suf := range [...]string{"tion", "sion", "ment", "ness", "ity", "omy", "itis", "osis", "ing", "ed", "ly",
		"ers", "ies", "able", "ible", "ous", "ive", "ical", "ism", "ist", "ence", "ance", "ful", "less", "gram", "scopy",
		// Clinical words the word list lacks: "oliguric", "hypoxemic",
		// "neutropenia", "arthralgia", "myelopathy", "laminectomy".
		"uric", "uria", "emic", "emia", "algia", "pathy", "ectomy", "otomy", "plasty", "otic", "itic", "penia"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// kinOrRoleBefore: a relation or a role right before token i, after a
// possessive, a bracket or a colon, with at most one word of age or kind
// between ("my husband piet", "his big sister naledi", "sitter (amari)",
// "her step dad ravi").
func (s *scan) kinOrRoleBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct('(') {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() || !(s.toks[p].is(lxRelation) || s.tokIn(personRolesSet, p)) {
		return false
	}
	q := s.sameLinePrev(p)
	if q >= 0 && kinWords[s.lower(q)] {
		q = s.sameLinePrev(q)
	}
	// "Case mgr Siosaia", "the social worker ngaio": a role of two words.
	if q >= 0 && s.toks[q].letters() && roleModifiers[s.lower(q)] {
		p = q
		q = s.sameLinePrev(q)
	}
	return q < 0 || s.turnStart(p) || s.toks[q].punct(':') || s.toks[q].punct('(') || s.toks[q].punct(',') || s.toks[q].punct('.') ||
		s.toks[q].digits() || s.tokIn(ownerWordsSet, q) || s.eq(q, "the") || s.eq(q, "pt's")
}

// roleModifiers open a role of two words: "case manager", "social worker".
var roleModifiers = map[string]bool{"case": true, "social": true, "charge": true, "floor": true, "primary": true,
	"school": true, "home": true, "care": true, "health": true, "physical": true, "occupational": true, "speech": true,
	"wound": true, "night": true, "day": true, "hospice": true, "nurse": true}

// unlistedPersonFrame: a lower-case word on no list, no English word nor
// a form of one, where only a person stands, so that a drug brand or a
// word the lists miss stays ("vyvanse is helping", "nurtec works"):
//
//   - the subject, opening a clause, of what only a person does
//     ("siosaia said", "yeah yerlan drove me", "she says tevita takes her
//     to");
//   - the one asked or told ("i'll ask temuulen to call", "tell dorjee");
//   - beside a pronoun ("me and nurlan", "azamat and i");
//   - said to be a relation ("tevita is my husband", "is yerlan your
//     son");
//   - spelled ("it's tsegaye, with an s");
//   - lived with ("we live with ngaio and the kids");
//   - called out alone and answered "that's me", "here".
func (s *scan) unlistedPersonFrame(i int) bool {
	t := &s.toks[i]
	if t.n() < 4 || t.gaz != 0 {
		return false
	}
	// The frames first: they look at a few neighbours, and most words
	// stand in none of them.
	p1, p2, nx := s.prevWordAt(i, 1), s.prevWordAt(i, 2), s.nextWordAt(i)
	ok := false
	switch {
	case agentVerbs[nx] && (s.turnStart(i) || subjectOpeners[p1]):
		ok = true
	case takesSomeone[nx] && (s.turnStart(i) || subjectOpeners[p1]):
		n := s.next(s.next(i))
		ok = n > 0 && (s.eq(n, "her") || s.eq(n, "him") || s.eq(n, "me") || s.eq(n, "us") || s.eq(n, "them"))
	case tellVerbs[p1]:
		ok = true
	case p1 == "and" && (p2 == "me" || p2 == "him" || p2 == "her" || p2 == "us"):
		ok = true
	case nx == "and" && (s.nextWordAt(s.next(i)) == "i" || s.nextWordAt(s.next(i)) == "me"):
		ok = true
	case nx == "is" && (s.turnStart(i) || subjectOpeners[p1]):
		n := s.next(s.next(i))
		ok = n > 0 && ownerWords[s.lower(n)] && s.next(n) > 0 && s.toks[s.next(n)].letters() && s.toks[s.next(n)].is(lxRelation) ||
			s.personStateAfter(i)
	case p1 == "is" && ownerWords[nx]:
		n := s.next(s.next(i))
		ok = n > 0 && s.toks[n].letters() && s.toks[n].is(lxRelation)
	case (p1 == "it's" || p1 == "is") && s.next(i) > 0 && s.toks[s.next(i)].punct(',') && s.nextWordAt(s.next(i)) == "with":
		ok = true
	case p1 == "with" && livesWith[p2] && (nx == "and" || s.clauseEndAfter(i)):
		ok = true
	case p1 == "with" && p2 == "here":
		ok = true // "i'm here with dorjee today"
	case (s.turnStart(i) || subjectOpeners[p1] || p1 == "since" || p1 == "when" || p1 == "before" || p1 == "after" ||
		p1 == "how" || p1 == "is" || p1 == "was" || p1 == "has") && s.personStateAfter(i):
		ok = true
	case (p1 == "is" || p1 == "was") && p2 == "old" && s.prevWordAt(i, 3) == "how" && s.clauseEndAfter(i):
		ok = true // "how old is nurlan"
	case p1 == "is" && p2 == "this" && s.clauseEndAfter(i) && (s.prevWordAt(i, 3) == "yes" || s.prevWordAt(i, 3) == "hi" ||
		s.prevWordAt(i, 3) == "hello" || s.prevWordAt(i, 3) == "yeah" || s.turnStart(s.sameLinePrev(s.sameLinePrev(i)))):
		ok = true // "yes this is tevita" on the phone
	case p1 == "this" && p2 == "is" && s.clauseEndAfter(i) && (s.prevWordAt(i, 3) == "hi" || s.prevWordAt(i, 3) == "hello"):
		ok = true // "hi is this tevita"
	case nx == "from" && s.callerIntro(i, p1, p2):
		ok = true // "hi, it's tayla from the renal unit": a caller
	default:
		ok = s.calledOut(i, true)
	}
	if !ok || !s.unlistedNameLike(i) {
		return false
	}
	s.lowerNameAt(i, PatientNames)
	return true
}

// callGreetings open a call before the caller says who she is and where
// from ("hi, it's tayla from the renal unit").
var callGreetings = wordsOf("hi hello hey g'day morning afternoon evening yes yeah oh")

// callerIntro: token i, whose words before are p1 and p2, follows "it's"
// or "this is" after a greeting of callGreetings.
func (s *scan) callerIntro(i int, p1, p2 string) bool {
	n := 0
	switch {
	case p1 == "it's" || p1 == "its":
		n = 2
	case p1 == "is" && p2 == "this":
		n = 3
	default:
		return false
	}
	g := s.prevWordAt(i, n)
	if g == "," {
		g = s.prevWordAt(i, n+1) // "hi, it's tayla"
	}
	return callGreetings[g]
}

// unlistedNameLike: a word on no list could be a name: no English word nor
// a form of one, no filler, endearment or function word.
func (s *scan) unlistedNameLike(i int) bool {
	w := s.lower(i)
	return !wordLikeEnding(w) && !unlistedForms[w] && !chatFillers[w] && !discourseWords[w] && !ackWords[w] && !endearments[w] &&
		!s.dictionaryWord(i) && !s.englishLooking(i) && !s.pluralOfWord(i) && !s.tokIn(functionWordSet, i) && !prefixedWord(w)
}

// orgNameAt: the capitalized words from k end, within three, in a word
// that names a service or a body ("Poison Control", "Child Protective
// Services", "Crisis Line").
func (s *scan) orgNameAt(k int) bool {
	for n := 0; k > 0 && n < 4 && s.toks[k].capWord(); n++ {
		if orgEnds[s.lower(k)] {
			return n > 0
		}
		if m := s.next(k); m > 0 && s.toks[m].gap == gapSpace {
			k = m
		} else {
			break
		}
	}
	return false
}

// orgEnds end the names of services and bodies one calls.
var orgEnds = map[string]bool{"control": true, "services": true, "service": true, "line": true, "hotline": true,
	"helpline": true, "department": true, "office": true, "agency": true, "authority": true, "administration": true,
	"security": true, "enforcement": true, "protection": true}

// prefixedWord: w is an English word of five letters or more after "re",
// "un", "pre", "mis", "dis" or "non" ("resubmit", "unclog", "prefill"),
// a verb the word lists do not hold.
func prefixedWord(w string) bool {
	for _, p := range [...]string{"re", "un", "pre", "mis", "dis", "non"} {
		if len(w) >= len(p)+5 && strings.HasPrefix(w, p) {
			if _, ok := englishWords()[w[len(p):]]; ok {
				return true
			}
		}
	}
	return false
}

// personStateAfter: what is said after token i is said of a person, not
// of a drug or a thing: "has been coughing", "is allergic", "is five
// now", "turned three", "got sick", "goes to daycare", "'s been throwing
// up", "was born", "doing" after "how is", "eating" after "is".
func (s *scan) personStateAfter(i int) bool {
	var buf [4]string
	ws := buf[:0]
	if i+2 < len(s.toks) && s.toks[i+1].punct('\'') && s.toks[i+1].gap == gapNone && s.eq(i+2, "s") && s.toks[i+2].gap == gapNone {
		ws = s.wordsAfterInto(append(ws, "'s"), i+2, 4) // "tevita's been"
	} else {
		ws = s.wordsAfterInto(ws, i, 4)
	}
	if len(ws) == 0 {
		return false
	}
	at := func(k int) string {
		if k < len(ws) {
			return ws[k]
		}
		return ""
	}
	// "Nurlan is 5 now", "turned 3 in March".
	if n1 := s.next(i); n1 > 0 && (ws[0] == "is" || ws[0] == "was" || ws[0] == "turned" || ws[0] == "turns") {
		if n2 := s.next(n1); n2 > 0 && s.toks[n2].digits() && s.toks[n2].n() <= 3 {
			return ageWordsAt("five", s.nextWordAt(n2))
		}
	}
	switch ws[0] {
	case "has", "had":
		return at(1) == "been" && (personDoings[at(2)] || personStates[at(2)])
	case "'s":
		return at(1) == "been" && (personDoings[at(2)] || personStates[at(2)]) || personStates[at(1)] || personDoings[at(1)]
	case "is", "was":
		if personStates[at(1)] || personDoings[at(1)] || at(1) == "born" {
			return true
		}
		// "ngaio is five now", "is three years old": an age, not "is five
		// milligrams".
		return ageWordsAt(at(1), at(2))
	case "turned", "turns":
		return ageWordsAt(at(1), at(2))
	case "got", "gets", "fell", "threw", "woke", "cried", "cries", "slept", "sleeps", "ate", "eats", "vomited", "coughed":
		return true
	case "goes", "went":
		return at(1) == "to" && (at(2) == "daycare" || at(2) == "school" || at(2) == "work" || at(2) == "kindergarten" ||
			at(2) == "preschool" || at(2) == "college" || at(2) == "bed" || at(2) == "sleep")
	case "doing", "eating", "sleeping", "feeling":
		return true
	}
	return false
}

// ageWordsAt: a number said as a word, then nothing of a dose: "five",
// "five now", "three years old", "ten months".
func ageWordsAt(w, next string) bool {
	_, unit := unitWords[w]
	_, teen := teenWords[w]
	_, tens := tensWords[w]
	if !unit && !teen && !tens || w == "oh" || w == "zero" {
		return false
	}
	switch next {
	case "", "now", "years", "year", "months", "month", "weeks", "and", "in", "last", "this", "next", "today", "yesterday", "on":
		return true
	}
	return false
}

// personDoings and personStates are said of a person: "has been
// coughing", "is allergic".
var personDoings = map[string]bool{"coughing": true, "crying": true, "sleeping": true, "eating": true, "vomiting": true,
	"throwing": true, "complaining": true, "wheezing": true, "scratching": true, "limping": true, "drinking": true,
	"peeing": true, "pooping": true, "teething": true, "fussing": true, "breathing": true, "walking": true, "talking": true,
	"running": true, "sneezing": true, "feeling": true, "acting": true, "doing": true, "staying": true, "living": true}

var personStates = map[string]bool{"sick": true, "allergic": true, "fussy": true, "cranky": true, "tired": true,
	"pregnant": true, "diabetic": true, "asthmatic": true, "home": true, "here": true, "sad": true, "scared": true,
	"afraid": true, "upset": true, "feverish": true, "potty": true, "nursing": true, "breastfeeding": true, "awake": true,
	"asleep": true, "hungry": true, "lethargic": true, "clingy": true, "worried": true, "born": true}

// capsUnlistedPerson: a capitalized word on no list, no English word nor a
// form of one, where only a person stands in a note or a message: after a
// relation or a role ("Case mgr Siosaia", "Sitter (Ngaio)"), opening a
// sentence before a person's state or age ("Tevita has been coughing",
// "Nurlan is 5 now"), set off before "who" ("Discussed with Dorjee, who
// agrees"), or before a relation in brackets ("Spoke with Yerlan
// (daughter)"). A drug brand stays where a drug fits ("Rinvoq has been
// helping", "Skyrizi (biologic)", "Biktarvy, which").
func (s *scan) capsUnlistedPerson(i int) bool {
	t := &s.toks[i]
	if t.n() < 3 || t.lex != 0 || t.gaz != 0 || s.isKnown(i) {
		return false
	}
	ok := s.kinOrRoleBefore(i)
	if !ok {
		p := s.sameLinePrev(i)
		if (p < 0 || s.toks[p].punct('.') || s.toks[p].punct(':') || s.lineStart(i)) && s.personStateAfter(i) {
			ok = true
		}
	}
	if n := s.next(i); !ok && n > 0 {
		switch {
		case s.toks[n].punct(',') && s.nextWordAt(n) == "who":
			ok = true
		case s.toks[n].punct('('):
			r := s.next(n)
			ok = r > 0 && s.toks[r].letters() && s.toks[r].is(lxRelation) && s.next(r) > 0 && s.toks[s.next(r)].punct(')')
		}
	}
	if !ok || !s.unlistedNameLike(i) {
		return false
	}
	s.nameChain(i, PatientNames, false) // with the surname after it: "Attorney Beatrix Hollenbeck"
	s.rememberName(s.lower(i), PatientNames)
	return true
}

// capsWordNameInPersonSlot: a capitalized given name that is also an
// English word ("Bill", "Bob", "Hope", "Will") where a note puts a person:
// after a role ("Case mgr Bob", "home health aide Joy") or opening a
// sentence before a person's state ("Bill has been doing the driving",
// "Hope is allergic to sulfa"). This mention only: elsewhere the word may
// be the word ("the bill has been paid").
func (s *scan) capsWordNameInPersonSlot(i int) bool {
	if s.isKnown(i) {
		return false
	}
	ok := s.kinOrRoleBefore(i)
	if !ok {
		p := s.sameLinePrev(i)
		ok = (p < 0 || s.toks[p].punct('.') || s.toks[p].punct(':') || s.lineStart(i)) && s.personStateAfter(i)
	}
	if !ok {
		return false
	}
	s.addName(i, i, PatientNames)
	return true
}

// nicknameGiven: the name a person says they are called, after "calls me",
// "call me", "goes by", "go by" (not "called me": "called me yesterday"),
// at the end of the clause
// ("everyone calls me mags", "she calls me birdie", "he goes by vale"),
// lower case, also a word ("birdie"); that word is the name wherever the
// text says it again (lowerNameAt). Not "calls me back", "call me anytime",
// "calls me honey", "goes by fast", "calls me constantly".
func (s *scan) nicknameGiven(v int) {
	m := s.next(v)
	if m < 0 || !s.toks[m].letters() {
		return
	}
	switch s.lower(v) {
	case "called": // "called me yesterday"
		return
	case "calls", "call":
		if !s.eq(m, "me") && !s.eq(m, "him") && !s.eq(m, "her") {
			return
		}
	default:
		if !s.eq(m, "by") {
			return
		}
	}
	i := s.next(m)
	if i < 0 || !s.toks[i].letters() || s.toks[i].allUpper() || s.toks[i].n() < 2 || s.isKnown(i) {
		return
	}
	// The name ends the clause, or one more part follows ("calls me
	// big mike" is left: an adjective).
	if !s.clauseEndAfter(i) {
		return
	}
	w := s.lower(i)
	if s.tokIn(functionWordSet, i) || endearments[w] || chatFillers[w] || discourseWords[w] || nicknameStops[w] ||
		s.toks[i].lex&(lxMonth|lxWeekday|lxTimeWord|lxDigitWord|lxTeenWord|lxTensWord|lxUnitWord|lxTitle|lxTitleClin|lxRelation) != 0 ||
		len(w) > 4 && (strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) {
		return
	}
	if _, ok := s.knownWord(i); ok {
		return // a supplied part: its own rules decide each mention ("call me grant", "i'll grant you that")
	}
	if s.toks[i].lex != 0 {
		s.addName(i, i, PatientNames) // a word of the lists too: this mention only
		return
	}
	if s.toks[i].upper() {
		// "asked that we call her Bunny": the name, wherever the note
		// writes it again.
		s.addName(i, i, PatientNames)
		s.rememberName(s.lower(i), PatientNames)
		return
	}
	s.lowerNameAt(i, PatientNames)
}

// nicknameStops end "calls me", "goes by" without a name.
var nicknameStops = map[string]bool{"back": true, "anytime": true, "sometimes": true, "often": true, "later": true,
	"tomorrow": true, "tonight": true, "today": true, "again": true, "daily": true, "weekly": true, "first": true,
	"too": true, "also": true, "fast": true, "quickly": true, "slowly": true, "names": true, "crazy": true, "lazy": true,
	"stupid": true, "everyday": true, "mornings": true, "nights": true, "weekends": true, "sir": true, "ma'am": true,
	"maam": true, "doc": true, "mom": true, "mum": true, "dad": true, "grandma": true, "grandpa": true, "nana": true,
	"quick": true, "slow": true, "soon": true, "instead": true, "home": true, "train": true, "car": true, "bus": true,
	"plane": true, "bike": true, "foot": true, "phone": true, "text": true, "email": true, "night": true, "now": true,
	"directly": true, "personally": true, "yesterday": true, "earlier": true, "twice": true, "once": true, "nurse": true, "doctor": true, "anymore": true, "ever": true, "never": true,
	"weird": true, "old": true, "fat": true, "things": true, "stuff": true, "that": true, "it": true}

// agentVerbs are done only by a person, not by a drug or a thing: "siosaia
// said", "yerlan drove me".
var agentVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "asked": true, "asks": true,
	"drove": true, "called": true, "calls": true, "wants": true, "wanted": true, "thinks": true, "thought": true,
	"knows": true, "knew": true, "came": true, "went": true, "brought": true, "picked": true, "mentioned": true,
	"noticed": true, "worries": true, "worried": true, "lives": true, "lived": true, "stayed": true, "moved": true,
	"texted": true, "insisted": true, "suggested": true, "promised": true, "agreed": true, "decided": true}

// takesSomeone: a person takes someone somewhere, "tevita takes her to
// the pharmacy" (not "rinvoq takes a while").
var takesSomeone = map[string]bool{"takes": true, "took": true, "drives": true, "brings": true, "picks": true}

// tellVerbs ask or tell the person named after them.
var tellVerbs = map[string]bool{"ask": true, "tell": true, "told": true, "asked": true, "text": true, "texted": true,
	"remind": true, "reminded": true}

// livesWith: "we live with ngaio".
var livesWith = map[string]bool{"live": true, "lives": true, "living": true, "lived": true, "stay": true, "stays": true,
	"staying": true, "stayed": true}

// subjectOpeners stand before a clause's subject: "yeah yerlan drove me".
var subjectOpeners = map[string]bool{",": true, "yeah": true, "and": true, "so": true, "but": true, "then": true,
	"says": true, "said": true, "because": true, "cause": true, "cuz": true, "well": true, "ok": true, "okay": true,
	"um": true, "uh": true, "that": true, "oh": true, "yes": true, "actually": true, "now": true, "when": true}

// kinWords stand between a possessive and a relation: "his big sister".
var kinWords = map[string]bool{"big": true, "little": true, "older": true, "younger": true, "baby": true,
	"step": true, "half": true, "twin": true, "late": true, "new": true, "oldest": true, "youngest": true,
	"eldest": true, "best": true, "wee": true}

// relationAside: a relation word set off after the name, "(Tyler, son)",
// "tyler, her son,".
func (s *scan) relationAside(i int) bool {
	c := s.next(i)
	if c < 0 || !s.toks[c].punct(',') {
		return false
	}
	r := s.next(c)
	if r > 0 && (s.eq(r, "her") || s.eq(r, "his") || s.eq(r, "my") || s.eq(r, "the") || s.eq(r, "pt's")) {
		r = s.next(r)
	}
	if r < 0 || !s.toks[r].letters() || !s.toks[r].is(lxRelation) {
		return false
	}
	e := s.next(r)
	return e < 0 || s.toks[e].punct(')') || s.toks[e].punct(',') || s.clauseEndAfter(r)
}

// driveBefore: "dr" at token p closes a street's name ("12 oak dr
// springfield"): a house number comes up to four words before it.
func (s *scan) driveBefore(p int) bool {
	if !s.eq(p, "dr") {
		return false
	}
	for q, n := s.sameLinePrev(p), 0; q >= 0 && n < 4; q, n = s.sameLinePrev(q), n+1 {
		if s.toks[q].digits() || s.toks[q].letters() && s.toks[q].is(lxDigitWord|lxTeenWord|lxTensWord) {
			return true
		}
	}
	return false
}

// onlyTitles are lower-case titles that are no other word or
// abbreviation: any surname after them is one, "mrs brown".
var onlyTitles = map[string]bool{"mrs": true, "mister": true, "missus": true, "madame": true, "monsieur": true,
	"senora": true, "señora": true, "sra": true, "senor": true, "señor": true}

// lowerName finds names written in lower case, as ASR transcripts and terse
// nursing notes write them: a listed first name ("wife carol called", "hi
// keisha"), or any name-like word after a title ("dr . feinberg").
func (s *scan) lowerName(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.upper() {
		return false
	}
	listed := t.lex&(lxFirst|lxSur) != 0 && t.lex&nonNameFlags == 0
	// After a title.
	p := i - 1
	if p >= 0 && s.toks[p].punct('.') {
		p--
	}
	// "dr j. smith", "doctor j smith": an initial between the title and
	// the surname.
	initial := -1
	if q := s.beforeLowerInitial(p); q >= 0 && s.toks[p].gap == gapSpace && s.toks[q].letters() && t.n() >= 3 {
		if _, ok := lowerTitles[s.lower(q)]; ok {
			initial, p = p, q
		}
	}
	if p >= 0 && s.toks[p].letters() && s.toks[i].gap != gapLine {
		// The title set off by a space, or opening a parenthesis ("ortho
		// (dr lindqvist) plans").
		if open, ok := lowerTitles[s.lower(p)]; ok && (s.toks[p].gap != gapNone || p > 0 && (s.toks[p-1].punct('(') || s.toks[p-1].punct('['))) &&
			!s.clergyNounBefore(p, i) {
			unknown := t.lex == 0 && t.n() >= 3 && !s.englishLooking(i)
			// After a title a surname that is also a city or an ambiguous
			// first name is a name: "miss jackson", "dr kim".
			surname := t.lex&lxSur != 0 && t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxUnitWord|lxSurAmb) == 0
			// A given name that also names a town, after a title that is
			// nothing else or "dr": "dr tyler", "mrs austin".
			if open && (t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzSur) != 0) && t.lex&(lxCommon|lxMedical|lxMonth|
				lxWeekday|lxUnitWord|lxTitle|lxTitleClin|lxRelation) == 0 && t.gaz&gzWord == 0 && !s.dictionaryWord(i) {
				surname = true
			}
			// A census given name that is also an English word ("dr
			// grace", "mrs joy") at the clause's end or before what a
			// person does.
			if (open || s.eq(p, "doctora") || s.eq(p, "nurse")) && t.lex&lxFirst != 0 && t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxUnitWord|lxTitle|lxTitleClin|lxRelation) == 0 &&
				!modalNames[s.lower(i)] && !verbNames[s.lower(i)] && (s.clauseEndAfter(i) || s.lowerPersonVerbAfter(i)) {
				surname = true
			}
			// A surname that is also a word or an eponym ("dr thompson",
			// "mrs jones", "mister clark", "mrs brown"): after a title that
			// is nothing else, and, but for an ordinary word, after "dr"
			// and "miss" ("miss work", "dr still wants" stay words).
			// A surname that names a disease too ("dr johnson", "mrs
			// baker") unless a disease word follows it.
			eponym := t.lex&lxEponymName != 0 && !s.eponymAfter(i)
			if !surname && t.lex&(lxSur|lxSurAmb) != 0 && (t.lex&lxMedical == 0 || eponym) && t.lex&(lxMonth|lxWeekday|lxUnitWord) == 0 {
				// After "doctor", "mr" or "ms" (also mitral regurgitation
				// and multiple sclerosis) an ordinary word is the name only
				// before what a person does: "doctor young said", not "the
				// doctor still wants", "mr still present".
				w := s.nextWordAt(i)
				surname = t.lex&lxCommon == 0 || onlyTitles[s.lower(p)] || strongPersonVerbs[w] && !frequencyAdverbs[s.lower(i)]
				if !open && t.lex&lxCommon != 0 {
					surname = strongPersonVerbs[w] && !frequencyAdverbs[s.lower(i)]
				}
			}
			// A place's name right after a title is the person's surname:
			// "mrs london", "dr springfield" (a place follows a title only
			// with a word between: "doctor in london").
			place := (t.lex&(lxCity|lxCityAmb) != 0 || t.gaz&(gzCity|gzCityAmb|gzTown) != 0) && t.gaz&gzWord == 0 &&
				t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxUnitWord|lxTitle|lxTitleClin|lxRelation|lxState|lxCountry) == 0 &&
				!s.dictionaryWord(i) && !s.driveBefore(p)
			// "doctor" before a word of no list that is no English word:
			// "doctor haverford" ("doctor visit" is English).
			if listed || surname || place || open && unknown ||
				unknown && s.eq(p, "doctor") && !s.dictionaryWord(i) && !strings.HasSuffix(s.lower(i), "ly") {
				if initial >= 0 {
					s.addTok(initial, initial, Name, prCue)
				}
				s.lowerNameAt(i, PatientNames)
				return true
			}
		}
	}
	// After a relation word, a month or a word that is also a given name,
	// before a verb a person does: "her daughter june manages", "my son
	// august lives with me".
	if r := s.sameLinePrev(i); r >= 0 && t.n() >= 3 && s.toks[r].letters() && s.toks[r].is(lxRelation) &&
		(t.lex&(lxMonth|lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0) {
		if s.lowerPersonVerbAfter(i) {
			s.lowerNameAt(i, RelativeNames|clsExplicit)
			return true
		}
	}
	// A listed first name, unambiguous and not an ordinary word, unless
	// the word before makes it one: "your eyes are hazel", "the olive",
	// "your christian faith" (a possessive before a name that is also an
	// English word).
	if t.lex&lxFirst != 0 && listed && t.n() >= 3 && (!s.copulaOrDeterminerBefore(i) || s.eq(i-1, "its") && s.itsCaller(i)) && !s.usedAsWord(i) && !s.lowerChain(i) && !s.amongLowerWords(i) &&
		!s.possessiveBeforeWord(i) {
		s.lowerNameAt(i, PatientNames)
		return true
	}
	return false
}

// roleNamesLower: in lower case, a given name of the lists that is no
// English word, right after a role of the care team (over a comma), or
// set off before one ("the diabetes educator colleen", "the lactation
// nurse, bernadette, to see you", "and sam, your nurse"): the staff
// member the visit names.
func (s *scan) roleNamesLower() {
	for i := 1; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.letters() || t.upper() || t.n() < 3 || t.gaz&gzFirst == 0 && t.lex&lxFirst == 0 || t.gaz&gzWord != 0 ||
			t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxUnitWord) != 0 || s.dictionaryWord(i) {
			continue
		}
		p := s.sameLinePrev(i)
		if p >= 0 && s.toks[p].punct(',') {
			p = s.sameLinePrev(p)
			if !s.clauseEndAfter(i) {
				p = -1 // "the coach, ada compliant bleachers": set off, the name closes its phrase
			}
		}
		before := p >= 0 && s.toks[p].letters() && personRoles[s.lower(p)] && !s.eq(p, "doctor")
		after := false
		if n := s.next(i); n > 0 && s.toks[n].punct(',') {
			if d := s.next(n); d > 0 && (s.eq(d, "your") || s.eq(d, "our") || s.eq(d, "the") || s.eq(d, "my")) {
				r := s.next(d)
				after = r > 0 && s.toks[r].letters() && personRoles[s.lower(r)]
			}
		}
		if before || after {
			s.lowerNameAt(i, ClinicianNames)
		}
	}
}

// titledParticleName: "doctor van der berg", "dr da silva": after a title,
// lower-case particles and the surname they lead to.
func (s *scan) titledParticleName(i int) bool {
	if !s.afterTitle(i) {
		return false
	}
	e := s.particleSurname(i)
	if e < 0 {
		return false
	}
	s.addName(i, e, PatientNames)
	return true
}

// particleSurname: lower-case particles from i (at most three: "van der",
// "de la") and the word they lead to, a surname that is no everyday or
// function word. It returns the surname's token, or -1.
func (s *scan) particleSurname(i int) int {
	e := i
	for e < len(s.toks) && e < i+3 && s.toks[e].letters() && s.toks[e].is(lxParticle) && !s.toks[e].upper() &&
		(e == i || s.toks[e].gap == gapSpace) {
		e++
	}
	if e == i || e >= len(s.toks) || s.toks[e].gap != gapSpace || !s.toks[e].letters() || s.toks[e].upper() || s.toks[e].n() < 2 ||
		s.tokIn(functionWordSet, e) || s.toks[e].lex&(lxMedical|lxUnitWord|lxMonth|lxWeekday) != 0 {
		return -1
	}
	return e
}

// amongLowerWords: the lower-case given name at i is one item of a list
// whose items on both sides are single lower-case words that are no
// person's name and no pronoun ("basil, sage, rosemary and thyme";
// "me, rosemary and the kids" and "tom, rosemary and jack" stay names).
func (s *scan) amongLowerWords(i int) bool {
	p := s.sameLinePrev(i)
	if p < 1 || !s.toks[p].punct(',') || !s.plainLowerWord(p-1) {
		return false
	}
	if q := s.sameLinePrev(p - 1); q >= 0 && !s.toks[q].punct(',') && !s.toks[q].punct(':') && !wordMakers[s.lower(q)] {
		return false // the item before is a phrase, not one word
	}
	if (s.toks[p-1].is(lxRelation) || personRoles[s.lower(p-1)]) && s.possessiveTwoBack(p) {
		return false // "my nurse , becky , come in": the person set off after the role
	}
	n := s.next(i)
	if n < 0 || !(s.toks[n].punct(',') || s.eq(n, "and") || s.eq(n, "or")) {
		return false
	}
	m := s.next(n)
	if m > 0 && (s.eq(m, "and") || s.eq(m, "or")) {
		m = s.next(m)
	}
	return m > 0 && s.plainLowerWord(m)
}

// plainLowerWord: token k is a lower-case word of three letters or more
// that is no listed name (or is also a word) and no pronoun.
func (s *scan) plainLowerWord(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.upper() || t.n() < 3 || s.isKnown(k) {
		return false
	}
	if t.lex&(lxFirst|lxSur) != 0 && t.lex&nonNameFlags == 0 || t.gaz&(gzFirst|gzSur) != 0 && t.gaz&gzWord == 0 && t.lex&(lxCommon|lxMedical) == 0 {
		return false
	}
	switch s.lower(k) {
	case "me", "him", "her", "them", "you", "us", "myself", "himself", "herself", "mom", "dad", "she", "they", "his", "hers":
		return false
	}
	return !t.is(lxRelation)
}

// lowerChain: the lower-case given name at i is a listed chain's
// possessive with no relation or person after it ("usually wendy's or a
// sandwich"; "wendy's mom called" stays a name).
func (s *scan) lowerChain(i int) bool {
	if i+2 >= len(s.toks) || !s.toks[i+1].punct('\'') || s.toks[i+1].gap != gapNone || !s.eq(i+2, "s") {
		return false
	}
	if f, _ := lookupString(s.lower(i) + "'s"); f&lxBrand == 0 {
		return false
	}
	n := s.next(i + 2)
	return n < 0 || !s.toks[n].letters() || !s.toks[n].is(lxRelation) && !personVerbs[s.lower(n)] && !personVerbNext[s.lower(n)]
}

// usedAsWord: the lower-case word at i is written elsewhere in the text
// after a copula or a determiner, as an ordinary word ("your eyes are
// hazel" ... "hazel yeah"): the text uses it as that word.
func (s *scan) usedAsWord(i int) bool {
	w := s.lower(i)
	for k := 1; k < len(s.toks); k++ {
		if k != i && s.toks[k].h == s.toks[i].h && s.toks[k].letters() && !s.toks[k].upper() && s.lower(k) == w &&
			s.copulaOrDeterminerBefore(k) {
			return true
		}
	}
	return false
}

// lowerNameAt adds the lower-case name at i, with a listed surname after it
// ("marcus dubois"), and remembers it for the rest of the text.
func (s *scan) lowerNameAt(i int, cls NameClass) {
	en := i
	// "abernethy-cole", "oyelaran-price": the rest of a hyphenated name.
	for en+2 < len(s.toks) && s.toks[en+1].punct('-') && s.toks[en+1].gap == gapNone && s.toks[en+2].gap == gapNone &&
		s.toks[en+2].letters() && !s.toks[en+2].upper() {
		en += 2
	}
	// Said twice, the surname after the second: "my partner sam sam
	// alvarado".
	if n := s.next(en); en == i && n > 0 && s.toks[n].gap == gapSpace && s.lowerAny(n) == s.lowerAny(i) {
		en = n
	}
	// Particles before the surname: "ximena de la garza", "pieter van der
	// berg".
	if n := s.next(en); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].is(lxParticle) && !s.toks[n].upper() {
		e := n
		for m := s.next(e); m > 0 && e-n < 4 && s.toks[m].gap == gapSpace && s.toks[m].is(lxParticle) && !s.toks[m].upper(); m = s.next(e) {
			e = m
		}
		if m := s.next(e); m > 0 && s.toks[m].gap == gapSpace && s.toks[m].letters() && !s.toks[m].upper() && s.toks[m].n() >= 3 &&
			(s.toks[m].lex&(lxSur|lxSurAmb) != 0 || s.toks[m].gaz&gzSur != 0 || s.toks[m].lex == 0 && !s.dictionaryWord(m)) &&
			s.toks[m].lex&(lxMedical|lxMonth|lxWeekday|lxDigitWord|lxTensWord|lxTeenWord) == 0 {
			en = m
			s.addName(i, en, cls)
		}
	}
	// A surname after it: "marcus dubois", "leo nakashima".
	// A word on no list at all after a given name is its surname too
	// ("angela brightwater"): the lists hold every English word.
	if n := s.next(en); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() &&
		(s.toks[n].lex&lxSur != 0 && s.toks[n].lex&nonNameFlags == 0 ||
			// "james brown said he was dizzy": a surname that is also a
			// word, between a listed given name and a person's verb.
			en == i && s.toks[i].lex&lxFirst != 0 && s.toks[n].lex&(lxSur|lxSurAmb) != 0 &&
				s.toks[n].lex&(lxMedical|lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxUnitWord) == 0 &&
				personVerbs[s.nextWordAt(n)] && !s.nextIsAux(n) ||
			s.toks[n].lex == 0 && s.toks[n].gaz&gzSur != 0 && s.toks[n].gaz&gzWord == 0 ||
			s.toks[i].lex&lxFirst != 0 && s.toks[i].lex&nonNameFlags == 0 && s.unlistedSurname(n) || s.placeOrEponymSurname(n) ||
			en == i && s.titledWordSurname(i, n)) {
		en = n
	} else if e := s.hyphenSurnameAt(n); e > 0 {
		en = e // "jamal richardson-whyte": surnames joined by a hyphen
	}
	s.addName(i, en, cls)
	if s.lowerNames == nil {
		s.lowerNames = map[string]bool{}
	}
	for k := i; k <= en; k++ {
		if s.toks[k].n() >= 3 {
			w := s.lowerAny(k)
			s.lowerNames[w] = true
			s.rememberName(w, cls)
		}
	}
}

// titledWordSurname: a surname spelled like a word after a title and a
// listed given name, before the clause goes on as it does after a person
// ("dr joseph smith to see you", "dr. joseph tan today", "doctor maria
// young said"); not a verb or a word of time ("dr joseph will call", "dr
// joseph long time no see").
func (s *scan) titledWordSurname(i, n int) bool {
	t := &s.toks[n]
	if s.toks[i].lex&lxFirst == 0 || !s.titleBefore(i) || t.n() < 3 ||
		t.lex&(lxSur|lxSurAmb) == 0 && t.gaz&(gzSur|gzSurAmb) == 0 ||
		t.lex&(lxMedical|lxMonth|lxMonthAbbr|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxUnitWord|lxDigitWord|lxTensWord|lxTeenWord|lxCredential) != 0 {
		return false
	}
	w := s.lower(n)
	if functionWords[w] || personVerbs[w] || dayEndWords[w] || clauseWords[w] || baseVerbs[w] || unlistedForms[w] {
		return false
	}
	switch w {
	case "will", "would", "can", "could", "may", "might", "should", "must", "here", "there", "today", "now", "too", "also":
		return false
	}
	if idiomAdjectives[w] {
		return false // "hi dr maria good to see you", "dr john sick of these pills"
	}
	if s.clauseEndAfter(n) {
		return true
	}
	a := s.nextWordAt(n)
	if a == "of" || a == "by" || a == "and" {
		return false // "dr anna little by little", "dr peter hale and hearty"
	}
	return a == "today" || a == "here" || a == "will" || a == "would" || a == "can" || functionWords[a] || clauseWords[a] ||
		dayEndWords[a] || personVerbs[a]
}

// idiomAdjectives are surnames that are also adjectives opening what is
// said after a name: "good to see you", "glad to be here", "best of luck".
var idiomAdjectives = wordsOf("good glad nice best little short sick hale great happy fine well better sorry sure ready " +
	"able free busy quick slow late early long bad hard proud lucky safe close straight right")

// placeOrEponymSurname: a listed surname that also names a place, a state
// or a disease, and is no ordinary word, right after a given name: "tonya
// jackson drove her", "jamal johnson", "lakisha washington".
func (s *scan) placeOrEponymSurname(n int) bool {
	t := &s.toks[n]
	if t.lex&(lxSur|lxSurAmb) == 0 || t.lex&(lxCommon|lxMonth|lxMonthAbbr|lxWeekday|lxTitle|lxTitleClin|lxRelation|
		lxCredential|lxUnitWord|lxStreetSuffix|lxCountry|lxStateAbbr) != 0 || t.lex&lxMedical != 0 && t.lex&lxEponymName == 0 ||
		s.eponymAfter(n) {
		return false
	}
	word := s.englishTok(n)
	return !word
}

// hyphenSurnameAt: at token n after a given name, two or more lower-case
// words joined by hyphens, each a surname of any list (also a town's or a
// word's spelling: "richardson-whyte", "moore-banks") or of no list: a
// double surname. It returns its last token, or -1.
func (s *scan) hyphenSurnameAt(n int) int {
	if n < 0 || s.toks[n].gap != gapSpace {
		return -1
	}
	surname := func(k int) bool {
		t := &s.toks[k]
		return t.letters() && !t.upper() && t.n() >= 2 && (t.lex&(lxSur|lxSurAmb) != 0 || t.gaz&(gzSur|gzSurAmb) != 0 ||
			t.lex == 0 && t.gaz == 0 && !s.dictionaryWord(k)) && t.lex&(lxMedical|lxMonth|lxWeekday|lxDigitWord|lxTitle|lxTitleClin) == 0
	}
	if !surname(n) {
		return -1
	}
	e := -1
	for k := n; k+2 < len(s.toks) && s.toks[k+1].punct('-') && s.toks[k+1].gap == gapNone && s.toks[k+2].gap == gapNone && surname(k+2); k += 2 {
		e = k + 2
	}
	return e
}

// unlistedSurname: a lower-case word on no list that is no inflected
// English word either (the word list holds base forms: "manages", "called"
// are not on it): "brightwater", "okonkwo".
func (s *scan) unlistedSurname(n int) bool {
	t := &s.toks[n]
	if t.lex != 0 || t.gaz != 0 || t.n() < 4 || s.tokIn(functionWordSet, n) || s.englishLooking(n) {
		return false
	}
	w := s.lower(n)
	if unlistedForms[w] || s.dictionaryWord(n) || n+1 < len(s.toks) && s.toks[n+1].punct('\'') && s.toks[n+1].gap == gapNone {
		return false // "hasn't", "wouldn't"
	}
	return !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly") &&
		!strings.HasSuffix(w, "ing")
}

// unlistedForms are English words the word lists leave out, as they hold
// base forms only: irregular past tenses and participles ("angela
// brought", "kenneth gave"), and the fillers of speech.
var unlistedForms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`eaten gave given brought bought caught taught thought fought sought went gone came
		become began begun broke broken chose chosen drew drawn drove driven fell fallen felt fled flew flown forgot
		forgotten froze frozen got gotten grew grown hid hidden held hung kept knew known laid led left lent lost meant
		paid rode ridden rang rung rose risen sang sung sank sunk slept slid spoke spoken spent spun stood stole stolen
		stuck stung struck swore sworn swept swam swum swung took taken tore torn threw thrown understood woke woken wore
		worn wound wrote written bled bred dug shook shaken shot shone sent sold told found heard made said does done
		gonna wanna gotta kinda sorta dunno yeah okay mhmm hmmm yeah uhhh ummm`) {
		m[w] = true
	}
	return m
}()

// pronouncedName: how a name is said, after "it's pronounced", "is
// pronounced", "you pronounce it": the words on no list up to the clause's
// end ("so it's pronounced shi vawn", "it's pronounced ah-NEE-kah"). The
// adjective stays ("more pronounced edema", "weakness is pronounced").
func (s *scan) pronouncedName(i int) bool {
	p1, p2 := s.prevWordAt(i, 1), s.prevWordAt(i, 2)
	k := s.next(i)
	switch {
	case s.eq(i, "pronounced") && (p1 == "it's" || p1 == "is" && (p2 == "it" || p2 == "name" || p2 == "that") || p1 == "name's" ||
		p1 == "you're" && p2 == "so"):
	case s.eq(i, "pronounce") && k > 0 && s.eq(k, "it"):
		k = s.next(k)
	default:
		return false
	}
	for k > 0 && (s.eq(k, "like") || s.eq(k, "as") || s.toks[k].punct(':') || s.toks[k].punct('"') || s.toks[k].punct(',')) {
		k = s.next(k)
	}
	st, en, odd := k, -1, 0
	for j := k; j > 0 && j < len(s.toks) && s.toks[j].gap != gapLine && (j == k || s.toks[j].gap == gapSpace || s.toks[j-1].punct('-')); {
		t := &s.toks[j]
		if !t.letters() || s.tokIn(functionWordSet, j) || t.is(lxMedical|lxCommon) && !t.is(nameListFlags) {
			break
		}
		if !s.dictionaryWord(j) {
			odd++
		}
		en = j
		if j+2 < len(s.toks) && s.toks[j+1].punct('-') && s.toks[j+1].gap == gapNone && s.toks[j+2].gap == gapNone {
			j += 2
			continue
		}
		j = s.next(j)
	}
	if en < 0 || odd == 0 {
		return false
	}
	s.addTok(st, en, Name, prCue)
	return true
}

// syllableName: a name said syllable by syllable in lower case,
// "flo-ree-ahn", "ah-nee-kah": three or more pieces of two to four letters
// joined by hyphens, no piece an English word or a filler, not all alike.
func (s *scan) syllableName(i int) bool {
	if i > 0 && s.toks[i].gap == gapNone && s.toks[i-1].punct('-') {
		return false // inside a run that started earlier
	}
	n, end := 0, i
	first := s.lower(i)
	same := true
	for k := i; k < len(s.toks); {
		t := &s.toks[k]
		if !t.letters() || t.upper() || t.n() < 2 || t.n() > 4 || s.dictionaryWord(k) || t.lex&^nameListFlags != 0 ||
			syllableFillers[s.lower(k)] {
			return false
		}
		same = same && s.lower(k) == first
		n, end = n+1, k
		if k+2 < len(s.toks) && s.toks[k+1].punct('-') && s.toks[k+1].gap == gapNone && s.toks[k+2].gap == gapNone {
			k += 2
			continue
		}
		break
	}
	if n < 3 || same {
		return false
	}
	s.addTok(i, end, Name, prCue)
	return true
}

// syllableFillers are sounds of speech, not syllables of a name.
var syllableFillers = map[string]bool{"uh": true, "um": true, "mm": true, "hmm": true, "hm": true, "ah": true, "oh": true,
	"ha": true, "he": true, "heh": true, "eh": true, "er": true, "erm": true, "la": true, "na": true, "da": true,
	"ba": true, "ta": true, "tsk": true, "shh": true}

// spelledName: a name spelled out letter by letter, "O-Y-E-W-O-L-E",
// "p-e-t-e-r-s-e-n".
func (s *scan) spelledName(i int) bool {
	if i > 0 && s.toks[i].gap == gapNone && s.toks[i-1].punct('-') {
		return false // inside a run that started earlier
	}
	up := s.toks[i].upper()
	n, end := 0, i
	for k := i; k < len(s.toks); {
		t := &s.toks[k]
		if !t.letters() || t.n() != 1 || t.upper() != up {
			break
		}
		n, end = n+1, k
		d := s.adj(k)
		if d < 0 || !s.toks[d].punct('-') || s.adj(d) < 0 {
			break
		}
		k = d + 1
	}
	if n < 4 {
		return n == 1 && s.spaceSpelledName(i)
	}
	s.addName(i, end, PatientNames)
	return true
}

// shortSurnameAfterTitle: a surname of two letters in lower case after a
// clinician's title, where the clause ends or a person's verb, a modal, a
// relative pronoun or a preposition follows: "the surgeon was a lady,
// doctor ng, real nice", "dr li said to come back", "doctor ng who will
// take her".
// Written in capitals ("Dr. Ng") the title rules find it; in lower case
// the word is also a clinical abbreviation ("ng tube", "li level").
func (s *scan) shortSurnameAfterTitle(i int) bool {
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct('.') {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !shortSurnameTitles[s.lower(p)] || s.toks[i].gap != gapSpace {
		return false
	}
	n := s.next(i)
	if !(n < 0 || s.toks[n].gap == gapLine || s.toks[n].punct(',') || s.toks[n].punct('.') || s.toks[n].punct('?') ||
		s.toks[n].letters() && (personVerbs[s.lower(n)] || afterShortSurname[s.lower(n)])) {
		return false
	}
	s.addName(i, i, ClinicianNames)
	return true
}

// roleInitials: a clinician written by initials after the role's word
// ("seen with attending LMK", "reviewed with fellow JRT", "by resident
// AB"): two or three capitals of no list (no unit, service, credential or
// clinical abbreviation: "attending ICU team", "Attending MD note"), where
// the clause ends or goes on with "and", a comma or a preposition.
func (s *scan) roleInitials(i int) bool {
	t := &s.toks[i]
	if t.lex != 0 || t.gaz != 0 || s.tokIn(unitAcronymSet, i) || t.gap != gapSpace {
		return false
	}
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() || !clinicalRoles[s.lower(p)] {
		return false
	}
	n := s.next(i)
	if n >= 0 && s.toks[n].gap != gapLine && s.toks[n].letters() && !s.tokIn(functionWordSet, n) && !s.eq(n, "today") {
		return false // "attending ICU team"
	}
	s.addName(i, i, ClinicianNames)
	return true
}

// clinicalRoles name a clinician's role before the clinician.
var clinicalRoles = wordsOf("attending resident fellow intern hospitalist intensivist scribe preceptor")

// shortSurnames are surnames of two letters, common in East and Southeast
// Asia, that are also clinical abbreviations in lower case.
var shortSurnames = wordsOf("ng li wu xu hu yu vu vo ly ko ho lo le")

// shortSurnameTitles go before a person's surname: "dr li", "mr ng",
// "nurse wu", "professor li".
var shortSurnameTitles = wordsOf("dr doctor dra mr mrs ms miss mister nurse professor prof")

// afterShortSurname go on after a clinician's surname and never after a
// tube or a level: "doctor ng who will take her", "dr li will call", "dr
// wu from cardiology".
var afterShortSurname = wordsOf("who will would can could should might is was has had and from at in on to wants thinks")

// afterTitle: the token before i (a dot skipped) is a title word.
func (s *scan) afterTitle(i int) bool {
	p := i - 1
	if p >= 0 && s.toks[p].punct('.') {
		p--
	}
	if q := s.beforeLowerInitial(p); q >= 0 {
		p = q // "dr h. taufa": past an initial
	}
	return p >= 0 && s.toks[p].is(lxTitle|lxTitleClin)
}

// beforeLowerInitial: token p is a lower-case initial ("j" of "dr j.
// smith"; not the words "a" and "i"); it returns the token before it and
// its period, or -1.
func (s *scan) beforeLowerInitial(p int) int {
	if p < 1 || !s.toks[p].letters() || s.toks[p].n() != 1 || s.toks[p].upper() || s.eq(p, "a") || s.eq(p, "i") {
		return -1
	}
	q := p - 1
	if q >= 1 && s.toks[q].punct('.') {
		q--
	}
	return q
}

// copulaOrDeterminerBefore: "are hazel", "the violet", "so rosy": the word
// before makes the next an ordinary word.
func (s *scan) copulaOrDeterminerBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	switch s.lower(p) {
	case "are", "were", "be", "been", "a", "an", "the", "these", "those", "its", "some", "any", "light", "dark", "pale",
		"bright":
		return true
	case "very", "so", "too", "more", "most":
		// "so rosy", but "so jamal you're eighty two", "so kenneth,
		// tell me": a word that an intensifier modifies is no name, one
		// that a clause said to the listener follows is.
		return !s.addressFollows(i)
	}
	return false
}

// addressFollows: what follows token i opens a clause said to the person it
// names: a comma or question mark, a pronoun, a question word or an
// auxiliary before "you" ("kenneth, tell me", "jamal you're", "maria tells
// me", "eli how's school").
func (s *scan) addressFollows(i int) bool {
	n := i + 1
	if n >= len(s.toks) || s.toks[n].gap == gapLine {
		return false
	}
	if s.toks[n].punct(',') || s.toks[n].punct('?') {
		return true
	}
	var wb [2]string
	w := s.wordsAfterInto(wb[:0], i, 2)
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "you", "you're", "you've", "you'll", "i", "i'm", "i've", "i'll", "we", "we're", "we'll", "let's", "tell", "tells",
		"told", "says", "said", "mentioned", "how", "how's", "what", "what's", "when", "where", "why", "any":
		return true
	}
	return auxAsk[w[0]] && len(w) > 1 && (w[1] == "you" || w[1] == "we")
}

// askedYouAfter: an auxiliary and "you" right after token i ("do you",
// "can you", "are you").
func (s *scan) askedYouAfter(i int) bool {
	var wb [2]string
	w := s.wordsAfterInto(wb[:0], i, 2)
	return len(w) == 2 && auxAsk[w[0]] && w[1] == "you"
}

// lowerContextName: a name in lower case that no list holds as a name for
// sure, where the words before it name a person, as transcripts write
// them: after a title ("doctor pellegrino", "coach dellinger", "ms.
// pruitt"), a relation after a possessive ("my husband vern", "his sister
// trinity"), an introduction or a greeting ("i'm annika your nurse", "this
// is jaleesa", "thanks kayleigh"). The word is a given name or surname of
// the gazetteer that is no English word, or, after a title, any word on no
// list.
func (s *scan) lowerContextName(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.upper() || t.n() < 3 || t.lex&nonNameFlags != 0 {
		return false
	}
	// A cheap look at the word before: every context below starts there
	// (a given name before a person's verb aside).
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct('.') {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !s.toks[p].letters() {
		return false
	}
	if q := s.sameLinePrev(p); q >= 0 && (s.eq(p, "um") || s.eq(p, "uh") || s.eq(p, "er")) && s.toks[q].letters() &&
		(s.toks[q].lex&(lxTitle|lxTitleClin|lxRelation) != 0 || s.eq(q, "practitioner")) {
		p = q // "the nurse practitioner um teodora": a filler before the name
	}
	pw := s.lower(p)
	switch {
	case pw == "practitioner" && s.eq(s.sameLinePrev(p), "nurse") && t.gaz&gzFirst != 0 && t.gaz&gzWord == 0 && !s.englishLooking(i):
		s.lowerNameAt(i, ClinicianNames) // "the nurse practitioner teodora": a given name after the role
		return true
	case t.lex == 0 && t.gaz == 0 && s.toks[p].gap != gapLine && (discourseWords[pw] || pw == "hi" || pw == "hey") && s.askedYouAfter(i) &&
		!s.englishLooking(i) && !s.dictionaryWord(i):
		// A word of no list, called after a filler and asked a question:
		// "um krysia do you want to sit here", "ok thandiwe can you".
		s.lowerNameAt(i, PatientNames)
		return true
	case (pw == "patient" || pw == "pt" || pw == "member" || pw == "client" || pw == "resident") && s.birthCueAfterName(i):
		// "caller: patient bettina oduya date of birth five five sixty
		// six": the words between the person's role and the birth date.
		s.lowerNameAt(i, PatientNames)
		return true
	case (pw == "interpreter" || pw == "translator") && t.lex == 0 && t.gaz&gzWord == 0 && !s.englishLooking(i) && !s.dictionaryWord(i):
		// "this is somali interpreter abdiwali": the interpreter's name,
		// a word of no list, right after the role.
		s.lowerNameAt(i, ClinicianNames)
		return true
	}
	if s.toks[p].lex&(lxTitle|lxTitleClin|lxRelation) == 0 && !s.tokIn(contextWordSet, p) && t.gaz&gzFirst == 0 {
		return false
	}
	w := s.lower(i)
	// "hi hon", "thanks pal": an endearment is on the census lists too.
	if s.tokIn(functionWordSet, i) || s.tokIn(wordMakerSet, i) || endearments[w] {
		return false
	}
	gazName := t.gaz&(gzFirst|gzSur) != 0 && t.gaz&gzWord == 0
	unknown := t.lex == 0 && t.gaz&^(gzFirst|gzSur|gzTown|gzFacHead|gzFacAcro) == 0 && !strings.HasSuffix(w, "ly") &&
		!strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") && s.personTitleBefore(i) && !s.englishLooking(i) &&
		!s.dictionaryWord(i) // "doctor perfect keep it up", "my doctor thinks": a speaker tag's or a sentence's word

	ok := false
	switch {
	case s.personTitleBefore(i) && (gazName || unknown):
		ok = true
	case s.personTitleBefore(i) && t.gaz&(gzFirst|gzSur) != 0:
		// A name that is also a word ("mr. rivers"): here only, not
		// everywhere else in the text.
		s.addName(i, i, PatientNames)
		return true
	case s.relationBefore(i) && s.possessiveTwoBack(i) && (gazName || t.gaz&gzFirst != 0 || s.unlistedSurname(i)):
		ok = true // "my cousin tanner", "his sister trinity", "my sister marijke"
	case !gazName:
		return false
	case t.gaz&gzFirst != 0 && personVerbNext[s.nextWordAt(i)] && !s.nextIsAux(i) && !wordMakers[s.prevWordAt(i, 1)]:
		ok = true // "kenzie helps me", "vern says"
	case s.introBefore(i) || s.greetingBefore(i, knownPart{word: s.lower(i)}):
		ok = true
	case t.gaz&gzFirst != 0 && t.gaz&gzWord == 0 && t.lex&(lxCommon|lxMedical) == 0 && s.itsCaller(i):
		ok = true // "hi dr mendoza it's jolene in the lab"
	case t.gaz&gzFirst != 0 && t.lex == 0 && (s.vocativeAt(i, knownPart{word: w, tier: kpWord}) ||
		s.openingAddress(i, knownPart{word: w, tier: kpWord})):
		ok = true // "um krysia do you want to sit", "ok lacey can you"
	}
	if !ok {
		return false
	}
	s.lowerNameAt(i, PatientNames)
	return true
}

// itsCaller: a caller saying who is calling, "it's" before token i and
// where they call from or nothing after it ("it's jolene in the lab",
// "hey it's marisol from the front desk", "it's deshawn again").
func (s *scan) itsCaller(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !(p >= 2 && s.eq(p, "s") && s.toks[p-1].punct('\'') && s.eq(p-2, "it") || s.eq(p, "its") && !s.toks[p].upper()) {
		return false // "it's jolene", or "its keisha again" with the apostrophe left out
	}
	n := s.next(i)
	if n < 0 || s.toks[n].gap == gapLine || s.toks[n].kind == tkPunct {
		return true
	}
	switch s.lower(n) {
	case "in", "from", "at", "with", "calling", "here", "again", "over":
		return true
	}
	return false
}

// birthCueAfterName: one to three words from i that read as a name (no
// function word, no ordinary word on no name list), then "date of birth",
// "dob" or "birthday".
func (s *scan) birthCueAfterName(i int) bool {
	k := i
	for n := 0; n < 3; n++ {
		t := &s.toks[k]
		if !t.letters() || t.upper() || s.tokIn(functionWordSet, k) || t.lex&nonNameFlags != 0 ||
			t.lex&(lxFirst|lxSur) == 0 && t.gaz&(gzFirst|gzSur) == 0 && s.dictionaryWord(k) {
			return false
		}
		// Joined by hyphens: "brooks-tate".
		k = s.hyphenatedEnd(k)
		m := s.next(k)
		if m < 0 || s.toks[m].gap == gapLine {
			return false
		}
		if s.eq(m, "dob") || s.eq(m, "birthday") || s.eq(m, "date") && s.eq(s.next(m), "of") && s.eq(s.next(s.next(m)), "birth") {
			return true
		}
		k = m
	}
	return false
}

// nameListFlags are the lexicon's name lists; a word on them and on no
// other list is a name unless its context makes it a word.
const nameListFlags = lxFirst | lxFirstAmb | lxSur | lxSurAmb

// lowerVocativeName: a lower-case word that the lists hold only as a name
// (or a census given name that is also a rare word, "rick"), in a position
// where a person is addressed, greeted, introduced or named after a relation
// ("okay lorenzo, so your breathing", "nice to meet you frank", "this is my
// husband frank", "okay jen, we'll get labs"). lowerContextName leaves out
// names that are also words ("frank", "jen"): here the position decides, as
// it does for a supplied name that is also a word (knownInContext).
func (s *scan) lowerVocativeName(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.upper() || t.n() < 3 || s.isKnown(i) {
		return false
	}
	listName := t.lex != 0 && t.lex&^nameListFlags == 0
	gazGiven := t.lex == 0 && t.gaz&gzFirst != 0
	// "alright, tyler, let's look": a given name that is also a town is
	// addressed as a person, on the cues a name that is a word needs.
	townName := t.lex&(lxFirst|lxFirstAmb) != 0 && t.lex&^(nameListFlags|lxCity|lxCityAmb) == 0 && t.lex&(lxCity|lxCityAmb) != 0
	if !listName && !gazGiven && !townName || s.tokIn(functionWordSet, i) || s.tokIn(wordMakerSet, i) {
		return false
	}
	w := s.lower(i)
	p := knownPart{word: w, tier: kpWord}
	if modalNames[w] || verbNames[w] || clauseVerbs[w] {
		return false
	}
	if endearments[w] || s.copulaOrDeterminerBefore(i) || quantifierBefore[s.prevWordAt(i, 1)] {
		return false
	}
	// An item of a list ("a+ox3, mae, c/o pain", "Civic, gray, plate"),
	// an answer ("hazel yeah"); not a name set off after the words that
	// open the turn or after a relation ("alright , tyler , let's look",
	// "my nurse , becky , come in").
	if pv := s.sameLinePrev(i); pv >= 0 && s.toks[pv].punct(',') && i+1 < len(s.toks) && s.toks[i+1].punct(',') &&
		!s.discourseOpens(i) && !s.relationBefore(i) || ackWords[s.nextWordAt(i)] {
		return false
	}
	// A name that is also an English word ("frank", "penny", "rick")
	// or a town ("tyler") needs a comma, a greeting, an introduction or a
	// relation around it; the softer cues of address below hold for names
	// alone.
	word := t.lex&(lxFirstAmb|lxSurAmb) != 0 || t.gaz&gzWord != 0 || townName
	given := t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&gzFirst != 0
	n := i + 1
	setOff := n < len(s.toks) && s.toks[n].gap != gapLine && (s.toks[n].punct(',') || s.toks[n].punct('?') || s.toks[n].punct('!'))
	ok := false
	switch {
	case given && s.relationBefore(i) && s.possessiveTwoBack(i) && (s.clauseEndAfter(i) || s.lowerPersonVerbAfter(i)):
		ok = true // "this is my husband frank", "my wife jen says", "my neighbor frank checks on me"
	case s.greetingBefore(i, p) || s.introBefore(i) || s.pleasantryBefore(i):
		ok = true
	case word && !setOff && !(s.discourseOpens(i) && s.addressFollows(i)):
	case given && s.possessiveRelationAfter(i):
		ok = true // "hi i'm devon's mom"
	case s.prevWordAt(i, 1) == "is" && s.prevWordAt(i, 2) == "patient" && s.lowerSurnameAfter(i):
		ok = true // "next patient is lorenzo gutierrez"
	case s.vocativeAt(i, p) || !word && s.openingAddress(i, p):
		ok = true
	}
	if !ok {
		return false
	}
	if word {
		// This mention only: elsewhere the word may be the word ("hi
		// robin" ... "she saw a robin").
		s.addName(i, i, PatientNames)
		return true
	}
	s.lowerNameAt(i, PatientNames)
	return true
}

// namedPerson: the lower-case word at i after "named" or "called" whose
// subject is a person ("my daughter is named hope", "my social worker is
// named april", "she's called meadow", "a guy named phil"): the person's
// name whatever else the word is. "called" needs the copula ("the nurse
// called yesterday" is a call); a thing named stays ("the dog is named
// biscuit", "the pill is called jardiance").
func (s *scan) namedPerson(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.upper() || t.n() < 3 || s.isKnown(i) || s.tokIn(functionWordSet, i) || notNamedWords[s.lower(i)] {
		return false
	}
	p1 := s.prevWordAt(i, 1)
	if p1 != "named" && p1 != "called" {
		return false
	}
	subj, copula := s.prevWordAt(i, 2), false
	switch {
	case strings.HasSuffix(subj, "'s"):
		subj, copula = strings.TrimSuffix(subj, "'s"), true
	case subj == "is" || subj == "was":
		subj, copula = s.prevWordAt(i, 3), true
	}
	if p1 == "called" && !copula {
		return false
	}
	f, _ := lookupString(subj)
	if !(copula && (subj == "she" || subj == "he") || namedPersonNouns[subj] || personRoles[subj] || f&lxRelation != 0) {
		return false
	}
	if n := s.next(i); n > 0 && s.toks[n].letters() && !s.toks[n].upper() && s.toks[n].gap == gapSpace &&
		(s.toks[n].lex&lxSur != 0 && s.toks[n].lex&nonNameFlags == 0 || s.toks[n].gaz&gzSur != 0 && s.toks[n].gaz&gzWord == 0) {
		s.addName(i, n, PatientNames) // "is named hope castellanos"
		return true
	}
	s.addName(i, i, PatientNames)
	return true
}

// namedPlace: one to three lower-case words after "called" or "named"
// whose subject is a place ("a little town in kentucky called hazard", "a
// place called bat cave", "a village named shady grove"): the place's
// name, whatever else the words are, up to the clause's end.
func (s *scan) namedPlace(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || !(s.eq(p, "called") || s.eq(p, "named")) {
		return false
	}
	// The place noun right before, or before "in"/"near"/"outside" and a
	// word ("a town in kentucky called").
	q := s.sameLinePrev(p)
	if q >= 0 && !placeNouns[s.lower(q)] {
		if r := s.sameLinePrev(q); r >= 0 {
			if w := s.prevWordAt(q, 1); w == "in" || w == "near" || w == "outside" || w == "of" {
				q = s.sameLinePrev(r)
			}
		}
	}
	if q < 0 || !placeNouns[s.lower(q)] {
		return false
	}
	end := -1
	for k, n := i, 0; k > 0 && n < 3; k, n = s.next(k), n+1 {
		t := &s.toks[k]
		if !t.letters() || t.upper() || t.gap != gapSpace && k != i || s.tokIn(functionWordSet, k) || notNamedWords[s.lower(k)] {
			break
		}
		end = k
		if s.clauseEndAfter(k) {
			break
		}
	}
	if end < 0 || !s.clauseEndAfter(end) {
		return false
	}
	s.addTok(i, end, Location, prCue)
	return true
}

// placeNouns are places a name is given for ("a town called ...").
var placeNouns = wordsOf("town village city place neighborhood neighbourhood area suburb hamlet township community " +
	"settlement island county parish district")

// notNamedWords follow "named" or "called" without being the name: "named
// after his grandfather", "he's called twice", "she's called me back".
var notNamedWords = wordsOf("after for by as like back off over up out about once twice again today yesterday tonight " +
	"recently earlier later only just also too so me you him her us them it this that here there home ahead already " +
	"several every each")

// namedPersonNouns are people a name is given for ("a guy named phil")
// beyond the relation words and the roles (personRoles: "my social
// worker is named april").
var namedPersonNouns = wordsOf("guy lady man woman girl boy baby pastor priest caseworker helper supervisor co-worker driver")

// unlistedGreeted: a lower-case word on no list at all, no English word
// nor a form of one, right after a greeting or a pleasantry said to the
// person: a given name too rare for the census lists ("thanks siosaia see
// you in two weeks", "good morning yerlan", "nice to meet you kasimir").
// Not after "thanks to" ("thanks to zepbound i lost"), nor a filler or an
// endearment ("thanks mhm", "hi hon").
func (s *scan) unlistedGreeted(i int) bool {
	t := &s.toks[i]
	if t.lex != 0 || t.gaz != 0 || t.n() < 4 || s.prevWordAt(i, 1) == "to" {
		return false
	}
	// A cheap look at the word before first: a greeting, a word a
	// greeting or a pleasantry ends on, or a comma.
	p1 := s.prevWordAt(i, 1)
	iAm := p1 == "i'm" || p1 == "im" || p1 == "am" && s.prevWordAt(i, 2) == "i"
	// "this is aminata the wolof interpreter": only before a role ("this is
	// ridiculous" is no introduction).
	thisIs := p1 == "is" && s.prevWordAt(i, 2) == "this"
	if (iAm || thisIs) && s.selfIntroduced(i, thisIs) {
		// "hi i'm ibrahima diallo": a surname of the lists, or a word of
		// none, ending the introduction.
		if n := s.introSurnameAfter(i); n > 0 {
			s.addName(i, n, PatientNames)
			return true
		}
		s.lowerNameAt(i, PatientNames) // "hi i'm ibrahima", "i'm wideline creole interpreter"
		return true
	}
	switch {
	case greetings[p1] || closingEnds[p1] || p1 == "," || p1 == "again" || p1 == "my" || p1 == "back" || p1 == "today" ||
		p1 == "in" || p1 == "care" || p1 == "and":
	default:
		return false
	}
	if p := (knownPart{word: s.lower(i), tier: kpWord}); !s.greetingBefore(i, p) && !s.pleasantryBefore(i) || !s.unlistedNameLike(i) {
		return false
	}
	s.lowerNameAt(i, PatientNames)
	return true
}

// selfIntroduced: the word at i after "i'm" is the speaker's name: a
// greeting opened the turn and the introduction ends after the word ("hi
// i'm ibrahima", "good morning i'm siddiqui from cardiology"), or a role
// follows it ("i'm wideline creole interpreter", "i'm ibrahima the wolof
// interpreter", "i'm bushra, the diabetes nurse"). "i'm postop", "i'm
// hypothyroid" stay.
func (s *scan) selfIntroduced(i int, roleOnly bool) bool {
	if s.tokIn(functionWordSet, i) || s.dictionaryWord(i) || unlistedForms[s.lower(i)] || chatFillers[s.lower(i)] || s.pluralOfWord(i) ||
		practiceWords[s.lower(i)] || clinicalLooking(s.lower(i)) {
		return false
	}
	role := false
	j := i // the name, or its comma: "i'm bushra, the diabetes nurse"
	if c := s.next(i); c > 0 && s.toks[c].punct(',') {
		j = c
	}
	switch w := s.nextWordAt(j); {
	case peopleWords[w] || roleWord(w):
		role = j == i && (s.nextWordAt(s.next(i)) == "interpreter" || roleWord(w)) // "creole interpreter"
	case w == "the" || w == "your" || w == "one":
		// The role ends the introduction: "the wolof interpreter", "your
		// nurse today", not "i'm postmenopausal the nurse said".
		for k, n := s.next(j), 0; k > 0 && n < 3 && !role; k, n = s.next(k), n+1 {
			if roleWord(s.lower(k)) || s.eq(k, "nurses") {
				switch s.nextWordAt(k) {
				case "for", "on", "from", "with", "today", "tonight", "here", "and", "at", "in", "this", "who":
					role = true
				default:
					role = s.clauseEndAfter(k)
				}
			}
		}
	}
	if role || roleOnly {
		return role
	}
	greeted := false
	for k, n := s.sameLinePrev(s.sameLinePrev(i)), 0; k >= 0 && n < 4 && !greeted; k, n = s.sameLinePrev(k), n+1 {
		greeted = greetings[s.lower(k)]
	}
	if !greeted || !s.unlistedNameLike(i) || s.englishLooking(i) {
		return false
	}
	if s.clauseEndAfter(i) {
		return true
	}
	switch s.nextWordAt(i) {
	case "from", "with", "calling", "here", "and", "i'll", "i'm", "um", "uh":
		return true
	}
	return s.introSurnameAfter(i) > 0 // "hi i'm ibrahima diallo"
}

// introSurnameAfter returns the token after i when it ends an introduction
// as a surname ("hi i'm ibrahima diallo"): a lower-case surname of the
// lists that is no English word, or a word of no list, before the clause's
// end; -1 otherwise.
func (s *scan) introSurnameAfter(i int) int {
	n := s.next(i)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() || !s.clauseEndAfter(n) {
		return -1
	}
	if t := &s.toks[n]; t.gaz&gzSur != 0 && t.gaz&gzWord == 0 || t.lex == 0 && t.gaz == 0 && !s.dictionaryWord(n) {
		return n
	}
	return -1
}

// roleWord: w names a role at the clinic or to the patient ("nurse",
// "navigator", "practitioner", "interpreter").
func roleWord(w string) bool { return personRoles[w] || nurseRoles[w] }

// roleNotName: token k is a role word on no list of names ("Practitioner",
// "Navigator"; not "Coach" or "Fellow" where the lists hold a surname).
func (s *scan) roleNotName(k int) bool {
	return roleWord(s.lower(k)) && s.toks[k].lex&(lxFirst|lxSur) == 0
}

// clinicalLooking: a word on no list that has the shape of a clinical
// state or a service ("postpartum", "preop", "neutropenic",
// "hyperkalemic", "tachy", "peds", "keto"): after "i'm" it says how the
// speaker is or where they work, not who.
func clinicalLooking(w string) bool {
	for _, p := range []string{"pre", "post", "peri", "hyper", "hypo", "neuro", "trans", "tachy", "brady", "anti", "non", "keto", "peds", "ortho", "cardio", "onc"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, x := range []string{"ic", "al", "um", "ent", "ant", "ive", "ous", "oid", "tic", "ed", "ing"} {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// ownedRelativeName: a lower-case word right after a relation word that names
// the relative, where lowerContextName and lowerVocativeName want a longer
// word or one on no other list: a short given name ("my daughter vy works
// there", "her son al"), a given name that is also a word or an eponym ("my
// cousin tanner", "husband ed + son jimmy"), a word on no list ("my brother
// dev"). The relation must be owned ("my", "her", ...) or the next relative
// of a list must follow ("husband ed + son jimmy", "wife jo and her
// mother"); after the word the clause ends, a person's verb follows, or the
// list goes on. A word that is an English word and on no name list stays
// ("my son too", "my wife so").
func (s *scan) ownedRelativeName(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.n() < 2 || t.gap != gapSpace || s.isKnown(i) {
		return false
	}
	w := s.lower(i)
	if s.relativeFullName(i) {
		return true
	}
	if s.tokIn(functionWordSet, i) || s.tokIn(wordMakerSet, i) || discourseWords[w] || ackWords[w] || endearments[w] ||
		chatFillers[w] || t.is(lxRelation|lxTitleClin|lxMonth|lxWeekday|lxDigitWord|lxTeenWord|lxTensWord|lxUnitWord) {
		return false
	}
	// "my stepdad, earl, smokes inside", "my son, king, is six": one word
	// set off by commas after an owned relation is the relative's name,
	// even a title or an English word; an adverb between commas stays
	// ("my son, however, is fine").
	if !t.upper() && t.n() >= 3 && i > 0 && s.toks[i-1].punct(',') && s.ownedRelationBefore(i-1) && i+1 < len(s.toks) &&
		s.toks[i+1].punct(',') && s.toks[i+1].gap == gapNone && !strings.HasSuffix(w, "ly") && !commaAdverbs[w] && t.lex&lxMedical == 0 {
		s.addName(i, i, RelativeNames)
		return true
	}
	if t.is(lxTitle) {
		return false
	}
	given := t.lex&(lxFirst|lxFirstAmb|lxEponymName) != 0 || t.gaz&gzFirst != 0
	unlisted := t.lex == 0 && t.gaz&^gzPhraseHead == 0 && !s.dictionaryWord(i)
	if !given && !unlisted {
		return false
	}
	n := i + 1
	listGoesOn := false
	if n < len(s.toks) && s.toks[n].gap != gapLine && (s.toks[n].punct('+') || s.toks[n].punct('&') || s.toks[n].punct(',') || s.eq(n, "and")) {
		m := s.next(n)
		if m > 0 && (s.eq(m, "my") || s.eq(m, "his") || s.eq(m, "her") || s.eq(m, "their") || s.eq(m, "our")) {
			m = s.next(m)
		}
		listGoesOn = m > 0 && s.toks[m].letters() && s.toks[m].is(lxRelation)
	}
	// "my dad, henrik": the name set off by a comma.
	owned := s.possessiveTwoBack(i) || s.toks[i-1].punct(',') && s.possessiveTwoBack(i-1)
	if !owned && !listGoesOn {
		return false
	}
	// "my mom marie-ange comes in": the clause goes on after the whole of a
	// hyphenated given name.
	e := i
	for e+2 < len(s.toks) && s.toks[e+1].punct('-') && s.toks[e+1].gap == gapNone && s.toks[e+2].gap == gapNone &&
		s.toks[e+2].letters() && !s.toks[e+2].upper() && s.toks[e+2].n() >= 2 {
		e += 2
	}
	if !listGoesOn && !s.clauseEndAfter(e) && !(s.lowerPersonVerbAfter(e) && !s.nextIsAux(e)) &&
		!(relativeWhereAfter[s.nextWordAt(e)] && t.lex&(lxCommon|lxMedical) == 0 && !s.dictionaryWord(i)) {
		return false
	}
	if given && t.lex&(lxFirst|lxFirstAmb) != 0 && t.lex&^nameListFlags == 0 || unlisted {
		s.lowerNameAt(i, PatientNames)
		return true
	}
	s.addName(i, i, PatientNames) // a word too: this mention only
	return true
}

// personAnswer: a given name of the lists that is no English word, or a
// word on no list at all, said alone at the start of a turn, before a
// comma or the line's end, answers a question of who on the line before:
// a person's name asked for ("what's your husband's name" / "cillian"), a
// relation asked about ("and your partner" / "cillian, he works out in
// the airport"), the next of kin or the emergency contact.
func (s *scan) personAnswer(i int) bool {
	t := &s.toks[i]
	if !s.turnStart(i) || !t.letters() || s.isKnown(i) || s.englishTok(i) || t.lex&^(lxFirst|lxFirstAmb) != 0 ||
		t.gaz&(gzCity|gzTown|gzFacHead|gzFacAcro|gzWord|gzCityNick) != 0 || t.lex == 0 && t.gaz == 0 && englishOrCompound(s.lower(i)) ||
		tripledLetter(s.lower(i)) {
		return false
	}
	if n := s.next(i); n > 0 && s.toks[n].gap != gapLine && !s.toks[n].punct(',') && !s.toks[n].punct('.') {
		return false
	}
	b, a := s.prevLineBounds(i)
	if a == 0 {
		return false
	}
	asks, named, person, last := false, false, false, -1
	for k := b; k < a; k++ {
		if !s.toks[k].letters() {
			continue
		}
		switch w := s.lower(k); w {
		case "kin", "contact", "who", "who's":
			asks = true
		case "name", "names":
			named = true
			// "your name", "his name"; "the name of the street" is none.
			person = person || ownerWords[s.prevWordAt(k, 1)]
		default:
			person = person || s.toks[k].is(lxRelation)
		}
		last = k
	}
	// "and your partner": the line ends on an owned relation.
	owned := last >= 0 && s.toks[last].is(lxRelation) && ownerWords[s.prevWordAt(last, 1)]
	if !(asks || named && person || owned) {
		return false
	}
	s.addName(i, i, RelativeNames)
	return true
}

// relativeFullName: after an owned relation, a given name, even a word or
// a month, and a surname of the lists, then the clause's end or a
// person's verb ("my uncle jack dawson drove me", "my wife june carter
// drove me"); a surname that is a word needs the verb ("my daughter lily
// white came today"); a verb of living or working is no surname ("my son
// jordan works nights"). It adds the name and reports whether it did.
func (s *scan) relativeFullName(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.gap != gapSpace || s.isKnown(i) {
		return false
	}
	m := s.next(i)
	if m > 0 && (t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&gzFirst != 0) && !t.upper() &&
		s.toks[m].gap == gapSpace && s.toks[m].letters() && !s.toks[m].upper() &&
		(s.toks[m].lex&lxSur != 0 || s.toks[m].gaz&gzSur != 0) && s.toks[m].lex&(lxRelation|lxMonth|lxPlaceCue) == 0 &&
		s.possessiveTwoBack(i) && (s.toks[m].lex&(lxMedical|lxCommon) == 0 && (s.clauseEndAfter(m) || relativeWhereAfter[s.nextWordAt(m)]) ||
		s.lowerPersonVerbAfter(m) || finiteAfterModal[s.nextWordAt(m)]) {
		s.addName(i, m, RelativeNames)
		return true
	}
	return false
}

// relativeAppositive: a given name of the lists, no English word, set off
// by commas after an owned relation and the phrase that places the
// relative ("my friend from church, loretta, brought soup", "my neighbor
// across the street, bill, called 911"): the relative's name. The phrase
// opens with a preposition and holds no punctuation; an adverb between the
// commas stays, as after the relation itself.
func (s *scan) relativeAppositive(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.n() < 3 || s.isKnown(i) || i+1 >= len(s.toks) || !s.toks[i+1].punct(',') || s.toks[i+1].gap != gapNone ||
		s.dictionaryWord(i) || commaAdverbs[s.lower(i)] || t.lex&(lxMedical|lxCommon|lxTitle|lxTitleClin|lxMonth|lxWeekday) != 0 {
		return false
	}
	c := s.sameLinePrev(i) // the comma
	for k, n := s.sameLinePrev(c), 0; k >= 0 && n < 6; k, n = s.sameLinePrev(k), n+1 {
		if !s.toks[k].letters() {
			return false
		}
		if !s.toks[k].is(lxRelation) {
			continue
		}
		// The words after the relation place the relative: "from
		// church", "across the street", "at work".
		r := s.next(k)
		if r == c || !relativePlacePreps[s.lower(r)] || !s.possessiveTwoBack(r) {
			return false
		}
		s.addName(i, i, RelativeNames)
		return true
	}
	return false
}

// roleAppositive: one word set off by commas after a carer's role and
// its determiner ("the nurse, françois, was great", "my caseworker, deshawn,
// called"): the carer's name, when it is a given name of the lists or a
// word of no English; an adverb stays ("the nurse, however, was late").
func (s *scan) roleAppositive(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.n() < 3 || s.isKnown(i) || i+1 >= len(s.toks) || !s.toks[i+1].punct(',') || s.toks[i+1].gap != gapNone ||
		commaAdverbs[s.lower(i)] || strings.HasSuffix(s.lower(i), "ly") || t.lex&(lxMedical|lxCommon|lxTitle|lxTitleClin|lxMonth|lxWeekday|lxRelation) != 0 {
		return false
	}
	if s.dictionaryWord(i) && t.lex&lxFirst == 0 && t.gaz&gzFirst == 0 {
		return false
	}
	r := s.sameLinePrev(s.sameLinePrev(i))
	if r < 1 || !s.toks[r].letters() || !carerRoles[s.lower(r)] {
		return false
	}
	switch s.lower(r - 1) {
	case "the", "my", "our", "your", "his", "her", "their":
	default:
		return false
	}
	s.addName(i, i, ClinicianNames)
	return true
}

// carerRoles name who cares for a patient, before their name set off by
// commas.
var carerRoles = wordsOf("nurse doctor therapist aide interpreter translator caseworker counselor pharmacist surgeon " +
	"physician dentist chaplain tech technician midwife doula coach trainer caregiver psychiatrist psychologist")

// relativePlacePreps open the phrase that places a relative: "my friend
// from church", "my neighbor across the street".
var relativePlacePreps = wordsOf("from at in on across next down up over by with of near")

// relativeWhereAfter place a relative named just before: "my buddy ray
// kowalczyk from the legion", "me mate davo from the footy club".
var relativeWhereAfter = map[string]bool{"from": true, "at": true, "in": true, "across": true, "over": true, "down": true,
	"up": true, "near": true, "by": true}

// relationStartBefore returns the first token of the relation word that
// ends right before token c ("son", or "sister" of "sister-in-law"), or -1.
func (s *scan) relationStartBefore(c int) int {
	p := c - 1
	if p < 0 || !s.toks[p].letters() {
		return -1
	}
	if s.toks[p].lex&lxRelation != 0 {
		return p
	}
	if p >= 4 && s.eq(p, "law") && s.toks[p-1].punct('-') && s.eq(p-2, "in") && s.toks[p-3].punct('-') && s.toks[p-4].lex&lxRelation != 0 {
		return p - 4 // "my sister-in-law, aoife, is a nurse"
	}
	return -1
}

// ownedRelationBefore: an owned relation ends right before token c ("my
// son,", "her mother-in-law,").
func (s *scan) ownedRelationBefore(c int) bool {
	r := s.relationStartBefore(c)
	return r >= 1 && s.possessiveTwoBack(r+1)
}

// commaAdverbs are set off by commas without ending in "-ly": "my son,
// however, is fine".
var commaAdverbs = map[string]bool{"however": true, "too": true, "though": true, "also": true, "again": true,
	"anyway": true, "anyways": true, "meanwhile": true, "therefore": true, "thankfully": true, "luckily": true,
	"now": true, "then": true, "still": true, "bless": true, "rip": true, "sadly": true, "yes": true, "no": true,
	"yeah": true, "well": true, "sorry": true, "please": true, "actually": true, "obviously": true, "apparently": true}

// causativeName: a given name in lower case that a clinician has do
// something, "i'll have lacey schedule it", "we'll have jun call you", "let
// maria know": after "have" or "let" said of what one will do, before a
// verb of office work. The name may be a word too ("jun", "grace"): the
// frame decides.
func (s *scan) causativeName(i int) bool {
	p1, p2 := s.prevWordAt(i, 1), s.prevWordAt(i, 2)
	if p1 != "have" && p1 != "let" {
		return false
	}
	switch p2 {
	case "i'll", "we'll", "will", "to", "can", "could", "gonna", "i", "we", "let's", "just", "i'd", "we'd", "should":
	default:
		return false
	}
	if s.tokIn(functionWordSet, i) || s.dictionaryWord(i) && s.toks[i].lex&(lxFirst|lxFirstAmb) == 0 || s.isKnown(i) {
		return false
	}
	if !officeVerbs[s.nextWordAt(i)] {
		return false
	}
	s.addName(i, i, PatientNames) // this mention: the word may be a word elsewhere
	return true
}

// officeVerbs are what staff are had to do: "have lacey schedule it".
var officeVerbs = map[string]bool{"schedule": true, "call": true, "check": true, "draw": true, "bring": true, "see": true,
	"come": true, "help": true, "send": true, "set": true, "give": true, "take": true, "show": true, "know": true, "look": true,
	"print": true, "fax": true, "book": true, "find": true, "walk": true, "page": true, "text": true, "email": true,
	"start": true, "put": true, "drop": true, "order": true, "pull": true, "grab": true, "write": true, "get": true,
	"reach": true, "room": true, "swab": true}

// chatFillers end a sentence in messages and transcripts without being a
// name: "my wife tho", "my son lol".
var chatFillers = map[string]bool{"tho": true, "lol": true, "btw": true, "pls": true, "plz": true, "thx": true,
	"idk": true, "imo": true, "omg": true, "haha": true, "lmao": true, "smh": true, "ty": true, "np": true}

// lowerSurnameAfter: the word after token i is a lower-case surname that is
// no English word ("lorenzo gutierrez").
func (s *scan) lowerSurnameAfter(i int) bool {
	n := s.next(i)
	if n < 0 || s.toks[n].gap != gapSpace {
		return false
	}
	t := &s.toks[n]
	return t.letters() && !t.upper() && (t.gaz&gzSur != 0 && t.gaz&gzWord == 0 || t.lex&lxSur != 0 && t.lex&nonNameFlags == 0)
}

// apostropheSurname: "dr. o'connell", "mrs d'amico": a lower-case surname
// with an apostrophe after a title (the tokens "o", "'", "connell").
func (s *scan) apostropheSurname(i int) bool {
	if !s.eq(i, "o") && !s.eq(i, "d") || !s.afterTitle(i) || s.toks[i].upper() || i+2 >= len(s.toks) {
		return false
	}
	a, w := &s.toks[i+1], &s.toks[i+2]
	if !a.punct('\'') || a.gap != gapNone || w.gap != gapNone || !w.letters() || w.n() < 3 || w.lex&(lxCommon|lxMedical) != 0 {
		return false
	}
	s.addName(i, i+2, PatientNames)
	s.rememberName(s.lowerAny(i+2), PatientNames)
	return true
}

// possessiveRelationAfter: "devon's mom", "tasha's husband": token i is
// followed by "'s" and a relation word.
func (s *scan) possessiveRelationAfter(i int) bool {
	if i+3 >= len(s.toks) || !s.toks[i+1].punct('\'') || s.toks[i+1].gap != gapNone || !s.eq(i+2, "s") ||
		s.toks[i+2].gap != gapNone || s.toks[i+3].gap != gapSpace {
		return false
	}
	return s.toks[i+3].letters() && s.toks[i+3].is(lxRelation)
}

// endearments address a person without naming them: "ok buddy", "hi honey".
var endearments = map[string]bool{"buddy": true, "honey": true, "hon": true, "sweetie": true, "sweetheart": true,
	"dear": true, "darling": true, "babe": true, "baby": true, "kiddo": true, "pal": true, "champ": true, "bud": true,
	"love": true, "sugar": true, "sunshine": true, "friend": true, "boss": true, "chief": true, "doc": true, "sir": true,
	"ma'am": true, "mama": true, "mami": true, "papi": true, "mija": true, "mijo": true, "bubba": true, "sis": true,
	"bro": true, "dude": true, "man": true, "girl": true, "guys": true, "folks": true, "angel": true, "princess": true,
	"cher": true, "chère": true, "cheri": true, "chéri": true, "chérie": true}

// quantifierBefore make the next word a noun: "every penny", "any chance".
var quantifierBefore = map[string]bool{"every": true, "each": true, "any": true, "no": true, "poison": true, "my": false,
	"of": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "about": true, "little": true,
	"big": true, "sugar": true, "blood": true, "old": true, "new": true, "all": true}

// relativeWordName: any word right after an owned relation and before
// what a person does is the relative's name, in a lower-case transcript
// whatever lists hold the word ("his wife blessing called", "my roommate
// jax moved out", "my wife di comes in"): an adverb, a pronoun or a word
// of place or time there ("my son still lives", "my wife who works", "my
// friend here says") stays.
func (s *scan) relativeWordName(i int) bool {
	t := &s.toks[i]
	p := s.sameLinePrev(i)
	if p < 0 || t.upper() || !t.letters() || t.gap != gapSpace || !s.toks[p].is(lxRelation) || s.toks[p].upper() ||
		!s.possessiveTwoBack(i) || t.lex&(lxRelation|lxTitle|lxTitleClin|lxDigitWord|lxTeenWord|lxTensWord|lxMonth|lxWeekday|lxMedical) != 0 {
		return false
	}
	w := s.lower(i)
	if s.tokIn(functionWordSet, i) || relationGap[w] || frequencyAdverbs[w] || strings.HasSuffix(w, "ly") || personVerbs[w] || personVerbNext[w] ||
		unlistedForms[w] || baseVerbs[w] || endearments[w] || inflectedEnglish(w) || !s.lowerPersonVerbAfter(i) && !s.relativeSpokenOf(i) {
		return false
	}
	// An English word on no list of given names is a noun whose owner's
	// "'s" speech dropped, a condition or an adverb: "my husband insurance
	// covers it", "my son asthma flares", "my wife maybe thinks".
	if s.englishTok(i) && t.lex&(lxFirst|lxFirstAmb) == 0 && t.gaz&(gzFirst|gzFirstAmb) == 0 {
		return false
	}
	s.lowerNameAt(i, RelativeNames|clsExplicit)
	return true
}

// relationGap are words between an owned relation and its verb that name
// no one: adverbs of time and degree (with frequencyAdverbs), pronouns,
// words of place.
var relationGap = wordsOf("even first again once later here there today tonight yesterday too just kinda sorta already " +
	"now then who which that whose soon mostly much who's she he they we i you himself herself themselves back home " +
	"alone both all each either who'd who'll though tho however anyway anyways meanwhile instead neither rather not")

// kinAbbrs are written or said after a relation for another person or a
// role, not a name: "my daughter bf", "my son gf", "my husband gp", "my
// son da" (Irish for dad).
var kinAbbrs = wordsOf("bf gf gp da pt ot bff ex dr md np pa rn sil bil mil fil sw cna hha pcp")

// relativeNamedLikeTown: a town's name right after an owned relation and
// before the person's verb or the clause's end is the relative's ("my
// granddaughter brooklyn is staying with us", "my brother phoenix moved
// in"); elsewhere it stays a town ("my cousin in brooklyn").
//
// With a surname after it, the surname's end is the clause's: "his mother
// odessa pruitt in yonkers", "my son austin kowalczyk called".
func (s *scan) relativeNamedLikeTown(i int) bool {
	if s.tokIn(functionWordSet, i) || !s.possessiveTwoBack(i) {
		return false
	}
	if n := s.next(i); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() && s.toks[n].n() >= 3 &&
		(s.toks[n].lex&lxSur != 0 && s.toks[n].lex&nonNameFlags == 0 || s.toks[n].lex == 0 && s.toks[n].gaz&gzSur != 0 && s.toks[n].gaz&gzWord == 0) &&
		(s.clauseEndAfter(n) || s.lowerPersonVerbAfter(n) || clauseWords[s.nextWordAt(n)]) {
		s.addName(i, n, PatientNames)
		return true
	}
	if !(s.clauseEndAfter(i) || s.lowerPersonVerbAfter(i) || s.relativeSpokenOf(i)) {
		return false
	}
	s.addName(i, i, PatientNames)
	return true
}

// relativeSpokenOf: after the word at i, right after an owned relation,
// speech goes on about the person: a pronoun takes the person up again
// ("my grandson kobe he is trying"), or the person's "'s" ("my cousin
// dre's in baton rouge", "my son dre's car").
func (s *scan) relativeSpokenOf(i int) bool {
	if kinAbbrs[s.lower(i)] {
		return false // "my daughter bf he's moving in", "my husband gp he said rest"
	}
	n := s.next(i)
	if n < 0 || s.toks[n].gap == gapLine {
		return false
	}
	if s.runOnAfter(i, "s") {
		return true
	}
	switch s.lower(n) {
	case "he", "she", "they", "he's", "she's":
		return s.toks[n].gap == gapSpace
	}
	return false
}

// lowerPersonVerbAfter: the word after i is a verb a person does: one of
// personVerbNext, or an English verb's third-person or past form
// ("checks", "worries", "visited") whose base the word list holds.
func (s *scan) lowerPersonVerbAfter(i int) bool {
	if personVerbNext[s.nextWordAt(i)] {
		return true
	}
	n := s.next(i)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() || s.toks[n].n() < 4 ||
		s.toks[n].lex&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 {
		return false
	}
	// A noun's plural is the subject's head when a verb follows it: "my
	// husband bill payments are late".
	switch s.nextWordAt(n) {
	case "are", "were", "is", "was", "have", "had", "got", "need", "cost", "look", "keep":
		return false
	}
	return inflectedEnglish(s.lower(n))
}

// inflectedEnglish: w is an English word's third-person, past or plural
// form ("checks", "worried", "fixes", "moved") whose base the word list
// holds.
func inflectedEnglish(w string) bool {
	var stems []string
	switch {
	case strings.HasSuffix(w, "ied"), strings.HasSuffix(w, "ies"):
		stems = []string{w[:len(w)-3] + "y"} // "worried", "worries"
	case strings.HasSuffix(w, "ed"):
		stems = []string{w[:len(w)-2], w[:len(w)-1]} // "checked", "moved"
	case strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		stems = []string{w[:len(w)-2], w[:len(w)-1]} // "fixes", "takes"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		stems = []string{w[:len(w)-1]} // "checks"
	}
	for _, st := range stems {
		if _, ok := englishWords()[st]; ok && len(st) >= 3 {
			return true
		}
	}
	return false
}

// possessiveTwoBack: "my husband vern": a possessive before the relation
// word before token i.
func (s *scan) possessiveTwoBack(i int) bool {
	p := s.sameLinePrev(i)
	q := s.sameLinePrev(p)
	if q < 0 {
		return false
	}
	switch s.lower(q) {
	case "my", "his", "her", "our", "their", "your", "whose":
		return true
	case "me": // "me mate davo", "me nan": the possessive of British and Irish speech
		return s.toks[p].is(lxRelation)
	}
	return false
}

// personTitleBefore: a title that only a person's name follows ("doctor",
// "mrs.", "coach"), not "nurse practitioner" or "Fr" (French gauge).
func (s *scan) personTitleBefore(i int) bool {
	if !s.titleBefore(i) {
		return false
	}
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct('.') {
		p--
	}
	switch s.lower(p) {
	case "dr", "doctor", "doc", "mr", "mrs", "ms", "miss", "mister", "missus", "mx", "coach", "officer", "sgt", "sergeant",
		"judge", "rev", "reverend", "pastor", "rabbi", "imam", "prof", "professor", "captain", "capt", "lt", "deputy", "detective":
		return true
	}
	return false
}

// nextIsAux: the word after token i is an auxiliary that also follows
// ordinary nouns ("is", "was", "has"): too weak alone to make a name.
func (s *scan) nextIsAux(i int) bool {
	switch s.nextWordAt(i) {
	case "is", "was", "has", "had", "will", "would", "can", "could", "does", "did", "just", "still", "usually",
		"always", "never":
		return true
	}
	return false
}

// contextWords end an introduction or a greeting before a name: "i'm",
// "this is", "named", "call me", "thanks", "hi there".
var contextWords = map[string]bool{"m": true, "im": true, "am": true, "is": true, "named": true, "called": true,
	"me": true, "by": true, "hi": true, "hey": true, "hello": true, "thanks": true, "bye": true, "dear": true,
	"morning": true, "afternoon": true, "evening": true, "there": true, "again": true, "you": true, "care": true,
	"to": true, "s": true, "re": true, "doc": true, "missus": true, "goodbye": true, "welcome": true, "howdy": true,
	"hiya": true, "as": true, "with": true}

// brandCovers reports a brand, product or company of the lexicon ([brand]:
// "Jimmy Dean", "Taco Bell", "Philadelphia cream cheese") that covers
// tokens st..en, the candidate's own words, with or without a possessive
// after them.
func (s *scan) brandCovers(st, en int) bool {
	for p := max(0, st-3); p <= st; p++ {
		if !s.toks[p].is(lxPhraseHead) {
			continue
		}
		key, ends, m := s.phraseKeys(p, 4)
		for n := 2; n <= m; n++ {
			if lexPhraseFlags(key[:ends[n]])&lxBrand == 0 {
				continue
			}
			if e := s.phraseEnd(p, n); e >= en {
				return true
			}
		}
	}
	return false
}

// anyKnown reports a supplied name part among tokens st..en.
func (s *scan) anyKnown(st, en int) bool {
	for k := st; k <= en; k++ {
		if s.isKnown(k) {
			return true
		}
	}
	return false
}

// tokStartingAt returns the token that starts at byte offset off, or -1.
func (s *scan) tokStartingAt(off int) int {
	if !s.offOK {
		s.buildOffTok()
	}
	if uint(off) < uint(len(s.startAt)) {
		return int(s.startAt[off]) - 1
	}
	return -1
}

// buildOffTok fills startAt and endAt, the tables of tokStartingAt and
// tokEndingAt: the dozens of calls a text makes (a few for every
// candidate and span) were a binary search each, 3% of a pass.
func (s *scan) buildOffTok() {
	n := 0
	if len(s.toks) > 0 {
		n = int(s.toks[len(s.toks)-1].e) + 1
	}
	s.startAt = slices.Grow(s.startAt[:0], n)[:n]
	s.endAt = slices.Grow(s.endAt[:0], n)[:n]
	clear(s.startAt)
	clear(s.endAt)
	// Backwards, so that the first of tokens at one offset is kept, as
	// the binary search found it (tokens do not overlap, so there is one).
	for i := len(s.toks) - 1; i >= 0; i-- {
		t := &s.toks[i]
		s.startAt[t.s] = int32(i + 1)
		s.endAt[t.e] = int32(i + 1)
	}
	s.offOK = true
}

// eponymAt: tokens st..en are the named part of an eponym (see eponymVetoed).
func (s *scan) eponymAt(st, en int) bool {
	last := en
	// A list of names before one head: ", Philadelphia and Boston".
	for n := 0; n < 4; n++ {
		k := s.next(last)
		if k < 0 || !(s.toks[k].punct(',') || s.eq(k, "and") || s.eq(k, "or")) {
			break
		}
		if s.toks[k].punct(',') {
			if k2 := s.next(k); k2 > 0 && (s.eq(k2, "and") || s.eq(k2, "or")) {
				k = k2
			}
		}
		w := s.next(k)
		if w > 0 && listModifiers[s.lower(w)] && !s.toks[w].upper() {
			w = s.next(w) // "Hunt and Hess and modified Fisher grades"
		}
		if w < 0 || !s.toks[w].capWord() || s.toks[w].gap != gapSpace || s.toks[w].is(lxCredential|lxTitle|lxTitleClin) {
			break // "Ingrid Solberg, MD, Infectious Diseases"
		}
		for s.next(w) > 0 && s.toks[s.next(w)].capWord() && s.toks[s.next(w)].gap == gapSpace && !s.toks[s.next(w)].is(lxEponymHead) {
			w = s.next(w)
		}
		last = w
	}
	a := last + 1
	poss := a+1 < len(s.toks) && s.toks[a].punct('\'') && s.toks[a].gap == gapNone && s.eq(a+1, "s")
	if poss {
		if last != en || en != st {
			return false // "John Smith's test"
		}
		if s.toks[st].is(lxFirst) && !s.toks[st].is(lxSur) {
			h := a + 2
			if h+1 >= len(s.toks) || !diseaseHeads[s.lower(h+1)] {
				return false
			}
		}
	}
	return s.eponymAfter(last) || s.eponymAfterWord(last) || !poss && s.eponymAhead(last)
}

// listModifiers stand before the last eponym of a list ("Hunt and Hess and
// modified Fisher grades", "Ranson and revised Atlanta criteria").
var listModifiers = map[string]bool{"modified": true, "revised": true, "original": true, "simplified": true,
	"updated": true, "extended": true, "new": true}

// contractionTails follow an apostrophe in contractions: "we'll", "they're".
var contractionTails = map[string]bool{"s": true, "ll": true, "re": true, "ve": true, "d": true, "m": true, "t": true,
	"em": true, "all": true}

// diseaseHeads after a possessive given name make it an eponym: "Addison's
// disease", "Bell's palsy".
var diseaseHeads = map[string]bool{"disease": true, "syndrome": true, "palsy": true, "sign": true, "phenomenon": true,
	"law": true, "triad": true, "maneuver": true, "test": true}

// clinicalCommon: the everyday clinical words of the lexicon's common list
// that name what a rule or score is about ("San Francisco syncope rule",
// "Ottawa ankle rules", "Canadian head CT rule").
func clinicalCommon(w string) bool {
	switch w {
	case "syncope", "ankle", "knee", "head", "foot", "chest", "pain", "fever", "stroke", "heart", "risk", "cough",
		"seizure", "vertigo", "migraine", "asthma", "sepsis", "trauma", "injury", "spine", "neck", "back", "hip":
		return true
	}
	return false
}

// lastCommaFirst adds the other half of a name written last name first
// ("on Estrada, Maribel.", "To: Kaplan, Rebecca; Huang, Derek") where one
// half was found: a capitalized given name after the comma, or a
// capitalized surname (or a word on no list) before it, ending at a
// semicolon, a period, a parenthesis or the line's end.
func (s *scan) lastCommaFirst() {
	n := len(s.cands)
	for c := 0; c < n; c++ {
		cd := s.cands[c]
		if cd.t != Name {
			continue
		}
		st, en := s.candTokens(&cd)
		if st < 0 || en < st {
			continue
		}
		// "Dr. M.-C. Boudreau": the first of hyphenated initials.
		if st >= 3 && s.hyphenInitialBefore(st) {
			s.addName(st-3, st-2, cd.cls)
		}
		// "Handed over by Joanne M., senior carer": a given name's
		// surname initial after it, where the name ends.
		if k := en + 1; k+1 < len(s.toks) && s.toks[k].gap == gapSpace && s.toks[k].letters() && s.toks[k].n() == 1 && s.toks[k].upper() &&
			s.toks[en].capWord() && (s.toks[en].is(lxFirst) || s.toks[en].gaz&gzFirst != 0) && s.toks[k+1].punct('.') && s.toks[k+1].gap == gapNone &&
			(k+2 >= len(s.toks) || s.toks[k+2].gap == gapLine || s.toks[k+2].punct(',') || s.toks[k+2].punct(')') || s.toks[k+2].punct(';')) {
			s.addName(st, k+1, cd.cls)
		}
		// Found the surname: the given name after the comma.
		if k := s.next(en); k > 0 && s.toks[k].punct(',') {
			if g := s.next(k); g > 0 && (s.givenAfterComma(g) || s.unlistedGivenAfterComma(st, g)) {
				s.addName(g, g, cd.cls)
			}
		}
		// Found the given name: the surname before the comma.
		if k := s.sameLinePrev(st); k > 0 && s.toks[k].punct(',') && s.nameEnds(en) {
			if f := s.sameLinePrev(k); f >= 0 && s.toks[f].capWord() && !s.toks[f].allUpper() &&
				(s.toks[f].is(lxSur|lxEponymName) || s.toks[f].gaz&gzSur != 0 || s.toks[f].lex == 0 && s.toks[f].gaz == 0) &&
				!s.toks[f].is(lxCity|lxState|lxCountry|lxTitle|lxTitleClin|lxCommon|lxMonth|lxWeekday) {
				s.addName(f, f, cd.cls)
			}
		}
		// "LEUNG, Wai Man, MRN ...": a surname in capitals before the
		// comma and a given name in mixed case, of one or two words.
		if k := s.sameLinePrev(st); k > 0 && s.toks[k].punct(',') && s.toks[st].capWord() && !s.toks[st].allUpper() {
			e := en
			if g := s.next(en); g > 0 && !s.nameEnds(en) && s.secondGivenPart(g) {
				e = g
			}
			if f := s.sameLinePrev(k); f >= 0 && (s.nameEnds(e) || s.next(e) > 0 && s.toks[s.next(e)].punct(',')) && s.capsSurname(f) {
				s.addName(f, f, cd.cls)
				if e != en {
					s.addName(en+1, e, cd.cls)
				}
			}
		}
	}
}

// capsNameLine: "WOJCIK, HELENA  F  93y" opening a line, as a triage or
// registration header writes the patient: a surname in capitals (capsSurname),
// a comma and a given name in capitals on a list of given names, ending
// the line or its field (a wide gap, a comma). A heading's words stay
// ("ALLERGIES, NKDA", "HISTORY, FAMILY").
func (s *scan) capsNameLine() {
	for f := 0; f+2 < len(s.toks); f++ {
		if f > 0 && s.toks[f].gap != gapLine || !s.capsSurname(f) {
			continue
		}
		c, g := f+1, f+2
		if !s.toks[c].punct(',') || s.toks[c].gap != gapNone || s.toks[g].gap != gapSpace {
			continue
		}
		t := &s.toks[g]
		// (A town is a given name here too: "HELENA", "AUSTIN".)
		if !t.letters() || !t.allUpper() || t.n() < 3 || !(t.is(lxFirst) || t.gaz&gzFirst != 0 || t.n() >= 4 && t.is(lxCity) && !s.dictionaryWord(g)) ||
			t.is(lxState|lxCountry|lxTitle|lxTitleClin|lxCommon|lxMedical|lxMonth|lxWeekday|lxCredential|lxCue) {
			continue
		}
		if n := g + 1; n < len(s.toks) && s.toks[n].gap != gapLine && !s.wideGap(n) && !s.toks[n].punct(',') {
			continue
		}
		s.addName(f, f, PatientNames)
		s.addName(g, g, PatientNames)
	}
}

// hyphenInitialBefore: the name starting at token st, an initial, follows
// another initial and a hyphen written close ("M.-C. Boudreau", "J.-P.
// Lafleur"), as French compound given names are abbreviated.
func (s *scan) hyphenInitialBefore(st int) bool {
	t, h, d, a := &s.toks[st], &s.toks[st-1], &s.toks[st-2], &s.toks[st-3]
	return t.letters() && t.n() == 1 && t.upper() && t.gap == gapNone && h.punct('-') && h.gap == gapNone &&
		d.punct('.') && d.gap == gapNone && a.letters() && a.n() == 1 && a.upper()
}

// secondGivenPart: token g, after a given name found after "SURNAME,", is
// the second part of the given name ("Wai Man", "Mei Ling"): a word in
// mixed case on no list of titles, credentials, months or cues.
func (s *scan) secondGivenPart(g int) bool {
	t := &s.toks[g]
	return t.gap == gapSpace && t.letters() && t.capWord() && !t.allUpper() && t.n() >= 2 &&
		!t.is(lxTitle|lxTitleClin|lxCredential|lxCue|lxMonth|lxWeekday|lxState|lxCountry|lxMedical)
}

// capsSurname: token f, before a comma and a given name in mixed case, is
// a surname written in capitals ("LEUNG, Wai Man"): a listed surname or a
// word on no list, not a clinical abbreviation, cue or heading word.
func (s *scan) capsSurname(f int) bool {
	t := &s.toks[f]
	if !t.letters() || !t.allUpper() || t.n() < 2 || unitAcronyms[s.lower(f)] ||
		t.is(lxCity|lxState|lxStateAbbr|lxCountry|lxTitle|lxTitleClin|lxCommon|lxMonth|lxWeekday|lxCredential|lxCue|lxMedical) {
		return false
	}
	return t.is(lxSur) || t.gaz&gzSur != 0 || t.lex == 0 && t.gaz&gzWord == 0 && !s.dictionaryWord(f)
}

// givenAfterComma: token g is a capitalized given name that ends the name
// ("Estrada, Maribel.").
func (s *scan) givenAfterComma(g int) bool {
	t := &s.toks[g]
	if !t.capWord() || t.allUpper() || t.gap != gapSpace || !(t.is(lxFirst) || t.gaz&gzFirst != 0) ||
		t.is(lxCity|lxState|lxCountry|lxTitle|lxTitleClin|lxCommon|lxMedical|lxMonth|lxWeekday|lxCredential) {
		return false
	}
	return s.nameEnds(g)
}

// unlistedGivenAfterComma: token g, after a surname that opens its line
// (token st) and a comma, is a capitalized word on no list that ends the
// name: "Jean-Baptiste, Widline (goes by ...)", "Okonkwo-Bell, Chidinma;".
func (s *scan) unlistedGivenAfterComma(st, g int) bool {
	t := &s.toks[g]
	if st > 0 && s.toks[st].gap != gapLine || !t.capWord() || t.allUpper() || t.gap != gapSpace || !t.letters() || t.n() < 3 ||
		t.lex != 0 || t.gaz&^(gzFirst|gzSur|gzPhraseHead) != 0 || s.dictionaryWord(g) {
		return false
	}
	return s.nameEnds(g) || g+1 < len(s.toks) && s.toks[g+1].punct(',')
}

// nameEnds: after token e comes a semicolon, a period, a parenthesis, a
// table's cell border ("| Okonjo, Ada |"), a closing quote of a CSV field
// ("\"Ybarra, Celestino\""), a dash set off by spaces ("Okonkwo, Chisom -
// IV ertapenem"), the end of the line, or a middle initial.
func (s *scan) nameEnds(e int) bool {
	k := s.next(e)
	if k < 0 {
		return true
	}
	t := &s.toks[k]
	return t.punct(';') || t.punct('.') || t.punct('(') || t.punct(')') || t.punct('|') || t.letters() && t.n() == 1 && t.upper() ||
		t.punct('"') && t.gap == gapNone || t.punct('-') && t.gap == gapSpace && k+1 < len(s.toks) && s.toks[k+1].gap == gapSpace
}

// userNamesOfNames adds the user names built from a name found in the same
// text: "dkaur" for Daljit Kaur, "kaurd", "daljitk", "daljitkaur", with a
// number after ("jlandry3"; audit trails, access logs, e-mail handles and ticket
// systems write people so).
func (s *scan) userNamesOfNames() {
	// The first sixteen names found, each compared in its four forms
	// without building them.
	type userName struct {
		first, last string
		cls         NameClass
	}
	var names [16]userName
	nn := 0
	for c := range s.cands {
		cd := &s.cands[c]
		if cd.t != Name || nn >= len(names) {
			continue
		}
		st, en := s.candTokens(cd)
		if st < 0 || en <= st || !s.toks[st].letters() || !s.toks[en].letters() || s.toks[st].n() < 2 || s.toks[en].n() < 3 {
			continue
		}
		names[nn] = userName{first: s.lower(st), last: s.lower(en), cls: cd.cls}
		nn++
	}
	if nn == 0 {
		return
	}
	// A user name is one letter longer than a first or last name: the
	// lengths (63: any longer) a word must have, its number left out.
	var lens uint64
	for _, u := range names[:nn] {
		lens |= 1<<min(len(u.first)+1, 63) | 1<<min(len(u.last)+1, 63) | 1<<min(len(u.first)+len(u.last), 63)
	}
	for i := range s.toks {
		t := &s.toks[i]
		if t.kind != tkWord || t.upper() || t.n() < 4 || t.lex != 0 {
			continue
		}
		w := s.lower(i)
		for len(w) > 0 && w[len(w)-1] >= '0' && w[len(w)-1] <= '9' {
			w = w[:len(w)-1] // "jlandry3"
		}
		if len(w) < 4 || lens&(1<<min(len(w), 63)) == 0 || strings.IndexFunc(w, notLowerASCII) >= 0 {
			continue
		}
		for _, u := range names[:nn] {
			f, l := u.first, u.last
			if len(w) == len(l)+1 && (w[0] == f[0] && w[1:] == l || w[len(w)-1] == f[0] && w[:len(l)] == l) ||
				len(w) == len(f)+1 && w[len(w)-1] == l[0] && w[:len(f)] == f ||
				len(w) == len(f)+len(l) && w[:len(f)] == f && w[len(f):] == l {
				s.addName(i, i, u.cls)
				break
			}
		}
	}
}

// personInitialsAside: tokens st..en, two or three capitalized words, are
// a person's name given its initials in parentheses ("Nurse Wren Quist
// (WQ)", "Jocelyn Ramos (JR) gave"): a title before it, or a given name of
// the lists and no English word first; the initials are the words' first
// letters, one each. A scale's or a body's name spelled so stays an
// expansion ("Patient Health Questionnaire (PHQ)").
func (s *scan) personInitialsAside(st, en int) bool {
	if en-st < 1 || en-st > 2 {
		return false
	}
	for k := st; k <= en; k++ {
		if !s.toks[k].capWord() || s.toks[k].allUpper() || k > st && s.toks[k].gap != gapSpace {
			return false
		}
	}
	o := s.next(en)
	if o < 0 || !s.toks[o].punct('(') || o+2 >= len(s.toks) || !s.toks[o+2].punct(')') {
		return false
	}
	a := &s.toks[o+1]
	if !a.letters() || !a.allUpper() || a.n() != en-st+1 {
		return false
	}
	for k := st; k <= en; k++ {
		if s.low[s.toks[k].s] != s.low[int(a.s)+k-st] {
			return false
		}
	}
	f := &s.toks[st]
	return s.titleBefore(st) || (f.lex&(lxFirst|lxFirstAmb) != 0 || f.gaz&(gzFirst|gzFirstAmb) != 0) && !s.englishTok(st) &&
		f.lex&(lxCommon|lxMedical) == 0
}

// inExpansion: tokens st..en lie in a run of capitalized words whose
// initials spell an all-caps acronym in parentheses right after the run or
// right before its opening parenthesis.
func (s *scan) inExpansion(st, en int) bool {
	// The run of capitalized words (and "of", "and", "&") around st..en.
	a, b := st, en
	for p := s.sameLinePrev(a); p >= 0 && s.toks[a].gap == gapSpace && (s.toks[p].capWord() || s.eq(p, "of") || s.eq(p, "and") ||
		s.toks[p].punct('&')); p = s.sameLinePrev(a) {
		a = p
	}
	for n := s.next(b); n > 0 && s.toks[n].gap == gapSpace && (s.toks[n].capWord() || s.eq(n, "of") || s.eq(n, "and") ||
		s.toks[n].punct('&')); n = s.next(b) {
		b = n
	}
	var ini [16]byte
	k := 0
	for j := a; j <= b && k < len(ini); j++ {
		if s.toks[j].capWord() {
			ini[k] = s.low[s.toks[j].s]
			k++
		}
	}
	if k < 2 {
		return false
	}
	acr := func(j int) bool {
		if j < 0 || !s.toks[j].word() || !s.toks[j].allUpper() || s.toks[j].n() < 2 || s.toks[j].n() > k+1 {
			return false
		}
		w := s.lower(j)
		// Every letter of the acronym, in order, an initial of the run
		// ("SLUMS"), allowing small words left out of it.
		m := 0
		for i := 0; i < k && m < len(w); i++ {
			if ini[i] == w[m] {
				m++
			}
		}
		return m == len(w) && len(w) >= k-1
	}
	// "ACR (Words)": the acronym before the opening parenthesis.
	if p := s.sameLinePrev(a); p > 0 && s.toks[p].punct('(') && acr(s.sameLinePrev(p)) {
		return true
	}
	// "Words (ACR)".
	if n := s.next(b); n > 0 && s.toks[n].punct('(') && acr(s.next(n)) {
		return true
	}
	return false
}

// facilityNamedIn: tokens st..en name a hospital, a clinic or a
// university, whose acronym in parentheses is its short name ("Oregon
// Health & Science University (OHSU)"), not a scale's or a body's
// ("Patient Health Questionnaire (PHQ)", "National Institutes of Health").
func (s *scan) facilityNamedIn(st, en int) bool {
	// The acronym after the name: a run going on past the facility's word
	// is a scale's ("Saint Louis University Mental Status").
	if n := s.next(en); n < 0 || !s.toks[n].punct('(') {
		return false
	}
	facility := false
	for k := st; k <= en; k++ {
		switch s.lower(k) {
		case "hospital", "university", "medical", "clinic", "healthcare", "infirmary":
			facility = true
		}
	}
	return facility && s.namedRun(st, en)
}

// namedRun: a token of st..en names something: a word of three letters or
// more of no English list ("Oregon", "Hennepin"; not
// "Veterans Affairs Medical Center", "Critical Access Hospital",
// "Children's Hospital": kinds of place).
func (s *scan) namedRun(st, en int) bool {
	for k := st; k <= en; k++ {
		t := &s.toks[k]
		if !t.letters() || t.n() < 3 || hospitalWords[s.lower(k)] || facilityWords[s.lower(k)] || t.is(lxFacility) {
			continue
		}
		if !s.englishTok(k) && t.gaz&gzWord == 0 && t.lex&(lxCommon|lxMedical) == 0 {
			return true
		}
	}
	return false
}

// acronymAfterPlace adds, as a late span (afterTagger), an acronym in
// parentheses right after a place found: the facility's short name
// ("Hennepin Healthcare (HCMC)"); a unit, a state or a word of a list
// stays ("Mercy Hospital (ICU)", "Silver Lake (SNF)", "Mayo Clinic (MN)"). Its other mentions
// in capitals go with it.
func (s *scan) acronymAfterPlace(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Location || sp.End+3 >= len(s.text) || s.text[sp.End] != ' ' || s.text[sp.End+1] != '(' {
			continue
		}
		p := s.tokStartingAt(sp.End + 1)
		if p < 0 || !s.toks[p].punct('(') {
			continue
		}
		if st, en := s.tokStartingAt(sp.Start), s.sameLinePrev(p); st < 0 || en < st || !s.namedRun(st, en) {
			continue // "Children's Hospital (CHD)": a kind of place
		}
		a := s.next(p)
		if a < 0 || s.toks[a].gap != gapNone || !s.toks[a].word() || !s.toks[a].allUpper() || s.toks[a].n() < 2 || s.toks[a].n() > 6 {
			continue
		}
		if c := s.next(a); c < 0 || !s.toks[c].punct(')') || s.toks[c].gap != gapNone {
			continue
		}
		// A short name starts as the name does; a kind of place, a label,
		// a credential or a plan does not ("Mercy Hospital (OSH)", "(TBD)").
		if s.low[s.toks[a].s] != s.low[sp.Start] || s.toks[a].lex&(lxMedical|lxState|lxStateAbbr|lxCommon|lxCountry|lxUnit|lxCredential) != 0 ||
			s.englishTok(a) || unitAcronyms[s.lower(a)] || wardWords[s.lower(a)] || idCueAcronyms[s.lower(a)] {
			continue
		}
		// Its other mentions in capitals too ("... (HCMC). Back to HCMC").
		w := s.lower(a)
		for k := range s.toks {
			if k == a || s.toks[k].allUpper() && s.toks[k].n() == s.toks[a].n() && s.lower(k) == w {
				s.late = append(s.late, Span{Start: int(s.toks[k].s), End: int(s.toks[k].e), Type: Location})
			}
		}
	}
}

// idCueAcronyms label a record's numbers, not a place.
var idCueAcronyms = map[string]bool{"mrn": true, "dob": true, "ssn": true, "npi": true, "fin": true, "csn": true, "acct": true}

// brandPossessive: one capitalized word with a possessive before a food or
// a product written in lower case, with an amount or a brand list around
// it on a handout: "Campbell's chicken noodle soup, 1 cup", "a Wendy's
// Baconator". A person's possessive before food ("Mary's soup") is rare in
// notes and needs the amount after it.
func (s *scan) brandPossessive(st, en int) bool {
	if st != en || !s.toks[st].capWord() || s.toks[st].allUpper() {
		return false
	}
	a := en + 1
	if a+2 >= len(s.toks) || !s.toks[a].punct('\'') || s.toks[a].gap != gapNone || !s.eq(a+1, "s") || s.toks[a+1].gap != gapNone {
		return false
	}
	// Up to four words to a product noun, then an amount on the line.
	k := a + 2
	for n := 0; n < 4; n++ {
		k = s.next(k)
		if k < 0 || !s.toks[k].letters() {
			return false
		}
		if productNouns[s.lower(k)] {
			break
		}
		if n == 3 {
			return false
		}
	}
	for j, n := s.next(k), 0; j > 0 && n < 6; j, n = s.next(j), n+1 {
		if s.toks[j].digits() {
			return true // "..., 1 cup: 890 mg"
		}
	}
	return false
}

// brandWord: tokens st..en are one word that is a brand on its own
// (lexicon [brand] single words: "Pyxis", "Aetna"), or a word written as a
// possessive that names a chain or a product with it ("Wendy's", "Arby's";
// lexicon entries with "'s") where a chain goes, or any capitalized
// possessive after an indefinite article ("a Wendy's Baconator": a
// person's name takes no "a").
func (s *scan) brandWord(st, en int) bool {
	if st != en || !s.toks[st].capWord() {
		return false
	}
	if s.toks[st].is(lxBrand) && s.toks[st].lex&(lxFirst|lxSur) == 0 {
		return true
	}
	a := en + 1
	if a+1 >= len(s.toks) || !s.toks[a].punct('\'') || s.toks[a].gap != gapNone || !s.eq(a+1, "s") || s.toks[a+1].gap != gapNone {
		return false
	}
	p := s.sameLinePrev(st)
	if p >= 0 && (s.eq(p, "a") || s.eq(p, "an")) && s.toks[st].gap == gapSpace {
		return true
	}
	if f, _ := lookupString(s.lowerAny(st) + "'s"); f&lxBrand == 0 {
		return false
	}
	// A listed chain is also someone's possessive ("Wendy's mother"): the
	// chain after "the" or before a product, or after a preposition with
	// no noun after it ("lunch at Wendy's.", not "at Wendy's house").
	n := s.next(a + 1)
	if n > 0 && s.toks[n].letters() && (s.toks[n].upper() || productNouns[s.lower(n)]) {
		return true
	}
	if p < 0 {
		return false
	}
	switch s.lower(p) {
	case "the":
		return true
	case "at", "from", "to", "ate", "eat", "eats", "eating", "of":
		// "lunch at Wendy's.", "at Wendy's or McDonald's".
		return n < 0 || !s.toks[n].letters() || s.eq(n, "or") && !s.toks[n].upper() ||
			s.eq(n, "and") && s.chainPossessiveAt(s.next(n))
	case "or", "and":
		// "Wendy's or McDonald's": beside another listed chain.
		return s.chainPossessiveBefore(p)
	}
	return false
}

// chainPossessiveAt: a listed chain's possessive starts at token k
// ("McDonald's" after "and").
func (s *scan) chainPossessiveAt(k int) bool {
	if k < 0 || k+2 >= len(s.toks) || !s.toks[k].letters() || !s.toks[k+1].punct('\'') || s.toks[k+1].gap != gapNone || !s.eq(k+2, "s") {
		return false
	}
	f, _ := lookupString(s.lowerAny(k) + "'s")
	return f&lxBrand != 0
}

// chainPossessiveBefore: a listed chain's possessive ends just before token
// k ("Wendy's" before "or").
func (s *scan) chainPossessiveBefore(k int) bool {
	q := s.sameLinePrev(k)
	if q < 2 || !s.eq(q, "s") || !s.toks[q-1].punct('\'') || s.toks[q-1].gap != gapNone || !s.toks[q-2].letters() {
		return false
	}
	f, _ := lookupString(s.lowerAny(q-2) + "'s")
	return f&lxBrand != 0
}

// insurerAt: tokens st..en name a health plan, a company and no place or
// person: before a plan type ("Delta Dental PPO"), after an insurance
// field's label ("Insurance: Harvard Pilgrim"), or a name ending in a word
// of care before "Plan" ("PacificSource Health Plans", "Tufts Health Plan").
func (s *scan) insurerAt(st, en int) bool {
	// The run of capitalized words around the candidate: "Harvard
	// Pilgrim", "Delta Dental", "PacificSource Health Plans".
	a, b := st, en
	for p := s.sameLinePrev(a); p >= 0 && s.toks[p].capWord() && s.toks[a].gap == gapSpace && st-p < 4; p = s.sameLinePrev(p) {
		a = p
	}
	for n := s.next(b); n > 0 && s.toks[n].capWord() && s.toks[n].gap == gapSpace && n-en < 4; n = s.next(n) {
		b = n
	}
	for k := a; k <= b; k++ {
		switch s.lower(k) {
		case "ppo", "hmo", "epo", "hdhp":
			return k > a
		case "plan", "plans", "insurance":
			if k > a {
				switch s.lower(k - 1) {
				case "health", "healthcare", "dental", "care", "vision", "medical":
					return true
				}
			}
		}
	}
	if n := s.next(b); n > 0 && s.toks[n].gap == gapSpace {
		switch s.lower(n) {
		case "ppo", "hmo", "epo", "hdhp":
			return true
		}
	}
	if c := s.sameLinePrev(a); c > 0 && s.toks[c].punct(':') {
		switch s.lower(c - 1) {
		case "insurance", "insurer", "payer", "payor", "carrier":
			return true
		}
	}
	return false
}

// productNouns are foods and products sold under a brand.
var productNouns = map[string]bool{"soup": true, "soups": true, "sausage": true, "sausages": true, "ravioli": true,
	"chili": true, "burger": true, "burgers": true, "fries": true, "sandwich": true, "pizza": true, "ice": true,
	"cream": true, "syrup": true, "cereal": true, "crackers": true, "chips": true, "cookies": true, "pie": true,
	"pies": true, "bread": true, "juice": true, "tea": true, "coffee": true, "cheese": true, "yogurt": true,
	"noodles": true, "beans": true, "ketchup": true, "mustard": true, "sauce": true, "dressing": true, "bacon": true,
	"ham": true, "hot": true, "dog": true, "dogs": true, "nuggets": true, "shake": true, "frosty": true, "donut": true,
	"donuts": true, "candy": true, "chocolate": true, "bar": true, "bars": true, "drink": true, "soda": true,
	"lotion": true, "cream's": true, "baconator": true, "whopper": true, "wort": true, "aspirin": true, "oil": true,
	"tablets": true, "gum": true, "lozenges": true}

// vetoLookalikes drops, in one pass over the candidates, the names and
// places that are look-alikes (the policy in doc.go), unless one of their
// words is a name the platform supplied:
//   - a brand, product or company (lexicon [brand]: "Jimmy Dean", "Marie
//     Callender's"), or a possessive brand before a product on a handout
//     ("Campbell's chicken noodle soup, 1 cup"), or a company by its
//     suffix, its shape or a label (companyAt: "Edwards Lifesciences",
//     "AstraZeneca", "Manufacturer: Janssen");
//   - the named part of an eponym (eponymVetoed: "Babcock forceps", "San
//     Francisco syncope rule", "Rochester, Philadelphia and Boston
//     criteria"), and the names and places found inside it;
//   - a saint's name in a product's ("St. John's wort"; saintProduct);
//   - exactly a state, a country or a region larger than a state
//     (wideArea: "in Arkansas, Missouri", "the Middle East");
//   - the spelled-out form of an acronym next to it ("SLUMS (Saint Louis
//     University Mental Status)");
//   - a place followed by a roman numeral ("Denver II") or after a
//     numbered factor or type ("factor V Leiden"), a place that is
//     a month's name alone ("from May through August"), a river after
//     "the" ("a town on the Hudson").
func (s *scan) vetoLookalikes() {
	words := s.vetoWords[:0] // the words of vetoed brands and eponyms
	// Rules find the same name or place more than once (half of the
	// candidates here repeat one before them). The tests below read only
	// the text and the candidate's tokens and type, never the decisions
	// made so far, so a repeat takes the first one's answer; the words and
	// spans a repeat would add are there already.
	memo := &s.vetoMemo
	memo.reset(len(s.cands))
	for c := range s.cands {
		cd := &s.cands[c]
		if cd.t != Name && cd.t != Location {
			continue
		}
		if cd.t == Name {
			// "Ravi Gupta M.D.": the credential's first letter is no
			// initial of the name.
			if st, en := s.candTokens(cd); st >= 0 && en > st && s.toks[en].n() == 1 && s.dottedCredential(en) {
				if p := s.sameLinePrev(en); p >= st {
					cd.e = int(s.toks[p].e)
				}
			}
		}
		loc := uint64(0)
		if cd.t == Location {
			loc = 1
		}
		sl := memo.slot(uint64(cd.s)<<33 | uint64(cd.e)<<1 | loc)
		if sl.res != 0 {
			if sl.res == vetoDrop {
				cd.t = ""
			}
			continue
		}
		sl.res = vetoKeep
		st, en := s.candTokens(cd)
		if st < 0 || en < st || s.anyKnown(st, en) {
			continue
		}
		switch {
		case (s.brandAt(st, en) || s.companyAt(st, en, cd.t == Name)) && !s.personNotBrand(cd, st, en) &&
			!(cd.t == Location && s.employerCueBefore(st)):
			cd.t = ""
			words = s.vetoedWords(words, st, en)
		case s.eponymVetoed(st, en) && !(cd.t == Location && (s.livingBefore(st) || s.eq(en, "hospital") || s.eq(en, "infirmary"))) ||
			s.eponymPairAt(st, en):
			cd.t = ""
			s.vetoed = append(s.vetoed, [2]int{cd.s, cd.e})
			words = s.vetoedWords(words, st, en)
		case cd.t == Name && st < en && s.wideArea(st, en):
			cd.t = "" // "West Virginia", "North Carolina": no given name and surname
			words = s.vetoedWords(words, st, en)
		case cd.t == Name && st == en && s.raceWord(st):
			cd.t = ""
		case cd.t == Name && st == en && s.labValueAt(st):
			cd.t = "" // "Critical value called: K 6.8", "reported Na 118"
		case cd.t == Location && s.bodyAt(en):
			cd.t = "" // "presented at the Quality Council"
		case (st == en || en == st+1 && s.eq(en, "fe")) && s.contraceptiveBrand(st):
			cd.t = "" // "The Camila and Errin progestin-only pills"
		case cd.t == Location && st == en && s.switchedMedicine(st):
			cd.t = "" // "Switched from Nurtec to Ubrelvy"
		case cd.t == Location && s.newspaperAt(st, en):
			cd.t = "" // "read about it in the new york times"
		case s.saintProduct(st, en):
			cd.t = "" // its words elsewhere stay: "John" is no product

		case cd.t == Location && (s.wideArea(st, en) || s.numberedPlace(en) || st == en && (s.monthWord(st) || s.numberedVariant(st))),
			s.inExpansion(st, en) && !(cd.t == Location && s.facilityNamedIn(st, en)) && !(cd.t == Name && s.personInitialsAside(st, en)),
			st == en && s.riverAt(st):
			cd.t = ""
		}
		if cd.t == "" {
			sl.res = vetoDrop
		}
	}
	// The names and places found inside a vetoed eponym go with it: "San"
	// and "Francisco" of "San Francisco syncope rule".
	if len(s.vetoed) > 0 {
		for c := range s.cands {
			cd := &s.cands[c]
			if cd.t != Name && cd.t != Location {
				continue
			}
			for _, v := range s.vetoed {
				if cd.s >= v[0] && cd.e <= v[1] {
					if st, en := s.candTokens(cd); st >= 0 && !s.anyKnown(st, en) {
						cd.t = ""
					}
					break
				}
			}
		}
		s.vetoed = s.vetoed[:0]
	}
	// Name propagation found the words of a vetoed brand or eponym again
	// elsewhere ("Delta Dental PPO" ... "Dental:"), or a place rule the
	// eponym's place alone: alone, those mentions go too (vetoedMention).
	s.vetoWords = words
	// vetoedMention reads the words gathered above, the same for every
	// candidate of this walk: a repeat takes the first one's answer here
	// too, whatever its type.
	memo.reset(len(s.cands))
	for c := range s.cands {
		cd := &s.cands[c]
		if cd.t != Name && cd.t != Location {
			continue
		}
		sl := memo.slot(uint64(cd.s)<<33 | uint64(cd.e)<<1)
		if sl.res == 0 {
			sl.res = vetoKeep
			if st, en := s.candTokens(cd); st >= 0 && st == en && !s.anyKnown(st, en) && s.vetoedMention(st) {
				sl.res = vetoDrop
			}
		}
		if sl.res == vetoDrop {
			cd.t = ""
		}
	}
}

// contraceptiveBrand: token k is a contraceptive's brand spelled like a
// given name (nameLikeContraceptives) where the pill is meant: a word of
// contraception in its sentence ("pill", "progestin", "birth control",
// "OCP"), and before it a word that takes a medicine ("on", "started",
// "switched to", "continue", "the") or after it a strength ("Heather 0.35
// mg", "Camila and Errin"). Not after a relation, a title or a greeting:
// "my daughter Heather asked about birth control" keeps the name.
func (s *scan) contraceptiveBrand(k int) bool {
	if !s.toks[k].letters() || !nameLikeContraceptives[s.lower(k)] || s.anyKnown(k, k) || s.titleBefore(k) {
		return false
	}
	p := s.sameLinePrev(k)
	if p >= 0 && s.toks[p].letters() && (s.toks[p].is(lxRelation) || greetings[s.lower(p)]) {
		return false
	}
	if n := s.next(k); n > 0 && s.eq(n, "fe") && s.toks[n].gap == gapSpace {
		return true // "Tarina Fe": the iron of the pack's last week
	}
	// The sentence around it: up to 14 tokens either side, to a full stop
	// (not a decimal point: "0.35 mg") or a line's end.
	stop := func(j int) bool {
		return s.toks[j].punct('.') && (j+1 >= len(s.toks) || s.toks[j+1].gap != gapNone)
	}
	cue := false
	for j, n := k-1, 0; j >= 0 && n < 14 && !stop(j); j, n = j-1, n+1 {
		cue = cue || s.toks[j].letters() && contraceptionWords[s.lower(j)]
		if s.toks[j].gap == gapLine {
			break
		}
	}
	for j, n := k+1, 0; j < len(s.toks) && n < 14 && s.toks[j].gap != gapLine && !stop(j); j, n = j+1, n+1 {
		cue = cue || s.toks[j].letters() && contraceptionWords[s.lower(j)]
	}
	takes := p >= 0 && s.toks[p].letters() && medicineTakers[s.lower(p)]
	n := s.next(k)
	// In a list of them in brackets: "Emergency contraception (Plan B,
	// ella)".
	listed := p >= 0 && (s.toks[p].punct(',') || s.toks[p].punct('(')) && n > 0 && (s.toks[n].punct(')') || s.toks[n].punct(','))
	if !cue {
		// A visit about contraception, said anywhere in it, and a verb of
		// taking before the brand: "my friend takes camila", "you
		// shouldn't be on yasmin with migraine with aura".
		return takes && s.contraceptionVisit()
	}
	if listed {
		return true
	}

	dose := n > 0 && (s.toks[n].digits() || s.toks[n].kind != tkPunct && s.toks[n].shape&shDigit != 0 || s.eq(n, "fe") || s.eq(n, "and") ||
		s.eq(n, "or") || s.toks[n].punct(',') ||
		s.toks[n].punct('(') && n+1 < len(s.toks) && contraceptionWords[s.lower(n+1)]) // "Camila (norethindrone 0.35 mg)"
	return takes || dose
}

// switchedMedicine: token k is a word on no list of places or names after
// a verb of changing a treatment and "from", or after such a "from" and
// the word it took and "to": "Switched from Nurtec to Ubrelvy",
// "transitioned from Lantus to Tresiba". People move from a town to
// another and are transferred between hospitals; a treatment is switched.
func (s *scan) switchedMedicine(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.gaz&(gzCity|gzCityAmb|gzTown|gzFacHead|gzFacAcro|gzFirst|gzSur) != 0 || t.lex&(lxCity|lxCityAmb|lxState|lxCountry|lxFirst|lxSur) != 0 {
		return false
	}
	p := s.sameLinePrev(k)
	if p < 0 {
		return false
	}
	if s.eq(p, "to") {
		// "... from X to Y": Y after the X a switch took.
		x := s.sameLinePrev(p)
		if x < 0 || !s.toks[x].letters() {
			return false
		}
		p = s.sameLinePrev(x)
		if p < 0 {
			return false
		}
	}
	if !s.eq(p, "from") {
		return false
	}
	v := s.sameLinePrev(p)
	return v >= 0 && s.toks[v].letters() && switchVerbs[s.lower(v)]
}

// switchVerbs change a treatment from one medicine to another.
var switchVerbs = wordsOf("switched switch switching changed change changing transitioned transition converted convert " +
	"titrated weaned rotated escalated de-escalated")

// nameLikeContraceptives are contraceptive brands that are given names too.
var nameLikeContraceptives = wordsOf("camila heather nikki hailey portia yasmin larin tilia mili tarina syeda lyza aubra " +
	"marlissa loryna briellyn larissia daysee ashlyna amethia jolessa kalliga amethyst ella")

// contraceptionVisit: two words of contraception anywhere in the text.
func (s *scan) contraceptionVisit() bool {
	n := 0
	for j := range s.toks {
		if s.toks[j].letters() && !s.toks[j].upper() && contraceptionWords[s.lower(j)] {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// contraceptionWords place a brand among contraceptives.
var contraceptionWords = wordsOf("pill pills contraceptive contraceptives contraception ocp ocps progestin progestin-only " +
	"minipill mini norethindrone estrogen estradiol levonorgestrel drospirenone condom condoms ulipristal iud nexplanon depo nuvaring")

// medicineTakers come before a medicine's name.
var medicineTakers = wordsOf("on started start starting continue continued take takes taking took switched switch from to the " +
	"prescribed rx refill refilled stopped stop prefers prefer tried try using use")

// newspaperAt: the place at st..en names a newspaper read: "the" before it
// and a newspaper's head after it ("in the New York Times", "reads the
// boston globe", "an article in the Washington Post"), with no place word
// after the head ("the boston post road"). A workplace keeps its town
// ("works at the denver post").
func (s *scan) newspaperAt(st, en int) bool {
	p := s.sameLinePrev(st)
	n := s.next(en)
	if p < 0 || n < 0 || !s.eq(p, "the") || !s.toks[n].letters() || s.toks[n].gap != gapSpace || !newspaperHeads[s.lower(n)] {
		return false
	}
	switch s.prevWordAt(p, 1) {
	case "at", "for", "by", "from":
		return false // "works at the denver post": a workplace, in its town
	}
	if m := s.next(n); m > 0 && s.toks[m].letters() && s.toks[m].gap == gapSpace && (s.toks[m].is(lxStreetSuffix|lxFacility) || s.tokIn(siteNounSet, m)) {
		return false
	}
	return true
}

// newspaperHeads end a newspaper's name after its town.
var newspaperHeads = wordsOf("times post tribune herald journal gazette chronicle globe inquirer examiner courier sentinel observer dispatch register bee star telegraph")

// vetoMemo is a small open-addressing table of answers by key, emptied for
// each walk (reset) in time linear in the candidates.
type vetoMemo struct {
	slots []vetoSlot
	mask  uint64
}

type vetoSlot struct {
	key uint64
	res uint8 // 0: empty slot; vetoKeep or vetoDrop
}

const (
	vetoKeep uint8 = 1
	vetoDrop uint8 = 2
)

// reset empties the table and sizes it for n keys (at most half full).
func (m *vetoMemo) reset(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(m.slots) < size {
		m.slots = make([]vetoSlot, size)
	} else {
		m.slots = m.slots[:size]
		clear(m.slots)
	}
	m.mask = uint64(size - 1)
}

// slot returns key's slot: a new one has res 0, for the caller to fill.
func (m *vetoMemo) slot(key uint64) *vetoSlot {
	for j := (key * 0x9e3779b97f4a7c15 >> 32) & m.mask; ; j = (j + 1) & m.mask {
		sl := &m.slots[j]
		if sl.res == 0 {
			sl.key = key
			return sl
		}
		if sl.key == key {
			return sl
		}
	}
}

// companyAt: tokens st..en name a company or its product, not a person or a
// place, by the form of the name or by what the text says of it:
//   - a word of the name, or the word after it, is a company's legal or
//     trade suffix ("Edwards Lifesciences", "Abbott Laboratories Inc.") or
//     a product's form ("Mepilex Ag", "Toprol XL");
//   - a word of a name (not of a place: facilities are named so too,
//     "Hebrew SeniorLife") is a trade name written in one word with a
//     capital inside, both halves long and neither a person's name
//     ("AstraZeneca", "HeartStart"; "McDonald", "LaToya", "MaryAnn",
//     "BettyJean" stay);
//   - it follows a label or a verb of making and selling ("Manufacturer:
//     Janssen", "distributed by Cardinal Health").
func (s *scan) companyAt(st, en int, name bool) bool {
	if s.titleBefore(st) {
		return false
	}
	for k := st; k <= en; k++ {
		if s.toks[k].capWord() && (k > st && companySuffixes[s.lowerAny(k)] || name && s.intercapped(k)) {
			return true
		}
	}
	if n := s.next(en); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].capWord() && companySuffixes[s.lowerAny(n)] {
		return true
	}
	p := s.sameLinePrev(st)
	if p < 0 {
		return false
	}
	if s.toks[p].punct(':') {
		if l := s.sameLinePrev(p); l >= 0 && s.tokIn(companyLabelsSet, l) {
			return true
		}
		return false
	}
	if s.eq(p, "by") {
		if v := s.sameLinePrev(p); v >= 0 {
			switch s.lower(v) {
			case "manufactured", "distributed", "marketed", "sold", "sponsored", "licensed", "acquired", "funded":
				return true
			}
		}
	}
	return false
}

// bodyAt: token en, the last of a place, is a word for a committee or a
// meeting, which is no place ("at the Quality Council", "at the Tumor
// Board", "at the Pediatric Grand Rounds").
func (s *scan) bodyAt(en int) bool {
	switch s.lower(en) {
	case "board":
		// "University Health Board": a health body, named for a place.
		if p := s.sameLinePrev(en); p >= 0 && s.eq(p, "health") {
			return false
		}
		return s.toks[en].capWord()
	case "council", "committee", "conference", "meeting", "rounds", "symposium", "congress",
		"workshop", "huddle", "taskforce", "subcommittee", "panel":
		return s.toks[en].capWord()
	}
	return false
}

// saintProduct: tokens st..en are a saint's name in a product's ("St.
// John's wort", "St. Joseph's aspirin"): "St." or "Saint" before, a
// possessive and a product noun after.
func (s *scan) saintProduct(st, en int) bool {
	k := s.sameLinePrev(st)
	if k > 0 && s.toks[k].punct('.') && s.toks[k].gap == gapNone {
		k--
	}
	if k < 0 || !(s.eq(k, "st") || s.eq(k, "saint")) || en+3 >= len(s.toks) || !s.toks[en+1].punct('\'') ||
		s.toks[en+1].gap != gapNone || !s.eq(en+2, "s") {
		return false
	}
	n := s.next(en + 2)
	return n > 0 && s.toks[n].letters() && !s.toks[n].upper() && productNouns[s.lower(n)]
}

// companySuffixes end the names of companies and products: legal forms,
// trade words no person or place takes, and the forms of a drug or a
// dressing after its brand. Not "SR" and "ER" (a name's "Sr.", an
// emergency room: "Mercy ER") nor "Oncology" (a practice: "Highlands
// Oncology").
var companySuffixes = map[string]bool{"inc": true, "incorporated": true, "corp": true, "corporation": true, "llc": true,
	"ltd": true, "plc": true, "gmbh": true, "lifesciences": true, "pharmaceuticals": true, "pharmaceutical": true,
	"pharma": true, "therapeutics": true, "biosciences": true, "biotech": true, "biologics": true, "biopharma": true,
	"diagnostics": true, "healthineers": true, "laboratories": true, "technologies": true,
	"ag": true, "xr": true, "xl": true, "cr": true, "odt": true, "hfa": true, "respimat": true,
	"ellipta": true, "diskus": true, "flexpen": true, "kwikpen": true, "solostar": true, "autoinjector": true}

// companyLabels are the labels of a form or leaflet whose value is a
// company.
var companyLabels = map[string]bool{"manufacturer": true, "manufacturers": true, "distributor": true,
	"distributed": true, "marketer": true, "labeler": true, "sponsor": true, "vendor": true, "supplier": true,
	"brand": true, "company": true, "maker": true, "method": true, "analyzer": true, "instrument": true,
	"platform": true, "assay": true, "kit": true, "model": true}

// intercapped: token k is one word with a capital inside after five or
// more lower-case letters and four or more letters after it, neither half
// a listed name nor a word of care facilities ("AstraZeneca", "HeartStart",
// "GlaxoSmithKline"; not "PeaceHealth").
func (s *scan) intercapped(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.allUpper() || t.n() < 9 {
		return false
	}
	w := s.str(k)
	for i := 5; i+4 <= len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			continue
		}
		lowRun := true
		for _, c := range []byte(w[1:i]) {
			if c < 'a' || c > 'z' {
				lowRun = false
				break
			}
		}
		if !lowRun {
			return false
		}
		low := s.lower(k)
		for _, half := range [2]string{low[:i], low[i:]} {
			if f, g := lookupString(half); f&(lxFirst|lxSur) != 0 || g&(gzFirst|gzSur) != 0 {
				return false
			}
			// "PeaceHealth", "MultiCare", "Hebrew SeniorLife": health
			// systems and homes are named so too.
			if hospitalWords[half] || facilityWords[half] || weakFacilityWords[half] || half == "life" || half == "senior" {
				return false
			}
		}
		return true
	}
	return false
}

// raceWord: "White" or "Black" (surnames too) where a form states race or
// ethnicity: after a race or ethnicity label on the same line ("Race/
// ethnicity: Hispanic/Latina; White"), or beside another race word
// ("Black or African American", "Hispanic, White").
func (s *scan) raceWord(k int) bool {
	switch s.lower(k) {
	case "white", "black":
	default:
		return false
	}
	if s.titleBefore(k) {
		return false
	}
	for j, n := s.sameLinePrev(k), 0; j >= 0 && n < 8; j, n = s.sameLinePrev(j), n+1 {
		switch s.lower(j) {
		case "race", "ethnicity", "ethnic", "racial":
			return true
		}
	}
	for _, j := range [2]int{s.sameLinePrev(k), s.next(k)} {
		if j < 0 || !(s.toks[j].punct(',') || s.toks[j].punct('/') || s.toks[j].punct(';') || s.eq(j, "or") || s.eq(j, "and")) {
			continue
		}
		w := s.sameLinePrev(j)
		if j > k {
			w = s.next(j)
		}
		if w >= 0 {
			switch s.lower(w) {
			case "hispanic", "latino", "latina", "latinx", "african", "asian", "caucasian", "american", "native", "white", "black",
				"multiracial", "biracial", "islander", "indian":
				return true
			}
		}
	}
	return false
}

// townBeforeStateZip: token k is a town of an address, before a comma, a
// state and a ZIP code ("Thibodaux, LA 70301").
func (s *scan) townBeforeStateZip(k int) bool {
	c := s.next(k)
	if c < 0 || !s.toks[c].punct(',') {
		return false
	}
	st := s.next(c)
	if st < 0 || !s.toks[st].letters() || s.toks[st].lex&(lxStateAbbr|lxState) == 0 {
		return false
	}
	z := s.next(st)
	return z > 0 && s.toks[z].digits() && s.toks[z].n() == 5
}

// vetoedMention: the word at k is a word of a brand or eponym the document
// names elsewhere ("Philadelphia collar ... item 44-2210
// (Philadelphia)"), with no title before it and no preposition of place.
func (s *scan) vetoedMention(k int) bool {
	if !s.toks[k].capWord() || s.titleBefore(k) {
		return false
	}
	if p := s.sameLinePrev(k); p >= 0 && s.cueWord(p) == cuePrep {
		return false
	}
	if s.townBeforeStateZip(k) {
		return false // "Thibodaux Regional Health System ... 602 N Acadia Rd, Thibodaux, LA 70301": the address's town
	}
	if slices.Contains(s.vetoWords, s.lowerAny(k)) {
		return true
	}
	// The same word before an eponym's head elsewhere: "Philadelphia
	// collar", "Berg Balance Scale". The tokens so used are gathered once
	// per text. Both tests need an eponym head after the word, so a text
	// without one has none; titleBefore, the same either way, is asked
	// last.
	if !s.eponymUsesDone {
		s.eponymUsesDone = true
		for j := range s.toks {
			if s.web.lex&lxEponymHead == 0 {
				break
			}
			if s.toks[j].capWord() && (s.eponymAfter(j) || s.eponymAhead(j)) && !s.titleBefore(j) {
				s.eponymUses = append(s.eponymUses, int32(j))
			}
		}
	}
	for _, j32 := range s.eponymUses {
		if j := int(j32); j != k && s.toks[j].h == s.toks[k].h && s.lowerAny(j) == s.lowerAny(k) {
			return true
		}
	}
	return false
}

// vetoedWords appends to words the capitalized words of three letters or
// more among tokens st..en.
func (s *scan) vetoedWords(words []string, st, en int) []string {
	for k := st; k <= en; k++ {
		if s.toks[k].capWord() && s.toks[k].n() >= 3 {
			words = append(words, s.lowerAny(k))
		}
	}
	return words
}

// brandAt: tokens st..en (with a possessive after them or not) are a brand
// (brandCovers) or a possessive brand before a product (brandPossessive).
func (s *scan) brandAt(st, en int) bool {
	if en-st >= 2 && s.toks[en].letters() && s.eq(en, "s") && s.toks[en-1].punct('\'') {
		en -= 2 // "Marie Callender's"
	}
	if s.brandPossessive(st, en) || s.brandWord(st, en) || s.insurerAt(st, en) {
		return true
	}
	if !s.toks[st].is(lxPhraseHead) && (st == 0 || !s.toks[max(0, st-3)].is(lxPhraseHead) && !s.toks[max(0, st-2)].is(lxPhraseHead) &&
		!s.toks[st-1].is(lxPhraseHead)) {
		return false
	}
	return s.brandCovers(st, en)
}

// personNotBrand: a name spelled like a brand is the person's where the
// words around say who it is: an owned relation before it ("my uncle jack
// daniels") or a relation in brackets after it ("Emergency contact: Jack
// Daniels (brother)"). A relation or a title in the brand's own name
// ("Aunt Jemima", "Uncle Ben's", "Mrs. Butterworth's") or a label
// ("Sponsor: AstraZeneca") says nothing.
func (s *scan) personNotBrand(cd *cand, st, en int) bool {
	if cd.t != Name {
		return false
	}
	// "Employer: Halvorsen Trucking, Inc.": the employer's field names
	// the company to remove.
	if s.employerValue(st) {
		return true
	}
	if o := s.next(en); o > 0 && s.toks[o].punct('(') && o+2 < len(s.toks) && s.toks[o+1].letters() && s.relationWordAt(o+1) &&
		s.toks[o+2].punct(')') {
		return true
	}
	p := s.sameLinePrev(st)
	return p >= 0 && s.toks[p].letters() && s.toks[p].is(lxRelation) && !s.toks[p].upper() && s.possessiveTwoBack(st)
}

// employerValue: token st opens the value of an employer's field at the
// start of its line ("Employer: Halvorsen Trucking", "Work: Acme Corp").
func (s *scan) employerValue(st int) bool {
	return st >= 2 && s.toks[st-1].punct(':') && (s.eq(st-2, "employer") || s.eq(st-2, "work")) && s.lineStart(st-2)
}

// observationLine: token i is on an HL7 result line (OBX, NTE), whose
// fields hold values ("COLOR, AMBER"), not people.
func (s *scan) observationLine(i int) bool {
	k := i
	for k > 0 && s.toks[k].gap != gapLine {
		k--
	}
	return s.eq(k, "obx") || s.eq(k, "nte") || s.eq(k, "obr")
}

// eponymVetoed: tokens st..en name a test, sign, score, instrument or study
// rather than a person or a place (eponymAt). Kept: a name after a title
// ("Dr. Allen test results"), the last part of a longer name ("Mrs. Ethel
// Carver's dementia"), a name of several words before a possessive ("John
// Smith's test"), and a given name before a possessive unless the head is a
// disease's ("Ethel's dementia", but "Addison's disease").
func (s *scan) eponymVetoed(st, en int) bool {
	if !s.toks[st].upper() || s.titleBefore(st) {
		return false
	}
	// "My son Hunter's fever", "my daughter Harper's rash": a relation's
	// name, whatever disease is spelled so.
	if p := s.sameLinePrev(st); p >= 0 && s.toks[st].gap == gapSpace && s.toks[p].letters() && s.toks[p].is(lxRelation) {
		return false
	}
	if p := s.sameLinePrev(st); p >= 0 && s.toks[st].gap == gapSpace && s.toks[p].capWord() &&
		(s.toks[p].is(lxFirst|lxSur) || s.toks[p].gaz&(gzFirst|gzSur) != 0 || s.titleBefore(p)) {
		return false
	}
	if s.healthSystemAfter(en) {
		return false // "the Miami VA Healthcare System": a system of hospitals, not the Bethesda System's kind
	}
	return s.eponymAt(st, en)
}

// healthSystemAfter: the words after token en (over the rest of a name's
// capitalized words) end in "Health System", "Healthcare System" or "Health
// Care System": a health system's name ("VA Palo Alto Health Care System").
func (s *scan) healthSystemAfter(en int) bool {
	k := s.next(en)
	for n := 0; k > 0 && n < 3 && s.toks[k].capWord() && !s.eq(k, "health") && !s.eq(k, "healthcare"); n++ {
		k = s.next(k)
	}
	if k < 0 || !(s.eq(k, "health") || s.eq(k, "healthcare")) {
		return false
	}
	k = s.next(k)
	if k > 0 && s.eq(k, "care") {
		k = s.next(k)
	}
	return k > 0 && (s.eq(k, "system") || s.eq(k, "systems"))
}

// livingBefore: a verb of living or moving and a preposition stand before
// token st ("lives in the Northland area", "moved to the Wellman
// region"): a place's head then, no eponym's ("the Broca area").
func (s *scan) livingBefore(st int) bool {
	p := s.sameLinePrev(st)
	if p >= 0 && s.eq(p, "the") {
		p = s.sameLinePrev(p)
	}
	if p < 0 || !placePreps[s.lower(p)] {
		return false
	}
	v := s.sameLinePrev(p)
	return v >= 0 && livingVerbs[s.lower(v)]
}

// eponymPairAt: one of tokens st..en is part of a hyphenated chain of
// capitalized words listed as an eponym (lexicon [eponympair]:
// "Hawkins-Kennedy", "Brandt-Daroff", "Wolff-Parkinson-White"). Double-
// barrelled surnames are hyphenated too, so the chain must be listed whole;
// a title before it keeps it a person's ("Dr. Stevens-Johnson").
func (s *scan) eponymPairAt(st, en int) bool {
	for k := st; k <= en; k++ {
		if !s.toks[k].capWord() {
			continue
		}
		a := k
		for a >= 2 && s.toks[a].gap == gapNone && s.toks[a-1].punct('-') && s.toks[a-1].gap == gapNone && s.toks[a-2].capWord() {
			a -= 2
		}
		b := k
		for b+2 < len(s.toks) && s.toks[b+1].punct('-') && s.toks[b+1].gap == gapNone && s.toks[b+2].gap == gapNone && s.toks[b+2].capWord() {
			b += 2
		}
		if a == b && s.spacedEponymPair(k) {
			return true
		}
		if a == b || b-a > 8 || s.titleBefore(a) {
			continue
		}
		key := s.buf[:0]
		for j := a; j <= b; j += 2 {
			if j > a {
				key = append(key, '-')
			}
			key = append(key, s.lowerAny(j)...)
		}
		s.buf = key
		if f, _ := lookupString(string(key)); f&lxEponymName != 0 {
			return true
		}
		k = b
	}
	return false
}

// spacedEponymPair: a listed pair written with a space, with token k as
// either word, said as a diagnosis ("consider Ramsay Hunt if vesicles
// appear", "concern for Guillain Barre"). Anywhere else two capitalized
// words are a person's name first ("Seen with Stevens Johnson, her
// uncle", "Dr. Stevens Johnson").
func (s *scan) spacedEponymPair(k int) bool {
	a, b := k, s.next(k)
	if b < 0 || s.toks[b].gap != gapSpace || !s.toks[b].letters() || s.toks[b].upper() != s.toks[a].upper() {
		a, b = s.sameLinePrev(k), k
		if a < 0 || s.toks[k].gap != gapSpace || !s.toks[a].letters() || s.toks[b].upper() != s.toks[a].upper() {
			return false
		}
	}
	// Said as a diagnosis: after a word that weighs one ("consider",
	// "concern for", "history of", "might be", "vs").
	if !diagnosisCues[s.prevWordAt(a, 1)] {
		return false
	}
	key := append(append(append(s.buf[:0], s.lowerAny(a)...), '-'), s.lowerAny(b)...)
	s.buf = key
	f, _ := lookupString(string(key))
	return f&lxEponymName != 0
}

// diagnosisCues before a condition's name weigh it as a diagnosis.
var diagnosisCues = map[string]bool{"consider": true, "considering": true, "considered": true, "for": true, "suspect": true,
	"suspected": true, "possible": true, "probable": true, "likely": true, "of": true, "be": true, "vs": true,
	"versus": true, "dx": true, "ddx": true, "diagnosis": true, "r/o": true, "out": true, "c/w": true,
	"atypical": true, "classic": true, "presumed": true}

// riverAt: token k is a river's name after "the", with no facility or site
// word after it ("a town on the Hudson", "across the Potomac"): a river
// is no geographic subdivision under Safe Harbor; "the Hudson clinic" and
// "in Hudson" stay places.
func (s *scan) riverAt(k int) bool {
	if !s.toks[k].capWord() || k == 0 || !s.eq(k-1, "the") || s.toks[k].gap != gapSpace || !riverNames[s.lower(k)] {
		return false
	}
	n := s.next(k)
	return n < 0 || s.toks[n].kind == tkPunct || s.toks[n].letters() && !s.toks[n].upper() && s.toks[n].lex&lxFacility == 0 &&
		s.toks[n].gaz&gzFacWord == 0
}

// wideArea: tokens st..en are exactly a state, a country or a region
// larger than a state, which Safe Harbor keeps. A state that is also a city
// ("New York", "Washington") stays a place, and so does a town named like
// a country before its state ("Jamaica, NY 11432").
func (s *scan) wideArea(st, en int) bool {
	wide := false
	if st == en {
		t := &s.toks[st]
		wide = t.letters() && t.is(lxState|lxCountry) && t.lex&(lxCity|lxFirst|lxSur) == 0 && t.gaz&(gzCity|gzTown|gzFacHead) == 0
	} else if s.toks[st].is(lxPhraseHead) {
		for n := 2; n <= 4; n++ {
			if key, ok := s.phraseKey(st, n); ok && lexPhraseFlags(key)&(lxState|lxCountry) != 0 &&
				lexPhraseFlags(key)&lxCity == 0 && gazPhraseFlags(key)&(lxCity|lxTown) == 0 && s.phraseEnd(st, n) == en {
				wide = true
			}
		}
	}
	if k := s.next(en); wide && !s.toks[st].is(lxState) && k > 0 && s.toks[k].punct(',') {
		if m := s.next(k); m > 0 && s.toks[m].is(lxStateAbbr|lxState) {
			return false
		}
	}
	if k := s.next(en); wide && st == en && k > 0 && s.toks[k].punct(',') {
		if m := s.next(k); m > 0 && s.stateNamedTown(st, m) {
			return false // "Wyoming, MI": a town of another state
		}
	}
	return wide
}

// numberedVariant: a place's name after a numbered factor or type names a
// variant found there, not a place of the patient ("factor V Leiden",
// "type II Cambridge").
func (s *scan) numberedVariant(st int) bool {
	r := s.sameLinePrev(st)
	if r < 1 || !s.toks[r].allUpper() || !s.toks[r].letters() || s.toks[st].gap != gapSpace {
		return false
	}
	switch s.lower(r) {
	case "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii":
	default:
		return false
	}
	switch s.lower(r - 1) {
	case "factor", "type", "class", "group", "complex":
		return s.toks[r].gap == gapSpace
	}
	return false
}

// numberedPlace: a roman numeral after token en ("Denver II" is a
// screening test; no town takes a numeral).
func (s *scan) numberedPlace(en int) bool {
	n := s.next(en)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].allUpper() {
		return false
	}
	switch s.lower(n) {
	case "ii", "iii", "iv", "vi", "vii", "viii", "ix":
		return true
	}
	return false
}

// quotedNicknames: a nickname in quotes next to a name found ("Bubba"
// Wendell Pruitt, Wendell "Bubba" Pruitt, grandson, "Teo" Vallejo).
func (s *scan) quotedNicknames() {
	if strings.IndexByte(s.text, '"') < 0 {
		return
	}
	var starts, ends map[int]bool
	for k := 0; k+2 < len(s.toks); k++ {
		if !s.toks[k].punct('"') {
			continue
		}
		e := k + 1
		for e < len(s.toks) && e <= k+2 && s.toks[e].capWord() && s.toks[e].letters() && (e == k+1 && s.toks[e].gap == gapNone ||
			e > k+1 && s.toks[e].gap == gapSpace) {
			e++
		}
		if e == k+1 || e >= len(s.toks) || !s.toks[e].punct('"') || s.toks[e].gap != gapNone {
			continue
		}
		if starts == nil {
			starts, ends = map[int]bool{}, map[int]bool{}
			for c := range s.cands {
				if s.cands[c].t == Name {
					starts[s.cands[c].s], ends[s.cands[c].e] = true, true
				}
			}
		}
		after := e+1 < len(s.toks) && s.toks[e+1].gap == gapSpace && (starts[int(s.toks[e+1].s)] || s.toks[e+1].capWord() &&
			s.toks[e+1].lex&(lxCity|lxFirst|lxSur) != 0)
		before := s.toks[k].gap == gapSpace && k > 0 && ends[int(s.toks[k-1].e)]
		if (after || before) && s.nameish(k+1, false) && !s.eponymAfter(e-1) {
			s.addName(k+1, e-1, PatientNames)
		}
		k = e
	}
}

// middleInitialLabel: "MI: S", "Middle initial: R." on a form: one letter
// after the label, then the end of the line or a wide gap.
func (s *scan) middleInitialLabel(i int) bool {
	j := i + 1
	if !s.eq(i, "mi") {
		if !s.eq(i, "initial") || i == 0 || !s.eq(i-1, "middle") {
			return false
		}
	}
	if j >= len(s.toks) || !s.toks[j].punct(':') {
		return false
	}
	j++
	if j >= len(s.toks) || s.toks[j].gap == gapLine || !s.toks[j].letters() || s.toks[j].n() != 1 || !s.toks[j].upper() {
		return false
	}
	e := j
	if e+1 < len(s.toks) && s.toks[e+1].punct('.') && s.toks[e+1].gap == gapNone {
		e++
	}
	if e+1 < len(s.toks) && s.toks[e+1].gap != gapLine && !s.wideGap(e+1) {
		return false
	}
	s.addName(j, j, PatientNames)
	return true
}

// signedInitials: a person's initials where a note is signed or a call
// logged: before a comma and a credential ("-- KJ, RN"), after a dash that
// opens the note's last words ("-- KJ"), after "by" at the end of a line or
// an HL7 field ("called to the RN at 0615 by JRK"; a hospital's letters
// stay, "by TMH"), and the typist's letters
// after a dictating clinician's ("JOF/kmw"). Token i is in capitals, of two
// to four letters and on no list.
func (s *scan) signedInitials(i int) {
	t := &s.toks[i]
	if !t.letters() || t.gaz&(gzFacAcro|gzCityNick) != 0 || s.tokIn(unitAcronymSet, i) {
		return
	}
	n := s.next(i)
	end := func(k int) bool { // the line, the text or an HL7 field ends after k
		m := s.next(k)
		return m < 0 || s.toks[m].gap == gapLine || s.toks[m].punct('|') || s.toks[m].punct('.') && s.next(m) < 0
	}
	p := s.sameLinePrev(i)
	switch {
	case n > 0 && s.toks[n].punct(',') && s.toks[n].gap == gapNone:
		c := s.next(n)
		if c > 0 && s.toks[c].gap == gapSpace && s.toks[c].letters() && s.toks[c].is(lxCredential) && end(c) &&
			!(p >= 1 && s.toks[p].punct(',') && s.toks[p-1].allUpper()) {
			s.addName(i, i, ClinicianNames) // "-- KJ, RN"; not "PT, OT, RN"
		}
	case n > 0 && s.toks[n].punct('/') && s.toks[n].gap == gapNone:
		k := s.next(n)
		if k > 0 && s.toks[k].gap == gapNone && s.toks[k].letters() && s.toks[k].n() >= 2 && s.toks[k].n() <= 4 &&
			s.toks[k].lex == 0 && s.dictatedBefore(i) {
			s.addName(i, i, ClinicianNames) // "DICTATED BY: JOF/kmw"
			s.addName(k, k, ClinicianNames)
		}
	case p >= 1 && s.toks[p].punct('-') && s.toks[p-1].punct('-') && end(i):
		s.addName(i, i, ClinicianNames) // "-- KJ" closing a message
	case p >= 0 && s.eq(p, "by") && !s.toks[p].upper() && end(i) && t.n() <= 3:
		s.addName(i, i, ClinicianNames) // "... at 0615 by TMH"
	}
}

// dictatedBefore: "dictated by", "transcribed by" or "DICTATED BY:" right
// before token i.
func (s *scan) dictatedBefore(i int) bool {
	p := s.sameLinePrev(i)
	if p >= 0 && s.toks[p].punct(':') {
		p = s.sameLinePrev(p)
	}
	if p < 1 || !s.eq(p, "by") {
		return false
	}
	return s.eq(p-1, "dictated") || s.eq(p-1, "transcribed") || s.eq(p-1, "typed")
}

// nameIsNotName are words said after "my name is" that are not the name:
// "my name is spelled wrong", "his name is on the list", "your name is
// still the old one".
var nameIsNotName = map[string]bool{"spelled": true, "misspelled": true, "hyphenated": true, "pronounced": true,
	"written": true, "listed": true, "printed": true, "changed": true, "missing": true, "correct": true,
	"wrong": true, "right": true, "different": true, "same": true, "long": true, "short": true, "hard": true,
	"difficult": true, "easy": true, "common": true, "unusual": true, "weird": true, "funny": true, "fine": true,
	"ok": true, "okay": true, "there": true, "here": true, "still": true, "not": true, "also": true, "really": true,
	"actually": true, "just": true, "um": true, "uh": true, "like": true, "so": true, "very": true, "too": true,
	"legally": true, "officially": true, "technically": true, "now": true, "mine": true, "yours": true,
	"what": true, "on": true, "in": true, "at": true, "as": true, "the": true, "a": true, "an": true, "my": true,
	"his": true, "her": true, "their": true, "your": true, "our": true, "no": true, "nothing": true, "none": true,
	"unknown": true, "blank": true, "empty": true, "different.": true, "dr": true, "doctor": true, "mr": true,
	"mrs": true, "ms": true, "miss": true, "nurse": true, "from": true, "with": true, "and": true, "or": true,
	"but": true, "because": true, "if": true, "it": true, "that": true, "this": true}

// nameIsIntro: at "name" in "my name is ben", "his name's dev", "the
// patient's name is grant", in lower case, the word said after it is the
// name, also where it is an ordinary word ("hope", "will", "grant"): a
// given name or surname of any list, or a word on no English list. A name
// that is also a word is taken here only; a name that is no word is found
// again in the rest of the text.
func (s *scan) nameIsIntro(i int) bool {
	p := s.sameLinePrev(i)
	if p < 0 || s.toks[i].upper() {
		return false
	}
	// "her last name is", "my maiden name was".
	if nameKinds[s.lower(p)] {
		if p = s.sameLinePrev(p); p < 0 {
			return false
		}
	}
	switch {
	case s.eq(p, "my") || s.eq(p, "his") || s.eq(p, "her") || s.eq(p, "your") || s.eq(p, "their"):
	case s.eq(p, "the") && nameKinds[s.prevWordAt(i, 1)]:
	case s.eq(p, "s") && p >= 2 && s.toks[p-1].punct('\'') && s.toks[p].gap == gapNone: // "the patient's name"
	default:
		return false
	}
	// "okafor is her last name": the name before it.
	if b := s.sameLinePrev(p); b > 0 && (s.eq(b, "is") || s.eq(b, "was")) && !s.eq(p, "s") {
		if k := s.sameLinePrev(b); k >= 0 && s.toks[b].gap == gapSpace && s.nameStated(k) {
			return true
		}
	}
	v := s.next(i)
	if v < 0 || s.toks[v].gap == gapLine {
		return false
	}
	switch {
	case s.eq(v, "is") || s.eq(v, "was"):
	case s.toks[v].punct('\'') && s.toks[v].gap == gapNone && v+1 < len(s.toks) && s.eq(v+1, "s"):
		v++
	default:
		return false
	}
	k := s.next(v)
	if k < 0 || s.toks[k].gap != gapSpace {
		return false
	}
	return s.nameStated(k)
}

// callMeBefore: the words before token i say what a person is called:
// "call me", "calls her", "goes by", "known as".
func (s *scan) callMeBefore(i int) bool {
	p1 := s.prevWordAt(i, 1)
	switch p1 {
	case "me", "her", "him":
	case "by", "as":
	default:
		return false
	}
	if endearments[s.lower(i)] {
		return false // "he calls me honey"
	}
	p2 := s.prevWordAt(i, 2)
	if p1 == "by" || p1 == "as" {
		// A person goes by a name ("she goes by hope"); time goes by fast.
		if p2 != "goes" && p2 != "go" && p2 != "went" && p2 != "known" || p1 == "by" && p2 == "known" || p1 == "as" && p2 != "known" {
			return false
		}
		subj := s.prevWordAt(i, 3)
		if subj == "is" || subj == "was" || subj == "also" || subj == "usually" {
			subj = s.prevWordAt(i, 4)
		}
		f, _ := lookupString(subj)
		return subj == "she" || subj == "he" || subj == "i" || subj == "they" || f&lxRelation != 0 || namedPersonNouns[subj] || personRoles[subj]
	}
	return p2 == "call" || p2 == "calls" || p2 == "called"
}

// nameKinds name a kind of name: "her last name is".
var nameKinds = map[string]bool{"last": true, "first": true, "middle": true, "maiden": true, "family": true,
	"full": true, "given": true, "married": true, "legal": true}

// nameStated adds the lower-case word k that a sentence states to be a
// name ("my name is hope", "okafor is her last name"), unless it is a
// function word, a title or another word no name takes.
func (s *scan) nameStated(k int) bool {
	t := &s.toks[k]
	w := s.lower(k)
	nameList := t.lex&(lxFirst|lxFirstAmb|lxSur|lxSurAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb|gzSur|gzSurAmb) != 0
	// A month that is a given name ("my name is june", "april") is one here.
	monthName := t.lex&lxMonth != 0 && (t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0)
	if !t.letters() || t.upper() || t.n() < 2 || nameIsNotName[w] || s.tokIn(functionWordSet, k) ||
		t.is(lxTitle|lxTitleClin|lxRelation|lxWeekday|lxDigitWord|lxCredential) || t.is(lxMonth) && !monthName || s.isKnown(k) {
		return false
	}
	word := t.lex&(lxCommon|lxMedical) != 0 || t.gaz&gzWord != 0 || s.dictionaryWord(k) || strings.HasSuffix(w, "ing") ||
		strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")
	switch {
	case nameList && word || monthName:
		// Here only: "my name is hope"; with a surname of the lists after
		// it ("my name is summer jones").
		en := k
		if n := s.next(k); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() &&
			(s.toks[n].lex&lxSur != 0 && s.toks[n].lex&nonNameFlags == 0 || s.toks[n].lex == 0 && s.toks[n].gaz&gzSur != 0 && s.toks[n].gaz&gzWord == 0 ||
				s.toks[n].lex&(lxSur|lxSurAmb) != 0 && s.toks[n].lex&(lxMedical|lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxUnitWord) == 0 && s.clauseEndAfter(n)) {
			en = n
		}
		s.addName(k, en, PatientNames)
	case nameList || !word && t.n() >= 3:
		s.lowerNameAt(k, PatientNames)
	default:
		return false
	}
	s.statedSurname(k)
	return true
}

// statedSurname: the word after a name a sentence states, where the
// clause ends after it or goes on with "and" or a birth date, is the
// surname whatever list holds it ("my name is dawn smith", "my name is
// dawn pugh": a surname that is also a word or an eponym's); a word of
// assent, discourse or time there stays ("my name is dawn, yes", "my name
// is maria too").
func (s *scan) statedSurname(k int) {
	n := s.next(k)
	if n < 0 || s.toks[n].gap != gapSpace || !s.toks[n].letters() || s.toks[n].upper() || s.toks[n].n() < 3 {
		return
	}
	switch s.nextWordAt(n) {
	case "and", "but", "date", "dob", "born", "birthday":
	default:
		if !s.clauseEndAfter(n) {
			return
		}
	}
	t := &s.toks[n]
	w := s.lower(n)
	if s.tokIn(functionWordSet, n) || ackWords[w] || discourseWords[w] || endearments[w] || nameIsNotName[w] ||
		t.is(lxTitle|lxTitleClin|lxRelation|lxMonth|lxWeekday|lxDigitWord|lxTeenWord|lxTensWord|lxCredential|lxUnitWord) {
		return
	}
	onList := t.lex&(lxSur|lxSurAmb|lxFirst|lxFirstAmb|lxEponymName) != 0 || t.gaz&(gzSur|gzSurAmb|gzFirst|gzFirstAmb) != 0
	if !onList && s.dictionaryWord(n) {
		return
	}
	s.addName(k, n, PatientNames)
}

// possessiveBeforeWord: "your", "our" or "their" before a lower-case word
// that is also an English word ("your christian faith"), which a name
// seldom follows.
func (s *scan) possessiveBeforeWord(i int) bool {
	switch s.prevWordAt(i, 1) {
	case "your", "our", "their":
		eng := s.englishTok(i)
		return eng
	}
	return false
}

// verbOpening: token i opens a sentence of a terse note with the verb,
// its subject left out ("Plays Minecraft daily.", "Loves Bluey.", "Watches
// Netflix in bed."): an ordinary word on no list of names that is a verb
// a person does.
func (s *scan) verbOpening(i int) bool {
	if !s.opensSentence(i) || !s.ordinaryCap(i) {
		return false
	}
	w := s.lower(i)
	return personVerbs[w] || habitVerbs[w]
}

// habitVerbs tell what a person does or likes, in the third person.
var habitVerbs = map[string]bool{"plays": true, "loves": true, "likes": true, "enjoys": true, "watches": true,
	"reads": true, "eats": true, "wears": true, "attends": true, "follows": true, "hates": true, "avoids": true,
	"tries": true, "prefers": true, "listens": true, "collects": true, "coaches": true, "volunteers": true}

// careTeamWords name a role or a service after a name, not its surname
// ("Susan Charge, RN", "Dr Lee Hospitalist, NP").
var careTeamWords = map[string]bool{"charge": true, "hospitalist": true, "attending": true, "resident": true, "intern": true,
	"fellow": true, "nurse": true, "staff": true, "team": true, "today": true, "tonight": true, "yesterday": true,
	"tomorrow": true, "consult": true, "consulting": true, "primary": true, "covering": true, "oncall": true}

// ambiguousCredentials are credentials that are also a therapy, an order
// or a word.
var ambiguousCredentials = map[string]bool{"pt": true, "ot": true, "do": true, "ma": true, "st": true}

// pairedNames adds, as late spans (afterTagger), a lower-case given name
// followed by a surname, both on the name lists and neither a word of an
// English or a medical list, wherever they are said: "my lead is kendra
// ostrowski", "the nurse was kendra ostrowski". Rules that need a cue
// before them ("her name is", "talked to") left these; a word that is
// also a name ("grant hill", "will young") or a surname that names a
// disease stays to them.
func (s *scan) pairedNames() {
	for i := 0; i+1 < len(s.toks); i++ {
		a, b := &s.toks[i], &s.toks[i+1]
		if a.upper() || b.upper() || a.n() < 3 || b.n() < 3 || b.gap != gapSpace || !a.letters() || !b.letters() ||
			a.lex&lxFirst == 0 && a.gaz&gzFirst == 0 || b.lex&lxSur == 0 && b.gaz&gzSur == 0 {
			continue
		}
		const notName = lxFirstAmb | lxSurAmb | lxCommon | lxMedical | lxCity | lxCityAmb | lxState | lxCountry | lxMonth | lxWeekday |
			lxTitle | lxTitleClin | lxRelation | lxBrand | lxEponymName | lxWord | lxFacHead
		if (a.lex|b.lex)&notName != 0 || (a.gaz|b.gaz)&(gzFirstAmb|gzSurAmb|gzWord|gzCity|gzCityAmb|gzTown|gzFacHead) != 0 ||
			s.englishTok(i) || s.englishTok(i+1) || s.eponymAfter(i+1) {
			continue
		}
		s.late = append(s.late, Span{Start: int(a.s), End: int(b.e), Type: Name})
		i++
	}
}

// capitalPairNames adds, as late spans (afterTagger), a capitalized word of
// no list (or a given name, or a surname) followed by a listed surname, neither an
// English word: "I saw Tremaine Jones today", "Tremaine Ashford, 31, has
// attended" (a given name on no list had left both). A facility's, a
// street's or an eponym's word after the pair makes it theirs
// ("Tremaine Ashford Hospital", "Kessler Jones syndrome").
func (s *scan) capitalPairNames() {
	const notFirst = lxCommon | lxMedical | lxCity | lxCityAmb | lxState | lxStateAbbr | lxCountry | lxMonth | lxWeekday | lxTitle |
		lxTitleClin | lxRelation | lxBrand | lxEponymName | lxFacility | lxFacHead | lxCredential | lxStreetSuffix | lxWord
	for i := 0; i+1 < len(s.toks); i++ {
		a, b := &s.toks[i], &s.toks[i+1]
		if !a.capWord() || !b.capWord() || a.allUpper() || b.allUpper() || a.n() < 3 || b.n() < 3 || b.gap != gapSpace {
			continue
		}
		if a.lex&notFirst != 0 || a.gaz&(gzWord|gzCity|gzCityAmb|gzFacHead|gzFacWord) != 0 || s.englishTok(i) ||
			a.lex&(lxFirst|lxSur) == 0 && a.gaz&(gzFirst|gzSur) == 0 && (a.lex != 0 || a.gaz != 0) {
			continue
		}
		if b.lex&lxSur == 0 && b.gaz&gzSur == 0 || b.lex&(notFirst&^(lxCityAmb|lxFacHead)) != 0 || b.gaz&(gzWord|gzFacWord) != 0 ||
			s.englishTok(i+1) && b.lex&lxSur == 0 {
			continue
		}
		if n := s.next(i + 1); n > 0 && s.toks[n].gap == gapSpace && s.toks[n].letters() &&
			(s.toks[n].is(lxFacility|lxStreetSuffix|lxEponymHead) || hospitalWords[s.lower(n)] || facilityWords[s.lower(n)]) ||
			s.eponymAfter(i+1) {
			continue // "Mary Ostrowski's disease": the surname's eponym
		}
		if p := s.sameLinePrev(i); p >= 0 && s.toks[p].capWord() && !s.toks[p].allUpper() {
			continue // inside a longer capitalized run: a title's or a place's words
		}
		if s.brandAt(i, i+1) || s.eponymPairAt(i, i+1) {
			continue // "Sam Adams", "Jack Daniels"; "Plummer Vinson", "Ivor Lewis"
		}
		s.late = append(s.late, Span{Start: int(a.s), End: int(b.e), Type: Name})
		i++
	}
}

// surnameBeforeCredential adds, as late spans (afterTagger), the word
// between a name found and a credential after a comma: the surname a list
// of words held back ("Rhonda Gum, RN", "Dale Bush, MD").
func (s *scan) surnameBeforeCredential(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Name || sp.End+2 >= len(s.text) || s.text[sp.End] != ' ' {
			continue
		}
		k := s.tokStartingAt(sp.End + 1)
		if k < 1 || !s.toks[k].capWord() || s.toks[k].allUpper() || s.toks[k].n() < 2 || s.toks[k].gap != gapSpace ||
			s.toks[k].is(lxCredential|lxTitle|lxTitleClin|lxFacility|lxState|lxCity|lxWeekday|lxMonth|lxTimeWord|lxMedical) ||
			wardWords[s.lower(k)] || careTeamWords[s.lower(k)] {
			continue // "Mary Tuesday, PT", "Dr Lee Hospitalist, NP", "Susan Charge, RN"
		}
		c := s.next(k)
		if c < 0 || !s.toks[c].punct(',') || s.toks[c].gap != gapNone {
			continue
		}
		if r := s.next(c); r < 0 || !s.toks[r].is(lxCredential) || !s.toks[r].upper() || s.toks[r].n() > 6 || ambiguousCredentials[s.lower(r)] {
			continue // "PT", "OT", "DO" are also a therapy and a word
		}
		s.late = append(s.late, Span{Start: sp.Start, End: int(s.toks[k].e), Type: Name})
	}
}

// discourseVocatives adds, as late spans (afterTagger), a capitalized
// given name set off after a discourse word or a greeting and closing its
// sentence, as punctuated transcripts write the person addressed: "Okay,
// Destinee." A name that is also an English word stays, the word said in
// answer ("Yes, Will.", "Oh, Mercy.", "Um, Summer.", "Yeah, Rick."), and so
// does a month, a weekday or a word of no list of given names ("Okay,
// Great.").
func (s *scan) discourseVocatives() {
	for i := 2; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.capWord() || t.allUpper() || t.n() < 3 || !s.toks[i-1].punct(',') || t.gap != gapSpace {
			continue
		}
		if t.lex&(lxFirst|lxFirstAmb) == 0 && t.gaz&(gzFirst|gzFirstAmb) == 0 || t.lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxCredential|lxCommon) != 0 ||
			s.englishTok(i) || t.gaz&gzWord != 0 || endearments[s.lower(i)] {
			continue // "Yes, Will.", "Oh, Mercy.", "Um, Summer.": words that are names too
		}
		w := s.lower(i - 2)
		if !s.toks[i-2].letters() || !discourseWords[w] && !greetings[w] && w != "hey" && w != "thank" && w != "you" {
			continue
		}
		if w == "you" && !s.eq(i-3, "thank") {
			continue
		}
		n := s.next(i)
		if n > 0 && !(s.toks[n].punct('.') || s.toks[n].punct('!') || s.toks[n].punct('?')) {
			continue
		}
		if p := s.sameLinePrev(i - 2); p >= 0 && !s.turnStart(i-2) && !s.toks[p].punct('.') && !s.toks[p].punct('?') && !s.toks[p].punct('!') {
			if !(w == "you" && s.turnStart(i-3)) {
				continue // the discourse word opens the turn or a sentence
			}
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
	}
}

// bedListNames adds, as late spans (afterTagger), the name in a sign-out's
// line "bed 4 - kowalski - 67m copd": after a bed's or room's number and a
// dash, one to three words up to the next dash and an age ("88f", "45",
// "91 yo"). Written lists name the patient there, in any case.
func (s *scan) bedListNames() {
	for i := 0; i+5 < len(s.toks); i++ {
		switch s.lower(i) {
		case "bed", "rm", "room", "bay":
		default:
			continue
		}
		n := s.next(i)
		if n < 0 || !s.toks[n].word() || s.toks[n].shape&shDigit == 0 {
			continue
		}
		d := s.next(n)
		if d < 0 || !s.toks[d].punct('-') || s.toks[d].gap != gapSpace {
			continue
		}
		st := s.next(d)
		e, words := -1, 0
		for k := st; k > 0 && k < len(s.toks) && words <= 3; k = s.next(k) {
			t := &s.toks[k]
			if t.punct('-') && t.gap == gapSpace {
				e = k
				break
			}
			if t.punct('-') || t.punct('\'') || t.letters() && !t.is(lxMedical|lxTitle|lxTitleClin|lxUnitWord) && !s.englishTok(k) {
				if t.letters() {
					words++
				}
				continue
			}
			break
		}
		if e < 0 || words == 0 || words > 3 {
			continue
		}
		a := s.next(e)
		if a < 0 || !s.toks[a].word() || s.low[s.toks[a].s] < '0' || s.low[s.toks[a].s] > '9' {
			continue // an age after the name
		}
		s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[e-1].e), Type: Name})
		i = e
	}
}

// confirmedNames adds, as late spans (afterTagger), the name a speaker
// checks with the person: "It's Lachlan, isn't it?", "You're Marisol,
// right?": a capitalized given name, or a word of no list, after "it's" or
// "you're" and before a comma and a tag asking to confirm. "It's Friday,
// isn't it?", "It's Tylenol, right?" name no one.
func (s *scan) confirmedNames() {
	for i := 2; i+2 < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.capWord() || t.allUpper() || t.n() < 3 || t.gap != gapSpace || !s.toks[i-2].punct('\'') || !(s.eq(i-1, "s") || s.eq(i-1, "re")) {
			continue
		}
		if pw := s.prevWordAt(i, 1); pw != "it's" && pw != "you're" {
			continue
		}
		c := s.next(i)
		if c < 0 || !s.toks[c].punct(',') {
			continue
		}
		switch s.nextWordAt(c) {
		case "isn't", "right", "correct", "yeah", "yes", "is":
		default:
			continue
		}
		listed := t.lex&(lxFirst|lxFirstAmb) != 0 || t.gaz&(gzFirst|gzFirstAmb) != 0
		if t.lex&(lxMonth|lxWeekday|lxMedical|lxCommon|lxBrand|lxCity|lxState|lxCountry|lxTitle|lxTitleClin) != 0 ||
			!listed && (t.lex != 0 || t.gaz&gzWord != 0 || s.englishTok(i)) {
			continue
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
	}
}

// nicknameInName: a nickname in quotes or parentheses between a given name
// found and the surname ("Antoine "Tee" Broussard", "Yaroslav (Slavko)
// Hnatiuk", "Margaret (Peggy) Jones"): the nickname and the surname are
// the person's too. A late rule over what was found.
func (s *scan) nicknameInName(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Name {
			continue
		}
		e := s.tokEndingAt(sp.End)
		if e < 0 || e+4 >= len(s.toks) {
			continue
		}
		o, nick, c, sur := &s.toks[e+1], &s.toks[e+2], &s.toks[e+3], e+4
		open := o.punct('"') || o.punct('(') || o.ch == 0 && strings.HasPrefix(s.str(e+1), "“")
		if !open || o.gap != gapSpace || !nick.capWord() || nick.allUpper() && nick.n() > 1 || nick.gap != gapNone || c.gap != gapNone ||
			!(c.punct('"') || c.punct(')') || strings.HasPrefix(s.str(e+3), "”")) {
			continue
		}
		// "Maria (Daughter) Jones": a relation or a role in the brackets
		// is no nickname, but the surname after it is still hers.
		nickOK := nick.lex&(lxTitle|lxTitleClin|lxCredential|lxRelation|lxUnitWord|lxMonth|lxWeekday) == 0
		t := &s.toks[sur]
		if t.gap != gapSpace || !t.capWord() || t.allUpper() && t.n() > 1 ||
			t.lex&(lxTitle|lxTitleClin|lxCredential|lxMonth|lxWeekday|lxStreetSuffix|lxRelation|lxTimeWord) != 0 ||
			s.englishTok(sur) && !s.anyNameList(sur) {
			continue // "Maria (Daughter) Today"
		}
		if nickOK {
			s.late = append(s.late, Span{Start: int(nick.s), End: int(nick.e), Type: Name})
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
	}
}

// initialAfterLastFirst: a middle initial after "LAST, FIRST" found, before
// a form's wide gap or the line's end ("Name: SKOGEN, LEIF A      Age:
// 93"), where the rules that read it before punctuation stop; and a given
// name's initial after a title and a surname found and a comma ("Dr.
// CHUCULATE, M" on a label: after a title no letter is a sex). A late
// rule over what was found.
func (s *scan) initialAfterLastFirst(spans []Span) {
	for _, sp := range spans {
		st, e := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if sp.Type != Name || st < 0 || e < 0 || e+2 >= len(s.toks) || !s.titleBefore(st) || !s.toks[e+1].punct(',') {
			continue
		}
		n := e + 2
		if t := &s.toks[n]; t.letters() && t.n() == 1 && t.upper() && t.gap == gapSpace &&
			(n+1 >= len(s.toks) || s.toks[n+1].gap == gapLine || s.wideGap(n+1) || s.toks[n+1].punct('.') && (n+2 >= len(s.toks) || s.toks[n+2].gap != gapNone)) {
			s.late = append(s.late, Span{Start: sp.Start, End: int(t.e), Type: Name})
		}
	}
	for i := 1; i < len(spans); i++ {
		sp, prev := spans[i], spans[i-1]
		if sp.Type != Name || prev.Type != Name {
			continue
		}
		st, e := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if st < 2 || e < 0 || e+1 >= len(s.toks) || !s.toks[st-1].punct(',') || int(s.toks[st-2].e) != prev.End {
			continue
		}
		n := e + 1
		t := &s.toks[n]
		if !t.letters() || t.n() != 1 || !t.upper() || t.gap != gapSpace || s.eq(n, "f") || s.eq(n, "m") {
			continue // "WOJCIK, HELENA  F  93y": the sex
		}
		end := n
		if n+1 < len(s.toks) && s.toks[n+1].punct('.') && s.toks[n+1].gap == gapNone {
			end = n + 1
		}
		if end+1 < len(s.toks) && s.toks[end+1].gap != gapLine && !s.wideGap(end+1) {
			continue
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
	}
}

// personHandle: handle w looks like a person's: an initial or two
// and a surname of the lists ("jlarkin", "pmehta"), or a name of the lists.
func personHandle(w string) bool {
	if roleHandle(w) {
		return false // "pharm", "nursemgr", "rrteam", "wardclerk"
	}
	for cut := 0; cut <= 2 && cut < len(w)-3; cut++ {
		f, g := lookupString(w[cut:])
		if f&(lxSur|lxFirst) != 0 || g&(gzSur|gzFirst) != 0 {
			return true
		}
	}
	return false
}

// roleHandle: handle w names a role or a service.
func roleHandle(w string) bool { return containsAny(w, handleRoleStems) }

// containsAny reports whether w holds one of parts.
func containsAny(w string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}

// serviceHandle: a handle on no list names a service or a role by its
// stem or its ending ("ctsurg", "nocturnist"); kept apart from
// handleRoleStems, which also vetoes handles made of listed names, where
// these stems would take names ("concannon", "casey").
func serviceHandle(w string) bool {
	return strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "ists") || containsAny(w, serviceStems)
}

var serviceStems = []string{"surg", "peds", "onc", "neuro", "ortho", "cardio", "psych", "hosp", "noc", "coord", "chaplain",
	"intern", "fellow", "attend", "dispatch", "transport", "secur", "trauma", "stroke", "rapid", "float", "code", "ccu", "case",
	"med", "pulm", "neph", "endo", "derm", "gyn", "uro", "rheum", "heme", "renal"}

// handleRoleStems name a role or a service in a chat's handle.
var handleRoleStems = []string{"pharm", "mgr", "team", "clerk", "charge", "nurse", "desk", "ward", "icu", "lab", "rad", "resp",
	"tele", "admin", "sched", "triage", "front", "unit", "bed", "staff", "on-call", "oncall"}

// chatHandles: a user's handle before the time of a message in a chat's
// export ("[secure chat] jlarkin 07:52: anyone covering", "pmehta 07:55:",
// "kpatel3 14:02:"), after the line's bracketed tag: an initial and a
// surname run together, perhaps with a number after, or five letters or
// more on no list of words; at a line's start without a tag, only the
// first. A late rule.
func (s *scan) chatHandles() {
	for k := 0; k+4 < len(s.toks); k++ {
		t := &s.toks[k]
		// The time of the message first: it rules out nearly every word.
		h, c, m, c2 := &s.toks[k+1], &s.toks[k+2], &s.toks[k+3], &s.toks[k+4]
		if !c.punct(':') || !c2.punct(':') || !h.digits() || h.n() > 2 || h.gap != gapSpace || c.gap != gapNone || !m.digits() ||
			m.n() != 2 || m.gap != gapNone {
			continue
		}
		w := strings.TrimRight(s.lower(k), "0123456789")
		if t.kind != tkWord || t.upper() || len(w) < 4 || t.n() > 16 || strings.IndexFunc(w, notLowerASCII) >= 0 {
			continue
		}
		p := k - 1
		// A chat's tag before it, or at a line's start a handle of a
		// listed name ("mkhan2 21:14:"); a bare line's start is else a
		// flowsheet's ("tele 07:52:").
		lineStart := k == 0 || s.toks[k].gap == gapLine
		if !(p >= 0 && s.toks[p].punct(']') && s.toks[k].gap == gapSpace || lineStart && personHandle(w)) {
			continue
		}
		if f, _ := lookupString(w); englishOrCompound(w) || f&(lxCommon|lxMedical|lxTitle|lxTitleClin|lxRelation|lxCredential) != 0 ||
			!personHandle(w) && !(len(w) >= 5 && f == 0 && !roleHandle(w) && !serviceHandle(w)) {
			continue // "doctor 07:52:", "pharm 08:12:", "rrteam 03:14:", "ortho2 09:00:"
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
	}
}

// spelledAcrossDash: two names spelled letter by letter joined by the word
// "dash" or "hyphen" ("o k a f o r dash l i n d q v i s t") are one
// hyphenated name: the word between goes with them. A late rule.
func (s *scan) spelledAcrossDash(spans []Span) {
	for i := 1; i < len(spans); i++ {
		a, b := spans[i-1], spans[i]
		if a.Type != Name || b.Type != Name {
			continue
		}
		ea, sb := s.tokEndingAt(a.End), s.tokStartingAt(b.Start)
		if ea < 0 || sb != ea+2 || !(s.eq(ea+1, "dash") || s.eq(ea+1, "hyphen")) || s.toks[ea].n() != 1 || s.toks[sb].n() != 1 {
			continue
		}
		s.late = append(s.late, Span{Start: a.Start, End: b.End, Type: Name})
	}
}

// surnameAfterFoundName: a lower-case word of the surname lists right after
// a lower-case given name found ("my daughter's now shawna sampson", "my
// cousin dakota jefferson"), though the word also names a town or is a
// rarer given name: after a person's given name it is her surname; so is
// a word after "o'" or "d'" ("michael o'halloran"). No English word ("bev
// cagey"), weekday, month or clinical word. A late rule.
func (s *scan) surnameAfterFoundName(spans []Span) {
	for _, sp := range spans {
		if sp.Type != Name {
			continue
		}
		e := s.tokEndingAt(sp.End)
		if e < 0 || e+1 >= len(s.toks) || s.toks[e].upper() || s.tokStartingAt(sp.Start) != e {
			continue
		}
		n := e + 1
		t := &s.toks[n]
		if r := n + 2; r < len(s.toks) && t.gap == gapSpace && t.n() == 1 && (s.eq(n, "o") || s.eq(n, "d")) && s.toks[n+1].punct('\'') &&
			s.toks[n+1].gap == gapNone && s.toks[r].gap == gapNone && s.toks[r].letters() && !s.toks[r].upper() && s.toks[r].n() >= 3 &&
			!s.englishTok(r) {
			// "michael o'halloran", "gino d'amato": a surname with its
			// particle and apostrophe.
			s.late = append(s.late, Span{Start: int(t.s), End: int(s.toks[r].e), Type: Name})
			continue
		}
		if !t.letters() || t.upper() || t.n() < 3 || t.gap != gapSpace || t.lex&lxSur == 0 && t.gaz&gzSur == 0 {
			continue
		}
		if s.englishTok(n) || t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxState|lxCountry|lxWord) != 0 ||
			t.gaz&gzWord != 0 || s.eponymAfter(n) || s.brandCovers(e, n) {
			continue // "the john deere cap": a brand named like a person
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
	}
}

// coordinatedNames (a late rule): a lower-case word joined by "and" or
// "or" to a one-word lower-case name found, on either side ("my two kids
// lwazi and ayanda", "thandi or sipho can bring her"): a listed given name
// or a word on no list at all, no English word, no word of another list
// and none that looks clinical, is the other person. The names found by
// the late rules before it count as found.
func (s *scan) coordinatedNames(spans []Span) {
	n0 := len(s.late)
	for k := 0; k < len(spans)+n0; k++ {
		var sp Span
		if k < len(spans) {
			sp = spans[k]
		} else {
			sp = s.late[k-len(spans)]
		}
		if sp.Type != Name {
			continue
		}
		i := s.tokStartingAt(sp.Start)
		if i < 0 || s.tokEndingAt(sp.End) != i || s.toks[i].upper() || !s.toks[i].letters() {
			continue
		}
		if c := s.next(i); c > 0 && s.toks[c].letters() && (s.eq(c, "and") || s.eq(c, "or")) {
			if y := s.next(c); y > 0 && s.coordinatedName(y) {
				s.late = append(s.late, Span{Start: int(s.toks[y].s), End: int(s.toks[y].e), Type: Name})
			}
		}
		if c := s.sameLinePrev(i); c > 0 && s.toks[c].letters() && (s.eq(c, "and") || s.eq(c, "or")) {
			if x := s.sameLinePrev(c); x >= 0 && s.coordinatedName(x) && s.toks[c].gap == gapSpace {
				s.late = append(s.late, Span{Start: int(s.toks[x].s), End: int(s.toks[x].e), Type: Name})
			}
		}
	}
}

// coordinatedName: token i can be a person's given name beside another's
// (coordinatedNames).
func (s *scan) coordinatedName(i int) bool {
	t := &s.toks[i]
	if !t.letters() || t.upper() || t.n() < 3 || t.gap != gapSpace || t.shape&shNonASCII != 0 {
		return false
	}
	if s.englishTok(i) || t.lex&nonNameFlags != 0 || t.gaz&(gzWord|gzCity|gzCityAmb|gzTown|gzFacHead|gzFacAcro) != 0 ||
		clinicalWordLooking(s.lower(i)) || s.inOtherSpan(int(t.s)) {
		return false
	}
	return t.lex&lxFirst != 0 || t.gaz&gzFirst != 0 || t.lex == 0 && t.gaz == 0
}

// nameAroundGivenName (a late rule): a title, a word, a given name and
// the same word again, as a name is confirmed in speech ("mrs bone
// lorraine bone", "mister sharp kwame sharp", "Mr. Nurse, Desmond
// Nurse"): the word is the surname, whatever else it is, and the given
// name with it. The given name is a listed one or a word of no English.
func (s *scan) nameAroundGivenName() {
	for i := 0; i+4 < len(s.toks); i++ {
		if !s.toks[i].letters() || !s.toks[i].is(lxTitle) || s.toks[i].is(lxRelation) {
			continue
		}
		x := s.next(i)
		if x > 0 && s.toks[x].punct('.') && s.toks[x].gap == gapNone {
			x = s.next(x)
		}
		if x < 0 || s.toks[x].gap == gapLine || !s.toks[x].letters() || s.toks[x].n() < 2 {
			continue
		}
		g := s.next(x)
		if g > 0 && s.toks[g].punct(',') {
			g = s.next(g)
		}
		if g < 0 || s.toks[g].gap == gapLine || !s.toks[g].letters() || s.toks[g].n() < 2 {
			continue
		}
		y := s.next(g)
		if y < 0 || s.toks[y].gap != gapSpace || !s.toks[y].letters() || s.lower(y) != s.lower(x) || s.lower(g) == s.lower(x) {
			continue
		}
		if n := s.next(y); n > 0 && s.toks[n].gap == gapNone && (s.toks[n].letters() || s.toks[n].punct('-')) {
			continue
		}
		if !(s.toks[g].lex&(lxFirst|lxFirstAmb) != 0 || s.toks[g].gaz&gzFirst != 0 || !s.englishTok(g) && s.toks[g].lex == 0) ||
			s.toks[g].lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation) != 0 {
			continue
		}
		s.late = append(s.late, Span{Start: int(s.toks[x].s), End: int(s.toks[x].e), Type: Name},
			Span{Start: int(s.toks[g].s), End: int(s.toks[y].e), Type: Name})
		i = y
	}
}

// notLowerASCII reports a rune outside a to z.
func notLowerASCII(r rune) bool { return r < 'a' || r > 'z' }

// nameIsWords are the words that end the name said after "name is": the
// clause goes on ("but", "and", "so"), a spelling follows, or the words
// are not a name ("is not", "is like").
var nameIsWords = wordsOf("the a an and but so or is was not just like um uh okay ok yes no i he she it we they you " +
	"on in at with for to of from by that this what because actually also spelled spell too right mine his her " +
	"their our my your there here now then sir maam ma'am please thanks thank ha haha hah lol laughs laughing")

// nameIsRunAt: the words said after "name is" or "name's" in lower case
// ("papa's name is om prakash agarwal", "her real name is dalbir kaur but
// everyone says dolly"), up to four, up to the clause's end: a name,
// though parts of it are on no list or are also words. A late rule: the main pass
// takes what its lists know ("prakash agarwal") and the run replaces it.
// Words of English count when at least half the words are names or no
// English ("om veer khatri"); "his name is worse" stays.
func (s *scan) nameIsRunAt(i int) {
	if !s.eq(i, "name") || i+2 >= len(s.toks) {
		return
	}
	j := i + 1
	switch {
	case s.eq(j, "is"):
		j++
	case s.toks[j].punct('\'') && s.toks[j].gap == gapNone && s.eq(j+1, "s"):
		j += 2
	case s.eq(j, "'s") || s.eq(j, "’s"):
		j++
	default:
		return
	}
	if j >= len(s.toks) || s.toks[j].gap != gapSpace || !s.toks[j].letters() || s.toks[j].upper() {
		return
	}
	e, named := -1, 0
	for k := j; k < len(s.toks) && k < j+4; k++ {
		t := &s.toks[k]
		if k > j && t.gap != gapSpace || !t.letters() || t.upper() || nameIsWords[s.lower(k)] ||
			t.lex&(lxMonth|lxWeekday|lxMedical|lxTitle|lxTitleClin|lxRelation) != 0 {
			break
		}
		e = k
		if t.lex&(lxFirst|lxSur) != 0 || t.gaz&(gzFirst|gzSur) != 0 || !s.englishTok(k) {
			named++
		}
	}
	// One word on a list or of no English, or more words most of them so;
	// one word of English only as a given name ("her name is summer"; "my
	// name is long so ..." is a surname's word).
	if e < 0 || named == 0 || e > j && 2*named < e-j+1 {
		return
	}
	if e == j && s.englishTok(j) && s.toks[j].lex&lxFirst == 0 && s.toks[j].gaz&gzFirst == 0 {
		return
	}
	s.late = append(s.late, Span{Start: int(s.toks[j].s), End: int(s.toks[e].e), Type: Name})
}

// titleInitialsAt: a title, initials written without their dots and a
// surname ("cc: Mr M I Hussain", "Dr A K Sharma"): the initials are the
// person's. A late rule: the main pass reads dotted initials only.
func (s *scan) titleInitialsAt(i int) {
	if i+2 >= len(s.toks) || !s.toks[i].capWord() || !s.toks[i].is(lxTitle|lxTitleClin) {
		return
	}
	j := i + 1
	if s.toks[j].punct('.') && s.toks[j].gap == gapNone {
		j++
	}
	k := j
	for k < len(s.toks) && k < j+3 && s.toks[k].gap == gapSpace && s.toks[k].letters() && s.toks[k].n() == 1 && s.toks[k].upper() {
		k++
	}
	if k == j || k >= len(s.toks) || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].n() < 2 ||
		s.toks[k].lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxTitle|lxTitleClin|lxCredential) != 0 {
		return
	}
	if s.eq(j, "i") && k == j+1 {
		return // "Dr I Think": no name
	}
	s.late = append(s.late, Span{Start: int(s.toks[j].s), End: int(s.toks[s.hyphenatedEnd(k)].e), Type: Name})
}

// imAt: "i'm" or "im" at token i; it returns the token after it, or -1.
func (s *scan) imAt(i int) int {
	if i >= len(s.toks) {
		return -1
	}
	if s.eq(i, "im") {
		return i + 1
	}
	if s.eq(i, "i") && i+2 < len(s.toks) && (s.toks[i+1].punct('\'') || s.eq(i+1, "’")) && s.toks[i+1].gap == gapNone &&
		s.eq(i+2, "m") && s.toks[i+2].gap == gapNone {
		return i + 3
	}
	return -1
}

// imIntroAt: a speaker says who she is in lower case, with what makes the
// word a name rather than a state: the name said twice ("i'm hina, hina
// qureshi"), a surname after it ("i'm tou vang i'm her husband"), or what
// she is to the patient next ("i'm charity i'm the np"). The word is on a
// list of given names or no word of English ("i'm tired i'm the one who
// called" stays). A late rule.
func (s *scan) imIntroAt(i int) {
	w := s.imAt(i)
	if w < 0 || w >= len(s.toks) || s.toks[w].gap != gapSpace || !s.toks[w].letters() || s.toks[w].upper() {
		return
	}
	tw := &s.toks[w]
	if nameIsWords[s.lower(w)] || tw.lex&(lxMonth|lxWeekday|lxMedical|lxTitle|lxTitleClin|lxRelation) != 0 ||
		s.englishTok(w) && tw.lex&lxFirst == 0 && tw.gaz&gzFirst == 0 {
		return
	}
	x := w + 1
	if x < len(s.toks) && s.toks[x].punct(',') {
		x++
	}
	if x >= len(s.toks) || s.toks[x].gap == gapLine {
		return
	}
	end := w
	switch {
	case s.lower(x) == s.lower(w):
		// Said twice: "hina, hina qureshi".
		s.late = append(s.late, Span{Start: int(tw.s), End: int(tw.e), Type: Name})
		end = x
		if n := x + 1; n < len(s.toks) && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() &&
			(s.toks[n].lex&lxSur != 0 || s.toks[n].gaz&gzSur != 0 || !s.englishTok(n)) && !nameIsWords[s.lower(n)] {
			end = n
		}
		s.late = append(s.late, Span{Start: int(s.toks[x].s), End: int(s.toks[end].e), Type: Name})
		return
	case s.toks[x].letters() && !s.toks[x].upper() && x == w+1 && !nameIsWords[s.lower(x)] &&
		s.toks[x].lex&(lxMonth|lxWeekday|lxMedical|lxTitle|lxTitleClin|lxRelation|lxCommon) == 0 &&
		(s.toks[x].lex&lxSur != 0 || s.toks[x].gaz&gzSur != 0 || !s.englishTok(x)):
		// A surname after it.
		end = x
		if m := s.imAt(x + 1); m < 0 && !s.clauseEndAfter(x) && !(x+1 < len(s.toks) && s.toks[x+1].punct(',')) {
			return
		}
	default:
		// What she is next: "i'm charity i'm the np"; the word on a list of
		// given names ("i'm postmenopausal the nurse said" stays).
		if tw.lex&lxFirst == 0 && tw.gaz&gzFirst == 0 {
			return
		}
		m := s.imAt(x)
		if m < 0 {
			m = x
		}
		if m >= len(s.toks) {
			return
		}
		switch s.lower(m) {
		case "the", "her", "his", "their", "your", "a":
		default:
			return
		}
		n := s.next(m)
		if n < 0 {
			return
		}
		if w := s.lower(n); !(s.toks[n].is(lxRelation) || personRole(w) || w == "np" || w == "pa" || w == "rn") {
			return
		}
	}
	s.late = append(s.late, Span{Start: int(tw.s), End: int(s.toks[end].e), Type: Name})
}

// initialsVerbs are what a clinician does "by" her initials at a record
// line's end: "Critical value called to D. PEEBLES RN at 0615 by TMH".
var initialsVerbs = wordsOf("called notified verified read reported paged discussed reviewed transcribed dictated entered signed " +
	"cosigned witnessed performed seen")

// serviceInitials are services, units and roles written in capitals as
// initials are: after "by" or before a credential they are no person.
var serviceInitials = wordsOf("ems icu pt ot st slp er ed or gi ent ir nicu picu ccu pacu rt sw cm pcp np rn md pa do ccm " +
	"lpn cna crna ma hr it us uk er ob gyn ems fd pd cps dcfs va")

// initialsStampAt: two or three capitals that sign a line, a clinician's
// initials: before a comma and a credential ("NW, RN"), before a
// credential in parentheses ("by KT (NP)"), or after "by" ending a line
// that says what was done ("... called ... by TMH"). No service, unit or
// word of the lexicon. A late rule.
func (s *scan) initialsStampAt(i int) {
	t := &s.toks[i]
	if !t.letters() || !t.allUpper() || t.n() < 2 || t.n() > 3 || t.lex != 0 || serviceInitials[s.lower(i)] {
		return
	}
	if i > 0 && s.toks[i].gap == gapNone && !s.toks[i-1].punct('(') {
		return
	}
	cred := func(k int) bool {
		return k < len(s.toks) && s.toks[k].is(lxCredential) && s.toks[k].upper() && !ambiguousCredentials[s.lower(k)]
	}
	n := i + 1
	switch {
	case n+1 < len(s.toks) && s.toks[n].punct(',') && s.toks[n].gap == gapNone && cred(n+1):
	case n+2 < len(s.toks) && s.toks[n].punct('(') && cred(n+1) && s.toks[n+2].punct(')'):
	case i > 0 && s.eq(i-1, "by") && (n >= len(s.toks) || s.toks[n].gap == gapLine || s.toks[n].punct('.') && (n+1 >= len(s.toks) || s.toks[n+1].gap == gapLine)):
		verb := false
		for k := s.lineHead(i); k < i && !verb; k++ {
			verb = s.toks[k].letters() && initialsVerbs[s.lower(k)]
		}
		if !verb {
			return
		}
	default:
		return
	}
	s.late = append(s.late, Span{Start: int(t.s), End: int(t.e), Type: Name})
}

// sisterTitleAt: "Sr" or "Sr." as a nursing sister's title before a
// surname ("Follow-up with Sr Abrahams", "Seen by Sr. Mokoena"), where no
// capitalized word goes before it ("John Smith Sr" is a generation; "SR",
// a senior resident, stays). A late rule: the title lists leave "Sr" out.
func (s *scan) sisterTitleAt(i int) {
	if !s.eq(i, "sr") || s.toks[i].allUpper() || !s.toks[i].capWord() || i+1 >= len(s.toks) {
		return
	}
	if p := s.sameLinePrev(i); p >= 0 && s.toks[p].capWord() && s.toks[i].gap == gapSpace {
		return
	}
	k := i + 1
	if s.toks[k].punct('.') && s.toks[k].gap == gapNone {
		k++
	}
	if k >= len(s.toks) || s.toks[k].gap != gapSpace || !s.toks[k].capWord() || s.toks[k].allUpper() || s.toks[k].n() < 3 {
		return
	}
	t := &s.toks[k]
	if t.lex&(lxMonth|lxWeekday|lxTitle|lxTitleClin|lxMedical|lxCommon|lxState|lxCity|lxFacility) != 0 ||
		s.englishTok(k) && t.lex&lxSur == 0 && t.gaz&gzSur == 0 {
		return
	}
	s.late = append(s.late, Span{Start: int(t.s), End: int(s.toks[s.hyphenatedEnd(k)].e), Type: Name})
}
