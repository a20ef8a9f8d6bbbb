package intake

import (
	"fmt"

	"shenbao/parser/archive"
)

func archiveLimits(entries int) archive.Limits { return archive.Limits{MaxEntries: entries} }

func archiveLimitsRatio(r float64) archive.Limits { return archive.Limits{MaxRatio: r} }

func fmtInts(p []int) string { return fmt.Sprint(p) }
