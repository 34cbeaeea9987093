package extract

import (
	"regexp"
	"strings"

	"github.com/docgraph/docgraph/extract/document"
	"github.com/docgraph/docgraph/extract/title"
	"github.com/docgraph/docgraph/vocab"
)

// holder is who held an office from one date (ISO 8601, inclusive) to the
// next holder's.
type holder struct {
	from, name string
}

// offices are the offices records name without their holder ("To: The
// President", "to the Secretary of State"), with their holders in order.
// An office is named by its country and its title; the holder on the
// record's date is the addressee or author.
var offices = map[string][]holder{
	"us president": {
		{"1945-04-12", "Harry S. Truman"}, {"1953-01-20", "Dwight D. Eisenhower"}, {"1961-01-20", "John F. Kennedy"},
		{"1963-11-22", "Lyndon B. Johnson"}, {"1969-01-20", "Richard Nixon"}, {"1974-08-09", "Gerald Ford"},
		{"1977-01-20", "Jimmy Carter"}, {"1981-01-20", "Ronald Reagan"}, {"1989-01-20", "George H. W. Bush"},
		{"1993-01-20", "Bill Clinton"},
	},
	"us secretary of state": {
		{"1945-07-03", "James F. Byrnes"}, {"1947-01-21", "George C. Marshall"}, {"1949-01-21", "Dean Acheson"},
		{"1953-01-21", "John Foster Dulles"}, {"1959-04-22", "Christian Herter"}, {"1961-01-21", "Dean Rusk"},
		{"1969-01-22", "William P. Rogers"}, {"1973-09-22", "Henry Kissinger"}, {"1977-01-23", "Cyrus Vance"},
		{"1980-05-08", "Edmund Muskie"}, {"1981-01-22", "Alexander Haig"}, {"1982-07-16", "George Shultz"},
		{"1989-01-25", "James Baker"}, {"1992-08-23", "Lawrence Eagleburger"},
	},
	"soviet minister of foreign affairs": {
		{"1939-05-03", "Vyacheslav Molotov"}, {"1949-03-04", "Andrei Vyshinsky"}, {"1953-03-05", "Vyacheslav Molotov"},
		{"1956-06-01", "Dmitri Shepilov"}, {"1957-02-15", "Andrei Gromyko"}, {"1985-07-02", "Eduard Shevardnadze"},
		{"1991-01-15", "Alexander Bessmertnykh"},
	},
	"soviet party leader": {
		{"1922-04-03", "Joseph Stalin"}, {"1953-09-07", "Nikita Khrushchev"}, {"1964-10-14", "Leonid Brezhnev"},
		{"1982-11-12", "Yuri Andropov"}, {"1984-02-13", "Konstantin Chernenko"}, {"1985-03-11", "Mikhail Gorbachev"},
	},
	"soviet premier": {
		{"1941-05-06", "Joseph Stalin"}, {"1953-03-06", "Georgy Malenkov"}, {"1955-02-08", "Nikolai Bulganin"},
		{"1958-03-27", "Nikita Khrushchev"}, {"1964-10-15", "Alexei Kosygin"}, {"1980-10-23", "Nikolai Tikhonov"},
		{"1985-09-27", "Nikolai Ryzhkov"},
	},
}

// officeKey names the office a title or header writes ("the Secretary of
// State", "The President", "General Secretary of the CPSU CC") in the
// record's setting: American when the record is, Soviet when the office
// says so. "" when the office is not one of the table's.
func officeKey(office string, american bool) string {
	low := strings.ToLower(strings.TrimSpace(office))
	low = strings.TrimPrefix(strings.TrimPrefix(low, "the "), "to the ")
	soviet := strings.Contains(low, "ussr") || strings.Contains(low, "soviet") || strings.Contains(low, "cpsu")
	switch {
	case strings.HasPrefix(low, "secretary of state") && !strings.Contains(low, "for "):
		return "us secretary of state"
	case american && low == "secretary":
		return "us secretary of state" // a State Department memorandum's "The Secretary"
	case american && (low == "president" || low == "president of the united states"):
		return "us president"
	case soviet && (strings.Contains(low, "minister of foreign affairs") || strings.Contains(low, "foreign minister")):
		return "soviet minister of foreign affairs"
	case soviet && (strings.HasPrefix(low, "general secretary") || strings.HasPrefix(low, "first secretary")):
		return "soviet party leader"
	case soviet && strings.Contains(low, "chairman of the") && strings.Contains(low, "council of ministers"):
		return "soviet premier"
	}
	return ""
}

// officeHolder returns the person who held an office on the record's date.
func (x *extractor) officeHolder(office string) (EntityRef, bool) {
	date := x.r.Date
	if len(date) < 4 {
		return EntityRef{}, false
	}
	hs := offices[officeKey(office, x.american())]
	name := ""
	for _, h := range hs {
		// a date of lower precision ("1972-10") falls to the holder it
		// begins with only when the change is not within it
		if h.from[:len(date)] > date || h.from[:len(date)] == date && len(date) < 10 {
			break
		}
		name = h.name
	}
	if name == "" {
		return EntityRef{}, false
	}
	if mm := x.resolveWhole(name); mm != nil && mm.Class == vocab.ClassPerson {
		x.addMention(*mm, -1, "en")
		return EntityRef{Class: mm.Class, Name: mm.Name}, true
	}
	ref := EntityRef{Class: vocab.ClassPerson, Name: name}
	x.entity(ref, nil)
	return ref, true
}

// american reports whether a record comes from the American government:
// its archive is American, or its head names the White House, the
// Department of State or an American embassy's telegram lines.
func (x *extractor) american() bool {
	for _, a := range x.r.ArchivalRef {
		if ar := vocab.Archives().BySlug(a.ArchiveID); ar != nil && ar.Country == "United States" {
			return true
		}
	}
	head := x.doc.Text
	if len(head) > 1500 {
		head = head[:1500]
	}
	up := strings.ToUpper(head)
	for _, w := range []string{"THE WHITE HOUSE", "DEPARTMENT OF STATE", "SECSTATE", "AMEMBASSY", "NATIONAL SECURITY COUNCIL", "US EMBASSY", "U.S. EMBASSY"} {
		if strings.Contains(up, w) {
			return true
		}
	}
	t := strings.ToLower(x.r.Title)
	return strings.HasPrefix(t, "telegram from us ") || strings.HasPrefix(t, "telegram from u.s. ") || strings.Contains(t, "american embassy")
}

// officeParties gives a record whose title or headers name an office
// without its holder ("to the Secretary of State", "To: The President")
// the holder on its date, where nothing else gave the party.
func (x *extractor) officeParties(t title.Title) {
	r, d := x.r, x.doc
	fill := func(list *[]EntityRef, ps []title.Party, headers []string) {
		if len(*list) > 0 {
			return
		}
		var offices []string
		for _, p := range ps {
			if p.Text == "" && len(p.Hints) == 0 && p.Office != "" {
				offices = append(offices, p.Office)
			}
		}
		offices = append(offices, headers...)
		for _, o := range offices {
			if e, ok := x.officeHolder(o); ok {
				*list = appendRef(*list, e)
			}
		}
	}
	fill(&r.Authors, t.Authors, d.From)
	fill(&r.Recipients, t.Recipients, d.To)
}

// recordSigner gives a record of a conversation that names no author the
// one who wrote it: the diplomat who signed it at its end ("Ambassador of
// the USSR in the DRV / I. Shcherbakov"), or whose diary it comes from
// ("From the diary of I.S. Shcherbakov"). Minutes of a body and
// transcripts are nobody's record in this sense.
func (x *extractor) recordSigner() {
	r := x.r
	if len(r.Authors) > 0 || r.Kind != title.Conversation {
		return
	}
	var names []string
	for _, v := range x.doc.Versions {
		if n := x.letterParts(v.Text).Signature; n != "" {
			names = append(names, n)
		}
	}
	for _, v := range x.doc.Versions {
		if n := document.DiaryKeeper(v.Text); n != "" {
			names = append(names, n)
		}
	}
	for _, n := range names {
		if e, ok := x.personNamed(n); ok && e.Class == vocab.ClassPerson {
			r.Authors = appendRef(r.Authors, e)
			return
		}
	}
}

// officeNamedInSummary names the holder of an office a title gives without
// a name ("Telegram from the Korean Ambassador to the United States to
// ...") from the editors' summary, when a sentence of it starts with the
// office and the name ("Ambassador Kim Dong-jo reports that ..."): the
// summary speaks of the record's writer. Nothing else is guessed.
func (x *extractor) officeNamedInSummary(t title.Title) {
	r := x.r
	sum := x.doc.Summary.Text
	if len(r.Authors) > 0 || sum == "" {
		return
	}
	for _, p := range t.Authors {
		if p.Text != "" || p.Role == "" || p.Institution {
			continue
		}
		role := strings.Fields(p.Role)
		word := role[len(role)-1]
		for _, m := range summaryOffice.FindAllStringSubmatchIndex(sum, -1) {
			if !strings.EqualFold(sum[m[2]:m[3]], word) {
				continue
			}
			if pre := strings.TrimRight(sum[:m[0]], " "); pre != "" && !strings.HasSuffix(pre, ".") {
				continue // not where a sentence starts
			}
			if e, ok := x.personNamed(sum[m[4]:m[5]]); ok && e.Class == vocab.ClassPerson {
				r.Authors = appendRef(r.Authors, e)
				return
			}
		}
	}
}

// summaryOffice is an office word and the name after it, at a sentence's
// start: "Ambassador Kim Dong-jo reports".
var summaryOffice = regexp.MustCompile(`(?:^|[.!?]\s+)(?:The\s+)?(?:[A-Z][a-z]+\s+)?(Ambassador|Envoy|Consul|Minister|Chargé|Counsellor|Secretary|Chairman|President|Premier)\s+((?:[A-Z][\p{L}'.-]*\s?){1,4})`)

// cosigners adds to a record signed by its author the names signed with
// him on the lines above ("A. Mikoyan" over "M. Suslov"): a telegram two
// envoys signed is theirs both.
func (x *extractor) cosigners() {
	r := x.r
	if len(r.Authors) != 1 || r.Authors[0].Class != vocab.ClassPerson {
		return
	}
	for _, v := range x.doc.Versions {
		lp := x.letterParts(v.Text)
		if lp.Signature == "" || len(lp.Cosigners) == 0 {
			continue
		}
		if e, ok := x.personNamed(lp.Signature); !ok || e != r.Authors[0] {
			continue
		}
		var all []EntityRef
		for _, c := range lp.Cosigners {
			if e, ok := x.personNamed(c); ok && e.Class == vocab.ClassPerson {
				all = appendRef(all, e)
			}
		}
		for _, a := range r.Authors {
			all = appendRef(all, a)
		}
		r.Authors = all
		return
	}
}

// infoCopies adds to the recipients the persons a record's head names as
// receiving it for information ("do wiadomości: tow. S. Kania").
func (x *extractor) infoCopies() {
	for _, v := range x.doc.Versions {
		for _, n := range document.InfoCopies(v.Text) {
			if e, ok := x.personNamed(n); ok && (e.Class == vocab.ClassPerson || e.Class == vocab.ClassOrganization) {
				x.r.Recipients = appendRef(x.r.Recipients, e)
			}
		}
	}
}
