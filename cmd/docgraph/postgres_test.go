package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/pgtest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/internal/synth"
)

// dgProc runs docgraph processes on one store.
func dgProc(bin, store string) func(args ...string) *exec.Cmd {
	return func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, append([]string{"--store", store}, args...)...)
		cmd.Env = append(os.Environ(), "DOCGRAPH_STORE=", "DOCGRAPH_TOKEN=")
		return cmd
	}
}

// TestPostgresStoppedMidIngest stops the PostgreSQL server while an
// ingest writes to it: the ingest fails with an error naming the
// database, every document in the store is whole and the reference counts
// are right, and a second run, once the server is back, leaves the store
// as an embedded store holding the same archive.
func TestPostgresStoppedMidIngest(t *testing.T) {
	skipProcessesUnderRace(t)
	if testing.Short() {
		t.Skip("starts a PostgreSQL server and builds the command; skipped with -short")
	}
	t.Parallel()
	pg := pgtest.StartPrimary(t, pgtest.FreePort(t))
	pg.Exec("postgres", "CREATE DATABASE docs")
	bin := buildDocgraph(t)
	dir := filepath.Join(t.TempDir(), "docs")
	if _, err := synth.WriteDir(dir, synth.Options{Docs: 200, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	spec := pg.URL("docs")
	dg := dgProc(bin, spec)

	ingest := dg("ingest", "-q", "--batch", "5", "-j", "1", dir)
	var stderr bytes.Buffer
	ingest.Stderr = &stderr
	if err := ingest.Start(); err != nil {
		t.Fatal(err)
	}
	// Stop the server once some batches are in.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var n int
		// An error is a store whose tables are not made yet.
		if err := pg.TryQueryRow("docs", `SELECT count(DISTINCT label_hash) FROM quads`, &n); err == nil && n >= 20 {
			break
		}
		if time.Now().After(deadline) {
			ingest.Process.Kill()
			t.Fatalf("the ingest wrote %d graphs in 2 minutes\n%s", n, stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	pg.Stop()
	err := ingest.Wait()
	msg := stderr.String()
	if err == nil {
		t.Fatalf("the ingest succeeded with its server stopped:\n%s", msg)
	}
	where := fmt.Sprintf("127.0.0.1:%d/docs", pg.Port)
	if !strings.Contains(msg, where) || !strings.Contains(msg, "unavailable") || !strings.Contains(msg, "run the ingest again") {
		t.Errorf("message %q should name the database (%s), say it is unavailable and what to do", msg, where)
	}
	t.Logf("ingest with its server stopped: %v: %s", err, strings.TrimSpace(msg))

	// The reference: the same archive in an embedded store.
	ref := filepath.Join(t.TempDir(), "ref.db")
	refDG := dgProc(bin, ref)
	if out, err := refDG("ingest", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("embedded ingest: %v\n%s", err, out)
	}
	refOut, err := refDG("export", "--format", "nquads", "--sorted").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := graphsOf(t, refOut)

	pg.Start()
	got, err := dg("export", "--format", "nquads", "--sorted").Output()
	if err != nil {
		t.Fatal(err)
	}
	partial := graphsOf(t, got)
	docs := 0
	for g, lines := range partial {
		if !strings.Contains(g, "/doc/") {
			continue
		}
		docs++
		if !slices.Equal(lines, want[g]) {
			t.Errorf("graph %s after the failed ingest: %d statements, want %d (half written)", g, len(lines), len(want[g]))
		}
	}
	if docs == 0 || docs >= 200 {
		t.Fatalf("%d documents in the store after the server stopped, want some but not all", docs)
	}
	t.Logf("%d of 200 documents were in the store when it stopped, each whole", docs)
	var badRefs int
	pg.QueryRow("docs", `SELECT count(*) FROM nodes n WHERE refs <> (SELECT count(*) FROM quads WHERE subject_hash = n.hash)
		+ (SELECT count(*) FROM quads WHERE predicate_hash = n.hash) + (SELECT count(*) FROM quads WHERE object_hash = n.hash)
		+ (SELECT count(*) FROM quads WHERE label_hash = n.hash)`, &badRefs)
	if badRefs != 0 {
		t.Errorf("%d nodes with a wrong reference count", badRefs)
	}

	if out, err := dg("ingest", "-q", "--batch", "50", dir).CombinedOutput(); err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	got, err = dg("export", "--format", "nquads", "--sorted").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, refOut) {
		full := graphsOf(t, got)
		for g := range want {
			if !slices.Equal(full[g], want[g]) {
				t.Errorf("graph %s: %d statements, want %d", g, len(full[g]), len(want[g]))
			}
		}
		t.Fatalf("after the second ingest the store differs from the embedded store (%d bytes of N-Quads, want %d)", len(got), len(refOut))
	}
}

// servePG starts `docgraph serve` on a loopback port and returns its
// address.
func servePG(t *testing.T, bin, spec string, args ...string) string {
	t.Helper()
	cmd := dgProc(bin, spec)(append([]string{"serve", "--addr", "127.0.0.1:0", "--quiet"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sc := bufio.NewScanner(stderr)
	var line string
	for sc.Scan() {
		if line = sc.Text(); strings.Contains(line, "docgraph: serving") {
			break
		}
	}
	if !strings.Contains(line, "docgraph: serving") {
		t.Fatalf("serve did not start: %q", line)
	}
	go io.Copy(io.Discard, stderr)
	i := strings.Index(line, "http://")
	return strings.Fields(line[i:])[0]
}

// askServer runs an ASK query on a server.
func askServer(t *testing.T, base, q string) (bool, error) {
	t.Helper()
	resp, err := http.Get(strings.TrimSuffix(base, "/") + "/sparql?format=json&query=" + url.QueryEscape(q))
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return false, fmt.Errorf("%s: %s", resp.Status, body)
	}
	var r struct{ Boolean bool }
	if err := json.Unmarshal(body, &r); err != nil {
		return false, fmt.Errorf("%v: %s", err, body)
	}
	return r.Boolean, nil
}

// TestReplicaServers runs a PostgreSQL primary and a streaming standby on
// loopback, two read-only `docgraph serve` processes over the standby, and
// ingests on the primary: both servers answer with the new document
// within seconds. With the standby's replay paused (a lagging standby),
// the servers keep answering from what it has, and catch up when replay
// resumes. A server on the standby refuses writes even with a token.
func TestReplicaServers(t *testing.T) {
	skipProcessesUnderRace(t)
	if testing.Short() {
		t.Skip("starts two PostgreSQL servers and builds the command; skipped with -short")
	}
	t.Parallel()
	t0 := time.Now()
	stage := func(what string) { t.Logf("%s: %s", time.Since(t0).Round(time.Millisecond), what) }
	primary := pgtest.StartPrimary(t, pgtest.FreePort(t))
	primary.Exec("postgres", "CREATE DATABASE docs")
	stage("primary")
	standby := primary.StartStandby(pgtest.FreePort(t))
	stage("standby")
	bin := buildDocgraph(t)
	examples := filepath.Join(rdftest.RepoRoot(t), "examples")
	files, _ := filepath.Glob(filepath.Join(examples, "*.txt"))
	if len(files) < 3 {
		t.Fatalf("examples: %d files", len(files))
	}
	write := dgProc(bin, primary.URL("docs"))
	ingest := func(f string) string {
		t.Helper()
		out, err := write("ingest", "-q", f).CombinedOutput()
		if err != nil {
			t.Fatalf("ingest %s: %v\n%s", f, err, out)
		}
		// The document's graph: the graph the ingest added.
		res, err := write("sparql", "--format", "tsv", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g ?p ?o } }").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(res)
	}
	docGraph := func(before, after string) string {
		t.Helper()
		for _, l := range strings.Split(after, "\n") {
			if strings.HasPrefix(l, "<") && !strings.Contains(before, l) {
				return l
			}
		}
		t.Fatalf("no new graph: before %q, after %q", before, after)
		return ""
	}
	stage("built")
	g0 := ingest(files[0])
	stage("ingested")

	// Wait for the standby to have the first document, then serve it.
	replica := standby.URL("docs")
	servers := []string{servePG(t, bin, replica), servePG(t, bin, replica)}
	stage("serving")
	has := func(g string) string { return "ASK { GRAPH " + g + " { ?s ?p ?o } }" }
	waitFor := func(g string, want bool, within time.Duration) time.Duration {
		t.Helper()
		start := time.Now()
		for _, s := range servers {
			for {
				ok, err := askServer(t, s, has(g))
				if err != nil {
					t.Fatalf("%s: %v", s, err)
				}
				if ok == want {
					break
				}
				if time.Since(start) > within {
					t.Fatalf("%s: %s is %v after %s", s, g, ok, within)
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
		return time.Since(start)
	}

	g1 := docGraph(g0, ingest(files[1]))
	took := waitFor(g1, true, 10*time.Second)
	t.Logf("a document ingested on the primary was served by both servers on the standby after %s", took.Round(time.Millisecond))

	// A lagging standby: replay paused, a third document on the primary.
	standby.Exec("docs", "SELECT pg_wal_replay_pause()")
	g2 := docGraph(ingest(files[1]), ingest(files[2]))
	for range 5 {
		for _, s := range servers {
			if ok, err := askServer(t, s, has(g1)); err != nil || !ok {
				t.Fatalf("%s with replay paused: document %s: %v, %v", s, g1, ok, err)
			}
			if ok, err := askServer(t, s, has(g2)); err != nil || ok {
				t.Fatalf("%s with replay paused: document %s, not replayed yet: %v, %v", s, g2, ok, err)
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	standby.Exec("docs", "SELECT pg_wal_replay_resume()")
	took = waitFor(g2, true, 10*time.Second)
	t.Logf("replay resumed: the third document was served after %s", took.Round(time.Millisecond))

	// A server with a token on the standby cannot write: it says why.
	tok := servePG(t, bin, replica, "--token", "secret")
	var body bytes.Buffer
	ct := multipartFile(&body, files[0])
	req, _ := http.NewRequest("POST", strings.TrimSuffix(tok, "/")+"/documents", &body)
	req.Header.Set("Authorization", "Bearer secret")
	req.Header.Set("Content-Type", ct)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	stage("refused")
	if resp.StatusCode < 400 || !strings.Contains(string(msg), "read-only") {
		t.Errorf("POST /documents to a server on the standby: %s %s, want a refusal saying the store is read-only", resp.Status, msg)
	}
}

// multipartFile writes a multipart form holding one file and returns its
// content type.
func multipartFile(w io.Writer, path string) string {
	mw := multipart.NewWriter(w)
	data, _ := os.ReadFile(path)
	fw, _ := mw.CreateFormFile("file", filepath.Base(path))
	fw.Write(data)
	mw.Close()
	return mw.FormDataContentType()
}
