package ehr

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/fhir"
)

// Config configures write-back to one clinic's FHIR R4 server. The zero
// Config (no base_url) turns write-back off.
type Config struct {
	// Name identifies the server in audit entries and status. Zero means
	// "ehr".
	Name string `yaml:"name"`
	// BaseURL is the FHIR R4 base (e.g. https://ehr.example.org/fhir/R4).
	// Empty disables write-back.
	BaseURL string `yaml:"base_url"`
	// PatientIdentifierSystem is the system of the clinic's patient
	// identifier (the platform's patient ID, often an MRN): the Patient
	// is found with Patient?identifier=<system>|<id>, never created.
	// Required when BaseURL is set.
	PatientIdentifierSystem string `yaml:"patient_identifier_system"`
	// PractitionerIdentifierSystem is the system of clinician IDs in the
	// clinic's directory; signers and authors are sent as logical
	// references in it. Zero means "urn:clinscribe:clinician".
	PractitionerIdentifierSystem string `yaml:"practitioner_identifier_system"`
	// NoteIdentifierSystem names clinscribe's note IDs
	// ("<encounter>-v<version>") on the server: the key of the
	// conditional create. Zero means "urn:clinscribe:note".
	NoteIdentifierSystem string `yaml:"note_identifier_system"`
	// DeviceIdentifierSystem names AI Devices on the server. Zero means
	// "urn:clinscribe:ai-device".
	DeviceIdentifierSystem string `yaml:"device_identifier_system"`
	// HTML adds a rendered text/html attachment beside the text/plain one.
	HTML bool `yaml:"html"`
	// Timeout bounds one HTTP request. Zero means 30s.
	Timeout time.Duration `yaml:"timeout"`
	// MaxAttempts is how many times one delivery task runs before it is
	// handed back to the reconciler (which queues it again: an outage
	// delays a note, it never drops it). Zero means 10.
	MaxAttempts int `yaml:"max_attempts"`
	// ReconcileEvery is how often pending deliveries whose task was lost
	// or gave up are queued again. Zero means 5m; negative disables.
	ReconcileEvery time.Duration `yaml:"reconcile_every"`
	// Auth is how clinscribe authenticates to the server.
	Auth Auth `yaml:"auth"`
	// AITransparency overrides the HL7 AI Transparency on FHIR codes and
	// profile URLs (ballot 1.0.0 by default).
	AITransparency fhir.Profiles `yaml:"ai_transparency"`
}

// Auth kinds.
const (
	AuthSMART  = "smart"  // SMART Backend Services (private_key_jwt, client_credentials)
	AuthBearer = "bearer" // a static bearer token, for test servers
	AuthNone   = "none"   // no Authorization header (a server on a trusted network)
)

// Auth configures authentication. Secrets come from files or environment
// variables, never from the configuration itself.
type Auth struct {
	// Kind is smart, bearer or none. Zero means smart.
	Kind string `yaml:"kind"`
	// ClientID is the client registered with the EHR (smart).
	ClientID string `yaml:"client_id"`
	// PrivateKeyFile is the PEM private key (RSA for RS384, P-384 EC for
	// ES384; PKCS#8, PKCS#1 or SEC 1) whose public key the EHR holds
	// (smart).
	PrivateKeyFile string `yaml:"private_key_file"`
	// KeyID is the "kid" of that key in the JWKS registered with the EHR.
	KeyID string `yaml:"key_id"`
	// Algorithm is RS384 or ES384. Zero picks by key type.
	Algorithm string `yaml:"algorithm"`
	// TokenURL is the token endpoint. Zero means discovered from
	// <base_url>/.well-known/smart-configuration.
	TokenURL string `yaml:"token_url"`
	// Scopes are requested with every token. Zero means
	// system/Patient.read system/Device.read system/Device.write
	// system/DocumentReference.read system/DocumentReference.write
	// system/Provenance.read system/Provenance.write.
	Scopes []string `yaml:"scopes"`
	// RefreshBefore renews a token this long before it expires. Zero
	// means 60s.
	RefreshBefore time.Duration `yaml:"refresh_before"`
	// TokenFile holds a static bearer token (bearer); TokenEnv names an
	// environment variable that holds it.
	TokenFile string `yaml:"token_file"`
	TokenEnv  string `yaml:"token_env"`
}

// DefaultScopes are the SMART v1 system scopes write-back needs.
var DefaultScopes = []string{
	"system/Patient.read", "system/Device.read", "system/Device.write",
	"system/DocumentReference.read", "system/DocumentReference.write",
	"system/Provenance.read", "system/Provenance.write",
}

// Enabled reports whether write-back is configured.
func (c Config) Enabled() bool { return c.BaseURL != "" }

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.Name == "" {
		c.Name = "ehr"
	}
	if c.PractitionerIdentifierSystem == "" {
		c.PractitionerIdentifierSystem = "urn:clinscribe:clinician"
	}
	if c.NoteIdentifierSystem == "" {
		c.NoteIdentifierSystem = "urn:clinscribe:note"
	}
	if c.DeviceIdentifierSystem == "" {
		c.DeviceIdentifierSystem = "urn:clinscribe:ai-device"
	}
	if c.Timeout == 0 {
		c.Timeout = 30 * time.Second
	}
	if c.MaxAttempts == 0 {
		c.MaxAttempts = 10
	}
	if c.ReconcileEvery == 0 {
		c.ReconcileEvery = 5 * time.Minute
	}
	if c.Auth.Kind == "" {
		c.Auth.Kind = AuthSMART
	}
	if len(c.Auth.Scopes) == 0 {
		c.Auth.Scopes = DefaultScopes
	}
	if c.Auth.RefreshBefore == 0 {
		c.Auth.RefreshBefore = time.Minute
	}
	c.AITransparency = c.AITransparency.WithDefaults()
	return c
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// Validate reports every configuration error; a disabled Config is valid.
func (c Config) Validate() error {
	if !c.Enabled() {
		return nil
	}
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf("ehr."+format, args...)) }
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		add("base_url: must be an http(s) URL")
	}
	if !nameRE.MatchString(c.Name) {
		add("name: 1-64 of [A-Za-z0-9._-]")
	}
	if c.PatientIdentifierSystem == "" {
		add("patient_identifier_system: required (the system of the clinic's patient identifier)")
	}
	if c.Timeout < 0 || c.MaxAttempts < 0 {
		add("timeout and max_attempts must not be negative")
	}
	if c.ReconcileEvery > 0 && c.ReconcileEvery < time.Second {
		add("reconcile_every: at least 1s (negative disables)")
	}
	a := c.Auth
	switch a.Kind {
	case AuthSMART:
		if a.ClientID == "" {
			add("auth.client_id: required for kind smart")
		}
		if a.PrivateKeyFile == "" {
			add("auth.private_key_file: required for kind smart")
		}
		if a.Algorithm != "" && a.Algorithm != "RS384" && a.Algorithm != "ES384" {
			add("auth.algorithm: %q is not RS384 or ES384", a.Algorithm)
		}
		if a.TokenURL != "" {
			if u, err := url.Parse(a.TokenURL); err != nil || u.Host == "" {
				add("auth.token_url: must be a URL")
			}
		}
	case AuthBearer:
		if (a.TokenFile == "") == (a.TokenEnv == "") {
			add("auth: kind bearer takes exactly one of token_file and token_env")
		}
	case AuthNone:
	default:
		add("auth.kind: %q is not smart, bearer or none", a.Kind)
	}
	return errors.Join(errs...)
}
