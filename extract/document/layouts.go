package document

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/docgraph/docgraph/extract/archref"
)

// The layouts other than the markdown export and the saved record page.
const (
	// LayoutSite is the archive's older site: search navigation, the
	// record, then a "Citation" block whose citation sentence gives title,
	// date and archive.
	LayoutSite = "site"
	// LayoutPDFText is the text of a record's PDF copy: "Citation:",
	// "Summary:", "Original Language:", "Contents:" as plain lines, and the
	// date at the end of the title line.
	LayoutPDFText = "pdftext"
)

// siteNav are the navigation lines of the older site layout.
var siteNav = map[string]bool{
	"search in": true, "digital archive international history declassified": true, "add search filter": true,
	"advanced search": true, "search": true, "browse": true, "collections": true, "themes": true, "home": true,
	"menu": true, "about": true, "log in": true, "login": true, "register": true, "my collections": true,
	"digital archive": true, "wilson center digital archive": true, "search by keyword": true, "enter keywords": true,
}

// listPageHeader reports whether a line heads a page that lists records
// before the record itself: a person's or a topic's page ("Mladenov, Petar
// 1936-2000", "Popular Documents", "Related Documents"). The records the
// list shows are teasers, not the record.
func listPageHeader(t string) bool {
	switch strings.ToLower(t) {
	case "popular documents", "related documents", "documents", "recent documents", "featured documents", "most popular documents":
		return true
	}
	return personHeader.MatchString(t)
}

// personHeader is a person page's heading: "Surname, Given" and the years
// of life ("Mladenov, Petar 1936-2000", "Kádár, János, 1912-1989").
var personHeader = regexp.MustCompile(`^\p{Lu}[\p{L}'\-]+(?: \p{Lu}[\p{L}'\-]+)?, \p{Lu}[\p{L}.'\-]+(?: \p{Lu}[\p{L}.'\-]+)?,? \(?(1[89]|20)\d\d ?[-–] ?(?:(1[89]|20)\d\d)?\)?$`)

func isSite(lines []line) bool {
	for _, l := range lines {
		switch strings.ToLower(unbullet(l.trim())) {
		case "add search filter", "add search filter cancel search filter", "digital archive international history declassified",
			"get citation", "citation share download":
			return true
		}
	}
	return false
}

// unbullet drops a list bullet before a line's text ("• Citation").
func unbullet(t string) string {
	for _, b := range []string{"• ", "· ", "* ", "- ", "•", "·"} {
		if rest, ok := strings.CutPrefix(t, b); ok {
			return strings.TrimSpace(rest)
		}
	}
	return t
}

// siteFurniture are the older site's lines around the citation block and
// the record's forms ("CITATION SHARE DOWNLOAD", "share document", "VIEW
// DOCUMENT IN", "English HTML").
func siteFurniture(t string) bool {
	low := strings.ToLower(unbullet(t))
	switch low {
	case "citation", "get citation", "citation:", "citation share download", "share document", "share", "download",
		"view document in", "english html", "english pdf", "original scan", "original language scan", "english translation",
		"english transcription", "original language transcription", "original language pdf", "transcription", "pdf", "html",
		"cancel search filter", "add search filter cancel search filter":
		return true
	}
	if strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") {
		return !strings.Contains(low, " ")
	}
	return false
}

// plainLabel reads a section label written as a plain line, "Citation:"
// or "Original Language: German"; key is the label folded, rest the text
// after the colon.
func plainLabel(t string) (key, rest string, ok bool) {
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > 24 {
		return "", "", false
	}
	switch k := strings.ToLower(strings.TrimSpace(t[:i])); k {
	case "citation", "summary", "original language", "language", "contents", "source", "rights",
		"original uploaded date", "record id", "type", "credits", "author(s)", "authors", "author", "original archive":
		return k, strings.TrimSpace(t[i+1:]), true
	}
	return "", "", false
}

func isPDFText(lines []line) bool {
	n := 0
	for _, l := range lines {
		if k, _, ok := plainLabel(l.trim()); ok {
			switch k {
			case "citation", "contents", "summary", "original language":
				n++
			}
		}
	}
	return n >= 2
}

// dateFirst reports whether a record page starts with its date and title
// (perhaps after a related record's teaser) although no heading of the
// saved page's metadata block is there.
func dateFirst(lines []line) bool {
	i := nextLine(lines, 0)
	// the site's own header lines before the record ("Wilson Center
	// Digital Archive", "Search", "Browse")
	for n := 0; i >= 0 && n < 12; n++ {
		t := strings.ToLower(lines[i].trim())
		if !siteNav[t] && t != "skip to content" && t != "international history declassified" && !boilerplate(t) && !listPageHeader(lines[i].trim()) {
			break
		}
		i = nextLine(lines, i+1)
	}
	if i < 0 {
		return false
	}
	j := nextLine(lines, i+1)
	if j < 0 {
		return false
	}
	if _, ok := ParseDate(lines[i].trim()); ok {
		return titleLike(lines[j].trim())
	}
	// the title, then the date on its own line
	_, ok := ParseDate(lines[j].trim())
	return ok && titleLike(lines[i].trim()) && kindTitle(lines[i].trim())
}

// kindTitle reports whether a line reads as a record's title by naming
// its kind ("Letter from ...", "Record of Conversation ..."): a line
// before a date is a title only when it says what the record is.
func kindTitle(t string) bool {
	low := strings.ToLower(t)
	for _, k := range []string{"letter", "telegram", "cable", "record of", "memorandum", "minutes", "report", "note ", "notes",
		"transcript", "conversation", "message", "directive", "resolution", "speech", "protocol", "information", "diary", "working notes"} {
		if strings.Contains(low, k) {
			return true
		}
	}
	return false
}

// titleLike reports whether a line can be a record's title: not a date, a
// salutation, a header line or a sentence running on.
func titleLike(t string) bool {
	if t == "" || len(t) > 400 {
		return false
	}
	if _, ok := ParseDate(t); ok {
		return false
	}
	if _, _, ok := headerLine(t); ok {
		return false
	}
	if salutation(t) != "" || boilerplate(t) {
		return false
	}
	switch t[len(t)-1] {
	case ',', '!', ':', ';':
		return false
	}
	return unicode.IsUpper(firstRune(t)) || unicode.IsDigit(firstRune(t))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// nextLine returns the index of the first non-blank line at or after i, or -1.
func nextLine(lines []line, i int) int {
	for ; i < len(lines); i++ {
		if !lines[i].blank() {
			return i
		}
	}
	return -1
}

// paragraphEnd returns the index after the last line of the paragraph
// starting at i.
func paragraphEnd(lines []line, i int) int {
	for i < len(lines) && !lines[i].blank() {
		i++
	}
	return i
}

// skipTeasers passes over the related records a page shows before the
// record itself: a date, a title and a sentence or two, followed by
// another date and title. It returns the index of the record's own date
// line (or i when there is no teaser).
func skipTeasers(lines []line, i int) int {
	for {
		d := nextLine(lines, i)
		if d < 0 {
			return i
		}
		if _, ok := ParseDate(lines[d].trim()); !ok {
			return i
		}
		t := nextLine(lines, d+1)
		if t < 0 || !titleLike(lines[t].trim()) {
			return i
		}
		// a sentence or two after the title, then another date and title
		k, n := t+1, 0
		next := -1
		for k < len(lines) && n <= 3 {
			if lines[k].blank() {
				k++
				continue
			}
			if _, ok := ParseDate(lines[k].trim()); ok {
				// the site writes the dates of its lists in English: a date
				// in the record's own language is the record's
				if tt := nextLine(lines, k+1); tt >= 0 && asciiLine(lines[k].trim()) && titleLike(lines[tt].trim()) && len(lines[tt].trim()) >= 16 &&
					len(lines[tt].trim()) <= 300 && !strings.HasSuffix(lines[tt].trim(), ".") {
					next = k
				}
				break
			}
			if t := lines[k].trim(); len(t) > 400 || boilerplate(t) || classification(t) {
				break
			}
			n++
			k++
		}
		if next < 0 || n == 0 {
			return d
		}
		i = next
	}
}

// asciiLine reports whether a line is written in ASCII only.
func asciiLine(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] >= 0x80 {
			return false
		}
	}
	return true
}

// classification reports whether a line is a security marking ("SECRET,
// Copy No. 2", "TOP SECRET", "Совершенно секретно").
func classification(t string) bool {
	low := strings.ToLower(t)
	for _, p := range []string{"secret", "top secret", "confidential", "strictly confidential", "copy no", "совершенно секретно",
		"секретно", "streng geheim", "geheim", "vertraulich", "tajne", "ściśle tajne", "szigorúan titkos", "titkos",
		"přísně tajné", "tajné", "eyes only", "for your eyes only"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// dateTitle reads a date line and the title after it at lines[i:], and
// returns the index after the title.
func (d *Document) dateTitle(lines []line, i int) int {
	// the archive's own header lines ("Digital Archive", "International
	// History Declassified", its address) stand before a PDF copy's record
	for k := nextLine(lines, i); k >= 0; k = nextLine(lines, k+1) {
		t := strings.ToLower(lines[k].trim())
		if !siteNav[t] && !boilerplate(t) && t != "international history declassified" && !strings.Contains(t, "wilsoncenter.org") && !listPageHeader(lines[k].trim()) {
			break
		}
		i = k + 1
	}
	i = skipTeasers(lines, i)
	k := nextLine(lines, i)
	if k < 0 {
		return len(lines)
	}
	if _, ok := ParseDate(lines[k].trim()); ok {
		d.Date = field(d.Text, lines, k, k+1)
		if t := nextLine(lines, k+1); t >= 0 && titleLike(lines[t].trim()) {
			d.Title = field(d.Text, lines, t, t+1)
			return t + 1
		}
		return k + 1
	}
	if titleLike(lines[k].trim()) {
		d.Title = field(d.Text, lines, k, k+1)
		d.splitTitleDate()
		if n := nextLine(lines, k+1); n >= 0 && d.Date.Text == "" {
			if _, ok := ParseDate(lines[n].trim()); ok {
				// the date on the line after the title
				d.Date = field(d.Text, lines, n, n+1)
				return n + 1
			}
		}
		return k + 1
	}
	return k
}

// splitTitleDate separates a date written at the end of the title line
// ("Record of Conversation with X, May 12, 1968").
func (d *Document) splitTitleDate() {
	t := d.Title.Text
	for i := 0; i < len(t); i++ {
		if t[i] != ',' {
			continue
		}
		rest := strings.TrimSpace(t[i+1:])
		if _, ok := ParseDate(rest); ok && len(rest) >= 4 {
			if d.Date.Text == "" {
				d.Date = Field{Text: rest, Offset: d.Title.Offset + strings.Index(t, rest)}
			}
			d.Title.Text = strings.TrimSpace(t[:i])
			return
		}
	}
}

// section is a labelled part of a plain-text layout: the label line and
// the lines up to the next label.
type section struct {
	key      string
	at       int // the label's line
	rest     Field
	from, to int // the lines after the label line
}

func (d *Document) sections(lines []line, from int) []section {
	var out []section
	for i := from; i < len(lines); i++ {
		key, rest, ok := plainLabel(lines[i].trim())
		if !ok {
			continue
		}
		if n := len(out); n > 0 {
			out[n-1].to = i
		}
		s := section{key: key, at: i, from: i + 1, to: len(lines)}
		if rest != "" {
			s.rest = Field{Text: rest, Offset: lines[i].off + strings.LastIndex(lines[i].text, rest)}
		}
		out = append(out, s)
	}
	return out
}

// value is a section's text: the rest of its label line and the lines
// after it.
func (d *Document) value(lines []line, s section) Field {
	f := field(d.Text, lines, s.from, s.to)
	if s.rest.Text == "" {
		return f
	}
	if f.Text == "" {
		return s.rest
	}
	end := f.Offset + len(f.Text)
	return Field{Text: d.Text[s.rest.Offset:end], Offset: s.rest.Offset}
}

func (d *Document) parsePDFText(lines []line) {
	secs := d.sections(lines, 0)
	head := len(lines)
	if len(secs) > 0 {
		head = secs[0].at
	}
	d.dateTitle(lines[:head], 0)
	for _, s := range secs {
		d.setField(lines, s)
	}
	d.fromCitation()
	d.requireTitle()
}

// setField stores a labelled section.
func (d *Document) setField(lines []line, s section) {
	f := d.value(lines, s)
	switch s.key {
	case "citation", "source":
		if d.Citation.Text == "" {
			d.Citation, d.Source = splitURL(f)
			if d.Source == "" {
				d.Citation, d.Source = bareURL(d.Citation)
			}
			d.SourceLine = d.Citation
		}
	case "summary":
		d.Summary = f
	case "original language", "language":
		if d.OriginalLanguage == "" {
			d.OriginalLanguage = firstLine(f.Text)
		}
	case "type":
		d.Type = firstLine(f.Text)
	case "original archive":
		if d.OriginalArchive.Text == "" && f.Text != "" {
			d.OriginalArchive = Field{Text: firstLine(f.Text), Offset: f.Offset}
		}
	case "record id":
		d.RecordID = firstLine(f.Text)
	case "original uploaded date":
		d.Uploaded = firstLine(f.Text)
	case "author(s)", "authors", "author":
		d.Authors = nonBlank(lines[s.from:s.to])
		if s.rest.Text != "" {
			d.Authors = append([]string{s.rest.Text}, d.Authors...)
		}
	case "contents":
		body := lines[s.from:s.to]
		if s.rest.Text != "" {
			body = lines[s.at:s.to]
			body[0] = line{text: s.rest.Text, off: s.rest.Offset}
		}
		d.parseContents(d.dropBoilerplate(body), true)
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(s)
}

// bareURL separates a record URL written without angle brackets at the end
// of a citation.
func bareURL(f Field) (Field, string) {
	t := strings.TrimRight(f.Text, " \t\n.")
	i := strings.LastIndex(t, "http")
	if i < 0 || strings.ContainsAny(t[i:], " \t\n") {
		return f, ""
	}
	return Field{Text: strings.TrimSpace(t[:i]), Offset: f.Offset}, t[i:]
}

func (d *Document) requireTitle() {
	var missing []string
	if d.Title.Text == "" {
		missing = append(missing, "no title")
	}
	if d.Date.Text == "" {
		missing = append(missing, "no date")
	}
	if len(missing) > 0 {
		d.Warnings = append(d.Warnings, &Error{File: d.File, Line: 1, Msg: d.Layout + " layout: " + strings.Join(missing, ", ") + " found"})
	}
}

func (d *Document) parseSite(lines []line) {
	// the navigation
	start := 0
	seen := 0
	for i, l := range lines {
		if l.blank() {
			continue
		}
		seen++
		if t := strings.ToLower(unbullet(l.trim())); siteNav[t] || t == "add search filter cancel search filter" {
			start = i + 1
		}
		if seen > 30 {
			break
		}
	}
	// the citation block: its first line, where the record's lines before
	// it end
	end := len(lines)
	for i := start; i < len(lines); i++ {
		switch strings.ToLower(unbullet(lines[i].trim())) {
		case "citation", "get citation", "citation:", "citation share download":
			end = i
		}
		if end < len(lines) {
			break
		}
	}
	bodyStart := d.dateTitle(lines[:end], start)
	// the citation block: furniture, perhaps the editors' summary, the
	// citation sentence, perhaps the record's text after it (the site of
	// 2013-2020 shows the citation above the record), then labelled lines
	after, afterEnd := -1, len(lines)
	if end < len(lines) {
		k := end
		for k < len(lines) && (lines[k].blank() || siteFurniture(lines[k].trim())) {
			k++
		}
		// the summary: lines before the citation sentence in the block
		cit := -1
		for j := k; j < len(lines) && j < k+40; j++ {
			t := unbullet(lines[j].trim())
			if t == "" || siteFurniture(t) {
				if cit < 0 && j > k && t != "" {
					break
				}
				continue
			}
			if _, _, ok := plainLabel(t); ok {
				break
			}
			if strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“") || archref.Looks(t) {
				cit = j
				break
			}
		}
		if cit < 0 {
			if _, _, ok := plainLabel(unbullet(lines[min(k, len(lines)-1)].trim())); k < len(lines) && !ok {
				cit = k
			}
		} else if cit > k {
			d.Summary = field(d.Text, lines, k, cit)
		}
		if cit >= 0 {
			e := cit + 1
			for e < len(lines) && !lines[e].blank() && !siteFurniture(lines[e].trim()) {
				e++
			}
			f := field(d.Text, lines, cit, e)
			if lead := len(f.Text) - len(unbullet(f.Text)); lead > 0 {
				f = Field{Text: f.Text[lead:], Offset: f.Offset + lead}
			}
			d.Citation, d.Source = splitURL(f)
			if d.Source == "" {
				d.Citation, d.Source = bareURL(d.Citation)
			}
			d.SourceLine = d.Citation
			k = e
		}
		for k < len(lines) && (lines[k].blank() || siteFurniture(lines[k].trim())) {
			k++
		}
		secs := d.sections(lines, k)
		if len(secs) > 0 {
			afterEnd = secs[0].at
		}
		for i := k; i < afterEnd; i++ {
			if pageHeadings[lines[i].trim()] {
				afterEnd = i
				break
			}
		}
		if nextLine(lines[:afterEnd], k) >= 0 {
			after = k
		}
		for _, s := range secs {
			d.setField(lines, s)
		}
	}
	d.fromCitation()
	body := lines[bodyStart:end]
	if after >= 0 && letters(field(d.Text, lines, after, afterEnd).Text) > letters(field(d.Text, lines, bodyStart, end).Text) {
		// the record follows the citation block; what stood before it
		// was only the funders' line
		body = d.siteFurnitureCut(lines[after:afterEnd])
	}
	// the summary: the first paragraph after the title when it describes
	// the record and more text follows
	if i := nextLine(body, 0); i >= 0 && d.Summary.Text == "" {
		j := paragraphEnd(body, i)
		if nextLine(body, j) >= 0 && summaryLike(body[i:j]) {
			d.Summary = field(d.Text, body, i, j)
			body = body[j:]
		}
	}
	d.parseContents(d.dropBoilerplate(body), false)
	d.requireTitle()
}

// siteFurnitureCut blanks the older site's furniture lines in a body, and
// a heading that repeats the record's title and date before its text
// ("Telegram from X, 14 March 1979") stays as text.
func (d *Document) siteFurnitureCut(ls []line) []line {
	var out []line
	for i, l := range ls {
		if !siteFurniture(l.trim()) {
			continue
		}
		if out == nil {
			out = append([]line(nil), ls...)
		}
		out[i] = line{text: "", off: l.off, cut: true}
	}
	if out == nil {
		return ls
	}
	return out
}

// summaryLike reports whether a paragraph reads as an editor's summary:
// prose ending with a full stop, not a salutation, heading or header line.
func summaryLike(ls []line) bool {
	t := strings.TrimSpace(ls[0].text)
	last := strings.TrimSpace(ls[len(ls)-1].text)
	if len(ls) == 1 && len(t) < 60 || salutation(t) != "" || boilerplate(t) {
		return false
	}
	if _, _, ok := headerLine(t); ok {
		return false
	}
	// an editor's summary speaks of the record in the third person
	for _, l := range ls {
		for _, w := range strings.Fields(l.text) {
			switch strings.Trim(w, ".,;:!?\"'()") {
			case "I", "we", "We", "my", "My", "our", "Our", "us", "me":
				return false
			}
		}
	}
	return strings.HasSuffix(last, ".") && strings.Count(t, " ") >= 5
}

// fromCitation takes the title and date a citation sentence gives
// (`"Title," May 12, 1968, History and Public Policy Program Digital
// Archive, ...`) where the record's own lines gave none.
func (d *Document) fromCitation() {
	c := d.Citation.Text
	open := strings.IndexAny(c, "\"“")
	if open < 0 || open > 3 {
		return
	}
	_, w := utf8.DecodeRuneInString(c[open:])
	rest := c[open+w:]
	close := strings.IndexAny(rest, "\"”")
	if close < 0 {
		return
	}
	title := strings.TrimRight(strings.TrimSpace(rest[:close]), ",")
	titleOff := d.Citation.Offset + open + w
	_, w2 := utf8.DecodeRuneInString(rest[close:])
	after := rest[close+w2:]
	afterOff := titleOff + close + w2
	if title != "" && (d.Title.Text == "" || UpperOnly(d.Title.Text) && !UpperOnly(title)) {
		// no title line, or one in capitals ("TELEGRAM FROM ..."): the
		// citation writes it as the archive names the record
		d.Title = Field{Text: title, Offset: titleOff}
	}
	if d.Date.Text != "" {
		return
	}
	// the date: the longest run of comma-separated parts that reads as one
	parts := strings.Split(after, ",")
	for n := min(3, len(parts)); n >= 1; n-- {
		cand := strings.TrimSpace(strings.Join(parts[:n], ","))
		if cand == "" {
			continue
		}
		if _, ok := ParseDate(cand); ok {
			d.Date = Field{Text: cand, Offset: afterOff + strings.Index(after, cand)}
			return
		}
	}
	for n := min(4, len(parts)); n >= 2; n-- {
		cand := strings.TrimSpace(strings.Join(parts[1:n], ","))
		if _, ok := ParseDate(cand); ok && cand != "" {
			d.Date = Field{Text: cand, Offset: afterOff + strings.Index(after, cand)}
			return
		}
	}
}

// boilerplate reports whether a line is the archive's furniture rather
// than the record: funders, rights, links to the record's other forms,
// upload dates, navigation.
// boilerPhrases are the phrases of rights, funder and archive lines,
// grouped under a word every phrase of its group holds: a line is searched
// for each group's word, and for the group's phrases only when it holds
// it. A group with no phrases is its word alone.
var boilerPhrases = []struct {
	word    string
	phrases []string
}{
	{"made possible", []string{"this document was made possible", "made possible with support from",
		"made possible by the generous support", "made possible through the support"}},
	{"copyright", []string{"copyright may belong", "protected by copyright"}},
	{"reproduce", []string{"may not be reproduced", "permission to reproduce"}},
	{"rights", []string{"all rights reserved", "rights:"}},
	{"the history and public policy program", nil},
	{"this document is part of", nil},
	{"original uploaded date", nil},
	{"record id:", nil},
}

func boilerplate(t string) bool {
	lb := lowerPool.Get().(*[]byte)
	defer lowerPool.Put(lb)
	*lb = appendLower((*lb)[:0], strings.TrimSpace(t))
	// low lives in the pooled buffer: nothing below keeps it
	low := unsafe.String(unsafe.SliceData(*lb), len(*lb))
	if low == "" {
		return false
	}
	switch low {
	case "english translation", "english html", "english pdf", "original scan", "original language scan",
		"english transcription", "original language transcription", "transcript", "pdf", "download", "view",
		"share", "print", "email", "related documents", "related records", "get citation", "cite", "citation",
		"document information", "skip to content", "rights", "original uploaded date", "record id",
		"download pdf", "download original", "view original", "english", "original":
		return true
	}
	for _, g := range boilerPhrases {
		if !strings.Contains(low, g.word) {
			continue
		}
		if len(g.phrases) == 0 {
			return true
		}
		for _, p := range g.phrases {
			if strings.Contains(low, p) {
				return true
			}
		}
	}
	if strings.Contains(low, "ministry of unification") && (strings.Contains(low, "support") || strings.Contains(low, "fund")) {
		return true
	}
	return pageFooter(low)
}

// pageMark reports whether a line only marks where a page of the original
// begins: "(p. 1)", "[p. 2]", "[Page 3]", "- 2 -", "— 3 —", "[стр. 4]".
func pageMark(low string) bool {
	t := strings.TrimSpace(low)
	if len(t) < 3 || len(t) > 16 {
		return false
	}
	if (t[0] == '(' || t[0] == '[') && (t[len(t)-1] == ')' || t[len(t)-1] == ']') {
		t = strings.TrimSpace(t[1 : len(t)-1])
		for _, k := range []string{"p.", "pp.", "page", "s.", "str.", "l.", "ll.", "стр.", "л.", "bl.", "k."} {
			if rest, ok := strings.CutPrefix(t, k); ok && isNum(strings.TrimSpace(rest)) {
				return true
			}
		}
		return false
	}
	for _, d := range []string{"-", "—", "–"} {
		if rest, ok := strings.CutPrefix(t, d); ok {
			if rest, ok := strings.CutSuffix(rest, d); ok && isNum(strings.TrimSpace(rest)) {
				return true
			}
		}
	}
	return false
}

// pageFooter reports whether a line is a PDF copy's page header or footer:
// "Page 2", "Page 2 of 5", "digitalarchive.wilsoncenter.org".
func pageFooter(low string) bool {
	if strings.Contains(low, "digitalarchive.wilsoncenter.org") && !strings.Contains(low, " ") {
		return true
	}
	for _, p := range []string{"page ", "seite ", "strona ", "стр. ", "страница "} {
		if rest, ok := strings.CutPrefix(low, p); ok {
			f := strings.Fields(rest)
			if len(f) == 1 && isNum(f[0]) || len(f) == 3 && isNum(f[0]) && (f[1] == "of" || f[1] == "von" || f[1] == "z" || f[1] == "из") && isNum(f[2]) {
				return true
			}
		}
	}
	return false
}

// translatedBy reads a translator's line: "Translated by NAME", "Translation
// by NAME", "[Translated for CWIHP by NAME.]". It returns the names.
func translatedBy(t string) []string {
	s := strings.Trim(strings.TrimSpace(t), "[]().")
	if s == "" || s[0] != 't' && s[0] != 'T' && s[0] != 'e' && s[0] != 'E' {
		// every form below begins with "t" or "e", and no other letter
		// lower-cases to either
		return nil
	}
	low := strings.ToLower(s)
	var rest string
	switch {
	case strings.HasPrefix(low, "translated by "):
		rest = s[len("translated by "):]
	case strings.HasPrefix(low, "translation by "):
		rest = s[len("translation by "):]
	case strings.HasPrefix(low, "translated for ") && strings.Contains(low, " by "):
		rest = s[strings.Index(low, " by ")+4:]
	case strings.HasPrefix(low, "english translation by "):
		rest = s[len("english translation by "):]
	default:
		return nil
	}
	var out []string
	for _, p := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ';' }) {
		for _, q := range strings.Split(p, " and ") {
			q = strings.Trim(strings.TrimSpace(q), ".[]")
			if q != "" && unicode.IsUpper(firstRune(q)) && strings.Count(q, " ") < 4 {
				out = append(out, q)
			}
		}
	}
	return out
}

// dropBoilerplate blanks the archive's furniture in a body: its lines stay
// (so that offsets hold) but read as empty, and the translator's line is
// kept in Document.Translators instead.
func (d *Document) dropBoilerplate(ls []line) []line {
	var out []line
	for i, l := range ls {
		t := l.trim()
		mark := false
		if tr := translatedBy(t); tr != nil {
			d.addTranslators(tr)
		} else if len(t) <= 3*16 && pageMark(strings.ToLower(t)) {
			// (a mark is 16 bytes at most in lower case, and lower-casing
			// shrinks a text to a third of its bytes at most)
			// a page of the original begins: a paragraph break, not the
			// end of a version
			mark = true
		} else if !boilerplate(t) {
			continue
		}
		if out == nil {
			out = append([]line(nil), ls...)
		}
		out[i] = line{text: "", off: l.off, cut: !mark}
	}
	if out == nil {
		return ls
	}
	return out
}

func (d *Document) addTranslators(names []string) {
	for _, n := range names {
		found := false
		for _, x := range d.Translators {
			found = found || x == n
		}
		if !found {
			d.Translators = append(d.Translators, n)
		}
	}
}

// UpperOnly reports whether a text's letters are all capitals (at least two).
func UpperOnly(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 1
}

// lowerPool holds buffers for lower-casing a line that is only looked at.
var lowerPool = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// appendLower appends strings.ToLower(s) to b.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				switch {
				case r < utf8.RuneSelf:
					if 'A' <= r && r <= 'Z' {
						r += 'a' - 'A'
					}
					b = append(b, byte(r))
					continue
				case 0x410 <= r && r <= 0x42F:
					r += 0x20 // А-Я, without the Unicode tables
				case 0x430 <= r && r <= 0x44F:
					// а-я
				default:
					r = unicode.ToLower(r)
				}
				b = utf8.AppendRune(b, r)
			}
			return b
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// lowerHead is the beginning of strings.ToLower(s) long enough to tell
// whether it begins with any text of n bytes or fewer: lower-casing maps
// each code point alone and shrinks a text to a third of its bytes at
// most, so the lower case of the first 3n bytes or more (cut where a code
// point begins) is that beginning.
func lowerHead(s string, n int) string {
	cut := 3 * n
	if cut >= len(s) {
		return strings.ToLower(s)
	}
	for cut < len(s) && !utf8.RuneStart(s[cut]) {
		cut++
	}
	return strings.ToLower(s[:cut])
}

// longest is the length in bytes of the longest of ps.
func longest(ps []string) int {
	n := 0
	for _, p := range ps {
		n = max(n, len(p))
	}
	return n
}
