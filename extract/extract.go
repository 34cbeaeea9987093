package extract

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/extract/archref"
	"github.com/docgraph/docgraph/extract/claim"
	"github.com/docgraph/docgraph/extract/document"
	"github.com/docgraph/docgraph/extract/entity"
	"github.com/docgraph/docgraph/extract/pdftext"
	"github.com/docgraph/docgraph/extract/title"
	"github.com/docgraph/docgraph/vocab"
)

// Options configure extraction.
type Options struct {
	// Gazetteer is the table of known entities; nil means the project's
	// own (vocab.LoadGazetteer). Load it once and share it: the matcher
	// built from it is cached per gazetteer.
	Gazetteer *vocab.Gazetteer
}

var matchers sync.Map // *vocab.Gazetteer -> *entity.Matcher

func matcherFor(g *vocab.Gazetteer) *entity.Matcher {
	if m, ok := matchers.Load(g); ok {
		return m.(*entity.Matcher)
	}
	m, _ := matchers.LoadOrStore(g, entity.New(g))
	return m.(*entity.Matcher)
}

// Extract reads one document (name is the path it came from, used in
// messages and as the id of last resort) and returns what it says. It fails
// only on input that is not a text record (empty, binary, HTML), with a
// positioned Diagnostic; problems it can work around are Warnings.
func Extract(name string, data []byte, opt Options) (*Result, error) {
	g := opt.Gazetteer
	if g == nil {
		var err error
		if g, err = vocab.LoadGazetteer(); err != nil {
			return nil, err
		}
	}
	if pdftext.IsPDF(data) {
		// a PDF file: its text layer is the record
		text, err := pdftext.Text(data)
		if err != nil {
			return nil, Diagnostic{File: name, Msg: err.Error()}
		}
		data = []byte(text)
	}
	doc, err := document.Parse(name, data)
	if err != nil {
		if e, ok := err.(*document.Error); ok {
			return nil, Diagnostic{File: e.File, Line: e.Line, Col: e.Col, Msg: e.Msg}
		}
		return nil, err
	}
	x := &extractor{doc: doc, m: matcherFor(g), r: &Result{File: name, Layout: doc.Layout},
		ents: map[EntityRef]*Entity{}}
	x.run()
	x.releaseRunes()
	return x.r, nil
}

type extractor struct {
	doc  *document.Document
	m    *entity.Matcher
	r    *Result
	ctx  entity.Context
	ents map[EntityRef]*Entity
	// mentions per version, for claims
	mentions        [][]entity.Mention
	latin, translit []Alias
	participants    []string // the persons a conversation's title names
	letters         map[string]document.Letter
	runes           *runeBufs // the code points of each version, made when a rule first asks
	runesMade       []bool
}

// runeBufs hold the code points of a document's versions; the buffers are
// reused by the documents extracted after it (runePool).
type runeBufs struct{ bufs [][]rune }

var runePool = sync.Pool{New: func() any { return new(runeBufs) }}

// versionRunes is the code points of version i's text (mentions' offsets
// count them), made once per document however many rules ask; callers
// only read it, and keep no part of it past the extraction.
func (x *extractor) versionRunes(i int) []rune {
	if x.runes == nil {
		x.runes = runePool.Get().(*runeBufs)
		for len(x.runes.bufs) < len(x.doc.Versions) {
			x.runes.bufs = append(x.runes.bufs, nil)
		}
		x.runesMade = make([]bool, len(x.doc.Versions))
	}
	if !x.runesMade[i] {
		b := x.runes.bufs[i][:0]
		for _, r := range x.doc.Versions[i].Text {
			b = append(b, r)
		}
		x.runes.bufs[i], x.runesMade[i] = b, true
	}
	return x.runes.bufs[i]
}

// releaseRunes returns the versions' code point buffers to the pool, but
// for those of a text too long to keep for the next one (over 1M code points).
func (x *extractor) releaseRunes() {
	if x.runes == nil {
		return
	}
	for i, b := range x.runes.bufs {
		if cap(b) > 1<<20 {
			x.runes.bufs[i] = nil
		}
	}
	runePool.Put(x.runes)
	x.runes = nil
}

// letterParts is document.LetterParts of a version's text, read once per
// document however many rules ask.
func (x *extractor) letterParts(text string) document.Letter {
	if lp, ok := x.letters[text]; ok {
		return lp
	}
	if x.letters == nil {
		x.letters = map[string]document.Letter{}
	}
	lp := document.LetterParts(text)
	x.letters[text] = lp
	return lp
}

func (x *extractor) warn(offset int, msg string) {
	l, c := x.doc.Position(offset)
	x.r.Warnings = append(x.r.Warnings, Diagnostic{File: x.r.File, Line: l, Col: c, Msg: msg})
}

func (x *extractor) run() {
	d, r := x.doc, x.r
	for _, w := range d.Warnings {
		r.Warnings = append(r.Warnings, Diagnostic{File: w.File, Line: w.Line, Col: w.Col, Msg: w.Msg})
	}
	r.Title = d.Title.Text
	r.Summary = d.Summary.Text
	r.Source = d.Source
	r.Citation = d.Citation.Text
	if iso, ok := document.ParseDate(d.Uploaded); ok {
		r.Uploaded = iso
	}
	if d.Date.Text != "" {
		if iso, ok := document.ParseDate(d.Date.Text); ok {
			r.Date = iso
		} else if iso, ok := document.DateIn(d.Date.Text); ok {
			r.Date = iso
		} else {
			x.warn(d.Date.Offset, "date not recognized: "+d.Date.Text)
		}
	}
	r.ID = recordID(d, r.File)
	r.Language = document.LangCode(d.OriginalLanguage)
	if r.Language == "" && d.OriginalLanguage != "" {
		x.warn(0, "unknown original language "+d.OriginalLanguage)
	}
	for _, v := range d.Versions {
		if r.Language == "" && v.Role == document.RoleOriginal {
			r.Language = v.Lang
		}
	}
	if r.Language == "" {
		r.Language = d.TitleLanguage // only a translation, under a title in the original's language
	}
	if r.Language == "" && len(d.Versions) == 1 {
		r.Language = d.Versions[0].Lang
	}
	for _, v := range d.Versions {
		l, c := d.Position(v.Offset)
		r.Versions = append(r.Versions, Version{Role: v.Role, Lang: v.Lang, Text: v.Text, Line: l, Col: c})
	}
	x.ctx = entity.Context{Date: r.Date, Orig: r.Language}
	var all strings.Builder
	all.WriteString(d.Title.Text + "\n" + d.Summary.Text)
	for _, v := range d.Versions {
		all.WriteString("\n" + v.Text)
	}
	x.ctx.Home = entity.Home(d.Citation.Text+" "+d.Source, r.Language, all.String())

	// title grammar: kind and parties
	var t title.Title
	if !d.TitleIsSubject {
		t = title.Parse(d.Title.Text)
	}
	r.Kind = t.Kind
	if t.KindText == "" && d.Type != "" {
		// the title names no kind ("X to Y"): the record's Type says better
		if k := title.TypeKind(d.Type, d.Title.Text); k != "" {
			r.Kind = k
		}
	}
	if r.Kind == "" {
		r.Kind = x.bodyKind()
	}
	if r.Kind == "" && d.Title.Text != "" {
		r.Kind = vocabOther(d.Title.Text)
	}
	for _, p := range t.Authors {
		if e, ok := x.party(p); ok {
			r.Authors = appendRef(r.Authors, e)
		}
	}
	if len(r.Authors) == 0 && r.Kind != "conversation" {
		// the record page's own author list
		for _, p := range d.Authors {
			if body, ok := document.AuthorityBody(p); ok {
				// "Romania. Embassy (Vietnam)": a body, never its country
				if e, ok := x.institution(title.Party{Text: body, Institution: true}); ok {
					r.Authors = appendRef(r.Authors, e)
				}
				continue
			}
			if e, ok := x.associated(p, true); ok && (e.Class == vocab.ClassPerson || e.Class == vocab.ClassOrganization) {
				r.Authors = appendRef(r.Authors, e)
			}
		}
	}
	for _, p := range t.Recipients {
		if e, ok := x.party(p); ok {
			r.Recipients = appendRef(r.Recipients, e)
		}
	}
	for _, p := range t.Via {
		if e, ok := x.party(p); ok && !hasRef(r.Authors, e) && !hasRef(r.Recipients, e) {
			r.Via = appendRef(r.Via, e)
		}
	}
	for k, ps := range [][]title.Party{t.Participants, t.ConveysFrom, t.ConveysTo} {
		for _, p := range ps {
			if e, ok := x.party(p); ok && k == 0 && e.Class == vocab.ClassPerson {
				x.participants = append(x.participants, e.Name)
			} else if !ok && k == 0 && p.Text != "" {
				x.participants = append(x.participants, stripHonorific(p.Text))
			}
		}
	}
	x.mentionsIn(d.Title.Text, -1)
	x.mentionsIn(d.Summary.Text, -1)
	x.letterParties()
	x.recordSigner()
	x.cosigners()
	x.infoCopies()

	// the versions
	x.mentions = make([][]entity.Mention, len(d.Versions))
	for i, v := range d.Versions {
		ms := x.m.Find(v.Text, x.ctx)
		x.mentions[i] = ms
		x.addMentions(ms, i, v.Lang)
		x.bracketAliases(i, ms)
	}
	x.salutation()
	x.carriers()
	x.requestedBody()

	// citation
	c := archref.Parse(d.Citation.Text)
	for _, ref := range c.Refs {
		r.ArchivalRef = append(r.ArchivalRef, ArchivalRef{Archive: ref.Archive, ArchiveID: ref.ArchiveID, Fond: ref.Fond,
			Opis: ref.Opis, Delo: ref.Delo, Papka: ref.Papka, Folios: ref.Folios, Reference: ref.Reference})
	}
	if len(c.Refs) == 0 && d.OriginalArchive.Text != "" {
		// no source line names the archive: the page's "Original Archive" does
		for _, ref := range archref.Parse(d.OriginalArchive.Text).Refs {
			r.ArchivalRef = append(r.ArchivalRef, ArchivalRef{Archive: ref.Archive, ArchiveID: ref.ArchiveID, Reference: ref.Reference})
		}
	}
	for _, p := range c.Publications {
		r.Publications = append(r.Publications, Publication{Title: p.Title, Reference: p.Reference})
	}
	for _, p := range c.Problems {
		x.warn(d.Citation.Offset+p.Offset, p.Msg)
	}
	for _, tr := range append(c.Translators, d.Translators...) {
		ref := EntityRef{Class: vocab.ClassPerson, Name: tr}
		if mm := x.m.Resolve(tr, x.ctx); mm != nil && mm.Class == vocab.ClassPerson && mm.Text == tr {
			ref.Name = mm.Name
		}
		r.Translator = appendRef(r.Translator, ref)
	}

	x.languageOfTranslated()
	x.officeParties(t)
	x.officeNamedInSummary(t)

	// the archive's lists
	for _, p := range d.AssociatedPeople {
		if e, ok := x.associated(p, true); ok {
			r.Associated = appendRef(r.Associated, e)
		}
	}
	for _, p := range d.AssociatedPlaces {
		if e, ok := x.associated(p, false); ok {
			r.Associated = appendRef(r.Associated, e)
		}
	}
	r.Subjects = append(r.Subjects, d.Subjects...)

	x.finalAliases()
	x.claims()
	x.finish()
}

// vocabOther gives "other" when a title names no kind at all.
func vocabOther(string) string { return "other" }

func recordID(d *document.Document, file string) string {
	if d.RecordID != "" {
		return d.RecordID
	}
	if u := strings.TrimRight(d.Source, "/"); u != "" {
		last := u[strings.LastIndexByte(u, '/')+1:]
		if last != "" && strings.Trim(last, "0123456789") == "" {
			return last
		}
	}
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func appendRef(rs []EntityRef, e EntityRef) []EntityRef {
	if hasRef(rs, e) {
		return rs
	}
	return append(rs, e)
}

func hasRef(rs []EntityRef, e EntityRef) bool {
	for _, x := range rs {
		if x == e {
			return true
		}
	}
	return false
}

// entity returns the aggregate entity for a ref, creating it.
func (x *extractor) entity(ref EntityRef, e *vocab.Entry) *Entity {
	if en, ok := x.ents[ref]; ok {
		return en
	}
	en := &Entity{EntityRef: ref, Linked: e != nil}
	if e != nil {
		en.Wikidata = e.Wikidata
	}
	x.ents[ref] = en
	return en
}

func (x *extractor) addMention(mm entity.Mention, version int, lang string) {
	ref := EntityRef{Class: mm.Class, Name: mm.Name}
	en := x.entity(ref, mm.Entry)
	if version >= 0 {
		en.Mentions = append(en.Mentions, Span{Version: version, Start: mm.Start, End: mm.End})
	}
	if lm := linkMethod(mm); lm != "" && (en.LinkMethod == "" || linkRank[lm] < linkRank[en.LinkMethod]) {
		en.LinkMethod = lm
	}
	en.addRole(mm.Role)
	if mm.Blocked != nil && en.Blocked == "" {
		en.Blocked = mm.Blocked.Name
	}
	if mm.By != entity.ByCollective && mm.By != entity.ByFuzzy {
		lab := Label{Text: strings.TrimSpace(mm.Text), Lang: lang}
		found := false
		for _, l := range en.Labels {
			found = found || l == lab
		}
		if !found {
			en.Labels = append(en.Labels, lab)
		}
	}
	if t := strings.TrimSpace(mm.Titled); t != "" && t != strings.TrimSpace(mm.Text) {
		// the name with its title, as the document writes it ("General Haig")
		lab := Label{Text: t, Lang: lang}
		if !slices.Contains(en.Labels, lab) {
			en.Labels = append(en.Labels, lab)
		}
	}
	if mm.By == entity.ByPseudonym && mm.Label != nil {
		x.pseudonymAlias(mm, lang)
	}
}

func (x *extractor) addMentions(ms []entity.Mention, version int, lang string) {
	for _, mm := range ms {
		x.addMention(mm, version, lang)
	}
}

// mentionsIn records the entities a text outside the versions (title,
// summary) mentions.
func (x *extractor) mentionsIn(text string, version int) {
	if text == "" {
		return
	}
	lang := document.Script(text)
	x.addMentions(x.m.Find(text, x.ctx), version, lang)
}

// pseudonymAlias records a cover name the document uses. Names in Latin
// letters are kept as written in the gazetteer; Russian ones are
// transliterated, and only when the document has no Latin form of a cover
// name for the same person.
func (x *extractor) pseudonymAlias(mm entity.Mention, lang string) {
	text := mm.Label.Text
	switch mm.Label.Lang {
	case "en":
	case "ru":
		text = entity.Translit(text)
	default:
		return
	}
	x.addAlias(Alias{Alias: text, Of: EntityRef{Class: mm.Class, Name: mm.Name}}, mm.Label.Lang == "en")
}

func (x *extractor) addAlias(a Alias, latin bool) {
	if latin {
		x.latin = append(x.latin, a)
	} else {
		x.translit = append(x.translit, a)
	}
}

// finalAliases keeps each alias once; transliterated forms only for persons
// the document names by no Latin cover name.
func (x *extractor) finalAliases() {
	seen := map[string]bool{}
	hasLatin := map[EntityRef]bool{}
	for _, a := range x.latin {
		hasLatin[a.Of] = true
	}
	for k, list := range [][]Alias{x.latin, x.translit} {
		for _, a := range list {
			key := normKey(a.Alias) + "\x00" + a.Of.Name
			if seen[key] || k == 1 && hasLatin[a.Of] {
				continue
			}
			seen[key] = true
			x.r.Aliases = append(x.r.Aliases, a)
		}
	}
}

var entryKeys sync.Map // *vocab.Entry -> []string

// labelKeys are the folded labels of a gazetteer entry, computed once.
func labelKeys(e *vocab.Entry) []string {
	if v, ok := entryKeys.Load(e); ok {
		return v.([]string)
	}
	ks := make([]string, 0, len(e.Labels))
	for _, l := range e.Labels {
		ks = append(ks, normKey(l.Text))
	}
	entryKeys.Store(e, ks)
	return ks
}

// normKey folds a name for comparison: letters and digits, lower case.
func normKey(s string) string {
	var sb strings.Builder
	if asciiText(s) {
		// ASCII: its letters and digits lower-cased byte by byte
		sb.Grow(len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				sb.WriteByte(c)
			}
		}
		return sb.String()
	}
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// party resolves a name from the title with its bracketed hints: the real
// person becomes the ref, and a pseudonym used for them an alias.
func (x *extractor) party(p title.Party) (EntityRef, bool) {
	if p.Institution {
		return x.institution(p)
	}
	if p.Case != "" {
		return x.inflectedParty(p) // "Письмо Л.И. Брежнева", "tow. Gomułki" (inflected.go)
	}
	text := x.m.Resolve(p.Text, x.ctx)
	if text != nil && len(p.Hints) == 0 && text.Class != vocab.ClassPerson && text.Class != vocab.ClassOrganization &&
		(p.Lead || text.Class == vocab.ClassPlace || text.Class == vocab.ClassCountry) {
		// "Hungary, Report", "Telegram from Pyongyang to Bucharest": a
		// place or a country writes and receives nothing; who did is not said
		return EntityRef{}, false
	}
	if text != nil && p.Role != "" && text.Class != vocab.ClassPerson {
		text = nil // an office holds a person: "Ambassador to the United States" is not the country
	}
	if text == nil && p.Role != "" {
		text = x.resolveTail(p.Text)
	}
	if p.Text == "" && len(p.Hints) == 0 {
		return EntityRef{}, false // an office with no name: "the Secretary of State"
	}
	var hint *entity.Mention
	var hintText string
	for _, h := range p.Hints {
		if mm := x.m.Resolve(h, x.ctx); mm != nil && (mm.Class == vocab.ClassPlace || mm.Class == vocab.ClassCountry) {
			continue // the post a holder writes from: "Ambassador Shimazu (Taipei)"
		}
		if mm := x.m.Resolve(h, x.ctx); mm != nil {
			if hint == nil || hint.By == entity.ByPseudonym && mm.By != entity.ByPseudonym {
				hint, hintText = mm, h
			}
		}
		if mm := x.m.Resolve(h, x.ctx); mm != nil && mm.By == entity.ByPseudonym {
			x.addMention(*mm, -1, "en")
		}
	}
	properName := p.Text != "" && unicode.IsUpper(firstRune(p.Text))
	switch {
	case text != nil && hint != nil && text.By == entity.ByPseudonym && hint.By != entity.ByPseudonym:
		// "Filippov (Stalin)"
		x.addMention(*text, -1, "en")
		x.addMention(*hint, -1, "en")
		return EntityRef{Class: hint.Class, Name: hint.Name}, true
	case text != nil && hint != nil && hint.By == entity.ByPseudonym:
		// "Stalin [Kuznetsov]"
		x.addMention(*text, -1, "en")
		x.addMention(*hint, -1, "en")
		return EntityRef{Class: text.Class, Name: text.Name}, true
	case text == nil && hint != nil:
		// "the Chairman [Mao Zedong]", or an unknown cover name "Semenov [Stalin]"
		x.addMention(*hint, -1, "en")
		ref := EntityRef{Class: hint.Class, Name: hint.Name}
		if properName && hint.Class == vocab.ClassPerson && !strings.Contains(hintText, p.Text) && looksLikeName(p.Text) {
			x.addAlias(Alias{Alias: p.Text, Of: ref}, true)
		}
		return ref, true
	case text != nil:
		x.addMention(*text, -1, "en")
		return EntityRef{Class: text.Class, Name: text.Name}, true
	}
	if ref, ok := x.germanRomanised(p.Text); ok {
		return ref, true // "Genossen L.I. Breshnew" (inflected.go)
	}
	if !properName || !looksLikeName(p.Text) {
		return EntityRef{}, false
	}
	ref := EntityRef{Class: vocab.ClassPerson, Name: stripHonorific(p.Text)}
	x.entity(ref, nil)
	return ref, true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// looksLikeName reports whether s is one to four capitalised words (a
// personal name, not a description like "Chairman of the …").
func looksLikeName(s string) bool {
	w := strings.Fields(stripHonorific(s))
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for _, x := range w {
		if !unicode.IsUpper(firstRune(x)) {
			return false
		}
	}
	switch strings.ToLower(w[0]) {
	case "chairman", "premier", "president", "ambassador", "secretary", "minister", "the":
		return false
	}
	return true
}

func stripHonorific(s string) string {
	s = strings.TrimSpace(s)
	for _, h := range []string{"Cde. ", "Comrade ", "Com. ", "comrade ", "Tov. ", "тов. ", "товарищ ", "Товарищ ", "General ", "Marshal ",
		"Genosse ", "Genossin ", "Towarzyszu ", "Towarzysz ", "Soudruhu ", "Soudruh ", "Tovarășe ", "Tovarăș ", "Đồng chí ",
		"Mr. ", "Mrs. ", "Mr ", "Dear ", "Herr ", "Frau ", "Pan ", "Sir ", "Dame ", "Monsieur ", "Madame "} {
		s = strings.TrimPrefix(s, h)
	}
	// a Hungarian title follows the name: "Kádár elvtárs"
	for _, h := range []string{" elvtárs", " elvtársnő", " úr"} {
		s = strings.TrimSuffix(s, h)
	}
	return s
}

// bracketAliases finds cover names the gazetteer lacks, explained in
// brackets by the text: "Semenov [Stalin]".
func (x *extractor) bracketAliases(version int, ms []entity.Mention) {
	var runes []rune // asked for the first name that may stand in brackets
	for _, mm := range ms {
		if mm.Class != vocab.ClassPerson || mm.By != entity.ByName || mm.Start < 3 {
			continue
		}
		if runes == nil {
			runes = x.versionRunes(version)
		}
		open := mm.Start - 1
		for open >= 0 && runes[open] == ' ' {
			open--
		}
		if open < 0 || runes[open] != '[' && runes[open] != '(' {
			continue
		}
		close := mm.End
		if close >= len(runes) || runes[close] != ']' && runes[close] != ')' && runes[close] != ';' {
			continue
		}
		// the word(s) before the bracket, on the same line
		e := open
		for e > 0 && runes[e-1] == ' ' {
			e--
		}
		s := e
		for s > 0 && runes[s-1] != '\n' && (unicode.IsLetter(runes[s-1]) || runes[s-1] == ' ' || runes[s-1] == '-') {
			s--
		}
		words := strings.Fields(string(runes[s:e]))
		if len(words) == 0 {
			continue
		}
		if len(words) > 2 {
			words = words[len(words)-2:]
		}
		for len(words) > 0 && !unicode.IsUpper(firstRune(words[0])) {
			words = words[1:]
		}
		if len(words) == 0 {
			continue
		}
		name := strings.Join(words, " ")
		if known := x.m.Resolve(name, x.ctx); known != nil {
			continue // a known name or cover name: handled by the gazetteer
		}
		if strings.ToUpper(name) == name {
			name = titleCase(name)
		}
		x.addAlias(Alias{Alias: name, Of: EntityRef{Class: mm.Class, Name: mm.Name}}, true)
	}
}

func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	for i := range rs {
		if i == 0 || !unicode.IsLetter(rs[i-1]) {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	return string(rs)
}

// salutation reads the addressees of an opening line "To X and Y:" and
// adds the persons and organizations it names to the recipients.
func (x *extractor) salutation() {
	if len(x.r.Recipients) == 0 {
		return
	}
	for i, v := range x.doc.Versions {
		line, _, _ := strings.Cut(v.Text, "\n")
		line = strings.TrimSpace(line)
		if !strings.HasSuffix(line, ":") && !strings.HasSuffix(line, "：") {
			continue
		}
		low := strings.ToLower(line)
		if v.Lang == "en" && !strings.HasPrefix(low, "to ") {
			continue
		}
		n := utf8.RuneCountInString(line)
		for _, mm := range x.mentions[i] {
			if mm.Start >= n {
				break
			}
			if mm.By == entity.ByCollective || mm.Class != vocab.ClassPerson && mm.Class != vocab.ClassOrganization {
				continue
			}
			x.r.Recipients = appendRef(x.r.Recipients, EntityRef{Class: mm.Class, Name: mm.Name})
		}
	}
}

// associated resolves an entry of the archive's lists: "Stalin, Joseph,
// 1879-1953", "Molotov, V. M. (Viacheslav Mikhailovich), 1890-1986",
// "Korea (North)".
func (x *extractor) associated(s string, people bool) (EntityRef, bool) {
	try := []string{s}
	if people {
		parts := strings.Split(s, ",")
		var keep []string
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" || strings.IndexFunc(p, unicode.IsDigit) >= 0 {
				continue
			}
			keep = append(keep, p)
		}
		if len(keep) >= 2 {
			given := keep[1]
			full := given
			if i := strings.IndexByte(given, '('); i >= 0 {
				full = strings.Trim(given[i:], "() ")
				given = strings.TrimSpace(given[:i])
			}
			try = []string{full + " " + keep[0], given + " " + keep[0], keep[0]}
		} else if len(keep) == 1 {
			try = []string{keep[0]}
		}
	}
	for _, t := range try {
		ms := x.m.Find(t, x.ctx)
		if len(ms) == 0 {
			continue
		}
		mm := ms[0]
		if mm.By == entity.ByRule {
			continue
		}
		if people && mm.Class == vocab.ClassPerson || !people {
			if utf8.RuneCountInString(t)-(mm.End-mm.Start) > 3 && len(ms) != 1 {
				continue
			}
			x.addMention(mm, -1, "en")
			return EntityRef{Class: mm.Class, Name: mm.Name}, true
		}
		x.addMention(mm, -1, "en")
		return EntityRef{Class: mm.Class, Name: mm.Name}, true
	}
	return EntityRef{}, false
}

// claims runs claim extraction over the versions and their mentions.
func (x *extractor) claims() {
	r := x.r
	cd := claim.Doc{Date: r.Date, Kind: r.Kind, Participants: x.participants, Title: r.Title}
	for _, a := range r.Authors {
		if a.Class == vocab.ClassPlace || a.Class == vocab.ClassEvent {
			continue // "Ambassador in Hanoi" read as a place writes nothing
		}
		cd.Authors = append(cd.Authors, a.Name)
	}
	for _, a := range r.Recipients {
		cd.Recipients = append(cd.Recipients, a.Name)
	}
	n := 0
	for i := range r.Versions {
		n += len(x.mentions[i])
	}
	cd.Mentions = make([]claim.Mention, 0, n)
	for i, v := range r.Versions {
		cd.Versions = append(cd.Versions, claim.Version{Role: v.Role, Lang: v.Lang, Text: v.Text})
		for _, mm := range x.mentions[i] {
			cd.Mentions = append(cd.Mentions, claim.Mention{Version: i, Start: mm.Start, End: mm.End, Name: mm.Name, Class: mm.Class})
		}
	}
	res := claim.Extract(cd)
	for _, e := range res.Entities {
		ref := EntityRef{Class: e.Class, Name: e.Name}
		en := x.entity(ref, x.m.Gazetteer().Lookup(e.Name))
		if e.PartOf != nil {
			en.PartOf = &EntityRef{Class: e.PartOf.Class, Name: e.PartOf.Name}
		}
		for _, l := range e.Labels {
			if l != e.Name && !slices.Contains(en.Labels, Label{Text: l, Lang: "en"}) {
				en.Labels = append(en.Labels, Label{Text: l, Lang: "en"})
			}
		}
		if e.Version >= 0 && e.Version < len(r.Versions) && e.End > e.Start {
			en.Mentions = append(en.Mentions, Span{Version: e.Version, Start: e.Start, End: e.End})
		}
		if e.Text != "" && e.Version >= 0 && e.Version < len(r.Versions) {
			if l := (Label{Text: e.Text, Lang: r.Versions[e.Version].Lang}); !slices.Contains(en.Texts, l) {
				en.Texts = append(en.Texts, l)
			}
		}
	}
	for _, c := range res.Cites {
		r.Cites = append(r.Cites, Cite{Reply: c.Reply, Kind: c.Kind, Date: c.Date, Number: c.Number,
			Author: EntityRef{Class: c.Author.Class, Name: c.Author.Name}, Text: c.Text,
			Span: Span{Version: c.Version, Start: c.Start, End: c.End}})
	}
	for _, c := range res.Claims {
		if _, ok := vocab.ClaimRelations[c.Relation]; !ok {
			continue
		}
		// A claim is someone's: one no speaker is found for is the
		// document's author's, and a document with no author makes none.
		attr := EntityRef{Class: c.Attributed.Class, Name: c.Attributed.Name}
		if attr.Name == "" {
			if len(r.Authors) == 0 {
				continue
			}
			attr = r.Authors[0]
		}
		sub := EntityRef{Class: c.Subject.Class, Name: c.Subject.Name}
		obj := EntityRef{Class: c.Object.Class, Name: c.Object.Name}
		x.entity(sub, x.m.Gazetteer().Lookup(sub.Name))
		x.entity(obj, x.m.Gazetteer().Lookup(obj.Name))
		var aligned []Evidence
		for _, a := range c.Aligned {
			aligned = append(aligned, Evidence{Text: a.Text, Span: Span{Version: a.Version, Start: a.Start, End: a.End}})
		}
		r.Claims = append(r.Claims, Claim{Subject: sub, Relation: c.Relation, Object: obj,
			Attributed: attr,
			Evidence:   c.Evidence, Span: Span{Version: c.Version, Start: c.Start, End: c.End}, Confidence: c.Confidence,
			Aligned: aligned, When: c.When})
	}
}

// finish orders the entities: by class, then name; mentions by place.
func (x *extractor) finish() {
	x.unify()
	x.r.Claims = mergeClaims(x.r.Claims)
	var known map[string]bool // folded names of the linked entities, built when needed
	isKnown := func(name string) bool {
		if known == nil {
			known = map[string]bool{}
			for ref, e := range x.ents {
				if !e.Linked {
					continue
				}
				known[normKey(ref.Name)] = true
				if en := x.m.Gazetteer().Lookup(ref.Name); en != nil {
					for _, k := range labelKeys(en) {
						known[k] = true
					}
				}
			}
		}
		return known[normKey(name)]
	}
	aliasOf := map[string]bool{}
	for _, a := range x.r.Aliases {
		aliasOf[normKey(a.Alias)] = true
	}
	x.r.Entities = slices.Grow(x.r.Entities, len(x.ents))
	for ref, e := range x.ents {
		if !e.Linked && ref.Class == vocab.ClassPerson && (aliasOf[normKey(ref.Name)] || isKnown(ref.Name)) {
			delete(x.ents, ref) // an unlinked name that is really a known one
			continue
		}
		sort.Slice(e.Mentions, func(i, j int) bool {
			a, b := e.Mentions[i], e.Mentions[j]
			if a.Version != b.Version {
				return a.Version < b.Version
			}
			return a.Start < b.Start
		})
		x.r.Entities = append(x.r.Entities, *e)
	}
	if len(x.r.Entities) == 0 {
		x.r.Entities = nil // no entity kept: nil, as without the room made above
	}
	sort.Slice(x.r.Entities, func(i, j int) bool {
		a, b := x.r.Entities[i], x.r.Entities[j]
		if a.Class != b.Class {
			return a.Class < b.Class
		}
		return a.Name < b.Name
	})
}

// mergeClaims keeps one claim of each subject, relation and object: two
// names unified into one entity (the Russian "Юрий Владимирович" and the
// English "Yuri Andropov") make one claim, the second's evidence kept as
// the first's in its version.
func mergeClaims(cs []Claim) []Claim {
	type key struct {
		s, o EntityRef
		rel  string
	}
	at := map[key]int{}
	out := cs[:0]
	for _, c := range cs {
		k := key{c.Subject, c.Object, c.Relation}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, c)
			continue
		}
		m := &out[i]
		m.Confidence = max(m.Confidence, c.Confidence)
		have := func(sp Span) bool {
			if m.Span.Version == sp.Version {
				return true
			}
			for _, a := range m.Aligned {
				if a.Span.Version == sp.Version {
					return true
				}
			}
			return false
		}
		for _, e := range append([]Evidence{{Text: c.Evidence, Span: c.Span}}, c.Aligned...) {
			if !have(e.Span) {
				m.Aligned = append(m.Aligned, e)
			}
		}
		if m.When == "" {
			m.When = c.When
		}
	}
	return out
}
