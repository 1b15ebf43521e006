package deid

// inPlaceWord (a late rule): in a lower-case transcript, one word on no
// list (or two, the second a place's kind or on no list either: "in
// titahi bay", "in nowy targ") after "in", "from", "near" or "at" (not
// after a verb of looking or shouting at someone), or Spanish and
// Portuguese "en", "em", that ends its clause or comes before a comma
// ("still weaving in laveen", "we live in sells,"), where no list knows
// the word as English, clinical or a name, and it is no country,
// language or Latin phrase's word (notInPlaceWords), no chain
// (chainWords), no clinical short form ("from chemo"), not shaped like an
// adjective ("from interventional") and no English word misspelled by a
// letter ("pain in abdomin", "in hospitl").
func (s *scan) inPlaceWord(spans []Span) {
	for i := 1; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.letters() || t.upper() || t.n() < 4 || t.gap != gapSpace || !s.toks[i-1].letters() {
			continue
		}
		switch s.lower(i - 1) {
		case "in", "from", "near", "en", "em":
		case "at":
			// "the laser at ain shams today", "nineteen months at jessup";
			// not a person looked or shouted at.
			if atPersonVerbs[s.prevWordAt(i-1, 1)] {
				continue
			}
		default:
			continue
		}
		if !s.lowerLine(i) || inSpans(spans, int(t.s)) || !s.inPlaceCandidate(i) {
			continue
		}
		if q := i - 2; q >= 0 && s.eq(q, "still") && s.eq(i-1, "in") && !s.residentBefore(q) {
			continue // "the baby's still in scbu", "i'm still in trackies": a state, not a home
		}
		e := i
		if n := i + 1; n < len(s.toks) && s.toks[n].gap == gapSpace && s.toks[n].letters() && !s.toks[n].upper() &&
			(placeKindWords[s.lower(n)] || s.inPlaceCandidate(n)) {
			e = n // "in titahi bay", "in cabo rojo"
		}
		if n := e + 1; n < len(s.toks) && !(s.toks[n].punct(',') || s.toks[n].punct('.') || s.toks[n].punct('?') ||
			s.toks[n].gap == gapLine || s.toks[n].letters() && inPlaceAfter[s.lower(n)]) {
			continue
		}
		s.late = append(s.late, Span{Start: int(t.s), End: int(s.toks[e].e), Type: Location})
		i = e
	}
}

// inPlaceCandidate: token k is a word of four letters or more on no list
// that inPlaceWord could take for a place.
func (s *scan) inPlaceCandidate(k int) bool {
	t := &s.toks[k]
	w := s.lower(k)
	return t.letters() && t.n() >= 4 && !s.englishTok(k) && !s.englishLooking(k) && !s.pluralOfWord(k) && t.lex == 0 &&
		t.gaz&(gzFirst|gzWord) == 0 && !s.isKnown(k) && !notInPlaceWords[w] && !chainWords[w] && !clinicalShortForms[w] &&
		!adjectiveShaped(w) && !nearEnglish(w)
}

// atPersonVerbs before "at" make what follows a person: "look at", "mad
// at", "yelled at".
var atPersonVerbs = wordsOf("look looked looking looks stare stared staring glance glanced yell yelled yelling shout shouted " +
	"shouting scream screamed mad angry upset laugh laughed laughing smile smiled smiling point pointed pointing wave waved " +
	"waving swear swore snap snapped bark barked grin grinned nod nodded aim aimed throw threw")

// placeKindWords end a place's name of two words ("titahi bay", "wainui
// beach", "kerikeri falls").
var placeKindWords = wordsOf("bay beach falls springs creek heights hills valley point city town village park harbour harbor " +
	"island islands river lake")

// inPlaceAfter open what is said after a place ("in kilcoole and he visits",
// "in laveen with my daughter", "you're in aranui still?").
var inPlaceAfter = wordsOf("in on at for since last now today yesterday with and but when where so because till until every " +
	"years ago still too anymore")

// notInPlaceWords follow "in" or "from" but name no place smaller than a
// state: countries (which Safe Harbor leaves), languages ("in kreyol",
// "in dari"), faiths ("allowed in islam"), Latin ("in utero", "in
// situ") and Spanish and Portuguese words said after "en" or "em"
// ("¿en cuál iglesia?", "en casa", "em jejum").
var notInPlaceWords = wordsOf("afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan " +
	"bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei " +
	"bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia " +
	"denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia " +
	"germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq " +
	"ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon " +
	"lesotho liberia libya lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius " +
	"mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal " +
	"netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland " +
	"portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia " +
	"spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia " +
	"turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe " +
	"england scotland wales tibet kurdistan somaliland " +
	"kreyol kreyòl creole dari pashto farsi urdu punjabi hindi bangla bengali nepali tigrinya amharic oromo somali " +
	"swahili kiswahili kinyarwanda kirundi lingala wolof yoruba igbo hausa twi tagalog ilocano cebuano visayan " +
	"hmong karen burmese khmer lao thai vietnamese cantonese mandarin hokkien teochew toishanese korean japanese " +
	"arabic hebrew yiddish russian ukrainian polish romanian portuguese spanish french italian german greek " +
	"albanian armenian georgian turkish kurdish navajo diné yupik yugtun inupiaq lakota ojibwe cree samoan tongan " +
	"chuukese marshallese māori maori patois gujarati marathi tamil telugu malayalam kannada sinhala " +
	"utero situ vivo vitro toto extremis loco vacuo absentia camera " +
	"islam christianity " +
	"cuál cual qué que dónde donde cuándo cuando cómo como quién quien casa esta este esto eso esa ese todo toda nada algo " +
	"mismo misma ayunas serio verdad " +
	"jejum campo cama trabajo trabalho escuela escola iglesia igreja misa missa consulta tratamiento tratamento " +
	"dieta silla cadeira")

// chainWords are chains and suppliers a patient buys from, which the
// corpora leave bare ("a donut from dunkin", "oxygen from lincare"); as
// an employer they are places, which other rules find.
var chainWords = wordsOf("dunkin aldi lidl asda tesco sainsburys morrisons waitrose costco kroger publix safeway meijer " +
	"wegmans walgreens starbucks mcdonalds wendys chipotle amazon vitalaire lincare apria adapthealth davita fresenius " +
	"nandos greggs subway")

// adjectiveShaped: the word ends as English adjectives, fields and
// faiths do ("interventional", "cardiology", "sikhism").
func adjectiveShaped(w string) bool {
	for _, suf := range []string{"ional", "ology", "ological", "ive", "ous", "ic", "ical", "ism"} {
		if len(w) > len(suf)+2 && w[len(w)-len(suf):] == suf {
			return true
		}
	}
	return false
}

// clinicalShortForms are the clipped words of the wards and clinics said
// after "in" or "from" ("weight loss from chemo", "he's in obs"), and the
// places on the chest a murmur is heard at ("sem at rusb").
var clinicalShortForms = wordsOf("chemo chemotherapy radiotherapy obs peds paeds onc oncol ortho neuro cardio psych " +
	"derm rehab physio resus theatre recovery triage labor labour delivery postop preop periop icu nicu picu ccu " +
	"hdu pacu dialysis hospice respite ambo urgent " +
	"rusb lusb rlsb llsb lsb rsb lmcl pmi")

// nearEnglish: w, seven letters or more, is one letter off an English word:
// one left out, one too many, one changed or two swapped ("abdomin",
// "hospitl", "diabetis").
func nearEnglish(w string) bool {
	if len(w) < 7 {
		return false
	}
	eng := englishWords()
	has := func(x string) bool { _, ok := eng[x]; return ok }
	b := []byte(w)
	for k := range b {
		if has(w[:k] + w[k+1:]) {
			return true // one too many
		}
		if k+1 < len(b) {
			b[k], b[k+1] = b[k+1], b[k]
			ok := has(string(b))
			b[k], b[k+1] = b[k+1], b[k]
			if ok {
				return true // two swapped
			}
		}
	}
	for k := 0; k <= len(b); k++ {
		for c := byte('a'); c <= 'z'; c++ {
			if has(w[:k] + string(c) + w[k:]) {
				return true // one left out
			}
			if k < len(b) && c != b[k] && has(w[:k]+string(c)+w[k+1:]) {
				return true // one changed
			}
		}
	}
	return false
}
