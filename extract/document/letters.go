package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headerLine reads a memorandum's header line ("To: ...", "From: ...",
// "Date: ...", "Subject: ...", "MEMORANDUM FOR: ...", "THROUGH: ..."): key
// is "to", "from", "via", "date", "subject" or "copy", value the text
// after the colon.
func headerLine(t string) (key, value string, ok bool) {
	i := strings.IndexAny(t, ":：")
	if i <= 0 || i > 16 {
		return "", "", false
	}
	w := 1
	if t[i] != ':' {
		w = len("：") // the full-width colon of Chinese and Japanese heads
	}
	v := strings.TrimSpace(t[i+w:])
	switch strings.ToLower(strings.TrimSpace(t[:i])) {
	case "to", "кому", "an", "do", "címzett", "komu", "for", "memorandum for", "memorandum to",
		// French, Spanish, Italian, Albanian, Finnish, Vietnamese memoranda ("À : Monsieur le Président")
		"à", "destinataire", "destinataires", "para", "destinatario", "për", "drejtuar", "vastaanottaja", "kính gửi", "gửi",
		// Korean, Japanese and Chinese cables' routing lines
		"수신", "宛先", "宛", "收件人", "收电人":
		key = "to"
	case "through", "thru", "via":
		key = "via"
	case "from", "от", "von", "od", "feladó", "de", "expéditeur", "remitente", "da", "mittente", "nga", "lähettäjä",
		"발신", "発信", "発信者", "发电人", "发报人":
		key = "from"
	case "date", "дата", "datum", "data", "dátum", "fecha", "datë", "päivämäärä", "ngày", "일시", "日付", "日期":
		key = "date"
	case "subject", "re", "тема", "betreff", "betr.", "temat", "tárgy", "věc", "objet", "asunto", "oggetto", "vec", "lënda",
		"aihe", "trích yếu", "v/v", "제목", "件名", "标题", "事由":
		key = "subject"
	case "copy", "copy to", "cc", "copies", "copie", "copia", "copie à", "kopie", "kopia", "jäljennös", "참조", "抄送":
		key = "copy"
	default:
		return "", "", false
	}
	return key, v, true
}

// bracketHeader reads a routing line whose label a translator put in
// brackets, as translated cables write them ("[to] Minister of Foreign
// Affairs", "[from] Ambassador Nakagawa Toru").
func bracketHeader(t string) (key, value string, ok bool) {
	if !strings.HasPrefix(t, "[") {
		return "", "", false
	}
	j := strings.IndexByte(t, ']')
	if j < 0 || j > 8 {
		return "", "", false
	}
	v := strings.TrimSpace(strings.TrimLeft(t[j+1:], ": "))
	switch strings.ToLower(strings.TrimSpace(t[1:j])) {
	case "to":
		return "to", v, v != ""
	case "from":
		return "from", v, v != ""
	}
	return "", "", false
}

// HeaderParties returns the addressees and senders the routing lines at
// the head of a text name ("To: Miki Takeo", "From: Hayashi Goro", "[to]
// Minister of Foreign Affairs"), as written: a record page's body that
// opens like a memorandum. A line under a name that gives the holder's
// office ("Minister for Foreign Affairs") is not another party.
func HeaderParties(text string) (to, from []string) {
	n := 0
	for _, l := range strings.SplitN(text, "\n", 60) {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if n++; n > 25 || len(t) > 160 {
			break
		}
		if r := routedTo(t); r != "" {
			to = append(to, r)
			continue
		}
		if n <= 8 {
			if names := chineseAddressees(t); len(names) > 0 {
				to = append(to, names...)
				continue
			}
		}
		key, v, ok := headerLine(t)
		if !ok {
			key, v, ok = bracketHeader(t)
		}
		if !ok || v == "" {
			continue
		}
		switch key {
		case "to":
			to = append(to, v)
		case "from":
			from = append(from, v)
		}
	}
	return to, from
}

// chineseForms are the forms of address a Chinese cable's addressing line
// writes leaders by (surname and office), with the names they stand for.
var chineseForms = map[string]string{"毛主席": "毛泽东", "周总理": "周恩来", "彭总": "彭德怀", "朱总司令": "朱德", "刘主席": "刘少奇"}

// chineseAddressees reads a Chinese cable's addressing line: the
// addressees joined by "、" and "并" (and, for the last), closed by a
// full-width colon ("毛主席、周总理并彭总：", "李克农同志并告乔冠华：", where the
// one informed is a copy's addressee, not the cable's). Forms of address
// give the leaders' names; "同志" (comrade) is dropped.
func chineseAddressees(t string) []string {
	body, ok := strings.CutSuffix(t, "：")
	if !ok {
		return nil
	}
	var out []string
	parts := strings.FieldsFunc(body, func(r rune) bool { return r == '、' || r == '并' || r == '，' || r == '及' })
	if len(parts) == 1 && !strings.HasSuffix(body, "同志") && chineseForms[body] == "" {
		return nil // one name alone is a speaker's mark ("主席："), not an addressing line
	}
	for _, part := range parts {
		part = strings.TrimSuffix(strings.TrimSpace(part), "同志")
		if strings.HasPrefix(part, "告") {
			continue // "并告X": X is informed, a copy's addressee
		}
		n := 0
		for _, r := range part {
			if !unicode.Is(unicode.Han, r) {
				return nil
			}
			n++
		}
		if n < 2 || n > 5 {
			return nil
		}
		if full, ok := chineseForms[part]; ok {
			part = full
		}
		out = append(out, part)
	}
	return out
}

// routedTo reads a British telegram's routing line to the office in
// London ("TO IMMEDIATE FCO", "TO PRIORITY FOREIGN OFFICE"): the ministry
// it is addressed to, by its name; "" for another line. The posts an
// "INFO" line copies it to are no addressees.
func routedTo(t string) string {
	rest, ok := strings.CutPrefix(t, "TO ")
	if !ok || !UpperOnly(t) {
		return ""
	}
	w := strings.Fields(rest)
	for len(w) > 0 {
		switch w[0] {
		case "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH", "OPERATIONAL", "DESKBY", "DEFERRED":
			w = w[1:]
			continue
		}
		break
	}
	switch {
	case len(w) >= 1 && w[0] == "FCO":
		return "Foreign and Commonwealth Office"
	case len(w) >= 1 && w[0] == "FO", len(w) >= 2 && w[0] == "FOREIGN" && w[1] == "OFFICE":
		return "Foreign Office"
	}
	return ""
}

// greetings open a salutation before the addressee ("Dear Comrade
// Brezhnev,"), in the languages of these records.
var greetings = []string{
	"my dear ", "dear ", "deeply respected ", "highly esteemed ", "respected ", "esteemed ", "to ",
	"глубокоуважаемый ", "глубокоуважаемые ", "дорогой ", "дорогие ", "уважаемый ", "уважаемые ",
	"lieber ", "liebe ", "werter ", "werte ", "sehr geehrter ", "sehr geehrte ",
	"drogi ", "drodzy ", "szanowny ", "szanowni ", "kedves ", "tisztelt ", "vážený ", "vážení ", "milý ",
	"stimate ", "stimați ", "dragă ", "dragi ",
	"estimado ", "estimada ", "estimados ", "querido ", "querida ", "queridos ", "distinguido ", "cher ", "chère ", "chers ",
	"caro ", "cara ", "cari ", "prezado ", "уважаеми ", "скъпи ", "драги ", "эрхэм ",
	// Slovak, Albanian, Finnish, Italian, Vietnamese, Korean and Chinese letters
	"drahý ", "milí ", "i dashur ", "të dashur ", "i nderuar ", "të nderuar ", "arvoisa ", "hyvä ",
	"egregio ", "gentile ", "kính gửi ", "thân gửi ", "존경하는 ", "친애하는 ", "尊敬的", "亲爱的",
}

// honorifics stand before a name in a salutation or a signature.
var honorifics = []string{
	"comrades ", "comrade ", "cde. ", "com. ", "mr. ", "mr ", "mrs. ", "mister ", "sir ",
	"товарищи ", "товарищ ", "тов. ", "genossen ", "genosse ", "towarzysze ", "towarzyszu ", "towarzysz ",
	"elvtárs ", "elvtársak ", "soudruhu ", "soudruzi ", "soudruh ", "tovarășe ", "tovarăși ", "đồng chí ",
	"compañero ", "compañeros ", "compañera ", "camarada ", "camarade ", "compagno ", "señor ", "monsieur ",
	"другарю ", "другари ", "нөхөр ",
	"súdruh ", "súdruhu ", "súdruhovi ", "shoku ", "shokë ", "herra ", "toveri ", "signor ", "compagni ", "동지 ",
}

// salutation returns the addressee a salutation line names ("Comrade
// Molotov," -> "Comrade Molotov"; "Dear Comrade Brezhnev," -> "Comrade
// Brezhnev"), or "" when the line is not one.
func salutation(t string) string {
	t = strings.TrimSpace(t)
	if t == "" || len([]rune(t)) > 80 {
		return ""
	}
	// the full-width marks of Chinese, Japanese and Korean letters
	for _, fw := range []struct{ wide, narrow string }{{"：", ":"}, {"，", ","}, {"！", "!"}} {
		if w, ok := strings.CutSuffix(t, fw.wide); ok {
			t = w + fw.narrow
		}
	}
	last := t[len(t)-1]
	if last != ',' && last != '!' && last != ':' {
		return ""
	}
	low := strings.ToLower(t)
	greeted := false
	for _, g := range greetings {
		if strings.HasPrefix(low, g) {
			greeted = g != "to "
			if g == "to " && last != ':' && last != ',' {
				return ""
			}
			t, low = t[len(g):], low[len(g):]
			break
		}
	}
	honored := false
	for _, h := range honorifics {
		if strings.HasPrefix(low, h) {
			honored = true
			break
		}
	}
	if !honored && !greeted {
		return ""
	}
	name := strings.TrimSpace(strings.TrimRight(t, ",!:"))
	if name == "" || strings.IndexFunc(name, unicode.IsDigit) >= 0 || strings.Count(name, " ") > 6 {
		return ""
	}
	return name
}

// closings end a letter before the signature.
var closings = []string{
	"with communist greetings", "with comradely greetings", "with fraternal greetings", "with socialist greetings",
	"yours sincerely", "sincerely yours", "sincerely", "respectfully yours", "respectfully", "with respect",
	"with deep respect", "with best wishes", "best regards", "faithfully yours", "yours faithfully", "yours",
	"с коммунистическим приветом", "с товарищеским приветом", "с уважением",
	"mit kommunistischem gruß", "mit kommunistischem gruss", "mit sozialistischem gruß", "mit sozialistischem gruss",
	"mit brüderlichem gruß", "z komunistycznym pozdrowieniem", "z wyrazami szacunku", "elvtársi üdvözlettel",
	"s komunistickým pozdravem", "s soudružským pozdravem", "cu salutări comuniste", "cu stimă",
	"с глубоким уважением", "с искренним уважением", "с братским приветом", "с наилучшими пожеланиями", "с уважение",
	"с другарски поздрав", "mit freundlichen grüßen", "mit freundlichen grüssen", "hochachtungsvoll", "mit vorzüglicher hochachtung",
	"veuillez agréer", "je vous prie d'agréer", "avec mes sentiments", "bien à vous", "très cordialement", "cordialement",
	"atentamente", "cordialmente", "fraternalmente", "un abrazo", "con saludos", "patria o muerte", "distinti saluti",
	"cordiali saluti", "con stima", "s pozdravom", "s úctou", "s pozdravem", "me respekt", "me nderime", "me përshëndetje",
	"ystävällisin terveisin", "kunnioittavasti", "tisztelettel", "üdvözlettel", "z poważaniem", "z pozdrowieniami",
	"cu respect", "cu deosebită stimă", "kính thư", "chào thân ái", "chào quyết thắng", "此致", "敬礼", "경의를 표하며",
}

// signatureWords are words a title or a closing uses that no signature
// name holds.
var signatureWords = map[string]bool{
	// a record's heading in capitals is no name
	"telegram": true, "telegramă": true, "telegrama": true, "telegramm": true, "телеграмма": true, "шифротелеграмма": true,
	"memorandum": true, "report": true, "raport": true, "bericht": true, "jelentés": true, "minutes": true, "protocol": true,
	"protokoll": true, "information": true, "informacja": true, "notatka": true, "notă": true, "nota": true, "szyfrogram": true,
	"cable": true, "cablegram": true, "ciphergram": true, "letter": true, "записка": true, "справка": true, "feljegyzés": true,
	"secretary": true, "general": true, "chairman": true, "ambassador": true, "minister": true, "president": true,
	"first": true, "central": true, "committee": true, "embassy": true, "ministry": true, "top": true, "secret": true,
	"copy": true, "copies": true, "attachment": true, "enclosure": true, "signed": true, "signature": true, "translator": true,
	"the": true, "of": true, "and": true, "to": true, "in": true, "for": true, "end": true, "note": true,
	"ussr": true, "cpsu": true, "sed": true, "pzpr": true, "deputy": true, "premier": true, "charge": true,
	"chargé": true, "affaires": true, "counsellor": true, "attaché": true, "consul": true, "page": true,
	"moscow": true, "berlin": true, "warsaw": true, "budapest": true, "prague": true, "hanoi": true,
	"beijing": true, "peking": true, "washington": true, "bucharest": true, "sofia": true, "ulaanbaatar": true,
	"pyongyang": true, "москва": true, "секретно": true, "посол": true,
}

// signedMarks open a signature line.
var signedMarks = []string{"/s/", "(signed)", "[signed]", "signed:", "signed", "подпись", "(подпись)"}

var signedLen = longest(signedMarks)

// signatureName reports whether a line is a name signed under a letter
// ("A. Vyshinsky", "A. DOBRYNIN", "Erich Honecker", "(signed) N. Khrushchev")
// and returns it without the surrounding marks.
func signatureName(t string) string {
	t = strings.TrimSpace(t)
	low := lowerHead(t, signedLen)
	for _, p := range signedMarks {
		if strings.HasPrefix(low, p) {
			t = strings.TrimSpace(t[len(p):])
			low = lowerHead(t, signedLen)
		}
	}
	t = strings.Trim(t, "()[]/ .,;")
	if t == "" || len(t) > 48 || strings.IndexFunc(t, unicode.IsDigit) >= 0 {
		return ""
	}
	if _, ok := ParseDate(t); ok {
		return ""
	}
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 4 {
		return ""
	}
	initials, names := 0, 0
	for _, w := range words {
		if signatureWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return ""
		}
		if !unicode.IsUpper(firstRune(w)) {
			return ""
		}
		core := strings.Trim(w, ".")
		switch {
		case isInitials(w):
			initials++
		case len([]rune(core)) >= 2 && strings.IndexFunc(core, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) < 0:
			names++
		default:
			return ""
		}
	}
	if names == 0 || names == 1 && initials == 0 && !allUpper(t) {
		return ""
	}
	return t
}

// markedSurname returns a lone surname written after a signature's mark
// ("gez. Seidel", "/s/ Kowalski"), or "".
func markedSurname(t string) string {
	t = strings.Trim(strings.TrimSpace(t), "()[] .,;")
	if n := utf8.RuneCountInString(t); n >= 2 && (n <= 4 || n <= 6 && unicode.Is(unicode.Hangul, firstRune(t))) &&
		(unicode.Is(unicode.Han, firstRune(t)) || unicode.Is(unicode.Hangul, firstRune(t))) {
		for _, r := range t {
			if !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Hangul, r) {
				return ""
			}
		}
		return t // a name in Chinese characters or Hangul: "毛泽东", "김일성", "저우언라이"
	}
	if t == "" || strings.ContainsAny(t, " \t") || len([]rune(t)) < 3 || !unicode.IsUpper(firstRune(t)) ||
		signatureWords[strings.ToLower(t)] {
		return ""
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return ""
		}
	}
	return t
}

// isInitials reports whether w is one or more initials: "A.", "N.S.", "Л.И.".
func isInitials(w string) bool {
	if !strings.HasSuffix(w, ".") {
		return false
	}
	for _, p := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		if n := len([]rune(p)); n == 0 || n > 2 || !unicode.IsUpper(firstRune(p)) {
			return false
		}
	}
	return true
}

func allUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 2
}

// Letter is what the opening and the end of a letter or memorandum say of
// its parties: the addressee of a salutation ("Comrade Molotov") and the
// name signed under it ("A. Vyshinsky"), as written.
type Letter struct {
	Salutation string
	Signature  string
	// Cosigners are the names signed on the lines just above the
	// signature ("A. Mikoyan" over "M. Suslov"), in their order.
	Cosigners []string
	// OnBehalf is set when a line above the signature says it is signed
	// for a body ("On behalf of the Central Committee ..."): the body
	// writes, and the signer with it.
	OnBehalf bool
}

// behalfLeads open the line that signs for a body, in the languages of
// these records.
var behalfLeads = []string{"on behalf of", "for the central committee", "от имени", "по поручению", "im auftrag", "im namen",
	"w imieniu", "în numele", "jménem", "za ústřední výbor", "en nombre de", "au nom de", "a nome d", "em nome d"}

func behalfLine(t string) bool {
	low := strings.ToLower(strings.TrimSpace(t))
	for _, b := range behalfLeads {
		if strings.HasPrefix(low, b) {
			return true
		}
	}
	return strings.HasSuffix(low, " nevében") || strings.HasSuffix(low, " nevében:")
}

// LetterParts reads the salutation among the first lines of a text and
// the signature among its last.
func LetterParts(text string) Letter {
	var l Letter
	ls := strings.Split(ends(text, 3000), "\n")
	seen := 0
	for _, s := range ls {
		t := strings.TrimSpace(s)
		if t == "" {
			continue
		}
		if seen++; seen > 6 {
			break
		}
		if _, _, ok := headerLine(t); ok {
			continue
		}
		if a := salutation(t); a != "" {
			l.Salutation = a
			break
		}
	}
	seen = 0
	under := "" // the line read before, under this one
	for i := len(ls) - 1; i >= 0 && seen < 6; i-- {
		t := strings.TrimSpace(ls[i])
		if t == "" {
			continue
		}
		seen++
		low := strings.ToLower(t)
		for _, c := range closings {
			if strings.HasPrefix(low, c) {
				rest := strings.TrimLeft(t[len(c):], " ,.!:")
				if n := signatureName(rest); n != "" {
					l.Signature = n
				} else if l.Signature == "" && under != "" {
					// the name signed under the closing, one word too: "С
					// глубоким уважением, / Наджибулла", "Veuillez agréer,
					// ... l'assurance de ma très haute considération. / Sihanouk"
					if l.Signature = signatureName(under); l.Signature == "" {
						l.Signature = markedSurname(under)
					}
				}
				return l
			}
		}
		under = t
		if len(t) > 80 || strings.HasSuffix(t, ":") {
			break // the body's prose
		}
		if strings.HasSuffix(t, ",") || strings.HasSuffix(t, "!") {
			continue // a salutation or a closing, not a name
		}
		n := signatureName(dropOffice(unsigned(t)))
		if u := unsigned(t); n == "" && u != t {
			n = markedSurname(u) // "gez. Seidel": the mark makes a surname a signature
		}
		if n != "" {
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				l.OnBehalf = l.OnBehalf || behalfLine(ls[k])
			}
			l.Signature = n
			// names signed on the lines right above it
			k := i - 1
			for ; k >= 0 && k >= i-4; k-- {
				u := strings.TrimSpace(ls[k])
				c := signatureName(dropOffice(unsigned(u)))
				if u == "" || c == "" {
					break
				}
				l.Cosigners = append([]string{c}, l.Cosigners...)
			}
			if len(l.Cosigners) == 0 {
				l.Cosigners = signedBlocks(ls, i)
			}
			break
		}
		// a date and the name on one line: "27.X.62   A. DOBRYNIN"
		if i := strings.LastIndex(t, "  "); i > 0 {
			if n := signatureName(strings.TrimSpace(t[i:])); n != "" {
				l.Signature = n
				break
			}
		}
	}
	return l
}

// signedBlocks reads the signature blocks above the last one when each
// gives its signer's office on the line over the name ("Le Chef de l'État,
// / Joseph KASAVUBU", a blank line, "Le Premier Ministre, / Patrice
// LUMUMBA"): a letter several office holders sign. i is the last block's
// name line; the names above it are returned in their order.
func signedBlocks(ls []string, i int) []string {
	office := func(t string) bool {
		return t != "" && len(t) <= 70 && strings.HasSuffix(t, ",") && signatureName(strings.TrimSuffix(t, ",")) == ""
	}
	if i < 1 || !office(strings.TrimSpace(ls[i-1])) {
		return nil
	}
	var names []string
	k := i - 2
	for n := 0; n < 4; n++ {
		for k >= 0 && strings.TrimSpace(ls[k]) == "" {
			k--
		}
		if k < 1 {
			break
		}
		c := signatureName(strings.TrimSpace(ls[k]))
		if c == "" || !office(strings.TrimSpace(ls[k-1])) {
			break
		}
		names = append([]string{c}, names...)
		k -= 2
	}
	return names
}

// offices stand before a signed name ("Ambassador Imre Pehr").
var offices = []string{"ambassador", "chargé d'affaires", "charge d'affaires", "counsellor", "consul", "minister",
	"first secretary", "secretary", "chairman", "president", "general secretary", "посол", "botschafter", "ambasador", "nagykövet", "velvyslanec"}

// dropOffice removes an office written before a signed name.
func dropOffice(t string) string {
	low := strings.ToLower(t)
	for _, o := range offices {
		if strings.HasPrefix(low, o+" ") {
			return strings.TrimSpace(t[len(o)+1:])
		}
	}
	return t
}

// recorderLeads open the line naming who recorded a conversation or
// compiled notes, in the languages of these records.
var recorderLeads = []string{
	"recorded by", "record made by", "record taken by", "compiled by", "notes taken by", "notes by", "minutes taken by",
	"memorandum by", "drafted by", "prepared by", "записал", "записала", "запись вел", "запись вела", "составил",
	"zapsal", "zapsala", "zapisał", "zapisała", "sporządził", "sporządziła", "feljegyezte", "lejegyezte", "készítette",
	"aufgezeichnet von", "aufgezeichnet:", "niedergeschrieben von", "protokollführer", "protokoll:", "a consemnat",
	// who submits a report or a proposal to a body
	"submitted by", "presented by", "előterjesztő:", "előterjeszti:", "předkládá:", "przedkłada:", "вносит:", "vorgelegt von",
	"einreicher:", "prezintă:",
	// Bulgarian, Slovak, Albanian, Finnish, Italian, Spanish, French,
	// Vietnamese, Chinese and Korean recorders and drafters
	"изготвил:", "изготвил", "съставил", "zapísal", "zapísala", "vypracoval", "vypracovala", "mbajti shënimet", "përpiloi",
	"procesverbalin e mbajti", "laatinut", "muistion laati", "kirjasi", "redatto da", "verbalizzante:", "redactado por",
	"elaborado por", "tomó notas", "notas tomadas por", "rédigé par", "compte rendu établi par", "notes prises par",
	"người ghi:", "người ghi", "ghi biên bản:", "记录人：", "记录：", "记录人:", "记录:", "整理：", "기록:", "기록자:", "작성:",
	// the signed mark under a German note of talks names its writer ("gez.
	// Neuer"); Danish, Swedish, Dutch, Greek, Serbian, Ukrainian, Japanese,
	// Portuguese and Indonesian recorders
	"gez.", "referent:", "referat ved", "antecknat av", "antecknare:", "opgesteld door", "notulist:", "notulen:",
	"συνέταξε:", "συνέταξε", "κατέγραψε:", "κατέγραψε", "записао:", "записао", "саставио:", "записав:", "записав",
	"記録者：", "記録：", "記録者:", "記録:", "redigido por", "registado por", "registrado por", "notas tomadas por",
	"dicatat oleh", "notulis:", "notulen oleh",
	// a line that is only the record's mark and its writer in the genitive: "Запись В.И. Болдина"
	"запись", "zapis", "aufzeichnung:", "notes by:",
}

// lineLeads are the recorder leads that count only at the start of a line.
var lineLeads = map[string]bool{"запись": true, "zapis": true}

// Recorder returns the name of whoever recorded a conversation or
// compiled the notes, from a line such as "Recorded by V. Vinogradov",
// "(Recorded by: J. Czyrek)", "Zapsal: Z. Mlynář", "Записал В. Виноградов";
// "" when the text has none.
func Recorder(text string) string {
	for _, l := range strings.Split(ends(text, 4000), "\n") {
		t := strings.Trim(strings.TrimSpace(l), "()[]")
		if len(t) > 120 {
			continue
		}
		if n := recorderIn(t); n != "" {
			return n
		}
	}
	return ""
}

func recorderIn(t string) string {
	low := strings.ToLower(t)
	for _, p := range recorderLeads {
		i := strings.Index(low, p)
		if i < 0 || i > 0 && low[i-1] != ' ' && low[i-1] != '.' && low[i-1] != ',' || i > 0 && lineLeads[p] ||
			lineLeads[p] && !strings.HasPrefix(t[i+len(p):], " ") {
			continue
		}
		rest := dropRank(strings.TrimLeft(t[i+len(p):], " :"))
		// up to the end of the name: a full stop after a word, a comma, a semicolon
		end := len(rest)
		for k, r := range rest {
			if r == ',' || r == ';' || r == '(' {
				end = k
				break
			}
			if r == '.' && k >= 3 && unicode.IsLower(rune(rest[k-1])) {
				end = k
				break
			}
		}
		name := strings.TrimSpace(rest[:end])
		if lineLeads[p] {
			// only a name with initials: "Запись В.И. Болдина", never "ЗАПИСЬ БЕСЕДЫ"
			if n := signatureName(name); n != "" && strings.Contains(n, ".") {
				return n
			}
			continue
		}
		if n := signatureName(name); n != "" {
			return n
		}
		if w := strings.Fields(strings.Trim(name, ".")); len(w) == 1 && unicode.IsUpper(firstRune(w[0])) && len(w[0]) > 2 &&
			!signatureWords[strings.ToLower(w[0])] {
			return w[0]
		}
		if w := strings.Fields(name); len(w) == 1 && !unicode.IsUpper(firstRune(w[0])) {
			if n := markedSurname(w[0]); n != "" {
				return n // "记录：王炳南"
			}
		}
	}
	return ""
}

// ranks are the military and civil ranks and forms of address a
// recorder's line writes before the name ("Notes taken by Lt. Col. J. H.
// Caughey", "Записал полковник И. Петров").
var ranks = []string{"lt. col.", "lt. gen.", "maj. gen.", "brig. gen.", "lt. cdr.", "lieutenant colonel", "lieutenant general",
	"major general", "rear admiral", "vice admiral", "col.", "maj.", "capt.", "lt.", "gen.", "adm.", "cdr.", "sgt.",
	"colonel", "major", "captain", "lieutenant", "commander", "general", "mr.", "mrs.", "dr.", "sir", "comrade", "cde.",
	"полковник", "подполковник", "майор", "капитан", "генерал", "тов.", "товарищ", "oberst", "oberstleutnant", "hauptmann",
	"genosse", "genossin", "płk", "ppłk", "mjr", "kpt.", "gen.", "tow.", "s.", "plk.", "pplk.", "mjr.", "kpt", "százados",
	"őrnagy", "ezredes", "elvtárs"}

// dropRank takes ranks and forms of address off the start of a name.
func dropRank(t string) string {
	for changed := true; changed; {
		changed = false
		low := lowerHead(t, 24)
		for _, r := range ranks {
			if strings.HasPrefix(low, r+" ") && len(t) > len(r)+1 {
				t, changed = strings.TrimLeft(t[len(r):], " "), true
				break
			}
		}
	}
	return t
}

// CitationRecorder returns the compiler or recorder a citation names
// ("... Ll. 15-18ob. Compiled by V. N. Malin. Translated by ..."), or "".
func CitationRecorder(c string) string { return recorderIn(c) }

// addresseeLeads open the addressee line at the head of a memorandum to a
// party body or a leader ("ЦК КПСС", "Товарищу Брежневу Л.И.", "An das
// Politbüro des ZK der SED").
var addresseeLeads = []string{
	"ЦК ", "В ЦК ", "Президиуму ", "Президиум ", "Политбюро", "Совет Министров", "Совету Министров", "Товарищу ", "товарищу ",
	"Тов. ", "тов. ", "To the CC", "To the Central Committee", "To the Politburo", "To the Presidium", "An das ZK", "An das Zentralkomitee",
	"An das Politbüro", "An den Genossen", "An Genossen", "Do KC", "Do Komitetu Centralnego", "Do Biura Politycznego", "Towarzysz ",
	"Az MSZMP", "A Politikai Bizottság", "Ústřednímu výboru", "Předsednictvu", "Soudruhu ",
}

// personalLeads open an addressee line naming one person in the dative
// or after "to" ("Товарищу Громыко А.А.", "Do Tow. Stanisława Kani",
// "Soudruhu L. I. Brežněvovi"); personalEnds close one in Hungarian
// ("Kádár János elvtársnak").
var (
	personalLeads = []string{"Товарищу ", "Тов. ", "Do Tow. ", "Do tow. ", "Do Towarzysza ", "Do towarzysza ", "Tow. ", "Soudruhu ",
		"Soudružce ", "An Genossen ", "An den Genossen ", "An die Genossin ", "Tovarășului ", "Către tovarășul "}
	personalEnds = []string{" elvtársnak", " elvtársnőnek", " elvtárs részére"}
)

// personalAddressee reports whether a line is a short addressee line
// naming one person: a lead of personalLeads or an end of personalEnds and
// two to five words of a name.
func personalAddressee(t string) bool {
	name := ""
	for _, p := range personalLeads {
		if strings.HasPrefix(t, p) {
			name = t[len(p):]
		}
	}
	for _, p := range personalEnds {
		if strings.HasSuffix(t, p) {
			name = t[:len(t)-len(p)]
		}
	}
	w := strings.Fields(name)
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for _, x := range w {
		if r, _ := utf8.DecodeRuneInString(x); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// PersonalAddressee returns a line naming one person or a party body as
// addressee among the first lines of a text, wherever it stands in the
// head: a report's head may put its subject and copy count first ("Tárgy:
// ... / Péter János elvtársnak, / külügyminiszter, / Budapest"), a cipher
// telegram its routing ("Из Будапешта / Вне очереди / ЦК КПСС"). A comma
// or semicolon after the name is not part of it. "" when there is none.
func PersonalAddressee(text string) string {
	n := 0
	ls := strings.SplitN(text, "\n", 40)
	for i, l := range ls {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if n++; n > 10 {
			break
		}
		if len(t) > 80 {
			continue
		}
		if a := excellency(t, ls[i+1:]); a != "" {
			return a
		}
		if a := strings.TrimRight(t, ",;"); personalAddressee(a) || bodyAddressee(a) {
			return a
		}
	}
	return ""
}

// excellencyLeads open a formal address block: the style of the person
// addressed, on its own line or before the name.
var excellencyLeads = []string{"à son excellence", "a son excellence", "to his excellency", "his excellency", "an seine exzellenz",
	"seiner exzellenz", "a su excelencia", "a sua eccellenza", "sua eccellenza", "à sua excelência", "a sua excelência",
	"его превосходительству", "zijne excellentie", "aan zijne excellentie", "hans excellens", "kepada yang mulia"}

// honorificWords stand before the name in an address block.
var honorificWords = map[string]bool{"monsieur": true, "m.": true, "mr.": true, "mr": true, "herrn": true, "herr": true,
	"señor": true, "sr.": true, "don": true, "signor": true, "signore": true, "on.": true, "senhor": true, "господину": true,
	"dhr.": true, "bapak": true}

// excellency reads a formal address block ("À Son Excellence / Monsieur
// Nikita KHROUCHTCHEV / Président du Conseil ..."): the name after the
// style, on its line or the next, without the honorific. "" when t opens
// no such block.
func excellency(t string, after []string) string {
	low := strings.ToLower(t)
	name := ""
	for _, p := range excellencyLeads {
		if low == p {
			for _, l := range after {
				if l = strings.TrimSpace(l); l != "" {
					name = l
					break
				}
			}
			break
		}
		if strings.HasPrefix(low, p+" ") {
			name = strings.TrimSpace(t[len(p):])
			break
		}
	}
	w := strings.Fields(name)
	for len(w) > 0 && honorificWords[strings.ToLower(w[0])] {
		w = w[1:]
	}
	if len(w) < 2 || len(w) > 4 {
		return ""
	}
	for _, x := range w {
		if r, _ := utf8.DecodeRuneInString(x); !unicode.IsUpper(r) {
			return ""
		}
	}
	return strings.TrimRight(strings.Join(w, " "), ",;")
}

// officeOnlyHead matches a header value that is an office and no name:
// "Secretary General", "Assistant Secretary General for Political
// Affairs", "Deputy Director of the Policy Planning Staff".
var officeOnlyHead = regexp.MustCompile(`^(?:(?:the|The|THE) )?(?:(?:Assistant|Deputy|Under|Acting|Executive|Permanent|Principal|ASSISTANT|DEPUTY|UNDER|ACTING) )*` +
	`(?:Secretary|Director|Minister|Chairman|Chair|President|Head|Chief|Counsellor|Adviser|Advisor|Ambassador|Commander|SECRETARY|DIRECTOR|MINISTER|CHAIRMAN|PRESIDENT|HEAD|CHIEF)` +
	`(?:[- ](?:General|GENERAL|of State|OF STATE))?` +
	`(?:,? (?:for|of|to|FOR|OF|TO) (?:the |THE )?(?:[\p{L}'-]+ ?){1,6})?$`)

// officeTail are the words an office's field ends with ("for Political
// Affairs", "of the Policy Planning Staff"), where a person's name would
// end with a surname.
var officeTail = map[string]bool{"affairs": true, "policy": true, "planning": true, "staff": true, "division": true, "department": true,
	"relations": true, "research": true, "intelligence": true, "security": true, "defence": true, "defense": true, "operations": true,
	"council": true, "committee": true, "state": true, "economics": true, "trade": true, "finance": true, "cooperation": true,
	"information": true, "administration": true, "management": true, "nato": true, "organization": true, "organisation": true,
	"president": true, "secretary": true, "minister": true, "general": true, "director": true, "assembly": true, "nations": true}

// OfficeOnly reports whether a header line's value names an office with no
// holder's name ("TO: Secretary General", "FROM: Assistant Secretary
// General for Political Affairs"): the holder is found by the record's date
// or its signature, never in the office's words.
func OfficeOnly(v string) bool {
	v = strings.TrimSpace(v)
	if !officeOnlyHead.MatchString(v) {
		return false
	}
	w := strings.Fields(v)
	return officeTail[strings.ToLower(strings.Trim(w[len(w)-1], ",."))]
}

// bodyAddressee reports whether a short line of a record's head names a
// party body it is sent to and nothing else ("ЦК КПСС" under a cipher
// telegram's routing lines, "An das Politbüro des ZK der SED").
func bodyAddressee(t string) bool {
	if len(t) > 70 || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":") || strings.ContainsAny(t, "!?") {
		return false
	}
	for _, p := range addresseeLeads {
		if p == "Товарищу " || p == "товарищу " || p == "Тов. " || p == "тов. " || p == "Towarzysz " || p == "Soudruhu " {
			continue // a person's lead: personalAddressee reads those
		}
		if strings.HasPrefix(t, p) || t == strings.TrimSpace(p) {
			return true
		}
	}
	return false
}

// subjectLeads open the subject line under an addressee ("О ...", "Re: ...").
var subjectLeads = []string{"О ", "Об ", "Обо ", "Re: ", "Subject: ", "Betr.", "Betrifft", "W sprawie", "Dotyczy", "Tárgy", "Věc", "Ve věci", "On ", "Concerning "}

// Addressee returns the addressee line at the head of a memorandum, as
// written ("ЦК КПСС"): a short line naming a body or a leader, after at
// most a security marking, followed by a subject line. "" when the text
// has none.
func Addressee(text string) string {
	a, _ := addresseeSubject(text)
	return a
}

// MemorandumHead reports whether a text opens with an addressee line and a
// subject line under it ("ЦК КПСС / О ..."): a memorandum's head, not a
// letter's addressee line alone.
func MemorandumHead(text string) bool {
	a, s := addresseeSubject(text)
	return a != "" && s != ""
}

// addresseeSubject returns the addressee line and the subject line under it.
func addresseeSubject(text string) (string, string) {
	var ls []string
	for _, l := range strings.SplitN(text, "\n", 40) {
		if t := strings.TrimSpace(l); t != "" {
			ls = append(ls, t)
			if len(ls) >= 8 {
				break
			}
		}
	}
	for i, t := range ls {
		if classification(t) {
			continue
		}
		if w := strings.Fields(t); i+1 >= len(ls) || len(t) > 120 || strings.HasSuffix(t, ".") && !isInitials(w[len(w)-1]) {
			return "", "" // a sentence, not an addressee ("Товарищу Брежневу Л.И." ends with initials)
		}
		lead := false
		for _, p := range addresseeLeads {
			lead = lead || strings.HasPrefix(t, p) || t == strings.TrimSpace(p)
		}
		personal := personalAddressee(t)
		if !lead && !personal {
			return "", ""
		}
		for _, p := range subjectLeads {
			if strings.HasPrefix(ls[i+1], p) {
				return t, ls[i+1]
			}
		}
		if personal {
			return t, "" // "Товарищу Громыко А.А." over a letter with no subject line
		}
		return "", ""
	}
	return "", ""
}

// ends returns the first and the last n bytes of a long text, cut at line
// breaks, joined by a blank line: where a letter's opening, signature and
// recorder stand.
func ends(text string, n int) string {
	if len(text) <= 2*n {
		return text
	}
	head := text[:n]
	if i := strings.LastIndexByte(head, '\n'); i > 0 {
		head = head[:i]
	}
	tail := text[len(text)-n:]
	if i := strings.IndexByte(tail, '\n'); i >= 0 {
		tail = tail[i+1:]
	}
	return head + "\n\n" + tail
}

// diaryLeads open the line that says whose diary or journal a record comes
// from, in the languages of these records.
var diaryLeads = []string{"from the diary of", "from the journal of", "from the working diary of", "из дневника",
	"из служебного дневника", "из дневника посла", "aus dem tagebuch von", "aus dem tagebuch des", "z dziennika", "z deníku"}

// DiaryKeeper returns the name of whoever kept the diary a record comes
// from, as its first lines write it ("From the diary of / I.S.
// Shcherbakov", "Из дневника Щербакова И.С."); "" when they say none.
func DiaryKeeper(text string) string {
	ls := strings.Split(ends(text, 3000), "\n")
	seen := 0
	for i, l := range ls {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if seen++; seen > 5 {
			break
		}
		low := strings.ToLower(t)
		for _, p := range diaryLeads {
			if !strings.HasPrefix(low, p) {
				continue
			}
			rest := strings.Trim(strings.TrimSpace(t[len(p):]), ".,:")
			if rest == "" {
				// the name on the next line
				for _, m := range ls[i+1:] {
					if m = strings.TrimSpace(m); m != "" {
						rest = strings.Trim(m, ".,:")
						break
					}
				}
			}
			if n := signatureName(dropOffice(rest)); n != "" {
				return n
			}
			return ""
		}
	}
	return ""
}

// unsigned drops the mark of a signature before a signed name ("Signed:
// Ambassador Dumitru Popa", "/s/ J. Nowak", "gez. Honecker").
func unsigned(t string) string {
	low := strings.ToLower(t)
	for _, p := range []string{"/s/", "(signed)", "[signed]", "signed:", "signed", "gez.", "gez ", "podpisano:", "podpisał:", "подпись:", "(подпись)", "semnat:", "semnat", "aláírás:", "podepsán:"} {
		if strings.HasPrefix(low, p) {
			return strings.TrimSpace(t[len(p):])
		}
	}
	return t
}

// AuthorityBody reads a body written in the archive's authority form,
// "Country. Body (Place)" ("Romania. Embassy (Vietnam)", "Hungary.
// Külügyminisztérium", "Soviet Union. Posol'stvo (China)"), as the body's
// name in English where its word is known ("Romanian Embassy in Vietnam",
// "Hungarian Foreign Ministry"), else as written without the dot. ok is
// false when the entry is not in that form (a person: "Stalin, Joseph,
// 1879-1953").
func AuthorityBody(s string) (string, bool) {
	s = strings.TrimSpace(s)
	country, rest, ok := strings.Cut(s, ". ")
	if !ok || country == "" || rest == "" || strings.Contains(country, ",") || len(strings.Fields(country)) > 4 {
		return "", false
	}
	for _, w := range strings.Fields(country) {
		if !unicode.IsUpper(firstRune(w)) && w != "(North)" && w != "(South)" {
			return "", false
		}
	}
	place := ""
	if i := strings.LastIndexByte(rest, '('); i > 0 && strings.HasSuffix(rest, ")") {
		place = strings.TrimSpace(rest[i+1 : len(rest)-1])
		rest = strings.TrimSpace(rest[:i])
	}
	body := ""
	switch strings.ToLower(rest) {
	case "embassy", "posol'stvo", "posolstvo", "botschaft", "ambasada", "nagykövetség", "velvyslanectví", "legation", "mission":
		body = "Embassy"
	case "ministry of foreign affairs", "foreign ministry", "ministerstvo inostrannykh del", "ministerstvo inostrannyh del",
		"külügyminisztérium", "ministerstwo spraw zagranicznych", "ministerul afacerilor externe", "ministerium für auswärtige angelegenheiten",
		"ministerstvo zahraničních věcí":
		body = "Foreign Ministry"
	default:
		// another body: its name as written, with its country
		return rest + " (" + country + ")", true
	}
	adj := map[string]string{"Soviet Union": "Soviet", "Russia (Federation)": "Soviet", "Hungary": "Hungarian", "Poland": "Polish",
		"Romania": "Romanian", "Czechoslovakia": "Czechoslovak", "Bulgaria": "Bulgarian", "Germany (East)": "East German",
		"China": "Chinese", "Korea (North)": "North Korean", "Korea (South)": "South Korean", "Vietnam": "Vietnamese",
		"Vietnam (Democratic Republic)": "Vietnamese", "Mongolia": "Mongolian", "Cuba": "Cuban", "Yugoslavia": "Yugoslav",
		"Albania": "Albanian", "United States": "US", "Egypt": "Egyptian"}[country]
	if adj == "" {
		adj = country
	}
	if body == "Embassy" && place != "" {
		return adj + " Embassy in " + place, true
	}
	return adj + " " + body, true
}

// infoLeads open a record's line naming who receives it for information,
// beside its addressee ("do wiadomości: tow. S. Kania").
var infoLeads = []string{"do wiadomości:", "do wiadomości", "к сведению:", "zur kenntnis:", "zur kenntnisnahme:", "na vědomí:",
	"tudomásul:", "spre știință:", "spre stiinta:", "for information:", "for the information of"}

var infoLeadsLen = longest(infoLeads)

// InfoCopies returns the names a record's head gives as receiving it for
// information, as written; nil when it names none.
func InfoCopies(text string) []string {
	ls := strings.Split(ends(text, 2000), "\n")
	seen := 0
	for _, l := range ls {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if seen++; seen > 15 {
			break
		}
		low := lowerHead(t, infoLeadsLen)
		for _, p := range infoLeads {
			if !strings.HasPrefix(low, p) {
				continue
			}
			var out []string
			for _, part := range strings.FieldsFunc(t[len(p):], func(r rune) bool { return r == ',' || r == ';' }) {
				for _, n := range strings.Split(part, " i ") {
					n = strings.TrimSpace(strings.TrimLeft(n, ": "))
					if n != "" {
						out = append(out, n)
					}
				}
			}
			return out
		}
	}
	return nil
}

// ClassifierNames returns the full names an American cable's
// classification line writes surname first in parentheses ("E.O. 12065:
// GDS 3/1/85 (COOPER, JAMES FORD) OR-P" gives "James Ford Cooper").
func ClassifierNames(text string) []string {
	var out []string
	n := 0
	for _, l := range strings.SplitN(text, "\n", 80) {
		t := strings.TrimSpace(l)
		if n++; n > 60 {
			break
		}
		if !strings.HasPrefix(t, "E.O.") && !strings.HasPrefix(t, "EO ") && !strings.HasPrefix(t, "E. O.") {
			continue
		}
		i := strings.IndexByte(t, '(')
		j := strings.IndexByte(t, ')')
		if i < 0 || j < i {
			continue
		}
		sur, given, ok := strings.Cut(t[i+1:j], ",")
		sur, given = strings.TrimSpace(sur), strings.TrimSpace(given)
		if !ok || sur == "" || given == "" || !allUpper(sur) || strings.ContainsAny(sur+given, "0123456789") {
			continue
		}
		out = append(out, titleWords(given+" "+sur))
	}
	return out
}

// titleWords writes each word of an upper-case name with a capital and
// small letters ("JAMES FORD COOPER" -> "James Ford Cooper").
func titleWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		r := []rune(strings.ToLower(w))
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
		}
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}
