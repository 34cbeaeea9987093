// Package virtuoso runs a Virtuoso server (Debian's virtuoso-opensource,
// virtuoso-t) of its own for the benchmarks: a new database folder with a
// virtuoso.ini written here, SQL and HTTP ports on loopback, a bulk load
// with Virtuoso's own loader through its isql client, and queries over
// its SPARQL endpoint. It also holds what the benchmarks need to time any
// SPARQL server: a client that counts the rows of an answer and a
// process's processor time read from /proc.
//
// Virtuoso's default graph, unlike docgraph's and Oxigraph's union of the
// named graphs, keeps one copy of a triple for each graph that holds it:
// a query over data that repeats a triple in several graphs needs
// DISTINCT (or COUNT(DISTINCT)) to give the same rows on every engine.
package virtuoso

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is what goes into the virtuoso.ini of a server started here: a
// new database folder, loopback ports, and the one folder its bulk loader
// may read.
type Config struct {
	Dir      string // database folder (absolute), created by Start
	LoadDir  string // folder holding the files to bulk-load (absolute)
	Port     int    // SQL (isql) port on 127.0.0.1; 0: a free one
	HTTPPort int    // HTTP port on 127.0.0.1 (/sparql); 0: a free one
	Buffers  int    // 8 KB pages of buffer cache; 0: 100,000
}

// INI is the virtuoso.ini text of c. Every path is absolute, so the server
// may be started from any folder; the SPARQL endpoint returns every row
// and runs every query to its end, as the other engines measured do.
func (c Config) INI() string {
	db := func(name string) string { return filepath.Join(c.Dir, name) }
	buffers := c.Buffers
	if buffers <= 0 {
		buffers = 100000
	}
	var b strings.Builder
	section := func(name string, kv ...string) {
		fmt.Fprintf(&b, "[%s]\n", name)
		for i := 0; i+1 < len(kv); i += 2 {
			fmt.Fprintf(&b, "%s = %s\n", kv[i], kv[i+1])
		}
		b.WriteString("\n")
	}
	section("Database",
		"DatabaseFile", db("virtuoso.db"),
		"ErrorLogFile", db("virtuoso.log"),
		"LockFile", db("virtuoso.lck"),
		"TransactionFile", db("virtuoso.trx"),
		"xa_persistent_file", db("virtuoso.pxa"),
		"ErrorLogLevel", "7",
		"FileExtend", "200",
		"MaxCheckpointRemap", "2000",
		"Striping", "0",
		"TempStorage", "TempDatabase")
	section("TempDatabase",
		"DatabaseFile", db("virtuoso-temp.db"),
		"TransactionFile", db("virtuoso-temp.trx"),
		"MaxCheckpointRemap", "2000",
		"Striping", "0")
	section("Parameters",
		"ServerPort", fmt.Sprintf("127.0.0.1:%d", c.Port),
		"NumberOfBuffers", strconv.Itoa(buffers),
		"MaxDirtyBuffers", strconv.Itoa(buffers*3/4),
		"DirsAllowed", ".,"+c.LoadDir,
		"CheckpointInterval", "0",
		"ThreadsPerQuery", "2",
		"MaxQueryMem", "2G")
	section("HTTPServer",
		"ServerPort", fmt.Sprintf("127.0.0.1:%d", c.HTTPPort),
		"ServerRoot", c.Dir,
		"ServerThreads", "4",
		"MaxClientConnections", "4")
	section("SPARQL",
		"ResultSetMaxRows", "100000000",
		"MaxQueryExecutionTime", "0",
		"MaxQueryCostEstimationTime", "0")
	return b.String()
}

// ParseINI reads the sections and keys of an ini file such as
// virtuoso.ini ("[Section]", "Key = value", ";" comments).
func ParseINI(text string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	var cur map[string]string
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name := strings.TrimSpace(line[1 : len(line)-1])
			if _, dup := out[name]; dup {
				return nil, fmt.Errorf("line %d: section [%s] twice", n, name)
			}
			cur = map[string]string{}
			out[name] = cur
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok || cur == nil {
				return nil, fmt.Errorf("line %d: %q is neither a section nor a key = value inside one", n, line)
			}
			cur[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out, sc.Err()
}

// LoadErrorsMarker tags the line of isql's output that counts the files
// the bulk loader could not load.
const LoadErrorsMarker = "DOCGRAPH_LOAD_ERRORS"

// ParseLoadErrors finds the count of failed files in isql's output of
// LoadSQL.
func ParseLoadErrors(out string) (int, error) {
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == LoadErrorsMarker {
			return strconv.Atoi(f[1])
		}
	}
	return 0, fmt.Errorf("isql printed no %s line: %q", LoadErrorsMarker, Tail(out, 300))
}

// ISQLError finds the first error isql reports in its output.
func ISQLError(out string) error {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "*** Error") {
			return errors.New(strings.TrimSpace(line))
		}
	}
	return nil
}

// Tail is the last n bytes of s (all of it when shorter).
func Tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// LoadSQL is the bulk load of one N-Quads file with Virtuoso's own
// loader: register it, load it (each quad into its own graph; the graph
// argument is only for triples without one), make it durable, and count
// the files that failed.
func LoadSQL(dir, file string) string {
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	return fmt.Sprintf("ld_dir(%s, %s, 'urn:docgraph:bench:default'); rdf_loader_run(); checkpoint; "+
		"select '%s', count(*) from DB.DBA.load_list where ll_error is not null;",
		q(dir), q(file), LoadErrorsMarker)
}

// Server is a running Virtuoso server started by Start.
type Server struct {
	cfg       Config
	bin, isql string
	cmd       *exec.Cmd
	done      chan error
}

// Find finds Virtuoso's server and its isql client (Debian names them
// virtuoso-t and isql-vt).
func Find() (bin, isql string, err error) {
	bin, err = exec.LookPath("virtuoso-t")
	if err != nil {
		return "", "", errors.New("virtuoso-t is not installed (Debian package virtuoso-opensource)")
	}
	for _, n := range []string{"isql-vt", "isql"} {
		if p, err := exec.LookPath(n); err == nil {
			return bin, p, nil
		}
	}
	return "", "", errors.New("virtuoso's isql client (isql-vt) is not installed")
}

// LoopbackPort asks the system for a free TCP port on loopback.
func LoopbackPort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Start writes the configuration into a new database folder (removing
// what cfg.Dir held), starts the server in the foreground of a child
// process and waits until it answers on both ports.
func Start(ctx context.Context, bin, isql string, cfg Config) (*Server, error) {
	var err error
	if cfg.Port == 0 {
		if cfg.Port, err = LoopbackPort(); err != nil {
			return nil, err
		}
	}
	if cfg.HTTPPort == 0 {
		if cfg.HTTPPort, err = LoopbackPort(); err != nil {
			return nil, err
		}
	}
	if err := os.RemoveAll(cfg.Dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, err
	}
	ini := filepath.Join(cfg.Dir, "virtuoso.ini")
	if err := os.WriteFile(ini, []byte(cfg.INI()), 0o644); err != nil {
		return nil, err
	}
	logf, err := os.Create(filepath.Join(cfg.Dir, "stdout.log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "+foreground", "+configfile", ini)
	cmd.Dir = cfg.Dir
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	v := &Server{cfg: cfg, bin: bin, isql: isql, cmd: cmd, done: make(chan error, 1)}
	go func() { v.done <- cmd.Wait(); logf.Close() }()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if _, err := v.Exec(ctx, "select 1;"); err == nil {
			if c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", cfg.HTTPPort), time.Second); err == nil {
				c.Close()
				return v, nil
			}
		}
		select {
		case err := <-v.done:
			log, _ := os.ReadFile(filepath.Join(cfg.Dir, "virtuoso.log"))
			return nil, fmt.Errorf("virtuoso stopped while starting (%v): %s", err, Tail(string(log), 400))
		case <-ctx.Done():
			v.Stop()
			return nil, ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			v.Stop()
			return nil, errors.New("virtuoso did not answer within 2 minutes")
		}
	}
}

// Exec runs SQL through isql and returns its output.
func (v *Server) Exec(ctx context.Context, sql string) (string, error) {
	out, err := exec.CommandContext(ctx, v.isql, fmt.Sprintf("127.0.0.1:%d", v.cfg.Port), "dba", "dba", "exec="+sql).CombinedOutput()
	if err == nil {
		err = ISQLError(string(out))
	}
	if err != nil {
		return string(out), fmt.Errorf("isql: %v: %s", err, Tail(strings.TrimSpace(string(out)), 300))
	}
	return string(out), nil
}

// Load bulk-loads an N-Quads file, which must lie in the configuration's
// LoadDir.
func (v *Server) Load(ctx context.Context, file string) error {
	out, err := v.Exec(ctx, LoadSQL(v.cfg.LoadDir, filepath.Base(file)))
	if err != nil {
		return err
	}
	n, err := ParseLoadErrors(out)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("virtuoso's loader failed on %s (see DB.DBA.load_list in %s)", file, v.cfg.Dir)
	}
	return nil
}

// Endpoint is the server's SPARQL endpoint.
func (v *Server) Endpoint() string {
	return fmt.Sprintf("http://127.0.0.1:%d/sparql", v.cfg.HTTPPort)
}

// Pid is the server's process id.
func (v *Server) Pid() int { return v.cmd.Process.Pid }

// Dir is the server's database folder.
func (v *Server) Dir() string { return v.cfg.Dir }

// Size is the bytes of the database files.
func (v *Server) Size() int64 { return DirSize(v.cfg.Dir, ".db") }

// Stop shuts the server down (without a checkpoint: the database is for
// one run) and waits for it.
func (v *Server) Stop() {
	if v.cmd.Process == nil {
		return
	}
	v.cmd.Process.Signal(os.Interrupt)
	select {
	case <-v.done:
	case <-time.After(30 * time.Second):
		v.cmd.Process.Kill()
		<-v.done
	}
}

// DirSize adds up the sizes of the files under dir whose names end in
// suffix ("" for all).
func DirSize(dir, suffix string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, suffix) {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// ProcCPU is the processor time (user + system) process pid has used so
// far, read from /proc in the kernel's clock ticks (10 ms); 0 where there
// is no /proc.
func ProcCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	// after the name: state(0) ... utime(11) stime(12), in clock ticks
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * (time.Second / 100)
}

// ProcPeakKB is the peak resident memory of process pid (VmHWM in
// /proc/pid/status), in KB; 0 where there is no /proc.
func ProcPeakKB(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n
			}
		}
	}
	return 0
}

// CountJSON counts the solutions of a SPARQL JSON results document.
func CountJSON(r io.Reader) (int, error) {
	var doc struct {
		Results *struct {
			Bindings []json.RawMessage `json:"bindings"`
		} `json:"results"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return 0, err
	}
	if doc.Results == nil {
		return 0, errors.New("no results member in the SPARQL JSON answer")
	}
	return len(doc.Results.Bindings), nil
}

// Query posts a query to a SPARQL endpoint (the SPARQL protocol's form
// POST, JSON results) and counts the rows of the answer.
func Query(ctx context.Context, client *http.Client, endpoint, text string) (int, error) {
	body := url.Values{"query": {text}}.Encode()
	req, err := http.NewRequestWithContext(ctx, "POST", endpoint, strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/sparql-results+json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 400))
		return 0, fmt.Errorf("%s: %s: %s", endpoint, resp.Status, msg)
	}
	return CountJSON(resp.Body)
}
