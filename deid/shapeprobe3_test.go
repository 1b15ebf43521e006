package deid_test

import "github.com/clinscribe/clinscribe/deid"

// shapeProbe3: the probe's third round (lead session, 2026-12-04, the
// eleventh), written before the detector ran on it: names in a note's
// narrative, family names and possessives, ages said in other ways, dates
// in less usual orders, and handles, links and codes that point at a
// person. First look: 9 of its 41 expected spans leaked in both modes (the
// ninth, "94y", only its unit: the expectation now asks for the number
// alone); two look-alike texts lost a word ("FY2024", and "Harrison's"
// textbook, which stays in shapeKeptOtherwise). The rules added are
// tested in TestNamesAgesAndHandles.
var shapeProbe3 = []shapeCase{
	// batch 17: names in narrative
	{"Called Bartholomew Nkemelu back about the results.", []found{{"Bartholomew Nkemelu", deid.Name}}, nil, false},
	{"Ximena reports the rash is better.", []found{{"Ximena", deid.Name}}, nil, false},
	{"Discussed the plan with the Hendersons at length.", []found{{"Hendersons", deid.Name}}, nil, false},
	{"Stayed at the Okonkwos' house over the weekend.", []found{{"Okonkwos", deid.Name}}, nil, false},
	{"Lorcan's mother brought him in for the cough.", []found{{"Lorcan", deid.Name}}, nil, false},
	{"Pt is Aurelio Batista Jr., son of the late Aurelio Sr.", []found{{"Aurelio Batista Jr.", deid.Name}, {"Aurelio", deid.Name}}, nil, false},
	{"Consent obtained from J.R. Whitfield-Amos (father).", []found{{"J.R. Whitfield-Amos", deid.Name}}, nil, false},
	{"Her partner, Saoirse, drove her here.", []found{{"Saoirse", deid.Name}}, nil, false},
	{"Spoke with Tuan's wife, Linh, who manages the meds.", []found{{"Tuan", deid.Name}, {"Linh", deid.Name}}, nil, false},
	{"Per Ilse, the home aide, he ate well.", []found{{"Ilse", deid.Name}}, nil, false},
	{"Grandmother (Nokuthula) is the primary caregiver.", []found{{"Nokuthula", deid.Name}}, nil, false},
	{"Mr. and Mrs. Vasquez-Thorne attended.", []found{{"Vasquez-Thorne", deid.Name}}, nil, false},
	{"Brother Ezekiel and sister Temperance visit daily.", []found{{"Ezekiel", deid.Name}, {"Temperance", deid.Name}}, nil, false},
	{"Hodgkin lymphoma in remission; Addison disease on hydrocortisone; Down syndrome.", nil, []string{"Hodgkin", "Addison", "Down"}, false},
	{"Uses the Ottawa ankle rules and the Wells criteria; read Harrison's chapter.", nil, []string{"Ottawa", "Wells", "Harrison"}, false},
	// batch 18: ages
	{"Pt is a 91-yo woman with CHF.", []found{{"91", deid.Age}}, nil, false},
	{"She is in her late nineties and lives alone.", []found{{"late nineties", deid.Age}}, nil, false},
	{"Centenarian (101) admitted for a fall.", []found{{"101", deid.Age}}, nil, false},
	{"Age: 94y", []found{{"94", deid.Age}}, nil, false}, // the unit glued on stays, as in "94yo"
	{"Aged ninety-two, still drives.", []found{{"ninety-two", deid.Age}}, nil, false},
	{"p: i turned ninety one last week\n", []found{{"ninety one", deid.Age}}, nil, false},
	{"Mother died at 97; father at 93.", []found{{"97", deid.Age}, {"93", deid.Age}}, nil, false},
	{"Ht 92 cm; Wt 95 kg; HR 96; O2 sat 94%; temp 99.1.", nil, []string{"92", "95", "96", "94", "99.1"}, false},
	{"Room 92, bed 2; 95 mg dose; page 93 of the guideline.", nil, []string{"92", "95", "93"}, false},
	// batch 19: dates
	{"Seen on the 3rd of Feb. for the same.", []found{{"3rd of Feb", deid.Date}}, nil, false},
	{"Last colonoscopy Feb. 3rd.", []found{{"Feb. 3rd", deid.Date}}, nil, false},
	{"Surgery 2023/11/04 at the main OR.", []found{{"2023/11/04", deid.Date}}, nil, false},
	{"DOB 04NOV1951", []found{{"04NOV1951", deid.Date}}, nil, false},
	{"Started on 3 Nov, stopped on 9 Nov.", []found{{"3 Nov", deid.Date}, {"9 Nov", deid.Date}}, nil, false},
	{"Follow up Tues. 11/18.", []found{{"11/18", deid.Date}}, nil, false},
	{"Biopsy: November 4th, '23.", []found{{"November 4th, '23", deid.Date}}, nil, false},
	{"p: it was the weekend after easter\n", []found{{"easter", deid.Date}}, nil, false},
	{"Tested positive on Christmas Eve.", []found{{"Christmas Eve", deid.Date}}, nil, false},
	{"Q3 2023 audit; FY2024 budget; version 2023.11; ISO 9001:2015.", nil, []string{"Q3 2023", "FY2024", "2023.11", "9001:2015"}, false},
	// batch 20: handles, links and codes
	{"Her Instagram is @marisol.quintero88.", []found{{"@marisol.quintero88", deid.URL}}, nil, false},
	{"Patient shared https://www.facebook.com/ronan.mcgilligan in chat.", []found{{"https://www.facebook.com/ronan.mcgilligan", deid.URL}}, nil, false},
	{"Portal username: dkowalczyk77", []found{{"dkowalczyk77", deid.ID}}, nil, false},
	{"Reach him at jdoe [at] fastmail [dot] com.", []found{{"jdoe [at] fastmail [dot] com", deid.Email}}, nil, false},
	{"Device IP 2001:db8:85a3::8a2e:370:7334 logged in.", []found{{"2001:db8:85a3::8a2e:370:7334", deid.IP}}, nil, false},
	{"Pacemaker serial PJN448120S interrogated.", []found{{"PJN448120S", deid.Device}}, nil, false},
	{"Venmo @Tavita-Faleolo for the copay, per the note.", []found{{"@Tavita-Faleolo", deid.URL}}, nil, false},
	{"Follow @CDCgov and see www.cdc.gov/flu for guidance.", nil, []string{"@CDCgov", "www.cdc.gov/flu"}, false},
	{"Use hashtag #StrokeAwareness; email support@epic.com for the build.", nil, []string{"#StrokeAwareness"}, false},
}
