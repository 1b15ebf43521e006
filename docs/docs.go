// Package docs embeds the documents the binary serves, such as the OpenAPI
// description of the HTTP API (GET /v1/openapi.yaml).
package docs

import _ "embed"

// OpenAPI is docs/openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte
