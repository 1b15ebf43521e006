//go:build clinscribe_testprovider

package app

import (
	"errors"
	"os"

	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/ai/echotest"
)

// The aitest-http provider exists so an end-to-end test can run `clinscribe
// worker` as a real process against an AI server the test controls (and
// kill it mid-call). Only binaries built with -tags clinscribe_testprovider
// contain it.
func init() {
	testProviders[echotest.Kind] = func(name string) (*ai.Provider, error) {
		url := os.Getenv("AITEST_URL")
		if url == "" {
			return nil, errors.New("kind aitest-http needs AITEST_URL")
		}
		return echotest.NewProvider(name, url), nil
	}
}
