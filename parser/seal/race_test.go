//go:build race

package seal_test

// raceEnabled is true under the race detector, which makes the page
// analysis about ten times slower: the score test then renders one page per
// class to exercise the code, and .ci/run scores the whole check set in a
// separate run without -race.
const raceEnabled = true
