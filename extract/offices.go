package extract

import (
	"github.com/docgraph/docgraph/extract/entity"
	"regexp"
	"strings"

	"github.com/docgraph/docgraph/extract/archref"
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
	"us national security adviser": {
		{"1961-01-20", "McGeorge Bundy"}, {"1966-04-01", "Walt Rostow"}, {"1969-01-20", "Henry Kissinger"},
		{"1975-11-03", "Brent Scowcroft"}, {"1977-01-20", "Zbigniew Brzezinski"}, {"1981-01-21", "Richard V. Allen"},
		{"1982-01-04", "William P. Clark"}, {"1983-10-17", "Robert McFarlane"}, {"1985-12-04", "John Poindexter"},
		{"1986-12-02", "Frank Carlucci"}, {"1987-11-23", "Colin Powell"}, {"1989-01-20", "Brent Scowcroft"},
	},
	"us secretary of defense": {
		{"1961-01-21", "Robert McNamara"}, {"1968-03-01", "Clark Clifford"}, {"1969-01-22", "Melvin Laird"},
		{"1973-01-30", "Elliot Richardson"}, {"1973-07-02", "James Schlesinger"}, {"1975-11-20", "Donald Rumsfeld"},
		{"1977-01-21", "Harold Brown"}, {"1981-01-21", "Caspar Weinberger"}, {"1987-11-23", "Frank Carlucci"},
		{"1989-03-21", "Dick Cheney"},
	},
	"soviet minister of defense": {
		{"1955-02-09", "Georgy Zhukov"}, {"1957-10-26", "Rodion Malinovsky"}, {"1967-04-12", "Andrei Grechko"},
		{"1976-04-29", "Dmitriy Ustinov"}, {"1984-12-22", "Sergei Sokolov"}, {"1987-05-30", "Dmitry Yazov"},
	},
	// foreign ministers of the countries whose records name "the Minister
	// of Foreign Affairs" without a name; "" where the table does not
	// know who held the office
	"Hungary minister of foreign affairs": {
		{"1956-11-04", "Imre Horváth"}, {"1958-02-28", "Endre Sík"}, {"1961-09-13", "János Péter"},
		{"1973-12-03", "Frigyes Puja"}, {"1983-07-08", "Péter Várkonyi"}, {"1989-05-10", "Gyula Horn"}, {"1990-05-23", ""},
	},
	"Poland minister of foreign affairs": {
		{"1956-04-27", "Adam Rapacki"}, {"1968-12-22", "Stefan Jędrychowski"}, {"1971-12-22", "Stefan Olszowski"},
		{"1976-12-02", "Emil Wojtaszek"}, {"1980-08-24", "Józef Czyrek"}, {"1982-07-21", "Stefan Olszowski"},
		{"1985-11-12", "Marian Orzechowski"}, {"1988-06-17", "Tadeusz Olechowski"}, {"1989-09-12", "Krzysztof Skubiszewski"},
	},
	"East Germany minister of foreign affairs": {
		{"1965-06-24", "Otto Winzer"}, {"1975-01-20", "Oskar Fischer"}, {"1990-04-12", ""},
	},
	"Czechoslovakia minister of foreign affairs": {
		{"1953-01-31", "Václav David"}, {"1968-04-08", "Jiří Hájek"}, {"1968-09-19", ""}, {"1969-01-01", "Ján Marko"},
		{"1971-12-07", "Bohuslav Chňoupek"}, {"1988-10-12", "Jaromír Johanes"}, {"1989-12-10", "Jiří Dienstbier"},
	},
	"Romania minister of foreign affairs": {
		{"1961-03-20", "Corneliu Mănescu"}, {"1972-10-23", "George Macovescu"}, {"1978-03-23", "Ștefan Andrei"},
		{"1985-11-08", ""},
	},
	"Bulgaria minister of foreign affairs": {
		{"1956-04-17", "Karlo Lukanov"}, {"1962-11-27", "Ivan Bashev"}, {"1971-12-13", "Petar Mladenov"}, {"1989-11-17", ""},
	},
	"People's Republic of China minister of foreign affairs": {
		{"1949-10-01", "Zhou Enlai"}, {"1958-02-11", "Chen Yi"}, {"1967-01-01", ""}, {"1976-12-02", "Huang Hua"},
		{"1982-11-19", "Wu Xueqian"}, {"1988-04-09", "Qian Qichen"},
	},
	"South Korea minister of foreign affairs": {
		{"1967-10-01", "Choi Kyu-hah"}, {"1971-06-04", "Kim Yong-shik"}, {"1973-12-03", "Kim Dong-jo"},
		{"1975-12-19", "Park Tong-jin"}, {"1980-09-02", ""},
	},
	// Western governments' offices their own records name without the
	// holder ("Minute ... to the Secretary of State" in a Foreign Office
	// file, "À : Monsieur le Président de la République")
	"uk prime minister": {
		{"1945-07-26", "Clement Attlee"}, {"1951-10-26", "Winston Churchill"}, {"1955-04-06", "Anthony Eden"},
		{"1957-01-10", "Harold Macmillan"}, {"1963-10-19", "Alec Douglas-Home"}, {"1964-10-16", "Harold Wilson"},
		{"1970-06-19", "Edward Heath"}, {"1974-03-04", "Harold Wilson"}, {"1976-04-05", "James Callaghan"},
		{"1979-05-04", "Margaret Thatcher"}, {"1990-11-28", "John Major"},
	},
	"uk foreign secretary": {
		{"1945-07-27", "Ernest Bevin"}, {"1951-03-09", "Herbert Morrison"}, {"1951-10-27", "Anthony Eden"},
		{"1955-04-07", "Harold Macmillan"}, {"1955-12-20", "Selwyn Lloyd"}, {"1960-07-27", "Alec Douglas-Home"},
		{"1963-10-20", "Rab Butler"}, {"1964-10-16", "Patrick Gordon Walker"}, {"1965-01-22", "Michael Stewart"},
		{"1966-08-11", "George Brown"}, {"1968-03-16", "Michael Stewart"}, {"1970-06-20", "Alec Douglas-Home"},
		{"1974-03-05", "James Callaghan"}, {"1976-04-08", "Anthony Crosland"}, {"1977-02-21", "David Owen"},
		{"1979-05-04", "Lord Carrington"}, {"1982-04-05", "Francis Pym"}, {"1983-06-11", "Geoffrey Howe"},
		{"1989-07-24", "John Major"}, {"1989-10-26", "Douglas Hurd"},
	},
	"french president": {
		{"1947-01-16", "Vincent Auriol"}, {"1954-01-16", "René Coty"}, {"1959-01-08", "Charles de Gaulle"},
		{"1969-04-28", ""}, {"1969-06-20", "Georges Pompidou"}, {"1974-04-02", ""}, {"1974-05-27", "Valéry Giscard d'Estaing"},
		{"1981-05-21", "François Mitterrand"}, {"1995-05-17", "Jacques Chirac"},
	},
	"west german chancellor": {
		{"1949-09-15", "Konrad Adenauer"}, {"1963-10-16", "Ludwig Erhard"}, {"1966-12-01", "Kurt Georg Kiesinger"},
		{"1969-10-22", "Willy Brandt"}, {"1974-05-16", "Helmut Schmidt"}, {"1982-10-01", "Helmut Kohl"},
	},
	"us director of central intelligence": {
		{"1947-05-01", "Roscoe H. Hillenkoetter"}, {"1950-10-07", "Walter Bedell Smith"}, {"1953-02-26", "Allen Dulles"},
		{"1961-11-29", "John McCone"}, {"1965-04-28", "William Raborn"}, {"1966-06-30", "Richard Helms"},
		{"1973-02-02", "James Schlesinger"}, {"1973-09-04", "William Colby"}, {"1976-01-30", "George H. W. Bush"},
		{"1977-03-09", "Stansfield Turner"}, {"1981-01-28", "William Casey"}, {"1987-05-26", "William H. Webster"},
		{"1991-11-06", "Robert Gates"},
	},
	// the secretaries general of the international organisations whose
	// staff's memoranda name them by the office alone
	"nato secretary general": {
		{"1952-04-04", "Hastings Ismay"}, {"1957-05-16", "Paul-Henri Spaak"}, {"1961-04-21", "Dirk Stikker"},
		{"1964-08-01", "Manlio Brosio"}, {"1971-10-01", "Joseph Luns"}, {"1984-06-25", "Lord Carrington"},
		{"1988-07-01", "Manfred Wörner"}, {"1994-08-13", ""}, {"1994-10-17", "Willy Claes"}, {"1995-10-20", ""},
		{"1995-12-05", "Javier Solana"},
	},
	"un secretary general": {
		{"1946-02-02", "Trygve Lie"}, {"1953-04-10", "Dag Hammarskjöld"}, {"1961-09-18", ""}, {"1961-11-03", "U Thant"},
		{"1972-01-01", "Kurt Waldheim"}, {"1982-01-01", "Javier Pérez de Cuéllar"}, {"1992-01-01", "Boutros Boutros-Ghali"},
		{"1997-01-01", "Kofi Annan"},
	},
	// "대통령 각하" at the head of a South Korean ministry's report
	"south korea president": {
		{"1948-07-24", "Syngman Rhee"}, {"1960-04-27", ""}, {"1960-08-13", "Yun Po-sun"}, {"1962-03-24", "Park Chung-hee"},
		{"1979-10-26", "Choi Kyu-hah"}, {"1980-08-16", ""}, {"1980-09-01", "Chun Doo-hwan"}, {"1988-02-25", "Roh Tae-woo"},
		{"1993-02-25", "Kim Young-sam"}, {"1998-02-25", "Kim Dae-jung"},
	},
	"soviet premier": {
		{"1941-05-06", "Joseph Stalin"}, {"1953-03-06", "Georgy Malenkov"}, {"1955-02-08", "Nikolai Bulganin"},
		{"1958-03-27", "Nikita Khrushchev"}, {"1964-10-15", "Alexei Kosygin"}, {"1980-10-23", "Nikolai Tikhonov"},
		{"1985-09-27", "Nikolai Ryzhkov"},
	},
}

// officeCountries are the words an office names its country by ("the
// Hungarian Foreign Minister", "Minister of Foreign Affairs of the GDR").
var officeCountries = []struct{ word, country string }{
	{"hungarian", "Hungary"}, {"hungary", "Hungary"}, {"polish", "Poland"}, {"poland", "Poland"},
	{"gdr", "East Germany"}, {"east german", "East Germany"}, {"czechoslovak", "Czechoslovakia"},
	{"romanian", "Romania"}, {"romania", "Romania"}, {"bulgarian", "Bulgaria"}, {"bulgaria", "Bulgaria"},
	{"chinese", "People's Republic of China"}, {"prc", "People's Republic of China"},
	{"south korean", "South Korea"}, {"republic of korea", "South Korea"}, {"rok", "South Korea"},
}

// officeKey names the office a title or header writes ("the Secretary of
// State", "The President", "General Secretary of the CPSU CC") in the
// record's setting: American when the record is, Soviet when the office
// says so; a foreign minister of the country the office names, else of
// the record's home country. "" when the office is not one of the table's.
func officeKey(office string, american bool, home string) string {
	low := strings.ToLower(strings.TrimSpace(office))
	low = strings.TrimPrefix(strings.TrimPrefix(low, "the "), "to the ")
	soviet := strings.Contains(low, "ussr") || strings.Contains(low, "soviet") || strings.Contains(low, "cpsu")
	foreign := strings.Contains(low, "minister of foreign affairs") || strings.Contains(low, "foreign minister")
	if foreign && !soviet {
		country := ""
		for _, c := range officeCountries {
			if wholeWords(low, c.word) {
				country = c.country
				break
			}
		}
		rest := low // what follows the office: "... of Japan" names a country the table lacks
		for _, w := range []string{"foreign affairs", "foreign minister"} {
			if i := strings.Index(low, w); i >= 0 {
				rest = low[i+len(w):]
			}
		}
		if country == "" && !american && !strings.Contains(rest, " of ") {
			country = home // "the Minister of Foreign Affairs" of the record's own country
		}
		if _, ok := offices[country+" minister of foreign affairs"]; ok {
			return country + " minister of foreign affairs"
		}
		if country != "Soviet Union" {
			return ""
		}
		soviet = true
	}
	if k := westernOffice(low, american, home); k != "" {
		return k
	}
	switch {
	case american && (low == "assistant to the president for national security affairs" || low == "national security adviser" ||
		low == "national security advisor" || low == "president's assistant for national security affairs"):
		return "us national security adviser"
	case strings.HasPrefix(low, "secretary of defense") || american && low == "secretary of defense":
		return "us secretary of defense"
	case soviet && (strings.Contains(low, "minister of defense") || strings.Contains(low, "defense minister") || strings.Contains(low, "minister of defence")):
		return "soviet minister of defense"
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

// westernOffice names the British, French and West German offices and the
// American intelligence director a record writes without the holder: in
// a record of that country ("Secretary of State" in a Foreign Office
// minute is the Foreign Secretary), or where the office says whose it is
// ("the British Prime Minister", "Bundeskanzler"). "" for another office.
func westernOffice(low string, american bool, home string) string {
	low = strings.TrimPrefix(strings.TrimPrefix(low, "monsieur le "), "m. le ")
	low = strings.TrimPrefix(strings.TrimPrefix(low, "le "), "à ")
	uk := home == "United Kingdom" && !american
	switch {
	case strings.Contains(low, "british") || strings.HasSuffix(low, " of the united kingdom") || strings.HasSuffix(low, " of great britain"):
		uk = true
	case strings.Contains(low, "soviet") || strings.Contains(low, "ussr") || strings.Contains(low, "american") || strings.Contains(low, "french"):
		uk = false
	}
	switch {
	case uk && (low == "secretary of state" || low == "foreign secretary" || strings.HasPrefix(low, "secretary of state for foreign") ||
		low == "british foreign secretary" || low == "british secretary of state for foreign affairs"):
		return "uk foreign secretary"
	case uk && (low == "prime minister" || low == "british prime minister" || strings.HasPrefix(low, "prime minister of the united kingdom")):
		return "uk prime minister"
	case low == "président de la république" || low == "president de la republique" || low == "président de la république française" ||
		low == "french president" || low == "president of the french republic" || home == "France" && !american && low == "president":
		return "french president"
	case low == "bundeskanzler" || low == "herr bundeskanzler" || low == "federal chancellor" || low == "west german chancellor" ||
		low == "chancellor of the federal republic of germany" || low == "bundeskanzler der bundesrepublik deutschland":
		return "west german chancellor"
	case low == "director of central intelligence" || low == "dci":
		return "us director of central intelligence"
	}
	return ""
}

// officeHolder returns the person who held an office on the record's date.
func (x *extractor) officeHolder(office string) (EntityRef, bool) {
	date := x.r.Date
	if len(date) < 4 {
		return EntityRef{}, false
	}
	key := officeKey(office, x.american(), x.officeHome())
	if key == "" {
		key = x.organisationOffice(office)
	}
	hs := offices[key]
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
		return EntityRef{}, false // no holder, or one the table does not know
	}
	if mm := x.resolveWhole(name); mm != nil && mm.Class == vocab.ClassPerson {
		x.addMention(*mm, -1, "en")
		return EntityRef{Class: mm.Class, Name: mm.Name}, true
	}
	ref := EntityRef{Class: vocab.ClassPerson, Name: name}
	x.entity(ref, nil)
	return ref, true
}

// organisationOffice names the office of an international organisation
// or a Korean head of state a record writes without the holder: "Secretary
// General" is NATO's in a record whose head or title names NATO, the
// United Nations' where they are named ("Secretary-General of the United
// Nations"); "대통령 (각하)" is the President of the Republic of Korea.
// "" for another office.
func (x *extractor) organisationOffice(office string) string {
	low := strings.ToLower(strings.TrimSpace(office))
	low = strings.TrimPrefix(strings.TrimPrefix(low, "the "), "to the ")
	switch low {
	case "대통령", "대통령 각하", "각하", "대통령님", "president of the republic of korea", "president of south korea":
		return "south korea president"
	}
	low = strings.ReplaceAll(low, "-", " ")
	if !strings.HasPrefix(low, "secretary general") && !strings.HasSuffix(low, " secretary general") {
		return ""
	}
	setting := low
	if setting == "secretary general" {
		d := x.doc
		setting = d.Title.Text + " " + d.Summary.Text
		for _, v := range d.Versions {
			setting += " " + v.Text[:min(len(v.Text), 400)]
		}
	}
	ls := strings.ToLower(setting)
	nato := strings.Contains(setting, "NATO") || strings.Contains(ls, "north atlantic") || strings.Contains(low, "nato")
	un := strings.Contains(ls, "united nations") || strings.Contains(setting, " UN ") || strings.HasPrefix(low, "un ")
	switch {
	case nato && !un:
		return "nato secretary general"
	case un && !nato:
		return "un secretary general"
	}
	return ""
}

// officeHome is the country whose offices a record names without saying
// whose: the country of the archive it cites first, else its home country.
func (x *extractor) officeHome() string {
	refs := x.r.ArchivalRef
	if len(refs) == 0 && x.doc.Citation.Text != "" {
		// the title's parties are read before the citation's references
		for _, r := range archref.Parse(x.doc.Citation.Text).Refs {
			refs = append(refs, ArchivalRef{ArchiveID: r.ArchiveID})
		}
	}
	for _, a := range refs {
		if ar := vocab.Archives().BySlug(a.ArchiveID); ar != nil {
			if ar.Country == "Russia" || ar.Country == "Germany" {
				break // Russia's archives keep the Soviet Union's records, Germany's both German states'
			}
			return ar.Country
		}
	}
	return x.ctx.Home
}

// homeMinistries are the gazetteer's foreign ministries by the country a
// record comes from.
var homeMinistries = map[string]string{
	"Soviet Union": "Ministry of Foreign Affairs of the USSR", "People's Republic of China": "Ministry of Foreign Affairs of the PRC",
	"Cuba": "Ministry of Foreign Affairs of Cuba", "Czechoslovakia": "Ministry of Foreign Affairs of Czechoslovakia",
	"Czech Republic": "Ministry of Foreign Affairs of Czechoslovakia", "East Germany": "Ministry of Foreign Affairs of the GDR",
	"Hungary": "Ministry of Foreign Affairs of Hungary", "North Korea": "Ministry of Foreign Affairs of the DPRK",
	"Mongolian People's Republic": "Ministry of Foreign Affairs of the MPR", "Mongolia": "Ministry of Foreign Affairs of the MPR",
	"Poland": "Ministry of Foreign Affairs of Poland", "Romania": "Ministry of Foreign Affairs of Romania",
	"Bulgaria": "Ministry of Foreign Affairs of Bulgaria", "North Vietnam": "Ministry of Foreign Affairs of the DRV",
	"Vietnam": "Ministry of Foreign Affairs of the DRV", "Yugoslavia": "Ministry of Foreign Affairs of Yugoslavia",
	"Serbia": "Ministry of Foreign Affairs of Yugoslavia",
}

// homeMinistry resolves a foreign ministry a record names without its
// country ("to the Foreign Ministry", "Ministry of Foreign Affairs") to the
// one of the country the record comes from; ok is false for another name
// or when the country's ministry is not known.
func (x *extractor) homeMinistry(name string) (EntityRef, bool) {
	low := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "the "))
	low = strings.TrimPrefix(low, "the ")
	switch low {
	case "foreign ministry", "ministry of foreign affairs", "mfa", "foreign affairs ministry":
	default:
		return EntityRef{}, false
	}
	full := homeMinistries[x.officeHome()]
	if full == "" {
		return EntityRef{}, false
	}
	if mm := x.resolveWhole(full); mm != nil && mm.Class == vocab.ClassOrganization {
		x.addMention(*mm, -1, "en")
		return EntityRef{Class: mm.Class, Name: mm.Name}, true
	}
	return EntityRef{}, false
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
	if strings.Contains(t, "the secretary of state") && !strings.Contains(t, "british") && x.officeHome() != "United Kingdom" {
		return true // "Memorandum from the Secretary of State to the President"
	}
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
			if e, ok := x.personNamed(c); ok && (e.Class == vocab.ClassPerson || entity.SigningBody(c, x.ctx.Orig) != "") {
				all = appendRef(all, e) // a cosigner, or the body the signer signs for
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
