package watch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/fetch"
	"github.com/newsgraph/newsgraph/internal/testsite"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// loopbackOnly dials 127.0.0.1 and fails the test for any other address:
// the guard must have refused it before.
type loopbackOnly struct {
	t     *testing.T
	mu    sync.Mutex
	dials int
}

func (l *loopbackOnly) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	ap, err := netip.ParseAddrPort(addr)
	if err != nil || ap.Addr() != netip.MustParseAddr("127.0.0.1") {
		l.t.Errorf("dial attempted to %s", addr)
		return nil, errors.New("test: only 127.0.0.1")
	}
	l.mu.Lock()
	l.dials++
	l.mu.Unlock()
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

func newWatcher(t *testing.T, st Store, delay time.Duration) *Watcher {
	lo := &loopbackOnly{t: t}
	return &Watcher{
		Client:  fetch.New(fetch.Options{AllowPrivate: true, MinDelay: delay, BodyTimeout: 2 * time.Second, HeaderTimeout: 2 * time.Second, MaxBytes: 1 << 20, Dial: lo.dial}),
		Store:   st,
		Options: Options{MaxAttempts: 3, RetryDelay: time.Hour},
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestWatch_TestSite watches the whole test site once: every good article
// is stored once (exact copies recorded as carriers, edited copies linked
// to their originals), every hostile case is refused with its reason in the
// fetch log, the malformed feed is one error, and a second poll finds
// nothing new through conditional GETs. It also measures throughput: the
// politeness delay, not the CPU, bounds it.
func TestWatch_TestSite(t *testing.T) {
	site := testsite.Start()
	defer site.Close()
	srcs, err := ParseSources(strings.NewReader(site.FeedsFile()), "feeds.txt", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const delay = 30 * time.Millisecond
	w := newWatcher(t, st, delay)
	var mu sync.Mutex
	var events []Event
	w.Log = func(e Event) { mu.Lock(); events = append(events, e); mu.Unlock() }

	cpu0, t0 := cpuTime(), time.Now()
	sum, err := w.Once(ctx, srcs)
	wall, cpu := time.Since(t0), cpuTime()-cpu0
	if err != nil {
		t.Fatal(err)
	}
	good := len(site.Articles)
	if want := (Summary{Polled: 6, FeedErrors: 1, NewItems: good + len(testsite.HostilePaths), Stored: good - testsite.ExactCopies,
		Copies: testsite.WireStories, Known: testsite.ExactCopies, Failed: len(testsite.HostilePaths) - 1, Retrying: 1}); func() bool {
		s := sum
		s.Elapsed = 0
		return s != want
	}() {
		t.Errorf("summary = %+v\nwant      %+v", sum, want)
	}
	stats, _ := st.Stats(ctx)
	if stats.Documents != site.Stories() || stats.Copies != testsite.WireStories {
		t.Errorf("stored %d stories and %d copies, want %d and %d", stats.Documents, stats.Copies, site.Stories(), testsite.WireStories)
	}
	// Every good article is stored once under its URL's id, except that
	// of two identical texts (a wire story and its exact copy) only the
	// first to arrive is stored and the other's item points to it. A wire
	// story's stored texts form one group: the first stored is the
	// original (origins are fetched in parallel, so which one that is
	// depends on timing), the others link to it.
	byURL := map[string]testsite.Article{}
	for _, a := range site.Articles {
		byURL[a.URL(site)] = a
	}
	items, _ := st.FeedItems(ctx, "")
	original := map[int]string{} // wire story → its original's id
	for _, it := range items {
		if a, ok := byURL[it.URL]; ok && a.Kind != "own" {
			if o, err := st.Document(ctx, it.DocID); err == nil && o.DuplicateOf == "" {
				if prev, dup := original[a.Story]; dup && prev != o.ID {
					t.Errorf("story %d has two originals: %s and %s", a.Story, prev, o.ID)
				}
				original[a.Story] = o.ID
			}
		}
	}
	reasons := map[string]string{}
	for _, it := range items {
		a, ok := byURL[it.URL]
		if !ok {
			reasons[it.URL[strings.LastIndexByte(it.URL, '/'):]] = it.Status + " " + it.Reason
			continue
		}
		if it.Status != store.ItemDone {
			t.Errorf("%s: %s %s", it.URL, it.Status, it.Reason)
			continue
		}
		o, err := st.Document(ctx, it.DocID)
		if err != nil {
			t.Errorf("%s: document %s: %v", it.URL, it.DocID, err)
			continue
		}
		if a.Kind == "own" {
			if o.ID != read.URLID(it.URL) || o.DuplicateOf != "" || *o.Text != a.Text() || o.Outlet != a.Outlet || o.Title != a.Title {
				t.Errorf("%s: stored %s copy of %q outlet %q title %q", it.URL, o.ID, o.DuplicateOf, o.Outlet, o.Title)
			}
			continue
		}
		if *o.Text != a.Text() && o.ID == read.URLID(it.URL) {
			t.Errorf("%s: stored text differs from the page", it.URL)
		}
		if o.ID != original[a.Story] && o.DuplicateOf != original[a.Story] {
			t.Errorf("%s (%s): document %s, copy of %q; the story's original is %s", it.URL, a.Kind, o.ID, o.DuplicateOf, original[a.Story])
		}
		if a.Kind == "exact" && o.ID == read.URLID(it.URL) {
			// The exact copy arrived first: the wire story's item must point to it.
			for _, it2 := range items {
				if b, ok := byURL[it2.URL]; ok && b.Story == a.Story && b.Kind == "wire" && it2.DocID != o.ID {
					t.Errorf("%s: item points to %s, not to its identical text %s", it2.URL, it2.DocID, o.ID)
				}
			}
		}
	}
	if len(original) != testsite.WireStories {
		t.Errorf("%d wire stories have an original, want %d", len(original), testsite.WireStories)
	}
	want := map[string]string{
		"/redirect-metadata": "failed blocked", "/bomb": "failed too-large", "/slow": "retry timeout",
		"/logo.png": "failed content-type", "/secret": "failed robots", "/gone": "failed http-status",
	}
	for k, v := range want {
		if reasons[k] != v {
			t.Errorf("hostile %s: %q, want %q", k, reasons[k], v)
		}
	}
	// NumSources: harbour, valley and (for the first half) plateau.
	for _, a := range site.Articles {
		if a.Kind != "wire" {
			continue
		}
		sty, err := st.Story(ctx, original[a.Story])
		want := 2
		if strings.Compare(a.Path, fmt.Sprintf("/wire/%03d", testsite.ExactCopies)) < 0 {
			want = 3
		}
		if err != nil || sty.NumSources != want {
			t.Errorf("%s: NumSources %d (%v), want %d", a.Path, sty.NumSources, err, want)
		}
	}
	// The malformed feed: one error in its state and log; the others went on.
	broken := srcs[len(srcs)-1].Feed
	fs, _ := st.FeedState(ctx, broken)
	log, _ := st.FetchLog(ctx, broken, 0)
	if fs.Failures != 1 || fs.LastError == "" || len(log) != 1 || log[0].Reason != "parse" {
		t.Errorf("malformed feed: state %+v log %+v", fs, log)
	}
	all, _ := st.FetchLog(ctx, "", 1000)
	byReason := map[string]int{}
	for _, l := range all {
		byReason[l.Kind+" "+l.Reason]++
	}
	t.Logf("fetch log: %v", byReason)
	t.Logf("gzip bomb: %d compressed bytes sent before the client hung up", site.BombBytes.Load())

	// Throughput: one origin's items take their turns delay apart.
	perOrigin := map[string]int{}
	for _, it := range items {
		perOrigin[originKey(it.URL)]++
	}
	busiest := 0
	for _, n := range perOrigin {
		busiest = max(busiest, n)
	}
	bound := time.Duration(busiest) * delay
	t.Logf("throughput: %d articles in %.2fs wall (%.0f/s), %.2fs CPU (%.0f%% of one core); the busiest origin's %d requests need ≥ %s at %s apart",
		len(items), wall.Seconds(), float64(len(items))/wall.Seconds(), cpu.Seconds(), 100*cpu.Seconds()/wall.Seconds(), busiest, bound, delay)
	if wall < bound {
		t.Errorf("the run took %s, less than the politeness bound %s", wall, bound)
	}

	// A second poll: conditional GETs answer 304, nothing is fetched again.
	before := site.Requests.Load()
	sum2, err := w.Once(ctx, srcs)
	if err != nil {
		t.Fatal(err)
	}
	if sum2.NotModified != 5 || sum2.NewItems != 0 || sum2.Stored != 0 || sum2.FeedErrors != 1 {
		t.Errorf("second poll: %+v", sum2)
	}
	if n := site.Requests.Load() - before; n != 6 {
		t.Errorf("second poll made %d requests, want 6 (one per feed)", n)
	}
	sort.Slice(events, func(i, j int) bool { return events[i].Time.Before(events[j].Time) })
	if len(events) == 0 || events[len(events)-1].Kind != "cycle" {
		t.Errorf("no cycle summary event")
	}
}

// TestWatch_RetryThenFail: a transient failure is retried when due and
// fails for good after MaxAttempts.
func TestWatch_RetryThenFail(t *testing.T) {
	site := testsite.Start()
	defer site.Close()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := newWatcher(t, st, -1)
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	w.Now = func() time.Time { return now }
	w.Options.RetryDelay = time.Minute
	hostile := Source{Feed: site.Outlets["hostile"].URL + "/rss.xml"}
	for i := 0; i < 3; i++ {
		if _, err := w.Once(ctx, []Source{hostile}); err != nil {
			t.Fatal(err)
		}
		now = now.Add(10 * time.Minute)
	}
	items, _ := st.FeedItems(ctx, hostile.Feed)
	for _, it := range items {
		if strings.HasSuffix(it.URL, "/slow") && (it.Status != store.ItemFailed || it.Attempts != 3 || it.Reason != "timeout") {
			t.Errorf("slow body after 3 cycles: %+v", it)
		}
	}
}

func TestParseSources(t *testing.T) {
	dir := t.TempDir()
	srcs, err := ParseSources(strings.NewReader(`# comment
https://a.example/rss.xml outlet="A Daily" every=10m
  local/feed.xml   # trailing comment

https://b.example/feed#frag outlet=B
`), "f.txt", dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Source{
		{Feed: "https://a.example/rss.xml", Outlet: "A Daily", Every: 10 * time.Minute, Line: 2},
		{Feed: filepath.Join(dir, "local/feed.xml"), Line: 3},
		{Feed: "https://b.example/feed#frag", Outlet: "B", Line: 5},
	}
	if fmt.Sprint(srcs) != fmt.Sprint(want) {
		t.Errorf("sources = %+v\nwant %+v", srcs, want)
	}
	_, err = ParseSources(strings.NewReader("ftp://x.example/f\nhttps://a.example/ every=5s\nhttps://a.example/ colour=red\nhttps://c.example/ outlet=\"open\nhttps://d.example/\nhttps://d.example/\n"), "bad.txt", dir)
	for _, frag := range []string{"bad.txt:1: ", "bad.txt:2: every=5s", "bad.txt:3: unknown option", "bad.txt:4: unclosed quote", "bad.txt:6: https://d.example/ is already listed on line 5"} {
		if err == nil || !strings.Contains(err.Error(), frag) {
			t.Errorf("error %v lacks %q", err, frag)
		}
	}
	if _, err := ParseSources(strings.NewReader("# nothing\n"), "empty.txt", dir); err == nil {
		t.Error("empty feeds file accepted")
	}
}

func FuzzParseSources(f *testing.F) {
	f.Add("https://a.example/rss.xml outlet=\"A Daily\" every=10m\nlocal.xml # c\n")
	f.Add("\"unclosed\nftp://x\n")
	f.Fuzz(func(t *testing.T, text string) {
		srcs, err := ParseSources(strings.NewReader(text), "fuzz.txt", "/feeds")
		if err != nil {
			return
		}
		for _, s := range srcs {
			if s.Feed == "" || (!s.Local() && !strings.Contains(s.Feed, "://")) || (s.Every != 0 && s.Every < time.Minute) {
				t.Fatalf("bad source %+v", s)
			}
		}
	})
}
