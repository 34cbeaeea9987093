package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

// A US government record writes its own President and Secretary of State
// by the office alone ("MEMORANDUM FOR THE PRESIDENT", "TO: The
// Secretary"): the person who held the office on the record's date. A
// record that names another country's president by title ("President
// Park") leaves "the President" unread, and a record of no date or of
// another country resolves neither.

// officeTerm is one holder of an office: until the date (ISO) his term ended.
type officeTerm struct{ until, name string }

// usOffices are the holders of the offices a US record writes bare, in order
// of their terms.
var usOffices = map[string][]officeTerm{
	"president": {{"1945-04-12", "Franklin D. Roosevelt"}, {"1953-01-20", "Harry S. Truman"}, {"1961-01-20", "Dwight D. Eisenhower"},
		{"1963-11-22", "John F. Kennedy"}, {"1969-01-20", "Lyndon B. Johnson"}, {"1974-08-09", "Richard Nixon"},
		{"1977-01-20", "Gerald Ford"}, {"1981-01-20", "Jimmy Carter"}, {"1989-01-20", "Ronald Reagan"},
		{"1993-01-20", "George H. W. Bush"}},
	"secretary": {{"1947-01-21", "James F. Byrnes"}, {"1949-01-20", "George C. Marshall"}, {"1953-01-20", "Dean Acheson"},
		{"1959-04-22", "John Foster Dulles"}, {"1961-01-20", "Christian Herter"}, {"1969-01-20", "Dean Rusk"},
		{"1973-09-22", "William P. Rogers"}, {"1977-01-20", "Henry Kissinger"}, {"1980-04-28", "Cyrus Vance"},
		{"1981-01-20", "Edmund Muskie"}, {"1982-07-16", "Alexander Haig"}, {"1989-01-20", "George P. Shultz"},
		{"1992-08-23", "James Baker"}, {"1993-01-20", "Lawrence Eagleburger"}},
}

// holderAt is the holder of an office at a date, "" when unknown. The
// Secretary of State's list begins in July 1945.
func holderAt(office, date string) string {
	if len(date) < 7 || office == "secretary" && date < "1945-07-03" || office == "president" && date < "1933-03-04" {
		return ""
	}
	for _, t := range usOffices[office] {
		if date < t.until {
			return t.name
		}
	}
	return ""
}

// rokPresidents are the presidents of South Korea a Korean record
// addresses by the office alone ("대통령 각하", His Excellency the
// President), until the date each term ended.
var rokPresidents = []officeTerm{{"1960-04-27", "Syngman Rhee"}, {"1963-12-17", ""}, {"1979-10-26", "Park Chung-hee"},
	{"1980-08-16", "Choi Kyu-hah"}, {"1988-02-25", "Chun Doo-hwan"}, {"1993-02-25", "Roh Tae-woo"}}

// koreanPresident finds "대통령 각하" in a Korean record of South Korea's
// ministries: the president on the record's date (none for the years of
// Yun Po-sun and of the military junta, 1960-1963, nor for an undated record).
func (m *Matcher) koreanPresident(text string, ctx Context) []Mention {
	if ctx.Orig != "ko" || len(ctx.Date) < 7 || ctx.Date < "1948-08-15" {
		return nil
	}
	name := ""
	for _, t := range rokPresidents {
		if ctx.Date < t.until {
			name = t.name
			break
		}
	}
	e := m.g.Lookup(name)
	if name == "" || e == nil || e.Class != vocab.ClassPerson {
		return nil
	}
	var out []Mention
	for _, form := range []string{"대통령 각하", "대통령각하"} {
		for off := 0; ; {
			k := strings.Index(text[off:], form)
			if k < 0 {
				break
			}
			b := off + k
			start := utf8.RuneCountInString(text[:b])
			out = append(out, Mention{Entry: e, Class: e.Class, Name: e.Name, Start: start, End: start + utf8.RuneCountInString(form),
				Text: form, By: ByContext})
			off = b + len(form)
		}
	}
	return out
}

// officeHolders finds "the President" and "the Secretary" of a US record.
func (m *Matcher) officeHolders(text string, toks []token, covered []bool, cls []string, ctx Context) []Mention {
	if ctx.Orig == "ko" {
		return m.koreanPresident(text, ctx)
	}
	if ctx.Home != "United States" {
		return nil
	}
	var out []Mention
	foreign := map[string]bool{} // offices the record also gives a named holder of another name
	for i := 0; i+1 < len(toks); i++ {
		office := toks[i].Norm
		if usOffices[office] == nil || !toks[i].Upper || !toks[i+1].Upper || functionWords[toks[i+1].Norm] || !sameLine(text, toks[i], toks[i+1]) {
			continue
		}
		if toks[i+1].AllCaps && cls[i+1] != vocab.ClassPerson {
			continue // a telegram in capitals: "THE PRESIDENT STILL WISHES"
		}
		holder := holderAt(office, ctx.Date)
		if holder == "" || !strings.HasSuffix(strings.ToLower(holder), " "+toks[i+1].Norm) && !titleWords[toks[i+1].Norm] {
			foreign[office] = true // "President Park", "Secretary Brown"
		}
	}
	for i := 1; i < len(toks); i++ {
		office := toks[i].Norm
		if covered[i] || usOffices[office] == nil || foreign[office] || !toks[i].Upper || toks[i-1].Norm != "the" || !sameLine(text, toks[i-1], toks[i]) {
			continue
		}
		if i+1 < len(toks) && sameLine(text, toks[i], toks[i+1]) && (toks[i+1].Norm == "of" || toks[i+1].Norm == "general" ||
			toks[i+1].Upper && !toks[i+1].AllCaps || cls[i+1] == vocab.ClassPerson) {
			continue // "the Secretary of Defense", "the Secretary General", "the President Park"
		}
		e := m.g.Lookup(holderAt(office, ctx.Date))
		if e == nil || e.Class != vocab.ClassPerson {
			continue
		}
		written := text[toks[i-1].Byte:toks[i].ByteEnd]
		out = append(out, Mention{Entry: e, Class: e.Class, Name: e.Name, Start: toks[i-1].Start, End: toks[i].End, Text: written, By: ByContext})
		covered[i], cls[i] = true, vocab.ClassPerson
	}
	return out
}
