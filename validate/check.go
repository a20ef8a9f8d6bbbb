package validate

import (
	"time"

	"shenbao/validate/dossier"
	"shenbao/validate/finding"
	"shenbao/validate/profile"
)

// Check applies every rule of the profile to each dossier and returns the
// findings index-aligned with ds, each list filtered and levelled by the
// profile and sorted deterministically. now is the day "not in the future"
// is judged against.
func Check(ds []*dossier.Dossier, p *profile.Profile, now time.Time) [][]finding.Finding {
	across := CheckAcross(ds, p)
	out := make([][]finding.Finding, len(ds))
	for i, d := range ds {
		var fs []finding.Finding
		fs = append(fs, CheckMaterials(d, p)...)
		fs = append(fs, CheckScans(d, p)...)
		fs = append(fs, CheckApplication(d, p, now)...)
		fs = append(fs, CheckReview(d, p)...)
		fs = append(fs, d.Findings...)
		if i < len(across) {
			fs = append(fs, across[i]...)
		}
		out[i] = ApplyLevels(fs, p)
	}
	return out
}
