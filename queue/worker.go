package queue

import (
	"context"
	"errors"
	"fmt"
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
	// FetchWait is how long a fetch waits for the first message; 1 s when 0.
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
// queue is empty). Cancelling ctx stops fetching; the batch in hand is still
// finished and committed (bounded by the queue's AckWait), so a SIGTERM
// loses no work. An error is returned only for failures of the queue itself.
func (w *Worker) Run(ctx context.Context) (Stats, error) {
	var st Stats
	batch := w.Batch
	if batch <= 0 {
		batch = 64
	}
	wait := w.FetchWait
	if wait <= 0 {
		wait = time.Second
	}
	for ctx.Err() == nil {
		jobs, err := w.take(batch, wait)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			if transientFetch(err) {
				sleep(ctx, 250*time.Millisecond)
				continue
			}
			return st, fmt.Errorf("queue: fetch: %w", err)
		}
		if len(jobs) == 0 {
			if w.Drain {
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
		// The batch in hand is finished even when ctx is cancelled.
		bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.Queue.cfg.AckWait)
		err = w.batch(bctx, ctx, jobs, &st)
		cancel()
		if err != nil {
			return st, err
		}
		if w.OnBatch != nil {
			w.OnBatch(st)
		}
		if w.Drain && len(jobs) < batch && w.drained(ctx) {
			break // a short batch took what was left: no FetchWait on an empty queue
		}
	}
	w.Queue.nc.Flush()
	return st, nil
}

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

// batch processes one fetched batch: poison check, pipeline, one store
// transaction, acknowledgements. stop is the caller's context: when it is
// cancelled while the store is down, the batch is abandoned unacknowledged
// (it will be redelivered) instead of retried forever.
func (w *Worker) batch(ctx, stop context.Context, jobs []*job, st *Stats) error {
	st.Batches++
	st.Delivered += len(jobs)
	q := w.Queue
	limit := uint64(q.cfg.MaxDeliver)
	var live []*job
	for _, j := range jobs {
		md, err := j.msg.Metadata()
		if err != nil {
			return fmt.Errorf("queue: message metadata: %w", err)
		}
		j.deliveries = md.NumDelivered
		if j.deliveries > limit {
			// Delivered MaxDeliver times without an outcome: a document
			// that kills or hangs the worker before it can report.
			reason := fmt.Sprintf("no outcome after %d deliveries (the worker may have crashed or timed out on this document)", limit)
			if err := q.deadLetter(ctx, j.msg, j.deliveries, reason); err != nil {
				return err
			}
			st.DeadLetter++
			continue
		}
		d, err := Decode(j.msg.Data())
		if err != nil {
			// Undecodable messages never succeed: no retry.
			if err := q.deadLetter(ctx, j.msg, j.deliveries, err.Error()); err != nil {
				return err
			}
			st.DeadLetter++
			continue
		}
		j.doc = d
		live = append(live, j)
	}
	if len(live) == 0 {
		return nil
	}
	w.process(ctx, live)
	var ok []*job
	for _, j := range live {
		if j.err != nil {
			if err := w.fail(ctx, j, j.err, st); err != nil {
				return err
			}
			continue
		}
		ok = append(ok, j)
	}
	if len(ok) == 0 {
		return nil
	}
	if err := w.commit(ctx, stop, ok, st); err != nil && stop.Err() == nil && ctx.Err() == nil {
		return err
	}
	// On cancellation the batch is abandoned unacknowledged: it is
	// redelivered after AckWait.
	return nil
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
