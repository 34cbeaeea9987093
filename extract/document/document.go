// Package document reads the bytes of an archival record into its parts:
// layout (markdown export, saved record page or its date-first variant,
// the older site page, PDF-text copy, or plain letter and memorandum), date,
// title, citation, summary, metadata, and the text versions of its contents
// (original, draft transcription, translation), each with its language and
// its place in the file. Languages other than the script tells are told
// by extract/langid; a source line without its label is told by
// extract/archref.Looks.
package document

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/docgraph/docgraph/extract/archref"
	"github.com/docgraph/docgraph/extract/langid"
)

// Layouts a document can arrive in.
const (
	LayoutMarkdown = "markdown"
	LayoutPage     = "page"
	LayoutPlain    = "plain"
)

// Version roles.
const (
	RoleOriginal      = "original"
	RoleTranscription = "transcription"
	RoleTranslation   = "translation"
)

// Error is a problem in the input at a position; Line and Col are 1-based
// (Col counts characters), zero when unknown.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return e.File + ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": " + e.Msg
	case e.Line > 0:
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.File + ": " + e.Msg
}

// Field is a piece of the document's text with its place: Offset is a byte
// offset into Document.Text.
type Field struct {
	Text   string
	Offset int
}

// Version is one version of the contents.
type Version struct {
	Role  string // RoleOriginal, RoleTranscription or RoleTranslation
	Lang  string // ISO 639-1, detected from the script
	Label string // the heading that announces it ("Translation - English"), if any
	Text  string
	// Offset is the byte offset of Text in Document.Text.
	Offset int
}

// Document is a parsed record. Offsets are into Text, the input as decoded
// (BOM dropped, CRLF as LF, invalid bytes replaced); since line breaks
// count once either way, Position gives the line and column in the file.
type Document struct {
	File   string
	Text   string
	Layout string

	Date     Field // as written ("September 17, 1952")
	Title    Field
	Citation Field
	Summary  Field
	Source   string // the record's URL
	// OriginalLanguage is the language named by the record ("Russian"), as written.
	OriginalLanguage string
	Type             string // the record's "Type" ("Cable")
	RecordID         string
	Uploaded         string // "Original Uploaded Date"
	SourceLine       Field  // the page layout's archival "Source" text
	// OriginalArchive is the newer site's "Original Archive" line: the
	// archive that holds the record, named in full.
	OriginalArchive Field

	Authors          []string // the page's "Author(s):" list, as written
	AssociatedPeople []string
	AssociatedPlaces []string
	Subjects         []string

	// Translators are the names of "Translated by NAME" lines outside the
	// citation, as written.
	Translators []string
	// Routing is set when the text opens with a telegram's routing lines
	// ("FM AMEMBASSY MOSCOW" / "TO SECSTATE WASHDC"): a cable.
	Routing bool
	// To and From are a memorandum's header lines, as written; Via its
	// "Through:" line, the official it goes to the addressee through.
	To, From, Via []string
	// TitleLanguage is the language of a title written in the original's
	// language when the contents give only a translation (ISO 639-1), "".
	TitleLanguage string
	// TitleIsSubject marks a title taken from a memorandum's subject line,
	// which says what the record is about, not what kind it is or who wrote it.
	TitleIsSubject bool

	Versions []Version
	Warnings []*Error

	lineStart []int // byte offsets of line starts in Text
}

// Position returns the 1-based line and column (in characters) of a byte
// offset into Text.
func (d *Document) Position(offset int) (line, col int) {
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.Text) {
		offset = len(d.Text)
	}
	lo, hi := 0, len(d.lineStart)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.lineStart[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, utf8.RuneCountInString(d.Text[d.lineStart[lo]:offset]) + 1
}

// Errorf returns an Error at a byte offset of Text.
func (d *Document) errAt(offset int, msg string) *Error {
	l, c := d.Position(offset)
	return &Error{File: d.File, Line: l, Col: c, Msg: msg}
}

// Parse reads a document. It fails, with a positioned error, on input that
// is not a text record: empty, binary, an HTML page. Invalid UTF-8 is
// replaced and reported in Warnings.
func Parse(file string, data []byte) (*Document, error) {
	d := &Document{File: file}
	text, err := decode(d, data)
	if err != nil {
		return nil, err
	}
	d.lineStart = append(d.lineStart, 0)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			d.lineStart = append(d.lineStart, i+1)
		}
	}
	// a PDF copy's text run into one line: its labels start lines again
	// (positions still count the file's own lines)
	text = unflatten(text)
	d.Text = text
	if strings.TrimSpace(text) == "" {
		return nil, &Error{File: file, Msg: "empty document"}
	}
	if off, ok := htmlStart(text); ok {
		return nil, d.errAt(off, "an HTML page, not a text record (save the page as text, or export it)")
	}
	if off, ok := binaryAt(text); ok {
		return nil, d.errAt(off, "binary data, not a text record")
	}
	lines := splitLines(text)
	switch {
	case isMarkdown(lines):
		d.Layout = LayoutMarkdown
		d.parseMarkdown(lines)
	case isSite(lines):
		d.Layout = LayoutSite
		d.parseSite(lines)
	case isPage(lines):
		d.Layout = LayoutPage
		d.parsePage(lines)
	case isPDFText(lines):
		d.Layout = LayoutPDFText
		d.parsePDFText(lines)
	case dateFirst(lines):
		d.Layout = LayoutPage
		d.parsePage(lines)
	default:
		d.Layout = LayoutPlain
		d.parsePlain(lines)
	}
	d.translatedFrom()
	return d, nil
}

// translatedFrom reads the original language from a citation's
// "Translated from German by NAME" when no field names it, and makes the
// versions in other languages translations.
func (d *Document) translatedFrom() {
	if d.OriginalLanguage != "" {
		return
	}
	low := strings.ToLower(d.Citation.Text)
	i := strings.Index(low, "translated from ")
	if i < 0 {
		return
	}
	rest := strings.Fields(d.Citation.Text[i+len("translated from "):])
	if len(rest) == 0 {
		return
	}
	code := LangCode(strings.Trim(rest[0], ".,;"))
	if code == "" {
		return
	}
	d.OriginalLanguage = strings.Trim(rest[0], ".,;")
	for k := range d.Versions {
		if d.Versions[k].Lang != code && d.Versions[k].Role == RoleOriginal {
			d.Versions[k].Role = RoleTranslation
		}
	}
}

// decode turns bytes into text: UTF-16 with a BOM is converted, a UTF-8 BOM
// dropped, CRLF and lone CR become LF, invalid UTF-8 becomes U+FFFD with a
// warning at the first bad byte.
func decode(d *Document, data []byte) (string, error) {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		be := data[0] == 0xFE
		data = data[2:]
		if len(data)%2 == 1 {
			return "", &Error{File: d.File, Msg: "UTF-16 text with an odd number of bytes"}
		}
		u := make([]uint16, len(data)/2)
		for i := range u {
			if be {
				u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
			} else {
				u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
			}
		}
		data = []byte(string(utf16.Decode(u)))
		d.Warnings = append(d.Warnings, &Error{File: d.File, Line: 1, Col: 1, Msg: "UTF-16 text converted to UTF-8"})
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	var sb strings.Builder
	line, col, first := 1, 1, true
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			if first {
				d.Warnings = append(d.Warnings, &Error{File: d.File, Line: line, Col: col, Msg: "invalid UTF-8, replaced with U+FFFD"})
				first = false
			}
			sb.WriteRune(utf8.RuneError)
			i++
			col++
			continue
		}
		sb.WriteRune(r)
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return sb.String(), nil
}

func htmlStart(text string) (int, bool) {
	t := strings.TrimLeft(text, " \t\n")
	off := len(text) - len(t)
	if len(t) > 200 {
		t = t[:200]
	}
	l := strings.ToLower(t)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<?xml", "<body"} {
		if strings.HasPrefix(l, p) {
			return off, true
		}
	}
	return 0, false
}

func binaryAt(text string) (int, bool) {
	bad := 0
	first := -1
	for i, r := range text {
		if r == 0 || r < 0x20 && r != '\n' && r != '\t' && r != '\f' {
			bad++
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 && (strings.IndexByte(text, 0) >= 0 || bad*20 > len(text)) {
		return first, true
	}
	return 0, false
}

// line is one line of Text without its newline.
type line struct {
	text string
	off  int
	cut  bool // the archive's furniture, read as a blank that ends a version
}

func (l line) trim() string { return strings.TrimSpace(l.text) }

func (l line) blank() bool {
	for _, r := range l.text {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func splitLines(text string) []line {
	if text == "" {
		return nil
	}
	out := make([]line, 0, strings.Count(text, "\n")+1)
	off := 0
	for off <= len(text) {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			if off < len(text) {
				out = append(out, line{text: text[off:], off: off})
			}
			break
		}
		out = append(out, line{text: text[off : off+i], off: off})
		off += i + 1
	}
	return out
}

func isMarkdown(lines []line) bool {
	for _, l := range lines {
		t := l.trim()
		if strings.HasPrefix(t, "#### Citation:") || strings.HasPrefix(t, "### ") || strings.HasPrefix(t, "#### Contents:") {
			return true
		}
	}
	return false
}

var pageHeadings = map[string]bool{
	"Document Information": true, "Author(s):": true, "Associated People & Organizations": true,
	"Associated Places": true, "Subjects Discussed": true, "Source": true, "Rights": true,
	"Original Uploaded Date": true, "Record ID": true, "Type": true, "Language": true,
	"Original Language": true, "Contents": true, "Summary": true,
	// the newer site's lists and their neighbours
	"Original Archive": true, "Associated Topics": true, "Related Documents": true, "Related Records": true,
	"Associated Collections": true, "Related Content": true, "Author(s)": true, "Authors": true,
}

// skipLink reports whether a line is the page's link past its navigation
// ("Skip to content", "Skip to main content").
func skipLink(t string) bool {
	switch strings.ToLower(t) {
	case "skip to content", "skip to main content", "skip to main navigation":
		return true
	}
	return false
}

func isPage(lines []line) bool {
	for _, l := range lines {
		switch t := l.trim(); {
		case skipLink(t), t == "Document Information", t == "Record ID", t == "Original Uploaded Date":
			return true
		}
	}
	return false
}

// field returns the trimmed text of lines[i:j] joined, located at the
// first non-blank character.
func field(text string, lines []line, i, j int) Field {
	i, j = max(i, 0), min(j, len(lines))
	for i < j && lines[i].blank() {
		i++
	}
	for j > i && lines[j-1].blank() {
		j--
	}
	if i >= j {
		return Field{}
	}
	start := lines[i].off + (len(lines[i].text) - len(strings.TrimLeft(lines[i].text, " \t")))
	end := lines[j-1].off + len(strings.TrimRight(lines[j-1].text, " \t"))
	if end < start {
		end = start
	}
	return Field{Text: text[start:end], Offset: start}
}

func (d *Document) parseMarkdown(lines []line) {
	var heads []int
	for i, l := range lines {
		if strings.HasPrefix(l.trim(), "#") {
			heads = append(heads, i)
		}
	}
	heads = append(heads, len(lines))
	var contents, sections []line
	for h := 0; h+1 < len(heads); h++ {
		i, end := heads[h], heads[h+1]
		t := lines[i].trim()
		if strings.HasPrefix(t, "## ") && d.Date.Text != "" && versionHeading(strings.TrimSpace(t[3:])) {
			// a version under its own heading ("## Original - Russian"),
			// the contents list naming it above: a cut between versions
			sections = append(sections, line{off: lines[i].off, cut: true})
			sections = append(sections, lines[i+1:end]...)
			continue
		}
		if strings.HasPrefix(t, "#### ") && strings.EqualFold(strings.TrimSuffix(strings.TrimSpace(t[5:]), ":"), "contents") {
			contents = lines[i+1 : end]
		}
		switch {
		case strings.HasPrefix(t, "#### "):
			f := field(d.Text, lines, i+1, end)
			switch strings.ToLower(strings.TrimSuffix(strings.TrimSpace(t[5:]), ":")) {
			case "citation":
				d.Citation, d.Source = splitURL(f)
			case "summary":
				d.Summary = f
			case "original language":
				d.OriginalLanguage = f.Text
			case "contents":
				d.parseContents(lines[i+1:end], true)
			}
		case strings.HasPrefix(t, "### ") && d.Title.Text == "":
			f := field(d.Text, lines, i, i+1)
			d.Title = Field{Text: strings.TrimSpace(f.Text[4:]), Offset: f.Offset + 4}
		case strings.HasPrefix(t, "## ") && d.Date.Text == "":
			f := field(d.Text, lines, i, i+1)
			d.Date = Field{Text: strings.TrimSpace(f.Text[3:]), Offset: f.Offset + 3}
		}
	}
	if len(d.Versions) == 0 && len(sections) > 0 {
		var labels []line
		for _, l := range contents {
			if versionHeading(l.trim()) {
				labels = append(labels, l)
			}
		}
		d.parseContents(append(labels, sections...), true)
	}
	if d.Date.Text == "" && d.Title.Text != "" {
		// the date at the end of the title: "### Minutes of the Meeting, 23 October 1956"
		title := d.Title
		d.splitTitleDate()
		if d.Date.Text != "" {
			d.Title = title // the markdown title stays as the archive wrote it
		}
	}
	d.fromCitation()
	if d.Title.Text == "" {
		d.Warnings = append(d.Warnings, &Error{File: d.File, Line: 1, Msg: "no ### title line"})
	}
}

// splitURL separates the record URL in angle brackets at the end of a
// citation from the citation text.
func splitURL(f Field) (Field, string) {
	t := f.Text
	i := strings.LastIndex(t, "<http")
	if i < 0 {
		return f, ""
	}
	j := strings.IndexByte(t[i:], '>')
	if j < 0 {
		return f, ""
	}
	url := t[i+1 : i+j]
	return Field{Text: strings.TrimSpace(t[:i]), Offset: f.Offset}, url
}

// versionHeading reports whether a line announces a version ("Original
// Scan", "Transcription - Russian", "Translation - English").
func versionHeading(t string) bool {
	low := strings.ToLower(t)
	for _, p := range []string{"original scan", "original - ", "transcription - ", "translation - ", "transcript - "} {
		if strings.HasPrefix(low, p) || low == strings.TrimSuffix(p, " - ") {
			return true
		}
	}
	return false
}

// parseContents splits contents into versions by language, then finds
// the draft transcription inside an original-language run.
func (d *Document) parseContents(lines []line, headings bool) {
	var labels []string
	k := 0
	for k < len(lines) && lines[k].blank() {
		k++
	}
	if headings {
		for k < len(lines) && versionHeading(lines[k].trim()) {
			labels = append(labels, lines[k].trim())
			k++
		}
	}
	lines = d.dropBoilerplate(lines[k:])
	langs := lineLangs(d.Text, lines)
	// runs of paragraphs in one language
	type run struct {
		lang string
		i, j int
	}
	var runs []run
	cur := run{i: -1}
	for i, l := range lines {
		if l.cut {
			if cur.i >= 0 {
				runs = append(runs, cur)
				cur = run{i: -1}
			}
			continue
		}
		if l.blank() {
			continue
		}
		lang := langs[i]
		if lang == "" {
			if cur.i >= 0 {
				cur.j = i + 1
			}
			continue
		}
		if cur.i >= 0 && lang != cur.lang && paragraphStart(lines, i) {
			runs = append(runs, cur)
			cur = run{i: -1}
		}
		if cur.i < 0 {
			cur = run{lang: lang, i: i}
		}
		cur.j = i + 1
	}
	if cur.i >= 0 {
		runs = append(runs, cur)
	}
	// merge short runs of another script into their neighbour (a Latin
	// signature in a Cyrillic letter)
	for n := 0; n < len(runs); n++ {
		if len(runs) > 1 && runs[n].j-runs[n].i <= 1 && letters(lines[runs[n].i].text) < 40 && n > 0 && !cutBetween(lines, runs[n-1].j, runs[n].i) {
			runs[n-1].j = runs[n].j
			runs = append(runs[:n], runs[n+1:]...)
			n--
		}
	}
	// runs of one language separated by the archive's furniture are one
	// version's paragraphs: the later ones join the first when nothing of
	// another language comes between
	// languages other than the script's commonest are told from the text
	for n := range runs {
		if l := runs[n].lang; l == latinOther || l == "ru" && needsCyrillicCheck(lines[runs[n].i:runs[n].j]) {
			f := field(d.Text, lines, runs[n].i, runs[n].j)
			if got := langid.Detect(f.Text); got != "" {
				runs[n].lang = got
			} else if l == latinOther {
				runs[n].lang = "en"
			}
		}
	}
	// a Japanese text's lines of kanji alone ("中国課") are Japanese too
	japanese := false
	for _, r := range runs {
		japanese = japanese || r.lang == "ja"
	}
	for n := range runs {
		if japanese && runs[n].lang == "zh" {
			runs[n].lang = "ja"
		}
	}
	orig := LangCode(d.OriginalLanguage)
	if orig == "" {
		for _, l := range labels {
			low := strings.ToLower(l)
			if strings.HasPrefix(low, "original - ") {
				orig = LangCode(l[len("original - "):])
			}
		}
	}
	if orig == "" {
		// only a "Translation - English" heading: the title in another
		// language names the original's ("Шифротелеграмма из Будапешта")
		translated, original := "", false
		for _, l := range labels {
			low := strings.ToLower(l)
			original = original || strings.HasPrefix(low, "original") || strings.HasPrefix(low, "transcription")
			if strings.HasPrefix(low, "translation - ") {
				translated = LangCode(l[len("translation - "):])
			}
		}
		if tl := titleLang(d.Title.Text); !original && translated != "" && tl != "" && tl != translated {
			orig, d.TitleLanguage = tl, tl
		}
	}
	for _, r := range runs {
		if orig == "" && r.lang != "en" {
			orig = r.lang
		}
	}
	if orig == "" && len(runs) > 0 {
		orig = runs[0].lang
	}
	seenOrig := false
	for _, r := range runs {
		role := RoleOriginal
		switch {
		case r.lang != orig:
			role = RoleTranslation
		case seenOrig:
			role = RoleTranscription
			if draftStart(lines, r.i, r.j) < 0 && !markup(lines[r.i:r.j]) {
				role = RoleOriginal // a later part of the original, after furniture
			}
		}
		if role == RoleOriginal && !seenOrig {
			seenOrig = true
			if cut := draftStart(lines, r.i, r.j); cut > r.i {
				d.addVersion(lines, r.i, cut, RoleOriginal, r.lang, labels)
				d.addVersion(lines, cut, r.j, RoleTranscription, r.lang, labels)
				continue
			} else if cut == r.i {
				role = RoleTranscription
				seenOrig = false
			}
		}
		d.addVersion(lines, r.i, r.j, role, r.lang, labels)
	}
}

// titleLang returns the language a title is clearly written in when it
// is not English: "ru" for Cyrillic letters, a Latin-script language its
// words tell; "" otherwise.
func titleLang(t string) string {
	n := langid.CountLetters(t)
	if n.Cyrillic > 0 && n.Cyrillic > 2*n.Latin {
		return "ru"
	}
	if n.Latin == 0 || langid.LatinClass(t) != "other" {
		return ""
	}
	if l := langid.Detect(t); l != "en" {
		return l
	}
	return ""
}

// latinOther marks text in Latin letters that is not English, until its
// language is told.
const latinOther = "xl"

// lineLangs gives each line the language of its paragraph: by script, and
// for Latin letters English or not by the commonest words; a paragraph
// too short to tell takes the language of the nearest one in the same
// script. Lines with too few letters get "".
func lineLangs(text string, lines []line) []string {
	out := make([]string, len(lines))
	type para struct {
		i, j  int
		class string // for Latin paragraphs: "en", latinOther or "" (unknown)
		opens bool   // a salutation, which belongs with the letter it opens
	}
	var paras []para
	for i := 0; i < len(lines); {
		if lines[i].blank() {
			i++
			continue
		}
		j := i
		for j < len(lines) && !lines[j].blank() {
			j++
		}
		latin := false
		for k := i; k < j; k++ {
			lang := Script(lines[k].text)
			if !lettersAtLeast(lines[k].text, 4) {
				lang = ""
			}
			out[k] = lang
			latin = latin || lang == "en"
		}
		if latin {
			c := "?"
			ptext := ""
			if e := lines[j-1].off + len(lines[j-1].text); lines[i].off <= e && e <= len(text) {
				ptext = text[lines[i].off:e]
			}
			switch langid.LatinClass(ptext) {
			case "en":
				c = "en"
			case "other":
				c = latinOther
			}
			opens := j-i == 1 && salutation(lines[i].trim()) != ""
			paras = append(paras, para{i, j, c, opens})
		}
		i = j
	}
	// undetermined Latin paragraphs take the nearest determined class
	whole := ""
	for n := range paras {
		if paras[n].class != "?" {
			continue
		}
		c := ""
		back := func() {
			for m := n - 1; m >= 0 && c == ""; m-- {
				if paras[m].class != "?" {
					c = paras[m].class
				}
			}
		}
		forth := func() {
			for m := n + 1; m < len(paras) && c == ""; m++ {
				if paras[m].class != "?" {
					c = paras[m].class
				}
			}
		}
		if paras[n].opens {
			// "Dear Comrade Gorbachev,": the letter it opens
			forth()
			back()
		} else {
			back()
			forth()
		}
		if c == "" {
			// no paragraph tells: the Latin paragraphs together do
			// (a short letter: "Stimate tovarășe X, / Vă transmitem ... /
			// Cu salutări comuniste,")
			if whole == "" {
				var sb strings.Builder
				for _, p := range paras {
					for k := p.i; k < p.j; k++ {
						sb.WriteString(lines[k].text)
						sb.WriteByte(' ')
					}
				}
				whole = "en"
				switch langid.LatinClass(sb.String()) {
				case "other":
					whole = latinOther
				case "":
					// too few common words even together: the letters tell
					if l := langid.Detect(sb.String()); l != "" && l != "en" {
						whole = latinOther
					}
				}
			}
			c = whole
		}
		paras[n].class = c
	}
	for _, p := range paras {
		if p.class != latinOther {
			continue
		}
		for k := p.i; k < p.j; k++ {
			if out[k] == "en" {
				out[k] = latinOther
			}
		}
	}
	return out
}

// needsCyrillicCheck reports whether Cyrillic text may be other than
// Russian: it has no letter only Russian uses among its first lines.
func needsCyrillicCheck(ls []line) bool {
	russian := false
	for k, l := range ls {
		if k > 40 {
			break
		}
		if strings.ContainsAny(l.text, "өүӨҮіїєІЇЄђћџјљњ") {
			return true
		}
		russian = russian || strings.ContainsAny(l.text, "ыЫ")
	}
	return !russian
}

func cutBetween(lines []line, i, j int) bool {
	for k := i; k < j && k < len(lines); k++ {
		if lines[k].cut {
			return true
		}
	}
	return false
}

// paragraphStart reports whether lines[i] begins a paragraph.
func paragraphStart(lines []line, i int) bool { return i == 0 || lines[i-1].blank() }

// draftStart finds where a draft transcription begins inside lines[i:j]:
// before the first line that is only a page number, going back over the
// paragraphs that carry transcription markup. It returns -1 when there is
// no draft.
func draftStart(lines []line, i, j int) int {
	first := -1
	for k := i; k < j; k++ {
		if pageNumber(lines[k].trim()) {
			first = k
			break
		}
	}
	if first < 0 {
		return -1
	}
	start := first
	for {
		// the paragraph ending just before start
		p := start - 1
		for p >= i && lines[p].blank() {
			p--
		}
		if p < i {
			return i
		}
		q := p
		for q > i && !lines[q-1].blank() {
			q--
		}
		if !markup(lines[q : p+1]) {
			return start
		}
		start = q
	}
}

// pageNumber reports whether a line holds only a page or folio number (with
// perhaps a stray mark: "100 3", "101 X").
func pageNumber(t string) bool {
	if t == "" || len(t) > 8 || t[0] < '0' || t[0] > '9' {
		return false
	}
	digits := 0
	for _, r := range t {
		if r >= '0' && r <= '9' {
			digits++
		} else if unicode.IsLetter(r) && r > 0x7f {
			return false
		}
	}
	return digits > 0 && !strings.ContainsAny(t, ".)")
}

func markup(ls []line) bool {
	for _, l := range ls {
		if strings.Contains(l.text, "~~") || strings.Contains(l.text, "<sup>") {
			return true
		}
	}
	return false
}

func (d *Document) addVersion(lines []line, i, j int, role, lang string, labels []string) {
	f := field(d.Text, lines, i, j)
	if f.Text == "" {
		return
	}
	v := Version{Role: role, Lang: lang, Text: f.Text, Offset: f.Offset}
	for _, l := range labels {
		low := strings.ToLower(l)
		if strings.HasPrefix(low, role) || role == RoleOriginal && strings.HasPrefix(low, "original") {
			v.Label = l
			break
		}
	}
	d.Versions = append(d.Versions, v)
}

// Script returns the language a line's letters point to: "ru" for
// Cyrillic, "zh" for Han, "ko" for Hangul, "ja" for kana, "en" for Latin;
// "" when the line has no letters.
func Script(s string) string {
	n := langid.CountLetters(s)
	cyr, han, hangul, kana, latin := n.Cyrillic, n.Han, n.Hangul, n.Kana, n.Latin
	best, lang := 0, ""
	if kana > 0 {
		han += kana
	}
	for _, c := range []struct {
		n    int
		lang string
	}{{cyr, "ru"}, {han * 2, "zh"}, {hangul * 2, "ko"}, {latin, "en"}} {
		if c.n > best {
			best, lang = c.n, c.lang
		}
	}
	if kana > 0 && lang == "zh" {
		lang = "ja"
	}
	return lang
}

// lettersAtLeast is letters(s) >= n, read only as far as it takes.
func lettersAtLeast(s string, n int) bool {
	c := 0
	for _, r := range s {
		if c >= n {
			return true
		}
		if unicode.IsLetter(r) {
			c++
			if r >= 0x2E80 {
				c += 3
			}
		}
	}
	return c >= n
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if r >= 0x2E80 {
				n += 3 // one Han character carries a word
			}
		}
	}
	return n
}

// langNames maps language names as records write them, in English and in
// the language itself, to ISO 639-1 codes.
var langNames = map[string]string{
	"russian": "ru", "русский": "ru", "chinese": "zh", "中文": "zh", "english": "en", "korean": "ko",
	"japanese": "ja", "german": "de", "deutsch": "de", "french": "fr", "polish": "pl", "polski": "pl",
	"czech": "cs", "česky": "cs", "čeština": "cs", "slovak": "sk", "hungarian": "hu", "magyar": "hu",
	"vietnamese": "vi", "mongolian": "mn", "romanian": "ro", "bulgarian": "bg", "albanian": "sq",
	"spanish": "es", "italian": "it", "portuguese": "pt", "serbian": "sr", "croatian": "hr",
	"serbo-croatian": "sh", "serbo-croat": "sh", "slovenian": "sl", "macedonian": "mk", "ukrainian": "uk",
	"belarusian": "be", "arabic": "ar", "persian": "fa", "farsi": "fa", "hebrew": "he", "turkish": "tr",
	"greek": "el", "finnish": "fi", "swedish": "sv", "norwegian": "no", "danish": "da", "dutch": "nl",
	"estonian": "et", "latvian": "lv", "lithuanian": "lt", "hindi": "hi", "urdu": "ur", "khmer": "km",
	"lao": "lo", "indonesian": "id", "georgian": "ka", "armenian": "hy", "amharic": "am", "dari": "fa",
	"pashto": "ps", "tigrinya": "ti", "somali": "so", "swahili": "sw",
}

// LangCode maps a language name as records write it ("Russian", "German,
// Russian") to the ISO 639-1 code of the first language named; "" when
// unknown.
func LangCode(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if c, ok := langNames[name]; ok {
		return c
	}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == ' ' || r == '(' || r == ')' }) {
		if c, ok := langNames[w]; ok {
			return c
		}
	}
	return ""
}

func (d *Document) parsePage(lines []line) {
	start := 0
	for start < len(lines) && (lines[start].blank() || skipLink(lines[start].trim())) {
		start++
	}
	bodyStart := d.dateTitle(lines, start)
	if d.Date.Text == "" && d.Title.Text != "" {
		d.Warnings = append(d.Warnings, d.errAt(d.Title.Offset, "no date line before the title"))
	}
	summarised := false
	if k := nextLine(lines, bodyStart); k >= 0 && lines[k].trim() == "Summary" {
		// the summary under its heading right after the title, the
		// record's text after it
		if p := nextLine(lines, k+1); p >= 0 && !pageHeadings[lines[p].trim()] {
			e := paragraphEnd(lines, p)
			d.Summary = field(d.Text, lines, p, e)
			bodyStart, summarised = e, true
		}
	}
	// metadata block: a heading of the saved page, or a labelled line
	meta, labelled := len(lines), false
	for k := bodyStart; k < len(lines); k++ {
		t := lines[k].trim()
		if pageHeadings[t] && t != "Type" && t != "Language" && t != "Source" {
			meta = k
			break
		}
		if key, _, ok := plainLabel(t); ok && key != "summary" && key != "contents" {
			meta, labelled = k, true
			break
		}
	}
	// headings the body might use too ("Source", "Language", "Type") open
	// the metadata block when only headings and their one-paragraph values
	// follow them; a page saved with no other heading ends in at least two
	// of them
	noHeading := meta == len(lines)
	found := 0
	for !labelled && meta <= len(lines) {
		h := meta - 1
		for h >= bodyStart && lines[h].blank() {
			h--
		}
		if h >= bodyStart && pageHeadings[lines[h].trim()] && (!noHeading || found > 0) {
			meta, found = h, found+1 // a heading with an empty value
			continue
		}
		v := h
		for v > bodyStart && !lines[v-1].blank() {
			v--
		}
		g := v - 1
		for g >= bodyStart && lines[g].blank() {
			g--
		}
		if h >= bodyStart && g >= bodyStart && pageHeadings[lines[g].trim()] && h-v < 3 {
			meta, found = g, found+1
			continue
		}
		break
	}
	if noHeading && found < 2 {
		meta = len(lines)
	}
	// the body's last paragraphs: the archive's furniture, the translator's
	// line, and an archival source line without a label
	bodyEnd := meta
	for {
		p := bodyEnd - 1
		for p >= bodyStart && lines[p].blank() {
			p--
		}
		if p < bodyStart {
			break
		}
		q := p
		for q > bodyStart && !lines[q-1].blank() {
			q--
		}
		first := lines[q].trim()
		if tr := translatedBy(first); tr != nil {
			d.addTranslators(tr)
		} else if boilerplate(first) {
		} else if d.Citation.Text == "" && archref.Looks(first) {
			d.Citation = field(d.Text, lines, q, p+1)
			d.SourceLine = d.Citation
		} else {
			break
		}
		bodyEnd = q
	}
	// the summary is the last paragraph of the body when the saved page's
	// metadata block follows
	if meta < len(lines) && !labelled && !summarised {
		p := bodyEnd - 1
		for p >= bodyStart && lines[p].blank() {
			p--
		}
		q := p
		for q > bodyStart && !lines[q-1].blank() {
			q--
		}
		last := ""
		if p >= bodyStart && p >= 0 {
			last = field(d.Text, lines, q, p+1).Text
		}
		// a recorder's or signer's line ends the record; it is no summary
		// (also a name over its office: "Gyula Kerekes / chargé d'affaires a.i.")
		signed := recorderIn(last) != "" || p == q && signatureName(dropOffice(unsigned(last))) != "" ||
			p-q < 3 && len(last) < 120 && LetterParts(last).Signature != ""
		if p >= bodyStart && q > bodyStart && !signed {
			d.Summary = field(d.Text, lines, q, p+1)
			bodyEnd = q
		}
	}
	// metadata: heading lines followed by values, or labelled lines
	cur := ""
	start = -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		f := field(d.Text, lines, start, end)
		switch cur {
		case "Source":
			if d.Citation.Text == "" || d.SourceLine.Text == d.Citation.Text {
				d.SourceLine = f
				d.Citation = f
			}
		case "Original Uploaded Date":
			d.Uploaded = f.Text
		case "Record ID":
			d.RecordID = f.Text
		case "Type":
			d.Type = f.Text
		case "Language", "Original Language":
			d.OriginalLanguage = firstLine(f.Text)
		case "Author(s):", "Author(s)", "Authors":
			d.Authors = nonBlank(lines[start:end])
		case "Original Archive":
			if i := nextLine(lines[:end], start); i >= 0 {
				d.OriginalArchive = field(d.Text, lines, i, i+1)
			}
		case "Associated People & Organizations":
			d.AssociatedPeople = nonBlank(lines[start:end])
		case "Associated Places":
			d.AssociatedPlaces = nonBlank(lines[start:end])
		case "Subjects Discussed":
			d.Subjects = nonBlank(lines[start:end])
		case "Document Information":
			// an archival source line without its "Source" heading
			d.unlabelledSource(lines, start, end)
		}
		start = -1
	}
	for k := meta; k < len(lines); k++ {
		t := lines[k].trim()
		if pageHeadings[t] {
			flush(k)
			cur, start = t, k+1
			continue
		}
		if key, rest, ok := plainLabel(t); ok && rest != "" {
			flush(k)
			cur = ""
			d.setField(lines, section{key: key, at: k, rest: Field{Text: rest, Offset: lines[k].off + strings.LastIndex(lines[k].text, rest)}, from: k + 1, to: k + 1})
			continue
		}
		if start < 0 && !lines[k].blank() {
			if tr := translatedBy(t); tr != nil {
				d.addTranslators(tr)
			}
		}
	}
	flush(len(lines))
	d.parseContents(d.dropBoilerplate(lines[bodyStart:bodyEnd]), false)
}

// unlabelledSource takes the first paragraph of lines[i:j] that reads as an
// archival source line as the citation, where there is none yet, and the
// translators' lines.
func (d *Document) unlabelledSource(lines []line, i, j int) {
	for k := i; k < j; {
		if lines[k].blank() {
			k++
			continue
		}
		e := paragraphEnd(lines, k)
		if e > j {
			e = j
		}
		t := lines[k].trim()
		switch {
		case translatedBy(t) != nil:
			d.addTranslators(translatedBy(t))
		case d.Citation.Text == "" && archref.Looks(t):
			d.Citation = field(d.Text, lines, k, e)
			d.SourceLine = d.Citation
		}
		k = e
	}
}

func nonBlank(ls []line) []string {
	var out []string
	for _, l := range ls {
		if !l.blank() {
			out = append(out, l.trim())
		}
	}
	return out
}

// headingsFor open a memorandum's heading line that names its addressee,
// in the languages of these records.
var headingsFor = []string{"memorandum for ", "memorandum to ", "note pour ", "note à l'attention de ", "nota para ",
	"memorándum para ", "appunto per ", "promemoria per ", "nota per "}

// headingFor returns the byte length of a heading's lead before the
// addressee ("NOTE POUR " in "NOTE POUR LE PRÉSIDENT"), or 0.
func headingFor(t string) int {
	low := strings.ToLower(t)
	if len(low) != len(t) {
		return 0 // a case change of other length: offsets would not hold
	}
	for _, h := range headingsFor {
		if strings.HasPrefix(low, h) && len(t) > len(h) {
			return len(h)
		}
	}
	return 0
}

func (d *Document) parsePlain(lines []line) {
	// a memorandum's header lines
	for _, l := range lines {
		t := l.trim()
		if t == "" {
			continue
		}
		key, v, ok := headerLine(t)
		if !ok {
			// a memorandum's addressee on its heading line: "MEMORANDUM FOR
			// THE PRESIDENT", "NOTE POUR LE PRÉSIDENT DE LA RÉPUBLIQUE"
			if lead := headingFor(t); lead > 0 && len(t) < 90 {
				key, v, ok = "to", strings.TrimSpace(t[lead:]), true
			}
		}
		if !ok || v == "" {
			continue
		}
		switch key {
		case "to":
			d.To = append(d.To, v)
		case "from":
			d.From = append(d.From, v)
		case "via":
			d.Via = append(d.Via, v)
		case "date":
			if _, ok := findDate(v); ok && d.Date.Text == "" {
				d.Date = Field{Text: v, Offset: l.off + strings.LastIndex(l.text, v)}
			}
		case "subject":
			if d.Title.Text == "" {
				d.Title = Field{Text: v, Offset: l.off + strings.LastIndex(l.text, v)}
				d.TitleIsSubject = true
			}
		}
	}
	d.cableRouting(lines)
	if d.Title.Text == "" {
		// a memorandum to a body: its subject line under the addressee
		if _, subj := addresseeSubject(d.Text); subj != "" {
			d.Title = Field{Text: subj, Offset: strings.Index(d.Text, subj)}
			d.TitleIsSubject = true
		}
	}
	if d.Date.Text == "" {
		for _, l := range lines {
			t := l.trim()
			if t == "" || len(t) > 60 {
				continue
			}
			if s, ok := findDate(t); ok {
				d.Date = Field{Text: s, Offset: l.off + strings.Index(l.text, s)}
				break
			}
		}
	}
	d.parseContents(d.dropBoilerplate(lines), false)
	// a letter or memorandum: headers, a salutation, a signature or an
	// addressee line; it has no title, and may have no date
	letter := len(d.To) > 0 || len(d.From) > 0
	for _, v := range d.Versions {
		lp := LetterParts(v.Text)
		letter = letter || lp.Salutation != "" || lp.Signature != "" || Addressee(v.Text) != "" || PersonalAddressee(v.Text) != ""
	}
	if letter {
		if d.Date.Text == "" {
			d.Warnings = append(d.Warnings, &Error{File: d.File, Line: 1, Msg: "a letter or memorandum with no date"})
		}
		return
	}
	var missing []string
	if d.Date.Text == "" {
		missing = append(missing, "no date")
	}
	if d.Title.Text == "" {
		missing = append(missing, "no title")
	}
	msg := "no known layout (no markdown headings, record page, citation block or labelled lines); read as plain text"
	if len(missing) > 0 {
		msg += ": " + strings.Join(missing, ", ")
	}
	d.Warnings = append(d.Warnings, &Error{File: d.File, Line: 1, Msg: msg})
}

// dtg is a telegram's date-time group: "O 121500Z MAR 69" (precedence,
// day, hour and minute, month, year).
var dtg = regexp.MustCompile(`^(?:[OPRZ]{1,2}\s+)?(\d{2})\d{4}Z\s+([A-Z]{3})\s+(\d{2}|\d{4})$`)

// cableRouting reads an American telegram's routing lines at the head of
// a plain text: the date-time group gives the date when nothing else did,
// "TO SECSTATE WASHDC" the Secretary of State as addressee (the holder on
// the date); the sending post ("FM AMEMBASSY MOSCOW") is no person, and
// the name signed at the end is the writer.
func (d *Document) cableRouting(lines []line) {
	n, fm, to := 0, false, false
	for _, l := range lines {
		t := l.trim()
		if t == "" {
			continue
		}
		if n++; n > 15 {
			break
		}
		if m := dtg.FindStringSubmatch(t); m != nil && d.Date.Text == "" {
			y := m[3]
			if len(y) == 2 {
				y = "19" + y
			}
			if mo, ok := months[strings.ToLower(m[2])]; ok {
				if _, ok := iso(atoi(y), mo, atoi(m[1])); ok {
					d.Date = Field{Text: m[1] + " " + m[2] + " " + y, Offset: l.off + strings.Index(l.text, t)}
				}
			}
			continue
		}
		if !UpperOnly(t) {
			continue
		}
		switch {
		case strings.HasPrefix(t, "FM "):
			fm = true
		case strings.HasPrefix(t, "TO "):
			to = true
			if strings.Contains(t, "SECSTATE") && len(d.To) == 0 {
				d.To = append(d.To, "the Secretary of State")
			}
		}
	}
	d.Routing = fm && to
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// flatLabels are a PDF copy's labels, which a copy whose line breaks were
// lost writes inside its lines.
var flatLabels = []string{" Citation: ", " Summary: ", " Original Language: ", " Contents: ", " Original Archive: ",
	" Source: ", " Rights: ", " Credits: "}

// unflatten gives back the line breaks of a PDF copy's text that lost
// them ("... Declassified March 2, 1971 Minutes of ... Citation: “...” ...
// Summary: ... Original Language: Bulgarian Contents: English Translation
// Present: ..."): the space before each label, after the archive's header
// and its date, and after the contents' version heading becomes a line
// break. Every byte stays where it was, so offsets still hold.
func unflatten(text string) string {
	inline := 0
	for _, l := range flatLabels {
		if i := strings.Index(text, l); i >= 0 && i > 0 && text[i] == ' ' {
			inline++
		}
	}
	if inline < 2 {
		return text
	}
	b := []byte(text)
	breakAt := func(i int) {
		if i >= 0 && i < len(b) && b[i] == ' ' {
			b[i] = '\n'
		}
	}
	for _, l := range flatLabels {
		for from := 0; ; {
			i := strings.Index(text[from:], l)
			if i < 0 {
				break
			}
			i += from
			breakAt(i)
			if l == " Contents: " {
				breakAt(i + len(l) - 1)
				rest := text[i+len(l):]
				for _, h := range []string{"English Translation ", "Original Language Transcription ", "English Transcription ",
					"Original Scan ", "Translation - English "} {
					if strings.HasPrefix(rest, h) {
						breakAt(i + len(l) + len(h) - 1)
					}
				}
			}
			from = i + len(l)
		}
	}
	// the archive's header, then the date and the title
	for _, h := range []string{"International History Declassified ", "digitalarchive.wilsoncenter.org "} {
		i := strings.Index(text, h)
		if i < 0 || i > 200 {
			continue
		}
		end := i + len(h)
		breakAt(end - 1)
		if i > 0 {
			breakAt(i - 1)
		}
		if h != "International History Declassified " {
			continue
		}
		// the longest run of up to four words that reads as a date
		words := strings.SplitAfterN(text[end:], " ", 5)
		n := 0
		for k := 1; k <= 4 && k <= len(words); k++ {
			if _, ok := ParseDate(strings.Join(words[:k], "")); ok {
				n = len(strings.Join(words[:k], ""))
			}
		}
		if n > 0 {
			breakAt(end + n - 1)
		}
	}
	return string(b)
}
