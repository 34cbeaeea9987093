// Package title reads the grammar of archival record titles: the kind of
// record ("Ciphered Telegram No. 25553", "Hand-delivered letter", "Minutes
// of Conversation between …"), who wrote it, to whom, through whom ("via
// X", "for Cde. Y"), what it conveys, and the editors' bracketed hints that
// give the real name behind a pseudonym ("Filippov (Stalin)", "Feng Xi
// [Stalin]"). It knows no names: the caller resolves the parties. It imports
// only the standard library.
//
// Grammar (informally):
//
//	title   = [kind ","] parties {"," extra} | kind ("from" parties | "between" names) {"," extra}
//	parties = names "to" names
//	names   = name {("and" | ",") name}
//	name    = words ["(" hint ")" | "[" hint "]"]
//	hint    = text {";" text} | "via" names
//	extra   = "for" names | "via" names | "conveying" text | "transmitting" text
package title

import (
	"strings"
	"unicode"
)

// Kinds a title can announce (the gold schema's document types).
const (
	Letter       = "letter"
	Telegram     = "telegram"
	Cable        = "cable"
	Conversation = "conversation"
	Report       = "report"
	Note         = "note"
	Memorandum   = "memorandum"
	Resolution   = "resolution"
	Directive    = "directive"
	Speech       = "speech"
	Other        = "other"
)

// Party is a name as a title writes it: Text without brackets, Hints the
// bracketed or parenthesised notes after it ("Stalin"; "FYN SI", "Stalin").
// Offset is the byte offset of Text in the title.
type Party struct {
	Text   string
	Hints  []string
	Offset int
}

// Title is what a title says.
type Title struct {
	Kind     string // one of the kind constants, "" when the title names none
	KindText string // the words that gave the kind ("Ciphered Telegram")
	Number   string // "No. 8600" -> "8600"
	Authors  []Party
	// Recipients are the addressees; with "X to Y, for Z", Z is the
	// recipient and Y an intermediary.
	Recipients   []Party
	Via          []Party
	Participants []Party // of a conversation ("between X and Y")
	Conveys      string  // what a covering note conveys ("telegram From Mao Zedong to Zhou Enlai")
	ConveysFrom  []Party
	ConveysTo    []Party
}

// kindWords maps words (lower case) that name a kind, longest first in
// matching order.
var kindPhrases = []struct{ phrase, kind string }{
	{"memorandum of conversation", Conversation},
	{"minutes of conversation", Conversation},
	{"minutes of a conversation", Conversation},
	{"record of conversation", Conversation},
	{"record of a conversation", Conversation},
	{"record of talks", Conversation},
	{"record of the talks", Conversation},
	{"record of a meeting", Conversation},
	{"minutes of meeting", Conversation},
	{"transcript of conversation", Conversation},
	{"notes of conversation", Conversation},
	{"notes of a conversation", Conversation},
	{"record of meeting", Conversation},
	{"memorandum of a conversation", Conversation},
	{"protocol", Resolution},
	{"minutes of the meeting", Resolution},
	{"telegrams", Telegram},
	{"letters", Letter},
	{"notes", Note},
	{"conversation", Conversation},
	{"talks", Conversation},
	{"telegram", Telegram},
	{"telegramme", Telegram},
	{"cable", Cable},
	{"cablegram", Cable},
	{"letter", Letter},
	{"message", Letter},
	{"report", Report},
	{"memorandum", Memorandum},
	{"memo", Memorandum},
	{"note", Note},
	{"resolution", Resolution},
	{"decision", Resolution},
	{"decree", Resolution},
	{"directive", Directive},
	{"instructions", Directive},
	{"instruction", Directive},
	{"order", Directive},
	{"speech", Speech},
	{"address", Speech},
	{"remarks", Speech},
	{"statement", Other},
	{"minutes", Conversation},
}

// Kind returns the kind a phrase names ("Ciphered Telegram No. 709" ->
// telegram), or "".
func Kind(phrase string) string {
	low := asciiLower(phrase)
	best, bestAt := "", len(low)+1
	for _, k := range kindPhrases {
		i := indexWord(low, k.phrase)
		if i >= 0 && i < bestAt {
			best, bestAt = k.kind, i
		}
	}
	return best
}

func indexWord(s, w string) int {
	from := 0
	for {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		if (i == 0 || !isLetter(s[i-1])) && (i+len(w) == len(s) || !isLetter(s[i+len(w)])) {
			return i
		}
		from = i + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' }

// Parse reads a title.
func Parse(s string) Title {
	var t Title
	segs := splitTop(s, ',')
	parties := -1
	for i, sg := range segs {
		txt := s[sg.i:sg.j]
		low := asciiLower(strings.TrimSpace(txt))
		if i == 0 {
			if k := Kind(txt); k != "" && (!hasTopWord(txt, " to ") || strings.Contains(low, " from ") ||
				strings.Contains(low, " between ") || kindOnly(txt[:topIndex(txt, " to ")])) {
				t.Kind = k
				if j := leadKindEnd(txt); j >= 0 {
					t.KindText = strings.TrimSpace(txt[:j])
				} else {
					t.KindText = strings.TrimSpace(txt)
				}
				t.Number = number(txt)
				if !t.parseKindSegment(s, sg) {
					continue
				}
				parties = i
				continue
			}
		}
		if parties < 0 && hasTopWord(txt, " to ") {
			t.parseParties(s, sg.i, sg.j)
			parties = i
			continue
		}
		if parties < 0 {
			continue
		}
		// extras
		trim := strings.TrimSpace(txt)
		off := sg.i + strings.Index(txt, trim)
		switch w := firstWord(trim); w {
		case "for":
			// "X to Y, for Z": Z is the addressee, Y the channel
			t.Via = append(t.Via, t.Recipients...)
			t.Recipients = names(s, off+len(w)+1, off+len(trim))
		case "via", "through":
			t.Via = append(t.Via, names(s, off+len(w)+1, off+len(trim))...)
		case "conveying", "transmitting", "forwarding", "enclosing", "with":
			t.Conveys = strings.TrimSpace(trim[len(w):])
			t.parseConveyed(s, off+len(w), off+len(trim))
		}
	}
	if t.Kind == "" && len(t.Authors) > 0 && len(t.Recipients) > 0 {
		t.Kind = Letter // "X to Y" with no kind is a letter
	}
	return t
}

// kindOnly reports whether s is nothing but a kind phrase ("Directive",
// "Ciphered telegram No. 5"), not a name.
func kindOnly(s string) bool {
	k := Kind(s)
	if k == "" {
		return false
	}
	for _, w := range strings.Fields(s) {
		lw := asciiLower(strings.Trim(w, ".,"))
		if Kind(lw) != "" || lw == "no" || lw == "ciphered" || lw == "hand-delivered" || lw == "urgent" || lw == "secret" ||
			strings.IndexFunc(lw, unicode.IsDigit) >= 0 || w == asciiLower(w) {
			continue
		}
		return false
	}
	return true
}

// parseKindSegment reads "Letter from X to Y (via Z)" or "Minutes of
// Conversation between X and Y" in the first segment; it reports whether
// parties were found there.
func (t *Title) parseKindSegment(s string, sg span) bool {
	txt := s[sg.i:sg.j]
	low := asciiLower(txt)
	if i := indexWord(low, "between"); i >= 0 {
		t.Participants = names(s, sg.i+i+len("between"), sg.j)
		return true
	}
	if i := indexWord(low, "from"); i >= 0 {
		if Kind(txt[:i]) == "" {
			return false // "Excerpt from Protocol No. 82 …": the kind follows, no parties
		}
		t.parseParties(s, sg.i+i+len("from"), sg.j)
		return true
	}
	if i := indexWord(low, "to"); i >= 0 && hasTopWord(txt, " to ") {
		// "Telegram to Mao Zedong"
		t.Recipients = names(s, sg.i+i+2, sg.j)
		return true
	}
	return false
}

func (t *Title) parseConveyed(s string, i, j int) {
	low := asciiLower(s[i:j])
	if f := indexWord(low, "from"); f >= 0 {
		rest := s[i+f+4 : j]
		if k := topIndex(rest, " to "); k >= 0 {
			t.ConveysFrom = names(s, i+f+4, i+f+4+k)
			t.ConveysTo = names(s, i+f+4+k+4, j)
		} else {
			t.ConveysFrom = names(s, i+f+4, j)
		}
	}
}

func (t *Title) parseParties(s string, i, j int) {
	k := topIndex(s[i:j], " to ")
	if k < 0 {
		t.Authors = names(s, i, j)
		return
	}
	t.Authors = names(s, i, i+k)
	rec := names(s, i+k+4, j)
	for _, p := range rec {
		var keep []string
		for _, h := range p.Hints {
			if w := firstWord(h); w == "via" || w == "through" {
				for _, v := range names(h, len(w)+1, len(h)) {
					v.Offset = p.Offset // hints keep no place of their own
					t.Via = append(t.Via, v)
				}
				continue
			}
			keep = append(keep, h)
		}
		p.Hints = keep
		if p.Text != "" {
			t.Recipients = append(t.Recipients, p)
		}
	}
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return asciiLower(s[:i])
	}
	return asciiLower(s)
}

// leadKindEnd returns where a "Letter from …" kind phrase ends, or -1.
func leadKindEnd(txt string) int {
	low := asciiLower(txt)
	best := -1
	for _, w := range []string{"from", "between", "to"} {
		if i := indexWord(low, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func number(txt string) string {
	low := asciiLower(txt)
	for _, p := range []string{"no. ", "no.", "№ ", "№", "number "} {
		if i := strings.Index(low, p); i >= 0 {
			rest := strings.TrimSpace(txt[i+len(p):])
			end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
			if end < 0 {
				end = len(rest)
			}
			return rest[:end]
		}
	}
	return ""
}

// names reads a list of names in s[i:j], split at top-level " and " and
// commas, each with its bracketed hints.
func names(s string, i, j int) []Party {
	if i < 0 || j > len(s) || i >= j {
		return nil
	}
	var out []Party
	for _, sg := range splitTop(s[i:j], ',') {
		part := s[i+sg.i : i+sg.j]
		from := 0
		for {
			k := topIndex(part[from:], " and ")
			end := len(part)
			if k >= 0 {
				end = from + k
			}
			if p, ok := party(s, i+sg.i+from, i+sg.i+end); ok {
				out = append(out, p)
			}
			if k < 0 {
				break
			}
			from = end + 5
		}
	}
	return out
}

// party reads one name with its hints from s[i:j].
func party(s string, i, j int) (Party, bool) {
	txt := s[i:j]
	var p Party
	var sb strings.Builder
	depth := 0
	hintStart := -1
	textStart := -1
	for k, r := range txt {
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				hintStart = k + 1
			}
			depth++
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
				if depth == 0 && hintStart >= 0 {
					for _, h := range strings.Split(txt[hintStart:k], ";") {
						if h = strings.TrimSpace(h); h != "" {
							p.Hints = append(p.Hints, h)
						}
					}
					hintStart = -1
				}
			}
		case depth == 0:
			if textStart < 0 && !unicode.IsSpace(r) {
				textStart = k
			}
			sb.WriteRune(r)
		}
	}
	p.Text = strings.Join(strings.Fields(sb.String()), " ")
	p.Text = strings.TrimRight(p.Text, ".:;")
	if textStart >= 0 {
		p.Offset = i + textStart
	}
	return p, p.Text != "" || len(p.Hints) > 0
}

type span struct{ i, j int }

// splitTop splits s at sep outside brackets.
func splitTop(s string, sep byte) []span {
	var out []span
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, span{from, i})
				from = i + 1
			}
		}
	}
	return append(out, span{from, len(s)})
}

// topIndex finds w in s outside brackets, ignoring case.
func topIndex(s, w string) int {
	low := asciiLower(s)
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
		if depth == 0 && strings.HasPrefix(low[i:], w) {
			return i
		}
	}
	return -1
}

func hasTopWord(s, w string) bool { return topIndex(s, w) >= 0 }

// asciiLower lower-cases ASCII letters only, so that byte offsets in the
// result are offsets in s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
