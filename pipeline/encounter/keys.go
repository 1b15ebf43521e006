package encounter

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Every object key clinscribe writes is spelled here and nowhere else.
// Objects under an encounter's scope ("encounters/<id>/...") are encrypted
// with that encounter's key and crypto-shredded with it; the rest live
// outside any encounter's scope on purpose (indexes that must survive a
// shredding, or that span encounters).
//
//	encounters/<id>/meta.json                    Meta, written once at submit (a note inline)
//	encounters/<id>/input/<role>[.<attempt>]     the submitted bytes of a recording/sidecar
//	encounters/<id>/stage/<stage>.json           StageStatus, one writer each, on failure/wait
//	encounters/<id>/transcript.json              Transcript of a recording, written once
//	encounters/<id>/draft/v000001.json           Draft versions, each written once (a note's v1 with its segments)
//	encounters/<id>/lifecycle/000001.json        lifecycle events, append-only
//	encounters/<id>/reviews/<case>/<part>.json   review case parts, each written once
//	encounters/<id>/pseudonym-map.json           surrogates sent to a provider
//	encounters/<id>/aggregate.json               link to the de-identified record
//	encounters/<id>/ehr/v000001.json             EHR write-back state of a version (package ehr)
//	index/open/<id>                              open marker while work is left
//	index/human/<id>                             waiting for human documentation: HumanEntry
//	index/by-provider/<b32(provider)>/<ts>_<id>  worklist entry per clinician, written once at submit
//	index/by-patient/<ref>/<ts>_<id>             worklist entry per patient, written once at submit
//	index/by-day/<yyyy-mm-dd>/<ts>_<id>          worklist entry per day of submission, written once
//	index/reviews/open/<case>                    open review cases
//	index/idempotency/<hmac>                     idempotency records
//	index/ehr/<id>.v000001                       open EHR write-back requests (package ehr)
//	holds/<id>.json                              legal holds
//	certificates/<cert>.json                     deletion certificates
//	certificates/by-encounter/<id>.json          certificate of an encounter
//	patients/<ref>/consent/000001.json           consent history, append-only
//	webhooks/<event>.json                        webhook events
//	webhooks/deliveries/<yyyy-mm-dd>/<ts>_<event>_<endpoint>  delivery log, one per attempt
//	system/pseudonym-key                         the pseudonym secret
//	aggregate/records/<record>                   de-identified records (package aggregate)

// Prefixes of the object families, for listing.
const (
	EncountersPrefix  = "encounters/"
	OpenPrefix        = "index/open/"
	HumanPrefix       = "index/human/"
	OpenReviewPrefix  = "index/reviews/open/"
	IdempotencyPrefix = "index/idempotency/"
	EHRRequestPrefix  = "index/ehr/"
	// ByProviderPrefix, ByPatientPrefix and ByDayPrefix hold the worklist
	// entries (see IndexKeys).
	ByProviderPrefix = "index/by-provider/"
	ByPatientPrefix  = "index/by-patient/"
	ByDayPrefix      = "index/by-day/"
	// DeliveriesPrefix holds the webhook delivery log.
	DeliveriesPrefix = "webhooks/deliveries/"
	// PseudonymSecretKey holds the secret behind patient pseudonyms and
	// idempotency records.
	PseudonymSecretKey = "system/pseudonym-key"
)

// Scope is the crypto-shredding scope of an encounter: every object whose
// key starts with it is encrypted under the encounter's key.
func Scope(id string) string { return EncountersPrefix + id }

func metaKey(id string) string           { return Scope(id) + "/meta.json" }
func inputKey(id, role string) string    { return Scope(id) + "/input/" + role }
func stageKey(id string, s Stage) string { return Scope(id) + "/stage/" + string(s) + ".json" }
func transcriptKey(id string) string     { return Scope(id) + "/transcript.json" }
func draftPrefix(id string) string       { return Scope(id) + "/draft/" }
func draftKey(id string, v int) string   { return fmt.Sprintf("%sv%06d.json", draftPrefix(id), v) }
func eventPrefix(id string) string       { return Scope(id) + "/lifecycle/" }
func openKey(id string) string           { return OpenPrefix + id }

// DraftKey is the object key of a draft version.
func DraftKey(id string, version int) string { return draftKey(id, version) }

// InputKey is the object key of an encounter's input with the role.
func InputKey(id, role string) string { return inputKey(id, role) }

// InputPrefix lists an encounter's inputs.
func InputPrefix(id string) string { return Scope(id) + "/input/" }

// ReviewsPrefix lists the parts of all review cases of an encounter.
func ReviewsPrefix(id string) string { return Scope(id) + "/reviews/" }

// ReviewKey is one part (request, assignment, decision, escalation) of a
// review case.
func ReviewKey(id, caseID, part string) string {
	return ReviewsPrefix(id) + caseID + "/" + part + ".json"
}

// OpenReviewKey marks a review case open.
func OpenReviewKey(caseID string) string { return OpenReviewPrefix + caseID }

// HumanKey lists an encounter in the human documentation queue.
func HumanKey(id string) string { return HumanPrefix + id }

// MappingKey holds the pseudonym mapping of an encounter's provider calls.
func MappingKey(id string) string { return Scope(id) + "/pseudonym-map.json" }

// AggregateRefKey links an encounter to its de-identified record.
func AggregateRefKey(id string) string { return Scope(id) + "/aggregate.json" }

// IdempotencyKey is the record of one client idempotency key, by the hex
// HMAC of the key (never the key itself).
func IdempotencyKey(hmacHex string) string { return IdempotencyPrefix + hmacHex }

// HoldKey is the legal hold of an encounter.
func HoldKey(id string) string { return "holds/" + id + ".json" }

// CertificateKey is a deletion certificate.
func CertificateKey(certID string) string { return "certificates/" + certID + ".json" }

// CertificateIndexKey names the certificate of a deleted encounter.
func CertificateIndexKey(id string) string { return "certificates/by-encounter/" + id + ".json" }

// ConsentPrefix lists a patient's consent records.
func ConsentPrefix(patientRef string) string { return "patients/" + patientRef + "/consent/" }

// ConsentKey is a patient's consent record with the sequence number.
func ConsentKey(patientRef string, seq int) string {
	return fmt.Sprintf("%s%06d.json", ConsentPrefix(patientRef), seq)
}

// WebhookEventKey is a stored webhook event.
func WebhookEventKey(eventID string) string { return "webhooks/" + eventID + ".json" }

// WebhookDeliveryKey is one attempt to deliver a webhook event to an
// endpoint (the delivery log), sorted by day and time.
func WebhookDeliveryKey(at time.Time, eventID, endpoint string) string {
	at = at.UTC()
	return DeliveriesPrefix + at.Format(DayLayout) + "/" + at.Format(entryTimeLayout) + "_" + eventID + "_" + endpoint
}

// DayLayout names a day in index keys.
const DayLayout = "2006-01-02"

// entryTimeLayout is fixed-width, so index entries sort by time.
const entryTimeLayout = "20060102T150405.000000000Z"

// IndexEntry is the last part of a worklist index key: the submission time
// then the encounter ID, so entries sort by time, ties broken by ID.
func IndexEntry(createdAt time.Time, id string) string {
	return createdAt.UTC().Format(entryTimeLayout) + "_" + id
}

// ParseIndexEntry splits an index entry (or a key ending in one) into its
// time and encounter ID.
func ParseIndexEntry(key string) (time.Time, string, bool) {
	entry := key[strings.LastIndex(key, "/")+1:]
	ts, id, ok := strings.Cut(entry, "_")
	if !ok {
		return time.Time{}, "", false
	}
	// The ID itself holds an underscore ("enc_..."): cut at the first one.
	if !ValidID(id) {
		return time.Time{}, "", false
	}
	at, err := time.Parse(entryTimeLayout, ts)
	if err != nil {
		return time.Time{}, "", false
	}
	return at, id, true
}

// ProviderIndexPrefix lists a clinician's encounters. Clinician IDs may hold
// characters object keys do not allow (":", "@"), so the ID is spelled in
// lower-case base32.
func ProviderIndexPrefix(providerID string) string {
	return ByProviderPrefix + strings.ToLower(idEncoding.EncodeToString([]byte(providerID))) + "/"
}

// PatientIndexPrefix lists a patient's encounters by pseudonymous reference.
func PatientIndexPrefix(patientRef string) string { return ByPatientPrefix + patientRef + "/" }

// DayIndexPrefix lists the encounters submitted on a day (UTC).
func DayIndexPrefix(day time.Time) string { return ByDayPrefix + day.UTC().Format(DayLayout) + "/" }

// IndexKeys are the worklist entries of an encounter: per clinician, per
// patient and per day of submission. They are written once, after the
// encounter's Meta (its commit point), and hold nothing but their key; the
// state shown in a worklist is read from the encounter itself.
func IndexKeys(m *Meta) []string {
	entry := IndexEntry(m.CreatedAt, m.ID)
	return []string{
		ProviderIndexPrefix(m.ProviderID) + entry,
		PatientIndexPrefix(m.PatientRef) + entry,
		DayIndexPrefix(m.CreatedAt) + entry,
	}
}

// SplitKey parses an object key under EncountersPrefix into the encounter
// ID and the rest of the key ("meta.json", "input/audio", ...).
func SplitKey(key string) (id, rest string, ok bool) {
	after, ok := strings.CutPrefix(key, EncountersPrefix)
	if !ok {
		return "", "", false
	}
	id, rest, ok = strings.Cut(after, "/")
	if !ok || !ValidID(id) {
		return "", "", false
	}
	return id, rest, true
}

// IDAfter returns the encounter ID that follows prefix in key (an index
// entry such as "index/open/<id>").
func IDAfter(key, prefix string) (string, bool) {
	id, ok := strings.CutPrefix(key, prefix)
	return id, ok && ValidID(id)
}

// EHRStatePrefix lists an encounter's EHR write-back states.
func EHRStatePrefix(id string) string { return Scope(id) + "/ehr/" }

// EHRStateKey is the EHR write-back state of a version.
func EHRStateKey(id string, version int) string {
	return fmt.Sprintf("%sv%06d.json", EHRStatePrefix(id), version)
}

// EHRRequestKey marks a version's EHR write-back requested and not done.
func EHRRequestKey(id string, version int) string {
	return fmt.Sprintf("%s%s.v%06d", EHRRequestPrefix, id, version)
}

// ParseEHRRequestKey is the encounter and version of an EHRRequestKey.
func ParseEHRRequestKey(key string) (id string, version int, ok bool) {
	id, v, found := strings.Cut(strings.TrimPrefix(key, EHRRequestPrefix), ".v")
	n, err := strconv.Atoi(v)
	return id, n, found && err == nil && ValidID(id) && n > 0 && EHRRequestKey(id, n) == key
}
