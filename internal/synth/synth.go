// Package synth generates a synthetic archive: documents in the two layouts
// docgraph reads (the markdown export and the saved record page), with
// dates, kinds, titles, authors and recipients, pseudonyms, archival
// citations, Russian originals with English translations, entity mentions
// whose popularity follows a Zipf law over the gazetteer plus generated
// people, and sentences that carry claims. The same seed always gives the
// same archive, byte for byte, so benchmarks on different machines and
// different days read the same input.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/vocab"
)

// Options configure a generator.
type Options struct {
	Docs int   // number of documents
	Seed int64 // the archive is a function of the seed
	// Gazetteer supplies the known entities; nil loads the embedded one.
	Gazetteer *vocab.Gazetteer
	// Unknown is the number of generated people the gazetteer does not
	// know; 0 means one per 20 documents (at least 50).
	Unknown int
}

// Doc is one generated document and the metadata planted in it.
type Doc struct {
	Name       string // file name: date, record id and layout's extension
	Layout     string // "markdown" or "page"
	Data       []byte
	RecordID   string
	Date       string // ISO 8601
	Kind       string // one of vocab.Kinds
	Title      string
	Authors    []string // canonical names
	Recipients []string
	Aliases    [][2]string // pseudonym, canonical name
	Refs       []Ref
	Mentions   []string // canonical names of the entities mentioned in the body
}

// Ref is one planted archival reference.
type Ref struct {
	Archive, Fond, Opis, Delo, Folios string
}

// person is a possible author, recipient or mention.
type person struct {
	name    string // canonical
	en, ru  string // short names used in text (surname)
	pseudo  [][2]string
	entry   *vocab.Entry // nil for generated people
	country string       // canonical country name, for claims
}

// Generator makes documents one at a time, deterministically.
type Generator struct {
	opt      Options
	people   []*person // Zipf-ordered: popular first
	others   []*person // countries, organizations, places, events
	zPeople  *rand.Zipf
	zOthers  *rand.Zipf
	rnd      *rand.Rand
	next     int
	archives []archive
}

type archive struct {
	name  string
	fonds []string
}

// New returns a generator for opt.
func New(opt Options) (*Generator, error) {
	gz := opt.Gazetteer
	if gz == nil {
		var err error
		if gz, err = vocab.LoadGazetteer(); err != nil {
			return nil, err
		}
	}
	if opt.Unknown == 0 {
		opt.Unknown = max(50, opt.Docs/20)
	}
	g := &Generator{opt: opt, rnd: rand.New(rand.NewPCG(uint64(opt.Seed), 0x9e3779b97f4a7c15))}
	for _, e := range gz.Entries {
		switch e.Class {
		case vocab.ClassPerson:
			p := &person{name: e.Name, entry: e, en: shortName(e, "en"), ru: shortName(e, "ru")}
			for _, ps := range e.Pseudonyms {
				if ps.From == "" && ps.Until == "" && ps.Orig == "" && (ps.Lang == "en" || ps.Lang == "ru") {
					p.pseudo = append(p.pseudo, [2]string{ps.Lang, ps.Text})
				}
			}
			g.people = append(g.people, p)
		case vocab.ClassCountry, vocab.ClassOrganization, vocab.ClassPlace:
			g.others = append(g.others, &person{name: e.Name, entry: e, en: e.Name, ru: label(e, "ru", e.Name)})
		}
	}
	// Generated people: Russian surnames made of syllables, with their
	// transliteration. They are unknown to the gazetteer, so the extractor
	// sees them only where the text names them.
	seen := map[string]bool{}
	for _, p := range g.people {
		seen[p.en] = true
	}
	for made, tries := 0, 0; made < opt.Unknown && tries < 50*opt.Unknown; tries++ {
		ru := newSurname(g.rnd)
		en := translit(ru)
		if seen[en] || gz.Lookup(en) != nil {
			continue
		}
		seen[en] = true
		made++
		g.people = append(g.people, &person{name: en, en: en, ru: ru})
	}
	// Popularity: a fixed shuffle decides who is famous.
	g.rnd.Shuffle(len(g.people), func(i, j int) { g.people[i], g.people[j] = g.people[j], g.people[i] })
	// Keep the pseudonymous leaders among the most popular authors.
	for i, p := range g.people {
		if len(p.pseudo) > 0 && i > 3 {
			g.people[i], g.people[i%4] = g.people[i%4], g.people[i]
		}
	}
	g.zPeople = rand.NewZipf(g.rnd, 1.2, 2, uint64(len(g.people)-1))
	g.zOthers = rand.NewZipf(g.rnd, 1.2, 2, uint64(len(g.others)-1))
	g.archives = []archive{
		{"APRF", []string{"3", "45", "56"}},
		{"AVP RF", []string{"059a", "07", "0100"}},
		{"RGASPI", []string{"17", "558", "82"}},
		{"TsAMO", []string{"5", "16"}},
	}
	return g, nil
}

func label(e *vocab.Entry, lang, def string) string {
	for _, l := range e.Labels {
		if l.Lang == lang && l.From == "" && l.Until == "" && l.Orig == "" {
			return l.Text
		}
	}
	return def
}

// shortName is the one-word name documents use for a person: "Vyshinsky".
func shortName(e *vocab.Entry, lang string) string {
	for _, l := range e.Labels {
		if l.Lang == lang && !strings.ContainsAny(l.Text, " .") && l.From == "" && l.Until == "" && l.Orig == "" {
			return l.Text
		}
	}
	if lang == "ru" {
		return label(e, "ru", e.Name)
	}
	return e.Name
}

var (
	ruStart = []string{"Бел", "Вор", "Гор", "Дуб", "Жар", "Зим", "Кал", "Лом", "Мор", "Нес", "Пол", "Рад", "Сок", "Тар", "Уш", "Фил", "Хол", "Чер", "Шар", "Яр"}
	ruMid   = []string{"", "ов", "ин", "ен", "аш", "уб", "ыч", "ан"}
	ruEnd   = []string{"ов", "ев", "ин", "ский", "енко", "ицкий"}
	trans   = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y",
		'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
		'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya"}
)

func newSurname(r *rand.Rand) string {
	s := ruStart[r.IntN(len(ruStart))]
	if r.IntN(2) == 0 {
		s += strings.ToLower(ruStart[r.IntN(len(ruStart))])
	}
	return s + ruMid[r.IntN(len(ruMid))] + ruEnd[r.IntN(len(ruEnd))]
}

func translit(ru string) string {
	var b strings.Builder
	first := true
	for _, c := range strings.ToLower(ru) {
		t, ok := trans[c]
		if !ok {
			t = string(c)
		}
		if first && t != "" {
			t = strings.ToUpper(t[:1]) + t[1:]
			first = false
		}
		b.WriteString(t)
	}
	return b.String()
}

var kinds = []struct {
	kind, en, ru, pageType string
	weight                 int
}{
	{"telegram", "Ciphered Telegram No. %d", "Шифротелеграмма № %d", "Telegram", 5},
	{"letter", "Letter", "Письмо", "Letter", 3},
	{"memorandum", "Memorandum", "Памятная записка", "Memorandum", 1},
	{"report", "Report", "Доклад", "Report", 2},
	{"note", "Note", "Записка", "Note", 1},
	{"cable", "Cable No. %d", "Телеграмма № %d", "Cable", 1},
}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var monthsRu = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

// Next returns the next document.
func (g *Generator) Next() Doc {
	i := g.next
	g.next++
	r := g.rnd
	d := Doc{RecordID: strconv.Itoa(300000 + i)}
	y, m, day := 1945+r.IntN(16), 1+r.IntN(12), 1+r.IntN(28)
	d.Date = fmt.Sprintf("%04d-%02d-%02d", y, m, day)
	enDate := fmt.Sprintf("%s %d, %d", months[m-1], day, y)
	ruDate := fmt.Sprintf("%d %s %d г.", day, monthsRu[m-1], y)

	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	pick := r.IntN(total)
	k := kinds[0]
	for _, c := range kinds {
		if pick < c.weight {
			k = c
			break
		}
		pick -= c.weight
	}
	d.Kind = k.kind
	no := 100 + r.IntN(99000)
	kindEn, kindRu := k.en, k.ru
	if strings.Contains(kindEn, "%d") {
		kindEn, kindRu = fmt.Sprintf(kindEn, no), fmt.Sprintf(kindRu, no)
	}

	author := g.people[g.zPeople.Uint64()]
	recip := author
	for recip == author {
		recip = g.people[g.zPeople.Uint64()]
	}
	d.Authors, d.Recipients = []string{author.name}, []string{recip.name}
	authorEn, authorRu := author.en, author.ru
	if len(author.pseudo) > 0 && r.IntN(2) == 0 {
		var en, ru string
		for _, p := range author.pseudo {
			if p[0] == "en" && en == "" {
				en = p[1]
			}
			if p[0] == "ru" && ru == "" {
				ru = p[1]
			}
		}
		if en != "" {
			authorEn = en + " [" + author.en + "]"
			d.Aliases = append(d.Aliases, [2]string{en, author.name})
			if ru != "" {
				authorRu = ru + " [" + author.ru + "]"
			}
		}
	}
	d.Title = fmt.Sprintf("%s, %s to %s", kindEn, authorEn, recip.en)

	// Archival references: one to three archives, each once.
	perm := r.Perm(len(g.archives))[:1+r.IntN(3)]
	var cites []string
	for _, ai := range perm {
		a := g.archives[ai]
		ref := Ref{Archive: a.name, Fond: a.fonds[r.IntN(len(a.fonds))], Opis: strconv.Itoa(1 + r.IntN(12)),
			Delo: strconv.Itoa(1 + r.IntN(900))}
		first := 1 + r.IntN(300)
		ll := "l."
		ref.Folios = strconv.Itoa(first)
		if r.IntN(2) == 0 {
			ref.Folios = fmt.Sprintf("%d-%d", first, first+1+r.IntN(8))
			ll = "ll."
		}
		d.Refs = append(d.Refs, ref)
		cites = append(cites, fmt.Sprintf("%s, f. %s, op. %s, d. %s, %s %s", ref.Archive, ref.Fond, ref.Opis, ref.Delo, ll, ref.Folios))
	}

	// The body: paragraphs mentioning popular entities, with claims.
	nPara := 2 + r.IntN(5)
	var en, ru []string
	seen := map[string]bool{}
	mention := func(p *person) {
		if !seen[p.name] {
			seen[p.name] = true
			d.Mentions = append(d.Mentions, p.name)
		}
	}
	mention(author)
	mention(recip)
	for range nPara {
		a := g.people[g.zPeople.Uint64()]
		b := g.others[g.zOthers.Uint64()]
		c := g.others[g.zOthers.Uint64()]
		mention(a)
		mention(b)
		mention(c)
		switch r.IntN(4) {
		case 0:
			en = append(en, fmt.Sprintf("Comrade %s reported that the government of %s supports the position of %s on the question of the talks.", a.en, b.en, c.en))
			ru = append(ru, fmt.Sprintf("Товарищ %s сообщил, что правительство %s поддерживает позицию %s по вопросу о переговорах.", a.ru, b.ru, c.ru))
		case 1:
			en = append(en, fmt.Sprintf("We consider the proposal of %s unacceptable, and %s will reject it. %s must be informed at once.", b.en, c.en, a.en))
			ru = append(ru, fmt.Sprintf("Мы считаем предложение %s неприемлемым, и %s его отклонит. Нужно немедленно сообщить %s.", b.ru, c.ru, a.ru))
		case 2:
			en = append(en, fmt.Sprintf("I ask you to tell %s that we agree with the view of %s regarding %s.", a.en, b.en, c.en))
			ru = append(ru, fmt.Sprintf("Прошу Вас передать %s, что мы согласны с мнением %s относительно %s.", a.ru, b.ru, c.ru))
		default:
			en = append(en, fmt.Sprintf("%s met with representatives of %s in %s and discussed the supply of equipment.", a.en, b.en, c.en))
			ru = append(ru, fmt.Sprintf("%s встретился с представителями %s в %s и обсудил поставки оборудования.", a.ru, b.ru, c.ru))
		}
	}
	sign := strings.ToUpper(authorEn)
	summary := fmt.Sprintf("%s writes to %s about %s and %s.", author.en, recip.en, d.Mentions[len(d.Mentions)-1], d.Mentions[2%len(d.Mentions)])
	slug := strings.ToLower(strings.NewReplacer(" ", "-", "[", "", "]", "", ",", "", ".", "").Replace(authorEn + " to " + recip.en))

	var b strings.Builder
	if i%2 == 0 {
		d.Layout = "markdown"
		d.Name = fmt.Sprintf("%s_%s_%s.md", d.Date, d.RecordID, slug)
		fmt.Fprintf(&b, "\n## %s\n\n### %s\n\n#### Citation:\n\n", enDate, d.Title)
		fmt.Fprintf(&b, "%q, %s, Synthetic Digital Archive, %s.  \n<https://archive.example.org/record/%s>\n\n", d.Title, enDate, strings.Join(cites, "; "), d.RecordID)
		fmt.Fprintf(&b, "#### Summary:\n\n%s\n\n#### Original Language:\n\nRussian\n\n#### Contents:\n\nOriginal Scan  \nTranslation - English\n\n", summary)
		fmt.Fprintf(&b, "%s\n\nТов. %s.\n\n%s\n\n%s\n\n%s\n\n", strings.ToUpper(kindRu), recip.ru, strings.Join(ru, "\n\n"), strings.ToUpper(authorRu), ruDate)
		fmt.Fprintf(&b, "To Comrade %s.\n\n%s\n\n%s\n\n%d %s %d\n", strings.ToUpper(recip.en), strings.Join(en, "\n\n"), sign, day, months[m-1], y)
	} else {
		d.Layout = "page"
		d.Name = fmt.Sprintf("%s_%s_%s.txt", d.Date, d.RecordID, slug)
		fmt.Fprintf(&b, "Skip to content\n\n%s\n\n%s\n\n", enDate, d.Title)
		fmt.Fprintf(&b, "To Comrade %s.\n\n%s\n\n%s\n\n%d %s %d.\nNo. %d/sh\n\n", strings.ToUpper(recip.en), strings.Join(en, "\n\n"), sign, day, months[m-1], y, 1+r.IntN(900))
		fmt.Fprintf(&b, "%s\n\nAuthor(s):\n\nDocument Information\n\nSource\n\n%s.\n\n", summary, strings.Join(cites, "; "))
		fmt.Fprintf(&b, "Rights\n\nSynthetic record generated for benchmarks; free to reuse.\n\n")
		fmt.Fprintf(&b, "Original Uploaded Date\n\n%04d-%02d-%02d\n\nType\n\n%s\n\nLanguage\n\nRussian\n\nRecord ID\n\n%s\n", 2005+r.IntN(15), 1+r.IntN(12), 1+r.IntN(28), k.pageType, d.RecordID)
	}
	d.Data = []byte(b.String())
	return d
}

// WriteDir writes opt.Docs documents into dir, creating it, and returns
// the number of bytes written.
func WriteDir(dir string, opt Options) (int64, error) {
	g, err := New(opt)
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var n int64
	for range opt.Docs {
		d := g.Next()
		if err := os.WriteFile(filepath.Join(dir, d.Name), d.Data, 0o644); err != nil {
			return n, err
		}
		n += int64(len(d.Data))
	}
	return n, nil
}
