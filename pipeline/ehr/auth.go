package ehr

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// TokenSource gives the Authorization header value for the FHIR server.
// Invalidate drops a cached token the server refused.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
	Invalidate()
}

// ErrAuth means the token endpoint refused the client (a configuration
// problem: retrying does not help until someone fixes it).
var ErrAuth = errors.New("ehr: authentication refused")

// NewTokenSource returns the token source the Auth configures; environ
// is where token_env is looked up (nil: the process environment).
func NewTokenSource(c Config, client *http.Client, environ []string, now func() time.Time) (TokenSource, error) {
	c = c.WithDefaults()
	switch c.Auth.Kind {
	case AuthNone:
		return staticToken(""), nil
	case AuthBearer:
		tok, err := bearerSecret(c.Auth, environ)
		if err != nil {
			return nil, err
		}
		return staticToken("Bearer " + tok), nil
	case AuthSMART:
		return NewSMART(c, client, now)
	}
	return nil, fmt.Errorf("ehr: auth kind %q", c.Auth.Kind)
}

type staticToken string

func (s staticToken) Token(context.Context) (string, error) { return string(s), nil }
func (staticToken) Invalidate()                             {}

func bearerSecret(a Auth, environ []string) (string, error) {
	if a.TokenFile != "" {
		b, err := os.ReadFile(a.TokenFile)
		if err != nil {
			return "", fmt.Errorf("ehr.auth.token_file: %w", err)
		}
		if t := strings.TrimSpace(string(b)); t != "" {
			return t, nil
		}
		return "", errors.New("ehr.auth.token_file: empty")
	}
	if environ == nil {
		environ = os.Environ()
	}
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k == a.TokenEnv && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v), nil
		}
	}
	return "", fmt.Errorf("ehr.auth.token_env: %s is not set", a.TokenEnv)
}

// SMART is a SMART Backend Services client: it signs a JWT client
// assertion (RFC 7523) with the registered private key, exchanges it at
// the token endpoint for an access token (client_credentials grant), and
// caches the token until shortly before it expires.
type SMART struct {
	cfg    Config
	client *http.Client
	now    func() time.Time
	signer jose.Signer

	mu       sync.Mutex
	tokenURL string
	token    string
	expires  time.Time
}

// NewSMART loads the private key and returns the token source.
func NewSMART(c Config, client *http.Client, now func() time.Time) (*SMART, error) {
	c = c.WithDefaults()
	if now == nil {
		now = time.Now
	}
	key, alg, err := loadKey(c.Auth.PrivateKeyFile, c.Auth.Algorithm)
	if err != nil {
		return nil, fmt.Errorf("ehr.NewSMART: %w", err)
	}
	opts := (&jose.SignerOptions{}).WithType("JWT")
	if c.Auth.KeyID != "" {
		opts = opts.WithHeader("kid", c.Auth.KeyID)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, opts)
	if err != nil {
		return nil, fmt.Errorf("ehr.NewSMART: %w", err)
	}
	return &SMART{cfg: c, client: client, now: now, signer: signer, tokenURL: c.Auth.TokenURL}, nil
}

// loadKey reads an RSA or P-384 EC private key and picks its algorithm.
func loadKey(path, alg string) (crypto.Signer, jose.SignatureAlgorithm, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("private_key_file: %w", err)
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		return nil, "", errors.New("private_key_file: no PEM block")
	}
	var key any
	if key, err = x509.ParsePKCS8PrivateKey(block.Bytes); err != nil {
		if key, err = x509.ParsePKCS1PrivateKey(block.Bytes); err != nil {
			if key, err = x509.ParseECPrivateKey(block.Bytes); err != nil {
				return nil, "", errors.New("private_key_file: not a PKCS#8, PKCS#1 or SEC 1 private key")
			}
		}
	}
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if alg != "" && alg != "RS384" {
			return nil, "", fmt.Errorf("an RSA key signs RS384, not %s", alg)
		}
		if k.N.BitLen() < 2048 {
			return nil, "", errors.New("RSA key shorter than 2048 bits")
		}
		return k, jose.RS384, nil
	case *ecdsa.PrivateKey:
		if k.Curve != elliptic.P384() {
			return nil, "", errors.New("ES384 needs a P-384 key")
		}
		if alg != "" && alg != "ES384" {
			return nil, "", fmt.Errorf("a P-384 key signs ES384, not %s", alg)
		}
		return k, jose.ES384, nil
	}
	return nil, "", fmt.Errorf("private_key_file: unsupported key type %T", key)
}

// Invalidate implements TokenSource.
func (s *SMART) Invalidate() {
	s.mu.Lock()
	s.token = ""
	s.mu.Unlock()
}

// Token implements TokenSource: a cached token, or a fresh one.
func (s *SMART) Token(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.token != "" && s.now().Add(s.cfg.Auth.RefreshBefore).Before(s.expires) {
		return "Bearer " + s.token, nil
	}
	if s.tokenURL == "" {
		u, err := s.discover(ctx)
		if err != nil {
			return "", err
		}
		s.tokenURL = u
	}
	tok, ttl, err := s.exchange(ctx)
	if err != nil {
		return "", err
	}
	s.token, s.expires = tok, s.now().Add(ttl)
	return "Bearer " + tok, nil
}

// discover reads the token endpoint from the server's SMART configuration.
func (s *SMART) discover(ctx context.Context) (string, error) {
	u := strings.TrimSuffix(s.cfg.BaseURL, "/") + "/.well-known/smart-configuration"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", fmt.Errorf("ehr: smart configuration: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return "", fmt.Errorf("ehr: smart configuration unreachable: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("ehr: smart configuration answered %d", resp.StatusCode)
	}
	var conf struct {
		TokenEndpoint string `json:"token_endpoint"`
	}
	if err := json.Unmarshal(body, &conf); err != nil || conf.TokenEndpoint == "" {
		return "", fmt.Errorf("%w: smart configuration names no token_endpoint", ErrAuth)
	}
	return conf.TokenEndpoint, nil
}

// Assertion is the signed client assertion for the token endpoint:
// iss = sub = client ID, aud = the token URL, a five-minute expiry and a
// random jti (the server refuses a replayed one).
func (s *SMART) Assertion(tokenURL string) (string, error) {
	var jti [16]byte
	_, _ = rand.Read(jti[:])
	now := s.now()
	return jwt.Signed(s.signer).Claims(jwt.Claims{
		Issuer: s.cfg.Auth.ClientID, Subject: s.cfg.Auth.ClientID, Audience: jwt.Audience{tokenURL},
		IssuedAt: jwt.NewNumericDate(now), Expiry: jwt.NewNumericDate(now.Add(5 * time.Minute)),
		ID: hex.EncodeToString(jti[:]),
	}).Serialize()
}

func (s *SMART) exchange(ctx context.Context) (string, time.Duration, error) {
	assertion, err := s.Assertion(s.tokenURL)
	if err != nil {
		return "", 0, fmt.Errorf("ehr: client assertion: %w", err)
	}
	form := url.Values{
		"grant_type":            {"client_credentials"},
		"scope":                 {strings.Join(s.cfg.Auth.Scopes, " ")},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
		"client_assertion":      {assertion},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.tokenURL, bytes.NewBufferString(form.Encode()))
	if err != nil {
		return "", 0, fmt.Errorf("ehr: token request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return "", 0, fmt.Errorf("ehr: token endpoint unreachable: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	switch {
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode == http.StatusBadRequest || resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return "", 0, fmt.Errorf("%w: token endpoint answered %d", ErrAuth, resp.StatusCode)
	default:
		return "", 0, fmt.Errorf("ehr: token endpoint answered %d", resp.StatusCode)
	}
	var tr struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
		ExpiresIn   int    `json:"expires_in"`
	}
	if err := json.Unmarshal(body, &tr); err != nil || tr.AccessToken == "" || !strings.EqualFold(tr.TokenType, "bearer") {
		return "", 0, fmt.Errorf("%w: token endpoint gave no bearer token", ErrAuth)
	}
	ttl := time.Duration(tr.ExpiresIn) * time.Second
	if ttl <= 0 {
		ttl = 5 * time.Minute // SMART's recommended lifetime when none is given
	}
	return tr.AccessToken, ttl, nil
}

// PublicJWKS is the JWK Set an EHR registers for this client: the public
// half of auth.private_key_file, with its kid and algorithm.
func PublicJWKS(a Auth) ([]byte, error) {
	key, alg, err := loadKey(a.PrivateKeyFile, a.Algorithm)
	if err != nil {
		return nil, fmt.Errorf("ehr.PublicJWKS: %w", err)
	}
	jwk := jose.JSONWebKey{Key: key.Public(), KeyID: a.KeyID, Algorithm: string(alg), Use: "sig"}
	b, err := json.MarshalIndent(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{jwk}}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("ehr.PublicJWKS: %w", err)
	}
	return b, nil
}
