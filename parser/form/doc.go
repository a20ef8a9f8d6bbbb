// Package form extracts the campaign's forms from a Word document model:
// the 申报表 (Application) and the 初审表 (Review). Labels and their variants
// come from a Spec (the profile's data), never from code, so a second
// campaign needs a new profile, not a change here.
package form
