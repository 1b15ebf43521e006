package storage

import (
	"bytes"
	"context"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Envelope format, version 1:
//
//	header  = "CSV1" | alg (1 byte, 1 = AES-256-GCM segmented)
//	        | u16 wrapped-key length | wrapped data key | 7-byte nonce prefix
//	segment = AES-256-GCM(plaintext[i*64KiB : (i+1)*64KiB])
//	          nonce = prefix | u32 i | last-flag byte
//	          aad   = SHA-256("clinscribe/vault/v1" | u16 len(key) | key | header)
//
// The data key is fresh per object. Binding the object key and header into
// every segment's aad means a blob moved to another key, a header swapped,
// segments reordered or the tail cut off all fail authentication; the last
// flag makes truncation at a segment boundary detectable too.
const (
	vaultMagic     = "CSV1"
	vaultAlgGCM64K = 1
	segmentSize    = 64 << 10
	noncePrefixLen = 7
	maxWrappedLen  = 4096
)

// ErrCorrupt means an object does not open: it was altered, truncated, moved
// to another key, or is not an envelope at all.
var ErrCorrupt = errors.New("storage: encrypted object is corrupt or was moved")

// Vault is an encrypting Blobstore: it seals every object with a fresh data
// key from a KeyManager before handing it to the underlying store, and opens
// it on the way back. Content streams through in 64 KiB segments.
type Vault struct {
	store   Blobstore
	keys    KeyManager
	scopeOf func(key string) string
}

var (
	_ Blobstore   = (*Vault)(nil)
	_ Stager      = (*Vault)(nil)
	_ LazyDeleter = (*Vault)(nil)
)

// NewVault returns a Vault over store with keys from keys. Each object's
// KeyContext is {"object": key, "scope": ScopeOf(key)}.
func NewVault(store Blobstore, keys KeyManager) *Vault {
	return &Vault{store: store, keys: keys, scopeOf: ScopeOf}
}

// ScopeOf is the crypto-shredding scope of an object key: its first two
// segments ("encounters/<id>" for everything of one encounter), or the whole
// key if it has fewer.
func ScopeOf(key string) string {
	parts := strings.SplitN(key, "/", 3)
	if len(parts) < 2 {
		return key
	}
	return parts[0] + "/" + parts[1]
}

func (v *Vault) keyContext(key string) KeyContext {
	return KeyContext{"object": key, ScopeContextKey: v.scopeOf(key)}
}

// Store is the underlying (ciphertext) Blobstore.
func (v *Vault) Store() Blobstore { return v.store }

// Put implements Blobstore: body is encrypted as it streams to the store.
func (v *Vault) Put(ctx context.Context, key string, body io.Reader, mode WriteMode) error {
	pr, err := v.seal(ctx, key, body)
	if err != nil {
		return fmt.Errorf("storage.Vault.Put: %w", err)
	}
	err = v.store.Put(ctx, key, pr, mode)
	pr.CloseWithError(errors.New("storage: put finished")) // unblocks the writer on early return
	return err
}

// seal returns the sealed form of body for key, streamed through a pipe
// as the reader takes it.
func (v *Vault) seal(ctx context.Context, key string, body io.Reader) (*io.PipeReader, error) {
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	dk, err := v.keys.GenerateDataKey(ctx, v.keyContext(key))
	if err != nil {
		return nil, err
	}
	sw, header, err := newSealWriter(key, dk)
	clear(dk.Plaintext)
	if err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	go func() {
		_, err := pw.Write(header)
		if err == nil {
			sw.dst = pw
			_, err = io.Copy(sw, body)
		}
		if err == nil {
			err = sw.Close()
		}
		pw.CloseWithError(err)
		sw.release() // every Write to the pipe has returned: the reader copied the bytes
	}()
	return pr, nil
}

// Stage implements Stager: body is sealed as Put seals it and staged in
// the underlying store (storage.Stage: ahead of Commit where the store can,
// at Commit otherwise).
func (v *Vault) Stage(ctx context.Context, key string, body io.Reader, mode WriteMode) (Staged, error) {
	pr, err := v.seal(ctx, key, body)
	if err != nil {
		return nil, fmt.Errorf("storage.Vault.Stage: %w", err)
	}
	st, err := Stage(ctx, v.store, key, pr, mode)
	pr.CloseWithError(errors.New("storage: stage finished"))
	return st, err
}

// ScopePreparer is a KeyManager that can make a scope's key ready ahead
// of the first object sealed under it (the Keyring).
type ScopePreparer interface {
	PrepareScope(ctx context.Context, kc KeyContext) error
}

// ScopePublisher is a ScopePreparer that can return before the scope's
// new key is durable, with the wait for it (Keyring.PublishScope).
type ScopePublisher interface {
	ScopePreparer
	PublishScope(ctx context.Context, kc KeyContext) (wait func() error, err error)
}

// Prepare readies the key that a later Put of key will seal under, when the
// KeyManager keeps per-scope keys (ScopePreparer); otherwise it does nothing.
// Nothing is stored in the data store, so no cleanup is owed if the Put never
// comes.
func (v *Vault) Prepare(ctx context.Context, key string) error {
	wait, err := v.PublishPrepare(ctx, key)
	if err != nil {
		return err
	}
	if err := wait(); err != nil {
		return fmt.Errorf("storage.Vault.Prepare: %w", err)
	}
	return nil
}

// PublishPrepare is Prepare returning as soon as objects can be sealed
// under the key, with the wait for the key to be durable (a
// ScopePublisher's; nothing to wait for otherwise). The caller may stage
// objects of the scope meanwhile but commits none before wait returns:
// on the local store their contents' flush and the key's name share one.
func (v *Vault) PublishPrepare(ctx context.Context, key string) (wait func() error, err error) {
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	wait = noWait
	switch km := v.keys.(type) {
	case ScopePublisher:
		wait, err = km.PublishScope(ctx, v.keyContext(key))
	case ScopePreparer:
		err = km.PrepareScope(ctx, v.keyContext(key))
	}
	if err != nil {
		return nil, fmt.Errorf("storage.Vault.Prepare: %w", err)
	}
	return wait, nil
}

// Get implements Blobstore: the returned reader yields plaintext and fails
// with ErrCorrupt at the first segment that does not authenticate.
func (v *Vault) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	rc, err := v.store.Get(ctx, key)
	if err != nil {
		return nil, err
	}
	or, err := v.newOpenReader(ctx, key, rc)
	if err != nil {
		rc.Close()
		return nil, err
	}
	return or, nil
}

// Delete implements Blobstore.
func (v *Vault) Delete(ctx context.Context, key string) error { return v.store.Delete(ctx, key) }

// DeleteLazy implements LazyDeleter (storage.DeleteLazy on the store).
func (v *Vault) DeleteLazy(ctx context.Context, key string) error {
	return DeleteLazy(ctx, v.store, key)
}

// List implements Blobstore.
func (v *Vault) List(ctx context.Context, prefix string) ([]string, error) {
	return v.store.List(ctx, prefix)
}

// PutBytes stores b under key.
func (v *Vault) PutBytes(ctx context.Context, key string, b []byte, mode WriteMode) error {
	return v.Put(ctx, key, bytes.NewReader(b), mode)
}

// GetBytes reads and decrypts the whole object under key.
func (v *Vault) GetBytes(ctx context.Context, key string) ([]byte, error) {
	return ReadAll(ctx, v, key)
}

func segmentAAD(key string, header []byte) []byte {
	h := sha256.New()
	h.Write([]byte("clinscribe/vault/v1"))
	var n [2]byte
	binary.BigEndian.PutUint16(n[:], uint16(len(key)))
	h.Write(n[:])
	h.Write([]byte(key))
	h.Write(header)
	return h.Sum(nil)
}

func segmentNonce(prefix []byte, i uint32, last bool) []byte {
	nonce := make([]byte, 12)
	copy(nonce, prefix)
	binary.BigEndian.PutUint32(nonce[noncePrefixLen:], i)
	if last {
		nonce[11] = 1
	}
	return nonce
}

// segmentBufs recycles the segment buffers every Put and Get needs (two
// each): most objects are a few KB, and fresh 64 KiB buffers per call were
// most of a pipeline stage's allocation and GC work. Capacity covers a
// sealed segment plus the reader's look-ahead byte.
var segmentBufs = sync.Pool{New: func() any {
	b := make([]byte, 0, segmentSize+64)
	return &b
}}

func getSegmentBuf() []byte { return (*segmentBufs.Get().(*[]byte))[:0] }

func putSegmentBuf(b []byte) {
	if cap(b) >= segmentSize+64 {
		b = b[:0]
		segmentBufs.Put(&b)
	}
}

// sealWriter buffers one segment and seals it when full; Close seals the
// final (possibly empty) segment with the last flag.
type sealWriter struct {
	dst    io.Writer
	gcm    cipher.AEAD
	prefix []byte
	aad    []byte
	buf    []byte
	out    []byte
	i      uint32
}

func newSealWriter(key string, dk DataKey) (*sealWriter, []byte, error) {
	if len(dk.Wrapped) == 0 || len(dk.Wrapped) > maxWrappedLen {
		return nil, nil, fmt.Errorf("wrapped key of %d bytes", len(dk.Wrapped))
	}
	gcm, err := newGCM(dk.Plaintext)
	if err != nil {
		return nil, nil, err
	}
	prefix := randomBytes(noncePrefixLen)
	header := []byte(vaultMagic)
	header = append(header, vaultAlgGCM64K)
	header = binary.BigEndian.AppendUint16(header, uint16(len(dk.Wrapped)))
	header = append(header, dk.Wrapped...)
	header = append(header, prefix...)
	return &sealWriter{
		gcm: gcm, prefix: prefix, aad: segmentAAD(key, header),
		buf: getSegmentBuf(), out: getSegmentBuf(),
	}, header, nil
}

func (w *sealWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		// A full buffer is flushed only when more data arrives, so the
		// final segment is always sealed by Close with the last flag.
		if len(w.buf) == segmentSize {
			if err := w.flush(false); err != nil {
				return n, err
			}
		}
		k := copy(w.buf[len(w.buf):segmentSize], p)
		w.buf = w.buf[:len(w.buf)+k]
		p = p[k:]
		n += k
	}
	return n, nil
}

func (w *sealWriter) flush(last bool) error {
	if w.i == ^uint32(0) {
		return errors.New("storage: object too large")
	}
	w.out = w.gcm.Seal(w.out[:0], segmentNonce(w.prefix, w.i, last), w.buf, w.aad)
	w.i++
	w.buf = w.buf[:0]
	_, err := w.dst.Write(w.out)
	return err
}

func (w *sealWriter) Close() error { return w.flush(true) }

// release gives the buffers back once nothing will touch them again.
func (w *sealWriter) release() {
	putSegmentBuf(w.buf)
	putSegmentBuf(w.out)
	w.buf, w.out = nil, nil
}

// openReader decrypts an envelope segment by segment.
type openReader struct {
	src    io.ReadCloser
	gcm    cipher.AEAD
	prefix []byte
	aad    []byte
	in     []byte // one sealed segment plus one byte of look-ahead
	plain  []byte
	pos    int
	i      uint32
	done   bool
	err    error
	hdrLen int // bytes of the envelope header before the first segment
}

func (v *Vault) newOpenReader(ctx context.Context, key string, src io.ReadCloser) (*openReader, error) {
	fixed := make([]byte, len(vaultMagic)+1+2)
	if _, err := io.ReadFull(src, fixed); err != nil {
		return nil, fmt.Errorf("%w: short header", ErrCorrupt)
	}
	if string(fixed[:4]) != vaultMagic || fixed[4] != vaultAlgGCM64K {
		return nil, fmt.Errorf("%w: not a clinscribe envelope", ErrCorrupt)
	}
	wl := int(binary.BigEndian.Uint16(fixed[5:]))
	if wl == 0 || wl > maxWrappedLen {
		return nil, fmt.Errorf("%w: bad wrapped key length", ErrCorrupt)
	}
	rest := make([]byte, wl+noncePrefixLen)
	if _, err := io.ReadFull(src, rest); err != nil {
		return nil, fmt.Errorf("%w: short header", ErrCorrupt)
	}
	header := append(fixed, rest...)
	dek, err := v.keys.DecryptDataKey(ctx, rest[:wl], v.keyContext(key))
	if err != nil {
		return nil, fmt.Errorf("storage.Vault.Get: %w", err)
	}
	gcm, err := newGCM(dek)
	clear(dek)
	if err != nil {
		return nil, err
	}
	return &openReader{
		src: src, gcm: gcm, prefix: rest[wl:], aad: segmentAAD(key, header), hdrLen: len(header),
		in: getSegmentBuf(), plain: getSegmentBuf(),
	}, nil
}

func (r *openReader) Read(p []byte) (int, error) {
	for r.pos == len(r.plain) {
		if r.err != nil {
			return 0, r.err
		}
		if r.done {
			// Read is the buffers' only user (Close may come from another
			// goroutine), so they go back here, once all is read.
			if r.in != nil {
				putSegmentBuf(r.in)
				putSegmentBuf(r.plain)
				r.in, r.plain, r.pos = nil, nil, 0
			}
			return 0, io.EOF
		}
		r.err = r.next()
	}
	n := copy(p, r.plain[r.pos:])
	r.pos += n
	return n, nil
}

// next reads and opens one segment. A segment is the last one when the
// stream ends right after it; the look-ahead byte tells.
func (r *openReader) next() error {
	full := segmentSize + r.gcm.Overhead()
	n, err := io.ReadFull(r.src, r.in[len(r.in):full+1])
	r.in = r.in[:len(r.in)+n]
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return err
	}
	last := len(r.in) <= full
	seg := r.in
	if !last {
		seg = r.in[:full]
	}
	plain, oerr := r.gcm.Open(r.plain[:0], segmentNonce(r.prefix, r.i, last), seg, r.aad)
	if oerr != nil {
		return fmt.Errorf("%w: segment %d does not authenticate", ErrCorrupt, r.i)
	}
	r.plain, r.pos = plain, 0
	r.i++
	if last {
		r.done = true
		r.in = r.in[:0]
	} else {
		// Keep the look-ahead byte as the start of the next segment.
		r.in[0] = r.in[full]
		r.in = r.in[:1]
	}
	return nil
}

func (r *openReader) Close() error { return r.src.Close() }
