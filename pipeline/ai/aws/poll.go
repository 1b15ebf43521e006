package aws

import (
	"context"
	"math/rand/v2"
	"time"
)

// poll calls check until it reports done or fails, waiting interval
// between calls; the wait grows by half each time up to maxInterval, with
// ±20% jitter so a fleet of workers does not poll in lockstep. It returns
// ctx's error when ctx ends first.
func poll(ctx context.Context, interval, maxInterval time.Duration, check func(context.Context) (bool, error)) error {
	wait := interval
	timer := time.NewTimer(jitter(wait))
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		}
		done, err := check(ctx)
		if err != nil || done {
			return err
		}
		wait = min(wait*3/2, maxInterval)
		timer.Reset(jitter(wait))
	}
}

func jitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return d*8/10 + time.Duration(rand.Int64N(int64(d)*4/10+1))
}
