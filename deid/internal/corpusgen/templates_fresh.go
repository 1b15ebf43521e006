package corpusgen

import (
	"fmt"
	"strings"

	"github.com/clinscribe/clinscribe/deid"
)

// Fresh templates: a third split written after the held-out split had been
// looked at, evaluated once, never tuned on. Its own name and place pools.
var freshTemplates = []template{
	{"peds_well_child", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		mom := g.person()
		b.t("WELL CHILD VISIT - 4 YEARS\n")
		b.name(p.first)
		b.t(" is here with mom, ")
		b.name(mom.first + " " + p.last)
		b.t(". Born ")
		y, m, d := g.randDate(2021, 2022)
		g.date(b, y, m, d, true)
		b.t(" at 39 weeks. Attends preschool at ")
		b.p(deid.Location, g.pick("Maple Grove", "Sunnyside", "Little Oaks")+" Preschool")
		b.t(". Vaccines up to date. Growth: 50th percentile. Mom can be reached at ")
		g.phone(b, deid.Phone, true)
		b.t(". ")
		g.filler(b, 2)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, []string{mom.first + " " + p.last})
		}
	}},
	{"psych_intake", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		sib := g.person()
		b.t("Psychiatric intake. ")
		g.personName(b, p, true)
		b.t(" reports low mood since ")
		b.p(deid.Date, months[g.r.IntN(12)])
		b.t(" after losing a job at the warehouse. Lives alone in an apartment on ")
		b.p(deid.Location, a.street+" "+g.pick("Street", "Avenue", "Road"))
		b.t(". Close with older brother ")
		b.name(sib.first)
		b.t(", who lives in ")
		b.p(deid.Location, a.city)
		b.t(". Denies SI/HI. PHQ-9 of 17. ")
		g.filler(b, 1)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"staff_email", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		af, al := g.clin()
		bf, bl := g.clin()
		b.t("From: ")
		g.email(b, af, al)
		b.t("\nTo: ")
		g.email(b, bf, bl)
		b.t("\nSubject: pt follow-up\n\nHi ")
		b.name(bf)
		b.t(",\nCan you call ")
		b.name(p.first + " " + p.last)
		b.t(" back about the MRI? Her number is ")
		g.phone(b, deid.Phone, true)
		b.t(" and her chart is ")
		g.mrn(b)
		b.t(".\nThanks,\n")
		b.name(af)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{af + " " + al, bf + " " + bl}, nil)
		}
	}},
	{"op_note", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		sf, sl := g.clin()
		_, al := g.clin()
		b.t("OPERATIVE REPORT\nDate of surgery: ")
		g.someDate(b)
		b.t("\nSurgeon: ")
		b.name(sf + " " + sl).t(", MD\nAssistant: Dr. ").name(al)
		b.t("\nProcedure: laparoscopic cholecystectomy.\nImplant: none. Stapler lot 22B9.\nThe patient, ")
		b.name(p.first + " " + p.last)
		b.t(", was identified in the holding area and consented. ")
		g.filler(b, 2)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{sf + " " + sl, al}, nil)
		}
	}},
	{"home_health", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		cg := g.person()
		b.t("HOME HEALTH VISIT\nVisited pt at home, ")
		g.street(b, a)
		b.t(". Caregiver ")
		b.name(cg.first + " " + cg.last)
		b.t(" present. Gate code 4471. Pt is ")
		g.age(b, 90+g.r.IntN(9), true)
		b.t(" and ambulates with a cane. Oxygen concentrator ")
		g.device(b)
		b.t(". ")
		g.filler(b, 2)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, []string{cg.first + " " + cg.last})
		}
	}},
	{"transcript_doc_pt", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		_, cl := g.clin()
		b.t("Doc: Hi there, I'm Doctor ").name(cl).t(". You must be ")
		b.name(p.first)
		b.t("?\nPt: Yes. ")
		b.name(p.first + " " + p.last)
		b.t(".\nDoc: And your birthday, just to confirm?\nPt: ")
		b.p(deid.Date, fmt.Sprintf("%s %s, %s", months[p.dobM-1], ordWords[p.dobD], spokenYear(p.dobY, true)))
		b.t(".\nDoc: ")
		g.filler(b, 1)
		b.t("\nPt: My pharmacy is the one on ")
		b.p(deid.Location, g.pools.streets[g.r.IntN(len(g.pools.streets))]+" Street")
		b.t(".\n")
		if g.chance(0.4) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"consent", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		w := g.person()
		b.t("CONSENT FOR TREATMENT\nI, ")
		b.name(p.first + " " + p.middle + ". " + p.last)
		b.t(", consent to the procedure described above.\nSignature on file. Date: ")
		g.someDate(b)
		b.t("\nWitness: ")
		b.name(w.first + " " + w.last)
		b.t("\nPhotograph for the record: ")
		g.photo(b, p.last)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"discharge_instr", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		b.t("Discharge instructions for ")
		b.name(strings.ToUpper(p.first + " " + p.last))
		b.t("\nYour follow-up is with ")
		b.name(cf + " " + cl)
		b.t(", ", g.pick("NP", "PA-C", "MD"), " on ")
		g.someDate(b)
		b.t(". If you have questions call the clinic at ")
		g.phone(b, deid.Phone, true)
		b.t(" or visit ")
		g.url(b, p.last)
		b.t(". ")
		g.filler(b, 1)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"insurance_call", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		b.t("Called insurer re: prior auth for ")
		b.name(p.first + " " + p.last)
		b.t(". Rep asked for ")
		g.healthPlan(b)
		b.t(" and ")
		g.ssn(b)
		b.t(". Reference number ")
		b.p(deid.ID, g.letters(2)+g.digits(7))
		b.t(" given. ")
		g.account(b)
		b.t(".\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"mva_police", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		b.t("Trauma activation. Driver ")
		b.name(p.first + " " + p.last)
		b.t(", ")
		if p.age >= 90 {
			g.age(b, p.age, true)
		} else {
			b.t(fmt.Sprintf("%d years old", p.age))
		}
		b.t(", rear-ended at the corner of ")
		s1 := g.pools.streets[g.r.IntN(len(g.pools.streets))]
		s2 := g.pools.streets[g.r.IntN(len(g.pools.streets))]
		b.p(deid.Location, s1+" Avenue")
		b.t(" and ")
		b.p(deid.Location, s2+" Street")
		b.t(". Officer ")
		_, ol := g.clin()
		b.name(ol)
		b.t(", badge ")
		b.p(deid.ID, g.digits(4))
		b.t(". ")
		g.vehicle(b)
		b.t(". ")
		g.filler(b, 1)
		b.t("\n")
		if g.chance(0.4) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"phi_free_summary", func(g *gen, b *builder, kn **deid.Known) {
		b.t("Patient education provided on low-sodium diet and daily weights. ")
		g.filler(b, 4)
		b.t("\nReturn precautions reviewed: chest pain, syncope, weight gain over 3 lb in 2 days.\n")
	}},
	{"phi_free_dialogue2", func(g *gen, b *builder, kn **deid.Known) {
		b.t("Doc: Any side effects from the new dose?\nPt: Some nausea the first week, better now.\nDoc: ")
		g.filler(b, 2)
		b.t("\nPt: Okay. Should I still take the Tylenol?\nDoc: Yes, up to 3 grams a day.\n")
	}},
}
