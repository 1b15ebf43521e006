// Package console is clinscribe's review console: server-rendered web
// pages, served by `clinscribe serve` on the API's listener under
// /console, where clinicians read a draft beside its source and sign it,
// reviewers decide patients' review cases, patients read their signed
// notes and manage their data, and ops watch the queues.
//
// Every page calls the same service methods the HTTP API calls (the small
// interfaces in Services, wired by cmd/clinscribe/internal/app from the
// same pipeline.Services), never the API over the network; so every page
// view and every action is authorized by access.Guard and audited exactly
// as the matching API call is.
//
// Sign-in exchanges an access token (the API's bearer tokens) for a
// server-side session:
//
//	session.go   sessions in memory (a random ID in a cookie: HttpOnly,
//	             SameSite=Strict, Path=/console, Secure under TLS or when
//	             Config.BehindTLS), idle and absolute timeouts, the token
//	             re-checked on every request (a revoked or expired token
//	             ends the session at once), CSRF tokens bound to the
//	             session (synchronizer pattern; the sign-in form's is an
//	             HMAC of a pre-session cookie)
//	console.go   Config, Services, the router and the middleware: strict
//	             Content-Security-Policy and the other security headers on
//	             every response, a PHI-free access log (route pattern,
//	             status, role), panics recovered, phi errors mapped to pages
//	render.go    html/template pages from the embedded templates/ and
//	             static/ (one stylesheet, one small script, no build step)
//	signin.go    sign-in and sign-out
//	clinician.go worklist, the draft beside its transcript or note,
//	             evidence, "Not in the draft", edit by section, sign,
//	             reject, regenerate, entered-in-error, the recording with
//	             range requests, the human documentation editor
//	reviewer.go  the case queue (overdue first) and the case page
//	patient.go   my encounters, a signed note with the source of each
//	             sentence, review requests, AI-processing consent, who
//	             accessed my data, deletion
//	ops.go       queue states and archived tasks (IDs, types and codes,
//	             never a payload)
//
// Sessions live in the serving process's memory: a restart signs everyone
// out, and a deployment with more than one `serve` replica routes a
// browser to the same replica (deploy/kubernetes/serve.yaml: the Service's
// sessionAffinity ClientIP; an ingress may use a cookie instead). The
// session holds the token, the principal and the CSRF secret — nothing of
// a patient's; nothing of the console is kept in Redis.
//
// What a browser is given: pages and opaque IDs in URLs (encounter, case
// and segment IDs, version numbers, result codes); nothing in localStorage
// or sessionStorage (the script uses neither); no third-party origin; no
// inline script or style.
package console
