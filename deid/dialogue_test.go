package deid_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/clinscribe/clinscribe/deid"
)

// A generator of lower-case clinic dialogues, as speech recognition writes
// them, around the people and identifiers the platform supplied. It records
// where every mention of a supplied name or identifier is, so a test can
// check that each one is removed. Many of the names are also words ("dawn",
// "hunter", "grant", "may", "hill", "rivers"), and the dialogues use those
// words as words too.

var (
	dlgFirsts = []string{"dawn", "hunter", "grant", "hope", "faith", "summer", "june", "april", "may", "will", "bill",
		"art", "rose", "iris", "hazel", "mark", "sue", "grace", "joy", "pat", "ray", "dean", "wade", "chase", "jack",
		"frank", "sky", "autumn", "ruby", "amber", "holly", "ivy", "jade", "pearl", "crystal", "angel", "miles", "reed",
		"cliff", "gene", "sterling", "destiny", "maria", "keisha", "tomas", "priya", "oluwaseun", "harold", "wen",
		"dmitri", "fatima", "rosa", "luis", "nkechi", "brooke", "lily", "violet", "robin", "forrest", "sunny", "river",
		"dallas", "jordan", "miles", "paisley", "autumn", "paris", "austin", "virginia", "savannah", "phoenix", "chance",
		"justice", "major", "honey", "royal", "sage", "rocky", "misty", "penny", "august"}
	dlgLasts = []string{"rivers", "hill", "young", "king", "price", "wood", "bishop", "page", "brooks", "rose", "may",
		"hunter", "grant", "bell", "stone", "fox", "church", "cross", "banks", "frost", "lane", "marsh", "mills",
		"rice", "street", "ward", "waters", "webb", "wells", "west", "moody", "noble", "sharp", "swift", "wise",
		"bond", "bright", "cole", "drake", "gray", "hart", "hood", "lamb", "pope", "reed", "snow", "steel", "storm",
		"strong", "sweet", "wolf", "whitcombe", "okafor", "nguyen", "garcia", "castillo", "abernathy", "patel",
		"kowalski", "baker", "cook", "fisher", "turner", "carter", "mason", "porter", "walker", "green", "white",
		"black", "brown", "long", "little", "winter", "day", "north", "best", "love", "faith", "king", "story", "cash",
		"knight", "short", "hall", "fields", "field", "dean", "ford", "miles", "jordan", "sterling", "major"}
	dlgHyphenated = []string{"al-rashid", "smith-jones", "garcia-lopez", "o'neil", "hill-price", "st-pierre"}
)

// dlgFullForms are the given names some short first names stand for.
var dlgFullForms = map[string]string{"sue": "susan", "will": "william", "bill": "william", "pat": "patricia",
	"ray": "raymond", "jack": "jackson", "frank": "franklin", "gene": "eugene", "art": "arthur", "sky": "skylar",
	"rosa": "rosalind", "penny": "penelope", "misty": "melissa", "sunny": "sonia", "mark": "marcus"}

// mention is a planted identifier: its byte range in the text.
type mention struct {
	start, end int
	what       string
}

// dialogue builds text while recording mentions.
type dialogue struct {
	kn       *deid.Known
	b        strings.Builder
	mentions []mention
	r        *rand.Rand
}

func (g *dialogue) say(s string) { g.b.WriteString(s) }

// name writes a supplied name (or identifier) and records it.
func (g *dialogue) name(s, what string) {
	st := g.b.Len()
	g.b.WriteString(s)
	g.mentions = append(g.mentions, mention{st, g.b.Len(), what})
}

// one returns a random element.
func one[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// spell writes "d-a-w-n", "d a w n" or "d. a. w. n.".
func spell(r *rand.Rand, w string) string {
	sep := one(r, []string{"-", " ", ". "})
	var parts []string
	for _, c := range w {
		if unicode.IsLetter(c) {
			parts = append(parts, string(c))
		}
	}
	return strings.Join(parts, sep)
}

// misspell drops or doubles one inner letter of a long name.
func misspell(r *rand.Rand, w string) string {
	if len(w) < 6 {
		return w
	}
	k := 2 + r.IntN(len(w)-3)
	if r.IntN(2) == 0 {
		return w[:k] + w[k+1:]
	}
	return w[:k] + w[k:k+1] + w[k:]
}

// genDialogue writes one dialogue with its Known metadata.
func genDialogue(r *rand.Rand) (string, deid.Known, []mention) {
	pf, pl := one(r, dlgFirsts), one(r, dlgLasts)
	if r.IntN(6) == 0 {
		pl = one(r, dlgHyphenated)
	}
	rf := one(r, dlgFirsts)
	for rf == pf {
		rf = one(r, dlgFirsts)
	}
	df, dl := one(r, dlgFirsts), one(r, dlgLasts)
	relation := one(r, []string{"wife", "husband", "daughter", "son", "sister", "brother", "mom", "partner", "friend"})
	mrn := fmt.Sprintf("%07d", 1000000+r.IntN(9000000))
	area, ex, ln := 201+r.IntN(700), 200+r.IntN(700), 1000+r.IntN(9000)
	phone := fmt.Sprintf("(%d) %d-%d", area, ex, ln)
	by, bm, bd := 1935+r.IntN(70), 1+r.IntN(12), 1+r.IntN(28)
	kn := deid.Known{
		PatientNames:  []string{pf + " " + pl},
		RelativeNames: []string{rf + " " + pl},
		ProviderNames: []string{df + " " + dl},
		Identifiers:   []string{mrn, phone},
		BirthDate:     fmt.Sprintf("%04d-%02d-%02d", by, bm, bd),
	}
	// The forms an EHR exports the same names in: last name first, in
	// capitals; the relation and a role in brackets; a title and
	// credentials.
	switch r.IntN(4) {
	case 0:
		kn.PatientNames[0] = strings.ToUpper(pl + ", " + pf)
	case 1:
		kn.PatientNames[0] = pl + ", " + pf + " " + string(rune('A'+r.IntN(26)))
	}
	switch r.IntN(3) {
	case 0:
		kn.RelativeNames[0] += " (" + relation + ")"
	case 1:
		kn.RelativeNames[0] += " (" + relation + ", interpreter)"
	}
	if r.IntN(2) == 0 {
		kn.ProviderNames[0] = "Dr. " + df + " " + dl + ", " + one(r, []string{"MD", "DO", "NP", "PA-C"})
	}
	g := &dialogue{r: r, kn: &kn}
	tagD, tagP := "", ""
	switch r.IntN(4) {
	case 0:
		tagD, tagP = "doctor: ", "patient: "
	case 1:
		tagD, tagP = "[doctor] ", "[patient] "
	case 2:
		tagD, tagP = "speaker 1: ", "speaker 2: "
	}
	title := one(r, []string{"mr", "mrs", "ms", "miss", "mr.", "mrs.", "ms.", "mister"})
	dtitle := one(r, []string{"dr", "dr.", "doctor"})
	words := func() string { // the same words used as words
		return one(r, []string{
			"we can do that in may or june if you hope to travel",
			"it gets worse at dawn and in the summer heat",
			"i will grant you that the price is high",
			"walking up the hill to the church is hard",
			"the rose bush, the wood stove, the page in my notes",
			"my blood pressure rose a little this spring",
			"i mark it down every day on the calendar",
			"the art class and the young kids keep me busy",
			"we'll keep an eye on the bill from the pharmacy",
			"i have faith it will get better with time",
			"we walked for miles along the river in the autumn",
			"my sister lives in paris and the king size bed is new",
			"there's a chance the major side effect is just a little rash",
			"the story is long, it's a short walk to the fields",
			"the honey and the sage tea help, i pay cash at the store",
		})
	}
	// Opening: a greeting with the first name, or the provider introducing themselves.
	g.say(tagD)
	switch r.IntN(6) {
	case 0:
		g.say(one(r, []string{"hi ", "hey ", "hello ", "hey there ", "good morning ", "morning ", "hi there "}))
		g.name(pf, "patient first name")
		g.say(one(r, []string{" how are you doing today", ", how are you", " nice to see you", ". come on in"}))
	case 1:
		g.say(one(r, []string{"ok so ", "alright ", "so ", "okay "}))
		g.name(pf, "patient first name")
		g.say(one(r, []string{", let's take a look", " how have you been", " what brings you in", ", tell me what's going on"}))
	case 2:
		g.say("hi i'm " + dtitle + " ")
		g.name(dl, "provider surname")
		g.say(" and you must be " + title + " ")
		g.name(pl, "patient surname")
		g.say("?")
	case 3:
		g.say("good afternoon, is it ")
		g.name(pf, "patient first name")
		g.say(one(r, []string{"?", " or do you go by something else?"}))
	case 4:
		g.say("hello " + title + " ")
		g.name(pl, "patient surname")
		g.say(" i'm ")
		g.name(df, "provider first name")
		g.say(", one of the nurse practitioners")
	default:
		g.say("hi there, my name is ")
		g.name(df, "provider first name")
		g.say(" ")
		g.name(dl, "provider surname")
		g.say(", are you ")
		g.name(pf, "patient first name")
		g.say("?")
	}
	g.say("\n" + tagP)
	switch r.IntN(4) {
	case 0:
		g.say("yes that's me, ")
		g.name(pf, "patient first name")
		g.say(" ")
		g.name(pl, "patient surname")
	case 1:
		g.say("hi yeah it's ")
		g.name(pf, "patient first name")
	case 2:
		g.say("hi doc, i'm doing ok")
	default:
		g.say("yep, " + one(r, []string{"hunter with an h", "that's right", "that's me"}))
	}
	g.say("\n")
	// Middle turns, in random order.
	turns := []func(){
		func() {
			g.say(tagD + "and who came with you today?\n" + tagP + "my " + relation + " ")
			g.name(rf, "relative first name")
			g.say(one(r, []string{" drove me", ", she's in the waiting room", " is parking the car", " came along"}))
			g.say("\n")
		},
		func() {
			g.say(tagD + "can you confirm your date of birth for me\n" + tagP)
			months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
				"october", "november", "december"}
			switch r.IntN(6) {
			case 3:
				g.say("the ")
				g.name(fmt.Sprintf("%s of %s, %s", ordWord(bd), months[bm-1], yearTwo(by%100)), "birth date")
			case 4:
				g.name(fmt.Sprintf("%s %d %02d", months[bm-1][:3], bd, by%100), "birth date")
			case 5:
				g.name(fmt.Sprintf("%s %s %d", twoWords(bd), months[bm-1], by), "birth date")
			case 0:
				g.name(fmt.Sprintf("%s %s %s", months[bm-1], ordWord(bd), yearWords(by)), "birth date")
			case 1:
				g.name(fmt.Sprintf("%d %d %02d", bm, bd, by%100), "birth date")
			default:
				g.name(fmt.Sprintf("%s %s %s", digitsWords(fmt.Sprintf("%02d", bm)), digitsWords(fmt.Sprintf("%02d", bd)), yearWords(by)), "birth date")
			}
			g.say("\n")
		},
		func() {
			g.say(tagD + "and what's the best number to reach you\n" + tagP + "it's ")
			digits := fmt.Sprintf("%d%d%d", area, ex, ln)
			switch r.IntN(3) {
			case 0:
				g.name(digitsWords(digits[:3])+" "+digitsWords(digits[3:6])+" "+digitsWords(digits[6:]), "phone")
			case 1:
				g.name(spaced(digits[:3])+", "+spaced(digits[3:6])+", "+spaced(digits[6:]), "phone")
			default:
				g.name(digits[:3]+" "+digits[3:6]+" dash "+digits[6:], "phone")
			}
			g.say("\n")
		},
		func() {
			g.say(tagD + one(r, []string{"do you have your mrn handy", "what's your medical record number", "can you read me the mrn on the card"}) + "\n" + tagP)
			g.say(one(r, []string{"mrn ", "it's ", "uh it's ", ""}))
			switch r.IntN(3) {
			case 0:
				g.name(digitsWords(mrn), "mrn")
			case 1:
				g.name(spaced(mrn), "mrn")
			default:
				g.name(mrn[:3]+" dash "+mrn[3:], "mrn")
			}
			g.say("\n")
		},
		func() {
			g.say(tagD + words() + ", ")
			g.name(pf, "patient first name")
			g.say(one(r, []string{"?", ".", ", does that sound right?"}))
			g.say("\n" + tagP + words() + "\n")
		},
		func() {
			g.say(tagP + "my " + relation + " ")
			g.name(rf, "relative first name")
			g.say(" says i should ask you about the " + one(r, []string{"knee", "cough", "rash", "sleep"}) + ", " + dtitle + " ")
			g.name(dl, "provider surname")
			g.say("\n")
		},
		func() {
			g.say(tagD + "i'll send a note to " + one(r, []string{"dr. ", "dr ", "doctor "}))
			g.name(dl, "provider surname")
			g.say(one(r, []string{" about it", " and the team", ", ok?"}) + "\n")
		},
		func() {
			g.say(tagD + "let me spell that for the chart, ")
			g.name(spell(r, pl), "patient surname spelled")
			g.say(", is that right?\n" + tagP + "yes\n")
		},
		func() {
			g.say(tagD + "and that's ")
			g.name(pl, "patient surname")
			g.say(" with " + one(r, []string{"one", "two", "an"}) + " " + one(r, []string{"l", "s", "e"}) + "?\n")
		},
		func() {
			if misspell(r, pl) == pl {
				return
			}
			g.say(tagP + "the last doctor wrote ")
			g.name(misspell(r, pl), "patient surname misspelled")
			g.say(" on the form but it's ")
			g.name(pl, "patient surname")
			g.say("\n")
		},
		func() {
			g.say(tagD + "ok " + title + " ")
			g.name(pl, "patient surname")
			g.say(one(r, []string{", we're all set", " we'll see you in a month", ", any questions?"}) + "\n")
		},
		func() {
			g.say(tagD + "is ")
			g.name(rf, "relative first name")
			g.say("'s number still the same one on file?\n" + tagP + "yes\n")
		},
		func() {
			g.say(tagD + "the patient is ")
			g.name(pf, "patient first name")
			g.say(" ")
			g.name(pl, "patient surname")
			g.say(", " + fmt.Sprint(20+r.IntN(60)) + " years old, here for follow up\n")
		},
		func() {
			g.say(tagP + words() + "\n" + tagD + words() + "\n")
		},
		// Third person, the name alone, as people talk about someone in
		// the room or at home.
		func() {
			who, what := pf, "patient first name"
			if r.IntN(2) == 0 {
				who, what = rf, "relative first name"
			}
			switch r.IntN(9) {
			case 0:
				g.say(tagD + one(r, []string{"is ", "does ", "did ", "has "}))
				g.name(who, what)
				g.say(one(r, []string{" still taking the pills?", " still doing the exercises", " usually come with you?"}) + "\n")
			case 1:
				g.say(tagP)
				g.name(who, what)
				g.say(one(r, []string{" said it looked worse", " thinks i should rest", " worries more than me", " wants to know about the results",
					" will be happy to hear that", " is doing better"}) + "\n")
			case 2:
				g.say(tagP + one(r, []string{"and ", "but ", "so "}))
				g.name(who, what)
				g.say(one(r, []string{" told me to come in", " drove me here", " helps with the meds"}) + "\n")
			case 3:
				g.say(tagD + one(r, []string{"i'll see ", "we'll see ", "tell ", "ask ", "thank "}))
				g.name(who, what)
				g.say(one(r, []string{" in three months", " next week", "", " to call us", " for me"}) + "\n")
			case 4:
				g.say(tagD + one(r, []string{"how's ", "how is ", "how's little ", "how is poor "}))
				g.name(who, what)
				g.say(one(r, []string{" doing?", " holding up", "?"}) + "\n")
			case 5:
				g.say(tagD + one(r, []string{"what's going on with ", "this is the follow up for ", "any news about ", "i spoke with "}))
				g.name(who, what)
				g.say(one(r, []string{" today", " tonight", "", "?"}) + "\n")
			case 6:
				g.say(tagD + "mr. and mrs. ")
				g.name(pl, "patient surname")
				g.say(" are both here\n")
			case 7:
				g.say(tagD + "i'll write it down as ")
				g.name(pf[:1]+". "+pl, "patient initial and surname")
				g.say("\n")
			default:
				g.say(tagD + "and that's ")
				g.name(spell(r, pf), "patient first name spelled")
				g.say("?\n")
			}
		},
		// Questions about the name, coordination, a dictation header, a
		// name as the speaker tag, a transcriber's misspelling.
		func() {
			switch r.IntN(10) {
			case 8:
				g.say(tagD + "last name ")
				g.name(pl, "patient surname")
				g.say(", first name ")
				g.name(pf, "patient first name")
				g.say("?\n")
			case 9:
				g.say(tagP + one(r, []string{"everybody calls me ", "my friends call me ", "you can call me "}))
				g.name(pf, "patient first name")
				g.say("\n")
			case 0:
				g.say(tagD + one(r, []string{"is it ", "do you go by ", "should i call you "}))
				g.name(pf, "patient first name")
				if full, ok := dlgFullForms[pf]; ok {
					// The platform gave both ("@@ patient: sue rivers",
					// "susan rivers").
					g.say(" or ")
					g.name(full, "patient full first name")
					g.kn.PatientNames = append(g.kn.PatientNames, full+" "+pl)
				} else {
					g.say(" or something else")
				}
				g.say("?\n")
			case 1:
				g.say(tagP + "are you " + dtitle + " ")
				g.name(dl, "provider surname")
				g.say(" or is that the other one\n")
			case 2:
				g.say(tagP + one(r, []string{"me and ", "my " + relation + " and "}))
				g.name(rf, "relative first name")
				g.say(one(r, []string{" went", " are"}) + " on a trip\n")
			case 3:
				g.say(tagP)
				g.name(rf, "relative first name")
				g.say(" and i " + one(r, []string{"went for a walk", "talked about it", "argued about the pills"}) + "\n")
			case 4:
				g.say("this is " + dtitle + " ")
				g.name(df, "provider first name")
				g.say(" ")
				g.name(dl, "provider surname")
				g.say(" dictating on ")
				g.name(pf, "patient first name")
				g.say(" ")
				g.name(pl, "patient surname")
				g.say("\n")
			case 5:
				g.say(one(r, []string{"", "00:0" + fmt.Sprint(r.IntN(10)) + " ", ">> ", "- ", "[00:01:1" + fmt.Sprint(r.IntN(10)) + "] "}))
				g.name(pf, "patient first name")
				g.say(": " + words() + "\n")
			case 6:
				g.say(tagD + "is that ")
				g.name(pf, "patient first name")
				g.say(" with " + one(r, []string{"an h", "two n's", "a y", "one l"}) + "?\n")
			default:
				g.say(tagD + "so ")
				g.name(pl, "patient surname")
				g.say(" ")
				g.name(pf, "patient first name")
				g.say(one(r, []string{", last name first", " on the form", ""}) + "\n")
			}
		},
		// Slots the name's word cannot fill (knownslot.go): a generation
		// or an endearment after it, the subject of a verb of saying after
		// a number, "sorry" after it where no phrase is open, "ok X and
		// your", the name thanked right after it was spelled, a turn's
		// "and" before a request (not a modal or a verb that takes a
		// clause: "and may take a while"), two of a given name the
		// patient and a relative share, "no just X" after "is it X with",
		// the given name before the surname's initial, the surname after
		// a title and a stumbled start.
		func() {
			switch r.IntN(11) {
			case 8:
				g.say(tagD + "is it ")
				g.name(pf, "patient first name")
				g.say(" with " + one(r, []string{"an e", "a y", "two l's"}) + "\n" + tagP + one(r, []string{"no just ", "nope just ", "just "}))
				g.name(pf, "patient first name")
				g.say("\n")
			case 9:
				g.say(tagD + one(r, []string{"yes ", "ok so ", ""}))
				g.name(pf, "patient first name")
				g.say(" ")
				g.name(pl[:1]+".", "patient surname initial")
				g.say(" is here\n")
			case 10:
				if len(pl) < 3 {
					return
				}
				title := one(r, []string{"ms. ", "mrs ", "mr. ", "dr "})
				g.say(tagD + title)
				g.name(pl[:2]+"- "+pl, "patient surname stumbled")
				g.say(" come in\n")
			case 0:
				g.say(tagD + "ok and ")
				g.name(pf, "patient first name")
				g.say(" " + one(r, []string{"junior", "senior"}) + " your pressure is fine\n")
			case 1:
				g.say(tagP + "just ")
				g.name(pf, "patient first name")
				g.say(" " + one(r, []string{"honey", "buddy", "dear"}) + "\n")
			case 2:
				g.say(tagP + "my temperature was ninety nine point five ")
				g.name(rf, "relative first name")
				g.say(" " + one(r, []string{"said", "thinks", "told me"}) + " i'm being dramatic\n")
			case 3:
				if modalWords[pf] {
					return // "i know will, sorry": the modal without its verb
				}
				g.say(tagD + "i know ")
				g.name(pf, "patient first name")
				g.say(" sorry it has been a long wait\n")
			case 4:
				g.say(tagD + one(r, []string{"ok ", "alright ", "so "}))
				g.name(pf, "patient first name")
				g.say(" and your " + one(r, []string{"date of birth", "number", "address"}) + "\n")
			case 5:
				if modalWords[pf] {
					return // "thanks, will the wound heal"
				}
				g.say(tagD + "your name again\n" + tagP)
				g.name(pf, "patient first name")
				g.say(" ")
				g.name(spell(r, pl), "patient surname spelled")
				g.say("\n" + tagD + "thanks ")
				g.name(pf, "patient first name")
				g.say(" the wound looks good\n")
			case 6:
				if modalWords[pf] || pf == "hope" || pf == "trust" {
					return
				}
				g.say(tagD + "and ")
				g.name(pf, "patient first name")
				g.say(" " + one(r, []string{"drink a lot of fluids", "keep the leg up", "take it easy"}) + "\n")
			default:
				g.kn.RelativeNames = append(g.kn.RelativeNames, pf+" "+pl)
				g.say(tagD + "so we have two ")
				g.name(pf+"s", "patient first name, plural")
				g.say(" today\n")
			}
		},
		// The surname alone after a title, possessive, or as a family.
		func() {
			switch r.IntN(3) {
			case 0:
				g.say(tagD + one(r, []string{"so the ", "and the "}))
				g.name(pl, "patient surname")
				g.say(one(r, []string{"s are moving", " family is here", "'s place is close"}) + "\n")
			case 1:
				g.say(tagP + "it's " + one(r, []string{"mrs. ", "mr. ", "ms. ", "mrs ", "miss "}))
				g.name(pl, "patient surname")
				g.say("'s " + one(r, []string{"daughter", "phone", "chart"}) + "\n")
			default:
				g.say(tagD + "your " + one(r, []string{"date of birth", "dob", "birthday"}) + "?\n" + tagP)
				g.name(fmt.Sprintf("%s, %s, %s", digitsWords(fmt.Sprintf("%d", bm)), digitsWords(fmt.Sprintf("%d", bd)), spaced(fmt.Sprint(by))), "birth date")
				g.say("\n")
			}
		},
	}
	r.Shuffle(len(turns), func(i, j int) { turns[i], turns[j] = turns[j], turns[i] })
	for _, t := range turns[:4+r.IntN(len(turns)-4)] {
		t()
	}
	// Closing.
	g.say(tagD + one(r, []string{"thanks ", "thank you ", "bye ", "take care ", "thanks so much ", "good job ",
		"ok you're all set ", "hang in there ", "see you next time ", "bye for now ", "well done "}))
	g.name(pf, "patient first name")
	g.say(one(r, []string{"", ".", ", see you soon", " and say hi to "}))
	if strings.HasSuffix(g.b.String(), "say hi to ") {
		g.name(rf, "relative first name")
	}
	g.say("\n")
	return g.b.String(), kn, g.mentions
}

// modalWords are the given names of dlgFirsts that are also modals.
var modalWords = map[string]bool{"will": true, "may": true}

var digitNames = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

func digitsWords(d string) string {
	var w []string
	for _, c := range d {
		if c == '0' && len(w)%2 == 0 {
			w = append(w, "oh")
			continue
		}
		w = append(w, digitNames[c-'0'])
	}
	return strings.Join(w, " ")
}

// twoWords says a number from 1 to 99 in words: "five", "fourteen",
// "sixty eight".
func twoWords(n int) string {
	if n < 10 {
		return digitNames[n]
	}
	return strings.TrimPrefix(yearWords(1900+n), "nineteen ")
}

// yearTwo says a year's last two digits: "sixty eight", "oh four", "oh oh".
func yearTwo(n int) string {
	if n == 0 {
		return "oh oh"
	}
	return strings.TrimPrefix(yearWords(1900+n), "nineteen ")
}

func spaced(d string) string { return strings.Join(strings.Split(d, ""), " ") }

func ordWord(d int) string {
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"}
	switch {
	case d <= 20:
		return ords[d]
	case d == 30:
		return "thirtieth"
	case d < 30:
		return "twenty " + ords[d-20]
	}
	return "thirty " + ords[d-30]
}

func yearWords(y int) string {
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	teens := []string{"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	two := func(n int) string {
		switch {
		case n < 10:
			return "oh " + digitNames[n]
		case n < 20:
			return teens[n-10]
		case n%10 == 0:
			return tens[n/10]
		}
		return tens[n/10] + " " + digitNames[n%10]
	}
	if y >= 2000 && y < 2010 {
		return "two thousand " + digitNames[y-2000]
	}
	return two(y/100) + " " + two(y%100)
}

// surviving returns the mentions not wholly covered by detected spans.
func surviving(text string, spans []deid.Span, ms []mention) []mention {
	covered := make([]bool, len(text))
	for _, sp := range spans {
		for k := sp.Start; k < sp.End; k++ {
			covered[k] = true
		}
	}
	var out []mention
	for _, m := range ms {
		for k := m.start; k < m.end; k++ {
			c := text[k]
			if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') && !covered[k] {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// TestKnownDialogues: over randomized lower-case dialogues built around the
// supplied names and identifiers (many of the names ordinary words), no
// mention of a supplied name or identifier survives.
func TestKnownDialogues(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	r := rand.New(rand.NewPCG(12, 2026))
	const n = 300
	mentions, leaks, wordsKept, wordsTotal := 0, 0, 0, 0
	for i := range n {
		text, kn, ms := genDialogue(r)
		spans := d.Detect(text, kn)
		mentions += len(ms)
		for _, m := range surviving(text, spans, ms) {
			leaks++
			t.Errorf("dialogue %d: %s %q survived in %q", i, m.what, text[m.start:m.end], text[max(0, m.start-40):min(len(text), m.end+30)])
		}
		// The same words used as words: how many stay (reported, not asserted).
		for _, w := range []string{"dawn", "hill", "rose", "may", "june", "will", "grant", "price", "faith", "young"} {
			for k := 0; ; {
				p := strings.Index(text[k:], " "+w+" ")
				if p < 0 {
					break
				}
				p += k + 1
				k = p + len(w)
				if inMention(p, ms) {
					continue
				}
				wordsTotal++
				if !coveredAt(p, spans) {
					wordsKept++
				}
			}
		}
	}
	if mentions < 100*5 {
		t.Fatalf("only %d mentions in %d dialogues", mentions, n)
	}
	t.Logf("%d dialogues, %d supplied-name and identifier mentions, %d survived; ordinary uses of name words kept %d/%d",
		n, mentions, leaks, wordsKept, wordsTotal)
}

func inMention(p int, ms []mention) bool {
	for _, m := range ms {
		if p >= m.start && p < m.end {
			return true
		}
	}
	return false
}

func coveredAt(p int, spans []deid.Span) bool {
	for _, sp := range spans {
		if p >= sp.Start && p < sp.End {
			return true
		}
	}
	return false
}

// TestIdentifiersReadBack: an identifier found once is found again where it
// is read back or written without its cue; a short number is not searched.
// Sentences written for this test.
func TestIdentifiersReadBack(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"spoken claim number confirmed",
			"patient: the claim number is w c two five dash eight eight one four\nnurse: so w c two five dash eight eight one four right",
			[]found{{"w c two five dash eight eight one four", deid.Account}, {"w c two five dash eight eight one four", deid.Account}}},
		{"written again in another case",
			"Claim # WC25-8814 opened. Patient asked about wc25-8814 twice.",
			[]found{{"WC25-8814", deid.Account}, {"wc25-8814", deid.Account}}},
	})
}

// TestDayOfMonthInSpeech: "the" and an ordinal after a cue, ended by a
// verb, a pronoun or a correction, is a day of the month; before a noun it
// is the ordinal of that noun. Sentences written for this test.
func TestDayOfMonthInSpeech(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"a scan from a day", "doctor: the ct from the twelfth showed the stone had passed", []found{{"the twelfth", deid.Date}}},
		{"a day then a pronoun", "patient: it got worse since the ninth i think", []found{{"the ninth", deid.Date}}},
		{"ordinals of things stay", "patient: i live on the fourth floor and it's the third time this week", nil},
		{"a try stays", "patient: on the second try it worked", nil},
		// Days where days are talked of: asked with "was that" over a
		// filler, answered and corrected on the next lines, said again;
		// a weekday and its part of the day before "the second".
		{"asked, answered, corrected", "doctor since they let you out was that the um the fourteenth\npatient the fifteenth it was the day after\ndoctor: was it the twelfth?\npatient: no the thirteenth.",
			[]found{{"the fourteenth", deid.Date}, {"the fifteenth", deid.Date}, {"the twelfth", deid.Date}, {"the thirteenth", deid.Date}}},
		{"said again", "nurse the scan is set for the nineteenth at ten\npatient the nineteenth is that the thursday",
			[]found{{"the nineteenth", deid.Date}, {"the nineteenth", deid.Date}}},
		{"a weekday's night before it", "patient: sunday night, the second, my birthday actually.", []found{{"the second", deid.Date}}},
		{"ordinals where days are talked of stay", "doctor: was it the twelfth?\npatient: no, the fourth one was worse, the second time too.", []found{{"the twelfth", deid.Date}}},
		// A review's probes: ranks and counts near dates in figures.
		{"ranks near dates in figures", "Seen 5/5/2024. Three siblings, she's the third. BP checks 8/8 and 8/9, the third at home was 150/90.\nThree pills in the box.\nWas it the third?",
			[]found{{"5/5/2024", deid.Date}, {"8/9", deid.Date}}},
	})
}

// Holidays of other calendars, regions and nationalities date an event
// after a preposition of time or "it was"; their customs and foods stay.
// Sentences written for this test.
func TestOtherHolidaysInSpeech(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after a preposition of time", "patient: since el día de reyes i think, and it was ash wednesday when i fell\ngp: if it's no better by burns night come back",
				[]found{{"día de reyes", deid.Date}, {"ash wednesday", deid.Date}, {"burns night", deid.Date}}},
			{"regional days", "patient: i was pulling the float on kamehameha day; draining since alaska day; since sallah",
				[]found{{"kamehameha day", deid.Date}, {"alaska day", deid.Date}, {"sallah", deid.Date}}},
			{"the season rules' phrases after it was", "patient: it was mardi gras when i fell, and it was cinco de mayo when it started",
				[]found{{"mardi gras", deid.Date}, {"cinco de mayo", deid.Date}}},
			{"customs and wishes stay", "patient: we bought mardi gras beads and las posadas tamales; happy new year to you", nil},
			{"named days of a life", "son: he was born on dyngus day, she on easter monday; since good friday the pain",
				[]found{{"dyngus day", deid.Date}, {"easter monday", deid.Date}, {"good friday", deid.Date}}},
			{"wishes and a day of prayer stay", "a good friday to you; the national day of prayer; may day is coming", nil},
			{"habits and hours stay", "Pharmacy hours: closed on Good Friday and Easter Sunday each year.\npatient: on may day we always go to the parade", nil},
			{"holidays of a habit stay", "Never smoker. A glass of wine at Christmas and Easter each year.\npatient: i run the turkey trot on thanksgiving every year\npatient: every year during ramadan i fast", nil},
			{"a holiday of an event stays a date", "patient: she fell on christmas, and every day since she has pain. Ninety-seven on Anzac Day, she always says",
				[]found{{"christmas", deid.Date}, {"Anzac Day", deid.Date}}},
			{"new years and national days of other lands", "son: it got worse since tet, and around hmong new year; the fever since madaraka day; since kanaval",
				[]found{{"tet", deid.Date}, {"hmong new year", deid.Date}, {"madaraka day", deid.Date}, {"kanaval", deid.Date}}},
			// A review's probes: a holiday's words naming a thing, and
			// surnames spelled like feasts.
			{"things named like holidays", "Got sick on the carnival cruise. Since Alaska Day Care closed she stays home. After the burns night sweats started. Before the new year's party.", nil},
			{"surnames like feasts", "Patient: since Reyes moved out I sleep better. Referred by Posadas, NP.", []found{{"Reyes", deid.Name}, {"Posadas", deid.Name}}},
		})
	}
}

// TestHolidaysInSpeech: a holiday after a preposition of time, over the
// fillers of speech, and holidays of several words. Sentences written for
// this test.
func TestHolidaysInSpeech(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after fillers", "patient: it started around , um , thanksgiving i think", []found{{"thanksgiving", deid.Date}}},
		{"holiday of three words", "patient: my knee's been swollen since cinco de mayo", []found{{"cinco de mayo", deid.Date}}},
		{"a feast's customs stay", "patient: we bought Mardi Gras beads for the kids", nil},
		{"new year's without day", "patient: the rash came back around new year's", []found{{"new year's", deid.Date}}},
		{"a new year's resolution stays", "patient: my new year's resolution was to walk more", nil},
		{"a weekday named for a feast or a sale", "patient: my mom fell again at the home on black friday, and since good friday i cough", []found{{"black friday", deid.Date}, {"good friday", deid.Date}}},
		{"a good weekday stays", "patient: we have a good friday every week; black friday deals are silly", nil},
		{"a day of the month before a clause", "patient: yes on the twelfth a forklift ran over my foot; since sunday the twenty first please call", []found{{"the twelfth", deid.Date}, {"the twenty first", deid.Date}}},
		{"two days of one month", "patient: around the 3rd or 4th of last month", []found{{"the 3rd or 4th of last month", deid.Date}}},
		{"a month's part before it", "patient: it was early feb i think\nSeen early Feb. Follow up late Sept.", []found{{"early feb", deid.Date}, {"early Feb.", deid.Date}, {"late Sept.", deid.Date}}},
		{"late and may as words stay", "patient: it's late, may i ask a question", nil},
		{"an age to come", "patient: i'll be 90 next june, and mom will be 93", []found{{"90", deid.Age}, {"june", deid.Date}, {"93", deid.Age}}},
		{"a measure to come stays", "patient: i'll be 90 minutes late; the pressure will be 95 after the dose", nil},
		{"a moment and a day's order stay", "patient: the second a nurse came in i felt better, and on the third day it got worse", nil},
		{"new years without its apostrophe, and a day after like", "patient: skiing right before new years, like the twenty eighth, and i fell",
			[]found{{"new years", deid.Date}, {"the twenty eighth", deid.Date}}},
		{"liking an ordinal stays", "patient: i like the third one better; it hurts, like the second time it did", nil},
		{"a rank after like stays", "patient: i'm the youngest, like the fifth", nil},
		{"ranked weekdays stay", "Take doses: Monday 1st, Wednesday 2nd, Friday 3rd.", nil},
		{"a day after till", "nurse: the surgeon is out till the 15th, wait til the 3rd to call", []found{{"the 15th", deid.Date}, {"the 3rd", deid.Date}}},
		{"a weekday before a day in figures", "Podiatrist due Friday 5th. Handed over.", []found{{"5th", deid.Date}}},
		{"a weekday before a floor or grade stays", "On Friday 5th floor closed? Friday 5th grade play.", nil},
		{"valentine's without day", "patient: it was the day after valentine's, the cough", []found{{"valentine's", deid.Date}}},
		{"a valentine's gift stays", "patient: i bought valentine's cards; my valentine's gift was chocolate", nil},
		{"holy week in spanish", "patient: i walk every day since semana santa", []found{{"semana santa", deid.Date}}},
		{"lunar new year", "daughter: she fell after lunar new year", []found{{"lunar new year", deid.Date}}},
		{"a holiday answering when", "doctor: when did the cough start\npatient: halloween", []found{{"halloween", deid.Date}}},
		{"a holiday answering what stays", "doctor: what's your favorite holiday\npatient: halloween", nil},
		{"a thing answering when stays", "doctor: when do you eat the most sugar\npatient: halloween candy mostly", nil},
		{"feasts and national days born on", "patient: she was born on paddy's day, me on bonfire night, my son on hogmanay and my niece on pongal",
			[]found{{"paddy's day", deid.Date}, {"bonfire night", deid.Date}, {"hogmanay", deid.Date}, {"pongal", deid.Date}}},
		{"a feast of several words after since", "patient: the cough's been there since chinese new year", []found{{"chinese new year", deid.Date}}},
		{"the same words otherwise stay", "patient: we had a bonfire; paddy is the dog; the chinese new year parade was fun; heritage museum", nil},
	})
}

// TestBirthdayAgesInWords: a birthday over 89 said in words is an age;
// younger ones stay. Sentences written for this test.
func TestBirthdayAgesInWords(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"ninetieth", "patient: we're flying home for my dad's ninetieth birthday", []found{{"ninetieth", deid.Age}}},
		{"hyphenated", "daughter: her ninety-third birthday is coming up", []found{{"ninety-third", deid.Age}}},
		{"hundredth", "nurse: she just had her one hundredth birthday", []found{{"one hundredth", deid.Age}}},
		{"younger stays", "patient: his eightieth birthday is next month", nil},
	})
}

// TestCueWithSpeechBeforeValue: words of speech between an identifier's cue
// and its spoken value ("the member number we have on file is ...").
// Written for this test.
func TestCueWithSpeechBeforeValue(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"we have on file", "agent: and the claim number we have on file is k l three three dash nine one two six",
			[]found{{"k l three three dash nine one two six", deid.Account}}},
		{"i have here", "nurse: the mrn i have here is seven seven one oh four two nine", []found{{"seven seven one oh four two nine", deid.MRN}}},
	})
}
