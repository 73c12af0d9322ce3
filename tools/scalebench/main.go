// Command scalebench measures newsgraph's throughput at scale on this
// machine and prints the table of docs/scaling.md:
//
//	go run ./tools/scalebench                      # BBC corpus, 1, 2 and 4 workers
//	go run ./tools/scalebench -workers 1,2 -corpus DIR -markdown
//
// It builds the newsgraph command, then runs, one after the other:
//
//   - ingest into SQLite (one process, its pipeline on every core);
//   - ingest into PostgreSQL (a fresh database);
//   - for each worker count N: the corpus published to a JetStream stream
//     of an in-process NATS server, then N `newsgraph worker --workers 1`
//     processes draining it into a fresh PostgreSQL database.
//
// For each run it reports the wall time, documents per second, the CPU
// time (user+sys) of the newsgraph processes (rusage), the CPU time of the
// PostgreSQL server processes serving the run's database (sampled from
// /proc every 100 ms; the server's shared background writers are not
// counted), the PostgreSQL share of the pipeline's CPU, and the load
// average when the run started and ended: the machine is shared, so wall
// times are only comparable at equal load, CPU times mostly are.
//
// PostgreSQL is the machine's server (-pg, trust authentication); each run
// gets a database newsgraph_bench_<random> that is dropped afterwards.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats-server/v2/server"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type result struct {
	name      string
	docs      int
	wall      time.Duration
	clientCPU time.Duration // newsgraph processes, user+sys
	pgCPU     time.Duration // PostgreSQL backends of the run's database
	natsCPU   time.Duration // this process during the run (NATS server, sampling)
	loadStart string
	loadEnd   string
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scalebench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	corpus := fs.String("corpus", "", "input for ingest and the queue (default ../shared/data/corpus/bbc)")
	workers := fs.String("workers", "1,2,4", "worker process counts to measure, comma-separated")
	pgURL := fs.String("pg", "postgres://postgres@127.0.0.1:5432/postgres", "PostgreSQL server (an administrative database)")
	batch := fs.Int("batch", 64, "worker --batch")
	bin := fs.String("bin", "", "newsgraph binary (default: go build ./cmd/newsgraph into a temporary folder)")
	skip := fs.String("skip", "", "runs to leave out: sqlite, pg-ingest, store, corpus (comma-separated)")
	export := fs.String("export", "", "the annotated documents for the store runs, as `newsgraph export --format jsonl` writes them (default: export the SQLite ingest)")
	keep := fs.Bool("keep", false, "keep the store runs' databases (their names are printed) instead of dropping them")
	repeat := fs.Int("repeat", 1, "run the store runs this many times each, alternating")
	markdown := fs.Bool("markdown", false, "print a Markdown table")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *corpus == "" {
		d := shareddata.Dir()
		if d == "" {
			fmt.Fprintln(stderr, "scalebench: no ../shared/data; give -corpus")
			return 2
		}
		*corpus = filepath.Join(d, "corpus", "bbc")
	}
	var counts []int
	for _, f := range strings.Split(*workers, ",") {
		if strings.TrimSpace(f) == "" || strings.TrimSpace(f) == "0" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			fmt.Fprintf(stderr, "scalebench: bad -workers %q\n", *workers)
			return 2
		}
		counts = append(counts, n)
	}
	tmp, err := os.MkdirTemp("", "scalebench")
	if err != nil {
		fmt.Fprintln(stderr, "scalebench:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if *bin == "" {
		*bin = filepath.Join(tmp, "newsgraph")
		fmt.Fprintln(stderr, "scalebench: building newsgraph")
		cmd := exec.Command("go", "build", "-o", *bin, "./cmd/newsgraph")
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(stderr, "scalebench: build:", err)
			return 1
		}
	}
	b := &bench{bin: *bin, corpus: *corpus, admin: *pgURL, tmp: tmp, batch: *batch, log: stderr, export: *export, keep: *keep}
	var results []result
	add := func(r result, err error) bool {
		if err != nil {
			fmt.Fprintf(stderr, "scalebench: %s: %v\n", r.name, err)
			return false
		}
		fmt.Fprintf(stderr, "scalebench: %s: %d documents in %.1fs\n", r.name, r.docs, r.wall.Seconds())
		results = append(results, r)
		return true
	}
	if !strings.Contains(*skip, "sqlite") && !add(b.ingestSQLite()) {
		return 1
	}
	if !strings.Contains(*skip, "pg-ingest") && !add(b.ingestPostgres()) {
		return 1
	}
	for i := 0; i < *repeat; i++ {
		if !strings.Contains(*skip, "store") && !add(b.storeOnly(false)) {
			return 1
		}
		if !strings.Contains(*skip, "corpus") && !add(b.storeOnly(true)) {
			return 1
		}
	}
	for _, n := range counts {
		if !add(b.workers(n)) {
			return 1
		}
	}
	print(stdout, results, *markdown)
	return 0
}

type bench struct {
	bin, corpus, admin, tmp string
	export                  string // jsonl of annotated documents ("": export the SQLite ingest)
	batch                   int
	keep                    bool
	log                     io.Writer
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// cpu is a finished process's user+sys time.
func cpu(p *os.ProcessState) time.Duration {
	if p == nil {
		return 0
	}
	return p.UserTime() + p.SystemTime()
}

// selfCPU is this process's user+sys time so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (b *bench) command(args ...string) *exec.Cmd {
	cmd := exec.Command(b.bin, args...)
	cmd.Stderr = b.log
	return cmd
}

// documents returns how many documents the store holds: stories and
// their near copies (exact repeats of the input are not stored).
func (b *bench) documents(db string) (int, error) {
	ctx := context.Background()
	var st store.Store
	var err error
	if postgres.IsURL(db) {
		st, err = postgres.Open(ctx, db)
	} else {
		st, err = sqlite.Open(ctx, db)
	}
	if err != nil {
		return 0, err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	return s.Documents + s.Copies, err
}

func (b *bench) ingestSQLite() (result, error) {
	r := result{name: "ingest → SQLite (1 process)", loadStart: loadavg()}
	db := filepath.Join(b.tmp, "ingest.db")
	cmd := b.command("ingest", "--quiet", "--db", db, b.corpus)
	start := time.Now()
	err := cmd.Run()
	r.wall, r.clientCPU, r.loadEnd = time.Since(start), cpu(cmd.ProcessState), loadavg()
	if err != nil {
		return r, err
	}
	r.docs, err = b.documents(db)
	return r, err
}

// database creates a fresh database and returns its URL and a function
// that drops it.
func (b *bench) database() (string, func(), error) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, b.admin)
	if err != nil {
		return "", nil, fmt.Errorf("postgres: %w", err)
	}
	var rnd [4]byte
	rand.Read(rnd[:])
	name := "newsgraph_bench_" + hex.EncodeToString(rnd[:])
	if _, err := c.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		c.Close(ctx)
		return "", nil, err
	}
	u, _ := url.Parse(b.admin)
	u.Path = "/" + name
	drop := func() {
		c.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
		c.Close(ctx)
	}
	return u.String(), drop, nil
}

// pgSampler sums the CPU time of the server processes connected to one
// database, sampling /proc while the run goes on.
type pgSampler struct {
	admin, db string
	stop      chan struct{}
	done      chan struct{}
	mu        sync.Mutex
	ticks     map[int]int64 // pid → utime+stime, the largest seen
}

func startSampler(admin, dbURL string) (*pgSampler, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return nil, err
	}
	s := &pgSampler{admin: admin, db: strings.TrimPrefix(u.Path, "/"), stop: make(chan struct{}), done: make(chan struct{}), ticks: map[int]int64{}}
	c, err := pgx.Connect(context.Background(), admin)
	if err != nil {
		return nil, err
	}
	go func() {
		defer close(s.done)
		defer c.Close(context.Background())
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			s.sample(c)
			select {
			case <-s.stop:
				s.sample(c)
				return
			case <-t.C:
			}
		}
	}()
	return s, nil
}

func (s *pgSampler) sample(c *pgx.Conn) {
	rows, err := c.Query(context.Background(), `SELECT pid FROM pg_stat_activity WHERE datname = $1`, s.db)
	if err != nil {
		return
	}
	pids, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, pid := range pids {
		if t, ok := procTicks(int(pid)); ok && t > s.ticks[int(pid)] {
			s.ticks[int(pid)] = t
		}
	}
}

// finish stops sampling and returns the CPU time seen.
func (s *pgSampler) finish() time.Duration {
	close(s.stop)
	<-s.done
	var sum int64
	for _, t := range s.ticks {
		sum += t
	}
	return time.Duration(sum) * time.Second / 100 // USER_HZ
}

// procTicks reads utime+stime of a process from /proc/PID/stat.
func procTicks(pid int) (int64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, false
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return u + st, true
}

func (b *bench) ingestPostgres() (result, error) {
	r := result{name: "ingest → PostgreSQL (1 process)", loadStart: loadavg()}
	db, drop, err := b.database()
	if err != nil {
		return r, err
	}
	defer drop()
	s, err := startSampler(b.admin, db)
	if err != nil {
		return r, err
	}
	cmd := b.command("ingest", "--quiet", "--db", db, b.corpus)
	start := time.Now()
	err = cmd.Run()
	r.wall, r.clientCPU, r.pgCPU, r.loadEnd = time.Since(start), cpu(cmd.ProcessState), s.finish(), loadavg()
	if err != nil {
		return r, err
	}
	r.docs, err = b.documents(db)
	return r, err
}

// storeOnly measures the PostgreSQL write path alone: the documents of the
// SQLite ingest (its export, annotations included) stored again with
// PutBatch in batches of -batch from one process, and with withCorpus the
// corpus layer updated after each batch as a worker does (corpus.Update).
// Its wall time per document is how long a batch holds the store's write
// lock.
func (b *bench) storeOnly(withCorpus bool) (result, error) {
	r := result{name: fmt.Sprintf("PutBatch only → PostgreSQL (batches of %d)", b.batch)}
	if withCorpus {
		r.name = fmt.Sprintf("PutBatch + corpus.Update → PostgreSQL (batches of %d)", b.batch)
	}
	docs, err := b.annotated()
	if err != nil {
		return r, err
	}
	db, drop, err := b.database()
	if err != nil {
		return r, err
	}
	if b.keep {
		fmt.Fprintf(b.log, "scalebench: %s: keeping %s\n", r.name, db)
	} else {
		defer drop()
	}
	ctx := context.Background()
	st, err := postgres.Open(ctx, db)
	if err != nil {
		return r, err
	}
	defer st.Close()
	s, err := startSampler(b.admin, db)
	if err != nil {
		return r, err
	}
	r.loadStart = loadavg()
	self := selfCPU()
	start := time.Now()
	for i := 0; i < len(docs); i += b.batch {
		batch := docs[i:min(i+b.batch, len(docs))]
		if _, err := st.PutBatch(ctx, batch); err != nil {
			return r, err
		}
		if withCorpus {
			if err := corpus.Update(ctx, st, batch, corpus.Options{}); err != nil {
				return r, err
			}
		}
	}
	r.wall, r.clientCPU, r.pgCPU, r.loadEnd = time.Since(start), selfCPU()-self, s.finish(), loadavg()
	r.docs = len(docs)
	return r, nil
}

// annotated returns the annotated documents of the store runs: -export,
// else the export of the SQLite ingest (run first when it is not there).
func (b *bench) annotated() ([]*document.Document, error) {
	var out []byte
	var err error
	if b.export != "" {
		if out, err = os.ReadFile(b.export); err != nil {
			return nil, err
		}
	} else {
		src := filepath.Join(b.tmp, "ingest.db")
		if _, err := os.Stat(src); err != nil {
			if _, err := b.ingestSQLite(); err != nil {
				return nil, err
			}
		}
		if out, err = exec.Command(b.bin, "export", "--format", "jsonl", "--db", src).Output(); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	}
	var docs []*document.Document
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var o document.Output
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			return nil, err
		}
		o.DuplicateOf, o.Similarity = "", nil // stored afresh: the store decides copies again
		docs = append(docs, document.FromOutput(&o))
	}
	return docs, nil
}

func (b *bench) workers(n int) (result, error) {
	r := result{name: fmt.Sprintf("NATS → %d worker%s → PostgreSQL", n, map[bool]string{true: "s"}[n > 1])}
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: filepath.Join(b.tmp, fmt.Sprintf("nats-%d", n)), NoLog: true, NoSigs: true})
	if err != nil {
		return r, err
	}
	ns.Start()
	defer ns.Shutdown()
	if !ns.ReadyForConnections(10 * time.Second) {
		return r, errors.New("nats server not ready")
	}
	q := ns.ClientURL() + "?stream=SCALEBENCH&ackwait=60s"
	pub := b.command("ingest", "--quiet", "--queue", q, b.corpus)
	if err := pub.Run(); err != nil {
		return r, fmt.Errorf("publish: %w", err)
	}
	db, drop, err := b.database()
	if err != nil {
		return r, err
	}
	defer drop()
	// Migrate once before the clock starts, as a deployment would.
	if _, err := b.documents(db); err != nil {
		return r, fmt.Errorf("migrate: %w", err)
	}
	s, err := startSampler(b.admin, db)
	if err != nil {
		return r, err
	}
	r.loadStart = loadavg()
	self := selfCPU()
	start := time.Now()
	var cmds []*exec.Cmd
	for i := 0; i < n; i++ {
		cmd := b.command("worker", "--queue", q, "--db", db, "--drain", "--batch", strconv.Itoa(b.batch), "--workers", "1")
		if err := cmd.Start(); err != nil {
			return r, err
		}
		cmds = append(cmds, cmd)
	}
	var errs []error
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			errs = append(errs, err)
		}
		r.clientCPU += cpu(c.ProcessState)
	}
	r.wall, r.pgCPU, r.natsCPU, r.loadEnd = time.Since(start), s.finish(), selfCPU()-self, loadavg()
	if err := errors.Join(errs...); err != nil {
		return r, err
	}
	r.docs, err = b.documents(db)
	return r, err
}

func print(w io.Writer, rs []result, markdown bool) {
	header := []string{"run", "docs", "wall s", "docs/s", "newsgraph CPU s", "CPU ms/doc", "PostgreSQL CPU s", "PG % of pipeline CPU", "NATS+bench CPU s", "load at start", "load at end"}
	var rows [][]string
	for _, r := range rs {
		pg, pct, nats := "-", "-", "-"
		if r.pgCPU > 0 || strings.Contains(r.name, "PostgreSQL") {
			pg = fmt.Sprintf("%.2f", r.pgCPU.Seconds())
			pct = fmt.Sprintf("%.1f %%", 100*r.pgCPU.Seconds()/r.clientCPU.Seconds())
		}
		if r.natsCPU > 0 {
			nats = fmt.Sprintf("%.1f", r.natsCPU.Seconds())
		}
		rows = append(rows, []string{r.name, strconv.Itoa(r.docs), fmt.Sprintf("%.1f", r.wall.Seconds()),
			fmt.Sprintf("%.1f", float64(r.docs)/r.wall.Seconds()), fmt.Sprintf("%.2f", r.clientCPU.Seconds()),
			fmt.Sprintf("%.2f", 1000*r.clientCPU.Seconds()/float64(max(1, r.docs))), pg, pct, nats, r.loadStart, r.loadEnd})
	}
	if markdown {
		fmt.Fprintln(w, "| "+strings.Join(header, " | ")+" |")
		fmt.Fprintln(w, "|"+strings.Repeat(" --- |", len(header)))
		for _, row := range rows {
			fmt.Fprintln(w, "| "+strings.Join(row, " | ")+" |")
		}
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, row := range rows {
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
}
