package ehrtest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// TokenEndpoint is a SMART Backend Services token endpoint for tests —
// the FHIR test server has none of its own. It checks a client assertion
// as an EHR's authorization server does (RFC 7523 / SMART: signature with
// the registered public key and kid, iss = sub = client ID, aud = this
// URL, a lifetime of at most five minutes, a jti never seen before, the
// client_credentials grant and a write scope), then issues an access
// token and lists it in the tokens file the FHIR server accepts.
type TokenEndpoint struct {
	URL      string
	ClientID string
	KeyID    string
	// TTL is the expires_in of issued tokens.
	TTL time.Duration

	t      testing.TB
	public crypto.PublicKey
	alg    jose.SignatureAlgorithm
	tokens string

	mu      sync.Mutex
	issued  int
	refused []string
	seen    map[string]bool
}

// NewTokenEndpoint starts a token endpoint for the client whose public
// key and algorithm (RS384 or ES384) are given; issued tokens are
// appended to tokensFile.
func NewTokenEndpoint(t testing.TB, clientID, keyID string, public crypto.PublicKey, alg string, tokensFile string) *TokenEndpoint {
	t.Helper()
	te := &TokenEndpoint{ClientID: clientID, KeyID: keyID, TTL: 5 * time.Minute, t: t, public: public,
		alg: jose.SignatureAlgorithm(alg), tokens: tokensFile, seen: map[string]bool{}}
	srv := httptest.NewServer(http.HandlerFunc(te.serve))
	t.Cleanup(srv.Close)
	te.URL = srv.URL + "/oauth2/token"
	return te
}

// Issued counts the tokens issued so far.
func (te *TokenEndpoint) Issued() int {
	te.mu.Lock()
	defer te.mu.Unlock()
	return te.issued
}

// Refused lists why requests were refused.
func (te *TokenEndpoint) Refused() []string {
	te.mu.Lock()
	defer te.mu.Unlock()
	return append([]string(nil), te.refused...)
}

func (te *TokenEndpoint) serve(w http.ResponseWriter, r *http.Request) {
	te.mu.Lock()
	defer te.mu.Unlock()
	refuse := func(why string) {
		te.refused = append(te.refused, why)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error":"invalid_client"}`)
	}
	if r.Method != http.MethodPost || r.ParseForm() != nil {
		refuse("not a form POST")
		return
	}
	if r.Form.Get("grant_type") != "client_credentials" ||
		r.Form.Get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" {
		refuse("grant or assertion type")
		return
	}
	if !strings.Contains(r.Form.Get("scope"), "system/DocumentReference.write") {
		refuse("scope")
		return
	}
	tok, err := jwt.ParseSigned(r.Form.Get("client_assertion"), []jose.SignatureAlgorithm{te.alg})
	if err != nil {
		refuse("assertion: " + err.Error())
		return
	}
	if kid := tok.Headers[0].KeyID; kid != te.KeyID {
		refuse("kid " + kid)
		return
	}
	var c jwt.Claims
	if err := tok.Claims(te.public, &c); err != nil {
		refuse("signature: " + err.Error())
		return
	}
	if err := c.ValidateWithLeeway(jwt.Expected{Issuer: te.ClientID, Subject: te.ClientID,
		AnyAudience: jwt.Audience{te.URL}}, time.Minute); err != nil {
		refuse("claims: " + err.Error())
		return
	}
	if c.Expiry == nil || c.IssuedAt == nil || c.Expiry.Time().Sub(c.IssuedAt.Time()) > 5*time.Minute || c.ID == "" || te.seen[c.ID] {
		refuse("exp, iat or jti")
		return
	}
	te.seen[c.ID] = true
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	access := "smart-" + hex.EncodeToString(b)
	f, err := os.OpenFile(te.tokens, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		refuse("tokens file: " + err.Error())
		return
	}
	fmt.Fprintln(f, access)
	f.Close()
	te.issued++
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"access_token":%q,"token_type":"bearer","expires_in":%d,"scope":%q}`,
		access, int(te.TTL.Seconds()), r.Form.Get("scope"))
}

// ClientKey writes a new P-384 private key (PKCS#8 PEM) into dir and
// returns its file and public key: the client's registration.
func ClientKey(t testing.TB, dir string) (string, crypto.PublicKey) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ehr-client.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, &k.PublicKey
}
