package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// mediaRange is one entry of an Accept header (RFC 9110 §12.5.1).
type mediaRange struct {
	typ, sub string
	q        float64
}

// parseAccept reads an Accept header. Entries that do not parse are
// ignored; a q-value that does not parse counts as 0.
func parseAccept(h string) []mediaRange {
	var out []mediaRange
	for part := range strings.SplitSeq(h, ",") {
		fields := strings.Split(part, ";")
		mt := strings.ToLower(strings.TrimSpace(fields[0]))
		typ, sub, ok := strings.Cut(mt, "/")
		if !ok || typ == "" || sub == "" || (typ == "*" && sub != "*") {
			continue
		}
		mr := mediaRange{typ: typ, sub: sub, q: 1}
		for _, p := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || q < 0 || q > 1 {
					q = 0
				}
				mr.q = q
			}
		}
		out = append(out, mr)
	}
	return out
}

// negotiate picks the offer (a media type, in the server's order of
// preference) that the Accept header ranks highest: each offer takes the q
// of the most specific range matching it, ties go to the earlier offer, and
// q=0 refuses. An empty header accepts the first offer. It returns "" when
// no offer is acceptable.
func negotiate(accept string, offers []string) string {
	if strings.TrimSpace(accept) == "" {
		return offers[0]
	}
	ranges := parseAccept(accept)
	best, bestQ := "", 0.0
	for _, o := range offers {
		typ, sub, _ := strings.Cut(o, "/")
		q, spec := 0.0, -1
		for _, r := range ranges {
			s := -1
			switch {
			case r.typ == typ && r.sub == sub:
				s = 2
			case r.typ == typ && r.sub == "*":
				s = 1
			case r.typ == "*":
				s = 0
			}
			if s > spec {
				q, spec = r.q, s
			}
		}
		if q > bestQ {
			best, bestQ = o, q
		}
	}
	return best
}

// acceptsGzip reports whether the Accept-Encoding header allows gzip.
func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		fields := strings.Split(part, ";")
		name := strings.ToLower(strings.TrimSpace(fields[0]))
		if name != "gzip" && name != "x-gzip" && name != "*" {
			continue
		}
		q := 1.0
		for _, p := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(k, "q") {
				q, _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
			}
		}
		if q > 0 {
			return true
		}
	}
	return false
}

// compressed returns a writer for the response body that gzips it when the
// client allows; the caller must Close it. It sets the Content-Encoding and
// Vary headers, so call it before writing the header.
func compressed(w http.ResponseWriter, r *http.Request) io.WriteCloser {
	w.Header().Add("Vary", "Accept-Encoding")
	if !acceptsGzip(r) {
		return nopCloser{w}
	}
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Del("Content-Length")
	zw, _ := gzip.NewWriterLevel(w, gzip.DefaultCompression)
	return zw
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
