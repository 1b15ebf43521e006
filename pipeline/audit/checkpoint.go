package audit

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Checkpoint is a signed statement of chain heads. Checkpoints form their
// own hash chain (Seq, Prev), shared by every writer: each writer adds one
// at chain start (its head at seq 0: the chain exists), every checkpoint
// interval while it writes, and at close (Closed). Folding all checkpoints
// gives, for every chain that ever existed, the last head a signature
// vouches for — which is what truncation and deletion are detected against.
type Checkpoint struct {
	V      int       `json:"v"`
	Seq    uint64    `json:"seq"`
	Prev   string    `json:"prev"`
	Time   time.Time `json:"time"`
	Writer string    `json:"writer"` // the chain of the writer that made it (a sealer: its writer ID)
	KeyID  string    `json:"key_id"`
	Heads  []Head    `json:"heads"`
	Hash   string    `json:"hash"`
	Sig    string    `json:"sig"` // Ed25519 over the body (the line without hash and sig), base64
}

// Head is a chain's last record at a checkpoint.
//
// A chain (one writing process's segment of the trail) ends in one of
// three ways, each a head with one flag set: Closed by its writer at a
// clean shutdown; Sealed by another process after its writer died (see
// Sealer); or Abandoned by its writer after a failed write. A closed or
// sealed chain takes no record after that head. An abandoned chain may
// hold records after it: the write that failed may have landed, but it
// was never acknowledged, so nothing was done on its strength.
type Head struct {
	Chain string `json:"chain"`
	Seq   uint64 `json:"seq"`  // 0: the chain exists and is empty
	Hash  string `json:"hash"` // Genesis for seq 0
	// Closed says the writer closed the chain: no record may follow.
	Closed bool `json:"closed,omitempty"`
	// Sealed says another process found the chain's writer dead (lease
	// expired, chain claimed: see Sealer) and sealed the chain at the
	// head it found ("sealed after crash"): no record may follow.
	Sealed bool `json:"sealed,omitempty"`
	// Abandoned says the writer gave up the chain after a failed write:
	// Seq is its last durable record; records after it were never
	// acknowledged.
	Abandoned bool `json:"abandoned,omitempty"`
}

// State names how a head leaves its chain: "open", "closed", "sealed" or
// "abandoned".
func (h Head) State() string {
	switch {
	case h.Closed:
		return StateClosed
	case h.Sealed:
		return StateSealed
	case h.Abandoned:
		return StateAbandoned
	}
	return StateOpen
}

// The states of a chain (segment), as verify reports them.
const (
	StateOpen         = "open"         // its writer runs, or died and it is not sealed yet
	StateClosed       = "closed"       // its writer closed it at shutdown
	StateSealed       = "sealed"       // sealed after its writer's crash by another process
	StateAbandoned    = "abandoned"    // its writer gave it up after a failed write
	StateUnregistered = "unregistered" // no checkpoint names it
)

func (h Head) flags() int {
	n := 0
	for _, f := range []bool{h.Closed, h.Sealed, h.Abandoned} {
		if f {
			n++
		}
	}
	return n
}

type checkpointBody struct {
	V      int       `json:"v"`
	Seq    uint64    `json:"seq"`
	Prev   string    `json:"prev"`
	Time   time.Time `json:"time"`
	Writer string    `json:"writer"`
	KeyID  string    `json:"key_id"`
	Heads  []Head    `json:"heads"`
}

func (c *Checkpoint) body() ([]byte, error) {
	return json.Marshal(checkpointBody{V: c.V, Seq: c.Seq, Prev: c.Prev, Time: c.Time, Writer: c.Writer, KeyID: c.KeyID, Heads: c.Heads})
}

// encodeCheckpoint fills Hash and Sig and returns the line with its newline.
func (s *Signer) encodeCheckpoint(c *Checkpoint) ([]byte, error) {
	c.V, c.KeyID = FormatVersion, s.id
	body, err := c.body()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	c.Hash = hex.EncodeToString(sum[:])
	c.Sig = base64.StdEncoding.EncodeToString(ed25519.Sign(s.priv, body))
	var b bytes.Buffer
	b.Write(body[:len(body)-1])
	fmt.Fprintf(&b, `,"hash":%q,"sig":%q}`+"\n", c.Hash, c.Sig)
	return b.Bytes(), nil
}

var errBadSignature = errors.New("signature does not verify")

// parseCheckpoint decodes a checkpoint line (without newline) and checks
// its form and hash; keys, if not nil, must hold the signing key and the
// signature must verify.
func parseCheckpoint(line []byte, keys map[string]ed25519.PublicKey) (*Checkpoint, error) {
	var c Checkpoint
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%w: %v", errMalformed, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data", errMalformed)
	}
	if c.V != FormatVersion || c.Seq == 0 || !isHash(c.Prev) || !isHash(c.Hash) || c.KeyID == "" {
		return &c, fmt.Errorf("%w: bad v, seq, prev, hash or key_id", errMalformed)
	}
	for _, h := range c.Heads {
		if !ValidChain(h.Chain) || !isHash(h.Hash) || h.flags() > 1 {
			return &c, fmt.Errorf("%w: bad head", errMalformed)
		}
	}
	body, err := c.body()
	if err != nil {
		return &c, fmt.Errorf("%w: %v", errMalformed, err)
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	var want bytes.Buffer
	want.Write(body[:len(body)-1])
	fmt.Fprintf(&want, `,"hash":%q,"sig":%q}`, c.Hash, c.Sig)
	if hash != c.Hash {
		return &c, errHashMismatch
	}
	if !bytes.Equal(want.Bytes(), line) {
		return &c, errNotCanonical
	}
	if keys != nil {
		pub, ok := keys[c.KeyID]
		if !ok {
			return &c, fmt.Errorf("signed by key %s, which is not trusted (give its public key)", c.KeyID)
		}
		sig, err := base64.StdEncoding.DecodeString(c.Sig)
		if err != nil || !ed25519.Verify(pub, body, sig) {
			return &c, errBadSignature
		}
	}
	return &c, nil
}

// Signer signs checkpoints with an Ed25519 key.
type Signer struct {
	priv ed25519.PrivateKey
	pub  ed25519.PublicKey
	id   string
}

// NewSigner returns a Signer for a private key.
func NewSigner(priv ed25519.PrivateKey) *Signer {
	pub := priv.Public().(ed25519.PublicKey)
	return &Signer{priv: priv, pub: pub, id: KeyID(pub)}
}

// KeyID is the ID checkpoints name their key by: the first 16 hex digits
// of the SHA-256 of the raw public key.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

// PublicKey returns the verification key.
func (s *Signer) PublicKey() ed25519.PublicKey { return s.pub }

// KeyID returns the key's ID.
func (s *Signer) KeyID() string { return s.id }

// ErrNoSigningKey means the signing key file does not exist.
var ErrNoSigningKey = errors.New("audit: signing key file does not exist")

// LoadSigner reads a PEM PKCS#8 Ed25519 private key (as `openssl genpkey
// -algorithm ed25519` writes). With create set, a missing file is
// generated (mode 0600, directory 0700) — for local and demo use;
// production keys are made once with `clinscribe audit keygen` and
// distributed as secrets. A key file others can read is refused.
func LoadSigner(path string, create bool) (*Signer, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if !create {
			return nil, fmt.Errorf("%w: %s", ErrNoSigningKey, path)
		}
		s, gerr := GenerateSigner(path)
		if errors.Is(gerr, fs.ErrExist) { // another process won the race
			return LoadSigner(path, false)
		}
		return s, gerr
	}
	if err != nil {
		return nil, fmt.Errorf("audit.LoadSigner: %w", err)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o007 != 0 {
		return nil, fmt.Errorf("audit.LoadSigner: %s is readable by others (mode %v); chmod 600 it", path, fi.Mode().Perm())
	}
	block, _ := pem.Decode(raw)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("audit.LoadSigner: %s: not a PEM PRIVATE KEY", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("audit.LoadSigner: %s: %w", path, err)
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("audit.LoadSigner: %s: not an Ed25519 key", path)
	}
	return NewSigner(priv), nil
}

// GenerateSigner makes a new key file at path; it fails with fs.ErrExist
// if one is there.
func GenerateSigner(path string) (*Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("audit.GenerateSigner: %w", err)
	}
	// Write aside and link into place: the key appears whole or not at all,
	// and of racing processes exactly one wins.
	tmp, err := os.CreateTemp(dir, ".audit-key-*")
	if err != nil {
		return nil, fmt.Errorf("audit.GenerateSigner: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err == nil {
		if _, err = tmp.Write(data); err == nil {
			err = tmp.Sync()
		}
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("audit.GenerateSigner: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		return nil, fmt.Errorf("audit.GenerateSigner: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return NewSigner(priv), nil
}

// PublicKeyPEM encodes a public key as PEM PKIX ("PUBLIC KEY").
func PublicKeyPEM(pub ed25519.PublicKey) []byte {
	der, _ := x509.MarshalPKIXPublicKey(pub)
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// ParsePublicKey reads a PEM public key, or the public half of a PEM
// private key, so verifiers can be given either.
func ParsePublicKey(data []byte) (ed25519.PublicKey, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, errors.New("audit: not a PEM key")
	}
	switch block.Type {
	case "PUBLIC KEY":
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		if pub, ok := k.(ed25519.PublicKey); ok {
			return pub, nil
		}
	case "PRIVATE KEY":
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		if priv, ok := k.(ed25519.PrivateKey); ok {
			return priv.Public().(ed25519.PublicKey), nil
		}
	}
	return nil, errors.New("audit: not an Ed25519 key")
}
