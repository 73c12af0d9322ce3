package pgtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Private is a PostgreSQL server of a test's own, for tests that stop or
// crash the server (the machine's server is shared with other tests):
// initdb and pg_ctl of the newest /usr/lib/postgresql/*/bin (or
// NEWSGRAPH_TEST_PGBIN), a data directory in a temporary directory,
// listening on 127.0.0.1 only, on a free port, its unix socket in the same
// temporary directory; stopped and removed when the test ends. Run as root
// (CI), the server runs as user postgres (runuser): PostgreSQL refuses
// root. A test binary killed before its cleanup leaves its server running:
// the next StartPrivate stops every server whose owning process is gone
// (sweepStale).
type Private struct {
	bin  string // directory of initdb, pg_ctl, postgres
	dir  string // the temporary directory: data/, the socket, the log
	port int
	as   []string // the command prefix that runs a program as the server's user
	// URL is the administrative database's URL (user postgres, trust).
	URL string
}

// StartPrivate initialises and starts a private server. Without PostgreSQL
// binaries the test is skipped with a message saying so, unless CI=true,
// where it fails.
func StartPrivate(tb testing.TB) *Private {
	tb.Helper()
	bin, err := binDir()
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("pgtest: %v (CI=true, so this is a failure)", err)
		}
		tb.Skipf("pgtest: %v, skipping (CI=true makes this a failure)", err)
	}
	as, err := serverUser()
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	sweepStale(os.TempDir(), bin, as)
	dir, err := os.MkdirTemp("", privatePrefix)
	if err != nil {
		tb.Fatal(err)
	}
	p := &Private{bin: bin, dir: dir, as: as}
	tb.Cleanup(func() { p.stop(tb) })
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		tb.Fatal(err)
	}
	if os.Geteuid() == 0 {
		u, _ := user.Lookup("postgres")
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			tb.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	if out, err := p.run(filepath.Join(bin, "initdb"), "-D", p.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		tb.Fatalf("pgtest: initdb: %v\n%s", err, out)
	}
	if p.port, err = freePort(); err != nil {
		tb.Fatal(err)
	}
	p.URL = "postgres://postgres@127.0.0.1:" + strconv.Itoa(p.port) + "/postgres"
	if out, err := p.ctl("start"); err != nil {
		tb.Fatalf("pgtest: pg_ctl start: %v\n%s\n%s", err, out, p.log())
	}
	return p
}

// privatePrefix names the temporary directories of private servers, and
// ownerFile, inside one, holds the process id of the test binary that
// started it.
const (
	privatePrefix = "newsgraph-pg-"
	ownerFile     = "owner"
)

// serverUser returns the command prefix that runs a program as the
// server's user: none, or runuser as postgres when running as root
// (PostgreSQL refuses root).
func serverUser() ([]string, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	if _, err := user.Lookup("postgres"); err != nil {
		return nil, fmt.Errorf("running as root, and no user postgres to run the server as: %w", err)
	}
	return []string{"runuser", "-u", "postgres", "--"}, nil
}

// sweepStale stops (immediately) and removes the private servers under tmp
// whose owning process no longer exists: those of a test binary killed
// before its cleanup ran. A directory without an owner file, or whose
// owner is alive, is left alone.
func sweepStale(tmp, bin string, as []string) {
	dirs, _ := filepath.Glob(filepath.Join(tmp, privatePrefix+"*"))
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(string(bytes.TrimSpace(b)))
		if err != nil || pid <= 0 || alive(pid) {
			continue
		}
		p := &Private{bin: bin, dir: dir, as: as}
		if _, err := os.Stat(filepath.Join(p.data(), "postmaster.pid")); err == nil {
			p.run(filepath.Join(bin, "pg_ctl"), "stop", "-D", p.data(), "-m", "immediate", "-w", "-t", "30")
		}
		os.RemoveAll(dir)
	}
}

// alive reports whether process pid exists (signal 0: EPERM means it does).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// binDir finds the directory of initdb and pg_ctl.
func binDir() (string, error) {
	if d := os.Getenv("NEWSGRAPH_TEST_PGBIN"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err != nil {
			return "", fmt.Errorf("no PostgreSQL binaries in NEWSGRAPH_TEST_PGBIN: %w", err)
		}
		return d, nil
	}
	ms, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	// the newest version: numeric order of the version directory
	slices.SortFunc(ms, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(a))))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(b))))
		return va - vb
	})
	for i := len(ms) - 1; i >= 0; i-- {
		d := filepath.Dir(ms[i])
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("no PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or NEWSGRAPH_TEST_PGBIN")
}

// freePort returns a TCP port of 127.0.0.1 nothing listens on.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (p *Private) data() string { return filepath.Join(p.dir, "data") }

// run runs a program as the server's user and returns its output.
func (p *Private) run(prog string, args ...string) ([]byte, error) {
	argv := append(append(slices.Clone(p.as), prog), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = p.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}

// ctl runs pg_ctl with the server's options: 127.0.0.1 only, the socket in
// the temporary directory, no fsync (a crash of the server, not of the
// machine, loses nothing with it: what was written is in the page cache).
func (p *Private) ctl(action string, args ...string) ([]byte, error) {
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories=%s -c fsync=off -c max_connections=40 -c shared_buffers=32MB",
		p.port, p.dir)
	argv := append([]string{action, "-D", p.data(), "-l", filepath.Join(p.dir, "log"), "-w", "-t", "60", "-o", opts}, args...)
	return p.run(filepath.Join(p.bin, "pg_ctl"), argv...)
}

// log returns the server's log.
func (p *Private) log() string {
	b, _ := os.ReadFile(filepath.Join(p.dir, "log"))
	return string(b)
}

// Database creates a new, empty database on the server and returns its URL.
func (p *Private) Database(tb testing.TB, name string) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, p.URL)
	if err != nil {
		tb.Fatalf("pgtest: private server: %v", err)
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(ctx, `CREATE DATABASE `+pgx.Identifier{name}.Sanitize()); err != nil {
		tb.Fatalf("pgtest: create database %s: %v", name, err)
	}
	return withDatabase(p.URL, name)
}

// Restart restarts the server with pg_ctl restart -m mode ("immediate": a
// crash, every process killed at once and the WAL replayed at start;
// "fast": a clean shutdown) and returns how long it was away.
func (p *Private) Restart(tb testing.TB, mode string) time.Duration {
	tb.Helper()
	start := time.Now()
	if out, err := p.ctl("restart", "-m", mode); err != nil {
		tb.Fatalf("pgtest: pg_ctl restart -m %s: %v\n%s\n%s", mode, err, out, p.log())
	}
	return time.Since(start)
}

// stop stops the server (immediately: its data is thrown away) and removes
// its directory.
func (p *Private) stop(tb testing.TB) {
	if p.port != 0 {
		if out, err := p.ctl("stop", "-m", "immediate"); err != nil {
			if _, serr := os.Stat(filepath.Join(p.data(), "postmaster.pid")); serr == nil {
				tb.Errorf("pgtest: pg_ctl stop: %v\n%s", err, out)
			}
		}
	}
	if err := os.RemoveAll(p.dir); err != nil {
		tb.Errorf("pgtest: remove %s: %v", p.dir, err)
	}
}
