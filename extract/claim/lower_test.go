package claim

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestLowerCyrillic checks the lower-cased text claims read words in: every
// Cyrillic letter lower-cased as Unicode does (where that keeps its length)
// and counted as a word's letter.
func TestLowerCyrillic(t *testing.T) {
	for c := rune(0x400); c <= 0x52F; c++ {
		want := unicode.ToLower(c)
		if utf8.RuneLen(want) != utf8.RuneLen(c) {
			want = c
		}
		lt := lower([]rune{'a', c, ' '}, nil)
		if got := lt.sub(1, 2); got != string(want) {
			t.Errorf("U+%04X %c: lower-cased %q, want %q", c, c, got, string(want))
		}
		if isWordRune(c) != (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			t.Errorf("U+%04X %c: isWordRune %v", c, c, isWordRune(c))
		}
	}
}
