package pipeline

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/aggregate"
	"github.com/clinscribe/clinscribe/pipeline/ai"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/human"
	"github.com/clinscribe/clinscribe/pipeline/pseudonym"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/pipeline/review"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
	"github.com/clinscribe/clinscribe/prompts"
	"github.com/clinscribe/clinscribe/storage"
)

// Queue is everything the services put on the task queue (worker.Client).
type Queue interface {
	Enqueuer
	review.Jobs
	webhook.Queue
}

// ServiceDeps are what NewServices assembles the services from; all are
// required but Now (nil: time.Now).
type ServiceDeps struct {
	Vault   *storage.Vault
	Gateway *ai.Gateway
	Audit   *audit.Logger
	Queue   Queue
	// Consents is the consent store the gateway checks too.
	Consents *consent.Store
	// Shredder destroys per-encounter keys for deletion (the Keyring).
	Shredder  retention.Shredder
	Deid      *deid.Detector
	Templates *prompts.Registry
	Log       *slog.Logger
	Now       func() time.Time
	// Waits hears how long AI stages waited on retries (metrics); nil:
	// nobody.
	Waits WaitObserver
	// EHR writes signed versions back to the clinic's EHR (ehr.Deliverer).
	// Write-back is a deployment's choice, not a collaborator every
	// deployment has: nil means ehr.base_url is not configured.
	EHR signoff.WriteBack
}

// Services are the pipeline and the services that act on its encounters,
// wired to each other: what an entry point (API, console, CLI, worker)
// serves. Each is also usable alone, with its own collaborators.
type Services struct {
	Pipeline   *Pipeline
	Store      *encounter.Store
	Guard      *access.Guard
	Pseudonyms *pseudonym.Keeper
	Signoff    *signoff.Service
	Cases      *review.Cases
	Review     *review.Service
	Consent    *consent.Service
	Human      *human.Service
	Retention  *retention.Service
	Holds      *retention.Holds
	Webhooks   *webhook.Notifier
	Aggregates *aggregate.Recorder
	Worklist   *worklist.Service
}

// NewServices assembles the services from one configuration.
func NewServices(cfg Config, d ServiceDeps) (*Services, error) {
	if d.Vault == nil || d.Gateway == nil || d.Audit == nil || d.Queue == nil || d.Consents == nil ||
		d.Shredder == nil || d.Deid == nil || d.Templates == nil || d.Log == nil {
		return nil, errors.New("pipeline.NewServices: vault, gateway, audit, queue, consents, shredder, deid, templates and log are required")
	}
	cfg = cfg.WithDefaults()
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Services{Store: encounter.NewStore(d.Vault), Cases: review.NewCases(d.Vault), Pseudonyms: pseudonym.New(d.Vault),
		Holds: retention.NewHolds(d.Vault)}
	var err error
	wrap := func(err error) error { return fmt.Errorf("pipeline.NewServices: %w", err) }
	if s.Guard, err = access.NewGuard(cfg.Access, s.Store, d.Audit, s.Cases); err != nil {
		return nil, wrap(err)
	}
	if s.Webhooks, err = webhook.NewNotifier(cfg.Webhooks, webhook.NotifierDeps{Vault: d.Vault, Queue: d.Queue, Audit: d.Audit,
		Guard: s.Guard, Log: d.Log, Now: d.Now}); err != nil {
		return nil, wrap(err)
	}
	if s.Consent, err = consent.New(consent.Deps{Consents: d.Consents, Guard: s.Guard, Log: d.Log, Now: d.Now}); err != nil {
		return nil, wrap(err)
	}
	if s.Human, err = human.New(human.Deps{Store: s.Store, Guard: s.Guard, Notifier: s.Webhooks, Log: d.Log, Now: d.Now}); err != nil {
		return nil, wrap(err)
	}
	if s.Signoff, err = signoff.New(signoff.Config{MaxNoteBytes: cfg.Limits.MaxNoteBytes, PatientsSeeUnsigned: cfg.PatientsSeeUnsigned},
		signoff.Deps{Store: s.Store, Guard: s.Guard, Followers: d.Queue, WriteBack: d.EHR, Notifier: s.Webhooks, Human: s.Human,
			Templates: d.Templates, Log: d.Log, Now: d.Now}); err != nil {
		return nil, wrap(err)
	}
	if s.Review, err = review.New(cfg.Review, review.Deps{Cases: s.Cases, Store: s.Store, Vault: d.Vault, Guard: s.Guard,
		Jobs: d.Queue, Notifier: s.Webhooks, Log: d.Log, Now: d.Now}); err != nil {
		return nil, wrap(err)
	}
	if s.Retention, err = retention.NewService(cfg.Retention, retention.ServiceDeps{Store: s.Store, Vault: d.Vault, Guard: s.Guard,
		Holds: s.Holds, Shredder: d.Shredder, Log: d.Log, Now: d.Now}); err != nil {
		return nil, wrap(err)
	}
	if s.Worklist, err = worklist.New(worklist.Config{}, worklist.Deps{Store: s.Store, Guard: s.Guard, Reviews: s.Cases, Now: d.Now}); err != nil {
		return nil, wrap(err)
	}
	if s.Aggregates, err = aggregate.NewRecorder(s.Store, d.Vault, d.Deid); err != nil {
		return nil, wrap(err)
	}
	if s.Pipeline, err = New(cfg, Deps{Store: s.Store, Vault: d.Vault, Gateway: d.Gateway, Audit: d.Audit, Queue: d.Queue,
		Guard: s.Guard, Consent: s.Consent, Human: s.Human, Notifier: s.Webhooks, Reviews: s.Review, Pseudonyms: s.Pseudonyms, Deid: d.Deid,
		Templates: d.Templates, Log: d.Log, Now: d.Now, Waits: d.Waits}); err != nil {
		return nil, err
	}
	return s, nil
}
