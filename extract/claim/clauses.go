package claim

// The clause a verb of proposing or asking governs: "proposed instead
// that such questions be referred to the committee", "I again recommend
// that we open a channel", "we propose to you, as we have proposed to the
// Soviet comrades, that the polemics be stopped".

// thatAdverbs may stand between such a verb and its "that".
var thatAdverbs = set("instead", "also", "further", "furthermore", "again", "therefore", "now", "formally",
	"strongly", "urgently", "firmly", "then", "moreover", "however", "accordingly", "thus", "earnestly",
	"respectfully", "personally", "once", "more", "officially", "expressly", "insistently")

// thatAfter returns the index of the "that" the verb at ts[i] governs,
// past adverbs and the one addressed ("to you", "to the Soviet side"),
// with a comparison set off by commas (", as we did in Moscow,"); -1
// where the verb governs no "that".
func thatAfter(ts []tok, i int) int {
	j := i + 1
	for j < len(ts) && j <= i+4 && (thatAdverbs[ts[j].w] || ts[j].w == "," && j+1 < len(ts) && thatAdverbs[ts[j+1].w] || ts[j].w == "," && j > i+1 && thatAdverbs[ts[j-1].w]) {
		j++
	}
	if j < len(ts) && ts[j].w == "that" {
		return j
	}
	if j+1 >= len(ts) || ts[j].w != "to" || !stemIn(ts[i].w, "propos", "suggest") {
		return -1 // ("would recommend to Washington that": what one means to do)
	}
	k := j + 1
	for k < len(ts) && k <= j+4 && !ts[k].punct && (ts[k].refs != nil && ts[k].prop == 0 || ts[k].w == "the" || ts[k].is(cGroupNouns)) {
		k++
	}
	if k == j+1 {
		return -1 // "proposed to convene ...": an infinitive
	}
	if k+1 < len(ts) && ts[k].w == "," && ts[k+1].w == "as" {
		for m := k + 2; m < len(ts) && m <= k+12; m++ {
			if ts[m].w == "," {
				k = m + 1
				break
			}
		}
	}
	if k < len(ts) && ts[k].w == "that" {
		return k
	}
	return -1
}

// clauseList reports whether the clause after "that" (ts[th]) introduces
// a list ("I recommend that you tell Dobrynin three things:"), and if so
// makes each item a proposal of subj: the clause itself names none.
func (x *extractor) clauseList(ts []tok, th int, subj []Ref, si int) bool {
	if len(ts) == 0 || ts[len(ts)-1].w != ":" || len(ts)-th > 14 {
		return false
	}
	return x.proposeItems(subj, si)
}
