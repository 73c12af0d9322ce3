package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/store"
)

func init() {
	register(command{name: "query", summary: "query stored events, quotes, counts, entities or documents", run: runQuery})
}

const queryExamples = `  newsgraph query events --actor SYR --root 19 --since 2024-01-01
  newsgraph query events --code 145 --text "tear gas" --output csv > protests.csv
  newsgraph query quotes --speaker Guterres --limit 20
  newsgraph query counts --entity "health ministry" --output json
  newsgraph query entities --actor TUR
  newsgraph query documents --since 2024-03-01 --until 2024-03-31
  newsgraph query search --text "ceasefire OR truce" --db archive.db
  newsgraph query figures --category KILL --output json
  newsgraph query corpus-events --doc nw-0303
  newsgraph query stories`

// queryKinds are the row kinds query answers, in help order.
var queryKinds = []string{"events", "quotes", "counts", "entities", "documents", "search", "figures", "corpus-events", "stories"}

// storeFlag registers --db.
func storeFlag(fs *flag.FlagSet) *string {
	return fs.String("db", store.DefaultPath, "store: a SQLite file (created by 'newsgraph ingest') or a postgres:// URL")
}

// openExisting opens the store at path for reading (read-only for a SQLite
// file), refusing to create a new empty one so that a mistyped --db is
// reported instead of answering "no rows".
func openExisting(ctx context.Context, path string) (store.Store, error) {
	return openStoreRead(ctx, path) // storeopen.go
}

func runQuery(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "query", "query events|quotes|counts|entities|documents|search|figures|corpus-events|stories [flags]", queryExamples)
	db := storeFlag(fs)
	var q store.Query
	fs.StringVar(&q.Actor, "actor", "", "CAMEO actor code prefix (SYR matches SYRGOV, SYRMIL)")
	fs.StringVar(&q.Root, "root", "", "two-digit CAMEO root code (events; other kinds: documents with such an event)")
	fs.StringVar(&q.Code, "code", "", "CAMEO event code prefix (19 matches 190, 193, 1951)")
	fs.StringVar(&q.Speaker, "speaker", "", "quote speaker: each word starts a word of the name (case-insensitive)")
	fs.StringVar(&q.Entity, "entity", "", "entity name: each word starts a word of the name (case-insensitive)")
	fs.StringVar(&q.Text, "text", "", fmt.Sprintf(`full-text filter: words (all must occur), "phrases", prefix*, OR (search, SQLite: ranks the %d most recently stored matches)`, store.SearchWindow))
	since := fs.String("since", "", "published on or after: YYYY-MM-DD or RFC 3339")
	until := fs.String("until", "", "published on or before: YYYY-MM-DD (the whole day) or before an RFC 3339 time")
	fs.IntVar(&q.Limit, "limit", store.DefaultLimit, fmt.Sprintf("at most this many rows (1..%d)", store.MaxLimit))
	fs.IntVar(&q.Offset, "offset", 0, "skip this many rows (0: none)")
	output := fs.String("output", "table", "table, json or csv")
	var cq store.CorpusQuery
	fs.StringVar(&cq.Category, "category", "", "figures: count category (KILL, WOUND, ARREST, ...)")
	fs.StringVar(&cq.Doc, "doc", "", "figures, corpus-events, stories: those of this document id")
	fs.Int64Var(&cq.Story, "story", 0, "figures, corpus-events: those of this story id")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	pos := args(fs)
	if len(pos) != 1 {
		writeErr(e.stderr, "query: want exactly one of %s, got %d arguments", strings.Join(queryKinds, ", "), len(pos))
		return exitUsage
	}
	kind := pos[0]
	if !slices.Contains(queryKinds, kind) {
		writeErr(e.stderr, "query: unknown kind %q (want one of %s)", kind, strings.Join(queryKinds, ", "))
		return exitUsage
	}
	if *output != "table" && *output != "json" && *output != "csv" {
		writeErr(e.stderr, "query: unknown --output %q (want table, json or csv)", *output)
		return exitUsage
	}
	if q.Limit < 1 || q.Limit > store.MaxLimit {
		writeErr(e.stderr, "query: --limit %d is not in 1..%d", q.Limit, store.MaxLimit)
		return exitUsage
	}
	for _, t := range []struct {
		val  string
		dst  **time.Time
		end  bool
		name string
	}{{*since, &q.Since, false, "since"}, {*until, &q.Until, true, "until"}} {
		if t.val == "" {
			continue
		}
		v, err := store.ParseTime(t.val, t.end)
		if err != nil {
			writeErr(e.stderr, "query: --%s %q is neither YYYY-MM-DD nor RFC 3339", t.name, t.val)
			return exitUsage
		}
		*t.dst = &v
	}
	if kind == "search" && strings.TrimSpace(q.Text) == "" {
		writeErr(e.stderr, "query: search needs --text")
		return exitUsage
	}
	if _, err := q.Normalize(); err != nil {
		writeErr(e.stderr, "query: %v", strings.TrimPrefix(err.Error(), store.ErrBadQuery.Error()+": "))
		return exitUsage
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		writeErr(e.stderr, "query: %v", err)
		return exitFailure
	}
	defer st.Close()
	cq.Limit, cq.Offset = q.Limit, q.Offset
	var t *table
	if slices.Contains([]string{"figures", "corpus-events", "stories"}, kind) {
		cs, ok := st.(store.CorpusStore)
		if !ok {
			writeErr(e.stderr, "query: %s: this store keeps no corpus layer", kind)
			return exitFailure
		}
		t, err = corpusTable(ctx, cs, kind, cq)
	} else {
		t, err = queryTable(ctx, st, kind, q)
	}
	if err != nil {
		writeErr(e.stderr, "query: %v", err)
		if errors.Is(err, store.ErrBadQuery) {
			return exitUsage
		}
		return exitFailure
	}
	if err := t.write(e.stdout, *output); err != nil {
		writeErr(e.stderr, "query: %v", err)
		return exitFailure
	}
	if *output == "table" && t.n == 0 {
		fmt.Fprintln(e.stderr, "no rows match")
	}
	return exitOK
}

// table is a query result: the typed rows (for JSON) and their cells.
type table struct {
	rows   any
	n      int
	header []string
	cells  [][]string
	wide   map[int]bool // columns truncated in the terminal table
}

func queryTable(ctx context.Context, st store.Store, kind string, q store.Query) (*table, error) {
	t := &table{}
	f := strconv.FormatFloat
	b := strconv.FormatBool
	i := strconv.Itoa
	pub := func(p *string) string {
		if p == nil {
			return ""
		}
		return (*p)[:min(len(*p), 10)]
	}
	span := func(a, b int) string { return i(a) + "-" + i(b) }
	switch kind {
	case "events":
		rows, err := st.Events(ctx, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"doc_id", "published", "span", "code", "root", "quad", "goldstein", "source", "source_actor", "target", "target_actor", "location", "negated", "hypothetical", "text", "sentence"}
		t.wide = map[int]bool{14: true, 15: true}
		for _, r := range rows {
			var sn, sa, tn, ta string
			if r.Source != nil {
				sn, sa = r.Source.Name, r.Source.Actor
			}
			if r.Target != nil {
				tn, ta = r.Target.Name, r.Target.Actor
			}
			t.cells = append(t.cells, []string{r.DocID, pub(r.Published), span(r.Start, r.End), r.Code, r.Root, i(r.Quad), f(r.Goldstein, 'f', -1, 64),
				sn, sa, tn, ta, r.Location, b(r.Negated), b(r.Hypothetical), r.Text, r.Sentence})
		}
	case "quotes":
		rows, err := st.Quotes(ctx, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"doc_id", "published", "span", "direct", "speaker", "speaker_actor", "cue", "text"}
		t.wide = map[int]bool{7: true}
		for _, r := range rows {
			t.cells = append(t.cells, []string{r.DocID, pub(r.Published), span(r.Start, r.End), b(r.Direct), r.Speaker, r.SpeakerActor, r.Cue, r.Text})
		}
	case "counts":
		rows, err := st.Counts(ctx, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"doc_id", "published", "span", "value", "upper", "unit", "currency", "category", "object", "attributed_to", "text", "sentence"}
		t.wide = map[int]bool{11: true}
		for _, r := range rows {
			up := ""
			if r.Upper != nil {
				up = f(*r.Upper, 'f', -1, 64)
			}
			unit := r.Unit
			if r.Percent && unit == "" {
				unit = "percent"
			}
			t.cells = append(t.cells, []string{r.DocID, pub(r.Published), span(r.Start, r.End), f(r.Value, 'f', -1, 64), up, unit, r.Currency, r.Category,
				r.Object, r.AttributedTo, r.Text, r.Sentence})
		}
	case "entities":
		rows, err := st.Entities(ctx, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"doc_id", "published", "entity", "name", "type", "actor", "mentions", "first_span"}
		for _, r := range rows {
			t.cells = append(t.cells, []string{r.DocID, pub(r.Published), i(r.Index), r.Name, r.Type, r.Actor, i(r.Mentions), span(r.Start, r.End)})
		}
	case "documents":
		rows, err := st.Documents(ctx, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"id", "published", "title", "entities", "quotes", "counts", "locations", "events", "url"}
		t.wide = map[int]bool{2: true}
		for _, r := range rows {
			t.cells = append(t.cells, []string{r.ID, pub(r.Published), r.Title, i(r.Entities), i(r.Quotes), i(r.Counts), i(r.Locations), i(r.Events), r.URL})
		}
	case "search":
		rows, err := st.Search(ctx, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"doc_id", "published", "title", "snippet"}
		t.wide = map[int]bool{2: true, 3: true}
		for _, r := range rows {
			t.cells = append(t.cells, []string{r.DocID, pub(r.Published), r.Title, r.Snippet})
		}
	default:
		return nil, fmt.Errorf("%w: unknown kind %q", store.ErrBadQuery, kind)
	}
	return t, nil
}

// tableWidth is the widest a free-text column gets in a terminal table.
const tableWidth = 60

func (t *table) write(w io.Writer, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(t.rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.cells)
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	io.WriteString(tw, strings.ToUpper(strings.Join(t.header, "\t"))+"\n")
	for _, row := range t.cells {
		for j, c := range row {
			if j > 0 {
				io.WriteString(tw, "\t")
			}
			io.WriteString(tw, cell(c, t.wide[j]))
		}
		io.WriteString(tw, "\n")
	}
	return tw.Flush()
}

// cell makes s fit one table cell: whitespace runs (tabs, newlines) become
// one space and wide columns are cut to tableWidth code points with "…".
func cell(s string, wide bool) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-"
	}
	if wide && utf8.RuneCountInString(s) > tableWidth {
		r := []rune(s)
		s = string(r[:tableWidth-1]) + "…"
	}
	return s
}
