package entity

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

func fullMatcher(t testing.TB) *Matcher {
	g, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return New(g)
}

// bodiesFound lists "Name" of the organisations and events found in text.
func bodiesFound(m *Matcher, text string, ctx Context) string {
	var got []string
	for _, mm := range m.Find(text, ctx) {
		if mm.Class == vocab.ClassOrganization || mm.Class == vocab.ClassEvent {
			got = append(got, mm.Name)
		}
	}
	return strings.Join(got, "; ")
}

// Each case is a record of a class of state bodies written in prose: a
// country's adjective and a common noun, in the languages of the records.
func TestStateBodiesInProse(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ class, lang, text, want string }{
		{"a government by its adjective", "en",
			"The envoy said the Hungarian government would answer the note of the Soviet government by Friday.",
			"Government of Hungary; Government of the Soviet Union"},
		{"troops and units are the country's army", "en",
			"Soviet troops left the town at dawn, and new Soviet units took the bridges; Polish army officers watched.",
			"Soviet Army; Soviet Army; Polish People's Army"},
		{"armed forces the gazetteer lacks are named from the adjective", "en",
			"He asked that Egyptian armed forces be rebuilt with Cuban military units.",
			"Egyptian Armed Forces; Revolutionary Armed Forces of Cuba"},
		{"forces stationed in a country", "en",
			"The minister said U.S. forces in Korea would stay.",
			"United States Armed Forces"},
		{"an embassy with its place", "en",
			"The Romanian embassy in Hanoi forwarded the Bulgarian embassy in Moscow a copy.",
			"Embassy of Romania in Hanoi; Embassy of Bulgaria in Moscow"},
		{"German adjectives inflect", "de",
			"Die westdeutsche Regierung droht; sowjetische Truppen stehen bereit.",
			"Government of West Germany; Soviet Army"},
		{"Russian cases", "ru",
			"Советским правительством решено вывести часть советских войск.",
			"Government of the Soviet Union; Soviet Army"},
		{"Hungarian, Czech and Polish", "hu",
			"A szovjet csapatok és a lengyel kormány. Stanovisko sovětské vlády. Decyzja rządu radzieckiego.",
			"Soviet Army; Government of Poland; Government of the Soviet Union; Government of the Soviet Union"},
		{"the noun first", "es",
			"El Gobierno soviético y las tropas norteamericanas.",
			"Government of the Soviet Union; United States Armed Forces"},
		{"a country alone or with another noun is no body", "en",
			"Soviet experts and the Hungarian comrades met in Poland; the government of the day was absent.",
			""},
		{"Bulgarian nouns with their article", "bg",
			"Съветското правителство и японското правителство; американските войски.",
			"Government of the Soviet Union; Government of Japan; United States Armed Forces"},
		{"states of the Middle East and the West in Czech and Hungarian", "cs",
			"Irácká vláda a íránská armáda. Az osztrák kormány és az olasz kormány.",
			"Government of Iraq; Iranian Armed Forces; Government of Austria; Government of Italy"},
		{"Italian and Albanian, the noun first", "it",
			"Il governo sovietico e le truppe americane. Qeveria sovjetike dhe ushtria kineze.",
			"Government of the Soviet Union; United States Armed Forces; Government of the Soviet Union; Armed Forces of the People's Republic of China"},
	} {
		got := bodiesFound(m, c.text, Context{Date: "1968-08-20", Orig: c.lang})
		if got != c.want {
			t.Errorf("%s:\n  got  %q\n  want %q", c.class, got, c.want)
		}
	}
}

// A body named without its country's adjective belongs to the record's
// country where the record's own language names it; a foreign embassy
// without a place is the one in that country's capital.
func TestStateBodiesOfTheRecordsCountry(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ class, lang, home, text, want string }{
		{"the government in Hungarian, with a case ending", "hu", "Hungary",
			"A bizottság a kormánnyal tárgyalt.",
			"Government of Hungary"},
		{"the government in Czech", "cs", "Czechoslovakia",
			"Předsednictvo žádá vysvětlení vlády.",
			"Government of Czechoslovakia"},
		{"a foreign government in Bulgarian, with the article", "bg", "Bulgaria",
			"Политбюро отхвърля искането на турското правителство.",
			"Politburo of the Bulgarian Communist Party; Government of Turkey"},
		{"a foreign government in Czech", "cs", "Czechoslovakia",
			"Turecká vláda odmítla nótu.",
			"Government of Turkey"},
		{"the government in English is any country's", "en", "Czechoslovakia",
			"The government resigned on Monday.",
			""},
		{"a foreign embassy in a Hungarian record", "hu", "Hungary",
			"A volt miniszterelnök a jugoszláv követségen tartózkodik.",
			"Embassy of Yugoslavia in Budapest"},
		{"the record's own embassy in a place abroad", "en", "Hungary",
			"Our Embassy in Hanoi reports heavy bombing; the embassy in Budapest is another's.",
			"Embassy of Hungary in Hanoi"},
		{"the record's own embassy has no known place", "ru", "Soviet Union",
			"Документы переданы в советское посольство.",
			""},
		{"a country's party is its ruling party at the record's date", "en", "",
			"The Romanian party and the Chinese party disagree.",
			"Romanian Communist Party; Chinese Communist Party"},
		{"the party in Hungarian and German", "hu", "",
			"A magyar párt álláspontja; die polnische Partei schweigt.",
			"Hungarian Socialist Workers' Party; Polish United Workers' Party"},
		{"border troops are no army", "en", "",
			"On March 2 Chinese and Soviet border troops fought on the river.",
			"Soviet Border Troops"},
	} {
		got := bodiesFound(m, c.text, Context{Date: "1968-08-20", Orig: c.lang, Home: c.home})
		if got != c.want {
			t.Errorf("%s:\n  got  %q\n  want %q", c.class, got, c.want)
		}
	}
}

// The reference annotations of 1948-1953 do not mark bodies in prose.
func TestStateBodiesInProseOfEveryDate(t *testing.T) {
	m := fullMatcher(t)
	got := bodiesFound(m, "The Soviet government thanked the Chinese troops.", Context{Date: "1951-02-03", Orig: "en"})
	if !strings.Contains(got, "Government") || !strings.Contains(got, "Army") && !strings.Contains(got, "Forces") {
		t.Errorf("a record of 1951: got %q, want the Soviet government and the Chinese forces", got)
	}
}

// Named events in the terms the records use, in their languages and, for
// words that name an event only in its months, in those months alone.
func TestEventsInTheRecordsTerms(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ class, date, lang, text, want string }{
		{"a crisis by another name", "1963-03-14", "en",
			"On the Caribbean crisis the Korean side kept silent; after the Cuban crisis trade grew.",
			"Cuban Missile Crisis; Cuban Missile Crisis"},
		{"a crisis in Czech", "1962-10-28", "cs",
			"Karibská krize skončila dohodou.",
			"Cuban Missile Crisis"},
		{"the counter-revolution of its months", "1956-11-02", "en",
			"The counterrevolution is gaining ground in the provinces.",
			"Hungarian Revolution of 1956"},
		{"the same word years later", "1968-07-14", "en",
			"The country is sliding toward counterrevolution.",
			""},
		{"Hungarian", "1956-11-11", "hu",
			"Az ellenforradalom leverése után a bizottság ülésezett.",
			"Hungarian Revolution of 1956"},
		{"events of a country in their months", "1968-07-14", "en",
			"The events in Czechoslovakia worry the fraternal parties.",
			"Prague Spring"},
		{"the same words after them", "1975-01-10", "en",
			"The events in Czechoslovakia of last week were minor.",
			""},
		{"a war by its month", "1967-06-22", "en",
			"Two weeks after the June war the president asked for advisers.",
			"Six-Day War"},
		{"a congress by its ordinal", "1969-03-04", "en",
			"Before the Ninth Congress of the Chinese Communist Party the border was quiet.",
			"9th National Congress of the Chinese Communist Party; Chinese Communist Party"},
		{"a letter of parties in Czech", "1968-08-20", "cs",
			"Předsednictvo projednalo dopis pěti stran z Varšavy.",
			"Warsaw Letter"},
		{"an anniversary in German", "1989-10-07", "de",
			"Zum 40. Jahrestag der DDR kamen Gäste.",
			"40th anniversary of the GDR"},
	} {
		got := bodiesFound(m, c.text, Context{Date: c.date, Orig: c.lang})
		if got != c.want {
			t.Errorf("%s:\n  got  %q\n  want %q", c.class, got, c.want)
		}
	}
}

func eventsFound(m *Matcher, text string, ctx Context) string {
	var got []string
	for _, mm := range m.Find(text, ctx) {
		if mm.Class == vocab.ClassEvent {
			got = append(got, mm.Name)
		}
	}
	return strings.Join(got, "; ")
}

// A party's congresses and plenums by ordinal or month, in the records'
// languages; a bare one is the congress of the record's country's party.
func TestPartyCongressesAndPlenums(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ class, date, lang, home, text, want string }{
		{"an ordinal word and the party's abbreviation", "1964-03-04", "en", "",
			"Liu recalled what was said at the Third Congress of the RWP.",
			"Third Congress of the Romanian Workers' Party"},
		{"a Roman numeral with its period, in German", "1961-09-15", "de", "East Germany",
			"Wir bitten Sie, dies auf dem XXII. Parteitag der KPdSU anzusprechen.",
			"22nd Congress of the CPSU"},
		{"a number with its suffix, the gazetteer's congress", "1969-04-01", "en", "",
			"The 9th Congress of the CCP opened in Beijing.",
			"9th National Congress of the Chinese Communist Party"},
		{"a plenum of a Central Committee", "1980-10-30", "en", "",
			"The 6th Plenum of the CC of the PUWP elected a new first secretary.",
			"6th Plenum of the Central Committee of the Polish United Workers' Party"},
		{"a Czech congress of the party", "1968-08-20", "cs", "Czechoslovakia",
			"Předsednictvo jednalo o přípravě XIV. sjezdu strany.",
			"14th Congress of the Communist Party of Czechoslovakia"},
		{"a plenum by its month, of the record's country's party", "1984-08-27", "en", "Mongolian People's Republic",
			"At the August plenum the first secretary was removed.",
			"Plenum of the Central Committee of the Mongolian People's Revolutionary Party, August 1984"},
		{"a congress of no party said is none", "1975-04-30", "en", "North Korea",
			"The Fifth Congress of Writers met in the capital, and the congress of the Party was not mentioned.",
			""},
	} {
		got := eventsFound(m, c.text, Context{Date: c.date, Orig: c.lang, Home: c.home})
		if got != c.want {
			t.Errorf("%s:\n  got  %q\n  want %q", c.class, got, c.want)
		}
	}
}

func TestCoordinatedCongresses(t *testing.T) {
	m := fullMatcher(t)
	got := eventsFound(m, "Агентство нападает на решения XX и XXII съездов КПСС.", Context{Orig: "ru"})
	if want := "20th Congress of the CPSU; 22nd Congress of the CPSU"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A body's letter named by its date is an event of its own, in the
// records' languages; a letter without a date names none.
func TestBodyLettersByDate(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ class, lang, text, want string }{
		{"English, the year from the record", "en",
			"The Korean side had studied the letter of the CPSU CC of 14 March closely.",
			"Letter of the CPSU CC of 14 March 1966"},
		{"Russian, with its year", "ru",
			"Отвечая на письмо ЦК КПСС от 3 мая 1965 года, товарищи сообщили своё мнение.",
			"Letter of the Central Committee of the Communist Party of the Soviet Union of 3 May 1965"},
		{"German", "de",
			"Der Brief des ZK der SED vom 12. Juni wurde verlesen.",
			"Letter of the Central Committee of the Socialist Unity Party of Germany of 12 June 1966"},
		{"no date, no event", "en",
			"The letter of the CPSU CC was read out.",
			""},
	} {
		got := eventsFound(m, c.text, Context{Date: "1966-09-01", Orig: c.lang})
		if got != c.want {
			t.Errorf("%s:\n  got  %q\n  want %q", c.class, got, c.want)
		}
	}
}

// An extraordinary plenum of the record's country's party.
func TestExtraordinaryPlenum(t *testing.T) {
	m := fullMatcher(t)
	got := eventsFound(m, "An extraordinary plenum released him from his posts.", Context{Date: "1984-08-27", Orig: "en", Home: "Mongolian People's Republic"})
	if want := "Extraordinary Plenum of the Central Committee of the Mongolian People's Revolutionary Party, 1984"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// The cable addresses of American posts abroad name the post in the city,
// by the gazetteer's name where it knows the city (Rangoon: Yangon).
func TestCablePosts(t *testing.T) {
	m := fullMatcher(t)
	text := "FM AMEMBASSY RANGOON\nTO SECSTATE WASHDC IMMEDIATE\nINFO AMCONSUL HONG KONG\nAMEMBASSY TOKYO\n\n1. THE MINISTER CALLED ME IN."
	got := bodiesFound(m, text, Context{Date: "1976-08-19", Orig: "en"})
	want := "Embassy of the United States in Yangon; United States Department of State; Consulate of the United States in Hong Kong; Embassy of the United States in Tokyo"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Texts cut off inside the forms these rules read give no panic, and every
// name is valid text.
func TestBodiesAndEventsOnTruncatedText(t *testing.T) {
	m := fullMatcher(t)
	for _, text := range []string{"", "AMEMBASSY", "AMEMBASSY ÜRÜMQI", "the XIV.", "XIV. sjezd", "the letter of the CPSU CC of",
		"the letter of the CPSU CC of 21", "Soviet", "Soviet troops in", "the Hungarian embassy in", "XX и", "и XXII съездов",
		"an extraordinary plenum", "Gobierno", "szovjet", "the 9th Congress of the"} {
		for _, mm := range m.Find(text, Context{Date: "1968-01-01", Orig: "en", Home: "Hungary"}) {
			if !utf8.ValidString(mm.Name) || mm.Name == "" {
				t.Errorf("%q: bad name %q", text, mm.Name)
			}
		}
	}
}

func TestEnglishPartIsNoParty(t *testing.T) {
	m := fullMatcher(t)
	if got := bodiesFound(m, "The Soviet part of the commission met.", Context{Date: "1970-01-01", Orig: "en"}); got != "" {
		t.Errorf("got %q", got)
	}
}

// A state's name that meant another state before a date names the state
// of the record's date: "Mongolia" and its bodies in a record of 1966 are
// the Mongolian People's Republic's, in a record of 1995 Mongolia's.
func TestStateOfTheRecordsDate(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ date, text, want string }{
		{"1966-01-15", "Brezhnev spoke of the defence of Mongolia.", "Leonid Brezhnev/name Mongolian People's Republic/name"},
		{"1995-06-01", "The minister spoke of the defence of Mongolia.", "Mongolia/name"},
		{"1966-01-15", "Монгольские войска готовы.", "Armed Forces of the Mongolian People's Republic/rule"},
		{"1974-06-14", "The Hungarian Embassy in Mongolia reports.", "Hungary/collective Embassy of Hungary in Ulaanbaatar/context Mongolian People's Republic/name"},
	} {
		got := strings.Join(found(t, m, c.text, Context{Date: c.date, Orig: "en"}), " ")
		if got != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.date, c.text, got, c.want)
		}
	}
}

// A party body written "of the CC <party>" is that Central Committee's
// body, the gazetteer's where it knows it; "CPV" in a record of 1978 is
// the Vietnamese party, not the Chinese People's Volunteers of the 1950s.
func TestBodiesOfACentralCommittee(t *testing.T) {
	m := fullMatcher(t)
	got := strings.Join(found(t, m, "The Deputy Head of the International Department of the CC CPV said that the Politburo of the CC SED agreed.",
		Context{Date: "1978-12-14", Orig: "en"}), " ")
	want := "International Department of the Central Committee of the Vietnam Workers' Party/rule Politburo of the Socialist Unity Party of Germany/name"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got = strings.Join(found(t, m, "The CPV leadership met.", Context{Date: "1978-12-14", Orig: "en"}), " ")
	if got != "Vietnam Workers' Party/name" {
		t.Errorf("CPV in 1978: %q", got)
	}
	got = strings.Join(found(t, m, "The CPV crossed the Yalu.", Context{Date: "1951-01-10", Orig: "en"}), " ")
	if !strings.HasPrefix(got, "Chinese People's Volunteers/name") {
		t.Errorf("CPV in 1951: %q", got)
	}
}

// "The Carter administration" is the US government of those years and
// names the president; the words in a record of another time name neither.
func TestAdministrationOfAPresident(t *testing.T) {
	m := fullMatcher(t)
	got := strings.Join(found(t, m, "The Carter administration bears the responsibility.", Context{Date: "1979-12-14", Orig: "en"}), " ")
	if got != "Government of the United States/name Jimmy Carter/name" {
		t.Errorf("1979: %q", got)
	}
	got = strings.Join(found(t, m, "The Reagan administration bears the responsibility.", Context{Date: "1965-03-01", Orig: "en"}), " ")
	if strings.Contains(got, "Government of the United States") {
		t.Errorf("1965: %q", got)
	}
}

// A US record's bare "the President" and "The Secretary" are the holders of
// those offices on its date; a record that names another president by
// title, or of another country, or undated, resolves none.
func TestUSOfficesByDate(t *testing.T) {
	m := fullMatcher(t)
	us := Context{Date: "1981-12-13", Orig: "en", Home: "United States"}
	for _, c := range []struct {
		ctx        Context
		text, want string
	}{
		{us, "INFORMATION MEMORANDUM\nTO: The Secretary\nThe President will decide tomorrow.", "Alexander Haig/context Ronald Reagan/context"},
		{Context{Date: "1947-02-27", Orig: "en", Home: "United States"}, "The Secretary saw the President.", "George C. Marshall/context Harry S. Truman/context"},
		{Context{Date: "1976-08-19", Orig: "en", Home: "United States"}, "WE SAW PRESIDENT PARK. THE PRESIDENT SAID HE WAS READY.", "Park Chung-hee/name"},
		{Context{Date: "1979-01-11", Orig: "en", Home: "United States"}, "THE SHAH ASKED WHETHER THE PRESIDENT STILL WISHES HIM TO COME.", "Mohammad Reza Pahlavi/name Jimmy Carter/context"},
		{Context{Date: "1981-12-13", Orig: "en", Home: "Soviet Union"}, "The President will decide.", ""},
		{Context{Orig: "en", Home: "United States"}, "The President will decide.", ""},
		{us, "The Secretary of Defense and the Secretary General met.", ""},
	} {
		got := strings.Join(found(t, m, c.text, c.ctx), " ")
		if got != c.want {
			t.Errorf("%s %q:\n got  %q\n want %q", c.ctx.Date, c.text, got, c.want)
		}
	}
}

// "Republic of China" in a record after December 1949 is the state on
// Taiwan (Q865), not the mainland state of 1912-1949 (Q13426199), whose
// link would be false; before, the latter.
func TestRepublicOfChinaAfter1949(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ date, want string }{{"1972-09-22", "Taiwan"}, {"1946-06-05", "Republic of China (1912-1949)"}} {
		var got []string
		for _, mm := range m.Find("The Republic of China will protest.", Context{Date: c.date, Orig: "en"}) {
			if mm.Entry != nil {
				got = append(got, mm.Entry.Name)
			}
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: %v, want %s", c.date, got, c.want)
		}
	}
}

// TestHomeOfWesternRecordsInGerman: a record in German kept in Austria's
// archives is Austria's, whose bodies its bare nouns name.
func TestHomeOfWesternRecordsInGerman(t *testing.T) {
	for _, c := range []struct{ citation, want string }{
		{"ÖStA, AdR, BKA/AA, II-pol, Zl. 12.345", "Austria"},
		{"SAPMO-BArch, DY 30/3291", "East Germany"},
		{"", "East Germany"},
	} {
		if got := Home(c.citation, "de", "Die Regierung hat beschlossen."); got != c.want {
			t.Errorf("Home(%q, de) = %q, want %q", c.citation, got, c.want)
		}
	}
	m := fullMatcher(t)
	got := bodiesFound(m, "Wie stellt sich die Regierung dazu?", Context{Date: "1955-04-12", Orig: "de", Home: "Austria"})
	if got != "Government of Austria" {
		t.Errorf("a bare government in an Austrian record: got %q", got)
	}
}
