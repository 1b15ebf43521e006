package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// locs lists texts found as places.
func locs(w ...string) []found { return typed(deid.Location, w...) }

// TestHospitalsAbroad: hospitals of Great Britain, Ireland, Canada and New
// Zealand (data/hospitals-abroad.txt) said by their heads in lower-case
// speech, with or without "the"; a head that is also an English word only
// after a verb of care, and an ordinary noun after "the" stays.
func TestHospitalsAbroad(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"the head with the", "patient: they sent me to the rockyview after the scan", locs("rockyview")},
		{"transferred to", "patient: he was transferred to middlemore after the crash", locs("middlemore")},
		{"a word after a care verb", "patient: she delivered at the rotunda with twins", locs("rotunda")},
		{"two words", "patient: we took him to alder hey for the scan", locs("alder hey")},
		{"two words after done at", "patient: he had his knee done at stepping hill last year", locs("stepping hill")},
		{"seen at", "patient: i'm seen at wythenshawe every month", locs("wythenshawe")},
		{"been in", "patient: he's been in altnagelvin since the weekend", locs("altnagelvin")},
		{"works at", "patient: she works at gartnavel as a cleaner", locs("gartnavel")},
		{"a word without a care verb", "patient: the rotunda of the old library was lovely", nil},
		{"a word after near the", "pt: we live near the beach in the summer", nil},
		// A review helper's cases: a head before a noun, no care around it.
		{"a match", "patient: he went to the kerry match and got hit by a hurley", nil},
		{"a lecture", "patient: we went to the keynes lecture at uni", nil},
	})
}

// TestUnlistedPlaceAnswer: a word on no list and no English word, said
// alone as the answer to a question of where, is the place; a hesitation,
// an English word and a place question's answer about the body stay.
func TestUnlistedPlaceAnswer(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"home is", "doctor: and home is\npatient: tuktoyaktuk, up by the ocean", locs("tuktoyaktuk")},
		{"moved here from", "doctor: and you moved here from\npatient: kozhikode, three years ago", locs("kozhikode")},
		{"where born, then in", "doctor: where were you born\npatient: yeah chengalpattu, then we came over", locs("chengalpattu")},
		{"a hesitation", "doctor: where did you get the tattoo\npatient: ummm, not sure", nil},
		{"where it hurts", "doctor: where does it hurt\npatient: owww, here", nil},
		{"an English word", "doctor: where do you work\npatient: warehouse, near the docks", nil},
		// A review helper's cases: drawn-out sounds, questions of where a
		// thing is, was bought or read.
		{"a drawn-out no", "doctor: where do you live\npatient: nooo, not telling", nil},
		{"where a lump is", "doctor: where's the lump\npatient: oxter, the left one", nil},
		{"where it was read", "doctor: where did you read that\npatient: reddit, some thread", nil},
		{"where it was bought", "doctor: where did you buy the tablets\npatient: ebay, from some seller", nil},
	})
}

// TestTheGenericHospital: a town's hospital called by a generic word after
// "the" ("the infirmary", "the general", "the civic", "the regional", "the
// mater"), where a hospital goes and before the clause ends or goes on; the
// word as an adjective or in an idiom stays.
func TestTheGenericHospital(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"kept in overnight", "gp: so they kept you in at the infirmary overnight", locs("infirmary")},
		{"one or the other, in hospital", "nurse: which hospital were you at, the general or the civic", locs("general", "civic")},
		{"an answer to which hospital", "doctor: which hospital did they take you to\npatient: the regional, for two nights", locs("regional")},
		{"admitted, then the mater", "patient: they admitted me to the royal victoria and then the mater for a week", locs("royal victoria", "mater")},
		{"the general public", "patient: it was good for the general public", nil},
		{"at the mercy of", "patient: he is at the mercy of the weather", nil},
		{"the regional manager", "patient: i talked to the regional manager", nil},
		{"in general", "patient: in general i feel fine", nil},
		{"the royal wedding", "patient: we watched the royal wedding", nil},
		// A review helper's cases: anaesthesia, a car, a train line, a film.
		{"under the general", "patient: they did my knee under the general, it knocked me right out", nil},
		{"an anaesthetic asked about", "doctor: what kind of anaesthetic was it\npatient: the general, then they kept me overnight", nil},
		{"a car", "patient: i was sitting in the civic when the other car hit us", nil},
		{"a train line", "patient: i take the jubilee then the northern for two stops", nil},
		{"a film", "patient: i fell asleep in the western on telly last night", nil},
		{"a specialty", "patient: my gp referred me to the general and then to the colorectal lot", nil},
		// A clinician speaking or care said on the line (or the line
		// before) is hospital talk enough: no "hospital" was said.
		{"a nurse asks which", "nurse: were you at the general or the civic", locs("general", "civic")},
		{"care on the line before", "doctor: and where were you seen\npatient: the royal victoria yeah, then the mater for the mental health bit",
			locs("royal victoria", "mater")},
		{"a film with a clinician speaking", "doctor: so you dozed off in the western on telly", nil},
		// A review's probes: a civic centre, a school's or a jail's
		// sickbay, a word explained.
		{"other places by the same words", "patient: there's a flu clinic at the civic centre. she was in the infirmary at boarding school with a fever. " +
			"nurse: he goes back to the infirmary at the jail after the scan", nil},
		{"a word explained", "nurse: the mater, as in your mum? she can come in", nil},
		// What the hospital did, said of it as of its staff.
		{"a hospital doing", "patient: the general were brilliant with my scan. the clinic at the mater rang me", locs("general", "mater")},
		{"the public, the family, an anaesthetic doing", "patient: the general public were told, the royal family were there\ndoctor: how was the anaesthetic\npatient: the general did knock me out", nil},
	})
}

// TestStillInTown: a word on no list after "still in" ends where someone
// lives (as after a care home's "in"); an English word there stays.
func TestStillInTown(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"still in", "gp: and you are still in gilmerton", []found{{"gilmerton", deid.Location}}},
		{"a care home in", "patient: her care home in tuktoyaktuk is lovely", []found{{"tuktoyaktuk", deid.Location}}},
		{"still in pain", "patient: i am still in pain", nil},
		{"home in bed", "patient: she stayed home in bed", nil},
		{"are you still in", "doctor: are you still in tuktoyaktuk", []found{{"tuktoyaktuk", deid.Location}}},
		// A review helper's cases: a unit, a state, a thing still in.
		{"a baby in a unit", "nurse: the baby's still in scbu", nil},
		{"i'm still in", "patient: i'm still in trackies", nil},
		{"an arm", "patient: my arm is still in plastar", nil},
	})
}

// TestRoyalAndModifiedHospitals: a hospital named for a royal or a knight
// ("the princess margaret", "royal darwin", "sir charles gairdner") or a
// generic word with a direction ("the southern general", "the northern in
// epping"); the royal family, a line, a dog's breed and the northern
// lights stay.
func TestRoyalAndModifiedHospitals(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"the southern general", "nurse: and you were admitted at the southern general before", locs("southern general")},
		{"the northern in a town", "patient: they transferred me to the northern in epping before that", locs("northern", "epping")},
		{"flown to", "patient: they flew me to royal darwin after the crash", locs("royal darwin")},
		{"in the princess", "patient: she was admitted to the princess margaret for a week", locs("princess margaret")},
		{"a knight, as an answer to which hospital", "nurse: which hospital were you at before\npatient: sir charles gairdner, no, i normally go elsewhere", locs("sir charles gairdner")},
		{"the royal family", "patient: we love the royal family", nil},
		{"a line", "patient: take the queen elizabeth line to work", nil},
		{"a breed", "patient: we got the king charles in march and my asthma's been worse", []found{{"march", deid.Date}}},
		{"the northern lights", "patient: the northern lights were amazing", nil},
		// A review helper's cases: people named with a royal title.
		{"a singer", "doctor: who's your favourite singer\npatient: sir elton john, always has been", []found{{"john", deid.Name}}},
		{"a son named prince", "patient: prince adebayo, that's my son, he's nine", []found{{"adebayo", deid.Name}}},
		{"a bible", "patient: it says so in the king james.", nil},
		{"a ship", "patient: my dad worked in the queen elizabeth, the cruise liner, for years", nil},
	})
}

// TestHealthBodies: a health body named for its place or person ("Leeds
// Teaching Hospitals NHS Trust", "Betsi Cadwaladr University Health
// Board", "Western Sydney Local Health District") is a place, on a heading
// line too; a tail with no name before it and a meeting's board stay.
func TestHealthBodies(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a trust as a heading", "Leeds Teaching Hospitals NHS Trust\nDepartment of Hepatology", locs("Leeds Teaching Hospitals NHS Trust")},
		{"a health board in a sentence", "Referred to Betsi Cadwaladr University Health Board today.", locs("Betsi Cadwaladr University Health Board")},
		{"a health district", "Referred by Western Sydney Local Health District.", locs("Western Sydney Local Health District")},
		{"no name before the tail", "The NHS Trust policy says so.", nil},
		{"a national body", "Health Service Executive guidance applies.", nil},
		{"a tumor board", "Discussed at the Tumor Board.", nil},
	})
}

// TestUnlistedTownAfterComingAndHoliday: a word on no list and no English
// word after "came/comes/coming from", "on holiday in" or "lived in", and
// before "near", is a town too small for the gazetteer; the same verbs
// before an English word, a clinic's department or a drug stay.
func TestUnlistedTownAfterComingAndHoliday(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"came from", "doctor: you came from mylapore\npatient: yes", locs("mylapore")},
		{"comes in from", "patient: my daughter comes in every day from palmerstown", locs("palmerstown")},
		{"on holiday in", "patient: we were on holiday in beaumaris when it started", locs("beaumaris")},
		{"before near", "patient: my partner lives in glenelg near the jetty", locs("glenelg")},
		{"lived in", "patient: we lived in kilbirnie for years", locs("kilbirnie")},
		{"came from an English word", "patient: the pain came from nowhere, then it came from work stress", nil},
		{"came from a department", "The referral came from Cardiology last week.", nil},
		{"came on holiday with", "patient: we came on holiday with the kids", nil},
	})
}

// TestUnlistedWordNamesHospiceOrLandmark: after "the", a word on no list,
// no English word and not shaped as a clinical word or a drug names a
// hospital, hospice or home ("the foyle hospice") and a landmark ("the
// booragoon shops", "the kapaleeshwarar temple"); a treatment before a
// clinic, an adjective of care and a faith stay.
func TestUnlistedWordNamesHospiceOrLandmark(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a hospice", "patient: my wife works at the foyle hospice so she knows the nurses", locs("foyle hospice")},
		{"shops", "patient: we live near the booragoon shops", locs("booragoon shops")},
		{"a temple", "patient: yes near the kapaleeshwarar temple, earlier we lived further out", locs("kapaleeshwarar temple")},
		{"a treatment's clinic", "patient: she goes to the botox clinic every three months", nil},
		{"an adjective of care", "patient: she was moved to the orthopedic hospital", nil},
		{"a faith's temple", "patient: we pray at the bahai temple on sundays", nil},
		{"a faith's mosque", "patient: he goes to the shia mosque on fridays", nil},
	})
}

// TestPossessivePlaces: a name in the possessive after a preposition of
// place, ending the clause, is a home or a hospital named for its founder
// or saint, the "'s" with it; an English word only where care is spoken
// of; kin, trades, chains and eponyms stay.
func TestPossessivePlaces(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a given name", "patient: the ambulance took me to jimmy's", locs("jimmy's")},
		{"a word on no list", "gp: and you were at addenbrooke's for the leg", locs("addenbrooke's")},
		{"a saint's, in", "doctor: and you were in vincent's before", locs("vincent's")},
		{"an English word where care is spoken of", "doctor: and you were seen at king's last week", locs("king's")},
		{"written", "I reviewed her in the hepatology clinic at Jimmy's today.", locs("Jimmy's")},
		{"kin", "patient: i was at my sister's, then at grandma's", nil},
		{"a trade", "patient: i was at the dentist's all morning", nil},
		{"chains", "patient: we ate at wendy's, then went to freddy's after", nil},
		{"an English word without care", "patient: we met at king's cross and went to king's for lunch", nil},
		{"an eponym", "patient: she was in hodgkin's remission for years", nil},
	})
}

// TestUnlistedSiteAfterCare: a word on no list after "at" where care is
// spoken of ("getting seen at", "had the operation at") names the
// hospital; a time, a dose and work stay.
func TestUnlistedSiteAfterCare(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"seen at", "doctor: are you still getting seen at stroger", locs("stroger")},
		{"the operation at", "doctor: and you had the operation at flinders", locs("flinders")},
		{"a time", "patient: i had the operation at nine", nil},
		{"a dose", "patient: my doctor had me at ten units", nil},
		{"work", "patient: they had me at work all week", nil},
	})
}

// TestLowerCaseLeadsAndStateUniversities: in lower case, "mount", "fort"
// and "port of" before a place found are part of its name, and "state"
// after a town or state said after at/to/from is its university; "state"
// before a noun stays.
func TestLowerCaseLeadsAndStateUniversities(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"port of", "patient: yeah at the warehouse at the port of tacoma and i'm on the forklift", locs("port of tacoma")},
		{"fort", "patient: he was stationed at fort sill for two years", locs("fort sill")},
		{"a state university", "patient: she's a freshman at boise state", locs("boise state")},
		{"state before a noun", "patient: they moved to boise state records were lost", locs("boise")},
	})
}

// TestCoordinatedPlacesFromToAndUnlisted: after a place found, "to" names
// the next place where "from" came before it ("from good sam to banner in
// the middle of the night"), and a lower-case word on no list after "and"
// ending the clause is the second place ("in cozumel and roatán"); "to" and
// an English word that is no place stay ("from denver to work").
func TestCoordinatedPlacesFromToAndUnlisted(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"from, to", "patient: they transferred me from phoenix to banner in the middle of the night", locs("phoenix", "banner")},
		{"and an unlisted word", "speaker 2: a cruise out of galveston we stopped in cozumel and roatán", locs("galveston", "cozumel", "roatán")},
		{"to work", "patient: i went from denver to work", locs("denver")},
	})
}

// TestReviewedLookalikesOfTheNewPlaceRules: a review helper's sentences
// (written for the review, before it ran) that the first versions of this
// session's place rules damaged: food, organisms, prayers, clothing,
// chains and eponyms after "came from", "lived in" or a possessive, and
// departments by their short names after "seen at"; and towns of a rare
// short word and another, which the compound check had kept as English.
func TestReviewedLookalikesOfTheNewPlaceRules(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"food", "patient: the gas comes from kimchi, she eats it every day", nil},
		{"an organism", "doctor: the sepsis came from klebsiella in the urine", nil},
		{"prayers", "patient: she came from jummah and then felt dizzy, we came from iftar too", nil},
		{"clothing", "patient: i've lived in crocs all summer because of the swelling", nil},
		{"a faith's temple", "patient: she goes to the iskcon temple for kirtan", nil},
		{"a chain's possessive", "patient: she got coffee from timmy's, then yarn at joann's", nil},
		{"an eponym's possessive", "patient: her ulcers are from behcet's", nil},
		{"departments", "patient: still getting seen at peds for the asthma, and at derm for the mole", nil},
		{"a department and a hospital area", "nurse: she was seen at resus and then majors", nil},
		{"a town of a rare short word and another", "patient: my girlfriend lives in partick and i'm stopping with her", locs("partick")},
	})
}

// TestTownAfterSpokenStreet: after a street said in lower case and a
// comma, a town of the lists or a word on none is the town; an English
// word is the clause going on ("le fanu road, god bless him").
func TestTownAfterSpokenStreet(t *testing.T) {
	t.Parallel()
	runFreeCases(t, []foundCase{
		{"a listed town", "patient: it's forty two elm street, newton, and the zip i forget", locs("forty two elm street", "newton")},
		{"an English word", "patient: o'mahony on le fanu road, god bless him", locs("le fanu road")},
	})
}
