package api_test

import (
	"context"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/api"
	"github.com/clinscribe/clinscribe/pipeline"
	"github.com/clinscribe/clinscribe/pipeline/access"
	"github.com/clinscribe/clinscribe/pipeline/audit"
	"github.com/clinscribe/clinscribe/pipeline/consent"
	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/human"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/pipeline/retention"
	"github.com/clinscribe/clinscribe/pipeline/review"
	"github.com/clinscribe/clinscribe/pipeline/signoff"
	"github.com/clinscribe/clinscribe/pipeline/webhook"
	"github.com/clinscribe/clinscribe/pipeline/worklist"
)

// down is every service unavailable: tests of the HTTP layer itself (auth,
// limits, panics, logging) need handlers to exist, not to work.
type down struct{}

var errDown = phi.Errorf(phi.CodeStorage, "service unavailable (test fake)")

func (down) Submit(context.Context, pipeline.SubmitRequest) (string, error) { return "", errDown }
func (down) StatusFor(context.Context, access.Who, string) (*pipeline.View, error) {
	return nil, errDown
}
func (down) Limits() pipeline.Limits { return pipeline.Config{}.WithDefaults().Limits }
func (down) Regenerate(context.Context, access.Who, string) (*pipeline.Regeneration, error) {
	return nil, errDown
}
func (down) Write(context.Context, access.Who, string, int, []encounter.Section) (*signoff.DraftView, error) {
	return nil, errDown
}

// downList is the worklist unavailable (its List is not the reviews' List).
type downList struct{}

func (downList) List(context.Context, access.Who, worklist.Query) (*worklist.Page, error) {
	return nil, errDown
}
func (down) Queue(context.Context, access.Who) ([]human.Item, error) { return nil, errDown }
func (down) Assign(context.Context, access.Who, string, string) (*human.Item, error) {
	return nil, errDown
}
func (down) Transcript(context.Context, access.Who, string) (*signoff.TranscriptView, error) {
	return nil, errDown
}
func (down) Note(context.Context, access.Who, string) ([]byte, string, error) {
	return nil, "", errDown
}
func (down) Recording(context.Context, access.Who, string) (*signoff.Recording, error) {
	return nil, errDown
}
func (down) Deliveries(context.Context, access.Who, webhook.DeliveryQuery) (*webhook.DeliveryPage, error) {
	return nil, errDown
}
func (down) View(context.Context, access.Who, string, int) (*signoff.DraftView, error) {
	return nil, errDown
}
func (down) Explain(context.Context, access.Who, string, int) (*signoff.Explanation, error) {
	return nil, errDown
}
func (down) Sign(context.Context, access.Who, string, int, string, string) (*signoff.DraftView, error) {
	return nil, errDown
}
func (down) Edit(context.Context, access.Who, string, int, []encounter.Section) (*signoff.DraftView, error) {
	return nil, errDown
}
func (down) Reject(context.Context, access.Who, string, int, string) (*signoff.DraftView, error) {
	return nil, errDown
}
func (down) EnteredInError(context.Context, access.Who, string, int, string) (*signoff.DraftView, error) {
	return nil, errDown
}
func (down) PatientID(context.Context, string) (string, error) { return "", errDown }
func (down) PullIn(context.Context, access.Who, string, int, string, int, string) (*signoff.DraftView, error) {
	return nil, errDown
}
func (down) Request(context.Context, access.Who, string, int, string) (*review.ReviewCase, error) {
	return nil, errDown
}
func (down) List(context.Context, access.Who, string) ([]review.ReviewCase, error) {
	return nil, errDown
}
func (down) OpenCases(context.Context, access.Who) ([]review.ReviewCase, error) { return nil, errDown }
func (down) Decide(context.Context, access.Who, string, string, string, int) (*review.ReviewCase, error) {
	return nil, errDown
}
func (down) Set(context.Context, access.Who, string, string, string) (consent.Consent, error) {
	return consent.Consent{}, errDown
}
func (down) Get(context.Context, access.Who, string) (consent.Consent, error) {
	return consent.Consent{}, errDown
}
func (down) PatientRef(context.Context, string) (string, error) { return "", errDown }
func (down) Delete(context.Context, access.Who, string, string) (*retention.DeletionCertificate, error) {
	return nil, errDown
}
func (down) SetLegalHold(context.Context, access.Who, string, bool, string) (*retention.LegalHold, error) {
	return nil, errDown
}
func (down) Deny(context.Context, access.Who, access.Action, *encounter.Meta) error {
	return phi.Permanentf(phi.CodeForbidden, "forbidden (test fake)")
}
func (down) ExportAudit(context.Context, access.Who, audit.Filter, access.AuditRows) ([]audit.Row, error) {
	return nil, errDown
}

func downServices() api.Services {
	return api.Services{Intake: down{}, Drafts: down{}, Reviews: down{}, Consent: down{}, Pseudonyms: down{},
		Deletion: down{}, Human: down{}, Worklist: downList{}, Sources: down{}, Deliveries: down{}, Guard: down{},
		AuditRows: func(context.Context, audit.Filter) ([]audit.Row, error) { return nil, errDown }}
}
