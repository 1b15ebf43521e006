// Package access says who may do what. A Principal is an authenticated
// caller with one role; Authorize checks an action on an encounter against
// the rules every entry point (HTTP API, CLI) shares:
//
//   - platform: the clinic's system — submits, reads status, manages
//     consent and deletion requests on behalf of the clinic.
//   - provider: a clinician — reads, edits and signs the drafts of their own
//     encounters (or of clinicians who named them as delegate).
//   - patient: reads their own encounters' drafts and explanations,
//     requests human review, manages their own consent, exports who
//     accessed their data, asks for deletion.
//   - reviewer: a human reviewer — reads and decides review cases, and
//     reads an encounter only while it has a case assigned to them (or
//     decided by them, or not yet assigned to anyone).
//   - ops: operators — audit export, legal holds, deletions; never draft
//     content.
//
// The package holds:
//
//	access.go  Role, Principal, patient reference shape
//	rules.go   Action, Owner, Rules.Allow: the one table of who may do what
//	guard.go   Guard: authorize, deny (audited), record; audit export scope
//	tokens.go  bearer tokens: the token file (create, list, revoke, expiry)
//	           and Tokens, the server's view of it, reloaded when the file
//	           changes (Watch), so a revoked token is refused without a
//	           restart
//
// Tokens are random bearer secrets; only their SHA-256 is stored. A patient
// token's subject is the pseudonymous patient reference, never the
// platform's patient identifier.
package access
