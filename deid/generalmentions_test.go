package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestGeneralMentionsStay: words that name no one of the encounter stay:
// a disease opening a sentence ("Melanoma is the one we worry about"), a
// public figure someone loved or a famous sufferer, holidays listed three
// or more together, a role that tags a speaker's turns ("Athlete:"). The
// person, the event's holiday and a speaker's name stay found. Sentences
// written for this test.
func TestGeneralMentionsStay(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a disease opens the turn", "Doctor: Glaucoma is the one we check for at your age.", nil},
			{"a surname on no list ends so too", "Nkoloma called back this morning about the results.", []found{{"Nkoloma", deid.Name}}},
			{"a figure he loved", "Daughter: He loved Aretha Franklin, we play her every night.", nil},
			{"famous sufferers", "Famous sufferers included Charles Darwin.", nil},
			{"a maneuver named for a person", "midwife: leopold maneuvers show the head is down", nil},
			{"occasional contractions", "pt: just occasional braxton hicks since sunday", nil},
			{"holidays in general", "Topics: loneliness at Thanksgiving, Christmas, Hanukkah and Kwanzaa.", nil},
			{"the holiday of an event stays", "She fell at Thanksgiving and again at Christmas.",
				typed(deid.Date, "Thanksgiving", "Christmas")},
			{"a list of an event's holidays stays", "He fell at Easter, Passover and Thanksgiving this year.",
				typed(deid.Date, "Easter", "Passover", "Thanksgiving")},
			{"a role tags the turns", "Coach: How is the shoulder?\nSwimmer: Sore.\nCoach: Any numbness?\nSwimmer: No.", nil},
			{"a speaker's name stays", "Nurse: Hi there.\nZubair: My knee hurts.\nNurse: Since when?\nZubair: Monday.",
				[]found{{"Zubair", deid.Name}, {"Zubair", deid.Name}}},
		})
	}
}

// TestSpanishWordsStay: lower-case words of a Spanish clause in a
// transcript are no names ("me duelen mucho, tengo muchos dolores", "¿cómo
// está?"); a name after a title stays. Sentences written for this test.
func TestSpanishWordsStay(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after a quantifier", "interpreter: she says tengo muchos dolores in the back\ndoctor: okay", nil},
			{"a verb", "interpreter: el doctor pregunta cómo está\npatient: bien gracias", nil},
			{"a name after a title stays", "nurse: doña dolores come in please", []found{{"dolores", deid.Name}}},
			{"ella in English", "my daughter ella no longer drives me", []found{{"ella", deid.Name}}},
			{"a Spanish title with its period", "hija: hoy vino la dra. Quiñones a revisarla", []found{{"Quiñones", deid.Name}}},
			{"Sr. after an article", "hija: mañana viene el Sr. Colón a verla", []found{{"Colón", deid.Name}}},
			{"a title ending a sentence", "paciente: Gracias doctora. Mañana vuelvo por los resultados.", nil},
			{"a Spanish title in lower case", "Buenos días. Soy la doctora Quiñones y ella es la señora Arce.",
				[]found{{"Quiñones", deid.Name}, {"Arce", deid.Name}}},
		})
	}
}

// TestFormWordsStay: a record's words that the name rules took stay: a
// role's label of English words before its colon, a bed's letter, a
// Tagalog kin word among its particles, a monarch and his numeral, a
// maker in a device's or a vehicle's field. The person after the label
// stays found. Lines written for this test.
func TestFormWordsStay(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a role's label", "Assistant: Lia Fontaine, PA-C. Anesthesia: Omar Haddad, MD.",
				[]found{{"Lia Fontaine", deid.Name}, {"Omar Haddad", deid.Name}}},
			{"a bed's letter", "Room 307 Bed B: 81F, pneumonia, on 3 L NC.", nil},
			{"a kin word among particles", "Nurse: Magandang umaga po, Lola. Kumusta po kayo?", nil},
			{"po as a dose", "Granddaughter Tita at bedside. Meds given po with applesauce.", []found{{"Tita", deid.Name}}},
			{"a person after a monitor's label", "Monitor: sitter Ifeoma Chukwu at bedside overnight.", []found{{"Ifeoma Chukwu", deid.Name}}},
			{"a monarch", "The gout of Henry VIII is often cited in lectures.", nil},
			{"a maker in a camera's field", "Camera: Fotofinder Medicam 1000 serial FM-22-0193", []found{{"FM-22-0193", deid.Device}}},
		})
	}
}

// TestSpanishPlaces: where someone lives said in Spanish ("vive todavía
// en mayagüez") and a street named after its kind ("calle del
// parque", "avenida Ponce de León"); the words of a clause after "en" are
// no place ("vive en la casa de su hija"). Sentences written for this
// test.
func TestSpanishPlaces(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"where she lives", "doctora: ¿y usted vive todavía en mayagüez?", []found{{"mayagüez", deid.Location}}},
			{"a street after its kind", "paciente: en la calle tapia, al lado de la farmacia", []found{{"tapia", deid.Location}}},
			{"a clause after en", "interpreter: she says vive en la casa de su hija", nil},
			{"a state after en", "hija: vive en Florida con mi hermana", nil},
			{"a common noun after en", "interpreter: vive en cama desde la cirugía", nil},
			{"a walk", "paciente: camino treinta minutos al día", nil},
		})
	}
}

// TestSpeakersNamedByWords: a speaker's tag that is a given name or a
// surname of the lists and also a word ("Hunter:", "Harding:") names the
// speaker where another tag is a role; a role's word stays ("Athlete:").
// Dialogues written for this test.
func TestSpeakersNamedByWords(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a given name that is a word", "Hunter: My ankle rolled.\nDoctor: Which side?\nHunter: The left.",
				[]found{{"Hunter", deid.Name}, {"Hunter", deid.Name}}},
			{"a surname", "Nurse: Any pain?\nHarding: Worse at night.\nNurse: Okay.\nHarding: Thanks.",
				[]found{{"Harding", deid.Name}, {"Harding", deid.Name}}},
			{"a role", "Swimmer: My shoulder.\nCoach: Since when?\nSwimmer: Monday.", nil},
		})
	}
}
