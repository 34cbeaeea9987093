package entity

import (
	"strings"
	"testing"
)

// Names and countries declined in the languages of the records that write
// them in Latin letters, and words of a record's layout that are no one.
// Each case is a sentence of its class; want lists "Name/by" in order.
func TestDeclinedNames(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ class, orig, text, want string }{
		{"Czech dative of a gazetteer surname", "cs",
			"Velvyslanec předal odpověď prezidentu Kennedymu včera večer.",
			"John F. Kennedy/name"},
		{"Czech instrumental of a country", "cs",
			"Spolupráce se Sovětským svazem pokračuje.",
			"Soviet Union/name"},
		{"Czech soudruh before a surname is no initial", "cs",
			"S. Dubček: Souhlasím.\nHovořil také s. Husák.",
			"Alexander Dubček/name Gustáv Husák/name"},
		{"Hungarian suffixes", "hu",
			"Kádárral és Gerő Ernővel beszéltünk.",
			"János Kádár/name Ernő Gerő/name"},
		{"German genitive", "de",
			"Der Brief des Genossen Ulbricht an die Regierung Präsident Kennedys wurde gestern übergeben, sagte der Botschafter und die Genossen.",
			"Walter Ulbricht/name John F. Kennedy/name"},
		{"a region with its compass word after the name is not the whole", "pl",
			"Posłanie do ludzi pracy Europy Wschodniej jest prowokacją.",
			""},
		{"a Russian vowel the nominative has and other cases drop", "ru",
			"Посол вернулся из Египта вчера вечером.",
			"Egypt/name"},
		{"the Romanian article and genitive", "ro",
			"Conducerea Partidului Comunist Român a discutat cu ambasadorul.",
			"Romanian Communist Party/name"},
		{"the Bulgarian definite article", "bg",
			"Решението на Българската комунистическа партия беше прието.",
			"Bulgarian Communist Party/name"},
		{"German initials of a Russian name (W. for V.)", "de",
			"Auf sowjetischer Seite nahmen die Genossen W. I. Kotschemassow und andere Genossen an der Beratung teil.",
			"Vyacheslav Kochemasov/initials"},
		{"declined forms stay out of English records", "en",
			"The Kennedymu file and the Kadarral note.",
			""},
		{"classification marks and ministry words are no one", "pl",
			"Tajne\nPilne\nTow. J. Czyrek – Minister Spraw Zagranicznych",
			"Józef Czyrek/name"},
		{"a given name before a middle initial", "en",
			"From: Lawrence S. Eagleburger\nTo: The Secretary",
			"Lawrence Eagleburger/initials"},
	} {
		got := strings.Join(found(t, m, c.text, Context{Date: "1962-10-28", Orig: c.orig}), " ")
		if got != c.want {
			t.Errorf("%s:\n%q\n got  %q\n want %q", c.class, c.text, got, c.want)
		}
	}
}

// A surname the gazetteer lists only with initials (two Aristovs) is not
// taken for one of them as a misreading of "A. Aristov".
func TestFuzzyNeedsTheSameWords(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1980-10-02", Orig: "en"}
	for _, text := range []string{"Ambassador Aristov handed over the note.", "Present: Aristov, Kania, Jaruzelski."} {
		for _, mm := range m.Find(text, ctx) {
			if mm.Entry != nil && strings.Contains(mm.Entry.Name, "Aristov") {
				t.Errorf("%q: %q linked to %s (%s)", text, mm.Text, mm.Entry.Name, mm.By)
			}
		}
	}
	// a misread letter still finds its person
	if got := strings.Join(found(t, m, "Письмо передал тов. Кнм Ир Сен.", Context{Date: "1952-01-01", Orig: "ru"}), " "); !strings.Contains(got, "Kim Il Sung/fuzzy") {
		t.Errorf("misread Kim Il Sung: got %q", got)
	}
}

// A telegram in capitals: the name after a title runs over a hyphenated
// given name and over given names, and ends at the words that follow it.
func TestCapitalsTelegramNames(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1979-03-02", Orig: "en"}
	for _, c := range []struct{ text, want string }{
		{"DEPUTY MINISTER PAK SONG-GIL AND THE AMBASSADOR MET AT NOON.", "Pak Song-Gil/rule"},
		{"I SAW FOREIGN MINISTER SHAH MOHAMMAD DOST THIS MORNING.", "Shah Mohammad Dost/rule"},
		{"GENERAL KARIMOV IS SEEN DAILY AT THE MINISTRY.", "Karimov/rule"},
	} {
		if got := strings.Join(found(t, m, c.text, ctx), " "); got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

// The address lines of an American telegram name embassies, not cities,
// and the Department of State.
func TestAmericanTelegramAddress(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1979-05-02", Orig: "en"}
	text := "O 021130Z MAY 79\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC IMMEDIATE 4512\nINFO AMEMBASSY ULAANBAATAR\n"
	want := "Embassy of the United States in Tokyo/context United States Department of State/name Embassy of the United States in Ulaanbaatar/rule"
	if got := strings.Join(found(t, m, text, ctx), " "); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// German declines the names of bodies: the genitive and the adjective
// endings still name the gazetteer's body.
func TestGermanDeclinedBodies(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1961-08-10", Orig: "de"}
	text := "Die Stäbe des Ministeriums des Innern und des Nationalen Verteidigungsrates werden informiert, sagte der Genosse und die Genossen der Partei."
	got := strings.Join(found(t, m, text, ctx), " ")
	for _, w := range []string{"Ministry of the Interior of the GDR/name", "National Defence Council of the GDR/name"} {
		if !strings.Contains(got, w) {
			t.Errorf("%q: got %q, want %s", text, got, w)
		}
	}
}

// A party congress named by its number in words, figures or Roman numerals
// and its party by any name is the gazetteer's congress; one the gazetteer
// lacks is an event as written.
func TestPartyCongresses(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1969-03-04", Orig: "en"}
	for _, c := range []struct{ text, want string }{
		{"a show of resolve before the Ninth Congress of the Chinese Communist Party opens.",
			"9th National Congress of the Chinese Communist Party/name Chinese Communist Party/name"},
		{"as the Twenty-Second Congress of the CPSU decided", "22nd Congress of the CPSU/context Communist Party of the Soviet Union/name"},
		{"the XXII Congress of the Communist Party of the Soviet Union", "22nd Congress of the CPSU/context Communist Party of the Soviet Union/name"},
		{"since the Seventeenth Congress of the Mongolian People's Revolutionary Party", "17th Congress of the Mongolian People's Revolutionary Party/rule Mongolian People's Revolutionary Party/name"},
		{"the congress of the Chinese Communist Party", "Chinese Communist Party/name"},
	} {
		if got := strings.Join(found(t, m, c.text, ctx), " "); got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

// A capital that speaks or decides is its state; a demonym before
// "comrades" or "friends" names people of a country, not the country.
func TestCapitalsAndDemonymsForStates(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1969-03-04", Orig: "en"}
	for _, c := range []struct{ text, want string }{
		{"Moscow says 31 of its guards were killed.", "Soviet Union/collective"},
		{"I replied that Washington rejects these charges.", "United States/collective"},
		{"a review of our policy toward Islamabad", "Pakistan/collective"},
		{"Hanoi insisted on the coalition.", "North Vietnam/collective"},
		{"the latest message from Moscow, wanted to know", "Moscow/name"},
		{"We met in Moscow on Tuesday.", "Moscow/name"},
		{"We should also inform the Chinese comrades and our Polish friends.", ""},
		{"The Chinese proposal was rejected.", "People's Republic of China/collective"},
	} {
		if got := strings.Join(found(t, m, c.text, ctx), " "); got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

// "Political Committee", "Politikai Bizottság", "Politbüro" are the
// Politburo of the record's country's party, like a bare "Politburo".
func TestPolitburoByOtherNames(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, home, text, want string }{
		{"hu", "Hungary", "Jelentés a Politikai Bizottságnak", "Politburo of the Hungarian Socialist Workers' Party/context"},
		{"hu", "Hungary", "Report to the Political Committee", "Politburo of the Hungarian Socialist Workers' Party/context"},
		{"de", "East Germany", "Vorlage für das Politbüro", "Politburo of the Socialist Unity Party of Germany/context"},
	} {
		got := strings.Join(found(t, m, c.text, Context{Date: "1968-08-19", Orig: c.orig, Home: c.home}), " ")
		if got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

// Words after or before a country's or city's name that make another
// name: a compass word before a demonym, a newspaper's title, a
// geographic feature, a country named after another.
func TestNamesThatAreNotTheirParts(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1975-03-04", Orig: "en"}
	for _, c := range []struct{ text, want string }{
		{"South Vietnamese troops advanced.", "South Vietnam/collective Armed Forces of South Vietnam/rule"},
		{"Eastern European states met.", "Eastern Europe/collective"},
		{"The New York Times reported it and the Washington Post denied it.", "The New York Times/name The Washington Post/name"},
		{"Settlements in the Jordan Valley and on the Congo river.", ""},
		{"Guinea-Bissau and Guinea", "Guinea-Bissau/name Guinea/name"},
	} {
		if got := strings.Join(found(t, m, c.text, ctx), " "); got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

// A surname several listed people bear links bare only in the years one
// of them is the one the records mean; a language's script is no country;
// a credit line names the project, not the Cold War.
func TestNamesakesLanguagesCredits(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ date, text, want string }{
		{"1962-10-27", "Kennedy said that the blockade stays.", "John F. Kennedy/name"},
		{"1976-08-19", "Kennedy said that the blockade stays.", "Kennedy/rule"},
		{"1952-06-01", "General Harrison and Harrison's staff", "William K. Harrison Jr./name William K. Harrison Jr./name"},
		{"1991-05-01", "Mr. Harrison answered.", "Harrison/rule"},
		{"1960-01-01", "the original in Chinese characters", ""},
		{"1995-01-01", "English translation by the Cold War International History Project", "Cold War International History Project/name"},
	} {
		if got := strings.Join(found(t, m, c.text, Context{Date: c.date, Orig: "en"}), " "); got != c.want {
			t.Errorf("%s %q:\n got  %q\n want %q", c.date, c.text, got, c.want)
		}
	}
}

// Countries in the languages of the Asian records: Korean, Vietnamese.
func TestCountriesInAsianLanguages(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, text, want string }{
		{"ko", "김일성 동지는 소련 대사를 접견하였다.", "Kim Il Sung/name Soviet Union/name"},
		{"vi", "Đồng chí Lê Duẩn đã tiếp Đại sứ Liên Xô.", "Le Duan/name Soviet Union/name"},
	} {
		if got := strings.Join(found(t, m, c.text, Context{Date: "1965-03-02", Orig: c.orig}), " "); got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

// A given name that is also an ordinary word ("Per", "Will") is part of
// the name where a title stands before it; elsewhere it is the word.
func TestGivenNamesThatAreWords(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1963-05-02", Orig: "en"}
	for _, c := range []struct{ text, want string }{
		{"Danish Foreign Minister Per Haekkerup met the ambassador.", "Per Haekkerup/rule"},
		{"We met Mr. Will Lansing yesterday.", "Will Lansing/rule"},
		{"Imports Per Capita rose. We Will Return.", ""},
	} {
		if got := strings.Join(found(t, m, c.text, ctx), " "); got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

// "The Hungarian party" is the country's ruling party on the record's date.
func TestDemonymParty(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ date, text, want string }{
		{"1968-08-19", "I asked that the Hungarian party mediate.", "Hungarian Socialist Workers' Party/context"},
		{"1980-10-30", "the Polish party must act; the Polish Party of Labour", "Polish United Workers' Party/context Poland/collective Party of Labour/rule"},
		{"1975-04-30", "венгерская партия поддержала", "Hungarian Socialist Workers' Party/context"},
	} {
		if got := strings.Join(found(t, m, c.text, Context{Date: c.date, Orig: "en"}), " "); got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

// Countries of Africa and the Middle East and the bloc's capitals are found
// as the records' other languages write them.
func TestCountriesInTheRecordsLanguages(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, text, want string }{
		{"de", "Kuba unterstützt Südjemen, Mosambik, Tansania und Äthiopien gegen Saudi-Arabien und Südafrika.",
			"Cuba/name South Yemen/name Mozambique/name Tanzania/name Ethiopia/name Saudi Arabia/name South Africa/name"},
		{"bg", "Положението на Балканите и в Гърция.", "Balkans/name Greece/name"},
		{"ro", "Ședința de la Moscova; utilaje din Anglia.", "Moscow/name United Kingdom/name"},
	} {
		got := strings.Join(found(t, m, c.text, Context{Date: "1977-04-03", Orig: c.orig}), " ")
		if got != c.want {
			t.Errorf("%s %q:\n got  %q\n want %q", c.orig, c.text, got, c.want)
		}
	}
}
