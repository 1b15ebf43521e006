package deid

import "strings"

// Names spelled out letter by letter in speech ("can you spell that / h a
// l v o r s e n", "it's smith, s as in sam, m, i, t, h"): callers spell
// names, streets and e-mail addresses to front desks, nurse lines and
// pharmacies, and a transcript writes each letter as a word.

// spelledLetter: token k is one letter read out on its own, not the "s" of
// "it's" or the "d" of "i'd" glued to an apostrophe.
func (s *scan) spelledLetter(k int) bool {
	t := &s.toks[k]
	if !t.letters() || t.n() != 1 {
		return false
	}
	return !(k > 0 && t.gap == gapNone && s.toks[k-1].punct('\''))
}

// spelledRun reads letters spelled out from token i, one letter a word with
// spaces, commas or dashes between ("h u n t e r", "s, m, i, t, h"), a
// letter followed by "as in" and a word ("s as in sam"), "double" before a
// letter ("double l"). It appends the letters in lower case to w and
// returns them with the run's last token.
func (s *scan) spelledRun(i int, w []byte) ([]byte, int) {
	end := -1
	for k := i; k >= 0 && k < len(s.toks) && len(w) < 32; {
		if k > i && s.toks[k].gap == gapLine {
			break
		}
		t := &s.toks[k]
		switch {
		case k > i && end == k-1 && t.kind == tkPunct && (t.ch == ',' || t.ch == '-' || t.ch == '.'):
			k++
			continue
		case k > i && s.eq(k, "double"):
			n := s.next(k)
			if n < 0 || !s.spelledLetter(n) {
				return w, end
			}
			w = append(w, s.low[s.toks[n].s], s.low[s.toks[n].s])
			end, k = n, n+1
			continue
		case s.spelledLetter(k) && (k == i || t.gap != gapNone || end == k-2):
			w = append(w, s.low[t.s])
			end, k = k, k+1
			// "s as in sam": the word after "as in" only says which
			// letter.
			if a := s.next(end); a > 0 && s.eq(a, "as") && s.eq(a+1, "in") && a+2 < len(s.toks) &&
				s.toks[a+2].gap == gapSpace && s.toks[a+2].letters() {
				end, k = a+2, a+3
			}
			continue
		}
		break
	}
	return w, end
}

// spaceSpelledName: a name spelled out letter by letter with spaces
// between (spelledRun), which the words around say is a name: the word
// spelled was said just before ("caller hunter young h u n t e r"; both are
// the name), "spell" or "spelled" comes before it on its line or the line
// before ("can you spell that for me / sure, h a l v o r s e n"), a name's
// label does ("my last name is k o w a l c z y k"), or the letters make a
// listed given name or surname that is no English word ("m u l c a h y"),
// or, five letters or more, a word on no list at all ("o y e l a r a n").
// Letters that make a medical or English word or spell nothing said are
// left ("c o p d", "i v", "b i d").
func (s *scan) spaceSpelledName(i int) bool {
	if p := s.sameLinePrev(i); p >= 0 && s.spelledLetter(p) && s.toks[i].gap != gapLine {
		return false // inside a run that started earlier
	}
	var b [32]byte
	w, end := s.spelledRun(i, b[:0])
	if end < 0 || len(w) < 3 {
		return false
	}
	word := string(w)
	f, g := lookupString(word)
	listed := f&(lxFirst|lxSur|lxFirstAmb|lxSurAmb) != 0 || g&(gzFirst|gzSur|gzFirstAmb|gzSurAmb) != 0
	if len(w) <= 4 && f&(lxMedical|lxCue|lxUnitWord) != 0 && !listed {
		return false // an acronym or a cue spelled: "ekg is e k g", "name and m r n please"
	}
	// The word spelled, said in the twelve words before on this line or
	// the line before.
	lines := 0
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		if s.toks[k+1].gap == gapLine {
			if lines++; lines > 1 {
				break
			}
		}
		t := &s.toks[k]
		if t.letters() && t.n() == len(w) && s.lower(k) == string(w) {
			s.addName(k, k, PatientNames)
			// "hunter young h u n t e r": the surname said between the
			// given name and its spelling.
			if m := s.next(k); m > 0 && m+1 == i && s.toks[m].gap == gapSpace && s.toks[m].letters() && s.toks[m].n() >= 2 &&
				(s.toks[m].lex&(lxSur|lxSurAmb) != 0 || s.toks[m].gaz&(gzSur|gzSurAmb) != 0 || s.toks[m].lex == 0 && s.toks[m].gaz == 0) &&
				s.toks[m].lex&(lxMedical|lxMonth|lxWeekday|lxTitle|lxTitleClin|lxRelation|lxCue) == 0 && !s.tokIn(functionWordSet, m) {
				s.addName(m, m, PatientNames)
			}
			s.addName(i, end, PatientNames)
			s.rememberName(s.lowerAny(k), PatientNames)
			return true
		}
	}
	if f != 0 && !listed {
		return false // another listed word
	}
	if !listed && (englishWordLooking(word) || clinicalWordLooking(word)) {
		return false // a clinical or English word spelled: "d y s p h a g i a"
	}
	if s.spellingAsked(i) || s.nameLabelBefore(i) {
		s.addName(i, end, PatientNames)
		return true
	}
	if len(w) < 4 || !listed || g&gzWord != 0 {
		return false
	}
	if _, ok := englishWords()[word]; ok {
		return false
	}
	s.addName(i, end, PatientNames)
	return true
}

// spellingAsked: "spell", "spelled" or "spelling" before token i on its line
// (up to ten words back) or on the line before ("can you spell your last
// name" / "patient: o k a f o r").
func (s *scan) spellingAsked(i int) bool {
	lines := 0
	for k := i - 1; k >= 0 && k >= i-24; k-- {
		if s.toks[k+1].gap == gapLine {
			if lines++; lines > 1 {
				return false
			}
		}
		if lines == 0 && k < i-10 {
			continue
		}
		if s.eq(k, "spell") || s.eq(k, "spelled") || s.eq(k, "spelling") || s.eq(k, "spells") {
			return true
		}
	}
	return false
}

// nameLabelBefore: a name's label in the four words before token i on its
// line ("last name is", "first name", "surname", "name's", "my name is").
func (s *scan) nameLabelBefore(i int) bool {
	for k, n := s.sameLinePrev(i), 0; k >= 0 && n < 4; k, n = s.sameLinePrev(k), n+1 {
		if s.eq(k, "name") || s.eq(k, "surname") || s.eq(k, "names") {
			return true
		}
	}
	return false
}

// englishWordLooking: w, lower case, is an English word or ends as
// ordinary words do (englishSuffixes).
func englishWordLooking(w string) bool {
	if _, ok := englishWords()[w]; ok {
		return true
	}
	for _, suf := range englishSuffixesByLast[w[len(w)-1]] {
		if len(w) > len(suf)+2 && w[len(w)-len(suf):] == suf {
			return true
		}
	}
	return false
}

// clinicalEndings end the names of conditions and drugs that callers spell
// for a pharmacy or a form, and few names.
var clinicalEndings = []string{"agia", "algia", "uria", "opia", "oma", "emia", "ectasis", "pril", "olol", "statin",
	"sartan", "azole", "prazole", "mab", "nib", "cillin", "mycin", "cycline", "floxacin", "dipine", "tidine", "formin",
	"gliptin", "gliflozin", "glutide", "lukast", "triptan", "pam", "lam", "zepam", "tropin", "sone", "olone", "asone",
	"urea", "xone", "amine", "idine", "azine", "oxin"}

// clinicalWordLooking: w ends as the name of a condition or a drug does.
func clinicalWordLooking(w string) bool {
	for _, e := range clinicalEndings {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
