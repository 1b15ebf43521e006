package deid

import (
	"errors"
	"fmt"
	"time"
)

// NameClass selects classes of personal names by the role of the person.
type NameClass uint8

const (
	// PatientNames are the names of the individual the record is about, and
	// any name the detector cannot attribute to a role.
	PatientNames NameClass = 1 << iota
	// RelativeNames are names of relatives, household members, employers and
	// other contacts of the individual.
	RelativeNames
	// ClinicianNames are names of clinicians and staff: found by titles
	// ("Dr."), credentials (", MD") and Known.ProviderNames.
	ClinicianNames

	// AllNames is every class, the default.
	AllNames = PatientNames | RelativeNames | ClinicianNames
)

// Config configures a Detector. The zero Config is valid and is the Safe
// Harbor configuration: every class of names removed, the wall clock.
type Config struct {
	// Names selects which classes of names are removed. Zero means AllNames.
	// Safe Harbor requires PatientNames and RelativeNames; leaving either out
	// is refused unless DebugOverrideNotSafeHarbor is set.
	Names NameClass

	// DebugOverrideNotSafeHarbor allows a Names selection that does not meet
	// Safe Harbor. Named so that it stands out in review; never set it for
	// output that leaves the clinic.
	DebugOverrideNotSafeHarbor bool

	// RulesOnly turns the learned name and place tagger off, leaving the
	// rules alone (for comparison and benchmarks). False, the zero value,
	// runs the tagger after the rules: it adds names and places where the
	// rules found none and never removes a rule span (see the package doc).
	RulesOnly bool

	// Now is the clock used to decide which years imply an age over 89.
	// Nil means time.Now.
	Now func() time.Time
}

// WithDefaults returns c with every zero field set to its default. It is the
// only place defaults live.
func (c Config) WithDefaults() Config {
	if c.Names == 0 {
		c.Names = AllNames
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// errNotSafeHarbor is returned for a Names selection that would leave names
// Safe Harbor requires removing.
var errNotSafeHarbor = errors.New("names selection does not meet Safe Harbor (needs PatientNames and RelativeNames)")

func (c Config) validate() error {
	if c.Names&^AllNames != 0 {
		return fmt.Errorf("unknown name classes %#x", uint8(c.Names&^AllNames))
	}
	if c.Names&(PatientNames|RelativeNames) != PatientNames|RelativeNames && !c.DebugOverrideNotSafeHarbor {
		return errNotSafeHarbor
	}
	return nil
}
