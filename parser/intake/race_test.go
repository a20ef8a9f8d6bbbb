//go:build race

package intake

// raceEnabled scales down tests that push gigabytes through deflate, which
// the race detector makes a hundred times slower.
const raceEnabled = true
