package builtin

import (
	"regexp"
	"strconv"
	"strings"
)

// compileXPath compiles an XPath regular expression
// (https://www.w3.org/TR/xpath-functions/#regex-syntax) with the flags
// i, s, m, x and q into a Go regexp. XPath features Go's RE2 lacks
// (back-references, character class subtraction, Unicode block escapes)
// give an InvalidArgument error.
func compileXPath(pattern, flags string) (*regexp.Regexp, error) {
	var mode strings.Builder
	quote, extended := false, false
	for _, f := range flags {
		switch f {
		case 'i', 's', 'm':
			if !strings.ContainsRune(mode.String(), f) {
				mode.WriteRune(f)
			}
		case 'x':
			extended = true
		case 'q':
			quote = true
		default:
			return nil, argErr("unknown regular expression flag %q", f)
		}
	}
	switch {
	case quote:
		pattern = regexp.QuoteMeta(pattern)
	default:
		if extended {
			pattern = stripWhitespace(pattern)
		}
		var err error
		if pattern, err = translateXPath(pattern, strings.Contains(mode.String(), "s")); err != nil {
			return nil, err
		}
	}
	if mode.Len() > 0 {
		pattern = "(?" + mode.String() + ")" + pattern
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, argErr("bad regular expression: %v", err)
	}
	return re, nil
}

// stripWhitespace removes white space outside character classes (flag x).
func stripWhitespace(p string) string {
	var sb strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			sb.WriteByte(c)
			i++
			sb.WriteByte(p[i])
			continue
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case !inClass && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			continue
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// translateXPath rewrites the XPath constructs RE2 reads differently (\d
// and \w are Unicode classes, '.' excludes CR as well as LF unless dotAll)
// and rejects the ones it cannot express.
func translateXPath(p string, dotAll bool) (string, error) {
	var sb strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			i++
			switch e := p[i]; {
			case e == 'i':
				sb.WriteString(`[\p{L}_:]`)
			case e == 'I':
				sb.WriteString(`[^\p{L}_:]`)
			case e == 'c':
				sb.WriteString(`[\p{L}\p{Nd}._:\-\x{B7}]`)
			case e == 'C':
				sb.WriteString(`[^\p{L}\p{Nd}._:\-\x{B7}]`)
			case e == 'd':
				sb.WriteString(`\p{Nd}`)
			case e == 'D':
				sb.WriteString(`\P{Nd}`)
			case e == 'w' && !inClass:
				sb.WriteString(`[^\p{P}\p{Z}\p{C}]`)
			case e == 'W' && !inClass:
				sb.WriteString(`[\p{P}\p{Z}\p{C}]`)
			case e >= '1' && e <= '9' && !inClass:
				return "", argErr("back-references are not supported")
			case (e == 'p' || e == 'P') && strings.HasPrefix(p[i+1:], "{Is"):
				return "", argErr("Unicode block escapes are not supported")
			default:
				sb.WriteByte('\\')
				sb.WriteByte(e)
			}
			continue
		case c == '[':
			if inClass {
				return "", argErr("character class subtraction is not supported")
			}
			inClass = true
		case c == '-' && inClass && i+1 < len(p) && p[i+1] == '[':
			return "", argErr("character class subtraction is not supported")
		case c == ']':
			inClass = false
		case c == '.' && !inClass && !dotAll:
			sb.WriteString(`[^\n\r]`)
			continue
		}
		sb.WriteByte(c)
	}
	return sb.String(), nil
}

// xpathReplacement turns an fn:replace replacement string ("$1", "\$",
// "\\") into a Go template ("${1}", "$$", "\").
func xpathReplacement(r string, groups int) (string, error) {
	var sb strings.Builder
	for i := 0; i < len(r); i++ {
		switch c := r[i]; c {
		case '\\':
			if i+1 < len(r) && (r[i+1] == '\\' || r[i+1] == '$') {
				i++
				if r[i] == '$' {
					sb.WriteString("$$")
				} else {
					sb.WriteByte('\\')
				}
				continue
			}
			return "", argErr("bad replacement %q: lone backslash", r)
		case '$':
			j := i + 1
			for j < len(r) && r[j] >= '0' && r[j] <= '9' {
				j++
			}
			if j == i+1 {
				return "", argErr("bad replacement %q: '$' without a group number", r)
			}
			// The longest prefix of the digits that names an existing group.
			k := j
			for k > i+2 {
				if n, _ := strconv.Atoi(r[i+1 : k]); n <= groups {
					break
				}
				k--
			}
			n, _ := strconv.Atoi(r[i+1 : k])
			if n <= groups {
				sb.WriteString("${" + strconv.Itoa(n) + "}")
			} // a group beyond the pattern's count is the empty string
			sb.WriteString(r[k:j])
			i = j - 1
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String(), nil
}
