package deid

// churchNames (a late rule): a church, or the school or hospital named for
// it, said by the shapes its name takes in any case, where the rules
// before it found a part or nothing ("our lady of ..." is ourLadyAt's):
//
//   - a saint with an epithet: "st. michael the archangel", "saint john
//     the baptist";
//   - "christ the king" and "holy cross", "holy family" and the like,
//     after a word of place ("mass at christ the king", "went to holy
//     family") or before what the place is ("holy cross hospital"); said
//     otherwise they are words of faith ("the feast of christ the king").
func (s *scan) churchNames(spans []Span) {
	for i := 0; i+1 < len(s.toks); i++ {
		if !s.toks[i].letters() {
			continue
		}
		st, end := i, -1
		switch s.lower(i) {
		case "st", "saint", "san", "santo":
			end = s.saintEpithetEnd(i)
		case "christ", "holy":
			if end = s.faithPlaceEnd(i); end >= 0 && !s.placeWordBefore(i) && !churchKinds[s.nextWordAt(end)] {
				end = -1
			}
		}
		if end < 0 {
			continue
		}
		if k := s.next(end); k > 0 && s.toks[k].letters() && s.toks[k].gap == gapSpace && churchKinds[s.lower(k)] {
			end = k // "... church", "... school"
		}
		if !overlapsWider(spans, int(s.toks[st].s), int(s.toks[end].e)) {
			s.late = append(s.late, Span{Start: int(s.toks[st].s), End: int(s.toks[end].e), Type: Location})
		}
		i = end
	}
}

// saintEpithetEnd: "st. michael the archangel", "saint john the baptist":
// a saint's title at token i, a name, "the" and an epithet: the epithet's
// token, or -1.
func (s *scan) saintEpithetEnd(i int) int {
	k := s.next(i)
	if k > 0 && s.toks[k].punct('.') && s.toks[k].gap == gapNone {
		k = s.next(k)
	}
	if k < 0 || !s.toks[k].letters() || s.toks[k].gap != gapSpace || functionWords[s.lower(k)] {
		return -1
	}
	the := s.next(k)
	if the < 0 || !s.eq(the, "the") {
		return -1
	}
	e := s.next(the)
	if e < 0 || !s.toks[e].letters() || !saintEpithets[s.lower(e)] {
		return -1
	}
	return e
}

// saintEpithets follow a saint's name and "the" in a church's name.
var saintEpithets = wordsOf("archangel baptist evangelist apostle divine theologian martyr great forerunner wonderworker " +
	"confessor elder")

// faithPlaceEnd: "christ the king", "christ the redeemer", "holy cross",
// "holy family" at token i: the name's last token, or -1.
func (s *scan) faithPlaceEnd(i int) int {
	k := s.next(i)
	if k < 0 || s.toks[k].gap != gapSpace {
		return -1
	}
	if s.eq(i, "christ") {
		e := s.next(k)
		if !s.eq(k, "the") || e < 0 || !(s.eq(e, "king") || s.eq(e, "redeemer") || s.eq(e, "savior") || s.eq(e, "saviour")) {
			return -1
		}
		return e
	}
	if holyPlaces[s.lower(k)] {
		return k
	}
	return -1
}

// holyPlaces name a church, school or hospital after "holy" ("holy
// trinity", "holy spirit" are lookalikePhrases).
var holyPlaces = wordsOf("cross family name rosary redeemer innocents angels infant savior saviour comforter apostles sepulchre")

// churchKinds say what a church's name names.
var churchKinds = wordsOf("church parish cathedral basilica chapel school academy hospital catholic episcopal college")

// placeWordBefore: a word of place or going comes right before token i
// ("at", "to", "from", "near", "by", "behind", "outside", "past").
func (s *scan) placeWordBefore(i int) bool {
	switch s.prevWordAt(i, 1) {
	case "at", "to", "from", "near", "by", "behind", "outside", "past":
		return true
	}
	return false
}

// overlapsWider: a span found reaches outside [start, end) where it
// overlaps it.
func overlapsWider(spans []Span, start, end int) bool {
	for _, sp := range spans {
		if sp.Start < end && start < sp.End && (sp.Start < start || end < sp.End) {
			return true
		}
	}
	return false
}
