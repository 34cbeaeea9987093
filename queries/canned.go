package queries

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
)

//go:embed canned/*.rq
var cannedFS embed.FS

// Canned is one of the exploration queries shipped in canned/*.rq. Each file
// starts with comment lines "# name: …", "# description: …" and one
// "# param: NAME - what it is" per parameter; the parameters are variables
// of the query, bound when it runs (see PrepareWith), never spliced into it.
type Canned struct {
	Name        string
	Description string
	Params      []Param
	Text        string
}

// Param is a parameter of a canned query.
type Param struct {
	Name, Doc string
}

// CannedQueries returns the canned queries in name order.
func CannedQueries() ([]Canned, error) {
	entries, err := cannedFS.ReadDir("canned")
	if err != nil {
		return nil, err
	}
	var out []Canned
	for _, e := range entries {
		data, err := cannedFS.ReadFile(path.Join("canned", e.Name()))
		if err != nil {
			return nil, err
		}
		c, err := parseCanned(e.Name(), string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Canned) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// CannedQuery returns the canned query called name.
func CannedQuery(name string) (Canned, error) {
	all, err := CannedQueries()
	if err != nil {
		return Canned{}, err
	}
	for _, c := range all {
		if c.Name == name {
			return c, nil
		}
	}
	var names []string
	for _, c := range all {
		names = append(names, c.Name)
	}
	return Canned{}, fmt.Errorf("no canned query %q (have %s)", name, strings.Join(names, ", "))
}

func parseCanned(file, text string) (Canned, error) {
	c := Canned{Text: text, Name: strings.TrimSuffix(file, ".rq")}
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "#")), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "name":
			c.Name = val
		case "description":
			c.Description = val
		case "param":
			name, doc, _ := strings.Cut(val, " - ")
			c.Params = append(c.Params, Param{Name: strings.TrimSpace(name), Doc: strings.TrimSpace(doc)})
		}
	}
	if c.Description == "" {
		return c, fmt.Errorf("canned/%s: no \"# description:\" line", file)
	}
	return c, nil
}
