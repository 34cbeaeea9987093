package document

import (
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
}

var roman = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
	"ix": 9, "x": 10, "xi": 11, "xii": 12}

// ParseDate reads a date as records write it ("September 17, 1952",
// "August 1949", "17 September 1952", "17 сентября 1952г.", "17.X.1948",
// "1952-09-17", "1952年9月17日") and returns it in ISO 8601 with the
// precision given: YYYY-MM-DD, YYYY-MM or YYYY. The whole string must be
// a date, apart from surrounding punctuation.
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 60 {
		return "", false
	}
	if y, m, d, ok := cjkDate(s); ok {
		return iso(y, m, d)
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
	for _, w := range f {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "г"), "года")
		if w == "" || w == "г" || w == "года" || w == "г." {
			continue
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

func isNum(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func cjkDate(s string) (y, m, d int, ok bool) {
	i := strings.Index(s, "年")
	if i < 0 {
		return 0, 0, 0, false
	}
	y, err := strconv.Atoi(strings.TrimSpace(s[:i]))
	if err != nil {
		return 0, 0, 0, false
	}
	rest := s[i+len("年"):]
	if j := strings.Index(rest, "月"); j >= 0 {
		m, _ = strconv.Atoi(strings.TrimSpace(rest[:j]))
		rest = rest[j+len("月"):]
		if k := strings.Index(rest, "日"); k >= 0 {
			d, _ = strconv.Atoi(strings.TrimSpace(rest[:k]))
		}
	}
	return y, m, d, true
}

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
