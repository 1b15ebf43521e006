package app

import "github.com/clinscribe/clinscribe/pipeline/ai"

// testProviders build providers of kinds that only test builds know (see
// testprovider_on.go); empty in a release build.
var testProviders = map[string]func(name string) (*ai.Provider, error){}
