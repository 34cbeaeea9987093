package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/rdftest"
)

// TestSecondProcessWaitsThenFails runs real docgraph processes on one
// embedded store. While `docgraph serve --token` holds it, an ingest and a read
// from a second process each wait the lock timeout (5 s) and then fail with
// exit status 4 and a message saying why, leaving the store as it was. Two
// ingests started together both succeed: the second waits for the first.
func TestSecondProcessWaitsThenFails(t *testing.T) {
	skipProcessesUnderRace(t)
	if testing.Short() {
		t.Skip("builds the command and waits out lock timeouts; skipped with -short")
	}
	bin := buildDocgraph(t)
	examples := filepath.Join(rdftest.RepoRoot(t), "examples")
	store := filepath.Join(t.TempDir(), "shared.db")
	dg := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, append([]string{"--store", store}, args...)...)
		cmd.Env = append(os.Environ(), "DOCGRAPH_STORE=")
		return cmd
	}
	if out, err := dg("ingest", "-q", examples).CombinedOutput(); err != nil {
		t.Fatalf("first ingest: %v\n%s", err, out)
	}
	before, err := dg("export", "--format", "nquads", "--sorted").Output()
	if err != nil {
		t.Fatal(err)
	}

	// A server with a write token holds the store alone (a server without
	// one shares it with readers: TestReadersBesideServer).
	holder := dg("serve", "--addr", "127.0.0.1:0", "--quiet", "--token", "secret")
	stderr, err := holder.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	sc := bufio.NewScanner(stderr)
	if !sc.Scan() || !strings.Contains(sc.Text(), "serving") {
		t.Fatalf("serve did not start: %q", sc.Text())
	}
	go func() {
		for sc.Scan() {
		}
	}()

	for _, args := range [][]string{{"ingest", "-q", examples}, {"stats"}} {
		start := time.Now()
		var errb bytes.Buffer
		cmd := dg(args...)
		cmd.Stderr = &errb
		err := cmd.Run()
		took := time.Since(start)
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitLocked {
			t.Fatalf("%s while the store is served: %v, want exit status %d\n%s", args[0], err, exitLocked, errb.String())
		}
		if msg := errb.String(); !strings.Contains(msg, store) || !strings.Contains(msg, "in use by another docgraph process") || !strings.Contains(msg, "waited 5s") {
			t.Errorf("%s: message %q should name the store, the other process and the wait", args[0], msg)
		}
		if took < 5*time.Second || took > 30*time.Second {
			t.Errorf("%s failed after %s, want after the 5s lock timeout", args[0], took)
		}
		t.Logf("%s from a second process: exit %d after %s: %s", args[0], ee.ExitCode(), took.Round(time.Millisecond), strings.TrimSpace(errb.String()))
	}

	holder.Process.Signal(syscall.SIGINT)
	if err := holder.Wait(); err != nil {
		t.Logf("serve stopped: %v", err)
	}
	if out, err := dg("check").CombinedOutput(); err != nil {
		t.Fatalf("check after the refused processes: %v\n%s", err, out)
	}
	after, err := dg("export", "--format", "nquads", "--sorted").Output()
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("the store changed while it was locked (%v)", err)
	}

	// Two ingests at once: the second waits for the first's lock and then
	// runs; the store ends as one ingest leaves it.
	a, b := dg("ingest", "-q", examples), dg("ingest", "-q", examples)
	var aErr, bErr bytes.Buffer
	a.Stderr, b.Stderr = &aErr, &bErr
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	if err := a.Wait(); err != nil {
		t.Errorf("first of two ingests: %v\n%s", err, aErr.String())
	}
	if err := b.Wait(); err != nil {
		t.Errorf("second of two ingests: %v\n%s", err, bErr.String())
	}
	if out, err := dg("check").CombinedOutput(); err != nil {
		t.Fatalf("check after two ingests: %v\n%s", err, out)
	}
	again, err := dg("export", "--format", "nquads", "--sorted").Output()
	if err != nil || !bytes.Equal(before, again) {
		t.Errorf("two ingests of the same files left a different store (%v)", err)
	}
}
