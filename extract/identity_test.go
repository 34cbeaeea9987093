package extract

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// persons lists the document's Person entities, sorted.
func persons(r *Result) []string {
	var out []string
	for _, e := range r.Entities {
		if e.Class == vocab.ClassPerson {
			out = append(out, e.Name)
		}
	}
	sort.Strings(out)
	return out
}

// A record that names each person several ways: one entity per person.
func TestOnePersonOneEntity(t *testing.T) {
	rec := `Memorandum of Conversation, 14 March 1981

Present: Stanislaw Kania, Valeri Musatov, Admiral N.G. Kuznetsov.

Comrade Musatov opened the meeting. S. Kania answered that the plenum would be held in April.
Kuznetsov added that the fleet was ready. Musatov's note on V.V. Grishin's report was read;
Grishin agreed.
`
	r, err := Extract("memo.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// the gazetteer knows the admiral, Kania and Grishin by these names
	want := []string{"Nikolai Gerasimovich Kuznetsov", "Stanisław Kania", "Valeri Musatov", "Viktor Grishin"}
	if got := persons(r); !slices.Equal(got, want) {
		t.Errorf("persons %q, want %q", got, want)
	}
	if e := findEntity(r, "Valeri Musatov"); e == nil || len(e.Mentions) < 3 {
		t.Errorf("Valeri Musatov: %+v, want the bare surname's mentions too", e)
	}
	if e := findEntity(r, "Vasily Kuznetsov"); e != nil {
		t.Errorf("the admiral was linked to Vasily Kuznetsov: %+v", e)
	}
}

// A surname the gazetteer links bare joins the person whose given name
// blocked the link, and the blocked link is recorded.
func TestBlockedLinkKeepsItsPerson(t *testing.T) {
	// an invented Ivan Molotov: the gazetteer knows Vyacheslav Molotov, bare "Molotov" too
	rec := `Ivan Molotov met the Soviet ambassador on 27 October 1962. Molotov said that time was short.`
	r, err := Extract("note.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(r); !slices.Equal(got, []string{"Ivan Molotov"}) {
		t.Fatalf("persons %q, want only Ivan Molotov", got)
	}
	e := findEntity(r, "Ivan Molotov")
	if e.Linked || e.Wikidata != "" || e.Blocked != "Vyacheslav Molotov" || len(e.Mentions) != 2 {
		t.Errorf("Ivan Molotov: %+v", e)
	}
}

// Every link says how it was made, in the document's graph; unlinked
// persons keep the role the record gives them.
func TestLinkMethodQuads(t *testing.T) {
	rec := `Record of Conversation

Comrade Stalin received First Secretary Wenzlik. The Politburo had approved the visit.
`
	r, err := Extract("rec.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := vocab.NewMinter("http://example.org/docgraph/")
	qs := r.Quads(m)
	has := func(s rdf.Term, p rdf.IRI, o rdf.Term) bool {
		for _, q := range qs {
			if q.S == s && q.P == p && q.O == o {
				return true
			}
		}
		return false
	}
	stalin := m.Entity(vocab.ClassPerson, "Joseph Stalin")
	if !has(stalin, vocab.DGLinkMethod, rdf.NewString("label")) {
		t.Errorf("no link method for Stalin in %v", qs)
	}
	gierek := m.Entity(vocab.ClassPerson, "Wenzlik") // an invented secretary the gazetteer lacks
	if !has(gierek, vocab.SchemaJobTitle, rdf.NewString("First Secretary")) {
		t.Errorf("no role for Wenzlik")
	}
	// no country of the record: the Politburo is nobody's in particular
	for _, e := range r.Entities {
		if strings.Contains(e.Name, "Politburo") && e.Linked {
			t.Errorf("Politburo linked without a country: %+v", e)
		}
	}
}

// A name the gazetteer gives another class is that entity, never a Person.
func TestNoCountryAsPerson(t *testing.T) {
	rec := "To: Soviet Union\nFrom: United States\n\nThe note was handed over in Geneva.\n"
	r, err := Extract("note.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	gz, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.Entities {
		if g := gz.Lookup(e.Name); g != nil && g.Class != e.Class {
			t.Errorf("%s as %s, the gazetteer says %s", e.Name, e.Class, g.Class)
		}
	}
	for _, refs := range [][]EntityRef{r.Authors, r.Recipients} {
		for _, a := range refs {
			if a.Class == vocab.ClassPerson && (a.Name == "Soviet Union" || a.Name == "United States") {
				t.Errorf("party %+v", a)
			}
		}
	}
}

// The same person in a record's German and English versions, and in a
// title with a rank: one entity.
func TestOnePersonAcrossSpellings(t *testing.T) {
	rec := `Record of a conversation with Soviet Ambassador Kotschemassow, 7 October 1989

Genosse Gorbatschow sprach mit Genossen Kotschemassow über die Lage.

Mikhail Gorbachev spoke with Ambassador Kochemasov about the situation. Kochemasov agreed.
`
	r, err := Extract("talk.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := persons(r)
	if !slices.Equal(got, []string{"Mikhail Gorbachev", "Vyacheslav Kochemasov"}) {
		t.Errorf("persons %q, want Gorbachev and the ambassador once each", got)
	}
}

// A person addressed by given name and patronymic is the one person with
// those initials.
func TestPatronymicAddress(t *testing.T) {
	rec := `Working notes of the session, 10 December 1981

Present: Yu.V. Andropov, Gromyko, Suslov.

GROMYKO. I agree with Yuri Vladimirovich. Andropov added that troops are out of the question.
`
	r, err := Extract("notes.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons(r) {
		if p == "Yuri Vladimirovich" || p == "Andropov" {
			t.Errorf("persons %q: Andropov named three ways is one person", persons(r))
		}
	}
}

// A Russian surname seen in several cases is named in the nominative.
func TestSurnameInCases(t *testing.T) {
	rec := "Запись беседы с тов. Э. Гереком\n\nПринял тов. Герека. Тов. Герек сообщил, что пленум назначен.\n"
	r, err := Extract("zapis.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(r); !slices.Equal(got, []string{"Edward Gierek"}) {
		t.Errorf("persons %q, want [Edward Gierek] (the gazetteer's Э. Герек)", got)
	}
}

// An East Asian name is family name first: "Premier Chou" is Chou En-lai.
func TestAsianFamilyNameAlone(t *testing.T) {
	rec := "Record of Conversation between Premier Chou En-lai and the Ambassador\n\nPremier Chou: We do not fear war.\nAmbassador Raza: I will report it.\n"
	r, err := Extract("talk.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(r); !slices.Equal(got, []string{"Raza", "Zhou Enlai"}) {
		t.Errorf("persons %q, want [Raza Zhou Enlai]", got)
	}
}

// "The Politburo" is the body of the record's country, known from its
// archive or language, and a language's name is no country.
func TestPolitburoOfTheRecordsCountry(t *testing.T) {
	for _, c := range []struct{ rec, want string }{
		{"Information for the Politburo\n\nThe Politburo approved the measures at the border.\n\nSource: SAPMO-BArch, DY 30/J IV 2/2/780.\n",
			"Politburo of the Socialist Unity Party of Germany"},
		{"Note\n\nThe Politburo approved the measures. English Translation follows.\n", "Politburo"},
	} {
		r, err := Extract("info.txt", []byte(c.rec), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var orgs []string
		for _, e := range r.Entities {
			switch e.Class {
			case vocab.ClassOrganization:
				orgs = append(orgs, e.Name)
				if e.Linked {
					t.Errorf("%s linked in %q", e.Name, c.rec)
				}
			case vocab.ClassCountry:
				t.Errorf("country %s in %q", e.Name, c.rec)
			}
		}
		if !slices.Contains(orgs, c.want) {
			t.Errorf("organisations %q, want %q", orgs, c.want)
		}
	}
}

// A Hungarian record writes family names first and spells Russian names
// its own way ("Szmirnov"): one entity per person, named given name first.
func TestHungarianNamesOneEntity(t *testing.T) {
	rec := `A nagykövetség jelentése a mongol vezetésről

A Minisztertanács új elnöke Zs. Batmönh lett. A fogadáson részt vett Tóth Gyula nagykövet és a szovjet követtanácsos is. A. P. Szmirnov elmondta, hogy a döntés már megszületett, és a pártvezetés ezt nem fogja megváltoztatni. Smirnov szerint a tárgyalások jól haladnak, de a gazdasági kérdésekben még nincs megállapodás.

Summary: J. Batmönkh, formerly rector of the university, became chairman.

Tóth Gyula
nagykövet
`
	r, err := Extract("jelentes.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Language != "hu" {
		t.Fatalf("language %q, want hu", r.Language)
	}
	want := []string{"A.P. Szmirnov", "Gyula Tóth", "Jambyn Batmönkh"}
	if got := persons(r); !slices.Equal(got, want) {
		t.Errorf("persons %q, want %q", got, want)
	}
	if e := findEntity(r, "A.P. Szmirnov"); e == nil || len(e.Mentions) < 2 {
		t.Errorf("A.P. Szmirnov: %+v, want the mention of Smirnov too", e)
	}
}

// A name the gazetteer knows only in full ("Имре Надь") and a list that
// names him bare: one person, not a second one minted from the surname.
func TestBareSurnameJoinsTheFullFormWritten(t *testing.T) {
	rec := `Шифртелеграмма

Встретились с тов. Имре Надем в здании парламента. Присутствовали тт. Надь, Кадар и Мюнних. Договорились продолжить беседу завтра утром, после заседания руководства партии.
`
	r, err := Extract("telegram.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons(r) {
		if p != "Imre Nagy" && strings.Contains(strings.ToLower(p), "nad") {
			t.Errorf("persons %q: the bare surname is a second person %q", persons(r), p)
		}
	}
	if findEntity(r, "Imre Nagy") == nil {
		t.Errorf("persons %q, want Imre Nagy", persons(r))
	}
}

// A middle initial written alone ("L. Sneider") is the person whose full
// name has it ("Richard L. Sneider"), and so is the bare surname.
func TestMiddleInitialOnePerson(t *testing.T) {
	rec := `Telegram from US Ambassador Richard L. Sneider to the Secretary of State

L. Sneider reported that the talks went on. Sneider added that the general agreed.
`
	r, err := Extract("telegram.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range persons(r) {
		if strings.Contains(p, "Sneider") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("persons %q: want one Sneider", persons(r))
	}
}

// The title a record writes before a name the gazetteer knows is that
// person's role in the record, as it is for names it does not know.
func TestRolesOfKnownPersons(t *testing.T) {
	rec := `Memorandum of Conversation, 2 October 1980

First Secretary Gierek received Marshal Grechko and Comrade Ambassador Pilotovich in the evening.
`
	r, err := Extract("memo.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, role := range map[string]string{"Edward Gierek": "First Secretary", "Andrei Grechko": "Marshal"} {
		e := findEntity(r, name)
		if e == nil || !slices.Contains(e.Roles, role) {
			t.Errorf("%s: %+v, want the role %q", name, e, role)
		}
	}
}

// One surname in the spellings and cases of the records' languages has one
// skeleton.
func TestSurnameKeyAcrossSpellings(t *testing.T) {
	for _, c := range [][]string{
		{"Smirnov", "Szmirnov", "Szmirnovval", "Smirnova"},
		{"Tsedenbal", "Cedenbal"},
		{"Khrushchev", "Chruschtschow", "Chruszczow", "Hruscsov", "Hruscsovnak"},
	} {
		k := surnameKey(c[0])
		for _, v := range c[1:] {
			if !sameSurname(k, surnameKey(v)) {
				t.Errorf("%s (%s) and %s (%s): two surnames", c[0], k, v, surnameKey(v))
			}
		}
	}
	if sameSurname(surnameKey("Kania"), surnameKey("Kadar")) {
		t.Errorf("Kania and Kadar: one surname")
	}
}

// An abbreviation the record writes is the body it names in full with those
// initials, not the gazetteer's other body of the same initials (a link to
// that one would be a false statement).
func TestAbbreviationOfTheBodyNamedInFull(t *testing.T) {
	rec := `Letter from the Workers' Party of Vietnam to the Chinese Communist Party, 3 May 1966

Dear comrades,

The Central Committee of the Party of Labour of Albania has told us of its position.
The PLA holds that the fraternal parties must act together. We share the view of the PLA
and ask the Chinese comrades to receive our delegation.
`
	r, err := Extract("letter.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var orgs []string
	for _, e := range r.Entities {
		if e.Class == vocab.ClassOrganization {
			orgs = append(orgs, e.Name+" "+e.Wikidata)
		}
	}
	got := strings.Join(orgs, "; ")
	if strings.Contains(got, "People's Liberation Army") {
		t.Errorf("the PLA of a record naming the Party of Labour of Albania linked to the Chinese army: %s", got)
	}
	if !strings.Contains(got, "Party of Labour of Albania") {
		t.Errorf("the Party of Labour of Albania is missing: %s", got)
	}
	// where the record names no body with those initials, the gazetteer's stands
	r, err = Extract("cable.txt", []byte("Cable from Beijing, 2 March 1969\n\nUnits of the PLA were moved to the Ussuri.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range r.Entities {
		found = found || e.Name == "People's Liberation Army"
	}
	if !found {
		t.Errorf("the PLA of a Chinese cable is not the People's Liberation Army: %v", r.Entities)
	}
}

// A bilingual record names a person with Cyrillic initials in the original
// and Latin ones in the translation: one person ("В. Кириллов", "V.S.
// Kirillov", "V. Kirillov", "Кириллов В.С." of an invented counsellor).
func TestCyrillicInitialsOnePerson(t *testing.T) {
	rec := `Запись беседы, 3 мая 1958

Присутствовал советник посольства Кириллов В.С.

Записал: В. Кириллов

Record of Conversation, 3 May 1958

Present was the counsellor of the Embassy V.S. Kirillov.

Recorded by: V. Kirillov
`
	r, err := Extract("zapis.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(r); !slices.Equal(got, []string{"V.S. Kirillov"}) {
		t.Errorf("persons %q, want [V.S. Kirillov]", got)
	}
}

// A Russian original writes Chinese and Korean names in the Russian scheme,
// its translation in pinyin and McCune-Reischauer: one person each, and a
// name whose sounds differ stays apart (invented officials).
func TestEastAsianNamesAcrossScripts(t *testing.T) {
	rec := `Запись беседы, 12 октября 1957

Присутствовали: советник посольства КНР Чжан Цимин, заместитель министра КНДР Пак Ен Сик.
Тов. Пак Ен Сик сообщил, что тов. Ли Сан Чо выехал в Пекин.

Record of Conversation, 12 October 1957

Present: Counsellor of the PRC Embassy Zhang Qiming, Deputy Minister of the DPRK Pak Yong-sik.
Comrade Pak Yong-sik said that Comrade Ri Song-un had left for Beijing.
`
	r, err := Extract("zapis.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := persons(r)
	for _, want := range []string{"Zhang Qiming", "Pak Yong-sik"} {
		if !slices.Contains(got, want) {
			t.Errorf("persons %q: no %s", got, want)
		}
	}
	for _, p := range got {
		if p == "Chzhan Tsimin" || p == "Pak En Sik" {
			t.Errorf("persons %q: %s is the translation's person, not another", got, p)
		}
	}
	if e := findEntity(r, "Ri Song-un"); e != nil && slices.ContainsFunc(e.Labels, func(l Label) bool { return strings.Contains(l.Text, "Ли") }) {
		t.Errorf("Ri Song-un took the labels of Ли Сан Чо, whose sounds differ: %+v", e.Labels)
	}
}

// A body that writes a report ("Embassy of Hungary in Warsaw") is an
// organisation, not a person named "Hungary in Warsaw".
func TestReportingBodyIsNoPerson(t *testing.T) {
	rec := `From: Embassy of Hungary in Warsaw
To: Ministry of Foreign Affairs, Budapest
Date: 22 December 1970
Subject: Changes in the Polish leadership

The chargé d'affaires reports on the plenum held in Warsaw.
`
	r, err := Extract("report.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons(r) {
		if strings.Contains(p, "Hungary") || strings.Contains(p, "Embassy") {
			t.Errorf("persons %q: the embassy is a body", persons(r))
		}
	}
	if e := findEntity(r, "Embassy of Hungary in Warsaw"); e == nil || e.Class != vocab.ClassOrganization {
		t.Errorf("the embassy: %+v, want an Organization", e)
	}
}

// A government's own records name its embassies without the country ("our
// Embassy in Lisbon"): the embassy is that government's, known from the
// record's archive.
func TestOwnEmbassyOfTheRecordsCountry(t *testing.T) {
	rec := `DEPARTMENT OF STATE
Washington, D.C. 20520

INFORMATION MEMORANDUM

Our Embassy in Lisbon reports that the new government will hold elections in April.

Source: NARA, RG 59, Central Foreign Policy Files.
`
	r, err := Extract("memo.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e := findEntity(r, "Embassy of the United States in Lisbon"); e == nil {
		var orgs []string
		for _, e := range r.Entities {
			if e.Class == vocab.ClassOrganization {
				orgs = append(orgs, e.Name)
			}
		}
		t.Errorf("organisations %q, want the Embassy of the United States in Lisbon", orgs)
	}
}

// A Russian "Kh." is the Latin "H." of the translation, and a telegram's
// drafter line written surname first ("(WALKER, J. ROBERT)") names the
// person its text names in full (invented officials).
func TestInitialsAcrossSchemesAndDrafterLine(t *testing.T) {
	rec := `Запись беседы, 9 октября 1973

Присутствовал министр А.Х. Сулейман.

Record of Conversation, 9 October 1973

Present was Minister A.H. Suleiman.
`
	r, err := Extract("zapis.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(r); len(got) != 1 {
		t.Errorf("persons %q, want A.H. Suleiman once", got)
	}
	tel := `CONFIDENTIAL

FM AMEMBASSY LUSAKA
TO SECSTATE WASHDC IMMEDIATE

E.O. 12065: GDS 3/4/85 (WALKER, J. ROBERT) OR-M
SUBJECT: TALKS WITH THE PRESIDENT

1. Chargé J. Robert Walker saw the President this morning.
`
	r, err = Extract("tel.txt", []byte(tel), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons(r) {
		if p == "J. Robert" || strings.Contains(p, "Amembassy") {
			t.Errorf("persons %q: the drafter line's J. Robert is J. Robert Walker; a telegram's address is no one", persons(r))
		}
	}
}

// A surname joins a gazetteer person only when its vowels agree as well
// as its consonants: "Gorashin" is not Harrison ("Гаррисон"), while
// spellings and case forms of one name still join.
func TestSameConsonantsOtherName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Gorashin", "Garrison", false}, {"Gorashin", "Гаррисон", false},
		{"Chruschtschow", "Khrushchev", true}, {"Ponomarienko", "Ponomarenko", true}, {"Havla", "Havel", true},
		{"Hruscsov", "Khrushchev", true},
	} {
		if got := vowelsAgree([]string{vowelKey(c.a)}, []string{vowelKey(c.b)}); got != c.want {
			t.Errorf("%s and %s: vowels agree %v (%q, %q), want %v", c.a, c.b, got, vowelKey(c.a), vowelKey(c.b), c.want)
		}
		if surnameKey(c.a) != surnameKey(c.b) && c.want {
			t.Errorf("%s and %s: skeletons %q %q differ", c.a, c.b, surnameKey(c.a), surnameKey(c.b))
		}
	}
}

// A gazetteer person the record names by a bare name joins another only by
// the name written: "Ayub" of Ayub Khan stays apart from Hoang Van Hoan,
// whose "Hoan" has the consonants of "Khan".
func TestBareGazetteerNameKeepsItsPerson(t *testing.T) {
	rec := "Telegram, Ayub to Ren Bishi\n\nI ask you to tell Hoang Van Hoan that we agree.\n\nAYUB\n"
	r, err := Extract("ayub.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(r); !slices.Contains(got, "Ayub Khan") || !slices.Contains(got, "Hoang Van Hoan") {
		t.Errorf("persons %q, want Ayub Khan and Hoang Van Hoan apart", got)
	}
}

// The Polish transliteration of a Soviet name and its case forms are one
// person with the gazetteer's ("Ponomarienko", "Ponomarienką").
func TestPolishTransliterationIsOnePerson(t *testing.T) {
	rec := "Notatka z rozmowy z Ambasadorem ZSSR P. K. Ponomarienką\n\nAmb. Ponomarienko: Rząd radziecki zna list.\nAmb. Ponomarienko: Tak.\n"
	r, err := Extract("notatka.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(r); !slices.Equal(got, []string{"Panteleimon Ponomarenko"}) {
		t.Errorf("persons %q, want [Panteleimon Ponomarenko]", got)
	}
}

// A given name written in full that is not a spelling of the gazetteer
// person's keeps the name apart even where the first letters fold alike
// (I and J): "Sir Ivone Kirkpatrick" of a 1956 British minute is not Jeane
// Kirkpatrick, while a given name transliterated otherwise ("Iosif") still
// names the gazetteer's person.
func TestGivenNameInFullKeepsPeopleApart(t *testing.T) {
	rec := "Minute by Sir Ivone Kirkpatrick to the Foreign Secretary, November 6, 1956\n\n" +
		"1. I do not think the note calls for more than a short reply.\n\nI.K.\n"
	r, err := Extract("minute.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(r); slices.Contains(got, "Jeane Kirkpatrick") || !slices.Contains(got, "Ivone Kirkpatrick") {
		t.Errorf("persons %q, want Ivone Kirkpatrick and not Jeane Kirkpatrick", got)
	}
	rec = "Letter from Iosif Stalin to Klement Gottwald, July 9, 1947\n\nStalin asks Gottwald to withdraw.\n"
	if r, err = Extract("letter.txt", []byte(rec), Options{}); err != nil {
		t.Fatal(err)
	}
	if got := persons(r); !slices.Contains(got, "Joseph Stalin") {
		t.Errorf("persons %q, want Joseph Stalin for Iosif Stalin", got)
	}
}

// TestOfficeSigningForABody: a Vietnamese directive signed "T.M. BAN BÍ
// THƯ" (on behalf of the Secretariat) over the signer's name is the
// body's and the signer's; the office is no person.
func TestOfficeSigningForABody(t *testing.T) {
	rec := `Chỉ thị của Ban Bí thư về công tác tuyên truyền

Ngày 3 tháng 6 năm 1965

Các cấp ủy Đảng cần giải thích rõ cho nhân dân về cuộc đàm phán và về lập trường của Chính phủ ta.

T.M. BAN BÍ THƯ
LÊ DUẨN
`
	r, err := Extract("chithi.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range persons(r) {
		if strings.Contains(p, "Ban") || strings.Contains(p, "BAN") {
			t.Errorf("the office became a person: %q", persons(r))
		}
	}
	var body, signer bool
	for _, a := range r.Authors {
		body = body || a.Class == vocab.ClassOrganization && a.Name == "Ban Bí Thư"
		signer = signer || a.Class == vocab.ClassPerson && a.Name == "Le Duan"
	}
	if !body || !signer {
		t.Errorf("authors %+v, want the Secretariat it signs for and Le Duan", r.Authors)
	}
}

// TestBodyOnASignatureLine: a body's name in capitals above a record
// ("CONSEJO DE ESTADO") is no signer.
func TestBodyOnASignatureLine(t *testing.T) {
	rec := `Acta de la conversación

Texto de la conversación sobre la situación militar.

CONSEJO DE ESTADO
`
	r, err := Extract("acta.txt", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Authors {
		if a.Class == vocab.ClassPerson {
			t.Errorf("the body became a person: %+v", r.Authors)
		}
	}
	if got := persons(r); len(got) > 0 {
		t.Errorf("persons %q, want none", got)
	}
}
