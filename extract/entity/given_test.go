package entity

import (
	"testing"

	"github.com/docgraph/docgraph/vocab"
)

// TestGivenNameAgrees: a given name written in full agrees with a gazetteer
// person's when it is a spelling of one the gazetteer writes (romanisations
// trade ph/f, kh/ch/h, w/v, x/ks, c/k, z/s), and contradicts it otherwise,
// even when the first letters fold alike.
func TestGivenNameAgrees(t *testing.T) {
	g, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		person, given string
		want          bool
	}{
		{"Jeane Kirkpatrick", "Ivone", false},
		{"Jeane Kirkpatrick", "Jeane", true},
		{"Jeane Kirkpatrick", "J.", true},
		{"Joseph Stalin", "Iosif", true},
		{"Joseph Stalin", "Józef", true},
		{"Joseph Stalin", "Josef", true},
		{"Mikhail Gorbachev", "Michail", true},
		{"Mikhail Gorbachev", "Michał", true},
		{"John F. Kennedy", "Robert", false},
		{"Andrei Gromyko", "Andrzej", true},
	} {
		e := g.Lookup(c.person)
		if e == nil {
			t.Fatalf("%s is not in the gazetteer", c.person)
		}
		if got := GivenNameAgrees(e, c.given); got != c.want {
			t.Errorf("GivenNameAgrees(%s, %q) = %v, want %v", c.person, c.given, got, c.want)
		}
	}
}
