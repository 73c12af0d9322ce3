package httpapi

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store/sqlite"
)

// dashboardRequests are the requests the dashboard's views make, with and
// without filters (the first view, #/search, makes the first three).
var dashboardRequests = []string{
	"/api/stats",
	"/api/facets?kind=documents&limit=8",
	"/api/documents?limit=20",
	"/api/facets?kind=documents&limit=8&text=oil",
	"/api/search?q=oil&limit=20",
	"/api/facets?kind=documents&limit=8&place=GB",
	"/api/documents?limit=20&topic=business",
	"/api/facets?kind=events&limit=8&negated=exclude&hypothetical=exclude",
	"/api/series?kind=events&bucket=week&by=quad&negated=exclude&hypothetical=exclude",
	"/api/series?kind=events&bucket=day&by=plover&negated=exclude&hypothetical=exclude",
	"/api/network?limit=80&negated=exclude&hypothetical=exclude",
	"/api/geo/events?limit=400&negated=exclude&hypothetical=exclude",
	"/api/geo/locations?limit=400&negated=exclude&hypothetical=exclude",
	"/api/events?limit=25&negated=exclude&hypothetical=exclude",
	"/api/events?limit=25&offset=500&negated=exclude&hypothetical=exclude",
	"/api/events?limit=25&plover=AGREE&place=US&negated=exclude&hypothetical=exclude",
	"/api/series?kind=events&bucket=week&by=quad&actor=USA&negated=exclude&hypothetical=exclude",
	"/api/facets?kind=events&limit=8&actor=USA&negated=exclude&hypothetical=exclude",
	"/api/geo/locations?limit=400&actor=USA&negated=exclude&hypothetical=exclude",
	"/api/counts?limit=1000",
	"/api/counts?limit=25",
	"/api/counts?limit=25&category=KILL",
	"/api/groups?kind=counts&by=category&limit=12",
	"/api/groups?kind=counts&by=place&limit=10",
	"/api/groups?kind=counts&by=object&limit=10",
	"/api/groups?kind=counts&by=place&limit=10&category=KILL",
	"/api/series?kind=quotes&bucket=month&actor=USAGOV",
	"/api/quotes?limit=10&actor=USAGOV",
	"/api/events?limit=15&source_actor=USAGOV",
	"/api/groups?kind=events&by=target_actor&limit=10&source_actor=USA",
	"/api/groups?kind=quotes&by=source&limit=10&speaker=Reagan",
	"/api/series?kind=quotes&bucket=month&speaker=Reagan",
}

// TestDashboardPerformance times every dashboard request on the store named
// by NEWSGRAPH_PERF_DB (for example all of BBC and Reuters-21578, see
// docs/benchmarks.md) and fails when a request's p95 is over 150 ms.
// Requests run one at a time, in process, after one warm-up pass.
func TestDashboardPerformance(t *testing.T) {
	path := os.Getenv("NEWSGRAPH_PERF_DB")
	if path == "" {
		t.Skip("set NEWSGRAPH_PERF_DB to a store to time the dashboard's requests")
	}
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	api, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(api)
	defer ts.Close()
	// fetch returns the request's wall time and the CPU time (user + system)
	// the test process, client and server, spent on it.
	fetch := func(u string) (time.Duration, time.Duration) {
		c0 := cpuTime()
		t0 := time.Now()
		resp, err := http.Get(ts.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", u, resp.StatusCode)
		}
		return time.Since(t0), cpuTime() - c0
	}
	for _, u := range dashboardRequests {
		fetch(u)
	}
	const runs = 20
	walls, cpus := map[string][]time.Duration{}, map[string][]time.Duration{}
	for range runs {
		for _, u := range dashboardRequests {
			w, c := fetch(u)
			walls[u], cpus[u] = append(walls[u], w), append(cpus[u], c)
		}
	}
	p := func(ts []time.Duration, q int) time.Duration {
		slices.Sort(ts)
		return ts[(len(ts)*q+99)/100-1]
	}
	var worstWall, worstCPU time.Duration
	for _, u := range dashboardRequests {
		w50, w95, c50, c95 := p(walls[u], 50), p(walls[u], 95), p(cpus[u], 50), p(cpus[u], 95)
		worstWall, worstCPU = max(worstWall, w95), max(worstCPU, c95)
		t.Logf("wall p50 %6.1f p95 %6.1f ms · CPU p50 %6.1f p95 %6.1f ms  %s", ms(w50), ms(w95), ms(c50), ms(c95), u)
		// CPU time, not wall time, is held to the budget: on a shared
		// machine the wall time measures the other jobs too.
		if c95 > 150*time.Millisecond {
			t.Errorf("%s: CPU p95 %.1f ms is over 150 ms", u, ms(c95))
		}
	}
	t.Logf("worst p95: wall %.1f ms, CPU %.1f ms over %d requests × %d runs", ms(worstWall), ms(worstCPU), len(dashboardRequests), runs)
}

// cpuTime is the process's user + system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
