package document

import (
	"strings"
	"testing"
)

// appendLower lower-cases as strings.ToLower does, for ASCII, other
// scripts, letters whose lower case is shorter and invalid UTF-8.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "Translated by Hope Harrison", "ОРИГИНАЛ Перевод", "İSTANBUL \u212Aelvin",
		"Page 2 of 5", "bad \xff\xfe bytes Ä", "ÀÉÎ Ωmega \u2126", "Ёж ЯЗЫК Ѐ Ѝ Ђ Ӂ й Ё Z"} {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// appendLower of every code point to U+3000 after a non-ASCII letter
// (its slow path) is strings.ToLower's.
func TestAppendLowerEveryRune(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		s := "é" + string(r) + "Q"
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// translatedBy's first-letter test keeps every translator line it read.
func TestTranslatedByForms(t *testing.T) {
	for _, s := range []string{"Translated by A. Smith", "[TRANSLATION BY B. Jones]", "(translated for CWIHP by C. Lee.)",
		"English Translation by D. Ray"} {
		if got := translatedBy(s); len(got) != 1 {
			t.Errorf("translatedBy(%q) = %q, want one name", s, got)
		}
	}
	if got := translatedBy("The ambassador translated by hand"); got != nil {
		t.Errorf("translatedBy of prose = %q", got)
	}
}

// lowerHead begins as strings.ToLower does, long enough for any prefix of
// n bytes, whatever the text's script and the byte lengths of its case
// pairs.
func TestLowerHead(t *testing.T) {
	long := strings.Repeat("İ\u212AȺ Дo ", 20)
	for _, s := range []string{"", "Do Wiadomości: tow. S. Kania", "К СВЕДЕНИЮ: тов. Громыко", long, "(ПОДПИСЬ) А. Громыко",
		"bad \xff\xfe bytes " + long} {
		for _, n := range []int{1, 5, 16, 22} {
			got, want := lowerHead(s, n), strings.ToLower(s)
			if !strings.HasPrefix(want, got) || len(got) < min(n, len(want)) {
				t.Errorf("lowerHead(%q, %d) = %q, not a beginning of %q of %d bytes or more", s, n, got, want, n)
			}
		}
	}
}
