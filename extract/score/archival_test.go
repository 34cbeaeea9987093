package score

import (
	"testing"

	"github.com/docgraph/docgraph/extract"
)

// TestArchivalScoring checks how archival references are scored: an
// archive matches under any spelling of the archive table, a publication
// the gold lists is found by the extracted publication, and a publication
// the gold does not list (gold that keeps archives only) costs nothing,
// while a wrong archival reference does.
func TestArchivalScoring(t *testing.T) {
	score := func(gold []map[string]string, res extract.Result) Counts {
		s := &scorer{n: newNames(nil), fields: map[string]*Field{FieldArchival: {}}}
		s.archival(&doc{gold: &Gold{ArchivalReferences: gold}, res: &res})
		return s.fields[FieldArchival].Counts
	}
	tsKhSD := []map[string]string{{"archive": "TsKhSD", "fond": "3", "delo": "1006"}}
	rgani := extract.ArchivalRef{Archive: "RGANI", ArchiveID: "rgani", Fond: "3", Delo: "1006"}
	bulletin := extract.Publication{Title: "Cold War International History Project Bulletin", Reference: "8-9, p. 388"}
	for _, c := range []struct {
		name string
		gold []map[string]string
		res  extract.Result
		want Counts
	}{
		{"old and new name of one archive", tsKhSD, extract.Result{ArchivalRef: []extract.ArchivalRef{rgani}}, Counts{TP: 1}},
		{"an unlisted publication", tsKhSD, extract.Result{ArchivalRef: []extract.ArchivalRef{rgani}, Publications: []extract.Publication{bulletin}}, Counts{TP: 1}},
		{"a listed publication", []map[string]string{{"archive": bulletin.Title, "reference": bulletin.Reference}}, extract.Result{Publications: []extract.Publication{bulletin}}, Counts{TP: 1}},
		{"another archive", tsKhSD, extract.Result{ArchivalRef: []extract.ArchivalRef{{Archive: "GARF", ArchiveID: "garf", Fond: "3", Delo: "1006"}}}, Counts{FP: 1, FN: 1}},
		{"another delo", tsKhSD, extract.Result{ArchivalRef: []extract.ArchivalRef{{Archive: "RGANI", ArchiveID: "rgani", Fond: "3", Delo: "1007"}}}, Counts{FP: 1, FN: 1}},
	} {
		if got := score(c.gold, c.res); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
