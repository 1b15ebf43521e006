package access_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
)

func TestRules(t *testing.T) {
	t.Parallel()
	rules := access.Rules{Delegates: map[string][]string{"dr-okafor": {"np-reyes"}}}
	mine := access.Owner{PatientRef: "pt_p", ProviderID: "dr-okafor"}
	cases := []struct {
		who  access.Principal
		act  access.Action
		want bool
	}{
		{access.Principal{ID: "dr-okafor", Role: access.RoleProvider}, access.ActSign, true},
		{access.Principal{ID: "np-reyes", Role: access.RoleProvider}, access.ActSign, true},
		{access.Principal{ID: "dr-brandt", Role: access.RoleProvider}, access.ActSign, false},
		{access.Principal{ID: "dr-brandt", Role: access.RoleProvider}, access.ActReadDraft, false},
		{access.Principal{ID: "dr-okafor", Role: access.RoleProvider}, access.ActDelete, false},
		{access.Principal{ID: "pt_p", Role: access.RolePatient}, access.ActReadDraft, true},
		{access.Principal{ID: "pt_p", Role: access.RolePatient}, access.ActRequestReview, true},
		{access.Principal{ID: "pt_p", Role: access.RolePatient}, access.ActSign, false},
		{access.Principal{ID: "pt_q", Role: access.RolePatient}, access.ActReadDraft, false},
		{access.Principal{ID: "rev-1", Role: access.RoleReviewer}, access.ActDecideReview, false}, // no case of theirs
		{access.Principal{ID: "rev-1", Role: access.RoleReviewer}, access.ActReadDraft, false},
		{access.Principal{ID: "ops-1", Role: access.RoleOps}, access.ActReadDraft, false},
		{access.Principal{ID: "ops-1", Role: access.RoleOps}, access.ActLegalHold, true},
		{access.Principal{ID: "emr", Role: access.RolePlatform}, access.ActSubmit, true},
		{access.Principal{ID: "emr", Role: access.RolePlatform}, access.ActSign, false},
		{access.Principal{ID: "x", Role: "admin"}, access.ActStatus, false},
	}
	for _, c := range cases {
		err := rules.Allow(c.who, c.act, mine)
		if got := err == nil; got != c.want {
			t.Errorf("%s %s %s: allowed %v, want %v", c.who.Role, c.who.ID, c.act, got, c.want)
		}
		if err != nil && !errors.Is(err, access.ErrForbidden) {
			t.Errorf("denial is %v, want ErrForbidden", err)
		}
	}
	// A reviewer reads and decides only an encounter under their review,
	// or one whose case waits for a reviewer.
	reviewed := access.Owner{PatientRef: "pt_p", ProviderID: "dr-okafor", Reviewers: []string{"rev-1"}}
	unassigned := access.Owner{PatientRef: "pt_p", ProviderID: "dr-okafor", UnassignedReview: true}
	for _, c := range []struct {
		id    string
		owner access.Owner
		act   access.Action
		want  bool
	}{
		{"rev-1", reviewed, access.ActReadDraft, true},
		{"rev-1", reviewed, access.ActDecideReview, true},
		{"rev-1", reviewed, access.ActSign, false},
		{"rev-2", reviewed, access.ActReadDraft, false},
		{"rev-2", reviewed, access.ActDecideReview, false},
		{"rev-2", unassigned, access.ActReadDraft, true},
		{"rev-2", unassigned, access.ActEdit, false},
	} {
		err := rules.Allow(access.Principal{ID: c.id, Role: access.RoleReviewer}, c.act, c.owner)
		if got := err == nil; got != c.want {
			t.Errorf("reviewer %s %s (reviewers %v, unassigned %v): allowed %v, want %v", c.id, c.act, c.owner.Reviewers, c.owner.UnassignedReview, got, c.want)
		}
	}
	// A patient with an empty reference owns nothing.
	if err := rules.Allow(access.Principal{ID: "", Role: access.RolePatient}, access.ActReadDraft, access.Owner{}); err == nil {
		t.Error("an empty patient reference matched an encounter without one")
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "tokens.yaml")
	prov, rec, err := access.NewToken("tok-a", access.RoleProvider, "dr-okafor", now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := access.AddToken(path, rec); err != nil {
		t.Fatal(err)
	}
	pat, rec2, _ := access.NewToken("tok-p", access.RolePatient, "MRN-00451287", time.Time{})
	if err := access.AddToken(path, rec2); err != nil {
		t.Fatal(err)
	}
	if err := access.AddToken(path, rec); err == nil {
		t.Fatal("a duplicate token ID was stored")
	}
	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), prov) || strings.Contains(string(raw), pat) {
		t.Fatal("the token file holds a token, not its hash")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("token file mode %v", st.Mode().Perm())
	}
	clock := now
	tokens, err := access.LoadTokens(path, func(_ context.Context, id string) (string, error) { return "pt_ref_of_" + id, nil },
		func() time.Time { return clock })
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p, err := tokens.Authenticate(ctx, prov)
	if err != nil || p.ID != "dr-okafor" || p.Role != access.RoleProvider || p.TokenID != "tok-a" {
		t.Fatalf("provider: %+v %v", p, err)
	}
	p, err = tokens.Authenticate(ctx, pat)
	if err != nil || p.ID != "pt_ref_of_MRN-00451287" {
		t.Fatalf("a patient token must resolve to the pseudonymous reference: %+v %v", p, err)
	}
	for name, tok := range map[string]string{"garbage": "cst_nope-nope-nope-nope-nope", "empty": "", "altered": prov[:len(prov)-1] + "x"} {
		if _, err := tokens.Authenticate(ctx, tok); !errors.Is(err, access.ErrUnauthenticated) {
			t.Errorf("%s token: %v", name, err)
		}
	}
	clock = now.Add(2 * time.Hour)
	if _, err := tokens.Authenticate(ctx, prov); !errors.Is(err, access.ErrUnauthenticated) {
		t.Fatal("an expired token was accepted")
	}
}

// A damaged token file is reported without its values: patient tokens'
// subjects are the platform's patient IDs.
func TestTokenFileErrorsDoNotEchoValues(t *testing.T) {
	t.Parallel()
	for _, y := range []string{
		"tokens:\n  - {id: tok-p, role: patient, subject: MRN-CANARY-1, sha256: x, expires: MRN-CANARY-2}\n",
		"tokens: MRN-CANARY-1\n",
		"tokens:\n  - {id: tok-p, role: patient, subject: !!int MRN-CANARY-1}\n",
	} {
		path := filepath.Join(t.TempDir(), "tokens.yaml")
		if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
			t.Fatal(err)
		}
		_, lerr := access.LoadTokens(path, nil, nil)
		_, rec, _ := access.NewToken("tok-new", access.RoleOps, "ops-1", time.Time{})
		aerr := access.AddToken(path, rec)
		for _, err := range []error{lerr, aerr} {
			if err == nil {
				t.Fatalf("%q was accepted", y)
			}
			if strings.Contains(err.Error(), "CANARY") {
				t.Errorf("the error repeats a value from the token file: %v", err)
			}
		}
	}
}
