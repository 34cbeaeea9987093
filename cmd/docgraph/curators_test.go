package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCuratorsFile: serve --curators reads NAME:TOKEN lines and refuses a
// file it cannot trust with the line and what is wrong.
func TestCuratorsFile(t *testing.T) {
	dir := t.TempDir()
	write := func(text string) string {
		p := filepath.Join(dir, "curators.txt")
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	got, err := readCurators(write("# the editors\nanna:9c41d07be2a35f8e\n\n boris : 51e0a6f3c7d28b94 \n"))
	if err != nil || len(got) != 2 || got["anna"] != "9c41d07be2a35f8e" || got["boris"] != "51e0a6f3c7d28b94" {
		t.Fatalf("readCurators: %v %v", got, err)
	}
	for text, want := range map[string]string{
		"anna 9c41d07be2a35f8e\n": "curators.txt:1: want NAME:TOKEN",
		"anna:short\n":            "curators.txt:1: the token of anna is shorter than 8 characters",
		"anna:9c41d07be2a35f8e\nanna:51e0a6f3c7d28b94\n":  "curators.txt:2: curator anna is listed twice",
		"anna:9c41d07be2a35f8e\nboris:9c41d07be2a35f8e\n": "curators.txt:2: boris shares a token",
		"# nobody yet\n": "no curators",
	} {
		if _, err := readCurators(write(text)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", text, err, want)
		}
	}
	if _, err := readCurators(filepath.Join(dir, "missing.txt")); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("a missing file: %v", err)
	}
}
