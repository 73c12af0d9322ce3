package queue

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

// Worker pulls documents from a Queue in batches, runs the pipeline over
// each batch, stores the batch's documents in one transaction and
// acknowledges their messages only after the commit.
type Worker struct {
	Queue    *Queue
	Pipeline *pipeline.Pipeline
	Store    store.Store
	// Batch is how many messages one fetch takes (and one transaction
	// stores); 64 when 0.
	Batch int
	// Workers is how many documents the pipeline processes in parallel
	// (0: one per core).
	Workers int
	// FetchWait is how long a fetch waits for the first message; 1 s when 0
	// (at most drainPoll with Drain).
	FetchWait time.Duration
	// Drain makes Run return once the queue has nothing pending and nothing
	// in flight, instead of waiting for more documents.
	Drain bool
	// OnBatch, when set, is called after every batch with the totals so far.
	OnBatch func(Stats)
}

// Stats counts what a worker did.
type Stats struct {
	Batches    int `json:"batches"`
	Delivered  int `json:"delivered"`   // messages received (redeliveries included)
	Stored     int `json:"stored"`      // documents newly stored
	Duplicates int `json:"duplicates"`  // documents the store already had (redelivered after a commit)
	Retried    int `json:"retried"`     // documents handed back for another attempt
	DeadLetter int `json:"dead_letter"` // documents moved to the dead-letter stream
	StoreRetry int `json:"store_retry"` // batch commits retried after a store error
}

// job is one received message and what became of it.
type job struct {
	msg        jetstream.Msg
	deliveries uint64
	doc        *document.Document
	err        error
}

// Run processes batches until ctx is cancelled (or, with Drain, until the
// queue is empty). Cancelling ctx stops fetching; the batch in hand and the
// one committing are still finished and committed (each bounded by the
// queue's AckWait), so a SIGTERM loses no work. An error is returned only for
// failures of the queue itself.
//
// Extraction and storage overlap: while one committer goroutine stores and
// acknowledges batch N, the worker fetches and extracts batch N+1. Batches
// are committed in fetch order (so the store's copy rule sees originals
// first), each is acknowledged only after its own commit, and at most one
// extracted batch waits for the committer (kept in progress meanwhile), so
// the worker never holds more than two batches.
func (w *Worker) Run(ctx context.Context) (Stats, error) {
	batch := w.Batch
	if batch <= 0 {
		batch = 64
	}
	wait := w.FetchWait
	if wait <= 0 {
		wait = time.Second
	}
	if w.Drain {
		// A draining worker asks the consumer again rather than waiting
		// out a long fetch: the last acknowledgements can reach the server
		// after drained looked, and then the queue is empty at the next look.
		wait = min(wait, drainPoll)
	}
	c := w.startCommitter(ctx)
	var runErr error
loop:
	for ctx.Err() == nil {
		select {
		case <-c.finished:
			break loop // the committer failed: c.err
		default:
		}
		jobs, err := w.take(batch, wait)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			if transientFetch(err) {
				sleep(ctx, 250*time.Millisecond)
				continue
			}
			runErr = fmt.Errorf("queue: fetch: %w", err)
			break
		}
		if len(jobs) == 0 {
			if w.Drain {
				c.idle()
				empty, err := w.empty(ctx)
				if err != nil && ctx.Err() == nil {
					sleep(ctx, 250*time.Millisecond)
					continue
				}
				if empty {
					break
				}
			}
			continue
		}
		fetched := time.Now()
		// The batch in hand is finished even when ctx is cancelled.
		bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.Queue.cfg.AckWait)
		var st Stats
		ok, err := w.prepare(bctx, jobs, &st)
		cancel()
		c.add(st)
		if err != nil {
			runErr = err
			break
		}
		if !c.hand(&ready{jobs: ok, fetched: fetched}) {
			break // the committer failed: c.err
		}
		if w.Drain && len(jobs) < batch {
			c.idle()
			if w.drained(ctx) {
				break // a short batch took what was left: no FetchWait on an empty queue
			}
		}
	}
	close(c.in)
	<-c.finished
	w.Queue.nc.Flush()
	if runErr == nil {
		runErr = c.err
	}
	return c.stats(), runErr
}

// drainPoll is the longest fetch a draining worker waits before it looks at
// the consumer again.
const drainPoll = 250 * time.Millisecond

// ready is an extracted batch waiting for its commit: the documents to store
// (possibly none, when every one failed) and when it was fetched.
type ready struct {
	jobs    []*job
	fetched time.Time
}

// committer stores and acknowledges extracted batches one at a time, in the
// order it is handed them.
type committer struct {
	w        *Worker
	stop     context.Context
	in       chan *ready   // unbuffered: one batch waits here at most
	finished chan struct{} // closed when the goroutine ends (in closed, or err)
	pending  sync.WaitGroup
	err      error // set before finished is closed

	mu sync.Mutex
	st Stats
}

func (w *Worker) startCommitter(stop context.Context) *committer {
	c := &committer{w: w, stop: stop, in: make(chan *ready), finished: make(chan struct{})}
	go c.run()
	return c
}

func (c *committer) run() {
	defer close(c.finished)
	ackWait := c.w.Queue.cfg.AckWait
	for r := range c.in {
		err := c.commit(r, ackWait)
		c.pending.Done()
		if err != nil {
			c.err = err
			// Batches handed later are not taken: their messages stay
			// unacknowledged and are redelivered.
			return
		}
	}
}

func (c *committer) commit(r *ready, ackWait time.Duration) error {
	var st Stats
	defer func() {
		s := c.add(st)
		if c.w.OnBatch != nil {
			c.w.OnBatch(s)
		}
	}()
	if len(r.jobs) == 0 {
		return nil
	}
	if time.Since(r.fetched) > ackWait/2 {
		// It waited for the previous commit: restart its AckWait before the
		// commit gets its own.
		for _, j := range r.jobs {
			_ = j.msg.InProgress()
		}
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.stop), ackWait)
	defer cancel()
	if err := c.w.commit(ctx, c.stop, r.jobs, &st); err != nil && c.stop.Err() == nil && ctx.Err() == nil {
		return err
	}
	// On cancellation the batch is abandoned unacknowledged: it is
	// redelivered after AckWait.
	return nil
}

// hand gives an extracted batch to the committer, waiting while it commits
// the previous one and keeping the batch's messages in progress meanwhile.
// It reports false when the committer has failed.
func (c *committer) hand(r *ready) bool {
	c.pending.Add(1)
	tick := time.NewTicker(max(c.w.Queue.cfg.AckWait/3, time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case c.in <- r:
			return true
		case <-c.finished:
			c.pending.Done()
			return false
		case <-tick.C:
			for _, j := range r.jobs {
				_ = j.msg.InProgress()
			}
		}
	}
}

// idle waits until every batch handed to the committer is committed and
// acknowledged (or the committer has failed).
func (c *committer) idle() { c.pending.Wait() }

// add adds st to the totals and returns them.
func (c *committer) add(st Stats) Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.st.Batches += st.Batches
	c.st.Delivered += st.Delivered
	c.st.Stored += st.Stored
	c.st.Duplicates += st.Duplicates
	c.st.Retried += st.Retried
	c.st.DeadLetter += st.DeadLetter
	c.st.StoreRetry += st.StoreRetry
	return c.st
}

func (c *committer) stats() Stats { return c.add(Stats{}) }

// take fetches up to batch messages: what the stream has now, or, when it
// has none, what arrives within wait. A batch is never held back waiting to
// fill up while messages are ready.
func (w *Worker) take(batch int, wait time.Duration) ([]*job, error) {
	jobs, err := collect(w.Queue.cons.FetchNoWait(batch))
	if err != nil || len(jobs) > 0 {
		return jobs, err
	}
	return collect(w.Queue.cons.Fetch(batch, jetstream.FetchMaxWait(wait)))
}

// collect reads a fetch's messages; an error ending the batch counts only
// when it brought none.
func collect(mb jetstream.MessageBatch, err error) ([]*job, error) {
	if err != nil {
		return nil, err
	}
	var jobs []*job
	for m := range mb.Messages() {
		jobs = append(jobs, &job{msg: m})
	}
	if err := mb.Error(); err != nil && !errors.Is(err, jetstream.ErrNoHeartbeat) && !errors.Is(err, jetstream.ErrNoMessages) && len(jobs) == 0 {
		return nil, err
	}
	return jobs, nil
}

// drained reports, after a batch's acknowledgements reach the server,
// whether the consumer has nothing pending or in flight (false on any
// error: the next fetch finds out).
func (w *Worker) drained(ctx context.Context) bool {
	if err := w.Queue.nc.FlushTimeout(time.Second); err != nil {
		return false
	}
	empty, err := w.empty(ctx)
	return err == nil && empty
}

// empty reports whether nothing is pending or in flight on the consumer.
func (w *Worker) empty(ctx context.Context) (bool, error) {
	ci, err := w.Queue.cons.Info(ctx)
	if err != nil {
		return false, err
	}
	return ci.NumPending == 0 && ci.NumAckPending == 0, nil
}

// prepare readies one fetched batch for its commit: poison check, pipeline,
// failed documents handed back or dead-lettered. It returns the jobs to
// store.
func (w *Worker) prepare(ctx context.Context, jobs []*job, st *Stats) ([]*job, error) {
	st.Batches++
	st.Delivered += len(jobs)
	q := w.Queue
	limit := uint64(q.cfg.MaxDeliver)
	var live []*job
	for _, j := range jobs {
		md, err := j.msg.Metadata()
		if err != nil {
			return nil, fmt.Errorf("queue: message metadata: %w", err)
		}
		j.deliveries = md.NumDelivered
		if j.deliveries > limit {
			// Delivered MaxDeliver times without an outcome: a document
			// that kills or hangs the worker before it can report.
			reason := fmt.Sprintf("no outcome after %d deliveries (the worker may have crashed or timed out on this document)", limit)
			if err := q.deadLetter(ctx, j.msg, j.deliveries, reason); err != nil {
				return nil, err
			}
			st.DeadLetter++
			continue
		}
		d, err := Decode(j.msg.Data())
		if err != nil {
			// Undecodable messages never succeed: no retry.
			if err := q.deadLetter(ctx, j.msg, j.deliveries, err.Error()); err != nil {
				return nil, err
			}
			st.DeadLetter++
			continue
		}
		j.doc = d
		live = append(live, j)
	}
	if len(live) == 0 {
		return nil, nil
	}
	w.process(ctx, live)
	var ok []*job
	for _, j := range live {
		if j.err != nil {
			if err := w.fail(ctx, j, j.err, st); err != nil {
				return nil, err
			}
			continue
		}
		ok = append(ok, j)
	}
	return ok, nil
}

// process runs the pipeline over the jobs' documents, in parallel.
func (w *Worker) process(ctx context.Context, jobs []*job) {
	in := make(chan pipeline.Item, len(jobs))
	out := make(chan pipeline.Item, len(jobs))
	for i, j := range jobs {
		in <- pipeline.Item{Doc: j.doc, Origin: fmt.Sprint(i)}
	}
	close(in)
	w.Pipeline.Run(ctx, in, out, w.Workers)
	i := 0
	for it := range out {
		jobs[i].err = it.Err
		i++
	}
	for ; i < len(jobs); i++ {
		jobs[i].err = fmt.Errorf("not processed: %w", context.Cause(ctx))
	}
}

// fail hands a failed document back for another attempt after a pause that
// grows with its deliveries, or dead-letters it on its last attempt.
func (w *Worker) fail(ctx context.Context, j *job, cause error, st *Stats) error {
	if j.deliveries >= uint64(w.Queue.cfg.MaxDeliver) {
		if err := w.Queue.deadLetter(ctx, j.msg, j.deliveries, cause.Error()); err != nil {
			return err
		}
		st.DeadLetter++
		return nil
	}
	delay := time.Duration(1<<min(j.deliveries, 6)) * 100 * time.Millisecond
	_ = j.msg.NakWithDelay(delay) // lost: redelivered after AckWait anyway
	st.Retried++
	return nil
}

// commit stores the jobs' documents in one transaction and acknowledges
// their messages after the commit. A store error is retried, with the
// messages kept in progress so they are not redelivered meanwhile, while the
// store answers nothing at all (an outage); when the store answers but the
// batch keeps failing, the documents are stored one by one so that one bad
// document fails alone. A lost acknowledgement means a redelivery, which the
// store's idempotency absorbs.
func (w *Worker) commit(ctx, stop context.Context, jobs []*job, st *Stats) error {
	docs := make([]*document.Document, len(jobs))
	for i, j := range jobs {
		docs[i] = j.doc
	}
	pause := 100 * time.Millisecond
	attempts := 0
	for {
		n, err := w.Store.PutBatch(ctx, docs)
		if err == nil {
			st.Stored += n
			st.Duplicates += len(docs) - n
			for _, j := range jobs {
				_ = j.msg.Ack()
			}
			return nil
		}
		attempts++
		st.StoreRetry++
		for _, j := range jobs {
			_ = j.msg.InProgress()
		}
		if stop.Err() != nil || ctx.Err() != nil {
			return err
		}
		if attempts >= 3 && w.storeAnswers(ctx) {
			return w.oneByOne(ctx, jobs, st)
		}
		sleep(ctx, pause)
		pause = min(pause*2, 5*time.Second)
	}
}

// oneByOne stores each document in its own transaction; a document the
// store refuses is failed alone (retried or dead-lettered).
func (w *Worker) oneByOne(ctx context.Context, jobs []*job, st *Stats) error {
	for _, j := range jobs {
		ok, err := w.Store.Put(ctx, j.doc)
		if err != nil {
			if ferr := w.fail(ctx, j, fmt.Errorf("store: %w", err), st); ferr != nil {
				return ferr
			}
			continue
		}
		if ok {
			st.Stored++
		} else {
			st.Duplicates++
		}
		_ = j.msg.Ack()
	}
	return nil
}

// Pinger is a store that can tell cheaply whether it answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// storeAnswers reports whether the store answers a cheap request.
func (w *Worker) storeAnswers(ctx context.Context) bool {
	if p, ok := w.Store.(Pinger); ok {
		return p.Ping(ctx) == nil
	}
	_, err := w.Store.Stats(ctx)
	return err == nil
}

func transientFetch(err error) bool {
	return retryable(err) || errors.Is(err, jetstream.ErrNoHeartbeat) || errors.Is(err, jetstream.ErrConsumerNotFound) ||
		errors.Is(err, jetstream.ErrConsumerDeleted)
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
