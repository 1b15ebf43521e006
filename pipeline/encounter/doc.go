// Package encounter is the durable record of one clinical encounter: what
// the clinic submitted, how far each stage got, the transcript, and every
// version of the draft note. It lives in encrypted storage (a
// storage.Vault), not in Redis, so it survives a Redis flush or a worker
// restart, and Redis only ever holds the encounter's opaque ID.
//
// Object layout under the encounter's crypto-shredding scope
// "encounters/<id>":
//
//	encounters/<id>/meta.json          Meta, written once at submit (a note's
//	                                   text inline: Input.Text)
//	encounters/<id>/input/<role>       the submitted bytes (audio, sidecar)
//	encounters/<id>/stage/<stage>.json StageStatus, one object per stage, each
//	                                   written only by its own stage, and only
//	                                   when it fails or waits (its output is
//	                                   its done status; see Store.Stage)
//	encounters/<id>/transcript.json    Transcript of a recording, written once
//	encounters/<id>/draft/v000001.json Draft versions, each written once; a
//	                                   note's v1 holds the note's segments
//	encounters/<id>/lifecycle/...      lifecycle events (signatures,
//	                                   rejections, human documentation,
//	                                   regeneration requests), append-only
//	index/open/<id>                    marker while the pipeline is not finished
//	index/by-{provider,patient,day}/…  write-once worklist entries (IndexKeys; empty, unsealed: the key is the entry)
//
// keys.go spells every key. Summarize says where an encounter is (a
// worklist phase and a sentence) from its stage statuses, version numbers
// and events; Fold computes each version's status (superseded once a
// later version is signed).
//
// State that changes together is stored together (issue 18: a note
// encounter writes 6 data objects from submit to draft v1): the note with
// its Meta, a note's segments with the draft that cites them.
//
// Records that must exist once (meta, transcript, a draft version) are
// written CreateOnly: a task retried after a crash finds its earlier write
// instead of making a second one. Mutable state is split so that each
// object has a single writer, which avoids read-modify-write races between
// stages.
package encounter
