package builtin

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/rdf"
)

// LowerContains is CONTAINS(LCASE(x), sub) for a simple literal sub, or
// CONTAINS(LCASE(STR(x)), sub) when str is set, computed without building
// the intermediate literals: the common case-insensitive label search.
func LowerContains(x rdf.Term, str bool, sub string) (bool, error) {
	var lex string
	switch t := x.(type) {
	case nil:
		return false, &Error{Kind: Unbound, Func: "LCASE"}
	case rdf.IRI:
		if !str {
			return false, typeErr("%v is not a string literal", t)
		}
		lex = string(t)
	case rdf.Literal:
		if !str {
			if _, ok := isStringLike(t); !ok {
				return false, typeErr("%v is not a string literal", t)
			}
		}
		lex = t.Lexical
	default:
		if str {
			return false, typeErr("STR of a blank node")
		}
		return false, typeErr("%v is not a string literal", t)
	}
	return containsLower(lex, sub), nil
}

// containsLower reports whether strings.ToLower(s) contains sub, without
// lowering s when it is ASCII.
func containsLower(s, sub string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			switch {
			case !utf8.ValidString(sub):
				return strings.Contains(strings.ToLower(s), sub)
			case isASCII(sub):
				return containsLowerASCII(s, sub)
			}
			return containsLowerRunes(s, sub)
		}
	}
	if !isLowerASCII(sub) {
		// An ASCII string lowered holds no upper case or non-ASCII letter.
		return false
	}
	n := len(sub)
	if n == 0 {
		return true
	}
	first := sub[0]
	for i := 0; i+n <= len(s); i++ {
		if lowerByte(s[i]) != first {
			continue
		}
		j := 1
		for j < n && lowerByte(s[i+j]) == sub[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

// containsLowerRunes is containsLower for any s and a valid UTF-8 sub:
// strings.ToLower lowers rune by rune (an invalid byte becoming U+FFFD,
// as unicode.ToLower leaves utf8.RuneError), and a match of valid UTF-8
// starts on a rune, so the runes of s are lowered and compared as they
// come.
func containsLowerRunes(s, sub string) bool {
	if sub == "" {
		return true
	}
	for i := 0; i < len(s); {
		j, k := i, 0
		for k < len(sub) {
			if j >= len(s) {
				return false // fewer runes left than sub has, from here on
			}
			r, w := utf8.DecodeRuneInString(s[j:])
			sr, sw := utf8.DecodeRuneInString(sub[k:])
			if unicode.ToLower(r) != sr {
				break
			}
			j += w
			k += sw
		}
		if k == len(sub) {
			return true
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return false
}

// containsLowerASCII is containsLower for an ASCII sub. Only two
// non-ASCII runes lower to ASCII (U+0130 to 'i', the Kelvin sign U+212A
// to 'k'); any other cannot be part of a match, so no case table is
// consulted.
func containsLowerASCII(s, sub string) bool {
	if sub == "" {
		return true
	}
	// at lowers the rune at s[j:]: its ASCII form, or ok false.
	at := func(j int) (c byte, w int, ok bool) {
		if c := s[j]; c < 0x80 {
			return lowerByte(c), 1, true
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		switch r {
		case 0x130:
			return 'i', w, true
		case 0x212A:
			return 'k', w, true
		}
		return 0, w, false
	}
	for i := 0; i < len(s); {
		j, k := i, 0
		for k < len(sub) && j < len(s) {
			c, w, ok := at(j)
			if !ok || c != sub[k] {
				break
			}
			j += w
			k++
		}
		if k == len(sub) {
			return true
		}
		_, w, _ := at(i)
		i += w
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
