package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/rdftest"
)

// startServe runs `docgraph serve` with args in the background until the
// test ends or stop is called, and returns the address it listens at.
func startServe(t *testing.T, args ...string) (addr string, stop func()) {
	t.Helper()
	stderr := &lockedBuffer{}
	a := &app{stdout: io.Discard, stderr: stderr, stdin: strings.NewReader("")}
	root := newRoot(a)
	root.SetArgs(args)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v after cancel", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop after its context was cancelled")
		}
	}
	t.Cleanup(stop)
	addrRE := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+)/`)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addrRE.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], stop
		}
		select {
		case err := <-done:
			stopped = true
			t.Fatalf("serve stopped: %v\n%s", err, stderr.String())
		default:
		}
	}
	t.Fatalf("serve never said where it listens:\n%s", stderr.String())
	return "", stop
}

// freePort returns a loopback port nobody listens on.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// runOK runs docgraph with args and fails the test unless it exits 0.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut strings.Builder
	if code := run(args, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("docgraph %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
	}
	return out.String()
}

// The README's serving recipe: a store created with --base at the address
// it will be served at. Every link on the home page dereferences, the
// store keeps its base through the first (one-pass) load, and ingesting a
// document again with the same --base neither fails nor mints a second
// Joseph Stalin.
func TestServedBaseDereferences(t *testing.T) {
	for _, mode := range []string{"first load", "--incremental"} {
		t.Run(mode, func(t *testing.T) {
			args := []string{"ingest"}
			if mode == "--incremental" {
				args = append(args, "--incremental", "--batch", "3")
			}
			servedBaseDereferences(t, args)
		})
	}
}

func servedBaseDereferences(t *testing.T, ingest []string) {
	port := freePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port) + "/"
	store := filepath.Join(t.TempDir(), "served.db")
	examples := filepath.Join(rdftest.RepoRoot(t), "examples")
	runOK(t, append(append([]string{"--store", store, "--base", base}, ingest...), examples)...)

	addr, stop := startServe(t, "--store", store, "serve", "--addr", "127.0.0.1:"+strconv.Itoa(port), "--quiet")
	if addr+"/" != base {
		t.Fatalf("serve listens at %s, want %s", addr, base)
	}
	get := func(u string) (int, string) {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, home := get(base)
	if code != 200 {
		t.Fatalf("home page: %d\n%.300s", code, home)
	}
	hrefs := regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(home, -1)
	baseURL, _ := url.Parse(base)
	local, docs := 0, 0
	for _, m := range hrefs {
		if m[1] == "" {
			t.Errorf("an empty href on the home page")
			continue
		}
		u, err := baseURL.Parse(m[1])
		if err != nil {
			t.Errorf("href %q: %v", m[1], err)
			continue
		}
		if !strings.HasPrefix(u.String(), base) {
			continue // a link out of the store
		}
		local++
		if strings.Contains(u.Path, "/doc/") {
			docs++
		}
		if code, body := get(u.String()); code != 200 {
			t.Errorf("%s: %d %.200s", u, code, body)
		}
	}
	if local < 10 || docs < 10 {
		t.Errorf("the home page links %d IRIs under %s, %d documents:\n%.2000s", local, base, docs, home)
	}
	for _, path := range []string{"person/joseph-stalin", "doc/112100"} {
		if code, _ := get(base + path); code != 200 {
			t.Errorf("%s%s: %d", base, path, code)
		}
	}
	stop()

	one := filepath.Join(examples, "1951-02-03_feng-xi-to-razuvaev.txt")
	runOK(t, "--store", store, "--base", base, "ingest", one)
	runOK(t, "--store", store, "ingest", one)
	if out := runOK(t, "--store", store, "check"); !strings.Contains(out, "ok") {
		t.Errorf("check: %s", out)
	}
	out := runOK(t, "--store", store, "sparql", "--format", "tsv",
		`SELECT DISTINCT ?p WHERE { ?p a schema:Person ; skos:prefLabel "Joseph Stalin"@en }`)
	if want := "?p\n<" + base + "person/joseph-stalin>\n"; out != want {
		t.Errorf("Joseph Stalin after a second ingest:\n%s\nwant\n%s", out, want)
	}
}
