package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeResolver answers from a table; it never sends a DNS query.
type fakeResolver struct {
	mu      sync.Mutex
	answers map[string][]netip.Addr
	asked   []string
}

func (f *fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, host)
	a, ok := f.answers[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return a, nil
}

func addrs(ss ...string) []netip.Addr {
	var out []netip.Addr
	for _, s := range ss {
		out = append(out, netip.MustParseAddr(s))
	}
	return out
}

// dialRecorder records every dial the guard lets through; it connects only
// to 127.0.0.1 and fails the test for anything else.
type dialRecorder struct {
	t     *testing.T
	mu    sync.Mutex
	dials []string
}

func (d *dialRecorder) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	d.mu.Lock()
	d.dials = append(d.dials, addr)
	d.mu.Unlock()
	ap, err := netip.ParseAddrPort(addr)
	if err != nil || ap.Addr() != netip.MustParseAddr("127.0.0.1") {
		d.t.Errorf("dial attempted to %s: only 127.0.0.1 may ever be dialled in tests", addr)
		return nil, errors.New("test: refused to dial " + addr)
	}
	var nd net.Dialer
	return nd.DialContext(ctx, network, addr)
}

func (d *dialRecorder) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.dials)
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		want AddressClass
	}{
		{"8.8.8.8", Public},
		{"1.1.1.1", Public},
		{"2a00:1450:4001:82a::200e", Public},
		{"127.0.0.1", Loopback},
		{"127.8.9.10", Loopback},
		{"::1", Loopback},
		{"::ffff:127.0.0.1", Loopback},
		{"10.1.2.3", Private},
		{"172.16.0.1", Private},
		{"172.31.255.255", Private},
		{"172.32.0.1", Public},
		{"192.168.1.1", Private},
		{"::ffff:192.168.1.1", Private},
		{"169.254.169.254", LinkLocal},
		{"fe80::1", LinkLocal},
		{"fe80::1%eth0", LinkLocal},
		{"224.0.0.1", Multicast},
		{"239.255.255.250", Multicast},
		{"ff02::1", Multicast},
		{"0.0.0.0", Unspecified},
		{"::", Unspecified},
		{"100.64.0.1", CGNAT},
		{"100.127.255.254", CGNAT},
		{"100.128.0.1", Public},
		{"fd00::1", UniqueLocal},
		{"255.255.255.255", Reserved},
		{"64:ff9b::a9fe:a9fe", LinkLocal}, // NAT64 of 169.254.169.254
		{"64:ff9b::808:808", Public},      // NAT64 of 8.8.8.8
		{"2002:a9fe:a9fe::1", Reserved},   // 6to4 of a link-local address
	} {
		if got := Classify(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("Classify(%s) = %q, want %q", tc.ip, got, tc.want)
		}
	}
}

// TestGuard_RefusedBeforeAnyConnection resolves test names to non-public
// addresses through a fake resolver and checks that every fetch fails with
// a BlockedError and that the dialer was never called: nothing was sent.
func TestGuard_RefusedBeforeAnyConnection(t *testing.T) {
	res := &fakeResolver{answers: map[string][]netip.Addr{
		"metadata.test":  addrs("169.254.169.254"),
		"intranet.test":  addrs("10.0.0.5"),
		"home.test":      addrs("192.168.1.1"),
		"loop.test":      addrs("127.0.0.1"),
		"v6local.test":   addrs("fe80::1"),
		"v6loop.test":    addrs("::1"),
		"mapped.test":    addrs("::ffff:10.0.0.1"),
		"cgnat.test":     addrs("100.64.3.4"),
		"zero.test":      addrs("0.0.0.0"),
		"multicast.test": addrs("224.0.0.251"),
		"ula.test":       addrs("fd12:3456::1"),
		"mixed.test":     addrs("10.0.0.1", "169.254.1.1"),
	}}
	rec := &dialRecorder{t: t}
	c := New(Options{Resolver: res, Dial: rec.dial, MinDelay: -1})
	for host, want := range map[string]AddressClass{
		"metadata.test": LinkLocal, "intranet.test": Private, "home.test": Private, "loop.test": Loopback,
		"v6local.test": LinkLocal, "v6loop.test": Loopback, "mapped.test": Private, "cgnat.test": CGNAT,
		"zero.test": Unspecified, "multicast.test": Multicast, "ula.test": UniqueLocal, "mixed.test": Private,
	} {
		for _, u := range []string{"http://" + host + "/latest/meta-data/", "https://" + host + ":8443/x"} {
			_, err := c.Get(context.Background(), Request{URL: u})
			var be *BlockedError
			if !errors.As(err, &be) || be.Class != want || Reason(err) != "blocked" {
				t.Errorf("Get(%s) = %v, want a %s BlockedError", u, err, want)
			}
		}
	}
	// Literal addresses are vetted without a lookup (0x7f000001 is no
	// literal to Go: the fake resolver does not know it).
	for _, u := range []string{"http://169.254.169.254/", "http://[fe80::1%25eth0]/", "http://127.0.0.1:1/", "http://[::ffff:169.254.169.254]/", "http://0x7f000001/"} {
		if _, err := c.Get(context.Background(), Request{URL: u}); err == nil {
			t.Errorf("Get(%s) succeeded", u)
		}
	}
	if n := rec.count(); n != 0 {
		t.Fatalf("%d dials attempted (%v), want none", n, rec.dials)
	}
	// AllowPrivate admits intranet ranges, never link-local or multicast.
	cp := New(Options{Resolver: res, Dial: func(context.Context, string, string) (net.Conn, error) {
		return nil, errors.New("test: dial reached")
	}, AllowPrivate: true, MinDelay: -1})
	for host, blocked := range map[string]bool{"metadata.test": true, "v6local.test": true, "multicast.test": true, "zero.test": true, "intranet.test": false, "cgnat.test": false, "ula.test": false} {
		_, err := cp.Get(context.Background(), Request{URL: "http://" + host + "/"})
		if got := Reason(err) == "blocked"; got != blocked {
			t.Errorf("AllowPrivate Get(%s) = %v, blocked %v want %v", host, err, got, blocked)
		}
	}
}

// TestGuard_ControlHook checks the connect-time hook on its own: it runs
// after the socket exists and before connect(2), so a refused address gets
// no packet even when reached without DialContext's check.
func TestGuard_ControlHook(t *testing.T) {
	g := newGuard(&Options{})
	for addr, ok := range map[string]bool{"169.254.169.254:80": false, "[fe80::1]:80": false, "127.0.0.1:80": false, "10.0.0.1:443": false, "93.184.215.14:80": true} {
		err := g.control("tcp4", addr, nil)
		if (err == nil) != ok {
			t.Errorf("control(%s) = %v, want ok=%v", addr, err, ok)
		}
	}
	// A real dial through the hook to a refused address fails before connecting.
	d := &net.Dialer{Control: g.control, Timeout: time.Second}
	_, err := d.DialContext(context.Background(), "tcp", "127.0.0.1:9")
	var be *BlockedError
	if !errors.As(err, &be) || be.Class != Loopback {
		t.Fatalf("dial through control hook = %v, want loopback BlockedError", err)
	}
}

func testClient(t *testing.T, o Options) (*Client, *dialRecorder) {
	t.Helper()
	rec := &dialRecorder{t: t}
	o.AllowPrivate = true
	o.Dial = rec.dial
	if o.MinDelay == 0 {
		o.MinDelay = -1
	}
	return New(o), rec
}

func hostPort(t *testing.T, srv *httptest.Server) string {
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

func TestGet_RedirectToLinkLocalRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case "/b":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/iam/", http.StatusMovedPermanently)
		case "/rebind":
			http.Redirect(w, r, "http://rebind.test:"+r.Host[strings.LastIndexByte(r.Host, ':')+1:]+"/secret", http.StatusFound)
		}
	}))
	defer srv.Close()
	c, rec := testClient(t, Options{Resolver: &fakeResolver{answers: map[string][]netip.Addr{"rebind.test": addrs("169.254.169.254")}}})
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/a"})
	var be *BlockedError
	if !errors.As(err, &be) || be.Class != LinkLocal {
		t.Fatalf("redirect chain to 169.254.169.254 = %v, want a link-local BlockedError", err)
	}
	_, err = c.Get(context.Background(), Request{URL: srv.URL + "/rebind"})
	if !errors.As(err, &be) || be.Host != "rebind.test" {
		t.Fatalf("redirect to a name resolving to link-local = %v, want BlockedError for rebind.test", err)
	}
	for _, d := range rec.dials {
		if !strings.HasPrefix(d, "127.0.0.1:") {
			t.Fatalf("dialled %s", d)
		}
	}
}

func TestGet_Redirects(t *testing.T) {
	var mux http.ServeMux
	mux.HandleFunc("/loop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/loop/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/loop/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/five/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/five/%d", &n)
		if n == 5 {
			io.WriteString(w, "arrived")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/five/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(&mux)
	defer srv.Close()
	c, _ := testClient(t, Options{IgnoreRobots: true})
	resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/five/0"})
	if err != nil || string(resp.Body) != "arrived" || len(resp.Redirects) != 5 || resp.URL != srv.URL+"/five/5" {
		t.Fatalf("5 redirects: %v %+v", err, resp)
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/loop/0"}); Reason(err) != "redirects" {
		t.Fatalf("redirect loop = %v, want reason redirects", err)
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/file"}); Reason(err) != "bad-url" {
		t.Fatalf("redirect to file: = %v, want bad-url", err)
	}
}

// gzipBomb serves size bytes of zeros as a gzip stream made of repeated
// members of one compressed megabyte, generated on the fly; it reports how
// many compressed bytes went out.
func gzipBomb(size int64, sent *atomic.Int64) http.HandlerFunc {
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		for n := int64(0); n < size; n += 1 << 20 {
			k, err := w.Write(member.Bytes())
			sent.Add(int64(k))
			if err != nil {
				return
			}
		}
	}
}

func TestGet_GzipBombCapped(t *testing.T) {
	var sent atomic.Int64
	srv := httptest.NewServer(gzipBomb(2<<30, &sent))
	defer srv.Close()
	c, _ := testClient(t, Options{IgnoreRobots: true, MaxBytes: 4 << 20})
	start := time.Now()
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/bomb"})
	if Reason(err) != "too-large" {
		t.Fatalf("gzip bomb = %v, want too-large", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("gzip bomb took %s", d)
	}
	srv.CloseClientConnections()
	t.Logf("refused after %s; %d compressed bytes written by the server (2 GiB decoded offered)", time.Since(start), sent.Load())
}

func TestGet_SlowLorisTimesOut(t *testing.T) {
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/headers" {
			select {
			case <-time.After(5 * time.Second):
			case <-stop:
			}
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(200)
		for i := 0; i < 100; i++ {
			w.Write([]byte("<"))
			w.(http.Flusher).Flush()
			select {
			case <-time.After(50 * time.Millisecond):
			case <-stop:
				return
			case <-r.Context().Done():
				return
			}
		}
	}))
	defer srv.Close()
	defer close(stop)
	c, _ := testClient(t, Options{IgnoreRobots: true, BodyTimeout: 300 * time.Millisecond, HeaderTimeout: 300 * time.Millisecond})
	start := time.Now()
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/body"})
	if Reason(err) != "timeout" || !Transient(err) {
		t.Fatalf("slow body = %v, want timeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("slow body took %s", d)
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/headers"}); Reason(err) != "timeout" {
		t.Fatalf("slow headers = %v, want timeout", err)
	}
}

func TestGet_ContentTypeStatusAndConditional(t *testing.T) {
	var agents []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		switch r.URL.Path {
		case "/img":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG"))
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		case "/busy":
			http.Error(w, "busy", http.StatusServiceUnavailable)
		case "/big":
			w.Header().Set("Content-Type", "text/html")
			w.Write(make([]byte, 2000))
		case "/feed":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, "<rss/>")
		}
	}))
	defer srv.Close()
	c, _ := testClient(t, Options{IgnoreRobots: true, MaxBytes: 1000})
	ctx := context.Background()
	html := []string{"text/html", "application/xhtml+xml"}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/img", Accept: html}); Reason(err) != "content-type" {
		t.Errorf("image as article = %v", err)
	}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/gone"}); Reason(err) != "http-status" || Transient(err) {
		t.Errorf("410 = %v", err)
	}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/busy"}); Reason(err) != "http-status" || !Transient(err) {
		t.Errorf("503 = %v", err)
	}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/big"}); Reason(err) != "too-large" {
		t.Errorf("2000 bytes over a 1000 cap = %v", err)
	}
	feedTypes := []string{"application/rss+xml", "+xml", "text/"}
	r1, err := c.Get(ctx, Request{URL: srv.URL + "/feed", Accept: feedTypes})
	if err != nil || r1.ETag != `"v1"` || string(r1.Body) != "<rss/>" {
		t.Fatalf("feed: %v %+v", err, r1)
	}
	r2, err := c.Get(ctx, Request{URL: srv.URL + "/feed", Accept: feedTypes, ETag: r1.ETag, LastModified: r1.LastModified})
	if err != nil || !r2.NotModified || r2.ETag != `"v1"` || r2.LastModified != r1.LastModified {
		t.Fatalf("conditional GET: %v %+v", err, r2)
	}
	for _, a := range agents {
		if !strings.HasPrefix(a, "newsgraph/") {
			t.Errorf("User-Agent %q does not name the project", a)
		}
	}
}

func TestGet_RobotsAndPoliteness(t *testing.T) {
	var inFlight, maxInFlight atomic.Int32
	var mu sync.Mutex
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			io.WriteString(w, "User-agent: *\nDisallow: /\n\nUser-agent: newsgraph\nDisallow: /private/\nAllow: /private/ok$\nCrawl-delay: 0.08\n")
			return
		}
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	c, _ := testClient(t, Options{MinDelay: 20 * time.Millisecond})
	ctx := context.Background()
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/private/x"}); Reason(err) != "robots" {
		t.Fatalf("disallowed path = %v", err)
	}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/private/ok"}); err != nil {
		t.Fatalf("allowed path: %v", err)
	}
	mu.Lock()
	starts = nil
	mu.Unlock()
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := c.Get(ctx, Request{URL: fmt.Sprintf("%s/news/%d", srv.URL, i)}); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if m := maxInFlight.Load(); m != 1 {
		t.Errorf("%d requests in flight at once to one origin, want 1", m)
	}
	for i := 1; i < len(starts); i++ {
		// Crawl-delay 0.08 s beats MinDelay 20 ms; the gap is measured from the end of the previous request.
		if gap := starts[i].Sub(starts[i-1]); gap < 80*time.Millisecond {
			t.Errorf("requests %d and %d only %s apart, want ≥ 80ms (Crawl-delay)", i-1, i, gap)
		}
	}
}

func TestParseRobots(t *testing.T) {
	data := []byte("# comment\nUser-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /search\nAllow: /search/about\nDisallow: /*.pdf$\nDisallow: /tmp*/x\n")
	r := ParseRobots(data, "newsgraph")
	for path, want := range map[string]bool{
		"/": true, "/news/1": true, "/search": false, "/search?q=x": false, "/search/about": true,
		"/files/a.pdf": false, "/files/a.pdf?x": true, "/tmpdir/x": false, "/tmpdir/y": true, "/robots.txt": true,
	} {
		if got := r.Allowed(path); got != want {
			t.Errorf("Allowed(%q) = %v, want %v", path, got, want)
		}
	}
	if r := ParseRobots([]byte("User-agent: NewsGraph/1.0\nUser-agent: x\nDisallow: /a\nUser-agent: *\nDisallow: /\n"), "newsgraph"); r.Allowed("/a") || !r.Allowed("/b") {
		t.Error("named group with two agents not chosen over *")
	}
	if r := ParseRobots([]byte("garbage\x00\nDisallow: /x\n"), "newsgraph"); !r.Allowed("/x") {
		t.Error("rule outside any group applied")
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a\nCrawl-delay: 3\n"), "/ab")
	f.Add([]byte("User-agent: newsgraph\nDisallow:\n"), "/")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := ParseRobots(data, "newsgraph")
		r.Allowed(path)
		if r.CrawlDelay() < 0 {
			t.Fatal("negative crawl delay")
		}
	})
}

// TestGet_RobotsUnavailable: a robots.txt answering 503 disallows for now,
// with a transient reason, so that the article is tried again later.
func TestGet_RobotsUnavailable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	c, _ := testClient(t, Options{})
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/news/1"})
	if Reason(err) != "robots-unavailable" || !Transient(err) {
		t.Fatalf("503 robots.txt: %v (reason %s)", err, Reason(err))
	}
}
