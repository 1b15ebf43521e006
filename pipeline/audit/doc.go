// Package audit writes the append-only, tamper-evident audit trail: one
// entry before every AI call leaves (intent) and one after it returns
// (outcome), and one for every other action on PHI — submit, draft view,
// export, sign-off, edit, review request and decision, consent change,
// deletion, key rotation, authorization denial. Entries hold IDs, hashes,
// counts and codes — never content — and Entry.Validate enforces it: a
// string field that does not look like an identifier is refused.
//
// # Chains and checkpoints
//
// Each writing process (Trail) appends to its own chain, named
// <worker ID>.<start time>.<random>: record n carries seq n, the hash of
// record n-1 (prev) and its own hash, the SHA-256 of its canonical JSON.
// Changing, removing, inserting or reordering a record breaks the chain
// at that place. A chain's tail could still be cut, or the whole chain
// rewritten by someone who knows the format, so every writer also adds
// signed checkpoints (Ed25519) to one checkpoint chain shared by all
// writers: at chain start (registering the chain, head seq 0), after its
// first records (before acknowledging them), every
// TrailConfig.CheckpointInterval and TrailConfig.CheckpointEvery entries
// while it writes, every TrailConfig.Lease/2 when idle (renewing its
// lease), and at close. Verify folds the checkpoints into the last signed
// head of every chain and checks each chain against it: a cut tail, an
// emptied or deleted chain, an unregistered (inserted) chain, a rewritten
// chain and records after a close or seal are all found, and the first
// bad place is named by file (or S3 object), line and seq; Report.Segments
// gives every chain's state and its entries signed, unsigned and missing.
//
// # Sealing after a crash
//
// A chain is one process's segment of the trail. A writer that dies
// writes no close checkpoint, so its tail after its last checkpoint would
// stay unsigned. A Sealer (every worker and serve process runs one) finds
// such chains — registered, not ended, lease expired as seen on its own
// clock, and claimed through Store.Claim (a free flock on local files; a
// fence object on S3) — and seals each with a signed checkpoint binding
// the head it found (Head.Sealed). See docs/audit.md for the threat model.
//
// # Durability
//
// Trail.Append returns only once the entry is durable: flushed (FileStore)
// or acknowledged by S3 (S3Store, objects under Object Lock in compliance
// mode). Concurrent appends are committed together — one write and one
// fsync (or one object) for all of them — so throughput grows with the
// number of appenders while every caller still waits for its own entry;
// Trail.AppendAll (Logger.LogAll) puts several entries in one commit. A
// local chain file is kept filled with written zeros ahead of its records
// (see FileStore), which readers leave out. A failed write fails the Append (callers must not go on: the AI gateway
// refuses the call) and abandons the chain; the next Append starts a new
// one.
//
// # Stores
//
// FileStore keeps the trail in a local directory (the default); S3Store
// keeps it in an S3 bucket with Object Lock. Both implement Store, and
// Verify and Query read either through Reader, so `clinscribe audit
// verify` and `clinscribe audit export` work on both, and on copies.
package audit
