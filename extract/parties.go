package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/extract/document"
	"github.com/docgraph/docgraph/extract/entity"
	"github.com/docgraph/docgraph/extract/title"
	"github.com/docgraph/docgraph/vocab"
)

// resolveTail resolves the end of a name written after an office whose
// words the title grammar could not all tell from the name ("Egypt Anwar
// Sadat"): the shortest ending of two words or more, then the last word.
func (x *extractor) resolveTail(s string) *entity.Mention {
	w := strings.Fields(s)
	for k := 1; k < len(w); k++ {
		if mm := x.m.Resolve(strings.Join(w[k:], " "), x.ctx); mm != nil && mm.Class == vocab.ClassPerson && mm.By != entity.ByFuzzy {
			return mm
		}
	}
	return nil
}

// institution maps a body a title names ("USSR Foreign Ministry",
// "Czechoslovak Embassy in Havana (Pavlíček)") to an Organization: the
// gazetteer's where it knows the body, else one named in the usual form
// ("Ministry of Foreign Affairs of the USSR"). A person named in brackets
// after the body is the party itself.
func (x *extractor) institution(p title.Party) (EntityRef, bool) {
	if ref, ok := x.delegation(p); ok {
		return ref, true
	}
	for _, h := range p.Hints {
		if mm := x.m.Resolve(h, x.ctx); mm != nil && mm.Class == vocab.ClassPerson {
			x.addMention(*mm, -1, "en")
			return EntityRef{Class: mm.Class, Name: mm.Name}, true
		}
		if looksLikeName(h) {
			ref := EntityRef{Class: vocab.ClassPerson, Name: stripHonorific(h)}
			x.entity(ref, nil)
			return ref, true
		}
	}
	name := institutionName(p.Text)
	for _, n := range institutionForms(p.Text, name) {
		if mm := x.resolveWhole(n); mm != nil && mm.Class == vocab.ClassOrganization {
			x.addMention(*mm, -1, "en")
			return EntityRef{Class: mm.Class, Name: mm.Name}, true
		}
	}
	if ref, ok := x.centralCommitteeOf(p.Text); ok {
		return ref, true
	}
	if ref, ok := x.homeMinistry(p.Text); ok {
		return ref, true // "to the Foreign Ministry" of a record from Beijing's archive (offices.go)
	}
	if name == "" {
		return EntityRef{}, false
	}
	ref := EntityRef{Class: vocab.ClassOrganization, Name: name}
	e := x.entity(ref, nil)
	if p.Text != name {
		lab := Label{Text: p.Text, Lang: "en"}
		found := false
		for _, l := range e.Labels {
			found = found || l == lab
		}
		if !found {
			e.Labels = append(e.Labels, lab)
		}
	}
	return ref, true
}

// collectiveOrgans reports whether every author is a party's or a state's
// collective organ (a politburo, presidium, secretariat, central committee
// or council), whose resolutions its leader signs for it; a ministry's
// instructions are its official's.
func collectiveOrgans(as []EntityRef) bool {
	for _, a := range as {
		low := strings.ToLower(a.Name)
		if a.Class != vocab.ClassOrganization || !(strings.Contains(low, "politburo") || strings.Contains(low, "presidium") ||
			strings.Contains(low, "secretariat") || strings.Contains(low, "central committee") || strings.Contains(low, "council") ||
			strings.Contains(low, "political bureau")) {
			return false
		}
	}
	return len(as) > 0
}

// classifiedSigner gives a cable signed with a surname alone ("COOPER")
// the full name its classification line writes with that surname
// ("(COOPER, JAMES FORD)"); any other signature stays as it is.
func classifiedSigner(sig, text string) string {
	if strings.Contains(sig, " ") {
		return sig
	}
	for _, n := range document.ClassifierNames(text) {
		if w := strings.Fields(n); strings.EqualFold(w[len(w)-1], sig) {
			return n
		}
	}
	return sig
}

// centralCommitteeOf resolves a party's central committee written with
// the party's abbreviation ("CC CPY", "CPY CC") to the committee the
// gazetteer names after the party's full name ("Central Committee of the
// League of Communists of Yugoslavia").
func (x *extractor) centralCommitteeOf(text string) (EntityRef, bool) {
	t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), "the "))
	party := ""
	if p, ok := strings.CutPrefix(t, "CC "); ok {
		party = p
	} else if p, ok := strings.CutSuffix(t, " CC"); ok {
		party = p
	}
	if party == "" || strings.Contains(party, " ") {
		return EntityRef{}, false
	}
	mm := x.resolveWhole(party)
	if mm == nil || mm.Class != vocab.ClassOrganization {
		return EntityRef{}, false
	}
	for _, n := range []string{"Central Committee of the " + mm.Name, "Central Committee of " + mm.Name} {
		if cc := x.resolveWhole(n); cc != nil && cc.Class == vocab.ClassOrganization {
			x.addMention(*cc, -1, "en")
			return EntityRef{Class: cc.Class, Name: cc.Name}, true
		}
	}
	return EntityRef{}, false
}

// resolveWhole resolves a name only to an entity named by (nearly) all of
// it: "CPSU CC" is not the party "CPSU".
func (x *extractor) resolveWhole(s string) *entity.Mention {
	n := utf8.RuneCountInString(s)
	for _, mm := range x.m.Find(s, x.ctx) {
		if mm.By != entity.ByCollective && mm.By != entity.ByRule && mm.Start <= 1 && mm.End >= n-1 {
			return &mm
		}
	}
	return nil
}

// institutionForms are the ways a body's name may be written, to look it
// up: as given, in the usual form, and a party's central committee in its
// other orders ("CPSU CC", "CC CPSU", "Central Committee of the CPSU").
func institutionForms(text, usual string) []string {
	out := []string{text, usual}
	for _, suf := range []string{" CC", " Central Committee"} {
		if p, ok := strings.CutSuffix(text, suf); ok && p != "" {
			out = append(out, "CC "+p, "Central Committee of the "+p)
		}
	}
	for _, pre := range []string{"CC of the ", "Central Committee of the ", "CC "} {
		if p, ok := strings.CutPrefix(text, pre); ok && p != "" {
			out = append(out, "CC "+p, p+" CC", "Central Committee of the "+p)
		}
	}
	return out
}

// countryOf names the country an adjective or abbreviation in a body's
// name stands for, as the usual form of the body's name writes it.
var countryOf = map[string]string{
	"soviet": "the USSR", "ussr": "the USSR", "russian": "the USSR", "czechoslovak": "Czechoslovakia",
	"czechoslovakian": "Czechoslovakia", "čssr": "Czechoslovakia", "cssr": "Czechoslovakia", "hungarian": "Hungary",
	"polish": "Poland", "gdr": "the GDR", "east german": "the GDR", "romanian": "Romania", "rumanian": "Romania",
	"bulgarian": "Bulgaria", "mongolian": "Mongolia", "mpr": "Mongolia", "chinese": "the PRC", "prc": "the PRC",
	"us": "the United States", "u.s.": "the United States", "american": "the United States", "usa": "the United States",
	"cuban": "Cuba", "vietnamese": "Vietnam", "drv": "the DRV", "north vietnamese": "the DRV", "north korean": "the DPRK",
	"dprk": "the DPRK", "yugoslav": "Yugoslavia", "albanian": "Albania", "egyptian": "Egypt", "afghan": "Afghanistan",
	"dra": "Afghanistan", "syrian": "Syria", "iraqi": "Iraq", "british": "the United Kingdom", "french": "France",
	"west german": "the FRG", "frg": "the FRG", "japanese": "Japan", "indian": "India", "indonesian": "Indonesia",
	"czechoslovakia": "Czechoslovakia", "hungary": "Hungary", "poland": "Poland", "romania": "Romania",
	"bulgaria": "Bulgaria", "mongolia": "Mongolia", "cuba": "Cuba", "vietnam": "Vietnam", "egypt": "Egypt",
	"afghanistan": "Afghanistan", "yugoslavia": "Yugoslavia", "albania": "Albania", "syria": "Syria",
}

// institutionName writes a body's name in the usual form: "USSR Foreign
// Ministry" and "the Czechoslovak Foreign Ministry" become "Ministry of
// Foreign Affairs of the USSR" and "... of Czechoslovakia"; "Hungarian
// Embassy in Mongolia" becomes "Embassy of Hungary in Mongolia". Other
// names are kept as written, without a leading "the".
func institutionName(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "the "), "The "))
	low := strings.ToLower(s)
	country := func(words string) string {
		words = strings.TrimSpace(words)
		if c, ok := countryOf[strings.ToLower(words)]; ok {
			return c
		}
		return ""
	}
	for _, form := range []string{" foreign ministry", " ministry of foreign affairs", " mfa", " foreign office"} {
		if strings.HasSuffix(low, form) {
			if c := country(s[:len(s)-len(form)]); c != "" {
				return "Ministry of Foreign Affairs of " + c
			}
		}
	}
	for _, form := range []string{"foreign ministry of ", "mfa of ", "ministry of foreign affairs of "} {
		if strings.HasPrefix(low, form) {
			if c := country(strings.TrimPrefix(s[len(form):], "the ")); c != "" {
				return "Ministry of Foreign Affairs of " + c
			}
		}
	}
	if i := strings.Index(low, " embassy"); i > 0 {
		if c := country(s[:i]); c != "" {
			return "Embassy of " + c + s[i+len(" embassy"):]
		}
	}
	return s
}

// letterParties finds the authors and recipients a record's title does not
// give in its text: a memorandum's "From:" and "To:" lines, a letter's
// salutation and signature, the recorder of a conversation. A body the
// title names as author gives way to the person who signed.
func (x *extractor) letterParties() {
	x.addresseeOfBody()
	defer x.headerVia()
	d, r := x.doc, x.r
	instAuthor := len(r.Authors) > 0
	for _, a := range r.Authors {
		instAuthor = instAuthor && a.Class == vocab.ClassOrganization
	}
	// a title that names its writer by surname only ("Ambassador Shimazu
	// (Taipei) to ...") gives way to the full name the routing line or the
	// signature writes with that surname ("[from] Ambassador Shimazu Hisanaga")
	surnames := len(r.Authors) > 0
	for _, a := range r.Authors {
		en := x.ents[a]
		surnames = surnames && a.Class == vocab.ClassPerson && !strings.Contains(a.Name, " ") && (en == nil || !en.Linked)
	}
	needAuthors := len(r.Authors) == 0 || instAuthor || surnames
	needRecipients := len(r.Recipients) == 0 && !conversationKind(r.Kind)
	if !needAuthors && !needRecipients {
		return
	}
	var authors, recipients []EntityRef
	add := func(list *[]EntityRef, text string) {
		if e, ok := x.personNamed(text); ok {
			*list = appendRef(*list, e)
		}
	}
	tos, froms := d.To, d.From
	var bodyFroms []string
	for _, v := range d.Versions {
		if len(tos) > 0 || len(froms) > 0 || len(bodyFroms) > 0 {
			break
		}
		// a record page's body opening with routing lines; its sender
		// gives way to a signer, as a title's body does
		tos, bodyFroms = document.HeaderParties(v.Text)
	}
	for _, f := range froms {
		if !document.OfficeOnly(f) { // an office alone: its holder signs, or holds it on the date (offices.go)
			add(&authors, f)
		}
	}
	for _, t := range tos {
		if !document.OfficeOnly(t) {
			add(&recipients, t)
		}
	}
	rec := document.CitationRecorder(d.Citation.Text)
	for _, v := range d.Versions {
		a := document.Addressee(v.Text)
		if a == "" {
			a = document.PersonalAddressee(v.Text)
		}
		if a != "" && len(recipients) == 0 {
			add(&recipients, a)
		}
		lp := x.letterParts(v.Text)
		if len(authors) == 0 && !conversationKind(r.Kind) && lp.Signature != "" {
			if instAuthor && (lp.OnBehalf || (r.Kind == title.Resolution || r.Kind == title.Directive) && collectiveOrgans(r.Authors)) {
				authors = append(authors, r.Authors...) // signed for the body the title names; a body's resolution its leader signs
			}
			add(&authors, classifiedSigner(lp.Signature, v.Text))
		}
		if len(recipients) == 0 && lp.Salutation != "" {
			add(&recipients, lp.Salutation)
		}
		if rec == "" {
			rec = document.Recorder(v.Text)
		}
	}
	if len(authors) == 0 && rec != "" {
		add(&authors, rec)
	}
	if len(authors) == 0 {
		for _, f := range bodyFroms {
			add(&authors, f)
		}
	}
	if surnames && !instAuthor {
		for _, a := range authors {
			if !fullerOf(a, r.Authors) {
				authors = nil // another person than the title's: keep the title's
				break
			}
		}
	}
	if needAuthors && len(authors) > 0 {
		r.Authors = authors
	}
	if needRecipients && len(recipients) > 0 {
		r.Recipients = recipients
	}
}

// headerVia adds to a memorandum's intermediaries the officials its
// "Through:" line sends it through ("THROUGH: Hamilton Jordan").
func (x *extractor) headerVia() {
	r := x.r
	for _, v := range x.doc.Via {
		if e, ok := x.personNamed(v); ok && !hasRef(r.Authors, e) && !hasRef(r.Recipients, e) {
			r.Via = appendRef(r.Via, e)
		}
	}
}

// addresseeOfBody adds to a record the title sends to a body ("to the
// Hungarian Foreign Ministry") the person its head addresses by name
// ("Péter János elvtársnak, / külügyminiszter"): the minister receives it
// for the ministry.
func (x *extractor) addresseeOfBody() {
	r := x.r
	if len(r.Recipients) == 0 || conversationKind(r.Kind) {
		return
	}
	for _, e := range r.Recipients {
		if e.Class != vocab.ClassOrganization {
			return
		}
	}
	for _, v := range x.doc.Versions {
		if a := document.PersonalAddressee(v.Text); a != "" {
			if e, ok := x.personNamed(a); ok && e.Class == vocab.ClassPerson {
				r.Recipients = append([]EntityRef{e}, r.Recipients...)
			}
			return
		}
	}
}

// requestLeads open the sentence in which a report's writer asks a body
// to decide ("Žádám předsednictvo ÚV KSČ o schválení", "Прошу ЦК КПСС
// утвердить", "I request the Politburo to approve"): the body the request
// goes to receives the report.
var requestLeads = []string{"i request the ", "we request the ", "i ask the ", "we ask the ", "žádám ", "žádáme ",
	"прошу ", "просим ", "proszę ", "prosimy ", "kérem a ", "kérjük a ", "ich bitte das ", "ich bitte den ", "ich bitte die ",
	"wir bitten das ", "wir bitten den ", "rog ", "solicit ", "solicităm ", "pido al ", "pedimos al ", "молим "}

// requestedBody gives a report that names no recipient the body its
// writer asks, in the report's last paragraphs, to approve or decide.
func (x *extractor) requestedBody() {
	r := x.r
	if len(r.Recipients) > 0 || conversationKind(r.Kind) || r.Kind == title.Letter || r.Kind == title.Speech {
		return
	}
	for i := range x.doc.Versions {
		runes := x.versionRunes(i)
		from := len(runes) - 1500
		for _, mm := range x.mentions[i] {
			if mm.Start < from || mm.Start >= len(runes) || mm.Class != vocab.ClassOrganization || mm.By == entity.ByCollective {
				continue
			}
			s, _ := sentenceAround(runes, mm.Start, mm.End)
			lead := strings.ToLower(strings.TrimSpace(string(runes[s:mm.Start])))
			for _, l := range requestLeads {
				if lead == strings.TrimSpace(l) || lead+" " == l {
					r.Recipients = appendRef(r.Recipients, EntityRef{Class: mm.Class, Name: mm.Name})
					return
				}
			}
		}
	}
}

// fullerOf reports whether a person's name holds, as one of its words,
// the one-word name of one of refs ("Shimazu Hisanaga" of "Shimazu").
func fullerOf(a EntityRef, refs []EntityRef) bool {
	if a.Class != vocab.ClassPerson {
		return false
	}
	for _, r := range refs {
		for _, w := range strings.Fields(a.Name) {
			if w == r.Name && w != a.Name {
				return true
			}
		}
	}
	return false
}

func conversationKind(k string) bool {
	switch k {
	case title.Conversation, title.Minutes, title.WorkingNotes, title.Transcript:
		return true
	}
	return false
}

// personNamed resolves a name a letter's lines give ("Comrade Molotov",
// "A. DOBRYNIN", "EUR - Lawrence S. Eagleburger", "The Secretary"): a known
// entity, or a person by the name as written when it looks like one; an
// office with no name gives nothing.
func (x *extractor) personNamed(text string) (EntityRef, bool) {
	text = strings.TrimSpace(text)
	if ref, ok, done := x.inflectedAddressee(text); done {
		return ref, ok // "Товарищу Громыко А.А.", "Do Tow. Stanisława Kani" (inflected.go)
	}
	if i := strings.LastIndex(text, " - "); i >= 0 {
		text = strings.TrimSpace(text[i+3:]) // "EUR - Lawrence S. Eagleburger"
	}
	p := title.Parse("X to " + text)
	if len(p.Recipients) == 1 {
		q := p.Recipients[0]
		if q.Institution {
			return x.institution(q)
		}
		if q.Text == "" && len(q.Hints) == 0 {
			return EntityRef{}, false
		}
		text = q.Text
	}
	plain := stripHonorific(text)
	if document.UpperOnly(plain) {
		plain = titleCase(plain)
	}
	for _, t := range []string{text, plain} {
		if mm := x.m.Resolve(t, x.ctx); mm != nil && mm.By != entity.ByFuzzy && (mm.Class == vocab.ClassPerson || mm.Class == vocab.ClassOrganization) {
			x.addMention(*mm, -1, "")
			return EntityRef{Class: mm.Class, Name: mm.Name}, true
		}
	}
	if mm := x.resolveTail(plain); mm != nil {
		x.addMention(*mm, -1, "")
		return EntityRef{Class: mm.Class, Name: mm.Name}, true
	}
	if e := x.byNameAndPatronymic(plain); e != nil {
		ref := EntityRef{Class: e.Class, Name: e.Name}
		x.entity(ref, e)
		return ref, true
	}
	if body := entity.SigningBody(plain, x.ctx.Orig); body != "" {
		ref := EntityRef{Class: vocab.ClassOrganization, Name: body} // "T.M. BAN BÍ THƯ": the body signs
		x.entity(ref, nil)
		return ref, true
	}
	if !looksLikeName(plain) || strings.ToLower(firstWordOf(plain)) == "the" || entity.OfficeNotName(plain, x.ctx.Orig) {
		return EntityRef{}, false
	}
	if ref, ok := x.germanRomanised(plain); ok {
		return ref, true // "An den Generalsekretär ... Genossen L.I. Breshnew" (inflected.go)
	}
	if alt := x.englishOrder(plain); alt != "" {
		plain = alt // "Szabó Gyula" the translation writes "Gyula Szabó" (inflected.go)
	}
	ref := EntityRef{Class: vocab.ClassPerson, Name: plain}
	x.entity(ref, nil)
	return ref, true
}

func firstWordOf(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// bodyKind tells a record's kind from its text when the title names none:
// a heading line ("MEMORANDUM", "CIPHERED TELEGRAM"), a memorandum's
// header lines, a letter's salutation and signature.
func (x *extractor) bodyKind() string {
	d := x.doc
	if len(d.Versions) == 0 {
		return ""
	}
	v := d.Versions[0]
	for _, vv := range d.Versions {
		if vv.Role == document.RoleOriginal {
			v = vv
			break
		}
	}
	n := 0
	for _, l := range strings.Split(v.Text, "\n") {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if n++; n > 12 {
			break
		}
		if len(t) <= 48 && document.UpperOnly(t) {
			if k := title.Kind(t); k != "" && k != title.Other {
				return k
			}
		}
		if len(t) <= 90 && document.UpperOnly(t) {
			// a longer heading that opens with its kind: "NOTE POUR MONSIEUR LE PRÉSIDENT DE LA RÉPUBLIQUE"
			w, _, _ := strings.Cut(t, " ")
			if k := title.Kind(w); k != "" && k != title.Other && k == title.Kind(t) {
				return k
			}
		}
		if n == 1 && len(t) <= 40 {
			// a first line that opens with the kind: "Szyfrogram nr 8712"
			w, _, _ := strings.Cut(t, " ")
			if k := title.Kind(w); k != "" && k != title.Other && k == title.Kind(t) {
				return k
			}
		}
	}
	if d.Routing {
		return title.Cable // "FM AMEMBASSY ..." / "TO SECSTATE WASHDC"
	}
	if len(d.To) > 0 || len(d.From) > 0 {
		return title.Memorandum
	}
	if document.MemorandumHead(v.Text) {
		return title.Note // a memorandum to a party body: "ЦК КПСС / О ..."
	}
	for _, vv := range d.Versions {
		lp := x.letterParts(vv.Text)
		if lp.Salutation != "" {
			return title.Letter
		}
	}
	return ""
}

// carrierWords say, in one sentence, that a letter is carried or
// transmitted by someone ("I have asked comrade Alekseev to transmit this
// letter", "Ich übermittle Dir diesen Brief über Genossen Botschafter X",
// "письмо передаст товарищ X").
var (
	letterWords = []string{"letter", "message", "brief", "schreiben", "письмо", "послание", "list ", "levél", "dopis", "carta", "lettre",
		"líneas", "mensaje", "these lines", "zeilen", "строки", "słowa", "sorok", "rânduri", "řádky", "lignes",
		"lettera", "messaggio", "letër", "letrën", "letra", "kirje", "viesti", "thư", "서한", "친서", "信"}
	carrierWords = []string{"transmit", "deliver", "hand over", "hand it", "convey", "pass on", "through", "via", "carry",
		"übermittl", "über genossen", "überbring", "übergeb", "передаст", "передать", "передаю", "через", "przekaz", "za pośrednictwem",
		"átad", "prostřednictvím", "předá", "transmita", "entregue", "por conducto", "remettre", "transmettre",
		// the bearer: "le hará llegar esta carta", "para hacerte llegar estas líneas", "вручит", "vous remettra"
		"llegar", "portador", "entregar", "bearer", "hand-carr", "вручит", "вручить", "remettra", "porteur", "doręcz", "wręcz",
		"átnyújt", "înmân", "überreich", "entregará",
		// Italian, Albanian, Finnish, Slovak, Vietnamese, Korean and Chinese
		"consegn", "tramite", "latore", "trasmett", "dorëz", "përcjell", "nëpërmjet", "välityksellä", "ojenta", "toimitta",
		"prostredníctvom", "odovzd", "doruč", "chuyển", "trao", "전달", "转交", "面交", "转达", "带去"}
)

// carriers adds to a letter's intermediaries the persons a sentence of its
// text names as carrying or transmitting it, other than its parties.
func (x *extractor) carriers() {
	r := x.r
	if r.Kind != "letter" && r.Kind != "note" && r.Kind != "telegram" && r.Kind != "cable" {
		return
	}
	for i, v := range x.doc.Versions {
		if len(v.Text) > 1<<20 {
			continue // no letter is that long; a file that is would cost its size four times over
		}
		var runes []rune // asked for the first person the version names
		for _, mm := range x.mentions[i] {
			if mm.Class != vocab.ClassPerson || mm.By == entity.ByCollective {
				continue
			}
			if runes == nil {
				runes = x.versionRunes(i)
			}
			if mm.Start >= len(runes) {
				continue
			}
			ref := EntityRef{Class: mm.Class, Name: mm.Name}
			if hasRef(r.Authors, ref) || hasRef(r.Recipients, ref) || hasRef(r.Via, ref) {
				continue
			}
			s, e := sentenceAround(runes, mm.Start, mm.End)
			sent := strings.ToLower(string(runes[s:e]))
			if containsAny(sent, letterWords) && containsAny(sent, carrierWords) {
				r.Via = append(r.Via, ref)
			}
		}
	}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sentenceAround returns the bounds of the sentence holding runes[i:j].
func sentenceAround(runes []rune, i, j int) (int, int) {
	s := i
	for s > 0 && !(runes[s-1] == '\n' || (runes[s-1] == '.' || runes[s-1] == '!' || runes[s-1] == '?') && s < len(runes) && runes[s] == ' ') {
		s--
	}
	e := j
	for e < len(runes) && runes[e] != '\n' && !((runes[e] == '.' || runes[e] == '!' || runes[e] == '?') && (e+1 == len(runes) || runes[e+1] == ' ' || runes[e+1] == '\n')) {
		e++
	}
	return s, e
}

// countryLanguage is the language a country's archives keep their records
// in, for the archive table's countries.
var countryLanguage = map[string]string{
	"Russia": "ru", "Soviet Union": "ru", "Germany": "de", "Hungary": "hu", "Poland": "pl", "Czech Republic": "cs",
	"Czechoslovakia": "cs", "Romania": "ro", "Bulgaria": "bg", "Mongolia": "mn", "Vietnam": "vi",
	"People's Republic of China": "zh", "South Korea": "ko", "North Korea": "ko", "Cuba": "es", "Albania": "sq",
	"Yugoslavia": "sr", "Israel": "he", "Japan": "ja",
}

// languageOfTranslated gives a record that names no original language and
// holds only an English text made by a translator the language of the
// archive it cites first: the English is a translation, so its language is
// not the record's.
func (x *extractor) languageOfTranslated() {
	r, d := x.r, x.doc
	if d.OriginalLanguage != "" || len(r.Translator) == 0 || len(r.Versions) == 0 || len(r.ArchivalRef) == 0 {
		return
	}
	for _, v := range r.Versions {
		if v.Lang != "en" {
			return
		}
	}
	a := vocab.Archives().BySlug(r.ArchivalRef[0].ArchiveID)
	if a == nil {
		return
	}
	lang := countryLanguage[a.Country]
	if lang == "" {
		return
	}
	r.Language = lang
	for i := range r.Versions {
		r.Versions[i].Role = document.RoleTranslation
	}
}

// patronymic reports whether a word is a Russian patronymic in any
// common spelling: "Ильич", "Sergeyevich", "Sergejewitsch", "Ilyich".
func patronymic(w string) bool {
	low := strings.ToLower(w)
	for _, s := range []string{"ич", "вна", "ична", "ich", "itsch", "ych", "vna", "wna", "ichna"} {
		if strings.HasSuffix(low, s) && utf8.RuneCountInString(low) > len([]rune(s))+2 {
			return true
		}
	}
	return false
}

// loose folds a name so that the spellings of one Russian name in English,
// German and Polish letters and in transliterated Cyrillic compare equal
// ("Michail Sergejewitsch", "Mikhail Sergeyevich", "Михаил Сергеевич").
func loose(s string) string {
	s = strings.ToLower(entity.Translit(s))
	for _, p := range [][2]string{{"tsch", "ch"}, {"sch", "sh"}, {"kh", "h"}, {"ch", "h"}, {"w", "v"}, {"j", "i"}, {"y", "i"}, {"'", ""}, {"ë", "e"}, {"ё", "e"}} {
		s = strings.ReplaceAll(s, p[0], p[1])
	}
	var sb strings.Builder
	var last rune
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' || r == last && r != ' ' {
			continue
		}
		if r == 'e' && last == 'i' || r == 'i' && last == 'e' {
			continue // "-eyev-", "-ejew-", "-eev-"
		}
		sb.WriteRune(r)
		last = r
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// byNameAndPatronymic finds the person a salutation names by given name
// and patronymic ("Дорогой Леонид Ильич!", "Lieber Genosse Michail
// Sergejewitsch!"): the one person of the gazetteer with a full name that
// begins with them.
func (x *extractor) byNameAndPatronymic(s string) *vocab.Entry {
	w := strings.Fields(s)
	if len(w) != 2 || !patronymic(w[1]) {
		return nil
	}
	key := loose(s) + " "
	var found *vocab.Entry
	for _, e := range x.m.Gazetteer().Entries {
		if e.Class != vocab.ClassPerson {
			continue
		}
		for _, l := range e.Labels {
			if strings.Count(l.Text, " ") >= 2 && strings.HasPrefix(loose(l.Text)+" ", key) {
				if found != nil && found != e {
					return nil // two persons: not certain
				}
				found = e
			}
		}
	}
	return found
}
