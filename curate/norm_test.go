package curate

import (
	"strings"
	"testing"
)

// normSpace's shortcut for text already normal gives what the general
// rule gives, on every kind of white space and where it stands.
func TestNormSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a b", "a b ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u3000b",
		"Zhou Enlai said", "Zhou  Enlai", "\nZhou", "Чжоу Эньлай", "Чжоу\u2003Эньлай ", "x y z w"} {
		if got, want := normSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("normSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
