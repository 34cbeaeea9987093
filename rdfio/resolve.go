package rdfio

import "strings"

// resolveIRI resolves ref against base following RFC 3986 section 5.2 on
// strings, so that IRIs with non-ASCII characters stay as written. base
// must be absolute.
func resolveIRI(base, ref string) string {
	if scheme, ok := iriScheme(ref); ok && scheme != "" {
		return joinIRI(scheme, authorityPart(ref[len(scheme)+1:]))
	}
	bScheme, _ := iriScheme(base)
	bAuth, bPath, bQuery, _ := splitIRI(base[len(bScheme)+1:])
	rAuth, rPath, rQuery, rFrag := splitIRI(ref)
	var auth, path, query string
	switch {
	case rAuth != nil:
		auth, path, query = *rAuth, removeDots(rPath), optional(rQuery)
	case rPath == "":
		path = bPath
		if rQuery != nil {
			query = "?" + *rQuery
		} else {
			query = optional(bQuery)
		}
		auth = deref(bAuth)
	default:
		if strings.HasPrefix(rPath, "/") {
			path = removeDots(rPath)
		} else {
			path = removeDots(merge(bAuth, bPath, rPath))
		}
		auth, query = deref(bAuth), optional(rQuery)
	}
	s := bScheme + ":"
	if rAuth != nil || bAuth != nil {
		s += "//" + auth
	}
	s += path + query
	if rFrag != nil {
		s += "#" + *rFrag
	}
	return s
}

func optional(q *string) string {
	if q == nil {
		return ""
	}
	return "?" + *q
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// authorityPart normalises the path of an absolute reference.
func authorityPart(rest string) string {
	auth, path, query, frag := splitIRI(rest)
	s := ""
	if auth != nil {
		s = "//" + *auth
	}
	s += removeDots(path) + optional(query)
	if frag != nil {
		s += "#" + *frag
	}
	return s
}

func joinIRI(scheme, rest string) string { return scheme + ":" + rest }

// iriScheme returns the scheme of s; ok is false when s has none.
func iriScheme(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return s[:i], true
		default:
			return "", false
		}
	}
	return "", false
}

// splitIRI splits a hierarchical part (after "scheme:") or a relative
// reference into authority, path, query and fragment; nil means absent.
func splitIRI(s string) (auth *string, path string, query, frag *string) {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		f := s[i+1:]
		frag, s = &f, s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		q := s[i+1:]
		query, s = &q, s[:i]
	}
	if strings.HasPrefix(s, "//") {
		s = s[2:]
		i := strings.IndexByte(s, '/')
		if i < 0 {
			i = len(s)
		}
		a := s[:i]
		auth, s = &a, s[i:]
	}
	return auth, s, query, frag
}

// merge is RFC 3986 section 5.2.3.
func merge(bAuth *string, bPath, rPath string) string {
	if bAuth != nil && bPath == "" {
		return "/" + rPath
	}
	if i := strings.LastIndexByte(bPath, '/'); i >= 0 {
		return bPath[:i+1] + rPath
	}
	return rPath
}

// removeDots is RFC 3986 section 5.2.4.
func removeDots(in string) string {
	if !strings.Contains(in, ".") {
		return in
	}
	var out []string // output segments, each starting with "/" unless first
	for in != "" {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"):
			in = in[3:]
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "/..":
			in = "/"
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "." || in == "..":
			in = ""
		default:
			start := 0
			if in[0] == '/' {
				start = 1
			}
			i := strings.IndexByte(in[start:], '/')
			if i < 0 {
				out = append(out, in)
				in = ""
			} else {
				out = append(out, in[:start+i])
				in = in[start+i:]
			}
		}
	}
	return strings.Join(out, "")
}
