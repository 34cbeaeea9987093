package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// names lists the names of refs.
func names(refs []EntityRef) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Name)
	}
	return out
}

// oneOf reports whether got holds, for each wanted name, one of its
// forms ("Todor Zhivkov|T. Zhivkov"), and nothing else.
func oneOf(got []string, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return slices.Contains(strings.Split(w, "|"), g) }) {
			return false
		}
	}
	return true
}

// TestLayoutRecords reads the records of testdata/layouts, one per layout
// or rule, and checks what a reader of each would write down.
func TestLayoutRecords(t *testing.T) {
	for _, c := range []struct {
		file                      string
		layout, date, kind, lang  string
		title                     string
		authors, recipients       []string
		via                       []string
		translators               []string
		citation                  string   // the citation's start
		absent                    []string // names that must not be entities
		warning                   string   // a warning's text, "" for none expected
		summary                   string   // the summary's start
		firstVersion, firstOrigin string   // the first version's role and the start of its text
	}{
		// names the original's title or head writes in an oblique case
		{file: "inflected-russian-letter.txt", layout: "markdown", date: "1978-05-05", kind: "letter", lang: "ru",
			title:   "Письмо Л.И. Брежнева тов. Э. Хонеккеру",
			authors: []string{"Leonid Brezhnev"}, recipients: []string{"Erich Honecker"},
			citation: `"Письмо Л.И. Брежнева`, summary: "The Soviet leader thanks", absent: []string{"Брежнева", "Хонеккеру"},
			firstVersion: "original", firstOrigin: "Дорогой товарищ Хонеккер!"},
		{file: "inflected-russian-cipher.txt", layout: "markdown", date: "1956-10-30", kind: "telegram", lang: "ru",
			title: "Шифротелеграмма из Будапешта от Андропова", authors: []string{"Yuri Andropov"},
			citation: `"Шифротелеграмма из Будапешта`, absent: []string{"Андропова"},
			firstVersion: "original", firstOrigin: "Сегодня днем"},
		{file: "inflected-polish-conversation.txt", layout: "markdown", date: "1957-06-12", kind: "conversation", lang: "pl",
			title: "Notatka z rozmowy tow. Gomułki z tow. Chruszczowem", authors: []string{"Marek Wiśniewski"},
			citation: `"Notatka z rozmowy`, absent: []string{"Gomułki", "Chruszczowem"},
			firstVersion: "original", firstOrigin: "Tow. Chruszczow powiedział"},
		{file: "inflected-czech-letter.txt", layout: "markdown", date: "1961-04-17", kind: "letter", lang: "cs",
			title:   "Dopis s. A. Novotného s. N. S. Chruščovovi",
			authors: []string{"Antonín Novotný"}, recipients: []string{"Nikita Khrushchev"},
			citation: `"Dopis s. A. Novotného`, absent: []string{"Novotného", "Chruščovovi"},
			firstVersion: "original", firstOrigin: "Vážený soudruhu Chruščove"},
		{file: "inflected-russian-bodies.txt", layout: "markdown", date: "1973-09-12", kind: "letter", lang: "ru",
			title:      "Письмо ЦК КПСС Центральному Комитету СЕПГ",
			authors:    []string{"Central Committee of the Communist Party of the Soviet Union"},
			recipients: []string{"Central Committee of the Socialist Unity Party of Germany"},
			citation:   `"Письмо ЦК КПСС`, absent: []string{"Центральному"},
			firstVersion: "original", firstOrigin: "Дорогие товарищи!"},
		{file: "addressee-only-title.txt", layout: "markdown", date: "1981-02-03", kind: "letter", lang: "pl",
			title: "Do Tow. Stanisława Kani", authors: []string{"Józef Nowak"}, recipients: []string{"Stanisław Kania"},
			citation: `"Do Tow. Stanisława Kani"`, absent: []string{"Stanisława"},
			firstVersion: "original", firstOrigin: "Przesyłam w załączeniu"},
		{file: "inflected-polish-unknown-names.txt", layout: "markdown", date: "1981-05-20", kind: "letter", lang: "pl",
			title:   "List tow. Kowalczyka do tow. Malinowskiego",
			authors: []string{"Tadeusz Kowalczyk"}, recipients: []string{"Jerzy Malinowski"},
			citation: `"List tow. Kowalczyka`, absent: []string{"Kowalczyka", "Malinowskiego", "Yesterday"},
			firstVersion: "original", firstOrigin: "Drogi Towarzyszu!"},
		{file: "inflected-romanian-conversation.txt", layout: "markdown", date: "1969-08-02", kind: "conversation", lang: "ro",
			title:    "Stenograma convorbirii dintre tovarășul Nicolae Ceaușescu și tovarășul Richard Nixon",
			citation: `"Stenograma convorbirii`, absent: []string{"tovarășul"},
			firstVersion: "original", firstOrigin: "Tovarășul Nicolae Ceaușescu a spus"},
		{file: "inflected-hungarian-conversation.txt", layout: "markdown", date: "1956-11-03", kind: "conversation", lang: "hu",
			title:   "Feljegyzés Kádár János elvtárs és Hruscsov elvtárs tárgyalásáról",
			authors: []string{"Gyula Szabó"}, citation: `"Feljegyzés Kádár János`, absent: []string{"Szabó Gyula", "elvtárs"},
			firstVersion: "original", firstOrigin: "Kádár János elvtárs elmondta"},
		{file: "inflected-german-note.txt", layout: "markdown", date: "1984-03-14", kind: "conversation", lang: "de",
			title:   "Vermerk über das Gespräch des Genossen Erich Honecker mit Genossen K.U. Tschernenko",
			authors: []string{"Günter Sieber"}, citation: `"Vermerk über das Gespräch`,
			firstVersion: "original", firstOrigin: "Genosse Tschernenko betonte"},
		{file: "addressee-german-office.txt", layout: "plain", date: "1978-06-14", kind: "letter", lang: "de",
			authors: []string{"Erich Honecker"}, recipients: []string{"Leonid Brezhnev"},
			firstVersion: "original", firstOrigin: "Berlin, den 14. Juni 1978"},
		{file: "addressee-russian-dative.txt", layout: "plain", authors: []string{"Yuri Andropov"},
			recipients: []string{"Andrei Gromyko"}, warning: "a letter or memorandum with no date",
			firstVersion: "original", firstOrigin: "Товарищу Громыко А.А."},
		{file: "addressee-polish-genitive.txt", layout: "plain", kind: "letter", lang: "pl", authors: []string{"Józef Nowak"},
			recipients: []string{"Stanisław Kania"}, absent: []string{"Stanisława"}, warning: "a letter or memorandum with no date",
			firstVersion: "original", firstOrigin: "Do Tow. Stanisława Kani"},
		{file: "addressee-hungarian-dative.txt", layout: "plain", lang: "hu", authors: []string{"Ferenc Nagy"},
			recipients: []string{"János Kádár"}, absent: []string{"elvtársnak"}, warning: "a letter or memorandum with no date",
			firstVersion: "original", firstOrigin: "Kádár János elvtársnak"},
		{file: "addressee-czech-dative.txt", layout: "plain", kind: "letter", lang: "cs", authors: []string{"Alexander Dubček"},
			recipients: []string{"Leonid Brezhnev"}, warning: "a letter or memorandum with no date",
			firstVersion: "original", firstOrigin: "Soudruhu L. I. Brežněvovi"},
		// only an English translation: a title in the original's language names it
		{file: "translation-only-russian-title.txt", layout: "markdown", date: "1956-10-30", kind: "telegram", lang: "ru",
			title: "Шифротелеграмма из Будапешта от Андропова", authors: []string{"Yuri Andropov"},
			citation: `"Шифротелеграмма из Будапешта`, firstVersion: "translation", firstOrigin: "This afternoon the ministers"},
		{file: "translation-only-german-title.txt", layout: "markdown", date: "1989-11-02", kind: "report", lang: "de",
			title:    "Information über die Beratung mit den Vertretern der Bezirksleitungen",
			citation: `"Information über die Beratung`, firstVersion: "translation", firstOrigin: "The representatives"},
		{file: "translation-only-english-title.txt", layout: "markdown", date: "1989-11-02", kind: "report", lang: "en",
			title:    "Information on the Consultation with the District Representatives",
			citation: `"Information on the Consultation`, firstVersion: "original", firstOrigin: "The representatives"},
		{file: "markdown-polish-original.txt", layout: "markdown", date: "1971-03-09", kind: "note", lang: "pl",
			title:      "Note from the Polish Embassy in Helsinki to the Ministry of Foreign Affairs of Finland",
			authors:    []string{"Embassy of Poland in Helsinki"},
			recipients: []string{"Ministry of Foreign Affairs of Finland"}, translators: []string{"Anna Nowicka"},
			citation: `"Note from the Polish Embassy`, summary: "The embassy asks",
			firstVersion: "original", firstOrigin: "Ambasada Polskiej"},
		{file: "date-first-teaser.txt", layout: "page", date: "1964-05-04", kind: "telegram", lang: "ru",
			title:   "Telegram from Soviet Ambassador to Romania Zhegalin to USSR Foreign Ministry",
			authors: []string{"Zhegalin|Ivan Zhegalin|I. Zhegalin"}, recipients: []string{"Ministry of Foreign Affairs of the USSR"},
			translators: []string{"Elena Marin"}, citation: "AVP RF, f. 0125",
			absent:       []string{"Gheorghe Popescu", "Dobruja", "Elena Marin", "Example Foundation"},
			firstVersion: "translation", firstOrigin: "Today I was received"},
		{file: "page-unlabelled-source.txt", layout: "page", date: "1957-09-03", kind: "letter", lang: "ru",
			title:   "Letter from Ambassador Firyubin to Josip Broz Tito",
			authors: []string{"Firyubin|Nikolai Firyubin"}, recipients: []string{"Josip Broz Tito|Tito"},
			translators: []string{"Miroslav Perišić"}, citation: "AVP RF, f. 0144", summary: "The Soviet ambassador proposes",
			absent: []string{"Miroslav Perišić"}, firstVersion: "translation", firstOrigin: "Comrade Tito,"},
		{file: "old-site.txt", layout: "site", date: "1961-06-18", kind: "conversation", lang: "ru",
			title:       "Record of Conversation between Ambassador Ivanov and Prince Souvanna Phouma",
			translators: []string{"Paul Hendricks"}, citation: `"Record of Conversation between Ambassador Ivanov`,
			summary: "Souvanna Phouma tells", absent: []string{"Paul Hendricks"},
			firstVersion: "translation", firstOrigin: "Souvanna Phouma said that"},
		{file: "pdf-text-copy.txt", layout: "pdftext", date: "1966-08-03", kind: "report", lang: "hu",
			title:   "Report from the Hungarian Embassy in Hanoi to the Hungarian Foreign Ministry",
			authors: []string{"Imre Pehr"}, recipients: []string{"Ministry of Foreign Affairs of Hungary"},
			translators: []string{"Balázs Szalontai"}, citation: `"Report from the Hungarian Embassy`,
			summary: "The embassy reports", absent: []string{"Balázs Szalontai"},
			firstVersion: "translation", firstOrigin: "The city administration"},
		{file: "memorandum-headers.txt", layout: "plain", date: "1963-02-14", kind: "memorandum", lang: "en",
			title:   "Fisheries talks with the Faroese delegation",
			authors: []string{"Poul Hartling"}, recipients: []string{"Jens Otto Krag"},
			firstVersion: "original", firstOrigin: "MEMORANDUM"},
		{file: "us-memo-president.txt", layout: "plain", date: "1962-03-03", kind: "memorandum", lang: "en",
			title:   "The Geneva talks on Laos",
			authors: []string{"McGeorge Bundy"}, recipients: []string{"John F. Kennedy"},
			firstVersion: "original", firstOrigin: "THE WHITE HOUSE"},
		{file: "letter-salutation.txt", layout: "plain", date: "1969-11-21", kind: "letter", lang: "en",
			authors: []string{"Todor Zhivkov|T. Zhivkov|Zhivkov"}, recipients: []string{"Gustáv Husák|Husák"},
			via:          []string{"Stanko Todorov"},
			firstVersion: "original", firstOrigin: "Sofia, 21 November 1969"},
		{file: "letter-german-original.txt", layout: "plain", date: "1971-03-03", kind: "letter", lang: "de",
			authors: []string{"Walter Ulbricht|W. Ulbricht"}, recipients: []string{"Edward Gierek|Gierek"},
			firstVersion: "original", firstOrigin: "Berlin, den 3. März 1971"},
		{file: "pdf-text-inline.txt", layout: "pdftext", date: "1960-04-12", kind: "letter", lang: "de",
			title:   "Letter from Walter Ulbricht to Władysław Gomułka",
			authors: []string{"Walter Ulbricht"}, recipients: []string{"Władysław Gomułka"}, translators: []string{"Karl Becker"},
			citation: `"Letter from Walter Ulbricht`, summary: "Ulbricht proposes joint work",
			firstVersion: "original", firstOrigin: "Werter Genosse Gomułka!"},
		{file: "pdf-text-site-header.txt", layout: "pdftext", date: "1956-06-04", kind: "letter", lang: "sh",
			title:   "Letter from Josip Broz Tito to Gamal Abdel Nasser",
			authors: []string{"Josip Broz Tito"}, recipients: []string{"Gamal Abdel Nasser"}, translators: []string{"Ana Kovač"},
			citation: `"Letter from Josip Broz Tito`, summary: "Tito invites Nasser",
			firstVersion: "translation", firstOrigin: "Dear Mr. President,"},
		{file: "old-site-citation-date.txt", layout: "site", date: "1961-08-21", kind: "cable", lang: "en",
			title:   "Cable from the Yugoslav Embassy in Cairo to the Yugoslav Foreign Ministry",
			authors: []string{"Embassy of Yugoslavia in Cairo"}, recipients: []string{"Ministry of Foreign Affairs of Yugoslavia"},
			translators: []string{"Ana Kovač"}, citation: `"Cable from the Yugoslav Embassy`, summary: "The embassy reports",
			firstVersion: "original", firstOrigin: "President Nasser told"},
		{file: "old-site-citation-first.txt", layout: "site", date: "1979-03-14", kind: "telegram", lang: "pl",
			title:   "Telegram from the Polish Embassy in Hanoi to the Polish Ministry of Foreign Affairs",
			authors: []string{"J. Nowak"}, recipients: []string{"Ministry of Foreign Affairs of Poland"},
			translators: []string{"Tomasz Zielinski"}, citation: `"Telegram from the Polish Embassy in Hanoi`,
			summary: "The embassy reports that the Vietnamese", absent: []string{"Tomasz Zielinski"},
			firstVersion: "translation", firstOrigin: "Telegram from the Polish Embassy in Hanoi, 14 March 1979"},
		{file: "old-site-no-title.txt", layout: "site", date: "1957-02-11", kind: "directive", lang: "cs",
			title:   "Instructions from the Czechoslovak Ministry of Foreign Affairs to the Czechoslovak Legation in Budapest",
			authors: []string{"J. Ullrich"}, recipients: []string{"Czechoslovak Legation in Budapest|Legation of Czechoslovakia in Budapest"},
			translators: []string{"Petr Novák"}, citation: `"Instructions from the Czechoslovak Ministry`,
			summary: "The ministry tells the legation", absent: []string{"Example Foundation", "Petr Novák"},
			firstVersion: "translation", firstOrigin: "Comrade Envoy,"},
		{file: "pdf-text-flat.txt", layout: "pdftext", date: "1971-03-02", kind: "minutes", lang: "bg",
			title:       "Minutes of the Meeting of the Presidium of the CC of the BCP on the Danube Bridge",
			translators: []string{"Maria Petrova"}, citation: `“Minutes of the Meeting of the Presidium`,
			summary: "The Presidium discusses the repairs", absent: []string{"Maria Petrova"},
			firstVersion: "translation", firstOrigin: "Present: Comrades Todor Zhivkov"},
		{file: "page-late-headings.txt", layout: "page", date: "1984-04-04", kind: "letter", lang: "de",
			title:   "Letter from Erich Honecker to Todor Zhivkov",
			authors: []string{"Erich Honecker"}, recipients: []string{"Todor Zhivkov"}, citation: "SAPMO-BArch, DY 30/2470",
			firstVersion: "original", firstOrigin: "Werter Genosse Shivkov!"},
		{file: "conversation-signed.txt", layout: "page", date: "1965-03-09", kind: "conversation", lang: "ru",
			title:       "Record of Conversation between Soviet Ambassador in Bulgaria A.M. Puzanov and Todor Zhivkov",
			authors:     []string{"A. Puzanov|A.M. Puzanov|Alexander Puzanov"},
			translators: []string{"Marin Petrov"}, citation: "AVP RF, f. 074", summary: "Puzanov and Zhivkov talk",
			absent: []string{"Example Foundation", "Marin Petrov"}, firstVersion: "translation", firstOrigin: "From the diary of"},
		{file: "office-in-summary.txt", layout: "markdown", date: "1970-04-03", kind: "telegram", lang: "hu",
			title:   "Telegram from the Hungarian Ambassador to Mongolia to the Minister of Foreign Affairs",
			authors: []string{"Lajos Szabó"},
			// the Hungarian foreign minister on the date, as the summary confirms
			recipients:  []string{"János Péter"},
			translators: []string{"Eszter Varga"}, citation: `"Telegram from the Hungarian Ambassador`,
			summary: "Ambassador Lajos Szabó reports", firstVersion: "translation", firstOrigin: "Today the deputy foreign minister"},
		{file: "telegram-cities.txt", layout: "page", date: "1972-06-02", kind: "telegram", lang: "ro",
			title:   "Telegram from Hanoi to Bucharest, SECRET, No. 071.310",
			authors: []string{"Ion Popescu"}, translators: []string{"Radu Stanciu"}, citation: "AMAE, Telegrams",
			summary: "The Romanian embassy reports", absent: []string{"Example Foundation"},
			firstVersion: "translation", firstOrigin: "The bombing of the dikes"},
		{file: "page-two-signers.txt", layout: "page", date: "1956-10-31", kind: "telegram", lang: "ru",
			title:   "Mikoyan and Suslov in Budapest",
			authors: []string{"Anastas Mikoyan", "Mikhail Suslov"}, translators: []string{"Mark Kramer"}, citation: "APRF, f. 3",
			summary: "Mikoyan and Suslov report", firstVersion: "translation", firstOrigin: "Top Secret"},
		{file: "page-letter-two-languages.txt", layout: "page", date: "1989-11-09", kind: "note", lang: "de",
			title:   "Note from Egon Krenz to Mikhail Gorbachev on the Travel Regulation",
			authors: []string{"Egon Krenz"}, recipients: []string{"Mikhail Gorbachev"},
			summary: "Krenz informs Gorbachev", absent: []string{"Example Foundation"},
			firstVersion: "original", firstOrigin: "Werter Genosse Gorbatschow!"},
		{file: "page-site-header.txt", layout: "page", date: "1967-06-12", kind: "letter", lang: "en",
			title:   "Letter from Todor Zhivkov to Leonid Brezhnev",
			authors: []string{"Todor Zhivkov"}, recipients: []string{"Leonid Brezhnev"},
			firstVersion: "original", firstOrigin: "Dear Comrade Brezhnev,"},
		{file: "russian-letter-only.txt", layout: "plain", date: "1968-05-12", kind: "letter", lang: "ru",
			authors: []string{"Alexei Kosygin|А. Косыгин"}, recipients: []string{"Yumjaagiin Tsedenbal|Цеденбал"},
			firstVersion: "original", firstOrigin: "Москва, 12 мая 1968 г."},
		{file: "letter-undated.txt", layout: "plain", date: "", kind: "letter", lang: "en",
			authors: []string{"Mehmet Shehu|M. Shehu"}, recipients: []string{"Enver Hoxha|Hoxha"}, warning: "a letter or memorandum with no date",
			firstVersion: "original", firstOrigin: "Comrade Hoxha,"},
		// a translated cable's routing lines with bracketed labels, under a
		// title naming the writer by office, surname and post; the page
		// ends in its Source, Type and Language headings only
		{file: "page-bracketed-routing.txt", layout: "page", date: "1969-03-03", kind: "cable", lang: "ja",
			title:   "Cable No. 212, Ambassador Nakagawa (Moscow) to the Foreign Minister, 'Soviet Views on the Border Clash'",
			authors: []string{"Nakagawa Toru"}, translators: []string{"Ken Mori"},
			citation: "Diplomatic Archives of the Ministry of Foreign Affairs of Japan", absent: []string{"Minister of Foreign Affairs"},
			summary: "The Japanese ambassador", firstVersion: "translation", firstOrigin: "Number (TA) 10233"},
		// a record page whose body opens with To:/From: lines, each with the
		// holder's office on the line under the name
		{file: "page-body-routing.txt", layout: "page", date: "1967-11-09", kind: "letter", lang: "ja",
			title:   "Petition against the Visit of the Soviet Trade Delegation",
			authors: []string{"Hayashi Goro"}, recipients: []string{"Miki Takeo"}, translators: []string{"Ken Mori"},
			citation: "Diplomatic Archives", summary: "A traders'", firstVersion: "translation", firstOrigin: "No. 77, Osaka Chamber"},
		// a body's letter signed for it by its leader: the body and the signer write
		{file: "letter-signed-on-behalf.txt", layout: "page", date: "1972-05-04", kind: "letter", lang: "hu",
			title:      "Letter from the Central Committee of the Hungarian Socialist Workers' Party to the Central Committee of the Socialist Unity Party of Germany",
			authors:    []string{"Central Committee of the Hungarian Socialist Workers' Party", "János Kádár"},
			recipients: []string{"Central Committee of the Socialist Unity Party of Germany"}, translators: []string{"Anna Kiss"},
			citation: "MNL OL", summary: "The Hungarian party leadership", firstVersion: "translation", firstOrigin: "Dear Comrades,"},
		// an embassy's report signed by a name over its office line: the
		// signer writes, and the signature block is no summary
		{file: "page-signer-over-office.txt", layout: "page", date: "1976-03-02", kind: "report", lang: "hu",
			title:   "Report from the Hungarian Embassy in Sofia to the Hungarian Foreign Ministry on the Bulgarian Party Congress",
			authors: []string{"Lajos Tóth"}, recipients: []string{"Ministry of Foreign Affairs of Hungary"}, translators: []string{"Anna Kiss"},
			citation: "MNL OL", firstVersion: "translation", firstOrigin: "The Bulgarian party congress"},
		// a note-taker signing with the mark and his surname alone
		{file: "vermerk-gez-surname.txt", layout: "markdown", date: "1982-06-11", kind: "conversation", lang: "de",
			title:   "Vermerk über das Gespräch des Genossen Erich Honecker mit Genossen Gustáv Husák",
			authors: []string{"Wendland"}, citation: `"Vermerk über das Gespräch`,
			firstVersion: "original", firstOrigin: "Genosse Husák berichtete"},
		// a Spanish letter: a salutation ending in a colon, and the bearer
		// who "will make this letter reach" the addressee
		{file: "letter-spanish-bearer.txt", layout: "plain", date: "1964-03-03", kind: "letter", lang: "es",
			authors: []string{"Osvaldo Dorticós"}, recipients: []string{"Raúl Roa"}, via: []string{"Raúl Castro"},
			firstVersion: "original", firstOrigin: "La Habana, 3 de marzo de 1964"},
		// a report's head with its subject line before the addressee, who
		// receives it for the ministry the title names
		{file: "report-subject-before-addressee.txt", layout: "page", date: "1981-04-15", kind: "report", lang: "hu",
			title:      "Report, Embassy of Hungary in Poland to the Hungarian Foreign Ministry",
			authors:    []string{"Embassy of Hungary in Poland"},
			recipients: []string{"Frigyes Puja", "Ministry of Foreign Affairs of Hungary"},
			citation:   "MNL OL", summary: "The embassy reports", firstVersion: "original", firstOrigin: "Szigorúan titkos!"},
		// a report that names its recipient only in its closing request:
		// the body asked to approve receives it
		{file: "pdf-text-request-to-body.txt", layout: "pdftext", date: "1986-09-02", kind: "report", lang: "cs",
			title:   "Information on the Preparations of the Jazz Section Trial",
			authors: []string{"Vajnar|V. Vajnar"}, recipients: []string{"Presidium of the Central Committee of the Communist Party of Czechoslovakia"},
			translators: []string{"Petr Novák"}, citation: `"Information on the Preparations`, summary: "The interior minister reports",
			firstVersion: "translation", firstOrigin: "1. The investigation"},
		// a White House memorandum's "MEMORANDUM FOR:" names the office
		// (its holder on the date receives it) and "THROUGH:" the
		// official it passes through
		{file: "us-memo-through.txt", layout: "plain", date: "1979-09-04", kind: "memorandum", lang: "en",
			title:   "Soviet Brigade in Cuba",
			authors: []string{"Zbigniew Brzezinski"}, recipients: []string{"Jimmy Carter"}, via: []string{"Hamilton Jordan"},
			firstVersion: "original", firstOrigin: "THE WHITE HOUSE"},
		// a Hungarian submission to a body named in the dative in its
		// title, with its submitter's line; the original's article "a" is
		// no English word
		{file: "inflected-hungarian-submission.txt", layout: "markdown", date: "1969-03-12", kind: "note", lang: "hu",
			title:   "Előterjesztés a Politikai Bizottságnak a kínai-szovjet határincidensről",
			authors: []string{"Frigyes Puja"}, recipients: []string{"Politburo of the Hungarian Socialist Workers' Party"},
			citation: `"Előterjesztés`, absent: []string{"Bizottságnak"},
			firstVersion: "original", firstOrigin: "Szigorúan titkos!"},
		// an English translation whose head says who submitted it
		{file: "markdown-submitted-by.txt", layout: "markdown", date: "1980-04-02", kind: "report", lang: "en",
			title:   "Information on the Situation in Afghanistan",
			authors: []string{"Petar Mladenov"}, citation: `"Information on the Situation`,
			firstVersion: "original", firstOrigin: "Submitted by: P. Mladenov"},
		// a cipher telegram whose addressee body stands under its routing lines
		{file: "cipher-routing-addressee.txt", layout: "markdown", date: "1956-10-30", kind: "telegram", lang: "ru",
			title:   "Шифротелеграмма из Будапешта",
			authors: []string{"Anastas Mikoyan", "Mikhail Suslov"}, recipients: []string{"Central Committee of the Communist Party of the Soviet Union"},
			citation: `"Шифротелеграмма из Будапешта`, firstVersion: "original", firstOrigin: "ШИФРОТЕЛЕГРАММА"},
		// a letter whose place and date stand with no comma between them
		{file: "letter-place-date-no-comma.txt", layout: "plain", date: "1968-09-12", kind: "letter", lang: "cs",
			authors: []string{"Gustáv Husák"}, recipients: []string{"Leonid Brezhnev"},
			firstVersion: "original", firstOrigin: "Praha 12. září 1968"},
		// an embassy's cable "to the Foreign Ministry": its own country's,
		// as the archive it comes from says
		{file: "markdown-home-ministry.txt", layout: "markdown", date: "1965-05-12", kind: "cable", lang: "zh",
			title:      "Cable from the Chinese Embassy in Hanoi to the Foreign Ministry, 'Le Duan on the Situation in the South'",
			authors:    []string{"Embassy of the People's Republic of China in Hanoi"},
			recipients: []string{"Ministry of Foreign Affairs of the PRC"}, translators: []string{"Li Wen"},
			citation: `"Cable from the Chinese Embassy`, firstVersion: "translation", firstOrigin: "Le Duan told"},
		// the page's skip link worded as the newest site words it
		{file: "page-skip-main-content.txt", layout: "page", date: "1982-06-04", kind: "letter", lang: "de",
			title:   "Letter from Erich Honecker to Leonid Brezhnev",
			authors: []string{"Erich Honecker"}, recipients: []string{"Leonid Brezhnev"}, translators: []string{"Anna Weber"},
			citation: "SAPMO-BArch", absent: []string{"Skip"}, summary: "The SED leader",
			firstVersion: "translation", firstOrigin: "Dear Comrade Brezhnev,"},
		// an American telegram with its routing lines and date-time group
		// only: a cable to the Secretary of State of its date, signed by
		// the ambassador's surname
		{file: "plain-us-cable-routing.txt", layout: "plain", date: "1969-03-12", kind: "cable", lang: "en",
			title:   "SOVIET PRESS ON USSURI CLASH",
			authors: []string{"Beam"}, recipients: []string{"William P. Rogers"}, absent: []string{"SECSTATE", "AMEMBASSY"},
			firstVersion: "original", firstOrigin: "CONFIDENTIAL"},
		// a Japanese text whose head lines are kanji alone: one Japanese original
		{file: "plain-japanese-kanji-lines.txt", layout: "plain", date: "", kind: "", lang: "ja", warning: "no date, no title",
			firstVersion: "original", firstOrigin: "昭和四十二年"},
		// a letter whose paragraphs are each too short to tell their
		// language: together they tell it
		{file: "letter-romanian-short.txt", layout: "plain", date: "1965-03-12", kind: "letter", lang: "ro",
			authors: []string{"Nicolae Ceaușescu"}, recipients: []string{"Leonid Brezhnev"},
			firstVersion: "original", firstOrigin: "București, 12 martie 1965"},
		// a cipher telegram's first line names its kind and the line under
		// it the date it was sent; its addressee line "Tow. X"
		{file: "plain-polish-cipher.txt", layout: "plain", date: "1981-09-10", kind: "telegram", lang: "pl",
			recipients: []string{"Józef Czyrek"}, firstVersion: "original", firstOrigin: "Szyfrogram nr 8712"},
		// a short Czech covering note: its language told by all its lines together
		{file: "plain-czech-information.txt", layout: "plain", date: "1969-03-03", kind: "report", lang: "cs",
			authors: []string{"Bohuslav Chňoupek"}, recipients: []string{"Gustáv Husák"},
			firstVersion: "original", firstOrigin: "Informace pro předsednictvo"},
		// a British official's minute to "the Secretary of State" in a
		// Foreign Office file: the Foreign Secretary on its date
		{file: "page-uk-minute-office.txt", layout: "page", date: "1962-03-14", kind: "memorandum", lang: "en",
			title:   "Minute by Sir Harold Caccia to the Secretary of State on the Soviet Note about Access to Berlin",
			authors: []string{"Harold Caccia"}, recipients: []string{"Alec Douglas-Home"},
			citation: "The National Archives (TNA)", absent: []string{"Dean Rusk", "Sir Harold"},
			firstVersion: "original", firstOrigin: "The Permanent Under-Secretary"},
		// a French note: its heading names the addressee's office, French
		// header lines with a space before the colon
		{file: "plain-french-note-president.txt", layout: "plain", date: "1975-03-12", kind: "note", lang: "fr",
			title:   "Préparation de la visite de M. Brejnev",
			authors: []string{"Claude Pierre-Brossolette"}, recipients: []string{"Valéry Giscard d'Estaing"},
			firstVersion: "original", firstOrigin: "PRÉSIDENCE DE LA RÉPUBLIQUE"},
		// a Spanish memorandum's header lines: Para / De / Fecha / Asunto
		{file: "plain-spanish-memo-headers.txt", layout: "plain", date: "1962-11-04", kind: "memorandum", lang: "es",
			title:   "Conversación con el embajador soviético",
			authors: []string{"Carlos Rafael Rodríguez"}, recipients: []string{"Raúl Roa"},
			firstVersion: "original", firstOrigin: "MINISTERIO DE RELACIONES EXTERIORES"},
		// notes of a conference between two men, taken by an officer named
		// with his rank
		{file: "pdf-text-recorder-rank.txt", layout: "pdftext", date: "1946-10-02", kind: "conversation", lang: "en",
			title:   "Notes on Conference between General Hodge and Colonel Baird at Seoul",
			authors: []string{"W. H. Moreland"}, citation: `"Notes on Conference`, summary: "General Hodge and Colonel Baird",
			absent: []string{"Maj. W"}, firstVersion: "original", firstOrigin: "NOTES ON CONFERENCE"},
		// a name of one word signed under a French closing formula
		{file: "letter-closing-one-name.txt", layout: "plain", date: "1965-02-03", kind: "letter", lang: "fr",
			authors: []string{"Norodom Sihanouk"}, firstVersion: "original", firstOrigin: "Phnom Penh, le 3 février 1965"},
		// a signature with rank and office lines under the name; the office
		// in the title is no person ("Intelligence")
		{file: "pdf-text-dci-signature.txt", layout: "pdftext", date: "1965-05-03", kind: "memorandum", lang: "en",
			title:   `Memorandum for the President from the Director of Central Intelligence, "Situation in the Dominican Republic"`,
			authors: []string{"W. F. Raborn"}, recipients: []string{"Lyndon B. Johnson"}, citation: `"Memorandum for the President`,
			summary: "The new Director", firstVersion: "original", firstOrigin: "CENTRAL INTELLIGENCE AGENCY"},
		// working notes closed by "Запись" and the writer in the genitive
		{file: "page-russian-notes-zapis.txt", layout: "page", date: "1989-11-10", kind: "working_notes", lang: "ru",
			title:   "Working Notes from the Meeting of the Politburo on the Situation in the GDR",
			authors: []string{"Anatoly Chernyaev"}, citation: "Archive of the Gorbachev Foundation", absent: []string{"Черняева"},
			firstVersion: "translation", firstOrigin: "The Politburo discusses"},
		// an Italian letter carried by a comrade ("tramite il compagno X"),
		// signed under an Italian closing
		{file: "letter-italian-carrier.txt", layout: "plain", date: "1968-09-12", kind: "letter", lang: "it",
			authors: []string{"Luigi Longo"}, recipients: []string{"Leonid Brezhnev"}, via: []string{"Enrico Berlinguer"},
			firstVersion: "original", firstOrigin: "Roma, 12 settembre 1968"},
		// an American cable signed with a surname, its classification line
		// naming the officer in full, surname first
		{file: "page-us-cable-classifier.txt", layout: "page", date: "1975-06-12", kind: "cable", lang: "en",
			title:   "Cable from US Embassy Lisbon to the Secretary of State, 'Armed Forces Movement and the Socialists'",
			authors: []string{"Frank Carlucci"}, recipients: []string{"Henry Kissinger"}, citation: "NARA, RG 59",
			firstVersion: "original", firstOrigin: "The embassy reports"},
		{file: "unknown-scrap.txt", layout: "plain", date: "", kind: "", lang: "en", warning: "no date, no title",
			firstVersion: "original", firstOrigin: "the fuel depot"},
	} {
		t.Run(c.file, func(t *testing.T) {
			p := filepath.Join("testdata", "layouts", c.file)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Extract(p, data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkLayout(t, r, c.layout, c.date, c.kind, c.lang, c.title)
			if !oneOf(names(r.Authors), c.authors) || !oneOf(names(r.Recipients), c.recipients) {
				t.Errorf("authors %q recipients %q, want %q and %q", names(r.Authors), names(r.Recipients), c.authors, c.recipients)
			}
			if !oneOf(names(r.Via), c.via) {
				t.Errorf("via %q, want %q", names(r.Via), c.via)
			}
			if !oneOf(names(r.Translator), c.translators) {
				t.Errorf("translators %q, want %q", names(r.Translator), c.translators)
			}
			if !strings.HasPrefix(r.Citation, c.citation) {
				t.Errorf("citation %q, want it to start %q", r.Citation, c.citation)
			}
			if !strings.HasPrefix(r.Summary, c.summary) {
				t.Errorf("summary %q, want it to start %q", r.Summary, c.summary)
			}
			for _, e := range r.Entities {
				for _, a := range c.absent {
					if strings.Contains(e.Name, a) {
						t.Errorf("%q read as an entity of the record (%s)", a, e.Class)
					}
				}
			}
			for _, v := range r.Versions {
				for _, a := range []string{"English HTML", "made possible", "Copyright", "Translated by", "Read more", "Page 2"} {
					if strings.Contains(v.Text, a) {
						t.Errorf("%s version holds %q", v.Role, a)
					}
				}
			}
			for _, v := range r.Versions {
				// a salutation goes with the letter it opens, in its language
				if v.Lang != "en" && strings.Contains(v.Text, "Dear Comrade") {
					t.Errorf("%s %s version holds the English salutation: %q", v.Role, v.Lang, v.Text)
				}
			}
			if len(r.Versions) == 0 || r.Versions[0].Role != c.firstVersion || !strings.HasPrefix(r.Versions[0].Text, c.firstOrigin) {
				t.Errorf("versions %+v, want the first a %s starting %q", r.Versions, c.firstVersion, c.firstOrigin)
			}
			warned := ""
			for _, w := range r.Warnings {
				warned += w.Error() + "\n"
			}
			if c.warning != "" && (!strings.Contains(warned, c.warning) || !strings.Contains(warned, p)) {
				t.Errorf("warnings %q, want one naming the file and saying %q", warned, c.warning)
			}
			if c.warning == "" && warned != "" {
				t.Errorf("unexpected warnings %q", warned)
			}
		})
	}
}

// TestWesternOffices: the offices of British, French, West German and
// American records named without their holder are the holder on the
// record's date; a British office only in a British record or where the
// office says so.
func TestWesternOffices(t *testing.T) {
	for _, c := range []struct {
		title, date, citation string
		authors, recipients   []string
	}{
		{"Memorandum for the President from the Director of Central Intelligence", "1962-10-20", "NARA, RG 263, Box 4.",
			[]string{"John McCone"}, []string{"John F. Kennedy"}},
		{"Minute from the Permanent Under-Secretary to the Secretary of State", "1957-05-01", "The National Archives (TNA), Kew, FO 371/129000.",
			nil, []string{"Selwyn Lloyd"}},
		{"Minute from the Permanent Under-Secretary to the Secretary of State", "1961-01-10", "The National Archives (TNA), Kew, FO 371/159000.",
			nil, []string{"Alec Douglas-Home"}},
		{"Note for the Prime Minister", "1979-06-01", "The National Archives (TNA), Kew, PREM 19/12.", nil, []string{"Margaret Thatcher"}},
		{"Note for the Prime Minister", "1979-06-01", "National Archives of India, MEA, WII/104/1/79.", nil, nil},
		{"Letter from Leonid Brezhnev to the Federal Chancellor", "1971-09-01", "", []string{"Leonid Brezhnev"}, []string{"Willy Brandt"}},
		{"Message from Nikita Khrushchev to the French President", "1962-01-10", "", []string{"Nikita Khrushchev"}, []string{"Charles de Gaulle"}},
		{"Letter from Leonid Brezhnev to the British Prime Minister", "1975-02-10", "", []string{"Leonid Brezhnev"}, []string{"Harold Wilson"}},
		// the Secretary of State makes "the President" the American one
		{"Memorandum from the Secretary of State to the President", "1987-12-08", "", []string{"George P. Shultz|George Shultz"}, []string{"Ronald Reagan"}},
	} {
		in := "## " + c.date + "\n\n### " + c.title + "\n\n"
		if c.citation != "" {
			in += "#### Citation:\n\n\"" + c.title + "\", Wilson Center Digital Archive, " + c.citation + "\n\n"
		}
		in += "#### Contents:\n\nThe talks went well.\n"
		r, err := Extract("office.txt", []byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !oneOf(names(r.Authors), c.authors) || !oneOf(names(r.Recipients), c.recipients) {
			t.Errorf("%s (%s): authors %q recipients %q, want %q and %q", c.title, c.date, names(r.Authors), names(r.Recipients), c.authors, c.recipients)
		}
	}
}

func checkLayout(t *testing.T, r *Result, layout, date, kind, lang, title string) {
	t.Helper()
	if r.Layout != layout || r.Date != date || r.Kind != kind || r.Title != title {
		t.Errorf("layout %q date %q kind %q title %q, want %q %q %q %q", r.Layout, r.Date, r.Kind, r.Title, layout, date, kind, title)
	}
	if lang != "" && r.Language != lang {
		t.Errorf("language %q, want %q", r.Language, lang)
	}
}

// TestPDFRecord reads a record's PDF copy, made here from the PDF-text
// record's lines, and finds in it what the text copy gives.
func TestPDFRecord(t *testing.T) {
	p := filepath.Join("testdata", "layouts", "pdf-text-copy.txt")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	doc := fpdf.New("P", "mm", "A4", "")
	doc.AddPage()
	doc.SetFont("Helvetica", "", 10)
	tr := doc.UnicodeTranslatorFromDescriptor("")
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if l == "" {
			doc.Ln(5)
			continue
		}
		doc.CellFormat(0, 5, tr(l), "", 1, "L", false, 0, "")
	}
	pdf := filepath.Join(t.TempDir(), "record.pdf")
	if err := doc.OutputFileAndClose(pdf); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(pdf)
	r, err := Extract(pdf, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, r, "pdftext", "1966-08-03", "report", "hu", "Report from the Hungarian Embassy in Hanoi to the Hungarian Foreign Ministry")
	if !oneOf(names(r.Recipients), []string{"Ministry of Foreign Affairs of Hungary"}) || len(r.ArchivalRef) == 0 {
		t.Errorf("recipients %q references %+v", names(r.Recipients), r.ArchivalRef)
	}
}

// TestTranslatorOfTranslation: the translator a source line names is the
// translator of the translation (and of the record), never a mention.
func TestTranslatorOfTranslation(t *testing.T) {
	p := filepath.Join("testdata", "layouts", "page-unlabelled-source.txt")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Extract(p, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := vocab.NewMinter("http://example.org/test/")
	doc := m.Document(r.ID)
	tr := m.Entity(vocab.ClassPerson, "Miroslav Perišić")
	var onTranslation, onRecord, mentioned bool
	for _, q := range r.Quads(m) {
		if q.P == vocab.SchemaTranslator && q.O == tr {
			onTranslation = onTranslation || q.S == rdf.IRI(string(doc)+"/translation")
			onRecord = onRecord || q.S == doc
		}
		mentioned = mentioned || q.P == vocab.SchemaMentions && q.O == tr
	}
	if !onTranslation || !onRecord || mentioned {
		t.Errorf("translator on the translation %v, on the record %v, mentioned %v", onTranslation, onRecord, mentioned)
	}
}

// TestOfficeHolders: an office named without its holder is the holder on
// the record's date, for the offices of the table; others stay unnamed.
func TestOfficeHolders(t *testing.T) {
	for _, c := range []struct {
		title, date string
		recipients  []string
	}{
		{"Telegram from US Ambassador in Helsinki John D. Hickerson to the Secretary of State", "1957-03-02", []string{"John Foster Dulles"}},
		{"Telegram from US Ambassador in Helsinki John D. Hickerson to the Secretary of State", "1980-06-02", []string{"Edmund Muskie"}},
		{"Letter from Urho Kekkonen to the General Secretary of the CPSU CC", "1983-05-01", []string{"Yuri Andropov"}},
		{"Letter from Urho Kekkonen to the Chairman of the USSR Council of Ministers", "1966-05-01", []string{"Alexei Kosygin"}},
		{"Letter from Urho Kekkonen to the Minister of Foreign Affairs", "1966-05-01", nil},
		{"Telegram from US Ambassador in Helsinki John D. Hickerson to the Secretary of State", "", nil},
		// a foreign minister of the country the office names, on the date
		{"Report from the Hungarian Embassy in Hanoi to the Hungarian Foreign Minister", "1975-05-01", []string{"Frigyes Puja"}},
		{"Ciphergram from the Polish Embassy in Moscow to the Polish Minister of Foreign Affairs", "1981-09-10", []string{"Józef Czyrek"}},
		{"Ciphergram from the Polish Embassy in Moscow to the Polish Minister of Foreign Affairs", "1969-03-01", []string{"Stefan Jędrychowski"}},
		{"Note from the Czechoslovak Embassy in Beijing to the Czechoslovak Foreign Minister", "1968-11-01", nil}, // the table knows no holder then
		{"Letter from Urho Kekkonen to the Minister of Foreign Affairs of Japan", "1966-05-01", nil},
		{"Letter from Urho Kekkonen to the Secretary of Defense", "1979-05-01", []string{"Harold Brown"}},
	} {
		in := "## " + c.date + "\n\n### " + c.title + "\n\n#### Contents:\n\nThe talks went well.\n"
		if c.date == "" {
			in = "### " + c.title + "\n\n#### Contents:\n\nThe talks went well.\n"
		}
		r, err := Extract("office.txt", []byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !oneOf(names(r.Recipients), c.recipients) {
			t.Errorf("%s (%s): recipients %q, want %q", c.title, c.date, names(r.Recipients), c.recipients)
		}
	}
}

// TestOfficeOnlyHeaders: a memorandum whose TO and FROM lines give offices
// alone is the signer's, to the office's holder on its date: NATO's or the
// United Nations' Secretary General by the organisation its head names,
// the President of the Republic of Korea for "대통령 각하".
func TestOfficeOnlyHeaders(t *testing.T) {
	for _, c := range []struct {
		in                  string
		authors, recipients []string
	}{
		{"NORTH ATLANTIC TREATY ORGANIZATION\nInternational Staff\n\nMEMORANDUM\n\nTO:       Secretary General\nFROM:     Assistant Secretary General for Defence Planning\nDATE:     3 March 1986\nSUBJECT:  Force goals\n\n1. The force goals are agreed by all delegations but one.\n\nPieter Janssen\n",
			[]string{"Pieter Janssen"}, []string{"Lord Carrington"}},
		{"UNITED NATIONS\nOffice of the Under-Secretary-General\n\nTO:       The Secretary-General\nFROM:     Under-Secretary-General for Special Political Affairs\nDATE:     9 May 1967\nSUBJECT:  Sinai\n\n1. The force is withdrawing from its posts in Sinai.\n\nRalph Bunche\n",
			[]string{"Ralph Bunche"}, []string{"U Thant"}},
		{"대외비\n\n수신: 대통령 각하\n발신: 국방부장관\n일자: 1989년 3월 2일\n제목: 훈련 보고\n\n1. 훈련은 예정대로 진행되었음.\n",
			nil, []string{"Roh Tae-woo"}},
	} {
		r, err := Extract("office.txt", []byte(c.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !oneOf(names(r.Authors), c.authors) || !oneOf(names(r.Recipients), c.recipients) {
			t.Errorf("%.40q: authors %q recipients %q, want %q and %q", c.in, names(r.Authors), names(r.Recipients), c.authors, c.recipients)
		}
	}
}

// TestSignedResolution: a body's resolution or directive its leader signs
// has the body and the signer as authors.
func TestSignedResolution(t *testing.T) {
	for _, c := range []struct {
		in      string
		authors []string
	}{
		{"## May 4, 1970\n\n### Resolution of the Politburo of the Central Committee of the Hungarian Socialist Workers' Party on Relations with Austria\n\n#### Contents:\n\nTranslation - English\n\nTOP SECRET\n\nThe Politburo resolves:\n\n1. Talks shall begin.\n\nFirst Secretary of the CC\nJános Kádár\n",
			[]string{"Politburo of the Central Committee of the Hungarian Socialist Workers' Party|Politburo of the Hungarian Socialist Workers' Party", "János Kádár"}},
		{"## June 2, 1962\n\n### Letter from the Embassy in Moscow on Trade\n\n#### Contents:\n\nTranslation - English\n\nWe report on trade.\n\nImre Horváth\n",
			[]string{"Imre Horváth"}},
	} {
		r, err := Extract("resolution.txt", []byte(c.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !oneOf(names(r.Authors), c.authors) {
			t.Errorf("%.60q: authors %q, want %q", c.in, names(r.Authors), c.authors)
		}
	}
}

// TestNameAndPatronymic: a salutation by given name and patronymic, in any
// spelling, names the one known person whose full name begins with them;
// when two known people share them (Mikhail Sergeyevich Gorbachev and
// Mikhail Sergeyevich Solomentsev), the name stays as written (a Russian
// one transliterated, as the text's mention of it is: one person).
func TestNameAndPatronymic(t *testing.T) {
	for in, want := range map[string]string{
		"Дорогой Леонид Ильич!\n\nБлагодарим за приглашение в Москву.\n\nЮ. Цеденбал\n":                         "Leonid Brezhnev",
		"Lieber Genosse Nikita Sergejewitsch!\n\nIch danke Dir für die Einladung nach Moskau.\n\nW. Ulbricht\n": "Nikita Khrushchev",
		"Dear Nikita Sergeyevich,\n\nThank you for the invitation to Moscow.\n\nH. Macmillan\n":                 "Nikita Khrushchev",
		"Dear Mikhail Sergeyevich,\n\nThank you for the invitation to Moscow.\n\nM. Thatcher\n":                 "Mikhail Sergeyevich",
		"Дорогой Иван Петрович!\n\nБлагодарим за приглашение в Москву.\n\nЮ. Цеденбал\n":                        "Ivan Petrovich",
	} {
		r, err := Extract("letter.txt", []byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(r.Recipients); len(got) != 1 || got[0] != want {
			t.Errorf("%.40q: recipients %q, want %q", in, got, want)
		}
	}
}

// TestOriginalArchive reads the newer site's "Original Archive" line: it
// names the archive when no source line does, and never adds a second
// reference to the one the source line gives.
func TestOriginalArchive(t *testing.T) {
	for _, c := range []struct {
		file, archive string
		kind, author  string
	}{
		{"page-lists-related.txt", "AMAE", "telegram", "Constantin Babeanu"},
		{"page-empty-lists.txt", "TsDA", "letter", "G. Petkov"},
		{"page-late-headings.txt", "SAPMO-BArch", "letter", "Erich Honecker"},
		{"pdf-text-original-archive.txt", "AQSH", "letter", "Enver Hoxha"},
	} {
		p := filepath.Join("testdata", "layouts", c.file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Extract(p, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.ArchivalRef) != 1 || r.ArchivalRef[0].Archive != c.archive {
			t.Errorf("%s: archives %+v, want one, %s", c.file, r.ArchivalRef, c.archive)
		}
		if r.Kind != c.kind || !slices.Contains(names(r.Authors), c.author) {
			t.Errorf("%s: kind %q authors %q", c.file, r.Kind, names(r.Authors))
		}
		for _, e := range r.Entities {
			for _, a := range []string{"Deng Xiaoping", "Thailand", "Example Foundation"} {
				if strings.Contains(e.Name, a) {
					t.Errorf("%s: %q of a related record's teaser or the funders read as an entity", c.file, a)
				}
			}
		}
	}
}

// TestAuthorityAuthor reads the page's author list written in the
// archive's authority form: "Romania. Embassy (Vietnam)" is the embassy,
// never the country Romania.
func TestAuthorityAuthor(t *testing.T) {
	p := filepath.Join("testdata", "layouts", "page-authority-author.txt")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Extract(p, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Authors) != 1 || r.Authors[0].Class != vocab.ClassOrganization || !strings.Contains(r.Authors[0].Name, "Embassy") {
		t.Errorf("authors %+v, want the Romanian embassy in Vietnam", r.Authors)
	}
}

// TestOfficeAuthor: a record "by" an office ("Memorandum of Conversation,
// by the Secretary of State") is written by the holder on its date.
func TestOfficeAuthor(t *testing.T) {
	for _, c := range []struct {
		title, date string
		authors     []string
	}{
		{"Memorandum of Conversation, by the Secretary of State", "1954-02-14", []string{"John Foster Dulles"}},
		{"Memorandum of Conversation, by the Secretary of State", "1962-05-01", []string{"Dean Rusk"}},
		{"Memorandum of Conversation", "1962-05-01", nil},
	} {
		in := "## " + c.date + "\n\n### " + c.title + "\n\n#### Contents:\n\nWe dined with the Foreign Secretary.\n"
		r, err := Extract("office.txt", []byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !oneOf(names(r.Authors), c.authors) {
			t.Errorf("%s (%s): authors %q, want %q", c.title, c.date, names(r.Authors), c.authors)
		}
	}
}

// TestSlovakTitle: a Slovak title's writer in the genitive and addressee
// in the dative are the persons the gazetteer knows in the nominative.
func TestSlovakTitle(t *testing.T) {
	in := "## 1970-05-05\n\n### List súdruha Gustáva Husáka súdruhovi Leonidovi Brežnevovi\n\n#### Contents:\n\nVážený súdruh Brežnev, ďakujeme Vám za list.\n"
	r, err := Extract("sk.txt", []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != "letter" || !oneOf(names(r.Authors), []string{"Gustáv Husák"}) || !oneOf(names(r.Recipients), []string{"Leonid Brezhnev"}) {
		t.Errorf("kind %q authors %q recipients %q", r.Kind, names(r.Authors), names(r.Recipients))
	}
	for _, e := range r.Entities {
		if strings.Contains(e.Name, "Husáka") || strings.Contains(e.Name, "Brežnevovi") {
			t.Errorf("an inflected form became an entity: %q", e.Name)
		}
	}
}

// TestCentralCommitteeOfParty: a party's central committee written with
// the party's abbreviation the gazetteer knows only for the party ("the CC
// CPY") is the committee the gazetteer names after the party; an unknown
// party's committee stays as written.
func TestCentralCommitteeOfParty(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Letter from Enver Hoxha to the CC CPY", "Central Committee of the League of Communists of Yugoslavia"},
		{"Letter from Enver Hoxha to the Other Members of the CC CPY", "Central Committee of the League of Communists of Yugoslavia"},
		{"Letter from Enver Hoxha to the CC XYZP", "CC XYZP"},
	} {
		in := "## 1948-05-04\n\n### " + c.title + "\n\n#### Contents:\n\nWe have received your letter.\n"
		r, err := Extract("cc.txt", []byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(r.Recipients); len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: recipients %q, want %q", c.title, got, c.want)
		}
	}
}
