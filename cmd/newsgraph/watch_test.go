package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/testsite"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

func childWatch(t *testing.T, feeds, db string, stderr *bytes.Buffer) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "watch", feeds, "--db", db, "--once", // the command, through TestMain
		"--allow-private", "--delay", "20ms", "--timeout", "3s", "--max-bytes", "1048576", "--quiet")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_TEST_MAIN=1")
	cmd.Stdout, cmd.Stderr = stderr, stderr
	return cmd
}

// storeState is what must be equal between an interrupted and an
// uninterrupted run: the texts stored, the groups of copies with the
// outlets that carried each story, and every item's outcome. Documents are
// compared by text, not id: origins are fetched in parallel, so which of
// two identical texts from two outlets arrives first (and is stored, the
// other becoming its exact copy) is a matter of timing in any run.
func storeState(t *testing.T, db string) (docs []string, groups []string, items []string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	group := map[string][]string{}
	err = st.Each(ctx, func(o *document.Output) error {
		sum := sha256.Sum256([]byte(*o.Text))
		h := hex.EncodeToString(sum[:6])
		docs = append(docs, h)
		k := o.ID
		if o.DuplicateOf != "" {
			k = o.DuplicateOf
		}
		group[k] = append(group[k], h)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, g := range group {
		sty, err := st.Story(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		var outlets []string
		for _, c := range sty.Carriers {
			outlets = append(outlets, c.Outlet)
		}
		sort.Strings(g)
		sort.Strings(outlets)
		groups = append(groups, fmt.Sprintf("%s outlets=%s sources=%d", strings.Join(g, ","), strings.Join(outlets, ","), sty.NumSources))
	}
	its, err := st.FeedItems(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range its {
		items = append(items, fmt.Sprintf("%s %s %s", it.URL, it.Status, it.Reason))
	}
	sort.Strings(docs)
	sort.Strings(groups)
	sort.Strings(items)
	return docs, groups, items
}

// progressOf reads how many items are listed and done so far (the
// database is in WAL mode: a reader does not disturb the writer).
func progressOf(db string) (listed, done int) {
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		return 0, 0
	}
	defer st.Close()
	its, _ := st.FeedItems(context.Background(), "")
	for _, it := range its {
		if it.Status == "done" {
			done++
		}
	}
	return len(its), done
}

// TestWatch_KillAndRestart runs watch --once on the test site as a child
// process, kills it with SIGKILL three times (starting up, right after the
// first polls were recorded, mid-fetch),
// restarts it until it finishes, and checks that the store equals that of
// an uninterrupted run: nothing lost, nothing stored twice.
func TestWatch_KillAndRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	site := testsite.Start()
	defer site.Close()
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(feeds, []byte(site.FeedsFile()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	ref := filepath.Join(dir, "ref.db")
	start := time.Now()
	if err := childWatch(t, feeds, ref, &out).Run(); err != nil && !isExit1(err) {
		t.Fatalf("uninterrupted run: %v\n%s", err, out.String())
	}
	t.Logf("uninterrupted run: %.1fs", time.Since(start).Seconds())

	killed := filepath.Join(dir, "killed.db")
	kills := []func() bool{
		func() bool { return time.Since(start) > 300*time.Millisecond },       // starting up
		func() bool { l, d := progressOf(killed); return l > 0 && d < 60 },    // polls recorded, fetching begun
		func() bool { _, d := progressOf(killed); return d >= 60 && d < 150 }, // mid-fetch
	}
	for i, when := range kills {
		out.Reset()
		cmd := childWatch(t, feeds, killed, &out)
		start = time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		deadline := time.After(60 * time.Second)
	wait:
		for {
			select {
			case err := <-exited:
				t.Fatalf("run %d ended before it was killed (%v): %s", i, err, out.String())
			case <-deadline:
				cmd.Process.Kill()
				t.Fatalf("run %d never reached its kill point", i)
			case <-time.After(20 * time.Millisecond):
				if when() {
					break wait
				}
			}
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-exited
		l, d := progressOf(killed)
		t.Logf("killed run %d after %.2fs with %d items listed, %d done", i, time.Since(start).Seconds(), l, d)
	}
	out.Reset()
	if err := childWatch(t, feeds, killed, &out).Run(); err != nil && !isExit1(err) {
		t.Fatalf("restarted run: %v\n%s", err, out.String())
	}
	rd, rg, ri := storeState(t, ref)
	kd, kg, ki := storeState(t, killed)
	if len(rd) != len(site.Articles)-testsite.ExactCopies {
		t.Errorf("reference run stored %d documents, want %d", len(rd), len(site.Articles)-testsite.ExactCopies)
	}
	for _, c := range []struct {
		name     string
		ref, got []string
	}{{"documents", rd, kd}, {"copy groups", rg, kg}, {"items", ri, ki}} {
		if strings.Join(c.ref, "\n") != strings.Join(c.got, "\n") {
			t.Errorf("%s differ after kill -9 and restart (%d vs %d):\n%s", c.name, len(c.ref), len(c.got), diffLines(c.ref, c.got))
		}
	}
}

func isExit1(err error) bool {
	ee, ok := err.(*exec.ExitError)
	return ok && ee.ExitCode() == 1 // some hostile articles failed, as they must
}

func diffLines(a, b []string) string {
	in := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, s := range l {
			m[s] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, s := range a {
		if !mb[s] {
			out = append(out, "- "+s)
		}
	}
	for _, s := range b {
		if !ma[s] {
			out = append(out, "+ "+s)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], "...")
	}
	return strings.Join(out, "\n")
}

// TestWatch_Throughput measures watch --once on the test site as a child
// process with the pipeline, at a politeness delay of 100 ms: the fetch
// phase's wall time against the bound the delay sets (the busiest origin's
// requests one after another), the gaps between that origin's articles, and
// the child's CPU time. Run with NEWSGRAPH_WATCH_BENCH=1 (docs/benchmarks.md).
func TestWatch_Throughput(t *testing.T) {
	if os.Getenv("NEWSGRAPH_WATCH_BENCH") != "1" {
		t.Skip("set NEWSGRAPH_WATCH_BENCH=1")
	}
	site := testsite.Start()
	defer site.Close()
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte(site.FeedsFile()), 0o644)
	var out, errb bytes.Buffer
	const delay = 100 * time.Millisecond
	cmd := exec.Command(os.Args[0], "watch", feeds, "--db", filepath.Join(dir, "t.db"), "--once",
		"--allow-private", "--delay", delay.String(), "--timeout", "2s", "--json")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_TEST_MAIN=1")
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Run(); err != nil && !isExit1(err) {
		t.Fatalf("%v: %s", err, errb.String())
	}
	wall := time.Since(start)
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	var first, last time.Time
	var harbour []time.Time
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var ev struct {
			Time time.Time `json:"time"`
			Kind string    `json:"kind"`
			URL  string    `json:"url"`
		}
		if json.Unmarshal([]byte(line), &ev) != nil {
			continue
		}
		if ev.Kind == "poll" && first.IsZero() {
			first = ev.Time
		}
		if ev.Kind == "article" {
			n++
			last = ev.Time
			if strings.HasPrefix(ev.URL, site.Outlets["harbour"].URL) {
				harbour = append(harbour, ev.Time)
			}
		}
	}
	var gaps []time.Duration
	for i := 1; i < len(harbour); i++ {
		gaps = append(gaps, harbour[i].Sub(harbour[i-1]))
	}
	sort.Slice(gaps, func(i, j int) bool { return gaps[i] < gaps[j] })
	bound := time.Duration(len(harbour)) * delay
	fetchPhase := last.Sub(first)
	t.Logf("watch --once at --delay %s: %d articles; start-up (pipeline load) %.2fs, polls+fetches %.2fs (%.0f articles/s; politeness bound for harbour's %d articles %.1fs); harbour gaps median %s, 90th %s; child CPU %.2fs of %.2fs wall",
		delay, n, first.Sub(start).Seconds(), fetchPhase.Seconds(), float64(n)/fetchPhase.Seconds(), len(harbour), bound.Seconds(),
		gaps[len(gaps)/2].Round(time.Millisecond), gaps[len(gaps)*9/10].Round(time.Millisecond), cpu.Seconds(), wall.Seconds())
}
