package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/vocab"
)

// matcher uses the main gazetteer table alone: these tests are about names
// it lacks, many of which the full gazetteer (gazetteer.d) lists.
func matcher(t testing.TB) *Matcher {
	g, err := vocab.CoreGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return New(g)
}

// found lists "Name/by" for each mention, and checks that each mention's
// offsets locate its text.
func found(t *testing.T, m *Matcher, text string, ctx Context) []string {
	t.Helper()
	var out []string
	rs := []rune(text)
	for _, mm := range m.Find(text, ctx) {
		if string(rs[mm.Start:mm.End]) != mm.Text {
			t.Errorf("%q: mention %q at [%d,%d) reads %q", text, mm.Text, mm.Start, mm.End, string(rs[mm.Start:mm.End]))
		}
		out = append(out, mm.Name+"/"+mm.By)
	}
	return out
}

func TestFind(t *testing.T) {
	m := matcher(t)
	ctx := Context{Date: "1952-09-17", Orig: "ru"}
	for _, c := range []struct {
		text string
		want string
	}{
		// English spellings, Wade-Giles and pinyin, initials
		{"Mao Tse-tung met Chou En-lai and I.V. Stalin.", "Mao Zedong/name Zhou Enlai/name Joseph Stalin/name"},
		{"Mao Zedong's plan", "Mao Zedong/name"},
		// Russian case endings
		{"с Индией и Бирмой", "India/name Burma/name"},
		{"Передайте Мао Цзэдуну и Сталину", "Mao Zedong/name Joseph Stalin/name"},
		{"ДЛЯ тов. МАО ЦЗЕ-ДУНА", "Mao Zedong/name"},
		{"И.В. Сталин и товарищ Молотов", "Joseph Stalin/name Vyacheslav Molotov/name"},
		{"в переговорах в Корее", "Korean armistice negotiations/name Korea/name"},
		{"за 38-ю параллель", "38th Parallel/name"},
		// Chinese
		{"斯大林同志判断，美国人正急", "Joseph Stalin/name United States/name"},
		// demonyms and collectives
		{"the proposal of the Mexicans", "Mexico/collective"},
		{"the USSR delegation and the Soviet delegation", "Soviet Union/name Soviet Union/collective"},
		{"the Chinese volunteer units", "Chinese People's Volunteers/name"},
		{"if the Americans keep to it", "United States/collective"},
		{"добровольческих китайских частей", "Chinese People's Volunteers/name"},
		// acronyms keep their case; common words are not names
		{"let us go to the US", "United States/name"},
		{"these successes are a joy to us", ""},
		// OCR noise: a hyphen at a line end, struck text, insertions
		{"с Ин-\nдией", "India/name"},
		{"~~США~~ прекращению", ""},
		{"<sup>Польши и</sup> Чехосло-\nвакии", "Poland/name Czechoslovakia/name"},
		// pseudonyms
		{"FILIPPOV [Stalin]", "Joseph Stalin/pseudonym Joseph Stalin/name"},
		{"Теребин", "Andrei Orlov/pseudonym"},
	} {
		got := strings.Join(found(t, m, c.text, ctx), " ")
		if got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func TestKuznetsovByDate(t *testing.T) {
	m := matcher(t)
	for _, c := range []struct{ date, want string }{
		{"1948-10-17", "Joseph Stalin/pseudonym"},
		{"1953-04-02", "Vasily Kuznetsov/name"},
	} {
		got := strings.Join(found(t, m, "Тов. КУЗНЕЦОВУ", Context{Date: c.date, Orig: "ru"}), " ")
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.date, got, c.want)
		}
	}
	// "Chinese" names the People's Republic only after October 1949
	if got := found(t, m, "the Chinese side", Context{Date: "1948-05-01"}); len(got) != 0 {
		t.Errorf("1948: %q", got)
	}
	if got := found(t, m, "the Chinese side", Context{Date: "1950-05-01"}); fmt.Sprint(got) != "[People's Republic of China/collective]" {
		t.Errorf("1950: %q", got)
	}
}

func TestUnlinked(t *testing.T) {
	m := matcher(t)
	ctx := Context{Date: "1952-01-01", Orig: "ru"}
	for _, c := range []struct{ text, want string }{
		{"The group is led by Cde. Zhao Minghua.", "Zhao Minghua/rule"},
		{"Передайте тов. Семенову.", "Semenov/rule"},
		{"Мы согласны.\n\n17 сентября 1952г.\n\nСеменов ~~Семин~~\n", "Semenov/rule"},
		// a known name misread by OCR is that person, not a new one
		{"Товарищ Кнм Ир Сен!", "Kim Il Sung/fuzzy"},
		{"держаться стой-\nко\nФын Сн", "Joseph Stalin/fuzzy"},
		// document words on their own line are not names
		{"14 May 1950\nCIPHERED TELEGRAM\nSPECIAL\n", ""},
		{"General of the Army Zakharov", "Matvei Zakharov/name"},
	} {
		got := strings.Join(found(t, m, c.text, ctx), " ")
		if got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func TestResolve(t *testing.T) {
	m := matcher(t)
	ctx := Context{Date: "1952-01-01"}
	for in, want := range map[string]string{
		"Cde. G.M. Malenkov": "Georgy Malenkov", "the Chairman": "", "Krasovsky": "Stepan Krasovsky",
		"Chairman of the Central People's Government of the People's Republic of China Mao Zedong": "Mao Zedong",
		"Someone Unknown": "",
	} {
		got := ""
		if mm := m.Resolve(in, ctx); mm != nil {
			got = mm.Name
		}
		if got != want {
			t.Errorf("Resolve(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTranslit(t *testing.T) {
	for in, want := range map[string]string{"Семенов": "Semenov", "Карский": "Karskii", "Фын Си": "Fyn Si", "Щукин": "Shchukin",
		// Mongolian, Ukrainian and Serbian letters
		"Гомбосүрэн": "Gombosüren", "Батмөнх": "Batmönkh", "Шевчук": "Shevchuk", "Їжак": "Izhak", "Јован Ђурић": "Jovan Đurić", "Љубомир": "Ljubomir"} {
		if got := Translit(in); got != want {
			t.Errorf("Translit(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWithin1(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"фынси", "фынси", true}, {"фынси", "фынсн", true}, {"фынси", "фынс", true}, {"кимирсен", "кнмирсен", true},
		{"фынси", "фнсн", false}, {"abc", "abcde", false}, {"", "a", true}} {
		if within1(c.a, c.b) != c.want || within1(c.b, c.a) != c.want {
			t.Errorf("within1(%q, %q) != %v", c.a, c.b, c.want)
		}
	}
}

// A fuzzy link answers a misreading or another transliteration, not every
// name one letter away: a different surname is another person.
func TestMisread(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"кимирсен", "кнмирсен", true}, {"фынси", "фынсн", true}, {"филиппов", "филипов", true},
		{"tabeyev", "tabeev", true}, {"vyshinskii", "vyshinskij", true}, {"gromyko", "gromyko", true},
		{"olszowski", "olszewski", false}, {"kania", "kanta", false}, {"ivanov", "ivanova", false},
		{"petrov", "peter", false},
	} {
		if misread(c.a, c.b) != c.want || misread(c.b, c.a) != c.want {
			t.Errorf("misread(%q, %q) != %v", c.a, c.b, c.want)
		}
	}
	m := fullMatcher(t)
	for _, mm := range m.Find("Ambassador Olszewski handed over the note.", Context{Date: "1981-09-10", Orig: "pl"}) {
		if mm.Entry != nil && mm.Entry.Wikidata != "" {
			t.Errorf("Olszewski linked to %s (%s) by %s", mm.Entry.Name, mm.Entry.Wikidata, mm.By)
		}
	}
}

// One dated table answers both questions: whose capital a city was on a
// date, and where a state's embassies stand.
func TestCapitals(t *testing.T) {
	for _, c := range []struct{ city, date, want string }{
		{"Hanoi", "1970-05-01", "North Vietnam"}, {"Hanoi", "1980-05-01", "Vietnam"}, {"Moscow", "1995-01-01", ""},
		{"Moscow", "", "Soviet Union"}, {"Ulaanbaatar", "1966-01-01", "Mongolian People's Republic"}, {"Atlantis", "", ""},
	} {
		if got := capitalOf(c.city, c.date); got != c.want {
			t.Errorf("capitalOf(%s, %s) = %q, want %q", c.city, c.date, got, c.want)
		}
	}
	if got := capitalIn("United States"); got != "Washington" {
		t.Errorf("capitalIn(United States) = %q: bodies are named 'in Washington'", got)
	}
	if !isCapitalOf("Washington, D.C.", "United States") || isCapitalOf("Warsaw", "Hungary") {
		t.Error("isCapitalOf reads the gazetteer's names of the capitals")
	}
}
