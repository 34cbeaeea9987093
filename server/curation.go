package server

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Web curation: a curator logs in with a token (the server's --token, or
// their own from the curators file), gets a session cookie, and the pages
// offer forms for the corrections of package curate. Every POST carries
// the session's CSRF token in a hidden field and, when the browser sends
// one, an Origin of this server. Without tokens the server shows no form
// and refuses every curation POST with 403.

// sessionCookie names the session cookie.
const sessionCookie = "docgraph_session"

// sessionTTL is how long a login lasts.
const sessionTTL = 12 * time.Hour

// session is one logged-in curator.
type session struct {
	user    string
	csrf    string
	expires time.Time
}

// sessions are the server's logins, in memory: a restart logs everyone out.
type sessions struct {
	mu sync.Mutex
	m  map[string]*session
}

func randomToken() string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}

func (ss *sessions) add(user string) (string, *session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.m == nil {
		ss.m = map[string]*session{}
	}
	now := time.Now()
	for id, x := range ss.m {
		if now.After(x.expires) {
			delete(ss.m, id)
		}
	}
	id := randomToken()
	x := &session{user: user, csrf: randomToken(), expires: now.Add(sessionTTL)}
	ss.m[id] = x
	return id, x
}

func (ss *sessions) get(id string) *session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	x := ss.m[id]
	if x == nil || time.Now().After(x.expires) {
		delete(ss.m, id)
		return nil
	}
	return x
}

func (ss *sessions) drop(id string) {
	ss.mu.Lock()
	delete(ss.m, id)
	ss.mu.Unlock()
}

// curatorView is what pages need to show curation forms.
type curatorView struct {
	Name string
	CSRF string
	Back string // the page the forms return to
}

// curation reports whether the server accepts curators at all.
func (s *server) curation() bool { return s.cfg.Token != "" || len(s.cfg.Curators) > 0 }

// session returns the request's logged-in curator, or nil.
func (s *server) session(r *http.Request) *session {
	if !s.curation() {
		return nil
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil
	}
	return s.logins.get(c.Value)
}

// curatorOf returns the form context of the request's curator, or nil.
func (s *server) curatorOf(r *http.Request) *curatorView {
	x := s.session(r)
	if x == nil {
		return nil
	}
	return &curatorView{Name: x.user, CSRF: x.csrf, Back: r.URL.RequestURI()}
}

// login finds the curator a token belongs to. With the server's single
// token the curator names themselves; with a curators file the token says
// who it is (a name given must be that one).
func (s *server) login(name, token string) (string, bool) {
	name, token = strings.TrimSpace(name), strings.TrimSpace(token)
	if token == "" {
		return "", false
	}
	user, ok := "", false
	for u, t := range s.cfg.Curators {
		if subtle.ConstantTimeCompare([]byte(token), []byte(t)) == 1 {
			user, ok = u, true
		}
	}
	if ok {
		return user, name == "" || name == user
	}
	if s.cfg.Token != "" && subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.Token)) == 1 && name != "" {
		// the shared token cannot speak for a curator who has their own
		_, listed := s.cfg.Curators[name]
		return name, !listed
	}
	return "", false
}

// sameOrigin refuses a POST whose Origin (or, without one, Referer) names
// another site than the one it was sent to.
func sameOrigin(r *http.Request) bool {
	from := r.Header.Get("Origin")
	if from == "" {
		from = r.Header.Get("Referer")
		if from == "" {
			return true // not a browser's cross-site form: the CSRF token decides
		}
	}
	u, err := url.Parse(from)
	if err != nil || from == "null" {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

type loginView struct {
	Shared bool // the server has one token: the curator gives a name
	Next   string
	Error  string
}

// localPath keeps a return address to a path of this server.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") {
		return "/"
	}
	return p
}

func (s *server) handleLoginPage(w http.ResponseWriter, r *http.Request) {
	if !s.curation() {
		s.fail(w, r, http.StatusForbidden, "this server is read-only; start it with --token or --curators to allow curation")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, "login", pageData{Title: "Curator login", Body: loginView{Shared: len(s.cfg.Curators) == 0, Next: localPath(r.URL.Query().Get("next"))}})
}

func (s *server) handleLogin(w http.ResponseWriter, r *http.Request) {
	if !s.curation() {
		s.fail(w, r, http.StatusForbidden, "this server is read-only; start it with --token or --curators to allow curation")
		return
	}
	if !sameOrigin(r) {
		s.fail(w, r, http.StatusForbidden, "a login must come from this server's own page")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "reading the form: "+err.Error())
		return
	}
	next := localPath(r.PostForm.Get("next"))
	user, ok := s.login(r.PostForm.Get("name"), r.PostForm.Get("token"))
	if !ok {
		w.Header().Set("Cache-Control", "no-store")
		msg := "that token is not a curator's"
		if len(s.cfg.Curators) == 0 && strings.TrimSpace(r.PostForm.Get("name")) == "" {
			msg = "give your name and the server's token"
		}
		s.renderStatus(w, r, http.StatusUnauthorized, "login", pageData{Title: "Curator login",
			Body: loginView{Shared: len(s.cfg.Curators) == 0, Next: next, Error: msg}})
		return
	}
	id, _ := s.logins.add(user)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: int(sessionTTL / time.Second)})
	s.log.Info("curator logged in", "user", user)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.checkPost(w, r); !ok {
		return
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.logins.drop(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// checkPost admits a curation POST: the server takes curators, the request
// comes from a logged-in curator, from this site, with the session's CSRF
// token. It answers the refusal itself (403) and returns ok false.
func (s *server) checkPost(w http.ResponseWriter, r *http.Request) (*session, bool) {
	if !s.curation() {
		s.fail(w, r, http.StatusForbidden, "this server is read-only; start it with --token or --curators to allow curation")
		return nil, false
	}
	x := s.session(r)
	if x == nil {
		s.fail(w, r, http.StatusForbidden, "log in as a curator first (/login)")
		return nil, false
	}
	if !sameOrigin(r) {
		s.fail(w, r, http.StatusForbidden, "a correction must be sent from this server's own pages")
		return nil, false
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "reading the form: "+err.Error())
		return nil, false
	}
	if subtle.ConstantTimeCompare([]byte(r.PostForm.Get("csrf")), []byte(x.csrf)) != 1 {
		s.fail(w, r, http.StatusForbidden, "the form is stale or was not made by this server (its CSRF token does not match your session); reload the page")
		return nil, false
	}
	return x, true
}

// handleCurate makes one correction from a form and goes back to the page
// it came from (a merge: to the entity that survives).
func (s *server) handleCurate(w http.ResponseWriter, r *http.Request) {
	x, ok := s.checkPost(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	f := r.PostForm
	// Corrections are made one at a time, never during an upload's ingest
	// (which applies the corrections it read when it began), and pages
	// wait for the write.
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	s.rw.Lock()
	defer s.rw.Unlock()
	c, err := s.formCorrection(ctx, f)
	if err == nil {
		c.By, c.Reason, c.At = x.user, strings.TrimSpace(f.Get("reason")), time.Now().UTC()
		_, err = curate.Commit(ctx, s.store, c)
	}
	if err != nil {
		code := http.StatusInternalServerError
		switch {
		case errors.Is(err, curate.ErrNotFound):
			code = http.StatusNotFound
		case errors.Is(err, curate.ErrInvalid):
			code = http.StatusBadRequest
		case errors.Is(err, curate.ErrConflict):
			code = http.StatusConflict
		case ctx.Err() != nil:
			code = ctxStatus(ctx.Err())
		}
		s.fail(w, r, code, "Nothing was changed: "+err.Error())
		return
	}
	s.invalidate()
	s.log.Info("correction", "user", x.user, "id", c.ID(), "what", c.Describe())
	back := localPath(f.Get("back"))
	if c.Kind == curate.Merge {
		if h := s.href(c.Other); h != "" {
			back = h
		}
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// formCorrection builds the correction a form asks for, resolving its
// arguments as the command line does.
func (s *server) formCorrection(ctx context.Context, f url.Values) (*curate.Correction, error) {
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	entity := func(k string) (rdf.IRI, error) { return curate.ResolveEntity(ctx, s.store, get(k)) }
	kind := curate.Kind(get("kind"))
	c := &curate.Correction{Kind: kind}
	var err error
	switch kind {
	case curate.Merge, curate.KeepApart:
		if c.Entity, err = entity("entity"); err == nil {
			c.Other, err = entity("other")
		}
	case curate.Link, curate.Unlink:
		c.Entity, err = entity("entity")
		c.Wikidata = curate.ResolveWikidata(get("wikidata"))
	case curate.Rename, curate.AddLabel:
		c.Entity, err = entity("entity")
		c.Label = rdf.NewLangString(get("label"), cmp.Or(get("lang"), "en"))
		if f.Get("add") != "" {
			c.Kind = curate.AddLabel
		}
	case curate.Retype:
		c.Entity, err = entity("entity")
		c.Class = curate.ResolveClass(get("class"))
	case curate.Reject, curate.Confirm, curate.Edit:
		c.Doc, c.Claim, err = curate.ResolveClaim(ctx, s.store, get("claim"))
		if err == nil && kind == curate.Edit {
			if get("subject") != "" {
				c.New.Subject, err = entity("subject")
			}
			if err == nil && get("object") != "" {
				c.New.Object, err = entity("object")
			}
			if err == nil && get("relation") != "" {
				c.New.Relation, err = curate.ResolveRelation(get("relation"))
			}
			// an unchanged field is no change
			if c.New.Subject == c.Claim.Subject {
				c.New.Subject = ""
			}
			if c.New.Object == c.Claim.Object {
				c.New.Object = ""
			}
			if c.New.Relation == c.Claim.Relation {
				c.New.Relation = ""
			}
		}
	case curate.AddClaim:
		c.Doc = curate.ResolveDocument(s.store, get("doc"))
		c.Claim.Evidence = get("evidence")
		if c.Claim.Subject, err = entity("subject"); err == nil {
			if c.Claim.Relation, err = curate.ResolveRelation(get("relation")); err == nil {
				c.Claim.Object, err = entity("object")
			}
		}
	case curate.AddMention:
		c.Doc, c.Evidence = curate.ResolveDocument(s.store, get("doc")), get("evidence")
		c.Entity, err = entity("entity")
	case curate.ConfirmPseudonym, curate.DisputePseudonym:
		c, err = curate.ResolvePseudonym(ctx, s.store, curate.ResolveDocument(s.store, get("doc")), get("alias"), kind == curate.DisputePseudonym)
	case curate.Undo:
		c, err = curate.ResolveUndo(ctx, s.store, get("id"))
	default:
		return nil, curate.Invalid("%q is not a kind of correction", kind)
	}
	return c, err
}

// correctionView is one line of the log.
type correctionView struct {
	ID, At, By, What, Reason string
	UndoneBy                 string
	Undoable                 bool
}

func correctionViews(set *curate.Set, cs []*curate.Correction) []correctionView {
	var out []correctionView
	for _, c := range cs {
		v := correctionView{ID: c.ID(), At: c.At.Format("2006-01-02 15:04"), By: c.By, What: c.Describe(), Reason: c.Reason}
		if u := set.UndoneBy(c); u != nil {
			v.UndoneBy = u.ID()
		}
		v.Undoable = v.UndoneBy == "" && c.Kind != curate.Undo
		out = append(out, v)
	}
	return out
}

type logView struct {
	Corrections []correctionView
}

// handleLog lists the corrections, newest first, with undo for curators.
func (s *server) handleLog(w http.ResponseWriter, r *http.Request) {
	set, err := curate.Load(r.Context(), s.store)
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	v := logView{Corrections: correctionViews(set, set.All)}
	slices.Reverse(v.Corrections)
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, "curation", pageData{Title: "Corrections", Nav: "curation", Body: v})
}

type reviewItem struct {
	Kind      string
	Documents int
	What      string
	Targets   []link
	Claim     string // a claim's id
}

type reviewView struct {
	Items []reviewItem
	More  int
}

// maxReview bounds the review page.
const maxReview = 200

// handleReview lists what most needs a curator (docgraph review).
func (s *server) handleReview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	items, err := curate.Review(ctx, s.store, curate.ReviewOptions{})
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	var v reviewView
	for i, it := range items {
		if i == maxReview {
			v.More = len(items) - maxReview
			break
		}
		ri := reviewItem{Kind: it.Kind, Documents: it.Documents, What: it.What}
		for _, t := range it.Targets {
			ri.Targets = append(ri.Targets, link{Href: s.href(t), Text: s.label(ctx, t), Title: string(t)})
		}
		if it.Kind == "claim" && len(it.Targets) > 0 {
			ri.Claim = claimID(it.Targets[0])
		}
		v.Items = append(v.Items, ri)
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, "review", pageData{Title: "Review", Nav: "review", Body: v})
}

// entityCuration is the curation panel of an entity page.
type entityCuration struct {
	Merged      []link // entities merged into this one; Note: how
	Corrections []correctionView
	Classes     []string
	Wikidata    bool
}

func (s *server) entityCuration(ctx context.Context, e rdf.IRI, merged map[rdf.IRI]string, wikidata bool) (*entityCuration, error) {
	set, err := curate.Load(ctx, s.store)
	if err != nil {
		return nil, err
	}
	v := &entityCuration{Classes: curate.Classes, Wikidata: wikidata}
	for _, m := range sortedIRIs(merged) {
		v.Merged = append(v.Merged, link{Href: s.href(m), Text: s.label(ctx, m), Title: string(m), Note: merged[m]})
	}
	v.Corrections = correctionViews(set, set.About(e))
	return v, nil
}

// documentCuration is the curation panel of a document page.
type documentCuration struct {
	ID          string
	Relations   []string
	Corrections []correctionView
}

func (s *server) documentCuration(ctx context.Context, doc rdf.IRI, id string) (*documentCuration, error) {
	set, err := curate.Load(ctx, s.store)
	if err != nil {
		return nil, err
	}
	return &documentCuration{ID: cmp.Or(id, string(doc)), Relations: curate.Relations(), Corrections: correctionViews(set, set.About(doc))}, nil
}

// claimCuration is the curation panel of a claim's page.
type claimCuration struct {
	ID, Doc                   string
	Subject, Relation, Object string
	Evidence                  string
	Rejected, Added           bool
	Relations                 []string
	Corrections               []correctionView
}

func (s *server) claimCuration(ctx context.Context, iri rdf.IRI) (*claimCuration, error) {
	v := &claimCuration{ID: claimID(iri), Relations: curate.Relations()}
	doc, key, err := curate.ResolveClaim(ctx, s.store, string(iri))
	if errors.Is(err, curate.ErrInvalid) || errors.Is(err, curate.ErrNotFound) {
		v.Added = true // added by a correction: undo that one instead
		return v, nil
	}
	if err != nil {
		return nil, err
	}
	v.Doc = string(doc)
	v.Subject, v.Object, v.Evidence = vocab.Compact(key.Subject), vocab.Compact(key.Object), key.Evidence
	if h := s.href(key.Subject); h != "" {
		v.Subject = strings.TrimPrefix(h, "/")
	}
	if h := s.href(key.Object); h != "" {
		v.Object = strings.TrimPrefix(h, "/")
	}
	for name, p := range vocab.ClaimRelations {
		if p == key.Relation {
			v.Relation = name
		}
	}
	if h := s.href(doc); h != "" {
		v.Doc = h
	}
	n, err := s.store.CountUpTo(ctx, iri, vocab.RDFType, vocab.DGClaim, doc, 1)
	if err != nil {
		return nil, err
	}
	v.Rejected = n == 0
	set, err := curate.Load(ctx, s.store)
	if err != nil {
		return nil, err
	}
	v.Corrections = correctionViews(set, set.AboutClaim(doc, key))
	return v, nil
}

func sortedIRIs[V any](m map[rdf.IRI]V) []rdf.IRI {
	out := make([]rdf.IRI, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
