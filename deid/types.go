package deid

// Type is the kind of identifier a Span covers. The values are the wire names
// used in corpora and placeholders ("NAME", "DATE", ...).
type Type string

// The Safe Harbor categories. 45 CFR 164.514(b)(2)(i) lists 18 identifiers,
// (A) to (R); each constant says which it covers.
const (
	// Name covers (A) names of the individual and of relatives, employers or
	// household members, and (configurable) clinicians' names.
	Name Type = "NAME"
	// Location covers (B) geographic subdivisions smaller than a state:
	// street address, city, county, precinct and their equivalents.
	Location Type = "LOCATION"
	// ZIP covers the ZIP code part of (B); redaction keeps the first three
	// digits unless the prefix is one of the restricted ones.
	ZIP Type = "ZIP"
	// Date covers (C) all elements of dates (except year) directly related
	// to the individual, and years that imply an age over 89.
	Date Type = "DATE"
	// Age covers the ages over 89 part of (C).
	Age Type = "AGE"
	// Phone covers (D) telephone numbers.
	Phone Type = "PHONE"
	// Fax covers (E) fax numbers.
	Fax Type = "FAX"
	// Email covers (F) electronic mail addresses.
	Email Type = "EMAIL"
	// SSN covers (G) social security numbers.
	SSN Type = "SSN"
	// MRN covers (H) medical record numbers.
	MRN Type = "MRN"
	// HealthPlan covers (I) health plan beneficiary numbers (member,
	// subscriber, policy, Medicare/Medicaid IDs).
	HealthPlan Type = "HEALTH_PLAN"
	// Account covers (J) account numbers.
	Account Type = "ACCOUNT"
	// License covers (K) certificate/license numbers (driver's license,
	// DEA, NPI, board certificates).
	License Type = "LICENSE"
	// Vehicle covers (L) vehicle identifiers and serial numbers, including
	// license plate numbers and VINs.
	Vehicle Type = "VEHICLE"
	// Device covers (M) device identifiers and serial numbers (UDI, S/N).
	Device Type = "DEVICE"
	// URL covers (N) web universal resource locators.
	URL Type = "URL"
	// IP covers (O) internet protocol address numbers, v4 and v6.
	IP Type = "IP"
	// Biometric covers (P) biometric identifiers, including finger and
	// voice prints: in text these appear as references to enrolled templates.
	Biometric Type = "BIOMETRIC"
	// Photo covers (Q) full face photographic images and comparable images:
	// in text, the references (file names, image IDs) that point at them.
	Photo Type = "PHOTO"
	// ID covers (R) any other unique identifying number, characteristic or
	// code (case numbers, badge numbers, long bare numbers).
	ID Type = "ID"
)

// Types lists every Type in a stable order.
func Types() []Type {
	return []Type{Name, Location, ZIP, Date, Age, Phone, Fax, Email, SSN, MRN,
		HealthPlan, Account, License, Vehicle, Device, URL, IP, Biometric, Photo, ID}
}

// Valid reports whether t is one of the Types.
func (t Type) Valid() bool {
	switch t {
	case Name, Location, ZIP, Date, Age, Phone, Fax, Email, SSN, MRN,
		HealthPlan, Account, License, Vehicle, Device, URL, IP, Biometric, Photo, ID:
		return true
	}
	return false
}

// Span is one identifier found in a text: byte offsets into the UTF-8 text,
// End exclusive. The JSON form is the corpus format's span object.
type Span struct {
	Start int  `json:"start"`
	End   int  `json:"end"`
	Type  Type `json:"type"`
}
