package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// newsgraph watch's state (store.FeedStore), as store/sqlite keeps it.
// Times are RFC 3339 text as there, so that both backends order them alike.

func timeText(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTimeText(s *string) *time.Time {
	if s == nil {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return nil
	}
	return &t
}

// FeedState returns a feed's cursor; see store.FeedStore.
func (s *Store) FeedState(ctx context.Context, feed string) (store.FeedState, error) {
	st := store.FeedState{URL: feed}
	var last, next *string
	err := s.db.QueryRow(ctx, `SELECT etag, last_modified, last_poll, next_poll, failures, last_status, last_error FROM feeds WHERE url = $1`, feed).
		Scan(&st.ETag, &st.LastModified, &last, &next, &st.Failures, &st.LastStatus, &st.LastError)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("postgres: feed %q: %w", feed, err)
	}
	st.LastPoll, st.NextPoll = parseTimeText(last), parseTimeText(next)
	return st, nil
}

// feedLock serializes the sequence numbers of feeds and feed items (MAX+1,
// as in SQLite) between writers.
const feedLock = lockWrite + 1

// RecordPoll stores a poll's outcome in one transaction; see store.FeedStore.
func (s *Store) RecordPoll(ctx context.Context, st store.FeedState, items []store.FeedItem, log store.FetchLog) (int, error) {
	tx, err := s.db.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return 0, fmt.Errorf("postgres: record poll: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(feedLock)); err != nil {
		return 0, fmt.Errorf("postgres: record poll: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO feeds(url, seq, etag, last_modified, last_poll, next_poll, failures, last_status, last_error)
		VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM feeds), $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_poll = excluded.last_poll,
		next_poll = excluded.next_poll, failures = excluded.failures, last_status = excluded.last_status, last_error = excluded.last_error`,
		st.URL, st.ETag, st.LastModified, timeText(st.LastPoll), timeText(st.NextPoll), st.Failures, st.LastStatus, st.LastError); err != nil {
		return 0, fmt.Errorf("postgres: record poll: %w", err)
	}
	added := 0
	seen := now()
	for _, it := range items {
		tag, err := tx.Exec(ctx, `INSERT INTO feed_items(feed, key, seq, url, title, published, outlet, status, first_seen)
			VALUES ($1, $2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM feed_items), $3, $4, $5, $6, 'pending', $7) ON CONFLICT(feed, key) DO NOTHING`,
			st.URL, it.Key, it.URL, it.Title, timeText(it.Published), it.Outlet, seen)
		if err != nil {
			return 0, fmt.Errorf("postgres: record poll: item %q: %w", it.Key, err)
		}
		if tag.RowsAffected() > 0 {
			added++
		}
	}
	if err := insertLog(ctx, tx, log); err != nil {
		return 0, err
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("postgres: record poll: %w", err)
	}
	return added, nil
}

func insertLog(ctx context.Context, tx pgx.Tx, l store.FetchLog) error {
	if l.Time.IsZero() {
		l.Time = time.Now()
	}
	_, err := tx.Exec(ctx, `INSERT INTO fetch_log(time, feed, url, kind, status, reason, error, bytes, duration_ns, doc_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
		l.Time.UTC().Format(time.RFC3339Nano), l.Feed, l.URL, l.Kind, l.Status, l.Reason, l.Error, l.Bytes, l.Duration.Nanoseconds(), l.DocID)
	if err != nil {
		return fmt.Errorf("postgres: fetch log: %w", err)
	}
	return nil
}

const itemColumns = `i.feed, i.key, i.url, i.title, i.published, i.outlet, i.status, i.attempts, i.next_try, i.reason, i.doc_id`

func scanItems(rows pgx.Rows) ([]store.FeedItem, error) {
	defer rows.Close()
	var out []store.FeedItem
	for rows.Next() {
		var it store.FeedItem
		var pub, next *string
		if err := rows.Scan(&it.Feed, &it.Key, &it.URL, &it.Title, &pub, &it.Outlet, &it.Status, &it.Attempts, &next, &it.Reason, &it.DocID); err != nil {
			return nil, fmt.Errorf("postgres: feed items: %w", err)
		}
		it.Published, it.NextTry = parseTimeText(pub), parseTimeText(next)
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: feed items: %w", err)
	}
	return out, nil
}

// PendingItems returns items to fetch; see store.FeedStore.
func (s *Store) PendingItems(ctx context.Context, at time.Time, limit int) ([]store.FeedItem, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	rows, err := s.db.Query(ctx, `SELECT `+itemColumns+` FROM feed_items i JOIN feeds f ON f.url = i.feed
		WHERE i.status = 'pending' OR (i.status = 'retry' AND (i.next_try IS NULL OR i.next_try <= $1))
		ORDER BY f.seq, i.seq LIMIT $2`, at.UTC().Format(time.RFC3339Nano), limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: pending items: %w", err)
	}
	return scanItems(rows)
}

// FeedItems lists a feed's items; see store.FeedStore.
func (s *Store) FeedItems(ctx context.Context, feed string) ([]store.FeedItem, error) {
	rows, err := s.db.Query(ctx, `SELECT `+itemColumns+` FROM feed_items i JOIN feeds f ON f.url = i.feed
		WHERE $1 = '' OR i.feed = $1 ORDER BY f.seq, i.seq`, feed)
	if err != nil {
		return nil, fmt.Errorf("postgres: feed items: %w", err)
	}
	return scanItems(rows)
}

// CompleteItem stores an item's document and outcome in one transaction;
// see store.FeedStore.
func (s *Store) CompleteItem(ctx context.Context, it store.FeedItem, doc *document.Document, log store.FetchLog) (bool, error) {
	var p *prepared
	if doc != nil {
		if doc.ID == "" {
			return false, errors.New("postgres: complete item: document with empty id")
		}
		var err error
		if p, err = encode(doc); err != nil {
			return false, fmt.Errorf("postgres: complete item: put %q: %w", doc.ID, err)
		}
	}
	stored := false
	err := s.writeTx(ctx, func(w *writer) error {
		var status string
		err := w.tx.QueryRow(ctx, `SELECT status FROM feed_items WHERE feed = $1 AND key = $2`, it.Feed, it.Key).Scan(&status)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("postgres: complete item %q of %q: %w", it.Key, it.Feed, store.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("postgres: complete item: %w", err)
		}
		if status == store.ItemDone { // a fetch repeated after a restart: logged, nothing else
			return insertLog(ctx, w.tx, log)
		}
		if p != nil {
			n, err := w.putBatch(ctx, []*prepared{p})
			if stored = n == 1; err != nil {
				return fmt.Errorf("postgres: complete item: put %q: %w", doc.ID, err)
			}
			if !stored { // the item's document is the one already stored under its id or text
				if log.Reason == "stored" {
					log.Reason = "known"
				}
				if err := w.tx.QueryRow(ctx, `SELECT id FROM documents WHERE id = $1 OR text_sha256 = $2 ORDER BY id = $1 DESC LIMIT 1`,
					doc.ID, p.sum).Scan(&it.DocID); err != nil {
					return fmt.Errorf("postgres: complete item: %w", err)
				}
			}
		}
		if _, err := w.tx.Exec(ctx, `UPDATE feed_items SET status = $1, attempts = $2, next_try = $3, reason = $4, doc_id = $5 WHERE feed = $6 AND key = $7`,
			it.Status, it.Attempts, timeText(it.NextTry), it.Reason, it.DocID, it.Feed, it.Key); err != nil {
			return fmt.Errorf("postgres: complete item: %w", err)
		}
		return insertLog(ctx, w.tx, log)
	})
	if err != nil {
		return false, err
	}
	return stored, nil
}

// FetchLog lists the fetch log, newest first; see store.FeedStore.
func (s *Store) FetchLog(ctx context.Context, feed string, limit int) ([]store.FetchLog, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	rows, err := s.db.Query(ctx, `SELECT time, feed, url, kind, status, reason, error, bytes, duration_ns, doc_id FROM fetch_log
		WHERE $1 = '' OR feed = $1 ORDER BY id DESC LIMIT $2`, feed, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: fetch log: %w", err)
	}
	defer rows.Close()
	var out []store.FetchLog
	for rows.Next() {
		var l store.FetchLog
		var t string
		var ns int64
		if err := rows.Scan(&t, &l.Feed, &l.URL, &l.Kind, &l.Status, &l.Reason, &l.Error, &l.Bytes, &ns, &l.DocID); err != nil {
			return nil, fmt.Errorf("postgres: fetch log: %w", err)
		}
		l.Time, _ = time.Parse(time.RFC3339Nano, t)
		l.Duration = time.Duration(ns)
		out = append(out, l)
	}
	return out, rows.Err()
}
