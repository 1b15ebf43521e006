// Package worker runs clinscribe's pipeline on asynq: task types and
// queues, the server with its middleware (panic recovery, PHI-safe errors,
// logging), the client that enqueues stages, and Redis connection options
// (redis://, rediss://, Sentinel, Cluster).
//
// Task payloads carry an encounter ID and nothing else. Errors that asynq
// stores in Redis (a task's last error) pass through phi.Safe first, so
// they hold a code and a content-free message. Tasks carry a TaskID of
// "<stage>:<encounter ID>", so enqueueing a stage twice is a no-op while
// the first is queued or retained.
package worker
