package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
)

// The two texts of one story id: the toll rose from 12 to 30 (invented).
const (
	reviseV1 = `{"id":"quake-1","title":"Earthquake strikes coastal town","published":"2025-03-04T08:00:00Z","text":"An earthquake struck the coastal town of Izmir in Turkey on Tuesday, killing 12 people, the governor said. Rescue teams searched the rubble through the night."}` + "\n"
	reviseV2 = `{"id":"quake-1","title":"Earthquake strikes coastal town","published":"2025-03-04T15:00:00Z","text":"An earthquake struck the coastal town of Izmir in Turkey on Tuesday, killing 30 people, the governor said. Rescue teams searched the rubble through the night and into the morning."}` + "\n"
)

// TestCorpus_Revision ingests a story, then its revision (same id, the
// toll 12 became 30): the tracked figure follows the revision (one value,
// 30, of quake-1; none of the retired quake-1@rev1) and the story keeps
// one article. Ingesting the revision again changes nothing.
func TestCorpus_Revision(t *testing.T) {
	checkRevision(t, filepath.Join(t.TempDir(), "r.db"))
}

// TestCorpus_RevisionPostgres is TestCorpus_Revision on a PostgreSQL store
// (skipped without a server unless CI=true).
func TestCorpus_RevisionPostgres(t *testing.T) {
	checkRevision(t, pgtest.URL(t))
}

func checkRevision(t *testing.T, db string) {
	dir := t.TempDir()
	v1, v2 := writeFile(t, dir, "v1.jsonl", reviseV1), writeFile(t, dir, "v2.jsonl", reviseV2)
	for _, in := range []string{v1, v2, v2} {
		if code, _, errs := runCLI(t, "", "ingest", "--db", db, in); code != exitOK {
			t.Fatalf("ingest %s: exit %d: %s", filepath.Base(in), code, errs)
		}
	}
	code, out, errs := runCLI(t, "", "query", "figures", "--db", db, "--output", "json")
	if code != exitOK {
		t.Fatalf("query figures: exit %d: %s", code, errs)
	}
	var figs []corpus.TrackedFigure
	if err := json.Unmarshal([]byte(out), &figs); err != nil {
		t.Fatalf("query figures: %v\n%s", err, out)
	}
	if len(figs) != 1 || figs[0].Category != "KILL" || figs[0].NumValues != 1 || figs[0].Latest != 30 || figs[0].Contradiction ||
		len(figs[0].Values) != 1 || figs[0].Values[0].Doc != "quake-1" || figs[0].Values[0].Value != 30 {
		t.Errorf("figures after the revision: %s\nwant one KILL figure with the one value 30 of quake-1", out)
	}
	code, out, errs = runCLI(t, "", "query", "stories", "--db", db, "--output", "json")
	if code != exitOK {
		t.Fatalf("query stories: exit %d: %s", code, errs)
	}
	var sts []corpus.Story
	if err := json.Unmarshal([]byte(out), &sts); err != nil {
		t.Fatalf("query stories: %v\n%s", err, out)
	}
	if len(sts) != 1 || sts[0].NumArticles != 1 {
		t.Errorf("stories after the revision: %s\nwant one story of one article", out)
	}
}
