package title

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func texts(ps []Party) string {
	var out []string
	for _, p := range ps {
		s := p.Text
		if len(p.Hints) > 0 {
			s += "[" + strings.Join(p.Hints, ";") + "]"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in                                        string
		kind, authors, recipients, via, with, num string
	}{
		{"Hand-delivered letter, Filippov (Stalin) to Mao Zedong", "letter", "Filippov[Stalin]", "Mao Zedong", "", "", ""},
		{"Cable, Terebin to Stalin [via Kuznetsov]", "cable", "Terebin", "Stalin", "Kuznetsov", "", ""},
		{"Liu Shaoqi to Cde. G.M. Malenkov", "letter", "Liu Shaoqi", "Cde. G.M. Malenkov", "", "", ""},
		{"Record of Talks between I.V. Stalin and Chairman of the Central People's Government of the People's Republic of China Mao Zedong",
			"conversation", "", "", "", "I.V. Stalin, Mao Zedong", ""},
		{"Ciphered Telegram No. 25553, Vyshinsky to Mao Zedong", "telegram", "Vyshinsky", "Mao Zedong", "", "", "25553"},
		{"Letter from Feng Xi (Stalin) to Kim Il Sung (via Shtykov)", "letter", "Feng Xi[Stalin]", "Kim Il Sung", "Shtykov", "", ""},
		{"Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong", "telegram", "Filippov[Stalin]", "Mao Zedong", "Krasovsky", "", "709"},
		{"Minutes of Conversation between I.V. Stalin and Zhou Enlai", "conversation", "", "", "", "I.V. Stalin, Zhou Enlai", ""},
		{"Record of a Conversation between Mao Zedong and Kim Il Sung", "conversation", "", "", "", "Mao Zedong, Kim Il Sung", ""},
		{"Report, Zhou Enlai to the Chairman [Mao Zedong]", "report", "Zhou Enlai", "[Mao Zedong]", "", "", ""},
		{"Hand delivered note, Zhou Enlai to Stalin, conveying telegram From Mao Zedong to Zhou Enlai", "note", "Zhou Enlai", "Stalin", "", "", ""},
		{"Cable, Stalin [Kuznetsov] to Mao Zedong [via Terebin]", "cable", "Stalin[Kuznetsov]", "Mao Zedong", "Terebin", "", ""},
		{"Ciphered telegram, FENG XI [FYN SI; Stalin] to Razuvaev", "telegram", "FENG XI[FYN SI;Stalin]", "Razuvaev", "", "", ""},
		{"Memorandum, Molotov and Vyshinsky to Stalin", "memorandum", "Molotov, Vyshinsky", "Stalin", "", "", ""},
		{"Telegram, Roshchin to Moscow, via Kovalev", "telegram", "Roshchin", "Moscow", "Kovalev", "", ""},
		{"Resolution of the CC VKP(b) Politburo", "resolution", "", "", "", "", ""},
		{"Directive to the Soviet delegation", "directive", "", "Soviet delegation", "", "", ""},
		{"Speech by Kim Il Sung", "speech", "Kim Il Sung", "", "", "", ""},
		{"Some untitled scrap", "", "", "", "", "", ""},
		// a British official's minute; an addressee after "for" before the topic
		{"Minute by Sir Frank Roberts to the Secretary of State on the Soviet Note", "memorandum", "Sir Frank Roberts", "", "", "", ""},
		{"Information for the CPCz CC Presidium on the Armed Conflict between Iraq and Iran", "report", "", "CPCz CC Presidium", "", "", ""},
		{"Note for the Politburo on the Grain Harvest", "note", "", "Politburo", "", "", ""},
		{"Memorandum for the Record", "memorandum", "", "", "", "", ""},
		{"Report for 1965 on Foreign Trade", "report", "", "", "", "", ""},
		// a meeting of two sides' delegations, a conference between two men: talks
		{"Note from the Meeting of the Government and Solidarity Delegations at Magdalenka", "conversation", "", "", "", "", ""},
		{"Minutes of the Meeting of the Soviet and Chinese Delegations", "conversation", "", "", "", "", ""},
		{"Minutes of the Meeting of the Politburo on the Delegations to the Congress", "minutes", "", "", "", "", ""},
		{"Notes on Conference between General Marshall and General Chou En-lai", "conversation", "", "", "", "Marshall, Chou En-lai", ""},
		{"Notatka ze spotkania w Magdalence w dniu 2 marca 1989 r.", "conversation", "", "", "", "", ""},
		// Spanish, Italian and French titles: "KIND de X a Y", the topic after
		{"Carta de Fidel Castro a Salvador Allende sobre la visita a Chile", "letter", "Fidel Castro", "Salvador Allende", "", "", ""},
		{"Lettera di Luigi Longo a Leonid Brežnev", "letter", "Luigi Longo", "Leonid Brežnev", "", "", ""},
		{"Lettre du Général de Gaulle à Nikita Khrouchtchev", "letter", "Général de Gaulle", "Nikita Khrouchtchev", "", "", ""},
		{"Nota de conversación con el embajador", "conversation", "", "", "", "", ""},
		// a channel written inside the addressee's segment; a diary's keeper
		// named after his office
		{"Message from Zhou Enlai to Lyndon Johnson via the Pakistani Government", "letter", "Zhou Enlai", "Lyndon Johnson", "Pakistani Government", "", ""},
		{"Letter from Mao Zedong to Stalin through Kovalev", "letter", "Mao Zedong", "Stalin", "Kovalev", "", ""},
		{"Diary of the Soviet Ambassador to the PRC, S. V. Chervonenko", "diary", "S. V. Chervonenko", "", "", "", ""},
		// an excerpt's parties; a possessive writer before the kind; a kind
		// in a later segment; what was prepared for a meeting is no record of it
		{"Excerpt from a Letter from Fidel Castro to Nikita Khrushchev", "letter", "Fidel Castro", "Nikita Khrushchev", "", "", ""},
		{"Mao Zedong's Speech at the Moscow Conference of Communist and Workers' Parties", "speech", "Mao Zedong", "", "", "", ""},
		{"Reykjavik Summit, Final Session, Memorandum of Conversation", "conversation", "", "", "", "", ""},
		{"Talking Points for Zhou Enlai's Meeting with the US Table Tennis Team", "note", "", "", "", "", ""},
		// who receives whom: both sides of the talk, no writer
		{"Record of the Reception of Ambassador Yudin by Mao Zedong", "conversation", "", "", "", "Yudin, Mao Zedong", ""},
		{"Record of Zhou Enlai's Talk with Nehru", "conversation", "", "", "", "Nehru", ""},
		// Slovak titles: genitive writer, dative addressee; a conversation's parties after "so"
		{"List súdruha Gustáva Husáka súdruhovi Leonidovi Brežnevovi", "letter", "Gustáva Husáka", "Leonidovi Brežnevovi", "", "", ""},
		{"Záznam z rozhovoru súdruha Dubčeka so súdruhom Brežnevom", "conversation", "", "", "", "Dubčeka, Brežnevom", ""},
		// the members of a body stand for the body
		{"Letter from Joseph Stalin and Vyacheslav Molotov to Josip Broz Tito and the Other Members of the CC CPY", "letter",
			"Joseph Stalin, Vyacheslav Molotov", "Josip Broz Tito, CC CPY", "", "", ""},
		{"Letter from Mao Zedong to the Members of the Politburo of the CPSU CC", "letter", "Mao Zedong", "Politburo of the CPSU CC", "", "", ""},
		// an office's rest is no name: "Director of Central Intelligence"
		{"Memorandum for the President from the Director of Central Intelligence", "memorandum", "", "", "", "", ""},
		{"Notes of Conversation between Mao Zedong and Ambassador Yudin", "conversation", "", "", "", "Mao Zedong, Yudin", ""},
		{"Excerpt from Protocol No. 82 of the Meeting of the Politburo", "resolution", "", "", "", "", "82"},
		{"Telegram from Mao Zedong to Filippov (Stalin)", "telegram", "Mao Zedong", "Filippov[Stalin]", "", "", ""},
		// sessions of a body are minutes; a conversation stays one
		{"Minutes No. 12/77 of the Meeting of the Politburo of the SED CC", "minutes", "", "", "", "", "12/77"},
		{"Record of the Meeting of the Executive Committee of the CC of the RCP on the Border", "minutes", "", "", "", "", ""},
		{"Stenographic Transcript of the Plenum of the HSWP CC", "minutes", "", "", "", "", ""},
		{"Transcript of the Fourth Session of the PUWP CC from 10:15 to 11:40 a.m.", "minutes", "", "", "", "", ""},
		{"Protocol 31 of the Meeting of the Political Bureau, on Grain Deliveries to be Made in Autumn", "minutes", "", "", "", "", ""},
		{"Session of the CC CPSU Politburo, March 3, 1983", "minutes", "", "", "", "", ""},
		{"Notes from the Meeting of the Warsaw Pact Defense Ministers", "working_notes", "", "", "", "", ""},
		// the writer after the kind's "of", a possessive writer, the occasion of a speech
		{"Directive of the CC CPSU to the Soviet Ambassador in Budapest", "directive", "CC CPSU", "", "", "", ""},
		{"Letter of Mao Zedong to Ho Chi Minh", "letter", "Mao Zedong", "Ho Chi Minh", "", "", ""},
		{"Decision of the CPSU CC Presidium to send troops to Hungary", "resolution", "", "", "", "", ""},
		// kinds in Danish, Swedish, Dutch, Greek, Serbian, Ukrainian, Japanese, Arabic, Portuguese, Indonesian and Turkish
		{"Referat af samtale mellem statsminister Krag og ambassadør Jegorytjev", "conversation", "", "", "", "", ""},
		{"Promemoria angående Östersjön", "memorandum", "", "", "", "", ""},
		{"Gespreksverslag minister Luns en ambassadeur Roettiger", "conversation", "", "", "", "", ""},
		{"Πρακτικά συνομιλίας του πρωθυπουργού με τον πρέσβη", "conversation", "", "", "", "", ""},
		{"Τηλεγράφημα της πρεσβείας στη Μόσχα", "telegram", "", "", "", "", ""},
		{"Забелешка о разговору друга Тита са амбасадором", "conversation", "", "", "", "", ""},
		{"Доповідь про становище в області", "report", "", "", "", "", ""},
		{"日ソ首脳会談要旨", "conversation", "", "", "", "", ""},
		{"تقرير السفارة في موسكو", "report", "", "", "", "", ""},
		{"Relatório da embaixada em Moscovo", "report", "", "", "", "", ""},
		{"Catatan pembicaraan Presiden dengan Duta Besar", "conversation", "", "", "", "", ""},
		{"Görüşme tutanağı", "conversation", "", "", "", "", ""},
		// a speech at a sitting of a body is made to the body; at a dinner to none
		{"Speech by János Kádár at the Plenum of the Central Committee of the Hungarian Socialist Workers' Party on the Economic Reform", "speech", "János Kádár", "Central Committee of the Hungarian Socialist Workers' Party", "", "", ""},
		{"Speech by Todor Zhivkov at a Dinner in Honour of the Soviet Delegation", "speech", "Todor Zhivkov", "", "", "", ""},
		// a list of addressees over commas, closed by "and"
		{"Cable from Ye Jianying to Lin Biao, Liu Bocheng and He Long on the Supply Lines", "cable", "Ye Jianying", "Lin Biao, Liu Bocheng, He Long", "", "", ""},
		{"Letter from Tito to Khrushchev, Belgrade", "letter", "Tito", "Khrushchev", "", "", ""},
		// a body named with "and" inside is one body; two names stay two
		{"Telegram from the British Ambassador in Lisbon to the Foreign and Commonwealth Office", "telegram", "", "Foreign and Commonwealth Office", "", "", ""},
		{"Report from the Science and Technology Committee to Molotov and Vyshinsky", "report", "Science and Technology Committee", "Molotov, Vyshinsky", "", "", ""},
		// the body that resolves or directs writes, up to the topic
		{"Decision of the Presidium of the Central Committee of the Hungarian Socialist Workers' Party on the Border Regime", "resolution", "Presidium of the Central Committee of the Hungarian Socialist Workers' Party", "", "", "", ""},
		{"Directive of the Secretariat of the Party Central Committee concerning Harvest Propaganda", "directive", "Secretariat of the Party Central Committee", "", "", "", ""},
		{"Resolution of the Council of Ministers on Grain Prices", "resolution", "Council of Ministers", "", "", "", ""},
		{"Instructions to Ambassador Andropov", "directive", "", "Andropov", "", "", ""},
		{"East German Report on the Visit of Ulbricht to Egypt", "report", "", "", "", "", ""},
		{"Memorandum of Conversation, by Ambassador Bohlen", "conversation", "Bohlen", "", "", "", ""},
		// kinds in Chinese, Japanese, Korean and Vietnamese titles
		{"周恩来总理与苏联大使谈话记录", "conversation", "", "", "", "", ""},
		{"中国驻越南大使馆电报", "telegram", "", "", "", "", ""},
		{"外務大臣・周恩来総理会談記録", "conversation", "", "", "", "", ""},
		{"김일성 면담록", "conversation", "", "", "", "", ""},
		{"Biên bản cuộc họp Bộ Chính trị", "minutes", "", "", "", "", ""},
		{"Ulbricht's Letter to Khrushchev on the Border Regime", "letter", "Ulbricht", "Khrushchev", "", "", ""},
		{"Speech by Todor Zhivkov at the Plenum of the BCP CC", "speech", "Todor Zhivkov", "BCP CC", "", "", ""},
		{"Speech by Gomułka at a Rally in Warsaw", "speech", "Gomułka", "", "", "", ""},
		// notes taken of talks between two sides record a conversation
		{"Notes on the Talks between Kádár and Novotný in Komárno", "conversation", "", "", "", "Kádár, Novotný", ""},
		{"Notes on the Conversations of the Polish and Soviet Delegations", "conversation", "", "", "", "", ""},
		{"Transcript of a Conversation between Todor Zhivkov and Fidel Castro", "conversation", "", "", "", "Todor Zhivkov, Fidel Castro", ""},
		{"Memorandum of Telephone Conversation between Carter and Schmidt", "transcript", "", "", "", "Carter, Schmidt", ""},
		// the writer's name before the kind
		{"Puzanov Report, 3 May 1958", "report", "Puzanov", "", "", "", ""},
		{"Zhegalin Telegram", "telegram", "Zhegalin", "", "", "", ""},
		{"GRU Chief Ivashutin, Report", "report", "Ivashutin", "", "", "", ""},
		{"Czechoslovak Embassy in Hanoi, Report, 4 June 1966", "report", "Czechoslovak Embassy in Hanoi", "", "", "", ""},
		{"Urgent Ciphered Telegram", "telegram", "", "", "", "", ""},
		// names end where the topic starts
		{"Telegram from Politburo members Kirilenko and Katushev reporting on talks in Prague", "telegram", "Kirilenko, Katushev", "", "", "", ""},
		{"Memorandum for the President from Vance", "memorandum", "Vance", "", "", "", ""},
		{"Diary Entry of Ambassador Shcherbakov", "diary", "Shcherbakov", "", "", "", ""},
		// the editors' completion of a word, a time after the names, an office's holder after a comma
		{"Memorandum of Conversation between Comrade Erich Mielke and the Soviet Ambassador P[yotr] A. Abrasimov at 10:30 a.m.", "conversation", "", "", "", "Comrade Erich Mielke, Pyotr A. Abrasimov", ""},
		{"Report by the Hungarian Ambassador in Beijing, Martin, on the Harvest", "report", "Martin", "", "", "", ""},
		{"Letter from the PUWP CC [signed by Edward Gierek] to the HSWP CC, attention János Kádár", "letter", "PUWP CC[Edward Gierek]", "HSWP CC, János Kádár", "", "", ""},
		{"Ulbricht-Grotewohl Report", "report", "Ulbricht, Grotewohl", "", "", "", ""},
		{"Report to the CPSU CC from Yu. Andropov and A. Gromyko", "report", "Yu. Andropov, A. Gromyko", "CPSU CC", "", "", ""},
		{"Protocol No. 12 of the Meeting of the Political Bureau of the CC of the RWP Which Took Measures to Calm the Border", "minutes", "", "", "", "", "12"},
		{"Draft telegram to Polish Leader Władysław Gomułka", "telegram", "", "Władysław Gomułka", "", "", ""},
		{"Memorandum of Meeting with Gomułka, Warsaw", "conversation", "", "", "", "Gomułka", ""},
		{"Notes of a Phone Call from the Soviet Ambassador in Poland, P. K. Ponomarenko", "transcript", "P. K. Ponomarenko", "", "", "", ""},
		{"Record of Conversation from Premier Zhou's Reception of the Polish Ambassador Jan Librach", "conversation", "", "", "", "", ""},
		{"Intelligence Note from Ray S. Cline to the Secretary, Soviet Troops in Cuba", "memorandum", "Ray S. Cline", "", "", "", ""},
		// titles in the records' own languages
		{"Brief von Walter Ulbricht an Władysław Gomułka", "letter", "Walter Ulbricht", "Władysław Gomułka", "", "", ""},
		{"Schreiben des Genossen Honecker an Genossen Husák", "letter", "Honecker", "Husák", "", "", ""},
		{"Telegramm von Botschafter Abrassimow an das MfAA", "telegram", "Abrassimow", "MfAA", "", "", ""},
		{"Scrisoare de la Nicolae Ceaușescu către Josip Broz Tito", "letter", "Nicolae Ceaușescu", "Josip Broz Tito", "", "", ""},
		{"Vermerk über ein Gespräch zwischen Erich Honecker und Gustáv Husák", "conversation", "", "", "", "", ""},
		{"Jelentés a Politikai Bizottságnak", "report", "", "Politikai Bizottságnak", "", "", ""},
		{"Information für Genossen Erich Honecker", "report", "", "Erich Honecker", "", "", ""},
		{"Information über die Lage an der Grenze", "report", "", "", "", "", ""},
		{"Записка Ю. Андропова в ЦК КПСС", "note", "Ю. Андропова", "ЦК КПСС", "", "", ""},
		// names in oblique cases: the writer's genitive, the addressee's
		// dative, a conversation's parties after "с", "z", "s", "dintre"
		{"Письмо Л.И. Брежнева тов. Э. Хонеккеру", "letter", "Л.И. Брежнева", "Э. Хонеккеру", "", "", ""},
		{"Шифротелеграмма из Будапешта от Андропова", "telegram", "Андропова", "", "", "", ""},
		{"Телеграмма тов. Громыко А.А. от 5 мая", "telegram", "Громыко А.А", "", "", "", ""},
		{"Письмо тов. Косыгину", "letter", "", "Косыгину", "", "", ""},
		{"Запись беседы с тов. Хрущевым Н.С.", "conversation", "", "", "", "Хрущевым Н.С", ""},
		{"Notatka z rozmowy tow. Gomułki z tow. Chruszczowem", "conversation", "", "", "", "Gomułki, Chruszczowem", ""},
		{"Szyfrogram nr 1234 z Moskwy", "telegram", "", "", "", "", ""},
		{"Vermerk über das Gespräch des Genossen Erich Honecker mit Genossen L.I. Breshnew", "conversation", "", "", "",
			"Erich Honecker, L.I. Breshnew", ""},
		{"Feljegyzés Kádár János elvtárs és Hruscsov elvtárs tárgyalásáról", "conversation", "", "", "", "Kádár János, Hruscsov", ""},
		{"Stenograma convorbirii dintre tovarășul Nicolae Ceaușescu și tovarășul Leonid Brejnev", "conversation", "", "", "",
			"Nicolae Ceaușescu, Leonid Brejnev", ""},
		{"Záznam z rozhovoru s. A. Dubčeka s s. L. I. Brežněvem", "conversation", "", "", "", "A. Dubčeka, L. I. Brežněvem", ""},
		{"Notă de convorbire", "conversation", "", "", "", "", ""},
		{"Dopis s. A. Novotného s. N. S. Chruščovovi", "letter", "A. Novotného", "N. S. Chruščovovi", "", "", ""},
		{"Kádár János elvtárs levele Hruscsov elvtársnak", "letter", "Kádár János", "Hruscsov", "", "", ""},
		{"Jelentés Kádár János elvtársnak", "report", "", "Kádár János", "", "", ""},
		{"List tow. Gierka do tow. Breżniewa", "letter", "Gierka", "Breżniewa", "", "", ""},
		{"Товарищу Громыко А.А.", "letter", "", "Громыко А.А", "", "", ""},
		{"Письмо ЦК КПСС Центральному Комитету СЕПГ", "letter", "ЦК КПСС", "ЦК СЕПГ", "", "", ""},
		{"Do Tow. Stanisława Kani", "letter", "", "Stanisława Kani", "", "", ""},
		{"Telegram from US Ambassador William H. Sullivan to the Secretary of State", "telegram", "William H. Sullivan", "", "", "", ""},
		{"Letter from Soviet Ambassador to the GDR P.A. Abrasimov to W. Ulbricht", "letter", "P.A. Abrasimov", "W. Ulbricht", "", "", ""},
	} {
		got := Parse(c.in)
		if got.Kind != c.kind || texts(got.Authors) != c.authors || texts(got.Recipients) != c.recipients ||
			texts(got.Via) != c.via || texts(got.Participants) != c.with || got.Number != c.num {
			t.Errorf("%s\n got kind %q authors %q recipients %q via %q with %q no %q", c.in,
				got.Kind, texts(got.Authors), texts(got.Recipients), texts(got.Via), texts(got.Participants), got.Number)
		}
	}
}

func TestConveys(t *testing.T) {
	got := Parse("Hand delivered note, Zhou Enlai to Stalin, conveying telegram From Mao Zedong to Zhou Enlai")
	if got.Conveys != "telegram From Mao Zedong to Zhou Enlai" || texts(got.ConveysFrom) != "Mao Zedong" || texts(got.ConveysTo) != "Zhou Enlai" {
		t.Errorf("%+v", got)
	}
}

func TestOffsets(t *testing.T) {
	in := "Letter from Feng Xi (Stalin) to Kim Il Sung (via Shtykov)"
	got := Parse(in)
	for _, p := range append(got.Authors, got.Recipients...) {
		if !strings.HasPrefix(in[p.Offset:], p.Text) {
			t.Errorf("%q at %d reads %q", p.Text, p.Offset, in[p.Offset:])
		}
	}
}

// FuzzTitle checks that no title makes Parse panic and that party offsets
// locate their text.
func FuzzTitle(f *testing.F) {
	for _, s := range []string{
		"Hand-delivered letter, Filippov (Stalin) to Mao Zedong", "Cable, Terebin to Stalin [via Kuznetsov]",
		"Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong", "((([[", "to to , for via",
	} {
		f.Add(s)
	}
	dir, _ := os.Getwd()
	for filepath.Dir(dir) != dir {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		dir = filepath.Dir(dir)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "corpus", "dev", "*.txt"))
	for _, p := range files {
		b, _ := os.ReadFile(p)
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "### ") {
				f.Add(l[4:])
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Parse(s)
		for _, p := range append(got.Authors, got.Recipients...) {
			if p.Offset < 0 || p.Offset > len(s) {
				t.Fatalf("offset %d outside %q", p.Offset, s)
			}
		}
	})
}

// TestOffices reads parties named with their office, bodies, lists of
// authors over several commas, and the diary form.
func TestOffices(t *testing.T) {
	for _, c := range []struct {
		in, kind, authors, recipients, with string
		roles                               string // the authors' roles
		bodies                              string // the recipients that are bodies, "y"/"n" each
	}{
		{"Telegram from Soviet Ambassador to Finland Zakharov to USSR Foreign Ministry", "telegram", "Zakharov", "USSR Foreign Ministry", "", "ambassador", "y"},
		{"Telegram from Czechoslovak Embassy in Rangoon (Novák) to the Czechoslovak Foreign Ministry", "telegram", "Czechoslovak Embassy in Rangoon[Novák]", "Czechoslovak Foreign Ministry", "", "", "y"},
		{"Telegram from US Chargé d'Affaires in Vientiane J. Graham Parsons to Secretary of State", "telegram", "J. Graham Parsons", "", "", "chargé d'affaires", "n"},
		{"Report by V. Kuznetsov, N. Ogarkov and L. Zamyatin to the CPSU CC on the Talks in Helsinki", "report", "V. Kuznetsov, N. Ogarkov, L. Zamyatin", "CPSU CC", "", ",,", "y"},
		{"Letter from Todor Zhivkov in Varna to Gustáv Husák on the Bratislava Celebrations", "letter", "Todor Zhivkov", "Gustáv Husák", "", "", "n"},
		{"Record of Conversation between First Secretary of the BCP CC Todor Zhivkov and Prime Minister of Finland Urho Kekkonen", "conversation", "", "", "Todor Zhivkov, Urho Kekkonen", "", ""},
		{"From the Journal of Soviet Ambassador to Laos A.A. Abramov, Record of a Conversation with Prince Souvanna Phouma", "conversation", "A.A. Abramov", "", "Prince Souvanna Phouma", "ambassador", ""},
		{"From the Diary of N. Kozyrev: Notes on a Journey to Luang Prabang", "diary", "N. Kozyrev", "", "", "", ""},
		{"Working Notes from the Session of the CPSU CC Presidium", "working_notes", "", "", "", "", ""},
		{"Minutes of the Meeting between Tito and Nehru", "conversation", "", "", "Tito, Nehru", "", ""},
		{"Stenographic Minutes of the Meeting of the Political Consultative Committee", "minutes", "", "", "", "", ""},
		{"Transcript of Telephone Conversation between Kekkonen and Kosygin", "transcript", "", "", "Kekkonen, Kosygin", "", ""},
		{"Note on the Conversation between Comrade Zhivkov and Comrade Ceaușescu", "conversation", "", "", "Comrade Zhivkov, Comrade Ceaușescu", "", ""},
		{"Jegyzőkönyv a Politikai Bizottság 1966. május 3-i üléséről", "minutes", "", "", "", "", ""},
	} {
		got := Parse(c.in)
		var roles, bodies []string
		for _, p := range got.Authors {
			roles = append(roles, p.Role)
		}
		for _, p := range got.Recipients {
			b := "n"
			if p.Institution {
				b = "y"
			}
			bodies = append(bodies, b)
		}
		if got.Kind != c.kind || texts(got.Authors) != c.authors || texts(got.Recipients) != c.recipients ||
			texts(got.Participants) != c.with || c.roles != "" && strings.Join(roles, ",") != c.roles ||
			c.bodies != "" && len(bodies) > 0 && strings.Join(bodies, ",") != c.bodies {
			t.Errorf("%s\n got kind %q authors %q (roles %q) recipients %q (bodies %q) with %q", c.in,
				got.Kind, texts(got.Authors), roles, texts(got.Recipients), bodies, texts(got.Participants))
		}
		for _, ps := range [][]Party{got.Authors, got.Recipients, got.Participants} {
			for _, p := range ps {
				if p.Text != "" && !strings.HasPrefix(c.in[p.Offset:], p.Text) {
					t.Errorf("%s: %q is not at its offset %d", c.in, p.Text, p.Offset)
				}
			}
		}
	}
}

func TestOfficeWithoutName(t *testing.T) {
	for _, c := range []struct{ in, authors, recipients string }{
		{"Telegram from the Finnish Ambassador to the United States to the Minister of Foreign Affairs", "", ""},
		{"Intelligence Note from Thomas L. Hughes, Director of Intelligence and Research, to the Secretary of State", "Thomas L. Hughes", ""},
		{"Record of a Conversation with A. Dubček, First Secretary of the CC KSČ", "", ""},
	} {
		got := Parse(c.in)
		if texts(got.Authors) != c.authors || texts(got.Recipients) != c.recipients {
			t.Errorf("%s\n got authors %q recipients %q", c.in, texts(got.Authors), texts(got.Recipients))
		}
		for _, p := range append(got.Authors, got.Recipients...) {
			if p.Text == "" && p.Role == "" {
				t.Errorf("%s: a party with neither name nor office", c.in)
			}
		}
	}
	if got := Parse("Record of a Conversation with A. Dubček, First Secretary of the CC KSČ"); texts(got.Participants) != "A. Dubček" {
		t.Errorf("participants %q %+v", texts(got.Participants), got.Participants)
	}
}

// TestNominatives puts names written in an oblique case back in the
// nominative: the surname's ending, certain only where no other reading is.
func TestNominatives(t *testing.T) {
	for _, c := range []struct {
		name, c string
		want    string // the first reading
		certain bool
	}{
		{"Хрущевым Н.С", Instrumental, "Хрущев Н.С", true},
		{"Громову", Dative, "Громов", true},
		{"Chruszczowem", Instrumental, "Chruszczow", true},
		{"L. I. Brežněvem", Instrumental, "L. I. Brežněv", true},
		{"Gomułki", Genitive, "Gomułka", false},
		{"A. Dubčeka", Genitive, "A. Dubček", false},
		{"Jaruzelskiego", Genitive, "Jaruzelski", true},
		{"N. S. Chruščovovi", Dative, "N. S. Chruščov", false},
		{"Kádár Jánosnak", Dative, "Kádár János", true},
		{"Nagy Imrének", Dative, "Nagy Imre", true},
		// Slovak instrumental
		{"Brežnevom", Instrumental, "Brežnev", true},
	} {
		got := Nominatives(c.name, c.c)
		if len(got) == 0 || got[0].Name != c.want || got[0].Certain != c.certain {
			t.Errorf("Nominatives(%q, %s) = %+v, want first %q (certain %v)", c.name, c.c, got, c.want, c.certain)
		}
	}
	if got := Nominatives("Громыко", Dative); len(got) != 0 {
		t.Errorf("an indeclinable name has no other reading: %+v", got)
	}
}

// TestKindWords: the kind words of the records' languages, and what a
// record of a conversation is called in them.
func TestKindWords(t *testing.T) {
	for in, want := range map[string]string{
		"Diario del embajador de Cuba en Moscú":                                Diary,
		"Carta de Fidel Castro a Salvador Allende":                             Letter,
		"Informe de la embajada en Pekín":                                      Report,
		"Memorándum de conversación con el embajador":                          Conversation,
		"Acta de la conversación con el primer ministro":                       Conversation,
		"Discurso de Fidel Castro en la Plaza":                                 Speech,
		"Lettera di Luigi Longo a Leonid Brežnev":                              Letter,
		"Promemoria per il Segretario generale":                                Memorandum,
		"Appunto sul colloquio con l'ambasciatore":                             Conversation,
		"Verbale del colloquio tra Berlinguer e Ponomariov":                    Conversation,
		"Informácia o rokovaní s delegáciou":                                   Report,
		"Záznam z rozhovoru s. Husáka":                                         Conversation,
		"Uznesenie predsedníctva ÚV KSS":                                       Resolution,
		"Procesverbal i bisedës me ambasadorin":                                Conversation,
		"Fjalimi i shokut Enver Hoxha":                                         Speech,
		"Letër e KQ të PPSH":                                                   Letter,
		"Muistio keskustelusta suurlähettilään kanssa":                         Conversation,
		"Presidentin päiväkirja":                                               Diary,
		"Sähke Moskovasta":                                                     Telegram,
		"Compte rendu de l'entretien du Général de Gaulle":                     Conversation,
		"Télégramme de l'ambassadeur":                                          Telegram,
		"Biên bản cuộc hội đàm giữa hai đoàn":                                  Conversation,
		"Nghị quyết của Bộ Chính trị":                                          Resolution,
		"周恩来日记":                                                                Diary,
		"电话记录":                                                                 Transcript,
		"김일성 연설":                                                               Speech,
		"Telcon, Kissinger and Dobrynin":                                       Transcript,
		"Memcon, the President and Brezhnev":                                   Conversation,
		"Talking Points for the Secretary":                                     Note,
		"Stenograma convorbirii telefonice":                                    Transcript,
		"Запись телефонного разговора":                                         Transcript,
		"Summary Record of the 517th Meeting of the National Security Council": Minutes,
		"Summary Record of a Meeting between Rusk and Gromyko":                 Conversation,
		"Summary of Conversation between Nixon and Brezhnev":                   Conversation,
		"Запись переговоров Л.И. Брежнева с Г. Гусаком":                        Conversation,
		"Стенографски запис на разговора между Т. Живков и Л. Брежнев": Conversation,
		"Záznam z jednání s delegací KS Itálie":                                  Conversation,
		"Meeting of Leonid Brezhnev with Richard Nixon":                          Conversation,
		"Meeting of the Politburo with the Czechoslovak Leadership":              Conversation,
		"Meeting of the Politburo on Afghanistan":                                Minutes,
		"Talk between Mao Zedong and Kim Il Sung":                                Conversation,
		"Exchange of Views between the Delegations":                              Conversation,
		"Minute of a Conversation between the Prime Minister and Mr. Khrushchev": Conversation,
		"Minute of the Meeting of the Cabinet Defence Committee":                 Minutes,
		"Minute by the Foreign Secretary to the Prime Minister":                  Memorandum,
		"Tagebuch des Botschafters":                                              Diary,
	} {
		if got := Kind(in); got != want {
			t.Errorf("Kind(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTypeKind: a page's "Type" read with a title that names no kind.
func TestTypeKind(t *testing.T) {
	for _, c := range []struct{ typ, title, want string }{
		{"Meeting Minutes", "Politburo Session on the Situation in Hungary", Minutes},
		{"Meeting Minutes", "Kosygin and Ayub Khan in Tashkent", Conversation},
		{"Meeting Minutes", "Meeting between Kosygin and Ayub Khan", Conversation},
		{"Diary Entry", "Ambassador Yudin and Mao", Diary},
		{"Cable", "Situation in Hue", Cable},
	} {
		if got := TypeKind(c.typ, c.title); got != c.want {
			t.Errorf("TypeKind(%q, %q) = %q, want %q", c.typ, c.title, got, c.want)
		}
	}
}
