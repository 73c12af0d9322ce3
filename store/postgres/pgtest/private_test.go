package pgtest

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestPrivate starts a private server, writes a row, crashes the server
// (pg_ctl restart -m immediate) and reads the row back: committed data
// survives the crash, a connection from before it is broken, and the
// server listens on 127.0.0.1 only. At the end the directory is gone.
func TestPrivate(t *testing.T) {
	ctx := context.Background()
	var dir string
	t.Run("server", func(t *testing.T) {
		p := StartPrivate(t)
		dir = p.dir
		url := p.Database(t, "pgfault_private")
		c, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, `CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (7)`); err != nil {
			t.Fatal(err)
		}
		away := p.Restart(t, "immediate")
		t.Logf("restarted (immediate) in %v", away)
		if _, err := c.Exec(ctx, `SELECT 1`); err == nil {
			t.Error("a connection from before the crash still works")
		}
		c2, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer c2.Close(ctx)
		var v int
		if err := c2.QueryRow(ctx, `SELECT v FROM t`).Scan(&v); err != nil || v != 7 {
			t.Errorf("after the crash: %d, %v; want the committed 7", v, err)
		}
		var listen string
		if err := c2.QueryRow(ctx, `SHOW listen_addresses`).Scan(&listen); err != nil || listen != "127.0.0.1" {
			t.Errorf("listen_addresses = %q, %v", listen, err)
		}
		if _, err := net.Dial("unix", dir+"/.s.PGSQL."+strconv.Itoa(p.port)); err != nil {
			t.Errorf("no unix socket in the temporary directory: %v", err)
		}
	})
	if dir != "" {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%s is still there after the test: %v", dir, err)
		}
	}
}

// TestSweepStale: a private server whose owning process is gone (a test
// binary killed before its cleanup) is stopped and its directory removed
// by the next start's sweep; a server whose owner lives is left alone.
func TestSweepStale(t *testing.T) {
	ctx := context.Background()
	live := StartPrivate(t)
	stale := StartPrivate(t)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skipf("no process to take a dead pid from: %v", err)
	}
	if err := os.WriteFile(filepath.Join(stale.dir, ownerFile), []byte(strconv.Itoa(dead.Process.Pid)), 0o644); err != nil {
		t.Fatal(err)
	}
	sweepStale(os.TempDir(), stale.bin, stale.as)
	if _, err := os.Stat(stale.dir); !os.IsNotExist(err) {
		t.Errorf("stale server's directory %s is still there: %v", stale.dir, err)
	}
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if c, err := pgx.Connect(cctx, stale.URL); err == nil {
		c.Close(ctx)
		t.Error("the stale server still answers")
	}
	c, err := pgx.Connect(cctx, live.URL)
	if err != nil {
		t.Fatalf("the live server was swept: %v", err)
	}
	c.Close(ctx)
}
