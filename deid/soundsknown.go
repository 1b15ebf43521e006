package deid

import "strings"

// A supplied name written as it sounds: transcribers and typists spell a
// name the way they hear it ("jon" for John, "kathryn" for Catherine,
// "geoffrey" for Jeffrey, "muhammad" for Mohammed, "carrie" for Kari),
// often more than one letter away from the platform's spelling. A word is
// taken for a supplied name part when both read to the same sound key
// (soundKey) and the word is a name of the lists and no other word, or a
// word of no list where the context names a person (a title, a relation
// word, a greeting, an introduction). An English word that sounds like a
// name ("well" for Will, "down" for Dawn) stays.

// soundKey appends to dst a rough phonetic key of the lower-case ASCII
// word w: the consonants as they sound (c before e, i, y as s, else k; ph
// and v as f; soft g as j; d as t; z as s; ck, q as k; x as ks; sh and ch
// as x),
// silent h and w dropped, doubled sounds once, and no vowels after the
// first letter (a first vowel is "a"). It returns nil for a word with a
// byte other than a-z.
func soundKey(dst []byte, w string) []byte {
	last := byte(0)
	put := func(c byte) {
		if c != last {
			dst = append(dst, c)
			last = c
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return nil
		}
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		vowel := func(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y' }
		switch {
		case vowel(c):
			if len(dst) == 0 {
				put('a') // a first vowel; later ones are dropped ("anna" and "ana" read alike)
			}
		case c == 'p' && next == 'h':
			put('f')
			i++
		case (c == 'c' || c == 's') && next == 'z':
			put('x') // Polish "cz", "sz": "kowalczyk" as "kovalchik"
			i++
		case (c == 's' || c == 'c') && next == 'h':
			if c == 'c' && i+2 < len(w) && w[i+2] == 'r' {
				put('k') // "christopher"
			} else {
				put('x')
			}
			i++
		case c == 't' && next == 'h':
			put('t')
			i++
		case c == 't' && next == 'c' && i+2 < len(w) && w[i+2] == 'h':
			// "tch" sounds as "ch": "voytovitch", "mitchell"
		case c == 'c':
			if next == 'e' || next == 'i' || next == 'y' {
				put('s')
			} else {
				put('k')
			}
			if next == 'k' {
				i++
			}
		case c == 'g':
			if next == 'h' {
				i++ // "leigh", "hugh": silent
				continue
			}
			if (next == 'e' || next == 'i' || next == 'y') && i > 0 || i == 0 && (next == 'e' || next == 'y') {
				put('j')
			} else {
				put('g')
			}
		case c == 'q':
			put('k')
		case c == 'x':
			put('k')
			put('s')
		case c == 'z':
			put('s')
		case c == 'd':
			put('t')
		case c == 'v':
			put('f') // "steven", "stephen"
		case c == 'h':
			if i == 0 && vowel(next) {
				put('h')
			}
		case c == 'w':
			// Before a vowel w sounds as in "wade", or as v in the Slavic
			// and German names transcribers spell with v ("wojtowicz" as
			// "voytovich"): either way f, as v is. Elsewhere silent
			// ("bowman", "lowry").
			if vowel(next) {
				put('f')
			}
		case c == 'j' && i > 0 && !vowel(next):
			// j before a consonant is a vowel ("wojtowicz", "bojko").
		case (c == 'm' || c == 'n') && i > 0 && vowel(w[i-1]) && (next == 'b' || next == 'p'):
			// A nasal vowel before a lip sound: the Polish "ą" and "ę"
			// are said "om" and "em" there, and the spelling without the
			// mark drops them ("dąbrowski", written "dabrowski", said
			// "dombrowski"; "zięba" said "ziemba").
		default:
			put(c)
		}
	}
	return dst
}

// soundsKnown: token i is a supplied name part written as it sounds. It
// adds the mention and reports whether it did. nameOnly: the word is a
// given name or surname of the lists and on no other list.
func (s *scan) soundsKnown(i int, nameOnly bool) bool {
	t := &s.toks[i]
	if !t.letters() || t.n() < 3 || t.n() > 12 || t.shape&shNonASCII != 0 || s.isKnown(i) {
		return false
	}
	upper := t.upper() && !t.allUpper()
	listedWord := t.lex&(lxCommon|lxMedical|lxMonth|lxWeekday|lxUnitWord|lxTitle|lxTitleClin|lxState|lxCountry|lxCity|lxCue|lxCredential|lxRelation) != 0 ||
		t.gaz&gzWord != 0
	unknown := t.lex == 0 && t.gaz&^(gzFirst|gzSur) == 0
	nameOnly = nameOnly || unknown && t.gaz != 0 // a census name of no other list
	if listedWord || !(nameOnly || unknown || upper && t.lex&^(lxFirst|lxSur|lxFirstAmb|lxSurAmb) == 0) {
		return false
	}
	if t.lex&lxEponymName != 0 || s.eponymAfter(i) {
		return false // "murphy's sign" is no "Merwe"
	}
	w := s.lower(i)
	if s.englishTok(i) {
		return false // "sunny", "rusty": a word too, whatever the name lists say
	}
	var kb, pb [16]byte
	key := soundKey(kb[:0], w)
	if len(key) < 2 {
		return false
	}
	k := s.kn()
	for _, kw := range k.words {
		if len(kw) < 3 || kw == w || len(kw)-len(w) > 3 || len(w)-len(kw) > 3 {
			continue
		}
		pk := soundKey(pb[:0], kw)
		if string(pk) != string(key) {
			continue
		}
		p := k.parts[kw]
		// A word of no list is taken only where a person is named, or
		// when it is long and carries four sounds of the part's: "it's
		// kovalchik don't worry" for Kowalczyk, where no word names a
		// person; a chance match of a word no list holds is unlikely at
		// that length.
		long := unknown && t.n() >= 6 && len(key) >= 4
		if !nameOnly && !upper && !long && !(s.titleBefore(i) || s.relationBefore(i) || s.introBefore(i) || s.greetingBefore(i, p)) {
			continue
		}
		s.knownAt(i, p.cls)
		s.heard = append(s.heard, heardName{at: i, cls: p.cls})
		return true
	}
	return s.vocativeHeard(i, unknown)
}

// vocativeHeard: a word of no list and no English, addressed to the
// person at the start of a turn and set off by a comma ("so neeve, what
// brings you in", "sersha, any allergies"), is a supplied name the
// transcriber spelt as it sounds, in an orthography the sound key does not
// read (Irish "Niamh", "Saoirse", "Seamus"), when it opens with the same
// letter as a supplied part and is about as long. The clinical words a
// clinician addresses a turn with are on the lists.
func (s *scan) vocativeHeard(i int, unknown bool) bool {
	t := &s.toks[i]
	if !unknown || t.upper() || t.n() < 4 || t.n() > 9 || t.gaz != 0 {
		return false
	}
	if n := s.next(i); n < 0 || !s.toks[n].punct(',') || s.toks[n].gap != gapNone {
		return false
	}
	if !s.turnStart(i) {
		switch s.prevWordAt(i, 1) {
		case "so", "ok", "okay", "alright", "and", "hi", "hey", "hello", "well", "now":
			if !s.turnStart(s.sameLinePrev(i)) {
				return false
			}
		default:
			return false
		}
	}
	w := s.lower(i)
	var kb, pb [24]byte
	key := looseKey(kb[:0], w)
	if len(key) < 2 {
		return false
	}
	for _, kw := range s.kn().words {
		if len(kw) < 4 || kw[0] != w[0] || len(kw)-len(w) > 3 || len(w)-len(kw) > 3 {
			continue
		}
		if pk := looseKey(pb[:0], kw); !withinOneEdit(string(pk), string(key)) {
			continue // "so cardizem, any swelling" is no Carla
		}
		p := s.kn().parts[kw]
		s.knownAt(i, p.cls)
		s.heard = append(s.heard, heardName{at: i, cls: p.cls})
		return true
	}
	return false
}

// heardName is a token taken by soundsKnown.
type heardName struct {
	at  int
	cls NameClass
}

// heardAgain adds the other occurrences of a word taken by soundsKnown
// where the context named a person: "patient: it's kaz" makes "kaz
// sorry, so the biopsy" the same person's name. Only words of no list,
// so an English word stays where it is a word.
func (s *scan) heardAgain() {
	for _, h := range s.heard {
		w := s.lower(h.at)
		for i := range s.toks {
			t := &s.toks[i]
			if i == h.at || !t.letters() || t.n() != len(w) || t.lex != 0 || t.gaz&gzWord != 0 || s.isKnown(i) || s.lowerAny(i) != w {
				continue
			}
			s.knownAt(i, h.cls)
		}
	}
}

// soundsKnownRun: a supplied name said syllable by syllable, as a
// transcriber writes what it heard ("see oh ban" for Siobhan, "ez a kune"
// for Ezeakunne): two or three short lower-case words that are a whole
// turn, or close a turn after "it's", "like", "pronounced", "sorry" or a
// title ("who's dr voy toe vitch"), or correct it after "close", "almost"
// or "actually" ("close, kowal chick"), read together to the sound key
// (soundKey) of a supplied part of five letters or more, which holds the
// same first sound. It adds the run and reports whether it did.
func (s *scan) soundsKnownRun(i int) bool {
	if !s.turnStart(i) && !s.titleBefore(i) {
		p := s.prevWordAt(i, 1)
		if p == "," {
			p = s.prevWordAt(i, 2) // "close, kowal chick": the correction after a comma
		}
		switch p {
		case "it's", "like", "pronounced", "say", "said", "sorry", "close", "almost", "actually":
		default:
			return false
		}
	}
	var b [40]byte
	w := b[:0]
	end := -1
	for k, n := i, 0; k >= 0 && n < 3; k, n = s.next(k), n+1 {
		t := &s.toks[k]
		if !t.letters() || t.upper() || t.n() > 5 || t.shape&shNonASCII != 0 || s.isKnown(k) {
			break
		}
		w = append(w, s.lower(k)...)
		if n >= 1 && s.clauseEndAfter(k) {
			end = k
			break
		}
	}
	if end < 0 || len(w) < 5 {
		return false
	}
	// Words of English only ("see you then" for Sutton) need the person's
	// answer: "that's me", "close", "almost", "that's right".
	foreign := false
	for k := i; k >= 0 && k <= end; k = s.next(k) {
		if eng := s.englishTok(k); !eng && !unitWordsAny(s.lower(k)) {
			foreign = true
		}
		if k == end {
			break
		}
	}
	if !foreign && !s.answeredAsName(end) {
		return false
	}
	var kb, pb [24]byte
	key := soundKey(kb[:0], string(w))
	if len(key) < 3 {
		return false
	}
	for _, kw := range s.kn().words {
		if len(kw) < 5 || len(kw)-len(w) > 3 || len(w)-len(kw) > 3 {
			continue
		}
		// The same first sound, which the key's first byte is ("wojtowicz"
		// and "voy toe vitch" open with v).
		if string(soundKey(pb[:0], kw)) == string(key) {
			s.addName(i, end, s.kn().parts[kw].cls)
			return true
		}
	}
	return false
}

// unitWordsAny: a letter read out or a filler that spells a syllable ("a",
// "oh", "eh").
func unitWordsAny(w string) bool {
	return len(w) <= 2
}

// answeredAsName: the next turn, after token end's line, opens with what a
// person says of their own name said back: "that's me", "close", "almost",
// "that's right", "correct", "sort of".
func (s *scan) answeredAsName(end int) bool {
	n := end + 1
	for n < len(s.toks) && s.toks[n].gap != gapLine {
		n++
	}
	for k := n; k < len(s.toks) && k < n+6; k++ {
		if !(s.toks[k].punct(':') || s.toks[k].punct(']')) {
			continue
		}
		var buf [2]string
		ws := s.wordsAfterInto(buf[:0], k, 2)
		if len(ws) == 0 {
			return false
		}
		switch ws[0] {
		case "close", "almost", "correct", "exactly", "perfect":
			return true
		case "that's", "thats":
			return len(ws) > 1 && (ws[1] == "me" || ws[1] == "right" || ws[1] == "it" || ws[1] == "close")
		case "sort", "kind":
			return len(ws) > 1 && ws[1] == "of"
		}
		return false
	}
	return false
}

// looseKey is soundKey read more loosely, for a word addressed to the
// person: "mh" and "bh" as v (Irish "Niamh" said "neeve"), and sh as s
// ("Seamus" said "shaymus", "Saoirse" said "sersha").
func looseKey(dst []byte, w string) []byte {
	w = strings.NewReplacer("mh", "v", "bh", "v").Replace(w)
	dst = soundKey(dst, w)
	for j, c := range dst {
		if c == 'x' {
			dst[j] = 's'
		}
	}
	return dst
}

// withinOneEdit: a and b differ by at most one inserted, deleted or
// replaced byte.
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+min(1, len(a)-i):] == b[i+min(1, len(b)-i):]
	}
	return a[i:] == b[i+1:]
}
