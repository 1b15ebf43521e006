package corpusgen

import (
	"fmt"
	"strings"

	"github.com/clinscribe/clinscribe/deid"
)

func (g *gen) filler(b *builder, n int) {
	pool := devFiller
	switch g.split {
	case "heldout":
		pool = heldoutFiller
	case "fresh":
		pool = freshFiller
	}
	for range n {
		b.t(pool[g.r.IntN(len(pool))], " ")
	}
}

// clin returns a clinician's first and last name.
func (g *gen) clin() (string, string) {
	p := g.person()
	return p.first, g.pools.clinicians[g.r.IntN(len(g.pools.clinicians))]
}

func (g *gen) known(p person, providers []string, relatives []string, ids ...string) *deid.Known {
	return &deid.Known{
		PatientNames:  []string{p.first + " " + p.middle + ". " + p.last},
		ProviderNames: providers,
		RelativeNames: relatives,
		Identifiers:   ids,
		BirthDate:     fmt.Sprintf("%04d-%02d-%02d", p.dobY, p.dobM, p.dobD),
	}
}

func (g *gen) dob(b *builder, p person) {
	g.date(b, p.dobY, p.dobM, p.dobD, g.split != "dev")
}

// signature writes "Dr. First Last" / "First Last, MD" forms.
func (g *gen) signature(b *builder, f, l string) {
	switch g.r.IntN(5) {
	case 0:
		b.t("Dr. ").name(l)
	case 1:
		b.name(f + " " + l).t(", MD")
	case 2:
		b.t("Dr. ").name(f + " " + l)
	case 3:
		b.name(f[:1]+". "+l).t(", ", g.pick("NP", "PA-C", "RN", "DO"))
	case 4:
		b.name(f+" "+l).t(" ", g.pick("MD", "FNP", "DO"))
	}
}

var devTemplates = []template{
	{"soap", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		b.t("PATIENT: ")
		g.personName(b, p, false)
		b.t("\nDOB: ")
		g.dob(b, p)
		b.t("   ")
		mrn := g.mrn(b)
		b.t("\nDate of service: ")
		g.someDate(b)
		b.t("\n\nS: ")
		if p.age >= 90 {
			b.t("Pt is ")
			g.age(b, p.age, false)
			b.t(" ")
		} else {
			b.t(fmt.Sprintf("Pt is a %d-year-old ", p.age))
		}
		b.t(g.pick("woman", "man"), " here for follow up. ")
		g.filler(b, 2)
		b.t("\nO: ")
		g.filler(b, 2)
		b.t("\nA/P: ")
		g.filler(b, 2)
		b.t("\n\nSigned: ")
		g.signature(b, cf, cl)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, nil, mrn)
		}
	}},
	{"hp", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		rel := g.person()
		relW := g.pick("daughter", "son", "wife", "husband", "sister", "niece")
		b.t("HISTORY AND PHYSICAL\n\nHPI: ")
		g.personName(b, p, false)
		b.t(" presents with three days of cough. ")
		g.filler(b, 2)
		b.t("\n\nSocial history: Lives at ")
		g.street(b, a)
		b.t(", ")
		g.cityLine(b, a)
		b.t(g.pick(" with ", " with her ", " with his "), relW, " ")
		b.name(rel.first)
		b.t(". Former smoker, quit in 2009.\nEmergency contact: ")
		b.name(rel.first + " " + p.last)
		b.t(" (", relW, "), ")
		g.phone(b, deid.Phone, false)
		b.t(".\nPatient email: ")
		g.email(b, p.first, p.last)
		b.t("\n\nExam: ")
		g.filler(b, 3)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, []string{rel.first + " " + p.last})
		}
	}},
	{"discharge", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		y, m, d := g.randDate(2022, 2026)
		b.t("DISCHARGE SUMMARY\nAdmitted: ")
		g.date(b, y, m, d, false)
		b.t("  Discharged: ")
		g.date(b, y, m, min(d+3, 28), false)
		b.t("\n\n")
		g.personName(b, p, false)
		b.t(" was admitted for community-acquired pneumonia. ")
		g.filler(b, 3)
		b.t("\n\nFollow-up: see PCP ")
		b.t("Dr. ").name(cl)
		b.t(" on ")
		g.someDate(b)
		b.t(". Clinic phone ")
		g.phone(b, deid.Phone, false)
		b.t(", fax ")
		g.phone(b, deid.Fax, false)
		b.t(".\n")
		g.filler(b, 1)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"referral", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		cf, cl := g.clin()
		_, rl := g.clin()
		b.t("Dear Dr. ").name(rl).t(",\n\nRE: ")
		b.name(p.first + " " + p.last)
		b.t(", DOB ")
		g.dob(b, p)
		b.t("\nAddress: ")
		g.street(b, a)
		b.t("\n")
		g.cityLine(b, a)
		b.t("\nInsurance: ")
		g.healthPlan(b)
		b.t("\n\nThank you for seeing ")
		b.t(g.title(p), " ").name(p.last)
		b.t(" for evaluation of ", g.pick("atrial fibrillation", "chronic kidney disease", "a thyroid nodule"), ". ")
		g.filler(b, 3)
		b.t("\n\nSincerely,\n")
		b.name(cf + " " + cl).t(", MD\n")
		if g.chance(0.3) {
			*kn = g.known(p, []string{cf + " " + cl, rl}, nil)
		}
	}},
	{"phone_encounter", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		rel := g.person()
		relW := g.pick("daughter", "son", "wife", "husband", "caregiver")
		b.t("TELEPHONE ENCOUNTER\n")
		g.someDate(b)
		b.t(" 10:42\n\nSpoke with patient's ", relW, " ")
		b.name(rel.first)
		b.t(" who reports ")
		b.t(g.pick("increased swelling in both legs.", "a fall at home last night.", "new confusion since yesterday."))
		b.t(" Callback number ")
		g.phone(b, deid.Phone, false)
		b.t(". Pharmacy fax ")
		g.phone(b, deid.Fax, false)
		b.t(". ")
		g.filler(b, 2)
		b.t("\nCall back: ")
		b.name(p.first + " " + p.last)
		b.t(" at ")
		g.phone(b, deid.Phone, false)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, []string{rel.first + " " + rel.last})
		}
	}},
	{"billing", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		b.t("BILLING NOTE\nGuarantor: ")
		b.name(p.first + " " + p.last)
		b.t("\n")
		g.ssn(b)
		b.t("\n")
		g.account(b)
		b.t("\n")
		g.healthPlan(b)
		b.t("\nMailing address: ")
		g.street(b, a)
		b.t(", ")
		g.cityLine(b, a)
		b.t("\nStatement sent ")
		g.someDate(b)
		b.t(". Balance $142.50 after 80/20 coinsurance.\n")
		if g.chance(0.4) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"device_clinic", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		b.t("DEVICE CLINIC\n")
		g.personName(b, p, false)
		b.t(" seen for routine interrogation. ")
		g.device(b)
		b.t(". ")
		g.device(b)
		b.t(" paired with home monitor. Remote transmissions received from IP ")
		g.ip(b)
		b.t(" via ")
		g.url(b, p.last)
		b.t(". Battery 8.5 years, lead impedance 520 ohms, threshold 0.75 V at 0.4 ms. ")
		g.filler(b, 1)
		b.t("\nInterrogated by ")
		b.name(cf + " " + cl).t(", RN\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"social_work", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		rel := g.person()
		b.t("SOCIAL WORK NOTE\n")
		g.personName(b, p, false)
		b.t(g.pick(" lives in ", " resides in ", " recently moved to "))
		b.p(deid.Location, a.city)
		b.t(g.pick(" with her son ", " with his daughter ", " with a friend, "))
		b.name(rel.first + " " + rel.last)
		b.t(". Drives a sedan, ")
		g.vehicle(b)
		b.t(", for the parking permit. Adult protective services ")
		g.otherID(b)
		b.t(" closed. Housing through ")
		b.p(deid.Location, g.pick("Marion County", "Cook County", "Essex County", "Lafourche Parish", "Dane County"))
		b.t(" assistance program. ")
		g.filler(b, 2)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, []string{rel.first + " " + rel.last})
		}
	}},
	{"wound_photo", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		b.t("WOUND CARE\nStage 3 pressure injury, sacrum, 4.2 x 3.1 x 0.8 cm. Photos uploaded: ")
		g.photo(b, p.last)
		b.t(", ")
		g.photo(b, p.last)
		b.t(". Medication cabinet access enrolled with ")
		g.biometric(b)
		b.t(". ")
		g.filler(b, 2)
		b.t("Patient ")
		g.personName(b, p, false)
		b.t(" tolerated dressing change.\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"dialogue_named", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		doc := "Dr. " + cl
		b.t("Dr. ").name(cl).t(": Good morning, ")
		b.t(g.title(p), " ").name(p.last)
		b.t(". How have you been?\n")
		b.name(p.first).t(": Not too bad. My knee still hurts when I climb stairs.\n")
		b.t("Dr. ").name(cl).t(": Can you confirm your date of birth?\n")
		b.name(p.first).t(": It's ")
		g.dob(b, p)
		b.t(".\n")
		b.t("Dr. ").name(cl).t(": And the best number to reach you?\n")
		b.name(p.first).t(": My cell, ")
		g.phone(b, deid.Phone, false)
		b.t(".\n")
		b.t("Dr. ").name(cl).t(": ")
		g.filler(b, 1)
		b.t("\n")
		b.name(p.first).t(": Okay. My daughter ")
		rel := g.person()
		b.name(rel.first)
		b.t(" will drive me.\n")
		_ = doc
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"dialogue_roles", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		b.t("DOCTOR: Let's get you checked in. Full name?\nPATIENT: ")
		b.name(p.first + " " + p.last)
		b.t(".\nDOCTOR: And your date of birth?\nPATIENT: ")
		y := p.dobY
		b.p(deid.Date, fmt.Sprintf("%s %s %s", months[p.dobM-1], ordWords[p.dobD], spokenYear(y, g.chance(0.5))))
		b.t(".\nDOCTOR: Phone number?\nPATIENT: ")
		a1, e, l := g.phoneDigits()
		b.p(deid.Phone, g.spokenDigits(a1+e+l, true))
		b.t(".\nDOCTOR: Still at the same address?\nPATIENT: Yes, ")
		g.street(b, a)
		b.t(" in ")
		b.p(deid.Location, a.city)
		b.t(".\nDOCTOR: ")
		g.filler(b, 2)
		b.t("\nPATIENT: Okay.\n")
		if g.chance(0.3) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"dialogue_asr", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		rel := g.person()
		mis := p.last
		if len(mis) >= 6 && g.chance(0.6) {
			mis = mis[:len(mis)-1]
		}
		b.t("[00:00:03] Speaker 1: hi ")
		b.t(g.title(p), " ").name(mis)
		b.t(" i'm doctor ").name(cl).t(" from cardiology\n")
		b.t("[00:00:09] Speaker 2: hi doctor this is my ", g.pick("son", "husband", "wife", "daughter"), " ")
		b.name(rel.first)
		b.t("\n[00:00:14] Speaker 1: nice to meet you. so ")
		b.name(p.first)
		b.t(" how's the breathing been\n[00:00:20] Speaker 2: better since the water pill. ")
		b.t("the chart says ")
		b.name(p.first[:1] + "." + p.middle + "." + p.last[:1] + ".")
		b.t(" on the wristband\n[00:00:31] Speaker 1: ")
		g.filler(b, 1)
		b.t("\n")
		*kn = g.known(p, []string{cf + " " + cl}, []string{rel.first + " " + p.last})
	}},
	{"geriatric", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		p.age = 90 + g.r.IntN(14)
		p.dobY = 2026 - p.age - 1
		b.t("GERIATRICS CONSULT\n")
		g.personName(b, p, false)
		b.t(" is ")
		g.age(b, p.age, false)
		b.t(g.pick(" woman", " man", " resident of the memory care unit", ""), ". Born in ")
		b.p(deid.Date, fmt.Sprint(p.dobY))
		b.t(". ")
		g.filler(b, 2)
		b.t("Her late husband died in ")
		b.p(deid.Date, fmt.Sprint(1925+g.r.IntN(8)))
		b.t(g.pick(". Son is 68.", ". Daughter, age 70, visits weekly.", "."), " ")
		g.filler(b, 1)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"portal_message", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		b.t("Portal message from ")
		g.email(b, p.first, p.last)
		b.t(" (login from ")
		g.ip(b)
		b.t("):\n\"Hi Dr. ").name(cl).t(", this is ")
		b.name(p.first + " " + p.last)
		b.t(". I uploaded the rash photo ")
		g.photo(b, p.last)
		b.t(". Also my new insurance is ")
		g.healthPlan(b)
		b.t(". You can see my fundraiser at ")
		g.url(b, p.last)
		b.t(". Thanks, ")
		b.name(p.first)
		b.t("\"\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"pharmacy", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		b.t("Rx for ")
		g.personName(b, p, false)
		b.t(": ", g.pools.drugs[g.r.IntN(len(g.pools.drugs))], " 20 mg, #90, 3 refills.\nPrescriber: ")
		b.name(cf + " " + cl).t(", MD. ")
		g.license(b)
		b.t(". ")
		g.license(b)
		b.t(".\nPatient ")
		g.license(b)
		b.t(" verified at pickup on ")
		g.someDate(b)
		b.t(".\n")
		if g.chance(0.4) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"mva", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		b.t("ED NOTE\n")
		g.personName(b, p, false)
		b.t(" was the restrained driver in a collision near ")
		b.p(deid.Location, a.street+" "+g.pick("Road", "Avenue", "Street"))
		b.t(" in ")
		b.p(deid.Location, a.city)
		b.t(". Police ")
		g.otherID(b)
		b.t(". Vehicle ")
		g.vehicle(b)
		b.t(". ")
		g.filler(b, 2)
		b.t("\n")
		if g.chance(0.4) {
			*kn = g.known(p, nil, nil)
		}
	}},
	{"intake_form", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		a := g.address()
		rel := g.person()
		b.t("NEW PATIENT INTAKE\nName: ")
		b.name(p.first + " " + p.last)
		b.t("\nDate of Birth: ")
		g.dob(b, p)
		b.t("\nAddress: ")
		g.street(b, a)
		b.t("\nCity/State/ZIP: ")
		g.cityLine(b, a)
		b.t("\nPhone (H): ")
		g.phone(b, deid.Phone, false)
		b.t("\nPhone (C): ")
		g.phone(b, deid.Phone, false)
		b.t("\nE-mail: ")
		g.email(b, p.first, p.last)
		b.t("\nEmergency Contact: ")
		b.name(rel.first + " " + rel.last)
		b.t(", ", g.pick("spouse", "sister", "friend", "son"), "\n")
		g.healthPlan(b)
		b.t("\nPreferred pharmacy fax: ")
		g.phone(b, deid.Fax, false)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, nil, []string{rel.first + " " + rel.last})
		}
	}},
	{"lab_requisition", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		b.t("LAB REQUISITION\nPatient: ")
		b.name(p.last).t(", ").name(p.first)
		b.t("   ")
		g.mrn(b)
		b.t("\nOrdering provider: Dr. ").name(cf + " " + cl)
		b.t(", ")
		g.license(b)
		b.t("\nCollected: ")
		g.someDate(b)
		b.t(" 08:15\n")
		g.otherID(b)
		b.t("\nTests: CBC, CMP, lipid panel, A1c, TSH. Fasting 12 hours. ")
		g.filler(b, 1)
		b.t("\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{cf + " " + cl}, nil)
		}
	}},
	{"asr_lowercase", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		cf, cl := g.clin()
		rel := g.person()
		lo := func(x string) string { return strings.ToLower(x) }
		b.t("speaker 1: okay ")
		b.name(lo(p.first))
		b.t(" so tell me what's going on\nspeaker 2: well my ", g.pick("wife", "son", "daughter", "husband"), " ")
		b.name(lo(rel.first))
		b.t(" thinks i'm more forgetful\nspeaker 1: i see. and doctor ")
		b.name(lo(cl))
		b.t(" started the donepezil\nspeaker 2: yes in ")
		b.p(deid.Date, lo(months[g.r.IntN(12)]))
		b.t("\nspeaker 1: ")
		g.filler(b, 1)
		b.t("\nspeaker 2: my number changed, it's ")
		a1, e, l := g.phoneDigits()
		b.p(deid.Phone, g.spokenDigits(a1+e+l, true))
		b.t("\n")
		*kn = g.known(p, []string{cf + " " + cl}, []string{rel.first + " " + p.last})
	}},
	{"nursing_note", func(g *gen, b *builder, kn **deid.Known) {
		p := g.person()
		rel := g.person()
		nf, nl := g.clin()
		b.t("NURSING NOTE ")
		g.someDate(b)
		b.t(" 0700-1900\nPt resting comfortably. Pt's ", g.pick("husband", "wife", "daughter", "son"), " ")
		b.name(rel.first)
		b.t(" at bedside, updated on plan. ")
		g.filler(b, 2)
		b.t("Call light within reach. Report given to RN ")
		b.name(nf[:1] + ". " + nl)
		b.t(".\n")
		if g.chance(0.5) {
			*kn = g.known(p, []string{nf + " " + nl}, []string{rel.first + " " + p.last})
		}
	}},
	{"phi_free_note", func(g *gen, b *builder, kn **deid.Known) {
		b.t("PROGRESS NOTE\n\nSubjective: ")
		g.filler(b, 3)
		b.t("\nObjective: ")
		g.filler(b, 3)
		b.t("\nAssessment and Plan: ")
		g.filler(b, 3)
		b.t("\n")
	}},
	{"phi_free_dialogue", func(g *gen, b *builder, kn **deid.Known) {
		b.t("DOCTOR: How are the new pills working?\nPATIENT: Better. I still get dizzy if I stand up fast.\nDOCTOR: ")
		g.filler(b, 1)
		b.t("\nPATIENT: I had a Dr. Pepper and some crackers before I came.\nDOCTOR: ")
		g.filler(b, 2)
		b.t("\nPATIENT: Should I keep taking three quarters of a pill?\nDOCTOR: Yes, 3/4 of the tablet, and we will see you in 2 weeks.\n")
	}},
	{"phi_free_meds", func(g *gen, b *builder, kn **deid.Known) {
		b.t("MEDICATION RECONCILIATION\n")
		for range 4 + g.r.IntN(4) {
			b.t("- ", g.pick("Metformin 1000 mg BID", "Lisinopril 20 mg daily", "Atorvastatin 40 mg QHS", "Eliquis 5 mg BID",
				"Synthroid 88 mcg daily", "Lasix 40 mg daily", "Aspirin 81 mg daily", "Vitamin D3 2000 IU daily",
				"Insulin glargine 22 units QHS", "Tylenol 500 mg 1-2 tabs q6h PRN"), "\n")
		}
		g.filler(b, 2)
		b.t("\n")
	}},
}
