package offline

import (
	"sort"
	"strconv"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/prompts"
)

// sectionSlot is what a section with several of its kind takes, by key.
var sectionSlot = map[string]slot{
	"chief_complaint": slotComplaint, "why_you_came": slotComplaint,
	"history": slotHistory, "ros": slotROS, "data": slotData, "when_to_get_help": slotPrecaution,
}

// route places the items into the template's sections: by category, then
// by slot among sections of the same kind; a problem-oriented assessment
// and plan keeps each problem's sentences together, numbered.
func route(t *prompts.Template, items []item, max int) []encounter.Section {
	byCat := map[category][]int{}
	for i, s := range t.Sections {
		for _, c := range kindCategories(s.Kind) {
			byCat[c] = append(byCat[c], i)
		}
	}
	avs := t.Audience == "patient"
	picked := make([][]item, len(t.Sections))
	for _, it := range items {
		cat := it.cat
		if avs {
			// An after-visit summary tells why the patient came, what was
			// found (findings and diagnoses) and what to do.
			if cat == catObjective {
				cat = catAssessment
			}
		}
		idx := byCat[cat]
		if len(idx) == 0 {
			// A template without a place for it: the nearest kind that
			// exists, so nothing is dropped.
			for _, c := range []category{catSubjective, catAssessment, catPlan, catObjective} {
				if len(byCat[c]) > 0 {
					idx = byCat[c]
					break
				}
			}
		}
		if len(idx) == 0 {
			continue
		}
		i := chooseSection(t, idx, it)
		picked[i] = append(picked[i], it)
	}
	if max <= 0 {
		max = 60
	}
	out := make([]encounter.Section, len(t.Sections))
	for i, s := range t.Sections {
		its := picked[i]
		if s.Kind == prompts.KindAssessmentPlan || s.Kind == prompts.KindAssessment || s.Kind == prompts.KindPlan {
			its = byProblem(its)
		}
		if len(its) > max {
			its = its[:max] // coverage lists the rest as clinical content not used
		}
		out[i] = encounter.Section{Key: s.Key, Title: s.Title, Sentences: make([]encounter.Sentence, 0, len(its))}
		for _, it := range its {
			out[i].Sentences = append(out[i].Sentences, encounter.Sentence{Text: it.text, Evidence: dedup(it.evidence)})
		}
	}
	return out
}

// byProblem orders a section's items problem by problem (in the order the
// problems were opened), keeping source order within a problem, and
// numbers each problem's first sentence when the source did not.
func byProblem(its []item) []item {
	has := false
	for _, it := range its {
		if it.problem > 0 {
			has = true
		}
	}
	if !has {
		return its
	}
	sort.SliceStable(its, func(a, b int) bool {
		pa, pb := its[a].problem, its[b].problem
		if pa == 0 {
			pa = 1 << 30 // sentences outside any problem after them
		}
		if pb == 0 {
			pb = 1 << 30
		}
		return pa < pb
	})
	last := -1
	for i := range its {
		p := its[i].problem
		if p > 0 && p != last && !listItemRE.MatchString(its[i].text) {
			its[i].text = strconv.Itoa(p) + ". " + its[i].text
		}
		last = p
	}
	return its
}

func chooseSection(t *prompts.Template, idx []int, it item) int {
	if len(idx) == 1 {
		return idx[0]
	}
	fallback := -1
	for _, i := range idx {
		sl, slotted := sectionSlot[t.Sections[i].Key]
		if slotted && sl == it.slot && it.slot != slotNone {
			return i
		}
		if !slotted && fallback < 0 {
			fallback = i
		}
	}
	if it.slot == slotComplaint {
		// A chief complaint is history too, where no section takes it alone.
		for _, i := range idx {
			if _, slotted := sectionSlot[t.Sections[i].Key]; !slotted {
				return i
			}
		}
	}
	if fallback >= 0 {
		return fallback
	}
	return idx[0]
}

func dedup(ids []string) []string {
	out := make([]string, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
