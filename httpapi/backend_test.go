package httpapi

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// testStoreEnv names the backend the API tests run on: unset for SQLite,
// "postgres" in the run TestAPI_Postgres starts.
const testStoreEnv = "NEWSGRAPH_TEST_STORE"

// openAPIStore opens the empty store the API tests fill: a SQLite file, or
// a fresh PostgreSQL database when testStoreEnv says so. It is closed when
// t ends.
func openAPIStore(t *testing.T) store.Store {
	t.Helper()
	var st store.Store
	var err error
	if os.Getenv(testStoreEnv) == "postgres" {
		st, err = postgres.Open(context.Background(), pgtest.URL(t))
	} else {
		st, err = sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.db"))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestAPI_Postgres runs every API test (TestAPI_*) again, in a child run of
// this test binary, over a PostgreSQL store: the API answers the same from
// both backends.
func TestAPI_Postgres(t *testing.T) {
	if os.Getenv(testStoreEnv) != "" {
		t.Skip("this is the PostgreSQL run")
	}
	pgtest.Require(t)
	cmd := exec.Command(os.Args[0], "-test.run", "^TestAPI_", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), testStoreEnv+"=postgres")
	out, err := cmd.CombinedOutput()
	passed := regexp.MustCompile(`(?m)^--- PASS: (TestAPI_\w+)`).FindAllStringSubmatch(string(out), -1)
	if err != nil || len(passed) < 5 {
		t.Fatalf("API tests over PostgreSQL: %v (%d passed)\n%s", err, len(passed), out)
	}
	var names []string
	for _, m := range passed {
		names = append(names, m[1])
	}
	t.Logf("passed over PostgreSQL: %s", strings.Join(names, " "))
}
