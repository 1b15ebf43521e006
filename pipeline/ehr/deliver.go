package ehr

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/fhir"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Failure codes a delivery can end (or wait) with.
const (
	CodeUnavailable     phi.Code = "ehr_unavailable"      // server unreachable or failing: retried
	CodeAuth            phi.Code = "ehr_auth"             // token endpoint refused the client: retried until fixed
	CodeRejected        phi.Code = "ehr_rejected"         // the server refused the resource (4xx)
	CodeInvalid         phi.Code = "ehr_invalid_resource" // failed validation here: not sent
	CodePatientNotFound phi.Code = "ehr_patient_not_found"
	CodePatientAmbig    phi.Code = "ehr_patient_ambiguous"
	CodeWaiting         phi.Code = "ehr_waiting" // an earlier signed version is not delivered yet
)

// Delivery states.
const (
	StatePending   = "pending"   // queued or retrying; Code says why it is waiting
	StateDelivered = "delivered" // the server holds the note as the lifecycle says
	StateFailed    = "failed"    // will not succeed without a change; Code and Problems say why
	StateSkipped   = "skipped"   // nothing to send (retracted before it was ever delivered)
)

// Delivery is the write-back state of one signed version: IDs, codes and
// locations only, safe for any status view.
type Delivery struct {
	Server  string `json:"server"`
	Version int    `json:"version"`
	State   string `json:"state"`
	// Want is the DocumentReference.status the lifecycle asks for:
	// current or entered-in-error.
	Want       string         `json:"want,omitempty"`
	Code       string         `json:"code,omitempty"`
	Message    string         `json:"message,omitempty"`
	HTTPStatus int            `json:"http_status,omitempty"`
	Problems   []fhir.Problem `json:"problems,omitempty"`
	Attempts   int            `json:"attempts"`
	// Server resource references ("DocumentReference/<id>").
	DocumentReference string    `json:"document_reference,omitempty"`
	Provenance        string    `json:"provenance,omitempty"`
	Device            string    `json:"device,omitempty"`
	Replaces          string    `json:"replaces,omitempty"`
	DeliveredAt       time.Time `json:"delivered_at,omitzero"`
	UpdatedAt         time.Time `json:"updated_at"`
	// Gen is the request this state answers (see Enqueue).
	Gen int `json:"gen"`
}

// Queue enqueues a delivery task; *worker.Client implements it. Tasks are
// deduplicated by (encounter, version, gen).
type Queue interface {
	EnqueueEHR(ctx context.Context, encounterID string, version, gen, maxRetry int) error
}

// Deps are the Deliverer's collaborators; all are required.
type Deps struct {
	Vault *storage.Vault
	Store *encounter.Store
	Audit *audit.Logger
	Queue Queue
	Auth  TokenSource
	HTTP  *http.Client
	Log   *slog.Logger
	Now   func() time.Time
}

// Deliverer writes signed notes to the clinic's FHIR server.
type Deliverer struct {
	cfg    Config
	d      Deps
	client *Client
}

// New returns a Deliverer for an enabled Config.
func New(cfg Config, d Deps) (*Deliverer, error) {
	cfg = cfg.WithDefaults()
	if !cfg.Enabled() {
		return nil, errors.New("ehr.New: write-back is not configured (ehr.base_url)")
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("ehr.New: %w", err)
	}
	if d.Vault == nil || d.Store == nil || d.Audit == nil || d.Queue == nil || d.Auth == nil || d.HTTP == nil || d.Log == nil || d.Now == nil {
		return nil, errors.New("ehr.New: vault, store, audit, queue, auth, http client, log and clock are required")
	}
	return &Deliverer{cfg: cfg, d: d, client: NewClient(cfg.BaseURL, d.HTTP, d.Auth)}, nil
}

// Config is the Deliverer's configuration with defaults.
func (x *Deliverer) Config() Config { return x.cfg }

// marker is a delivery request not yet finished
// (encounter.EHRRequestKey: index/ehr/<id>.v<NNNNNN>).
// Its existence is what makes a delivery pending; the reconciler queues
// every marker again, so neither a lost task nor an exhausted one loses a
// note.
type marker struct {
	Gen   int       `json:"gen"`
	Since time.Time `json:"since"`
}

func markerKey(id string, version int) string { return encounter.EHRRequestKey(id, version) }

func stateKey(id string, version int) string { return encounter.EHRStateKey(id, version) }

func (x *Deliverer) put(ctx context.Context, key string, v any) error {
	return storage.PutJSON(ctx, x.d.Vault, key, v, storage.Overwrite)
}

func (x *Deliverer) get(ctx context.Context, key string, v any) error {
	return storage.GetJSON(ctx, x.d.Vault, key, v)
}

// Enqueue asks for a version's write-back after a sign-off, an amendment's
// sign-off or an entered-in-error: it records the request durably (a new
// generation of the version's marker) and queues the task. A task that
// cannot be queued now is queued by the reconciler.
func (x *Deliverer) Enqueue(ctx context.Context, encounterID string, version int) error {
	if !encounter.ValidID(encounterID) || version < 1 {
		return errors.New("ehr.Enqueue: not an encounter version")
	}
	// Generations only grow, also past a finished request (its marker is
	// gone, its state remembers), so the new task's ID is new too.
	var m marker
	if err := x.get(ctx, markerKey(encounterID, version), &m); err != nil && !errors.Is(err, storage.ErrNotFound) {
		return fmt.Errorf("ehr.Enqueue: %w", err)
	}
	var last Delivery
	if err := x.get(ctx, stateKey(encounterID, version), &last); err != nil && !errors.Is(err, storage.ErrNotFound) {
		return fmt.Errorf("ehr.Enqueue: %w", err)
	}
	m.Gen = max(m.Gen, last.Gen) + 1
	m.Since = x.d.Now().UTC()
	if err := x.put(ctx, markerKey(encounterID, version), m); err != nil {
		return fmt.Errorf("ehr.Enqueue: %w", err)
	}
	if err := x.d.Queue.EnqueueEHR(ctx, encounterID, version, m.Gen, x.cfg.MaxAttempts-1); err != nil {
		return fmt.Errorf("ehr.Enqueue: %w", err)
	}
	return nil
}

// Reconcile queues every pending delivery again (deduplicated by task ID,
// so a queued one is not doubled) and returns how many it found.
func (x *Deliverer) Reconcile(ctx context.Context) (int, error) {
	keys, err := x.d.Vault.List(ctx, encounter.EHRRequestPrefix)
	if err != nil {
		return 0, fmt.Errorf("ehr.Reconcile: %w", err)
	}
	var errs []error
	n := 0
	for _, k := range keys {
		id, version, ok := encounter.ParseEHRRequestKey(k)
		if !ok {
			continue
		}
		var m marker
		if err := x.get(ctx, k, &m); err != nil {
			if !errors.Is(err, storage.ErrNotFound) {
				errs = append(errs, err)
			}
			continue
		}
		if err := x.d.Queue.EnqueueEHR(ctx, id, version, m.Gen, x.cfg.MaxAttempts-1); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if len(errs) > 0 {
		return n, fmt.Errorf("ehr.Reconcile: %w", errors.Join(errs...))
	}
	return n, nil
}

// Status returns the write-back state of every version of the encounter
// that was sent or asked for, by version. It is what the status view, the
// API and the console show.
func (x *Deliverer) Status(ctx context.Context, encounterID string) ([]Delivery, error) {
	if !encounter.ValidID(encounterID) {
		return nil, errors.New("ehr.Status: not an encounter ID")
	}
	byVersion := map[int]*Delivery{}
	keys, err := x.d.Vault.List(ctx, encounter.EHRStatePrefix(encounterID))
	if err != nil {
		return nil, fmt.Errorf("ehr.Status: %w", err)
	}
	for _, k := range keys {
		var d Delivery
		if err := x.get(ctx, k, &d); err != nil {
			return nil, fmt.Errorf("ehr.Status: %w", err)
		}
		byVersion[d.Version] = &d
	}
	markers, err := x.d.Vault.List(ctx, encounter.EHRRequestPrefix+encounterID+".")
	if err != nil {
		return nil, fmt.Errorf("ehr.Status: %w", err)
	}
	for _, k := range markers {
		_, version, ok := encounter.ParseEHRRequestKey(k)
		if !ok {
			continue
		}
		var m marker
		if err := x.get(ctx, k, &m); err != nil {
			continue
		}
		d := byVersion[version]
		if d == nil {
			d = &Delivery{Server: x.cfg.Name, Version: version, UpdatedAt: m.Since}
			byVersion[version] = d
		}
		if d.Gen < m.Gen || d.State == "" {
			d.State = StatePending // asked (again) after what the record says
		}
	}
	out := make([]Delivery, 0, len(byVersion))
	for _, d := range byVersion {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// Run describes one execution of a delivery task.
type Run struct {
	Gen      int
	TaskID   string
	Retried  int
	MaxRetry int
}

// Deliver is the delivery task: it brings the server to what the
// version's lifecycle says — created (with its Provenance, replacing the
// earlier delivered version) when signed, entered-in-error when retracted.
// Every step is idempotent, so a retry never duplicates anything. The
// returned error is a *phi.Error; permanent ones must not be retried.
func (x *Deliverer) Deliver(ctx context.Context, encounterID string, version int, run Run) error {
	meta, err := x.d.Store.Meta(ctx, encounterID)
	if errors.Is(err, encounter.ErrNotFound) {
		_ = x.d.Vault.Delete(ctx, markerKey(encounterID, version))
		return phi.Permanentf(phi.CodeNotFound, "encounter %s does not exist or was deleted", encounterID)
	}
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	drafts, err := x.d.Store.Drafts(ctx, encounterID)
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	evs, err := x.d.Store.Events(ctx, encounterID)
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
	}
	states := encounter.Fold(drafts, evs)
	var draft *encounter.Draft
	for _, d := range drafts {
		if d.Version == version {
			draft = d
		}
	}
	st := states[version]
	if draft == nil || st == nil {
		_ = x.d.Vault.Delete(ctx, markerKey(encounterID, version))
		return phi.Permanentf(phi.CodeNotFound, "encounter %s has no version %d", encounterID, version)
	}
	var prev Delivery
	if err := x.get(ctx, stateKey(encounterID, version), &prev); err != nil && !errors.Is(err, storage.ErrNotFound) {
		return phi.Wrap(err, phi.CodeStorage, "delivery state unavailable")
	}
	del := prev
	del.Server, del.Version, del.Gen, del.Attempts = x.cfg.Name, version, run.Gen, prev.Attempts+1
	del.Code, del.Message, del.HTTPStatus, del.Problems = "", "", 0, nil
	switch st.Status {
	case encounter.DraftFinal, encounter.DraftAmended:
		del.Want = "current"
	case encounter.DraftSuperseded:
		if st.SignedBy == "" {
			_ = x.d.Vault.Delete(ctx, markerKey(encounterID, version))
			return phi.Permanentf(phi.CodeConflict, "version %d was superseded unsigned: only signed versions are written back", version)
		}
		// Signed, then superseded by a later signature before this ran: it
		// is written back as it was signed (the later one replaces it).
		signed := *st
		signed.Status = encounter.DraftFinal
		if draft.Parent != 0 {
			signed.Status = encounter.DraftAmended
		}
		st, del.Want = &signed, "current"
	case encounter.DraftEnteredInError:
		del.Want = "entered-in-error"
	default:
		_ = x.d.Vault.Delete(ctx, markerKey(encounterID, version))
		return phi.Permanentf(phi.CodeConflict, "version %d is %s: only signed versions are written back", version, st.Status)
	}
	j := &job{x: x, meta: meta, draft: draft, st: *st, states: states, del: &del}
	sendErr := j.run(ctx)
	return x.finish(ctx, j, sendErr, run)
}

// finish records the outcome in the state and the audit trail and
// decides whether the marker stays.
func (x *Deliverer) finish(ctx context.Context, j *job, sendErr error, run Run) error {
	del := j.del
	del.UpdatedAt = x.d.Now().UTC()
	var result error
	switch {
	case sendErr == nil:
		if del.State != StateSkipped {
			del.State, del.DeliveredAt = StateDelivered, del.UpdatedAt
		}
	default:
		code, msg, permanent := classify(sendErr)
		del.Code, del.Message = string(code), msg
		var he *HTTPError
		if errors.As(sendErr, &he) {
			del.HTTPStatus = he.Status
		}
		var ve *fhir.ValidationError
		if errors.As(sendErr, &ve) {
			del.Problems = ve.Problems
		}
		if permanent {
			del.State = StateFailed
			result = phi.WrapPermanent(sendErr, code, msg)
		} else {
			del.State = StatePending
			result = phi.Wrap(sendErr, code, msg)
		}
	}
	{ // every attempt's outcome, sent or refused here
		e := j.entry(audit.EventEHRDeliver)
		e.Result, e.HTTPStatus = "ok", del.HTTPStatus
		if del.Code != "" {
			e.Result = del.Code
		} else {
			e.HTTPStatus = j.docStatus
		}
		if err := x.d.Audit.Log(ctx, e); err != nil {
			x.d.Log.Error("ehr delivery outcome not audited", "encounter_id", j.meta.ID, "error", err)
		}
	}
	if err := x.put(ctx, stateKey(j.meta.ID, del.Version), del); err != nil {
		return phi.Wrap(err, phi.CodeStorage, "delivery state could not be stored")
	}
	switch {
	case del.State == StatePending && run.Retried >= run.MaxRetry:
		// The task gives up; the request does not. A new generation lets
		// the reconciler queue it again under a fresh task ID.
		m := marker{Gen: run.Gen + 1, Since: del.UpdatedAt}
		if err := x.put(ctx, markerKey(j.meta.ID, del.Version), m); err != nil {
			x.d.Log.Error("ehr delivery marker not renewed", "encounter_id", j.meta.ID, "error", err)
		}
	case del.State != StatePending:
		var m marker
		if err := x.get(ctx, markerKey(j.meta.ID, del.Version), &m); err == nil && m.Gen <= run.Gen {
			_ = x.d.Vault.Delete(ctx, markerKey(j.meta.ID, del.Version))
		}
	}
	x.d.Log.Info("ehr delivery", "encounter_id", j.meta.ID, "version", del.Version, "state", del.State, "code", del.Code,
		"http_status", del.HTTPStatus, "attempt", del.Attempts)
	return result
}

// classify maps a delivery error to a code, a content-free message and
// whether retrying can help.
func classify(err error) (phi.Code, string, bool) {
	var he *HTTPError
	var ve *fhir.ValidationError
	var pe *phi.Error
	switch {
	case errors.As(err, &ve):
		return CodeInvalid, "the resource failed validation and was not sent", true
	case errors.Is(err, ErrAuth):
		return CodeAuth, "the EHR's token endpoint refused clinscribe's credentials; will retry", false
	case errors.As(err, &he) && he.Status == http.StatusUnauthorized || errors.As(err, &he) && he.Status == http.StatusForbidden:
		return CodeAuth, fmt.Sprintf("the EHR refused the credentials (%d); will retry", he.Status), false
	case errors.As(err, &he) && he.Retryable():
		if he.Status == 0 {
			return CodeUnavailable, "the EHR server is unreachable; will retry", false
		}
		return CodeUnavailable, fmt.Sprintf("the EHR server answered %d; will retry", he.Status), false
	case errors.As(err, &he):
		return CodeRejected, fmt.Sprintf("the EHR server refused the note (%d)", he.Status), true
	case errors.As(err, &pe):
		return pe.Code, pe.Msg, pe.Permanent
	}
	// Token endpoint unreachable, a timeout, a malformed answer.
	return CodeUnavailable, "the EHR server or its token endpoint failed; will retry", false
}

// job is one delivery's working set.
type job struct {
	x      *Deliverer
	meta   *encounter.Meta
	draft  *encounter.Draft
	st     encounter.VersionState
	states map[int]*encounter.VersionState
	del    *Delivery
	// intent is set once the intent entry is written: the outcome follows.
	intent    bool
	docSHA    string
	docStatus int
}

func (j *job) entry(ev audit.Event) audit.Entry {
	return audit.Entry{Event: ev, Actor: "system:worker", Role: "system", PatientRef: j.meta.PatientRef,
		EncounterID: j.meta.ID, Version: j.draft.Version, Provider: j.x.cfg.Name, OutputSHA256: j.docSHA,
		ObjectID: j.del.DocumentReference, Task: "ehr.write_back." + j.del.Want}
}

func (j *job) audited(ctx context.Context) error {
	if j.intent {
		return nil
	}
	if err := j.x.d.Audit.Log(ctx, j.entry(audit.EventEHRIntent)); err != nil {
		return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable; nothing sent")
	}
	j.intent = true
	return nil
}

// requested reports whether a write-back of the version was asked for
// and is not finished (a storage error counts as asked: wait, not skip).
func (j *job) requested(ctx context.Context, version int) bool {
	var m marker
	err := j.x.get(ctx, markerKey(j.meta.ID, version), &m)
	return !errors.Is(err, storage.ErrNotFound)
}

func (j *job) noteID(version int) fhir.Identifier {
	return fhir.Identifier{System: j.x.cfg.NoteIdentifierSystem, Value: fmt.Sprintf("%s-v%d", j.meta.ID, version)}
}

func token(id fhir.Identifier) url.Values {
	return url.Values{"identifier": {id.System + "|" + id.Value}}
}

func (j *job) run(ctx context.Context) error {
	c := j.x.client
	cfg := j.x.cfg
	if j.del.Want == "entered-in-error" {
		return j.retract(ctx)
	}
	// An amendment waits for the versions signed before it, so that it
	// can replace the one the EHR holds.
	var replaces *Delivery
scan:
	for v := j.draft.Version - 1; v >= 1; v-- {
		s := j.states[v]
		signed := s != nil && (s.Signed() || s.Status == encounter.DraftSuperseded && s.SignedBy != "")
		if !signed {
			continue
		}
		var d Delivery
		err := j.x.get(ctx, stateKey(j.meta.ID, v), &d)
		switch {
		case err == nil && d.State == StateDelivered && d.DocumentReference != "":
			replaces = &d
		case err == nil && d.State == StateFailed:
			continue // never reached the EHR: nothing there to replace
		case err != nil && !errors.Is(err, storage.ErrNotFound):
			return phi.Wrap(err, phi.CodeStorage, "delivery state unavailable")
		case err != nil && !j.requested(ctx, v):
			continue // signed before write-back was configured: never sent
		default:
			return phi.Errorf(CodeWaiting, "version %d is not delivered yet; this amendment follows it", v)
		}
		break scan
	}

	patients, err := c.Search(ctx, "Patient", url.Values{"identifier": {cfg.PatientIdentifierSystem + "|" + j.meta.Subject.PatientID}})
	if err != nil {
		return err
	}
	switch len(patients) {
	case 0:
		return phi.Permanentf(CodePatientNotFound, "no Patient on the EHR server has the clinic's identifier; patients are never created")
	case 1:
	default:
		return phi.Permanentf(CodePatientAmbig, "%d Patients on the EHR server share the clinic's identifier", len(patients))
	}
	var pat struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(patients[0], &pat) != nil || pat.ID == "" {
		return phi.Permanentf(CodeRejected, "the EHR server's Patient has no id")
	}

	// An AI draft names its AI Device (created on the server) and gets an
	// AI Provenance; a note a person wrote has neither.
	drafted := j.draft.Label.AIGenerated
	devID := fhir.DeviceIdentifier(cfg.DeviceIdentifierSystem, j.draft.Label)
	var devBody []byte
	if drafted {
		var err error
		if devBody, err = json.Marshal(fhir.AIDevice(devID, j.draft.Label, cfg.AITransparency)); err != nil {
			return phi.Wrap(err, phi.CodeInternal, "device could not be encoded")
		}
		if err := fhir.Validate(devBody); err != nil {
			return err
		}
	}

	note := fhir.Note{
		EncounterID: j.meta.ID, Draft: j.draft, State: j.st, Status: "current",
		Identifier: j.noteID(j.draft.Version),
		Patient:    fhir.Reference{Reference: "Patient/" + pat.ID},
		Signer: fhir.Reference{Identifier: &fhir.Identifier{System: cfg.PractitionerIdentifierSystem, Value: j.st.SignedBy},
			Display: j.st.SignedBy},
		Device: fhir.Reference{Reference: "Device/pending", Display: j.draft.Label.Provider + " " + j.draft.Label.Model},
		HTML:   cfg.HTML,
	}
	if replaces != nil {
		note.Replaces = replaces.DocumentReference
		j.del.Replaces = replaces.DocumentReference
	}
	// Validate before anything leaves: a note that does not validate is
	// not sent at all (the Device reference is filled in after).
	doc, err := fhir.NoteDocument(note, cfg.AITransparency)
	if err != nil {
		return phi.Wrap(err, phi.CodeInternal, "note could not be rendered")
	}
	docBody, err := json.Marshal(doc)
	if err != nil {
		return phi.Wrap(err, phi.CodeInternal, "note could not be encoded")
	}
	if err := fhir.ValidateNote(docBody, cfg.AITransparency); err != nil {
		return err
	}
	sum := sha256.Sum256(docBody)
	j.docSHA = hex.EncodeToString(sum[:])
	if err := j.audited(ctx); err != nil {
		return err
	}

	if drafted {
		dev, err := c.CreateIfNoneExist(ctx, "Device", devBody, token(devID))
		if err != nil {
			return err
		}
		j.del.Device = "Device/" + dev.ID
		note.Device.Reference = j.del.Device
		if doc, err = fhir.NoteDocument(note, cfg.AITransparency); err != nil {
			return phi.Wrap(err, phi.CodeInternal, "note could not be rendered")
		}
		if docBody, err = json.Marshal(doc); err != nil {
			return phi.Wrap(err, phi.CodeInternal, "note could not be encoded")
		}
		if err := fhir.ValidateNote(docBody, cfg.AITransparency); err != nil {
			return err
		}
		sum = sha256.Sum256(docBody)
		j.docSHA = hex.EncodeToString(sum[:])
	}
	created, err := c.CreateIfNoneExist(ctx, "DocumentReference", docBody, token(note.Identifier))
	if err != nil {
		return err
	}
	j.docStatus = created.Status
	j.del.DocumentReference = "DocumentReference/" + created.ID

	if drafted {
		prov := fhir.NoteProvenance(note, j.del.DocumentReference, cfg.AITransparency)
		provBody, err := json.Marshal(prov)
		if err != nil {
			return phi.Wrap(err, phi.CodeInternal, "provenance could not be encoded")
		}
		if err := fhir.ValidateProvenance(provBody, cfg.AITransparency); err != nil {
			return err
		}
		p, err := c.CreateIfNoneExist(ctx, "Provenance", provBody, url.Values{"target": {j.del.DocumentReference}, "agent": {j.del.Device}})
		if err != nil {
			return err
		}
		j.del.Provenance = "Provenance/" + p.ID
	}

	if replaces != nil {
		if err := j.setStatus(ctx, replaces.DocumentReference, "superseded"); err != nil {
			return err
		}
	}
	return nil
}

// retract marks the version's DocumentReference entered-in-error. A
// version retracted before it ever reached the server is not sent.
func (j *job) retract(ctx context.Context) error {
	found, err := j.x.client.Search(ctx, "DocumentReference", token(j.noteID(j.draft.Version)))
	if err != nil {
		return err
	}
	if len(found) == 0 {
		j.del.State = StateSkipped
		j.del.Message = "retracted before it reached the EHR: nothing sent"
		return nil
	}
	var doc struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(found[0], &doc) != nil || doc.ID == "" {
		return phi.Permanentf(CodeRejected, "the EHR server's DocumentReference has no id")
	}
	j.del.DocumentReference = "DocumentReference/" + doc.ID
	return j.setStatus(ctx, j.del.DocumentReference, "entered-in-error")
}

// setStatus reads a DocumentReference, changes its status and writes it
// back if the server still holds the version read (If-Match).
func (j *job) setStatus(ctx context.Context, ref, status string) error {
	id := strings.TrimPrefix(ref, "DocumentReference/")
	cur, err := j.x.client.Read(ctx, "DocumentReference", id)
	if err != nil {
		return err
	}
	var doc map[string]any
	if err := json.Unmarshal(cur.Resource, &doc); err != nil {
		return phi.Permanentf(CodeRejected, "the EHR server's DocumentReference is not JSON")
	}
	if doc["status"] == status {
		if j.docStatus == 0 {
			j.docStatus = cur.Status
		}
		return nil // done by an earlier attempt
	}
	doc["status"] = status
	body, err := json.Marshal(doc)
	if err != nil {
		return phi.Wrap(err, phi.CodeInternal, "note could not be encoded")
	}
	if err := fhir.ValidateNote(body, j.x.cfg.AITransparency); err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	if j.docSHA == "" {
		j.docSHA = hex.EncodeToString(sum[:])
	}
	if err := j.audited(ctx); err != nil {
		return err
	}
	res, err := j.x.client.Update(ctx, "DocumentReference", id, cur.VersionID, body)
	if err != nil {
		return err
	}
	if j.docStatus == 0 {
		j.docStatus = res.Status
	}
	return nil
}
