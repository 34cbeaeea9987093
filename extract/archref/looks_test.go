package archref

import "testing"

func TestLooks(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"AP RF, f. 3, op. 65, d. 12, ll. 4-9. Translated by Jane Roe.", true},
		{"Source: AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 80", true},
		{"АП РФ, ф. 45, оп. 1, д. 343, лл. 97-103.", true},
		{"PRC FMA 106-00021-05, 1-4", true},
		{"SAPMO-BArch, DY 30/J IV 2/202/130", true},
		{"a further copy in RGASPI, f. 17, op. 162, d. 9", true},
		{"RGANI, Fond and Opis not given, Delo 12", true},
		{"", false},
		{"Comrade Molotov,", false},
		{"The ambassador said the APRF had nothing to add on the question of the 1956 events.", false},
		{"We discussed the documents of RGASPI at length with our colleagues from Moscow and Beijing in 1955.", false},
		{"APRF", false},
		{"March 5, 1953", false},
	} {
		if got := Looks(c.line); got != c.want {
			t.Errorf("Looks(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}
