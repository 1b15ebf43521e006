package corpusgen

import (
	"strings"

	"github.com/clinscribe/clinscribe/deid"
)

// Utterance banks of the training split (see say for the slot syntax).
var (
	// The clinician opens: names in greeting and address position.
	trGreet = []string{"hi {F}", "hey there {F}", "good morning {F}", "good afternoon {F}",
		"hello {F} how are you doing today", "hi {T} {L} how are you", "{F} come on in have a seat",
		"okay {F} let's take a look", "so {F} what brings you in today", "nice to meet you {F} i'm {DR} {C}",
		"welcome back {F}", "hey {F} good to see you again", "morning {T} {L}", "so {F} tell me what's going on",
		"hi {F} i'm {CF} one of the nurses", "hello {T} {L} i'm {DR} {C}", "{F} hi", "hey {F}, how's it going",
		"hi there {T} {L}, i'm {CF}, i'll be your nurse today", "good to see you {F}", "how are we doing today {F}",
		"{T} {L}? come on back", "hi {F}, have a seat", "evening {F}", "there she is, hi {F}", "hello {N}",
		"is it {F}? hi i'm {DR} {C}", "hi {F} long time no see"}
	trReply = []string{"hi {DR} {C}", "good thanks how are you", "hey doc", "not too bad {DR} {C}", "oh hi {CF}",
		"i'm okay i guess", "hi", "doing alright", "hanging in there", "hey {CF} good to see you",
		"morning {DR} {C}", "could be better honestly"}
	// The clinician addresses the patient mid-visit.
	trVocative = []string{"okay {F} i'm going to listen to your heart", "does that hurt {F}",
		"alright {F}, let's look at that knee", "{F} can you squeeze my hands", "thank you {F}",
		"any questions {F}", "okay {F} take a deep breath for me", "{F} i want you to follow my finger",
		"so {F} the plan is to start the new medicine", "you're doing great {F}", "see you in three months {F}",
		"take care {F}", "bye {F}", "{F}, did you bring your medication list", "right {F}?",
		"how's the pain today {F}", "{F} lie back for me", "is that right {F}", "{T} {L} can you sit up",
		"{F} what do you think", "sounds good {F}", "all done {F}", "{F}, one more question",
		"okay {T} {L} we're almost done", "thanks {T} {L}", "got it {F}", "{F} i'll be right back",
		// After a discourse word, and before a clause: "alright {F}, let's look".
		"alright {F}, let's look", "well {F} the scan was clear", "so {F} any questions", "now {F} hold still",
		"okay {F} one more thing", "listen {F} this is important", "alright {F} we're done", "oh {F} i forgot"}
	// The patient talks about people.
	trPeople = []string{"my {REL} {R} drove me today", "my {REL} {R} is here with me", "{R} my {REL} says i snore",
		"i live with my {REL} {R}", "my {REL} {RN} had the same thing", "{DR} {C2} sent me over",
		"{DR} {C2} at {FAC} did the surgery", "i saw {C2N} over at {FAC}", "the nurse {C2F} said it was fine",
		"my {REL} {R} wants to know if it's serious", "this is my {REL} {R}", "{R} is my {REL}",
		"i called {R} and she came right over", "{R} couldn't make it today", "my neighbor {RN} helps me with groceries",
		"{R} {RL}? no that's my {REL}", "{DR} {C2}'s office never called back", "i think {DR} {C2N} retired",
		"{R} gives me my shots", "ask {R} she keeps track of all that", "{R}'s been worried sick",
		"my {REL} {R} works nights", "me and {R} went fishing", "{R} said i should come in",
		"i told {R} about it", "{RN} is my emergency contact", "you can talk to {R} about the bills"}
	// Places in the dialogue.
	trPlaces = []string{"we live out in {TOWN}", "i'm from {TOWN} originally", "drove up from {TOWN} this morning",
		"i work at {FAC}", "i work over at the {TOWN} plant", "they took me to {FAC}", "i had my surgery at {FAC}",
		"they sent me over to {SHORT}", "i was at {SHORT} for three days", "we moved to {TOWN} last year",
		"my {REL} lives in {TOWN}", "i go to {FAC} for my infusions", "she's down in {TOWN2}",
		"i went to urgent care in {TOWN}", "they flew me to {ACR}", "i was over at {ACR} for the scan",
		"i was in {ABBR} visiting my {REL}", "we just got back from {ABBR}", "my cardiologist is at {FAC}",
		"i get my labs done at {FAC}", "it's about an hour from {TOWN}", "up near {TOWN} by the lake",
		"i grew up in {TOWN} but now i'm in {TOWN2}", "the ambulance took me to {SHORT}",
		"i'm on the list at {ACR}", "my records are at {FAC}", "i used to go to the clinic in {TOWN}",
		"the people at {SHORT} were nice", "we drove all the way to {ABBR}", "{SHORT} did the biopsy",
		// Streets named without a suffix, and campuses, as people say them.
		"send it to the walgreens on {STN}", "she's in the apartment over on {STN}", "we live off {STN} now",
		"i work at a diner on {STN}", "the office on {STN} is closer", "the one on {STN} or the one in {TOWN}",
		"i'm at my {REL}'s place on {STN}", "it's the yellow house on {STN} by the school", "we're on {ST} now",
		"i moved to {ST} in {TOWN}", "the bus stops on {STN}", "the clinic out on {STN} by the mall",
		"the {TOWN} one or the {TOWN2} one", "{TOWN2} then", "whichever is closer {TOWN} i guess",
		"we were up at the lake in {TOWN}", "out past {TOWN2} by the river", "over at {SHORT} on {STN}",
		"my {REL} is flying in from {TOWN2} on friday", "he goes to {FAC} on {STN}"}
	trClinPlaces = []string{"we'll send the referral to {FAC}", "have you been seen at {SHORT} before",
		"were you at {FAC} when that happened", "are you still living in {TOWN}", "how long is the drive from {TOWN}",
		"i'll get the records from {ACR}", "they have a good program at {FAC}", "i trained at {ACR}",
		"did they do the echo at {SHORT}", "we have a clinic in {TOWN} too", "is {TOWN} closer for you"}
	// Identity checks and dictation.
	trIdentity = []string{"can you tell me your full name and date of birth|{N} {DOB}",
		"can you confirm your name for me|it's {N}", "and your date of birth|{DOB}", "name and birthday please|{N}, {DOB}",
		"who do we have here|this is my {REL} {R} and i'm {F}", "and who's with you today|that's my {REL} {R}",
		"what's your last name again|{L}", "and you go by {F}?|yeah {F} is fine"}
	trDictation = []string{"this is {DR} {C} dictating on {N} a {AGE} year old here for follow up",
		"patient is {N} {AGE} years old", "i saw {T} {L} today for her knee", "{F} is a {AGE} year old with diabetes",
		"{T} {L} is doing well on the new dose", "seen with her {REL} {R} today", "{N} was seen in clinic today",
		"plan discussed with {F} and her {REL}", "follow up with {DR} {C2} at {FAC}", "cc {DR} {C2N}",
		"referred by {DR} {C2} from {TOWN}", "{I} was seen today"}
	// Everything else: no identifiers, and many words that look like them.
	trSmallTalk = []string{"any chest pain or shortness of breath", "no not really just tired", "i've been taking the metformin like you said",
		"my sugars have been running around one forty one fifty", "your temperature is ninety nine point one",
		"blood pressure is one twenty eight over seventy six", "i hope it's nothing", "we'll see how it goes",
		"i got a bill from the hospital for the x-ray", "it may be the new medicine", "i need new reading glasses",
		"we'll give you some saline", "have faith it'll get better", "there's a grace period on the insurance",
		"it's been a long day", "any chance it's my thyroid", "chase the pill with a full glass of water",
		"we may need to lance that boil", "the urine looked crystal clear", "you got into some poison ivy",
		"cook with olive oil instead of butter", "it's ruby red in the middle", "no rush take your time",
		"the gene test came back negative", "this guy at work had the same thing", "pat it dry after the shower",
		"i have a rod in my leg from the accident", "he's a major worrier", "i'll pay cash",
		"the x-ray looked fine", "you drew blood last time", "i went to church sunday and felt dizzy",
		"i use a walker now", "avoid rich foods for a while", "it's a sharp pain right here", "a little better",
		"i love my coffee", "a kidney stone maybe", "the snow shoveling got my back", "down the hall on the left",
		"my son in law helps out", "the burns on my hand are healing", "my hair went gray", "bright red blood",
		"the chambers of the heart look normal", "use a cotton swab", "i've been moody lately",
		"a steel plate in my wrist", "there's no rush", "the temple area hurts", "it's gold standard treatment",
		"we'll stick with the generic", "my independence matters to me", "we'll get a mobile crisis team out",
		"auburn hair runs in the family", "i smoke newports", "oxford shoes are fine for work",
		"it looks like a type four on the bristol chart", "a little worcestershire sauce", "kona coffee every morning",
		"i'm a big ginger ale drinker", "do you want a candy cane", "cherry flavored", "a bud light or two",
		"any tummy tuck or other surgery", "with frank blood", "a buck fifty a pill", "my friendship circle keeps me going",
		"hang in there", "yeah", "okay", "uh huh", "right", "no", "yes", "mm hmm", "that makes sense",
		"sounds good", "we'll recheck in six weeks", "keep taking the lisinopril", "ten milligrams once a day",
		"no fevers no chills", "the swelling's better", "my knee gives out on the stairs",
		"i walk about a mile a day", "pain is maybe a six out of ten", "i quit smoking five years ago",
		"one glass of wine with dinner", "sleeping okay", "let's get some labs today", "any numbness or tingling",
		"the rash started on my arm", "it itches at night", "i ran out of the inhaler", "how's your appetite"}
	// Everyday and clinical words that a lower-case transcript writes
	// next to names: none of them is one.
	trWords = []string{"they started me on {cw} for the {cw}", "i was {gw} at the {gw} all day",
		"we need to talk about the {gw} in person", "the {gw} was {gw} again", "is that the {cw} or the {cw}",
		"i had {cw} last year", "my {gw} has been {gw}", "the {cw} helped with the {cw}",
		"{gw} and {gw} mostly", "no {cw} no {cw}", "we'll check for {cw}", "i quit {gw} in the spring",
		"the {gw} line said to come in", "call the {gw} center", "any {cw} since the {cw}",
		"she does {gw} and {gw} on weekends", "it's from the {gw}", "i'm {gw} about the {cw}",
		"they said {cw}", "{gw} {gw} {gw}", "{cw} {cw}", "you know the {gw} thing", "i do {gw} for a living",
		"at the {gw} they told me", "to the {gw} and back", "from {gw} to {gw}"}
	// Ordinary words where a name or a place could stand, and names of
	// people used as words: no identifier.
	trPlain = []string{"i'll be at {PW} all day", "she's at {PW} right now", "we were at {PW} when it started",
		"after {PW} he's wiped out", "i may send you to {PW}", "is anyone smoking at {PW}", "i work at {PW} actually",
		"i don't want to drive at night anyway", "the food his wife makes", "whatever the nurse wrote down",
		"my {REL} agrees with you", "her {REL} speaks spanish", "i'm the nurse practitioner today",
		"one of the nurse practitioners", "any chance she's pregnant", "a kidney stone once", "what gives you {wg}",
		"oh thank {wg}", "the eyes are {wg}", "a {wg} colored rash", "{wg} ale and tea mostly", "from ten till {wg}",
		"the {gw} fields by the school", "do i have to cross the street", "come in {gw} he's in the chair",
		"don't get me started", "go ahead young lady", "was there something special about that day",
		"no rush anyway", "honestly i don't know", "maybe my mom knows", "my wife does the cooking",
		"in the {cw} and the {cw}", "{wg} yeah", "a {wg} finish", "the {wg} one", "there's still {wg}",
		"we'll check for mutations in brca one and two", "the apoe gene", "my {REL} wrote it down", "anyone else at {PW}"}
	trLookalike = []string{"she's {ETH}", "he identifies as {ETH}", "family is {ETH}", "we need a {ETH} interpreter",
		"history of {EPO}", "we'll check for {EPO}", "could be {EPO}", "the {EPO} was negative",
		"his {EPO} from years ago", "they said it was {EPO}", "transfer to {UNIT}", "back from {UNIT}",
		"referred to {DEPT}", "To: {DEPT}, {DEPT}", "{DEPT} consulted", "per {DEPT}", "seen in {DEPT} today",
		"discussed with {DEPT} and {DEPT}", "From: {DEPT}", "{DEPT} will follow", "call {DEPT} with questions",
		"she's in {UNIT} now", "seen in the {UNIT}", "picked it up at {UNIT}"}
)

// trainLine writes one line of dialogue: a speaker tag and an utterance.
func (g *gen) trainLine(b *builder, c *cast, asr bool, tag, pat string) {
	if tag != "" {
		b.t(tag, " ")
	}
	if strings.Contains(pat, "|") {
		panic("corpusgen: question and answer pattern in trainLine")
	}
	g.say(b, c, asr, pat)
	if !asr {
		b.t(g.pick(".", ".", "?", "!"))
	}
	b.t("\n")
}

var (
	personLabels = strings.Fields("Examinee Informant Guest Client Resident Member Guarantor Contact Witness Scribe " +
		"Preceptor Attending Fellow Nurse Interpreter Chaperone Sender Recipient Educator Caregiver Translator " +
		"Proband Patient Name Parent Spouse Surrogate Proxy Referrer PCP Author Provider Therapist Coach")
	placeLabels = strings.Fields("School Practice Pharmacy Facility Hospital Clinic Site Location Employer " +
		"Shelter Residence Town City Hometown Campus Agency")
)

var tagStyles = [][2]string{{"doctor:", "patient:"}, {"dr:", "pt:"}, {"[doctor]", "[patient]"},
	{"speaker 1:", "speaker 2:"}, {"clinician:", "patient:"}, {"d:", "p:"}, {"provider:", "patient:"},
	{"", ""}, {"DOCTOR:", "PATIENT:"}, {"Speaker 0:", "Speaker 1:"}, {"[clinician]", "[patient]"},
	{"physician:", "pt:"}, {"nurse:", "patient:"}, {"interviewer:", "respondent:"}}

// Templates of the training split, written for the tagger: speech
// recognition dialogue, facility variants, names without cues,
// initial-first names, and look-alike text without identifiers.
var trainTemplates = []template{
	{"asr_dialogue", func(g *gen, b *builder, kn **deid.Known) {
		c := g.newCast()
		st := tagStyles[g.r.IntN(len(tagStyles))]
		asr := g.chance(0.85)
		if g.chance(0.2) {
			b.t(g.pick("[transcript]", "transcript", "recording start", "audio transcript"), "\n")
		}
		g.trainLine(b, c, asr, st[0], trGreet[g.r.IntN(len(trGreet))])
		g.trainLine(b, c, asr, st[1], trReply[g.r.IntN(len(trReply))])
		n := 5 + g.r.IntN(10)
		for range n {
			who := st[0]
			var bank []string
			switch x := g.r.IntN(25); {
			case x < 4:
				bank = trVocative
			case x < 7:
				bank, who = trPeople, st[1]
			case x < 10:
				bank, who = trPlaces, st[1]
			case x < 11:
				bank = trClinPlaces
			case x < 12:
				bank = trLookalike
				if g.chance(0.5) {
					who = st[1]
				}
			case x < 15:
				bank = trWords
				if g.chance(0.5) {
					who = st[1]
				}
			case x < 18:
				bank = trPlain
				if g.chance(0.5) {
					who = st[1]
				}
			case x < 19:
				qa := strings.Split(trIdentity[g.r.IntN(len(trIdentity))], "|")
				g.trainLine(b, c, asr, st[0], qa[0])
				g.trainLine(b, c, asr, st[1], qa[1])
				continue
			default:
				bank = trSmallTalk
				if g.chance(0.5) {
					who = st[1]
				}
			}
			g.trainLine(b, c, asr, who, bank[g.r.IntN(len(bank))])
		}
		if g.chance(0.5) {
			g.trainLine(b, c, asr, st[0], trVocative[g.r.IntN(len(trVocative))])
		}
		if g.chance(0.6) {
			*kn = c.known(g)
		}
	}},
	{"asr_dictation", func(g *gen, b *builder, kn **deid.Known) {
		c := g.newCast()
		asr := g.chance(0.7)
		n := 3 + g.r.IntN(5)
		for range n {
			var bank []string
			switch x := g.r.IntN(10); {
			case x < 4:
				bank = trDictation
			case x < 6:
				bank = trSmallTalk
			case x < 7:
				bank = trLookalike
			default:
				bank = trPlaces
			}
			g.say(b, c, asr, bank[g.r.IntN(len(bank))])
			if asr {
				b.t(g.pick(" ", " ", "\n", " period "))
			} else {
				b.t(". ")
			}
		}
		b.t("\n")
		if g.chance(0.5) {
			*kn = c.known(g)
		}
	}},
	{"facility_note", func(g *gen, b *builder, kn **deid.Known) {
		c := g.newCast()
		p := func(pat string) { g.say(b, c, false, pat) }
		b.t(g.pick("PROGRESS NOTE\n", "Transfer note\n", "ED Provider Note\n", "", "Consult\n"))
		p(g.pick("{N} is a {AGE} year old", "{T} {L} is a {AGE}-year-old", "Pt is a {AGE} yo", "{F} {L}, {AGE}"))
		b.t(" ", g.pick("transferred from ", "previously followed at ", "seen last month at ", "referred from "))
		p(g.pick("{FAC}", "{SHORT}", "{ACR}", "{FAC} in {TOWN}", "{ACR}"))
		b.t(" for ", g.pick("chest pain", "syncope", "a hip fracture", "sepsis", "new atrial fibrillation"), ". ")
		g.filler(b, 1)
		for range 2 + g.r.IntN(4) {
			p(g.pick("Records requested from {FAC}.", "Seen at {ACR} in 2021.", "Lives in {TOWN} with her {REL} {RN}.",
				"Moved here from {ABBR} last year.", "Follows with our {ABBR} clinic.", "{DR} {C2} at {FAC} recommended surgery.",
				"Referred by {DR} {I}.", "Spoke with {R} ({REL}) by phone.", "Discussed with {DR} {C2N} of {SHORT}.",
				"Previously at {SHORT}, then {FAC}.", "Works at {FAC} as a cook.", "Grew up in {TOWN}; now in {TOWN2}.",
				"Outside imaging from {ACR} reviewed.", "Transported by ambulance from {TOWN}.", "Her {REL} {R} is at bedside.",
				"Daughter {R} lives in {TOWN2}.", "Pt was at {SHORT} for rehab.", "Had TAVR at {ACR}.",
				"{R} (HCP) updated.", "Ethnicity: {ETH}.", "PMH: {EPO}.", "Admitted to {UNIT}.", "Transferred to {UNIT} overnight.",
				"No history of {EPO}.", "Dispo: {UNIT} then home.", "Seen by {I}, NP."))
			b.t(" ")
		}
		g.filler(b, 1)
		b.t("\n", g.pick("Signed: ", "-- ", "Electronically signed by ", ""))
		p(g.pick("{DR} {C}", "{CN}, MD", "{CF} {C} PA-C", "{CN}"))
		b.t("\n")
		if g.chance(0.4) {
			*kn = c.known(g)
		}
	}},
	{"clinical_question", func(g *gen, b *builder, kn **deid.Known) {
		c := g.newCast()
		p := func(pat string) { g.say(b, c, false, pat) }
		p(g.pick("{AGE}M from {TOWN} with", "{AGE}F seen at {FAC} with", "I have a {AGE} year old from {ABBR} with",
			"Question about {T} {L}, {AGE}, who has", "My patient {F} ({AGE}) was discharged from {SHORT} with"))
		b.t(" ", g.pick("refractory hypertension", "recurrent C. diff", "a 2 cm adrenal nodule", "new-onset seizures",
			"CKD stage 4 and hyperkalemia"), ". ")
		p(g.pick("She was seen at {ACR} and {FAC}.", "Workup at {SHORT} was negative.", "Her {REL} {R} manages her meds.",
			"Family is {ETH}.", "History of {EPO}.", "He drives in from {TOWN} every week.", "No prior {EPO}.",
			"Cardiology at {FAC} suggested an ablation.", "{DR} {C2} thinks it is {EPO}."))
		b.t(" ", g.pick("What would you do next?", "Any thoughts?", "Should I refer?", "Is this worth a scope?"), "\n")
		if g.chance(0.2) {
			*kn = c.known(g)
		}
	}},
	{"names_no_cue", func(g *gen, b *builder, kn **deid.Known) {
		c := g.newCast()
		asr := g.chance(0.4)
		for range 3 + g.r.IntN(4) {
			g.say(b, c, asr, g.pick("{F} reports the pain is better", "Spoke with {F} about the results",
				"{N} was seen today", "Called {F} back at noon", "{F} and {R} were both here", "{R} says {F} is eating less",
				"{F} {L} tolerated the procedure", "Left a message for {R}", "{F} wants to hold off on surgery",
				"Per {R}, she fell twice", "{L} family at bedside", "Gave {F} the handout", "{F} asked about driving",
				"{R} will bring the pill bottles", "{C2F} from PT saw her", "{F} is going to think about it",
				"{F}'s blood sugars were high", "{R}'s number is on file", "Reviewed with {F} and {REL} {R}"))
			b.t(g.pick(". ", ". ", ".\n", "; "))
			if g.chance(0.4) {
				g.say(b, c, asr, trSmallTalk[g.r.IntN(len(trSmallTalk))])
				b.t(". ")
			}
		}
		b.t("\n")
		if g.chance(0.3) {
			*kn = c.known(g)
		}
	}},
	{"field_note", func(g *gen, b *builder, kn **deid.Known) {
		c := g.newCast()
		p := func(pat string) { g.say(b, c, false, pat) }
		switch x := g.r.IntN(10); {
		case x < 4:
			b.t(strings.ToUpper(generalWords[g.r.IntN(len(generalWords))]), g.pick(" NOTE\n", " SUMMARY\n", " REPORT\n", "\n"))
		case x < 7:
			b.t(g.pick("ORTHO", "GI", "ENT", "PULM", "RENAL", "NEURO", "DERM", "URO", "ONC", "HEME", "PEDS", "OB", "PSYCH",
				"SPORTS", "SPINE", "HAND", "WOUND", "PAIN", "SLEEP", "ALLERGY", "LIPID", "STROKE", "MEMORY", "TRAVEL"),
				g.pick(" CLINIC NOTE\n", " CLINIC - FOLLOW UP\n", " CLINIC\n", " SERVICE NOTE\n", " CENTER - NEW PATIENT\n"))
		case x < 8:
			b.t(strings.ToUpper(departments[g.r.IntN(len(departments))]), g.pick(" NOTE\n", " - PROGRESS NOTE\n", "\n"))
		}
		for range 5 + g.r.IntN(8) {
			switch x := g.r.IntN(10); {
			case x < 2:
				b.t(personLabels[g.r.IntN(len(personLabels))], ": ")
				p(g.pick("{N}", "{RN} ({REL})", "{DR} {C}", "{CN}, RN", "{L}, {F}", "{I}", "{C2N}", "{F}"))
			case x < 3:
				b.t(placeLabels[g.r.IntN(len(placeLabels))], ": ")
				p(g.pick("{FAC}", "{TOWN}", "{FAC}, {TOWN}", "{ACR}", "{SHORT}"))
			default:
				b.t(fieldLabels[g.r.IntN(len(fieldLabels))], ": ")
				p(g.pick("{CW} 50 mg daily.", "{cw} and {cw}.", "none.", "{CW}, {cw}, {cw}.", "{GW} {gw} {gw}.",
					"{CW} {cw}, improving.", "{GW}.", "{gw} per protocol.", "{CW} ruled out; {cw} likely.",
					"see above.", "{CW} x2, {CW} x1.", "{GW} with {gw}.", "{ETH}.", "{EPO}.", "{UNIT}.", "{DEPT}.",
					"{DEPT}, {DEPT}.", "{DEPT} to follow."))
			}
			b.t("\n")
		}
		if g.chance(0.3) {
			*kn = c.known(g)
		}
	}},
	{"prose_note", func(g *gen, b *builder, kn **deid.Known) {
		c := g.newCast()
		p := func(pat string) { g.say(b, c, false, pat) }
		for range 4 + g.r.IntN(6) {
			p(g.pick("{CW} was started and {cw} held.", "{GW} and {gw} reviewed with the patient.",
				"{CW} is likely given the {cw}.", "{GW} {gw}: {cw}.", "{CW} 20 mg PO BID.", "{GW} was {gw}.",
				"{CW} (see {GW}).", "{GW}, {GW} and {GW} discussed.", "{CW}; {CW}.", "Per {GW}, {cw} unchanged.",
				"{F} {L} was seen by {DR} {C}.", "{GW} at {FAC} was {gw}.", "She lives in {TOWN}.",
				"{R} ({REL}) called about {cw}.", "{T} {L} has {CW}.", "{CW} from {SHORT}."))
			b.t(g.pick(" ", " ", "\n"))
		}
		b.t("\n")
		if g.chance(0.3) {
			*kn = c.known(g)
		}
	}},
	{"asr_phi_free", func(g *gen, b *builder, kn **deid.Known) {
		// A transcript that names nobody and no place: what most of a
		// visit is, full of words that look like names to a model that
		// only sees lower case.
		c := g.newCast()
		st := tagStyles[g.r.IntN(len(tagStyles))]
		for k := range 6 + g.r.IntN(12) {
			who := st[k%2]
			var pat string
			switch x := g.r.IntN(10); {
			case x < 4:
				pat = trSmallTalk[g.r.IntN(len(trSmallTalk))]
			case x < 7:
				pat = trWords[g.r.IntN(len(trWords))]
			case x < 9:
				pat = trLookalike[g.r.IntN(len(trLookalike))]
			default:
				pat = g.pick("hi how are you doing today", "good morning come on in", "thanks for waiting",
					"okay let's take a look", "alright see you in three months", "take care bye now", "hey doc",
					"hello there have a seat", "morning how's it going", "thank you so much", "okay sounds good")
			}
			g.trainLine(b, c, true, who, pat)
		}
	}},
	{"lookalikes", func(g *gen, b *builder, kn **deid.Known) {
		c := g.newCast()
		asr := g.chance(0.4)
		for range 4 + g.r.IntN(5) {
			if x := g.r.IntN(3); x == 0 {
				g.say(b, c, asr, trLookalike[g.r.IntN(len(trLookalike))])
			} else if x == 1 {
				g.say(b, c, asr, trWords[g.r.IntN(len(trWords))])
			} else {
				g.say(b, c, asr, trSmallTalk[g.r.IntN(len(trSmallTalk))])
			}
			b.t(g.pick(". ", ". ", "\n"))
			if !asr && g.chance(0.3) {
				g.filler(b, 1)
			}
		}
		b.t("\n")
	}},
}

// trainingSplit mixes the tagger's templates with the dev templates (on
// the training pools), three to one, so the tagger also sees the
// formatted notes the rules already handle and learns to leave them be.
func trainingTemplate(i int) template {
	if i%4 == 3 {
		return devTemplates[(i/4)%len(devTemplates)]
	}
	return trainTemplates[(i-i/4)%len(trainTemplates)]
}
