package server

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// documentView is a document's page.
type documentView struct {
	IRI, ID, Title, Date, Kind, Language, Summary string
	Source, Citation, SourceFile, Uploaded        string
	Authors, Recipients, Via, Translators         []link
	Refs                                          []refView
	Versions                                      []versionView
	Claims                                        []claimView
	Mentions                                      []link
	Pseudonyms                                    []link // Text = alias, Href/Note = the person
	Subjects                                      []string
	Curate                                        *documentCuration // a curator's panel
}

type refView struct {
	Archive link
	Parts   []link // Text = field name, Note = value
	Ref     string
}

type versionView struct {
	Role, Lang string
	Segments   []segment
}

// segment is a run of a version's text with the same markup.
type segment struct {
	Text  string
	Href  string // set for an entity mention
	Title string // the mentioned entity's name
	Ev    bool   // inside a claim's evidence
	EvID  string // set on the first segment of an evidence span
	Del   bool   // struck out in a draft (~~text~~)
	Ins   bool   // written in above the line in a draft (<sup>text</sup>)
}

func (s *server) documentPage(w http.ResponseWriter, r *http.Request, doc rdf.IRI) {
	ctx := r.Context()
	sn, err := s.snapshot(ctx)
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	props := map[rdf.Term]map[rdf.IRI][]rdf.Term{}
	for q, err := range s.store.Match(ctx, nil, nil, nil, doc) {
		if err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return
		}
		if props[q.S] == nil {
			props[q.S] = map[rdf.IRI][]rdf.Term{}
		}
		p := q.P.(rdf.IRI)
		props[q.S][p] = append(props[q.S][p], q.O)
	}
	d := props[doc]
	if d == nil {
		s.resourcePage(w, r, doc)
		return
	}
	first := func(m map[rdf.IRI][]rdf.Term, p rdf.IRI) string {
		if len(m[p]) == 0 {
			return ""
		}
		return lexical(m[p][0])
	}
	v := documentView{
		IRI: string(doc), ID: first(d, vocab.DCIdentifier), Title: first(d, vocab.DCTitle), Date: first(d, vocab.DCDate),
		Kind: strings.TrimPrefix(first(d, vocab.DCType), vocab.DG), Language: first(d, vocab.DCLanguage),
		Summary: first(d, vocab.DCAbstract), Source: first(d, vocab.DCSource), Citation: first(d, vocab.DCBibliographicCitation),
		SourceFile: first(d, vocab.DGSourceFile), Uploaded: first(d, vocab.DGUploaded),
	}
	if v.Title == "" {
		v.Title = cmp.Or(v.ID, string(doc))
	}
	links := func(p rdf.IRI) []link {
		var out []link
		for _, o := range d[p] {
			out = append(out, s.entityLink(ctx, o))
		}
		slices.SortFunc(out, func(a, b link) int { return cmp.Compare(a.Text, b.Text) })
		return out
	}
	v.Authors, v.Recipients, v.Via = links(vocab.DCCreator), links(vocab.SchemaRecipient), links(vocab.DGVia)
	v.Translators, v.Mentions = links(vocab.SchemaTranslator), links(vocab.SchemaMentions)
	for _, sub := range d[vocab.DCSubject] {
		v.Subjects = append(v.Subjects, lexical(sub))
	}
	for _, ref := range d[vocab.DGArchivalReference] {
		rp := props[ref]
		rv := refView{Ref: first(rp, vocab.DGReference)}
		if len(rp[vocab.DGArchive]) > 0 {
			rv.Archive = s.entityLink(ctx, rp[vocab.DGArchive][0])
		}
		for _, f := range []struct {
			name string
			p    rdf.IRI
		}{{"fond", vocab.DGFond}, {"opis", vocab.DGOpis}, {"delo", vocab.DGDelo}, {"papka", vocab.DGPapka}, {"folios", vocab.DGFolios}} {
			if val := first(rp, f.p); val != "" {
				rv.Parts = append(rv.Parts, link{Text: f.name, Note: val})
			}
		}
		v.Refs = append(v.Refs, rv)
	}
	slices.SortFunc(v.Refs, func(a, b refView) int { return cmp.Compare(a.Archive.Text, b.Archive.Text) })
	for _, u := range d[vocab.DGPseudonymUse] {
		up := props[u]
		for _, p := range up[vocab.DGStandsFor] {
			l := s.entityLink(ctx, p)
			v.Pseudonyms = append(v.Pseudonyms, link{Text: first(up, vocab.DGAlias), Href: l.Href, Note: l.Text})
		}
	}

	// Versions, in the order original, transcription, translation.
	type version struct {
		node       rdf.Term
		role, lang string
		text       []rune
	}
	var versions []version
	for _, vn := range d[vocab.DCHasPart] {
		vp := props[vn]
		versions = append(versions, version{node: vn, role: first(vp, vocab.DGRole), lang: first(vp, vocab.DCLanguage), text: []rune(first(vp, vocab.SchemaText))})
	}
	roleRank := map[string]int{vocab.RoleOriginal: 0, vocab.RoleTranscription: 1, vocab.RoleTranslation: 2}
	slices.SortStableFunc(versions, func(a, b version) int {
		return cmp.Or(cmp.Compare(roleRank[a.role], roleRank[b.role]), cmp.Compare(a.lang, b.lang))
	})

	// Claims, and where their evidence sits.
	type span struct {
		version, start, end int
		anchor              string
	}
	anchors := map[rdf.Term]string{}
	var spans []span
	bySpan := map[[3]int]string{}
	var claimNodes []rdf.Term
	for subj, p := range props {
		if slices.Contains(p[vocab.RDFType], rdf.Term(vocab.DGClaim)) {
			claimNodes = append(claimNodes, subj)
		}
	}
	slices.SortFunc(claimNodes, rdf.Compare)
	for _, c := range claimNodes {
		cp := props[c]
		anchor := "ev-" + claimID(c)
		vi, start, end := -1, -1, -1
		if len(cp[vocab.DGEvidenceIn]) > 0 {
			for i, ver := range versions {
				if ver.node == cp[vocab.DGEvidenceIn][0] {
					vi = i
				}
			}
			start, _ = strconv.Atoi(first(cp, vocab.DGEvidenceStart))
			end, _ = strconv.Atoi(first(cp, vocab.DGEvidenceEnd))
		}
		ev := first(cp, vocab.DGEvidence)
		if vi < 0 || start < 0 || end <= start || end > len(versions[vi].text) {
			// No usable offsets: look for the sentence itself.
			vi = -1
			for i, ver := range versions {
				if at := runeIndex(ver.text, []rune(ev)); at >= 0 && ev != "" {
					vi, start, end = i, at, at+len([]rune(ev))
					break
				}
			}
		}
		if vi >= 0 {
			k := [3]int{vi, start, end}
			if a, ok := bySpan[k]; ok {
				anchor = a
			} else {
				bySpan[k] = anchor
				spans = append(spans, span{vi, start, end, anchor})
			}
		}
		anchors[c] = anchor
		cv, ok, err := s.claim(ctx, c, sn, anchors)
		if err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return
		}
		if ok {
			v.Claims = append(v.Claims, cv)
		}
	}
	sortClaims(v.Claims)

	// Mentions: every name of every entity the document links to.
	var names []mention
	linked := map[rdf.IRI]bool{}
	for _, p := range []rdf.IRI{vocab.SchemaMentions, vocab.DCCreator, vocab.SchemaRecipient, vocab.DGVia, vocab.SchemaTranslator} {
		for _, o := range d[p] {
			if e, ok := o.(rdf.IRI); ok {
				linked[e] = true
			}
		}
	}
	for e := range linked {
		ms, err := s.names(ctx, e)
		if err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return
		}
		names = append(names, ms...)
	}
	for _, u := range v.Pseudonyms {
		if u.Text != "" && u.Href != "" {
			names = append(names, mention{name: foldRunes([]rune(u.Text)), href: u.Href, title: u.Note + " (as " + u.Text + ")"})
		}
	}
	idx := indexMentions(names)
	for i, ver := range versions {
		var evs []span
		for _, sp := range spans {
			if sp.version == i {
				evs = append(evs, sp)
			}
		}
		// the shortest evidence first: a sentence that is one claim's
		// evidence keeps its mark inside another's longer stretch
		slices.SortStableFunc(evs, func(a, b span) int { return cmp.Compare(a.end-a.start, b.end-b.start) })
		marks := make([]string, len(ver.text))
		for _, sp := range evs {
			for k := sp.start; k < sp.end; k++ {
				if marks[k] == "" {
					marks[k] = sp.anchor
				}
			}
		}
		v.Versions = append(v.Versions, versionView{Role: ver.role, Lang: ver.lang,
			Segments: segments(ver.text, findMentions(ver.text, idx), marks)})
	}
	if cur := s.curatorOf(r); cur != nil {
		for i := range v.Claims {
			v.Claims[i].Curator = cur
		}
		if v.Curate, err = s.documentCuration(ctx, doc, v.ID); err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return
		}
	}
	s.render(w, r, "document", pageData{Title: v.Title, Alts: s.alternates(doc, graphFormats), Body: v})
}

func runeIndex(hay, needle []rune) int {
	if len(needle) == 0 {
		return -1
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// mention is one name to look for, folded to lower case.
type mention struct {
	name  []rune
	href  string
	title string
}

// names returns the names of an entity worth highlighting: labels,
// alternative labels and pseudonyms of at least two characters.
func (s *server) names(ctx context.Context, e rdf.IRI) ([]mention, error) {
	label := s.label(ctx, e)
	href := s.href(e)
	seen := map[string]bool{}
	var out []mention
	for _, p := range []rdf.IRI{vocab.RDFSLabel, vocab.SKOSPrefLabel, vocab.SKOSAltLabel, vocab.DGPseudonym} {
		for q, err := range s.store.Match(ctx, e, p, nil, nil) {
			if err != nil {
				return nil, err
			}
			n := lexical(q.O)
			if len([]rune(n)) < 2 || seen[n] {
				continue
			}
			seen[n] = true
			title := label
			if p == vocab.DGPseudonym {
				title = label + " (as " + n + ")"
			}
			out = append(out, mention{name: foldRunes([]rune(n)), href: href, title: title})
		}
	}
	return out, nil
}

func foldRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = unicode.ToLower(r)
	}
	return out
}

// indexMentions groups names by first rune, longest first.
func indexMentions(ms []mention) map[rune][]mention {
	idx := map[rune][]mention{}
	for _, m := range ms {
		idx[m.name[0]] = append(idx[m.name[0]], m)
	}
	for _, l := range idx {
		slices.SortStableFunc(l, func(a, b mention) int {
			return cmp.Or(cmp.Compare(len(b.name), len(a.name)), cmp.Compare(a.href, b.href))
		})
	}
	return idx
}

// found is a mention located in a text, in runes.
type found struct {
	start, end int
	m          *mention
}

// findMentions finds the names in text, longest match first, not
// overlapping, on word boundaries (except for Han characters, which are not
// separated by spaces).
func findMentions(text []rune, idx map[rune][]mention) []found {
	low := foldRunes(text)
	var out []found
	for i := 0; i < len(low); {
		cands := idx[low[i]]
		hit := false
		if len(cands) > 0 && (i == 0 || !isWord(low[i-1]) || unicode.Is(unicode.Han, low[i])) {
			for k := range cands {
				m := &cands[k]
				n := len(m.name)
				if i+n > len(low) || !slices.Equal(low[i:i+n], m.name) {
					continue
				}
				if i+n < len(low) && isWord(low[i+n]) && !unicode.Is(unicode.Han, low[i+n-1]) {
					continue
				}
				out = append(out, found{i, i + n, m})
				i += n
				hit = true
				break
			}
		}
		if !hit {
			i++
		}
	}
	return out
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Draft transcriptions mark struck-out text as ~~text~~ and text written in
// above the line as <sup>text</sup>, each within one line.
const (
	styleDel = 1 << iota
	styleIns
	styleHidden // the markup itself
)

var draftMarks = []struct {
	open, close []rune
	style       uint8
}{
	{[]rune("~~"), []rune("~~"), styleDel},
	{[]rune("<sup>"), []rune("</sup>"), styleIns},
}

// draftStyles gives each rune of text its draft style: struck, inserted,
// or part of the markup (hidden). Markup without its closing half is text.
func draftStyles(text []rune) []uint8 {
	style := make([]uint8, len(text))
	for _, m := range draftMarks {
		for i := 0; i+len(m.open) <= len(text); i++ {
			if !hasRunes(text[i:], m.open) || style[i]&styleHidden != 0 {
				continue
			}
			for j := i + len(m.open); j < len(text) && text[j] != '\n'; j++ {
				if !hasRunes(text[j:], m.close) {
					continue
				}
				if j == i+len(m.open) {
					break // empty: ~~~~ is text
				}
				for k := i; k < j+len(m.close); k++ {
					if k < i+len(m.open) || k >= j {
						style[k] |= styleHidden
					} else {
						style[k] |= m.style
					}
				}
				i = j + len(m.close) - 1
				break
			}
		}
	}
	return style
}

func hasRunes(text, prefix []rune) bool {
	if len(text) < len(prefix) {
		return false
	}
	for i, r := range prefix {
		if text[i] != r {
			return false
		}
	}
	return true
}

// segments cuts text into runs of equal markup: mentions become links,
// evidence spans marks, a draft's struck and inserted text del and ins
// (its markup characters are left out; offsets stay those of the text).
func segments(text []rune, mentions []found, marks []string) []segment {
	style := draftStyles(text)
	link := make([]*mention, len(text))
	start := make([]bool, len(text))
	for _, f := range mentions {
		for k := f.start; k < f.end; k++ {
			link[k] = f.m
		}
		start[f.start] = true
	}
	var out []segment
	seenEv := map[string]bool{}
	i := 0
	for i < len(text) {
		j := i + 1
		for j < len(text) && link[j] == link[i] && marks[j] == marks[i] && !start[j] && style[j] == style[i] {
			j++
		}
		if style[i]&styleHidden != 0 {
			i = j
			continue
		}
		sg := segment{Text: string(text[i:j]), Ev: marks[i] != "", Del: style[i]&styleDel != 0, Ins: style[i]&styleIns != 0}
		if link[i] != nil {
			sg.Href, sg.Title = link[i].href, link[i].title
		}
		if sg.Ev && !seenEv[marks[i]] {
			seenEv[marks[i]] = true
			sg.EvID = marks[i]
		}
		out = append(out, sg)
		i = j
	}
	return out
}
