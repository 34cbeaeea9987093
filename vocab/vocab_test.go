package vocab

import (
	"strings"
	"testing"
)

func TestSPARQLPrefixes(t *testing.T) {
	if got, want := SPARQLPrefixes("dg", "rdfs"), "PREFIX rdfs: <"+RDFS+">\nPREFIX dg: <"+DG+">\n"; got != want {
		t.Errorf("SPARQLPrefixes(dg, rdfs) = %q, want %q (the table's order)", got, want)
	}
	all := SPARQLPrefixes()
	if n := strings.Count(all, "PREFIX "); n != len(Prefixes) {
		t.Errorf("SPARQLPrefixes() declares %d prefixes, want all %d", n, len(Prefixes))
	}
}
