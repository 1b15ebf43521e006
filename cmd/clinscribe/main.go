// Command clinscribe is the one binary of clinscribe: worker, submit,
// status, show, demo and version. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Environ: os.Environ()})
	stop()
	os.Exit(code)
}
