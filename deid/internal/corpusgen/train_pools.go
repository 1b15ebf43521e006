package corpusgen

import "strings"

// Pools of the tagger's training split. They are written for it and share
// few entries with the evaluation splits; on purpose they leave out the
// example strings of issue 12 and of the briefs of the blind corpora
// ("Dawn", "Hunter", "Grant", "Rivers", "OHSU", "Hopkins", "Pacific
// Islander", ...), so the tests that use those examples measure what the
// tagger generalizes to, not what it memorized. A third of the names are
// made up from syllables and are on no list, so context has to carry them.
var (
	// Given names that are also ordinary English words.
	trainWordGiven = strings.Fields("Joy Grace Amber Ruby Chase Wade Lance Crystal Sterling Penny Holly Ivy Daisy " +
		"Lily Violet Olive Pearl Autumn Sky River Rain Robin Sandy Misty Sage Gene Guy Pat Rod Cliff Dale Glen " +
		"Heath Forrest Brook Major Royal Sunny Dusty Rusty Destiny Chance Patience Charity Mercy Honor Melody " +
		"Harmony Star Blossom Ginger Candy Cherry Buck Bud Colt Cash Reed Ray Rex Sonny Trinity Journey " +
		"Serenity Willow Ember Wren Jade Raven Heather Shelby Carol Frank Drew Bo Jay Fern Hollis Tuck")
	trainGiven = strings.Fields("Adaeze Bogdan Carmela Dashiell Efua Fenella Gustavo Halima Ignatius Jolanta " +
		"Kwabena Leocadia Matteo Nuala Oksana Praveen Quentin Radhika Sebastiano Teodora Ulrich Valeria Wojciech " +
		"Xavier Yetunde Zbigniew Anneliese Bartholomew Consuelo Demetrius Eleni Florentino Gwyneth Hakeem Isolde " +
		"Jeremiah Katarzyna Lorenzo Magdalena Nikolai Ofelia Pascal Rosalie Soren Tamsin Umberto Vivienne Winston " +
		"Yusuf Zainab Margaret Robert Patricia Michael Jennifer William Linda David Elizabeth Richard Susan Joseph " +
		"Karen Thomas Nancy Christopher Lisa Daniel Betty Matthew Sandra Anthony Ashley Donald Kimberly Steven " +
		"Emily Paul Donna Andrew Michelle Joshua Carol Kenneth Amanda Kevin Melissa Brian Deborah George Stephanie " +
		"Timothy Rebecca Ronald Laura Jason Cynthia Edward Kathleen Jeffrey Amy Ryan Angela Jacob Shirley Gary " +
		"Anna Nicholas Brenda Eric Pamela Jonathan Nicole Stephen Samantha Larry Katherine Justin Christine Scott " +
		"Debra Brandon Rachel Benjamin Carolyn Samuel Janet Gregory Maria Alexander Olivia Raymond Heather Patrick " +
		"Diane Nkechi Thi Minh Jae Wei Hiroko Anh Ngoc Suleiman Parisa Dariusz Siddharth Chiamaka Teresita")
	// Surnames that are also ordinary English words.
	trainWordSur = strings.Fields("Black White Green Brown Stone Fox Wolf Bush Moss Banks Lane Church Bell Cook " +
		"Baker Miller Fisher Mason Carpenter Walker Rich Small Strong Sharp Long Little Best Love Hart Frost Snow " +
		"Winter Day Knight Pope Dean Marsh Park Ford Field Cross Gates Hall House Holmes Noble Law Waters Fields " +
		"Woods Parks Sparks Burns Pike Crane Swan Drake Hawk Finch Gray Rice Bean Sweet Hardy Bright Wise Freeman " +
		"Ball Bond Booth Chambers Cotton Dunn Flowers Golden Hood Horn Lamb Mills Moody Nash Payne Pool Reed Rowe " +
		"Sands Shields Spears Steel Summers Tanner Tower Vine Ware Wheeler Rush Battle Power Money Chance Sterling " +
		"Story Temple Castle Gold Silver Player Porter Hunt Cash")
	trainSur = strings.Fields("Abernethy Bello Cardenas Dabrowski Eze Falkowski Grigoryan Halvorsen Ibekwe Jankowski " +
		"Kariuki Lombardi Mwangi Nwankwo Obuya Pereira Quintero Rasmussen Sorensen Takahashi Uchenna Vukovic " +
		"Wojcik Xiong Yamamoto Zielinski Anand Bertrand Castellanos Delacroix Esposito Fontaine Gallagher " +
		"Hernandez Iqbal Jablonski Kowalski Laurent Mahmoud Nakashima Oyelaran Petrov Quaye Romanov Szabo " +
		"Thorsen Underhill Villanueva Whitaker Yeboah Zamora Smith Johnson Williams Jones Garcia Davis Rodriguez " +
		"Martinez Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson Harris Clark Lewis Robinson " +
		"Hernandez Lopez Gonzalez Nelson Carter Mitchell Perez Roberts Turner Phillips Campbell Parker Evans " +
		"Edwards Collins Stewart Sanchez Morris Rogers Morgan Cooper Peterson Bailey Kelly Howard Ramos Kim Cox " +
		"Ward Richardson Watson Brooks-Hale Wood-Allen O'Donnell McKenna MacLeod Nguyen Tran Pham Patel Shah " +
		"Okonkwo Adeyemi Haddad Khoury Cohen Levy Rosenberg Novak Horvat Kovacs Nagy Popescu Ionescu Yilmaz")
	// Syllables for made-up names and towns.
	nameOnsets = strings.Fields("ka lo mi ta re vo sa da ne ri zo be fa gu ho ja ke lu ma no pe ro su te vi wa ya " +
		"bra cle dri flo gra kri pla sto tre zha che sho tha")
	nameCodas = strings.Fields("n r l s th nd rk x v ll tt sh m")
	// Towns and cities, many of them ordinary words too.
	trainTowns = strings.Fields("Liberty Commerce Independence Harmony Unity Friendship Paradise Victory Eureka " +
		"Enterprise Opportunity Truth_or_Consequences Mobile Troy Salem Florence Marion Auburn Concord Lebanon " +
		"Goshen Bethel Canton Athens Sparta Carthage Ithaca Manchester Kingston Clinton Franklin Jackson Madison " +
		"Fairfield Greenville Georgetown Riverside Oakland Ashland Milford Newport Bristol Dover Oxford Plymouth " +
		"Winchester Lancaster Bedford Hudson Warren Chester Marshall Lexington Burlington Danville Shelbyville " +
		"Bakersfield Modesto Stockton Amarillo Waco Abilene Lubbock Joplin Topeka Wichita Lincoln Omaha Fargo " +
		"Bismarck Billings Missoula Casper Provo Ogden Flagstaff Yuma Tempe Santa_Fe Las_Cruces El_Paso San_Marcos " +
		"Baton_Rouge Shreveport Biloxi Tupelo Macon Augusta Valdosta Gainesville Ocala Tallahassee Pensacola " +
		"Asheville Durham Roanoke Lynchburg Norfolk Scranton Allentown Erie Utica Albany Syracuse Bangor Nashua " +
		"Burlington Hartford Worcester Springfield Peoria Rockford Joliet Gary Muncie Kokomo Dayton Akron Toledo " +
		"Flint Lansing Kalamazoo Duluth Rochester Mankato Dubuque Ames Sioux_Falls Rapid_City Boise Spokane " +
		"Yakima Eugene Salem Medford Eureka Redding Chico Fresno Visalia Anchorage Fairbanks Hilo Kona Juneau " +
		"Cedar_Rapids Grand_Junction Fort_Collins Pueblo Great_Falls Twin_Falls Pocatello Idaho_Falls Port_Angeles")
	townSuffixes = strings.Fields("ville ton burg field ford wood dale haven port brook")
	townPrefixes = strings.Fields("East West North South New Port Fort Lake Mount")
	// Words that end facility names, with how a speech recognizer might
	// also write them.
	facilityKinds = strings.Fields("Hospital Medical_Center Regional_Medical_Center Memorial_Hospital " +
		"Community_Hospital General_Hospital Health Health_System Clinic Family_Practice Urgent_Care " +
		"Rehabilitation_Center Nursing_Home Care_Center Cancer_Center Heart_Institute Children's_Hospital " +
		"Dialysis_Center Surgery_Center Behavioral_Health Hospice Medical_Group Health_Center Orthopedics " +
		"Women's_Health Eye_Institute Elementary_School High_School Middle_School Academy University College " +
		"Assisted_Living Senior_Living Manor")
	// Departments and services: generic, never a place, though they end in
	// facility words.
	departments = []string{"Internal Medicine", "Family Medicine", "Hospital Medicine", "Emergency Medicine",
		"Primary Care", "Urgent Care", "Behavioral Health", "Women's Health", "Physical Therapy", "Occupational Health",
		"Home Health", "Population Health", "Student Health", "Employee Health", "Cardiology Clinic", "Memory Care",
		"Wound Care", "Palliative Care", "Infusion Center", "Cancer Center", "Sleep Clinic", "Anticoagulation Clinic",
		"Pediatrics", "Orthopedics", "Cardiology", "Neurology", "Dermatology", "Case Management", "Social Work",
		"Pharmacy", "Radiology", "Pathology", "Health Information Management", "Patient Access", "Care Coordination",
		"Transplant Center", "Heart Failure Clinic", "Diabetes Education", "Nutrition Services", "Rehab Services",
		"Mental Health", "Public Health", "Hospice Care", "Skilled Nursing", "Assisted Living", "Dialysis Unit"}
	saints = strings.Fields("Mary's Joseph's Luke's Jude's Vincent's Anthony's Francis Elizabeth's Catherine's " +
		"Agnes Clare's Margaret's Alexius Cloud Peter's Rita's Barnabas Bernard's Dominic's")
	// Words that name streets ("over on birch", "the office on harbor").
	trainStreetWords = strings.Fields("Birch Quarry Tanager Holloway Millrace Copperleaf Whitlow Canterbury Foxhollow " +
		"Ridgeline Harbor Orchard Chestnut Sycamore Magnolia Juniper Cypress Alder Hawthorne Larkspur Meadowlark " +
		"Prospect Summit Division Commerce Industrial Mission Ferry Mill Bridge Depot Market Church Academy Union")
	// Ordinary words where a place could stand: none of them is one.
	plainPlaceWords = strings.Fields("home school work church practice lunch dinner night rehab ortho cardio " +
		"neuro derm peds psych physical_therapy the_front_desk the_front the_back the_desk the_store the_gym " +
		"the_pool the_park the_beach the_lake the_office the_hospital the_clinic the_pharmacy the_er urgent_care " +
		"daycare college camp practice_today anyway actually already again together tonight overnight")
	// Real city nicknames and abbreviations, none from the examples.
	cityAbbrs = strings.Fields("KC OKC SLC ABQ PDX STL DFW NYC Vegas Frisco Chi-town Motown Big_Easy Beantown " +
		"Nashvegas H-town Jax Cbus Indy Minneap NOCO SoCal NorCal")
	// Acronyms that look like places in place positions but are not:
	// units, services and chains.
	placeishAcronyms = strings.Fields("ICU MICU SICU CCU NICU PICU ED ER OR PACU CT MRI PT OT SNF LTACH IRF ENT GI IR " +
		"L&D CVS VA OB ICU-B IMU PCU CVICU TCU")
	// Ethnicity, nationality and religion words: never names or places.
	ethnicities = []string{"Pacific Islander", "Native Hawaiian", "Hispanic", "Latino", "Latina", "African American",
		"Black", "White", "Caucasian", "Asian", "Asian Indian", "Native American", "Alaska Native", "American Indian",
		"Haitian", "Somali", "Hmong", "Filipino", "Vietnamese", "Korean", "Samoan", "Tongan", "Guatemalan",
		"Salvadoran", "Dominican", "Puerto Rican", "Cuban", "Mexican", "Ethiopian", "Eritrean", "Nigerian",
		"Ghanaian", "Jamaican", "Irish", "Italian", "Polish", "Russian", "Ukrainian", "Armenian", "Arab",
		"Middle Eastern", "Ashkenazi Jewish", "Jewish", "Catholic", "Muslim", "Amish", "Mennonite", "Hindu",
		"Sikh", "Buddhist", "Jehovah's Witness", "Mormon", "Orthodox Christian", "Baptist", "Pentecostal",
		"Micronesian", "Marshallese", "Chamorro", "Navajo", "Lakota", "Cherokee", "Creole", "Cajun", "Appalachian"}
	// Eponyms and place-named diseases, signs, scores, studies and devices.
	eponyms = []string{"Bell's palsy", "Cushing syndrome", "Wells score", "Nurses' Health Study", "Parkinson disease",
		"Hodgkin lymphoma", "Crohn's disease", "Graves disease", "Hashimoto thyroiditis", "Addison disease",
		"Alzheimer dementia", "Babinski sign", "Kernig sign", "Brudzinski sign", "Homans sign", "Apley test",
		"McMurray test", "Lachman test", "Phalen maneuver", "Tinel sign", "Murphy sign", "Gleason 3+4",
		"Glasgow Coma Scale", "Apgar score", "Wells criteria", "CHA2DS2-VASc", "Framingham risk score",
		"Ottawa ankle rules", "Boston Bowel Preparation Scale", "Montreal Cognitive Assessment", "Miami J collar",
		"Foley catheter", "Swan-Ganz catheter", "Whipple procedure", "Nissen fundoplication", "Roux-en-Y bypass",
		"Epley maneuver", "Valsalva", "Trendelenburg position", "Holter monitor", "Pap smear", "Wilms tumor",
		"Ewing sarcoma", "Kaposi sarcoma", "Guillain-Barre syndrome", "Tourette syndrome", "Down syndrome",
		"Marfan syndrome", "Turner syndrome", "Raynaud phenomenon", "Sjogren syndrome", "Still disease",
		"Kawasaki disease", "Lyme disease", "Coxsackie virus", "Marburg virus", "Norwalk virus", "West Nile virus",
		"Rocky Mountain spotted fever", "St. Louis encephalitis", "Stockholm syndrome", "Jones criteria",
		"Duke criteria", "Ranson criteria", "Child-Pugh class B", "Mallampati 2", "Killip class I", "Hunt and Hess",
		"Fisher grade 3", "Salter-Harris II", "Weber B fracture", "Colles fracture", "Boxer's fracture",
		"Baker's cyst", "Barrett esophagus", "Meckel diverticulum", "Hirschsprung disease", "Tanner stage 3",
		"Mini-Cog", "Beck Depression Inventory", "Berg Balance Scale", "Braden score", "Morse Fall Scale",
		"Richmond Agitation-Sedation Scale", "Heberden nodes", "Bouchard nodes", "Osgood-Schlatter",
		"Charcot foot", "Dupuytren contracture", "Peyronie disease", "Bartholin cyst", "Virchow node",
		"Austin Flint murmur", "Brown-Sequard", "Ludwig angina", "Pott disease", "Paget disease", "Wernicke",
		"Korsakoff", "Cheyne-Stokes breathing", "Kussmaul breathing", "Chvostek sign", "Trousseau sign",
		// Named after places.
		"Milan criteria", "Lugano classification", "Padua prediction score", "Seattle Heart Failure Model",
		"Denver shunt", "Boston criteria", "Toronto protocol", "Rotterdam criteria", "Geneva score",
		"Kansas City Cardiomyopathy Questionnaire", "San Francisco syncope rule", "Canadian C-spine rule",
		"Glasgow-Blatchford score", "Edinburgh Postnatal Depression Scale", "Vienna classification",
		"Montreal classification", "Paris classification", "Atlanta classification", "Berlin definition",
		"Sydney system", "Oxford knee score", "Stanford type A dissection", "Bethesda category III",
		"Tokyo guidelines", "Baltimore classification", "Cotswolds modification", "Manchester triage",
		"Copenhagen Stroke Study", "Framingham Heart Study", "Rochester Epidemiology Project",
		"Helsinki declaration", "Minnesota Multiphasic Personality Inventory", "Iowa gambling task"}
)

// madeUpName returns a name made of syllables ("Kalonder", "Vistra").
func (g *gen) madeUpName() string {
	var b strings.Builder
	n := 2
	if g.chance(0.25) {
		n = 3
	}
	for i := range n {
		b.WriteString(nameOnsets[g.r.IntN(len(nameOnsets))])
		if i == n-1 && g.chance(0.6) || i < n-1 && g.chance(0.15) {
			b.WriteString(nameCodas[g.r.IntN(len(nameCodas))])
		}
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *gen) trainGivenName() string {
	switch x := g.r.IntN(10); {
	case x < 4:
		return trainWordGiven[g.r.IntN(len(trainWordGiven))]
	case x < 7:
		return trainGiven[g.r.IntN(len(trainGiven))]
	default:
		return g.madeUpName()
	}
}

func (g *gen) trainSurname() string {
	switch x := g.r.IntN(10); {
	case x < 3:
		return trainWordSur[g.r.IntN(len(trainWordSur))]
	case x < 6:
		return trainSur[g.r.IntN(len(trainSur))]
	case x < 7:
		return g.madeUpName() + "-" + trainSur[g.r.IntN(len(trainSur))]
	default:
		return g.madeUpName()
	}
}

// town returns a town name: listed ones (many ordinary words), and made-up
// ones ("Kalonville", "East Trebrook").
func (g *gen) town() string {
	switch x := g.r.IntN(10); {
	case x < 6:
		return strings.ReplaceAll(trainTowns[g.r.IntN(len(trainTowns))], "_", " ")
	case x < 8:
		return g.madeUpName() + townSuffixes[g.r.IntN(len(townSuffixes))]
	default:
		return townPrefixes[g.r.IntN(len(townPrefixes))] + " " + g.madeUpName()
	}
}

// streetName returns a street named without its suffix: words of the
// training pools (many ordinary words or surnames) and made-up ones.
func (g *gen) streetName() string {
	switch x := g.r.IntN(10); {
	case x < 3:
		return g.trainSurname()
	case x < 5:
		return strings.ReplaceAll(trainTowns[g.r.IntN(len(trainTowns))], "_", " ")
	case x < 7:
		return trainStreetWords[g.r.IntN(len(trainStreetWords))]
	case x < 8:
		return g.madeUpName() + g.pick(" Creek", " Hill", " Ridge", " Park", " Lake", "")
	default:
		return g.madeUpName()
	}
}

// acronym returns three or four capital letters that name a facility.
func (g *gen) acronym() string {
	const letters = "ABCDEFGHJKLMNOPRSTUVWY"
	n := 3 + g.r.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteByte(letters[g.r.IntN(len(letters))])
	}
	return b.String()
}

// facility returns a facility name and, for the short-form slot, how people
// shorten it ("Kalonder Memorial" → "Kalonder").
func (g *gen) facility() (full, short string) {
	kind := strings.ReplaceAll(facilityKinds[g.r.IntN(len(facilityKinds))], "_", " ")
	switch g.r.IntN(13) {
	case 9:
		// A system's acronym and its campus: "ACR Kalonville", "ACR Health
		// East Trebrook".
		a := g.acronym()
		if g.chance(0.5) {
			return a + " " + g.town(), a
		}
		return a + " " + g.pick("Health", "Medical Center", "Hospital") + " " + g.town(), a
	case 10:
		// A denominational or order name with its branch: "Methodist
		// South", "Adventist Kalonville".
		d := g.pick("Baptist", "Methodist", "Adventist", "Presbyterian", "Mercy", "Providence", "Lutheran", "Covenant")
		br := g.pick("North", "South", "East", "West", "Downtown", "Central", "Northeast", "Southwest")
		if g.chance(0.5) {
			br = g.town()
		}
		return d + " " + br, d + " " + br
	case 11:
		// A campus written after a dash: "Kalonder Medical Center - Riverside
		// campus".
		t := g.town()
		full := t + " " + g.pick("Medical Center", "Hospital", "Health") + g.pick(" - ", " – ", " ") + g.town()
		if g.chance(0.6) {
			full += g.pick(" campus", " Campus")
		}
		return full, t
	case 12:
		// Compound names, a surname or a town joined to another and a
		// facility word: "Halvorsen-Quaye General".
		a, b := g.town(), g.trainSurname()
		if g.chance(0.5) {
			a, b = g.trainSurname(), g.town()
		}
		n := a + "-" + b
		return n + " " + g.pick("General", "Memorial", "Regional", "Health", "Clinic"), n
	case 0, 1:
		t := g.town()
		return t + " " + kind, t
	case 2:
		s := g.trainSurname()
		return s + " " + kind, s
	case 3:
		a := g.acronym()
		return a + " " + g.pick("Medical Center", "Health", "Hospital", "Health System", "Clinic", "Children's"), a
	case 4:
		sn := g.pick("St. ", "Saint ", "St ") + saints[g.r.IntN(len(saints))]
		if g.chance(0.5) {
			return sn + " " + kind, sn
		}
		return sn, sn
	case 5:
		a, b := g.trainSurname(), trainSur[g.r.IntN(len(trainSur))]
		if g.chance(0.5) {
			return a + "-" + b + " " + g.pick("Medical Center", "Hospital", "Clinic"), a + "-" + b
		}
		return a + "-" + b, a + "-" + b
	case 6:
		m := g.pick("Mount ", "Mt. ", "Mt ") + g.madeUpName()
		return m + " " + g.pick("Hospital", "Medical Center", "Health"), m
	case 7:
		t := g.town()
		return t + " " + g.pick("General", "Memorial", "Regional", "Methodist", "Baptist", "Presbyterian"), t
	default:
		s := g.madeUpName()
		return s + " " + kind, s
	}
}

// trainPools are the training split's pools for the dev templates it
// reuses.
func trainPools() *pools {
	var cities [][2]string
	states := strings.Fields("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY")
	for i, t := range trainTowns {
		cities = append(cities, [2]string{strings.ReplaceAll(t, "_", " "), states[(i*7)%len(states)]})
	}
	half := len(trainGiven) / 2
	return &pools{
		femaleFirst: append(append([]string{}, trainWordGiven[:len(trainWordGiven)/2]...), trainGiven[:half]...),
		maleFirst:   append(append([]string{}, trainWordGiven[len(trainWordGiven)/2:]...), trainGiven[half:]...),
		last:        append(append([]string{}, trainWordSur...), trainSur...),
		streets:     strings.Fields("Birch Quarry Tanager Holloway Millrace Copperleaf Whitlow Canterbury Foxhollow Ridgeline"),
		cities:      cities,
		clinicians:  trainSur[:40],
		drugs:       strings.Fields("metformin lisinopril atorvastatin amlodipine"),
	}
}
