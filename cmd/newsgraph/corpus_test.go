package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/export/gdelt"
	"github.com/newsgraph/newsgraph/export/parquet"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
)

// TestCorpus_Acceptance ingests testdata/corpus/kharkiv.jsonl (one
// happening, five outlets, dates a day apart, two syndicated copies, a
// rising death toll and one report that contradicts it) and checks the
// corpus layer: one corpus event with NumSources 5 and NumArticles 7, one
// story of the seven articles, one KILL figure with five values and the
// contradiction flagged. Ingesting again changes nothing.
func TestCorpus_Acceptance(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	in := filepath.Join("..", "..", "testdata", "corpus", "kharkiv.jsonl")
	for round := 0; round < 2; round++ {
		if code, _, errs := runCLI(t, "", "ingest", "--db", db, in); code != exitOK {
			t.Fatalf("ingest: exit %d: %s", code, errs)
		}
		checkKharkiv(t, db)
	}
}

// TestCorpus_AcceptancePostgres runs the acceptance corpus through a
// PostgreSQL store (skipped without a server unless CI=true).
func TestCorpus_AcceptancePostgres(t *testing.T) {
	db := pgtest.URL(t)
	in := filepath.Join("..", "..", "testdata", "corpus", "kharkiv.jsonl")
	if code, _, errs := runCLI(t, "", "ingest", "--db", db, in); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	checkKharkiv(t, db)
}

func checkKharkiv(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	sto, err := openStoreRead(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer sto.Close()
	st, ok := sto.(store.CorpusStore)
	if !ok {
		t.Fatalf("%s keeps no corpus layer", db)
	}
	evs, err := st.CorpusEvents(ctx, store.CorpusQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("%d corpus events, want 1: %+v", len(evs), evs)
	}
	e := evs[0]
	if e.NumSources != 5 || e.NumArticles != 7 || e.NumMentions != 7 || e.Root != "19" || e.Source != "RUSMIL" || e.Target != "UKR" ||
		e.Country != "UA" || e.FirstDay != e.LastDay {
		t.Errorf("corpus event %+v, want root 19 RUSMIL → UKR in UA, 7 mentions, 5 sources, 7 articles", e)
	}
	ms, err := st.CorpusEventMentions(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	var copies []string
	for _, m := range ms {
		if m.CopyOf != "" {
			copies = append(copies, m.Doc+"→"+m.CopyOf)
		}
	}
	slices.Sort(copies)
	if strings.Join(copies, ",") != "cn-0304→nw-0303,vt-0305→eg-0304" {
		t.Errorf("copies among the mentions: %v", copies)
	}
	stories, err := st.Stories(ctx, store.CorpusQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || stories[0].NumArticles != 7 || stories[0].Title != "Shelling of Kharkiv kills at least 12" {
		t.Fatalf("stories %+v, want one of 7 articles titled by the first report", stories)
	}
	if e.Story != stories[0].ID {
		t.Errorf("corpus event in story %d, want %d", e.Story, stories[0].ID)
	}
	figs, err := st.Figures(ctx, store.CorpusQuery{Category: "KILL"})
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 1 {
		t.Fatalf("%d KILL figures, want 1: %+v", len(figs), figs)
	}
	f := figs[0]
	if f.NumValues != 5 || f.Latest != 24 || f.Min != 9 || f.Max != 24 || !f.Contradiction || f.Object != "people" || f.Country != "UA" || f.Story != stories[0].ID {
		t.Errorf("figure %+v, want five values, latest 24, 9..24, contradiction", f)
	}
	if !strings.Contains(f.Reason, "River Post reported 9") {
		t.Errorf("reason %q does not name River Post's 9", f.Reason)
	}
	vs, err := st.FigureValues(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, v.Outlet+":"+strings.TrimSuffix(strings.TrimSuffix(v.Text, " people"), "")+":"+v.Attribution)
	}
	want := []string{"Northwire:at least 12:regional governor", "Daily Harbor:15:the emergency services", "East Gazette:21:health ministry",
		"River Post:9:a local official", "Plains Herald:24:regional governor"}
	if !slices.Equal(got, want) {
		t.Errorf("values\n got %q\nwant %q", got, want)
	}
}

// TestCorpus_EventsExport: the Events export of the corpus gives each
// original's event row the corpus event's counts (copies are left out of
// the event exports) and passes the checker.
func TestCorpus_EventsExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	in := filepath.Join("..", "..", "testdata", "corpus", "kharkiv.jsonl")
	if code, _, errs := runCLI(t, "", "ingest", "--db", db, in); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, out, errs := runCLI(t, "", "query", "figures", "--db", db, "--category", "KILL")
	if code != exitOK || !strings.Contains(out, "River Post reported 9") || !strings.Contains(out, "true") {
		t.Errorf("query figures: exit %d\n%s%s", code, out, errs)
	}
	for _, kind := range []string{"corpus-events", "stories"} {
		if code, out, errs := runCLI(t, "", "query", kind, "--db", db, "--output", "json"); code != exitOK || !strings.Contains(out, `"num_articles": 7`) {
			t.Errorf("query %s: exit %d\n%s%s", kind, code, out, errs)
		}
	}
	code, out, errs = runCLI(t, "", "export", "--db", db, "--format", "gdelt-events")
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	ids, err := gdelt.CheckEvents(strings.NewReader(out))
	if err != nil || len(ids) != 5 {
		t.Fatalf("%d rows, %v", len(ids), err)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		e, _ := gdelt.ParseEvent(line)
		if e.NumMentions != 7 || e.NumSources != 5 || e.NumArticles != 7 {
			t.Errorf("row %d: NumMentions %d NumSources %d NumArticles %d, want 7 5 7", e.ID, e.NumMentions, e.NumSources, e.NumArticles)
		}
	}
}

// TestExport_Parquet writes the four Parquet tables of the corpus test set
// and reads them back with parquet-go's reader.
func TestExport_Parquet(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	in := filepath.Join("..", "..", "testdata", "corpus", "kharkiv.jsonl")
	if code, _, errs := runCLI(t, "", "ingest", "--db", db, in); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	export := func(format string) string {
		out := filepath.Join(dir, format+".parquet")
		if code, _, errs := runCLI(t, "", "export", "--db", db, "--format", format, "-o", out); code != exitOK {
			t.Fatalf("export %s: exit %d: %s", format, code, errs)
		}
		return out
	}
	evs := readParquet[parquet.Event](t, export("parquet-events"))
	if len(evs) != 5 {
		t.Fatalf("%d event rows, want 5 (the originals' events)", len(evs))
	}
	for _, e := range evs {
		if e.NumSources != 5 || e.NumArticles != 7 || e.CorpusEvent == 0 || e.Root != "19" || e.Date != "2025-03-03" || e.Country != "UA" || e.Tone == nil {
			t.Errorf("event row %+v", e)
		}
	}
	ms := readParquet[parquet.Mention](t, export("parquet-mentions"))
	if len(ms) < 5 || ms[0].EventID != evs[0].ID || ms[0].Actor1Start < 0 {
		t.Errorf("mention rows %+v", ms)
	}
	docs := readParquet[parquet.Document](t, export("parquet-documents"))
	dups := 0
	for _, d := range docs {
		if d.DuplicateOf != "" {
			dups++
		}
	}
	if len(docs) != 7 || dups != 2 || docs[0].Tone == nil || !strings.Contains(docs[0].Themes, "KILLING") {
		t.Errorf("%d document rows, %d copies: %+v", len(docs), dups, docs[0])
	}
	figs := readParquet[parquet.Figure](t, export("parquet-figures"))
	kill := 0
	for _, f := range figs {
		if f.Category == "KILL" {
			kill++
			if !f.Contradiction || f.NumValues != 5 {
				t.Errorf("figure row %+v", f)
			}
		}
	}
	if kill != 5 {
		t.Errorf("%d KILL value rows, want 5", kill)
	}
}

func readParquet[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[T](f, fi.Size())
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// storeKeepsCorpus reports whether the store at db keeps the corpus layer.
func storeKeepsCorpus(t *testing.T, db string) bool {
	t.Helper()
	st, err := openStoreRead(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, ok := st.(store.CorpusStore)
	return ok
}
