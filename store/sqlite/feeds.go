package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// migrationFeeds adds the state of newsgraph watch (store.FeedStore).
const migrationFeeds = `
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	seq           INTEGER NOT NULL UNIQUE, -- order of first poll
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_poll     TEXT,
	next_poll     TEXT,
	failures      INTEGER NOT NULL DEFAULT 0,
	last_status   INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feed_items (
	feed       TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
	key        TEXT NOT NULL,
	seq        INTEGER NOT NULL UNIQUE, -- order first listed, across feeds
	url        TEXT NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	published  TEXT,
	outlet     TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL, -- pending, retry, done, failed
	attempts   INTEGER NOT NULL DEFAULT 0,
	next_try   TEXT,
	reason     TEXT NOT NULL DEFAULT '',
	doc_id     TEXT NOT NULL DEFAULT '',
	first_seen TEXT NOT NULL,
	PRIMARY KEY (feed, key)
);
CREATE INDEX feed_items_todo ON feed_items(seq) WHERE status IN ('pending', 'retry');

CREATE TABLE fetch_log (
	id          INTEGER PRIMARY KEY,
	time        TEXT NOT NULL,
	feed        TEXT NOT NULL,
	url         TEXT NOT NULL,
	kind        TEXT NOT NULL,
	status      INTEGER NOT NULL,
	reason      TEXT NOT NULL,
	error       TEXT NOT NULL DEFAULT '',
	bytes       INTEGER NOT NULL DEFAULT 0,
	duration_ns INTEGER NOT NULL DEFAULT 0,
	doc_id      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX fetch_log_feed ON fetch_log(feed, id);
`

var _ store.FeedStore = (*Store)(nil)

func timeText(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTimeText(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return nil
	}
	return &t
}

// FeedState returns a feed's cursor; see store.FeedStore.
func (s *Store) FeedState(ctx context.Context, feed string) (store.FeedState, error) {
	st := store.FeedState{URL: feed}
	var last, next sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, last_poll, next_poll, failures, last_status, last_error FROM feeds WHERE url = ?`, feed).
		Scan(&st.ETag, &st.LastModified, &last, &next, &st.Failures, &st.LastStatus, &st.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("sqlite: feed %q: %w", feed, err)
	}
	st.LastPoll, st.NextPoll = parseTimeText(last), parseTimeText(next)
	return st, nil
}

// RecordPoll stores a poll's outcome in one transaction; see store.FeedStore.
func (s *Store) RecordPoll(ctx context.Context, st store.FeedState, items []store.FeedItem, log store.FetchLog) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sqlite: record poll: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO feeds(url, seq, etag, last_modified, last_poll, next_poll, failures, last_status, last_error)
		VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM feeds), ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_poll = excluded.last_poll,
		next_poll = excluded.next_poll, failures = excluded.failures, last_status = excluded.last_status, last_error = excluded.last_error`,
		st.URL, st.ETag, st.LastModified, timeText(st.LastPoll), timeText(st.NextPoll), st.Failures, st.LastStatus, st.LastError); err != nil {
		return 0, fmt.Errorf("sqlite: record poll: %w", err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO feed_items(feed, key, seq, url, title, published, outlet, status, first_seen)
		VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM feed_items), ?, ?, ?, ?, 'pending', ?) ON CONFLICT(feed, key) DO NOTHING`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: record poll: %w", err)
	}
	defer ins.Close()
	added := 0
	seen := now()
	for _, it := range items {
		res, err := ins.ExecContext(ctx, st.URL, it.Key, it.URL, it.Title, timeText(it.Published), it.Outlet, seen)
		if err != nil {
			return 0, fmt.Errorf("sqlite: record poll: item %q: %w", it.Key, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			added++
		}
	}
	if err := insertLog(ctx, tx, log); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("sqlite: record poll: %w", err)
	}
	return added, nil
}

func insertLog(ctx context.Context, tx *sql.Tx, l store.FetchLog) error {
	if l.Time.IsZero() {
		l.Time = time.Now()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO fetch_log(time, feed, url, kind, status, reason, error, bytes, duration_ns, doc_id) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		l.Time.UTC().Format(time.RFC3339Nano), l.Feed, l.URL, l.Kind, l.Status, l.Reason, l.Error, l.Bytes, l.Duration.Nanoseconds(), l.DocID)
	if err != nil {
		return fmt.Errorf("sqlite: fetch log: %w", err)
	}
	return nil
}

const itemColumns = `i.feed, i.key, i.url, i.title, i.published, i.outlet, i.status, i.attempts, i.next_try, i.reason, i.doc_id`

func scanItems(rows *sql.Rows) ([]store.FeedItem, error) {
	defer rows.Close()
	var out []store.FeedItem
	for rows.Next() {
		var it store.FeedItem
		var pub, next sql.NullString
		if err := rows.Scan(&it.Feed, &it.Key, &it.URL, &it.Title, &pub, &it.Outlet, &it.Status, &it.Attempts, &next, &it.Reason, &it.DocID); err != nil {
			return nil, fmt.Errorf("sqlite: feed items: %w", err)
		}
		it.Published, it.NextTry = parseTimeText(pub), parseTimeText(next)
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: feed items: %w", err)
	}
	return out, nil
}

// PendingItems returns items to fetch; see store.FeedStore.
func (s *Store) PendingItems(ctx context.Context, at time.Time, limit int) ([]store.FeedItem, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+itemColumns+` FROM feed_items i JOIN feeds f ON f.url = i.feed
		WHERE i.status = 'pending' OR (i.status = 'retry' AND (i.next_try IS NULL OR i.next_try <= ?))
		ORDER BY f.seq, i.seq LIMIT ?`, at.UTC().Format(time.RFC3339Nano), limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: pending items: %w", err)
	}
	return scanItems(rows)
}

// FeedItems lists a feed's items; see store.FeedStore.
func (s *Store) FeedItems(ctx context.Context, feed string) ([]store.FeedItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+itemColumns+` FROM feed_items i JOIN feeds f ON f.url = i.feed
		WHERE ? = '' OR i.feed = ? ORDER BY f.seq, i.seq`, feed, feed)
	if err != nil {
		return nil, fmt.Errorf("sqlite: feed items: %w", err)
	}
	return scanItems(rows)
}

// CompleteItem stores an item's document and outcome in one transaction;
// see store.FeedStore.
func (s *Store) CompleteItem(ctx context.Context, it store.FeedItem, doc *document.Document, log store.FetchLog) (bool, error) {
	if doc != nil {
		if err := s.readyCopies(ctx); err != nil {
			return false, err
		}
		if doc.ID == "" {
			return false, errors.New("sqlite: complete item: document with empty id")
		}
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return false, fmt.Errorf("sqlite: complete item: %w", err)
	}
	defer tx.Rollback()
	var status string
	err = tx.QueryRowContext(ctx, `SELECT status FROM feed_items WHERE feed = ? AND key = ?`, it.Feed, it.Key).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("sqlite: complete item %q of %q: %w", it.Key, it.Feed, store.ErrNotFound)
	}
	if err != nil {
		return false, fmt.Errorf("sqlite: complete item: %w", err)
	}
	if status == store.ItemDone { // a fetch repeated after a restart: logged, nothing else
		if err := insertLog(ctx, tx.Tx, log); err != nil {
			return false, err
		}
		return false, tx.Commit()
	}
	stored := false
	if doc != nil {
		w, err := newWriter(ctx, tx)
		if err != nil {
			return false, err
		}
		var res store.PutResult
		res, err = w.put(ctx, doc, store.ConflictRevise)
		if err == nil {
			err = w.flush(ctx)
		}
		stored = res.Outcome == store.Stored || res.Outcome == store.Revised
		w.close()
		if err != nil {
			return false, fmt.Errorf("sqlite: complete item: put %q: %w", doc.ID, err)
		}
		if !stored { // the item's document is the one already stored under its id or text
			if log.Reason == "stored" {
				log.Reason = "known"
			}
			sum := sha256.Sum256([]byte(doc.Text))
			if err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE id = ? OR text_sha256 = ? ORDER BY id = ? DESC LIMIT 1`,
				doc.ID, hex.EncodeToString(sum[:]), doc.ID).Scan(&it.DocID); err != nil {
				return false, fmt.Errorf("sqlite: complete item: %w", err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE feed_items SET status = ?, attempts = ?, next_try = ?, reason = ?, doc_id = ? WHERE feed = ? AND key = ?`,
		it.Status, it.Attempts, timeText(it.NextTry), it.Reason, it.DocID, it.Feed, it.Key); err != nil {
		return false, fmt.Errorf("sqlite: complete item: %w", err)
	}
	if err := insertLog(ctx, tx.Tx, log); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("sqlite: complete item: %w", err)
	}
	return stored, nil
}

// FetchLog lists the fetch log, newest first; see store.FeedStore.
func (s *Store) FetchLog(ctx context.Context, feed string, limit int) ([]store.FetchLog, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	rows, err := s.db.QueryContext(ctx, `SELECT time, feed, url, kind, status, reason, error, bytes, duration_ns, doc_id FROM fetch_log
		WHERE ? = '' OR feed = ? ORDER BY id DESC LIMIT ?`, feed, feed, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: fetch log: %w", err)
	}
	defer rows.Close()
	var out []store.FetchLog
	for rows.Next() {
		var l store.FetchLog
		var t string
		var ns int64
		if err := rows.Scan(&t, &l.Feed, &l.URL, &l.Kind, &l.Status, &l.Reason, &l.Error, &l.Bytes, &ns, &l.DocID); err != nil {
			return nil, fmt.Errorf("sqlite: fetch log: %w", err)
		}
		l.Time, _ = time.Parse(time.RFC3339Nano, t)
		l.Duration = time.Duration(ns)
		out = append(out, l)
	}
	return out, rows.Err()
}
