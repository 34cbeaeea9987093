// Package title reads the grammar of archival record titles: the kind of
// record ("Ciphered Telegram No. 25553", "Hand-delivered letter", "Minutes
// of Conversation between …"), who wrote it, to whom, through whom ("via
// X", "for Cde. Y"), what it conveys, and the editors' bracketed hints that
// give the real name behind a pseudonym ("Filippov (Stalin)", "Feng Xi
// [Stalin]"). It knows no names: the caller resolves the parties. It imports
// only the standard library.
//
// Grammar (informally):
//
//	title   = [kind ","] parties {"," extra} | kind ("from" parties | "between" names) {"," extra}
//	parties = names "to" names
//	names   = name {("and" | ",") name}
//	name    = words ["(" hint ")" | "[" hint "]"]
//	hint    = text {";" text} | "via" names
//	extra   = "for" names | "via" names | "conveying" text | "transmitting" text
package title

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds a title can announce (the gold schema's document types).
const (
	Letter       = "letter"
	Telegram     = "telegram"
	Cable        = "cable"
	Conversation = "conversation"
	Report       = "report"
	Note         = "note"
	Memorandum   = "memorandum"
	Resolution   = "resolution"
	Directive    = "directive"
	Speech       = "speech"
	Other        = "other"
	// Minutes are the minutes or protocol of a session of a body (not of a
	// conversation between persons, which is Conversation).
	Minutes = "minutes"
	// WorkingNotes are the working notes taken at a session.
	WorkingNotes = "working_notes"
	// Transcript is the transcript of a telephone call or a recording.
	Transcript = "transcript"
	// Diary is an entry of a diary or journal.
	Diary = "diary"
)

// Party is a name as a title writes it: Text without brackets, Hints the
// bracketed or parenthesised notes after it ("Stalin"; "FYN SI", "Stalin").
// Offset is the byte offset of Text in the title. A party named with its
// office ("Soviet Ambassador to the USA Dobrynin") has Text "Dobrynin" and
// Role "ambassador"; an office with no name after it ("Secretary of
// State") has Role and an empty Text. Institution marks a body rather than
// a person ("USSR Foreign Ministry", "the CC CPSU", "Hungarian Embassy in
// Mongolia"); its Text is the body's name as written, without "the".
type Party struct {
	Text        string
	Hints       []string
	Offset      int
	Role        string
	Office      string // the office as written: "Soviet Ambassador to the USA", "the Secretary of State"
	Institution bool
	// Lead marks a name written before the kind with no "from" or "by"
	// ("Andropov Report", "KGB Chief Serov, Report"): only a person or a
	// body can be meant, never a place.
	Lead bool
	// Case is the grammatical case a title in an inflecting language
	// writes the name in (Genitive, Dative, Instrumental; "" for the
	// nominative or an uninflected title): the caller reconstructs the
	// nominative to resolve it.
	Case string
}

// Title is what a title says.
type Title struct {
	Kind     string // one of the kind constants, "" when the title names none
	KindText string // the words that gave the kind ("Ciphered Telegram")
	Number   string // "No. 8600" -> "8600"
	Authors  []Party
	// Recipients are the addressees; with "X to Y, for Z", Z is the
	// recipient and Y an intermediary.
	Recipients   []Party
	Via          []Party
	Participants []Party // of a conversation ("between X and Y")
	Conveys      string  // what a covering note conveys ("telegram From Mao Zedong to Zhou Enlai")
	ConveysFrom  []Party
	ConveysTo    []Party
}

// kindWords maps words (lower case) that name a kind, longest first in
// matching order.
var kindPhrases = []struct{ phrase, kind string }{
	{"memorandum of telephone conversation", Transcript},
	{"memorandum of a telephone conversation", Transcript},
	{"memorandum of the telephone conversation", Transcript},
	{"transcript of telephone conversation", Transcript},
	{"transcript of a telephone conversation", Transcript},
	{"transcript of the telephone conversation", Transcript},
	{"record of telephone conversation", Transcript},
	{"record of a telephone conversation", Transcript},
	{"telephone conversation", Transcript},
	{"telephone call", Transcript},
	{"phone call", Transcript},
	{"note on the conversation", Conversation},
	{"note on a conversation", Conversation},
	{"note on conversation", Conversation},
	{"note of conversation", Conversation},
	{"note of a conversation", Conversation},
	{"notes on the conversation", Conversation},
	{"memorandum on the conversation", Conversation},
	{"record of the meeting", Conversation},
	{"working notes", WorkingNotes},
	{"working record", WorkingNotes},
	{"stenographic minutes", Minutes},
	{"stenographic transcript", Minutes},
	{"stenographic record", Minutes},
	{"stenographic report", Minutes},
	{"verbatim record", Minutes},
	{"minutes of the session", Minutes},
	{"minutes of the meeting", Minutes},
	{"minutes of meeting", Minutes},
	{"protocol of the session", Minutes},
	{"protocol of the meeting", Minutes},
	{"jegyzőkönyv", Minutes},
	{"zápis z rozhovoru", Conversation},
	{"zápis ze schůze", Minutes},
	{"protokoll", Minutes},
	{"protokół", Minutes},
	{"стенограмма", Minutes},
	{"протокол заседания", Minutes},
	{"запись беседы", Conversation},
	{"телеграмма", Telegram},
	{"шифротелеграмма", Telegram},
	{"письмо", Letter},
	{"szyfrogram", Telegram},
	{"notatka z rozmowy", Conversation},
	{"niederschrift über", Conversation},
	{"vermerk über", Note},
	{"diary", Diary},
	{"journal", Diary},
	{"transcript", Transcript},
	{"memorandum of conversation", Conversation},
	{"minutes of conversation", Conversation},
	{"minutes of a conversation", Conversation},
	{"record of conversation", Conversation},
	{"record of a conversation", Conversation},
	{"record of talks", Conversation},
	{"record of the talks", Conversation},
	{"record of a meeting", Conversation},
	{"transcript of conversation", Conversation},
	{"notes of conversation", Conversation},
	{"notes of a conversation", Conversation},
	{"record of meeting", Conversation},
	{"memorandum of a conversation", Conversation},
	{"memorandum of meeting", Conversation},
	{"memorandum of a meeting", Conversation},
	{"memorandum of the meeting", Conversation},
	{"protocol", Resolution},
	{"ciphergram", Telegram},
	{"cipher telegram", Telegram},
	{"chiffretelegramm", Telegram},
	{"encoded telegram", Telegram},
	{"information memorandum", Memorandum},
	{"intelligence note", Memorandum}, // the State Department's intelligence bureau's memoranda to the Secretary
	{"research memorandum", Memorandum},
	{"action memorandum", Memorandum},
	{"information note", Note},
	{"information", Report},
	{"telegrams", Telegram},
	{"letters", Letter},
	{"notes", Note},
	{"conversation", Conversation},
	{"talks", Conversation},
	{"telegram", Telegram},
	{"telegramme", Telegram},
	{"cable", Cable},
	{"cablegram", Cable},
	{"letter", Letter},
	{"message", Letter},
	{"report", Report},
	{"memorandum", Memorandum},
	{"memo", Memorandum},
	{"note", Note},
	{"resolution", Resolution},
	{"decision", Resolution},
	{"decree", Resolution},
	{"directive", Directive},
	{"instructions", Directive},
	{"instruction", Directive},
	{"order", Directive},
	{"speech", Speech},
	{"address", Speech},
	{"remarks", Speech},
	{"statement", Other},
	// the records' own languages
	{"aktenvermerk", Note}, {"vermerk", Note}, {"gesprächsvermerk", Conversation}, {"brief", Letter}, {"schreiben", Letter},
	{"telegramm", Telegram}, {"fernschreiben", Telegram}, {"bericht", Report}, {"beschluss", Resolution}, {"rede", Speech},
	{"gespräch", Conversation}, {"niederschrift", Minutes}, {"stenografische niederschrift", Minutes},
	{"notatka", Note}, {"list tow.", Letter}, {"list od", Letter}, {"sprawozdanie", Report}, {"raport", Report}, {"informacja", Report}, {"uchwała", Resolution},
	{"stenogram", Minutes}, {"przemówienie", Speech}, {"rozmowa", Conversation}, {"rozmowy", Conversation},
	{"scrisoare", Letter}, {"telegramă", Telegram}, {"telegrama", Telegram}, {"notă de convorbire", Conversation},
	{"notă", Note}, {"stenograma", Minutes}, {"stenogramă", Minutes}, {"convorbire", Conversation}, {"convorbiri", Conversation},
	{"hotărâre", Resolution}, {"cuvântare", Speech}, {"informare", Report},
	{"dopis", Letter}, {"zpráva", Report}, {"záznam z rozhovoru", Conversation}, {"záznam", Note}, {"informace", Report},
	{"usnesení", Resolution}, {"projev", Speech}, {"zápis", Minutes}, {"rozhovor", Conversation},
	{"levele", Letter}, {"levél", Letter}, {"távirat", Telegram}, {"rejtjeltávirat", Telegram}, {"jelentés", Report},
	{"feljegyzés", Note}, {"előterjesztés", Note}, {"határozat", Resolution}, {"beszéd", Speech}, {"beszélgetés", Conversation},
	{"beszélgetésről", Conversation}, {"tájékoztató", Report}, {"tájékoztatás", Report},
	{"докладная записка", Note}, {"записка", Note}, {"справка", Report}, {"информация", Report}, {"доклад", Report},
	{"постановление", Resolution}, {"решение", Resolution}, {"директива", Directive}, {"указание", Directive},
	{"выступление", Speech}, {"речь", Speech}, {"беседа", Conversation}, {"протокол", Minutes}, {"дневник", Diary},
	// Chinese, Japanese, Korean and Vietnamese titles
	{"谈话记录", Conversation}, {"会谈记录", Conversation}, {"谈话纪要", Conversation}, {"会谈纪要", Conversation},
	{"电报", Telegram}, {"报告", Report}, {"备忘录", Memorandum}, {"指示", Directive}, {"讲话", Speech}, {"来信", Letter},
	{"会談記録", Conversation}, {"会談録", Conversation}, {"電報", Telegram}, {"公電", Cable}, {"書簡", Letter}, {"覚書", Memorandum},
	{"면담록", Conversation}, {"면담", Conversation}, {"회담록", Conversation}, {"회담", Conversation}, {"전보", Telegram},
	{"서한", Letter}, {"보고서", Report},
	{"biên bản", Minutes}, {"báo cáo", Report}, {"thư gửi", Letter}, {"bức điện", Telegram},
	{"biên bản cuộc hội đàm", Conversation}, {"biên bản hội đàm", Conversation}, {"biên bản cuộc nói chuyện", Conversation},
	{"biên bản nói chuyện", Conversation}, {"nhật ký", Diary}, {"nghị quyết", Resolution}, {"chỉ thị", Directive},
	{"bài phát biểu", Speech}, {"diễn văn", Speech}, {"công điện", Telegram},
	{"日记", Diary}, {"日記", Diary}, {"决议", Resolution}, {"決議", Resolution}, {"电话记录", Transcript}, {"通话记录", Transcript},
	{"会议记录", Minutes}, {"信件", Letter}, {"书信", Letter}, {"的信", Letter}, {"谈话", Conversation}, {"会谈", Conversation},
	{"演説", Speech}, {"日誌", Diary}, {"일지", Diary}, {"일기", Diary}, {"연설", Speech}, {"결의", Resolution}, {"지시", Directive},
	{"대화록", Conversation}, {"전화 통화", Transcript}, {"통화록", Transcript}, {"회의록", Minutes}, {"보고", Report}, {"편지", Letter},
	// Spanish, Italian, Slovak, Albanian, Finnish and more of the bloc's languages
	{"carta", Letter}, {"telegrama cifrado", Telegram}, {"informe", Report}, {"memorándum", Memorandum}, {"memorando", Memorandum},
	{"conversación", Conversation}, {"entrevista", Conversation}, {"acta", Minutes}, {"discurso", Speech}, {"resolución", Resolution},
	{"directiva", Directive}, {"diario", Diary}, {"nota de conversación", Conversation}, {"apuntes", Note},
	{"lettera", Letter}, {"telegramma", Telegram}, {"promemoria", Memorandum}, {"appunto", Note}, {"colloquio", Conversation},
	{"verbale", Minutes}, {"discorso", Speech}, {"relazione", Report}, {"rapporto", Report}, {"risoluzione", Resolution},
	{"direttiva", Directive},
	{"správa", Report}, {"informácia", Report}, {"záznam z rozhovoru", Conversation}, {"uznesenie", Resolution}, {"prejav", Speech},
	{"zápisnica", Minutes}, {"denník", Diary}, {"deník", Diary}, {"smernica", Directive}, {"směrnice", Directive},
	{"letër", Letter}, {"letra", Letter}, {"relacion", Report}, {"informacion", Report}, {"bisedë", Conversation}, {"bisedim", Conversation},
	{"bisedimi", Conversation}, {"procesverbal", Minutes}, {"procesverbali", Minutes}, {"fjalim", Speech}, {"fjalimi", Speech},
	{"vendim", Resolution}, {"vendimi", Resolution}, {"ditar", Diary}, {"ditari", Diary}, {"udhëzim", Directive},
	{"kirje", Letter}, {"sähke", Telegram}, {"sähkösanoma", Telegram}, {"muistio", Memorandum}, {"muistiinpano", Note},
	{"raportti", Report}, {"keskustelu", Conversation}, {"keskustelumuistio", Conversation}, {"pöytäkirja", Minutes}, {"puhe", Speech},
	{"päätös", Resolution}, {"päiväkirja", Diary}, {"ohje", Directive},
	{"tagebuch", Diary}, {"dziennik", Diary}, {"napló", Diary}, {"jurnal", Diary}, {"ansprache", Speech}, {"discours", Speech},
	{"direktive", Directive}, {"weisung", Directive}, {"dyrektywa", Directive}, {"irányelv", Directive}, {"directivă", Directive},
	{"директивы", Directive}, {"указания", Directive}, {"стенограмма телефонного разговора", Transcript},
	{"запись телефонного разговора", Transcript}, {"телефонный разговор", Transcript}, {"telefongespräch", Transcript},
	{"rozmowa telefoniczna", Transcript}, {"telefonní rozhovor", Transcript}, {"telefonbeszélgetés", Transcript},
	{"convorbire telefonică", Transcript}, {"conversación telefónica", Transcript}, {"telefonata", Transcript},
	{"lettre", Letter}, {"télégramme", Telegram}, {"entretien", Conversation}, {"compte rendu d'entretien", Conversation},
	{"compte rendu", Minutes}, {"procès-verbal", Minutes}, {"rapport", Report}, {"note pour", Note}, {"dépêche", Telegram},
	{"minute", Memorandum}, // a British official's minute to a minister
	{"talk between", Conversation}, {"talks between", Conversation}, {"discussion between", Conversation},
	{"discussions between", Conversation}, {"exchange of views", Conversation}, {"meeting with", Conversation},
	{"talk with", Conversation}, {"audience with", Conversation}, {"record of interview", Conversation},
	{"record of an interview", Conversation}, {"record of the reception", Conversation}, {"会见", Conversation}, {"接见", Conversation},
	{"запись переговоров", Conversation}, {"запись встречи", Conversation}, {"запись разговора", Conversation},
	{"стенограмма переговоров", Conversation}, {"запис от разговора", Conversation}, {"стенографски запис", Minutes},
	{"list súdruha", Letter}, {"list predsedníctva", Letter}, {"list ústredného výboru", Letter},
	{"záznam z jednání", Conversation}, {"záznam z rokovania", Conversation}, {"informacja o rozmowie", Conversation},
	{"summary record", Minutes}, {"summary of conversation", Conversation}, {"summary of a conversation", Conversation},
	{"summary of the conversation", Conversation},
	{"memorándum de conversación", Conversation}, {"memorando de conversación", Conversation},
	{"muistio keskustelusta", Conversation}, {"promemoria del colloquio", Conversation},
	{"telcon", Transcript}, {"memcon", Conversation}, {"airgram", Telegram}, {"aide-mémoire", Memorandum}, {"aide memoire", Memorandum},
	{"briefing paper", Memorandum}, {"position paper", Memorandum}, {"policy paper", Memorandum}, {"talking points", Note},
	{"national intelligence estimate", Report}, {"special national intelligence estimate", Report}, {"intelligence report", Report},
	{"intelligence memorandum", Memorandum}, {"record of decisions", Resolution},
	{"toast", Speech}, {"radio address", Speech},
	// Danish, Norwegian, Swedish and Dutch
	{"brev", Letter}, {"samtale", Conversation}, {"samtalereferat", Conversation}, {"referat af samtale", Conversation},
	{"notat", Note}, {"indberetning", Report}, {"dagbog", Diary}, {"beslutning", Resolution}, {"samtal", Conversation},
	{"anteckning", Note}, {"anteckningar", Note}, {"anförande", Speech}, {"dagbok", Diary}, {"beslut", Resolution}, {"direktiv", Directive},
	{"verslag", Report}, {"gespreksverslag", Conversation}, {"verslag van gesprek", Conversation}, {"verslag van een gesprek", Conversation},
	{"notitie", Note}, {"toespraak", Speech}, {"besluit", Resolution}, {"dagboek", Diary}, {"notulen", Minutes}, {"codebericht", Telegram},
	// Greek
	{"υπόμνημα", Memorandum}, {"επιστολή", Letter}, {"τηλεγράφημα", Telegram}, {"πρακτικά", Minutes}, {"έκθεση", Report},
	{"αναφορά", Report}, {"συνομιλία", Conversation}, {"συνομιλίες", Conversation}, {"ομιλία", Speech}, {"απόφαση", Resolution},
	{"οδηγία", Directive}, {"οδηγίες", Directive}, {"σημείωμα", Note}, {"ημερολόγιο", Diary},
	// Serbian (Cyrillic and Latin) and Ukrainian
	{"писмо", Letter}, {"телеграм", Telegram}, {"телеграма", Telegram}, {"забелешка", Note}, {"белешка", Note},
	{"белешка о разговору", Conversation}, {"забелешка о разговору", Conversation}, {"запис разговора", Conversation},
	{"записник", Minutes}, {"извештај", Report}, {"информација", Report}, {"говор", Speech}, {"одлука", Resolution},
	{"zabeleška", Note}, {"beleška", Note}, {"zabeleška o razgovoru", Conversation}, {"beleška o razgovoru", Conversation},
	{"zapisnik", Minutes}, {"izveštaj", Report}, {"pismo", Letter}, {"govor", Speech}, {"odluka", Resolution}, {"razgovor", Conversation},
	{"лист", Letter}, {"доповідь", Report}, {"інформація", Report}, {"запис розмови", Conversation}, {"розмова", Conversation},
	{"постанова", Resolution}, {"рішення", Resolution}, {"промова", Speech}, {"виступ", Speech}, {"щоденник", Diary},
	{"стенограма", Minutes},
	// Japanese
	{"報告", Report}, {"報告書", Report}, {"電話会談", Transcript}, {"会談要旨", Conversation}, {"議事録", Minutes}, {"訓令", Directive},
	{"決定", Resolution},
	// Arabic
	{"رسالة", Letter}, {"برقية", Telegram}, {"تقرير", Report}, {"مذكرة", Memorandum}, {"محضر", Minutes}, {"محضر اجتماع", Minutes},
	{"محضر محادثة", Conversation}, {"محضر مباحثات", Conversation}, {"محادثة", Conversation}, {"مباحثات", Conversation},
	{"خطاب", Speech}, {"قرار", Resolution}, {"توجيه", Directive}, {"توجيهات", Directive}, {"يوميات", Diary},
	// Portuguese, Indonesian and Turkish
	{"relatório", Report}, {"nota", Note}, {"ata da", Minutes}, {"ata de", Minutes}, {"conversa", Conversation}, {"resolução", Resolution},
	{"diretiva", Directive}, {"diário", Diary}, {"informação", Report}, {"ofício", Letter}, {"apontamento", Note},
	{"surat", Letter}, {"kawat", Telegram}, {"laporan", Report}, {"catatan", Note}, {"catatan pembicaraan", Conversation},
	{"notula", Minutes}, {"pidato", Speech}, {"keputusan", Resolution}, {"instruksi", Directive}, {"buku harian", Diary},
	{"pembicaraan", Conversation}, {"percakapan", Conversation},
	{"mektup", Letter}, {"telgraf", Telegram}, {"rapor", Report}, {"görüşme", Conversation}, {"tutanak", Minutes}, {"karar", Resolution},
	{"minutes", Conversation},
	{"meeting between", Conversation},
	{"session of", Minutes},
	{"meeting of", Minutes},
	{"plenum of", Minutes},
}

var conversationWords = []string{"conversation", "talks", "meeting between", "rozhovor", "беседы", "беседе", "gespräch",
	"unterredung", "rozmowy", "rozmowie", "convorbir", "beszélgetés", "zwischen", "tárgyalás", "megbeszélés", "dintre",
	// a meeting of two sides, not a body's session ("Notatka ze spotkania w Magdalence", "Notes on Conference between X and Y")
	"conference between", "conference with", "meeting with", "spotkania", "spotkaniu", "schůzky", "schůzce", "stretnutia",
	"встречи", "встрече", "treffen", "begegnung", "întâlnir", "találkozó", "entretien", "colloquio", "conversación", "keskustelu",
	"bised", "hội đàm", "会谈", "谈话", "会見", "회담", "면담", "reception of", "audience"}

// Kind returns the kind a phrase names ("Ciphered Telegram No. 709" ->
// telegram), or "".
func Kind(phrase string) string {
	low := strings.ToLower(phrase)
	best, bestAt, bestPhrase := "", len(low)+1, ""
	for _, k := range kindPhrases {
		i := indexWord(low, k.phrase)
		if i >= 0 && (i < bestAt || i == bestAt && len(k.phrase) > len(bestPhrase)) {
			best, bestAt, bestPhrase = k.kind, i, k.phrase
		}
	}
	if best == "" {
		return ""
	}
	rest := low[bestAt+len(bestPhrase):]
	between := indexWord(rest, "between") >= 0 || indexWord(rest, "with") >= 0 && !strings.Contains(rest, "meeting with the")
	session := bodySession(rest)
	switch {
	case bestPhrase == "minute" && (between || strings.Contains(rest, "conversation") || strings.Contains(rest, "talk")):
		return Conversation // "Minute of a Conversation between ...": its record
	case bestPhrase == "minute" && session:
		return Minutes // "Minute of the Meeting of the Cabinet": a body's minutes
	case bestPhrase == "talking points" || bestPhrase == "briefing paper" || bestPhrase == "position paper":
		return best // prepared for a talk, not its record: "Talking Points for Zhou Enlai's Meeting with ..."
	case (best == Note || best == Memorandum || best == Minutes || best == Conversation) && telephone(rest):
		// "Notes of a Secure Phone Call from ...": a telephone call's record
		return Transcript
	case best == Minutes && bestPhrase != "protokół" && bestPhrase != "protokoll" && bestPhrase != "jegyzőkönyv" &&
		(strings.Contains(rest, "convorbir") || strings.Contains(rest, "беседы") || strings.Contains(rest, "rozhovoru") ||
			strings.Contains(rest, "entretien") || strings.Contains(rest, "colloquio") || strings.Contains(rest, "conversación") ||
			strings.Contains(rest, "keskustelu") || strings.Contains(rest, "bised") || strings.Contains(rest, "rozhovore") ||
			strings.Contains(rest, "переговор") || strings.Contains(rest, "разговор") || strings.Contains(rest, "συνομιλ") ||
			strings.Contains(rest, "razgovor") || strings.Contains(rest, "розмов") || strings.Contains(rest, "gesprek") ||
			strings.Contains(rest, "samtal") || strings.Contains(rest, "محادث") || strings.Contains(rest, "conversa") ||
			strings.Contains(rest, "pembicaraan") || strings.Contains(rest, "görüşme")):
		// "Stenograma convorbirii dintre X și Y", "Стенограмма беседы": a conversation
		return Conversation
	case best == Minutes && (bestPhrase == "meeting of" || bestPhrase == "session of") && indexWord(rest, "with") >= 0 &&
		!strings.Contains(rest, "with the participation"):
		// "Meeting of Leonid Brezhnev with Richard Nixon", "Meeting of the
		// Politburo with the Czechoslovak Leadership": talks
		return Conversation
	case best == Minutes && (indexWord(rest, "between") >= 0 || delegations(rest)):
		// "Minutes of the Meeting between Nasser and Podgorny": a conversation
		return Conversation
	case best == Conversation && session && !between && (bestPhrase == "minutes" || strings.HasPrefix(bestPhrase, "record of") ||
		strings.HasPrefix(bestPhrase, "memorandum of")):
		// "Minutes No. 45/89 of the Meeting of the Politburo", "Record of
		// the Meeting of the Executive Committee": a session of a body
		return Minutes
	case best == Transcript && (bestPhrase == "transcript") && between:
		// "Transcript of a Conversation between X and Y"
		return Conversation
	case best == Transcript && bestPhrase == "transcript" && session:
		// "Transcript of the Tenth Session of the SED Central Committee"
		return Minutes
	case best == Resolution && bestPhrase == "protocol" && session && !strings.Contains(low[:bestAt], "excerpt") &&
		!strings.Contains(low[:bestAt], "extract"):
		// "Protocol 55 of the Meeting of the Political Bureau": its minutes
		// (an excerpt of a protocol is a decision)
		return Minutes
	case best == Note && bestPhrase == "notes" && session && !between && !delegations(rest):
		// "Notes from the Meeting of the Political Consultative Committee"
		return WorkingNotes
	case best == Note:
		// "Vermerk über ein Gespräch zwischen X und Y", "Notes on the Talks
		// between the X and Y Delegations": a record of a conversation (the
		// notes of a body's session are working notes, above)
		if delegations(rest) {
			return Conversation // "Note from the Meeting of the Government and Solidarity Delegations"
		}
		for _, w := range conversationWords {
			if strings.Contains(rest, w) {
				return Conversation
			}
		}
	case best == Diary:
		// "From the Diary of X: Record of a Conversation with Y"
		for _, w := range conversationWords {
			if strings.Contains(rest, w) {
				return Conversation
			}
		}
	}
	return best
}

// telephone reports whether a title's words after its kind say the talk
// was by telephone ("Stenograma convorbirii telefonice", "Record of the
// Telephone Conversation"): a telephone call's record.
func telephone(rest string) bool {
	for _, w := range []string{"phone call", "telephone", "telefon", "телефон", "電話", "电话", "điện thoại", "전화"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// delegations reports whether a title's words after its kind, before its
// topic, name a meeting of delegations ("of the Soviet and Chinese
// Delegations"): talks between sides, not a body's session.
func delegations(rest string) bool {
	for _, m := range []string{" on ", " regarding ", " concerning ", " about "} {
		if i := strings.Index(rest, m); i >= 0 {
			rest = rest[:i]
		}
	}
	return strings.Contains(rest, " delegations")
}

// TypeKind returns the kind a record page's "Type" names, read with the
// title that names none: "Meeting Minutes" of a "Politburo Session on ..."
// are the session's minutes, of a meeting between two people their talks.
func TypeKind(typ, titleText string) string {
	k := Kind(typ)
	if k != Conversation || !strings.Contains(strings.ToLower(typ), "minutes") {
		return k
	}
	low := strings.ToLower(titleText)
	if bodySession(low) || indexWord(low, "session") >= 0 || indexWord(low, "plenum") >= 0 {
		if indexWord(low, "between") < 0 && indexWord(low, "with") < 0 {
			return Minutes
		}
	}
	return k
}

// bodySession reports whether a title's words after its kind name a
// sitting of a body ("No. 45/89 of the Meeting of the Politburo", "of the
// Tenth Session of the SED Central Committee", "of the ExCom of the CC").
func bodySession(rest string) bool {
	for _, w := range []string{"meeting of", "session of", "sitting of", "plenum", "meeting of the", "conference of",
		"excom", "executive committee", "politburo", "political bureau", "presidium", "secretariat", "central committee",
		"national security council", "nsc meeting", "cabinet"} {
		if indexWord(rest, w) >= 0 {
			return true
		}
	}
	return false
}

func indexWord(s, w string) int {
	from := 0
	for {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		if (i == 0 || !isLetter(s[i-1])) && (i+len(w) == len(s) || !isLetter(s[i+len(w)])) {
			return i
		}
		from = i + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' }

// Parse reads a title.
func Parse(s string) Title {
	if t, ok := parseDiary(s); ok {
		return t
	}
	var t Title
	segs := splitTop(s, ',')
	parties := -1
	if len(segs) >= 2 {
		// "KGB Chief Serov, Report", "Hungarian Embassy in Beijing, Report, 12 May 1960"
		first, second := s[segs[0].i:segs[0].j], strings.TrimSpace(s[segs[1].i:segs[1].j])
		if Kind(first) == "" && partiesTo(first) < 0 && kindOnly(second) && leadNames(first) {
			t.Kind, t.KindText, t.Number = Kind(second), second, number(second)
			t.Authors = lead(names(s, segs[0].i, segs[0].j))
			parties = 1
		}
	}
	for i, sg := range segs {
		if i <= parties {
			continue
		}
		txt := s[sg.i:sg.j]
		low := asciiLower(strings.TrimSpace(txt))
		if i == 0 {
			if k := Kind(txt); k != "" && (partiesTo(txt) < 0 || strings.Contains(low, " from ") || strings.Contains(low, " by ") ||
				strings.Contains(low, " between ") || kindOnly(txt[:partiesTo(txt)]) || k == Minutes || k == WorkingNotes || ofWriter(txt) ||
				decidesTo(txt) || topicAt(txt) < partiesTo(txt)) {
				// (the last: "East German Report on the Visit of Ulbricht to
				// Egypt": the "to" is the topic's)
				t.Kind = k
				if j := leadKindEnd(txt); j >= 0 {
					t.KindText = strings.TrimSpace(txt[:j])
				} else {
					t.KindText = strings.TrimSpace(txt)
				}
				t.Number = number(txt)
				last, ok := t.parseKindSegment(s, segs, i)
				if !ok {
					continue
				}
				parties = last
				continue
			}
		}
		if parties < 0 && partiesTo(txt) >= 0 && !extraWord(firstWord(txt)) && t.Kind != Minutes {
			t.parseParties(s, sg.i, sg.j)
			parties = i
			continue
		}
		if trim := strings.TrimSpace(txt); parties < 0 && t.Kind != "" && len(t.Authors) == 0 && firstWord(trim) == "by" {
			// "Memorandum of Conversation, by the Secretary of State": who wrote it
			off := sg.i + strings.Index(txt, trim)
			t.Authors = names(s, off+3, off+len(trim))
			parties = i
			continue
		}
		if parties < 0 {
			continue
		}
		// extras
		trim := strings.TrimSpace(txt)
		off := sg.i + strings.Index(txt, trim)
		switch w := firstWord(trim); w {
		case "for", "für":
			// "X to Y, for Z": Z is the addressee, Y the channel
			t.Via = append(t.Via, t.Recipients...)
			t.Recipients = names(s, off+len(w)+1, off+len(trim))
		case "attention", "attn.", "attn":
			// "to the PUWP CC, attention Stanisław Kania": the person the body's letter goes to
			t.Recipients = append(t.Recipients, names(s, off+len(w)+1, off+len(trim))...)
		case "via", "through":
			t.Via = append(t.Via, names(s, off+len(w)+1, off+len(trim))...)

		case "conveying", "transmitting", "forwarding", "enclosing", "with":
			t.Conveys = strings.TrimSpace(trim[len(w):])
			t.parseConveyed(s, off+len(w), off+len(trim))
		}
	}
	if t.Kind == Speech && len(t.Recipients) == 0 && len(t.Authors) > 0 {
		t.Recipients = gatheredBody(s)
	}
	if t.Kind == "" && len(t.Authors)+len(t.Recipients) == 0 && inflectingTitle(s) {
		// a title that is only the addressee line: "Товарищу Громыко А.А.", "Do Tow. Stanisława Kani"
		if t.Recipients = addresseeOnly(s); len(t.Recipients) > 0 {
			t.Kind = Letter // a letter's head, as "X to Y" with no kind is a letter
		}
	}
	if t.Kind == "" && len(t.Authors) > 0 && len(t.Recipients) > 0 {
		t.Kind = Letter // "X to Y" with no kind is a letter
	}
	if t.Kind == "" && len(segs) > 1 {
		// "Reykjavik Summit, Final Session, Memorandum of Conversation":
		// a later segment that is only a kind
		for _, sg := range segs[1:] {
			if seg := strings.TrimSpace(s[sg.i:sg.j]); kindOnly(seg) {
				t.Kind, t.KindText = Kind(seg), seg
				break
			}
		}
	}
	if t.Kind != "" && t.Kind != Conversation && len(t.Authors)+len(t.Recipients)+len(t.Participants) == 0 && len(segs) > 0 {
		t.possessiveWriter(s, segs[0])
	}
	if len(t.Authors)+len(t.Recipients)+len(t.Participants) == 0 && len(segs) > 0 {
		t.excerptParties(s)
	}
	return t
}

// possessiveWriter reads the writer of a title that opens with a
// possessive before its kind: "Mao Zedong's Speech at the Moscow
// Conference", "Ulbricht's Letter to Khrushchev".
func (t *Title) possessiveWriter(s string, sg span) {
	txt := s[sg.i:sg.j]
	for _, ap := range []string{"'s ", "’s "} {
		k := strings.Index(txt, ap)
		if k <= 0 {
			continue
		}
		rest := asciiLower(txt[k+len(ap):])
		if at, _ := kindSpan(rest); at != 0 || !leadNames(txt[:k]) {
			return
		}
		t.Authors = names(s, sg.i, sg.i+k)
		if to := partiesTo(txt[k:]); to >= 0 && to < topicAt(txt[k:]) {
			t.Recipients = names(s, sg.i+k+to+len(" to "), sg.j)
		}
		return
	}
}

// excerptParties reads the parties of "Excerpt from a Letter from X to Y":
// the title after the excerpt's words, its offsets in the whole title.
func (t *Title) excerptParties(s string) {
	low := asciiLower(s)
	for _, p := range []string{"excerpt from the ", "excerpt from a ", "excerpt from ", "excerpts from the ", "excerpts from ",
		"extract from the ", "extract from a ", "extract from ", "extracts from "} {
		if !strings.HasPrefix(low, p) {
			continue
		}
		in := Parse(s[len(p):])
		shift := func(ps []Party) []Party {
			for i := range ps {
				ps[i].Offset += len(p)
			}
			return ps
		}
		t.Authors, t.Recipients, t.Via = shift(in.Authors), shift(in.Recipients), shift(in.Via)
		if t.Kind != Resolution {
			t.Participants = shift(in.Participants)
		}
		return
	}
}

// parseDiary reads "From the Journal of X, Record of a Conversation with
// Y" and "From the Diary of X: ...": X keeps the diary and writes the
// record; the rest is read as a title of its own.
func parseDiary(s string) (Title, bool) {
	low := strings.ToLower(s)
	var lead string
	for _, p := range []string{"from the journal of ", "from the diary of ", "excerpt from the diary of ", "excerpt from the journal of ",
		"from the working diary of ", "from the journal of the ", "from the diary of the ", "diary entry of ", "diary entries of ",
		"entry from the diary of ", "entries from the diary of ", "diary of ", "journal of "} {
		if strings.HasPrefix(low, p) {
			lead = p
		}
	}
	if lead == "" {
		return Title{}, false
	}
	end := len(s)
	if i := topIndex(s[len(lead):], ","); i >= 0 {
		end = len(lead) + i
	}
	if i := topIndex(s[len(lead):], ":"); i >= 0 && len(lead)+i < end {
		end = len(lead) + i
	}
	if ps := names(s, len(lead), end); end < len(s) && s[end] == ',' && len(ps) == 1 && ps[0].Text == "" && ps[0].Role != "" {
		// "Diary of the Soviet Ambassador to the PRC, S. V. Chervonenko":
		// the office's holder after the comma
		next := len(s)
		if k := topIndex(s[end+1:], ","); k >= 0 {
			next = end + 1 + k
		}
		if k := topIndex(s[end+1:], ":"); k >= 0 && end+1+k < next {
			next = end + 1 + k
		}
		if plainName(s[end+1 : next]) {
			end = next
		}
	}
	var t Title
	if end < len(s) {
		restAt := end + 1
		for restAt < len(s) && s[restAt] == ' ' {
			restAt++
		}
		t = Parse(s[restAt:])
		if t.Kind != Conversation && t.Kind != Transcript {
			t = Title{} // "Notes on a Journey to X": the diary's own words, not parties
		}
		shift := func(ps []Party) {
			for i := range ps {
				ps[i].Offset += restAt
			}
		}
		shift(t.Authors)
		shift(t.Recipients)
		shift(t.Via)
		shift(t.Participants)
		shift(t.ConveysFrom)
		shift(t.ConveysTo)
	}
	if t.Kind == "" || t.Kind == Other {
		t.Kind, t.KindText = Diary, strings.TrimSpace(s[:len(lead)])
	}
	t.Authors = append(names(s, len(lead), end), t.Authors...)
	return t, true
}

// kindOnly reports whether s is nothing but a kind phrase ("Directive",
// "Ciphered telegram No. 5"), not a name.
func kindOnly(s string) bool {
	k := Kind(s)
	if k == "" {
		return false
	}
	for _, w := range strings.Fields(s) {
		lw := asciiLower(strings.Trim(w, ".,"))
		if Kind(lw) != "" || lw == "no" || lw == "ciphered" || lw == "hand-delivered" || lw == "urgent" || lw == "secret" || qualifiers(lw) ||
			strings.IndexFunc(lw, unicode.IsDigit) >= 0 || w == asciiLower(w) {
			continue
		}
		return false
	}
	return true
}

// parseKindSegment reads "Letter from X to Y (via Z)", "Report by X, Y
// and Z to W" or "Minutes of Conversation between X and Y" starting in
// segment i; a list of authors may run over the following segments. It
// returns the last segment read and whether parties were found.
func (t *Title) parseKindSegment(s string, segs []span, i int) (int, bool) {
	sg := segs[i]
	txt := s[sg.i:sg.j]
	low := asciiLower(txt)
	if decidesTo(txt) {
		return i, false // "Decision of the Presidium to send troops": what is decided, no addressee
	}
	if k := indexWord(low, "between"); k >= 0 && !addressedFor(txt, low, k) {
		t.Participants = names(s, sg.i+k+len("between"), sg.j)
		return i, true
	}
	if k := indexWord(low, "with"); k >= 0 && (t.Kind == Conversation || t.Kind == Transcript) && indexWord(low, "from") < 0 {
		// "Record of a Conversation with Prince Souvanna Phouma"
		t.Participants = names(s, sg.i+k+len("with"), sg.j)
		return i, true
	}
	w, k := "from", indexWord(low, "from")
	if b := indexWord(low, "by"); b >= 0 && (k < 0 || b < k) {
		w, k = "by", b
	}
	if o := indexWord(low, "of"); k < 0 && ofWriter(txt) {
		// "Directive of the CC CPSU to the Soviet Ambassador", "Letter of
		// Mao Zedong to Stalin": the writer after "of"
		w, k = "of", o
	}
	if k >= 0 {
		if Kind(txt[:k]) == "" {
			return i, false // "Excerpt from Protocol No. 82 …": the kind follows, no parties
		}
		if after := strings.ToLower(strings.TrimSpace(txt[k+len(w):])); w == "from" && (sessionWord(after) ||
			after != "" && after[0] >= '0' && after[0] <= '9') {
			return i, false // "Working Notes from the Session of the CPSU CC Presidium": a session, no author; "from 3:47 p.m.": a time
		}
		if t.Kind == Conversation && w == "from" {
			return i, false // "Record of Conversation from Premier Zhou's receiving of ...": whose record is not said
		}
		if t.Kind == Conversation && w == "by" && strings.Contains(low[:k], "reception of") {
			// "Record of the Reception of Ambassador Yudin by Mao Zedong": both
			// sides of the talk, no writer
			r := strings.Index(low, "reception of") + len("reception of")
			t.Participants = append(names(s, sg.i+r, sg.i+k), names(s, sg.i+k+len(w), sg.j)...)
			return i, true
		}
		if t.Kind == Minutes && bodySession(low[:k]) {
			return i, false // "Transcript of the Tenth Session of the SED CC from ...": the body sat, nobody wrote
		}
		if f := indexWord(low[:k], "for"); f >= 0 && len(t.Recipients) == 0 {
			// "Memorandum for the President from Brzezinski"
			t.Recipients = names(s, sg.i+f+len("for"), sg.i+k)
		} else if f := partiesTo(txt[:k]); f >= 0 && w == "from" && len(t.Recipients) == 0 {
			// "Report to the CPSU CC from Yu. Andropov"
			t.Recipients = names(s, sg.i+f+len(" to "), sg.i+k)
		}
		if len(t.Recipients) > 0 && partiesTo(txt[k:]) < 0 {
			t.Authors = names(s, sg.i+k+len(w), sg.j)
			return i, true
		}
		// the authors may be a list over several segments, up to the one
		// naming the recipients
		last := i
		for partiesTo(s[sg.i+k:segs[last].j]) < 0 && last+1 < len(segs) {
			next := strings.TrimSpace(s[segs[last+1].i:segs[last+1].j])
			if next == "" || strings.ContainsAny(next[:1], "\"“'") || extraWord(firstWord(next)) {
				break
			}
			last++
		}
		if partiesTo(s[sg.i+k:segs[last].j]) < 0 {
			last = i
			if i+1 < len(segs) && plainName(s[segs[i+1].i:segs[i+1].j]) {
				last = i + 1 // "by the Soviet Ambassador in Budapest, Andropov, on ..."
			}
		}
		last = listRunsOn(s, segs, last)
		t.parseParties(s, sg.i+k+len(w), segs[last].j)
		return last, true
	}
	if o := indexWord(low, "of"); o > 0 && (t.Kind == Resolution || t.Kind == Directive) && kindOnly(txt[:o]) && partiesTo(txt) < 0 {
		// "Decision of the Politburo of the CC of the BCP on ...": the body
		// that resolved is the writer, named up to the topic
		end := topicAt(txt)
		if body := txt[o+2 : max(end, o+2)]; end < len(txt) && organBody(body) {
			if a := names(s, sg.i+o+2, sg.i+end); len(a) > 0 {
				t.Authors = a
				return i, true
			}
		}
	}
	if k := indexWord(low, "to"); k >= 0 && partiesTo(txt) >= 0 && k < topicAt(txt) && t.Kind != Minutes {
		// "Telegram to Mao Zedong"
		t.Recipients = names(s, sg.i+k+2, sg.j)
		return i, true
	}
	if k := indexWord(low, "for"); k > 0 && kindOnly(txt[:k]) && t.Kind != Minutes && t.Kind != Conversation && t.Kind != WorkingNotes {
		// "Information for the CPCz CC Presidium on ...", "Note for the
		// Prime Minister": the addressee, up to the topic; never "the
		// Record" or "the Files"
		end := topicAt(txt)
		if end <= k {
			end = len(txt)
		}
		to := strings.ToLower(strings.TrimSpace(txt[k+len("for") : end]))
		to = strings.TrimPrefix(to, "the ")
		if to != "" && to != "record" && to != "the record" && !strings.HasPrefix(to, "file") && !strings.HasPrefix(to, "information") &&
			!strings.HasPrefix(to, "19") && !strings.HasPrefix(to, "20") && unicode.IsUpper(firstRuneOf(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(txt[k+len("for"):end]), "the ")))) {
			if r := names(s, sg.i+k+len("for"), sg.i+end); len(r) > 0 {
				t.Recipients = r
				return i, true
			}
		}
	}
	if w := strings.Fields(low); len(w) > 0 && slices.Contains(romanceKinds, w[0]) {
		if a, r := romanceParties(s, sg.i, sg.j, len(w[0])); len(a) > 0 && len(r) > 0 {
			t.Authors, t.Recipients = a, r
			return i, true
		}
	}
	if a, r := foreignParties(s, sg.i, sg.j); len(a) > 0 {
		// "Brief von Walter Ulbricht an Nikita Chruschtschow", "Scrisoare
		// de la Nicolae Ceaușescu către Leonid Brejnev"
		t.Authors, t.Recipients = a, r
		return i, true
	}
	if inflectingTitle(txt) {
		// "Письмо Л.И. Брежнева тов. Э. Хонеккеру", "Notatka z rozmowy tow.
		// Gomułki z tow. Chruszczowem", "Jelentés a Politikai Bizottságnak"
		if at, end := kindSpan(strings.ToLower(txt)); end >= 0 && len(strings.ToLower(txt)) == len(txt) {
			a, r, p := inflectedParties(s, sg.i, sg.j, sg.i+end, t.Kind)
			if at > 0 {
				// "Kádár János elvtárs levele Hruscsov elvtársnak": the
				// writer before the kind, in the nominative
				la, lr, _ := inflectedParties(s, sg.i, sg.i+at, sg.i, "")
				for k := range la {
					la[k].Case = ""
				}
				a, r = append(la, a...), append(lr, r...)
			}
			if t.Kind == Minutes {
				a, r = nil, nil // a session's record names no writer in its title
			}
			if len(a)+len(r)+len(p) > 0 {
				t.Authors, t.Recipients, t.Participants = a, r, p
				return i, true
			}
		}
	}
	if r := foreignAddressee(s, sg.i, sg.j); len(r) > 0 && t.Kind != Minutes && t.Kind != Conversation {
		// "Information für Genossen Walter Ulbricht"
		t.Recipients = r
		return i, true
	}
	if at, end := kindSpan(low); at > 0 && strings.Trim(txt[end:], " .") == "" && leadNames(txt[:at]) && !kindOnly(txt) &&
		!qualifiers(txt[:at]) {
		// "Andropov Report", "Andropov Telegram"
		t.Authors = lead(names(s, sg.i, sg.i+at))
		t.KindText = strings.TrimSpace(txt[at:])
		return i, len(t.Authors) > 0
	}
	return i, false
}

// addressedFor reports whether a kind segment names its addressee after
// "for" before position k: "Information for the Presidium on the Conflict
// between Iraq and Iran" is for the Presidium; the war's sides are no
// parties of it.
func addressedFor(txt, low string, k int) bool {
	f := indexWord(low, "for")
	return f > 0 && f < k && kindOnly(txt[:f]) && topicAt(txt) < k
}

// foreignWords are the words that open the writer and the addressee in the
// titles of languages that do not inflect names after them (German,
// Romanian).
var foreignWords = []struct{ from, to []string }{
	{[]string{"von", "vom", "des", "der"}, []string{"an"}},
	{[]string{"de la"}, []string{"către", "catre"}},
}

// romanceWords open the writer and the addressee in Spanish, Italian,
// French and Portuguese titles ("Carta de Fidel Castro a Salvador
// Allende", "Lettera di Luigi Longo a Leonid Brežnev", "Lettre du Général
// de Gaulle à Nikita Khrouchtchev"); romanceTopics open the topic after
// them.
var (
	romanceWords = []struct{ from, to []string }{
		{[]string{"de", "del", "di", "dal", "della", "du", "do", "da"}, []string{"a", "al", "à", "au", "alla", "ao", "para"}},
	}
	romanceTopics = []string{" sobre ", " acerca ", " su ", " sul ", " sulla ", " circa ", " sur ", " concernant ", " relativa ",
		" relativo ", " en ", " in ", " con ", " con motivo ", " à propos ", " sobre a ", " sobre o ", ","}
)

// romanceParties reads "KIND de X a Y" in s[i:j], only for a kind word of
// these languages opening the segment; the addressee ends at the topic.
func romanceParties(s string, i, j int, kindEnd int) (authors, recipients []Party) {
	low := strings.ToLower(s[i:j])
	if kindEnd <= 0 || kindEnd > len(low) {
		return nil, nil
	}
	for _, rw := range romanceWords {
		for _, f := range rw.from {
			if !strings.HasPrefix(low[kindEnd:], " "+f+" ") {
				continue
			}
			from := kindEnd + len(f) + 2
			to, tl := -1, 0
			for _, w := range rw.to {
				if m := strings.Index(low[from:], " "+w+" "); m >= 0 && (to < 0 || from+m < to) {
					to, tl = from+m, len(w)+2
				}
			}
			if to < 0 {
				return nil, nil
			}
			end := len(low)
			for _, tw := range romanceTopics {
				if m := strings.Index(low[to+tl:], tw); m >= 0 && to+tl+m < end {
					end = to + tl + m
				}
			}
			return names(s, i+from, i+to), names(s, i+to+tl, i+end)
		}
	}
	return nil, nil
}

// romanceKinds are the kind words that open a title in those languages.
var romanceKinds = []string{"carta", "cartas", "lettera", "lettre", "mensaje", "messaggio", "message", "telegrama", "telegramma",
	"télégramme", "memorándum", "memorando", "promemoria", "informe", "nota", "note", "appunto", "discurso", "discorso",
	"discours", "directiva", "direttiva", "instrucciones", "istruzioni", "instructions"}

// foreignParties reads "KIND von X an Y" and "KIND de la X către Y" in
// s[i:j].
func foreignParties(s string, i, j int) (authors, recipients []Party) {
	low := strings.ToLower(s[i:j])
	for _, fw := range foreignWords {
		for _, f := range fw.from {
			k := indexWord(low, f)
			if k <= 0 {
				continue
			}
			from := k + len(f)
			to, tl := -1, 0
			for _, w := range fw.to {
				if m := indexWord(low[from:], w); m >= 0 && (to < 0 || from+m < to) {
					to, tl = from+m, len(w)
				}
			}
			if to < 0 {
				if f == "des" || f == "der" {
					continue // "Bericht der Botschaft über ...": not enough to tell a writer
				}
				return names(s, i+from, j), nil
			}
			return names(s, i+from, i+to), names(s, i+to+tl, j)
		}
	}
	return nil, nil
}

// foreignAddressee reads "KIND für X" and "KIND an X" (German) with no
// writer named.
func foreignAddressee(s string, i, j int) []Party {
	low := strings.ToLower(s[i:j])
	topic := len(low)
	for _, w := range []string{"über", "zur", "zum", "betreffend", "bezüglich", "wegen", "zu"} {
		if k := indexWord(low, w); k >= 0 && k < topic {
			topic = k
		}
	}
	for _, w := range []string{"für", "an"} {
		if k := indexWord(low, w); k > 0 && k < topic {
			end := j
			if topic < len(low) {
				end = i + topic
			}
			return names(s, i+k+len(w), end)
		}
	}
	return nil
}

// kindSpan finds the first kind phrase in a lower-case text: its start
// and end, or -1.
func kindSpan(low string) (int, int) {
	at, end := -1, -1
	for _, k := range kindPhrases {
		if i := indexWord(low, k.phrase); i >= 0 && (at < 0 || i < at) {
			at, end = i, i+len(k.phrase)
		}
	}
	return at, end
}

// leadNames reports whether s, written before a kind, can be its writer's
// name or office: one to six words, each capitalised (or a small word of
// an office or body's name), and no kind word among them.
func leadNames(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 6 {
		return false
	}
	caps := 0
	for _, x := range w {
		switch foldWord(x) {
		case "of", "the", "in", "and", "to", "at":
			continue
		}
		if !unicode.IsUpper(firstRuneOf(x)) {
			return false
		}
		caps++
	}
	return caps > 0
}

// qualifiers reports whether the words before a kind only qualify it
// ("Top Secret", "Urgent Coded", "Verbal", "Information").
func qualifiers(s string) bool {
	for _, w := range strings.Fields(s) {
		switch foldWord(w) {
		case "top", "secret", "urgent", "coded", "encoded", "ciphered", "cipher", "encrypted", "verbal", "oral", "written",
			"political", "information", "informational", "stenographic", "draft", "excerpt", "extract", "hand-delivered",
			"personal", "confidential", "strictly", "official", "unofficial", "joint", "final", "special", "short", "brief",
			"annual", "monthly", "weekly", "daily", "situation", "intelligence", "memorandum", "additional", "second", "first", "third",
			"untitled", "undated", "unsigned", "anonymous", "another", "a", "an", "the", "new", "last":
		default:
			return false
		}
	}
	return true
}

func lead(ps []Party) []Party {
	var out []Party
	for _, p := range ps {
		p.Lead = true
		// "Mikoyan-Suslov Report": two writers joined by a hyphen
		if a, b, ok := strings.Cut(p.Text, "-"); ok && !strings.Contains(p.Text, " ") && len(p.Hints) == 0 &&
			unicode.IsUpper(firstRuneOf(a)) && unicode.IsUpper(firstRuneOf(b)) && len(a) > 2 && len(b) > 2 {
			q := p
			q.Text, q.Offset = b, p.Offset+len(a)+1
			p.Text = a
			out = append(out, p, q)
			continue
		}
		out = append(out, p)
	}
	return out
}

// sessionWord reports whether text names a sitting of a body ("the
// session of", "a meeting of", "the plenum").
func sessionWord(text string) bool {
	text = strings.TrimPrefix(strings.TrimPrefix(text, "the "), "a ")
	for _, w := range []string{"session", "meeting", "sitting", "plenum", "conference", "congress"} {
		if strings.HasPrefix(text, w) {
			return true
		}
	}
	return false
}

func extraWord(w string) bool {
	switch w {
	case "for", "via", "through", "conveying", "transmitting", "forwarding", "enclosing", "with", "on", "regarding", "concerning",
		"attention", "attn.", "attn":
		return true
	}
	return false
}

// accredited are the offices written "X to Y" where Y is the country of
// accreditation, not an addressee ("Soviet Ambassador to the USA").
var accredited = map[string]bool{"ambassador": true, "ambassadors": true, "envoy": true, "representative": true,
	"representatives": true, "affaires": true, "d'affaires": true, "consul": true, "delegation": true, "mission": true,
	"adviser": true, "advisor": true, "advisers": true, "advisors": true, "counsellor": true, "attaché": true,
	"attache": true, "plenipotentiary": true, "emissary": true}

// partiesTo finds the " to " that separates authors from recipients,
// passing over an office's "to" ("Ambassador to the USA"); -1 when none.
func partiesTo(s string) int {
	from := 0
	for {
		k := topIndex(s[from:], " to ")
		if k < 0 {
			return -1
		}
		k += from
		before := strings.Fields(s[:k])
		if len(before) > 0 && accredited[strings.ToLower(strings.Trim(before[len(before)-1], ",.()"))] {
			from = k + 4
			continue
		}
		return k
	}
}

func (t *Title) parseConveyed(s string, i, j int) {
	low := asciiLower(s[i:j])
	if f := indexWord(low, "from"); f >= 0 {
		rest := s[i+f+4 : j]
		if k := topIndex(rest, " to "); k >= 0 {
			t.ConveysFrom = names(s, i+f+4, i+f+4+k)
			t.ConveysTo = names(s, i+f+4+k+4, j)
		} else {
			t.ConveysFrom = names(s, i+f+4, j)
		}
	}
}

func (t *Title) parseParties(s string, i, j int) {
	k := partiesTo(s[i:j])
	if k < 0 {
		t.Authors = names(s, i, j)
		return
	}
	t.Authors = names(s, i, i+k)
	rj := j
	for _, w := range []string{" via ", " through "} {
		// "to Lyndon Johnson via the Pakistani Government": the channel
		if v := topIndex(s[i+k+4:j], w); v > 0 {
			t.Via = append(t.Via, names(s, i+k+4+v+len(w), j)...)
			rj = i + k + 4 + v
			break
		}
	}
	rec := names(s, i+k+4, rj)
	for _, p := range rec {
		var keep []string
		for _, h := range p.Hints {
			if w := firstWord(h); w == "via" || w == "through" {
				for _, v := range names(h, len(w)+1, len(h)) {
					v.Offset = p.Offset // hints keep no place of their own
					t.Via = append(t.Via, v)
				}
				continue
			}
			keep = append(keep, h)
		}
		p.Hints = keep
		if p.Text != "" || len(p.Hints) > 0 || p.Role != "" {
			t.Recipients = append(t.Recipients, p)
		}
	}
}

// topicMarkers start what a title says the record is about, after its
// parties.
var topicMarkers = []string{" on ", " regarding ", " concerning ", " about ", " re: ", " reporting ", " informing ",
	" describing ", " discussing ", " requesting ", " asking ", " proposing ", " announcing ", " explaining "}

// topicAt returns where the topic after the names in s starts (len(s)
// when there is none).
func topicAt(s string) int {
	at := len(s)
	for _, w := range topicMarkers {
		if k := topIndex(s, w); k >= 0 && k < at {
			at = k
		}
	}
	// a time after the names: "... Kochemassov at 11:45 a.m."
	for from := 0; ; {
		k := strings.Index(s[from:], " at ")
		if k < 0 {
			break
		}
		k += from
		if k+4 < len(s) && s[k+4] >= '0' && s[k+4] <= '9' && k < at {
			at = k
			break
		}
		// the occasion after the names: "Speech by Todor Zhivkov at the
		// Plenum of the BCP CC", "... at a Dinner in Honour of ..."
		if k < at && occasion(s[k+4:]) {
			at = k
			break
		}
		from = k + 4
	}
	return at
}

// occasion reports whether s (what follows " at ") names a sitting or an
// event someone speaks at, not a post ("Ambassador at Large").
func occasion(s string) bool {
	low := strings.ToLower(s)
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(low, a) {
			low = low[len(a):]
			break
		}
	}
	for _, w := range []string{"plenum", "session", "meeting", "congress", "conference", "rally", "reception", "dinner",
		"banquet", "luncheon", "funeral", "ceremony", "celebration", "anniversary", "summit", "gathering", "assembly",
		"consultation", "talks", "negotiations", "opening", "closing", "joint session", "extraordinary", "solemn",
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"} {
		if strings.HasPrefix(low, w) {
			return true
		}
	}
	return false
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return asciiLower(s[:i])
	}
	return asciiLower(s)
}

// leadKindEnd returns where a "Letter from …" kind phrase ends, or -1.
func leadKindEnd(txt string) int {
	low := asciiLower(txt)
	best := -1
	for _, w := range []string{"from", "between", "to"} {
		if i := indexWord(low, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func number(txt string) string {
	low := asciiLower(txt)
	for _, p := range []string{"no. ", "no.", "№ ", "№", "number "} {
		if i := strings.Index(low, p); i >= 0 {
			rest := strings.TrimSpace(txt[i+len(p):])
			end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
			if end < 0 {
				end = len(rest)
			}
			return rest[:end]
		}
	}
	return ""
}

// names reads a list of names in s[i:j], split at top-level " and " and
// commas, each with its bracketed hints.
func names(s string, i, j int) []Party {
	if i < 0 || j > len(s) || i >= j {
		return nil
	}
	// what follows the names: "to Y on the events in Z"
	j = i + topicAt(s[i:j])
	var out []Party
	for _, sg := range splitTop(s[i:j], ',') {
		part := s[i+sg.i : i+sg.j]
		if n := len(out); n > 0 && out[n-1].Text == "" && out[n-1].Role != "" && len(out[n-1].Hints) == 0 && plainName(part) {
			// "the Soviet Ambassador in Budapest, Andropov": the office's holder
			p := strings.TrimSpace(part)
			out[n-1].Text = p
			out[n-1].Offset = i + sg.i + strings.Index(part, p)
			continue
		}
		if len(out) > 0 && appositive(part) {
			// "Thomas L. Hughes, Director of Intelligence and Research": the office of the name before
			if out[len(out)-1].Role == "" {
				out[len(out)-1].Role = strings.ToLower(strings.Fields(part)[0])
			}
			continue
		}
		from := 0
		for {
			k := topIndex(part[from:], " and ")
			if k >= 0 && jointlyNamed(part[from:from+k], part[from+k+5:]) {
				k = -1 // "the Foreign and Commonwealth Office": one body
			}
			end := len(part)
			if k >= 0 {
				end = from + k
			}
			if p, ok := party(s, i+sg.i+from, i+sg.i+end); ok {
				out = append(out, p)
			}
			if k < 0 {
				break
			}
			from = end + 5
		}
	}
	return out
}

// party reads one name with its hints from s[i:j].
func party(s string, i, j int) (Party, bool) {
	txt := s[i:j]
	var p Party
	var sb strings.Builder
	depth := 0
	hintStart := -1
	textStart := -1
	inserted := false // "V[yacheslav]": the editors completing a word, not a hint
	for k, r := range txt {
		switch {
		case r == '[' && depth == 0 && k > 0 && isLetterRune(txt, k) && insertion(txt[k:]):
			inserted = true
		case r == ']' && inserted && depth == 0:
			inserted = false
		case (r == '(' || r == '[') && !inserted:
			if depth == 0 {
				hintStart = k + 1
			}
			depth++
		case (r == ')' || r == ']') && !inserted:
			if depth > 0 {
				depth--
				if depth == 0 && hintStart >= 0 {
					for _, h := range strings.Split(txt[hintStart:k], ";") {
						h = strings.TrimSpace(h)
						for _, lead := range []string{"signed by ", "signed ", "sgd. ", "per "} {
							// "the HSWP CC [signed by Janos Kadar]": the signer
							if len(h) > len(lead) && strings.EqualFold(h[:len(lead)], lead) {
								h = strings.TrimSpace(h[len(lead):])
							}
						}
						if h != "" {
							p.Hints = append(p.Hints, h)
						}
					}
					hintStart = -1
				}
			}
		case depth == 0:
			if textStart < 0 && !unicode.IsSpace(r) {
				textStart = k
			}
			sb.WriteRune(r)
		}
	}
	p.Text = strings.Join(strings.Fields(sb.String()), " ")
	p.Text = strings.TrimRight(p.Text, ".:;")
	p.Text = possessiveKind(p.Text) // "Ulbricht's Letter" to Khrushchev: Ulbricht writes
	for _, a := range []string{"das ", "die ", "den ", "dem "} {
		// a German article before a body's name: "an das MfAA"
		p.Text = strings.TrimPrefix(p.Text, a)
	}
	if textStart >= 0 {
		p.Offset = i + textStart
	}
	whole := p.Text
	p.office()
	if p.Text != whole && p.Text != "" {
		if k := strings.Index(txt, p.Text); k >= 0 {
			p.Offset = i + k
		}
	}
	return p, p.Text != "" || len(p.Hints) > 0 || p.Role != ""
}

// gatheredBody returns the body a speech is made to, named by the sitting
// it is made at: "Speech by Gomułka at the Eighth Plenum of the Central
// Committee of the PUWP" is addressed to the Central Committee. A dinner,
// a rally or a ceremony addresses no body.
func gatheredBody(s string) []Party {
	low := asciiLower(s)
	at := indexWord(low, "at")
	if at < 0 || !occasion(s[at+3:]) {
		return nil
	}
	rest := low[at+3:]
	of := indexWord(rest, "of")
	if of < 0 {
		return nil
	}
	sitting := false
	for _, w := range strings.Fields(rest[:of]) {
		switch w {
		case "plenum", "session", "congress", "meeting", "conference", "assembly":
			sitting = true
		case "dinner", "banquet", "luncheon", "reception", "rally", "funeral", "ceremony", "celebration", "anniversary":
			return nil
		}
	}
	from := at + 3 + of + 2
	if !sitting || !organBody(s[from:from+topicAt(s[from:])]) {
		return nil
	}
	return names(s, from, len(s))
}

// listRunsOn extends the segment naming the addressees over the
// segments after it that continue a list of names closed by "and": "to Mao
// Zedong, Zhou Enlai and Peng Dehuai on ...". It returns the last segment
// of the list.
func listRunsOn(s string, segs []span, last int) int {
	at := s[segs[last].i:segs[last].j]
	p := partiesTo(at)
	if p < 0 || topicAt(at) < len(at) || !plainName(at[p+4:]) {
		return last
	}
	for n := last + 1; n < len(segs); n++ {
		next := s[segs[n].i:segs[n].j]
		cut := strings.TrimSpace(next[:topicAt(next)])
		pieces := strings.Split(cut, " and ")
		for _, pc := range pieces {
			if !plainName(pc) {
				return last
			}
		}
		if len(pieces) > 1 {
			return n // the list closes here
		}
		if topicAt(next) < len(next) {
			return last
		}
	}
	return last
}

// jointlyNamed reports whether "x and y" is one body's name, the word
// before "and" qualifying the head noun that ends y: "Foreign and
// Commonwealth Office", "Science and Technology Committee", "Trade and
// Industry Ministry"; never two names ("Molotov and Vyshinsky", "Mao
// and the Politburo").
func jointlyNamed(x, y string) bool {
	x = strings.TrimPrefix(strings.TrimSpace(x), "the ")
	xs, ys := strings.Fields(x), strings.Fields(y)
	if len(xs) != 1 || len(ys) < 2 || !unicode.IsUpper(firstRuneOf(ys[0])) || bodyHead(xs[0]) {
		return false
	}
	if !unicode.IsUpper(firstRuneOf(xs[0])) || strings.ContainsAny(x, ".'’") {
		return false
	}
	return bodyHead(ys[len(ys)-1]) && len(ys) <= 3
}

// bodyHead reports whether a word is the head noun of a body's name.
func bodyHead(w string) bool {
	switch strings.ToLower(strings.Trim(w, ",.")) {
	case "office", "ministry", "department", "committee", "commission", "council", "bureau", "agency", "directorate", "service", "administration":
		return true
	}
	return false
}

// organBody reports whether a name is a body that resolves and directs:
// a party's or a state's collective organ ("the Politburo of the CC of the
// BCP", "the Secretariat of the Central Committee", "the Council of
// Ministers").
func organBody(s string) bool {
	for _, w := range strings.Fields(asciiLower(s)) {
		switch strings.Trim(w, ",.()") {
		case "politburo", "presidium", "secretariat", "committee", "cc", "council", "bureau", "government", "cabinet", "directorate", "plenum", "congress", "commission":
			return true
		}
	}
	return false
}

// ofWriter reports whether a title opens with its kind and "of" its
// writer: "Directive of the CC CPSU to ...", "Letter of Mao Zedong to ...".
func ofWriter(txt string) bool {
	o := indexWord(asciiLower(txt), "of")
	if o <= 0 || !kindOnly(txt[:o]) {
		return false
	}
	for _, k := range []string{Kind(txt[:o]), Kind(txt)} {
		switch k {
		case Minutes, Conversation, WorkingNotes, Transcript, Diary:
			return false // "Minutes of the Meeting ...", "Protocol No. 12 of the Meeting ...": the kind's own "of"
		}
	}
	if sessionWord(strings.ToLower(strings.TrimSpace(txt[o+2:]))) {
		return false
	}
	p := partiesTo(txt[o:])
	if p < 0 {
		return false
	}
	// an addressee after "to", not a verb: "Decision of the Presidium to send ..."
	next := firstWord(txt[o+p+4:])
	return next == "the" || unicode.IsUpper(firstRuneOf(strings.TrimSpace(txt[o+p+4:])))
}

// decidesTo reports whether a decision's or directive's title goes on
// with what is decided, a verb after "to" ("Decision of the CPSU CC
// Presidium to send troops to Hungary"), not with an addressee.
func decidesTo(txt string) bool {
	if k := Kind(txt); k != Resolution && k != Directive {
		return false
	}
	p := partiesTo(txt)
	if p < 0 {
		return false
	}
	next := firstWord(txt[p+4:])
	return next != "" && next != "the" && next != "a" && next != "an" && unicode.IsLower(firstRuneOf(strings.TrimSpace(txt[p+4:])))
}

// possessiveKind returns the writer of a possessive title ("Ulbricht's
// Letter", "Mao Zedong’s Telegram", "the Embassy's Report"): the name
// before the "'s" when a kind follows it, else s.
func possessiveKind(s string) string {
	for _, ap := range []string{"'s ", "’s "} {
		k := strings.LastIndex(s, ap)
		if k <= 0 {
			continue
		}
		rest := s[k+len(ap):]
		if kind := Kind(rest); kind != "" && kindOnly(rest) {
			return strings.TrimSpace(s[:k])
		}
	}
	return s
}

// isLetterRune reports whether the character before byte k of s is a letter.
func isLetterRune(s string, k int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:k])
	return unicode.IsLetter(r)
}

// insertion reports whether s opens an editors' completion of a word: "["
// and lower-case letters up to "]" ("[yacheslav]").
func insertion(s string) bool {
	end := strings.IndexByte(s, ']')
	if end < 2 {
		return false
	}
	for _, r := range s[1:end] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

type span struct{ i, j int }

// splitTop splits s at sep outside brackets.
func splitTop(s string, sep byte) []span {
	var out []span
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, span{from, i})
				from = i + 1
			}
		}
	}
	return append(out, span{from, len(s)})
}

// topIndex finds w in s outside brackets, ignoring case.
func topIndex(s, w string) int {
	low := asciiLower(s)
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
		if depth == 0 && strings.HasPrefix(low[i:], w) {
			return i
		}
	}
	return -1
}

func hasTopWord(s, w string) bool { return topIndex(s, w) >= 0 }

// asciiLower lower-cases ASCII letters only, so that byte offsets in the
// result are offsets in s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// roleWords name offices a title writes before a name.
var roleWords = map[string]bool{
	"ambassador": true, "chargé": true, "charge": true, "d'affaires": true, "affaires": true, "envoy": true,
	"consul": true, "counsellor": true, "counselor": true, "minister": true, "secretary": true, "chairman": true,
	"president": true, "premier": true, "deputy": true, "leader": true, "marshal": true, "admiral": true,
	"commander": true, "representative": true, "adviser": true, "advisor": true, "attaché": true, "director": true,
	"chief": true, "king": true, "shah": true, "emperor": true, "head": true, "prime": true, "general": true,
	"member": true, "members": true, "botschafter": true, "genosse": true, "genossen": true, "towarzysz": true,
	"tovarășul": true, "tovarăşul": true, "ambasador": true, "ambasadorul": true, "velvyslanec": true,
	"under-secretary": true, "undersecretary": true, "chancellor": true,
}

// roleQualifiers stand before a role word as part of the office.
var roleQualifiers = map[string]bool{"first": true, "general": true, "state": true, "prime": true, "foreign": true,
	"deputy": true, "vice": true, "second": true, "defense": true, "defence": true, "permanent": true, "federal": true}

// institutionWords name parts of a body's name: a party text with one and
// no person is a body, and they are passed over before a name.
var institutionWords = map[string]bool{
	"ministry": true, "embassy": true, "committee": true, "cc": true, "politburo": true, "presidium": true,
	"secretariat": true, "government": true, "council": true, "department": true, "legation": true,
	"consulate": true, "mission": true, "leadership": true, "bureau": true, "commission": true,
	"headquarters": true, "command": true, "kgb": true, "mfa": true, "mid": true, "foreign": true, "affairs": true,
	"ministers": true, "supreme": true, "soviet": true, "central": true, "revolutionary": true, "state": true,
	"party": true, "people's": true, "republic": true, "defence": true, "defense": true, "national": true,
	"assembly": true, "union": true, "workers'": true, "communist": true, "socialist": true, "unity": true,
	"interior": true, "staff": true, "armed": true, "forces": true, "executive": true, "office": true,
	"delegation": true, "of": true, "the": true, "and": true, "for": true,
	// the rest of a Western office's name: "Director of Central Intelligence", "Director of Policy Planning"
	"intelligence": true, "agency": true, "security": true, "policy": true, "planning": true, "research": true,
	"operations": true, "service": true, "services": true, "army": true, "navy": true, "chiefs": true,
}

// bodyWords are the words that make a party a body rather than a person.
var bodyWords = map[string]bool{
	"ministry": true, "embassy": true, "committee": true, "cc": true, "politburo": true, "presidium": true,
	"secretariat": true, "government": true, "council": true, "department": true, "legation": true,
	"consulate": true, "mission": true, "leadership": true, "bureau": true, "commission": true,
	"headquarters": true, "command": true, "kgb": true, "mfa": true, "delegation": true, "office": true,
	// in the records' own languages
	"botschaft": true, "ministerium": true, "mfaa": true, "zk": true, "politbüro": true, "ambasada": true, "ambasadei": true,
	"ministerul": true, "ministerului": true, "ministerstwo": true, "ambasady": true, "velvyslanectví": true,
	"ministerstvo": true, "nagykövetség": true, "minisztérium": true, "посольство": true, "министерство": true, "цк": true,
}

// countryWords are countries a title names in an office ("President of
// Egypt A. Sadat"), passed over before the name.
var countryWords = map[string]bool{
	"china": true, "egypt": true, "ussr": true, "usa": true, "us": true, "cuba": true, "poland": true, "hungary": true,
	"czechoslovakia": true, "mongolia": true, "vietnam": true, "korea": true, "germany": true, "gdr": true, "frg": true,
	"dprk": true, "drv": true, "dra": true, "afghanistan": true, "syria": true, "iraq": true, "india": true,
	"yugoslavia": true, "romania": true, "bulgaria": true, "albania": true, "japan": true, "france": true,
	"britain": true, "italy": true, "israel": true, "jordan": true, "lebanon": true, "iran": true, "indonesia": true,
	"laos": true, "cambodia": true, "ethiopia": true, "angola": true, "chile": true, "nicaragua": true,
	"states": true, "kingdom": true, "nations": true, "un": true, "prc": true, "mpr": true, "sed": true, "cpsu": true,
	"puwp": true, "ksč": true, "hswp": true, "mszmp": true, "kscs": true, "pzpr": true, "west": true, "east": true,
	"north": true, "south": true, "berlin": true, "moscow": true, "washington": true, "kabul": true, "havana": true,
	"hanoi": true, "beijing": true, "peking": true, "warsaw": true, "prague": true, "budapest": true, "cairo": true,
	"damascus": true, "pyongyang": true, "ulaanbaatar": true, "bucharest": true, "sofia": true, "tirana": true,
	"belgrade": true, "saigon": true, "vientiane": true, "tokyo": true, "london": true, "paris": true, "bonn": true,
	"finland": true, "sweden": true, "norway": true, "denmark": true, "austria": true, "switzerland": true,
	"burma": true, "ceylon": true, "pakistan": true, "turkey": true, "greece": true, "cyprus": true, "libya": true,
	"algeria": true, "tunisia": true, "morocco": true, "sudan": true, "ghana": true, "guinea": true, "mali": true,
	"congo": true, "tanzania": true, "brazil": true, "argentina": true, "mexico": true, "canada": true,
	"australia": true, "netherlands": true, "belgium": true, "spain": true, "portugal": true, "uk": true,
	"helsinki": true, "stockholm": true, "vienna": true, "geneva": true, "delhi": true, "jakarta": true,
	"rangoon": true, "baghdad": true, "tehran": true, "ankara": true, "athens": true, "rome": true,
	"united": true, "america": true, "arab": true, "federal": true,
}

func foldWord(w string) string { return strings.ToLower(strings.Trim(w, ",.;:()")) }

// office reads an office before a name ("Soviet Ambassador to the USA
// Dobrynin", "First Secretary of the PUWP CC Stanisław Kania"), a place
// after a name ("Mikhail Suslov in Budapest"), and a body's name ("USSR
// Foreign Ministry").
func (p *Party) office() {
	toks := strings.Fields(p.Text)
	if len(toks) == 0 {
		return
	}
	r := -1
	for k, w := range toks {
		if roleWords[foldWord(w)] {
			r = k
		}
	}
	if r < 0 {
		body := false
		for _, w := range toks {
			body = body || bodyWords[foldWord(w)]
		}
		if body {
			p.Institution = true
			p.Text = strings.TrimPrefix(strings.TrimPrefix(p.Text, "the "), "The ")
			return
		}
		// "Mikhail Suslov in Budapest"
		for k, w := range toks {
			if (w == "in" || w == "at") && k > 0 && k+1 < len(toks) {
				p.Text = strings.Join(toks[:k], " ")
				return
			}
		}
		return
	}
	role := foldWord(toks[r])
	if role == "d'affaires" || role == "affaires" {
		role = "chargé d'affaires"
	}
	if r > 0 && roleQualifiers[foldWord(toks[r-1])] {
		role = foldWord(toks[r-1]) + " " + role
	}
	rest := toks[r+1:]
	// the office as written, up to the name: "Secretary of State"
	office := func(name []string) string {
		return strings.Join(toks[:len(toks)-len(name)], " ")
	}
	// a name with initials starts at the first initial
	for k, w := range rest {
		if initials(w) {
			// a given name written out before a middle initial belongs to
			// the name: "US Ambassador Richard L. Sneider"
			if k > 0 && unicode.IsUpper(firstRuneOf(rest[k-1])) && !acronym(rest[k-1]) && !countryWords[foldWord(rest[k-1])] &&
				!institutionWords[foldWord(rest[k-1])] && !roleWords[foldWord(rest[k-1])] && !initials(rest[k-1]) {
				k--
			}
			p.Role, p.Text = role, strings.Join(rest[k:], " ")
			p.Office = office(rest[k:])
			return
		}
	}
	// after the office's last small word: "to the USA", "of the PUWP CC"
	last := -1
	for k, w := range rest {
		if w != "" && unicode.IsLower(firstRuneOf(w)) {
			last = k
		}
	}
	name := rest
	if last >= 0 {
		name = rest[last+1:]
		lw := rest[last]
		if lw == "the" && last > 0 {
			lw = rest[last-1] // "to the United States"
		}
		if (lw == "to" || lw == "in" || lw == "at") && len(name) > 0 {
			// the place of the office: one word, or the words of a country
			k := 1
			for k < len(name) && countryWords[foldWord(name[k])] {
				k++
			}
			name = name[k:]
		}
	}
	if role == "members" || role == "member" {
		// "the Other Members of the CC CPY", "the Members of the Politburo
		// of the CPSU CC": the body its members stand for
		body := rest
		for len(body) > 0 && (body[0] == "of" || body[0] == "the") {
			body = body[1:]
		}
		if len(body) > 1 && institutionWords[foldWord(body[0])] && bodyWords[foldWord(body[0])] ||
			len(body) > 1 && (foldWord(body[0]) == "cc" || foldWord(body[0]) == "central") {
			p.Institution = true
			p.Text = strings.Join(body, " ")
			return
		}
	}
	for len(name) > 0 {
		w := foldWord(name[0])
		if institutionWords[w] || countryWords[w] || acronym(name[0]) && len(name) > 1 {
			name = name[1:]
			continue
		}
		break
	}
	p.Role = role
	p.Office = office(name)
	p.Text = strings.Join(name, " ")
}

func initials(w string) bool {
	if !strings.HasSuffix(w, ".") || len(w) < 2 {
		return false
	}
	for _, part := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		rs := []rune(part)
		if len(rs) == 0 || len(rs) > 2 || !unicode.IsUpper(rs[0]) {
			return false
		}
	}
	return true
}

func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func firstRuneOf(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// plainName reports whether part is a person's name alone: one to four
// capitalised words or initials, no office or body word.
func plainName(part string) bool {
	w := strings.Fields(part)
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for _, x := range w {
		f := foldWord(x)
		if !unicode.IsUpper(firstRuneOf(x)) || roleWords[f] || institutionWords[f] || countryWords[f] || Kind(x) != "" {
			return false
		}
	}
	return true
}

// appositive reports whether a part of a list of names is an office alone
// ("Director of Intelligence and Research", "First Secretary of the PUWP
// CC"): it starts with an office and names no person after it.
func appositive(part string) bool {
	w := strings.Fields(part)
	if len(w) == 0 {
		return false
	}
	k := 0
	if roleQualifiers[foldWord(w[0])] && len(w) > 1 {
		k = 1
	}
	if !roleWords[foldWord(w[k])] {
		return false
	}
	p := Party{Text: strings.TrimSpace(part)}
	p.office()
	if p.Text == "" {
		return true
	}
	// what is left after the office is a word of the body's name, not a
	// person's name ("Research", not "Stanisław Kania" or "A. Dubček")
	left := strings.Fields(p.Text)
	return len(left) == 1 && !initials(left[0]) && k+1 < len(w) && foldWord(w[k+1]) == "of"
}
