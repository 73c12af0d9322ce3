// Package queue is newsgraph's scale-out work queue: documents published to a
// NATS JetStream work-queue stream, pulled in batches by workers that run the
// pipeline, store each batch in one transaction and acknowledge the messages
// only after the commit.
//
// Guarantees, given a store whose Put is idempotent by document id and text
// hash (every newsgraph backend is):
//   - nothing is lost: a message leaves the stream only when acknowledged,
//     and a worker acknowledges only what its store has committed; a worker
//     killed at any moment leaves its unacknowledged messages to be
//     redelivered after AckWait;
//   - nothing is stored twice: a redelivered document that was committed
//     before its acknowledgement was lost is skipped by the store;
//   - nothing is dropped under load: the stream is bounded (MaxMsgs,
//     MaxBytes, discard-new), and Publish blocks, retrying, while it is full;
//   - poison documents end in the dead-letter stream with their error after
//     MaxDeliver attempts, including documents that crash the worker process
//     (their delivery count grows with each redelivery).
//
// Publishing is idempotent too: each message carries a Nats-Msg-Id of the
// document id and text hash, so a retried publish inside the stream's
// duplicate window is stored once.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/document"
)

// Defaults of Config.
const (
	DefaultStream     = "NEWSGRAPH"
	DefaultConsumer   = "workers"
	DefaultMaxDeliver = 5
	DefaultAckWait    = 2 * time.Minute
	DefaultMaxMsgs    = 200_000
	DefaultMaxBytes   = 2 << 30 // 2 GiB
)

// Header names carried by messages.
const (
	// HeaderError is set on dead-lettered messages: why the document failed.
	HeaderError = "Newsgraph-Error"
	// HeaderDeliveries is set on dead-lettered messages: how many times the
	// document was delivered.
	HeaderDeliveries = "Newsgraph-Deliveries"
	// HeaderOrigin is where the publisher read the document (file:line).
	HeaderOrigin = "Newsgraph-Origin"
)

// Config says which server, stream and consumer to use. Zero fields take
// the defaults above; Stream also names the subjects ("<stream lower>.docs"
// for work, "<stream lower>.dead" for the dead letters in stream
// "<Stream>_DEAD").
type Config struct {
	URL        string        // nats://host:port[,nats://host:port...]
	Stream     string        // work-queue stream name
	Consumer   string        // durable pull consumer shared by the workers
	MaxDeliver int           // attempts before a document is dead-lettered
	AckWait    time.Duration // redelivery delay of an unacknowledged message
	MaxMsgs    int64         // stream capacity in messages (back-pressure)
	MaxBytes   int64         // stream capacity in bytes (back-pressure)
	Replicas   int           // stream replicas in a JetStream cluster (1 by default)
	// Name is the client connection name shown by the server.
	Name string
}

// ParseURL reads a --queue value: nats://host:port with optional query
// parameters stream, consumer, replicas, ackwait (a Go duration) and
// maxdeliver ("nats://127.0.0.1:4222?stream=NEWS&ackwait=30s").
// Several servers are given as a comma-separated list of URLs; the
// parameters are read from the first.
func ParseURL(s string) (Config, error) {
	var cfg Config
	first := strings.Split(s, ",")[0]
	u, err := url.Parse(first)
	if err != nil {
		return cfg, fmt.Errorf("queue: %q is not a URL: %w", s, err)
	}
	if u.Scheme != "nats" && u.Scheme != "tls" {
		return cfg, fmt.Errorf("queue: %q: the queue URL must start with nats://", s)
	}
	if u.Host == "" {
		return cfg, fmt.Errorf("queue: %q has no host", s)
	}
	q := u.Query()
	cfg.Stream = q.Get("stream")
	cfg.Consumer = q.Get("consumer")
	if a := q.Get("ackwait"); a != "" {
		d, err := time.ParseDuration(a)
		if err != nil || d < time.Second {
			return cfg, fmt.Errorf("queue: %q: ackwait must be a duration of at least 1s", s)
		}
		cfg.AckWait = d
	}
	if m := q.Get("maxdeliver"); m != "" {
		if _, err := fmt.Sscanf(m, "%d", &cfg.MaxDeliver); err != nil || cfg.MaxDeliver < 1 {
			return cfg, fmt.Errorf("queue: %q: maxdeliver must be a positive number", s)
		}
	}
	if r := q.Get("replicas"); r != "" {
		if _, err := fmt.Sscanf(r, "%d", &cfg.Replicas); err != nil || cfg.Replicas < 1 {
			return cfg, fmt.Errorf("queue: %q: replicas must be a positive number", s)
		}
	}
	var urls []string
	for _, part := range strings.Split(s, ",") {
		p, err := url.Parse(part)
		if err != nil || p.Host == "" {
			return cfg, fmt.Errorf("queue: %q: bad server %q", s, part)
		}
		p.RawQuery = ""
		urls = append(urls, p.String())
	}
	cfg.URL = strings.Join(urls, ",")
	return cfg, nil
}

func (c Config) withDefaults() Config {
	if c.Stream == "" {
		c.Stream = DefaultStream
	}
	if c.Consumer == "" {
		c.Consumer = DefaultConsumer
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = DefaultMaxDeliver
	}
	if c.AckWait <= 0 {
		c.AckWait = DefaultAckWait
	}
	if c.MaxMsgs <= 0 {
		c.MaxMsgs = DefaultMaxMsgs
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.Name == "" {
		c.Name = "newsgraph"
	}
	return c
}

func (c Config) workSubject() string { return strings.ToLower(c.Stream) + ".docs" }
func (c Config) deadSubject() string { return strings.ToLower(c.Stream) + ".dead" }
func (c Config) deadStream() string  { return c.Stream + "_DEAD" }

// Queue is a connection to the work queue. It is safe for concurrent use.
type Queue struct {
	cfg  Config
	nc   *nats.Conn
	js   jetstream.JetStream
	work jetstream.Stream
	cons jetstream.Consumer
}

// Open connects to the server and creates (or updates) the work stream, the
// dead-letter stream and the workers' durable consumer.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	cfg = cfg.withDefaults()
	if cfg.URL == "" {
		return nil, errors.New("queue: no server URL")
	}
	nc, err := nats.Connect(cfg.URL,
		nats.Name(cfg.Name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.RetryOnFailedConnect(false),
	)
	if err != nil {
		return nil, fmt.Errorf("queue: connect %s: %w", cfg.URL, err)
	}
	q := &Queue{cfg: cfg, nc: nc}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

func (q *Queue) setup(ctx context.Context) error {
	js, err := jetstream.New(q.nc)
	if err != nil {
		return fmt.Errorf("queue: jetstream: %w", err)
	}
	q.js = js
	work, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.cfg.Stream,
		Description: "newsgraph documents waiting for a worker",
		Subjects:    []string{q.cfg.workSubject()},
		Retention:   jetstream.WorkQueuePolicy,
		Discard:     jetstream.DiscardNew,
		MaxMsgs:     q.cfg.MaxMsgs,
		MaxBytes:    q.cfg.MaxBytes,
		Storage:     jetstream.FileStorage,
		Replicas:    q.cfg.Replicas,
		Duplicates:  10 * time.Minute,
	})
	if err != nil {
		return fmt.Errorf("queue: stream %s: %w", q.cfg.Stream, err)
	}
	q.work = work
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.cfg.deadStream(),
		Description: "newsgraph documents that failed MaxDeliver times, with their error",
		Subjects:    []string{q.cfg.deadSubject()},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    q.cfg.Replicas,
		Duplicates:  10 * time.Minute,
	}); err != nil {
		return fmt.Errorf("queue: stream %s: %w", q.cfg.deadStream(), err)
	}
	// The consumer itself never gives up on a message (MaxDeliver -1): the
	// worker counts deliveries and moves a document to the dead letters, so
	// that no message stays in the work stream undeliverable.
	cons, err := js.CreateOrUpdateConsumer(ctx, q.cfg.Stream, jetstream.ConsumerConfig{
		Durable:       q.cfg.Consumer,
		Description:   "newsgraph workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.cfg.AckWait,
		MaxDeliver:    -1,
		MaxAckPending: 10_000,
		FilterSubject: q.cfg.workSubject(),
		Replicas:      q.cfg.Replicas,
	})
	if err != nil {
		return fmt.Errorf("queue: consumer %s: %w", q.cfg.Consumer, err)
	}
	q.cons = cons
	return nil
}

// Config returns the queue's configuration with defaults filled in.
func (q *Queue) Config() Config { return q.cfg }

// Close closes the connection after flushing pending acknowledgements.
func (q *Queue) Close() {
	if q.nc != nil {
		q.nc.Drain()
		deadline := time.Now().Add(5 * time.Second)
		for q.nc.IsDraining() && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		q.nc.Close()
	}
}

// Message is the wire form of a document waiting for the pipeline: what a
// reader produced, before any annotation.
type Message struct {
	ID        string         `json:"id"`
	Title     string         `json:"title,omitempty"`
	URL       string         `json:"url,omitempty"`
	Source    string         `json:"source,omitempty"`
	Published *time.Time     `json:"published,omitempty"`
	Language  string         `json:"language,omitempty"`
	Text      string         `json:"text"`
	Meta      map[string]any `json:"meta,omitempty"`
}

// Encode returns the message of d (its reader fields; annotations are not sent).
func Encode(d *document.Document) ([]byte, error) {
	m := Message{ID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Published: d.Published,
		Language: d.Language, Text: d.Text, Meta: d.Meta}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("queue: encode %q: %w", d.ID, err)
	}
	return b, nil
}

// Decode returns the document of a message's data.
func Decode(data []byte) (*document.Document, error) {
	var m Message
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("queue: decode message: %w", err)
	}
	if m.ID == "" {
		return nil, errors.New("queue: message without a document id")
	}
	d := document.New(m.ID, m.Text)
	d.Title, d.URL, d.Source, d.Published, d.Meta = m.Title, m.URL, m.Source, m.Published, m.Meta
	if m.Language != "" {
		d.Language = m.Language
	}
	return d, nil
}

// MsgID is the deduplication id of a document: its id and text hash.
func MsgID(d *document.Document) string {
	sum := sha256.Sum256([]byte(d.Text))
	return d.ID + "#" + hex.EncodeToString(sum[:12])
}

// ErrTooLarge is returned when a document is larger than the server's
// maximum message size.
var ErrTooLarge = errors.New("queue: document larger than the server's maximum message size")

// Publish sends d to the work stream. It blocks while the stream is full
// (back-pressure: nothing is dropped), retrying with a growing pause until
// the message is stored or ctx ends; a document already published with the
// same id and text inside the duplicate window is not stored again
// (duplicate reports it). origin is kept in a header for messages.
func (q *Queue) Publish(ctx context.Context, d *document.Document, origin string) (duplicate bool, err error) {
	data, err := Encode(d)
	if err != nil {
		return false, err
	}
	if max := q.nc.MaxPayload(); max > 0 && int64(len(data)) > max-1024 {
		return false, fmt.Errorf("%w (%d bytes, limit %d): %s", ErrTooLarge, len(data), max, d.ID)
	}
	msg := &nats.Msg{Subject: q.cfg.workSubject(), Data: data, Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, MsgID(d))
	if origin != "" {
		msg.Header.Set(HeaderOrigin, origin)
	}
	pause := 20 * time.Millisecond
	for {
		ack, err := q.js.PublishMsg(ctx, msg)
		if err == nil {
			return ack.Duplicate, nil
		}
		if !retryable(err) {
			return false, fmt.Errorf("queue: publish %q: %w", d.ID, err)
		}
		select {
		case <-ctx.Done():
			return false, fmt.Errorf("queue: publish %q: %w (last error: %v)", d.ID, ctx.Err(), err)
		case <-time.After(pause):
		}
		pause = min(pause*2, 2*time.Second)
	}
}

// errCodeStreamStoreFailed is JetStream's JSStreamStoreFailedF error code.
const errCodeStreamStoreFailed jetstream.ErrorCode = 10077

// retryable reports whether a publish error is transient: a full stream
// (discard-new limits), no responders while a cluster elects a leader, a
// timeout or a connection being re-established.
func retryable(err error) bool {
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) {
		// 10077: the stream's store refused the message (maximum messages
		// or bytes exceeded under discard-new); 503: no leader yet.
		return apiErr.ErrorCode == errCodeStreamStoreFailed || apiErr.Code == 503
	}
	switch {
	case errors.Is(err, jetstream.ErrNoStreamResponse), errors.Is(err, nats.ErrNoResponders),
		errors.Is(err, nats.ErrTimeout),
		errors.Is(err, nats.ErrConnectionReconnecting), errors.Is(err, nats.ErrDisconnected):
		return true
	}
	s := err.Error()
	return strings.Contains(s, "maximum messages") || strings.Contains(s, "maximum bytes") || strings.Contains(s, "timeout")
}

// Status is what `newsgraph queue status` shows.
type Status struct {
	Stream     string `json:"stream"`
	Pending    uint64 `json:"pending"`     // published, not yet delivered to a worker
	InFlight   int    `json:"in_flight"`   // delivered, not yet acknowledged
	Stored     uint64 `json:"stored"`      // messages in the work stream (pending + in flight)
	Redelivery int    `json:"redelivered"` // in flight for at least the second time
	Failed     uint64 `json:"failed"`      // documents in the dead-letter stream
	Bytes      uint64 `json:"bytes"`       // bytes in the work stream
	Capacity   int64  `json:"capacity"`    // MaxMsgs of the work stream
}

// Status reads the stream and consumer state.
func (q *Queue) Status(ctx context.Context) (Status, error) {
	st := Status{Stream: q.cfg.Stream, Capacity: q.cfg.MaxMsgs}
	si, err := q.work.Info(ctx)
	if err != nil {
		return st, fmt.Errorf("queue: status: %w", err)
	}
	st.Stored, st.Bytes = si.State.Msgs, si.State.Bytes
	ci, err := q.cons.Info(ctx)
	if err != nil {
		return st, fmt.Errorf("queue: status: %w", err)
	}
	st.Pending, st.InFlight, st.Redelivery = ci.NumPending, ci.NumAckPending, ci.NumRedelivered
	dead, err := q.js.Stream(ctx, q.cfg.deadStream())
	if err != nil {
		return st, fmt.Errorf("queue: status: %w", err)
	}
	di, err := dead.Info(ctx)
	if err != nil {
		return st, fmt.Errorf("queue: status: %w", err)
	}
	st.Failed = di.State.Msgs
	return st, nil
}

// DeadLetter is one document in the dead-letter stream.
type DeadLetter struct {
	ID         string `json:"id"`
	Origin     string `json:"origin,omitempty"`
	Error      string `json:"error"`
	Deliveries string `json:"deliveries"`
}

// DeadLetters returns up to n dead-lettered documents, oldest first.
func (q *Queue) DeadLetters(ctx context.Context, n int) ([]DeadLetter, error) {
	dead, err := q.js.Stream(ctx, q.cfg.deadStream())
	if err != nil {
		return nil, fmt.Errorf("queue: dead letters: %w", err)
	}
	info, err := dead.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue: dead letters: %w", err)
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && len(out) < n && info.State.Msgs > 0; seq++ {
		m, err := dead.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("queue: dead letters: %w", err)
		}
		dl := DeadLetter{Error: m.Header.Get(HeaderError), Deliveries: m.Header.Get(HeaderDeliveries), Origin: m.Header.Get(HeaderOrigin)}
		if d, err := Decode(m.Data); err == nil {
			dl.ID = d.ID
		}
		out = append(out, dl)
	}
	return out, nil
}

// deadLetter publishes the message's document to the dead-letter stream with
// its error, then terminates the original (it is removed from the work
// queue). The dead letter's message id makes a repeated attempt (a worker
// killed between the two steps) store it once.
func (q *Queue) deadLetter(ctx context.Context, m jetstream.Msg, deliveries uint64, reason string) error {
	dl := &nats.Msg{Subject: q.cfg.deadSubject(), Data: m.Data(), Header: nats.Header{}}
	id := m.Headers().Get(jetstream.MsgIDHeader)
	if id == "" {
		sum := sha256.Sum256(m.Data())
		id = hex.EncodeToString(sum[:12])
	}
	dl.Header.Set(jetstream.MsgIDHeader, "dead:"+id)
	dl.Header.Set(HeaderError, reason)
	dl.Header.Set(HeaderDeliveries, fmt.Sprint(deliveries))
	if o := m.Headers().Get(HeaderOrigin); o != "" {
		dl.Header.Set(HeaderOrigin, o)
	}
	if _, err := q.js.PublishMsg(ctx, dl); err != nil {
		return fmt.Errorf("queue: dead-letter: %w", err)
	}
	if err := m.TermWithReason(firstLine(reason)); err != nil {
		return fmt.Errorf("queue: dead-letter: terminate: %w", err)
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

// Publisher publishes documents with up to a window of acknowledgements
// outstanding, so a publisher is not bound by one round trip (and, in a
// cluster, one replication) per document. It keeps Publish's guarantees: a
// message the stream refuses (full, no leader) is published again, blocking,
// until stored or ctx ends. It is not safe for concurrent use.
type Publisher struct {
	q       *Queue
	window  int
	pending []pendingPub
	// Published and Duplicates count the acknowledged messages.
	Published, Duplicates int
}

type pendingPub struct {
	fut    jetstream.PubAckFuture
	doc    *document.Document
	origin string
}

// NewPublisher returns a Publisher with at most window (≥ 1; 256 when 0)
// unacknowledged messages.
func (q *Queue) NewPublisher(window int) *Publisher {
	if window <= 0 {
		window = 256
	}
	return &Publisher{q: q, window: window}
}

// Publish sends d; when the window is full it first waits for the oldest
// acknowledgement.
func (p *Publisher) Publish(ctx context.Context, d *document.Document, origin string) error {
	data, err := Encode(d)
	if err != nil {
		return err
	}
	if max := p.q.nc.MaxPayload(); max > 0 && int64(len(data)) > max-1024 {
		return fmt.Errorf("%w (%d bytes, limit %d): %s", ErrTooLarge, len(data), max, d.ID)
	}
	for len(p.pending) >= p.window {
		if err := p.settle(ctx, p.pending[0]); err != nil {
			return err
		}
		p.pending = p.pending[1:]
	}
	msg := &nats.Msg{Subject: p.q.cfg.workSubject(), Data: data, Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, MsgID(d))
	if origin != "" {
		msg.Header.Set(HeaderOrigin, origin)
	}
	fut, err := p.q.js.PublishMsgAsync(msg)
	if err != nil {
		// Could not even be sent: publish it synchronously (retrying).
		dup, err := p.q.Publish(ctx, d, origin)
		if err != nil {
			return err
		}
		p.count(dup)
		return nil
	}
	p.pending = append(p.pending, pendingPub{fut: fut, doc: d, origin: origin})
	return nil
}

// InFlight returns how many messages await their acknowledgement.
func (p *Publisher) InFlight() int { return len(p.pending) }

// Flush waits for every outstanding acknowledgement.
func (p *Publisher) Flush(ctx context.Context) error {
	for len(p.pending) > 0 {
		if err := p.settle(ctx, p.pending[0]); err != nil {
			return err
		}
		p.pending = p.pending[1:]
	}
	return nil
}

// settle waits for one acknowledgement; a refused message is published
// again synchronously (Nats-Msg-Id keeps it single in the stream).
func (p *Publisher) settle(ctx context.Context, pp pendingPub) error {
	select {
	case ack := <-pp.fut.Ok():
		p.count(ack.Duplicate)
		return nil
	case err := <-pp.fut.Err():
		if !retryable(err) {
			return fmt.Errorf("queue: publish %q: %w", pp.doc.ID, err)
		}
		dup, err := p.q.Publish(ctx, pp.doc, pp.origin)
		if err != nil {
			return err
		}
		p.count(dup)
		return nil
	case <-ctx.Done():
		return fmt.Errorf("queue: publish %q: %w", pp.doc.ID, ctx.Err())
	}
}

func (p *Publisher) count(dup bool) {
	if dup {
		p.Duplicates++
	} else {
		p.Published++
	}
}
