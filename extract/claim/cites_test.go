package claim

import "testing"

func TestCites(t *testing.T) {
	text := "Dear Comrade Ho Chi Minh!\n\nYour letter of 12 March has reached us. In addition to my No 2390, I send you my telegram of 30 January 1954 again.\n\nYour telegram No. 3153 was read with interest."
	d := doc("letter", []string{"Vyacheslav Molotov"}, []string{"Ho Chi Minh"}, text, map[string]Ref{"Ho Chi Minh": {"Person", "Ho Chi Minh"}})
	d.Date = "1954-03-20"
	res := Extract(d)
	want := []Cite{
		{Reply: true, Kind: "letter", Date: "1954-03-12", Author: Ref{"Person", "Ho Chi Minh"}, Text: "Your letter of 12 March"},
		{Kind: "message", Number: "2390", Author: Ref{"Person", "Vyacheslav Molotov"}, Text: "my No 2390"},
		{Kind: "telegram", Date: "1954-01-30", Author: Ref{"Person", "Vyacheslav Molotov"}, Text: "my telegram of 30 January 1954"},
		{Kind: "telegram", Number: "3153", Author: Ref{"Person", "Ho Chi Minh"}, Text: "Your telegram No. 3153"},
	}
	if len(res.Cites) != len(want) {
		t.Fatalf("cites %+v, want %d", res.Cites, len(want))
	}
	for i, w := range want {
		c := res.Cites[i]
		if c.Reply != w.Reply || c.Kind != w.Kind || c.Date != w.Date || c.Number != w.Number || c.Author != w.Author || c.Text != w.Text {
			t.Errorf("cite %d = %+v, want %+v", i, c, w)
		}
	}
}
