package prompts_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/clinscribe/clinscribe/prompts"
)

func TestBuiltin(t *testing.T) {
	t.Parallel()
	r := prompts.Builtin()
	for _, id := range []string{"soap", "hp", "avs"} {
		tmpl, err := r.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^` + id + `@\d+\+[0-9a-f]{8}$`).MatchString(tmpl.Version()) {
			t.Errorf("%s: version %q", id, tmpl.Version())
		}
		schema := tmpl.OutputSchema()
		props := schema["properties"].(map[string]any)
		if len(props) != len(tmpl.Sections) || schema["additionalProperties"] != false {
			t.Errorf("%s: schema does not match sections", id)
		}
	}
	if _, err := r.Get("nope"); !errors.Is(err, prompts.ErrUnknownTemplate) {
		t.Fatalf("Get unknown: %v", err)
	}
}

func TestLoadDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	custom := `id: wound_care
revision: 1
title: Wound care note
audience: clinician
description: Wound assessment.
system: Draft a wound care note from the source only.
sections:
  - {key: wound, title: Wound, kind: objective, instruction: "Size, depth, exudate."}
  - {key: plan, title: Plan, kind: plan, instruction: Dressing and follow-up.}
`
	if err := os.WriteFile(filepath.Join(dir, "wound.yaml"), []byte(custom), 0o600); err != nil {
		t.Fatal(err)
	}
	r := prompts.Builtin()
	if err := r.LoadDir(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Get("wound_care"); err != nil {
		t.Fatal(err)
	}
	// A custom template may not silently replace a built-in one.
	bad := `{id: soap, revision: 1, title: x, audience: clinician, system: x, sections: [{key: a, title: A, kind: plan, instruction: i}]}`
	if err := os.WriteFile(filepath.Join(dir, "soap.yaml"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := prompts.Builtin().LoadDir(dir); err == nil {
		t.Fatal("a same-revision override of soap was accepted")
	}
}

func TestParseRejects(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"UnknownField": "id: x\nrevision: 1\nbogus: 1\n",
		"NoSections":   "id: x\nrevision: 1\ntitle: t\naudience: clinician\nsystem: s\n",
		"BadKind":      "id: x\nrevision: 1\ntitle: t\naudience: clinician\nsystem: s\nsections: [{key: a, title: A, kind: vibes, instruction: i}]\n",
		"BadAudience":  "id: x\nrevision: 1\ntitle: t\naudience: everyone\nsystem: s\nsections: [{key: a, title: A, kind: plan, instruction: i}]\n",
	} {
		if _, err := prompts.Parse([]byte(src)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
