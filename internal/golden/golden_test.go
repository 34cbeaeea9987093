package golden

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	if d := Diff("a\nb\n", "a\nb\n"); d != "" {
		t.Errorf("Diff of equal texts = %q, want empty", d)
	}
	d := Diff("one\ntwo\nthree\n", "one\n2\nthree\n")
	want := "  one\n- two\n+ 2\n  three\n"
	if d != want {
		t.Errorf("Diff =\n%s\nwant\n%s", d, want)
	}
	long := strings.Repeat("same\n", 20)
	d = Diff(long+"old\n", long+"new\n")
	if !strings.Contains(d, "unchanged lines") || !strings.Contains(d, "- old") || !strings.Contains(d, "+ new") {
		t.Errorf("Diff of a long text does not elide or misses the change:\n%s", d)
	}
}
