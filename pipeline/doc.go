// Package pipeline runs an encounter from submission to a labeled draft:
//
//	Submit      validate, store the inputs encrypted, record the encounter,
//	            audit, enqueue the first stage
//	Transcribe  recording (+ sidecar) -> ai.Gateway -> transcript
//	Summarize   transcript or note -> ai.Gateway -> draft v1, labeled
//	            preliminary and AI-generated (AIAST)
//
// Stages take an encounter ID and nothing else; everything they need is in
// the encounter's encrypted record (package encounter). They are idempotent:
// a stage retried after a crash finds what its earlier attempt stored and
// does not call the model or write a draft version again. Reconcile
// re-enqueues unfinished encounters, so work survives the loss of Redis.
//
// Errors leaving this package are *phi.Error: a code and a message that
// carry no content, safe to store in Redis and in stage status.
package pipeline
