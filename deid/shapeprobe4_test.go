package deid_test

import "github.com/clinscribe/clinscribe/deid"

// shapeProbe4: the probe's fourth round (lead session, 2026-12-04, the
// eleventh), written before the detector ran on it: lower-case transcripts
// as speech recognition writes them, with no metadata: people named in
// passing, dates and numbers said aloud, and look-alikes said the same way.
// First look: 1 of its 27 expected spans leaked in both modes (a given name
// after "the nurse practitioner um"), no look-alike damaged.
var shapeProbe4 = []shapeCase{
	// batch 21: people named in passing
	{"p: yeah my sister-in-law rosalba takes me on tuesdays\n", []found{{"rosalba", deid.Name}}, nil, false},
	{"p: i live with my boyfriend dashiell and his kid\n", []found{{"dashiell", deid.Name}}, nil, false},
	{"p: doctor okwuosa wanted me to get the echo\n", []found{{"okwuosa", deid.Name}}, nil, false},
	{"d: and who's your primary\np: that's dr. fairweather-lowe\n", []found{{"fairweather-lowe", deid.Name}}, nil, false},
	{"p: the nurse practitioner um teodora something i forget her last name\n", []found{{"teodora", deid.Name}}, nil, false},
	{"p: my grandson ezequiel set up the app for me\n", []found{{"ezequiel", deid.Name}}, nil, false},
	{"p: i told marguerite at the front desk\n", []found{{"marguerite", deid.Name}}, nil, false},
	{"d: okay and mr szymanski how's the knee\n", []found{{"szymanski", deid.Name}}, nil, false},
	{"p: my wife's name is oluwaseun but everybody calls her seun\n", []found{{"oluwaseun", deid.Name}, {"seun", deid.Name}}, nil, false},
	{"p: we saw doctor park and then doctor ramaswamy\n", []found{{"park", deid.Name}, {"ramaswamy", deid.Name}}, nil, false},
	{"d: hi there i'm ines one of the residents\n", []found{{"ines", deid.Name}}, nil, false},
	{"p: my case manager's name is thaddeus\n", []found{{"thaddeus", deid.Name}}, nil, false},
	{"p: i live by myself since my husband passed\nd: i'm sorry\np: thank you it's been hard\n", nil, []string{"myself", "husband", "sorry", "hard"}, false},
	{"p: i drove my honda here and parked by the target\n", nil, []string{"honda", "target"}, false},
	{"d: we'll start lisinopril and check a bmp in a week\n", nil, []string{"lisinopril", "bmp"}, false},
	// batch 22: dates and numbers said aloud
	{"p: i was born on the ninth of october nineteen fifty two\n", []found{{"ninth of october nineteen fifty two", deid.Date}}, nil, false},
	{"p: my last appointment was october ninth\n", []found{{"october ninth", deid.Date}}, nil, false},
	{"p: the fall was on halloween\n", []found{{"halloween", deid.Date}}, nil, false},
	{"p: it was the day before mother's day\n", []found{{"mother's day", deid.Date}}, nil, false},
	{"p: my number is five oh three five five five one two one two\n", []found{{"five oh three five five five one two one two", deid.Phone}}, nil, false},
	{"p: i'm ninety six in august\n", []found{{"ninety six", deid.Age}}, nil, false},
	{"p: i live on forty two elm street\n", []found{{"forty two elm street", deid.Location}}, nil, false},
	{"p: my social is uh one two three four five six seven eight nine\n", []found{{"one two three four five six seven eight nine", deid.SSN}}, nil, false},
	{"d: take it twice a day for ten days and come back in two weeks\n", nil, []string{"twice", "ten", "two"}, false},
	{"d: your blood pressure is one thirty two over eighty four\n", nil, []string{"one thirty two", "eighty four"}, false},
	{"d: your a1c went from nine point two to seven point one\n", nil, []string{"nine point two", "seven point one"}, false},
}
