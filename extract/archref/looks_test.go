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
		{"MNL OL, M-KS 288. f. 5/832. ő.e.", true},
		{"NA, AÚV KSČ, f. 02/1, sv. 64, a.j. 61", true},
		{"AAN, KC PZPR, XIA/1228", true},
		{"ANIC, fond CC al PCR – Cancelarie, dosar 12/1968, f. 1-5", true},
		{"ЦДА, ф. 1Б, оп. 6, а.е. 4185, л. 2", true},
		{"MPRP Central Archives, fond 4, dans 28, kh/n 118", true},
		{"Vietnam National Archives Center 3, Phu Thu Tuong, ho so 8123", true},
		{"NARA, RG 59, Central Foreign Policy Files, 1967-69, POL 27 VIET S", true},
		{"Dmitrii Volkogonov Papers, Library of Congress, Reel 17", true},
		{"APRF, Fond 45, Opis 1, Delo 329, Listy 29-38 and AVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, List 198", true},
		{"CWIHP Bulletin 8-9, p. 388", true},
		{"Jiangsu Provincial Archives, 3124-1-45", true},
		{"TsDAVO, f. 4, op. 1, d. 12", true},
		{"BStU, MfS, HA XX, Nr. 1234", true},
		{`"Telegram from the Embassy in Hanoi," May 2, 1966, History and Public Policy Program Digital Archive, AVP RF, f. 079, op. 21, p. 40, d. 8, ll. 3-7.`, true},
		{`"Letter to the Editor," May 2, 1966, Wilson Center Digital Archive, donated by the family.`, false},
		{"", false},
		{"Moscow, 12 March 1953", false},
		{"Translated by Jane Roe.", false},
		{"Original Uploaded Date: 2012-01-01", false},
		{"The Library of Congress was mentioned once in the conversation about 1956 and nothing else came of it.", false},
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
