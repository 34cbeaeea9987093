package claim

import (
	"strings"
	"unicode"
)

func (c *Claim) hasEvidenceIn(vi int) bool {
	for _, a := range c.Aligned {
		if a.Version == vi {
			return true
		}
	}
	return false
}

// align gives each claim read in a translation the sentence of the
// original that says the same, where the original's own reading did not
// find the claim: the original's sentence that shares the most entities and
// numbers with the evidence, near the same place in the text.
func (x *extractor) align() {
	orig := -1
	for i, v := range x.d.Versions {
		if v.Role == "original" && v.Lang != "en" {
			orig = i
			break
		}
	}
	if orig < 0 || len(x.res.Claims) == 0 {
		return
	}
	need := false
	for _, c := range x.res.Claims {
		if c.Version != orig && !c.hasEvidenceIn(orig) && x.d.Versions[c.Version].Lang != x.d.Versions[orig].Lang {
			need = true
		}
	}
	if !need {
		return
	}
	type sent struct {
		sp    span
		names map[string]bool
		nums  map[string]bool
		pos   float64
	}
	read := func(vi int, buf *[]rune) ([]rune, []sent) {
		r := (*buf)[:0] // the code points in a buffer of the pool: evidence copies what it keeps
		for _, c := range x.d.Versions[vi].Text {
			r = append(r, c)
		}
		*buf = r
		ss := sentences(r)
		out := make([]sent, len(ss))
		for k, s := range ss {
			out[k] = sent{sp: s, nums: numbers(r[s.s:s.e]), pos: float64(s.s) / float64(max(1, len(r)))}
		}
		for _, m := range x.d.Mentions {
			if m.Version != vi {
				continue
			}
			for k := range out {
				if m.Start >= out[k].sp.s && m.End <= out[k].sp.e {
					if out[k].names == nil {
						out[k].names = map[string]bool{} // made for the sentences that name someone
					}
					out[k].names[m.Name] = true
					break
				}
			}
		}
		return r, out
	}
	or, os := read(orig, &x.buf.alignOrig)
	cache := map[int][]sent{}
	for ci := range x.res.Claims {
		c := &x.res.Claims[ci]
		if c.Version == orig || c.hasEvidenceIn(orig) || x.d.Versions[c.Version].Lang == x.d.Versions[orig].Lang {
			continue
		}
		ts, ok := cache[c.Version]
		if !ok {
			_, ts = read(c.Version, &x.buf.alignOther)
			cache[c.Version] = ts
		}
		var ev *sent
		for k := range ts {
			if ts[k].sp.s == c.Start {
				ev = &ts[k]
				break
			}
		}
		if ev == nil || len(ev.names)+len(ev.nums) == 0 {
			continue
		}
		best, bestScore := -1, 0.0
		for k, s := range os {
			score := 0.0
			for n := range ev.names {
				if s.names[n] {
					score += 2
				}
			}
			for n := range ev.nums {
				if s.nums[n] {
					score++
				}
			}
			if score == 0 {
				continue
			}
			d := s.pos - ev.pos
			if d < 0 {
				d = -d
			}
			score -= 4 * d
			if score > bestScore {
				best, bestScore = k, score
			}
		}
		if best < 0 || bestScore < 1.5 {
			continue
		}
		s := os[best].sp
		c.Aligned = append(c.Aligned, Evidence{orig, s.s, s.e, string(or[s.s:s.e])})
	}
}

// numbers are the figures a sentence states ("20%", "3,000", "2-3"); nil
// when it states none.
func numbers(r []rune) map[string]bool {
	var out map[string]bool
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			if out == nil {
				out = map[string]bool{}
			}
			out[b.String()] = true
			b.Reset()
		}
	}
	for _, c := range r {
		switch {
		case unicode.IsDigit(c):
			b.WriteRune(c)
		case c == ',' || c == ' ' && b.Len() > 0 && false:
		default:
			flush()
		}
	}
	flush()
	return out
}
