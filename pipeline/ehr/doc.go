// Package ehr writes signed notes back to the clinic's EHR through its
// FHIR R4 API: the note as a US Core DocumentReference carrying the HL7
// AIAST label, the AI Device that drafted it, and a Provenance (HL7 AI
// Transparency on FHIR) naming the Device as author and the signing
// clinician as verifier (resources from pipeline/fhir).
//
// What it holds:
//
//   - Config and Auth: the server, identifier systems, retries and the
//     authentication (SMART Backend Services, a static bearer token, or
//     none). Secrets come from files or environment variables.
//   - SMART (TokenSource): RFC 7523 client assertions signed RS384 or
//     ES384 with go-jose, the client_credentials grant, the token endpoint
//     from configuration or .well-known/smart-configuration, the token
//     cached until shortly before it expires and renewed after a 401.
//   - Client: search, read, conditional create (If-None-Exist) and
//     version-checked update (If-Match).
//   - Deliverer: Enqueue (called on sign-off and entered-in-error),
//     Deliver (the "ehr:deliver" task), Reconcile (a maintenance job) and
//     Status (per-version delivery state for the status view, the API and
//     the console).
//
// Delivery. A request is a marker index/ehr/<encounter>.v<version> (in
// the vault) with a generation number, then a queued task whose payload is
// the encounter ID and version only (the generation is part of its task
// ID). The task reads the lifecycle and brings the server to it:
//
//   - signed (final or amended): find the Patient by the clinic's
//     identifier (Patient?identifier=system|value; never created: none or
//     several is a permanent failure), create the AI Device if none has
//     its identifier, create the DocumentReference if none has the note's
//     identifier (<encounter>-v<version>), then its Provenance if none
//     targets it; an amendment (a later signed version) carries relatesTo
//     replaces and sets the earlier DocumentReference to superseded, and
//     waits until that earlier version is delivered;
//   - entered-in-error: set the DocumentReference's status (read, then
//     update with If-Match); a version retracted before it reached the
//     server is not sent.
//
// Every step is conditional, so a retry never duplicates a resource.
// Before anything is sent each resource is validated (pipeline/fhir: R4
// with google/fhir/go, US Core DocumentReference rules, the AI labels);
// one that does not validate is not sent and the delivery fails with the
// problems (paths and rules, never values). The attempt is audited like
// any disclosure: "ehr.deliver.intent" before the first request that
// carries the note (with the SHA-256 of the DocumentReference sent) and
// "ehr.deliver" after (result code, server response status, the
// DocumentReference's server ID) — IDs, hashes and codes only.
//
// Outages. A server that is unreachable, failing (5xx, 408, 429) or
// refusing the credentials leaves the delivery pending: the task retries
// with backoff; after its last attempt it renews the marker's generation
// and the reconciler queues it again, so an outage delays a note and
// never loses it. A 4xx refusal, a failed validation or an unknown
// patient fails the delivery for good (state failed, with code).
//
// State. encounters/<id>/ehr/v<version>.json (encrypted in the encounter's
// key scope, so deleting the encounter shreds it too) holds the Delivery:
// pending, delivered, failed or skipped, with code, HTTP status and the
// server's resource IDs. The Patient's server ID is not kept.
package ehr
