package deid

// Everyday phrases whose words are also names or places, found as a name
// or a place where nothing names a person: "good morning young man", "to
// whom it may concern", "her mother-in-law's number", "her eyes are
// hazel", "quick one", "his endo is dr rasmussen", "the holy trinity",
// "a tower crane", "the knights of columbus", "braxton hicks". A title
// before the span or a supplied name keeps it (freeLookalike asks first).

// youngNouns follow "young" where it says an age, not a surname.
var youngNouns = wordsOf("man men lady ladies woman women fella fellow fellas lad lads one ones people gentleman " +
	"gentlemen thing things kid kids guy guys adult adults patient patients girl girls boy boys person")

// eyeColours are colours eyes are said to be, also given names.
var eyeColours = wordsOf("hazel amber brown blue green grey gray violet")

// quickNouns follow "quick" in a request.
var quickNouns = wordsOf("one question thing note look check call favor favour update")

// specialtyShorts are services said short, also names ("endo", "derm").
var specialtyShorts = wordsOf("endo cardio ortho neuro pulm onc derm rheum nephro uro gyn peds psych heme ent")

// frankNouns follow "frank" where it says plain to see.
var frankNouns = wordsOf("blood bleeding pus hematuria haematuria hemoptysis haemoptysis melena hematochezia purulence " +
	"confusion delirium psychosis rupture perforation peritonitis")

// hindiWords are words of Hindi said in a lower-case transcript (verbs,
// question words, particles) that are also names elsewhere ("hai").
var hindiWords = wordsOf("hai hain tha thi kya nahi nahin theek thik accha acha haan bahut dard kab kahan kaise aap " +
	"mera meri hum taklif ho raha rahi gaya abhi thoda thodi bas aur lekin kyun kuch sab yeh woh")

// hindiClause: tokens st..en are lower-case words of Hindi, with another
// on their line ("theek hai", "kya dard hai abhi").
func (s *scan) hindiClause(st, en int) bool {
	for k := st; k <= en; k++ {
		if !s.toks[k].letters() || s.toks[k].upper() || !hindiWords[s.lower(k)] {
			return false
		}
	}
	h := s.lineHead(st)
	for k := h; k < len(s.toks) && (k == h || s.toks[k].gap != gapLine); k++ {
		if (k < st || k > en) && s.toks[k].letters() && hindiWords[s.lower(k)] {
			return true
		}
	}
	return false
}

// lookalikePhrases name no one and nowhere, whatever their words are.
var lookalikePhrases = [][]string{
	{"holy", "trinity"}, {"holy", "spirit"}, {"holy", "ghost"}, {"tower", "crane"}, {"knights", "of", "columbus"},
	{"whom", "it", "may", "concern"},
}

// eponymPhrases are named things that are also whole names of people:
// they stay only where the words before speak of the thing ("probably
// braxton hicks", "(not Ramsay Hunt)", "dexamethasone), Bair Hugger";
// "Ramsay Hunt is a 67 year old man", "Patient: Braxton Hicks" are
// people).
var eponymPhrases = [][]string{{"braxton", "hicks"}, {"ramsay", "hunt"}, {"bair", "hugger"}}

// eponymPhraseCues come before an eponymous phrase that names the thing.
var eponymPhraseCues = wordsOf("not probably likely like possible possibly vs versus of consistent suggest suggests " +
	"suggestive think thinking some having had more applied placed a the few occasional any those")

// phraseWords are the words of lookalikePhrases and eponymPhrases: a span
// whose first word is none of them lies in no such phrase.
var phraseWords = func() map[string]bool {
	m := map[string]bool{}
	for _, ph := range append(append([][]string{}, lookalikePhrases...), eponymPhrases...) {
		for _, w := range ph {
			m[w] = true
		}
	}
	return m
}()

// phraseLookalike: tokens st..en, found as a name or a place, are words of
// an everyday phrase.
func (s *scan) phraseLookalike(st, en int) bool {
	if s.hindiClause(st, en) {
		return true
	}
	if st == en {
		w := s.lower(st)
		switch {
		case w == "young":
			return youngNouns[s.nextWordAt(st)]
		case w == "quick":
			return quickNouns[s.nextWordAt(st)]
		case w == "law":
			// "mother-in-law's": the tokenizer splits the hyphens.
			return st >= 2 && s.toks[st-1].punct('-') && s.toks[st].gap == gapNone && s.eq(st-2, "in")
		case eyeColours[w]:
			for k, n := s.sameLinePrev(st), 0; k >= 0 && n < 3; k, n = s.sameLinePrev(k), n+1 {
				if s.eq(k, "eyes") || s.eq(k, "eye") || s.eq(k, "iris") || s.eq(k, "irises") {
					return true
				}
			}
		case specialtyShorts[w] && !s.toks[st].upper():
			return true
		case w == "frank" && !s.toks[st].upper():
			// "frank blood or pink", "frank pus": plain, the sign's word.
			return frankNouns[s.nextWordAt(st)]
		}
	}
	if !phraseWords[s.lower(st)] {
		return false // most spans stop here
	}
	if s.personAround(st) || s.relationAside(en) {
		return false // "Seen with Braxton Hicks, her uncle."
	}
	for _, ph := range lookalikePhrases {
		if s.inPhrase(st, en, ph) {
			return true
		}
	}
	for _, ph := range eponymPhrases {
		if s.inPhrase(st, en, ph) {
			p := s.sameLinePrev(st)
			return p >= 0 && (s.toks[p].letters() && eponymPhraseCues[s.lower(p)] || s.toks[p].punct(',') || s.toks[p].punct('('))
		}
	}
	return false
}

// inPhrase: tokens st..en lie in an occurrence of the phrase's words, on
// one line, punctuation between words passed over.
func (s *scan) inPhrase(st, en int, ph []string) bool {
	for i, w := range ph {
		if !s.eq(st, w) {
			continue
		}
		// st is the phrase's word i: walk back to its first word, then
		// forward over the rest.
		k := st
		ok := true
		for j := i - 1; j >= 0 && ok; j-- {
			k = s.prevWordTok(k)
			ok = k >= 0 && s.eq(k, ph[j])
		}
		if !ok {
			continue
		}
		k = st
		for j := i + 1; j < len(ph) && ok; j++ {
			k = s.nextWordTok(k)
			ok = k >= 0 && s.eq(k, ph[j])
		}
		if ok && en <= k {
			return true
		}
	}
	return false
}

// prevWordTok and nextWordTok: the word before or after token k on its
// line, over punctuation ("michael j. fox"), or -1.
func (s *scan) prevWordTok(k int) int {
	for k = s.sameLinePrev(k); k >= 0 && !s.toks[k].word(); k = s.sameLinePrev(k) {
	}
	return k
}

func (s *scan) nextWordTok(k int) int {
	for k = s.next(k); k > 0 && !s.toks[k].word(); k = s.next(k) {
	}
	return k
}
