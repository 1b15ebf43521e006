package pipeline

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audio"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/caption"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/idempotency"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// SubmitRequest is one encounter from a clinic: a note, or a recording with
// an optional sidecar transcript.
type SubmitRequest struct {
	Note            []byte
	NoteContentType string // text/plain (charset utf-8) or text/markdown

	Audio            io.Reader
	AudioContentType string // see audio.Accepted

	Sidecar            []byte
	SidecarContentType string // text/vtt, application/x-subrip, or "" to detect

	Template   string // prompt template ID; "" for the default
	Subject    encounter.Subject
	ProviderID string // the clinician the encounter belongs to

	Actor  string // who submits (user or client ID)
	Role   string
	Source string // cli, api, demo

	// IdempotencyKey, if set, makes retries safe: a submission repeated
	// with the same key by the same actor within idempotency.Window is
	// answered with the encounter the first one created (or carries on an
	// attempt that never committed) instead of creating another. Only an
	// HMAC of it is stored.
	IdempotencyKey string
}

// Submit validates a submission, stores it encrypted, records the
// encounter and enqueues its first stage. Validation happens before any
// write, so a refused submission leaves nothing behind. The error is a
// *phi.Error whose message says what to fix; with ErrNotQueued the
// encounter ID is returned too.
func (p *Pipeline) Submit(ctx context.Context, req SubmitRequest) (string, error) {
	kind, err := p.validate(&req)
	if err != nil {
		return "", err
	}
	tmpl, err := p.templates.Get(req.Template)
	if err != nil {
		return "", phi.Permanentf(phi.CodeInvalidInput, "unknown template (known: %s)", strings.Join(p.templates.IDs(), ", "))
	}
	ref, err := p.pseudo.PatientRef(ctx, req.Subject.PatientID)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "pseudonym key unavailable")
	}
	var c idempotency.Claim
	// premade: the scope key of the encounter is durable already, made by
	// an earlier submission while it ran (keyAhead), so nothing of the
	// key is left on this submission's serial path. refill keeps the keys
	// this one makes for its successors.
	var premade bool
	if req.IdempotencyKey != "" {
		if c, err = p.idem.Claim(ctx, req.Actor, req.IdempotencyKey, requestHash(&req, kind)); err != nil {
			return "", err
		}
		if c.Replay {
			p.log.Info("submission repeated with its idempotency key; answered with the encounter it created", "encounter_id", c.ID)
			return c.ID, nil
		}
	} else {
		var refill func()
		c.ID, premade, refill = p.newEncounterID(ctx)
		defer refill()
	}
	allowed, err := p.consent.AIAllowed(ctx, ref)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "consent could not be checked; submission not accepted")
	}

	id := c.ID
	meta := &encounter.Meta{
		ID: id, Kind: kind, Template: tmpl.ID, PatientRef: ref, ProviderID: req.ProviderID,
		Subject: req.Subject, Source: req.Source, CreatedAt: p.now().UTC(),
	}
	if !allowed {
		meta.AIProcessing = encounter.AIProcessingDenied
	}
	// The encounter's scope key is made (a write to the key ring) while
	// the open marker is written, instead of in front of the Meta on the
	// serial path: it seals nothing yet, so a crash before the Meta leaves
	// only a key that decrypts nothing. prep returns once the key can seal
	// (its content durable, its name linked); keyDurable is the wait for
	// its name, which on the local store is the flush the Meta's content
	// rides in.
	keyDurable := func() error { return nil }
	prep := background(func() (err error) {
		if premade {
			return nil // durable before its ID was handed out
		}
		keyDurable, err = p.store.Prepare(ctx, id)
		return err
	})
	defer prep.wait()
	// The open marker is staged (sealed, written where nothing lists it)
	// and published (renamed into place) at once, its name not waiting for
	// its content (encounter.StageBegin); the worklist entries, empty
	// objects, are staged with it (on the local store that only checks
	// they are not taken). Staged objects are never seen: Submit's every
	// return discards those it did not commit.
	marker, err := p.store.StageBegin(ctx, id, encounter.OpenMarker{PatientRef: ref, Since: meta.CreatedAt})
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "encounter could not be stored")
	}
	defer marker.Abort()
	idx, err := p.store.StageIndex(ctx, meta)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "encounter could not be stored")
	}
	defer idx.Abort()
	// A note rides in the Meta (encrypted with it): no object of its own
	// to write now or to read in the stage. With its scope key made ahead,
	// a note's Meta is complete and can be sealed now: staged before the
	// marker is published, its content is made durable by the marker's
	// flush, and its commit after the audit entry waits for one flush
	// only, for its name and the entries'.
	var staged *encounter.Staged
	if kind == encounter.KindNote {
		meta.Inputs = append(meta.Inputs, encounter.NoteInput(req.NoteContentType, req.Note))
		if premade {
			if staged, err = p.store.StageCreate(ctx, meta); err != nil {
				return "", phi.Wrap(err, phi.CodeStorage, "encounter could not be stored")
			}
			defer staged.Abort()
		}
	}
	// The open marker comes first: from here on, whatever a crash leaves
	// behind is found by Reconcile, carried on if the Meta was written (the
	// commit point) and removed if not. It must be durable before the
	// audit entry and any object of the encounter are; waiting for it
	// there rather than here lets it share the flush of the scope key's
	// content on the local store.
	markerDurable, err := marker.Publish(ctx)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "encounter could not be stored")
	}
	audited := false
	cleanup := func() {
		if c.Attempt != "" {
			// Another attempt under this ID may be committing right now;
			// what this one wrote is left to the reconciler.
			return
		}
		p.discard(context.WithoutCancel(ctx), id, ref, audited)
	}
	// keyReady waits for the scope key and the open marker to be durable:
	// before the first object of the encounter is committed.
	keyReady := func() error {
		if err := prep.join(); err != nil {
			return err
		}
		if err := markerDurable(); err != nil {
			return err
		}
		return keyDurable()
	}
	if kind == encounter.KindRecording {
		// The recording is the scope's first object: its key and the
		// marker first.
		if err := keyReady(); err != nil {
			cleanup()
			return "", phi.Wrap(err, phi.CodeStorage, "encounter could not be stored")
		}
		in, err := p.storeAudio(ctx, id, c.Attempt, &req)
		if err != nil {
			cleanup()
			return "", err
		}
		meta.Inputs = append(meta.Inputs, in)
		if len(req.Sidecar) > 0 {
			sc, err := p.store.PutAttemptInput(ctx, id, encounter.RoleSidecar, c.Attempt, req.SidecarContentType, bytes.NewReader(req.Sidecar))
			if err != nil {
				cleanup()
				return "", phi.Wrap(err, phi.CodeStorage, "sidecar could not be stored")
			}
			meta.Inputs = append(meta.Inputs, sc)
		}
	}
	first := meta.FirstStage()
	// The Meta, unless staged already (a note with its key made ahead),
	// is sealed under the scope key and staged while the audit entry is
	// written, so its content becomes durable meanwhile, in the flush that
	// makes the key's name durable; only its link waits for the entry.
	// Audited before the commit point, so no encounter is ever
	// processed without its submission on record, and after the open
	// marker is durable, so a submission that then fails, or is cut off by
	// a crash, gets an encounter.submit_abandoned entry (on the local
	// store the marker's name is usually durable by now: the flush of the
	// scope key's content covers it).
	if err := markerDurable(); err != nil {
		cleanup()
		return "", phi.Wrap(err, phi.CodeStorage, "encounter could not be stored")
	}
	if err := prep.join(); err != nil {
		cleanup()
		return "", phi.Wrap(err, phi.CodeStorage, "encounter could not be stored")
	}
	auditing := background(func() error {
		return p.audit.Log(ctx, audit.Entry{
			Event: audit.EventSubmit, Actor: req.Actor, Role: req.Role, PatientRef: ref, EncounterID: id,
			InputSHA256: meta.Inputs[0].SHA256, Result: "ok",
		})
	})
	var stageErr error
	if staged == nil {
		if staged, stageErr = p.store.StageCreate(ctx, meta); stageErr == nil {
			defer staged.Abort()
		}
	}
	if stageErr == nil {
		stageErr = keyReady()
	}
	if stageErr == nil {
		// The Meta's content, unless the marker's flush or the key's
		// made it durable already (then this returns at once), is
		// flushed while the audit entry is written, not after it.
		stageErr = staged.WaitContent()
	}
	auditErr := auditing.join()
	audited = auditErr == nil
	switch {
	case auditErr != nil:
		cleanup()
		return "", phi.Wrap(auditErr, phi.CodeAuditUnavailable, "audit trail unavailable; submission not accepted")
	case stageErr != nil:
		cleanup()
		return "", phi.Wrap(stageErr, phi.CodeStorage, "encounter could not be stored")
	}
	// The commit point, and then the worklist entries (per clinician,
	// patient and day), sharing its flush. Stages without a stored status
	// are pending; nothing more to write.
	recordErr, indexErr := staged.CommitIndexed(ctx, idx)
	if err := recordErr; err != nil {
		if c.Attempt != "" && errors.Is(err, storage.ErrExists) {
			// A concurrent attempt with the same key committed first.
			p.pruneAttempts(context.WithoutCancel(ctx), meta)
			return id, nil
		}
		cleanup()
		return "", phi.Wrap(err, phi.CodeStorage, "encounter could not be stored")
	}
	if c.Attempt != "" {
		p.pruneAttempts(ctx, meta)
	}
	// Without its entries nothing goes further: the open marker stays and
	// the reconciler writes them before it carries the encounter on.
	if indexErr != nil {
		p.log.Error("encounter stored but not listed; the reconciler will list and queue it", "encounter_id", id, "error", indexErr)
		return id, ErrNotQueued
	}
	if !allowed {
		// The patient opted out of AI processing: nothing is queued for a
		// model; the encounter waits for a human scribe.
		if err := p.human.RouteToHuman(ctx, meta, req.Actor); err != nil {
			return id, err
		}
		p.log.Info("encounter routed to human documentation", "encounter_id", id, "patient_ref", ref)
		return id, nil
	}
	if err := p.queue.Enqueue(ctx, first, id); err != nil {
		p.log.Error("encounter stored but not queued", "encounter_id", id, "error", err)
		return id, ErrNotQueued
	}
	p.log.Info("encounter submitted", "encounter_id", id, "kind", string(kind), "template", tmpl.ID, "patient_ref", ref)
	return id, nil
}

// discard removes what a submission that did not reach its commit point
// wrote, then its open marker; if its submit entry is on record, it records
// that the submission was abandoned. A crash part way leaves the marker, so
// Reconcile finishes the job.
func (p *Pipeline) discard(ctx context.Context, id, patientRef string, audited bool) {
	if err := p.removeScope(ctx, id); err != nil {
		p.log.Error("failed submission not cleaned up; the reconciler will retry", "encounter_id", id, "error", err)
		return
	}
	if audited {
		if err := p.audit.Log(ctx, audit.Entry{Event: audit.EventSubmitAbandoned, Actor: "system:pipeline", Role: "system",
			PatientRef: patientRef, EncounterID: id, Result: "discarded"}); err != nil {
			p.log.Error("abandoned submission not audited; the reconciler will retry", "encounter_id", id, "error", err)
			return
		}
	}
	_ = p.store.MarkClosed(ctx, id)
}

// removeScope deletes every object of an encounter that never reached its
// commit point.
func (p *Pipeline) removeScope(ctx context.Context, id string) error {
	keys, err := p.vault.List(ctx, encounter.Scope(id)+"/")
	if err != nil {
		return err
	}
	var errs []error
	for _, k := range keys {
		errs = append(errs, p.vault.Delete(ctx, k))
	}
	return errors.Join(errs...)
}

func (p *Pipeline) validate(req *SubmitRequest) (encounter.Kind, error) {
	if strings.TrimSpace(req.Subject.PatientID) == "" {
		return "", phi.Permanentf(phi.CodeInvalidInput, "the patient's identifier is required")
	}
	if err := req.Subject.CheckBirthDate(p.now()); err != nil {
		return "", phi.Permanentf(phi.CodeInvalidInput, "%s", err.Error())
	}
	if !access.ValidCode(req.ProviderID) {
		return "", phi.Permanentf(phi.CodeInvalidInput, "provider ID is required: 1-128 characters of letters, digits and ._:@-")
	}
	if !access.ValidCode(req.Actor) {
		return "", phi.Permanentf(phi.CodeInvalidInput, "actor ID is required: 1-128 characters of letters, digits and ._:@-")
	}
	if req.IdempotencyKey != "" && !idempotency.ValidKey(req.IdempotencyKey) {
		return "", phi.Permanentf(phi.CodeInvalidInput, "an idempotency key is 1-255 printable ASCII characters without spaces")
	}
	if req.Role == "" {
		req.Role = "platform"
	}
	if req.Template == "" {
		req.Template = p.cfg.DefaultTemplate
	}
	hasNote, hasAudio := req.Note != nil || req.NoteContentType != "", req.Audio != nil
	switch {
	case hasNote && hasAudio:
		return "", phi.Permanentf(phi.CodeInvalidInput, "submit either a note or a recording, not both")
	case hasNote:
		return encounter.KindNote, p.validateNote(req)
	case hasAudio:
		if len(req.Sidecar) > 0 {
			if err := p.validateSidecar(req); err != nil {
				return "", err
			}
		} else if req.SidecarContentType != "" {
			return "", phi.Permanentf(phi.CodeEmptyInput, "the sidecar transcript is empty")
		}
		return encounter.KindRecording, nil
	}
	return "", phi.Permanentf(phi.CodeEmptyInput, "nothing to submit: give a note or a recording")
}

func (p *Pipeline) validateNote(req *SubmitRequest) error {
	mt, params, err := mime.ParseMediaType(cmp.Or(req.NoteContentType, "text/plain"))
	if err != nil || (mt != "text/plain" && mt != "text/markdown") {
		return phi.Permanentf(phi.CodeUnsupportedType, "notes must be text/plain or text/markdown; for recordings use %s", strings.Join(audio.Accepted(), ", "))
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		return phi.Permanentf(phi.CodeUnsupportedType, "notes must be UTF-8 (charset %s is not supported)", safeToken(cs))
	}
	req.NoteContentType = mt + "; charset=utf-8"
	switch {
	case int64(len(req.Note)) > p.cfg.Limits.MaxNoteBytes:
		return phi.Permanentf(phi.CodeTooLarge, "note is %d bytes; the limit is %d", len(req.Note), p.cfg.Limits.MaxNoteBytes)
	case !utf8.Valid(req.Note):
		return phi.Permanentf(phi.CodeNotUTF8, "note is not valid UTF-8 text")
	case bytes.IndexByte(req.Note, 0) >= 0:
		return phi.Permanentf(phi.CodeInvalidInput, "note contains NUL bytes; it looks like a binary file")
	case len(bytes.TrimSpace(req.Note)) == 0:
		return phi.Permanentf(phi.CodeEmptyInput, "note is empty")
	}
	return nil
}

func (p *Pipeline) validateSidecar(req *SubmitRequest) error {
	if int64(len(req.Sidecar)) > p.cfg.Limits.MaxSidecarBytes {
		return phi.Permanentf(phi.CodeTooLarge, "sidecar transcript is %d bytes; the limit is %d", len(req.Sidecar), p.cfg.Limits.MaxSidecarBytes)
	}
	var format caption.Format
	switch mt, _, _ := mime.ParseMediaType(req.SidecarContentType); mt {
	case "text/vtt":
		format = caption.VTT
	case "application/x-subrip", "application/srt", "text/srt", "text/x-srt":
		format = caption.SRT
	case "", "text/plain":
		format = caption.Detect(req.Sidecar)
	default:
		return phi.Permanentf(phi.CodeUnsupportedType, "sidecar transcripts must be text/vtt (WebVTT) or application/x-subrip (SRT)")
	}
	if _, err := caption.Parse(req.Sidecar, format); err != nil {
		return phi.WrapPermanent(err, phi.CodeSidecarInvalid, "sidecar transcript rejected: "+err.Error())
	}
	req.SidecarContentType = format.ContentType()
	return nil
}

// storeAudio checks the recording's first bytes, then streams it into
// storage under the size limit.
func (p *Pipeline) storeAudio(ctx context.Context, id, attempt string, req *SubmitRequest) (encounter.Input, error) {
	br := bufio.NewReaderSize(req.Audio, 4096)
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return encounter.Input{}, phi.Wrap(err, phi.CodeInvalidInput, "recording could not be read")
	}
	if _, err := audio.Check(req.AudioContentType, head); err != nil {
		code := phi.CodeAudioInvalid
		if errors.Is(err, audio.ErrUnsupported) {
			code = phi.CodeUnsupportedType
		}
		if len(head) == 0 {
			code = phi.CodeEmptyInput
		}
		return encounter.Input{}, phi.WrapPermanent(err, code, err.Error())
	}
	limited := &limitReader{r: br, left: p.cfg.Limits.MaxAudioBytes}
	in, err := p.store.PutAttemptInput(ctx, id, encounter.RoleAudio, attempt, req.AudioContentType, limited)
	if limited.exceeded {
		return encounter.Input{}, phi.Permanentf(phi.CodeTooLarge, "recording is larger than the limit of %d bytes", p.cfg.Limits.MaxAudioBytes)
	}
	if err != nil {
		return encounter.Input{}, phi.Wrap(err, phi.CodeStorage, "recording could not be stored")
	}
	return in, checkSidecarFits(req, head, in.Size)
}

// SidecarTolerance is how far a sidecar's last cue may run past the end
// of the recording (captioners round cue times, and some pad the last cue).
const SidecarTolerance = 2 * time.Second

// checkSidecarFits refuses a sidecar whose cues run past the recording's
// end: a transcript of something else (or a recording cut short) would
// otherwise be drafted as this encounter's. Only WAV's length is known
// here; other formats are not checked.
func checkSidecarFits(req *SubmitRequest, head []byte, size int64) error {
	if len(req.Sidecar) == 0 {
		return nil
	}
	dur, ok := audio.WAVDuration(head, size)
	if !ok {
		return nil
	}
	format := caption.SRT
	if req.SidecarContentType == caption.VTT.ContentType() {
		format = caption.VTT
	}
	cues, err := caption.Parse(req.Sidecar, format)
	if err != nil {
		return nil // validateSidecar already accepted it in its declared format
	}
	if end := time.Duration(caption.EndMS(cues)) * time.Millisecond; end > dur+SidecarTolerance {
		return phi.Permanentf(phi.CodeSidecarMismatch, "the sidecar transcript runs to %.1f s but the recording is %.1f s long (tolerance %s): it does not belong to this recording",
			end.Seconds(), dur.Seconds(), SidecarTolerance)
	}
	return nil
}

var errTooLarge = errors.New("input exceeds the size limit")

// limitReader fails (rather than truncating silently) past the limit.
type limitReader struct {
	r        io.Reader
	left     int64
	exceeded bool
}

func (l *limitReader) Read(b []byte) (int, error) {
	n, err := l.r.Read(b)
	l.left -= int64(n)
	if l.left < 0 {
		l.exceeded = true
		return 0, errTooLarge
	}
	return n, err
}

var tokenRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,40}$`)

// safeToken echoes a short token (a charset name) only if it is one.
func safeToken(s string) string {
	if tokenRE.MatchString(s) {
		return s
	}
	return fmt.Sprintf("(%d bytes)", len(s))
}

// task is work running in a goroutine of its own beside the caller's
// (background).
type task struct {
	done  chan struct{}
	err   error
	panic any
}

// background runs fn in its own goroutine. The caller joins it for its
// error, and waits for it before returning in any case, so no write
// outlives the call.
func background(fn func() error) *task {
	t := &task{done: make(chan struct{})}
	go func() {
		defer close(t.done)
		defer func() { t.panic = recover() }()
		t.err = fn()
	}()
	return t
}

// join waits for the task and returns its error; a panic in it (the crash
// tests' simulated process death) is raised again in the caller's
// goroutine, where it can be seen. It may be called more than once.
func (t *task) join() error {
	<-t.done
	if t.panic != nil {
		panic(t.panic)
	}
	return t.err
}

// wait waits for the task to end.
func (t *task) wait() { <-t.done }
