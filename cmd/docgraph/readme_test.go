package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/racetest"
	"github.com/docgraph/docgraph/internal/rdftest"
)

// A readmeCmd is one command shown in README.md: a `$ docgraph …` line (with
// its continuation lines) and the output printed under it, or a bare command
// line of a block that shows no output.
type readmeCmd struct {
	line    int      // line in README.md
	block   int      // the fenced block it is in, counted from 1
	text    string   // the shell command, without "$ "
	want    []string // the output README shows
	checked bool     // README shows an output to compare with
}

// readmeCommands reads the fenced blocks of a Markdown text and returns, in
// order, every command they show.
func readmeCommands(md string) []readmeCmd {
	var cmds []readmeCmd
	lines := strings.Split(md, "\n")
	blocks := 0
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		blocks++
		var block []string
		start := i + 2
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
			block = append(block, lines[i])
		}
		console := false
		for _, l := range block {
			if strings.HasPrefix(l, "$ ") {
				console = true
			}
		}
		for j := 0; j < len(block); j++ {
			l := block[j]
			switch {
			case console && strings.HasPrefix(l, "$ "):
				c := readmeCmd{line: start + j, block: blocks, text: strings.TrimPrefix(l, "$ "), checked: true}
				for openQuote(c.text) && j+1 < len(block) {
					j++
					c.text += "\n" + block[j]
				}
				for j+1 < len(block) && !strings.HasPrefix(block[j+1], "$ ") {
					j++
					c.want = append(c.want, block[j])
				}
				cmds = append(cmds, c)
			case !console && (strings.HasPrefix(l, "docgraph ") || strings.HasPrefix(l, "go run ./cmd/docgraph ")):
				text, _, _ := strings.Cut(l, "#")
				text = strings.TrimSpace(strings.Replace(text, "go run ./cmd/docgraph ", "docgraph ", 1))
				cmds = append(cmds, readmeCmd{line: start + j, block: blocks, text: text})
			}
		}
	}
	return cmds
}

// openQuote reports whether a shell command ends inside a quoted string.
func openQuote(s string) bool {
	var q rune
	for _, r := range s {
		switch {
		case q == 0 && (r == '\'' || r == '"'):
			q = r
		case q != 0 && r == q:
			q = 0
		}
	}
	return q != 0
}

var (
	ansiEscape = regexp.MustCompile("\x1b\\[[0-9;]*m")
	// Timings differ from run to run: README's figures stand for any.
	timing    = regexp.MustCompile(`\b\d+(\.\d+)?(ms|µs|s)\b|\b\d+(\.\d+)?x faster\b`)
	msPerDoc  = regexp.MustCompile(`\d+\.\d+`)
	wideSpace = regexp.MustCompile(`\s+`)
	serveWord = regexp.MustCompile(`\bserve\b`)
)

// normalizeLine drops colour and trailing blanks, and turns timings into a
// placeholder (with the spacing around them collapsed, as their width varies).
func normalizeLine(s string) string {
	s = strings.TrimRight(ansiEscape.ReplaceAllString(s, ""), " \t\r")
	n := timing.ReplaceAllStringFunc(s, func(t string) string {
		if strings.HasSuffix(t, "x faster") {
			return "Nx faster"
		}
		return "<time>"
	})
	if strings.Contains(n, "ms/doc") {
		n = msPerDoc.ReplaceAllString(n, "<time>")
	}
	if n != s {
		n = wideSpace.ReplaceAllString(n, " ")
	}
	return n
}

// collapseSpace turns every run of blanks inside each line into one space.
func collapseSpace(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = wideSpace.ReplaceAllString(strings.TrimSpace(l), " ")
	}
	return out
}

// matchLines matches output lines against README's lines, where a line "…"
// stands for any number of lines and "…" inside a line for any text.
func matchLines(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if strings.TrimSpace(want[0]) == "…" {
		for k := 0; k <= len(got); k++ {
			if matchLines(want[1:], got[k:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && matchLine(want[0], got[0]) && matchLines(want[1:], got[1:])
}

func matchLine(want, got string) bool {
	if !strings.Contains(want, "…") {
		return want == got
	}
	parts := strings.Split(want, "…")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(got)
}

func outputLines(b []byte) []string {
	s := strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = normalizeLine(l)
	}
	return lines
}

// TestReadmeMatcher pins the matching rules the README test relies on.
func TestReadmeMatcher(t *testing.T) {
	md := "text\n```\n$ docgraph sparql 'SELECT\n  ?x'\n?x\n…\n(2 rows)\n$ docgraph stats\n```\n" +
		"```sh\ndocgraph --store s.db ingest examples   # a comment\ngo test ./...\n```\n"
	cmds := readmeCommands(md)
	if len(cmds) != 3 || cmds[0].text != "docgraph sparql 'SELECT\n  ?x'" || len(cmds[0].want) != 3 ||
		cmds[1].text != "docgraph stats" || len(cmds[1].want) != 0 || cmds[2].text != "docgraph --store s.db ingest examples" || cmds[2].checked {
		t.Fatalf("commands: %#v", cmds)
	}
	for _, c := range []struct {
		want, got []string
		ok        bool
	}{
		{[]string{"a", "…", "d"}, []string{"a", "b", "c", "d"}, true},
		{[]string{"a", "…", "d"}, []string{"a", "d"}, true},
		{[]string{"a", "…"}, []string{"a", "b"}, true},
		{[]string{"a"}, []string{"a", "b"}, false},
		{[]string{"a", "c"}, []string{"a", "b"}, false},
		{[]string{"names x; … y"}, []string{"names x; 1; 2 y"}, true},
		{[]string{"names x; … y"}, []string{"names z; 1; 2 y"}, false},
		{[]string{normalizeLine("4 docs; 72ms")}, outputLines([]byte("4 docs; 1.5s\n")), true},
		{[]string{normalizeLine("4 docs; 72ms")}, outputLines([]byte("5 docs; 72ms\n")), false},
		{[]string{normalizeLine("    ms/doc     0.497     29.084")}, outputLines([]byte("    ms/doc     0.330    120.157  \n")), true},
	} {
		if matchLines(c.want, c.got) != c.ok {
			t.Errorf("matchLines(%q, %q) = %v", c.want, c.got, !c.ok)
		}
	}
}

// TestReadme runs every command README.md shows, in order, in a fresh folder
// holding the bundled examples (and ../shared beside it when the repository
// has it), and compares what each prints with what README shows. sparql,
// query and the other commands run with their output on a terminal (through
// script(1)), as a reader typing them would see it; colour is dropped.
func TestReadme(t *testing.T) {
	root := rdftest.RepoRoot(t)
	md, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	cmds := readmeCommands(string(md))
	if len(cmds) < 10 {
		t.Fatalf("README.md shows %d commands; expected the command examples", len(cmds))
	}
	ci := os.Getenv("CI") == "true"
	if _, err := exec.LookPath("script"); err != nil {
		if ci {
			t.Fatal("script(1) is needed to run README's commands on a terminal")
		}
		t.Skip("script(1) (util-linux) is missing: README's commands are not run")
	}
	sharedCorpus := filepath.Join(root, "..", "shared", "corpus")
	_, err = os.Stat(sharedCorpus)
	haveShared := err == nil
	if !haveShared && ci {
		t.Fatalf("../shared/corpus is missing: %v", err)
	}

	// A fresh clone: the examples, and ../shared beside it when there is one.
	tmp := t.TempDir()
	if haveShared {
		must(t, os.Symlink(filepath.Join(root, "..", "shared"), filepath.Join(tmp, "shared")))
	}
	clone := func(name string) string {
		dir := filepath.Join(tmp, name)
		must(t, os.Mkdir(dir, 0o755))
		must(t, os.CopyFS(filepath.Join(dir, "examples"), os.DirFS(filepath.Join(root, "examples"))))
		return dir
	}
	// The transcripts ($ lines with their output) run one after the other
	// in one folder; each block of bare commands (a recipe) in its own.
	session := clone("docgraph")
	recipes := map[int]string{}
	env := append(os.Environ(), "DOCGRAPH_STORE=", "TERM=dumb")
	port := fmt.Sprint(freePort(t))

	for _, c := range cmds {
		dir := session
		if !c.checked {
			if recipes[c.block] == "" {
				recipes[c.block] = clone(fmt.Sprintf("recipe%d", c.block))
			}
			dir = recipes[c.block]
		}
		name := fmt.Sprintf("README.md:%d %s", c.line, strings.SplitN(c.text, "\n", 2)[0])
		switch {
		case strings.HasPrefix(c.text, "go "):
			continue // go test ./... is this test's own run
		case strings.Contains(c.text, "../shared") && !haveShared:
			t.Logf("%s: skipped, ../shared is not beside the repository", name)
			continue
		case serveWord.MatchString(c.text):
			serveReadme(t, name, dir, env, strings.ReplaceAll(c.text, ":8080", ":"+port))
			continue
		}
		// README's address gets a free port
		text := strings.ReplaceAll(c.text, ":8080", ":"+port)
		stderr := filepath.Join(tmp, "stderr")
		cmd := exec.Command("script", "-qec", "{ "+text+"\n} 2>"+stderr, "/dev/null")
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.Output()
		errText, _ := os.ReadFile(stderr)
		if err != nil {
			t.Errorf("%s: %v\n%s%s", name, err, out, errText)
			continue
		}
		if !c.checked {
			continue
		}
		want := make([]string, len(c.want))
		for i, l := range c.want {
			want[i] = normalizeLine(l)
		}
		got := outputLines(out)
		if racetest.Enabled {
			// The race detector makes timings several times longer; one
			// wider than README's widens its table's columns. Only the
			// spacing is compared loosely, the text stays exact.
			want, got = collapseSpace(want), collapseSpace(got)
		}
		if !matchLines(want, got) {
			t.Errorf("%s: README shows\n%s\n\nbut the command prints\n%s\n%s", name,
				strings.Join(c.want, "\n"), strings.Join(got, "\n"), errText)
		}
	}
}

// serveReadme starts a serve command README shows, waits until it answers
// on its address and stops it.
func serveReadme(t *testing.T, name, dir string, env []string, text string) {
	m := regexp.MustCompile(`--addr \S+:(\d+)`).FindStringSubmatch(text)
	if m == nil {
		t.Errorf("%s: no --addr HOST:PORT", name)
		return
	}
	port := m[1]
	var stderr bytes.Buffer
	cmd := exec.Command("sh", "-c", "exec "+text)
	cmd.Dir, cmd.Env, cmd.Stderr = dir, env, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Errorf("%s: did not stop on interrupt", name)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for ctx.Err() == nil {
		resp, err := http.Get("http://127.0.0.1:" + port + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: GET / answers %s", name, resp.Status)
			}
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("%s: no answer on port %s\n%s", name, port, stderr.String())
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
