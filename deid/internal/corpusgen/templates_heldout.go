package corpusgen

import (
	"fmt"

	"github.com/clinscribe/clinscribe/deid"
)

// Held-out templates: written separately from the dev ones, with other
// section layouts, abbreviations and sentence frames.
var heldoutTemplates = []template{
	{"ed_triage", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		rel := g.person()
		b.t("ED TRIAGE\nPt ")
		g.personName(b, p, true)
		b.t(", ")
		if p.age >= 90 {
			g.age(b, p.age, true)
		} else {
			b.t(fmt.Sprintf("%d %s", p.age, g.pick("yo F", "yo M", "y.o. female", "y.o. male")))
		}
		b.t(", BIBA from home after a fall. Pt's spouse, ")
		b.name(rel.first)
		b.t(", at bedside and can be reached on ")
		g.phone(b, deid.Phone, true)
		b.t(". ")
		g.filler(b, 2)
		b.t("\nPCP: ")
		cf, cl := g.clin()
		b.name(cl + ", " + cf)
		b.t(" (office fax ")
		g.phone(b, deid.Fax, true)
		b.t(")\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, []string{rel.first + " " + p.last})
		}
	}},
	{"consult_letter", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		cf, cl := g.clin()
		b.t("To: ").name(cf + " " + cl).t(", MD\nFrom: Endocrinology\nRe: ")
		b.name(p.last + ", " + p.first)
		b.t(" (D.O.B. ")
		g.dob(b, p)
		b.t(")\n\nI had the pleasure of meeting ")
		b.name(p.first)
		b.t(" today. ")
		g.filler(b, 2)
		b.t("Home: ")
		b.p(deid.Location, a.num+" "+a.street+" "+g.pick("Street", "Lane", "Road"))
		b.t(", ")
		b.p(deid.Location, a.city)
		b.t(" ")
		b.t(a.state, " ")
		b.p(deid.ZIP, a.zip)
		b.t(".\nWith kind regards,\n")
		_, ol := g.clin()
		b.t("Dr ").name(ol).t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl, ol}, nil)
		}
	}},
	{"sbar_handoff", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		_, nl := g.clin()
		b.t("SBAR\nS: ")
		b.name(p.first + " " + p.last)
		b.t(" in bed 12, new O2 requirement.\nB: admitted ")
		g.someDate(b)
		b.t(" for cellulitis; ")
		g.mrn(b)
		b.t(".\nA: ")
		g.filler(b, 2)
		b.t("\nR: recheck lactate. Handed off to RN ")
		b.name(nl)
		b.t(".\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"radiology", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		b.t("CT CHEST W/O CONTRAST\nPatient: ")
		b.name(p.last + ", " + p.first + " " + p.middle)
		b.t("   ")
		g.otherID(b)
		b.t("\nExam date: ")
		g.someDate(b)
		b.t("   Ordering: ")
		b.name(cf + " " + cl).t(", MD\nWorkstation ")
		g.ip(b)
		b.t("\nFINDINGS: 6 mm RUL nodule, Lung-RADS 3. No effusion.\nIMPRESSION: Follow-up CT in 6 months.\nRead by ")
		_, rl := g.clin()
		b.t("Dr. ").name(rl).t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"dialogue_interview", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		_, cl := g.clin()
		rel := g.person()
		b.t("CLINICIAN: Hello, I'm Dr. ").name(cl).t(". Who do we have here today?\n")
		b.t("RELATIVE: I'm ").name(rel.first).t(", her ", g.pick("grandson", "nephew", "granddaughter"), ". And this is ")
		b.name(p.first)
		b.t(".\nCLINICIAN: Nice to meet you both. What's the best way to reach you?\nRELATIVE: Email me at ")
		g.email(b, rel.first, rel.last)
		b.t(" or call ")
		g.phone(b, deid.Phone, true)
		b.t(".\nCLINICIAN: And her birthday?\nRELATIVE: ")
		g.dob(b, p)
		b.t(". She turned ")
		if p.age >= 90 {
			b.p(deid.Age, fmt.Sprint(p.age))
		} else {
			b.t(fmt.Sprint(p.age))
		}
		b.t(" this year.\nCLINICIAN: ")
		g.filler(b, 2)
		b.t("\n")
		if g.chance(0.4) {
			*kn = g.known(p, nil, []string{rel.first + " " + rel.last})
		}
	}},
	{"telehealth", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		b.t("Video visit link: ")
		g.url(b, p.last)
		b.t("\nConnected from ")
		g.ip(b)
		b.t("; home BP cuff ")
		g.device(b)
		b.t(".\nPt states her birthday is ")
		b.p(deid.Date, fmt.Sprintf("%s %s", months[p.dobM-1], ordWords[p.dobD]))
		b.t(". ")
		g.filler(b, 2)
		b.t("Photo of rash received as ")
		g.photo(b, p.last)
		b.t(".\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"appeal", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		b.t("APPEAL OF DENIAL\nMember: ")
		b.name(p.first + " " + p.middle + ". " + p.last)
		b.t("\n")
		g.healthPlan(b)
		b.t(" / ")
		g.account(b)
		b.t("\n")
		g.ssn(b)
		b.t("\nResidence: ")
		g.street(b, a)
		b.t(", ")
		g.cityLine(b, a)
		b.t("\nThe denial dated ")
		g.someDate(b)
		b.t(" should be reversed. ")
		g.filler(b, 1)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"dialogue_family", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		r1, r2 := g.person(), g.person()
		_, cl := g.clin()
		b.t("Family meeting. Present: Dr. ").name(cl).t(", patient's sons ").name(r1.first).t(" and ").name(r2.first).t(".\n\n")
		b.name(r1.first).t(": Mom has been more confused since ")
		g.someDate(b)
		b.t(".\n")
		b.t("Dr. ").name(cl).t(": That's helpful. ")
		g.filler(b, 1)
		b.t("\n")
		b.name(r2.first).t(": She's ")
		b.p(deid.Age, fmt.Sprint(90+g.r.IntN(10)))
		b.t(". She still wants to stay in ")
		b.p(deid.Location, g.pools.cities[g.r.IntN(len(g.pools.cities))][0])
		b.t(".\n")
		b.name(r1.first).t(": Her license plate is ")
		b.p(deid.Vehicle, g.digits(1)+g.letters(3)+g.digits(3))
		b.t(" if security asks.\n")
		if g.chance(0.4) {
			*kn = g.known(p, nil, []string{r1.first + " " + p.last, r2.first + " " + p.last})
		}
	}},
	{"pharmacy_fax", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		b.t("FAX TO: ")
		g.phone(b, deid.Fax, true)
		b.t("\nRefill request for ")
		b.name(p.first + " " + p.last)
		b.t(", born ")
		g.dob(b, p)
		b.t(".\nProvider ")
		b.name(cf + " " + cl)
		b.t(", ")
		g.license(b)
		b.t("\nRx # ")
		b.p(deid.ID, g.digits(7))
		b.t("\n")
		if g.chance(0.4) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"biometric_enroll", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		b.t("Kiosk check-in for ")
		g.personName(b, p, true)
		b.t(" completed with ")
		g.biometric(b)
		b.t(". Badge photo ")
		g.photo(b, p.last)
		b.t(" updated. ")
		g.otherID(b)
		b.t(". ")
		g.filler(b, 1)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"phi_free_lab", func(g *gen, b *builder, kn **deid.Known) {
		b.t("LAB SUMMARY\n")
		g.filler(b, 4)
		b.t("\nComment: specimen hemolyzed x1, redrawn. Reference ranges per 2024 lab manual v5.2.\n")
	}},
	{"phi_free_pt", func(g *gen, b *builder, kn **deid.Known) {
		b.t("PHYSICAL THERAPY\nGoals: ambulate 300 ft independently in 4 weeks. ")
		g.filler(b, 3)
		b.t("\nPlan: 2x/week for 6 weeks; HEP reviewed, 3 sets of 10.\n")
	}},
}
