// Package aws is the AWS AI provider: Amazon Transcribe Medical batch jobs
// or AWS HealthScribe for recordings, and a model on Amazon Bedrock
// (Converse) for notes. Like every provider it is used only through
// ai.Gateway, which checks the zero-retention attestation and audits each
// call; New returns it as an *ai.Provider.
//
// # Transcription
//
// Transcribe reads recordings from S3 only, so each request
//
//  1. uploads the decrypted recording to the staging bucket, under
//     <prefix><job>/audio.<ext>, with SSE-KMS, streaming it in parts (at
//     most one part in memory, nothing on local disk);
//  2. starts a job named <job> ("clinscribe-" and 26 random base32 letters:
//     no encounter, patient, clinic or time can be read from it), writing
//     its output to the output bucket, encrypted with the same KMS key;
//  3. polls the job with growing, jittered waits until it is COMPLETED or
//     FAILED, within Config.JobTimeout and the caller's deadline;
//  4. reads the output and turns it into segments (seg-0001, ...) with
//     start and end times in milliseconds and speaker labels; and
//  5. always, also after a failure or a timeout and on a context of its
//     own, deletes the staged recording, every object of the job's output
//     folder, and the job itself. If any of that fails the result is
//     discarded and the call fails: the invariant is that AWS keeps no copy
//     and we keep none in staging.
//
// A job that outlives its worker (a crash, or AWS still running a job we
// stopped waiting for) leaves objects behind; Sweep removes them, and a
// lifecycle rule on the staging prefix is the backstop.
//
// HealthScribe also writes a clinical note in one of its own templates;
// HealthScribe.Scribe returns it mapped to encounter sections whose
// sentences cite the transcript's segment IDs.
//
// # Summaries
//
// Summarizer sends the template's system prompt, the section instructions
// and the source segments, fenced as data between markers with a random
// nonce, one JSON object per segment, and makes the model answer in the
// template's JSON schema: by calling one tool whose input schema it is
// (OutputTool, the default) or with Converse structured output
// (OutputJSONSchema). The answer is validated against the schema and the
// source segment IDs; an invalid answer is sent back once with the
// problems, and a second invalid answer fails with output_invalid.
// Requests carry no request metadata and no identifiers.
//
// # Errors
//
// Every error is a *phi.Error whose message names the operation, the AWS
// error code and the HTTP status only; AWS's messages and a failed job's
// FailureReason can echo request content, so they stay in the cause
// (errors.As), never in Error(). Throttling, 5xx and timeouts are
// retryable; validation errors, access errors and rejected recordings are
// permanent. The SDK retries each call (Config.MaxAttempts) before an error
// reaches the caller.
package aws
