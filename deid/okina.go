package deid

// Place names written with an apostrophe for the Hawaiian ʻokina or a glottal
// stop ("Kea'au", "Hale'iwa", "Wai'anae"): the tokenizer ends a word at the
// apostrophe, so a place found ends before it and its tail stays
// ("[LOCATION]'au"). The span grows over the tail; a possessive or a
// contraction after a place ("Queen's", "Boston'll") stays outside.
// "Hawai'i", the state, is no place Safe Harbor removes: found so, it goes.

// growOkinaTails grows the places found over an apostrophe's tail.
func (s *scan) growOkinaTails(spans []Span) []Span {
	out := spans[:0]
	for _, sp := range spans {
		if sp.Type == Location && sp.End+2 < len(s.text) && (s.text[sp.End] == '\'' || hasPrefixAt(s.text, sp.End, "ʻ") || hasPrefixAt(s.text, sp.End, "’")) {
			k := s.tokStartingAt(sp.End)
			if k >= 0 && k+1 < len(s.toks) && s.toks[k+1].gap == gapNone && s.toks[k+1].letters() && !contractionTails[s.lower(k+1)] {
				sp.End = int(s.toks[k+1].e)
				if w := s.text[sp.Start:sp.End]; len(w) == 7 && (w[:5] == "Hawai" || w[:5] == "hawai" || w[:5] == "HAWAI") && (w[6] == 'i' || w[6] == 'I') {
					continue // the state
				}
			}
		}
		out = append(out, sp)
	}
	return out
}

func hasPrefixAt(text string, i int, p string) bool {
	return len(text)-i >= len(p) && text[i:i+len(p)] == p
}
