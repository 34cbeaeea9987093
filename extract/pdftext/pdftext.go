// Package pdftext reads the text layer of a PDF file: the lines of each
// page from top to bottom, with a blank line where the gap between two
// lines is wider than the page's usual line spacing (a new paragraph). A
// PDF with no text layer (a scan) is an error, never an empty document.
package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// ErrNoText is returned for a PDF whose pages carry no text, such as a
// scanned record that was never run through OCR.
var ErrNoText = errors.New("a PDF with no text layer (a scan?): there is no text to read; run OCR on it first")

// IsPDF reports whether data is a PDF file (it starts with "%PDF-", after
// at most a few bytes of junk, as readers allow).
func IsPDF(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	i := bytes.Index(head, []byte("%PDF-"))
	return i >= 0 && i < 16
}

// Text returns the text layer of a PDF file.
func Text(data []byte) (text string, err error) {
	defer func() {
		if p := recover(); p != nil {
			text, err = "", fmt.Errorf("a damaged PDF: %v", p)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") {
			return "", errors.New("an encrypted PDF: save an unprotected copy first")
		}
		return "", fmt.Errorf("not a readable PDF: %v", err)
	}
	var sb strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		writePage(&sb, p.Content().Text)
	}
	text = strings.TrimSpace(sb.String())
	if letters(text) == 0 {
		return "", ErrNoText
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	return text + "\n", nil
}

// line is one line of a page: its glyphs and its height on the page.
type line struct {
	y, size float64
	glyphs  []pdf.Text
}

// writePage writes a page's text as lines, top to bottom, glyphs left to
// right with a space where the gap between two is wide, and a blank line
// where the gap between two lines is wider than one and a half times the
// page's usual line spacing.
func writePage(sb *strings.Builder, texts []pdf.Text) {
	var lines []*line
	for _, t := range texts {
		if t.S == "" {
			continue
		}
		size := t.FontSize
		if size <= 0 {
			size = 10
		}
		var l *line
		for k := len(lines) - 1; k >= 0 && k >= len(lines)-4; k-- {
			if d := lines[k].y - t.Y; d < size*0.4 && d > -size*0.4 {
				l = lines[k]
				break
			}
		}
		if l == nil {
			l = &line{y: t.Y, size: size}
			lines = append(lines, l)
		}
		l.glyphs = append(l.glyphs, t)
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y > lines[j].y })
	var out []string
	var ys []float64
	for _, l := range lines {
		sort.SliceStable(l.glyphs, func(i, j int) bool { return l.glyphs[i].X < l.glyphs[j].X })
		var b strings.Builder
		end := 0.0
		for k, g := range l.glyphs {
			if k > 0 && g.X-end > l.size*0.15 && !endsSpace(b.String()) && !startsSpace(g.S) {
				b.WriteByte(' ')
			}
			b.WriteString(g.S)
			end = g.X + g.W
		}
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, s)
			ys = append(ys, l.y)
		}
	}
	if len(out) == 0 {
		return
	}
	var gaps []float64
	for i := 1; i < len(ys); i++ {
		if g := ys[i-1] - ys[i]; g > 0 {
			gaps = append(gaps, g)
		}
	}
	sort.Float64s(gaps)
	spacing := 0.0
	if len(gaps) > 0 {
		spacing = gaps[len(gaps)/3] // a low quantile: the spacing inside paragraphs
	}
	if sb.Len() > 0 {
		sb.WriteString("\n")
	}
	for i, l := range out {
		if i > 0 && spacing > 0 && ys[i-1]-ys[i] > spacing*1.5 {
			sb.WriteString("\n")
		}
		sb.WriteString(l)
		sb.WriteString("\n")
	}
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
