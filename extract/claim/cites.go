package claim

import (
	"strconv"
	"strings"
)

// Cite is an earlier message a document names: "Your telegram of 8
// September has reached us" (a reply to it), "my telegram of 30 January",
// "In addition to my No 2390". Kind is the message noun ("telegram",
// "letter"), Date ISO 8601 (YYYY-MM-DD or YYYY-MM) where given, Number the
// message's number where given, Author who sent it (the addressee for
// "your", the writer for "my"), Reply whether the document answers it.
type Cite struct {
	Reply               bool
	Kind, Date, Number  string
	Author              Ref
	Version, Start, End int
	Text                string // the words that name it: "Your telegram of 8 September"
}

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
	"apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// ruMonth reads a Russian month name in the genitive ("января").
func ruMonth(w string) int {
	for i, s := range []string{"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"} {
		if strings.HasPrefix(w, s) && (s != "ма" || w == "мая" || w == "май") {
			return i + 1
		}
	}
	return 0
}

func isMessageNoun(w string) bool {
	return messageNouns[w] || hasStem(w, "телеграм", "письм", "записк", "сообщени", "донесени", "шифровк")
}

// cites reads the messages a sentence names by their owner, kind, number
// or date.
func (x *extractor) cites(ts []tok, sp span) {
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.pron != 1 && t.pron != 2 || !t.poss || t.refs == nil {
			continue
		}
		j := i + 1
		kind := ""
		if j < len(ts) && isMessageNoun(ts[j].w) {
			kind = ts[j].w
			j++
		}
		num, date := "", ""
		end := j
		for k := j; k < len(ts) && k <= j+6; k++ {
			w := ts[k].w
			switch {
			case (w == "no" || w == "nos" || w == "№" || w == "number") && k+1 < len(ts):
				n := k + 1
				if ts[n].w == "." {
					n++
				}
				if n < len(ts) && isDigits(strings.TrimLeft(ts[n].w, "0")+"0") && num == "" {
					num, end, k = ts[n].w, n+1, n
				}
			case (w == "of" || w == "dated" || w == "from" || w == "от") && k+2 < len(ts) && isDigits(ts[k+1].w) && date == "":
				if d, n := x.dateAt(ts, k+1); d != "" {
					date, end, k = d, n, n-1
				}
			case w == "," || ts[k].is(cNounStop) && w != "from" && w != "of":
				k = len(ts)
			}
		}
		if kind == "" && num == "" || num == "" && date == "" {
			continue
		}
		if kind == "" {
			kind = "message"
		}
		c := Cite{Kind: singularKind(kind), Date: date, Number: num, Author: t.refs[0], Version: x.vi,
			Start: ts[i].s, End: ts[end-1].e, Text: string(x.r[ts[i].s:ts[end-1].e])}
		c.Reply = t.pron == 2 && replyWords(ts)
		if x.hasCite(c) {
			continue
		}
		x.res.Cites = append(x.res.Cites, c)
		i = end - 1
	}
}

func (x *extractor) hasCite(c Cite) bool {
	for k, o := range x.res.Cites {
		if o.Author == c.Author && o.Date == c.Date && o.Number == c.Number {
			if c.Reply && !o.Reply {
				x.res.Cites[k].Reply = true
			}
			return true
		}
	}
	return false
}

// replyWords: the sentence says the message came and is answered.
func replyWords(ts []tok) bool {
	for _, t := range ts {
		switch t.w {
		case "reached", "received", "receipt", "reply", "answer", "thank", "thanks", "got":
			return true
		}
		if hasStem(t.w, "получил", "получен", "получи", "ответ", "благодар") {
			return true
		}
	}
	return false
}

func singularKind(w string) string {
	switch {
	case hasStem(w, "телеграм"):
		return "telegram"
	case hasStem(w, "письм"):
		return "letter"
	case hasStem(w, "записк"):
		return "note"
	case hasStem(w, "сообщени", "донесени", "шифровк"):
		return "message"
	}
	return strings.TrimSuffix(w, "s")
}

// dateAt reads "8 September", "12 March 1954", "31 января" at ts[i]; the
// year, where not given, is the document's, or the year before for a month
// after the document's.
func (x *extractor) dateAt(ts []tok, i int) (string, int) {
	day, err := strconv.Atoi(ts[i].w)
	if err != nil || day < 1 || day > 31 || i+1 >= len(ts) {
		return "", 0
	}
	m := months[ts[i+1].w]
	if m == 0 {
		m = ruMonth(ts[i+1].w)
	}
	if m == 0 {
		return "", 0
	}
	end := i + 2
	year := 0
	if end < len(ts) && len(ts[end].w) == 4 && isDigits(ts[end].w) {
		year, _ = strconv.Atoi(ts[end].w)
		end++
		if end < len(ts) && (ts[end].w == "г" || ts[end].w == "года") {
			end++
		}
	} else if len(x.d.Date) >= 7 {
		year, _ = strconv.Atoi(x.d.Date[:4])
		dm, _ := strconv.Atoi(x.d.Date[5:7])
		if m > dm {
			year--
		}
	}
	if year == 0 {
		return "", 0
	}
	return strconv.Itoa(year) + "-" + two(m) + "-" + two(day), end
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// dateIn finds the date a sentence gives its event: "on 24 October",
// "24 October 1956", "in April 1950".
func (x *extractor) dateIn(sp span) string {
	si := -1
	for k, s := range x.sents {
		if s == sp {
			si = k
			break
		}
	}
	if si < 0 {
		return ""
	}
	ts := x.toks[si]
	for i := 0; i+1 < len(ts); i++ {
		if isDigits(ts[i].w) {
			if d, _ := x.dateAt(ts, i); d != "" {
				return d
			}
		}
		if m := months[ts[i].w]; m > 0 && i > 0 && (ts[i-1].w == "in" || ts[i-1].w == "of") && len(ts[i].w) > 3 {
			if len(ts[i+1].w) == 4 && isDigits(ts[i+1].w) {
				return ts[i+1].w + "-" + two(m)
			}
		}
	}
	return ""
}
