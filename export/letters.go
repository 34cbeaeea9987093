package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Letters and networks: the store's correspondence as the tools historians
// already use read it. CMIF (TEI correspDesc, the Correspondence Metadata
// Interchange Format that correspSearch collects) lists every letter,
// telegram and cable with its sender, addressee and date; GEXF (Gephi) and
// GraphML (networkx, yEd, Cytoscape) draw the correspondence network, one
// dated edge per letter so that Gephi's timeline plays it, and the
// co-mention network, entities linked by the documents that mention both.

// Party is a sender, addressee or node: a person or an organisation, with
// the IRI that identifies it (Wikidata where the gazetteer links it, else
// the store's own) and its class.
type Party struct {
	IRI      string
	Name     string
	Class    string // vocab.ClassPerson, vocab.ClassOrganization, …
	Wikidata string // Q-identifier, "" when none
}

// Ref is the authority IRI CMIF and the networks give for the party:
// its Wikidata item where there is one, else its IRI in the store.
func (p Party) Ref() string {
	if p.Wikidata != "" {
		return "http://www.wikidata.org/entity/" + p.Wikidata
	}
	return p.IRI
}

// Letter is one piece of correspondence.
type Letter struct {
	IRI, ID    string
	Kind       string // letter, telegram, cable
	Title      string
	Date       string // ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), "" when unknown
	Senders    []Party
	Addressees []Party
	Via        []Party
	PlaceSent  *Party
}

// CMIFHeader describes the file itself (TEI fileDesc).
type CMIFHeader struct {
	Title     string // the index's title
	Editor    string
	Publisher string
	URL       string // where this file is published (publicationStmt/idno)
	Source    string // the bibliographic description of the archive the letters come from
	SourceURL string
	Updated   time.Time
}

// sourceID is the bibl's xml:id the correspDescs point at: a fixed UUID,
// so that the id stays the same from one export to the next as CMIF asks.
const sourceID = "docgraph-4f0b1c2e-8a57-4d59-9a56-2d6f0a6c1e01"

// WriteCMIF writes the letters as a CMIF TEI file: one correspDesc per
// letter, a "sent" action with its senders (persName or orgName with a
// ref), the place sent where known and the date, a "received" action
// with the addressees. A letter whose sender or addressee is not known has
// "Unknown" there, as CMIF asks.
func WriteCMIF(w io.Writer, h CMIFHeader, letters []Letter) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	attr := func(s string) string { return strings.ReplaceAll(esc(s), `"`, "&quot;") }
	updated := h.Updated
	if updated.IsZero() {
		updated = time.Now()
	}
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(bw, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n")
	fmt.Fprintf(bw, "        <title>%s</title>\n", esc(h.Title))
	fmt.Fprintf(bw, "        <editor>%s</editor>\n      </titleStmt>\n", esc(h.Editor))
	fmt.Fprintf(bw, "      <publicationStmt>\n        <publisher>%s</publisher>\n", esc(h.Publisher))
	fmt.Fprintf(bw, "        <idno type=\"url\">%s</idno>\n", esc(h.URL))
	fmt.Fprintf(bw, "        <date when=\"%s\"/>\n", updated.UTC().Format(time.RFC3339))
	fmt.Fprintf(bw, "        <availability>\n          <licence target=\"https://creativecommons.org/licenses/by/4.0/\">This file is licensed under the terms of the Creative Commons License CC-BY 4.0</licence>\n        </availability>\n")
	fmt.Fprintf(bw, "      </publicationStmt>\n      <sourceDesc>\n        <bibl type=\"online\" xml:id=\"%s\">%s", sourceID, esc(h.Source))
	if h.SourceURL != "" {
		fmt.Fprintf(bw, " <ref target=\"%s\">%s</ref>", attr(h.SourceURL), esc(h.SourceURL))
	}
	fmt.Fprintf(bw, "</bibl>\n      </sourceDesc>\n    </fileDesc>\n    <profileDesc>\n")
	party := func(p Party) {
		el := "persName"
		if p.Class == "Organization" || p.Class == "Country" {
			el = "orgName"
		}
		ref := ""
		if r := p.Ref(); r != "" {
			ref = fmt.Sprintf(" ref=\"%s\"", attr(r))
		}
		fmt.Fprintf(bw, "          <%s%s>%s</%s>\n", el, ref, esc(p.Name), el)
	}
	for _, l := range letters {
		ref := ""
		if l.IRI != "" {
			ref = fmt.Sprintf(" ref=\"%s\"", attr(l.IRI))
		}
		key := ""
		if l.ID != "" {
			key = fmt.Sprintf(" key=\"%s\"", attr(l.ID))
		}
		fmt.Fprintf(bw, "      <correspDesc%s%s source=\"#%s\">\n", key, ref, sourceID)
		fmt.Fprintf(bw, "        <correspAction type=\"sent\">\n")
		if len(l.Senders) == 0 {
			fmt.Fprintf(bw, "          <persName>Unknown</persName>\n")
		}
		for _, p := range l.Senders {
			party(p)
		}
		if l.PlaceSent != nil {
			ref := ""
			if r := l.PlaceSent.Ref(); r != "" {
				ref = fmt.Sprintf(" ref=\"%s\"", attr(r))
			}
			fmt.Fprintf(bw, "          <placeName%s>%s</placeName>\n", ref, esc(l.PlaceSent.Name))
		}
		if cmifDate(l.Date) {
			fmt.Fprintf(bw, "          <date when=\"%s\"/>\n", l.Date)
		}
		fmt.Fprintf(bw, "        </correspAction>\n        <correspAction type=\"received\">\n")
		if len(l.Addressees) == 0 {
			fmt.Fprintf(bw, "          <persName>Unknown</persName>\n")
		}
		for _, p := range l.Addressees {
			party(p)
		}
		fmt.Fprintf(bw, "        </correspAction>\n      </correspDesc>\n")
	}
	fmt.Fprintf(bw, "    </profileDesc>\n  </teiHeader>\n  <text>\n    <body>\n      <p/>\n    </body>\n  </text>\n</TEI>\n")
	return bw.Flush()
}

// cmifDate reports whether d is one of the date forms CMIF allows
// (YYYY-MM-DD, YYYY-MM, YYYY).
func cmifDate(d string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(d) == len(layout) {
			if _, err := time.Parse(layout, d); err == nil {
				return true
			}
		}
	}
	return false
}

// Edge is one edge of a network: a letter from Source to Target (Kind
// "letter", "telegram", …, Doc the document) or a co-mention (Kind
// "co-mention", Weight the number of documents mentioning both).
type Edge struct {
	Source, Target string // node IRIs
	Kind           string
	Doc            string // the document's IRI (letters)
	Label          string
	Date           string // ISO 8601 prefix, "" when unknown
	Weight         int
	// Start and End bound a co-mention edge's documents' dates.
	Start, End string
}

// Network is a graph of parties.
type Network struct {
	Nodes []Party
	Edges []Edge
}

// CorrespondenceNetwork draws one directed edge per letter and pair of
// sender and addressee; its nodes are every party of a letter.
func CorrespondenceNetwork(letters []Letter) Network {
	var n Network
	seen := map[string]bool{}
	node := func(p Party) {
		if !seen[p.IRI] {
			seen[p.IRI] = true
			n.Nodes = append(n.Nodes, p)
		}
	}
	for _, l := range letters {
		for _, s := range l.Senders {
			for _, a := range l.Addressees {
				node(s)
				node(a)
				n.Edges = append(n.Edges, Edge{Source: s.IRI, Target: a.IRI, Kind: l.Kind, Doc: l.IRI,
					Label: l.Title, Date: l.Date, Weight: 1})
			}
		}
	}
	return n
}

// WriteGEXF writes a network as GEXF 1.2 (the version Gephi and networkx read) for Gephi: node attributes class,
// Wikidata id and IRI; every edge with its kind, document and weight, and
// with start (and end) dates where known, so that the timeline works.
// directed says whether edges have a direction (letters) or not
// (co-mentions).
func WriteGEXF(w io.Writer, n Network, directed bool, title string) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return strings.ReplaceAll(b.String(), `"`, "&quot;")
	}
	et := "undirected"
	if directed {
		et = "directed"
	}
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(bw, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n")
	fmt.Fprintf(bw, "  <meta>\n    <creator>docgraph</creator>\n    <description>%s</description>\n  </meta>\n", esc(title))
	fmt.Fprintf(bw, "  <graph defaultedgetype=\"%s\" mode=\"dynamic\" timeformat=\"date\">\n", et)
	fmt.Fprintf(bw, "    <attributes class=\"node\">\n")
	fmt.Fprintf(bw, "      <attribute id=\"class\" title=\"class\" type=\"string\"/>\n")
	fmt.Fprintf(bw, "      <attribute id=\"wikidata\" title=\"wikidata\" type=\"string\"/>\n")
	fmt.Fprintf(bw, "      <attribute id=\"iri\" title=\"iri\" type=\"string\"/>\n")
	fmt.Fprintf(bw, "    </attributes>\n    <attributes class=\"edge\">\n")
	fmt.Fprintf(bw, "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n")
	fmt.Fprintf(bw, "      <attribute id=\"document\" title=\"document\" type=\"string\"/>\n")
	fmt.Fprintf(bw, "    </attributes>\n    <nodes>\n")
	ids := map[string]string{}
	for i, p := range n.Nodes {
		id := "n" + strconv.Itoa(i)
		ids[p.IRI] = id
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", id, esc(p.Name))
		fmt.Fprintf(bw, "          <attvalue for=\"class\" value=\"%s\"/>\n", esc(p.Class))
		if p.Wikidata != "" {
			fmt.Fprintf(bw, "          <attvalue for=\"wikidata\" value=\"%s\"/>\n", esc(p.Wikidata))
		}
		fmt.Fprintf(bw, "          <attvalue for=\"iri\" value=\"%s\"/>\n", esc(p.IRI))
		fmt.Fprintf(bw, "        </attvalues>\n      </node>\n")
	}
	fmt.Fprintf(bw, "    </nodes>\n    <edges>\n")
	for i, e := range n.Edges {
		start, end := e.Date, e.Date
		if e.Kind == "co-mention" {
			start, end = e.Start, e.End
		}
		span := ""
		if gexfDate(start) != "" {
			span += fmt.Sprintf(" start=\"%s\"", gexfDate(start))
		}
		if gexfDate(end) != "" {
			span += fmt.Sprintf(" end=\"%s\"", gexfDate(end))
		}
		label := ""
		if e.Label != "" {
			label = fmt.Sprintf(" label=\"%s\"", esc(e.Label))
		}
		fmt.Fprintf(bw, "      <edge id=\"e%d\" source=\"%s\" target=\"%s\" weight=\"%d\"%s%s>\n", i, ids[e.Source], ids[e.Target], max(e.Weight, 1), label, span)
		fmt.Fprintf(bw, "        <attvalues>\n          <attvalue for=\"kind\" value=\"%s\"/>\n", esc(e.Kind))
		if e.Doc != "" {
			fmt.Fprintf(bw, "          <attvalue for=\"document\" value=\"%s\"/>\n", esc(e.Doc))
		}
		fmt.Fprintf(bw, "        </attvalues>\n      </edge>\n")
	}
	fmt.Fprintf(bw, "    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// gexfDate turns an ISO prefix into the full date GEXF's "date" time format
// wants (a year or month stands for its first day); "" stays "".
func gexfDate(d string) string {
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	case 10:
		return d
	}
	return ""
}

// WriteGraphML writes a network as GraphML with the same attributes as
// WriteGEXF (dates as a "date" attribute on edges).
func WriteGraphML(w io.Writer, n Network, directed bool) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	ed := "undirected"
	if directed {
		ed = "directed"
	}
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(bw, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
	for _, k := range []struct{ id, on, name, typ string }{
		{"label", "node", "label", "string"}, {"class", "node", "class", "string"},
		{"wikidata", "node", "wikidata", "string"}, {"iri", "node", "iri", "string"},
		{"kind", "edge", "kind", "string"}, {"document", "edge", "document", "string"},
		{"date", "edge", "date", "string"}, {"title", "edge", "title", "string"}, {"weight", "edge", "weight", "int"},
	} {
		fmt.Fprintf(bw, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.id, k.on, k.name, k.typ)
	}
	fmt.Fprintf(bw, "  <graph id=\"G\" edgedefault=\"%s\">\n", ed)
	ids := map[string]string{}
	for i, p := range n.Nodes {
		id := "n" + strconv.Itoa(i)
		ids[p.IRI] = id
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", id)
		fmt.Fprintf(bw, "      <data key=\"label\">%s</data>\n      <data key=\"class\">%s</data>\n", esc(p.Name), esc(p.Class))
		if p.Wikidata != "" {
			fmt.Fprintf(bw, "      <data key=\"wikidata\">%s</data>\n", esc(p.Wikidata))
		}
		fmt.Fprintf(bw, "      <data key=\"iri\">%s</data>\n    </node>\n", esc(p.IRI))
	}
	for i, e := range n.Edges {
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, ids[e.Source], ids[e.Target])
		fmt.Fprintf(bw, "      <data key=\"kind\">%s</data>\n", esc(e.Kind))
		if e.Doc != "" {
			fmt.Fprintf(bw, "      <data key=\"document\">%s</data>\n", esc(e.Doc))
		}
		date := e.Date
		if e.Kind == "co-mention" && e.Start != "" {
			date = e.Start
		}
		if date != "" {
			fmt.Fprintf(bw, "      <data key=\"date\">%s</data>\n", esc(date))
		}
		if e.Label != "" {
			fmt.Fprintf(bw, "      <data key=\"title\">%s</data>\n", esc(e.Label))
		}
		fmt.Fprintf(bw, "      <data key=\"weight\">%d</data>\n    </edge>\n", max(e.Weight, 1))
	}
	fmt.Fprintf(bw, "  </graph>\n</graphml>\n")
	return bw.Flush()
}
