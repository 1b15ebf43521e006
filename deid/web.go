package deid

import "strings"

// Emails, URLs and IPv6 addresses are found by scanning bytes: their anchors
// ("@", "://", "www.", a top-level domain, "::") are rare, and their
// shapes cross token boundaries.

func emailLocal(c byte) bool {
	return isAlnumByte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c >= 0x80
}

func hostByte(c byte) bool { return isAlnumByte(c) || c == '.' || c == '-' }

// urlByte: characters a URL runs over after its start.
func urlByte(c byte) bool {
	return c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '`' && c != '\'' && c != ')' && c != ']'
}

var tlds = []string{"com", "org", "net", "edu", "gov", "io", "us", "health", "info", "biz", "co", "me", "app", "care",
	"clinic", "med", "mil", "ly", "uk", "ca", "de", "ai", "dev", "site", "online", "portal", "hospital", "doctor"}

func isTLD(x string) bool {
	for _, t := range tlds {
		if len(x) == len(t) && strings.EqualFold(x, t) {
			return true
		}
	}
	return false
}

// trimURL drops trailing sentence punctuation from a URL end.
func trimURL(text string, st, en int) int {
	for en > st {
		switch text[en-1] {
		case '.', ',', ';', ':', '!', '?':
			en--
			continue
		}
		break
	}
	return en
}

func (s *scan) scanWeb() {
	text := s.text
	// The tokenizer noted the offsets of the anchors' marks (webMarks).
	at, colon, dot := s.web.at, s.web.colon, s.web.dot
	// Emails.
	for x, from := 0, 0; ; x++ {
		for x < len(at) && int(at[x]) < from {
			x++
		}
		if x >= len(at) {
			break
		}
		p := int(at[x])
		from = p + 1
		st := p
		// An apostrophe between letters belongs to the local part
		// ("mary.o'neil@example.org").
		for st > 0 && (emailLocal(text[st-1]) || text[st-1] == '\'' && st >= 2 && st < p && isAlnumByte(text[st-2]) && isAlnumByte(text[st])) {
			st--
		}
		en := p + 1
		for en < len(text) && hostByte(text[en]) {
			en++
		}
		en = trimURL(text, p+1, en)
		host := text[p+1 : en]
		dot := strings.LastIndexByte(host, '.')
		if st == p && (p == 0 || text[p-1] == ' ' || text[p-1] == '\n') && s.handleAt(p) {
			continue // a social media handle: "Instagram is @marisol.quintero88"
		}
		if st == p || dot <= 0 || len(host)-dot-1 < 2 {
			continue
		}
		// "mailto:" belongs to it.
		if st >= 7 && strings.EqualFold(text[st-7:st], "mailto:") {
			st -= 7
		}
		s.add(st, en, Email, prStrong)
		from = en
	}
	// Addresses written to dodge harvesters: "jdoe [at] fastmail [dot] com".
	for _, mark := range [...]string{"[at]", "(at)"} {
		for from := 0; ; {
			p := strings.Index(s.low[from:], mark)
			if p < 0 {
				break
			}
			p += from
			from = p + len(mark)
			if st, en := dodgedEmail(s.low, p, mark[0]); en > 0 {
				s.add(st, en, Email, prStrong)
				from = en
			}
		}
	}
	// URLs with a scheme or www.
	// Most texts have no "www." in any case: one search in the lower-case
	// text rules out both of its anchors.
	hasWWW := strings.Contains(s.low, "www.")
	for _, anchor := range []string{"://", "www.", "WWW."} {
		if anchor != "://" && !hasWWW {
			continue
		}
		x := 0
		for from := 0; ; {
			var p int
			if anchor == "://" {
				// The next colon at or after from that "//" follows.
				for x < len(colon) && (int(colon[x]) < from || !strings.HasPrefix(text[colon[x]:], "://")) {
					x++
				}
				if x >= len(colon) {
					break
				}
				p = int(colon[x])
			} else {
				p = strings.Index(text[from:], anchor)
				if p < 0 {
					break
				}
				p += from
			}
			from = p + len(anchor)
			st := p
			if anchor == "://" {
				for st > 0 && isAlnumByte(text[st-1]) {
					st--
				}
				if st == p {
					continue
				}
			} else if st > 0 && (isAlnumByte(text[st-1]) || text[st-1] == '/' || text[st-1] == '.') {
				continue // part of a scheme URL, already found
			}
			en := p + len(anchor)
			for en < len(text) && urlByte(text[en]) {
				en++
			}
			en = trimURL(text, st, en)
			if en-st > len(anchor)+2 {
				if !publicSite(text[st:en]) {
					s.add(st, en, URL, prStrong)
				}
				from = en
			}
		}
	}
	// Bare domains: "portal.eastbrookhealth.org/records".
	for x, from := 0, 0; ; x++ {
		for x < len(dot) && int(dot[x]) < from {
			x++
		}
		if x >= len(dot) {
			break
		}
		p := int(dot[x])
		from = p + 1
		e := p + 1
		for e < len(text) && (text[e] >= 'a' && text[e] <= 'z' || text[e] >= 'A' && text[e] <= 'Z') {
			e++
		}
		if e == p+1 || (e < len(text) && (isAlnumByte(text[e]) || text[e] == '@' || text[e] == '-')) || !isTLD(text[p+1:e]) {
			continue
		}
		if p == 0 || !isAlnumByte(text[p-1]) {
			continue
		}
		st := p
		for st > 0 && hostByte(text[st-1]) {
			st--
		}
		if st > 0 && (text[st-1] == '@' || text[st-1] == '/' || emailLocal(text[st-1]) && text[st-1] != '.' && text[st-1] != '-') {
			continue // an email or a URL already found
		}
		// The host needs a letter in its first label ("E11.9" is not a domain).
		label := text[st:p]
		if i := strings.IndexByte(label, '.'); i >= 0 {
			label = label[:i]
		}
		if strings.IndexFunc(label, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) < 0 {
			continue
		}
		en := e
		if en < len(text) && (text[en] == '/' || text[en] == ':') {
			for en < len(text) && urlByte(text[en]) {
				en++
			}
			en = trimURL(text, st, en)
		}
		if !publicSite(text[st:en]) {
			s.add(st, en, URL, prShape)
		}
		from = en
	}
	// IPv6: hex groups and colons with "::" or seven colons.
	for x, from := 0, 0; ; x++ {
		for x < len(colon) && int(colon[x]) < from {
			x++
		}
		if from >= len(text) || x >= len(colon) {
			break
		}
		p := int(colon[x])
		st := p
		for st > 0 && (isHex(text[st-1]) || text[st-1] == ':') {
			st--
		}
		en := p
		for en < len(text) && (isHex(text[en]) || text[en] == ':' || text[en] == '.' && en+1 < len(text) && isHex(text[en+1])) {
			en++
		}
		from = en + 1
		if st > 0 && (isAlnumByte(text[st-1]) || text[st-1] == '_') || en < len(text) && isAlnumByte(text[en]) {
			continue
		}
		cand := text[st:en]
		colons := strings.Count(cand, ":")
		if colons < 2 {
			continue // "BP: 120/80": no address has fewer than two colons
		}
		groups := 0
		okGroups := true
		// The groups between colons, as strings.Split(cand, ":") gives
		// them.
		for rest, more := cand, true; more; {
			var g string
			g, rest, more = strings.Cut(rest, ":")
			if g == "" {
				continue
			}
			if len(g) > 4 && !strings.Contains(g, ".") {
				okGroups = false
			}
			groups++
		}
		if okGroups && (colons >= 7 || strings.Contains(cand, "::") && groups >= 2 && colons >= 2) {
			s.add(st, en, IP, prShape)
		} else if macAddress(cand) {
			// "00:1A:2B:3C:4D:5E": a network card's address names one
			// device.
			s.add(st, en, Device, prShape)
		}
	}
}

// dodgedEmail reads an e-mail address whose "@" and dots are written as
// words in brackets ("jdoe [at] fastmail [dot] com") around the "[at]" or
// "(at)" at offset p of the lower-case text low (open is its bracket): the
// local part before it, then labels joined by "[dot]" after it, one at
// least. It returns the address's offsets, or en 0.
func dodgedEmail(low string, p int, open byte) (st, en int) {
	label := func(c byte) bool { return isAlnumByte(c) || c == '-' }
	space := func(i int) int { // one optional space at i
		if i < len(low) && low[i] == ' ' {
			return i + 1
		}
		return i
	}
	st = p
	if st > 0 && low[st-1] == ' ' {
		st--
	}
	e := st
	for st > 0 && emailLocal(low[st-1]) {
		st--
	}
	if st == e {
		return 0, 0
	}
	dot := "[dot]"
	if open == '(' {
		dot = "(dot)"
	}
	i := space(p + 4)
	j := i
	for j < len(low) && label(low[j]) {
		j++
	}
	if j == i {
		return 0, 0
	}
	for {
		k := space(j)
		if !strings.HasPrefix(low[k:], dot) {
			break
		}
		k = space(k + len(dot))
		m := k
		for m < len(low) && label(low[m]) {
			m++
		}
		if m == k {
			break
		}
		en, j = m, m
	}
	return st, en
}

// handleCues name the social media and payment apps whose handles start
// with "@".
var handleCues = map[string]bool{"instagram": true, "insta": true, "ig": true, "facebook": true, "fb": true,
	"twitter": true, "tiktok": true, "snapchat": true, "snap": true, "venmo": true, "cashapp": true, "handle": true,
	"threads": true, "telegram": true, "x": true, "linkedin": true, "youtube": true, "discord": true}

// handleAt: a handle at the "@" at offset p, on a social media or payment
// app named in the four words before it; it adds the span.
func (s *scan) handleAt(p int) bool {
	en := p + 1
	for en < len(s.text) && (isAlnumByte(s.text[en]) || s.text[en] == '_' || s.text[en] == '.' || s.text[en] == '-') {
		en++
	}
	for en > p+1 && (s.text[en-1] == '.' || s.text[en-1] == '-') {
		en-- // the sentence's period
	}
	if en-p < 3 {
		return false
	}
	k := s.tokStartingAt(p)
	if k < 0 {
		return false
	}
	for j, n := s.sameLinePrev(k), 0; j >= 0 && n < 7; j, n = s.sameLinePrev(j), n+1 {
		if s.toks[j].letters() && handleCues[s.lower(j)] {
			s.add(p, en, URL, prStrong)
			return true
		}
	}
	// With no app named, a handle shaped as one: a letter first, then an
	// underscore or a digit among letters ("it's @mariag_92"); "@2pm",
	// "@25mg" and "@home" are no handle.
	h := s.text[p+1 : en]
	if len(h) >= 5 && isLetterByte(h[0]) && strings.ContainsAny(h, "_0123456789") && strings.IndexFunc(h[1:], func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) >= 0 {
		s.add(p, en, URL, prStrong)
		return true
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// macAddress: six groups of two hex digits joined by colons.
func macAddress(x string) bool {
	if len(x) != 17 {
		return false
	}
	for i := 0; i < 17; i++ {
		if i%3 == 2 {
			if x[i] != ':' {
				return false
			}
		} else if !isHex(x[i]) {
			return false
		}
	}
	return true
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// publicSite: a government or WHO web address ("www.cdc.gov/ticks",
// "https://medlineplus.gov/..."): public reference pages that identify no
// one. A patient portal's address stays an identifier, and so does any
// address whose path or query carries a run of four digits or more (a
// record, claim or case number: "myhealth.va.gov/records/448812").
func publicSite(u string) bool {
	u = strings.ToLower(u)
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	host, rest := u, ""
	if i := strings.IndexAny(u, "/:?#"); i >= 0 {
		host, rest = u[:i], u[i:]
	}
	if !(strings.HasSuffix(host, ".gov") || strings.HasSuffix(host, ".mil") || host == "who.int" || strings.HasSuffix(host, ".who.int")) {
		return false
	}
	run := 0
	for i := 0; i < len(rest); i++ {
		if rest[i] >= '0' && rest[i] <= '9' {
			if run++; run >= 4 {
				return false
			}
		} else {
			run = 0
		}
	}
	return true
}
