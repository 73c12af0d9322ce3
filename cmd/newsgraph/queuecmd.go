package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/newsgraph/newsgraph/queue"
	"github.com/newsgraph/newsgraph/read"
)

func init() {
	register(command{name: "queue", summary: "show the NATS JetStream work queue: pending, in flight, failed", run: runQueue})
}

const queueExamples = `  newsgraph queue status --queue nats://127.0.0.1:4222
  newsgraph queue status --queue nats://127.0.0.1:4222 --json
  newsgraph queue dead --queue nats://127.0.0.1:4222 --n 20    # dead-lettered documents with their errors`

func runQueue(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "queue", "queue status|dead --queue URL [flags]", queueExamples)
	qurl := fs.String("queue", "", "NATS server URL (nats://host:port, ?stream=NAME to choose the stream)")
	asJSON := fs.Bool("json", false, "JSON output")
	n := fs.Int("n", 20, "with dead: how many dead letters to list")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	rest := args(fs)
	if len(rest) != 1 || (rest[0] != "status" && rest[0] != "dead") {
		writeErr(e.stderr, "queue: give one of: status, dead")
		return exitUsage
	}
	if *qurl == "" {
		writeErr(e.stderr, "queue: --queue is required")
		return exitUsage
	}
	if *n < 1 {
		writeErr(e.stderr, "queue: --n must be positive, got %d", *n)
		return exitUsage
	}
	cfg, err := queue.ParseURL(*qurl)
	if err != nil {
		writeErr(e.stderr, "queue: %v", err)
		return exitUsage
	}
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		writeErr(e.stderr, "queue: %v", err)
		return exitFailure
	}
	defer q.Close()
	if rest[0] == "dead" {
		dl, err := q.DeadLetters(ctx, *n)
		if err != nil {
			writeErr(e.stderr, "queue: %v", err)
			return exitFailure
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			for _, d := range dl {
				enc.Encode(d)
			}
			return exitOK
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDELIVERIES\tORIGIN\tERROR")
		for _, d := range dl {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID, d.Deliveries, d.Origin, d.Error)
		}
		tw.Flush()
		return exitOK
	}
	s, err := q.Status(ctx)
	if err != nil {
		writeErr(e.stderr, "queue: %v", err)
		return exitFailure
	}
	if *asJSON {
		json.NewEncoder(e.stdout).Encode(s)
		return exitOK
	}
	fmt.Fprintf(e.stdout, "stream %s: %d pending, %d in flight (%d redelivered), %d failed; %d of %d messages, %s\n",
		s.Stream, s.Pending, s.InFlight, s.Redelivery, s.Failed, s.Stored, s.Capacity, humanBytes(s.Bytes))
	return exitOK
}

func humanBytes(b uint64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d B", b)
}

// publishInputs reads paths (no extraction) and publishes every document to
// the queue; read failures are reported like ingest's. It returns the exit code.
func publishInputs(ctx context.Context, e *env, paths []string, in *inputFlags, qurl string, quiet bool) int {
	cfg, err := queue.ParseURL(qurl)
	if err != nil {
		writeErr(e.stderr, "ingest: %v", err)
		return exitUsage
	}
	opt := in.readOptions()
	if err := opt.Validate(); err != nil {
		writeErr(e.stderr, "ingest: %v", err)
		return exitUsage
	}
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		writeErr(e.stderr, "ingest: %v", err)
		return exitFailure
	}
	defer q.Close()
	start := time.Now()
	bar := newProgress(e.stderr, !quiet && e.isTerminal)
	var failed int
	pub := q.NewPublisher(0)
	err = read.Walk(ctx, paths, e.stdin, opt, func(r read.Result) error {
		if r.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "newsgraph: %s: %v\n", r.Origin, firstLine(r.Err))
			return nil
		}
		if err := pub.Publish(ctx, r.Doc, r.Origin); err != nil {
			return err
		}
		bar.update(pub.Published+pub.Duplicates+pub.InFlight(), failed)
		return nil
	})
	if ferr := pub.Flush(ctx); ferr != nil && err == nil {
		err = ferr
	}
	bar.done()
	published, dup := pub.Published, pub.Duplicates
	if !quiet {
		el := time.Since(start).Seconds()
		fmt.Fprintf(e.stderr, "published to %s stream %s in %.1fs: %d documents, %d already queued, %d failed\n",
			cfg.URL, q.Config().Stream, el, published, dup, failed)
	}
	if err != nil {
		writeErr(e.stderr, "ingest: %v", err)
		return exitFailure
	}
	if failed > 0 {
		return exitFailure
	}
	return exitOK
}
