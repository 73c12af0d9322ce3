package httpapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// heavyRequests scan much of the store: aggregates over every row, deep
// offsets, filters that match nothing.
var heavyRequests = []string{
	"/api/quotes?speaker=nobodyatall",
	"/api/entities?entity=zzzz",
	"/api/groups?kind=events&by=target_actor&limit=10",
	"/api/series?kind=events&bucket=day&by=plover",
	"/api/network?limit=80",
	"/api/events?limit=50&offset=2500",
	"/api/search?q=witness*&limit=50",
	"/api/facets?kind=documents&limit=8",
}

// loadStore returns a read-only store of n synthetic documents: the one
// NEWSGRAPH_LOAD_DB names when set (built once, kept), else a temporary one.
func loadStore(tb testing.TB, n int) (store.Store, []string, int) {
	tb.Helper()
	ctx := context.Background()
	path := os.Getenv("NEWSGRAPH_LOAD_DB")
	if path == "" {
		path = filepath.Join(tb.TempDir(), "load.db")
	}
	if _, err := os.Stat(path); err != nil {
		w, err := sqlite.Open(ctx, path)
		if err != nil {
			tb.Fatal(err)
		}
		docs := storetest.Synthetic(n)
		for i := 0; i < len(docs); i += 500 {
			if _, err := w.PutBatch(ctx, docs[i:min(i+500, len(docs))]); err != nil {
				tb.Fatal(err)
			}
		}
		w.Close()
	}
	st, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	stats, err := st.Stats(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	ids := make([]string, 0, 200)
	for i := 0; i < 200; i++ {
		ids = append(ids, fmt.Sprintf("synthetic-%06d", (i*7919)%stats.Documents))
	}
	return st, ids, stats.Documents
}

// TestLoad_CheapLane: with 16 clients sending heavy requests without pause,
// /api/documents/{id} keeps its p99 under 50 ms. The load lasts a bounded
// time (NEWSGRAPH_LOAD_SECONDS, default 4).
func TestLoad_CheapLane(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: skipped in -short mode")
	}
	loadBefore := loadAverage()
	n := 3000
	if v, err := strconv.Atoi(os.Getenv("NEWSGRAPH_LOAD_DOCS")); err == nil && v > 0 {
		n = v
	}
	st, ids, n := loadStore(t, n)
	api, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	get := func(u string) (int, error) {
		resp, err := client.Get(srv.URL + u)
		if err != nil {
			return 0, err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	seconds := 4
	if v, err := strconv.Atoi(os.Getenv("NEWSGRAPH_LOAD_SECONDS")); err == nil && v > 0 {
		seconds = v
	}
	stop := time.Now().Add(time.Duration(seconds) * time.Second)
	var heavyDone, heavyBusy atomic.Int64
	var wg sync.WaitGroup
	for c := 0; c < 16; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; time.Now().Before(stop); i++ {
				code, err := get(heavyRequests[i%len(heavyRequests)])
				switch {
				case err != nil:
					t.Errorf("heavy request: %v", err)
					return
				case code == http.StatusServiceUnavailable:
					heavyBusy.Add(1)
				case code != http.StatusOK:
					t.Errorf("%s: status %d", heavyRequests[i%len(heavyRequests)], code)
				}
				heavyDone.Add(1)
			}
		}(c)
	}
	time.Sleep(200 * time.Millisecond) // let the heavy lane fill
	var lat []time.Duration
	for i := 0; time.Now().Before(stop); i++ {
		t0 := time.Now()
		code, err := get("/api/documents/" + ids[i%len(ids)])
		if err != nil || code != http.StatusOK {
			t.Fatalf("document: %d, %v", code, err)
		}
		lat = append(lat, time.Since(t0))
		time.Sleep(5 * time.Millisecond)
	}
	wg.Wait()
	slices.Sort(lat)
	p := func(q float64) time.Duration { return lat[min(len(lat)-1, int(q*float64(len(lat))))] }
	t.Logf("%d documents, 16 heavy clients for %ds: %d heavy requests (%d answered 503); /api/documents/{id}: %d requests, p50 %v p99 %v max %v",
		n, seconds, heavyDone.Load(), heavyBusy.Load(), len(lat), p(0.5), p(0.99), lat[len(lat)-1])
	// The bound is 50 ms on a machine with a core to spare; on one whose
	// other processes already keep every core busy (a shared CI runner),
	// the operating system's scheduling delays are not ours to bound, and
	// the bound grows with the load per core.
	bound := 50 * time.Millisecond
	if perCore := loadBefore / float64(runtime.NumCPU()); perCore > 1 {
		bound = time.Duration(float64(bound) * perCore)
		t.Logf("load average %.1f on %d cores before the test: bound %v", loadBefore, runtime.NumCPU(), bound)
	}
	if p99 := p(0.99); p99 > bound {
		t.Errorf("/api/documents/{id} p99 %v, over %v", p99, bound)
	}
}

// loadAverage returns the 1-minute load average (0 when unknown).
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	var l float64
	fmt.Sscanf(string(b), "%f", &l)
	return l
}
