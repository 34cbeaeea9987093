package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/rdftest"
)

// lockedBuffer is a bytes.Buffer safe for one writer and one reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe ingests one example into an embedded store, serves it on a
// free loopback port, fetches a page and a description, and stops the
// server by cancelling its context.
func TestServe(t *testing.T) {
	store := filepath.Join(t.TempDir(), "store")
	example := filepath.Join(rdftest.RepoRoot(t), "examples", "1951-09-10_filippov-to-mao-military-advisers.txt")
	var out, errOut bytes.Buffer
	if code := run([]string{"--store", store, "ingest", example}, nil, &out, &errOut); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errOut.String())
	}
	stderr := &lockedBuffer{}
	a := &app{stdout: io.Discard, stderr: stderr, stdin: strings.NewReader("")}
	root := newRoot(a)
	root.SetArgs([]string{"--store", store, "serve", "--addr", "127.0.0.1:0", "--quiet"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()

	addrRE := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addrRE.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, stderr.String())
		default:
		}
	}
	if base == "" {
		t.Fatalf("serve never said where it listens:\n%s", stderr.String())
	}
	fetch := func(path, accept string) (int, string, string) {
		req, _ := http.NewRequest("GET", base+path, nil)
		req.Header.Set("Accept", accept)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}
	if code, ct, body := fetch("/person/joseph-stalin", "text/turtle"); code != 200 || !strings.HasPrefix(ct, "text/turtle") || !strings.Contains(body, "dg:pseudonym") {
		t.Errorf("Stalin as Turtle: %d %s\n%.300s", code, ct, body)
	}
	if code, _, body := fetch("/", "text/html"); code != 200 || !strings.Contains(body, "<b>1</b> documents") {
		t.Errorf("home page: %d\n%.300s", code, body)
	}
	if code, _, body := fetch("/documents", "text/html"); code != 200 || !strings.Contains(body, "1 document") {
		t.Errorf("GET /documents: %d\n%.300s", code, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after cancel", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
}
