package extract

import "testing"

// TestNormKeyASCII checks names in ASCII keyed as the same names with an
// accented letter are: lower-cased letters and digits, nothing else.
func TestNormKeyASCII(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"V.M. Molotov's", "vmmolotovs"},
		{"Kim Il-sung", "kimilsung"},
		{"Resolution No. 1023", "resolutionno1023"},
		{"V.M. Mólotov's", "vmmólotovs"},
		{"Вышинский А.Я.", "вышинскийая"},
	} {
		if got := normKey(c.in); got != c.want {
			t.Errorf("normKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
