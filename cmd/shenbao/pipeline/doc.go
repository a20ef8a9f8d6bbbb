// Package pipeline wires the stages of a check run: intake walks the inputs,
// a bounded pool of workers parses each item (Word forms, photos, scans,
// scan metadata), assembly builds one dossier per window, validate applies
// the profile's rules, and the outcome becomes a validate.Result that export
// writes. It is the only package that knows every stage; the stages
// themselves are synchronous.
package pipeline
