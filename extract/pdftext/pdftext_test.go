package pdftext

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// makePDF writes paragraphs as a PDF, one line of text per line, with a
// gap between paragraphs.
func makePDF(t *testing.T, paras [][]string) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.SetFont("Helvetica", "", 11)
	for _, para := range paras {
		for _, l := range para {
			p.CellFormat(0, 5, l, "", 1, "L", false, 0, "")
		}
		p.Ln(5)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestText(t *testing.T) {
	data := makePDF(t, [][]string{
		{"Memorandum from the Finnish Legation in Bern to the Foreign Ministry, March 4, 1958"},
		{"Citation:", "\"Memorandum from the Finnish Legation in Bern to the Foreign Ministry,\" March 4, 1958."},
		{"Contents:", "The legation reports that the talks on the timber agreement", "have been postponed until April."},
	})
	if !IsPDF(data) {
		t.Fatal("IsPDF: false for a PDF")
	}
	got, err := Text(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Memorandum from the Finnish Legation in Bern to the Foreign Ministry, March 4, 1958\n\nCitation:\n",
		"Contents:\nThe legation reports that the talks on the timber agreement\nhave been postponed until April.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
}

func TestScan(t *testing.T) {
	// a page with a drawing and no text, as a scan without OCR has
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.Rect(20, 20, 100, 150, "F")
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := Text(b.Bytes()); !errors.Is(err, ErrNoText) {
		t.Errorf("a PDF with no text: %v, want ErrNoText", err)
	}
}

func TestDamaged(t *testing.T) {
	data := makePDF(t, [][]string{{"A short note."}})
	for _, bad := range [][]byte{data[:len(data)/2], []byte("%PDF-1.4\n%garbage\n"), bytes.ReplaceAll(data, []byte("obj"), []byte("xyz"))} {
		if _, err := Text(bad); err == nil {
			t.Errorf("a damaged PDF (%d bytes) read without an error", len(bad))
		}
	}
	if IsPDF([]byte("Dear Comrade Tito,\n")) {
		t.Error("IsPDF: true for a letter")
	}
}
