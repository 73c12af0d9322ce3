package queue

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// runServer starts an in-process JetStream server on a loopback port
// (port 0: any free one) storing into dir.
func runServer(tb testing.TB, dir string, port int) *server.Server {
	tb.Helper()
	if port == 0 {
		port = -1
	}
	s, err := server.NewServer(&server.Options{
		ServerName: "t" + filepath.Base(dir),
		Host:       "127.0.0.1",
		Port:       port,
		JetStream:  true,
		StoreDir:   dir,
		NoLog:      true,
		NoSigs:     true,
	})
	if err != nil {
		tb.Fatal(err)
	}
	s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		tb.Fatal("nats server not ready")
	}
	return s
}

// stage is a pipeline stage made of a function.
type stage struct {
	name string
	fn   func(*document.Document) error
}

func (s stage) Name() string                                          { return s.name }
func (s stage) Requires() []document.Layer                            { return nil }
func (s stage) Provides() []document.Layer                            { return nil }
func (s stage) Process(_ context.Context, d *document.Document) error { return s.fn(d) }

// testPipeline fails documents whose text contains POISON and panics on
// PANIC; other documents pass unchanged.
func testPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	p, err := pipeline.New(stage{"test", func(d *document.Document) error {
		switch {
		case strings.Contains(d.Text, "POISON"):
			return errors.New("poisoned document")
		case strings.Contains(d.Text, "PANIC"):
			panic("stage blew up")
		}
		return nil
	}})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func docs(n int, prefix string) []*document.Document {
	out := make([]*document.Document, n)
	for i := range out {
		out[i] = document.New(fmt.Sprintf("%s-%04d", prefix, i), fmt.Sprintf("Story %s number %d: the council met on Tuesday.", prefix, i))
	}
	return out
}

func openQueue(tb testing.TB, url string, mod func(*Config)) *Queue {
	tb.Helper()
	cfg := Config{URL: url, AckWait: 2 * time.Second, MaxDeliver: 3}
	if mod != nil {
		mod(&cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	q, err := Open(ctx, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(q.Close)
	return q
}

func openStore(tb testing.TB) *sqlite.Store {
	tb.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "w.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func publishAll(tb testing.TB, q *Queue, ds []*document.Document) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	p := q.NewPublisher(64)
	for _, d := range ds {
		if err := p.Publish(ctx, d, "test"); err != nil {
			tb.Fatal(err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		tb.Fatal(err)
	}
}

func drain(tb testing.TB, q *Queue, st *sqlite.Store, p *pipeline.Pipeline) Stats {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w := &Worker{Queue: q, Pipeline: p, Store: st, Batch: 16, Workers: 2, FetchWait: 200 * time.Millisecond, Drain: true}
	stats, err := w.Run(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	return stats
}

func storedIDs(tb testing.TB, st *sqlite.Store) map[string]bool {
	tb.Helper()
	ids := map[string]bool{}
	err := st.Each(context.Background(), func(o *document.Output) error {
		if ids[o.ID] {
			tb.Errorf("document %s stored twice", o.ID)
		}
		ids[o.ID] = true
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return ids
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		in      string
		want    Config
		wantErr string
	}{
		{in: "nats://127.0.0.1:4222", want: Config{URL: "nats://127.0.0.1:4222"}},
		{in: "nats://127.0.0.1:4222?stream=NEWS&consumer=w&replicas=3", want: Config{URL: "nats://127.0.0.1:4222", Stream: "NEWS", Consumer: "w", Replicas: 3}},
		{in: "nats://127.0.0.1:4222,nats://127.0.0.1:4223", want: Config{URL: "nats://127.0.0.1:4222,nats://127.0.0.1:4223"}},
		{in: "http://127.0.0.1:4222", wantErr: "must start with nats://"},
		{in: "nats://", wantErr: "no host"},
		{in: "nats://h:1?replicas=0", wantErr: "replicas"},
	}
	for _, tc := range tests {
		got, err := ParseURL(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseURL(%q) error = %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseURL(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	pub := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	d := document.New("a1", "Ünïcode text “quoted”.")
	d.Title, d.URL, d.Source, d.Published, d.Meta = "T", "https://example.org/a", "feed", &pub, map[string]any{"k": "v"}
	b, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != d.ID || got.Text != d.Text || got.Title != d.Title || got.URL != d.URL || got.Source != d.Source ||
		!got.Published.Equal(pub) || got.Meta["k"] != "v" || got.Language != "en" {
		t.Errorf("round trip = %+v", got)
	}
	for _, bad := range []string{``, `{`, `{"text":"x"}`, `[]`} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("Decode(%q) accepted", bad)
		}
	}
}

// TestWorker_StoresEachOnce publishes documents (some twice), drains them
// with a worker and finds every document stored once and the queue empty.
func TestWorker_StoresEachOnce(t *testing.T) {
	s := runServer(t, t.TempDir(), 0)
	defer s.Shutdown()
	q := openQueue(t, s.ClientURL(), nil)
	ds := docs(100, "once")
	publishAll(t, q, ds)
	publishAll(t, q, ds[:10]) // duplicate publishes are absorbed by Nats-Msg-Id
	st := openStore(t)
	stats := drain(t, q, st, testPipeline(t))
	if stats.Stored != 100 || stats.DeadLetter != 0 {
		t.Errorf("stats = %+v, want 100 stored", stats)
	}
	if ids := storedIDs(t, st); len(ids) != 100 {
		t.Errorf("%d documents stored, want 100", len(ids))
	}
	status, err := q.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if status.Pending != 0 || status.InFlight != 0 || status.Stored != 0 || status.Failed != 0 {
		t.Errorf("status after drain = %+v, want all zero", status)
	}
}

// TestWorker_Poison sends a failing and a panicking document among good
// ones: both end in the dead-letter stream with their errors after
// MaxDeliver attempts; the good ones are stored.
func TestWorker_Poison(t *testing.T) {
	s := runServer(t, t.TempDir(), 0)
	defer s.Shutdown()
	q := openQueue(t, s.ClientURL(), nil)
	ds := docs(20, "good")
	ds = append(ds, document.New("bad-1", "This one is POISON for the stage."), document.New("bad-2", "This one makes it PANIC."))
	publishAll(t, q, ds)
	st := openStore(t)
	stats := drain(t, q, st, testPipeline(t))
	if stats.Stored != 20 || stats.DeadLetter != 2 || stats.Retried != 2*(q.cfg.MaxDeliver-1) {
		t.Errorf("stats = %+v, want 20 stored, 2 dead letters after %d retries each", stats, q.cfg.MaxDeliver-1)
	}
	dead, err := q.DeadLetters(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range dead {
		got[d.ID] = d.Error + " / " + d.Deliveries
	}
	if !strings.Contains(got["bad-1"], "poisoned document / 3") || !strings.Contains(got["bad-2"], "panic") {
		t.Errorf("dead letters = %v", got)
	}
	status, _ := q.Status(context.Background())
	if status.Failed != 2 || status.Stored != 0 {
		t.Errorf("status = %+v, want 2 failed, work stream empty", status)
	}
}

// TestWorker_CrashPoison: a document delivered MaxDeliver times without an
// outcome (each worker that took it died) is dead-lettered without being
// processed again.
func TestWorker_CrashPoison(t *testing.T) {
	s := runServer(t, t.TempDir(), 0)
	defer s.Shutdown()
	q := openQueue(t, s.ClientURL(), func(c *Config) { c.AckWait = 300 * time.Millisecond })
	publishAll(t, q, []*document.Document{document.New("killer", "A document that kills every worker.")})
	ctx := context.Background()
	for i := 0; i < q.cfg.MaxDeliver; i++ { // a crashed worker: takes it and never answers
		mb, err := q.cons.Fetch(1, jetstream.FetchMaxWait(3*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for range mb.Messages() {
			n++
		}
		if n != 1 {
			t.Fatalf("delivery %d: got %d messages", i+1, n)
		}
	}
	st := openStore(t)
	p, _ := pipeline.New(stage{"t", func(*document.Document) error { t.Error("the killer document was processed again"); return nil }})
	stats := drain(t, q, st, p)
	if stats.DeadLetter != 1 || stats.Stored != 0 {
		t.Errorf("stats = %+v", stats)
	}
	dead, _ := q.DeadLetters(ctx, 5)
	if len(dead) != 1 || !strings.Contains(dead[0].Error, "no outcome after 3 deliveries") {
		t.Errorf("dead letters = %+v", dead)
	}
}

// TestPublish_BackPressure: with room for 10 messages, publishing 60 blocks
// until a worker makes room; nothing is dropped.
func TestPublish_BackPressure(t *testing.T) {
	s := runServer(t, t.TempDir(), 0)
	defer s.Shutdown()
	q := openQueue(t, s.ClientURL(), func(c *Config) { c.MaxMsgs = 10 })
	ds := docs(60, "bp")
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		for _, d := range ds {
			if _, err := q.Publish(ctx, d, ""); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	// The publisher must be blocked at the limit, not failing or dropping.
	time.Sleep(500 * time.Millisecond)
	status, err := q.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if status.Stored != 10 {
		t.Errorf("stream holds %d messages, want the limit 10", status.Stored)
	}
	select {
	case err := <-done:
		t.Fatalf("publisher finished while the stream was full: %v", err)
	default:
	}
	st := openStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w := &Worker{Queue: q, Pipeline: testPipeline(t), Store: st, Batch: 4, FetchWait: 200 * time.Millisecond}
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); w.Run(wctx) }()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if n, _ := st.Stats(ctx); n.Documents == 60 {
			break
		}
	}
	stop()
	wg.Wait()
	if ids := storedIDs(t, st); len(ids) != 60 {
		t.Errorf("%d stored, want 60", len(ids))
	}
}

// TestWorker_ServerRestart stops the NATS server in the middle of a run and
// starts it again on the same port and store: the worker reconnects and
// every document is stored once.
func TestWorker_ServerRestart(t *testing.T) {
	dir := t.TempDir()
	s := runServer(t, dir, 0)
	port := s.Addr().(*net.TCPAddr).Port
	q := openQueue(t, s.ClientURL(), nil)
	ds := docs(300, "restart")
	publishAll(t, q, ds)
	st := openStore(t)
	var once sync.Once
	restarted := make(chan struct{})
	p, _ := pipeline.New(stage{"slow", func(*document.Document) error { time.Sleep(2 * time.Millisecond); return nil }})
	w := &Worker{Queue: q, Pipeline: p, Store: st, Batch: 16, Workers: 1, FetchWait: 200 * time.Millisecond, Drain: true,
		OnBatch: func(s2 Stats) {
			if s2.Stored >= 64 {
				once.Do(func() {
					go func() {
						s.Shutdown()
						s.WaitForShutdown()
						time.Sleep(300 * time.Millisecond)
						s = runServer(t, dir, port)
						close(restarted)
					}()
				})
			}
		}}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if _, err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
	<-restarted
	defer s.Shutdown()
	// A drain that ended during the outage is finished by a second worker.
	drain(t, q, st, p)
	if ids := storedIDs(t, st); len(ids) != 300 {
		t.Errorf("%d stored, want 300", len(ids))
	}
}

// TestCluster_NodeStopped runs a 3-node JetStream cluster with the streams
// replicated three times, stops one node in the middle of the run, and
// finds every document stored once.
func TestCluster_NodeStopped(t *testing.T) {
	if testing.Short() {
		t.Skip("cluster test in -short mode")
	}
	ports := freePorts(t, 3)
	var routes []string
	for _, p := range ports {
		routes = append(routes, fmt.Sprintf("nats-route://127.0.0.1:%d", p))
	}
	var nodes []*server.Server
	for i := range 3 {
		dir := filepath.Join(t.TempDir(), fmt.Sprint(i))
		opts := &server.Options{
			ServerName: fmt.Sprintf("n%d", i),
			Host:       "127.0.0.1",
			Port:       -1,
			JetStream:  true,
			StoreDir:   dir,
			NoLog:      true,
			NoSigs:     true,
			Cluster:    server.ClusterOpts{Name: "ng", Host: "127.0.0.1", Port: ports[i]},
			Routes:     server.RoutesFromStr(strings.Join(routes, ",")),
		}
		s, err := server.NewServer(opts)
		if err != nil {
			t.Fatal(err)
		}
		s.Start()
		nodes = append(nodes, s)
	}
	defer func() {
		for _, s := range nodes {
			s.Shutdown()
		}
	}()
	for _, s := range nodes {
		if !s.ReadyForConnections(10 * time.Second) {
			t.Fatal("node not ready")
		}
	}
	var urls []string
	for _, s := range nodes {
		urls = append(urls, s.ClientURL())
	}
	// Wait for a JetStream meta leader before creating streams.
	var q *Queue
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		var err error
		q, err = Open(ctx, Config{URL: strings.Join(urls, ","), Replicas: 3, AckWait: 3 * time.Second, MaxDeliver: 5})
		cancel()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("cluster never accepted the streams: %v", err)
		}
		time.Sleep(250 * time.Millisecond)
	}
	defer q.Close()
	ds := docs(300, "cluster")
	publishAll(t, q, ds[:150])
	st := openStore(t)
	p, _ := pipeline.New(stage{"slow", func(*document.Document) error { time.Sleep(time.Millisecond); return nil }})
	var once sync.Once
	w := &Worker{Queue: q, Pipeline: p, Store: st, Batch: 16, Workers: 1, FetchWait: 300 * time.Millisecond,
		OnBatch: func(s2 Stats) {
			if s2.Stored >= 48 {
				once.Do(func() { nodes[0].Shutdown() })
			}
		}}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Second)
	defer cancel()
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	var werr error
	go func() { defer wg.Done(); _, werr = w.Run(wctx) }()
	publishAll(t, q, ds[150:]) // published while a node goes down
	for {
		if n, _ := st.Stats(ctx); n.Documents == 300 || ctx.Err() != nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	wg.Wait()
	if werr != nil {
		t.Fatal(werr)
	}
	if ids := storedIDs(t, st); len(ids) != 300 {
		t.Errorf("%d stored, want 300", len(ids))
	}
}

func freePorts(tb testing.TB, n int) []int {
	tb.Helper()
	var ls []net.Listener
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// TestPublisher_BackPressure: the windowed publisher also blocks on a full
// stream and loses nothing while a worker drains it.
func TestPublisher_BackPressure(t *testing.T) {
	s := runServer(t, t.TempDir(), 0)
	defer s.Shutdown()
	q := openQueue(t, s.ClientURL(), func(c *Config) { c.MaxMsgs = 10 })
	st := openStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	wctx, stop := context.WithCancel(ctx)
	w := &Worker{Queue: q, Pipeline: testPipeline(t), Store: st, Batch: 4, FetchWait: 100 * time.Millisecond}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); w.Run(wctx) }()
	publishAll(t, q, docs(80, "win"))
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if n, _ := st.Stats(ctx); n.Documents == 80 {
			break
		}
	}
	stop()
	wg.Wait()
	if ids := storedIDs(t, st); len(ids) != 80 {
		t.Errorf("%d stored, want 80", len(ids))
	}
}

// TestWorker_DrainDoesNotWait drains 20 documents in batches of 16 with a
// fetch wait of 10 s: the short second batch is taken as it stands and the
// worker ends once the queue is empty, without waiting out a fetch.
func TestWorker_DrainDoesNotWait(t *testing.T) {
	s := runServer(t, t.TempDir(), 0)
	defer s.Shutdown()
	q := openQueue(t, s.ClientURL(), nil)
	publishAll(t, q, docs(20, "nowait"))
	st := openStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w := &Worker{Queue: q, Pipeline: testPipeline(t), Store: st, Batch: 16, Workers: 1, FetchWait: 10 * time.Second, Drain: true}
	start := time.Now()
	stats, err := w.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Stored != 20 || stats.Batches != 2 {
		t.Errorf("stats = %+v, want 20 stored in 2 batches", stats)
	}
	if took := time.Since(start); took >= 10*time.Second {
		t.Errorf("drain took %v: it waited out a fetch", took)
	}
}

// slowStore is a store whose batch commits take a while; it records when
// each commit ran, which documents it held, and how many documents were
// committed, and checks at the end of every commit that the consumer has
// acknowledged no more messages than earlier commits stored.
type slowStore struct {
	*sqlite.Store
	q     *Queue
	delay time.Duration
	t     *testing.T

	mu        sync.Mutex
	commits   [][2]time.Time
	firsts    []string
	committed int
}

func (s *slowStore) PutBatch(ctx context.Context, ds []*document.Document) (int, error) {
	start := time.Now()
	time.Sleep(s.delay)
	s.checkAcks("during a commit")
	n, err := s.Store.PutBatch(ctx, ds)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.committed += len(ds)
		s.commits = append(s.commits, [2]time.Time{start, time.Now()})
		s.firsts = append(s.firsts, ds[0].ID)
	}
	return n, err
}

// checkAcks fails the test when the server has seen more acknowledgements
// than documents committed (the server's count can only lag behind).
func (s *slowStore) checkAcks(where string) {
	s.mu.Lock()
	committed := s.committed
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ci, err := s.q.cons.Info(ctx)
	if err != nil {
		s.t.Errorf("consumer info: %v", err)
		return
	}
	if acked := int(ci.Delivered.Consumer) - ci.NumAckPending; acked > committed {
		s.t.Errorf("%s: %d messages acknowledged, only %d documents committed", where, acked, committed)
	}
}

// TestWorker_ExtractsWhileCommitting gives a worker a store whose commits
// take 300 ms: the next batch is extracted while the previous one commits
// (the old worker extracted nothing during a commit), commits run in fetch
// order, nothing is acknowledged before its commit, and every document is
// stored once.
func TestWorker_ExtractsWhileCommitting(t *testing.T) {
	s := runServer(t, t.TempDir(), 0)
	defer s.Shutdown()
	q := openQueue(t, s.ClientURL(), func(c *Config) { c.AckWait = 5 * time.Second })
	const n, batch = 40, 8
	publishAll(t, q, docs(n, "overlap"))
	st := &slowStore{Store: openStore(t), q: q, delay: 300 * time.Millisecond, t: t}
	var mu sync.Mutex
	var extracted []time.Time
	p, err := pipeline.New(stage{"slow", func(*document.Document) error {
		time.Sleep(10 * time.Millisecond)
		st.checkAcks("during extraction")
		mu.Lock()
		extracted = append(extracted, time.Now())
		mu.Unlock()
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w := &Worker{Queue: q, Pipeline: p, Store: st, Batch: batch, Workers: 1, FetchWait: 200 * time.Millisecond, Drain: true}
	stats, err := w.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Stored != n {
		t.Errorf("stats = %+v, want %d stored", stats, n)
	}
	if ids := storedIDs(t, st.Store); len(ids) != n {
		t.Errorf("%d stored, want %d", len(ids), n)
	}
	during := 0
	for _, x := range extracted {
		for _, c := range st.commits {
			if x.After(c[0]) && x.Before(c[1]) {
				during++
				break
			}
		}
	}
	t.Logf("%d of %d documents extracted while a commit ran (%d commits)", during, n, len(st.commits))
	if during < 2*batch {
		t.Errorf("%d documents extracted during a commit, want at least %d: extraction waits for the commit", during, 2*batch)
	}
	for i := 1; i < len(st.firsts); i++ {
		if st.firsts[i] <= st.firsts[i-1] {
			t.Errorf("commit %d starts with %s after %s: commits out of fetch order", i, st.firsts[i], st.firsts[i-1])
		}
	}
}
