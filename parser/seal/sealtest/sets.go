package sealtest

// The review rows of the reference profile (qingfeng-liaoning), used when a
// caller has no profile at hand.
var (
	DefaultRoles = []string{"部门负责人意见", "分管领导意见", "组织（人事）部门意见", "派驻纪检监察部门意见", "主要领导意见", "推荐单位", "行业主管部门意见"}
	DefaultNeeds = []string{"签字", "签字", "盖章", "盖章", "签字", "盖章", "盖章"}
)

// SetCase is page i of a class in the tune or the check set. The two sets
// use disjoint seeds, so scoring on the check set measures pages the
// detector was not tuned on.
func SetCase(set, class string, i int) Case {
	base := uint64(1000)
	switch set {
	case "check":
		base = 5000
	case "holdout": // looked at only for the closing figures, never for tuning
		base = 9000
	}
	return Case{Seed: base + uint64(i), Class: class, Roles: DefaultRoles, Needs: DefaultNeeds}
}
