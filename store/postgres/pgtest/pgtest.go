// Package pgtest gives tests a fresh PostgreSQL database on the machine's
// server: URL creates one named newsgraph_test_<time>_<random> and drops it
// when the test ends. Without a server the test is skipped with a message
// saying so, unless the environment has CI=true, where a missing server is
// a failure (CI starts one: .ci/run).
//
// The server is NEWSGRAPH_TEST_POSTGRES when set, else
// postgres://postgres@127.0.0.1:5432/postgres (trust authentication).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultServer is the administrative database URL used when
// NEWSGRAPH_TEST_POSTGRES is not set.
const DefaultServer = "postgres://postgres@127.0.0.1:5432/postgres"

// prefix starts the name of every database this package creates.
const prefix = "newsgraph_test_"

// staleAfter is the age after which a test database left by a killed test
// run is dropped by the next run.
const staleAfter = 3 * time.Hour

// Server returns the administrative URL tests connect to.
func Server() string {
	if u := os.Getenv("NEWSGRAPH_TEST_POSTGRES"); u != "" {
		return u
	}
	return DefaultServer
}

// Available connects to the server and reports why it cannot be used
// (nil when it can).
func Available(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, Server())
	if err != nil {
		return err
	}
	return c.Close(ctx)
}

// Require skips tb (or, with CI=true, fails it) when no server answers.
func Require(tb testing.TB) {
	tb.Helper()
	if err := Available(context.Background()); err != nil {
		missing(tb, err)
	}
}

func missing(tb testing.TB, err error) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("pgtest: no PostgreSQL server at %s (CI=true, so this is a failure; .ci/run starts it): %v", redact(Server()), err)
	}
	tb.Skipf("pgtest: no PostgreSQL server at %s, skipping (set NEWSGRAPH_TEST_POSTGRES, or CI=true to fail instead): %v", redact(Server()), err)
}

// URL creates a new, empty database and returns its URL; the database is
// dropped (its connections closed) when tb ends. Close stores opened on it
// in a Cleanup registered after URL, or before the test returns.
func URL(tb testing.TB) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, Server())
	if err != nil {
		missing(tb, err)
		return ""
	}
	defer admin.Close(context.Background())
	dropStale(ctx, admin)
	var rnd [4]byte
	rand.Read(rnd[:])
	name := prefix + strconv.FormatInt(time.Now().Unix(), 10) + "_" + hex.EncodeToString(rnd[:])
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		tb.Fatalf("pgtest: create database %s: %v", name, err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, Server())
		if err != nil {
			tb.Errorf("pgtest: drop database %s: %v", name, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			tb.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	return withDatabase(Server(), name)
}

// withDatabase returns server's URL with its database replaced by name.
func withDatabase(server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		return server
	}
	u.Path = "/" + name
	return u.String()
}

// dropStale drops test databases older than staleAfter (left by test runs
// that were killed before their cleanup).
func dropStale(ctx context.Context, admin *pgx.Conn) {
	rows, err := admin.Query(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'newsgraph\_test\_%'`)
	if err != nil {
		return
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, n := range names {
		ts, _, ok := strings.Cut(strings.TrimPrefix(n, prefix), "_")
		sec, err := strconv.ParseInt(ts, 10, 64)
		if !ok || err != nil || time.Since(time.Unix(sec, 0)) < staleAfter {
			continue
		}
		admin.Exec(ctx, `DROP DATABASE IF EXISTS `+pgx.Identifier{n}.Sanitize()+` WITH (FORCE)`)
	}
}

func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.Redacted()
}

// Exec runs sql on the database at dbURL (for tests that need to reach
// behind a store, e.g. to end its connections).
func Exec(tb testing.TB, dbURL, sql string, args ...any) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(ctx, sql, args...); err != nil {
		tb.Fatalf("pgtest: %s: %v", sql, err)
	}
}

// Terminate ends, from the server side, every connection to the database
// of dbURL (as a server restart would for its clients) and returns how
// many it ended.
func Terminate(tb testing.TB, dbURL string) int {
	tb.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, Server())
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	defer c.Close(context.Background())
	var n int
	if err := c.QueryRow(ctx, `SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = $1 AND pid <> pg_backend_pid()`, strings.TrimPrefix(u.Path, "/")).Scan(&n); err != nil {
		tb.Fatalf("pgtest: terminate: %v", err)
	}
	return n
}
