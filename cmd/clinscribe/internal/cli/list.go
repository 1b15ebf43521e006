package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
)

// runList prints a worklist: the encounters a role sees, by state and
// time, a page at a time. It runs as a role and ID (-as), like the API
// would for that caller, and is audited as that caller.
func runList(ctx context.Context, env Env, cfgPath string, args []string) error {
	fs := newFlags(env, "list", "[-as ROLE:ID] [-state S[,S...]] [-since T] [-until T] [-provider ID] [-newest] [-limit N] [-cursor C] [-json]")
	as := fs.String("as", "ops:cli", "list as `role:id` (provider:dr-okafor lists that clinician's worklist, "+
		"reviewer:rev-1 a reviewer's, patient:pt_... a patient's; platform and ops list every encounter)")
	state := fs.String("state", "", "keep these states: "+strings.Join(phaseNames(), ", "))
	since := fs.String("since", "", "submitted at or after this RFC 3339 time")
	until := fs.String("until", "", "submitted before this RFC 3339 time")
	provider := fs.String("provider", "", "one clinician's encounters (as platform or ops)")
	newest := fs.Bool("newest", false, "newest first (default: oldest first, a work queue)")
	limit := fs.Int("limit", 0, "page size (default 50, at most 500)")
	cursor := fs.String("cursor", "", "continue after the page that printed this cursor")
	asJSON := fs.Bool("json", false, "print the page as JSON")
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 0 {
		fs.Usage()
		return errUsage
	}
	role, id, ok := strings.Cut(*as, ":")
	if !ok || !access.Role(role).Valid() || !access.ValidCode(id) {
		fmt.Fprintf(env.Stderr, "clinscribe list: -as must be role:id with a role of platform, provider, patient, reviewer or ops\n")
		return errUsage
	}
	q := worklist.Query{Provider: *provider, Newest: *newest, Limit: *limit, Cursor: *cursor}
	for _, st := range strings.Split(*state, ",") {
		if st = strings.TrimSpace(st); st != "" {
			q.States = append(q.States, encounter.Phase(st))
		}
	}
	for _, t := range []struct {
		flag, v string
		dst     *time.Time
	}{{"since", *since, &q.Since}, {"until", *until, &q.Until}} {
		if t.v == "" {
			continue
		}
		if *t.dst, err = time.Parse(time.RFC3339, t.v); err != nil {
			fmt.Fprintf(env.Stderr, "clinscribe list: -%s must be an RFC 3339 time\n", t.flag)
			return errUsage
		}
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	who := access.Who{Principal: access.Principal{ID: id, Role: access.Role(role)}}
	p, err := a.Services.Worklist.List(ctx, who, q)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	}
	if len(p.Items) == 0 {
		fmt.Fprintf(env.Stdout, "(no encounters)\n")
	}
	for _, it := range p.Items {
		fmt.Fprintf(env.Stdout, "%s  %s  %-9s %-12s %-19s %s\n", it.ID, it.CreatedAt.UTC().Format(time.RFC3339), it.Kind,
			it.ProviderID, it.Phase, it.Where)
	}
	if p.NextCursor != "" {
		fmt.Fprintf(env.Stdout, "more: clinscribe list -cursor %s (with the same flags)\n", p.NextCursor)
	}
	return nil
}

func phaseNames() []string {
	var out []string
	for _, p := range encounter.Phases {
		out = append(out, string(p))
	}
	return out
}
