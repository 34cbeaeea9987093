package entity

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/vocab"
)

// TestRecordsOfOtherBlocs reads short records of the project's own writing
// in the languages of other blocs' archives with the built-in gazetteer:
// Chinese and Soviet leaders as Hungarian, Polish, French and Finnish
// transliterate them, countries and places in Finnish case forms, Czech and
// Italian names of places the gazetteer once lacked.
func TestRecordsOfOtherBlocs(t *testing.T) {
	g, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := New(g)
	for _, c := range []struct{ orig, text, want string }{
		{"hu", "Csou En-laj miniszterelnök fogadta a nagykövetet; Teng Hsziao-ping nem volt jelen.",
			"Zhou Enlai Deng Xiaoping"},
		{"pl", "Ambasador przekazał stanowisko premiera Czou En-laja w sprawie Czang Kaj-szeka.",
			"Zhou Enlai Chiang Kai-shek"},
		{"fr", "À Moscou, M. Chevardnadze l'a dit publiquement, et M. Gorbatchev l'a confirmé.",
			"Moscow Eduard Shevardnadze Mikhail Gorbachev"},
		{"fi", "Presidentti keskusteli Neuvostoliiton suurlähettilään kanssa Moskovassa ja Helsingissä.",
			"Soviet Union Moscow Helsinki"},
		{"cs", "Irácká vojska obsadila Chorramšahr a ostřelují rafinerii v Abádánu na Šatt al-Arabu.",
			"Iraqi Armed Forces Khorramshahr Abadan Shatt al-Arab"},
		{"it", "La delegazione è partita da Pechino per Algeri e poi per Strasburgo.",
			"Beijing Algiers Strasbourg"},
	} {
		got := foundNames(m, c.text, Context{Date: "1980-10-07", Orig: c.orig})
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestPlaceInsideABodysName: a place the words of an organisation's name
// qualify is part of the name ("Radio Free Europe"), one the name is "of"
// is named too.
func TestPlaceInsideABodysName(t *testing.T) {
	g, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := New(g)
	for text, want := range map[string]string{
		"The appeal was broadcast by Radio Free Europe on Monday.": "Radio Free Europe",
		"Text byl vysílán stanicí Svobodná Evropa.":                "Radio Free Europe",
		"The Ministry of Foreign Affairs of Hungary sent a note.":  "Ministry of Foreign Affairs of Hungary Hungary",
	} {
		got := foundNames(m, text, Context{Date: "1977-01-07"})
		if strings.Join(got, " ") != want {
			t.Errorf("%q: got %q, want %q", text, strings.Join(got, " "), want)
		}
	}
}

// TestCapitalsForTheirGovernments: a capital that acts, whose influence is
// spoken of or for whom a price is raised stands for its government; a
// capital a message comes from stays a city.
func TestCapitalsForTheirGovernments(t *testing.T) {
	m := fullMatcher(t)
	for text, want := range map[string]string{
		"Moscow uses its influence in Havana.":                                            "Soviet Union/collective Cuba/collective",
		"We should raise the price for Moscow.":                                           "Soviet Union/collective",
		"It is the crudest document we have had from Moscow since the war.":               "Soviet Union/collective",
		"Mao read the latest message from Moscow.":                                        "Mao Zedong/name Moscow/name",
		"Москва заявила протест, а Пекин ведёт пропаганду.":                               "Soviet Union/collective People's Republic of China/collective",
		"The minister rejects Ankara's demand; Moscow's streets were empty.":              "Turkey/collective Moscow/name",
		"The premier asked Moscow not to yield and refused to bargain with Washington.":   "Soviet Union/collective United States/collective",
		"He spoke of the tanks Peking keeps sending to the border.":                       "People's Republic of China/collective",
		"The convoy left Moscow for the border.":                                          "Moscow/name",
		"The declaration should cite the Charter of Paris; the talks were held in Paris.": "Paris/name",
	} {
		var got []string
		for _, mm := range m.Find(text, Context{Date: "1979-12-26"}) {
			got = append(got, mm.Name+"/"+mm.By)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q: got %q, want %q", text, strings.Join(got, " "), want)
		}
	}
}

// TestHungarianInstrumental: a name in the Hungarian instrumental, whose
// suffix doubles the last consonant, is found ("Varsói Szerződéssel").
func TestHungarianInstrumental(t *testing.T) {
	m := fullMatcher(t)
	got := foundNames(m, "a Varsói Szerződéssel vállalt kötelezettségeinket", Context{Date: "1989-09-10", Orig: "hu"})
	if strings.Join(got, " ") != "Warsaw Pact" {
		t.Errorf("got %v, want the Warsaw Pact alone", got)
	}
}

// TestGivenNameBeforeAMiddleInitial: "Eduard A. Shevardnadze" after a line
// that ends another participant's office is one person.
func TestGivenNameBeforeAMiddleInitial(t *testing.T) {
	m := fullMatcher(t)
	var got []string
	for _, mm := range m.Find("Mikhail S. Gorbachev, General Secretary of the CPSU\nEduard A. Shevardnadze, Minister of Foreign Affairs", Context{Date: "1986-10-12"}) {
		if mm.Class == vocab.ClassPerson {
			got = append(got, mm.Name+"/"+mm.Text)
		}
	}
	if strings.Join(got, " ") != "Mikhail Gorbachev/Mikhail S. Gorbachev Eduard Shevardnadze/Eduard A. Shevardnadze" {
		t.Errorf("got %v", got)
	}
}

// TestNamesOfTheNewLanguages: records of the project's own writing in
// Italian, Spanish, Slovak, Finnish and Korean, with the people the
// gazetteer lacks and the case forms and particles those languages put on
// names.
func TestNamesOfTheNewLanguages(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, text, want string }{
		{"it", "Erano presenti Giancarlo Pajetta e Sergio Segre, e si parlò del governo italiano.",
			"Giancarlo Pajetta Sergio Segre Government of Italy"},
		{"es", "El embajador soviético Alexandr Alexéiev recibió al compañero Osvaldo Dorticós.",
			"Alexandr Alexéiev Osvaldo Dorticós"},
		{"fi", "Presidentti otti vastaan suurlähettilään A. V. Zaharovin ja pääministeri Sorsan.",
			"A.V. Zaharov Kalevi Sorsa"},
		{"sk", "Súdruh Husák prijal veľvyslanca S. V. Červonenka a súdruha Ivana Kovalenka.",
			"Gustáv Husák Stepan Chervonenko Ivan Kovalenko"},
		{"ko", "김일성은 소련 대표단과 회담하고 박정희를 비난하였다.",
			"Kim Il Sung Soviet Union Park Chung-hee"},
	} {
		got := foundNames(m, c.text, Context{Date: "1975-06-01", Orig: c.orig})
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestTitlesOfSpanishAndItalianOffices: the words of an office written
// before a known name ("Comandante en Jefe", "Presidente del Consiglio")
// are no given name of the person, and Spanish given names open names in a
// list.
func TestTitlesOfSpanishAndItalianOffices(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, text, want string }{
		{"es", "El Comandante en Jefe Fidel Castro recibió al canciller.", "Fidel Castro/name"},
		{"it", "Il Presidente del Consiglio Aldo Moro e il ministro degli Esteri Amintore Fanfani.", "Aldo Moro/name Amintore Fanfani/name"},
		{"en", "The leadership (Daniel Ortega, Tomás Borge, Humberto Ortega) met.", "Daniel Ortega/name Tomás Borge/rule Humberto Ortega/rule"},
		{"sq", "Shoku Mehmet Shehu takoi shokun Çu En Lai.", "Mehmet Shehu/name Zhou Enlai/name"},
	} {
		var got []string
		for _, mm := range m.Find(c.text, Context{Date: "1972-01-01", Orig: c.orig}) {
			got = append(got, mm.Name+"/"+mm.By)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestEventsNamedByTheText: treaties, conferences and agreements a record
// names in capitals are events, with the places they are of; one named
// after a place is the event, not the place; prose about a place ("the Port
// Arthur agreement") and a name begun before the head's words ("North
// Atlantic Treaty") are left alone.
func TestEventsNamedByTheText(t *testing.T) {
	m := fullMatcher(t)
	for text, want := range map[string]string{
		"It would not affect the Treaty of Mutual Cooperation and Security.":          "Treaty of Mutual Cooperation and Security/rule",
		"He presented the proposals of the Colombo Conference to Premier Zhou.":       "Colombo Conference/rule Zhou Enlai/name",
		"After the signing of the Moscow Treaty, Brandt flew home.":                   "Moscow Treaty/rule Willy Brandt/name",
		"The U.S. Delegation to the International Conference on Laos met.":            "United States/name International Conference on Laos/rule Laos/name",
		"A Treaty of Friendship between the USSR and Mozambique was signed.":          "Treaty of Friendship between the USSR and Mozambique/rule Soviet Union/name Mozambique/name",
		"We agree that the Port Arthur agreement should remain valid.":                "Port Arthur/name",
		"An attack would bring in the United States under the North Atlantic Treaty.": "United States/name",
	} {
		var got []string
		for _, mm := range m.Find(text, Context{Date: "1970-08-12"}) {
			got = append(got, mm.Name+"/"+mm.By)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q:\n got %q\nwant %q", text, strings.Join(got, " "), want)
		}
	}
}

// TestSurnamesWithTheirTitles: a Hungarian title after a family name, a
// compound rank before one, Bulgarian abbreviated given names, a double
// family name joined by a hyphen, and two people joined by one before a
// common noun.
func TestSurnamesWithTheirTitles(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, text, want string }{
		{"hu", "Wagner alkancellár úr már megerősítette, hogy Szerinte Batmönh elvtárs beszélt.",
			"Wagner|Wagner alkancellár úr Batmönh|Batmönh elvtárs"},
		{"en", "The commandant of the sector, Major General Petrenko, declared martial law.",
			"Petrenko|Major General Petrenko"},
		{"ru", "Комендант сектора генерал-майор Петренко объявил военное положение.",
			"Petrenko|генерал-майор Петренко"},
		{"bg", "Присъстват: Т. Живков, Гр. Филипов и Ст. Тодоров.",
			"Todor Zhivkov| Grisha Filipov| Stanko Todorov|"},
		{"en", "The influence of his wife, A. I. Tsedenbal-Filatova, grew; the 1969 Nixon-Satoya communique stood.",
			"A.I. Tsedenbal-Filatova| Richard Nixon|"},
	} {
		var got []string
		for _, mm := range m.Find(c.text, Context{Date: "1984-08-27", Orig: c.orig}) {
			if mm.Class == vocab.ClassPerson {
				got = append(got, mm.Name+"|"+mm.Titled)
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestBareSurnamesOfSpeakers: a family name the record shows speaking, by
// a speaker's mark used more than once or by a verb of saying, is a person
// though the gazetteer lacks it; layout marks, titles and newspapers are no
// one.
func TestBareSurnamesOfSpeakers(t *testing.T) {
	m := fullMatcher(t)
	text := "Subject: Talks in Rome\nSummary: The delegations met.\nPajetta: We agree with the comrades.\nSuslov: Good.\n" +
		"Pajetta: Then let us write it down.\nLater Segre replied that it could wait. The Chairman said no, and Pravda said nothing.\n" +
		"Reuters said the talks ended; Kyodo said so too.\n"
	var got []string
	for _, mm := range m.Find(text, Context{Date: "1968-05-01", Orig: "en"}) {
		if mm.Class == vocab.ClassPerson {
			got = append(got, mm.Name+"/"+mm.By)
		}
	}
	if strings.Join(got, " ") != "Pajetta/rule Mikhail Suslov/name Pajetta/rule Segre/rule" {
		t.Errorf("got %q", strings.Join(got, " "))
	}
}

// TestPartiesInTheLanguagesOfOtherBlocs: the Soviet, Albanian, Italian and
// Cuban parties and their Central Committees as Albanian, Italian and
// German records name them.
func TestPartiesInTheLanguagesOfOtherBlocs(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, text, want string }{
		{"sq", "Komiteti Qendror i Partisë së Punës së Shqipërisë i dërgon PKBS këtë letër.",
			"Central Committee of the Party of Labour of Albania; Communist Party of the Soviet Union"},
		{"it", "Il Comitato Centrale del PCI esprime il suo dissenso.", "Central Committee of the Italian Communist Party"},
		{"de", "Erster Sekretär des ZK der Kommunistischen Partei Kubas", "Central Committee of the Communist Party of Cuba"},
	} {
		if got := bodiesFound(m, c.text, Context{Date: "1968-08-20", Orig: c.orig}); got != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, got, c.want)
		}
	}
}

// TestPlacesWithinPlaces: a country's name holds no mention of the region
// it is named after; a part of a city joined by a hyphen is a place of its
// own, two known places so joined stay two; capitals named together before
// a verb, or after "imposed from", stand for their states; the Security
// Council in Czech and German.
func TestPlacesWithinPlaces(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, text, want string }{
		{"en", "the struggle in South Korea and East Germany", "South Korea/name East Germany/name"},
		{"de", "Treffen in Berlin-Friedrichshagen; Gespräche Moskau-Peking.", "Berlin-Friedrichshagen/rule Moscow/name Beijing/name"},
		{"en", "Both Peking and Moscow have delivered notes; a peace imposed from London fails.",
			"People's Republic of China/collective Soviet Union/collective United Kingdom/collective"},
		{"cs", "Chomejní odmítl rezoluci Rady bezpečnosti OSN.", "Ruhollah Khomeini/name United Nations Security Council/name"},
	} {
		var got []string
		for _, mm := range m.Find(c.text, Context{Date: "1980-10-07", Orig: c.orig}) {
			got = append(got, mm.Name+"/"+mm.By)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestLeadersOfOtherStates: leaders the gazetteer now holds, in the case
// forms of a Finnish record and in English; a surname bound to its bearer's
// years names no one else in other years, and an ordinary word ("Sorsa",
// a duck) links only with its given name.
func TestLeadersOfOtherStates(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, date, text, want string }{
		{"fi", "1970-05-01", "Presidentti Kekkosen ja ulkoministeri Karjalaisen tapaaminen.", "Urho Kekkonen/name Ahti Karjalainen/name"},
		{"en", "1971-05-01", "Sato told Andreotti that Kalevi Sorsa agreed.", "Eisaku Satō/name Giulio Andreotti/name Kalevi Sorsa/name"},
		{"en", "1990-05-01", "Sato said the bank would lend.", "Sato/rule"},
	} {
		var got []string
		for _, mm := range m.Find(c.text, Context{Date: c.date, Orig: c.orig}) {
			got = append(got, mm.Name+"/"+mm.By)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestForeignMinistriesOfTheRecordsLanguages: a foreign ministry named
// bare in the record's own language is its country's; one a country's
// adjective qualifies is that country's.
func TestForeignMinistriesOfTheRecordsLanguages(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, home, text, want string }{
		{"bg", "Bulgaria", "Посланикът предаде в Министерството на външните работи информация.", "Ministry of Foreign Affairs of Bulgaria"},
		{"hu", "Hungary", "A kínai Külügyminisztérium tiltakozott.", "Ministry of Foreign Affairs of the PRC"},
		{"pl", "Poland", "Ministerstwo Spraw Zagranicznych przekazało notę.", "Ministry of Foreign Affairs of Poland"},
	} {
		if got := bodiesFound(m, c.text, Context{Date: "1983-09-12", Orig: c.orig, Home: c.home}); got != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, got, c.want)
		}
	}
}

// TestHomeOfFinnishAndItalianRecords: the government a Finnish or Italian
// record names bare is its own country's.
func TestHomeOfFinnishAndItalianRecords(t *testing.T) {
	m := fullMatcher(t)
	for _, c := range []struct{ orig, text, want string }{
		{"fi", "Hallitus päätti asiasta eilen.", "Government of Finland"},
		{"it", "Il governo ha deciso ieri.", "Government of Italy"},
	} {
		home := Home("", c.orig, c.text)
		if got := bodiesFound(m, c.text, Context{Date: "1975-01-01", Orig: c.orig, Home: home}); got != c.want {
			t.Errorf("%s %q: home %q, got %q, want %q", c.orig, c.text, home, got, c.want)
		}
	}
}

// TestHungarianPosts: a Hungarian record's embassy named by its city's
// adjective is the record's country's embassy there; one in the record's
// own capital is not.
func TestHungarianPosts(t *testing.T) {
	m := fullMatcher(t)
	for text, want := range map[string]string{
		"Tisztelettel: Pekingi Nagykövetség":               "Embassy of Hungary in Beijing",
		"A moszkvai nagykövetség jelentette, hogy eljött.": "Embassy of Hungary in Moscow",
		"A budapesti nagykövetség jelentette.":             "",
	} {
		got := bodiesFound(m, text, Context{Date: "1989-06-06", Orig: "hu", Home: "Hungary"})
		if got != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}

// TestRomanNumeralsAreCapitals: "Xi" before a name's syllables is a family
// name; a Roman numeral is written in capitals.
func TestRomanNumeralsAreCapitals(t *testing.T) {
	m := fullMatcher(t)
	got := foundNames(m, "Present: Wan Li, Xi Zhongxun, Yu Qiuli. Chapter XI was read.", Context{Date: "1982-01-01", Orig: "en"})
	if strings.Join(got, "; ") != "Wan Li; Xi Zhongxun; Yu Qiuli" {
		t.Errorf("got %q", strings.Join(got, "; "))
	}
}

// TestMongolianRecords: a Mongolian record writes its members with their
// initial glued to the surname and declines them ("Д.Баярд" is the dative
// of "Д.Баяр"); its ordinary words are no foreign names written in Russian
// ("Бид", "we", is not "Бидо"); a name followed by a square's noun is the
// square's, not a person.
func TestMongolianRecords(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1990-03-09", Orig: "mn"}
	for text, want := range map[string]string{
		"Оролцсон: Д.Баяр, Н.Түмэн.\nД.Баярд хэлэв. Н.Түмэнтэй уулзав. Бид зөвшөөрөв.": "D. Baiar N. Tümen D. Baiar N. Tümen",
		"Д.Ганд өгөв.": "D. Gand",
		"Гишүүд Сүхбаатарын талбайд цугларав. Д.Баяр хэлэв.": "D. Baiar",
	} {
		var got []string
		for _, mm := range m.Find(text, ctx) {
			if mm.Class == vocab.ClassPerson {
				got = append(got, mm.Name)
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q: got %q, want %q", text, strings.Join(got, " "), want)
		}
	}
	// a French name in Russian keeps its final vowel in every case
	got := foundNames(m, "Выступил Бидо. Бид хотел сказать.", Context{Date: "1954-05-01", Orig: "ru"})
	if strings.Join(got, " ") != "Georges Bidault" {
		t.Errorf("Бидо: got %q", got)
	}
}

// TestVietnameseRecords: a Vietnamese record writes foreign names syllable
// by syllable ("Ních-xơn", "Oa-sinh-tơn") or in Sino-Vietnamese readings,
// and signs for an office in capitals ("T.M. BAN BÍ THƯ", "KT. BỘ
// TRƯỞNG") above the signer's name: the office is no person.
func TestVietnameseRecords(t *testing.T) {
	m := fullMatcher(t)
	ctx := Context{Date: "1970-05-02", Orig: "vi"}
	for text, want := range map[string]string{
		"Ních-xơn gặp Mao Trạch Đông; Oa-sinh-tơn im lặng.":            "Richard Nixon Mao Zedong Washington, D.C.",
		"Chúng tôi đề nghị như trên.\n\nT.M. BAN CHẤP HÀNH\nLÊ DUẨN\n": "Le Duan",
		"Xin báo cáo.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nHOÀNG VĂN TIẾN\n":  "Hoàng Văn Tiến",
	} {
		got := foundNames(m, text, ctx)
		if strings.Join(got, " ") != want {
			t.Errorf("%q: got %q, want %q", text, strings.Join(got, " "), want)
		}
	}
}

// TestAbbreviationLettersAreCapitals: an abbreviation of single letters
// ("S/P") is matched only where its letters are capitals: the Slovak
// form of address "s." before an initial is no office.
func TestAbbreviationLettersAreCapitals(t *testing.T) {
	m := fullMatcher(t)
	got := m.Find("rokovanie predsedu vlády s. P. Hrivnáka so zástupcami", Context{Date: "1989-11-22", Orig: "sk"})
	for _, mm := range got {
		if mm.Class == vocab.ClassOrganization {
			t.Errorf("the form of address became %q", mm.Name)
		}
	}
	got = m.Find("Drafted: EUR/EE. Cleared: S/P, INR", Context{Date: "1981-12-13", Orig: "en"})
	found := false
	for _, mm := range got {
		found = found || mm.Name == "Policy Planning Staff"
	}
	if !found {
		t.Errorf("S/P in capitals: got %+v", got)
	}
}

// TestSlavicCaseFormsOfOneName: a Slovak or Czech record writes a person
// with initials in the nominative and in other cases ("P. Hrivnáka", "J.
// Budajovi"): one person, named in the nominative.
func TestSlavicCaseFormsOfOneName(t *testing.T) {
	m := fullMatcher(t)
	var got []string
	for _, mm := range m.Find("Prítomní: P. Marek, J. Budaj.\nRokovanie so s. P. Mareka; slovo dal J. Budajovi a potom F. Gálovi.", Context{Date: "1989-11-22", Orig: "sk"}) {
		if mm.Class == vocab.ClassPerson {
			got = append(got, mm.Name)
		}
	}
	if want := "P. Marek J. Budaj P. Marek J. Budaj F. Gálovi"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// TestCountriesInTheFurtherLanguages: the great powers and capitals as
// Portuguese, Dutch, Danish, Greek, Serbian, Ukrainian, Arabic and
// Indonesian records write them.
func TestCountriesInTheFurtherLanguages(t *testing.T) {
	m := fullMatcher(t)
	for text, want := range map[string]string{
		"A União Soviética e a Grécia.":             "Soviet Union Greece",
		"De Sovjet-Unie en Nederland.":              "Soviet Union Netherlands",
		"Sovjetunionen og Danmark i Moskva.":        "Soviet Union Denmark Moscow",
		"Η Σοβιετική Ένωση και οι ΗΠΑ στην Αθήνα.":  "Soviet Union United States Athens",
		"Совјетски Савез и Југославија, Београд.":   "Soviet Union Yugoslavia Belgrade",
		"Радянський Союз і США, Київ.":              "Soviet Union United States Kiev",
		"الاتحاد السوفيتي و مصر":                    "Soviet Union Egypt",
		"Uni Soviet dan Amerika Serikat di Moskwa.": "Soviet Union United States Moscow",
		"ソ連と米国": "Soviet Union United States",
	} {
		got := foundNames(m, text, Context{Date: "1975-01-01"})
		if strings.Join(got, " ") != want {
			t.Errorf("%q: got %q, want %q", text, strings.Join(got, " "), want)
		}
	}
}

// TestKoreanPresidentByOffice: a South Korean ministry's report addressed
// to "대통령 각하" is addressed to the president on its date; an undated
// record or a record of the junta's years names no one.
func TestKoreanPresidentByOffice(t *testing.T) {
	m := fullMatcher(t)
	text := "수신: 대통령 각하\n발신: 외무부장관\n레이건 대통령의 방한은 예정대로 추진함."
	for date, want := range map[string]string{
		"1983-10-20": "Chun Doo-hwan Ronald Reagan",
		"1975-05-02": "Park Chung-hee Ronald Reagan",
		"1962-03-01": "Ronald Reagan",
		"":           "Ronald Reagan",
	} {
		got := foundNames(m, text, Context{Date: date, Orig: "ko"})
		if strings.Join(got, " ") != want {
			t.Errorf("%s: got %q, want %q", date, strings.Join(got, " "), want)
		}
	}
}

// foundNames lists the names of the mentions m finds in text, in order.
func foundNames(m *Matcher, text string, ctx Context) []string {
	var got []string
	for _, mm := range m.Find(text, ctx) {
		got = append(got, mm.Name)
	}
	return got
}
