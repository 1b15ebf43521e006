package corpusgen

import (
	"fmt"
	"strings"

	"github.com/clinscribe/clinscribe/deid"
)

// cast is who and where one training document talks about.
type cast struct {
	female           bool
	pf, pl           string // patient
	rf, rl, rel      string // a relative and the relation word
	cf, cl           string // the clinician speaking
	c2f, c2l         string // another clinician
	town, town2      string
	fac, short, acr  string // a facility, its short form, an acronym facility
	abbr             string // a city nickname
	street           string // a street name without its suffix ("Copperleaf")
	age              int
	dobY, dobM, dobD int
}

func (g *gen) newCast() *cast {
	c := &cast{female: g.chance(0.5), pf: g.trainGivenName(), pl: g.trainSurname(), rf: g.trainGivenName(),
		cf: g.trainGivenName(), cl: g.trainSurname(), c2f: g.trainGivenName(), c2l: g.trainSurname(),
		town: g.town(), town2: g.town(), acr: g.acronym(), abbr: strings.ReplaceAll(cityAbbrs[g.r.IntN(len(cityAbbrs))], "_", " "),
		age: 19 + g.r.IntN(70)}
	c.rl = c.pl
	if g.chance(0.4) {
		c.rl = g.trainSurname()
	}
	c.rel = g.pick("daughter", "son", "wife", "husband", "sister", "brother", "mom", "dad", "neighbor", "friend",
		"grandson", "granddaughter", "niece", "nephew", "partner", "girlfriend", "boyfriend", "caregiver", "aunt", "uncle")
	c.fac, c.short = g.facility()
	c.street = g.streetName()
	c.dobY, c.dobM, c.dobD = 2026-c.age-1, 1+g.r.IntN(12), 1+g.r.IntN(28)
	return c
}

func (c *cast) known(g *gen) *deid.Known {
	kn := &deid.Known{PatientNames: []string{c.pf + " " + c.pl}}
	if g.chance(0.7) {
		kn.ProviderNames = []string{c.cf + " " + c.cl}
	}
	if g.chance(0.5) {
		kn.RelativeNames = []string{c.rf + " " + c.rl}
	}
	kn.BirthDate = fmt.Sprintf("%04d-%02d-%02d", c.dobY, c.dobM, c.dobD)
	return kn
}

var asrFillers = []string{"um", "uh", "you know", "like", "i mean", "so", "uh huh", "hmm", "well", "okay"}

// asrText lowers s and drops most punctuation, as speech recognition
// writes: "St. Mary's" → "st marys" or "saint mary's".
func (g *gen) asrText(s string) string {
	s = strings.ToLower(s)
	if strings.HasPrefix(s, "st. ") || strings.HasPrefix(s, "st ") {
		if g.chance(0.5) {
			s = "saint " + strings.TrimPrefix(strings.TrimPrefix(s, "st. "), "st ")
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '.', '!':
			if g.chance(0.9) {
				continue
			}
		case '?':
			if g.chance(0.7) {
				continue
			}
		case ',':
			if g.chance(0.6) {
				continue
			}
		case '\'':
			if g.chance(0.3) {
				continue
			}
		case '-':
			if g.chance(0.3) {
				c = ' '
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// say writes one utterance from pattern pat: words, and slots in braces
// ("hey {F}, how's the knee") that write the cast's names and places with
// their gold spans. In speech-recognition style (asr) everything is lower
// case with little punctuation, fillers and false starts.
func (g *gen) say(b *builder, c *cast, asr bool, pat string) {
	words := strings.Fields(pat)
	var recent []string
	for k, w := range words {
		if k > 0 {
			b.t(" ")
			if asr {
				switch {
				case g.chance(0.06):
					b.t(g.pick(asrFillers...), " ")
				case g.chance(0.03) && len(recent) > 0:
					n := min(len(recent), 1+g.r.IntN(2))
					b.t(strings.Join(recent[len(recent)-n:], " "), " ")
				}
			}
		}
		if strings.HasPrefix(w, "{") {
			i := strings.IndexByte(w, '}')
			g.slot(b, c, asr, w[1:i])
			suf := w[i+1:]
			if asr && !strings.HasPrefix(suf, "'") {
				// A possessive keeps its apostrophe, so the name stays a
				// word of its own.
				suf = g.asrText(suf)
			}
			b.t(suf)
			recent = recent[:0]
			continue
		}
		if asr {
			w = g.asrText(w)
		}
		b.t(w)
		recent = append(recent, w)
	}
}

// slot writes the value of one slot.
func (g *gen) slot(b *builder, c *cast, asr bool, name string) {
	v := func(s string) string {
		if asr {
			return g.asrText(s)
		}
		return s
	}
	name2 := func(s string) {
		b.p(deid.Name, v(s))
	}
	switch name {
	case "F":
		name2(c.pf)
	case "L":
		name2(c.pl)
	case "N":
		name2(c.pf + " " + c.pl)
	case "R":
		name2(c.rf)
	case "RN":
		name2(c.rf + " " + c.rl)
	case "C":
		name2(c.cl)
	case "CF":
		name2(c.cf)
	case "CN":
		name2(c.cf + " " + c.cl)
	case "C2":
		name2(c.c2l)
	case "C2F":
		name2(c.c2f)
	case "C2N":
		name2(c.c2f + " " + c.c2l)
	case "RL":
		name2(c.rl)
	case "I": // initial-first: "R. Okafor", "r okafor"
		ini := c.pf[:1]
		if g.chance(0.3) {
			ini += ". " + c.rf[:1]
		}
		name2(ini + ". " + c.pl)
	case "T":
		t := g.pick("Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms")
		if c.female && strings.HasPrefix(t, "Mr") && !strings.HasPrefix(t, "Mrs") {
			t = "Mrs."
		}
		if asr {
			t = g.pick(strings.ToLower(t), strings.ToLower(strings.TrimSuffix(t, ".")), "mister", "miss")
		}
		b.t(t)
	case "DR":
		if asr {
			b.t(g.pick("doctor", "dr", "dr.", "doc"))
		} else {
			b.t(g.pick("Dr.", "Dr", "Doctor"))
		}
	case "REL":
		b.t(c.rel)
	case "TOWN":
		b.p(deid.Location, v(c.town))
	case "TOWN2":
		b.p(deid.Location, v(c.town2))
	case "FAC":
		b.p(deid.Location, v(c.fac))
	case "SHORT":
		b.p(deid.Location, v(c.short))
	case "ACR":
		b.p(deid.Location, v(c.acr))
	case "ABBR":
		b.p(deid.Location, v(c.abbr))
	case "STN": // a street named without its suffix: "the pharmacy on copperleaf"
		b.p(deid.Location, v(c.street))
	case "ST": // a street with its suffix, written out as speech recognition does
		b.p(deid.Location, v(c.street+" "+g.pick("Street", "Avenue", "Road", "Drive", "Boulevard", "Lane", "Way", "Street")))
	case "PW": // an ordinary word in a place's position: "at home", "after school"
		b.t(v(strings.ReplaceAll(plainPlaceWords[g.r.IntN(len(plainPlaceWords))], "_", " ")))
	case "DOB":
		if asr {
			b.p(deid.Date, fmt.Sprintf("%s %s %s", strings.ToLower(months[c.dobM-1]), ordWords[c.dobD], spokenYear(c.dobY, false)))
		} else {
			b.p(deid.Date, fmt.Sprintf("%d/%d/%d", c.dobM, c.dobD, c.dobY))
		}
	case "AGE":
		if asr {
			b.t(twoWords(c.age, false, false))
		} else {
			b.t(fmt.Sprint(c.age))
		}
	case "ETH":
		b.t(v(ethnicities[g.r.IntN(len(ethnicities))]))
	case "EPO":
		b.t(v(eponyms[g.r.IntN(len(eponyms))]))
	case "DEPT":
		b.t(v(departments[g.r.IntN(len(departments))]))
	case "UNIT":
		b.t(v(placeishAcronyms[g.r.IntN(len(placeishAcronyms))]))
	case "CW", "cw", "GW", "gw": // clinical and general words, capitalized or not
		pool := clinicalWords
		if name[0]|0x20 == 'g' {
			pool = generalWords
		}
		w := pool[g.r.IntN(len(pool))]
		if name[0] < 'a' && !asr {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.t(w)
	case "WG", "wg": // a word-name used as a word: see trPlain
		b.t(v(strings.ToLower(trainWordGiven[g.r.IntN(len(trainWordGiven))])))
	default:
		panic("corpusgen: unknown slot " + name)
	}
}
