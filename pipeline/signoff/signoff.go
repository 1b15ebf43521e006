// Package signoff is what a clinician does with a draft: read it (every
// read audited), edit it (a new immutable version), sign it (a signature
// bound to the version's content hash and an attestation statement),
// reject it, or retract a signed version as entered in error; and what a
// reader asks of it: why each sentence says what it says (Explain).
//
// Versions are immutable; their status is the fold of the encounter's
// lifecycle events (encounter.Fold), appended through
// encounter.Store.Transition so every action is audited before it takes
// effect and ordered against concurrent ones (a deletion included).
//
// What a reader is shown by default is the note as it stands: the latest
// signed version, with any later preliminary versions listed as pending
// amendments (the latest version when none is signed). Patients see only
// signed versions (unless Config.PatientsSeeUnsigned) and never the
// evidence tags; the explanation is their way to the sources.
//
// Human documentation: for an encounter whose patient opted out of AI
// processing (or whose AI draft was rejected, or whose stages failed), a
// clinician writes the note by hand (Write with base 0): a version labeled
// human — no AIAST label, AIGenerated false — with the same versioning and
// hash-bound signature; signing it closes the human documentation item.
// The sources are read through Transcript, Note and Recording, each
// authorized and audited.
package signoff

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/prompts"
)

// Config bounds what an editor may store and says what patients see.
type Config struct {
	// MaxNoteBytes bounds the text of an edited note. Zero means 256 KiB.
	MaxNoteBytes int64
	// PatientsSeeUnsigned lets patients read versions no clinician has
	// signed yet (AI drafts, pending amendments). Zero (false) means
	// patients see a note only once it is signed.
	PatientsSeeUnsigned bool
}

// WithDefaults fills zero fields.
func (c Config) WithDefaults() Config {
	if c.MaxNoteBytes == 0 {
		c.MaxNoteBytes = 256 << 10
	}
	return c
}

// Followers learn that a note was signed; what they start (the
// de-identified aggregate record) only trails the signature, so their
// failures are logged, not returned.
type Followers interface {
	EnqueueDeid(ctx context.Context, encounterID string) error
}

// WriteBack asks for a version's write-back to the clinic's EHR after a
// sign-off or an entered-in-error (*ehr.Deliverer): it records the
// request durably and queues it.
type WriteBack interface {
	Enqueue(ctx context.Context, encounterID string, version int) error
}

// Notifier tells the clinic's systems about an event (package webhook).
type Notifier interface {
	NotifyOnce(ctx context.Context, typ, fact string, data map[string]string) error
}

// HumanQueue closes an encounter's human documentation item once a
// human-authored version of it is signed (*human.Service).
type HumanQueue interface {
	Documented(ctx context.Context, who access.Who, meta *encounter.Meta, version int) error
}

// Templates give a hand-written note its sections (*prompts.Registry).
type Templates interface {
	Get(id string) (*prompts.Template, error)
}

// TypeDraftSigned is the webhook sent when a version is signed (package
// webhook documents it).
const TypeDraftSigned = "draft.signed"

// Service carries out clinicians' actions on drafts.
type Service struct {
	cfg       Config
	store     *encounter.Store
	guard     *access.Guard
	followers Followers
	writeBack WriteBack
	notifier  Notifier
	human     HumanQueue
	templates Templates
	log       *slog.Logger
	now       func() time.Time
}

// Deps are a Service's collaborators, all required but Now (nil: time.Now).
type Deps struct {
	Store     *encounter.Store
	Guard     *access.Guard
	Followers Followers
	// WriteBack is EHR write-back; nil when the deployment has none
	// configured (a setting, not a stand-in).
	WriteBack WriteBack
	Notifier  Notifier
	Human     HumanQueue
	Templates Templates
	Log       *slog.Logger
	Now       func() time.Time
}

// New returns a Service.
func New(cfg Config, d Deps) (*Service, error) {
	if d.Store == nil || d.Guard == nil || d.Followers == nil || d.Notifier == nil || d.Human == nil || d.Templates == nil || d.Log == nil {
		return nil, errors.New("signoff.New: store, guard, followers, notifier, human, templates and log are required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{cfg: cfg.WithDefaults(), store: d.Store, guard: d.Guard, followers: d.Followers, writeBack: d.WriteBack, notifier: d.Notifier,
		human: d.Human, templates: d.Templates, log: d.Log, now: d.Now}, nil
}

// Amendment is a preliminary version newer than the signed note: it waits
// for a signature, and the note stands as signed until then.
type Amendment struct {
	Version   int                   `json:"version"`
	Status    encounter.DraftStatus `json:"status"`
	CreatedBy string                `json:"created_by"`
	CreatedAt time.Time             `json:"created_at"`
}

// DraftView is a draft version as a reader sees it: the stored immutable
// version with its current status and verification from the lifecycle.
type DraftView struct {
	*encounter.Draft
	State    encounter.VersionState `json:"state"`
	Versions []int                  `json:"versions"`
	Latest   int                    `json:"latest"`
	// Signed is the version that stands signed (0: none is).
	Signed int `json:"signed_version,omitempty"`
	// PendingAmendments are the preliminary versions newer than the signed
	// one (none when nothing is signed: then the latest is shown).
	PendingAmendments []Amendment `json:"pending_amendments,omitempty"`

	stored *encounter.Draft // the version as stored (Draft may be a patient's copy)
}

// Text renders the version (Draft.Text) followed by the pending
// amendments, so a reader of the signed note learns that a change waits.
func (v *DraftView) Text() string {
	out := v.Draft.Text()
	if len(v.PendingAmendments) == 0 {
		return out
	}
	var b strings.Builder
	b.WriteString(out)
	b.WriteString("Pending amendments (not yet signed; the note above stands until one is):\n")
	for _, a := range v.PendingAmendments {
		fmt.Fprintf(&b, "  - v%d %s, by %s at %s\n", a.Version, a.Status, a.CreatedBy, a.CreatedAt.UTC().Format(time.RFC3339))
	}
	return b.String()
}

// View returns a draft version (0 = latest) for who, authorized and
// audited; if the view cannot be recorded the draft is not returned.
func (s *Service) View(ctx context.Context, who access.Who, id string, version int) (*DraftView, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActReadDraft, id)
	if err != nil {
		return nil, err
	}
	return s.view(ctx, who, meta, version, audit.EventView)
}

// Viewer identifies who reads a draft through a trusted local tool.
type Viewer struct {
	Actor     string
	Role      string
	RequestID string
}

// Draft returns a draft version (0 = the note as it stands: the latest
// signed version, else the latest) and records the view in the audit
// trail. It is for trusted local tools (the CLI run by an operator on the
// host); entry points with callers use View.
func (s *Service) Draft(ctx context.Context, id string, version int, v Viewer) (*DraftView, error) {
	meta, err := s.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s does not exist", access.SafeID(id))
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	who := access.Who{Principal: access.Principal{ID: v.Actor, Role: access.Role(v.Role)}, RequestID: v.RequestID}
	return s.view(ctx, who, meta, version, audit.EventView)
}

func (s *Service) view(ctx context.Context, who access.Who, meta *encounter.Meta, version int, ev audit.Event) (*DraftView, error) {
	drafts, _, states, err := s.store.Versions(ctx, meta.ID)
	if err != nil {
		return nil, err
	}
	patient := who.Role == access.RolePatient
	if len(drafts) == 0 {
		if patient {
			return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no signed note yet", meta.ID)
		}
		return nil, s.noVersionYet(ctx, meta)
	}
	latest := drafts[len(drafts)-1].Version
	signed := encounter.CurrentSigned(states)
	if version == 0 {
		version = cmp.Or(signed, latest)
	}
	var d *encounter.Draft
	var versions []int
	for _, x := range drafts {
		versions = append(versions, x.Version)
		if x.Version == version {
			d = x
		}
	}
	if d == nil {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", meta.ID, version)
	}
	st := states[version]
	if patient && !s.cfg.PatientsSeeUnsigned && st.SignedBy == "" {
		if signed == 0 {
			return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no signed note yet", meta.ID)
		}
		return nil, phi.Permanentf(phi.CodeNotFound, "version %d of encounter %s is not signed; patients see signed notes", version, meta.ID)
	}
	d.Status = st.Status
	if st.SignedBy != "" {
		d.Label.VerifiedBy, d.Label.VerifiedAt = st.SignedBy, st.SignedAt
	}
	e := who.Entry(ev, meta)
	e.Version, e.OutputSHA256 = version, d.ContentSHA256
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	dv := &DraftView{Draft: d, State: *st, Versions: versions, Latest: latest, Signed: signed, stored: d}
	if signed > 0 && (!patient || s.cfg.PatientsSeeUnsigned) {
		for _, v := range encounter.PendingAfter(states, signed) {
			a := drafts[slices.IndexFunc(drafts, func(x *encounter.Draft) bool { return x.Version == v })]
			dv.PendingAmendments = append(dv.PendingAmendments, Amendment{Version: v, Status: states[v].Status,
				CreatedBy: a.CreatedBy, CreatedAt: a.CreatedAt})
		}
	}
	if patient {
		// Evidence tags and review flags are for clinicians and reviewers;
		// the explanation is the patient's way to the sources.
		dv.Draft = d.WithoutEvidence()
	}
	return dv, nil
}

// noVersionYet says why an encounter has no draft version, and what to do.
func (s *Service) noVersionYet(ctx context.Context, meta *encounter.Meta) error {
	evs, err := s.store.Events(ctx, meta.ID)
	if err != nil {
		return phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
	}
	if encounter.HumanRouted(meta, evs) {
		return phi.Permanentf(phi.CodeNotFound, "encounter %s is waiting for human documentation: no AI draft will be made; "+
			"write the note with POST /v1/encounters/%s/versions (base 0), then sign it", meta.ID, meta.ID)
	}
	return phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft yet", meta.ID)
}

// maxStatement bounds an attestation or a reason.
const maxStatement = 2000

// Sign signs a draft version on behalf of the encounter's clinician. The
// signature binds to contentSHA256, which must be the version's content
// hash (the version the signer read), and to the attestation statement.
func (s *Service) Sign(ctx context.Context, who access.Who, id string, version int, contentSHA256, attestation string) (*DraftView, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActSign, id)
	if err != nil {
		return nil, err
	}
	attestation = strings.TrimSpace(attestation)
	if attestation == "" || utf8.RuneCountInString(attestation) > maxStatement || !utf8.ValidString(attestation) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "an attestation statement of 1-%d characters is required", maxStatement)
	}
	d, err := s.store.Draft(ctx, id, version)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, version)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "draft unavailable")
	}
	if contentSHA256 != d.ContentSHA256 {
		return nil, phi.Permanentf(phi.CodeConflict, "content hash does not match version %d: read the draft again before signing", version)
	}
	e := who.Entry(audit.EventSignOff, meta)
	e.Version, e.OutputSHA256 = version, d.ContentSHA256
	e.InputSHA256 = hashString(attestation)
	_, err = s.store.Transition(ctx, meta.ID, encounter.Event{Kind: encounter.EvSigned, Version: version, Actor: who.ID, Role: string(who.Role),
		At: s.now().UTC(), ContentSHA256: d.ContentSHA256, Attestation: attestation},
		func(drafts []*encounter.Draft, st map[int]*encounter.VersionState) error {
			if latest := drafts[len(drafts)-1].Version; version != latest {
				return phi.Permanentf(phi.CodeConflict, "version %d is not the latest (%d); sign the latest version", version, latest)
			}
			if s := st[version].Status; s != encounter.DraftPreliminary {
				return phi.Permanentf(phi.CodeConflict, "version %d is %s and cannot be signed", version, s)
			}
			return nil
		}, s.record(e))
	if err != nil {
		return nil, err
	}
	if err := s.followers.EnqueueDeid(ctx, meta.ID); err != nil {
		s.log.Warn("aggregate refresh not queued", "encounter_id", meta.ID, "error", err)
	}
	if d.Human() {
		// The human documentation item closes; if this is cut short the
		// reconciler finishes it (human.Service.Reconcile).
		if err := s.human.Documented(ctx, who, meta, version); err != nil {
			s.log.Warn("human documentation item not closed; the reconciler will", "encounter_id", meta.ID, "error", err)
		}
	}
	s.requestWriteBack(ctx, meta.ID, version)
	dv, err := s.view(ctx, who, meta, version, audit.EventView)
	if err != nil {
		return nil, err
	}
	authorship := "ai"
	if d.Human() {
		authorship = "human"
	}
	if err := s.notifier.NotifyOnce(ctx, TypeDraftSigned, fmt.Sprintf("%s:v%d", meta.ID, version), map[string]string{
		"encounter_id": meta.ID, "version": strconv.Itoa(version), "status": string(dv.Status), "signed_by": who.ID,
		"authorship": authorship}); err != nil {
		s.log.Warn("draft.signed webhook not queued", "encounter_id", meta.ID, "error", err)
	}
	return dv, nil
}

// requestWriteBack asks for the version's EHR write-back. The lifecycle
// event is already stored and stands; a request that cannot be recorded
// is logged at error level (docs/fhir.md: `clinscribe ehr deliver`).
func (s *Service) requestWriteBack(ctx context.Context, id string, version int) {
	if s.writeBack == nil {
		return
	}
	if err := s.writeBack.Enqueue(ctx, id, version); err != nil {
		s.log.Error("ehr write-back not requested", "encounter_id", id, "version", version, "error", err)
	}
}

// record returns the Transition callback that writes e.
func (s *Service) record(e audit.Entry) func(context.Context) error {
	return func(ctx context.Context) error { return s.guard.Record(ctx, e) }
}

// Reject marks an unsigned AI draft as rejected: the clinician will not use it.
func (s *Service) Reject(ctx context.Context, who access.Who, id string, version int, reason string) (*DraftView, error) {
	return s.transition(ctx, who, access.ActReject, audit.EventReject, encounter.EvRejected, id, version, reason,
		func(st encounter.DraftStatus) bool { return st == encounter.DraftPreliminary })
}

// EnteredInError retracts a signed version that should not have been signed.
func (s *Service) EnteredInError(ctx context.Context, who access.Who, id string, version int, reason string) (*DraftView, error) {
	dv, err := s.transition(ctx, who, access.ActEnteredError, audit.EventEnteredInError, encounter.EvEnteredInError, id, version, reason,
		func(st encounter.DraftStatus) bool { return st == encounter.DraftFinal || st == encounter.DraftAmended })
	if err == nil {
		s.requestWriteBack(ctx, id, version)
	}
	return dv, err
}

func (s *Service) transition(ctx context.Context, who access.Who, act access.Action, aev audit.Event, kind encounter.EventKind,
	id string, version int, reason string, allowed func(encounter.DraftStatus) bool) (*DraftView, error) {
	meta, err := s.guard.Authorize(ctx, who, act, id)
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) > maxStatement || !utf8.ValidString(reason) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "reason is longer than %d characters", maxStatement)
	}
	e := who.Entry(aev, meta)
	e.Version = version
	_, err = s.store.Transition(ctx, meta.ID, encounter.Event{Kind: kind, Version: version, Actor: who.ID, Role: string(who.Role),
		At: s.now().UTC(), Reason: reason}, func(drafts []*encounter.Draft, st map[int]*encounter.VersionState) error {
		vs, ok := st[version]
		if !ok {
			return phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, version)
		}
		if !allowed(vs.Status) {
			return phi.Permanentf(phi.CodeConflict, "version %d is %s; %s does not apply", version, vs.Status, act)
		}
		return nil
	}, s.record(e))
	if err != nil {
		return nil, err
	}
	return s.view(ctx, who, meta, version, audit.EventView)
}

// Edit stores the clinician's edit of a version as a new version; the
// edited version is preliminary until signed (then amended). Sentences keep
// the evidence the editor leaves on them and are checked like model output.
// An edit that changes nothing (the same content as the latest version) is
// not a new version: the latest is returned as it is.
func (s *Service) Edit(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*DraftView, error) {
	return s.Write(ctx, who, id, base, sections)
}

// Write stores a new version. With base the latest version it is an edit
// (see Edit). With base 0 it is a note written from scratch by a
// clinician — human documentation, labeled human (no AIAST, AIGenerated
// false) — allowed when there is no version to edit: the patient opted out
// of AI processing, the stages failed, or the latest draft was rejected or
// entered in error.
func (s *Service) Write(ctx context.Context, who access.Who, id string, base int, sections []encounter.Section) (*DraftView, error) {
	meta, err := s.guard.Authorize(ctx, who, access.ActEdit, id)
	if err != nil {
		return nil, err
	}
	drafts, evs, states, err := s.store.Versions(ctx, id)
	if err != nil {
		return nil, err
	}
	if base == 0 {
		return s.writeHuman(ctx, who, meta, drafts, evs, states, sections)
	}
	if len(drafts) == 0 {
		return nil, s.noVersionYet(ctx, meta)
	}
	latest := drafts[len(drafts)-1]
	if base != latest.Version {
		return nil, phi.Permanentf(phi.CodeConflict, "version %d is not the latest (%d); edit the latest version", base, latest.Version)
	}
	if st := states[base].Status; st == encounter.DraftRejected || st == encounter.DraftEnteredInError {
		return nil, phi.Permanentf(phi.CodeConflict, "version %d is %s and cannot be edited; write the note anew with base 0", base, st)
	}
	if err := checkSections(s.cfg, latest.Sections, sections); err != nil {
		return nil, err
	}
	var notInDraft *encounter.Coverage
	if t, err := s.store.Transcript(ctx, id); err == nil {
		notInDraft = ai.CheckDraft(sections, t.Segments)
	}
	d := &encounter.Draft{
		EncounterID: id, Version: latest.Version + 1, Status: encounter.DraftPreliminary, Template: latest.Template,
		Sections: sections, NotInDraft: notInDraft, Label: latest.Label, CreatedAt: s.now().UTC(), CreatedBy: who.ID, Parent: base,
	}
	d.Label.VerifiedBy, d.Label.VerifiedAt = "", time.Time{}
	d.ComputeContentHash()
	if d.ContentSHA256 == latest.ContentSHA256 {
		// Nothing changed: no new version, no new signature needed.
		return s.view(ctx, who, meta, latest.Version, audit.EventView)
	}
	return s.putVersion(ctx, who, meta, d, latest.ContentSHA256)
}

// writeHuman stores a note a clinician wrote from scratch.
func (s *Service) writeHuman(ctx context.Context, who access.Who, meta *encounter.Meta, drafts []*encounter.Draft,
	evs []encounter.Event, states map[int]*encounter.VersionState, sections []encounter.Section) (*DraftView, error) {
	next := 1
	if len(drafts) > 0 {
		latest := drafts[len(drafts)-1]
		if st := states[latest.Version].Status; st != encounter.DraftRejected && st != encounter.DraftEnteredInError {
			return nil, phi.Permanentf(phi.CodeConflict, "version %d is %s: edit it (base %d) instead of writing the note anew",
				latest.Version, st, latest.Version)
		}
		next = latest.Version + 1
	} else if !encounter.HumanRouted(meta, evs) {
		failed, err := s.stagesFailed(ctx, meta)
		if err != nil {
			return nil, err
		}
		if !failed {
			return nil, phi.Permanentf(phi.CodeConflict, "encounter %s is still being drafted; edit the draft once it is ready", meta.ID)
		}
	}
	tmpl, err := s.templates.Get(meta.Template)
	if err != nil {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "the encounter's template is no longer configured")
	}
	want := make([]encounter.Section, len(tmpl.Sections))
	for i, sec := range tmpl.Sections {
		want[i] = encounter.Section{Key: sec.Key, Title: sec.Title}
	}
	if err := checkSections(s.cfg, want, sections); err != nil {
		return nil, err
	}
	now := s.now().UTC()
	d := &encounter.Draft{
		EncounterID: meta.ID, Version: next, Status: encounter.DraftPreliminary, Template: tmpl.ID, Sections: sections,
		CreatedAt: now, CreatedBy: who.ID,
		Label: encounter.Label{AIGenerated: false, Method: encounter.MethodHuman, GeneratedAt: now,
			Notice: "Written by a clinician; no AI was used."},
	}
	known := map[string]bool{}
	if t, err := s.transcript(ctx, meta); err == nil {
		for _, seg := range t.Segments {
			known[seg.ID] = true
		}
	}
	// A person's note is not checked like a model's: links to segments
	// that exist are kept, others dropped, and nothing is flagged.
	for i := range sections {
		for j := range sections[i].Sentences {
			sent := &sections[i].Sentences[j]
			sent.Evidence = slices.DeleteFunc(append([]string{}, sent.Evidence...), func(id string) bool { return !known[id] })
			sent.Flags = nil
		}
	}
	d.ComputeContentHash()
	return s.putVersion(ctx, who, meta, d, "")
}

// stagesFailed reports whether a stage of the encounter failed for good.
func (s *Service) stagesFailed(ctx context.Context, meta *encounter.Meta) (bool, error) {
	for _, st := range meta.Stages() {
		ss, err := s.store.Stage(ctx, meta.ID, st)
		if errors.Is(err, encounter.ErrNotFound) {
			continue
		}
		if err != nil {
			return false, phi.Wrap(err, phi.CodeStorage, "stage status unavailable")
		}
		if ss.State == encounter.StateFailed {
			return true, nil
		}
	}
	return false, nil
}

// putVersion audits and stores a new version, then shows it.
func (s *Service) putVersion(ctx context.Context, who access.Who, meta *encounter.Meta, d *encounter.Draft, baseSHA string) (*DraftView, error) {
	e := who.Entry(audit.EventEdit, meta)
	e.Version, e.OutputSHA256, e.InputSHA256 = d.Version, d.ContentSHA256, baseSHA
	if err := s.guard.Record(ctx, e); err != nil {
		return nil, err
	}
	if err := s.store.PutDraft(ctx, d); errors.Is(err, encounter.ErrVersionExists) {
		return nil, phi.Errorf(phi.CodeConflict, "another edit created version %d first; reload and edit again", d.Version)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "draft could not be stored")
	}
	return s.view(ctx, who, meta, d.Version, audit.EventView)
}

// checkSections validates a version's sections against the sections it
// must have (the base version's, or the template's) and the size limit.
func checkSections(cfg Config, want []encounter.Section, sections []encounter.Section) error {
	if len(sections) != len(want) {
		return phi.Permanentf(phi.CodeInvalidInput, "the note must have the %d sections of the template", len(want))
	}
	size := 0
	for i, sec := range sections {
		if sec.Key != want[i].Key {
			return phi.Permanentf(phi.CodeInvalidInput, "section %d must be %q", i+1, want[i].Key)
		}
		sections[i].Title = want[i].Title
		if sections[i].Sentences == nil {
			sections[i].Sentences = []encounter.Sentence{}
		}
		for j, sent := range sec.Sentences {
			text := strings.TrimSpace(sent.Text)
			if text == "" || !utf8.ValidString(text) {
				return phi.Permanentf(phi.CodeInvalidInput, "section %q sentence %d is empty or not UTF-8", sec.Key, j+1)
			}
			sections[i].Sentences[j].Text = text
			size += len(text)
		}
	}
	if int64(size) > cfg.MaxNoteBytes {
		return phi.Permanentf(phi.CodeTooLarge, "the note is %d bytes; the limit is %d", size, cfg.MaxNoteBytes)
	}
	return nil
}

// SignedAt reports when the encounter's note was last signed (final or
// amended and not retracted), for the retention sweep.
func (s *Service) SignedAt(ctx context.Context, id string) (time.Time, bool, error) {
	_, _, states, err := s.store.Versions(ctx, id)
	if err != nil {
		return time.Time{}, false, err
	}
	at, ok := encounter.LastSigned(states)
	return at, ok, nil
}

func hashString(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// PatientID returns the clinic's patient identifier of an encounter, for
// exports back to the clinic (the FHIR subject). It is PHI: the caller has
// been authorized for the draft it exports, and sends it only to the
// clinic.
func (s *Service) PatientID(ctx context.Context, id string) (string, error) {
	meta, err := s.store.Meta(ctx, id)
	if err != nil {
		return "", phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	return meta.Subject.PatientID, nil
}

// PullIn adds a segment the draft lists under "Not in the draft" to one of
// its sections, as one sentence citing that segment: the one-click edit a
// reviewing clinician makes. It is an Edit (a new version, audited, checked
// like any edit) of version base.
func (s *Service) PullIn(ctx context.Context, who access.Who, id string, base int, segment string, part int, section string) (*DraftView, error) {
	if _, err := s.guard.Authorize(ctx, who, access.ActEdit, id); err != nil {
		return nil, err
	}
	d, err := s.store.Draft(ctx, id, base)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, base)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "draft unavailable")
	}
	sections, err := d.PullIn(segment, part, section)
	if err != nil {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "that segment is not listed as not in the draft of version %d, or the section does not exist", base)
	}
	return s.Edit(ctx, who, id, base, sections)
}
