package deid

// nameTable is the set of name words a scan remembers for propagation
// (rememberName), with their classes: an open-addressing table keyed by
// the words' FNV-1a hash, the hash the tokenizer keeps for a short ASCII
// word (token.h), so that asking about a token hashes nothing. It replaces
// a map[string]NameClass that was hashed again on every call; reset keeps
// its slots for the next text.
type nameTable struct {
	slots []nameSlot // a power of two long, at most half full
	n     int
}

type nameSlot struct {
	w    string
	h    uint32
	used bool
	cls  NameClass
}

// reset empties the table.
func (t *nameTable) reset() {
	clear(t.slots)
	t.n = 0
}

// slot returns the slot of w, whose hash is h: the one holding w, or the
// empty one where w would go.
func (t *nameTable) slot(w string, h uint32) *nameSlot {
	if t.slots == nil {
		t.slots = make([]nameSlot, 64)
	}
	mask := uint32(len(t.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		sl := &t.slots[j]
		if !sl.used || sl.h == h && sl.w == w {
			return sl
		}
	}
}

// get returns w's class and whether w is in the table; h is fnvString(w).
func (t *nameTable) get(w string, h uint32) (NameClass, bool) {
	if t.n == 0 {
		return 0, false
	}
	sl := t.slot(w, h)
	return sl.cls, sl.used
}

// put sets w's class; h is fnvString(w).
func (t *nameTable) put(w string, h uint32, cls NameClass) {
	sl := t.slot(w, h)
	if sl.used {
		sl.cls = cls
		return
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
		sl = t.slot(w, h)
	}
	*sl = nameSlot{w: w, h: h, used: true, cls: cls}
	t.n++
}

// grow doubles the table.
func (t *nameTable) grow() {
	old := t.slots
	t.slots = make([]nameSlot, 2*len(old))
	for _, sl := range old {
		if sl.used {
			*t.slot(sl.w, sl.h) = sl
		}
	}
}
