package cli

import (
	"context"
)

func runServe(ctx context.Context, env Env, cfgPath string, args []string) error {
	a, err := openService(ctx, env, cfgPath, "serve", args)
	if err != nil {
		return err
	}
	defer a.Close()
	srv, err := a.NewAPI()
	if err != nil {
		return err
	}
	// Probes and Prometheus use ops.listen, as for workers; the API port
	// answers /healthz and /readyz too, for a deployment without it.
	stopOps, err := serveOps(a, nil)
	if err != nil {
		return err
	}
	defer stopOps()
	return srv.Run(ctx)
}
