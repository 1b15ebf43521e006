// Package pipeline runs an encounter from submission to a labeled draft,
// and assembles the services that act on it afterwards (NewServices).
//
// The root package holds intake and the stages only:
//
//	Submit      validate, store the inputs encrypted, record the encounter,
//	            write its worklist entries, audit, enqueue the first stage
//	            (or route an opted-out patient's encounter to human
//	            documentation); the next submissions' scope keys are made
//	            ahead while it waits for its flushes (keyahead.go)
//	Transcribe  recording (+ sidecar) -> ai.Gateway -> transcript
//	Summarize   transcript or note -> ai.Gateway -> draft v1, labeled
//	            preliminary and AI-generated (AIAST); webhook draft.ready
//	Regenerate  a clinician's request after a rejection -> ai.Gateway ->
//	            draft vN (the regenerate stage, same labels and checks)
//	Reconcile   re-enqueue unfinished work after a crash or a Redis loss
//	            (worklist entries, regenerations and human documentation
//	            items a crash left half done included)
//
// Stages take an encounter ID and nothing else; everything they need is in
// the encounter's encrypted record. They are idempotent: a stage retried
// after a crash finds what its earlier attempt stored and does not call the
// model or write a draft version again. Errors leaving this package are
// *phi.Error: a code and a message that carry no content.
//
// The map — one package per concept, each the one owner of its facts:
//
//	encounter  plain types (Meta, Draft, Transcript, lifecycle Event), the
//	           encrypted record store, the one owner of every object key,
//	           and Store.Transition (the audited lifecycle append)
//	access     roles and rules, bearer tokens, and the Guard every entry
//	           point goes through: authorize, deny (audited), record
//	idempotency  clients' Idempotency-Keys: replay, carry on, expire
//	signoff    what clinicians do with drafts: view (the signed note first,
//	           pending amendments after), edit, write by hand, sign,
//	           reject, entered-in-error, explain; the sources (transcript,
//	           note, recording with ranges)
//	review     patients' requests for human review: cases, assignment,
//	           decisions, escalation
//	consent    AI-processing consent (the gateway's ConsentChecker)
//	human      human documentation: the queue of an opted-out patient's
//	           encounters, assignment, closing when a hand-written note is
//	           signed
//	worklist   role-scoped listings of encounters by state and time, from
//	           write-once index entries (page: opaque cursors)
//	retention  deletion (crypto-shredding, certificates), legal holds (one
//	           store), the one deletion guard, retention sweeps
//	webhook    signed event delivery to the clinic (IDs only), the
//	           delivery log
//	ehr        write-back of signed notes to the clinic's FHIR server
//	           (signoff asks for it through signoff.WriteBack)
//	aggregate  de-identified statistics (deid.Record only)
//	pseudonym  patient references and other keyed fingerprints
//	ai         the one audited AI gateway and its providers
//	audit      the tamper-evident audit trail
//	phi        PHI-safe errors and logging
//	fhir       FHIR R4 rendering of drafts and write-back notes; validation
//	audio, caption, source   input parsing
//
// Who calls whom (arrows point down; nothing calls up):
//
//	cmd/clinscribe (api, console, cli, app)  worker
//	        |                                  |
//	        +------------+---------------------+
//	                     v
//	          pipeline (intake, stages, NewServices)
//	                     |
//	 worklist signoff review consent human retention aggregate webhook
//	        \      |      |       |      |        |          |     /
//	         +-----+------+-------+--access.Guard--+----------+---+
//	                             |
//	      encounter  audit  ai  pseudonym  phi  deid  storage
//
// The API, the console and the worker take small interfaces declared where
// they are used (api.Drafts, console.Drafts, worker.Stages...), so their
// tests can run on fakes.
package pipeline
