//go:build clinscribe_testprovider

package config

// Built with -tags clinscribe_testprovider (the end-to-end tests do), the
// binary accepts the aitest-http provider kind: a test double that sends
// every request to the server at $AITEST_URL (package pipeline/ai/aitest).
func init() { testProviderKinds["aitest-http"] = true }
