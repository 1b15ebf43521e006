package audit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// S3API is the part of the S3 client S3Store uses. There is no delete:
// the audit trail never removes anything.
type S3API interface {
	PutObject(ctx context.Context, in *s3.PutObjectInput, opts ...func(*s3.Options)) (*s3.PutObjectOutput, error)
	GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error)
	ListObjectsV2(ctx context.Context, in *s3.ListObjectsV2Input, opts ...func(*s3.Options)) (*s3.ListObjectsV2Output, error)
	ListObjectVersions(ctx context.Context, in *s3.ListObjectVersionsInput, opts ...func(*s3.Options)) (*s3.ListObjectVersionsOutput, error)
	HeadObject(ctx context.Context, in *s3.HeadObjectInput, opts ...func(*s3.Options)) (*s3.HeadObjectOutput, error)
	GetObjectLockConfiguration(ctx context.Context, in *s3.GetObjectLockConfigurationInput, opts ...func(*s3.Options)) (*s3.GetObjectLockConfigurationOutput, error)
}

// DefaultRetentionDays is six years (with leap days): HIPAA keeps
// documentation six years from creation.
const DefaultRetentionDays = 6*365 + 2

// S3Config configures an S3Store.
type S3Config struct {
	// Bucket holds the trail; it must have Object Lock enabled. Required.
	Bucket string `yaml:"bucket"`
	// Prefix is prepended to every key, e.g. "audit/". Optional.
	Prefix string `yaml:"prefix"`
	// RetentionDays is how long each object is locked. Zero means
	// DefaultRetentionDays.
	RetentionDays int `yaml:"retention_days"`
	// Mode is the Object Lock mode: COMPLIANCE (the default: nobody, not
	// even the root account, can delete or shorten it) or GOVERNANCE
	// (users with s3:BypassGovernanceRetention can; for staging).
	Mode string `yaml:"mode"`
}

// WithDefaults fills zero fields.
func (c S3Config) WithDefaults() S3Config {
	if c.RetentionDays == 0 {
		c.RetentionDays = DefaultRetentionDays
	}
	if c.Mode == "" {
		c.Mode = string(s3types.ObjectLockModeCompliance)
	}
	if c.Prefix != "" && !strings.HasSuffix(c.Prefix, "/") {
		c.Prefix += "/"
	}
	return c
}

// Validate reports configuration errors.
func (c S3Config) Validate() error {
	var errs []error
	if c.Bucket == "" {
		errs = append(errs, errors.New("bucket is required"))
	}
	if c.RetentionDays < 1 {
		errs = append(errs, errors.New("retention_days must be at least 1"))
	}
	if c.Mode != string(s3types.ObjectLockModeCompliance) && c.Mode != string(s3types.ObjectLockModeGovernance) {
		errs = append(errs, fmt.Errorf("mode %q is not COMPLIANCE or GOVERNANCE", c.Mode))
	}
	return errors.Join(errs...)
}

// S3Store keeps a trail in an S3 bucket under Object Lock:
//
//	<prefix>chains/<chain>/00000000000000000000.jsonl
//	    empty, written when the chain is created (before it is registered)
//	<prefix>chains/<chain>/<seq of first record, 20 digits>.jsonl
//	    one object per committed batch: the records of one group commit
//	    (an empty one after the last batch is a Claim's fence)
//	<prefix>checkpoints/<seq, 20 digits>.json
//	    one object per checkpoint
//
// Every object is written once, with If-None-Match: * and a retention
// (RetainUntilDate = now + RetentionDays, in Mode), so it can be neither
// overwritten nor deleted until then. Checkpoint seqs are claimed with the
// conditional write: of two writers racing for seq n exactly one wins and
// the other re-reads and takes n+1.
type S3Store struct {
	client S3API
	cfg    S3Config
	now    func() time.Time

	mu      sync.Mutex
	created map[string]bool
	ckKey   string // the newest checkpoint this store knows of
	ckLine  []byte
}

var _ Store = (*S3Store)(nil)

// NewS3Store returns an S3Store; it makes no request. Writers should call
// CheckObjectLock first.
func NewS3Store(client S3API, cfg S3Config, now func() time.Time) (*S3Store, error) {
	cfg = cfg.WithDefaults()
	if client == nil {
		return nil, errors.New("audit.NewS3Store: a client is required")
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("audit.NewS3Store: %w", err)
	}
	if now == nil {
		now = time.Now
	}
	return &S3Store{client: client, cfg: cfg, now: now, created: map[string]bool{}}, nil
}

// CheckObjectLock fails unless the bucket has Object Lock enabled: without
// it the retention headers are refused, or worse, ignored.
func (s *S3Store) CheckObjectLock(ctx context.Context) error {
	out, err := s.client.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: aws.String(s.cfg.Bucket)})
	if err != nil {
		return fmt.Errorf("audit.S3Store: bucket %s: object lock configuration: %w", s.cfg.Bucket, err)
	}
	if out.ObjectLockConfiguration == nil || out.ObjectLockConfiguration.ObjectLockEnabled != s3types.ObjectLockEnabledEnabled {
		return fmt.Errorf("audit.S3Store: bucket %s does not have Object Lock enabled (it can only be enabled when the bucket is created, or on a versioned bucket)", s.cfg.Bucket)
	}
	return nil
}

func (s *S3Store) String() string { return "s3://" + s.cfg.Bucket + "/" + s.cfg.Prefix }

func (s *S3Store) chainPrefix(chain string) string { return s.cfg.Prefix + "chains/" + chain + "/" }

func (s *S3Store) put(ctx context.Context, key string, body []byte, contentType string) error {
	until := s.now().UTC().AddDate(0, 0, s.cfg.RetentionDays)
	_, err := s.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket:                    aws.String(s.cfg.Bucket),
		Key:                       aws.String(key),
		Body:                      bytes.NewReader(body),
		ContentLength:             aws.Int64(int64(len(body))),
		ContentType:               aws.String(contentType),
		IfNoneMatch:               aws.String("*"),
		ObjectLockMode:            s3types.ObjectLockMode(s.cfg.Mode),
		ObjectLockRetainUntilDate: aws.Time(until),
		// Object Lock writes must carry an integrity checksum.
		ChecksumAlgorithm: s3types.ChecksumAlgorithmSha256,
	})
	return err
}

// ChainWhere is the object prefix of a chain, for verify's messages.
func (s *S3Store) ChainWhere(chain string) string {
	return "s3://" + s.cfg.Bucket + "/" + s.chainPrefix(chain)
}

func (s *S3Store) batchKey(chain string, first uint64) string {
	return fmt.Sprintf("%s%020d.jsonl", s.chainPrefix(chain), first)
}

// CreateChain implements Store: it writes the chain's first object, an
// empty one at seq 0, so a registered chain always has an object (a
// chain that is registered and has none was removed).
func (s *S3Store) CreateChain(ctx context.Context, chain string) error {
	if !ValidChain(chain) {
		return fmt.Errorf("audit.S3Store: invalid chain name %q", chain)
	}
	out, err := s.client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{
		Bucket: aws.String(s.cfg.Bucket), Prefix: aws.String(s.chainPrefix(chain)), MaxKeys: aws.Int32(1),
	})
	if err != nil {
		return fmt.Errorf("audit.S3Store.CreateChain: %w", err)
	}
	if len(out.Contents) > 0 {
		return fmt.Errorf("audit.S3Store.CreateChain: chain %s already exists", chain)
	}
	key := s.batchKey(chain, 0)
	if err := s.put(ctx, key, nil, "application/x-ndjson"); err != nil {
		if s.taken(ctx, key, err) {
			return fmt.Errorf("audit.S3Store.CreateChain: chain %s already exists", chain)
		}
		return fmt.Errorf("audit.S3Store.CreateChain: %w", err)
	}
	s.mu.Lock()
	s.created[chain] = true
	s.mu.Unlock()
	return nil
}

// AppendChain implements Store: the batch becomes one locked object.
func (s *S3Store) AppendChain(ctx context.Context, chain string, first uint64, records []byte) error {
	s.mu.Lock()
	ok := s.created[chain]
	s.mu.Unlock()
	if !ok {
		return fmt.Errorf("audit.S3Store.AppendChain: chain %s is not open for writing", chain)
	}
	key := s.batchKey(chain, first)
	if err := s.put(ctx, key, records, "application/x-ndjson"); err != nil {
		// A 412 here may be a Claim's fence: another process found this
		// writer's lease expired. Either way the chain is given up.
		s.mu.Lock()
		delete(s.created, chain)
		s.mu.Unlock()
		return fmt.Errorf("audit.S3Store.AppendChain: %w", err)
	}
	return nil
}

// AppendCheckpoint implements Store.
func (s *S3Store) AppendCheckpoint(ctx context.Context, next func(last []byte) (uint64, []byte, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	prefix := s.cfg.Prefix + "checkpoints/"
	if s.ckKey == "" {
		// Start near the end rather than list every checkpoint ever
		// written (millions, after a few years).
		last, err := s.lastCheckpointSeq(ctx)
		if err != nil {
			return fmt.Errorf("audit.S3Store.AppendCheckpoint: %w", err)
		}
		if last > 1 {
			s.ckKey = s.checkpointKey(last - 1)
		}
	}
	for attempt := 0; attempt < 50; attempt++ {
		keys, err := s.list(ctx, prefix, s.ckKey)
		if err != nil {
			return fmt.Errorf("audit.S3Store.AppendCheckpoint: %w", err)
		}
		if len(keys) > 0 {
			k := keys[len(keys)-1]
			b, err := s.get(ctx, k)
			if err != nil {
				return fmt.Errorf("audit.S3Store.AppendCheckpoint: %w", err)
			}
			s.ckKey, s.ckLine = k, bytes.TrimSuffix(b, []byte("\n"))
		}
		seq, line, err := next(s.ckLine)
		if err != nil {
			return err
		}
		key := fmt.Sprintf("%s%020d.json", prefix, seq)
		err = s.put(ctx, key, line, "application/json")
		if s.taken(ctx, key, err) {
			continue // another writer took this seq
		}
		if err != nil {
			return fmt.Errorf("audit.S3Store.AppendCheckpoint: %w", err)
		}
		s.ckKey, s.ckLine = key, bytes.TrimSuffix(line, []byte("\n"))
		return nil
	}
	return errors.New("audit.S3Store.AppendCheckpoint: too much contention")
}

// Claim implements Store by fencing: an empty object at the key of record
// head+1, the key the writer's next batch needs (a batch's key is the seq
// of its first record). If that key holds a batch the writer is alive
// (ErrChainLive); if it holds an empty object, an earlier Claim fenced the
// chain already.
func (s *S3Store) Claim(ctx context.Context, chain string, head uint64) (func(), error) {
	if !ValidChain(chain) {
		return nil, fmt.Errorf("audit.S3Store.Claim: invalid chain name %q", chain)
	}
	// Only a chain that exists is fenced: a fence must not make one. (A
	// chain written before chains had a seq-0 object has batches only.)
	out, err := s.client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{
		Bucket: aws.String(s.cfg.Bucket), Prefix: aws.String(s.chainPrefix(chain)), MaxKeys: aws.Int32(1),
	})
	if err != nil {
		return nil, fmt.Errorf("audit.S3Store.Claim: %w", err)
	}
	if len(out.Contents) == 0 {
		return nil, fmt.Errorf("audit.S3Store.Claim: chain %s has no objects: %w", chain, fs.ErrNotExist)
	}
	key := s.batchKey(chain, head+1)
	err = s.put(ctx, key, nil, "application/x-ndjson")
	if err == nil {
		return func() {}, nil
	}
	if !s.taken(ctx, key, err) {
		return nil, fmt.Errorf("audit.S3Store.Claim: %w", err)
	}
	obj, err := s.client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key)})
	if err != nil {
		return nil, fmt.Errorf("audit.S3Store.Claim: %w", err)
	}
	if aws.ToInt64(obj.ContentLength) == 0 {
		return func() {}, nil
	}
	return nil, ErrChainLive
}

func (s *S3Store) checkpointKey(seq uint64) string {
	return fmt.Sprintf("%scheckpoints/%020d.json", s.cfg.Prefix, seq)
}

// anyAfter reports whether a checkpoint key sorts after that of seq.
func (s *S3Store) anyAfter(ctx context.Context, seq uint64) (bool, error) {
	out, err := s.client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{
		Bucket: aws.String(s.cfg.Bucket), Prefix: aws.String(s.cfg.Prefix + "checkpoints/"),
		StartAfter: aws.String(s.checkpointKey(seq)), MaxKeys: aws.Int32(1),
	})
	if err != nil {
		return false, err
	}
	return len(out.Contents) > 0, nil
}

// lastCheckpointSeq finds the newest checkpoint's seq (0 if none) with
// O(log n) one-key LISTs: S3 lists only forwards, and keys are the seq in
// fixed width, so "some key after seq n" is true up to the last and false
// from there.
func (s *S3Store) lastCheckpointSeq(ctx context.Context) (uint64, error) {
	hi := uint64(1)
	for {
		more, err := s.anyAfter(ctx, hi)
		if err != nil {
			return 0, err
		}
		if !more {
			break
		}
		hi *= 2
	}
	// The last seq is in [0, hi]: the least n with nothing after key(n).
	lo := uint64(0)
	for lo < hi {
		mid := lo + (hi-lo)/2
		more, err := s.anyAfter(ctx, mid)
		if err != nil {
			return 0, err
		}
		if more {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, nil
}

// RecentCheckpoints implements Store: the key of checkpoint last-n.
func (s *S3Store) RecentCheckpoints(ctx context.Context, n int) (string, error) {
	last, err := s.lastCheckpointSeq(ctx)
	if err != nil {
		return "", fmt.Errorf("audit.S3Store.RecentCheckpoints: %w", err)
	}
	if n < 0 || last <= uint64(n) {
		return "", nil
	}
	return s.checkpointKey(last - uint64(n)), nil
}

// ReadCheckpointsFrom implements Store; the cursor is the last key read.
func (s *S3Store) ReadCheckpointsFrom(ctx context.Context, cursor string, fn func(Line) error) (string, error) {
	keys, err := s.list(ctx, s.cfg.Prefix+"checkpoints/", cursor)
	if err != nil {
		return cursor, fmt.Errorf("audit.S3Store.ReadCheckpointsFrom: %w", err)
	}
	for _, k := range keys {
		b, err := s.get(ctx, k)
		if err != nil {
			return cursor, fmt.Errorf("audit.S3Store.ReadCheckpointsFrom: %w", err)
		}
		if err := fn(Line{Where: "s3://" + s.cfg.Bucket + "/" + k, N: 1, Data: bytes.TrimSuffix(b, []byte("\n"))}); err != nil {
			return cursor, err
		}
		cursor = k
	}
	return cursor, nil
}

// taken reports whether a conditional write failed because the key
// exists. S3 says 412 (409 while another conditional write is in flight);
// a server that checks the lock before the condition says 403, so then
// the key is looked up.
func (s *S3Store) taken(ctx context.Context, key string, err error) bool {
	switch httpStatus(err) {
	case http.StatusPreconditionFailed, http.StatusConflict:
		return true
	case http.StatusForbidden:
		_, herr := s.client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key)})
		return herr == nil
	}
	return false
}

func (s *S3Store) list(ctx context.Context, prefix, after string) ([]string, error) {
	in := &s3.ListObjectsV2Input{Bucket: aws.String(s.cfg.Bucket), Prefix: aws.String(prefix)}
	if after != "" {
		in.StartAfter = aws.String(after)
	}
	var keys []string
	p := s3.NewListObjectsV2Paginator(s.client, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, o := range page.Contents {
			keys = append(keys, aws.ToString(o.Key))
		}
	}
	return keys, nil
}

func (s *S3Store) get(ctx context.Context, key string) ([]byte, error) {
	out, err := s.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key)})
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	var b bytes.Buffer
	if _, err := b.ReadFrom(out.Body); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Chains implements Reader. Versions are listed, not objects, so a chain
// hidden behind delete markers is still found.
func (s *S3Store) Chains(ctx context.Context) ([]string, error) {
	prefix := s.cfg.Prefix + "chains/"
	p := s3.NewListObjectVersionsPaginator(s.client, &s3.ListObjectVersionsInput{
		Bucket: aws.String(s.cfg.Bucket), Prefix: aws.String(prefix), Delimiter: aws.String("/"),
	})
	seen := map[string]bool{}
	var out []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("audit.S3Store.Chains: %w", err)
		}
		for _, cp := range page.CommonPrefixes {
			c := strings.TrimSuffix(strings.TrimPrefix(aws.ToString(cp.Prefix), prefix), "/")
			if ValidChain(c) && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

type objectVersions struct {
	versions []s3types.ObjectVersion
	markers  int
}

// versions lists every version and delete marker under prefix, by key.
func (s *S3Store) versions(ctx context.Context, prefix string) ([]string, map[string]*objectVersions, error) {
	p := s3.NewListObjectVersionsPaginator(s.client, &s3.ListObjectVersionsInput{
		Bucket: aws.String(s.cfg.Bucket), Prefix: aws.String(prefix),
	})
	byKey := map[string]*objectVersions{}
	var keys []string
	get := func(k string) *objectVersions {
		v := byKey[k]
		if v == nil {
			v = &objectVersions{}
			byKey[k] = v
			keys = append(keys, k)
		}
		return v
	}
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, v := range page.Versions {
			ov := get(aws.ToString(v.Key))
			ov.versions = append(ov.versions, v)
		}
		for _, m := range page.DeleteMarkers {
			get(aws.ToString(m.Key)).markers++
		}
	}
	sort.Strings(keys)
	return keys, byKey, nil
}

// readAll reads, for every key under prefix, its first version: the one
// the trail wrote, which Object Lock keeps. A later version (an overwrite
// in a versioned bucket) is never read; Overwrites reports it.
func (s *S3Store) readAll(ctx context.Context, prefix string, fn func(Line) error) error {
	keys, byKey, err := s.versions(ctx, prefix)
	if err != nil {
		return fmt.Errorf("audit.S3Store: %w", err)
	}
	for _, k := range keys {
		vs := byKey[k].versions
		if len(vs) == 0 {
			continue // only delete markers: reported by Overwrites
		}
		// S3 lists a key's versions newest first, and LastModified has
		// one-second resolution: the oldest is the last of the earliest.
		first := vs[0]
		for _, v := range vs[1:] {
			if !aws.ToTime(v.LastModified).After(aws.ToTime(first.LastModified)) {
				first = v
			}
		}
		in := &s3.GetObjectInput{Bucket: aws.String(s.cfg.Bucket), Key: aws.String(k)}
		if id := aws.ToString(first.VersionId); id != "" && id != "null" {
			in.VersionId = aws.String(id)
		}
		out, err := s.client.GetObject(ctx, in)
		if err != nil {
			return fmt.Errorf("audit.S3Store: %s: %w", k, err)
		}
		err = scanLines(out.Body, "s3://"+s.cfg.Bucket+"/"+k, fn)
		out.Body.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// ReadChain implements Reader.
func (s *S3Store) ReadChain(ctx context.Context, chain string, fn func(Line) error) error {
	return s.readAll(ctx, s.chainPrefix(chain), fn)
}

// ReadCheckpoints implements Reader.
func (s *S3Store) ReadCheckpoints(ctx context.Context, fn func(Line) error) error {
	return s.readAll(ctx, s.cfg.Prefix+"checkpoints/", fn)
}

// Overwrites reports every trail object with more than one version or a
// delete marker: the trail writes each key once, so someone else wrote
// over it or "deleted" it (in a versioned bucket that only hides it; the
// locked first version is still there and is what Verify reads).
func (s *S3Store) Overwrites(ctx context.Context) ([]Problem, error) {
	var out []Problem
	for _, prefix := range []string{s.cfg.Prefix + "chains/", s.cfg.Prefix + "checkpoints/"} {
		keys, byKey, err := s.versions(ctx, prefix)
		if err != nil {
			return nil, fmt.Errorf("audit.S3Store: %w", err)
		}
		for _, k := range keys {
			v := byKey[k]
			if len(v.versions) > 1 || v.markers > 0 {
				out = append(out, Problem{Where: "s3://" + s.cfg.Bucket + "/" + k,
					What: fmt.Sprintf("object has %d versions and %d delete markers; the trail writes each object once, so someone wrote over or deleted it (its first version is what was verified)", len(v.versions), v.markers)})
			}
		}
	}
	return out, nil
}

// Close implements Store.
func (s *S3Store) Close() error { return nil }

func httpStatus(err error) int {
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) {
		return re.HTTPStatusCode()
	}
	return 0
}
