package entity

import (
	"strings"
	"testing"
)

// Each case is a short record of a class of names the gazetteer lacks;
// want lists "Name/by" of the mentions found, in order.
func TestOpenVocabulary(t *testing.T) {
	m := matcher(t)
	ctx := Context{Date: "1974-06-11", Orig: "en"}
	for _, c := range []struct{ class, text, want string }{
		{"full names in prose",
			"In the evening Erich Honecker received Anatoly Dobrynin and Walter Ulbricht.",
			"Erich Honecker/rule Anatoly Dobrynin/rule Walter Ulbricht/rule"},
		{"Vietnamese names by syllables",
			"The talks with Pham Van Dong and Le Duan lasted two hours.",
			"Pham Van Dong/rule Le Duan/rule"},
		{"Korean names with hyphenated given names",
			"The delegation was led by Pak Song-chol; Ho Dam took notes.",
			"Pak Song-chol/rule Ho Dam/rule"},
		{"a name of syllables beside a person",
			"Le Duc Tho and Xuan Thuy tabled a draft.",
			"Le Duc Tho/rule Xuan Thuy/rule"},
		{"Chinese names in pinyin and Wade-Giles",
			"Hu Yaobang and Chou Pei-yuan arrived on the same train.",
			"Hu Yaobang/rule Chou Pei-yuan/rule"},
		{"signature in capitals",
			"We await your instructions.\n\nA. DOBRYNIN\n",
			"A. Dobrynin/rule"},
		{"attendance list",
			"Present: Pervukhin, Saburov, Tevosian, Zhukov.\nThe session opened at ten.",
			"Pervukhin/list Saburov/rule Tevosian/list Zhukov/rule"},
		{"titles and ranks before names",
			"First Secretary Gierek thanked Ambassador Aristov and Marshal Grechko.",
			"Gierek/rule Aristov/rule Grechko/rule"},
		{"a post qualified by a country",
			"Telegram from the Ambassador to the USA Dobrynin",
			"United States/name Dobrynin/rule"},
		{"Russian names in cases and with initials",
			"Передать тов. Андропову. Выступил Н.Г. Кузнецов.",
			"Andropov/rule N.G. Kuznetsov/rule"},
		{"possessive after initials",
			"V.V. Grishin's report was approved.",
			"V.V. Grishin/rule"},
		{"German forms of address",
			"Genosse Axen sprach mit Genossen Hager.",
			"Axen/rule Hager/rule"},
		{"organisations by head words",
			"The Committee for State Security informed the Ministry of Foreign Affairs of Hungary.",
			"Committee for State Security/rule Ministry of Foreign Affairs of Hungary/rule Hungary/name"},
		{"layout words, months, weekdays and languages are no one",
			"Monday, 3 March\nEnglish Translation\nTranslator's Notes\nIn March the Original text arrived. Members of the group: none.",
			""},
		{"a middle initial",
			"From: Lawrence S. Eagleburger\nTo: The Secretary",
			"Lawrence S. Eagleburger/rule"},
		{"Hungarian order, family name first",
			"A jelentést Nagy Imre írta alá, nem Kádár.",
			"Imre Nagy/rule"},
		{"an adjective after a noun is no surname",
			"po rejestracji przez Sąd Wojewódzki w Warszawie",
			""},
		{"offices, buildings and classifications after a title are no one",
			"Le Premier Ministre a reçu le Premier ministre. The talks were held at the State Guesthouse; the US Interests Section protested.\nCONSEJO DE ESTADO\nSECRETO\n",
			"United States/name"},
		{"given names of other blocs: Slovak, Arabic, Danish, Spanish, Indian, Greek",
			"They asked for the release of Jan Kowal and Ján Hrubý; Tariq Hamdan met Uffe Lund, Agustín Pérez, Sardar Swaran Singh and Andreas Kostakis.\nJan 5, 1968",
			"Jan Kowal/rule Ján Hrubý/rule Tariq Hamdan/rule Uffe Lund/rule Agustín Pérez/rule Swaran Singh/rule Andreas Kostakis/rule"},
		{"a note-taker's verb is no part of the name",
			"Мы доложим сегодня же.\n\nЗаписал В. Петров\n\nZapísala: M. Kováčová\n",
			"V. Petrov/rule M. Kováčová/rule"},
		{"councils and movements in capitals are no one",
			"CONSEJO DE MINISTROS\nNEW HOPE MOVEMENT GENERAL MEETING\n",
			""},
		{"two signatures, each under its role",
			"Nous comptons sur votre appui.\n\nLe Président de la République,\nMarcel DUBOIS\n\nLe Premier Ministre,\nAndré MOREAU\n",
			"Marcel Dubois/rule André Moreau/rule"},
		{"a translator is no entity",
			"Translated by Hope Harrison.",
			""},
		{"places of a list with known places",
			"Strikes were reported in Harbin, Jiamusi and Changchun, and spread to Dalian, Yingkou and Dandong.",
			"Harbin/name Jiamusi/rule Changchun/name Dalian/name Yingkou/rule Dandong/name"},
		{"places after a common noun of places",
			"Raids continued into the provinces of Manica and Tete and the district of Chokwe.",
			"Manica/rule Tete/rule Chokwe/rule"},
		{"the speaker after a place is no place",
			"In Hanoi, Thach said that the talks would go on.",
			"Hanoi/name Thach/rule"},
		{"a list of people is no list of places",
			"The plan was agreed in Moscow, Brezhnev and Andropov signed it.",
			"Moscow/name Leonid Brezhnev/name Andropov/rule"},
		{"a title ends with its sentence",
			"Genosse Axen begrüßte den Bundeskanzler. Die Unterzeichnung der Schlußakte wird bestätigen, was wir sagten.",
			"Axen/rule"},
		{"a particle begins no name",
			"Anwesend war der Botschafter der Republik Kuba.",
			""},
		{"headings and classifications above a record are no signature",
			"STENOGRAMA\nședinței din 25 februarie 1963",
			""},
		{"a classification above a letter is no signature",
			"Лично\nМинистру иностранных дел СССР\nУважаемый товарищ министр!",
			"Soviet Union/name"},
		{"plural nouns and role nouns in headings are no one",
			"Soviet Delegations in Belgrade\nSubject: First Thoughts\nPresent: Genosse Axen, Mitglied des Politbüros; the deputy High Commissioner.",
			"Soviet Union/collective Belgrade/rule Axen/rule"},
		{"a place named after a city or province is not it",
			"The plane landed at Beijing airport; the talks were held in Xinjiang Hall and at the Dalian naval base.",
			"Beijing airport/rule Xinjiang Hall/rule Dalian naval base/rule"},
		{"a capital for its government",
			"Peking has given no figures. On the orders of Moscow the units withdrew, and the Beijing leadership protested.",
			"People's Republic of China/collective Soviet Union/collective People's Republic of China/collective"},
		{"Portuguese, British and Vietnamese names in a list",
			"On the other side were Joaquim Mabote, Armando Tembe and Ian Holloway; present was Hoang Bich Thuy.",
			"Joaquim Mabote/rule Armando Tembe/rule Ian Holloway/rule Hoang Bich Thuy/rule"},
		{"the adjective of a divided nation names neither state",
			"The German question and the Korean side's view were discussed; East German troops stood by.",
			"East Germany/collective East German Armed Forces/rule"},
		{"the country in a party's name is no mention of it",
			"Беседа с Председателем ЦК Трудовой партии Кореи.",
			"Central Committee of the Workers' Party of Korea/context"},
		{"British and French forms of address",
			"Sir Percy Cradock met Dame Judith Hart and Monsieur Dufourcq.",
			"Percy Cradock/rule Judith Hart/rule Dufourcq/rule"},
		{"a surname's ending after a place and 'and' is a place's",
			"Он пригласил посетить Москву и Хархорин.",
			"Moscow/name"},
		{"regions are not countries",
			"They spoke of Latin America, of the East German leader and of North Korean guerrillas.",
			"Latin America/name East Germany/collective North Korea/name"},
		{"academic titles before a name are no name",
			"Anwesend: Bundesminister Ing. Otto Brandl und Staatssekretär Dr. Karl Wenger.",
			"Otto Brandl/rule Karl Wenger/rule"},
		{"particles and elided particles inside a name",
			"Present: Minister Carlos d'Almeida, Minister Jorge dos Reis and Pierre de Vries.",
			"Carlos d'Almeida/rule Jorge dos Reis/rule Pierre de Vries/rule"},
		{"a possessive ends the name",
			"SUBJECT: Prime Minister Okada's Visit to Peking",
			"Okada/rule Beijing/name"},
		{"ranks in capitals in a cable in capitals",
			"THE AMBUSH OF CAPTAIN HOLLIS AND LIEUTENANT FARGO WAS PLANNED.",
			"Hollis/rule Fargo/rule"},
		{"plural nouns of bodies are no one",
			"He said that the Defense and Interior Ministries and the Headquarters would stay.",
			""},
	} {
		got := strings.Join(found(t, m, c.text, ctx), " ")
		if got != c.want {
			t.Errorf("%s: %q\n got %q\nwant %q", c.class, c.text, got, c.want)
		}
	}
}

// TestTitlesOfOtherLanguages: the forms of address and ranks of the
// languages of other blocs' records make the word after them a person's
// name, written with its title as a label; Polish and Czech adjectival
// family names are given in the nominative.
func TestTitlesOfOtherLanguages(t *testing.T) {
	m := matcher(t)
	for _, c := range []struct{ orig, text, name, titled string }{
		{"de", "Der Stadtkommandant, Oberst Pawlowski, teilte mit.", "Pawlowski", "Oberst Pawlowski"},
		{"ro", "reprezentantul sovietic, tovarășul Lebedev, a propus", "Lebedev", "tovarășul Lebedev"},
		{"it", "Ha parlato il compagno Berlinguer a lungo.", "Berlinguer", "compagno Berlinguer"},
		{"sq", "Priti sot shokun dhe shokut Kapo i tha.", "Kapo", "shokut Kapo"},
		{"fi", "Asiasta puhui ulkoministeri Karjalainen eilen.", "Karjalainen", "ulkoministeri Karjalainen"},
		{"pl", "Tajne. Do Ministra Winiewicza i Ambasadora Zawadzkiego.", "Zawadzki", "Ambasadora Zawadzkiego"},
	} {
		var got []string
		ok := false
		for _, mm := range m.Find(c.text, Context{Date: "1970-01-01", Orig: c.orig}) {
			got = append(got, mm.Name+"|"+mm.Titled)
			ok = ok || mm.Name == c.name && mm.Titled == c.titled
		}
		if !ok {
			t.Errorf("%s %q: got %v, want %s titled %q", c.orig, c.text, got, c.name, c.titled)
		}
	}
}

func TestElidedArticles(t *testing.T) {
	m := matcher(t)
	ms := m.Find("la place de l'Europe et la note de M. Jean d'Aubert", Context{Date: "1989-12-01", Orig: "fr"})
	var got []string
	for _, mm := range ms {
		got = append(got, mm.Name+"/"+mm.Text)
	}
	if strings.Join(got, " ") != "Europe/Europe Jean d'Aubert/Jean d'Aubert" {
		t.Errorf("got %v, want Europe without its article and Jean d'Aubert with his particle", got)
	}
}

func TestRoles(t *testing.T) {
	m := matcher(t)
	for text, want := range map[string]string{
		"First Secretary Gierek spoke.":     "First Secretary",
		"Comrade Ambassador Aristov spoke.": "Ambassador",
		"Cde. Zhao Minghua spoke.":          "",
	} {
		ms := m.Find(text, Context{})
		if len(ms) != 1 || ms[0].Role != want {
			t.Errorf("%q: %+v, want one mention with role %q", text, ms, want)
		}
	}
}

// A gazetteer person is linked only where the given name or initials the
// text writes agree with the gazetteer's.
func TestLinkPolicy(t *testing.T) {
	m := matcher(t)
	ctx := Context{Date: "1962-10-20", Orig: "en"}
	for _, c := range []struct{ text, want string }{
		{"Robert Kennedy met the ambassador.", "Robert Kennedy/rule"},
		{"John Kennedy met the ambassador.", "John F. Kennedy/name"},
		{"President Kennedy met the ambassador.", "John F. Kennedy/name"},
		{"Admiral N.G. Kuznetsov reported.", "N.G. Kuznetsov/rule"},
		{"Chiang Ching-kuo met the press; Chiang Kai-shek did not.", "Chiang Ching-kuo/rule Chiang Kai-shek/name"},
		{"V.V. Kuznetsov reported.", "Vasily Kuznetsov/name"},
		{"Присутствовал тов. Кузнецов В.А.", "V.A. Kuznetsov/rule"},
		{"Присутствовал тов. Кузнецов В.В.", "Vasily Kuznetsov/initials"},
		{"The National Security Council met.", "National Security Council/rule"},
		{"Leonid Ilyich Brezhnev spoke; then Leonid Ilyich left.", "Leonid Brezhnev/name Leonid Brezhnev/name"},
		{"Andrei Andreyevich Gromyko answered.", "Andrei Gromyko/initials"},
		{"Hope Harrison wrote the notes.", "Hope Harrison/rule"},
	} {
		got := strings.Join(found(t, m, c.text, ctx), " ")
		if got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
	ms := m.Find("Robert Kennedy met the ambassador.", ctx)
	if len(ms) != 1 || ms[0].Blocked == nil || ms[0].Blocked.Name != "John F. Kennedy" {
		t.Errorf("Robert Kennedy: %+v, want the link to John F. Kennedy recorded as blocked", ms)
	}
}

// A bare "Politburo" is the body of the document's country: the Soviet one
// only in a Soviet record.
func TestGenericBodies(t *testing.T) {
	m := matcher(t)
	text := "The Politburo approved the plan."
	for _, c := range []struct{ home, want string }{
		{"Soviet Union", "Politburo of the Central Committee of the CPSU/context"},
		{"East Germany", "Politburo of the Socialist Unity Party of Germany/context"},
		{"Hungary", "Politburo of the Hungarian Socialist Workers' Party/context"},
		{"", "Politburo/rule"},
	} {
		got := strings.Join(found(t, m, text, Context{Date: "1980-01-01", Home: c.home}), " ")
		if got != c.want {
			t.Errorf("home %q: got %q, want %q", c.home, got, c.want)
		}
	}
	got := strings.Join(found(t, m, "a cable to the Hungarian Politburo", Context{Date: "1980-01-01", Home: "Soviet Union"}), " ")
	if got != "Hungary/collective Politburo of the Hungarian Socialist Workers' Party/context" {
		t.Errorf("Hungarian Politburo in a Soviet record: %q", got)
	}
	// a US record's Politburo is no body of the United States
	got = strings.Join(found(t, m, "The Politburo met.", Context{Date: "1979-12-26", Home: "United States"}), " ")
	if got != "Politburo/rule" {
		t.Errorf("the Politburo in a US record: %q", got)
	}
	got = strings.Join(found(t, m, "a cable to the USSR Foreign Ministry", Context{}), " ")
	if got != "Soviet Union/name Ministry of Foreign Affairs of the USSR/context" {
		t.Errorf("USSR Foreign Ministry: %q", got)
	}
}

func TestHome(t *testing.T) {
	for _, c := range []struct{ cite, lang, text, want string }{
		{"SAPMO-BArch, DY 30/J IV 2/202/130", "en", "", "East Germany"},
		{"", "hu", "", "Hungary"},
		{"", "en", "The SED delegation and the SED Politburo met the CPSU delegation.", "East Germany"},
		{"NARA, RG 59", "en", "The Politburo met.", "United States"},
		{"", "en", "TO: AMEMBASSY MOSCOW\nFROM: SECSTATE WASHDC", "United States"},
		{"TNA, FO 371/77623", "en", "", "United Kingdom"},
		{"", "en", "The memorandum was found in the Jimmy Carter Library, NLC-128-12-5-8-1.", "United States"},
		{"", "en", "The Politburo met.", ""},
	} {
		if got := Home(c.cite, c.lang, c.text); got != c.want {
			t.Errorf("Home(%q, %q, %q) = %q, want %q", c.cite, c.lang, c.text, got, c.want)
		}
	}
}

func TestPartiesAndPlaces(t *testing.T) {
	m := matcher(t)
	for _, c := range []struct{ class, text, date, want string }{
		{"a party by its abbreviation and its bodies",
			"The KSČ Presidium met; the CC of the KSČ will answer.", "1968-07-01",
			"Presidium of the Central Committee of the Communist Party of Czechoslovakia/context Central Committee of the Communist Party of Czechoslovakia/context"},
		{"a body of a known body, after a post",
			"He met the Chairman of the Presidium of the USSR Supreme Soviet.", "1967-06-22",
			"Presidium of the Supreme Soviet of the USSR/rule Soviet Union/name"},
		{"a party by its abbreviation alone",
			"The KSČ will answer.", "1968-07-01",
			"Communist Party of Czechoslovakia/rule"},
		{"the party's name depends on the date",
			"for the MSZMP Comrade Kádár spoke", "1957-05-01",
			"Hungarian Socialist Workers' Party/rule Kádár/rule"},
		{"a generic body followed by its full name",
			"The Politburo of the CC of the Vietnam Workers' Party decided.", "1965-01-01",
			"Politburo of the CC of the Vietnam Workers' Party/rule Vietnam/name"},
		{"places after a preposition and by head word",
			"The delegation arrived in Budapest and flew to Havana; shots on the Ussuri River.", "1969-01-01",
			"Budapest/rule Havana/rule Ussuri River/rule"},
		{"places coordinated, after \"the\", in a dateline, with a compass point",
			"Troops were withdrawn from Hungary and Budapest; the bridges over the Danube held.\nHavana, October 26, 1962\nThey crossed into West Berlin.", "1961-01-01",
			"Hungary/name Budapest/rule Danube/rule Havana/rule West Berlin/rule"},
		{"no places in German, where every noun is capitalised",
			"Das würde unsere Souveränität in Frage stellen, und die Genossen sind der Meinung.", "1961-01-01",
			""},
	} {
		got := strings.Join(found(t, m, c.text, Context{Date: c.date}), " ")
		if got != c.want {
			t.Errorf("%s: %q\n got %q\nwant %q", c.class, c.text, got, c.want)
		}
	}
}

func TestStripTitles(t *testing.T) {
	for in, want := range map[string][2]string{
		"Soviet Ambassador Smirnov": {"Smirnov", "Ambassador"},
		"State Secretary Winzer":    {"Winzer", "State Secretary"},
		"Soviet Ambassador":         {"", "Ambassador"},
		"Erich Honecker":            {"Erich Honecker", ""},
	} {
		rest, role := StripTitles(in)
		if rest != want[0] || role != want[1] {
			t.Errorf("StripTitles(%q) = %q, %q; want %q, %q", in, rest, role, want[0], want[1])
		}
	}
}
