package archref

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func refs(rs []Ref) []Ref {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Offset = 0
	}
	return out
}

func pubs(ps []Publication) []Publication {
	out := slices.Clone(ps)
	for i := range out {
		out[i].Offset = 0
	}
	return out
}

// TestParse reads citations in the forms of the archives records come
// from: each case is a citation line and the references, publications and
// translators it names.
func TestParse(t *testing.T) {
	for _, c := range []struct {
		name        string
		in          string
		want        []Ref
		pubs        []Publication
		translators []string
	}{
		{
			"markdown export, three Russian archives", `"Letter, Filippov (Stalin) to Mao Zedong", September 17, 1952, Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; and RGASPI, f. 558, op. 11, d. 343, ll. 0097-0104.`,
			[]Ref{
				{Archive: "APRF", ArchiveID: "aprf", Fond: "45", Opis: "1", Delo: "343", Folios: "97-103"},
				{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "059a", Opis: "5a", Delo: "5", Papka: "11", Folios: "99"},
				{Archive: "RGASPI", ArchiveID: "rgaspi", Fond: "558", Opis: "11", Delo: "343", Folios: "0097-0104"},
			}, nil, nil,
		},
		{
			"English words for the levels", `AP RF, Fond 45, Opis 1, Delo 347, Listy 65-67; AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 80`,
			[]Ref{
				{Archive: "APRF", ArchiveID: "aprf", Fond: "45", Opis: "1", Delo: "347", Folios: "65-67"},
				{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "059a", Opis: "5a", Delo: "5", Papka: "11", Folios: "80"},
			}, nil, nil,
		},
		{
			"two archives in one sentence", `APRF, Fond 45, Opis 1, Delo 329, Listy 29-38 and AVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, List 198.`,
			[]Ref{
				{Archive: "APRF", ArchiveID: "aprf", Fond: "45", Opis: "1", Delo: "329", Folios: "29-38"},
				{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "059a", Opis: "5a", Delo: "3", Papka: "11", Folios: "198"},
			}, nil, nil,
		},
		{
			"capitalised abbreviations, a reprint and a translator", `APRF: F. 39, Op. 1, D. 31, Ll. 44-45. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 1, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 468-469. Translated for CWIHP by Sergey Radchenko.`,
			[]Ref{{Archive: "APRF", ArchiveID: "aprf", Fond: "39", Opis: "1", Delo: "31", Folios: "44-45"}},
			[]Publication{{Title: "Sovetsko-Kitaiskie Otnosheniia", Reference: "Ledovskii, Mirovitskaia and Miasnikov, eds., Vol. 5, Book 1, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 468-469"}},
			[]string{"Sergey Radchenko"},
		},
		{
			"free text in parentheses, a copy elsewhere", `APRF (photocopy released from the Presidential Archive in 1994); a further copy in RGASPI, f. 558, op. 11, d. 334, l. 0055.`,
			[]Ref{
				{Archive: "APRF", ArchiveID: "aprf", Reference: "photocopy released from the Presidential Archive in 1994"},
				{Archive: "RGASPI", ArchiveID: "rgaspi", Fond: "558", Opis: "11", Delo: "334", Folios: "0055"},
			}, nil, nil,
		},
		{
			"Chinese Foreign Ministry archive and a translator", `"Liu Shaoqi to Cde. G.M. Malenkov", August 1949, Wilson Center Digital Archive, PRC FMA 109-00004-03, 10. Translated by Gary Goldberg.`,
			[]Ref{{Archive: "PRC FMA", ArchiveID: "prc-fma", Reference: "109-00004-03, 10"}}, nil, []string{"Gary Goldberg"},
		},
		{
			"Chinese Foreign Ministry archive, numbered", `PRC FMA No. 109-01207-03. Obtained by Chen Jian.`,
			[]Ref{{Archive: "PRC FMA", ArchiveID: "prc-fma", Reference: "No. 109-01207-03"}}, nil, nil,
		},
		{
			"edited volume of documents", `Zhonggong zhongyang wenxian yanjiushi (CPC Central Historical Documents Research Office) and Zhongyang dang'anguan (Central Archives), eds., Jianguo yilai Zhou Enlai wengao (Zhou Enlai's Manuscripts since the Founding of the PRC), vol. 7 (Beijing: Zhongyang wenxian chubanshe, 2018).`,
			nil, []Publication{{Title: "Jianguo yilai Zhou Enlai wengao", Reference: "Zhonggong zhongyang wenxian yanjiushi and Zhongyang dang'anguan, eds., vol. 7 (Beijing: Zhongyang wenxian chubanshe, 2018)"}}, nil,
		},
		{
			"two translators", `APRF, f. 45, op. 1, d. 343, ll. 97-103. Translated by Danny Rozas with Kathryn Weathersby.`,
			[]Ref{{Archive: "APRF", ArchiveID: "aprf", Fond: "45", Opis: "1", Delo: "343", Folios: "97-103"}}, nil, []string{"Danny Rozas", "Kathryn Weathersby"},
		},
		{
			"Cyrillic", `АП РФ, ф. 45, оп. 1, д. 343, лл. 97-103.`,
			[]Ref{{Archive: "APRF", ArchiveID: "aprf", Fond: "45", Opis: "1", Delo: "343", Folios: "97-103"}}, nil, nil,
		},
		{
			"Cyrillic, the old name of RGANI", `ЦХСД, ф. 5, оп. 30, д. 335, лл. 1-5`,
			[]Ref{{Archive: "RGANI", ArchiveID: "rgani", Fond: "5", Opis: "30", Delo: "335", Folios: "1-5"}}, nil, nil,
		},
		{
			"Russian dotted style, verso", `ГАРФ. Ф. Р-5446. Оп. 120. Д. 1234. Л. 15–17 об.`,
			[]Ref{{Archive: "GARF", ArchiveID: "garf", Fond: "R-5446", Opis: "120", Delo: "1234", Folios: "15–17 ob"}}, nil, nil,
		},
		{
			"fond and opis not given, a list of folios", `TsKhSD, Fond and Opis not given, Delo 112, ll. 21-25, 30. Translated by Mark Doctoroff.`,
			[]Ref{{Archive: "RGANI", ArchiveID: "rgani", Delo: "112", Folios: "21-25, 30"}}, nil, []string{"Mark Doctoroff"},
		},
		{
			"verso and glued keys", `RGASPI f.17, op.162, d.48, l.112ob.`,
			[]Ref{{Archive: "RGASPI", ArchiveID: "rgaspi", Fond: "17", Opis: "162", Delo: "48", Folios: "112ob"}}, nil, nil,
		},
		{
			"military archives", `TsAMO RF, f. 16a, op. 3139, d. 4, l. 12; RGVA, f. 37977, op. 1, d. 250, ll. 3-4`,
			[]Ref{
				{Archive: "TsAMO", ArchiveID: "tsamo", Fond: "16a", Opis: "3139", Delo: "4", Folios: "12"},
				{Archive: "RGVA", ArchiveID: "rgva", Fond: "37977", Opis: "1", Delo: "250", Folios: "3-4"},
			}, nil, nil,
		},
		{
			"East German party archive", `SAPMO-BArch, DY 30/J IV 2/202/130. Translated by Anne Weber.`,
			[]Ref{{Archive: "SAPMO-BArch", ArchiveID: "sapmo-barch", Reference: "DY 30/J IV 2/202/130"}}, nil, []string{"Anne Weber"},
		},
		{
			"East German party archive, dotted signature", `SAPMO-BArch, DY 30/IV 2/2.035/56.`,
			[]Ref{{Archive: "SAPMO-BArch", ArchiveID: "sapmo-barch", Reference: "DY 30/IV 2/2.035/56"}}, nil, nil,
		},
		{
			"Stasi records", `BStU, MfS, HA XX, Nr. 1234, Bl. 1-5`,
			[]Ref{{Archive: "BStU", ArchiveID: "bstu", Reference: "MfS, HA XX, Nr. 1234", Folios: "1-5"}}, nil, nil,
		},
		{
			"Hungarian postpositive levels", `MNL OL, M-KS 288. f. 5/832. ő.e.`,
			[]Ref{{Archive: "MNL OL", ArchiveID: "mnl-ol", Fond: "288", Opis: "5", Delo: "832"}}, nil, nil,
		},
		{
			"Hungarian, old abbreviation", `Hungarian National Archives (MOL), M-KS 288. f. 47/764. ő. e. Translated by Csaba Farkas.`,
			[]Ref{{Archive: "MNL OL", ArchiveID: "mnl-ol", Fond: "288", Opis: "47", Delo: "764"}}, nil, []string{"Csaba Farkas"},
		},
		{
			"Polish party archive", `AAN, KC PZPR, XIA/1228, k. 12-15`,
			[]Ref{{Archive: "AAN", ArchiveID: "aan", Reference: "KC PZPR, XIA/1228", Folios: "12-15"}}, nil, nil,
		},
		{
			"Czech party collection in the National Archives: the fond a level, the rest as written", `NA, AÚV KSČ, f. 02/1, sv. 64, a.j. 61`,
			[]Ref{{Archive: "NA", ArchiveID: "na-cz", Fond: "02/1", Reference: "AÚV KSČ, sv. 64, a.j. 61"}}, nil, nil,
		},
		{
			"Romanian: fond by name, dosar, file", `ANIC, fond CC al PCR – Secția Relații Externe, dosar 12/1968, f. 1-5`,
			[]Ref{{Archive: "ANIC", ArchiveID: "anic", Fond: "CC al PCR – Secția Relații Externe", Delo: "12/1968", Folios: "1-5"}}, nil, nil,
		},
		{
			"Bulgarian, Latin and Cyrillic", `TsDA, f. 1-B, op. 64, a.e. 391, l. 1-5; ЦДА, ф. 1Б, оп. 6, а.е. 4185, л. 2`,
			[]Ref{
				{Archive: "TsDA", ArchiveID: "tsda", Fond: "1-B", Opis: "64", Delo: "391", Folios: "1-5"},
				{Archive: "TsDA", ArchiveID: "tsda", Fond: "1B", Opis: "6", Delo: "4185", Folios: "2"},
			}, nil, nil,
		},
		{
			"Mongolian party archive", `MPRP Central Archives, fond 4, dans 28, kh/n 118`,
			[]Ref{{Archive: "MPRP Central Archives", ArchiveID: "mprp-ca", Fond: "4", Opis: "28", Delo: "118"}}, nil, nil,
		},
		{
			"Mongolian foreign ministry", `Mongolian Foreign Ministry Archive, fond 2, dans 1, kh/n 45, khuudas 12-14`,
			[]Ref{{Archive: "Mongolian Foreign Ministry Archive", ArchiveID: "mn-mfa", Fond: "2", Opis: "1", Delo: "45", Folios: "12-14"}}, nil, nil,
		},
		{
			"Vietnamese national archives", `Vietnam National Archives Center 3, Phu Thu Tuong, ho so 8123`,
			[]Ref{{Archive: "VNA3", ArchiveID: "vna3", Reference: "Phu Thu Tuong, ho so 8123"}}, nil, nil,
		},
		{
			"US National Archives record group", `NARA, RG 59, Central Foreign Policy Files, 1967-69, POL 27 VIET S`,
			[]Ref{{Archive: "NARA", ArchiveID: "nara", Reference: "RG 59, Central Foreign Policy Files, 1967-69, POL 27 VIET S"}}, nil, nil,
		},
		{
			"FOIA release", `CIA FOIA release, obtained through FOIA by the National Security Archive.`,
			[]Ref{{Archive: "National Security Archive", ArchiveID: "nsarchive", Reference: "CIA FOIA release, obtained through FOIA"}}, nil, nil,
		},
		{
			"a collection before its archive", `Dmitrii Volkogonov Papers, Library of Congress, Reel 17`,
			[]Ref{{Archive: "Library of Congress", ArchiveID: "loc", Reference: "Dmitrii Volkogonov Papers, Reel 17"}}, nil, nil,
		},
		{
			"presidential library", `Source: Gerald R. Ford Presidential Library, National Security Adviser, Box 12`,
			[]Ref{{Archive: "Ford Library", ArchiveID: "ford-library", Reference: "National Security Adviser, Box 12"}}, nil, nil,
		},
		{
			"an archive the table lacks", `Jiangsu Provincial Archives, 3124-1-45`,
			[]Ref{{Archive: "Jiangsu Provincial Archives", Reference: "3124-1-45"}}, nil, nil,
		},
		{
			"bulletin, short form", `CWIHP Bulletin 8-9, p. 388`,
			nil, []Publication{{Title: "Cold War International History Project Bulletin", Reference: "8-9, p. 388"}}, nil,
		},
		{
			"bulletin, full title, after an archive", `AVP RF, f. 0100, op. 46, d. 12, l. 33. Cold War International History Project Bulletin, Issue 14/15.`,
			[]Ref{{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "0100", Opis: "46", Delo: "12", Folios: "33"}},
			[]Publication{{Title: "Cold War International History Project Bulletin", Reference: "Issue 14/15"}}, nil,
		},
		{
			"trailing web addresses", `AP RF, f. 3, op. 65, d. 9, l. 1. <https://digitalarchive.example.org/document/1> https://example.org/x`,
			[]Ref{{Archive: "APRF", ArchiveID: "aprf", Fond: "3", Opis: "65", Delo: "9", Folios: "1"}}, nil, nil,
		},
		{
			"an archive the table lacks, with its abbreviation", `Archive of the Central Committee of the Communist Party of Belarus (NARB), f. 4, op. 62, d. 318, ll. 3-9`,
			[]Ref{{Archive: "NARB", Fond: "4", Opis: "62", Delo: "318", Folios: "3-9"}}, nil, nil,
		},
		{
			"the Ukrainian party archive under its name and abbreviation", `Archive of the Central Committee of the Communist Party of Ukraine (TsDAHO), f. 1, op. 24, d. 4268, ll. 3-9`,
			[]Ref{{Archive: "TsDAHO", ArchiveID: "tsdaho", Fond: "1", Opis: "24", Delo: "4268", Folios: "3-9"}}, nil, nil,
		},
		{
			"an unknown abbreviation with the levels of a fond", `TsDAVO, f. 4, op. 1, d. 12`,
			[]Ref{{Archive: "TsDAVO", Fond: "4", Opis: "1", Delo: "12"}}, nil, nil,
		},
		{
			"national archives with a record group", `National Archives, RG 59, Lot 64 D 199, Box 3`,
			[]Ref{{Archive: "NARA", ArchiveID: "nara", Reference: "RG 59, Lot 64 D 199, Box 3"}}, nil, nil,
		},
		{
			"obtained and translated, for a project", `AVP RF, f. 0102, op. 12, d. 5, l. 9. Obtained and translated for CWIHP by Mark Kramer for the Cold War International History Project.`,
			[]Ref{{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "0102", Opis: "12", Delo: "5", Folios: "9"}}, nil, []string{"Mark Kramer"},
		},
		{
			"noise that is neither archive nor publication", `Original Uploaded Date, Record ID`,
			nil, nil, nil,
		},
		{
			"a journal article", `Journal of Cold War Studies, vol. 5, no. 2 (2003), pp. 3-41`,
			nil, []Publication{{Title: "Journal of Cold War Studies", Reference: "vol. 5, no. 2 (2003), pp. 3-41"}}, nil,
		},
		{
			"Polish signature abbreviation before a capital", `AAN, KC PZPR, sygn. XIA/1227, k. 88-96. Translated by Ewa Nowak.`,
			[]Ref{{Archive: "AAN", ArchiveID: "aan", Reference: "KC PZPR, sygn. XIA/1227", Folios: "88-96"}}, nil, []string{"Ewa Nowak"},
		},
		{
			"the archive's full name, its abbreviation and its city", `Archive of the Ministry of Foreign Affairs (AMZV), Prague, Telegramy došlé, Bern 1970, č. 412`,
			[]Ref{{Archive: "AMZV", ArchiveID: "amzv", Reference: "Telegramy došlé, Bern 1970, č. 412"}}, nil, nil,
		},
		{
			"a collection after a connective belongs to the next archive", `RGANI, Fond 89, Opis 12, Delo 3, Listy 4-6, and Andrei Sakharov Papers, Manuscript Division, Hoover Institution Archives, Box 7, Folder 2`,
			[]Ref{
				{Archive: "RGANI", ArchiveID: "rgani", Fond: "89", Opis: "12", Delo: "3", Folios: "4-6"},
				{Archive: "Hoover Institution Archives", ArchiveID: "hoover", Reference: "Andrei Sakharov Papers, Manuscript Division, Box 7, Folder 2"},
			}, nil, nil,
		},
		{
			"archive with nothing but levels not given", `APRF, Fond and Opis not given. Translated by Ivan Petrov.`,
			[]Ref{{Archive: "APRF", ArchiveID: "aprf"}}, nil, []string{"Ivan Petrov"},
		},
		{
			"an unknown archive, pages as folios", `Yugoslav Presidential Archives, KPR I-3-a, file "USSR 1955", pp. 3-9`,
			[]Ref{{Archive: "Yugoslav Presidential Archives", Reference: `KPR I-3-a, file "USSR 1955"`, Folios: "3-9"}}, nil, nil,
		},
		{
			"an unknown archive known by its box and file", `Oficina Central de Documentos del Estado, Santiago, Fondo Relaciones, caja 4, exp. 19`,
			[]Ref{{Archive: "Oficina Central de Documentos del Estado", Reference: "Santiago, Fondo Relaciones, caja 4, exp. 19"}}, nil, nil,
		},
		{
			"an archive named with its ministry and country", `Diplomatic Archives, Ministry of Foreign Affairs, Republic of Korea, 722.12, 1971, Roll D-0010, File 4, Frames 0012-0020`,
			[]Ref{{Archive: "ROK Diplomatic Archives", ArchiveID: "rok-da", Reference: "722.12, 1971, Roll D-0010, File 4, Frames 0012-0020"}}, nil, nil,
		},
		{
			"Cyrillic letter in a fond number, verso before the next sentence", `АВП РФ, ф. 059а, оп. 58, п. 124, д. 5, лл. 112-119об. Compiled by A. Ivanov.`,
			[]Ref{{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "059a", Opis: "58", Delo: "5", Papka: "124", Folios: "112-119ob"}}, nil, nil,
		},
		{
			"a parent archive, its city, then the archive that holds the item", `Bundesarchiv, Berlin, SAPMO, DY 30/3386, Bl. 4-9`,
			[]Ref{{Archive: "SAPMO-BArch", ArchiveID: "sapmo-barch", Reference: "DY 30/3386", Folios: "4-9"}}, nil, nil,
		},
		{
			"two archives joined by and, the second with numbers", `APRF and RGASPI, f. 558, op. 11, d. 65, l. 3`,
			[]Ref{{Archive: "APRF", ArchiveID: "aprf"}, {Archive: "RGASPI", ArchiveID: "rgaspi", Fond: "558", Opis: "11", Delo: "65", Folios: "3"}}, nil, nil,
		},
		{
			"the same archive named again without a location", `TsKhSD, F. 3, Op. 12, D. 1006, Ll. 15-18ob. Document made available by the Russian State Archive of Contemporary History.`,
			[]Ref{{Archive: "RGANI", ArchiveID: "rgani", Fond: "3", Opis: "12", Delo: "1006", Folios: "15-18ob"}}, nil, nil,
		},
		{
			"Hungarian with a year and with a group", `MOL, 288. f. 9/1964/74. ő.e.; MNL OL, M-KS 288. f. 47. cs. 764. ő.e.`,
			[]Ref{
				{Archive: "MNL OL", ArchiveID: "mnl-ol", Fond: "288", Opis: "9", Delo: "1964/74"},
				{Archive: "MNL OL", ArchiveID: "mnl-ol", Fond: "288", Opis: "47", Delo: "764"},
			}, nil, nil,
		},
		{
			"the project's other series, after a label", `Published in CWIHP Bulletin 8-9, p. 388. Cold War International History Project (CWIHP) Working Paper No. 41`,
			nil, []Publication{
				{Title: "Cold War International History Project Bulletin", Reference: "8-9, p. 388"},
				{Title: "Cold War International History Project Working Paper", Reference: "No. 41"},
			}, nil,
		},
		{
			"a book's imprint stays in the reference", `APRF, f. 3, op. 64, d. 484, ll. 85-87. Published in Sovetskii Soyuz i vengerskii krizis 1956 goda (Moscow: ROSSPEN, 1998), pp. 386-387.`,
			[]Ref{{Archive: "APRF", ArchiveID: "aprf", Fond: "3", Opis: "64", Delo: "484", Folios: "85-87"}},
			[]Publication{{Title: "Sovetskii Soyuz i vengerskii krizis 1956 goda", Reference: "(Moscow: ROSSPEN, 1998), pp. 386-387"}}, nil,
		},
		{
			"how the copy was obtained, beside the archive", `CIA FOIA Electronic Reading Room. Obtained by the National Security Archive.`,
			[]Ref{{Archive: "CIA Electronic Reading Room", ArchiveID: "cia-rr"}}, nil, nil,
		},
		{
			"how the copy was obtained, the only source", `Obtained by the National Security Archive through a FOIA request, case 2011-0042.`,
			[]Ref{{Archive: "National Security Archive", ArchiveID: "nsarchive", Reference: "through a FOIA request, case 2011-0042"}}, nil, nil,
		},
		{
			"Fond 89's list and document", `Russian State Archive of Contemporary History (RGANI), fond 89, perechen 14, dokument 32.`,
			[]Ref{{Archive: "RGANI", ArchiveID: "rgani", Fond: "89", Opis: "14", Delo: "32"}}, nil, nil,
		},
		{"a person with life dates", `Stalin, Joseph, 1879-1953`, nil, nil, nil},
		{"the digital archive's own name", `Digital Archive International History Declassified`, nil, nil, nil},
		{"names with initials that look like keys", `Memorandum from Yu. Andropov, D. Ustinov and B. Ponomarev to the CC on 27-28 December 1979`, nil, nil, nil},
		{"a sentence with a date", `г. Улан-Батор, 20 марта 1969 года`, nil, nil, nil},
		{
			"an archive's name ending with its country", `Archive of the Ministry of Foreign Affairs, Czech Republic, Telegramy odeslané, 1968, č. 77`,
			[]Ref{{Archive: "AMZV", ArchiveID: "amzv", Reference: "Telegramy odeslané, 1968, č. 77"}}, nil, nil,
		},
		{
			"a gloss after the folios, a journal after a semicolon", `AVP RF, f. 0102, op. 11, p. 65, d. 45, ll. 1-12 (copy); published in Istochnik, no. 2 (1995), pp. 3-9.`,
			[]Ref{{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "0102", Opis: "11", Delo: "45", Papka: "65", Folios: "1-12"}},
			[]Publication{{Title: "Istochnik", Reference: "no. 2 (1995), pp. 3-9"}}, nil,
		},
		{
			"a Russian label and the dotted style", `Источник: АП РФ. Ф. 3. Оп. 65. Д. 1. Л. 1-3.`,
			[]Ref{{Archive: "APRF", ArchiveID: "aprf", Fond: "3", Opis: "65", Delo: "1", Folios: "1-3"}}, nil, nil,
		},
		{
			"pages for sheets, no commas", `RGASPI f. 17 op. 162 d. 48 pp. 12-14`,
			[]Ref{{Archive: "RGASPI", ArchiveID: "rgaspi", Fond: "17", Opis: "162", Delo: "48", Folios: "12-14"}}, nil, nil,
		},
		{
			"an archive and the bulletin in one sentence", `AVP RF, f. 0100, op. 46, d. 12, l. 33, published in CWIHP Bulletin 8-9, p. 388.`,
			[]Ref{{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "0100", Opis: "46", Delo: "12", Folios: "33"}},
			[]Publication{{Title: "Cold War International History Project Bulletin", Reference: "8-9, p. 388"}}, nil,
		},
		{
			"a phrase before an archive that cites in free text", `RGASPI, f. 17, op. 3, d. 1; Also in NARA, RG 59, Box 3`,
			[]Ref{
				{Archive: "RGASPI", ArchiveID: "rgaspi", Fond: "17", Opis: "3", Delo: "1"},
				{Archive: "NARA", ArchiveID: "nara", Reference: "RG 59, Box 3"},
			}, nil, nil,
		},
		{
			"Polish foreign ministry, a department in Roman numerals", `AMSZ, Dep. IV, z. 12/77, w. 3. Translated by Ewa Nowak.`,
			[]Ref{{Archive: "AMSZ", ArchiveID: "amsz", Reference: "Dep. IV, z. 12/77, w. 3"}}, nil, []string{"Ewa Nowak"},
		},
		{
			"Yugoslav diplomatic archive in free text", `DAMSP, PA, 1961, f. 18, d. 4.`,
			[]Ref{{Archive: "DAMSP", ArchiveID: "damsp", Reference: "PA, 1961, f. 18, d. 4"}}, nil, nil,
		},
		{
			"a translation from a language, by two", `RGANI, f. 5, op. 49, d. 235, ll. 1-4. Translation from Russian by Ann Lee and Tom Hart for the Cold War International History Project.`,
			[]Ref{{Archive: "RGANI", ArchiveID: "rgani", Fond: "5", Opis: "49", Delo: "235", Folios: "1-4"}}, nil, []string{"Ann Lee", "Tom Hart"},
		},
		{
			"Hungarian unit with English pages after it", `"Report", May 2, 1957, Wilson Center Digital Archive, MNL OL, M-KS 288. f. 5/21. ő.e., pp. 4-9. Translated by Anna Kiss.`,
			[]Ref{{Archive: "MNL OL", ArchiveID: "mnl-ol", Fond: "288", Opis: "5", Delo: "21", Folios: "4-9"}}, nil, []string{"Anna Kiss"},
		},
		{
			"a publication's pages after a Hungarian unit are not its folios", `MNL OL, M-KS 288. f. 5/3. ő.e. Published in Jegyzőkönyvek, vol. 2 (Budapest: Intera, 1994), pp. 11-14.`,
			[]Ref{{Archive: "MNL OL", ArchiveID: "mnl-ol", Fond: "288", Opis: "5", Delo: "3"}},
			[]Publication{{Title: "Jegyzőkönyvek", Reference: "vol. 2 (Budapest: Intera, 1994), pp. 11-14"}}, nil,
		},
		{
			"pages after a free-text reference", `Archive of the Romanian Ministry of Foreign Affairs, Matter 220/Year 1969/Country: Vietnam, Folder 77, Pages 3-5.`,
			[]Ref{{Archive: "AMAE", ArchiveID: "amae", Folios: "3-5", Reference: "Matter 220/Year 1969/Country: Vietnam, Folder 77"}}, nil, nil,
		},
		{
			"an archive named in Arabic with its English gloss", `Dar al-Watha'iq al-Qawmiyya (Egyptian National Archives), Presidency collection, file 0031-004417.`,
			[]Ref{{Archive: "Dar al-Watha'iq al-Qawmiyya", Reference: "Presidency collection, file 0031-004417"}}, nil, nil,
		},
		{
			"a translator after a Hungarian unit written without a space", `MNL OL, M-KS 288. f. 32/61. ő.e. Translated by Anna Kiss.`,
			[]Ref{{Archive: "MNL OL", ArchiveID: "mnl-ol", Fond: "288", Opis: "32", Delo: "61"}}, nil, []string{"Anna Kiss"},
		},
		{
			"Romanian national archives under their Romanian name", `Arhivele Naționale ale României, fond CC al PCR – Secția Relații Externe, dosar 41/1966, f. 3-9.`,
			[]Ref{{Archive: "ANIC", ArchiveID: "anic", Fond: "CC al PCR – Secția Relații Externe", Delo: "41/1966", Folios: "3-9"}}, nil, nil,
		},
		{
			"a Hungarian fond's number without its period", `National Archives of Hungary (MOL), M-KS 288 f. 47/751 ő.e.`,
			[]Ref{{Archive: "MNL OL", ArchiveID: "mnl-ol", Fond: "288", Opis: "47", Delo: "751"}}, nil, nil,
		},
		{
			"Mongolian inventory and file keys at an archive the table lacks", `Mongolian National Archive, fond 1, dans 23, kh/n 18.`,
			[]Ref{{Archive: "Mongolian National Archive", Fond: "1", Opis: "23", Delo: "18"}}, nil, nil,
		},
		{
			"the Russian foreign ministry's archive under its ministry's name", `Archive of the Ministry of Foreign Affairs of the Russian Federation, f. 07, op. 12, p. 40, d. 311, l. 2.`,
			[]Ref{{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "07", Opis: "12", Delo: "311", Papka: "40", Folios: "2"}}, nil, nil,
		},
		{
			"an archive the table lacks, its adjective written small", `Archives départementales du Nord, 12 W 45.`,
			[]Ref{{Archive: "Archives départementales du Nord", Reference: "12 W 45"}}, nil, nil,
		},
		{
			"an Italian archive the table lacks", `Archivio di Stato di Milano, Prefettura, 1963, fasc. 7.`,
			[]Ref{{Archive: "Archivio di Stato di Milano", Reference: "Prefettura, 1963, fasc. 7"}}, nil, nil,
		},
		{
			"the French and Italian state archives by their own names", `Archives nationales, AG/5(F)/612; Archivio Centrale dello Stato, PCM, 1963, fasc. 7.`,
			[]Ref{{Archive: "Archives nationales", ArchiveID: "an-fr", Reference: "AG/5(F)/612"},
				{Archive: "ACS", ArchiveID: "acs-it", Reference: "PCM, 1963, fasc. 7"}}, nil, nil,
		},
		{
			"a free-text archive's fond named first by its word", `Archives of Yugoslavia (AJ), fond 507, CK SKJ, IX-119/VI-34, pp. 3-11. Translated by Vera Lukić.`,
			[]Ref{{Archive: "AJ", ArchiveID: "aj", Fond: "507", Reference: "CK SKJ, IX-119/VI-34", Folios: "3-11"}}, nil, []string{"Vera Lukić"},
		},
		{
			"an Albanian fond abbreviated, its file kept in the reference", `AQSH, F. 14/AP, M-PKSH, V. 1962, D. 17, fl. 4-9.`,
			[]Ref{{Archive: "AQSH", ArchiveID: "aqsh", Fond: "14/AP", Reference: "M-PKSH, V. 1962, D. 17", Folios: "4-9"}}, nil, nil,
		},
		{
			"Chinese foreign ministry file number with bare pages", `PRC FMA 106-00512-03, 7-12. Translated by Li Wen.`,
			[]Ref{{Archive: "PRC FMA", ArchiveID: "prc-fma", Reference: "106-00512-03", Folios: "7-12"}}, nil, []string{"Li Wen"},
		},
		{
			"a range of years after a file number is no pages", `PRC FMA, 109-03311-02, 1962-1964`,
			[]Ref{{Archive: "PRC FMA", ArchiveID: "prc-fma", Reference: "109-03311-02, 1962-1964"}}, nil, nil,
		},
		{
			"a word written onto a known archive's name", `Main Diplomatic Archive of the Serbian Foreign Ministry, PA, 1958, f. 40, d. 7.`,
			[]Ref{{Archive: "DAMSP", ArchiveID: "damsp", Reference: "PA, 1958, f. 40, d. 7"}}, nil, nil,
		},
		{
			"the Chinese foreign ministry archive under its longer English name", `Historical Archives of the Ministry of Foreign Affairs of the PRC, File No. 110-01044-01.`,
			[]Ref{{Archive: "PRC FMA", ArchiveID: "prc-fma", Reference: "File No. 110-01044-01"}}, nil, nil,
		},
		{
			"British Foreign Office file at the UK National Archives", `The National Archives (UK), FO 371/135871, NS 1051/12.`,
			[]Ref{{Archive: "TNA", ArchiveID: "tna-uk", Reference: "FO 371/135871, NS 1051/12"}}, nil, nil,
		},
		{
			"Prime Minister's file at the Public Record Office", `Public Record Office, Kew, PREM 11/2990.`,
			[]Ref{{Archive: "TNA", ArchiveID: "tna-uk", Reference: "PREM 11/2990"}}, nil, nil,
		},
		{
			"French diplomatic archives with their own short name", `Archives du ministère des Affaires étrangères (MAE), Série Europe 1956-1960, Hongrie, vol. 117.`,
			[]Ref{{Archive: "Archives diplomatiques", ArchiveID: "mae-fr", Reference: "Série Europe 1956-1960, Hongrie, vol. 117"}}, nil, nil,
		},
		{
			"Italian diplomatic archive, a busta", `Archivio Storico Diplomatico del Ministero degli Affari Esteri, Affari Politici 1950-1957, Ungheria, busta 9.`,
			[]Ref{{Archive: "ASDMAE", ArchiveID: "asdmae", Reference: "Affari Politici 1950-1957, Ungheria, busta 9"}}, nil, nil,
		},
		{
			"West German foreign office volume and sheets", `Politisches Archiv des Auswärtigen Amts (PA AA), B 38, Bd. 210, Bl. 33-38.`,
			[]Ref{{Archive: "PA AA", ArchiveID: "pa-aa", Reference: "B 38, Bd. 210", Folios: "33-38"}}, nil, nil,
		},
		{
			"US National Archives record group, entry and box", `National Archives, RG 59, Entry A1 5655, Box 4, Folder "Berlin 1961".`,
			[]Ref{{Archive: "NARA", ArchiveID: "nara", Reference: `RG 59, Entry A1 5655, Box 4, Folder "Berlin 1961"`}}, nil, nil,
		},
		{
			"a Czech reference closed by its folios", `NA, AÚV KSČ, f. 100/24, sv. 47, a.j. 212, l. 3-9.`,
			[]Ref{{Archive: "NA", ArchiveID: "na-cz", Fond: "100/24", Reference: "AÚV KSČ, sv. 47, a.j. 212", Folios: "3-9"}}, nil, nil,
		},
		{
			"a fond in small letters before a collection's items, after a second archive", `RGASPI, f. 17, op. 3, d. 1071, l. 4; AJ, f. 507, CK SKJ, IX, 1/I-44.`,
			[]Ref{{Archive: "RGASPI", ArchiveID: "rgaspi", Fond: "17", Opis: "3", Delo: "1071", Folios: "4"},
				{Archive: "AJ", ArchiveID: "aj", Fond: "507", Reference: "CK SKJ, IX, 1/I-44"}}, nil, nil,
		},
		{
			"a lone f. with a number is a folio", `ASDMAE, Affari Politici 1961, b. 12, f. 4.`,
			[]Ref{{Archive: "ASDMAE", ArchiveID: "asdmae", Reference: "Affari Politici 1961, b. 12", Folios: "4"}}, nil, nil,
		},
		{
			"Tito's archive named in full with its abbreviation", `Arhiv Josipa Broza Tita (AJBT), KPR, I-3-a/SSSR, ll. 12-19. Translated by Ana Kovač.`,
			[]Ref{{Archive: "AJBT", ArchiveID: "ajbt", Reference: "KPR, I-3-a/SSSR", Folios: "12-19"}}, nil, []string{"Ana Kovač"},
		},
		{
			"the Austrian State Archives' department and file number", `ÖStA, AdR, BKA/AA, II-pol, UdSSR 2, Zl. 512.118-pol/56.`,
			[]Ref{{Archive: "ÖStA", ArchiveID: "oesta", Reference: "AdR, BKA/AA, II-pol, UdSSR 2, Zl. 512.118-pol/56"}}, nil, nil,
		},
		{
			"the institution that keeps an archive, named before it, stays in the reference", `Fondazione Istituto Gramsci, Archivio del Partito comunista italiano, Estero, Cina, 1979, mf. 0412, pp. 3-7.`,
			[]Ref{{Archive: "APCI", ArchiveID: "apci", Reference: "Fondazione Istituto Gramsci, Estero, Cina, 1979, mf. 0412", Folios: "3-7"}}, nil, nil,
		},
		{
			"an archive's own short name in parentheses names it, even one the table files under another archive",
			`Kansallisarkisto (KA), Urho Kekkosen arkisto, kotelo 12, s. 4-6; Archives du ministère des Affaires étrangères (AMAE), Série Europe, vol. 9, f. 3-5; Trung tâm Lưu trữ Quốc gia III (TTLTQG III), Phông Bộ Ngoại giao, hồ sơ số 88, tờ 2-4.`,
			[]Ref{{Archive: "KA", ArchiveID: "ka-fi", Reference: "Urho Kekkosen arkisto, kotelo 12", Folios: "4-6"},
				{Archive: "AMAE", ArchiveID: "mae-fr", Reference: "Série Europe, vol. 9", Folios: "3-5"},
				{Archive: "VNA3", ArchiveID: "vna3", Reference: "Phông Bộ Ngoại giao, hồ sơ số 88", Folios: "2-4"}}, nil, nil,
		},
		{
			"a party archive's short name of two words, Mongolian levels, and an unlisted archive's seat",
			`Mongolian Party Archive of Dornod Province (MNKhN TA), fond 2, dans 17, kh/n 40, khuudas 5-9; Archivo Histórico Provincial (AHP), Madrid, fondo Gobierno, legajo 14.`,
			[]Ref{{Archive: "MNKhN TA", Fond: "2", Opis: "17", Delo: "40", Folios: "5-9"},
				{Archive: "AHP", Reference: "fondo Gobierno, legajo 14"}}, nil, nil,
		},
		{
			"the archives of other blocs: Danish, Dutch, Greek, Ukrainian, Portuguese, Indonesian",
			`Rigsarkivet, Udenrigsministeriet, 5.D.30, pk. 4; Nationaal Archief, Den Haag, Ministerie van Buitenlandse Zaken, inv. nr. 912; Υπηρεσία Διπλωματικού και Ιστορικού Αρχείου, φάκ. 1967/12; HDA SBU, f. 16, op. 1, spr. 1120, ark. 5-9; Arquivo Histórico-Diplomático, PAA 512; Arsip Nasional Republik Indonesia, Kabinet Presiden, no. 744.`,
			[]Ref{{Archive: "Rigsarkivet", ArchiveID: "rigsarkivet-dk", Reference: "Udenrigsministeriet, 5.D.30, pk. 4"},
				{Archive: "Nationaal Archief", ArchiveID: "nationaal-archief", Reference: "Ministerie van Buitenlandse Zaken, inv. nr. 912"},
				{Archive: "YDIA", ArchiveID: "ydia-gr", Reference: "φάκ. 1967/12"},
				{Archive: "HDA SBU", ArchiveID: "hda-sbu", Fond: "16", Opis: "1", Delo: "1120", Folios: "5-9"},
				{Archive: "AHD", ArchiveID: "ahd-pt", Reference: "PAA 512"},
				{Archive: "ANRI", ArchiveID: "anri", Reference: "Kabinet Presiden, no. 744"}}, nil, nil,
		},
		{
			"a publication beside an archive, introduced in the citation's language, is no archive",
			`Nationaal Archief, Ministerie van Buitenlandse Zaken, inv. nr. 88. Gepubliceerd in Documenten over Indonesië, deel 3 (Den Haag, 1990), pp. 12-15.`,
			[]Ref{{Archive: "Nationaal Archief", ArchiveID: "nationaal-archief", Reference: "Ministerie van Buitenlandse Zaken, inv. nr. 88"}},
			[]Publication{{Title: "Documenten over Indonesië", Reference: "deel 3 (Den Haag, 1990), pp. 12-15"}}, nil,
		},
		{
			"a party archive's Mongolian short name names the party's central archive",
			`Mongolian People's Revolutionary Party Central Archive (MAKhN TA), fond 4, dans 12, kh/n 30, khuudas 2-5.`,
			[]Ref{{Archive: "MPRP Central Archives", ArchiveID: "mprp-ca", Fond: "4", Opis: "12", Delo: "30", Folios: "2-5"}}, nil, nil,
		},
		{
			"a file named between the fond's levels and its pages",
			`Gorbachev Foundation Archive (GFA), f. 2, op. 3, Notes of talks 1990, No. 14, pp. 8-11.`,
			[]Ref{{Archive: "Gorbachev Foundation Archive", ArchiveID: "gorbachev-foundation", Fond: "2", Opis: "3", Reference: "Notes of talks 1990, No. 14", Folios: "8-11"}}, nil, nil,
		},
		{
			"Slovak, Indian, Finnish, Albanian and Hungarian archives by their abbreviations",
			`SNA, f. ÚV KSS, kart. 1204; NMML, P.N. Haksar Papers, Subject File 203; UMA, 12 L Moskova, 1968; AMPJ, V. 1962, D. 14; HU OSA 300-8-3, Box 41.`,
			[]Ref{{Archive: "SNA", ArchiveID: "sna-sk", Fond: "ÚV KSS", Reference: "kart. 1204"},
				{Archive: "NMML", ArchiveID: "nmml", Reference: "P.N. Haksar Papers, Subject File 203"},
				{Archive: "UMA", ArchiveID: "uma-fi", Reference: "12 L Moskova, 1968"},
				{Archive: "AMPJ", ArchiveID: "ampj", Reference: "V. 1962, D. 14"},
				{Archive: "OSA", ArchiveID: "osa", Reference: "300-8-3, Box 41"}}, nil, nil,
		},
		{
			"the French foreign ministry's archive by its short name", `MAE, Série Europe 1961-1965, URSS, vol. 1234.`,
			[]Ref{{Archive: "Archives diplomatiques", ArchiveID: "mae-fr", Reference: "Série Europe 1961-1965, URSS, vol. 1234"}}, nil, nil,
		},
		{
			"the Finnish foreign ministry's archive as Finnish historians cite it", `UM, 12 L Moskova, 1962.`,
			[]Ref{{Archive: "UMA", ArchiveID: "uma-fi", Reference: "12 L Moskova, 1962"}}, nil, nil,
		},
		{
			"an Albanian fond by its Albanian word", `Arkivi Qendror Shtetëror (AQSH), Fondi 14/AP, Viti 1961, Dosja 9.`,
			[]Ref{{Archive: "AQSH", ArchiveID: "aqsh", Fond: "14/AP", Reference: "Viti 1961, Dosja 9"}}, nil, nil,
		},
		{
			"an unknown archive's collection before the levels stays its reference", `Regional State Archive of Lviv, Presidium papers, f. 3, op. 1, d. 4.`,
			[]Ref{{Archive: "Regional State Archive of Lviv", Fond: "3", Opis: "1", Delo: "4", Reference: "Presidium papers"}}, nil, nil,
		},
		{
			"the Albanian foreign ministry's archive under its English name", `Archives of the Foreign Ministry of Albania, V. 1961, D. 14, fl. 3-9.`,
			[]Ref{{Archive: "AMPJ", ArchiveID: "ampj", Reference: "V. 1961, D. 14", Folios: "3-9"}}, nil, nil,
		},
		{
			"Japanese diplomatic archive in English, a file with bare pages", `Archive of the Ministry of Foreign Affairs of Japan, 2012-1871, 2-6.`,
			[]Ref{{Archive: "Diplomatic Archives of Japan", ArchiveID: "damfa-jp", Reference: "2012-1871", Folios: "2-6"}}, nil, nil,
		},
	} {
		got := Parse(c.in)
		if !slices.Equal(refs(got.Refs), c.want) {
			t.Errorf("%s: %s\n got %+v\nwant %+v", c.name, c.in, got.Refs, c.want)
		}
		if !slices.Equal(pubs(got.Publications), c.pubs) {
			t.Errorf("%s: %s\n publications %+v\n         want %+v", c.name, c.in, got.Publications, c.pubs)
		}
		if !slices.Equal(got.Translators, c.translators) {
			t.Errorf("%s: translators %q, want %q", c.name, got.Translators, c.translators)
		}
	}
}

func TestOffsetsAndProblems(t *testing.T) {
	in := `"T", May 1, 1950, Wilson Center Digital Archive, APRF, f. 45; and RGASPI (copy`
	c := Parse(in)
	if len(c.Refs) != 2 || !strings.HasPrefix(in[c.Refs[0].Offset:], "APRF, f. 45") || !strings.HasPrefix(in[c.Refs[1].Offset:], "RGASPI") {
		t.Errorf("refs %+v", c.Refs)
	}
	if len(c.Problems) != 1 || c.Problems[0].Msg != "unterminated parenthesis in citation" || in[c.Problems[0].Offset] != '(' {
		t.Errorf("problems %+v", c.Problems)
	}
	if c := Parse("Wilson Center Digital Archive, RGASPI."); len(c.Problems) != 1 {
		t.Errorf("an archive without a location should be reported: %+v", c)
	}
	in = `CWIHP Bulletin 8-9, p. 388; SAPMO-BArch, DY 30/3`
	c = Parse(in)
	if len(c.Publications) != 1 || !strings.HasPrefix(in[c.Publications[0].Offset:], "CWIHP") || len(c.Refs) != 1 || !strings.HasPrefix(in[c.Refs[0].Offset:], "SAPMO") {
		t.Errorf("offsets: %+v", c)
	}
}

// FuzzCitation checks that no citation makes Parse panic and that offsets
// stay inside the text.
func FuzzCitation(f *testing.F) {
	f.Add(`APRF, f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; and RGASPI, f. 558.`)
	f.Add(`Reprinted in A B and C D, Title, vol. 1 (x). Translated by E F.`)
	f.Add(`"x", 1950, Wilson Center Digital Archive, PRC FMA 109-00004-03, 10.`)
	f.Add(`MNL OL, M-KS 288. f. 5/832. ő.e. <https://x.org/1>`)
	f.Add(`NA, AÚV KSČ, f. 02/1, sv. 64, a.j. 61 and ANIC, fond CC, dosar 1, f. 2`)
	dir, _ := os.Getwd()
	for filepath.Dir(dir) != dir {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		dir = filepath.Dir(dir)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "corpus", "dev", "*.txt"))
	for _, p := range files {
		b, _ := os.ReadFile(p)
		for _, l := range strings.Split(string(b), "\n") {
			if strings.Contains(l, "Archive") || strings.HasPrefix(l, "APRF") {
				f.Add(l)
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Parse(s)
		for _, r := range c.Refs {
			if r.Offset < 0 || r.Offset > len(s) {
				t.Fatalf("offset %d outside %d bytes", r.Offset, len(s))
			}
		}
		for _, p := range c.Publications {
			if p.Offset < 0 || p.Offset > len(s) {
				t.Fatalf("publication offset %d outside %d bytes", p.Offset, len(s))
			}
		}
		for _, p := range c.Problems {
			if p.Offset < 0 || p.Offset > len(s) {
				t.Fatalf("problem offset %d outside %d bytes", p.Offset, len(s))
			}
		}
		Looks(s)
	})
}

// BenchmarkParse times one citation naming three archives and a publication.
func BenchmarkParse(b *testing.B) {
	in := `"Letter", September 17, 1952, Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; and RGASPI, f. 558, op. 11, d. 343, ll. 0097-0104. CWIHP Bulletin 8-9, p. 388. Translated by Danny Rozas.`
	Parse(in)
	for b.Loop() {
		Parse(in)
	}
}
