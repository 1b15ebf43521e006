package deid_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestDelimitedTables: a header that names identifier columns types every
// cell under it; a table of clinical values keeps them.
func TestDelimitedTables(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{}, {RulesOnly: true}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"csv", "patient_id,last_name,first_name,dob,zip,a1c\n884155,Bjornstad,Per,1948-12-01,55811,7.1\n",
				[]found{{"884155", deid.MRN}, {"Bjornstad", deid.Name}, {"Per", deid.Name}, {"1948-12-01", deid.Date}, {"55811", deid.ZIP}}},
			{"pipe", "Name | DOB | Phone | Result\nYang, Pa Houa | 7/16/1990 | 612-555-0199 | 6.4\n",
				[]found{{"Yang, Pa Houa", deid.Name}, {"7/16/1990", deid.Date}, {"612-555-0199", deid.Phone}}},
			{"empty markers and days", "name,date,dose\nn/a,Day 1,40 mg\nunknown,1999,20 mg\n", nil},
			{"clinical table", "vaccine,site,route,dose\nTdap,L deltoid,IM,0.5 mL\n", nil},
			{"date and clinician families", "serial,implant_date,patient,referring_md,site\nQX-7,2024-02-03,Lindahl Britt,Okwu,Bayfront\n",
				[]found{{"2024-02-03", deid.Date}, {"Lindahl Britt", deid.Name}, {"Okwu", deid.Name}, {"Bayfront", deid.Location}}},
			{"fill date and prescriber", "Rx|Drug|Qty|Fill date|Prescriber\n88|lisinopril 10|30|03/02/25|Vasquez-Orr\n",
				[]found{{"03/02/25", deid.Date}, {"Vasquez-Orr", deid.Name}}},
			{"ages over 89 in an age column", "name;age;room\nBrandt, Ilse;96;12\nOkafor, Ben;84;14\nLuz, Ana;90 y;15\n",
				[]found{{"Brandt, Ilse", deid.Name}, {"96", deid.Age}, {"Okafor, Ben", deid.Name}, {"Luz, Ana", deid.Name}, {"90 y", deid.Age}}},
			{"body sites under site in a patient table", "patient,site,date\nHolm Dag,Left deltoid,2025-01-02\nAri Tov,R thigh,2025-01-03\n",
				[]found{{"Holm Dag", deid.Name}, {"2025-01-02", deid.Date}, {"Ari Tov", deid.Name}, {"2025-01-03", deid.Date}}},
			{"site without a patient column", "study,site,enrolled\nTRIAL-2,Bayfront,40\n", nil},
			{"no family member of a header", "command,mode,update\nrun,fast,yes\n", nil},
		})
	}
}

// TestPublicNumbersAndVariants: hotlines and founder mutations identify no
// one; a patient's number beside them does.
func TestPublicNumbersAndVariants(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"poison control", "If medicine: call Poison Control 1-800-222-1222.", nil},
		{"a patient's phone stays", "Call back at 1-800-222-1223 (cell).", []found{{"1-800-222-1223", deid.Phone}}},
		{"variants", "BRCA1/2 founder mutations (185delAG, 5382insC, 6174delT).", nil},
	})
}

// TestTableRowsAllocateNothing: the rows of a table cost no allocation
// each (their cells are split into a scan buffer, and an empty marker in
// capitals is compared without a lower-case copy): a large export's rows
// once made two garbage slices each. The markers are still recognized in
// any case.
func TestTableRowsAllocateNothing(t *testing.T) {
	d := newDetector(t, deid.Config{RulesOnly: true})
	var sb strings.Builder
	sb.WriteString("patient_id,mrn,last_name\n")
	for i := range 200 {
		fmt.Fprintf(&sb, "%d,MRN %08d,N/A\n", i, 10000000+i*7919)
	}
	text := sb.String()
	if n := testing.AllocsPerRun(5, func() { d.Detect(text, deid.Known{}) }); n > 10 {
		t.Errorf("Detect over a table of 200 rows: %v allocations, want a handful", n)
	}
	for _, sp := range d.Detect(text, deid.Known{}) {
		if sp.Type == deid.Name {
			t.Errorf("the marker N/A was taken for a name at %d", sp.Start)
		}
	}
}
