package identity

import (
	"math/rand"
	"slices"
	"testing"
)

func p(iri string, first, last string, docs int, names ...string) Person {
	return Person{IRI: iri, Names: names, First: first, Last: last, Docs: docs}
}

func links(ls []Link) map[string]string {
	m := map[string]string{}
	for _, l := range ls {
		m[l.From] = l.To
	}
	return m
}

func TestResolve(t *testing.T) {
	people := []Person{
		p("terentii-shtykov", "1949-03", "1950-06", 4, "Terentii Shtykov"),
		p("terentii-shtykov-ru", "1950-01", "1950-01", 1, "Терентий Штыков"),
		p("shtykov", "1949", "1949", 1, "Shtykov", "Comrade Shtykov"),
		p("shtykovu", "1950-02", "1950-02", 1, "Штыкову"),
		p("t-f-shtykov", "1950", "1950", 1, "T.F. Shtykov"),
		// two Kuznetsovs of the same years
		p("nikolai-kuznetsov", "1952", "1953", 2, "Nikolai Kuznetsov", "N.G. Kuznetsov"),
		p("vasily-kuznetsov", "1953", "1955", 3, "Vasily Kuznetsov"),
		p("kuznetsov", "1953", "1953", 1, "Kuznetsov"),
		p("n-g-kuznetsov", "1952", "1952", 1, "Admiral N.G. Kuznetsov"),
		p("v-v-kuznetsov", "1954", "1954", 1, "V.V. Kuznetsov"),
		// a surname of another period is not a candidate
		p("erich-honecker", "1971", "1989", 5, "Erich Honecker"),
		p("honecker", "1950", "1950", 1, "Honecker"),
		p("honecker-89", "1989", "1989", 1, "Honecker's"),
		// a gazetteer entity is a candidate, never merged away
		p("john-f-kennedy", "1961", "1963", 3, "John F. Kennedy"),
		p("robert-kennedy", "1962", "1962", 1, "Robert Kennedy"),
		p("kennedy", "1962", "1962", 1, "Kennedy"),
		p("r-kennedy", "1962", "1962", 1, "R. Kennedy"),
	}
	people[13].Linked = true
	got := links(Resolve(people))
	want := map[string]string{
		"terentii-shtykov-ru": "terentii-shtykov",
		"shtykov":             "terentii-shtykov",
		"shtykovu":            "terentii-shtykov",
		"t-f-shtykov":         "terentii-shtykov",
		"n-g-kuznetsov":       "nikolai-kuznetsov",
		"v-v-kuznetsov":       "vasily-kuznetsov",
		"honecker-89":         "erich-honecker",
		"r-kennedy":           "robert-kennedy",
	}
	for from, to := range want {
		if got[from] != to {
			t.Errorf("%s -> %q, want %q", from, got[from], to)
		}
	}
	for from, to := range got {
		if _, ok := want[from]; !ok {
			t.Errorf("unexpected link %s -> %s", from, to)
		}
	}
}

// TestOrderIndependent: the same people in any order give the same links.
func TestOrderIndependent(t *testing.T) {
	base := []Person{
		p("a", "1980", "1981", 2, "Stanislaw Kania"),
		p("b", "1981", "1981", 1, "S. Kania"),
		p("c", "1981", "1981", 1, "Станислав Каня"),
		p("d", "1981", "1981", 1, "Kania"),
		p("e", "1981", "1981", 1, "Wojciech Jaruzelski"),
		p("f", "1981", "1981", 1, "W. Jaruzelski"),
		p("g", "1981", "1981", 1, "Войцех Ярузельский"),
	}
	first := Resolve(slices.Clone(base))
	if len(first) < 4 {
		t.Fatalf("only %d links: %+v", len(first), first)
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		ps := slices.Clone(base)
		r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		if got := Resolve(ps); !slices.Equal(got, first) {
			t.Fatalf("order %d: %+v, first %+v", i, got, first)
		}
	}
}

func TestKey(t *testing.T) {
	for _, c := range [][2]string{
		{"Terentii", "Терентий"}, {"Terenty", "Terentiy"}, {"Shtykov", "Штыков"},
		{"Khrushchev", "Хрущев"}, {"Yevgeny", "Евгений"}, {"Kania", "Каня"},
		// German, Polish and Hungarian spellings
		{"Smirnov", "Szmirnov"}, {"Shevardnadze", "Szewardnadze"}, {"Shevardnadze", "Schewardnadze"},
		{"Tsedenbal", "Cedenbal"}, {"Yakubovsky", "Jakubowski"}, {"Chernenko", "Czernienko"},
	} {
		if key(c[0]) != key(c[1]) {
			t.Errorf("key(%s) = %s, key(%s) = %s", c[0], key(c[0]), c[1], key(c[1]))
		}
	}
}
