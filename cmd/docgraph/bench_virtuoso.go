package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// virtuosoConfig is what the bench writes into the virtuoso.ini of a
// Virtuoso server of its own: a new database folder, loopback ports, and
// the one folder its bulk loader may read.
type virtuosoConfig struct {
	Dir      string // database folder (absolute), created by the bench
	LoadDir  string // folder holding the files to bulk-load (absolute)
	Port     int    // SQL (isql) port on 127.0.0.1
	HTTPPort int    // HTTP port on 127.0.0.1 (/sparql)
	Buffers  int    // 8 KB pages of buffer cache
}

// ini is the virtuoso.ini text of c. Every path is absolute, so the server
// may be started from any folder; the SPARQL endpoint returns every row
// and runs every query to its end, as the other engines of the bench do.
func (c virtuosoConfig) ini() string {
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

// parseINI reads the sections and keys of an ini file such as
// virtuoso.ini ("[Section]", "Key = value", ";" comments).
func parseINI(text string) (map[string]map[string]string, error) {
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

// loadErrorsMarker tags the line of isql's output that counts the files
// the bulk loader could not load.
const loadErrorsMarker = "DOCGRAPH_LOAD_ERRORS"

// parseLoadErrors finds the count of failed files in isql's output of
// virtuosoLoadSQL.
func parseLoadErrors(out string) (int, error) {
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == loadErrorsMarker {
			return strconv.Atoi(f[1])
		}
	}
	return 0, fmt.Errorf("isql printed no %s line: %q", loadErrorsMarker, tail(out, 300))
}

// isqlError finds the first error isql reports in its output.
func isqlError(out string) error {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "*** Error") {
			return errors.New(strings.TrimSpace(line))
		}
	}
	return nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// virtuosoLoadSQL is the bulk load of one N-Quads file with Virtuoso's own
// loader: register it, load it (each quad into its own graph; the graph
// argument is only for triples without one), make it durable, and count
// the files that failed.
func virtuosoLoadSQL(dir, file string) string {
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	return fmt.Sprintf("ld_dir(%s, %s, 'urn:docgraph:bench:default'); rdf_loader_run(); checkpoint; "+
		"select '%s', count(*) from DB.DBA.load_list where ll_error is not null;",
		q(dir), q(file), loadErrorsMarker)
}

// virtuoso is a running Virtuoso server started by the bench.
type virtuoso struct {
	cfg       virtuosoConfig
	bin, isql string
	cmd       *exec.Cmd
	done      chan error
}

// findVirtuoso finds Virtuoso's server and its isql client (Debian names
// them virtuoso-t and isql-vt).
func findVirtuoso() (bin, isql string, err error) {
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

// loopbackPort asks the system for a free TCP port on loopback.
func loopbackPort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startVirtuoso writes the configuration into a new database folder,
// starts the server in the foreground of a child process and waits until
// it answers on both ports.
func startVirtuoso(ctx context.Context, bin, isql string, cfg virtuosoConfig) (*virtuoso, error) {
	var err error
	if cfg.Port == 0 {
		if cfg.Port, err = loopbackPort(); err != nil {
			return nil, err
		}
	}
	if cfg.HTTPPort == 0 {
		if cfg.HTTPPort, err = loopbackPort(); err != nil {
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
	if err := os.WriteFile(ini, []byte(cfg.ini()), 0o644); err != nil {
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
	v := &virtuoso{cfg: cfg, bin: bin, isql: isql, cmd: cmd, done: make(chan error, 1)}
	go func() { v.done <- cmd.Wait(); logf.Close() }()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if _, err := v.exec(ctx, "select 1;"); err == nil {
			if c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", cfg.HTTPPort), time.Second); err == nil {
				c.Close()
				return v, nil
			}
		}
		select {
		case err := <-v.done:
			log, _ := os.ReadFile(filepath.Join(cfg.Dir, "virtuoso.log"))
			return nil, fmt.Errorf("virtuoso stopped while starting (%v): %s", err, tail(string(log), 400))
		case <-ctx.Done():
			v.stop()
			return nil, ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			v.stop()
			return nil, errors.New("virtuoso did not answer within 2 minutes")
		}
	}
}

// exec runs SQL through isql and returns its output.
func (v *virtuoso) exec(ctx context.Context, sql string) (string, error) {
	out, err := exec.CommandContext(ctx, v.isql, fmt.Sprintf("127.0.0.1:%d", v.cfg.Port), "dba", "dba", "exec="+sql).CombinedOutput()
	if err == nil {
		err = isqlError(string(out))
	}
	if err != nil {
		return string(out), fmt.Errorf("isql: %v: %s", err, tail(strings.TrimSpace(string(out)), 300))
	}
	return string(out), nil
}

// load bulk-loads an N-Quads file, which must lie in cfg.LoadDir.
func (v *virtuoso) load(ctx context.Context, file string) error {
	out, err := v.exec(ctx, virtuosoLoadSQL(v.cfg.LoadDir, filepath.Base(file)))
	if err != nil {
		return err
	}
	n, err := parseLoadErrors(out)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("virtuoso's loader failed on %s (see DB.DBA.load_list in %s)", file, v.cfg.Dir)
	}
	return nil
}

// endpoint is the server's SPARQL endpoint.
func (v *virtuoso) endpoint() string {
	return fmt.Sprintf("http://127.0.0.1:%d/sparql", v.cfg.HTTPPort)
}

// size is the bytes of the database files.
func (v *virtuoso) size() int64 { return dirSize(v.cfg.Dir, ".db") }

// stop shuts the server down (a checkpoint-less shutdown is enough: the
// bench deletes the database) and waits for it.
func (v *virtuoso) stop() {
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

// dirSize adds up the sizes of the files under dir whose names end in
// suffix ("" for all).
func dirSize(dir, suffix string) int64 {
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

// procCPU is the processor time (user + system) process pid has used so
// far, read from /proc; 0 where there is no /proc.
func procCPU(pid int) time.Duration {
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

// filepathAbsDir is the absolute folder holding file.
func filepathAbsDir(file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	return filepath.Dir(abs), nil
}

// procPeakKB is the peak resident memory of process pid (VmHWM in
// /proc/pid/status), in KB; 0 where there is no /proc.
func procPeakKB(pid int) int64 {
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
