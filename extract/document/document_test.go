package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

const markdown = `

## September 17, 1952

### Hand-delivered letter, Filippov (Stalin) to Mao Zedong

#### Citation:

"Letter", September 17, 1952, Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 343, ll. 97-103.  
<https://example.org/document/113644>

#### Summary:

Letter from Stalin to Mao.

#### Original Language:

Russian

#### Contents:

Original Scan  
Translation - English

ДЛЯ тов. МАО ЦЗЕ-ДУНА

Мы согласны с Вами.

Семенов ~~Семин~~

Мы сошлись с <sup>Диланом</sup> Ким, ~~еще~~

98

напере-
~~ны~~ теперь

FOR Comrade MAO ZEDONG

We agree with you.
`

func TestMarkdownLayout(t *testing.T) {
	d, err := Parse("ref.txt", []byte(markdown))
	if err != nil {
		t.Fatal(err)
	}
	if d.Layout != LayoutMarkdown || d.Date.Text != "September 17, 1952" || d.Title.Text != "Hand-delivered letter, Filippov (Stalin) to Mao Zedong" {
		t.Errorf("layout %q date %q title %q", d.Layout, d.Date.Text, d.Title.Text)
	}
	if d.Source != "https://example.org/document/113644" || strings.Contains(d.Citation.Text, "<http") || !strings.HasSuffix(d.Citation.Text, "ll. 97-103.") {
		t.Errorf("citation %q source %q", d.Citation.Text, d.Source)
	}
	if d.Summary.Text != "Letter from Stalin to Mao." || d.OriginalLanguage != "Russian" {
		t.Errorf("summary %q language %q", d.Summary.Text, d.OriginalLanguage)
	}
	want := []struct{ role, lang, first string }{
		{RoleOriginal, "ru", "ДЛЯ тов. МАО ЦЗЕ-ДУНА"},
		{RoleTranscription, "ru", "Семенов ~~Семин~~"},
		{RoleTranslation, "en", "FOR Comrade MAO ZEDONG"},
	}
	if len(d.Versions) != len(want) {
		t.Fatalf("%d versions: %+v", len(d.Versions), d.Versions)
	}
	for i, w := range want {
		v := d.Versions[i]
		if v.Role != w.role || v.Lang != w.lang || !strings.HasPrefix(v.Text, w.first) {
			t.Errorf("version %d: %s %s %.30q", i, v.Role, v.Lang, v.Text)
		}
		// the version's text is where its offset says it is
		if d.Text[v.Offset:v.Offset+len(v.Text)] != v.Text {
			t.Errorf("version %d: offset %d does not locate its text", i, v.Offset)
		}
	}
	if l, c := d.Position(d.Versions[2].Offset); l != 38 || c != 1 {
		t.Errorf("translation at %d:%d, want 38:1", l, c)
	}
	if l, c := d.Position(d.Title.Offset); l != 5 || c != 5 {
		t.Errorf("title at %d:%d, want 5:5", l, c)
	}
}

const page = `Skip to content

January 13, 1949

Cable, Terebin to Stalin [via Kuznetsov]

To Com[rade] F. Kuznetsov

Mao Zedong is opposed to any mediation.

Terebin

Terebin (Andrei Orlov) reports that Mao Zedong rejects mediation.

Author(s):

Associated People & Organizations

Stalin, Joseph, 1879-1953

Associated Places

China

Korea (North)

Subjects Discussed

Korean War, 1950-1953--Prisoners and prisons

Document Information

Source

APRF: F. 39, Op. 1, D. 31, L. 68. Translated by Sergey Radchenko.

Rights

Copyright may belong to third parties.

Original Uploaded Date

2011-11-20

Type

Cable

Language

Russian

Record ID

112236
`

func TestPageLayout(t *testing.T) {
	d, err := Parse("page.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if d.Layout != LayoutPage || d.Date.Text != "January 13, 1949" || d.Title.Text != "Cable, Terebin to Stalin [via Kuznetsov]" {
		t.Errorf("layout %q date %q title %q", d.Layout, d.Date.Text, d.Title.Text)
	}
	if d.RecordID != "112236" || d.Type != "Cable" || d.OriginalLanguage != "Russian" || d.Uploaded != "2011-11-20" {
		t.Errorf("id %q type %q language %q uploaded %q", d.RecordID, d.Type, d.OriginalLanguage, d.Uploaded)
	}
	if !strings.HasPrefix(d.Citation.Text, "APRF: F. 39") || !strings.HasPrefix(d.Summary.Text, "Terebin (Andrei Orlov) reports") {
		t.Errorf("citation %q summary %q", d.Citation.Text, d.Summary.Text)
	}
	if strings.Join(d.AssociatedPeople, ";") != "Stalin, Joseph, 1879-1953" ||
		strings.Join(d.AssociatedPlaces, ";") != "China;Korea (North)" || len(d.Subjects) != 1 {
		t.Errorf("lists %q %q %q", d.AssociatedPeople, d.AssociatedPlaces, d.Subjects)
	}
	if len(d.Versions) != 1 || d.Versions[0].Role != RoleTranslation || d.Versions[0].Lang != "en" ||
		!strings.HasSuffix(d.Versions[0].Text, "Terebin") {
		t.Errorf("versions %+v", d.Versions)
	}
}

func TestPlainLayout(t *testing.T) {
	in := "Дорогой товарищ Ким Ир Сен!\n\nМы согласны.\n\nИ. Сталин\n12 июня 1951 г.\n"
	d, err := Parse("p.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.Layout != LayoutPlain || d.Title.Text != "" || len(d.Versions) != 1 || d.Versions[0].Role != RoleOriginal || d.Versions[0].Lang != "ru" {
		t.Errorf("%+v", d)
	}
	if iso, ok := ParseDate(d.Date.Text); !ok || iso != "1951-06-12" {
		t.Errorf("date %q -> %q", d.Date.Text, iso)
	}
}

func TestScript(t *testing.T) {
	for in, want := range map[string]string{
		"Мы согласны с Вами": "ru", "主席并中央": "zh", "We agree": "en", "김일성": "ko", "98": "", "ひらがなと漢字": "ja",
	} {
		if got := Script(in); got != want {
			t.Errorf("Script(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"September 17, 1952": "1952-09-17", "August 1949": "1949-08", "1952": "1952", "17 September 1952": "1952-09-17",
		"17 сентября 1952г.": "1952-09-17", "17.X.1948": "1948-10-17", "1952-09-17": "1952-09-17", "1949-08": "1949-08",
		"1952年9月17日": "1952-09-17", "Sept. 3, 1951": "1951-09-03", "3 February 1951.": "1951-02-03",
		"23.10.1956": "1956-10-23", "23/10/1956": "1956-10-23", "10/23/1956": "1956-10-23", "November 9th, 1989": "1989-11-09",
		"October 23-24, 1956": "1956-10-23", "23 listopada 1981 r.": "1981-11-23", "c. 1956": "1956",
	} {
		if got, ok := ParseDate(in); !ok || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "Sometime", "No. 709", "17 Smarch 1952", "1952-13-01", "Top secret. Copying prohibited.", "31.31.1956", "5th Army"} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %q, want failure", in, got)
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"", "x.txt: empty document"},
		{"\n\n  \n", "x.txt: empty document"},
		{"<html><body>", "x.txt:1:1: an HTML page"},
		{"\n\n  <!DOCTYPE HTML>", "x.txt:3:3: an HTML page"},
		{"abc\x00def", "x.txt:1:4: binary data"},
		{"\xFF\xFE\x01", "x.txt: UTF-16 text with an odd number of bytes"},
	} {
		_, err := Parse("x.txt", []byte(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
	d, err := Parse("x.txt", []byte("\xEF\xBB\xBFline one\r\nline \xC3two\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 2 || d.Warnings[0].Error() != "x.txt:2:6: invalid UTF-8, replaced with U+FFFD" ||
		!strings.Contains(d.Warnings[1].Error(), "read as plain text: no date, no title") {
		t.Errorf("warnings %v", d.Warnings)
	}
	if strings.ContainsAny(d.Text, "\r\uFEFF") || !utf8.ValidString(d.Text) {
		t.Errorf("text not normalised: %q", d.Text)
	}
	be := []byte{0xFE, 0xFF}
	for _, r := range "## May 1950\n### Letter, Stalin to Mao\n" {
		be = append(be, byte(r>>8), byte(r))
	}
	if d, err := Parse("be.txt", be); err != nil || d.Title.Text != "Letter, Stalin to Mao" {
		t.Errorf("UTF-16BE: %v %+v", err, d)
	}
}

func corpusFiles(f *testing.F) []string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			return nil
		}
		dir = filepath.Dir(dir)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "corpus", "dev", "*.txt"))
	ref, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "corpus", "reference", "*.txt"))
	return append(files, ref...)
}

// FuzzDocument checks that no input makes Parse panic, and that what it
// returns is consistent: versions lie inside the text, positions are valid.
func FuzzDocument(f *testing.F) {
	f.Add([]byte(markdown))
	f.Add([]byte(page))
	f.Add([]byte("\xFF\xFE\x00"))
	for _, p := range corpusFiles(f) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("f.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.txt") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, v := range d.Versions {
			if v.Offset < 0 || v.Offset+len(v.Text) > len(d.Text) || d.Text[v.Offset:v.Offset+len(v.Text)] != v.Text {
				t.Fatalf("version outside the text: %+v", v)
			}
			if l, c := d.Position(v.Offset); l < 1 || c < 1 {
				t.Fatalf("bad position %d:%d", l, c)
			}
		}
		ParseDate(d.Date.Text)
	})
}

func TestDateIn(t *testing.T) {
	for in, want := range map[string]string{
		"Berlin, den 10. November 1989": "1989-11-10", "Moscow, 12 May 1968": "1968-05-12",
		"Hà Nội, ngày 2 tháng 3 năm 1965": "1965-03-02", "Warszawa, dnia 5 grudnia 1980 r.": "1980-12-05",
		"Praha, 20. srpna 1968": "1968-08-20", "Budapest, 1956. november 11.": "1956-11-11",
		"1956. november 11-én": "1956-11-11", "București, 3 martie 1964": "1964-03-03",
		// a place with no comma; Bulgarian, Italian, Albanian, Serbo-Croatian, Portuguese months; French "1er"
		"Praha 12. září 1968": "1968-09-12", "София, 3 юни 1978 г.": "1978-06-03", "Roma, 5 aprile 1962": "1962-04-05",
		"Tirana, 8 qershor 1961": "1961-06-08", "Beograd, 27. maj 1955": "1955-05-27", "Lisboa, 3 de março de 1975": "1975-03-03",
		"Paris, le 1er mars 1962": "1962-03-01", "1968년 1월 25일": "1968-01-25", "z Moskwy nadany 10.09.1981": "1981-09-10",
		// a Vietnamese date on its own; Finnish, Slovak and Chinese forms
		"ngày 12 tháng 3 năm 1965": "1965-03-12", "Helsinki 3.4.1973": "1973-04-03", "Bratislava 5. mája 1968": "1968-05-05",
		"北京，1965年3月12日": "1965-03-12", "Helsinki, 3. huhtikuuta 1973": "1973-04-03",
		// Greek, Serbian Cyrillic, Ukrainian, Danish, Swedish, Dutch, Indonesian and Turkish months
		"Αθήνα, 14 Μαΐου 1974": "1974-05-14", "Београд, 3. септембра 1961.": "1961-09-03", "Київ, 16 липня 1990 р.": "1990-07-16",
		"København, 2. marts 1972": "1972-03-02", "Stockholm den 8 augusti 1968": "1968-08-08", "Den Haag, 12 mei 1983": "1983-05-12",
		"Jakarta, 17 Agustus 1965": "1965-08-17", "Ankara, 4 Şubat 1975": "1975-02-04",
		// Arabic months with Arabic-Indic digits; Japanese eras; Chinese
		// numerals; a Vietnamese day with no "ngày"; Mongolian ordinal months;
		// a Roman month between dashes
		"القاهرة، ١٢ مايو ١٩٦٧": "1967-05-12", "東京、昭和47年9月29日": "1972-09-29", "平成元年1月8日": "1989-01-08",
		"一九五八年八月二十三日": "1958-08-23", "Hà Nội, 20 tháng 7 năm 1954": "1954-07-20",
		"1990 оны 3 дугаар сарын 9": "1990-03-09", "Warszawa, 13-XII-1981": "1981-12-13", "１９７２年９月２９日": "1972-09-29",
	} {
		if got, ok := DateIn(in); !ok || got != want {
			t.Errorf("DateIn(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Moscow", "No. 81/sh", "Comrade Kádár, 1956 was a hard year for all of us", "Secret Meeting 12"} {
		if got, ok := DateIn(in); ok {
			t.Errorf("DateIn(%q) = %q, want none", in, got)
		}
	}
}

// TestSignedBlocks: a letter several office holders sign, each block an
// office over a name, has every signer; one office over one name has none
// besides.
func TestSignedBlocks(t *testing.T) {
	in := "Nous vous remercions.\n\nVeuillez agréer, Monsieur le Président, l'assurance de notre haute considération.\n\nLe Président de la République,\nAhmed SEKOU\n\nLe Ministre des Affaires étrangères,\nLouis BEAVOGUI\n"
	got := LetterParts(in)
	if got.Signature != "Louis BEAVOGUI" || len(got.Cosigners) != 1 || got.Cosigners[0] != "Ahmed SEKOU" {
		t.Errorf("signature %q cosigners %q", got.Signature, got.Cosigners)
	}
	in = "Gracias.\n\nEl Presidente del Consejo,\nJuan PÉREZ\n"
	if got := LetterParts(in); got.Signature != "Juan PÉREZ" || len(got.Cosigners) != 0 {
		t.Errorf("signature %q cosigners %q", got.Signature, got.Cosigners)
	}
}

// TestExcellency: a formal address block names the addressee after the
// style and the honorific, on the style's line or the next.
func TestExcellency(t *testing.T) {
	for in, want := range map[string]string{
		"Conakry, le 2 mai 1961\n\nÀ Son Excellence\nMonsieur Gamal Abdel NASSER\nPrésident de la République\n\nMonsieur le Président,\n": "Gamal Abdel NASSER",
		"To His Excellency Mr. Jawaharlal Nehru\nPrime Minister of India\n\nExcellency,\n":                                                "Jawaharlal Nehru",
		"A Su Excelencia\nSeñor Presidente de la República\n\nSeñor Presidente:\n":                                                        "",
	} {
		if got := PersonalAddressee(in); got != want {
			t.Errorf("PersonalAddressee(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOfficeOnly: a header value that is an office alone, not an office
// and its holder's name.
func TestOfficeOnly(t *testing.T) {
	for v, want := range map[string]bool{
		"Secretary General": true, "Assistant Secretary General for Political Affairs": true,
		"Deputy Director of the Policy Planning Staff": true, "The Secretary of State": true, "THE SECRETARY OF DEFENSE": true,
		"Secretary General Manfred Wörner": false, "Ambassador Henning Wegener": false, "Henry Kissinger": false,
		"Minister of Foreign Affairs Andrei Gromyko": false, "Policy Planning Staff": false,
	} {
		if got := OfficeOnly(v); got != want {
			t.Errorf("OfficeOnly(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestLetterParts(t *testing.T) {
	for _, c := range []struct{ text, salutation, signature string }{
		{"Comrade Molotov,\n\nWe agree.\n\nA. Vyshinsky\n", "Comrade Molotov", "A. Vyshinsky"},
		{"Dear Comrade Brezhnev,\n\nThank you.\n\nWith communist greetings, E. Honecker\n", "Comrade Brezhnev", "E. Honecker"},
		{"Sehr geehrter Herr Präsident!\n\nDanke.\n\nA. DOBRYNIN\n12 May 1968\n", "Herr Präsident", "A. DOBRYNIN"},
		{"Дорогой товарищ Цеденбал!\n\nСпасибо.\n\nС коммунистическим приветом\nЛ. Брежнев\n", "товарищ Цеденбал", "Л. Брежнев"},
		{"Kadar: We agree with the proposal.\n\nBrezhnev: So do we.\n", "", ""},
		{"The talks went well. Moscow\n", "", ""},
		{"Report on the harvest.\n\nLajos Nagy\nAmbassador\n", "", "Lajos Nagy"},
		{"Request instructions.\n\n27.X.62   A. DOBRYNIN\n", "", "A. DOBRYNIN"},
		{"We propose a visit.\n\nSigned: Ambassador Nicolae Ionescu\n", "", "Nicolae Ionescu"},
		{"Propunem o vizită.\n\nSemnat: Ambasador Nicolae Ionescu\n", "", "Nicolae Ionescu"},
		{"TELEGRAMĂ\n\nSecret\n\nPropunem o vizită.\n", "", ""},
		{"Estimado compañero Gromyko:\n\nLe escribo.\n\nRaúl Roa\n", "compañero Gromyko", "Raúl Roa"},
		{"Скъпи другарю Брежнев,\n\nБлагодарим.\n\nТ. Живков\n", "другарю Брежнев", "Т. Живков"},
		// a name signed under the closing formula, of one word too
		{"Уважаемый Михаил Сергеевич!\n\nПрошу помочь.\n\nС глубоким уважением,\n\nНаджибулла\n", "Михаил Сергеевич", "Наджибулла"},
		{"Nous vous remercions.\n\nVeuillez agréer, Monsieur le Président, l'assurance de ma très haute considération.\n\nSihanouk\n", "", "Sihanouk"},
		{"Te saludamos.\n\nFraternalmente,\n\nFidel Castro Ruz\n", "", "Fidel Castro Ruz"},
		{"Ci vediamo a Roma.\n\nCordiali saluti,\n\nLuigi Longo\n", "", "Luigi Longo"},
		{"I dashur shoku Hrushov,\n\nJu shkruajmë.\n\nMe përshëndetje shoqërore,\n\nEnver Hoxha\n", "shoku Hrushov", "Enver Hoxha"},
		{"Arvoisa herra Pääsihteeri,\n\nKiitän kirjeestänne.\n\nKunnioittavasti,\n\nUrho Kekkonen\n", "herra Pääsihteeri", "Urho Kekkonen"},
		{"Vážený súdruh Brežnev,\n\nPíšeme Vám.\n\nS pozdravom,\n\nAlexander Dubček\n", "súdruh Brežnev", "Alexander Dubček"},
		{"亲爱的赫鲁晓夫同志：\n\n来信收到。\n\n此致\n\n毛泽东\n", "赫鲁晓夫同志", "毛泽东"},
		{"친애하는 김일성 동지,\n\n서한을 받았습니다.\n\n경의를 표하며,\n\n저우언라이\n", "김일성 동지", "저우언라이"},
		{"尊敬的首相阁下：\n\n来信收到。\n\n此致\n敬礼！\n\n周恩来\n一九五八年八月一日\n", "首相阁下", "周恩来"},
	} {
		got := LetterParts(c.text)
		if got.Salutation != c.salutation || got.Signature != c.signature {
			t.Errorf("%q: salutation %q signature %q, want %q %q", c.text, got.Salutation, got.Signature, c.salutation, c.signature)
		}
	}
	for in, want := range map[string]string{
		"Recorded by V. Vinogradov": "V. Vinogradov", "(Recorded by Kuzmin)": "Kuzmin", "Zapsal: Z. Mlynář": "Z. Mlynář",
		"Записал В. Виноградов": "В. Виноградов", "Sporządził: J. Czyrek": "J. Czyrek", "He recorded nothing.": "",
		// a rank before the recorder's name; "Запись" and the writer in the
		// genitive, never the record's own heading
		"Notes taken by Lt. Col. J. H. Caughey.": "J. H. Caughey", "Записал полковник И. П. Петров": "И. П. Петров",
		"Recorded by Capt. R. Ellis": "R. Ellis", "Запись В.И. Болдина": "В.И. Болдина", "ЗАПИСЬ БЕСЕДЫ": "",
		"Запись беседы с послом": "",
		// the recorders of other languages
		"Zapísal: J. Novák": "J. Novák", "Mbajti shënimet: R. Alia": "R. Alia", "Laatinut: K. Virtanen": "K. Virtanen",
		"Redatto da A. Rubbi": "A. Rubbi", "Rédigé par J. Dupont": "J. Dupont", "Người ghi: Nguyễn Văn Hùng": "Nguyễn Văn Hùng",
		"Изготвил: Т. Петров": "Т. Петров", "记录：王炳南": "王炳南", "기록: 김철수": "김철수",
		"gez. Brandner": "Brandner", "Antecknat av K. Lindqvist": "K. Lindqvist", "Opgesteld door P. Jansen": "P. Jansen",
		"Записао: М. Петровић": "М. Петровић", "Dicatat oleh: Budi Santoso": "Budi Santoso", "Redigido por A. Sousa": "A. Sousa",
	} {
		if got := Recorder("Text.\n\n" + in + "\n"); got != want {
			t.Errorf("Recorder(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTeaser: a related record shown before the record (date, title, a
// sentence) is passed over; the record's own date line after a security
// marking is not a teaser's end.
func TestTeaser(t *testing.T) {
	in := "April 2, 1975\n\nReport on the Fisheries Talks in Reykjavik\n\nThe talks broke off.\n\nRead more\n\nApril 9, 1975\n\nLetter from Urho Kekkonen to Leonid Brezhnev\n\nDear Leonid Ilyich,\n\nI write about the timber deliveries.\n"
	d, err := Parse("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.Date.Text != "April 9, 1975" || d.Title.Text != "Letter from Urho Kekkonen to Leonid Brezhnev" || strings.Contains(d.Text[d.Versions[0].Offset:], "Reykjavik") {
		t.Errorf("date %q title %q versions %+v", d.Date.Text, d.Title.Text, d.Versions)
	}
	// the record's own dated head in its language is no teaser's end
	in = "May 4, 1971\n\nMinutes of the Politburo Meeting on the Grain Harvest\n\nThe Politburo reviews the harvest.\n\nУлаанбаатар хот, 1971 оны 5 дугаар сарын 4\n\nТуйлын нууц хурлын тэмдэглэл\n\nОролцсон: Ж.Батмөнх\n"
	if d, _ := Parse("t.txt", []byte(in)); d.Title.Text != "Minutes of the Politburo Meeting on the Grain Harvest" {
		t.Errorf("title %q", d.Title.Text)
	}
	in = "March 14, 1963\n\nFrom the Journal of Ambassador X, Record of a Conversation with Y\n\nSECRET, Copy No. 2\n\n14 March 1963\n\nI visited Y at his request and we spoke about the harvest.\n"
	d, _ = Parse("t.txt", []byte(in))
	if d.Date.Text != "March 14, 1963" || !strings.HasPrefix(d.Title.Text, "From the Journal") {
		t.Errorf("date %q title %q", d.Date.Text, d.Title.Text)
	}
}

// TestVersionHeadings: a markdown export whose versions stand under their
// own "## Original - X" / "## Translation - English" headings, the
// contents list only naming them, has both versions.
func TestVersionHeadings(t *testing.T) {
	in := "## March 3, 1981\n\n### Note on the Talks with the Hungarian Ambassador\n\n#### Original Language:\n\nPolish\n\n#### Contents:\n\nOriginal - Polish  \nTranslation - English\n\n## Original - Polish\n\nAmbasador powiedział, że strona węgierska popiera nasze stanowisko w sprawie rozmów.\n\n## Translation - English\n\nThe ambassador said that the Hungarian side supports our position on the talks.\n"
	d, err := Parse("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Versions) != 2 || d.Versions[0].Lang != "pl" || d.Versions[0].Role != RoleOriginal || d.Versions[1].Lang != "en" ||
		strings.Contains(d.Versions[0].Text, "##") || !strings.HasPrefix(d.Versions[1].Text, "The ambassador") {
		t.Errorf("versions %+v", d.Versions)
	}
}

// TestSummaryHeadingFirst: a saved page whose "Summary" heading stands
// right after the title has the summary there and the record's text after
// it, up to the metadata block.
func TestSummaryHeadingFirst(t *testing.T) {
	in := "Skip to content\n\nMay 5, 1970\n\nSpeech by Gustáv Husák at the Plenum of the Central Committee\n\nSummary\n\nHusák defends the normalisation of the party.\n\nComrades, the party has restored its unity.\n\nWe shall not return to the errors of 1968.\n\nDocument Information\n\nSource\n\nNA, f. 1261/0/5, sv. 12.\n\nType\n\nSpeech\n\nLanguage\n\nSlovak\n"
	d, err := Parse("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.Summary.Text != "Husák defends the normalisation of the party." || len(d.Versions) == 0 ||
		!strings.HasPrefix(d.Versions[0].Text, "Comrades, the party") || !strings.Contains(d.Versions[0].Text, "errors of 1968") {
		t.Errorf("summary %q versions %+v", d.Summary.Text, d.Versions)
	}
}

// TestRoutedAddressees: a British telegram's routing line to London and a
// Chinese cable's addressing line name the addressees; copies ("INFO",
// "并告") and a speaker's mark do not.
func TestRoutedAddressees(t *testing.T) {
	for in, want := range map[string]string{
		"CONFIDENTIAL\n\nFM MOSCOW 121000Z MAY 68\nTO IMMEDIATE FCO\nTELEGRAM NUMBER 512 OF 12 MAY\nINFO PRIORITY WASHINGTON BONN\n\n1. TEXT.\n": "Foreign and Commonwealth Office",
		"SECRET\n\nFM WARSAW 030900Z FEB 56\nTO PRIORITY FOREIGN OFFICE\n\n1. TEXT.\n":                                                           "Foreign Office",
		"绝密\n\n毛主席、周总理并彭总：\n\n敌军昨日撤退。\n":                                                                                                         "毛泽东|周恩来|彭德怀",
		"机密\n\n李克农同志并告乔冠华：\n\n同意你们的意见。\n":                                                                                                        "李克农",
		"主席：\n\n我们同意。\n": "",
	} {
		if to, _ := HeaderParties(in); strings.Join(to, "|") != want {
			t.Errorf("HeaderParties(%.30q) to %q, want %q", in, to, want)
		}
	}
}

// TestListPage: a person's page heads the record with the person's name
// and years and a "Popular Documents" list; the listed records are teasers
// and the record is the last date and title.
func TestListPage(t *testing.T) {
	in := "Kekkonen, Urho 1900-1986\n\nPopular Documents\n\nJune 3, 1970\n\nMemorandum on the Treaty Extension Talks\n\nKekkonen reviews the draft with the Soviet ambassador.\n\nMay 2, 1966\n\nLetter from Urho Kekkonen to Alexei Kosygin\n\nThe president asks for timber credits.\n\nApril 9, 1962\n\nDecision of the Council of State on the Trade Mission\n\nThe council sends a mission to Moscow.\n\nPÄÄTÖS\n\nValtioneuvosto päätti lähettää valtuuskunnan.\n"
	d, err := Parse("t.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.Date.Text != "April 9, 1962" || d.Title.Text != "Decision of the Council of State on the Trade Mission" {
		t.Errorf("date %q title %q", d.Date.Text, d.Title.Text)
	}
	for _, h := range []string{"Kekkonen, Urho 1900-1986", "Kádár, János, 1912-1989", "Popular Documents"} {
		if !listPageHeader(h) {
			t.Errorf("%q not read as a list page's header", h)
		}
	}
	if listPageHeader("Moscow, April 9, 1962") {
		t.Error("a place and date read as a person page's header")
	}
}

func TestAddressee(t *testing.T) {
	for in, want := range map[string]string{
		"СЕКРЕТНО\n\nЦК КПСС\n\nО поездке делегации в Хельсинки\n\nТекст.\n":          "ЦК КПСС",
		"An das Politbüro des ZK der SED\n\nBetr.: Reiseverkehr\n\nText.\n":           "An das Politbüro des ZK der SED",
		"ЦК КПСС\n\nМы считаем целесообразным направить делегацию.\n":                 "",
		"Dear Comrade Zhivkov,\n\nRe: the Varna meeting\n":                            "",
		"Товарищу Брежневу Л.И.\n\nО ходе переговоров с финской стороной\n\nТекст.\n": "Товарищу Брежневу Л.И.",
	} {
		if got := Addressee(in); got != want {
			t.Errorf("Addressee(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFlatPDFText reads a PDF copy whose line breaks were lost: its labels
// start sections again, and positions still count the file's one line.
func TestFlatPDFText(t *testing.T) {
	in := "Digital Archive digitalarchive.wilsoncenter.org International History Declassified May 9, 1975 Letter from Gustáv Husák to Le Duan Citation: “Letter from Gustáv Husák to Le Duan,” May 9, 1975, History and Public Policy Program Digital Archive, NA, KSČ-ÚV, box 12. Summary: Husák congratulates the Vietnamese leader. Original Language: Czech Contents: English Translation Dear Comrade Le Duan, we send you our greetings."
	d, err := Parse("flat.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.Layout != LayoutPDFText || d.Date.Text != "May 9, 1975" || d.Title.Text != "Letter from Gustáv Husák to Le Duan" {
		t.Errorf("layout %q date %q title %q", d.Layout, d.Date.Text, d.Title.Text)
	}
	if d.OriginalLanguage != "Czech" || d.Summary.Text != "Husák congratulates the Vietnamese leader." {
		t.Errorf("language %q summary %q", d.OriginalLanguage, d.Summary.Text)
	}
	if len(d.Versions) != 1 || !strings.HasPrefix(d.Versions[0].Text, "Dear Comrade Le Duan") {
		t.Errorf("versions %+v", d.Versions)
	}
	if l, _ := d.Position(d.Title.Offset); l != 1 || len(d.Text) != len(in) {
		t.Errorf("title on line %d, text %d bytes of %d", l, len(d.Text), len(in))
	}
	// a record with one inline label is left as it is
	if got := unflatten("We read the Summary: it says little. Then we left."); strings.Contains(got, "\n") {
		t.Errorf("unflatten broke a sentence: %q", got)
	}
}

// TestDiaryKeeper reads whose diary a record of conversation comes from.
func TestDiaryKeeper(t *testing.T) {
	for in, want := range map[string]string{
		"SECRET\n\nFrom the diary of\nI.S. Shcherbakov\n\n14 December 1967\n\nI was received.": "I.S. Shcherbakov",
		"From the Journal of V.P. Moskovsky\n\nI visited the ministry.":                        "V.P. Moskovsky",
		"I read from the diary of the late minister that he had doubts.":                       "",
		"Secret\n\nToday I met the minister.":                                                  "",
	} {
		if got := DiaryKeeper(in); got != want {
			t.Errorf("DiaryKeeper(%.40q) = %q, want %q", in, got, want)
		}
	}
}

// TestMemorandumFor reads a memorandum's addressee from its heading line.
func TestMemorandumFor(t *testing.T) {
	in := "THE WHITE HOUSE\n\nMEMORANDUM FOR THE SECRETARY OF DEFENSE\n\nFROM: Henry A. Kissinger\n\nSUBJECT: Laos\n\nWe must decide by Friday.\n"
	d, err := Parse("memo.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.To) != 1 || d.To[0] != "THE SECRETARY OF DEFENSE" || len(d.From) != 1 || d.Title.Text != "Laos" {
		t.Errorf("to %q from %q title %q", d.To, d.From, d.Title.Text)
	}
}

func TestAuthorityBody(t *testing.T) {
	for in, want := range map[string]string{
		"Romania. Embassy (Vietnam)":               "Romanian Embassy in Vietnam",
		"Hungary. Külügyminisztérium":              "Hungarian Foreign Ministry",
		"Soviet Union. Posol'stvo (China)":         "Soviet Embassy in China",
		"Poland. Komitet Centralny":                "Komitet Centralny (Poland)",
		"Stalin, Joseph, 1879-1953":                "",
		"Molotov, V. M. (Viacheslav Mikhailovich)": "",
	} {
		got, ok := AuthorityBody(in)
		if got != want || ok != (want != "") {
			t.Errorf("AuthorityBody(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestCosigners reads the names signed together at a record's end.
func TestCosigners(t *testing.T) {
	l := LetterParts("We met Nagy today.\n\nA. Mikoyan\nM. Suslov\n")
	if l.Signature != "M. Suslov" || len(l.Cosigners) != 1 || l.Cosigners[0] != "A. Mikoyan" {
		t.Errorf("%+v", l)
	}
	l = LetterParts("We met Nagy today. The talks went on for three hours and ended late.\n\nM. Suslov\n")
	if l.Signature != "M. Suslov" || len(l.Cosigners) != 0 {
		t.Errorf("%+v", l)
	}
}

// TestPageMarks keeps a letter whose pages are marked ("[p. 2]", "- 2 -")
// one version: a mark breaks a paragraph, not the text.
func TestPageMarks(t *testing.T) {
	in := "Dear Comrade Gromyko,\n\nWe thank you for the invitation.\n\n[p. 2]\n\nWe hope to meet in the spring.\n\n- 2 -\n\nI. Horváth\n"
	d, err := Parse("marks.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Versions) != 1 || LetterParts(d.Versions[0].Text).Signature != "I. Horváth" {
		t.Errorf("versions %+v", d.Versions)
	}
	for _, s := range []string{"(p. 1)", "[p. 2]", "[Page 3]", "- 4 -", "— 5 —", "[стр. 6]"} {
		if !pageMark(strings.ToLower(s)) {
			t.Errorf("%q not read as a page mark", s)
		}
	}
	for _, s := range []string{"(see p. 2 above)", "- and then -", "[2]"} {
		if pageMark(strings.ToLower(s)) {
			t.Errorf("%q read as a page mark", s)
		}
	}
}

// TestInfoCopies reads who receives a record for information.
func TestInfoCopies(t *testing.T) {
	got := InfoCopies("Pilne\n\nTow. M. Rakowski – Wicepremier\ndo wiadomości: tow. W. Jaruzelski, tow. S. Olszowski\n\nWczoraj rozmawiałem.")
	if len(got) != 2 || got[0] != "tow. W. Jaruzelski" || got[1] != "tow. S. Olszowski" {
		t.Errorf("got %q", got)
	}
	if got := InfoCopies("We spoke yesterday about the information he gave."); got != nil {
		t.Errorf("got %q from prose", got)
	}
}

// TestRecorderNotSummary keeps a page's closing "recorded by" line in the
// record: it is no summary of it.
func TestRecorderNotSummary(t *testing.T) {
	in := "May 4, 1970\n\nRecord of a Conversation with the Mongolian Ambassador\n\nThe ambassador asked about grain.\n\nЗаписал: А. Смирнов\n\nDocument Information\n\nSource\n\nAVP RF, f. 0111, op. 51, d. 4, l. 2.\n"
	d, err := Parse("page.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.Summary.Text != "" || len(d.Versions) == 0 || Recorder(d.Versions[len(d.Versions)-1].Text) != "А. Смирнов" {
		t.Errorf("summary %q versions %+v", d.Summary.Text, d.Versions)
	}
}

// TestTitleThenDate reads a page whose title stands before its date line;
// a plain letter's first sentence before a date is no title.
func TestTitleThenDate(t *testing.T) {
	d, err := Parse("td.txt", []byte("Telegram from Ambassador Puzanov to Moscow\n\nMay 3, 1958\n\nToday I met Zhivkov.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Layout != LayoutPage || d.Title.Text != "Telegram from Ambassador Puzanov to Moscow" || d.Date.Text != "May 3, 1958" {
		t.Errorf("layout %q title %q date %q", d.Layout, d.Title.Text, d.Date.Text)
	}
	d, err = Parse("plain.txt", []byte("Sofia\n\nMay 3, 1958\n\nDear Comrade Puzanov,\n\nWe thank you.\n\nT. Zhivkov\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Layout != LayoutPlain || d.Title.Text != "" {
		t.Errorf("layout %q title %q", d.Layout, d.Title.Text)
	}
}

// TestMarkdownDateElsewhere dates a markdown export with no date heading
// by its title's end or its citation sentence.
func TestMarkdownDateElsewhere(t *testing.T) {
	for in, want := range map[string]string{
		"### Minutes of the Meeting of the PUWP Politburo, 12 March 1968\n\n#### Contents:\n\nPresent: Gomułka.\n":                                                                    "12 March 1968",
		"#### Citation:\n\n\"Letter from Novotný to Ulbricht,\" May 6, 1962, Wilson Center Digital Archive, NA, AÚV KSČ, f. 1261/0/44.\n\n#### Contents:\n\nDear Comrade Ulbricht,\n": "May 6, 1962",
	} {
		d, err := Parse("md.txt", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if d.Date.Text != want || d.Title.Text == "" {
			t.Errorf("%.30q: date %q title %q", in, d.Date.Text, d.Title.Text)
		}
	}
}

// TestHeadersOfOtherLanguages: the header lines of French, Spanish, Italian,
// Albanian and Finnish memoranda, a space before the colon too, and a
// heading that names the addressee ("NOTE POUR LE PRÉSIDENT ...").
func TestHeadersOfOtherLanguages(t *testing.T) {
	for _, c := range []struct{ text, to, from string }{
		{"À : Monsieur le Président de la République\nDe : Jean Dupont\nObjet : Berlin\n\nTexte.\n", "Monsieur le Président de la République", "Jean Dupont"},
		{"Para: Raúl Roa\nDe: Carlos Olivares\nAsunto: Viaje\n\nTexto.\n", "Raúl Roa", "Carlos Olivares"},
		{"A: il Segretario\nDa: Ufficio Esteri\nOggetto: Cina\n\nTesto.\n", "", "Ufficio Esteri"},
		{"Për: Mehmet Shehu\nNga: Ministria e Punëve të Jashtme\n\nTeksti.\n", "Mehmet Shehu", "Ministria e Punëve të Jashtme"},
		{"번호: JAW-08123\n수신: 외무부장관\n발신: 주일대사\n제목: 면담\n\n본문.\n", "외무부장관", "주일대사"},
		{"宛先：外務大臣\n発信：在ソ大使\n件名：会談\n\n本文。\n", "外務大臣", "在ソ大使"},
		{"Vastaanottaja: Urho Kekkonen\nLähettäjä: Ahti Karjalainen\nAihe: Moskova\n\nTeksti.\n", "Urho Kekkonen", "Ahti Karjalainen"},
	} {
		to, from := HeaderParties(c.text)
		if strings.Join(to, "|") != c.to || strings.Join(from, "|") != c.from {
			t.Errorf("%q: to %q from %q, want %q %q", c.text, to, from, c.to, c.from)
		}
	}
	d, err := Parse("n.txt", []byte("NOTE POUR LE PRÉSIDENT DE LA RÉPUBLIQUE\n\nDate : 4 décembre 1989\nObjet : Kiev\n\nLe plan en dix points.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.To, "|") != "LE PRÉSIDENT DE LA RÉPUBLIQUE" || d.Title.Text != "Kiev" || d.Date.Text == "" {
		t.Errorf("to %q title %q date %q", d.To, d.Title.Text, d.Date.Text)
	}
}

// TestClassifierNames: the officer an American cable's classification
// line names, surname first in capitals, in the usual order.
func TestClassifierNames(t *testing.T) {
	in := "CONFIDENTIAL\nFM AMEMBASSY LISBON\nTO SECSTATE WASHDC 2291\nE.O. 11652: GDS (CARLUCCI, FRANK C.) OR-M\nTAGS: PINT\n\n1. TEXT (SEE REF 3).\n"
	if got := ClassifierNames(in); len(got) != 1 || got[0] != "Frank C. Carlucci" {
		t.Errorf("ClassifierNames = %q, want [Frank C. Carlucci]", got)
	}
	if got := ClassifierNames("E.O. 12065: N/A\nTAGS: PINT\n"); len(got) != 0 {
		t.Errorf("a line without a name gave %q", got)
	}
}
