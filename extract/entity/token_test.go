package entity

import (
	"testing"
	"unicode"
)

// TestTokenizeCyrillicLetters checks that every Cyrillic letter, first in
// a word or inside it, is lower-cased and folded as fold does (ё as е),
// with the word's capital and script marked.
func TestTokenizeCyrillicLetters(t *testing.T) {
	for r := rune(0x400); r <= 0x52F; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		toks := tokenize(string(r) + "д " + "д" + string(r))
		if len(toks) != 2 {
			t.Fatalf("U+%04X: %d tokens, want 2", r, len(toks))
		}
		f := string(fold(r))
		if toks[0].Norm != f+"д" || toks[1].Norm != "д"+f {
			t.Errorf("U+%04X %c: words %q %q, want %q %q", r, r, toks[0].Norm, toks[1].Norm, f+"д", "д"+f)
		}
		if toks[0].Upper != unicode.IsUpper(r) || !toks[0].Cyr || toks[1].Upper {
			t.Errorf("U+%04X %c: upper %v cyr %v, second upper %v", r, r, toks[0].Upper, toks[0].Cyr, toks[1].Upper)
		}
	}
}
