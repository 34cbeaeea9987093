package server

import (
	"fmt"
	"io"
	"net/http"

	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/export/letters"
)

// letterDownloads are the downloads that are not RDF: the letters as CMIF
// for correspSearch, and the correspondence and co-mention networks for
// Gephi (GEXF) and networkx, yEd or Cytoscape (GraphML).
var letterDownloads = map[string]string{
	"letters.cmif.xml":   "application/tei+xml",
	"letters.gexf":       "application/gexf+xml",
	"letters.graphml":    "application/graphml+xml",
	"comentions.gexf":    "application/gexf+xml",
	"comentions.graphml": "application/graphml+xml",
}

// handleLetterDownload serves one of letterDownloads; it reports whether
// name is one.
func (s *server) handleLetterDownload(w http.ResponseWriter, r *http.Request, name string) bool {
	ct, ok := letterDownloads[name]
	if !ok {
		return false
	}
	ctx := r.Context()
	ls, err := letters.Letters(ctx, s.store)
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return true
	}
	var write func(io.Writer) error
	switch name {
	case "letters.cmif.xml":
		h := export.CMIFHeader{Title: "Letters, telegrams and cables of " + s.base, Editor: "docgraph",
			Publisher: s.base, URL: s.base + "download/letters.cmif.xml", Source: "docgraph store", SourceURL: s.base}
		write = func(w io.Writer) error { return export.WriteCMIF(w, h, ls) }
	case "letters.gexf":
		write = func(w io.Writer) error {
			return export.WriteGEXF(w, export.CorrespondenceNetwork(ls), true, "correspondence of "+s.base)
		}
	case "letters.graphml":
		write = func(w io.Writer) error { return export.WriteGraphML(w, export.CorrespondenceNetwork(ls), true) }
	default:
		n, err := letters.CoMentions(ctx, s.store)
		if err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return true
		}
		if name == "comentions.gexf" {
			write = func(w io.Writer) error { return export.WriteGEXF(w, n, false, "co-mentions in "+s.base) }
		} else {
			write = func(w io.Writer) error { return export.WriteGraphML(w, n, false) }
		}
	}
	h := w.Header()
	h.Set("Content-Type", ct+"; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "docgraph-"+name))
	if r.Method == http.MethodHead {
		return true
	}
	out := compressed(w, r)
	err = write(out)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.log.Warn("download", "file", name, "err", err)
	}
	return true
}
