// Package storage keeps clinscribe's content at rest: blobs, the keys that
// encrypt them, and the envelope format that binds the two.
//
// Three layers, each behind a small interface:
//
//   - Blobstore holds opaque bytes under slash-separated keys. Log (a
//     directory of append-only segments shared by several processes, the
//     default for a new local directory on Linux), Local (a directory,
//     one file per object) and S3 (any S3-protocol server via
//     aws-sdk-go-v2) implement it; OpenLocalDir opens a local directory
//     in the format it holds. A Blobstore never sees plaintext content:
//     the Vault encrypts before it writes.
//   - KeyManager issues and unwraps data keys. LocalKeys (a key file, the
//     default) and KMS (AWS KMS GenerateDataKey/Decrypt) are the roots of
//     trust; Keyring sits on top of either and adds one key per scope (an
//     encounter, a patient) kept in a separate store, so that destroying a
//     scope key crypto-shreds every object of that scope, including copies in
//     backups of the data store.
//   - Vault is the envelope: every object gets a fresh 256-bit data key,
//     content is sealed with AES-256-GCM in 64 KiB segments (streaming, so a
//     large recording never has to fit in memory), and the object key is bound
//     as additional authenticated data, so a blob copied under another key, a
//     truncated blob or reordered segments fail to open.
//
// Local writes a create-only object to an unnamed file (O_TMPFILE) that
// its link names, an overwrite to a hidden temporary file that its rename
// replaces, and makes each Put durable before it returns; on Linux 5.8 and later it
// does so by group commit (a syncfs(2) shared by the writers waiting at that
// moment, one before the new name and one after; see groupSync), elsewhere by
// fsyncing the file and its directory. An object written OverwriteNameFirst
// skips the flush before its name, and an empty create-only object is a
// link to a shared empty file, with one flush for its name (emptySource). An object can be staged (Stage: its
// content written where nothing sees it) and committed later, and
// CommitInOrder makes a record and then its entries visible and waits for
// one flush for all of them; WaitContent waits for a staged object's
// content ahead of its commit, while the caller waits for something else.
// Keyring.PrepareScope (through Vault.Prepare)
// makes a scope's key ahead of its first object, so a caller can overlap
// the key ring's write with other work; Keyring.PublishScope (through
// Vault.PublishPrepare) returns once the key can seal, with the wait for
// its name to be durable, so the scope's first object can be staged
// meanwhile and its content share that flush (it is committed only after
// the wait).
//
// Object keys and scope names must never carry PHI: they are built from opaque
// random IDs only (see ValidKey).
package storage
