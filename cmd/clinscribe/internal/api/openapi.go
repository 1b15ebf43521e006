package api

import (
	"bytes"
	"io"
	"net/http"

	"github.com/clinscribe/clinscribe/docs"
)

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml")
	_, _ = io.Copy(w, bytes.NewReader(docs.OpenAPI))
}
