package config

// testProviderKinds are provider kinds that only test builds know; see
// testprovider_on.go. A release build leaves it empty, so configuration
// naming such a kind is refused.
var testProviderKinds = map[string]bool{}
