package builtin

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// dateTime is an xsd:dateTime or xsd:date value, as written (not normalised
// to UTC); the accessors YEAR...SECONDS read these fields.
type dateTime struct {
	year                     int64
	month, day, hour, minute int
	sec                      *big.Rat
	hasTZ                    bool
	tz                       int    // offset in minutes
	tzLex                    string // "Z", "-05:00" or ""
	isDate                   bool
}

var (
	dateTimeRE = regexp.MustCompile(`^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\.[0-9]+)?)(Z|[+-][0-9]{2}:[0-9]{2})?$`)
	dateRE     = regexp.MustCompile(`^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$`)
)

// parseDateTime reads an xsd:dateTime (or, with dt = xsd:date, an xsd:date).
func parseDateTime(lex string, dt rdf.IRI) (dateTime, error) {
	lex = xsdTrim(lex)
	var d dateTime
	var m []string
	var tz string
	if dt == vocab.XSDDate {
		m = dateRE.FindStringSubmatch(lex)
		if m == nil {
			return d, errInvalid(lex, dt)
		}
		d.isDate = true
		d.sec = new(big.Rat)
		tz = m[4]
	} else {
		m = dateTimeRE.FindStringSubmatch(lex)
		if m == nil {
			return d, errInvalid(lex, dt)
		}
		d.hour, _ = strconv.Atoi(m[4])
		d.minute, _ = strconv.Atoi(m[5])
		d.sec, _ = new(big.Rat).SetString(m[6])
		tz = m[7]
	}
	var err error
	if d.year, err = strconv.ParseInt(m[1], 10, 64); err != nil || d.year == 0 && m[1][0] == '-' {
		return d, errInvalid(lex, dt)
	}
	if digits := strings.TrimPrefix(m[1], "-"); len(digits) > 4 && digits[0] == '0' {
		return d, errInvalid(lex, dt) // no leading zeros beyond four digits
	}
	d.month, _ = strconv.Atoi(m[2])
	d.day, _ = strconv.Atoi(m[3])
	if d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysIn(d.year, d.month) ||
		d.minute > 59 || d.sec.Cmp(big.NewRat(60, 1)) >= 0 ||
		d.hour > 24 || d.hour == 24 && (d.minute != 0 || d.sec.Sign() != 0) {
		return d, errInvalid(lex, dt)
	}
	if tz != "" {
		d.hasTZ, d.tzLex = true, tz
		if tz != "Z" {
			h, _ := strconv.Atoi(tz[1:3])
			mi, _ := strconv.Atoi(tz[4:6])
			if h > 14 || mi > 59 || h == 14 && mi != 0 {
				return d, errInvalid(lex, dt)
			}
			d.tz = h*60 + mi
			if tz[0] == '-' {
				d.tz = -d.tz
			}
		}
	}
	return d, nil
}

// validPlainDate reports whether lex is a valid xsd:date of the form
// YYYY-MM-DD: a four-digit year and no timezone, the common case, which
// compares without parsing.
func validPlainDate(lex string) bool {
	if len(lex) != 10 || lex[4] != '-' || lex[7] != '-' {
		return false
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(lex[:4]), num(lex[5:7]), num(lex[8:])
	return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(int64(y), m)
}

func daysIn(year int64, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil counts days since 1970-01-01 in the proleptic Gregorian
// calendar (XSD year 0 is 1 BCE).
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := int64((153*mp+2)/5 + d - 1)
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// instant returns the value in seconds since the epoch, reading a missing
// timezone as the given offset in minutes.
func (d dateTime) instant(defaultTZ int) *big.Rat {
	tz := d.tz
	if !d.hasTZ {
		tz = defaultTZ
	}
	secs := daysFromCivil(d.year, d.month, d.day)*86400 + int64(d.hour)*3600 + int64(d.minute)*60 - int64(tz)*60
	return new(big.Rat).Add(new(big.Rat).SetInt64(secs), d.sec)
}

// compareDateTimes orders two values per XSD: values with and without a
// timezone compare only when they are more than 14 hours apart; otherwise
// the result is indeterminate (ok false).
func compareDateTimes(a, b dateTime) (c int, ok bool) {
	if a.hasTZ == b.hasTZ {
		return a.instant(0).Cmp(b.instant(0)), true
	}
	const fourteen = 14 * 60
	// A value without a timezone lies somewhere in [v(+14:00), v(-14:00)].
	aLo, aHi := a.instant(fourteen), a.instant(-fourteen)
	bLo, bHi := b.instant(fourteen), b.instant(-fourteen)
	switch {
	case aHi.Cmp(bLo) < 0:
		return -1, true
	case aLo.Cmp(bHi) > 0:
		return 1, true
	}
	return 0, false
}

// dateArg reads an xsd:dateTime or xsd:date argument.
func dateArg(t rdf.Term) (dateTime, error) {
	l, ok := t.(rdf.Literal)
	if !ok || (l.Datatype != vocab.XSDDateTime && l.Datatype != vocab.XSDDate) {
		return dateTime{}, typeErr("%v is not an xsd:dateTime", t)
	}
	return parseDateTime(l.Lexical, l.Datatype)
}

func dateField(f func(dateTime) rdf.Term) func([]rdf.Term, *Env) (rdf.Term, error) {
	return func(a []rdf.Term, _ *Env) (rdf.Term, error) {
		d, err := dateArg(a[0])
		if err != nil {
			return nil, err
		}
		return f(d), nil
	}
}

// fnTimezone returns the timezone as an xsd:dayTimeDuration ("-PT5H30M").
func fnTimezone(a []rdf.Term, _ *Env) (rdf.Term, error) {
	d, err := dateArg(a[0])
	if err != nil {
		return nil, err
	}
	if !d.hasTZ {
		return nil, argErr("%v has no timezone", a[0])
	}
	if d.tz == 0 {
		return rdf.NewTyped("PT0S", xsdDuration), nil
	}
	tz, sign := d.tz, ""
	if tz < 0 {
		tz, sign = -tz, "-"
	}
	s := sign + "PT"
	if tz/60 > 0 {
		s += fmt.Sprintf("%dH", tz/60)
	}
	if tz%60 > 0 {
		s += fmt.Sprintf("%dM", tz%60)
	}
	return rdf.NewTyped(s, xsdDuration), nil
}

func fnNow(_ []rdf.Term, env *Env) (rdf.Term, error) {
	return rdf.NewTyped(env.Now.Format("2006-01-02T15:04:05.999999999Z07:00"), vocab.XSDDateTime), nil
}
