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
