package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// Who is an authenticated caller acting through an entry point.
type Who struct {
	access.Principal
	RequestID string
}

func (w Who) entry(ev audit.Event, meta *encounter.Meta) audit.Entry {
	e := audit.Entry{Event: ev, Actor: w.ID, Role: string(w.Role), RequestID: w.RequestID, Result: "ok"}
	if meta != nil {
		e.PatientRef, e.EncounterID = meta.PatientRef, meta.ID
	}
	return e
}

// authorize loads the encounter and checks the action. A denial is
// audited; the audit entry must be written before the answer is given.
func (p *Pipeline) authorize(ctx context.Context, who Who, act access.Action, id string) (*encounter.Meta, error) {
	meta, err := p.store.Meta(ctx, id)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s does not exist", safeID(id))
	}
	if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "encounter record unavailable")
	}
	owner, err := p.owner(ctx, who, meta)
	if err != nil {
		return nil, err
	}
	if err := p.cfg.Access.Allow(who.Principal, act, owner); err != nil {
		return nil, p.deny(ctx, who, act, meta)
	}
	return meta, nil
}

// owner describes whose the encounter is; for reviewers also who reviews
// it, which takes reading its review cases.
func (p *Pipeline) owner(ctx context.Context, who Who, meta *encounter.Meta) (access.Owner, error) {
	o := access.Owner{PatientRef: meta.PatientRef, ProviderID: meta.ProviderID}
	if who.Role != access.RoleReviewer {
		return o, nil
	}
	cases, err := p.casesOf(ctx, meta.ID)
	if err != nil {
		return o, err
	}
	for _, c := range cases {
		switch {
		case c.AssignedTo != "":
			o.Reviewers = append(o.Reviewers, c.AssignedTo)
		case c.DecidedBy != "":
			o.Reviewers = append(o.Reviewers, c.DecidedBy)
		default:
			o.UnassignedReview = true
		}
	}
	return o, nil
}

// actionEvent names, for authz.denied entries, the event a refused action
// would have written.
var actionEvent = map[access.Action]audit.Event{
	access.ActSubmit: audit.EventSubmit, access.ActStatus: audit.EventStatus, access.ActReadDraft: audit.EventView,
	access.ActExplain: audit.EventExplain, access.ActSign: audit.EventSignOff, access.ActEdit: audit.EventEdit,
	access.ActReject: audit.EventReject, access.ActEnteredError: audit.EventEnteredInError,
	access.ActRequestReview: audit.EventReviewRequest, access.ActReadReviews: audit.EventReviewRead,
	access.ActDecideReview: audit.EventReviewDecision, access.ActConsent: audit.EventConsentChange,
	access.ActAuditExport: audit.EventAuditExport, access.ActDelete: audit.EventDeletion,
	access.ActLegalHold: audit.EventLegalHold,
}

// deny records an authorization denial and returns the error to show.
func (p *Pipeline) deny(ctx context.Context, who Who, act access.Action, meta *encounter.Meta) error {
	e := who.entry(audit.EventAuthzDenied, meta)
	e.Result, e.Action = string(phi.CodeForbidden), actionEvent[act]
	if err := p.audit.Log(ctx, e); err != nil {
		return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable")
	}
	return phi.Permanentf(phi.CodeForbidden, "%s may not %s on this encounter", who.Role, act)
}

// record writes an audit entry for an action that is about to take effect.
func (p *Pipeline) record(ctx context.Context, e audit.Entry) error {
	if err := p.audit.Log(ctx, e); err != nil {
		return phi.Wrap(err, phi.CodeAuditUnavailable, "audit trail unavailable; action not taken")
	}
	return nil
}

// DraftView is a draft version as a reader sees it: the stored immutable
// version with its current status and verification from the lifecycle.
type DraftView struct {
	*encounter.Draft
	State    encounter.VersionState `json:"state"`
	Versions []int                  `json:"versions"`
	Latest   int                    `json:"latest"`
}

// versionStates loads drafts and events and folds them.
func (p *Pipeline) versionStates(ctx context.Context, id string) ([]*encounter.Draft, []encounter.Event, map[int]*encounter.VersionState, error) {
	drafts, err := p.store.Drafts(ctx, id)
	if err != nil {
		return nil, nil, nil, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	evs, err := p.store.Events(ctx, id)
	if err != nil {
		return nil, nil, nil, phi.Wrap(err, phi.CodeStorage, "lifecycle unavailable")
	}
	return drafts, evs, encounter.Fold(drafts, evs), nil
}

// ViewDraft returns a draft version (0 = latest) for who, audited.
func (p *Pipeline) ViewDraft(ctx context.Context, who Who, id string, version int) (*DraftView, error) {
	meta, err := p.authorize(ctx, who, access.ActReadDraft, id)
	if err != nil {
		return nil, err
	}
	return p.viewDraft(ctx, who, meta, version, audit.EventView)
}

func (p *Pipeline) viewDraft(ctx context.Context, who Who, meta *encounter.Meta, version int, ev audit.Event) (*DraftView, error) {
	drafts, _, states, err := p.versionStates(ctx, meta.ID)
	if err != nil {
		return nil, err
	}
	if len(drafts) == 0 {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft yet", meta.ID)
	}
	latest := drafts[len(drafts)-1].Version
	if version == 0 {
		version = latest
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
	d.Status = st.Status
	if st.SignedBy != "" {
		d.Label.VerifiedBy, d.Label.VerifiedAt = st.SignedBy, st.SignedAt
	}
	e := who.entry(ev, meta)
	e.Version, e.OutputSHA256 = version, d.ContentSHA256
	if err := p.record(ctx, e); err != nil {
		return nil, err
	}
	return &DraftView{Draft: d, State: *st, Versions: versions, Latest: latest}, nil
}

// maxAttestation bounds the attestation statement.
const maxAttestation = 2000

// Sign signs a draft version on behalf of the encounter's clinician. The
// signature binds to contentSHA256, which must be the version's content hash
// (the version the signer read), and to the attestation statement.
func (p *Pipeline) Sign(ctx context.Context, who Who, id string, version int, contentSHA256, attestation string) (*DraftView, error) {
	meta, err := p.authorize(ctx, who, access.ActSign, id)
	if err != nil {
		return nil, err
	}
	attestation = strings.TrimSpace(attestation)
	if attestation == "" || utf8.RuneCountInString(attestation) > maxAttestation || !utf8.ValidString(attestation) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "an attestation statement of 1-%d characters is required", maxAttestation)
	}
	d, err := p.store.Draft(ctx, id, version)
	if errors.Is(err, encounter.ErrNotFound) {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, version)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "draft unavailable")
	}
	if contentSHA256 != d.ContentSHA256 {
		return nil, phi.Permanentf(phi.CodeConflict, "content hash does not match version %d: read the draft again before signing", version)
	}
	e := who.entry(audit.EventSignOff, meta)
	e.Version, e.OutputSHA256 = version, d.ContentSHA256
	e.InputSHA256 = hashString(attestation)
	_, err = p.appendEvent(ctx, meta.ID, encounter.Event{Kind: encounter.EvSigned, Version: version, Actor: who.ID, Role: string(who.Role),
		At: p.now().UTC(), ContentSHA256: d.ContentSHA256, Attestation: attestation}, e, func(drafts []*encounter.Draft, st map[int]*encounter.VersionState) error {
		if latest := drafts[len(drafts)-1].Version; version != latest {
			return phi.Permanentf(phi.CodeConflict, "version %d is not the latest (%d); sign the latest version", version, latest)
		}
		if s := st[version].Status; s != encounter.DraftPreliminary {
			return phi.Permanentf(phi.CodeConflict, "version %d is %s and cannot be signed", version, s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	p.refreshAggregate(ctx, meta.ID)
	return p.viewDraft(ctx, who, meta, version, audit.EventView)
}

// refreshAggregate queues the encounter's de-identified aggregate record;
// a failure only delays the statistics, so it is logged, not returned.
func (p *Pipeline) refreshAggregate(ctx context.Context, id string) {
	if p.deid == nil {
		return
	}
	if err := p.jobs.EnqueueDeid(ctx, id); err != nil {
		p.log.Warn("aggregate refresh not queued", "encounter_id", id, "error", err)
	}
}

// appendEvent checks the lifecycle, writes the audit entry, then appends
// the event: an action never takes effect unaudited.
func (p *Pipeline) appendEvent(ctx context.Context, id string, ev encounter.Event, entry audit.Entry,
	check func([]*encounter.Draft, map[int]*encounter.VersionState) error) (encounter.Event, error) {
	drafts, err := p.store.Drafts(ctx, id)
	if err != nil {
		return ev, phi.Wrap(err, phi.CodeStorage, "drafts unavailable")
	}
	if len(drafts) == 0 && ev.Kind != encounter.EvHumanRouted {
		return ev, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft yet", id)
	}
	audited := false
	out, err := p.store.AppendEvent(ctx, id, ev, func(evs []encounter.Event) error {
		if encounter.Deleting(evs) {
			return phi.Permanentf(phi.CodeConflict, "encounter %s is being deleted", id)
		}
		if check != nil {
			if err := check(drafts, encounter.Fold(drafts, evs)); err != nil {
				return err
			}
		}
		if !audited {
			if err := p.record(ctx, entry); err != nil {
				return err
			}
			audited = true
		}
		return nil
	})
	var pe *phi.Error
	switch {
	case errors.As(err, &pe):
		return out, pe
	case errors.Is(err, encounter.ErrConflict):
		return out, phi.Errorf(phi.CodeConflict, "the draft changed concurrently; try again")
	case err != nil:
		return out, phi.Wrap(err, phi.CodeStorage, "lifecycle could not be stored")
	}
	return out, nil
}

// Reject marks an unsigned AI draft as rejected: the clinician will not use it.
func (p *Pipeline) Reject(ctx context.Context, who Who, id string, version int, reason string) (*DraftView, error) {
	return p.simpleTransition(ctx, who, access.ActReject, audit.EventReject, encounter.EvRejected, id, version, reason,
		func(s encounter.DraftStatus) bool { return s == encounter.DraftPreliminary })
}

// EnteredInError retracts a signed version that should not have been signed.
func (p *Pipeline) EnteredInError(ctx context.Context, who Who, id string, version int, reason string) (*DraftView, error) {
	return p.simpleTransition(ctx, who, access.ActEnteredError, audit.EventEnteredInError, encounter.EvEnteredInError, id, version, reason,
		func(s encounter.DraftStatus) bool { return s == encounter.DraftFinal || s == encounter.DraftAmended })
}

func (p *Pipeline) simpleTransition(ctx context.Context, who Who, act access.Action, aev audit.Event, kind encounter.EventKind,
	id string, version int, reason string, allowed func(encounter.DraftStatus) bool) (*DraftView, error) {
	meta, err := p.authorize(ctx, who, act, id)
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) > maxAttestation || !utf8.ValidString(reason) {
		return nil, phi.Permanentf(phi.CodeInvalidInput, "reason is longer than %d characters", maxAttestation)
	}
	e := who.entry(aev, meta)
	e.Version = version
	_, err = p.appendEvent(ctx, meta.ID, encounter.Event{Kind: kind, Version: version, Actor: who.ID, Role: string(who.Role),
		At: p.now().UTC(), Reason: reason}, e, func(drafts []*encounter.Draft, st map[int]*encounter.VersionState) error {
		s, ok := st[version]
		if !ok {
			return phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft version %d", id, version)
		}
		if !allowed(s.Status) {
			return phi.Permanentf(phi.CodeConflict, "version %d is %s; %s does not apply", version, s.Status, act)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p.viewDraft(ctx, who, meta, version, audit.EventView)
}

// Edit stores the clinician's edit of a version as a new version; the
// edited version is preliminary until signed (then amended). Sentences keep
// the evidence the editor leaves on them and are checked like model output.
func (p *Pipeline) Edit(ctx context.Context, who Who, id string, base int, sections []encounter.Section) (*DraftView, error) {
	meta, err := p.authorize(ctx, who, access.ActEdit, id)
	if err != nil {
		return nil, err
	}
	drafts, _, states, err := p.versionStates(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(drafts) == 0 {
		return nil, phi.Permanentf(phi.CodeNotFound, "encounter %s has no draft yet", id)
	}
	latest := drafts[len(drafts)-1]
	if base != latest.Version {
		return nil, phi.Permanentf(phi.CodeConflict, "version %d is not the latest (%d); edit the latest version", base, latest.Version)
	}
	if s := states[base].Status; s == encounter.DraftRejected || s == encounter.DraftEnteredInError {
		return nil, phi.Permanentf(phi.CodeConflict, "version %d is %s and cannot be edited", base, s)
	}
	if err := p.checkSections(meta, latest, sections); err != nil {
		return nil, err
	}
	var notInDraft *encounter.Coverage
	if t, err := p.store.Transcript(ctx, id); err == nil {
		notInDraft = ai.CheckDraft(sections, t.Segments)
	}
	d := &encounter.Draft{
		EncounterID: id, Version: latest.Version + 1, Status: encounter.DraftPreliminary, Template: latest.Template,
		Sections: sections, NotInDraft: notInDraft, Label: latest.Label, CreatedAt: p.now().UTC(), CreatedBy: who.ID, Parent: base,
	}
	d.Label.VerifiedBy, d.Label.VerifiedAt = "", time.Time{}
	d.ComputeContentHash()
	e := who.entry(audit.EventEdit, meta)
	e.Version, e.OutputSHA256, e.InputSHA256 = d.Version, d.ContentSHA256, latest.ContentSHA256
	if err := p.record(ctx, e); err != nil {
		return nil, err
	}
	if err := p.store.PutDraft(ctx, d); errors.Is(err, encounter.ErrVersionExists) {
		return nil, phi.Errorf(phi.CodeConflict, "another edit created version %d first; reload and edit again", d.Version)
	} else if err != nil {
		return nil, phi.Wrap(err, phi.CodeStorage, "draft could not be stored")
	}
	return p.viewDraft(ctx, who, meta, d.Version, audit.EventView)
}

// checkSections validates an edit against the template and size limits.
func (p *Pipeline) checkSections(meta *encounter.Meta, base *encounter.Draft, sections []encounter.Section) error {
	if len(sections) != len(base.Sections) {
		return phi.Permanentf(phi.CodeInvalidInput, "an edit must keep the %d sections of the template", len(base.Sections))
	}
	size := 0
	for i, s := range sections {
		if s.Key != base.Sections[i].Key {
			return phi.Permanentf(phi.CodeInvalidInput, "section %d must be %q", i+1, base.Sections[i].Key)
		}
		sections[i].Title = base.Sections[i].Title
		for j, sent := range s.Sentences {
			text := strings.TrimSpace(sent.Text)
			if text == "" || !utf8.ValidString(text) {
				return phi.Permanentf(phi.CodeInvalidInput, "section %q sentence %d is empty or not UTF-8", s.Key, j+1)
			}
			sections[i].Sentences[j].Text = text
			size += len(text)
		}
	}
	if int64(size) > p.cfg.Limits.MaxNoteBytes {
		return phi.Permanentf(phi.CodeTooLarge, "the edited note is %d bytes; the limit is %d", size, p.cfg.Limits.MaxNoteBytes)
	}
	return nil
}

func hashString(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
