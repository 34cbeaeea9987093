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

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in          string
		want        []Ref
		translators []string
	}{
		{
			`"Hand-delivered letter, Filippov (Stalin) to Mao Zedong", September 17, 1952, Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; and RGASPI, f. 558, op. 11, d. 343, ll. 0097-0104.`,
			[]Ref{
				{Archive: "APRF", Fond: "45", Opis: "1", Delo: "343", Folios: "97-103"},
				{Archive: "AVP RF", Fond: "059a", Opis: "5a", Delo: "5", Papka: "11", Folios: "99"},
				{Archive: "RGASPI", Fond: "558", Opis: "11", Delo: "343", Folios: "0097-0104"},
			}, nil,
		},
		{
			`AP RF, Fond 45, Opis 1, Delo 347, Listy 65-67; AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 80`,
			[]Ref{
				{Archive: "APRF", Fond: "45", Opis: "1", Delo: "347", Folios: "65-67"},
				{Archive: "AVP RF", Fond: "059a", Opis: "5a", Delo: "5", Papka: "11", Folios: "80"},
			}, nil,
		},
		{
			`APRF: F. 39, Op. 1, D. 31, Ll. 44-45. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 1, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 468-469. Translated for CWIHP by Sergey Radchenko.`,
			[]Ref{
				{Archive: "APRF", Fond: "39", Opis: "1", Delo: "31", Folios: "44-45"},
				{Archive: "Sovetsko-Kitaiskie Otnosheniia", Reference: "Ledovskii, Mirovitskaia and Miasnikov, eds., Vol. 5, Book 1, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 468-469"},
			}, []string{"Sergey Radchenko"},
		},
		{
			`APRF (photocopy released from the Presidential Archive in 1994); a further copy in RGASPI, f. 558, op. 11, d. 334, l. 0055.`,
			[]Ref{
				{Archive: "APRF", Reference: "photocopy released from the Presidential Archive in 1994"},
				{Archive: "RGASPI", Fond: "558", Opis: "11", Delo: "334", Folios: "0055"},
			}, nil,
		},
		{
			`"Liu Shaoqi to Cde. G.M. Malenkov", August 1949, Wilson Center Digital Archive, PRC FMA 109-00004-03, 10. Translated by Gary Goldberg.`,
			[]Ref{{Archive: "PRC FMA", Reference: "109-00004-03, 10"}}, []string{"Gary Goldberg"},
		},
		{
			`Zhonggong zhongyang wenxian yanjiushi (CPC Central Historical Documents Research Office) and Zhongyang dang'anguan (Central Archives), eds., Jianguo yilai Zhou Enlai wengao (Zhou Enlai's Manuscripts since the Founding of the PRC), vol. 7 (Beijing: Zhongyang wenxian chubanshe, 2018).`,
			[]Ref{{Archive: "Jianguo yilai Zhou Enlai wengao", Reference: "Zhonggong zhongyang wenxian yanjiushi and Zhongyang dang'anguan, eds., vol. 7 (Beijing: Zhongyang wenxian chubanshe, 2018)"}}, nil,
		},
		{
			`APRF, f. 45, op. 1, d. 343, ll. 97-103. Translated by Danny Rozas with Kathryn Weathersby.`,
			[]Ref{{Archive: "APRF", Fond: "45", Opis: "1", Delo: "343", Folios: "97-103"}}, []string{"Danny Rozas", "Kathryn Weathersby"},
		},
		{
			`АП РФ, ф. 45, оп. 1, д. 343, лл. 97-103.`,
			[]Ref{{Archive: "APRF", Fond: "45", Opis: "1", Delo: "343", Folios: "97-103"}}, nil,
		},
	} {
		got := Parse(c.in)
		if !slices.Equal(refs(got.Refs), c.want) {
			t.Errorf("%.60s…\n got %+v\nwant %+v", c.in, got.Refs, c.want)
		}
		if !slices.Equal(got.Translators, c.translators) {
			t.Errorf("%.60s…: translators %q, want %q", c.in, got.Translators, c.translators)
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
}

// FuzzCitation checks that no citation makes Parse panic and that offsets
// stay inside the text.
func FuzzCitation(f *testing.F) {
	f.Add(`APRF, f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; and RGASPI, f. 558.`)
	f.Add(`Reprinted in A B and C D, Title, vol. 1 (x). Translated by E F.`)
	f.Add(`"x", 1950, Wilson Center Digital Archive, PRC FMA 109-00004-03, 10.`)
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
		for _, p := range c.Problems {
			if p.Offset < 0 || p.Offset > len(s) {
				t.Fatalf("problem offset %d outside %d bytes", p.Offset, len(s))
			}
		}
	})
}
