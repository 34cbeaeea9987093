package langid

import (
	"testing"
	"unicode"
)

func TestDetect(t *testing.T) {
	for want, text := range map[string]string{
		"en": "The delegation will arrive on Tuesday and the talks will begin in the afternoon.",
		"de": "Die Delegation wird am Dienstag eintreffen, und die Gespräche werden am Nachmittag beginnen.",
		"pl": "Delegacja przyjedzie we wtorek, a rozmowy rozpoczną się po południu. Strona polska jest gotowa do rozmów.",
		"hu": "A küldöttség kedden érkezik, és a tárgyalások délután kezdődnek. Azt kérik, hogy a szerződést még ebben az évben írják alá.",
		"cs": "Delegace přijede v úterý a jednání začnou odpoledne. Řekl, že strana je připravena k jednání.",
		"ro": "Delegația va sosi marți și convorbirile vor începe după-amiază. Partea română este pregătită pentru această întâlnire.",
		"vi": "Đoàn đại biểu sẽ đến vào thứ ba và các cuộc hội đàm sẽ bắt đầu vào buổi chiều của ngày đó.",
		"ru": "Делегация прибудет во вторник, и переговоры начнутся во второй половине дня.",
		"mn": "Төлөөлөгчид мягмар гарагт ирэх бөгөөд үдээс хойш хэлэлцээ эхэлнэ.",
		"zh": "代表团将于星期二抵达，会谈将在下午开始。",
		"ko": "대표단은 화요일에 도착하며 회담은 오후에 시작됩니다.",
		"fi": "Valtuuskunta saapuu tiistaina, ja neuvottelut alkavat iltapäivällä. Hän sanoi, että puolue on valmis neuvotteluihin ja että sopimus voidaan allekirjoittaa jo tänä vuonna.",
		"sq": "Delegacioni do të mbërrijë të martën dhe bisedimet do të fillojnë pasdite. Ai tha se partia është gati për bisedime dhe se marrëveshja mund të nënshkruhet këtë vit.",
	} {
		if got := Detect(text); got != want {
			t.Errorf("Detect(%.30q) = %q, want %q", text, got, want)
		}
	}
	for _, text := range []string{"", "1968", "— 12 —"} {
		if got := Detect(text); got != "" {
			t.Errorf("Detect(%q) = %q, want nothing", text, got)
		}
	}
}

// TestLatinClass tells English prose from other prose in Latin letters and
// leaves a line too short to tell undecided.
func TestLatinClass(t *testing.T) {
	for text, want := range map[string]string{
		"We agree with the proposal of the Finnish side and will send the draft.":  "en",
		"Wir sind mit dem Vorschlag der finnischen Seite einverstanden und werden": "other",
		"A. Zhegalin": "",
		// an address block of names and offices is not English for one
		// word the two languages share in form
		"An Genossen Erich Mielke\nMinister für Staatssicherheit der DDR": "",
		"To Comrade Erich Mielke, Minister of State Security of the GDR":  "en",
		// few common words, none English, and one language's letters
		"Przesyłam w załączeniu informację o przebiegu rozmów w stoczni oraz propozycje dalszych działań": "other",
	} {
		if got := LatinClass(text); got != want {
			t.Errorf("LatinClass(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestCountLettersScripts checks the counts' shortcuts for the Latin-1,
// Latin Extended and Cyrillic blocks against Unicode's script tables.
func TestCountLettersScripts(t *testing.T) {
	for r := rune(0); r < 0x3100; r++ {
		var want Letters
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			want.Cyrillic = 1
		case unicode.Is(unicode.Hangul, r):
			want.Hangul = 1
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			want.Kana = 1
		case unicode.Is(unicode.Han, r):
			want.Han = 1
		case unicode.Is(unicode.Arabic, r):
			want.Arabic = 1
		case unicode.Is(unicode.Greek, r) && unicode.IsLetter(r):
			want.Greek = 1
		case unicode.Is(unicode.Hebrew, r) && unicode.IsLetter(r):
			want.Hebrew = 1
		case unicode.Is(unicode.Latin, r):
			want.Latin = 1
		}
		if got := CountLetters(string(r)); got != want {
			t.Fatalf("CountLetters(%q U+%04X) = %+v, want %+v", r, r, got, want)
		}
	}
}

// TestMoreOriginals: originals in Slovak, Albanian, Finnish, Vietnamese,
// Chinese, Korean, Italian and Spanish, a sentence or two each; a Finnish
// paragraph whose only common word is one English shares ("on") and whose
// "ä" German uses too.
func TestMoreOriginals(t *testing.T) {
	for _, c := range []struct{ want, text string }{
		{"sk", "Súdruh Husák povedal na zasadnutí predsedníctva, že strana musí obnoviť dôveru ľudí a že sa to nepodarí bez ďalšej práce."},
		{"sq", "Shoku Enver Hoxha tha se partia jonë nuk do të pranojë kurrë revizionizmin dhe se populli është me të."},
		{"fi", "Presidentti Kekkonen sanoi suurlähettiläälle, että Suomi haluaa hyvät suhteet naapuriinsa ja että kauppasopimus on tärkeä."},
		{"fi", "Kiitän Teitä kirjeestänne. Suomen hallitus on valmis jatkamaan neuvotteluja kauppasopimuksesta."},
		{"vi", "Đồng chí Lê Duẩn nói rằng nhân dân Việt Nam sẽ tiếp tục cuộc đấu tranh cho đến khi giành được thắng lợi."},
		{"zh", "毛泽东同志在会见时说，我们两党之间的分歧应当通过协商来解决。"},
		{"ko", "김일성 동지는 대표단을 만나 두 나라 사이의 친선 관계에 대하여 말하였다."},
		{"it", "Il compagno Berlinguer ha detto che il partito non può accettare l'intervento delle truppe del Patto di Varsavia."},
		{"es", "El compañero Fidel dijo que la revolución no aceptará ninguna inspección de nuestro territorio por parte de la ONU."},
		// the languages of other blocs: Scandinavian, Dutch, Portuguese, Indonesian, Turkish, Greek, Hebrew, Arabic, Japanese, Serbian, Ukrainian
		{"da", "Statsministeren sagde, at Danmark ikke vil deltage i blokaden, og at regeringen også har meddelt det til ambassadøren."},
		{"sv", "Statsministern sade att Sverige inte kommer att delta i blockaden och att regeringen också har meddelat detta till ambassadören."},
		{"nl", "De minister zei dat de regering niet van plan is het verdrag te ondertekenen voordat de Kamer zich erover heeft uitgesproken."},
		{"pt", "O ministro disse que o governo não pode aceitar a proposta e que a delegação já foi informada pelo embaixador."},
		{"id", "Presiden mengatakan bahwa pemerintah tidak akan menerima usul itu dan bahwa delegasi sudah diberitahu oleh duta besar."},
		{"tr", "Bakan, hükümetin bu teklifi kabul etmeyeceğini ve heyetin büyükelçi tarafından bilgilendirildiğini söyledi, ama daha çok zaman gerekir."},
		{"el", "Ο πρωθυπουργός είπε ότι η κυβέρνηση δεν μπορεί να δεχθεί την πρόταση και ότι η αντιπροσωπεία ενημερώθηκε."},
		{"he", "ראש הממשלה אמר כי הממשלה לא תקבל את ההצעה וכי המשלחת כבר קיבלה הודעה מהשגריר."},
		{"ar", "قال رئيس الوزراء إن الحكومة لا تستطيع قبول الاقتراح وإن الوفد قد أبلغ من قبل السفير."},
		{"ja", "首相は、政府はこの提案を受け入れることはできないと述べ、代表団はすでに大使から知らされたと語った。"},
		{"sr", "Председник је рекао да влада неће прихватити предлог и да је делегација већ обавештена од стране амбасадора. Џон и Љубиша су били ту."},
		{"uk", "Прем'єр-міністр сказав, що уряд не може прийняти пропозицію і що делегацію вже поінформував посол. Її члени їдуть до Києва."},
	} {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.40q) = %q, want %q", c.text, got, c.want)
		}
	}
}
