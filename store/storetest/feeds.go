package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// FeedBackend is a store that keeps newsgraph watch's state.
type FeedBackend interface {
	store.Store
	store.FeedStore
}

func items(feed string, keys ...string) []store.FeedItem {
	var out []store.FeedItem
	for _, k := range keys {
		out = append(out, store.FeedItem{Feed: feed, Key: k, URL: "https://" + strings.TrimPrefix(feed, "https://") + "/" + k, Title: "Item " + k})
	}
	return out
}

func keys(its []store.FeedItem) string {
	var s []string
	for _, it := range its {
		s = append(s, it.Feed[strings.LastIndexByte(it.Feed, '/')+1:]+":"+it.Key+":"+it.Status)
	}
	return strings.Join(s, " ")
}

// FeedSuite checks a backend's FeedStore: cursors, items that stay pending
// until done, retries, the log, and the atomicity of CompleteItem. open
// returns a new, empty store.
func FeedSuite(t *testing.T, open func(t *testing.T) FeedBackend) {
	ctx := context.Background()
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	const fa, fb = "https://a.example/feed", "https://b.example/rss"
	t.Run("cursor and items", func(t *testing.T) {
		s := open(t)
		st, err := s.FeedState(ctx, fa)
		if err != nil || st.URL != fa || st.ETag != "" || st.LastPoll != nil {
			t.Fatalf("unknown feed state = %+v, %v", st, err)
		}
		next := t0.Add(15 * time.Minute)
		st = store.FeedState{URL: fa, ETag: `"v1"`, LastModified: "Tue, 01 Dec 2026 10:00:00 GMT", LastPoll: &t0, NextPoll: &next, LastStatus: 200}
		pub := t0.Add(-time.Hour)
		its := items(fa, "1", "2", "3")
		its[0].Published, its[0].Outlet = &pub, "A Daily"
		if n, err := s.RecordPoll(ctx, st, its, store.FetchLog{Time: t0, Feed: fa, URL: fa, Kind: "feed", Status: 200, Reason: "ok"}); err != nil || n != 3 {
			t.Fatalf("RecordPoll = %d, %v", n, err)
		}
		got, err := s.FeedState(ctx, fa)
		if err != nil || got.ETag != st.ETag || got.LastModified != st.LastModified || got.LastPoll == nil || !got.LastPoll.Equal(t0) || !got.NextPoll.Equal(next) {
			t.Errorf("FeedState = %+v, %v", got, err)
		}
		if n, err := s.RecordPoll(ctx, store.FeedState{URL: fb, LastPoll: &t0}, items(fb, "x"), store.FetchLog{Feed: fb, Kind: "feed"}); err != nil || n != 1 {
			t.Fatalf("RecordPoll b = %d, %v", n, err)
		}
		// A later poll of a: one new item among known ones.
		if n, err := s.RecordPoll(ctx, st, items(fa, "4", "2", "1"), store.FetchLog{Feed: fa, Kind: "feed", Reason: "ok"}); err != nil || n != 1 {
			t.Fatalf("second RecordPoll = %d, %v", n, err)
		}
		pend, err := s.PendingItems(ctx, t0, 0)
		if err != nil || keys(pend) != "feed:1:pending feed:2:pending feed:3:pending feed:4:pending rss:x:pending" {
			t.Fatalf("PendingItems = %q, %v", keys(pend), err)
		}
		if p := pend[0]; p.Outlet != "A Daily" || p.Published == nil || !p.Published.Equal(pub) || p.URL != "https://a.example/feed/1" || p.Title != "Item 1" {
			t.Errorf("item fields = %+v", p)
		}
		if pend, _ := s.PendingItems(ctx, t0, 2); len(pend) != 2 {
			t.Errorf("limit 2: %d items", len(pend))
		}
	})
	t.Run("complete, retry, fail", func(t *testing.T) {
		s := open(t)
		if _, err := s.RecordPoll(ctx, store.FeedState{URL: fa}, items(fa, "1", "2", "3"), store.FetchLog{Feed: fa, Kind: "feed"}); err != nil {
			t.Fatal(err)
		}
		pend, _ := s.PendingItems(ctx, t0, 0)
		d := document.New("doc-1", "Dock workers in Velmora ended their strike on Thursday after a pay deal, the union said.")
		done := pend[0]
		done.Status, done.Attempts, done.DocID = store.ItemDone, 1, d.ID
		if ok, err := s.CompleteItem(ctx, done, d, store.FetchLog{Feed: fa, URL: done.URL, Kind: "article", Status: 200, Reason: "stored", DocID: d.ID}); err != nil || !ok {
			t.Fatalf("CompleteItem = %v, %v", ok, err)
		}
		if _, err := s.Document(ctx, "doc-1"); err != nil {
			t.Errorf("document not stored with its item: %v", err)
		}
		// Completing again (a restart that re-fetched) changes nothing.
		if ok, err := s.CompleteItem(ctx, done, d, store.FetchLog{Feed: fa, Kind: "article"}); err != nil || ok {
			t.Errorf("second CompleteItem = %v, %v", ok, err)
		}
		later := t0.Add(10 * time.Minute)
		retry := pend[1]
		retry.Status, retry.Attempts, retry.NextTry, retry.Reason = store.ItemRetry, 1, &later, "timeout"
		fail := pend[2]
		fail.Status, fail.Attempts, fail.Reason = store.ItemFailed, 1, "blocked"
		for _, it := range []store.FeedItem{retry, fail} {
			if ok, err := s.CompleteItem(ctx, it, nil, store.FetchLog{Feed: fa, URL: it.URL, Kind: "article", Reason: it.Reason}); err != nil || ok {
				t.Fatalf("CompleteItem(%s) = %v, %v", it.Key, ok, err)
			}
		}
		if pend, _ := s.PendingItems(ctx, t0, 0); len(pend) != 0 {
			t.Errorf("pending before the retry is due: %q", keys(pend))
		}
		if pend, _ := s.PendingItems(ctx, later, 0); keys(pend) != "feed:2:retry" || pend[0].Attempts != 1 || pend[0].Reason != "timeout" {
			t.Errorf("pending when due: %q", keys(pend))
		}
		all, err := s.FeedItems(ctx, "")
		if err != nil || keys(all) != "feed:1:done feed:2:retry feed:3:failed" || all[0].DocID != "doc-1" {
			t.Errorf("FeedItems = %q, %v", keys(all), err)
		}
		log, err := s.FetchLog(ctx, fa, 0)
		if err != nil || len(log) != 5 || log[0].Reason != "blocked" || log[len(log)-1].Kind != "feed" {
			t.Errorf("FetchLog = %+v, %v", log, err)
		}
		if _, err := s.CompleteItem(ctx, store.FeedItem{Feed: fa, Key: "nope", Status: store.ItemDone}, nil, store.FetchLog{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown item: %v", err)
		}
	})
	t.Run("a failed store leaves the item pending", func(t *testing.T) {
		s := open(t)
		if _, err := s.RecordPoll(ctx, store.FeedState{URL: fa}, items(fa, "1"), store.FetchLog{Feed: fa, Kind: "feed"}); err != nil {
			t.Fatal(err)
		}
		it := items(fa, "1")[0]
		it.Status = store.ItemDone
		bad := document.New("", "A document without an id cannot be stored.")
		if _, err := s.CompleteItem(ctx, it, bad, store.FetchLog{Feed: fa, Kind: "article"}); err == nil {
			t.Fatal("CompleteItem with a bad document succeeded")
		}
		if pend, _ := s.PendingItems(ctx, t0, 0); keys(pend) != "feed:1:pending" {
			t.Errorf("after a failed CompleteItem: %q", keys(pend))
		}
		if log, _ := s.FetchLog(ctx, "", 0); len(log) != 1 {
			t.Errorf("log of a rolled-back CompleteItem kept: %d entries", len(log))
		}
	})
}
