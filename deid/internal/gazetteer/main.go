// Command gazetteer builds deid/data/gazetteer.txt, the detector's lists of
// given names, surnames, towns and cities, and hospital names, from openly
// licensed public data, and deid/data/hospitals-abroad.txt, the hospitals of
// Great Britain, Ireland, Canada and New Zealand (abroad.go: its sources,
// licences and rules). Run from the repository root:
//
//	go run ./deid/internal/gazetteer -mirror DIR
//
// DIR holds one bare git repository per source, at DIR/<owner>+<name>/repo
// (the layout of a `git clone --mirror` per source; see sources below for
// the repository, commit and path of each input). The command reads each
// input at its pinned commit, checks its SHA-256, and writes the same bytes
// every time (TestRebuild checks that against the committed file). No input
// is copied into this repository; only the lists derived from them are.
//
// Sources and licences (also in deid/README.md):
//
//   - US Census Bureau, 1990 census name files (dist.all.last,
//     dist.female.first, dist.male.first): US government work, public domain.
//     Mirrored in github.com/nullstyle/name-database.
//   - US Census Bureau, population estimates of incorporated places and
//     minor civil divisions, vintage 2021 (SUB-EST2021), names only: public
//     domain. Mirrored, with USGS GNIS coordinates added, in
//     github.com/the-pudding/us-census-cities (output/cities.csv).
//   - GeoNames, cities15000 (cities with more than 15,000 people, and
//     capitals): CC BY 4.0, https://www.geonames.org. Mirrored in
//     github.com/davidtom/worldcities.
//   - Centers for Medicare & Medicaid Services, Hospital General Information
//     (Hospital Compare): US government work, public domain. Mirrored in
//     github.com/mrahmanstats/hospital_compare.
//   - US census-designated places of every size, names only (US Census
//     Bureau, public domain), as compiled in github.com/faradayio/places
//     (faraday_places.csv, MIT licence), rows of type "cdp".
//   - University Domains and Names Data List by Hipo
//     (github.com/Hipo/university-domains-list,
//     world_universities_and_domains.json, MIT licence): the US
//     universities' names and web domains, for their acronyms.
//   - 12dicts 2of4brif.txt by Alan Beale, placed in the public domain, as
//     packaged in github.com/en-wl/wordlist (alt12dicts): the English word
//     list that marks names and places which are also ordinary words.
//
// What is written, by section (the section syntax is deid/data/lexicon.txt's):
//
//   - first, first?: given names from both census lists; "?" when the name is
//     also an English word;
//   - surname, surname?: the most frequent census surnames (MaxSurnames);
//   - city, city?: US places with at least MinUSPopulation people, the
//     US places GeoNames lists (census-designated places and parts of big
//     cities of 15,000 people or more that are no incorporated place:
//     "Highlands Ranch", "King of Prussia", "Boyle Heights"), the
//     census-designated places of every size ("Chinle", "Window Rock")
//     and world cities, single words and multi-word names; "?" when also
//     a word;
//   - town: places spelled like a given name or a surname: a place only
//     after a place cue, so that lower-case names stay names;
//   - fachead, fachead?: the words that name a hospital without its
//     facility words ("kapiolani", "barnes jewish", "mount auburn");
//   - facacro: acronyms of hospitals and health systems, as written in their
//     names ("UCSF", "UPMC") or made from their initials ("BIDMC", "BWH"),
//     and of US universities whose web domain is their initials ("asu.edu"
//     for Arizona State University, "vcu.edu");
//   - word: other English words that are on a name list.
//
// Words already in deid/data/lexicon.txt (the hand-written lists) are left
// out: that file decides what they are.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/clinscribe/clinscribe/deid/internal/mirror"
)

// source is one pinned input.
type source struct {
	repo, commit, path, sha256, licence string
}

var (
	srcSurnames = source{"nullstyle/name-database", "46d2e01a4953b8f54e8625c9111cf5b372d80b49",
		"sources/census-1990/dist.all.last", "", "US Census Bureau, public domain"}
	srcFemale = source{"nullstyle/name-database", "46d2e01a4953b8f54e8625c9111cf5b372d80b49",
		"sources/census-1990/dist.female.first", "", "US Census Bureau, public domain"}
	srcMale = source{"nullstyle/name-database", "46d2e01a4953b8f54e8625c9111cf5b372d80b49",
		"sources/census-1990/dist.male.first", "", "US Census Bureau, public domain"}
	srcPlaces = source{"the-pudding/us-census-cities", "a42e1858c648b8bc070be6dc06b0c965fd37e13d",
		"output/cities.csv", "", "US Census Bureau (SUB-EST2021), public domain"}
	srcWorld = source{"davidtom/worldcities", "c822e027ed2394977f19d4e99cf2a42494a72b22",
		"cities15000.zip", "", "GeoNames, CC BY 4.0"}
	srcHospitals = source{"mrahmanstats/hospital_compare", "036ed7b269a6c9bfa75e4e0177ce710247b85a01",
		"Hospital_General_Information.csv", "", "CMS Hospital General Information, public domain"}
	srcWords = source{"en-wl/wordlist", "b22230cc5250887737fdefe9ca4c9d9d01230eaa",
		"alt12dicts/2of4brif.txt", "", "12dicts by Alan Beale, public domain"}
	srcCDP = source{"faradayio/places", "ea7c0654bc91dc28f5c34d14c0fa6d5aee1a9418",
		"faraday_places.csv", "", "US Census Bureau place names (public domain), compiled by Faraday, MIT"}
	srcUniversities = source{"Hipo/university-domains-list", "bb07faf064e1c68be9b26fb71de31f01e361f974",
		"world_universities_and_domains.json", "", "University Domains and Names Data List by Hipo, MIT"}
)

// expectedSums is the SHA-256 of each input, checked before use.
var expectedSums = map[string]string{
	srcSurnames.path:     "b0e2b3743ccbad641ca48b344c24cdebcd1d9a1f76dc6dbf05986f2919f0b4e1",
	srcFemale.path:       "bd2f310fc4e5d5e5ea122c9d4342c9821145823118eb20db1647f305ec77b358",
	srcMale.path:         "0a5078ef6effe3b483d15b0f7f95047662126c9bfb624ecd5e5b978fc0f2470b",
	srcPlaces.path:       "692e22583fd4c2e169a45c7ad4d3d4e179304437fbd4970a8310696b30b36d16",
	srcWorld.path:        "a25e38b484587a842e45e3fd99b955f3c8a1ca91e914213d428931a38cf4a6d4",
	srcHospitals.path:    "2e7dadc64aefce861ed09743c55c147ececeed427a5d56c48bde871ba3654ecd",
	srcWords.path:        "c59db93135728363e3d2fd7b58eda0af08ab0eff7ffcef950c98250543c261fc",
	srcCDP.path:          "3da926e8e699903d2086f80147be1ab7a13d343c1cfb40d9b15c5ec6b42d2fd5",
	srcUniversities.path: "7cd554775f3a8a9e7fba876618f7c1ba816da81db00ae32652aa2a30e6ba28cd",
}

const (
	// MaxSurnames is how many census surnames, most frequent first, are
	// listed (of 88,799; the first 30,000 cover 81% of people counted).
	MaxSurnames = 30000
	// MinUSPopulation is the smallest US place listed.
	MinUSPopulation = 500
	// MinWorldPopulation is the smallest non-US city listed.
	MinWorldPopulation = 50000
	// MinEnglishPopulation is the smallest city listed in the other
	// countries where English is the language of the clinic (Britain,
	// Ireland, Canada, Australia, New Zealand): their patients say their
	// towns and suburbs as US patients do ("moose jaw", "glace bay"), and
	// cities15000 holds every town there of 15,000 people.
	MinEnglishPopulation = 15000
)

// englishSpeaking are the countries (ISO 3166 codes, as GeoNames writes
// them) whose towns are listed down to MinEnglishPopulation.
var englishSpeaking = map[string]bool{"GB": true, "IE": true, "CA": true, "AU": true, "NZ": true}

func main() {
	mirror := flag.String("mirror", "", "directory with one bare git repository per source at <owner>+<name>/repo")
	out := flag.String("out", "deid/data/gazetteer.txt", "file to write")
	abroad := flag.String("abroad", "deid/data/hospitals-abroad.txt", "file to write the hospitals outside the US to")
	lex := flag.String("lexicon", "deid/data/lexicon.txt", "the hand-written lexicon: its words are left out")
	sums := flag.Bool("sums", false, "print the SHA-256 of every input and exit")
	flag.Parse()
	if *mirror == "" {
		fmt.Fprintln(os.Stderr, "gazetteer: -mirror DIR is required")
		os.Exit(2)
	}
	if *sums {
		for _, s := range append(allSources(), abroadSources()...) {
			b, err := read(*mirror, s)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			h := sha256.Sum256(b)
			fmt.Printf("%s %s\n", s.path, hex.EncodeToString(h[:]))
		}
		return
	}
	hand, err := os.ReadFile(*lex)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, err := Build(func(s source) ([]byte, error) { return read(*mirror, s) }, string(hand))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, err = BuildAbroad(func(s source) ([]byte, error) { return read(*mirror, s) }, string(hand), b)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*abroad, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func allSources() []source {
	return []source{srcSurnames, srcFemale, srcMale, srcPlaces, srcWorld, srcHospitals, srcWords, srcCDP, srcUniversities}
}

// read returns one input from its bare repository at the pinned commit.
func read(dir string, s source) ([]byte, error) { return mirror.Read(dir, s.repo, s.commit, s.path) }

// readInputs fetches each source with get and checks its SHA-256; the
// result maps each source's path to its bytes.
func readInputs(get func(source) ([]byte, error), srcs []source) (map[string][]byte, error) {
	in := map[string][]byte{}
	for _, s := range srcs {
		b, err := get(s)
		if err != nil {
			return nil, err
		}
		h := sha256.Sum256(b)
		if want := expectedSums[s.path]; hex.EncodeToString(h[:]) != want {
			return nil, fmt.Errorf("%s: SHA-256 %x, want %s (a different version of the input)", s.path, h, want)
		}
		in[s.path] = b
	}
	return in, nil
}

// Build derives the gazetteer from the inputs (fetched by get) and the
// hand-written lexicon text.
func Build(get func(source) ([]byte, error), handLexicon string) ([]byte, error) {
	in, err := readInputs(get, allSources())
	if err != nil {
		return nil, err
	}
	hand := handWords(handLexicon)
	english := map[string]bool{}
	for _, w := range strings.Fields(string(in[srcWords.path])) {
		english[w] = true
	}

	g := &gaz{hand: hand, english: english, sections: map[string]map[string]bool{}}

	// Given names: both census lists, every entry.
	firsts := map[string]bool{}
	for _, p := range []string{srcFemale.path, srcMale.path} {
		for _, f := range censusNames(in[p], 0) {
			firsts[f] = true
		}
	}
	surnames := map[string]bool{}
	for _, f := range censusNames(in[srcSurnames.path], MaxSurnames) {
		surnames[f] = true
	}
	for w := range firsts {
		g.name(w, "first")
	}
	for w := range surnames {
		if !firsts[w] {
			g.name(w, "surname")
		}
	}
	isName := func(w string) bool { return firsts[w] || surnames[w] || hand[w]&handName != 0 }

	// US places.
	rd := csv.NewReader(bytes.NewReader(in[srcPlaces.path]))
	rows, err := rd.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", srcPlaces.path, err)
	}
	for _, r := range rows[1:] {
		pop, err := strconv.Atoi(r[1])
		if err != nil || pop < MinUSPopulation {
			continue
		}
		for _, n := range placeNames(r[0]) {
			g.place(n, isName)
		}
	}
	// Census-designated places of every size ("Chinle, AZ", "Window
	// Rock, AZ", "Laie, HI"): the unincorporated towns people say they
	// live in, which the census's population estimates leave out and
	// GeoNames lists only from 15,000 people.
	rd = csv.NewReader(bytes.NewReader(in[srcCDP.path]))
	rows, err = rd.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", srcCDP.path, err)
	}
	for _, r := range rows[1:] {
		if len(r) < 3 || r[2] != "cdp" {
			continue
		}
		name, _, _ := strings.Cut(r[1], ", ")
		for _, n := range placeNames(name) {
			// A small place of one English word ("Onset", "Farmers")
			// would make the word a town far more often than it is one.
			if w := strings.TrimSuffix(n, "s"); !strings.Contains(n, "_") && (g.english[n] || g.english[w]) {
				continue
			}
			g.place(n, isName)
		}
	}
	// World cities outside the US.
	zr, err := zip.NewReader(bytes.NewReader(in[srcWorld.path]), int64(len(in[srcWorld.path])))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", srcWorld.path, err)
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(rc)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) < 15 {
				continue
			}
			pop, _ := strconv.Atoi(f[14])
			if f[8] == "US" {
				// The census lists incorporated places only; GeoNames
				// adds the unincorporated towns and the parts of cities
				// people name as where they live.
				if strings.HasPrefix(f[7], "PPL") {
					for _, p := range placeNames(f[2]) {
						g.place(p, isName)
					}
				}
				continue
			}
			if pop < MinWorldPopulation && (!englishSpeaking[f[8]] || pop < MinEnglishPopulation) {
				continue
			}
			// The ASCII name and the name as written ("Bogota", "Bogotá").
			for _, n := range []string{f[2], f[1]} {
				for _, p := range placeNames(n) {
					g.place(p, isName)
				}
			}
		}
		rc.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	// Hospitals.
	rd = csv.NewReader(bytes.NewReader(in[srcHospitals.path]))
	rows, err = rd.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", srcHospitals.path, err)
	}
	for _, r := range rows[1:] {
		g.hospital(r[1])
	}
	// Universities: said by their acronym where a patient studies or
	// works ("she goes to asu", "a nurse at vcu").
	var unis []struct {
		Name    string   `json:"name"`
		Country string   `json:"alpha_two_code"`
		Domains []string `json:"domains"`
	}
	if err := json.Unmarshal(in[srcUniversities.path], &unis); err != nil {
		return nil, fmt.Errorf("%s: %w", srcUniversities.path, err)
	}
	for _, u := range unis {
		if u.Country == "US" {
			g.university(u.Name, u.Domains)
		}
	}
	return g.write(), nil
}

// university lists a US university's acronym: its web domain's name when
// that is the initials of its name's words, ends in the u of "University"
// ("asu.edu", Arizona State University; "vcu.edu"), and is no English word
// and no word of the hand-written lexicon (which holds the clinical
// abbreviations: "ccu" and "emu" are care units). A domain that is no
// acronym ("utexas.edu", "rice.edu") names nothing here.
func (g *gaz) university(name string, domains []string) {
	// "Ohio State University - Columbus": the campus after the dash is
	// not in the acronym.
	name, _, _ = strings.Cut(name, " - ")
	var ini []byte
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == ',' || r == '-' }) {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "the" || lw == "at" || lw == "and" || lw == "in" || lw == "for" || lw == "&" {
			continue
		}
		if c := lw[0]; c >= 'a' && c <= 'z' {
			ini = append(ini, c)
		}
	}
	for _, d := range domains {
		host, ok := strings.CutSuffix(d, ".edu")
		if !ok {
			continue
		}
		a := host[strings.LastIndexByte(host, '.')+1:]
		if len(a) >= 3 && len(a) <= 5 && a == string(ini) && strings.HasSuffix(a, "u") && allLetters(a) &&
			!g.english[a] && g.hand[a] == 0 && !careUnits[a] {
			g.put("facacro", a)
		}
	}
}

// Flags of the hand lexicon that matter here.
const (
	handName uint8 = 1 << iota
	handPlace
	handOther
	handState // a state or country: never a hospital's name alone
)

// handWords returns the words of the hand-written lexicon with a rough kind.
func handWords(text string) map[string]uint8 {
	out := map[string]uint8{}
	sec := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			sec = strings.Trim(line, "[]")
			continue
		}
		var k uint8
		switch sec {
		case "first", "first?", "surname", "surname?", "fakefirst", "fakelast":
			k = handName
		case "city", "city?":
			k = handPlace
		case "state", "country", "stateabbr":
			k = handPlace | handState
		case "fachead", "fachead?", "facacro":
			k = handPlace // spoken forms of hospitals, loaded with the gazetteer's
		case "river":
			// The detector keeps rivers apart from every flag (riverAt):
			// a town named like one ("yukon", "kootenai") is still a town.
			continue
		default:
			k = handOther
		}
		for _, w := range strings.Fields(line) {
			out[w] |= k
		}
	}
	return out
}

// censusNames reads a census name file ("SMITH 1.006 1.006 1"), in rank
// order, at most max names (0: all).
func censusNames(b []byte, max int) []string {
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		out = append(out, strings.ToLower(f[0]))
		if max > 0 && len(out) == max {
			break
		}
	}
	return out
}

// placeNames returns the lower-case names of a place as the lexicon writes
// them: words joined by "_", "St." kept with its dot; the part in
// parentheses as a name of its own ("El Paso de Robles (Paso Robles)").
func placeNames(raw string) []string {
	var names []string
	if i := strings.IndexByte(raw, '('); i > 0 {
		if j := strings.IndexByte(raw[i:], ')'); j > 0 {
			names = append(names, raw[i+1:i+j])
			raw = strings.TrimSpace(raw[:i])
		}
	}
	names = append(names, raw)
	var out []string
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" || strings.ContainsAny(n, "0123456789,/&") {
			continue
		}
		words := strings.Fields(n)
		if len(words) > 4 {
			continue
		}
		ok := true
		for _, w := range words {
			for _, r := range w {
				if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '-' {
					ok = false
				}
			}
		}
		if ok {
			out = append(out, strings.Join(words, "_"))
		}
	}
	return out
}

type gaz struct {
	hand     map[string]uint8
	english  map[string]bool
	sections map[string]map[string]bool
	// mixedCase: the hospital names are written in mixed case (the lists
	// abroad), so an acronym is a word in capitals and initials are not
	// taken.
	mixedCase bool
	// bare: the single words that are a whole hospital's name with its
	// care word ("Rotunda Hospital"), in the lists abroad.
	bare map[string]bool
}

func (g *gaz) put(section, w string) {
	if g.sections[section] == nil {
		g.sections[section] = map[string]bool{}
	}
	g.sections[section][w] = true
}

// name lists a given name or surname.
func (g *gaz) name(w, section string) {
	// Two-letter names ("ng", "wu", "le") are in the hand lexicon where they
	// are common; the census list's others are mostly abbreviations.
	if len(w) < 3 || g.hand[w] != 0 || !allLetters(w) {
		return
	}
	if g.english[w] {
		g.put(section+"?", w)
		g.put("word", w)
		return
	}
	g.put(section, w)
}

// phraseStops are first words that would make every use of a common word
// a phrase head.
var phraseStops = map[string]bool{"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "by": true, "for": true, "and": true, "or": true, "can": true, "will": true, "may": true, "is": true,
	"it": true, "be": true, "do": true, "no": true, "not": true, "all": true, "one": true, "two": true, "i": true,
	"mexico": true}

// place lists a town or city.
func (g *gaz) place(n string, isName func(string) bool) {
	words := strings.Split(n, "_")
	if len(words) == 1 {
		w := words[0]
		// A hand-written name spelled like a town is a town too, after a
		// place cue (token.gaz only; the hand rules see the name).
		if len(w) < 3 || g.hand[w]&^handName != 0 || strings.ContainsAny(w, ".-'") {
			return
		}
		switch {
		case g.english[w]:
			g.put("city?", w)
			g.put("word", w)
		case isName(w):
			g.put("town", w)
		default:
			g.put("city", w)
		}
		return
	}
	if phraseStops[words[0]] || g.hand[words[0]]&handOther != 0 && g.english[words[0]] && len(words) == 2 && g.english[words[1]] {
		// "Mount Pleasant", "Little Rock", "Long Beach" are fine; a head that
		// is a function word ("The Villages") or a pair of everyday words
		// ("Lake Forest", "Spring Valley") is left out, though "Grand
		// Rapids" stays out with it.
		if phraseStops[words[0]] {
			if words[0] == "the" && len(words) == 2 && !g.english[words[1]] {
				// "The Bronx", "The Dalles": the article is part of
				// the name when the word alone is none of English.
				g.put("city", n)
			}
			return
		}
		g.put("city?", n)
		return
	}
	g.put("city", n)
}

// facWords are the generic words of hospital names.
var facWords = map[string]bool{"hospital": true, "hospitals": true, "hosp": true, "medical": true, "med": true,
	"center": true, "centers": true, "ctr": true, "centre": true, "health": true, "healthcare": true, "system": true,
	"systems": true, "regional": true, "memorial": true, "community": true, "general": true, "county": true,
	"university": true, "univ": true, "of": true, "the": true, "and": true, "&": true, "at": true, "for": true,
	"inc": true, "inc.": true, "llc": true, "district": true, "clinic": true, "clinics": true, "campus": true,
	"children's": true, "childrens": true, "children": true, "women's": true, "womens": true, "women": true,
	"rehabilitation": true, "rehab": true, "behavioral": true, "psychiatric": true, "surgical": true, "specialty": true,
	"institute": true, "care": true, "services": true, "critical": true, "access": true, "cah": true, "mental": true,
	"foundation": true, "heart": true, "cancer": true, "orthopedic": true, "orthopaedic": true, "surgery": true,
	"doctors": true, "doctors'": true, "infirmary": true, "sanatorium": true, "state": true, "city": true, "area": true,
	"north": true, "south": true, "east": true, "west": true, "northwest": true, "northeast": true, "southwest": true,
	"southeast": true, "central": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"main": true, "downtown": true, "unit": true, "pavilion": true, "facility": true, "treatment": true,
	"recovery": true, "long": true, "term": true, "acute": true, "valley": true, "region": true, "network": true,
	"physicians": true, "the)": true, "a": true, "in": true, "on": true, "de": true, "la": true}

// hospital lists the words that name a hospital and its acronyms.
func (g *gaz) hospital(raw string) {
	raw = strings.NewReplacer(",", " ", "/", " ", "(", " ", ")", " ", " - ", " ", "  ", " ").Replace(raw)
	var words []string
	for _, w := range strings.Fields(raw) {
		words = append(words, w)
	}
	if len(words) == 0 {
		return
	}
	// Acronyms as written: "UCSF MEDICAL CENTER", "UPMC MERCY", "OSF ...".
	// In a list written in mixed case an acronym is in capitals.
	for _, w := range words {
		lw := strings.ToLower(w)
		if g.mixedCase && strings.ToUpper(w) != w {
			continue
		}
		if len(w) >= 2 && len(w) <= 6 && allLetters(lw) && !g.english[lw] && g.hand[lw] == 0 && !vowelish(lw) {
			g.put("facacro", lw)
		}
	}
	// The head: the words before the first generic word ("KAPIOLANI" in
	// "KAPIOLANI MEDICAL CENTER FOR WOMEN & CHILDREN"), with "St."/"Saint"
	// and "Mount" kept with the next word.
	// A hyphenated word ends the head at its first part ("CEDARS-SINAI
	// MEDICAL CENTER" is "cedars", "NEWTON-WELLESLEY" "newton"; "HURON
	// VALLEY-SINAI" "huron"): the
	// detector's phrases stop at a hyphen, and it reads the hyphenated rest
	// of a hospital's name with its first word.
	var head []string
	for _, w := range words {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if first, _, hyphen := strings.Cut(lw, "-"); hyphen {
			// A prefix of four letters or fewer ("TRI-CITY", "MID-COLUMBIA",
			// "HI-DESERT") or "metro" names nothing alone.
			if !facWords[first] && (len(head) > 0 || len(first) >= 5 && first != "metro") {
				head = append(head, first)
			}
			if len(head) > 0 {
				break
			}
			continue
		}
		if facWords[lw] && len(head) > 0 {
			break
		}
		if facWords[lw] {
			continue
		}
		head = append(head, lw)
		if len(head) == 3 {
			break
		}
	}
	if len(head) > 0 {
		for k, w := range head {
			if w == "st" {
				head[k] = "st."
			}
		}
		h := strings.Join(head, "_")
		ok := true
		for _, w := range head {
			if !allLetters(strings.Trim(w, ".'")) {
				ok = false
			}
		}
		if ok {
			if len(head) == 1 {
				w := head[0]
				if len(w) >= 3 && g.hand[w]&(handOther|handState) == 0 {
					if g.english[w] {
						g.put("fachead?", w)
					} else {
						g.put("fachead", w)
					}
				}
			} else if !phraseStops[head[0]] && g.hand[h]&handState == 0 { // "new mexico" is a state
				allWords := true
				for _, w := range head {
					allWords = allWords && (g.english[strings.Trim(w, ".'")] || g.hand[strings.Trim(w, ".'")]&handOther != 0)
				}
				if allWords {
					g.put("fachead?", h) // "high point", "good samaritan"
				} else {
					g.put("fachead", h)
				}
			}
		}
	}
	// Initials of the name's words, generic ones included ("BETH ISRAEL
	// DEACONESS MEDICAL CENTER" is BIDMC), without "of", "and", "the". Not
	// for the lists abroad: their initials would make clinical
	// abbreviations places ("Royal Victoria Hospital" and right
	// ventricular hypertrophy are both RVH).
	if g.mixedCase {
		return
	}
	var ini []byte
	for _, w := range words {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "and" || lw == "&" || lw == "the" || lw == "at" || lw == "for" || lw == "inc" || lw == "llc" {
			continue
		}
		if c := lw[0]; c >= 'a' && c <= 'z' {
			ini = append(ini, c)
		}
	}
	if a := string(ini); len(a) >= 3 && len(a) <= 5 && !g.english[a] && g.hand[a] == 0 {
		g.put("facacro", a)
	}
}

// careUnits are hospital units written as acronyms ending in "u" that a
// university's initials also make ("admitted to ITU", "the TCU"): they stay
// off the acronyms of places.
var careUnits = map[string]bool{"itu": true, "hdu": true, "scu": true, "acu": true, "sau": true, "amu": true,
	"mau": true, "cdu": true, "tcu": true, "emu": true, "atu": true, "ndu": true, "ccu": true, "pcu": true, "csu": true,
	"dsu": true}

// vowelish: an all-letter word that reads as a word rather than an acronym.
func vowelish(w string) bool {
	if len(w) < 4 {
		return false
	}
	v := 0
	for _, c := range w {
		if strings.ContainsRune("aeiouy", c) {
			v++
		}
	}
	return v*3 >= len(w)
}

func allLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// sectionOrder is the order sections are written in.
var sectionOrder = []string{"first", "first?", "surname", "surname?", "city", "city?", "town", "fachead", "fachead?",
	"facacro", "word"}

func (g *gaz) write() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for _, s := range allSources() {
		fmt.Fprintf(&b, "#   %s %s %s (%s)\n#     sha256 %s\n", s.repo, s.commit, s.path, s.licence, expectedSums[s.path])
	}
	fmt.Fprintf(&b, "# Limits: %d surnames, US places of %d people or more, other cities of %d or more (%d in GB, IE, CA, AU, NZ).\n",
		MaxSurnames, MinUSPopulation, MinWorldPopulation, MinEnglishPopulation)
	b.Write(g.sectionsText())
	return b.Bytes()
}

// sectionsText writes the sections, in sectionOrder, words sorted.
func (g *gaz) sectionsText() []byte {
	var b bytes.Buffer
	// A word on a plain list and on a "?" list of another kind keeps both
	// flags when the lexicon is loaded; a word is written once per section.
	for _, sec := range sectionOrder {
		ws := g.sections[sec]
		if len(ws) == 0 {
			continue
		}
		keys := make([]string, 0, len(ws))
		for w := range ws {
			keys = append(keys, w)
		}
		slices.Sort(keys)
		fmt.Fprintf(&b, "\n[%s]\n", sec)
		line := 0
		for _, w := range keys {
			if line > 0 && line+1+len(w) > 118 {
				b.WriteByte('\n')
				line = 0
			}
			if line > 0 {
				b.WriteByte(' ')
				line++
			}
			b.WriteString(w)
			line += len(w)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

const header = `# Generated by go run ./deid/internal/gazetteer; do not edit. Word lists
# derived from openly licensed public data (see deid/README.md); sections as
# in lexicon.txt, plus town, fachead, facacro and word (deid/lexicon.go).
# Inputs (repository, commit, path, licence):
`
