package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/extract/score"
	"github.com/docgraph/docgraph/internal/rdftest"
)

func TestExplainMarksMentionsAndClaims(t *testing.T) {
	file := filepath.Join(rdftest.SharedDir(t), "corpus", "reference", "1952-09-17_filippov-stalin-to-mao.txt")
	for _, tty := range []bool{false, true} {
		var out, errb bytes.Buffer
		a := &app{stdout: &out, stderr: &errb, stdoutTTY: tty}
		c := newExplainCmd(a)
		c.SetArgs([]string{file})
		c.SetOut(&out)
		c.SetErr(&errb)
		if err := c.Execute(); err != nil {
			t.Fatalf("explain: %v\n%s", err, errb.String())
		}
		s := out.String()
		for _, want := range []string{"translation (en)", "opposes Mexican proposal", "said by Joseph Stalin", "Person"} {
			if !strings.Contains(s, want) {
				t.Errorf("tty=%v: output lacks %q", tty, want)
			}
		}
		coloured := strings.Contains(s, "\x1b[")
		if coloured != tty {
			t.Errorf("tty=%v: ANSI colour present = %v", tty, coloured)
		}
		if !tty {
			// a mention is bracketed where it stands, a claim follows its sentence
			if !strings.Contains(s, "]{Country: Mexico}") || !strings.Contains(s, "is unacceptable") || !strings.Contains(s, "«claim ") {
				t.Errorf("plain output lacks inline marks:\n%s", s)
			}
		}
	}
}

func TestExplainMissingFile(t *testing.T) {
	var out bytes.Buffer
	c := newExplainCmd(&app{stdout: &out, stderr: &out})
	c.SetArgs([]string{filepath.Join(t.TempDir(), "none.txt")})
	c.SetOut(&out)
	c.SetErr(&out)
	if err := c.Execute(); err == nil || !strings.Contains(err.Error(), "none.txt") {
		t.Errorf("explain of a missing file: err = %v", err)
	}
}

func TestEvalTableAndJSON(t *testing.T) {
	dir := filepath.Join(rdftest.SharedDir(t), "corpus", "dev")
	var out, errb bytes.Buffer
	c := newEvalCmd(&app{stdout: &out, stderr: &errb})
	c.SetArgs([]string{dir, "--baseline=false", "--min-time=0"})
	c.SetOut(&out)
	c.SetErr(&errb)
	if err := c.Execute(); err != nil {
		t.Fatalf("eval: %v", err)
	}
	lines := strings.Split(out.String(), "\n")
	for _, f := range []string{"date", "kind", "language", "authors", "recipients", "via", "aliases", "archival references", "entities", "claims", "ms/doc"} {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), f+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf("no %q row in:\n%s", f, out.String())
		}
	}
	out.Reset()
	c = newEvalCmd(&app{stdout: &out, stderr: &errb})
	c.SetArgs([]string{dir, "--baseline=false", "--json", "--min-time=0"})
	if err := c.Execute(); err != nil {
		t.Fatalf("eval --json: %v", err)
	}
	var got evalJSON
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("eval --json printed no JSON: %v\n%s", err, out.String())
	}
	if len(got.Fields) != len(score.Fields) || got.Documents < 10 || got.Baseline != nil {
		t.Errorf("eval --json: %d fields, %d documents, baseline %v", len(got.Fields), got.Documents, got.Baseline)
	}
	c = newEvalCmd(&app{stdout: &out, stderr: &errb})
	c.SetArgs([]string{filepath.Join(t.TempDir(), "nothing")})
	c.SetOut(&out)
	c.SetErr(&errb)
	if err := c.Execute(); err == nil {
		t.Error("eval of a missing folder succeeded")
	}
}
