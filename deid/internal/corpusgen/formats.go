package corpusgen

import (
	"fmt"
	"strings"

	"github.com/clinscribe/clinscribe/deid"
)

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December"}
var monAbbr = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"}

var ordWords = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
	"eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth",
	"twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"}

var digitWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
var tensW = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
var teensW = []string{"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}

func ordSuffix(d int) string {
	switch {
	case d%10 == 1 && d != 11:
		return "st"
	case d%10 == 2 && d != 12:
		return "nd"
	case d%10 == 3 && d != 13:
		return "rd"
	}
	return "th"
}

// twoWords spells 0..99 ("fifty two", "oh five" when oh).
func twoWords(n int, oh bool, hyphen bool) string {
	switch {
	case n < 10 && oh:
		return "oh " + digitWords[n]
	case n < 10:
		return digitWords[n]
	case n < 20:
		return teensW[n-10]
	case n%10 == 0:
		return tensW[n/10]
	case hyphen:
		return tensW[n/10] + "-" + digitWords[n%10]
	}
	return tensW[n/10] + " " + digitWords[n%10]
}

func spokenYear(y int, hyphen bool) string {
	if y >= 2000 && y < 2010 {
		return "two thousand " + digitWords[y-2000]
	}
	return twoWords(y/100, false, false) + " " + twoWords(y%100, true, hyphen)
}

// date writes a date in one of many formats; the gold span covers the date
// expression (not a leading "the").
func (g *gen) date(b *builder, y, m, d int, extra bool) {
	n := 19
	if extra {
		n = 23
	}
	switch g.r.IntN(n) {
	case 0:
		b.p(deid.Date, fmt.Sprintf("%d/%d/%02d", m, d, y%100))
	case 1:
		b.p(deid.Date, fmt.Sprintf("%02d/%02d/%04d", m, d, y))
	case 2:
		b.p(deid.Date, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
	case 3:
		b.p(deid.Date, fmt.Sprintf("%s %d%s", months[m-1], d, ordSuffix(d)))
	case 4:
		b.p(deid.Date, fmt.Sprintf("%s %d, %d", months[m-1], d, y))
	case 5:
		b.p(deid.Date, fmt.Sprintf("%d %s %d", d, months[m-1], y))
	case 6:
		b.p(deid.Date, fmt.Sprintf("%s. %d", monAbbr[m-1], d))
	case 7:
		b.p(deid.Date, fmt.Sprintf("%s %d, %d", monAbbr[m-1], d, y))
	case 8:
		b.p(deid.Date, fmt.Sprintf("%02d-%s-%d", d, monAbbr[m-1][:3], y))
	case 9:
		b.p(deid.Date, fmt.Sprintf("%02d-%02d-%d", m, d, y))
	case 10:
		b.p(deid.Date, fmt.Sprintf("%s %d", months[m-1], y))
	case 11:
		b.p(deid.Date, fmt.Sprintf("%s %s %s", months[m-1], ordWords[d], spokenYear(y, g.chance(0.5))))
	case 12:
		b.t("the ").p(deid.Date, fmt.Sprintf("%s of %s", ordWords[d], months[m-1]))
	case 13:
		b.p(deid.Date, fmt.Sprintf("%d%s of %s", d, ordSuffix(d), months[m-1]))
	case 14:
		b.p(deid.Date, fmt.Sprintf("%02d%s%d", d, strings.ToUpper(monAbbr[m-1][:3]), y))
	case 15:
		b.p(deid.Date, fmt.Sprintf("%s %d", months[m-1], d))
	case 16:
		b.p(deid.Date, fmt.Sprintf("%d.%d.%d", m, d, y))
	case 17:
		b.p(deid.Date, fmt.Sprintf("%s %d%s, %d", monAbbr[m-1], d, ordSuffix(d), y))
	case 18:
		b.p(deid.Date, fmt.Sprintf("%d/%d/%d", m, d, y))
	case 19:
		b.p(deid.Date, fmt.Sprintf("%s %d%s %d", months[m-1], d, ordSuffix(d), y))
	case 20:
		b.p(deid.Date, fmt.Sprintf("%02d/%04d", m, y))
	case 21:
		b.p(deid.Date, fmt.Sprintf("%s-%02d-%d", monAbbr[m-1][:3], d, y))
	case 22:
		b.p(deid.Date, fmt.Sprintf("%s the %s", months[m-1], ordWords[d]))
	}
}

func (g *gen) randDate(fromY, toY int) (int, int, int) {
	return fromY + g.r.IntN(toY-fromY+1), 1 + g.r.IntN(12), 1 + g.r.IntN(28)
}

// someDate writes a recent date.
func (g *gen) someDate(b *builder) {
	y, m, d := g.randDate(2015, 2026)
	g.date(b, y, m, d, g.split != "dev")
}

func (g *gen) phoneDigits() (string, string, string) {
	return fmt.Sprint(201 + g.r.IntN(780)), fmt.Sprintf("%03d", 200+g.r.IntN(790)), g.digits(4)
}

// phone writes a phone number in one of many formats.
func (g *gen) phone(b *builder, ty deid.Type, extra bool) {
	a, e, l := g.phoneDigits()
	n := 11
	if extra {
		n = 14
	}
	switch g.r.IntN(n) {
	case 0:
		b.p(ty, fmt.Sprintf("(%s) %s-%s", a, e, l))
	case 1:
		b.p(ty, fmt.Sprintf("%s-%s-%s", a, e, l))
	case 2:
		b.p(ty, fmt.Sprintf("%s.%s.%s", a, e, l))
	case 3:
		b.p(ty, fmt.Sprintf("+1 %s %s %s", a, e, l))
	case 4:
		b.p(ty, fmt.Sprintf("1-%s-%s-%s", a, e, l))
	case 5:
		b.p(ty, fmt.Sprintf("%s %s %s", a, e, l))
	case 6:
		b.p(ty, fmt.Sprintf("(%s)%s-%s", a, e, l))
	case 7:
		b.p(ty, fmt.Sprintf("%s-%s-%s ext. %d", a, e, l, 100+g.r.IntN(900)))
	case 8:
		b.p(ty, g.spokenDigits(a+e+l, true))
	case 9:
		b.p(ty, fmt.Sprintf("555-01%02d", g.r.IntN(100)))
	case 10:
		b.p(ty, fmt.Sprintf("+1 (%s) %s-%s", a, e, l))
	case 11:
		b.p(ty, fmt.Sprintf("+1-%s-%s-%s", a, e, l))
	case 12:
		b.p(ty, fmt.Sprintf("%s/%s-%s", a, e, l))
	case 13:
		b.p(ty, fmt.Sprintf("%s %s-%s x%d", a, e, l, 10+g.r.IntN(90)))
	}
}

// spokenDigits spells digits as a transcript would, grouped 3-3-4 for
// phones, with "oh" for zero.
func (g *gen) spokenDigits(ds string, group bool) string {
	var parts []string
	for i := 0; i < len(ds); i++ {
		w := digitWords[ds[i]-'0']
		if ds[i] == '0' && g.chance(0.7) {
			w = "oh"
		}
		if group && (i == 3 || i == 6) {
			parts[len(parts)-1] += ","
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

func (g *gen) ssn(b *builder) {
	a, m, l := fmt.Sprintf("%03d", 100+g.r.IntN(565)), fmt.Sprintf("%02d", 1+g.r.IntN(98)), fmt.Sprintf("%04d", 1+g.r.IntN(9998))
	switch g.r.IntN(5) {
	case 0, 1:
		b.t(g.pick("SSN ", "SSN: ", "Social Security number ", "SSN# ", "social security no. ")).p(deid.SSN, a+"-"+m+"-"+l)
	case 2:
		b.t(g.pick("SSN ", "SSN: ")).p(deid.SSN, a+" "+m+" "+l)
	case 3:
		b.t(g.pick("SSN ", "social security number is ")).p(deid.SSN, a+m+l)
	case 4:
		b.t(g.pick("my social is ", "social security number, ")).p(deid.SSN, g.spokenDigits(a+m+l, false))
	}
}

func (g *gen) mrn(b *builder) string {
	v := g.digits(6 + g.r.IntN(3))
	switch g.r.IntN(7) {
	case 0:
		b.t("MRN#").p(deid.MRN, v)
	case 1:
		b.t("MRN: ").p(deid.MRN, v)
	case 2:
		b.t("MRN ").p(deid.MRN, v)
	case 3:
		b.t(g.pick("medical record number ", "Medical Record #: ", "Med Rec # ")).p(deid.MRN, v)
	case 4:
		b.t("MR# ").p(deid.MRN, v)
	case 5:
		b.t(g.pick("Chart #", "chart number ")).p(deid.MRN, g.letters(1)+v)
	case 6:
		b.t("MRN is ").p(deid.MRN, g.spokenDigits(v, false))
	}
	return v
}

func (g *gen) healthPlan(b *builder) {
	switch g.r.IntN(6) {
	case 0:
		b.t(g.pick("Member ID: ", "member ID ", "Member #")).p(deid.HealthPlan, g.letters(3)+"-"+g.digits(4)+"-"+g.digits(3))
	case 1:
		b.t(g.pick("Medicare ", "Medicare ID ", "MBI ")).p(deid.HealthPlan, g.digits(1)+g.letters(2)+g.digits(1)+"-"+g.letters(2)+g.digits(1)+"-"+g.letters(2)+g.digits(2))
	case 2:
		b.t(g.pick("policy number ", "Policy #: ", "policy no. ")).p(deid.HealthPlan, g.letters(3)+g.digits(8))
	case 3:
		b.t(g.pick("subscriber ID ", "Subscriber ID: ")).p(deid.HealthPlan, g.letters(1)+g.digits(4)+"-"+g.digits(4))
	case 4:
		b.t(g.pick("Medicaid # ", "Medicaid ID ")).p(deid.HealthPlan, g.digits(8)+g.letters(1))
	case 5:
		b.t(g.pick("insurance ID ", "Insurance ID: ")).p(deid.HealthPlan, g.letters(2)+g.digits(9))
	}
}

func (g *gen) account(b *builder) {
	switch g.r.IntN(4) {
	case 0:
		b.t(g.pick("account #", "Account # ", "account number ")).p(deid.Account, g.digits(8))
	case 1:
		b.t(g.pick("acct no. ", "Acct # ")).p(deid.Account, g.digits(4)+"-"+g.digits(4)+"-"+g.digits(2))
	case 2:
		b.t(g.pick("billing account ", "Billing account: ")).p(deid.Account, g.digits(2)+"-"+g.digits(4)+"-"+g.digits(3))
	case 3:
		b.t(g.pick("claim number ", "Claim #: ")).p(deid.Account, "CLM-"+g.digits(4)+"-"+g.digits(5))
	}
}

func (g *gen) license(b *builder) {
	switch g.r.IntN(6) {
	case 0:
		b.t(g.pick("driver's license ", "Driver's License #: ", "drivers license number ")).p(deid.License, g.letters(1)+g.digits(3)+"-"+g.digits(4)+"-"+g.digits(4))
	case 1:
		b.t(g.pick("license #", "License No. ", "nursing license ")).p(deid.License, "RN-"+g.digits(6))
	case 2:
		b.t(g.pick("DEA ", "DEA #: ", "DEA number ")).p(deid.License, g.letters(2)+g.digits(7))
	case 3:
		b.t(g.pick("NPI ", "NPI: ", "NPI number ")).p(deid.License, g.digits(10))
	case 4:
		b.t(g.pick("state license ", "medical license ")).p(deid.License, g.letters(2)+"-"+g.digits(5))
	case 5:
		b.t(g.pick("certificate no. ", "Certificate #")).p(deid.License, fmt.Sprint(2010+g.r.IntN(15))+"-"+g.digits(5))
	}
}

func (g *gen) vin() string {
	const cs = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	var b strings.Builder
	b.WriteString(g.digits(1))
	for range 15 {
		b.WriteByte(cs[g.r.IntN(len(cs))])
	}
	b.WriteString(g.digits(1))
	return b.String()
}

func (g *gen) vehicle(b *builder) {
	switch g.r.IntN(5) {
	case 0:
		b.t(g.pick("license plate ", "License plate: ", "plate ")).p(deid.Vehicle, g.digits(1)+g.letters(3)+g.digits(3))
	case 1:
		b.t(g.pick("plate number ", "plates ")).p(deid.Vehicle, g.letters(3)+"-"+g.digits(4))
	case 2:
		b.t(g.pick("VIN ", "VIN: ", "vehicle identification number ")).p(deid.Vehicle, g.vin())
	case 3:
		b.t(g.pick("tag number ", "plate ")).p(deid.Vehicle, g.digits(1)+g.letters(3)+g.digits(3))
	case 4:
		b.t("a car, ").p(deid.Vehicle, g.vin())
	}
}

func (g *gen) device(b *builder) {
	switch g.r.IntN(5) {
	case 0:
		b.t(g.pick("pacemaker serial number ", "Pacemaker serial: ", "generator serial ")).p(deid.Device, g.letters(2)+g.digits(4)+"-"+g.digits(4))
	case 1:
		b.t(g.pick("S/N ", "SN: ", "serial no. ")).p(deid.Device, g.digits(5)+"-"+g.letters(1))
	case 2:
		b.t(g.pick("insulin pump serial ", "pump serial # ")).p(deid.Device, g.digits(4)+"-"+g.digits(4)+"-"+g.letters(1))
	case 3:
		b.t(g.pick("device ID ", "Device ID: ")).p(deid.Device, g.letters(3)+"-"+g.digits(5)+"-"+g.digits(2))
	case 4:
		b.t(g.pick("UDI ", "UDI: ")).p(deid.Device, "(01)"+g.digits(14)+"(21)"+g.letters(1)+g.digits(4))
	}
}

func (g *gen) url(b *builder, last string) {
	host := strings.ToLower(strings.NewReplacer("'", "", " ", "", "-", "").Replace(last))
	switch g.r.IntN(5) {
	case 0:
		b.p(deid.URL, fmt.Sprintf("https://portal.%shealth.org/patients/%s", g.pick("eastbrook", "riverbend", "maplecrest"), g.digits(5)))
	case 1:
		b.p(deid.URL, fmt.Sprintf("www.%sfamily.net", host))
	case 2:
		b.p(deid.URL, fmt.Sprintf("mychart.%s-clinic.com/login?u=%s", g.pick("riverbend", "oakhill", "lakeside"), g.digits(6)))
	case 3:
		b.p(deid.URL, fmt.Sprintf("http://fundraiser.example.com/help-%s-%s", host, g.digits(3)))
	case 4:
		b.p(deid.URL, fmt.Sprintf("https://www.caringpages.org/%s%s", host, g.digits(2)))
	}
}

func (g *gen) email(b *builder, first, last string) {
	f := strings.ToLower(strings.NewReplacer("'", "", " ", "", "-", "").Replace(first))
	l := strings.ToLower(strings.NewReplacer("'", "", " ", "", "-", "").Replace(last))
	dom := g.pick("example.com", "mail.example.org", "inbox.example.net", "eastbrookhealth.org")
	switch g.r.IntN(4) {
	case 0:
		b.p(deid.Email, f+"."+l+"@"+dom)
	case 1:
		b.p(deid.Email, f[:1]+l+g.digits(2)+"@"+dom)
	case 2:
		b.p(deid.Email, l+"_"+f+"@"+dom)
	case 3:
		b.p(deid.Email, f+"+portal@"+dom)
	}
}

func (g *gen) ip(b *builder) {
	switch g.r.IntN(4) {
	case 0:
		b.p(deid.IP, fmt.Sprintf("10.%d.%d.%d", g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254)))
	case 1:
		b.p(deid.IP, fmt.Sprintf("192.168.%d.%d", g.r.IntN(256), 1+g.r.IntN(254)))
	case 2:
		b.p(deid.IP, fmt.Sprintf("fe80::%x:%x:%x:%x", g.r.IntN(65536), g.r.IntN(65536), g.r.IntN(65536), g.r.IntN(65536)))
	case 3:
		b.p(deid.IP, fmt.Sprintf("2001:db8:%x::%x:%x", g.r.IntN(65536), g.r.IntN(65536), g.r.IntN(65536)))
	}
}

func (g *gen) biometric(b *builder) {
	switch g.r.IntN(4) {
	case 0:
		b.t(g.pick("fingerprint template ", "Fingerprint ID: ")).p(deid.Biometric, "FP-"+g.digits(5)+"-"+g.letters(1))
	case 1:
		b.t(g.pick("voiceprint ID ", "voiceprint ")).p(deid.Biometric, "VP"+g.digits(5))
	case 2:
		b.t(g.pick("retinal scan ", "retinal scan reference ")).p(deid.Biometric, "RS-"+g.digits(4)+"-"+g.digits(2))
	case 3:
		b.t(g.pick("iris template ", "iris scan ")).p(deid.Biometric, "IR-"+g.digits(6))
	}
}

func (g *gen) photo(b *builder, last string) {
	switch g.r.IntN(5) {
	case 0:
		b.p(deid.Photo, "IMG_"+g.digits(4)+g.pick(".jpg", ".JPG", ".heic"))
	case 1:
		b.p(deid.Photo, "DSC_"+g.digits(4)+".JPG")
	case 2:
		b.p(deid.Photo, "PXL_2024"+g.digits(4)+"_"+g.digits(6)+".jpg")
	case 3:
		b.p(deid.Photo, strings.ToLower(strings.NewReplacer("'", "", " ", "", "-", "").Replace(last))+"_face_"+g.digits(2)+".png")
	case 4:
		b.t(g.pick("photo ID ", "image ID ")).p(deid.Photo, "PH-"+g.digits(6))
	}
}

func (g *gen) otherID(b *builder) {
	switch g.r.IntN(6) {
	case 0:
		b.t(g.pick("case number ", "Case #: ")).p(deid.ID, fmt.Sprintf("%d-CV-%s", 2019+g.r.IntN(7), g.digits(5)))
	case 1:
		b.t(g.pick("badge #", "badge number ")).p(deid.ID, g.digits(5))
	case 2:
		b.t(g.pick("employee ID ", "Employee ID: ")).p(deid.ID, "E-"+g.digits(6))
	case 3:
		b.t(g.pick("accession number ", "Accession #: ")).p(deid.ID, "S"+g.digits(2)+"-"+g.digits(5))
	case 4:
		b.t(g.pick("passport number ", "passport ")).p(deid.ID, g.letters(1)+g.digits(8))
	case 5:
		b.t(g.pick("study ID ", "Study ID: ")).p(deid.ID, "CS-"+g.digits(4))
	}
}

// age writes an age over 89 (gold: the number only).
func (g *gen) age(b *builder, a int, extra bool) {
	n := 9
	if extra {
		n = 12
	}
	switch g.r.IntN(n) {
	case 0:
		b.t("a ").p(deid.Age, fmt.Sprint(a)).t("-year-old")
	case 1:
		b.t("a ").p(deid.Age, fmt.Sprint(a)).t(" year old")
	case 2:
		b.p(deid.Age, fmt.Sprint(a)).t(" y/o")
	case 3:
		b.p(deid.Age, fmt.Sprint(a)).t("yo")
	case 4:
		b.t("aged ").p(deid.Age, fmt.Sprint(a))
	case 5:
		b.t("age ").p(deid.Age, fmt.Sprint(a))
	case 6:
		b.p(deid.Age, fmt.Sprint(a)).t(" years old")
	case 7:
		b.p(deid.Age, g.cardinal(a, g.chance(0.5))).t(" years old")
	case 8:
		b.p(deid.Age, fmt.Sprint(a)).t(g.pick("F", "M"))
	case 9:
		b.t("Age: ").p(deid.Age, fmt.Sprint(a))
	case 10:
		b.p(deid.Age, fmt.Sprint(a)).t(" years of age")
	case 11:
		b.t("a ").p(deid.Age, g.cardinal(a, true)).t("-year-old")
	}
}

type address struct {
	num, street, suffix, unit, city, state, zip string
}

func (g *gen) address() address {
	p := g.pools
	a := address{num: fmt.Sprint(1 + g.r.IntN(9800)), street: p.streets[g.r.IntN(len(p.streets))],
		suffix: g.pick("Street", "St.", "Avenue", "Ave", "Road", "Rd.", "Lane", "Drive", "Dr.", "Court", "Boulevard", "Way", "Terrace", "Place")}
	if g.chance(0.4) {
		a.unit = g.pick("Apt ", "Apt. ", "Unit ", "Suite ", "#") + fmt.Sprint(1+g.r.IntN(40)) + g.pick("", "B", "A", "")
	}
	c := p.cities[g.r.IntN(len(p.cities))]
	a.city, a.state = c[0], c[1]
	if g.chance(0.1) {
		a.zip = g.pick("03601", "05901", "06390", "10212", "20301", "55612", "69201", "79012", "82101", "83001", "87812", "89012")
	} else {
		a.zip = fmt.Sprintf("%05d", 1000+g.r.IntN(98000))
	}
	return a
}

// street writes "1420 Elm Street, Apt 3B" as one LOCATION span.
func (g *gen) street(b *builder, a address) {
	s := a.num + " " + a.street + " " + a.suffix
	if a.unit != "" {
		s += ", " + a.unit
	}
	b.p(deid.Location, s)
}

// cityLine writes "Springfield, IL 62704".
func (g *gen) cityLine(b *builder, a address) {
	b.p(deid.Location, a.city).t(", ", a.state, " ").p(deid.ZIP, a.zip)
}

// personName writes a patient's name in one of many forms (titles and
// possessives outside the span).
func (g *gen) personName(b *builder, p person, extra bool) {
	n := 8
	if extra {
		n = 10
	}
	switch g.r.IntN(n) {
	case 0:
		b.name(p.full())
	case 1:
		b.t(g.title(p), " ").name(p.last)
	case 2:
		b.name(p.first + " " + p.middle + ". " + p.last)
	case 3:
		b.t(g.title(p), " ").name(p.first + " " + p.last)
	case 4:
		b.name(p.first)
	case 5:
		b.name(p.last).t(", ").name(p.first)
	case 6:
		b.name(p.first[:1] + ". " + p.last)
	case 7:
		b.name(p.full()).t("'s")
	case 8:
		b.t(g.title(p), " ").name(p.last).t("'s")
	case 9:
		b.name(strings.ToUpper(p.last)).t(", ").name(strings.ToUpper(p.first))
	}
}

// cardinal spells an age: "ninety-two", "one hundred two", "a hundred and one".
func (g *gen) cardinal(n int, hyphen bool) string {
	if n < 100 {
		return twoWords(n, false, hyphen)
	}
	if n == 100 {
		return g.pick("one hundred", "a hundred")
	}
	return g.pick("one hundred ", "a hundred and ") + twoWords(n-100, false, hyphen)
}
