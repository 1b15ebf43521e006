package storage

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// RangeGetter is a Blobstore that can read part of an object: n bytes from
// offset off (n < 0: to the end). Local and S3 are.
type RangeGetter interface {
	GetRange(ctx context.Context, key string, off, n int64) (io.ReadCloser, error)
}

// GetRange reads part of an object. Stores that cannot read a range (a
// wrapper that does not pass it on) are read from the start and the bytes
// before off skipped: correct, only slower.
func GetRange(ctx context.Context, bs Blobstore, key string, off, n int64) (io.ReadCloser, error) {
	if rg, ok := bs.(RangeGetter); ok {
		return rg.GetRange(ctx, key, off, n)
	}
	rc, err := bs.Get(ctx, key)
	if err != nil {
		return nil, err
	}
	if _, err := io.CopyN(io.Discard, rc, off); err != nil {
		rc.Close()
		if errors.Is(err, io.EOF) {
			return io.NopCloser(eofReader{}), nil
		}
		return nil, err
	}
	return limitCloser(rc, n), nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

func limitCloser(rc io.ReadCloser, n int64) io.ReadCloser {
	if n < 0 {
		return rc
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, n), rc}
}

// GetRange implements RangeGetter.
func (l *Local) GetRange(ctx context.Context, key string, off, n int64) (io.ReadCloser, error) {
	return rangeOf(l.Get(ctx, key))(off, n)
}

// rangeOf returns the reading of n bytes from off of an object opened
// with Get, whose reader seeks (a local store's).
func rangeOf(rc io.ReadCloser, err error) func(off, n int64) (io.ReadCloser, error) {
	return func(off, n int64) (io.ReadCloser, error) {
		if err != nil {
			return nil, err
		}
		if _, err := rc.(io.Seeker).Seek(off, io.SeekStart); err != nil {
			rc.Close()
			return nil, fmt.Errorf("storage: GetRange: %w", err)
		}
		return limitCloser(rc, n), nil
	}
}

// GetRange implements RangeGetter with an HTTP Range request.
func (s *S3) GetRange(ctx context.Context, key string, off, n int64) (io.ReadCloser, error) {
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	if n == 0 {
		return io.NopCloser(eofReader{}), nil
	}
	rng := fmt.Sprintf("bytes=%d-", off)
	if n > 0 {
		rng = fmt.Sprintf("bytes=%d-%d", off, off+n-1)
	}
	out, err := s.client.GetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.cfg.Bucket),
		Key:    aws.String(s.cfg.Prefix + key),
		Range:  aws.String(rng),
	})
	if isNotFound(err) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("storage.S3.GetRange: %w", err)
	}
	return out.Body, nil
}

// SeekReader reads an encrypted object's plaintext at any offset,
// decrypting only the 64 KiB segments it reads: what an HTTP range
// request over a recording needs (http.ServeContent). Each segment is
// authenticated as it is read, so a seek cannot skip the checks a whole
// read makes: a wrong size, a cut or altered object fails with ErrCorrupt.
type SeekReader struct {
	ctx  context.Context
	vr   *Vault
	key  string
	size int64
	hdr  int64
	or   *openReader // gcm, nonce prefix and aad of the object

	pos    int64
	seg    int64  // segment held in plain, -1 for none
	plain  []byte // its plaintext
	stream io.ReadCloser
	next   int64 // segment the stream delivers next
}

// OpenSeeker opens the object under key for reading at any offset. size
// is the plaintext size the caller recorded when it stored the object.
func (v *Vault) OpenSeeker(ctx context.Context, key string, size int64) (*SeekReader, error) {
	if size < 0 {
		return nil, fmt.Errorf("storage.Vault.OpenSeeker: negative size")
	}
	head, err := GetRange(ctx, v.store, key, 0, int64(len(vaultMagic)+1+2+maxWrappedLen+noncePrefixLen))
	if err != nil {
		return nil, err
	}
	defer head.Close()
	or, err := v.newOpenReader(ctx, key, head)
	if err != nil {
		return nil, err
	}
	// Only the header's keys are kept: segments are read by the seeker.
	putSegmentBuf(or.in)
	or.in = nil
	return &SeekReader{ctx: ctx, vr: v, key: key, size: size, hdr: int64(or.hdrLen), or: or, seg: -1, plain: or.plain}, nil
}

// Size is the plaintext size.
func (r *SeekReader) Size() int64 { return r.size }

func (r *SeekReader) segments() int64 { return max(1, (r.size+segmentSize-1)/segmentSize) }

// Read implements io.Reader.
func (r *SeekReader) Read(p []byte) (int, error) {
	if r.pos >= r.size {
		return 0, io.EOF
	}
	i := r.pos / segmentSize
	if r.seg != i {
		if err := r.load(i); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.plain[r.pos-i*segmentSize:])
	r.pos += int64(n)
	return n, nil
}

// load decrypts segment i, reading on from the open stream when it is
// there already (sequential reads) and opening a new range otherwise.
func (r *SeekReader) load(i int64) error {
	overhead := int64(r.or.gcm.Overhead())
	last := i == r.segments()-1
	clen := segmentSize + overhead
	if last {
		clen = r.size - i*segmentSize + overhead
	}
	if r.stream == nil || r.next != i {
		if r.stream != nil {
			r.stream.Close()
		}
		s, err := GetRange(r.ctx, r.vr.store, r.key, r.hdr+i*(segmentSize+overhead), -1)
		if err != nil {
			r.stream = nil
			return err
		}
		r.stream, r.next = s, i
	}
	buf := make([]byte, clen)
	if _, err := io.ReadFull(r.stream, buf); err != nil {
		r.stream.Close()
		r.stream = nil
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: segment %d is short", ErrCorrupt, i)
		}
		return err
	}
	r.next = i + 1
	plain, err := r.or.gcm.Open(r.plain[:0], segmentNonce(r.or.prefix, uint32(i), last), buf, r.or.aad)
	if err != nil {
		return fmt.Errorf("%w: segment %d does not authenticate", ErrCorrupt, i)
	}
	if last && int64(len(plain)) != r.size-i*segmentSize {
		return fmt.Errorf("%w: size mismatch", ErrCorrupt)
	}
	r.plain, r.seg = plain, i
	return nil
}

// Seek implements io.Seeker.
func (r *SeekReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += r.pos
	case io.SeekEnd:
		offset += r.size
	default:
		return 0, errors.New("storage.SeekReader.Seek: invalid whence")
	}
	if offset < 0 {
		return 0, errors.New("storage.SeekReader.Seek: negative position")
	}
	r.pos = offset
	return offset, nil
}

// Close implements io.Closer.
func (r *SeekReader) Close() error {
	if r.stream != nil {
		err := r.stream.Close()
		r.stream = nil
		return err
	}
	return nil
}
