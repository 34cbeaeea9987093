// Package pgtest runs PostgreSQL servers of a test's own on loopback: a
// primary, and streaming-replication standbys made from it with
// pg_basebackup. The PostgreSQL binaries are looked up in
// /usr/lib/postgresql/*/bin (Debian's layout) and then on PATH; without
// them a test is skipped, or fails when CI=true. Run as root, the servers
// run as the user postgres (PostgreSQL refuses to run as root), as
// .ci/run does.
package pgtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Bin returns the folder of the PostgreSQL server binaries, or skips the
// test (fails it when CI=true) when there are none.
func Bin(t testing.TB) string {
	t.Helper()
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found; .ci/run installs the postgresql package")
	}
	t.Skip("PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found in /usr/lib/postgresql/*/bin or on PATH: install PostgreSQL to run this test")
	return ""
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// Server is a PostgreSQL server of the test's.
type Server struct {
	t    testing.TB
	bin  string
	Dir  string // its data folder
	Port int
	root string // the folder holding the data folder, the socket and the log
}

// FreePort returns a loopback TCP port nobody listens on now.
func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// asRoot tells whether the servers must run as the user postgres.
func asRoot() bool { return os.Geteuid() == 0 }

// run runs a PostgreSQL program, as postgres when the test runs as root.
func (s *Server) run(name string, args ...string) error {
	s.t.Helper()
	path := filepath.Join(s.bin, name)
	var cmd *exec.Cmd
	if asRoot() {
		quoted := []string{shellQuote(path)}
		for _, a := range args {
			quoted = append(quoted, shellQuote(a))
		}
		cmd = exec.Command("su", "postgres", "-s", "/bin/sh", "-c", strings.Join(quoted, " "))
	} else {
		cmd = exec.Command(path, args...)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// newRoot makes a folder the servers' user may write.
func newRoot(t testing.TB) string {
	t.Helper()
	root, err := os.MkdirTemp("", "docgraph-pgtest-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	if asRoot() {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("running as root, and there is no user postgres to run PostgreSQL as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(root, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	return root
}

// StartPrimary initialises a new cluster (user postgres, trust on
// loopback, replication allowed) and starts it on port.
func StartPrimary(t testing.TB, port int) *Server {
	t.Helper()
	s := &Server{t: t, bin: Bin(t), Port: port}
	s.root = newRoot(t)
	s.Dir = filepath.Join(s.root, "data")
	if err := s.run("initdb", "-D", s.Dir, "-A", "trust", "-U", "postgres", "--no-sync"); err != nil {
		t.Fatal(err)
	}
	s.Start()
	t.Cleanup(s.stopQuietly)
	return s
}

// StartStandby makes a streaming-replication standby of s with
// pg_basebackup -R and starts it on port.
func (s *Server) StartStandby(port int) *Server {
	s.t.Helper()
	sb := &Server{t: s.t, bin: s.bin, Port: port}
	sb.root = newRoot(s.t)
	sb.Dir = filepath.Join(sb.root, "data")
	if err := sb.run("pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(s.Port), "-U", "postgres", "-D", sb.Dir, "-R", "-X", "stream", "-c", "fast", "--no-sync"); err != nil {
		s.t.Fatal(err)
	}
	sb.Start()
	s.t.Cleanup(sb.stopQuietly)
	return sb
}

// Start starts the server (again) and waits until it accepts connections.
func (s *Server) Start() {
	s.t.Helper()
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", s.Port, s.root)
	if err := s.run("pg_ctl", "-D", s.Dir, "-o", opts, "-l", filepath.Join(s.root, "log"), "-w", "-t", "60", "start"); err != nil {
		s.t.Fatalf("%v\nserver log:\n%s", err, s.Log())
	}
}

// Stop stops the server at once (pg_ctl -m immediate: connections are
// cut, as when a server fails).
func (s *Server) Stop() {
	s.t.Helper()
	if err := s.run("pg_ctl", "-D", s.Dir, "-m", "immediate", "-w", "stop"); err != nil {
		s.t.Fatal(err)
	}
}

func (s *Server) stopQuietly() {
	s.run("pg_ctl", "-D", s.Dir, "-m", "immediate", "-w", "stop")
}

// Log returns the server's log.
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.root, "log"))
	return string(b)
}

// URL is the address of database db on the server.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.Port, db)
}

// Exec runs statements on database db.
func (s *Server) Exec(db string, sql ...string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, s.URL(db))
	if err != nil {
		s.t.Fatal(err)
	}
	defer c.Close(ctx)
	for _, q := range sql {
		if _, err := c.Exec(ctx, q); err != nil {
			s.t.Fatalf("%s: %v", q, err)
		}
	}
}

// QueryRow runs a one-row query on database db and scans it into dest.
func (s *Server) QueryRow(db, sql string, dest ...any) {
	s.t.Helper()
	if err := s.TryQueryRow(db, sql, dest...); err != nil {
		s.t.Fatal(err)
	}
}

// TryQueryRow is QueryRow returning its error.
func (s *Server) TryQueryRow(db, sql string, dest ...any) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, s.URL(db))
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	if err := c.QueryRow(ctx, sql).Scan(dest...); err != nil {
		return fmt.Errorf("%s: %v", sql, err)
	}
	return nil
}
