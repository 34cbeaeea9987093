package rdfio

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The Turtle reader underneath has gaps this file closes by rewriting the
// document before it reads it, keeping every line break in place so that
// line numbers in errors stay right (columns may shift on lines where an
// IRI was resolved):
//
//   - relative IRIs are resolved here, per RFC 3986, against the base in
//     force (Options.Base, then each @base/BASE directive), and the base
//     directives are blanked out;
//   - blank node labels get a "u" prefix, which Decoder removes again, so
//     that they cannot meet the labels the reader invents for [] and
//     collections (b1, b2, ...);
//   - a ';' before ']' is blanked (allowed by Turtle, refused underneath);
//   - TriG documents are cut into their graph blocks, each read as Turtle
//     with the prefix directives in force.

// part is one piece of a prepared document, read by one Turtle reader.
type part struct {
	text  []byte
	label string // TriG graph label as written; "" for the default graph
	dirs  string // prefix directives in force, on one line (TriG labels)
}

// prepared is a rewritten Turtle or TriG document.
type prepared struct {
	parts      []part
	anonPrefix string // blank node labels for [] start with this
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c == '.' || c == ':' || c == '%' || c == '\\' || c >= utf8.RuneSelf
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// blank replaces bytes with spaces, keeping line breaks.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}

// wordAt reports whether src[i:] starts with the keyword w (case-insensitive)
// standing alone: preceded and followed by a non-name byte.
func wordAt(src []byte, i int, w string) bool {
	if i+len(w) > len(src) || !strings.EqualFold(string(src[i:i+len(w)]), w) {
		return false
	}
	if i > 0 && isNameByte(src[i-1]) {
		return false
	}
	return i+len(w) == len(src) || isSpace(src[i+len(w)]) || src[i+len(w)] == '<'
}

// prepare rewrites a Turtle (trig false) or TriG document.
func prepare(src []byte, base string, trig bool) (*prepared, error) {
	out := make([]byte, 0, len(src)+len(src)/16)
	var (
		semis      []int // out offsets of ';' that may precede ']'
		users      = map[string]bool{}
		dirs       strings.Builder // prefix directives so far, one line
		dirStart   = -1            // out offset of the directive being read
		dirIsAt    bool            // the directive is @prefix/@base (ends with '.')
		dirIsBase  bool
		dirSawIRI  bool
		blockSrc   int // src offset where the open block's body starts
		dirEnd     int // out offset just after the last directive
		inBlock    bool
		blockStart int
		labelStart int
		label      string
		p          = &prepared{}
		cuts       [][2]int // out ranges that belong to blocks
		lastCut    int      // end of the last block in out
		line, col  = 1, 1   // position of src[i]
		lastPos    = 0
	)
	posAt := func(i int) (int, int) {
		for ; lastPos < i; lastPos++ {
			if src[lastPos] == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		return line, col
	}
	fail := func(i int, format string, args ...any) (*prepared, error) {
		l, c := posAt(i)
		return nil, &Error{Line: l, Col: c, Msg: fmt.Sprintf(format, args...)}
	}
	endDirective := func() {
		if dirStart < 0 {
			return
		}
		text := out[dirStart:]
		if dirIsBase {
			blank(text)
		} else if n := bytes.Count(text, []byte("\n")); n > 0 {
			// The reader underneath wants a directive on one line.
			one := strings.Join(strings.Fields(string(text)), " ")
			out = append(append(out[:dirStart], one...), bytes.Repeat([]byte("\n"), n)...)
			text = out[dirStart : dirStart+len(one)]
		}
		if !dirIsBase {
			dirs.WriteString(strings.NewReplacer("\n", " ", "\r", " ").Replace(string(text)))
			if !dirIsAt {
				dirs.WriteString(" ")
			}
			dirs.WriteString(" ")
		}
		dirStart, dirEnd = -1, len(out)
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '#':
			j := i
			for j < len(src) && src[j] != '\n' && src[j] != '\r' {
				j++
			}
			out = append(out, bytes.Repeat([]byte{' '}, j-i)...)
			i = j
			continue
		case c == '<':
			j := i + 1
			for j < len(src) && src[j] != '>' && src[j] != '\n' {
				j++
			}
			if j >= len(src) || src[j] != '>' {
				return fail(i, "IRI without a closing '>'")
			}
			iri, err := unescapeIRI(string(src[i+1 : j]))
			if err != nil {
				return fail(i, "%v", err)
			}
			if _, abs := iriScheme(iri); !abs && base != "" {
				iri = resolveIRI(base, iri)
			}
			if dirStart >= 0 {
				dirSawIRI = true
				if dirIsBase {
					base = iri
				}
			}
			out = append(out, '<')
			out = append(out, iri...)
			out = append(out, '>')
			semis = semis[:0]
			i = j + 1
			if dirStart >= 0 && !dirIsAt {
				endDirective() // PREFIX p: <iri> and BASE <iri> end with the IRI
			}
			continue
		case c == '"' || c == '\'':
			j := i + 1
			long := i+2 < len(src) && src[i+1] == c && src[i+2] == c
			if long {
				j = i + 3
				for j < len(src) && !(src[j] == c && j+2 < len(src) && src[j+1] == c && src[j+2] == c) {
					if src[j] == '\\' {
						j++
					}
					j++
				}
				for j+3 < len(src) && src[j+3] == c {
					j++ // a long string may end with quotes before the closing three
				}
				j += 3
			} else {
				for j < len(src) && src[j] != c && src[j] != '\n' {
					if src[j] == '\\' {
						j++
					}
					j++
				}
				j++
			}
			j = min(j, len(src))
			if k, msg := badEscape(src[i:j]); msg != "" {
				return fail(i+k, "%s", msg)
			}
			out = append(out, src[i:j]...)
			semis = semis[:0]
			i = j
			continue
		case c == '_' && i+1 < len(src) && src[i+1] == ':' && (i == 0 || !isNameByte(src[i-1]) || src[i-1] == '.'):
			// After '.', a label is taken to start a statement; a local name
			// spelled "a._:b" would be misread, and none is known in use.
			j := i + 2
			for j < len(src) && isNameByte(src[j]) && src[j] != ':' {
				j++
			}
			for j > i+2 && src[j-1] == '.' {
				j--
			}
			if j == i+2 {
				return fail(i, "empty blank node label")
			}
			users[string(src[i+2:j])] = true
			out = append(out, "_:u"...)
			out = append(out, src[i+2:j]...)
			if j < len(src) && src[j] == ':' {
				out = append(out, ' ') // _:a:b is _:a then :b
			}
			semis = semis[:0]
			i = j
			continue
		case c == '\\' && i+1 < len(src):
			out = append(out, c, src[i+1])
			semis = semis[:0]
			i += 2
			continue
		case c == '@' && (wordAt(src, i+1, "prefix") || wordAt(src, i+1, "base")):
			if inBlock {
				return fail(i, "directive inside a graph block")
			}
			if !bytes.HasPrefix(src[i+1:], []byte("prefix")) && !bytes.HasPrefix(src[i+1:], []byte("base")) {
				return fail(i, "@prefix and @base are written in lower case")
			}
			dirStart, dirIsAt, dirIsBase, dirSawIRI = len(out), true, wordAt(src, i+1, "base"), false
		case (c == 'p' || c == 'P' || c == 'b' || c == 'B') && dirStart < 0 &&
			(wordAt(src, i, "prefix") || wordAt(src, i, "base")):
			if inBlock {
				return fail(i, "directive inside a graph block")
			}
			dirStart, dirIsAt, dirIsBase, dirSawIRI = len(out), false, wordAt(src, i, "base"), false
		case c == '.' && dirStart >= 0 && dirIsAt && dirSawIRI:
			out = append(out, c)
			i++
			endDirective()
			continue
		case c == ';':
			semis = append(semis, len(out))
		case c == ']':
			for _, k := range semis {
				out[k] = ' '
			}
			semis = semis[:0]
		case c == '{' && trig:
			if inBlock {
				return fail(i, "'{' inside a graph block")
			}
			var ok bool
			labelStart, label, ok = findLabel(out, max(dirEnd, lastCut))
			if !ok {
				return fail(i, "bad graph label before '{'")
			}
			inBlock = true
			out = append(out, ' ')
			blockStart, blockSrc = len(out), i+1
			i++
			continue
		case c == '}' && trig:
			if !inBlock {
				return fail(i, "'}' without a graph block")
			}
			body := append([]byte(nil), out[blockStart:]...)
			if t := bytes.TrimRight(body, " \t\r\n"); len(t) > 0 && t[len(t)-1] != '.' {
				body = append(body, " ."...) // the last triple of a block may omit its '.'
			}
			l, cl := posAt(blockSrc)
			p.parts = append(p.parts, part{text: padTo(dirs.String(), l, cl, body), label: label, dirs: dirs.String()})
			out = append(out, ' ')
			cuts = append(cuts, [2]int{labelStart, len(out)})
			lastCut = len(out)
			inBlock = false
			semis = semis[:0]
			i++
			continue
		case isSpace(c):
		default:
			semis = semis[:0]
		}
		out = append(out, c)
		i++
	}
	if inBlock {
		return fail(len(src), "graph block not closed with '}'")
	}
	for _, cut := range cuts {
		blank(out[cut[0]:cut[1]])
	}
	p.parts = append([]part{{text: out}}, p.parts...)
	p.anonPrefix = "genid"
	for taken := true; taken; {
		taken = false
		for u := range users {
			if strings.HasPrefix(u, p.anonPrefix) {
				p.anonPrefix += "x"
				taken = true
				break
			}
		}
	}
	return p, nil
}

// findLabel finds the graph label written before a '{' at the end of out:
// an IRI, a prefixed name, a blank node or [], optionally after GRAPH. It
// returns where the label (or GRAPH) starts and the label ("" for a default
// graph block); ok is false when what stands before '{' is no label.
func findLabel(out []byte, notBefore int) (start int, label string, ok bool) {
	end := len(out)
	for end > notBefore && isSpace(out[end-1]) {
		end--
	}
	if end <= notBefore || out[end-1] == '.' {
		return len(out), "", true // a default graph block
	}
	start = end
	switch out[end-1] {
	case '>':
		start = bytes.LastIndexByte(out[:end], '<')
	case ']':
		start = bytes.LastIndexByte(out[:end], '[')
		if start >= 0 && len(bytes.TrimSpace(out[start+1:end-1])) > 0 {
			return 0, "", false // only [] may name a graph
		}
	default:
		for start > notBefore && isNameByte(out[start-1]) {
			start--
		}
	}
	if start < notBefore || start == end {
		return 0, "", false
	}
	label = string(out[start:end])
	if strings.EqualFold(label, "graph") {
		return 0, "", false // GRAPH without a label
	}
	k := start
	for k > notBefore && isSpace(out[k-1]) {
		k--
	}
	if k-5 >= notBefore && strings.EqualFold(string(out[k-5:k]), "graph") && (k == 5 || !isNameByte(out[k-6])) {
		start = k - 5
	} else if k > notBefore && out[k-1] != '.' {
		return 0, "", false // something else stands before the label
	}
	return start, label, true
}

// badEscape checks the escapes of a quoted string token; it returns the
// offset and a message for the first bad one.
func badEscape(tok []byte) (int, string) {
	for k := 0; k < len(tok); k++ {
		if tok[k] != '\\' || k+1 >= len(tok) {
			continue
		}
		k++
		switch tok[k] {
		case 't', 'b', 'n', 'r', 'f', '"', '\'', '\\':
		case 'u', 'U':
			n := 4
			if tok[k] == 'U' {
				n = 8
			}
			if k+1+n > len(tok) {
				return k - 1, "short \\" + string(tok[k]) + " escape"
			}
			r, err := strconv.ParseUint(string(tok[k+1:k+1+n]), 16, 32)
			if err != nil || r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
				return k - 1, "bad \\" + string(tok[k]) + " escape " + string(tok[k+1:k+1+n])
			}
			k += n
		default:
			return k - 1, "unknown escape \\" + string(tok[k])
		}
	}
	return 0, ""
}

// padTo places body so that it starts at line l, column c, after the
// directives on the first line.
func padTo(dirs string, l, c int, body []byte) []byte {
	var b bytes.Buffer
	b.WriteString(dirs)
	if l > 1 {
		b.WriteString(strings.Repeat("\n", l-1))
		b.WriteString(strings.Repeat(" ", max(c-1, 0)))
	} else {
		b.WriteByte(' ')
	}
	b.Write(body)
	return b.Bytes()
}

// unescapeIRI resolves \u and \U escapes in an IRI reference.
func unescapeIRI(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			sb.WriteByte(s[i])
			continue
		}
		n := 0
		if i+1 < len(s) && s[i+1] == 'u' {
			n = 4
		} else if i+1 < len(s) && s[i+1] == 'U' {
			n = 8
		}
		if n == 0 || i+2+n > len(s) {
			return "", fmt.Errorf("bad escape in IRI <%s>", s)
		}
		r, err := strconv.ParseUint(s[i+2:i+2+n], 16, 32)
		if err != nil || r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
			return "", fmt.Errorf("bad escape in IRI <%s>", s)
		}
		sb.WriteRune(rune(r))
		i += 1 + n
	}
	return sb.String(), nil
}
