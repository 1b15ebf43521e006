package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Hospitals outside the US, written to deid/data/hospitals-abroad.txt. The
// provider lists of synthea-international (The MITRE Corporation, Apache
// License 2.0) carry them; their names come from three publishers:
//
//   - Great Britain and Ireland: OpenStreetMap, © OpenStreetMap
//     contributors, Open Database License 1.0. The list derived from them
//     is a Derivative Database and is offered under the same licence (the
//     file's header says so); it is kept in its own file for that reason.
//   - Canada: Statistics Canada, Open Database of Healthcare Facilities,
//     Open Government Licence – Canada.
//   - New Zealand: Ministry of Health, list of certified providers
//     (Crown copyright; New Zealand government data is released under
//     NZGOAL, normally CC BY 4.0: the publisher's page cannot be read from
//     this machine).
//
// People say these hospitals by their head ("Addenbrooke's", "the Mater",
// "Sunnybrook", "Rockyview", "Middlemore"), the way the CMS list's heads
// are said in the US; the heads are written in the gazetteer's fachead,
// fachead? and facacro sections, and the loader reads the file into the
// same tables.
const abroadRepo, abroadCommit = "synthetichealth/synthea-international", "4d406f4d3b06adfb12d57c365651e41eb11d1302"

var (
	srcHospGB = source{abroadRepo, abroadCommit, "gb/src/main/resources/providers/hospitals.csv", "",
		"OpenStreetMap contributors, ODbL 1.0; extracted by synthea-international, Apache 2.0"}
	srcHospIE = source{abroadRepo, abroadCommit, "ie/src/main/resources/providers/hospitals.csv", "",
		"OpenStreetMap contributors, ODbL 1.0; extracted by synthea-international, Apache 2.0"}
	srcHospCA = source{abroadRepo, abroadCommit, "ca/src/main/resources/providers/hospitals_ca.csv", "",
		"Statistics Canada ODHF, Open Government Licence - Canada; via synthea-international, Apache 2.0"}
	srcHospNZ = source{abroadRepo, abroadCommit, "nz/src/main/resources/providers/hospitals.csv", "",
		"NZ Ministry of Health certified providers, NZGOAL; via synthea-international, Apache 2.0"}
)

func abroadSources() []source { return []source{srcHospGB, srcHospIE, srcHospCA, srcHospNZ} }

func init() {
	expectedSums[srcHospGB.path] = "e7a3656447ecf481b8f1d2c4d87d9daa6348227aaa01f101cbd0732332901b55"
	expectedSums[srcHospIE.path] = "a47281d7b9fb490d5e0b4d5bf0ccad8e352af3b4ffe69bc81885e323ea4cdcaf"
	expectedSums[srcHospCA.path] = "b8217ec5fd22ebb1ba908ddea1dec96289d3240e3cd9e0867b185904b2a88ad8"
	expectedSums[srcHospNZ.path] = "7e083f68a2f1fc553bd040228091bd84190e63a0d1eda6268d5c24bf26ab3d02"
}

// careWords name a hospital in a name of the British and Irish lists, which
// also hold general practices and health centres: those are said with their
// facility word ("the Gables Surgery"), which the detector reads already.
var careWords = map[string]bool{"hospital": true, "hospitals": true, "infirmary": true}

// frenchWords mark Quebec's names (said in French, and often mis-encoded in
// the input), and titles and chains that open a name ("Dr Everett Chalmers",
// "BMI The Hendon", "former Barnet Hospital") rather than name a place.
var frenchWords = map[string]bool{"hôpital": true, "hopital": true, "hôpitalier": true, "clsc": true, "chsld": true,
	"cisss": true, "ciusss": true, "clinique": true, "pavillon": true, "unité": true, "groupe": true, "santé": true,
	"de": true, "du": true, "des": true, "et": true, "en": true, "le": true, "les": true, "ambulatoires": true,
	"externe": true, "externes": true, "régional": true, "dr": true, "dr.": true, "doctor": true, "former": true,
	"bmi": true, "x": true}

// BuildAbroad derives hospitals-abroad.txt. main is the gazetteer built from
// the US sources (Build's tables): a head it already lists as a hospital is
// left out.
func BuildAbroad(get func(source) ([]byte, error), handLexicon string, mainGazetteer []byte) ([]byte, error) {
	in, err := readInputs(get, append(abroadSources(), srcWords))
	if err != nil {
		return nil, err
	}
	english := map[string]bool{}
	for _, w := range strings.Fields(string(in[srcWords.path])) {
		english[w] = true
	}
	g := &gaz{hand: handWords(handLexicon), english: english, sections: map[string]map[string]bool{}, mixedCase: true,
		bare: map[string]bool{}}
	listed := placeWords(mainGazetteer)
	for _, s := range abroadSources() {
		rows, err := csv.NewReader(bytes.NewReader(in[s.path])).ReadAll()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.path, err)
		}
		col := slices.Index(rows[0], "name")
		if col < 0 {
			return nil, fmt.Errorf("%s: no name column", s.path)
		}
		for _, r := range rows[1:] {
			g.abroadHospital(r[col], s == srcHospGB || s == srcHospIE)
		}
	}
	for _, sec := range []string{"fachead", "fachead?", "facacro"} {
		for w := range g.sections[sec] {
			if listed[w] || g.hand[w]&handPlace != 0 {
				delete(g.sections[sec], w)
			}
		}
	}
	return g.writeAbroad(), nil
}

// placeWords returns the words the main gazetteer lists as places: a head
// that is already a city ("oxford", "aberdeen") or a US hospital's keeps
// what that list says of it.
func placeWords(text []byte) map[string]bool {
	out := map[string]bool{}
	sec := ""
	for _, line := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(line, "[") {
			sec = strings.Trim(line, "[]")
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		switch sec {
		case "city", "city?", "town", "fachead", "fachead?", "facacro":
			for _, w := range strings.Fields(line) {
				out[w] = true
			}
		}
	}
	return out
}

// abroadHospital lists one name's heads. A name of several parts ("University
// Health Network - Toronto Western Hospital", "Fairview Community Unit (Mater
// Hospital)") is read part by part. Names in capitals (Quebec's institutional
// rows, French and often mis-encoded) are left out.
func (g *gaz) abroadHospital(raw string, needCareWord bool) {
	if strings.ToUpper(raw) == raw {
		return
	}
	for _, w := range strings.Fields(strings.ToLower(raw)) {
		if frenchWords[w] || !utf8.ValidString(w) {
			return
		}
	}
	raw = strings.NewReplacer("’", "'", "—", " - ", "–", " - ", "(", " - ", ")", " - ").Replace(raw)
	for _, part := range strings.Split(raw, " - ") {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		care := false
		for _, w := range words {
			care = care || careWords[strings.ToLower(strings.Trim(w, ".,"))]
		}
		if needCareWord && !care {
			continue
		}
		g.hospital(part)
		g.cityHospital(words)
		if len(words) == 2 && careWords[strings.ToLower(words[1])] {
			g.bare[strings.ToLower(strings.TrimSuffix(words[0], "."))] = true
		}
		// A possessive head ("Guy's Hospital", "Addenbrooke's Hospital",
		// "King's College Hospital"), which the head rule leaves out: the
		// name without its "'s" where that is no English word, else the
		// possessive itself, said as a whole ("at guy's").
		if w := strings.ToLower(words[0]); len(words) >= 2 && strings.HasSuffix(w, "'s") && allLetters(w[:len(w)-2]) {
			if base := w[:len(w)-2]; !g.english[base] && g.hand[base] == 0 && len(base) >= 4 {
				g.put("fachead", base)
			} else if careWords[strings.ToLower(words[1])] {
				g.put("fachead?", w)
				g.bare[w] = true
			}
		}
	}
}

// cityHospital lists what a hospital named for its town is called: the town
// with the word after it that the head rule drops as generic ("Toronto
// Western", "Vancouver General", "Leeds General"), and a name after the
// town's ("Birmingham Heartlands" is "Heartlands"), where that is no
// English word.
func (g *gaz) cityHospital(words []string) {
	if len(words) < 3 {
		return
	}
	lw := func(i int) string { return strings.ToLower(strings.Trim(words[i], ".,")) }
	if !allLetters(lw(0)) || facWords[lw(0)] || g.english[lw(0)] {
		return
	}
	next := lw(1)
	switch next {
	case "general", "western", "eastern", "royal", "memorial", "civic", "regional":
		if careWords[lw(2)] || lw(2) == "health" {
			g.put("fachead", lw(0)+"_"+next)
		}
	default:
		// Only a head of two words, the second a care word's neighbour.
		if allLetters(next) && !facWords[next] && !g.english[next] && g.hand[next] == 0 && len(next) >= 5 && careWords[lw(2)] {
			g.put("fachead", next)
		}
	}
}

// writeAbroad writes the heads, leaving out the sections the hospital rule
// writes for other kinds.
func (g *gaz) writeAbroad() []byte {
	var b bytes.Buffer
	b.WriteString(abroadHeader)
	for _, s := range abroadSources() {
		fmt.Fprintf(&b, "#   %s %s %s (%s)\n#     sha256 %s\n", s.repo, s.commit, s.path, s.licence, expectedSums[s.path])
	}
	h := &gaz{sections: map[string]map[string]bool{"fachead": {}, "fachead?": {}, "facacro": {}}}
	for sec := range h.sections {
		for w := range g.sections[sec] {
			if !keepAbroad(w, sec, g.bare) {
				continue
			}
			// A hospital named for a royal ("Queen Elizabeth", "Prince
			// Charles", "King Edward VII") is said as the person is ("like
			// Queen Elizabeth, she takes her tea"): a place only where a
			// verb of care says so, as a head that is a word.
			to := sec
			if first, _, _ := strings.Cut(w, "_"); sec == "fachead" && royalTitles[first] {
				to = "fachead?"
			}
			h.sections[to][w] = true
		}
	}
	b.Write(h.sectionsText())
	return b.Bytes()
}

// keepAbroad leaves out what the lists' names hold besides a hospital's
// name: sites and offices ("College St. Site", "Corporate Headquarters"),
// and a single English word unless it is a whole hospital's name with its
// care word ("Rotunda Hospital", "the Mater Hospital"; not "Maternity
// Hospital", "Forensic Services"). Acronyms as written are kept only when
// they are no code of a country or service ("GB", "NHS", "ENT").
func keepAbroad(w, sec string, bare map[string]bool) bool {
	for _, p := range strings.Split(w, "_") {
		if siteParts[p] {
			return false
		}
	}
	if serviceWords[w] {
		return false
	}
	switch sec {
	case "fachead?":
		return strings.Contains(w, "_") || bare[w]
	case "facacro":
		return len(w) >= 3
	}
	return true
}

// royalTitles open the names of people hospitals are named for.
var royalTitles = map[string]bool{"queen": true, "king": true, "prince": true, "princess": true, "duke": true,
	"duchess": true, "lady": true, "lord": true, "sir": true, "queens": true, "kings": true}

// siteParts make a listed name a site or an office, wherever they are in it.
var siteParts = map[string]bool{"site": true, "headquarters": true, "address": true, "check": true,
	"corporate": true, "day": true, "services": true}

// serviceWords name a kind of care, a patron or a country, not one
// hospital, when they are a head alone ("Maternity Hospital", "Royal
// Hospital", "NHS").
var serviceWords = map[string]bool{"maternity": true, "cottage": true, "national": true, "private": true,
	"royal": true, "sick": true, "forensic": true, "addiction": true, "admissions": true, "elective": true,
	"cosmetic": true, "detox": true, "residences": true, "integrated": true, "incorporated": true,
	"corporation": true, "sciences": true, "metropolitan": true, "college": true, "nhs": true, "ent": true,
	"sur": true, "emi": true, "vii": true, "spire": true, "escort": true, "guest": true, "ambulatory": true}

const abroadHeader = `# Generated by go run ./deid/internal/gazetteer; do not edit. Heads and
# acronyms of hospitals outside the US (sections as in gazetteer.txt).
# This file is a Derivative Database of OpenStreetMap data and is made
# available under the Open Database License 1.0
# (https://opendatacommons.org/licenses/odbl/1-0/): © OpenStreetMap
# contributors. It also contains information licensed under the Open
# Government Licence – Canada (Statistics Canada, Open Database of
# Healthcare Facilities) and New Zealand Ministry of Health data.
# Inputs (repository, commit, path, licence):
`
