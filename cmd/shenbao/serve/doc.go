// Package serve is the local web page of shenbao (`shenbao serve`, SPEC
// §4a): an HTTP server that hands out one page in Chinese (embedded in the
// binary, nothing fetched from the internet), accepts typed local paths or
// uploaded files, runs one check at a time through the same function as
// `shenbao check` (given as Config.Run), streams its progress as
// server-sent events and offers the register, the JSON result, the notices
// as one zip and the scan pages with their seals drawn.
//
// Safety: the server refuses any request whose Host is not the listening
// address or localhost (DNS rebinding), state-changing requests from
// another Origin or without the per-process token (header X-Shenbao-Token),
// and oversized or too many uploads. Uploaded names are reduced to a safe
// base name before they touch the disk; download names are fixed and never
// become paths; there is no directory listing. A path typed by the clerk is
// only read: every output goes to the job's private temporary folder, and
// Close (Ctrl-C, the console closed) cancels running jobs and removes every
// temporary file.
//
// It does not authenticate users: it is meant for the clerk's own machine.
package serve
