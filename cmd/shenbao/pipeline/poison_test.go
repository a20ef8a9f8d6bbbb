package pipeline

import (
	"os"
	"testing"

	"shenbao/parser/bufpool"
)

// TestMain poisons every buffer given back for reuse, so that a parse
// result still holding a part of an attachment's bytes after the pipeline
// released them changes the output and fails the golden and determinism
// tests instead of passing by luck.
func TestMain(m *testing.M) {
	bufpool.Poison = true
	os.Exit(m.Run())
}
