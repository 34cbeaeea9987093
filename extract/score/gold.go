package score

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Gold is one gold annotation file (corpus/README.md gives the schema).
type Gold struct {
	// Path is the gold file; Doc the document it annotates, resolved
	// against the corpus folder ("../reference/…" is allowed).
	Path, Doc string

	File       string   `json:"file"`
	Date       string   `json:"date"`
	Title      string   `json:"title"`
	Type       string   `json:"type"`
	Language   string   `json:"language"`
	Authors    []string `json:"authors"`
	Recipients []string `json:"recipients"`
	Via        []string `json:"via"`
	Aliases    []struct {
		Alias string `json:"alias"`
		Of    string `json:"of"`
	} `json:"aliases"`
	ArchivalReferences []map[string]string `json:"archival_references"`
	Entities           []struct {
		Name     string  `json:"name"`
		Type     string  `json:"type"`
		Wikidata *string `json:"wikidata"`
		// Labels are the other forms the record writes the entity in.
		Labels []string `json:"labels"`
	} `json:"entities"`
	Claims []struct {
		Subject  string `json:"subject"`
		Relation string `json:"relation"`
		Object   string `json:"object"`
	} `json:"claims"`
}

// LoadGold reads DIR/gold/*.json in name order.
func LoadGold(dir string) ([]*Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no gold files (expected %s)", dir, filepath.Join(dir, "gold", "*.json"))
	}
	sort.Strings(files)
	var out []*Gold
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		g := &Gold{Path: f}
		if err := json.Unmarshal(b, g); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		if g.File == "" {
			return nil, fmt.Errorf("%s: no \"file\"", f)
		}
		g.Doc = filepath.Join(dir, filepath.FromSlash(g.File))
		out = append(out, g)
	}
	return out, nil
}
