package claim

import (
	"strings"
	"testing"
)

// A memorandum's recommendations: "I recommend:" or "Recommendations:"
// and the lettered items under it ("a. that ...", "(b) that ...", "c)
// that ..."), each a proposal of the writer with the item's words.
func TestLetteredRecommendations(t *testing.T) {
	for _, head := range []string{"4. In our view the outcome can still be changed. I therefore recommend:", "I propose:", "5. Recommendations:"} {
		for _, style := range []string{"a. ", "(a) ", "a) "} {
			lab := func(c string) string { return strings.Replace(style, "a", c, 1) }
			text := "MEMORANDUM FOR THE MINISTER\n\n3. The Burundian government has asked for credits again.\n\n" + head + "\n\n" +
				lab("a") + "that the Ministry send a firm note to Burundi rejecting its charges;\n" +
				lab("b") + "that interim grain shipments to Laos be speeded up and publicized;\n" +
				lab("c") + "that our embassy in Laos, when asked, say only that we welcome the cease-fire.\n\nFerenc Szabó"
			d := doc("memorandum", []string{szabo.Name}, []string{kovacs.Name}, text, map[string]Ref{"Ferenc Szabó": szabo, "Burundi": burundi, "Burundian": burundi, "Laos": laos})
			res := Extract(d)
			var got []string
			for _, c := range res.Claims {
				if c.Subject == szabo && c.Relation == "proposes" {
					got = append(got, c.Object.Name)
				}
			}
			if len(got) != 3 {
				t.Errorf("%q / %q: want three proposals, got %q%s", head, style, got, dump(res))
				continue
			}
			if !strings.Contains(got[1], "grain shipments") || strings.HasPrefix(strings.ToLower(got[0]), "that") || !strings.Contains(got[2], "say only") {
				t.Errorf("%q / %q: items misnamed: %q", head, style, got)
			}
		}
	}
}

// An item that states what is ("1. The United States cannot treat this as
// a local matter.") is no course proposed; the items that say what to do
// are.
func TestListItemThatStatesIsNoProposal(t *testing.T) {
	text := "I recommend that you tell the ambassador three things:\n\n1. Laos cannot treat the intervention as a local matter.\n\n" +
		"2. We are prepared to work for the withdrawal of all foreign forces from Laos.\n\n3. As a first step, the ministry should halt the airlift of arms.\n\nFerenc Szabó"
	d := doc("memorandum", []string{szabo.Name}, []string{kovacs.Name}, text, map[string]Ref{"Ferenc Szabó": szabo, "Laos": laos})
	res := Extract(d)
	n := 0
	for _, c := range res.Claims {
		if c.Relation == "proposes" {
			n++
			if strings.Contains(c.Evidence, "cannot treat") {
				t.Errorf("a statement read as a proposal: %+v", c)
			}
		}
	}
	if n != 2 {
		t.Errorf("want the two courses proposed, got %d:%s", n, dump(res))
	}
}
