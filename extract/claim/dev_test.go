package claim

import (
	"fmt"
	"strings"
	"testing"
)

// gazIndex maps every folded label to its canonical name.
func gazIndex(g []gazEntry) map[string]string {
	m := map[string]string{}
	for _, e := range g {
		for _, l := range e.labels {
			if _, ok := m[normName(l)]; !ok {
				m[normName(l)] = e.name
			}
		}
	}
	return m
}

type scoreCounts struct{ tp, fp, fn int }

// scoreDev compares the claims found in the dev documents with the gold:
// names match through the gazetteer, proposals through their labels, and
// "meets" and "allied_with" in either direction.
func scoreDev(t testing.TB, verbose bool) scoreCounts {
	docs, g := loadDev(t)
	idx := gazIndex(g)
	canon := func(n string) string {
		if c, ok := idx[normName(n)]; ok {
			return normName(c)
		}
		return normName(n)
	}
	var sc scoreCounts
	for _, dd := range docs {
		res := Extract(dd.doc)
		labels := map[string][]string{}
		for _, e := range res.Entities {
			labels[e.Name] = e.Labels
		}
		names := func(r Ref) map[string]bool {
			out := map[string]bool{canon(r.Name): true}
			for _, l := range labels[r.Name] {
				out[normName(l)] = true
			}
			return out
		}
		used := make([]bool, len(res.Claims))
		var report []string
		for _, gc := range dd.gold.Claims {
			found := false
			for k, c := range res.Claims {
				if used[k] || c.Relation != gc.Relation {
					continue
				}
				s, o := names(c.Subject), names(c.Object)
				gs, gob := canon(gc.Subject), canon(gc.Object)
				ok := s[gs] && o[gob]
				if !ok && (c.Relation == "meets" || c.Relation == "allied_with") {
					ok = s[gob] && o[gs]
				}
				if ok {
					used[k], found = true, true
					break
				}
			}
			if found {
				sc.tp++
			} else {
				sc.fn++
				report = append(report, fmt.Sprintf("  MISS  %s %s %s", gc.Subject, gc.Relation, gc.Object))
			}
		}
		for k, c := range res.Claims {
			if !used[k] {
				sc.fp++
				report = append(report, fmt.Sprintf("  FALSE %s %s %s  [%.2f] %q", c.Subject.Name, c.Relation, c.Object.Name, c.Confidence, c.Evidence))
			}
		}
		if verbose && len(report) > 0 {
			t.Logf("%s\n%s", dd.name, strings.Join(report, "\n"))
		}
	}
	return sc
}

// TestDevClaims scores the claims of the dev documents against their gold,
// with mentions placed from the gazetteer's English names.
func TestDevClaims(t *testing.T) {
	sc := scoreDev(t, testing.Verbose())
	p := float64(sc.tp) / float64(max(1, sc.tp+sc.fp))
	r := float64(sc.tp) / float64(max(1, sc.tp+sc.fn))
	t.Logf("claims: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", sc.tp, sc.fp, sc.fn, p, r)
	if p < 0.85 || r < 0.70 {
		t.Errorf("claims on the dev corpus (gazetteer mentions): precision %.3f (want >= 0.85), recall %.3f (want >= 0.70)", p, r)
	}
}
