package extract

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/vocab"
)

// A conversation between delegations "led by" someone is a conversation of
// their leaders; the bodies in the delegations' names are mentioned, and no
// delegation becomes an organisation.
func TestDelegationLedBy(t *testing.T) {
	text := "June 3, 1965\n\nMinutes of Conversation between the Delegation of the Bulgarian Communist Party Led by Todor Zhivkov and the Delegation of the Communist Party of Czechoslovakia Headed by Antonín Novotný\n\n" +
		"The two sides discussed trade in the coming year.\n"
	r, err := Extract("talks.txt", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.Entities {
		if e.Class == vocab.ClassOrganization && strings.Contains(strings.ToLower(e.Name), "delegation") {
			t.Errorf("a delegation as an organisation: %q", e.Name)
		}
	}
	for _, n := range []string{"Bulgarian Communist Party", "Communist Party of Czechoslovakia"} {
		if findEntity(r, n) == nil {
			t.Errorf("no %s", n)
		}
	}
	for _, n := range []string{"Todor Zhivkov", "Antonín Novotný"} {
		if e := findEntity(r, n); e == nil || e.Class != vocab.ClassPerson {
			t.Errorf("no person %s", n)
		}
	}
}
