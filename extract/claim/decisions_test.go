package claim

import (
	"strings"
	"testing"
)

// The numbered points after "DECIDES:" are the deciding body's: a point
// charging a ministry with a task requests it of the ministry, one
// condemning a party's campaign accuses the party, not the country the
// party's own charges (in a relative clause) are against; points before
// the word of deciding are no one's decisions.
func TestResolutionPointsAreTheBodys(t *testing.T) {
	bureau := Ref{"Organization", "Bureau of the Workers' Party"}
	ministry := Ref{"Organization", "Ministry of Trade"}
	radio := Ref{"Organization", "Radio Liberty"}
	home := Ref{"Country", "Freedonia"}
	for _, c := range []struct{ lang, text string }{
		{"en", "RESOLUTION No. 12\n\n1. Instructs the Ministry of Trade to report on the harvest.\n\n" +
			"The Bureau of the Workers' Party, having heard the report of the minister,\n\nDECIDES:\n\n" +
			"1. Approves the report of the minister.\n\n2. Instructs the Ministry of Trade to prepare a plan of grain deliveries by March.\n\n" +
			"3. Condemns the campaign of Radio Liberty, which accuses Freedonia of forced resettlement.\n\nSecretary General"},
		{"bg", "РЕШЕНИЕ № 12\n\nБюро на работническата партия, след като обсъди доклада на министъра,\n\nР Е Ш И:\n\n" +
			"1. Одобрява доклада на министъра.\n\n2. Възлага на Министерство на търговията да подготви план за доставките на зърно до март.\n\n" +
			"3. Осъжда кампанията на Радио Свобода, които обвиняват Фредония в насилствено преселване.\n\nГенерален секретар"},
	} {
		d := Doc{Kind: "resolution", Date: "1985-01-18", Authors: []string{"Ivo Petkov"},
			Versions: []Version{{Role: "original", Lang: c.lang, Text: c.text}}}
		place(&d, 0, map[string]Ref{"The Bureau of the Workers' Party": bureau, "Бюро на работническата партия": bureau,
			"Ministry of Trade": ministry, "Министерство на търговията": ministry, "Radio Liberty": radio, "Радио Свобода": radio,
			"Freedonia": home, "Фредония": home})
		res := Extract(d)
		if c2 := has(res, bureau.Name, "requests", ministry.Name); c2 == nil {
			t.Errorf("%s: the task given to the ministry is no request of the body:%s", c.lang, dump(res))
		}
		if has(res, bureau.Name, "accuses", radio.Name) == nil {
			t.Errorf("%s: the condemned campaign does not accuse its party:%s", c.lang, dump(res))
		}
		for _, cl := range res.Claims {
			if cl.Subject.Name == "Ivo Petkov" {
				t.Errorf("%s: the body's decision given to its signatory: %s", c.lang, dump(res))
			}
			if cl.Object == home && cl.Relation == "accuses" {
				t.Errorf("%s: the relative clause's charge made the writer's: %s", c.lang, dump(res))
			}
		}
		if c2 := has(res, bureau.Name, "requests", ministry.Name); c2 != nil && !strings.Contains(c2.Evidence, "2.") {
			t.Errorf("%s: the request's evidence is not the point after the heading: %q", c.lang, c2.Evidence)
		}
	}
}

// Where an English page carries only the archive's summary before the
// original, the original's numbered decisions still count.
func TestResolutionPointsInTheOriginalAfterASummary(t *testing.T) {
	bureau := Ref{"Organization", "Bureau of the Workers' Party"}
	ministry := Ref{"Organization", "Ministry of Trade"}
	bg := "РЕШЕНИЕ № 12\n\nБюро на работническата партия, след като обсъди доклада на министъра,\n\nР Е Ш И:\n\n" +
		"1. Одобрява доклада на министъра.\n\n2. Възлага на Министерство на търговията да подготви план за доставките на зърно до март и да го внесе в Бюрото."
	d := Doc{Kind: "resolution", Date: "1985-01-18", Authors: []string{"Ivo Petkov"},
		Versions: []Version{{Role: "translation", Lang: "en", Text: "The Bureau approves the report of the minister and instructs the ministry to prepare a plan of grain deliveries by March and to submit it to the Bureau for its next session."},
			{Role: "original", Lang: "bg", Text: bg}}}
	place(&d, 1, map[string]Ref{"Бюро на работническата партия": bureau, "Министерство на търговията": ministry})
	res := Extract(d)
	if has(res, bureau.Name, "requests", ministry.Name) == nil {
		t.Errorf("the original's decision is lost after the English summary:%s", dump(res))
	}
}
