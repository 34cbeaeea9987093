package virtuoso

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestConfig(t *testing.T) {
	cfg := Config{Dir: "/tmp/bench/virtuoso-10", LoadDir: "/tmp/bench", Port: 41111, HTTPPort: 41112}
	ini, err := ParseINI(cfg.INI())
	if err != nil {
		t.Fatal(err)
	}
	get := func(section, key string) string {
		t.Helper()
		v, ok := ini[section][key]
		if !ok {
			t.Fatalf("virtuoso.ini has no %s in [%s]:\n%s", key, section, cfg.INI())
		}
		return v
	}
	// Both servers listen on loopback only, on the ports asked for.
	if got := get("Parameters", "ServerPort"); got != "127.0.0.1:41111" {
		t.Errorf("SQL port %q", got)
	}
	if got := get("HTTPServer", "ServerPort"); got != "127.0.0.1:41112" {
		t.Errorf("HTTP port %q", got)
	}
	// The loader may read the folder of the exported graph.
	if dirs := strings.Split(get("Parameters", "DirsAllowed"), ","); !strings.Contains(","+strings.Join(dirs, ",")+",", ",/tmp/bench,") {
		t.Errorf("DirsAllowed %q does not allow the load folder", dirs)
	}
	// Every file of the database lies in the server's own folder.
	for _, k := range []string{"DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file"} {
		if p := get("Database", k); filepath.Dir(p) != cfg.Dir {
			t.Errorf("%s %q is outside %s", k, p, cfg.Dir)
		}
	}
	if p := get("TempDatabase", "DatabaseFile"); filepath.Dir(p) != cfg.Dir {
		t.Errorf("temporary database %q is outside %s", p, cfg.Dir)
	}
	// Every row of every answer, however long the query runs: the row
	// counts are compared with the other engines'.
	if get("SPARQL", "ResultSetMaxRows") != "100000000" || get("SPARQL", "MaxQueryExecutionTime") != "0" {
		t.Errorf("the SPARQL endpoint cuts answers short: %v", ini["SPARQL"])
	}

	for _, bad := range []string{"Port = 1\n", "[A]\nno equals sign\n", "[A]\n[A]\n"} {
		if _, err := ParseINI(bad); err == nil {
			t.Errorf("ParseINI(%q) gave no error", bad)
		}
	}
}

func TestParseLoadErrors(t *testing.T) {
	out := func(n string) string {
		return "Done. -- 314 msec.\n\nDone. -- 20 msec.\n" +
			LoadErrorsMarker + "\t" + n + "\n\n1 Rows. -- 1 msec.\n"
	}
	for _, c := range []struct {
		out  string
		want int
	}{{out("0"), 0}, {out("2"), 2}} {
		got, err := ParseLoadErrors(c.out)
		if err != nil || got != c.want {
			t.Errorf("ParseLoadErrors = %d, %v; want %d", got, err, c.want)
		}
	}
	if _, err := ParseLoadErrors("Done. -- 3 msec.\n"); err == nil {
		t.Error("no error for output without the count")
	}
	if err := ISQLError("\n*** Error 42000: [Virtuoso Driver][Virtuoso Server]FA020: Access to /x is denied\nat line 1\n"); err == nil ||
		!strings.Contains(err.Error(), "FA020") {
		t.Errorf("ISQLError = %v", err)
	}
	if err := ISQLError("Done. -- 1 msec.\n"); err != nil {
		t.Errorf("ISQLError on success = %v", err)
	}
	sql := LoadSQL("/tmp/it's", "graph.nq")
	if !strings.Contains(sql, "ld_dir('/tmp/it''s', 'graph.nq'") || !strings.Contains(sql, "rdf_loader_run()") || !strings.Contains(sql, "checkpoint") {
		t.Errorf("load SQL %q", sql)
	}
}

func TestCountJSON(t *testing.T) {
	n, err := CountJSON(strings.NewReader(`{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://a"}},{}]}}`))
	if err != nil || n != 2 {
		t.Errorf("count = %d, %v; want 2", n, err)
	}
	if _, err := CountJSON(strings.NewReader(`{"head":{},"boolean":true}`)); err == nil {
		t.Error("no error for an answer without results")
	}
}

func TestProcCPU(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	// Work until the kernel has counted 100 ms more of this process's
	// processor time (getrusage), on however busy a machine.
	self := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			t.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	before, r0 := ProcCPU(os.Getpid()), self()
	for self()-r0 < 100*time.Millisecond {
	}
	if got := ProcCPU(os.Getpid()) - before; got < 70*time.Millisecond || got > 10*time.Second {
		t.Errorf("100 ms of busy work counted as %v of processor time", got)
	}
	if ProcPeakKB(os.Getpid()) <= 0 {
		t.Error("no peak memory for this process")
	}
}

// TestServer starts Virtuoso, when it is installed, bulk-loads a file
// whose one triple lies in two graphs, and queries it: the default graph
// gives the triple once per graph, DISTINCT once.
func TestServer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Virtuoso")
	}
	bin, isql, err := Find()
	if err != nil {
		t.Skip(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	work := t.TempDir()
	nq := filepath.Join(work, "two.nq")
	data := "<urn:x:s> <urn:x:p> \"o\" <urn:x:g1> .\n<urn:x:s> <urn:x:p> \"o\" <urn:x:g2> .\n<urn:x:s> <urn:x:q> <urn:x:t> <urn:x:g1> .\n"
	if err := os.WriteFile(nq, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	v, err := Start(ctx, bin, isql, Config{Dir: filepath.Join(work, "db"), LoadDir: work, Buffers: 10000})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Stop()
	if err := v.Load(ctx, nq); err != nil {
		t.Fatal(err)
	}
	if v.Size() <= 0 {
		t.Error("no database file after the load")
	}
	if ProcCPU(v.Pid()) <= 0 {
		t.Error("no processor time for a server that loaded a file")
	}
	client := &http.Client{Timeout: time.Minute}
	for _, c := range []struct {
		query string
		rows  int
	}{
		{`SELECT ?o WHERE { <urn:x:s> <urn:x:p> ?o }`, 2},
		{`SELECT DISTINCT ?o WHERE { <urn:x:s> <urn:x:p> ?o }`, 1},
		{`SELECT ?p ?o WHERE { <urn:x:s> ?p ?o }`, 3},
	} {
		n, err := Query(ctx, client, v.Endpoint(), c.query)
		if err != nil || n != c.rows {
			t.Errorf("%s: %d rows, %v; want %d", c.query, n, err, c.rows)
		}
	}
	if _, err := Query(ctx, client, v.Endpoint(), `SELECT ?o WHERE { <urn:x:s> ?p`); err == nil {
		t.Error("no error for a query Virtuoso cannot parse")
	}
}
