package cli

import (
	"context"
	"fmt"
	"strconv"

	"github.com/clinscribe/clinscribe/pipeline/ehr"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

func runEHR(ctx context.Context, env Env, cfgPath string, args []string) error {
	usage := func() error {
		fmt.Fprintf(env.Stderr, "Usage: clinscribe ehr jwks | ehr deliver ENCOUNTER_ID VERSION\n\n"+
			"  jwks     print the JWK Set (public key, kid, alg) to register with the EHR for SMART Backend Services\n"+
			"  deliver  request the write-back of a signed (or retracted) version again; a worker sends it\n")
		return errUsage
	}
	if len(args) == 0 {
		return usage()
	}
	cfg, err := loadConfig(env, cfgPath, nil)
	if err != nil {
		return err
	}
	if !cfg.EHR.Enabled() {
		return fmt.Errorf("ehr.base_url is not set: EHR write-back is off (docs/fhir.md)")
	}
	switch args[0] {
	case "jwks":
		if len(args) != 1 || cfg.EHR.Auth.Kind != ehr.AuthSMART {
			return fmt.Errorf("ehr jwks: takes no arguments and needs ehr.auth.kind smart")
		}
		b, err := ehr.PublicJWKS(cfg.EHR.Auth)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s\n", b)
		return nil
	case "deliver":
		if len(args) != 3 || !encounter.ValidID(args[1]) {
			return usage()
		}
		version, err := strconv.Atoi(args[2])
		if err != nil || version < 1 {
			return usage()
		}
		a, err := openApp(ctx, env, cfg)
		if err != nil {
			return err
		}
		defer a.Close()
		if err := a.EHR.Enqueue(ctx, args[1], version); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "write-back of %s v%d requested; `clinscribe status %s` shows it\n", args[1], version, args[1])
		return nil
	}
	return usage()
}
