package document

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
	"августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	"январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
	"август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
	"янв": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
	// German
	"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
	// Polish (genitive, as dates write them)
	"stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
	"września": 9, "października": 10, "listopada": 11, "grudnia": 12,
	// Czech and Slovak
	"ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6, "července": 7, "srpna": 8,
	"září": 9, "října": 10, "listopadu": 11, "prosince": 12, "januára": 1, "februára": 2,
	// Hungarian
	"január": 1, "február": 2, "március": 3, "április": 4, "május": 5, "június": 6, "július": 7,
	"augusztus": 8, "szeptember": 9, "október": 10,
	// Romanian, French, Spanish
	"ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7, "septembrie": 9,
	"octombrie": 10, "noiembrie": 11, "decembrie": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4,
	"juin": 6, "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
	"septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	// Italian, Portuguese
	"gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9, "ottobre": 10,
	"dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
	"outubro": 10, "novembro": 11, "dezembro": 12,
	// Bulgarian
	"януари": 1, "февруари": 2, "април": 4, "юни": 6, "юли": 7, "септември": 9, "октомври": 10, "ноември": 11, "декември": 12,
	// Serbo-Croatian, nominative and genitive; Slovak genitive
	"mart": 3, "maj": 5, "avgust": 8, "septembar": 9, "oktobar": 10, "novembar": 11, "decembar": 12,
	"januara": 1, "februara": 2, "marta": 3, "aprila": 4, "juna": 6, "jula": 7, "avgusta": 8, "septembra": 9,
	"oktobra": 10, "novembra": 11, "decembra": 12, "apríla": 4, "mája": 5, "júna": 6, "júla": 7, "októbra": 10,
	// Albanian
	"janar": 1, "shkurt": 2, "prill": 4, "qershor": 6, "korrik": 7, "gusht": 8, "shtator": 9, "tetor": 10,
	"nëntor": 11, "dhjetor": 12,
	// Finnish, partitive (as dates write them) and nominative; the Slovak genitive of August
	"tammikuuta": 1, "helmikuuta": 2, "maaliskuuta": 3, "huhtikuuta": 4, "toukokuuta": 5, "kesäkuuta": 6,
	"heinäkuuta": 7, "elokuuta": 8, "syyskuuta": 9, "lokakuuta": 10, "marraskuuta": 11, "joulukuuta": 12,
	"tammikuu": 1, "helmikuu": 2, "maaliskuu": 3, "huhtikuu": 4, "toukokuu": 5, "kesäkuu": 6, "heinäkuu": 7,
	"elokuu": 8, "syyskuu": 9, "lokakuu": 10, "marraskuu": 11, "joulukuu": 12, "augusta": 8,
	// Danish, Norwegian, Swedish, Dutch, Indonesian
	"marts": 3, "januari": 1, "februari": 2, "augusti": 8, "maart": 3, "mei": 5, "augustus": 8, "maret": 3,
	"agustus": 8, "desember": 12, "okt": 10,
	// Greek (genitive, as dates write them, and nominative)
	"ιανουαρίου": 1, "φεβρουαρίου": 2, "μαρτίου": 3, "απριλίου": 4, "μαΐου": 5, "μαίου": 5, "ιουνίου": 6, "ιουλίου": 7,
	"αυγούστου": 8, "σεπτεμβρίου": 9, "οκτωβρίου": 10, "νοεμβρίου": 11, "δεκεμβρίου": 12,
	"ιανουάριος": 1, "φεβρουάριος": 2, "μάρτιος": 3, "απρίλιος": 4, "μάιος": 5, "ιούνιος": 6, "ιούλιος": 7,
	"αύγουστος": 8, "σεπτέμβριος": 9, "οκτώβριος": 10, "νοέμβριος": 11, "δεκέμβριος": 12,
	// Serbian Cyrillic (genitive and nominative)
	"јануара": 1, "фебруара": 2, "априла": 4, "маја": 5, "јуна": 6, "јула": 7, "септембра": 9, "октобра": 10,
	"новембра": 11, "децембра": 12, "јануар": 1, "фебруар": 2, "мај": 5, "јун": 6, "јул": 7, "септембар": 9,
	"октобар": 10, "новембар": 11, "децембар": 12,
	// Ukrainian (genitive, as dates write them)
	"січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7, "серпня": 8,
	"вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
	// Turkish
	"ocak": 1, "şubat": 2, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8, "eylül": 9, "ekim": 10,
	"kasım": 11, "aralık": 12,
	// Arabic (the Gregorian months as Egypt and the Maghreb write them, and
	// the one-word Levantine names)
	"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونية": 6,
	"يوليو": 7, "يولية": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
	"ديسمبر": 12, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9,
}

// digitForms writes the digits of other scripts (Arabic-Indic, Persian,
// full-width) as ASCII digits.
var digitForms = strings.NewReplacer(
	"٠", "0", "١", "1", "٢", "2", "٣", "3", "٤", "4", "٥", "5", "٦", "6", "٧", "7", "٨", "8", "٩", "9",
	"۰", "0", "۱", "1", "۲", "2", "۳", "3", "۴", "4", "۵", "5", "۶", "6", "۷", "7", "۸", "8", "۹", "9",
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
)

// otherDigits reports whether s holds a digit of another script.
func otherDigits(s string) bool {
	for _, r := range s {
		if r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹' || r >= '０' && r <= '９' {
			return true
		}
	}
	return false
}

// dateFillers are words a date line holds besides the date ("Berlin, den
// 10. November 1989", "ngày 2 tháng 3 năm 1965", "1956. november 11-én").
var dateFillers = map[string]bool{"den": true, "dne": true, "dnia": true, "de": true, "le": true, "am": true,
	"the": true, "of": true, "on": true, "dated": true, "ngày": true, "năm": true, "r": true, "roku": true}

var roman = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
	"ix": 9, "x": 10, "xi": 11, "xii": 12}

// ParseDate reads a date as records write it ("September 17, 1952",
// "August 1949", "17 September 1952", "17 сентября 1952г.", "17.X.1948",
// "1952-09-17", "1952年9月17日") and returns it in ISO 8601 with the
// precision given: YYYY-MM-DD, YYYY-MM or YYYY. The whole string must be
// a date, apart from surrounding punctuation.
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return "", false
	}
	if otherDigits(s) {
		s = digitForms.Replace(s)
	}
	if y, m, d, ok := cjkDate(s); ok {
		return iso(y, m, d)
	}
	if y, m, d, ok := mongolianDate(s); ok {
		return iso(y, m, d)
	}
	if romanDashed.MatchString(s) {
		s = strings.ReplaceAll(s, "-", ".") // "20-X-1983"
	}
	if len(s) >= 4 && isNum(s[:4]) && (len(s) == 4 || s[4] == '-') {
		f := strings.Split(s, "-")
		if len(f) <= 3 {
			y, _ := strconv.Atoi(f[0])
			m, d := 0, 0
			var e1, e2 error
			if len(f) > 1 {
				m, e1 = strconv.Atoi(f[1])
			}
			if len(f) > 2 {
				d, e2 = strconv.Atoi(f[2])
			}
			if e1 == nil && e2 == nil {
				return iso(y, m, d)
			}
		}
		return "", false
	}
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == '/' || r == '[' || r == ']'
	})
	y, m, d := 0, 0, 0
	if len(f) == 3 && isNum(f[0]) && isNum(f[1]) && len(f[2]) == 4 && isNum(f[2]) && len(f[0]) <= 2 && len(f[1]) <= 2 {
		// all numbers: day first, as the records' countries write it
		// ("23.10.1956", "23/10/1956"), month first only when the day
		// cannot be one ("10/23/1956")
		a, _ := strconv.Atoi(f[0])
		b, _ := strconv.Atoi(f[1])
		y, _ = strconv.Atoi(f[2])
		if b > 12 && a <= 12 {
			a, b = b, a
		}
		return iso(y, b, a)
	}
	for _, w := range f {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "г"), "года")
		if w == "" || w == "г" || w == "года" || w == "г." || w == "r" || w == "c" || w == "ca" || w == "circa" || w == "den" ||
			w == "р" || w == "року" || w == "год" || w == "έτους" || w == "م" || w == "sayılı" {
			continue
		}
		if i := strings.IndexByte(w, '-'); i > 0 && isNum(w[:i]) && isNum(w[i+1:]) && i <= 2 {
			w = w[:i] // a span of days: "October 23-24, 1956" is dated by its first
		}
		for _, suf := range []string{"st", "nd", "rd", "th", "er"} {
			if t, ok := strings.CutSuffix(w, suf); ok && t != "" && isNum(t) && len(t) <= 2 {
				w = t // "November 9th"
			}
		}
		if n, err := strconv.Atoi(w); err == nil {
			switch {
			case len(w) == 4 && y == 0:
				y = n
			case n >= 1 && n <= 31 && d == 0 && len(w) <= 2:
				if m == 0 && len(f) == 3 && isNum(f[1]) && isNum(f[0]) && w == f[1] {
					m = n // 17.09.1952
				} else {
					d = n
				}
			default:
				return "", false
			}
			continue
		}
		if mm, ok := months[w]; ok && m == 0 {
			m = mm
			continue
		}
		if mm, ok := roman[w]; ok && m == 0 {
			m = mm
			continue
		}
		return "", false
	}
	if y == 0 {
		return "", false
	}
	if d != 0 && m == 0 {
		return "", false
	}
	return iso(y, m, d)
}

// findDate finds the date in a short line that may name a place before it
// ("Moscow, 12 May 1968", "Berlin, den 10. November 1989", "Hà Nội, ngày 2
// tháng 3 năm 1965") and returns the date's text as written.
func findDate(t string) (string, bool) {
	if _, ok := ParseDate(t); ok {
		return t, true
	}
	if y, m, d, ok := vietDate(t); ok && strings.HasPrefix(strings.ToLower(strings.TrimSpace(t)), "ngày") {
		if _, ok := iso(y, m, d); ok {
			return t, true // "ngày 12 tháng 3 năm 1965" on its own
		}
	}
	// after the place: each comma in turn (a full-width one too: "北京，1965年3月12日")
	for i := 0; i < len(t); i++ {
		w := 1
		if strings.HasPrefix(t[i:], "，") || strings.HasPrefix(t[i:], "、") {
			w = len("，")
		} else if strings.HasPrefix(t[i:], "،") {
			w = len("،") // the Arabic comma
		} else if t[i] != ',' {
			continue
		}
		rest := strings.TrimSpace(t[i+w:])
		if rest == "" {
			break
		}
		if _, ok := ParseDate(stripFillers(rest)); ok {
			return rest, true
		}
		if y, m, d, ok := vietDate(rest); ok {
			if _, ok := iso(y, m, d); ok {
				return rest, true
			}
		}
	}
	if _, ok := ParseDate(stripFillers(t)); ok && strings.IndexFunc(t, unicode.IsDigit) >= 0 {
		return t, true
	}
	// a full date ending a short line: "z Moskwy nadany 10.09.1981"
	ws := strings.Fields(t)
	if len(t) <= 60 {
		for k := max(0, len(ws)-4); k < len(ws); k++ {
			rest := strings.Join(ws[k:], " ")
			if iso, ok := ParseDate(stripFillers(rest)); ok && len(iso) == 10 && k > 0 {
				return rest, true
			}
		}
	}
	// after a place written with no comma: "Praha 12. září 1968"
	for k := 1; k <= 2 && k < len(ws); k++ {
		if strings.IndexFunc(strings.Join(ws[:k], " "), unicode.IsDigit) >= 0 || !unicode.IsUpper([]rune(ws[0])[0]) {
			break
		}
		rest := strings.Join(ws[k:], " ")
		if _, ok := ParseDate(stripFillers(rest)); ok && strings.IndexFunc(rest, unicode.IsDigit) >= 0 {
			return rest, true
		}
	}
	return "", false
}

// stripFillers drops the words a date line holds besides the date.
func stripFillers(s string) string {
	var keep []string
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if dateFillers[lw] {
			continue
		}
		// "11-én", "11-го": a day with a case ending
		if i := strings.IndexByte(w, '-'); i > 0 && isNum(strings.TrimRight(w[:i], ".")) && !isNum(w[i+1:]) && !romanDashed.MatchString(strings.Trim(w, ".,")) {
			w = w[:i]
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

// vietDate reads "ngày 2 tháng 3 năm 1965".
func vietDate(s string) (y, m, d int, ok bool) {
	f := strings.Fields(strings.ToLower(s))
	for i := 0; i+1 < len(f); i++ {
		n, err := strconv.Atoi(strings.Trim(f[i+1], ".,"))
		if err != nil {
			continue
		}
		switch f[i] {
		case "ngày":
			d = n
		case "tháng":
			m = n
		case "năm":
			y = n
		}
	}
	if d == 0 && m > 0 {
		// "20 tháng 10 năm 1983": the day before "tháng" with no "ngày"
		for i := 1; i < len(f); i++ {
			if f[i] == "tháng" {
				if n, err := strconv.Atoi(strings.Trim(f[i-1], ".,")); err == nil && n >= 1 && n <= 31 {
					d = n
				}
				break
			}
		}
	}
	return y, m, d, y > 0
}

// DateIn returns a date a line states in ISO 8601, reading "Place, date"
// lines and dates in the languages of these records.
func DateIn(t string) (string, bool) {
	s, ok := findDate(t)
	if !ok {
		return "", false
	}
	if iso, ok := ParseDate(stripFillers(s)); ok {
		return iso, true
	}
	if y, m, d, ok := vietDate(s); ok {
		return iso(y, m, d)
	}
	return "", false
}

func isNum(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func cjkDate(s string) (y, m, d int, ok bool) {
	if strings.Contains(s, "년") {
		// Korean: "1968년 1월 25일"
		s = strings.NewReplacer("년", "年", "월", "月", "일", "日").Replace(s)
	}
	i := strings.Index(s, "年")
	if i < 0 {
		return 0, 0, 0, false
	}
	ys := strings.TrimSpace(s[:i])
	era := 0
	for _, e := range japaneseEras {
		if strings.HasPrefix(ys, e.name) {
			// "昭和58年10月20日": the year of the emperor's reign
			era, ys = e.offset, strings.TrimSpace(ys[len(e.name):])
			if ys == "元" {
				ys = "1"
			}
			break
		}
	}
	y, err := strconv.Atoi(ys)
	if err != nil {
		if y = hanNumber(ys, true); y == 0 {
			return 0, 0, 0, false
		}
	}
	if era > 0 {
		if y < 1 || y > 64 {
			return 0, 0, 0, false
		}
		y += era
	}
	rest := s[i+len("年"):]
	if j := strings.Index(rest, "月"); j >= 0 {
		ms := strings.TrimSpace(rest[:j])
		if m, err = strconv.Atoi(ms); err != nil {
			m = hanNumber(ms, false)
		}
		rest = rest[j+len("月"):]
		if k := strings.Index(rest, "日"); k >= 0 {
			ds := strings.TrimSpace(rest[:k])
			if d, err = strconv.Atoi(ds); err != nil {
				d = hanNumber(ds, false)
			}
		}
	}
	return y, m, d, true
}

// japaneseEras are the reigns Japanese records date by, with the year
// before each reign's first.
var japaneseEras = []struct {
	name   string
	offset int
}{{"昭和", 1925}, {"平成", 1988}, {"大正", 1911}, {"令和", 2018}}

// hanNumber reads a number in Chinese characters: a year digit by digit
// ("一九五三"), a month or a day with tens ("十二", "二十一"); 0 when s is
// not one.
func hanNumber(s string, year bool) int {
	digit := map[rune]int{'〇': 0, '零': 0, '○': 0, 'Ｏ': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	if s == "" {
		return 0
	}
	n := 0
	if year {
		for _, r := range s {
			v, ok := digit[r]
			if !ok {
				return 0
			}
			n = n*10 + v
		}
		return n
	}
	rs := []rune(s)
	if len(rs) > 3 {
		return 0
	}
	tens := -1
	for k, r := range rs {
		if r == '十' {
			if tens >= 0 {
				return 0
			}
			tens = k
		} else if _, ok := digit[r]; !ok {
			return 0
		}
	}
	switch {
	case tens < 0 && len(rs) == 1:
		return digit[rs[0]]
	case tens < 0:
		return 0
	}
	hi, lo := 1, 0
	if tens == 1 {
		hi = digit[rs[0]]
	} else if tens != 0 {
		return 0
	}
	if tens+1 < len(rs) {
		lo = digit[rs[tens+1]]
	}
	return hi*10 + lo
}

// mongolianDate reads "1990 оны 3 дугаар сарын 9" (the year, the month's
// ordinal, the day), with or without the day.
func mongolianDate(s string) (y, m, d int, ok bool) {
	low := strings.ToLower(s)
	if !strings.Contains(low, " оны ") || !strings.Contains(low, "сар") {
		return 0, 0, 0, false
	}
	f := strings.Fields(strings.NewReplacer(",", " ", ".", " ", "-ны", " ", "-ний", " ").Replace(low))
	for i, w := range f {
		n, err := strconv.Atoi(w)
		if err != nil {
			continue
		}
		next := ""
		if i+1 < len(f) {
			next = f[i+1]
		}
		switch {
		case next == "оны" && y == 0:
			y = n
		case (next == "дугаар" || next == "дүгээр" || strings.HasPrefix(next, "сар")) && m == 0:
			m = n
		case m > 0 && d == 0:
			d = n
		default:
			return 0, 0, 0, false
		}
	}
	return y, m, d, y > 0
}

// romanDashed is a date with its month in Roman numerals between dashes.
var romanDashed = regexp.MustCompile(`^\d{1,2}-[IVXivx]{1,4}-\d{4}$`)

func iso(y, m, d int) (string, bool) {
	if y < 1000 || y > 2999 || m < 0 || m > 12 || d < 0 || d > 31 {
		return "", false
	}
	out := strconv.Itoa(y)
	if m > 0 {
		out += "-" + two(m)
		if d > 0 {
			out += "-" + two(d)
		}
	}
	return out, true
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
