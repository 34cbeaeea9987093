package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages holds one parsed template set per page, each with the layout.
type pages struct {
	set map[string]*template.Template
}

var templateFuncs = template.FuncMap{
	"add":  func(a, b int) int { return a + b },
	"args": func(v ...any) []any { return v },
}

func loadPages() (*pages, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{set: map[string]*template.Template{}}
	for _, n := range names {
		if path.Base(n) == "layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("server: template %s: %w", n, err)
		}
		p.set[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	return p, nil
}

// pageData is what every page gets; Body holds the page's own view.
type pageData struct {
	Title   string
	Query   string // the search box's text
	Message string
	Code    int
	Nav     string // the current section, for the menu
	Alts    []link // other representations of the page's resource
	Body    any
	// Curation: the server takes curators; Curator: the request's
	// logged-in curator (nil: no forms).
	Curation bool
	Curator  *curatorView
}

// link is a labelled hyperlink.
type link struct {
	Href  string
	Text  string
	Title string
	Note  string
}

// render writes a page with status 200.
func (s *server) render(w http.ResponseWriter, r *http.Request, name string, data pageData) {
	s.renderStatus(w, r, http.StatusOK, name, data)
}

// renderStatus executes a page into a buffer first, so that a template
// error becomes a clean 500 instead of half a page.
func (s *server) renderStatus(w http.ResponseWriter, r *http.Request, code int, name string, data pageData) {
	t := s.pages.set[name]
	data.Curation = s.curation()
	if data.Curation {
		w.Header().Add("Vary", "Cookie") // a curator's page has forms
		if data.Curator == nil {
			data.Curator = s.curatorOf(r)
		}
	}
	if data.Curator != nil {
		w.Header().Set("Cache-Control", "no-store")
	}
	var buf bytes.Buffer
	if t == nil {
		code, t = http.StatusInternalServerError, s.pages.set["errorpage"]
		data = pageData{Title: "Internal error", Message: "no page " + name, Code: code}
	}
	if err := t.Execute(&buf, data); err != nil {
		s.log.Error("template", "page", name, "err", err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintln(w, "internal error while rendering the page")
		return
	}
	writeHTML(w, r, code, buf.Bytes())
}

// writeHTML sends a rendered page with the headers every page carries.
func writeHTML(w http.ResponseWriter, r *http.Request, code int, page []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// handleStatic serves the embedded CSS and JavaScript.
func (s *server) handleStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if !safeSegment(name) || !fs.ValidPath(name) {
		s.fail(w, r, http.StatusBadRequest, "bad file name")
		return
	}
	b, err := staticFS.ReadFile("static/" + name)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "no such file: "+name)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(b)
}
