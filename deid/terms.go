package deid

import "slices"

// dropTerms (a veto after the late rules): a place or a name found that is
// the name of a law ("Good Samaritan laws", "Kendra's Law"), a clinical
// phrase of "medical" ("maximum medical improvement"), a service's header
// ("REFUGEE HEALTH", "Employee Health"), or a word of devotion said in
// thanks ("alhamdulillah", "mashallah"). A supplied name stays.
func (s *scan) dropTerms(spans []Span) []Span {
	return slices.DeleteFunc(spans, func(sp Span) bool {
		if sp.Type != Name && sp.Type != Location {
			return false
		}
		st, en := s.tokStartingAt(sp.Start), s.tokEndingAt(sp.End)
		if st < 0 || en < st || s.anyKnown(st, en) {
			return false
		}
		n := s.next(en)
		if n > 0 && s.toks[n].letters() && lawWords[s.lower(n)] && !lawPlaceAfter[s.nextWordAt(n)] && !s.titleBefore(st) {
			return true // "Good Samaritan laws protect", not "the Smith law firm"
		}
		if sp.Type == Location && s.eq(en, "medical") && n > 0 && s.toks[n].letters() && medicalNounsAfter[s.lower(n)] {
			return true // "maximum medical improvement"
		}
		if sp.Type == Location && en > st && s.serviceHeader(st, en) {
			return true // "REFUGEE HEALTH SCREENING"
		}
		return sp.Type == Name && st == en && devotionWordsAbroad[s.lower(st)]
	})
}

// serviceHeader: tokens st..en are a kind of service and its head word, no
// name among them ("Refugee Health", "Correctional Health Services",
// "Employee Health Office").
func (s *scan) serviceHeader(st, en int) bool {
	head := false
	for k := st; k <= en; k++ {
		w := s.lower(k)
		switch {
		case !s.toks[k].letters():
			return false
		case serviceKinds[w] && !head:
		case serviceHeadWords[w]:
			head = true
		case head && serviceUnits[w]:
		default:
			return false
		}
	}
	return head
}

// lawWords name a law after its name; lawPlaceAfter make "law" a place's
// kind ("the Smith law firm").
var (
	lawWords      = wordsOf("law laws act statute statutes doctrine")
	lawPlaceAfter = wordsOf("firm firms office offices school center centre clinic library enforcement group partners")
)

// medicalNounsAfter follow "medical" in a phrase of care, law or work,
// not a hospital's name ("maximum medical improvement", "cleared for
// medical leave").
var medicalNounsAfter = wordsOf("improvement records record history necessity leave director examiner assistant assistants " +
	"team condition conditions advice attention emergency bills expenses device devices equipment evaluation clearance " +
	"certificate marijuana cannabis staff officer provider providers insurance coverage decision decisions supplies " +
	"transport interpreter terminology imaging research")

// serviceKinds, serviceHeadWords and serviceUnits make a service's name of
// no place: a kind, a head word, and a unit after it.
var (
	serviceKinds     = wordsOf("refugee correctional occupational behavioral behavioural mental public student employee travel sexual reproductive oral environmental population global")
	serviceHeadWords = wordsOf("health services service medicine")
	serviceUnits     = wordsOf("office clinic department unit program programme screening team")
)

// devotionWordsAbroad are said in thanks or blessing, never a person:
// "she says thank you, alhamdulillah".
var devotionWordsAbroad = wordsOf("alhamdulillah alhamdulilah mashallah masha'allah subhanallah bismillah inshallah insha'allah " +
	"wallahi astaghfirullah")
