// Package metrics is clinscribe's one Prometheus registry and every metric
// it exports. Metrics are attached from the outside — asynq middleware, a
// decorator around each AI provider, a decorator around the audit sink, a
// collector that reads asynq's Inspector at scrape time — so no handler or
// provider can forget them, and the AI gateway and the audit package stay
// untouched.
//
// # No PHI in labels
//
// Label values come from closed sets only: queue names, task states, task
// types, provider and model names from the configuration, phi.Code values
// (result codes) and fixed outcomes. Free-form values never become labels:
// [Label] reduces anything that is not a short lower-case identifier to
// "other". Encounter IDs, patient references and task IDs are not labels
// (they would be unbounded even if they are not PHI).
//
// # Metric names
//
//	clinscribe_queue_tasks{queue,state}                    gauge   tasks per queue and state (pending, active, scheduled, retry, archived, completed, aggregating), read from Redis at scrape time
//	clinscribe_queue_paused{queue}                         gauge   1 if the queue is paused
//	clinscribe_queue_latency_seconds{queue}                gauge   age of the oldest pending task
//	clinscribe_queue_processed_total{queue}                counter tasks processed (asynq's cumulative count, all workers)
//	clinscribe_queue_failed_total{queue}                   counter task attempts that failed (all workers)
//	clinscribe_queue_up                                    gauge   1 if the last queue read from Redis worked
//	clinscribe_task_duration_seconds{queue,task_type,outcome}  histogram  one attempt of a task in this process (outcome: ok, retry, deferred, failed)
//	clinscribe_tasks_total{queue,task_type,outcome,code}   counter attempts by outcome and result code
//	clinscribe_tasks_in_flight{queue,task_type}            gauge   attempts running in this process
//	clinscribe_ai_request_duration_seconds{provider,model,task_type,outcome}  histogram  provider calls (outcome ok or error)
//	clinscribe_ai_requests_total{provider,model,task_type,code}  counter  provider calls by result code ("ok" for success)
//	clinscribe_ai_errors_total{provider,model,task_type,code}    counter  failed provider calls
//	clinscribe_ai_input_tokens_total{provider,model,task_type}   counter  tokens sent, as the provider reported
//	clinscribe_ai_output_tokens_total{provider,model,task_type}  counter  tokens received
//	clinscribe_ai_ratelimit_wait_seconds{provider}         histogram time a call waited for the rate limiter (fed through ProviderObserver)
//	clinscribe_ai_circuit_breaker_state{provider,state}    gauge   1 for the breaker's current state (closed, half_open, open) as this process last saw the fleet's breaker, 0 for the others
//	clinscribe_ai_deferred_total{provider,reason}          counter task attempts deferred before any request left (reason circuit_open or rate_limit); not counted as attempts
//	clinscribe_stage_wait_seconds{stage,reason,outcome}    histogram  AI stages that were retried or deferred: first attempt to end (reason: the last failure's code; outcome done or failed)
//	clinscribe_audit_append_duration_seconds{outcome}      histogram durable audit appends (outcome ok or error)
//	clinscribe_review_cases_open                           gauge   open human-review cases (fed through ReviewObserver)
//	clinscribe_review_cases_overdue                        gauge   open cases past their due date
//	clinscribe_maintenance_runs_total{task_type,outcome}   counter maintenance jobs
//	clinscribe_maintenance_purged_tasks_total{queue,state} counter task hashes deleted by the purge
//	clinscribe_retention_inputs_deleted_total              counter encounter inputs deleted by the retention sweep
//	clinscribe_worker_draining                             gauge   1 once this worker stopped taking tasks (drain)
//
// plus the standard go_* and process_* collectors.
//
// # Feeding metrics from other packages
//
// Parts that are built elsewhere report through small interfaces that
// *Metrics implements, so they need not import Prometheus:
//
//   - ProviderObserver (ai.ProviderObserver): the openai provider reports
//     each fleet rate-limiter wait and every circuit-breaker transition
//     (openai.Deps.Observer).
//   - ReviewObserver: the review-escalation job reports the current open
//     and overdue counts (NopReviewObserver when metrics are off).
package metrics
