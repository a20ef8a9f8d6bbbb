package intake

import "shenbao/parser/archive"

func archiveLimits(entries int) archive.Limits { return archive.Limits{MaxEntries: entries} }

func archiveLimitsRatio(r float64) archive.Limits { return archive.Limits{MaxRatio: r} }
