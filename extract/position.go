package extract

// Position returns the 1-based line and column in the file of a character
// offset into Versions[version].Text (a Span's Start or End). A version's
// text is the file's text from Versions[version].Line and Col on, with CRLF
// read as LF, so counting its line breaks gives the place.
func (r *Result) Position(version, offset int) (line, col int) {
	if version < 0 || version >= len(r.Versions) {
		return 0, 0
	}
	v := r.Versions[version]
	line, col = v.Line, v.Col
	i := 0
	for _, c := range v.Text {
		if i == offset {
			break
		}
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i++
	}
	return line, col
}
