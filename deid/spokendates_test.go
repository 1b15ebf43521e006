package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSpokenDatesInDialogue: dates as patients say them, in lower case: a
// day alone said of something dated or scheduled, a day joined to another,
// a day of this month, "may" after a word of time, a month abbreviation
// before a spoken ordinal, a season of a spoken year, a holiday before a
// weekday. The controls keep the modal, the ordinal of a thing and a year
// alone. Sentences written for this test.
func TestSpokenDatesInDialogue(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a period's day", "patient: my last period was the third", typed(deid.Date, "the third")},
		// Said day first, the year in two spoken digits.
		{"an ordinal day before its month", "patient: done at the hospital on twenty second june", typed(deid.Date, "twenty second june")},
		{"a birth date day first", "nurse: date of birth | pt: first january eighty", typed(deid.Date, "first january eighty")},
		{"and with a two-word year", "patient: twenty fourth august sixty two", typed(deid.Date, "twenty fourth august sixty two")},
		{"counted, not dated, stays", "patient: her first april fools joke, the second august meeting", nil},
		{"a holiday named after a person, in lower case", "patient: it started on martin luther king day, over mlk day weekend maybe",
			typed(deid.Date, "martin luther king day", "mlk day weekend")},
		// Capitalized, the person's name read in the same words gave way
		// to nothing (a public figure's name is dropped, and the date with
		// it); a schedule's closing day stays.
		{"a holiday named after a person, capitalized", "Seen on Martin Luther King Jr. Day for cough. Fell over Martin Luther King weekend.",
			typed(deid.Date, "Martin Luther King Jr. Day", "Martin Luther King weekend")},
		{"a schedule's holiday stays", "Clinic closed Martin Luther King Day.", nil},
		// Saints' days of Ireland and Britain, capitalized or after a
		// preposition of time; a schedule's and a school's name stay.
		{"a saint's day", "Admitted on St. Patrick's Day. Seen on St Stephen's Day.\npatient: it started on saint david's day",
			typed(deid.Date, "St. Patrick's Day", "St Stephen's Day", "saint david's day")},
		{"a saint's day closed, a saint's school", "Clinic closed St Stephen's Day.", nil},
		{"Canada's holiday named after a person", "patient: the pain's been bad since louis riel day", typed(deid.Date, "louis riel day")},
		// A holiday after a preposition of time and "the" or "that", or
		// before "this year"; the feast's things stay.
		{"a holiday after the article", "speaker 2: both legs since around the chinese new year so like end of winter. dr: easter this year so about six weeks",
			typed(deid.Date, "chinese new year", "easter")},
		{"a feast's things after the article stay", "patient: around the christmas party, at the easter egg hunt", nil},
		// A day after "around" or "about", and a day weighed after a comma
		// closing the sentence; ordinals of things stay.
		{"a day around and another weighed", "doctor: so around the eighteenth, nineteenth\npatient: about the twentieth i think",
			typed(deid.Date, "the eighteenth", "nineteenth", "the twentieth")},
		{"ordinals of things around stay", "patient: about the third time i fell, around the second week", nil},
		// Said in Spanish, as interpreters and patients say dates.
		{"a day in Spanish words and its month", "interpreter: treinta de julio, julio treinta cincuenta y ocho",
			typed(deid.Date, "treinta de julio", "julio treinta cincuenta y ocho")},
		{"a day of two words and a year", "interpreter: nació el veinte y uno de marzo del dos mil diez",
			typed(deid.Date, "veinte y uno de marzo del dos mil diez")},
		{"a Spanish month in English speech", "interpreter: she says the fifteenth of agosto, and surgery in diciembre",
			typed(deid.Date, "the fifteenth of agosto", "diciembre")},
		{"Spanish numbers and a given name stay", "patient: i go once a day. dos de los pacientes. my son julio drove me", []found{{"julio", deid.Name}}},
		{"the feast's name before a noun stays", "patient: we had a cinco de mayo party at work. she fell on cinco de mayo", typed(deid.Date, "cinco de mayo")},
		{"days weighed after a spoken date", "patient: january tenth? tenth or eleventh. on june fifth, maybe sixth",
			typed(deid.Date, "january tenth", "tenth", "eleventh", "june fifth", "sixth")},
		{"an ordinal of a thing after a date stays", "patient: june fifth or sixth grade, march third or fourth time", typed(deid.Date, "june fifth", "march third")},
		{"people counted after the fourth of july", "patient: on the fourth of july sixty people came", typed(deid.Date, "the fourth of july")},
		{"scheduled for a day", "patient: surgery is scheduled for the twenty first", typed(deid.Date, "the twenty first")},
		{"an appointment's day", "patient: my appointment is the seventeenth at two", typed(deid.Date, "the seventeenth")},
		{"a day of this month", "patient: the mri was on the second of this month", typed(deid.Date, "the second of this month")},
		{"two days joined", "patient: between the tenth and the fourteenth", typed(deid.Date, "the tenth", "the fourteenth")},
		{"a range of days", "patient: i was out from the 3rd to the 5th", typed(deid.Date, "the 3rd", "the 5th")},
		{"a range of days with till", "patient: it was from the 14th till the 21st", typed(deid.Date, "the 14th", "the 21st")},
		// A review helper's probes: ordinals of a thing after a range, scores out of ten.
		{"a range of trimesters stays", "patient: from the 1st through the 3rd trimester i was sick, from the 2nd through the 4th cycle too", nil},
		{"scores after today stay", "Pain yesterday 6/10, today 3/10.", nil},
		{"a range of days with through", "patient: she was away from the 14th through the 21st", typed(deid.Date, "the 14th", "the 21st")},
		{"a month, the and a day", "relative: may the third, and then macon\npatient: june the fifth i think", typed(deid.Date, "may the third", "june the fifth")},
		{"the verb may before the and an ordinal stays", "patient: may the third one be better than the others", nil},
		{"a day after a weekday and a period", "client: sunday. the tenth. at my buddy's place", typed(deid.Date, "the tenth")},
		{"a month and day after yesterday", "Bitten at around 1500 yesterday 6/8. BP today 120/80, pain today 5/10.", typed(deid.Date, "6/8")},
		{"a day after fillers", "patient: she flew back on the um the twentieth\nmom: the runny nose, since maybe, uh, thanksgiving? then the ear",
			typed(deid.Date, "the twentieth", "thanksgiving")},
		{"a day to come back or fix", "patient: i'm still off, i go back the fifteenth\ndoctor: sure. we'll do the fourteenth. date of birth?",
			typed(deid.Date, "the fifteenth", "the fourteenth")},
		{"an ordinal of a thing after do stays", "doctor: we'll do the third one first. i go back the third time.", nil},
		{"a day answering when", "doctor: ok and when was that\npatient: the fourteenth so like ten days ago", typed(deid.Date, "the fourteenth")},
		{"the first answering when stays", "doctor: when did you notice it\npatient: the first, yeah", nil},
		{"an ordinal of a thing answering when stays", "doctor: when did it happen\npatient: the third time i fell", nil},
		{"may after early", "patient: back in early may", typed(deid.Date, "may")},
		{"the end of may", "patient: it was the end of may when it started", typed(deid.Date, "may")},
		{"the beginning of a month", "patient: since the beginning of august", typed(deid.Date, "august")},
		{"an abbreviation before a spoken day", "patient: dec twenty fifth", typed(deid.Date, "dec twenty fifth")},
		{"a season of a spoken year", "patient: in the spring of twenty nineteen", typed(deid.Date, "spring of twenty nineteen")},
		{"a holiday before a weekday", "patient: easter sunday she collapsed", typed(deid.Date, "easter")},
		{"a holiday's morning", "patient: christmas morning he couldn't get up", typed(deid.Date, "christmas")},
		{"a holiday's weekend", "patient: since memorial day weekend\nRheumatology started it Labor Day weekend for PMR.", typed(deid.Date, "memorial day weekend", "Labor Day weekend")},
		{"the modal stays", "patient: this may help with the pain", nil},
		{"the modal before be stays", "patient: next may be a good time to stop", nil},
		{"an ordinal of a thing stays", "patient: it's the third time this year", nil},
		{"the first time stays", "patient: for the first time in years", nil},
		{"a year alone stays", "patient: my colonoscopy was in oh eight", nil},
		{"a holiday's thing stays", "patient: we got a christmas tree", nil},
		{"a holiday's custom after a preposition of time stays", "patient: we had turkey and ham for christmas dinner", nil},
	})
}

// TestSpokenAgesSaidToThePatient: an age over 89 said to the patient ("you
// are ninety seven", "that makes you ninety one") and said back at the
// start of the next turn; not a count after "they are" with a unit, nor an
// ordinary number said back. Written for this test.
func TestSpokenAgesSaidToThePatient(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"said to the patient and back", "doctor: so you are ninety four\npatient: ninety four in october",
			[]found{{"ninety four", deid.Age}, {"ninety four", deid.Age}, {"october", deid.Date}}},
		{"made by the year of birth", "doctor: born in nineteen thirty three that makes you ninety two\npatient: ninety two and still going",
			[]found{{"nineteen thirty three", deid.Date}, {"ninety two", deid.Age}, {"ninety two", deid.Age}}},
		{"a percentage stays", "doctor: and they are ninety nine percent sure", nil},
		{"a reading said back stays", "doctor: your sugar was ninety five\npatient: ninety five is good right", nil},
		{"an unfinished question answered", "doctor: and that means you are\npatient: ninety one next week",
			[]found{{"ninety one", deid.Age}}},
		{"worked out from a year of birth", "doctor: what year were you born\npatient: nineteen thirty one\ndoctor: so ninety five",
			[]found{{"nineteen thirty one", deid.Date}, {"ninety five", deid.Age}}},
		{"a reading answered stays", "doctor: and the top number was\npatient: ninety two over sixty", nil},
		{"a percentage answered stays", "doctor: so you are\npatient: ninety five percent sure", nil},
		{"died at, spoken", "patient: my aunt died at ninety seven in manila", []found{{"ninety seven", deid.Age}, {"manila", deid.Location}}},
		{"lived to, spoken", "patient: grandpa lived to a hundred and one", []found{{"a hundred and one", deid.Age}}},
		{"made it to, spoken", "patient: my brother made it to a hundred and one so i'm not done\npatient: my mom made it to ninety six",
			[]found{{"a hundred and one", deid.Age}, {"ninety six", deid.Age}}},
		{"a speed made it to stays", "patient: we made it to ninety miles an hour", nil},
		{"answered after you're", "nurse: and that means you're\npatient: ninety four next month", []found{{"ninety four", deid.Age}}},
		{"an age corrected on the next turn", "nurse: you're ninety one now\npatient: ninety two in the spring",
			[]found{{"ninety one", deid.Age}, {"ninety two", deid.Age}}},
		{"a reading after an age stays", "nurse: you're ninety one\ndoctor: and the heart rate\npatient: ninety two", []found{{"ninety one", deid.Age}}},
		{"a number opening a turn without an age before stays", "nurse: the pressure\npatient: ninety two", nil},
		{"at a speed stays", "patient: he was driving at ninety five on the highway", nil},
		{"corrected, reached on a holiday", "nurse: ha you're ninety two you're allowed\npatient: ninety three on valentine's day",
			[]found{{"ninety two", deid.Age}, {"ninety three", deid.Age}, {"valentine's day", deid.Date}}},
		{"reached on a day of a month", "patient: he'll be ninety two on the fourth of july", []found{{"ninety two", deid.Age}, {"the fourth of july", deid.Date}}},
		{"reached on a birthday", "patient: she'll be ninety on her birthday", []found{{"ninety", deid.Age}}},
		{"a saturation on oxygen stays", "nurse: sats ninety on two liters", nil},
	})
}

// TestLowerCaseMonthsAlone: a lower-case month that names nothing else
// dates what is said without a preposition ("yeah august" stays: a name
// too): "september was when it started", "october" answering the month,
// "november or december". A month of every year stays ("flu season runs
// october through march", "every january", "february's always bad").
// Sentences written for this test.
func TestLowerCaseMonthsAlone(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a month as subject", "patient: september was when it started", typed(deid.Date, "september")},
		{"a month as an answer", "doctor: what month did it start\npatient: october i think", typed(deid.Date, "october")},
		{"months joined", "patient: i think it was november or december", typed(deid.Date, "november", "december")},
		{"a range's first month", "patient: january through march i was fine", typed(deid.Date, "january", "march")},
		{"a month said back", "doctor: so since july\npatient: yes july", typed(deid.Date, "july", "july")},
		{"a season of every year", "doctor: flu season runs october through march", nil},
		{"every year's month", "patient: every january i get bronchitis", nil},
		{"always in a month", "patient: february's always bad for my asthma", nil},
		{"may after see you in", "doctor: ok see you in may\npatient: bye", typed(deid.Date, "may")},
		{"may before then", "doctor: we'll see you in may then\npatient: bye", typed(deid.Date, "may")},
		{"may the modal after you stays", "doctor: you may feel a pinch\npatient: ok", nil},
	})
}

// TestHolidaysAsBirthDates: a birth date said as a holiday, with its year
// read out ("christmas nineteen thirty four" answering the date of birth,
// "new year's day twenty nine" as a birthday), holidays of other countries
// ("born on armistice day", "Remembrance Day"), and a holiday after "born
// on" typed a date, not a birthplace. Sentences written for this test.
func TestHolidaysAsBirthDates(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a holiday and its year for the birth date", "doctor: date of birth\npatient: easter nineteen forty one", typed(deid.Date, "easter nineteen forty one")},
		{"a birthday on a holiday with a spoken year", "doctor: and your birthday\npatient: new year's day thirty one",
			typed(deid.Date, "new year's day thirty one")},
		{"another country's holiday", "patient: born on armistice day, nineteen twenty eight",
			typed(deid.Date, "armistice day, nineteen twenty eight")},
		{"after born on, a date not a place", "Pt was born on Veterans Day 1930 in Duluth.", []found{{"Veterans Day 1930", deid.Date}, {"Duluth", deid.Location}}},
		{"a holiday with a count after it stays", "patient: we had christmas twenty people came", nil},
		{"a comma before the spoken year", "nurse: date of birth\npatient: halloween, ninety two.", typed(deid.Date, "halloween, ninety two")},
		{"a comma before a count stays", "nurse: any plans\npatient: halloween, twenty kids coming", nil},
		{"the hour after a birthday's feast stays", "doctor: what's your birth date?\npatient: halloween, twenty minutes before midnight my mom says",
			typed(deid.Date, "halloween")},
		{"a feast after the birth date said", "doctor: and date of birth\npatient: fifth of november forty one, bonfire night",
			typed(deid.Date, "fifth of november forty one", "bonfire night")}, // the spoken year with its day since afc7a0e
		{"a feast of several words answering when", "doctor: when did you get sick\npatient: chinese new year", typed(deid.Date, "chinese new year")},
		{"a feast's dinner answering when stays", "doctor: when did it start\npatient: chinese new year dinner made me sick", nil},
	})
}

// TestMonthRangeAndAgeInMessages: the end of a month range whose start is
// dated ("from january to april" left "april"), an age over 89 after
// "shes"/"hes" written without the apostrophe, a day after "on the" before
// "yeah", a month's abbreviation whose dot ends the sentence ("in Sept.
// Currently"); a recurring range, a measure, a floor and the medication
// record ("in MAR.") stay. Written for this test.
func TestMonthRangeAndAgeInMessages(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"patient: i was in jail from january to april", "april", deid.Date},
			{"client: i was in pretrial from june to august", "august", deid.Date},
			{"shes 91 and diabetic. can u call them", "91", deid.Age},
			{"hes 93 now and still drives", "93", deid.Age},
			{"patient: it was on the fifteenth yeah", "the fifteenth", deid.Date},
			{"Previously admitted in Sept. Currently staying at the shelter.", "Sept", deid.Date},
		}, "patient: we go to the lake from may to september every year", "shes 96 kg", "hes 99 percent sure",
			"patient: on the second floor yeah", "Lot numbers in MAR.\nReferral sent.")
	}
}

// TestSpokenAgesRestatedAndAfterAt: an age over 89 said again after an
// ellipsis ("i'm ninety... ninety one") and after "at" before a clause
// about the person ("bleeding risk at ninety four that's a concern");
// readings after "at" stay ("sats at ninety four that's fine"). Written
// for this test.
func TestSpokenAgesRestatedAndAfterAt(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"restated", "patient: i'm ninety... ninety one.", typed(deid.Age, "ninety", "ninety one")},
		{"after at", "pharmacist: more bleeding risk at ninety four that's a concern\ndoctor: at ninety two you're doing great",
			typed(deid.Age, "ninety four", "ninety two")},
		{"readings stay", "nurse: sats at ninety four that's fine. heart rate at ninety four that's high.", nil},
	})
}

// TestSpokenDaysAfterTheirCue: a day said with "the" after "on" ends its
// clause before "which", "if", "same" or "works" too; after "today",
// "tomorrow" or "yesterday" it is a day; after "be" when the clause ends
// there. The ordinal of a thing stays. Sentences written for this test.
func TestSpokenDaysAfterTheirCue(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"before which", "dr: your potassium was high on the sixteenth which is why we called", typed(deid.Date, "the sixteenth")},
		{"before if", "pt: can i go back on the eleventh if the swelling is down", typed(deid.Date, "the eleventh")},
		{"before works", "dr: how about the nineteenth\npt: the nineteenth works for me", typed(deid.Date, "the nineteenth", "the nineteenth")},
		{"after tomorrow", "nurse: the last dose is tomorrow the twenty second", typed(deid.Date, "the twenty second")},
		{"after be, ending the clause", "dr: so that would be the seventeenth\npt: ok", typed(deid.Date, "the seventeenth")},
		{"ordinals of things stay", "pt: she'd be the fifth in line. today the third patient came in. on the second floor which is closed.", nil},
		// A review's probes (rv38): the first and second rank things.
		{"first and second rank things", "dr: on the second which is the smaller lesion. wait for the first if the second is not available.", nil},
	})
}
