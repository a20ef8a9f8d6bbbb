// Package pipeline wires the stages of a check run and owns its worker
// pool: parser/intake walks the inputs, a bounded pool of workers hands each
// leaf item to parser/classify (Word forms, photos, scans, scan metadata)
// and applies its verdict to the item, validate/dossier assembles one
// dossier per window, and validate.Report applies the profile's rules and
// builds the validate.Result that export writes. It decides nothing itself;
// the stages are synchronous and know nothing of each other's wiring.
package pipeline
