// Package fetch downloads report pages and PDFs over HTTP within firm
// limits, so that a URL can be read like a file.
//
// A Client bounds every request: a timeout covering the whole body, a
// maximum body size (a longer body is an error, never a truncated
// document), a maximum number of redirects, http and https only, and a
// per-host concurrency limit. It names itself in the User-Agent, retries
// 429 and transient 5xx answers with exponential backoff and jitter,
// honouring Retry-After, and stops at once when its ctx ends.
//
// With a cache folder, a repeated Get sends If-None-Match and
// If-Modified-Since, and a 304 answer is served from the cache without
// downloading the body again.
//
// Deciding what the bytes are (PDF, HTML, text) is not this package's
// job: callers look at Response.Body, not at Content-Type.
package fetch
