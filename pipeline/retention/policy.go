package retention

import (
	"context"
	"errors"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/storage"
)

// Year is 365.25 days: retention periods are counted in calendar years.
const Year = 8766 * time.Hour

// Policy holds the retention floor of clinical records.
type Policy struct {
	// ClinicalRecords is how long a signed note is kept after it was
	// signed before it may be deleted, whatever happened to it since
	// (amended, or retracted as entered in error: an erroneous entry stays
	// part of the legal record). Zero means 7 years, which covers most
	// states' adult-record laws.
	ClinicalRecords time.Duration `yaml:"clinical_records"`
}

// WithDefaults fills zero fields.
func (p Policy) WithDefaults() Policy {
	if p.ClinicalRecords == 0 {
		p.ClinicalRecords = 7 * Year
	}
	return p
}

// CheckDeletion is the one guard every deletion of an encounter's record
// passes: it refuses under legal hold, and while any version that was ever
// signed is inside the floor. Unsigned AI drafts are not clinical records
// and may be deleted at any time.
func (p Policy) CheckDeletion(states map[int]*encounter.VersionState, held bool, now time.Time) error {
	if held {
		return phi.Permanentf(phi.CodeLegalHold, "the encounter is under legal hold; it cannot be deleted until the hold is released")
	}
	for _, st := range states {
		if st.SignedAt.IsZero() {
			continue
		}
		if until := st.SignedAt.Add(p.ClinicalRecords); now.Before(until) {
			return phi.Permanentf(phi.CodeRetentionFloor, "version %d is a signed clinical record kept until %s (retention floor)",
				st.Version, until.Format("2006-01-02"))
		}
	}
	return nil
}

// LegalHold blocks deletion of an encounter while litigation or an
// investigation needs it.
type LegalHold struct {
	EncounterID string    `json:"encounter_id"`
	Hold        bool      `json:"hold"`
	Reason      string    `json:"reason"` // a case or matter reference code
	SetBy       string    `json:"set_by"`
	At          time.Time `json:"at"`
}

// Holds is the one store of legal holds (holds/<id>.json), outside the
// encounter's scope so that shredding cannot remove them. Every path that
// deletes (the deletion request, the retention sweep) reads it.
type Holds struct {
	vault *storage.Vault
}

// NewHolds returns the hold store.
func NewHolds(vault *storage.Vault) *Holds { return &Holds{vault: vault} }

// Put stores a hold (or its release).
func (h *Holds) Put(ctx context.Context, hold LegalHold) error {
	if !encounter.ValidID(hold.EncounterID) {
		return errors.New("retention.Holds.Put: not an encounter ID")
	}
	return storage.PutJSON(ctx, h.vault, encounter.HoldKey(hold.EncounterID), hold, storage.Overwrite)
}

// Held reports whether the encounter is under legal hold.
func (h *Holds) Held(ctx context.Context, id string) (bool, error) {
	var hold LegalHold
	err := storage.GetJSON(ctx, h.vault, encounter.HoldKey(id), &hold)
	if errors.Is(err, storage.ErrNotFound) {
		return false, nil
	}
	return hold.Hold, err
}
