package events

import (
	"context"
	"encoding/csv"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/counts"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/entities"
	evcoder "github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/genre"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/quotes"
	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/text"
)

// TestOverhead measures the events stage's share of the pipeline's time on
// BBC articles under the real stages (text, syntax, entities, geo, actors,
// quotes, counts)
// and holds it to the 20 % budget.
func TestOverhead(t *testing.T) {
	path := shareddata.Require(t, "corpus/bbc/val.csv")
	if testing.Short() {
		t.Skip("short")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	ents, err := entities.New(entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	syn, err := syntax.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	gs, err := genre.New()
	if err != nil {
		t.Fatal(err)
	}
	rest, err := pipeline.New(text.New(), gs, syn, ents, g, entities.NewActors(), quotes.New(), counts.New())
	if err != nil {
		t.Fatal(err)
	}
	ev, err := evcoder.New(evcoder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// The thread's CPU time does not grow with other processes' load, but
	// the kernel counts it in ticks, far coarser than one document's events
	// stage: so each side is timed once over all documents, the other
	// stages first, then events over the same documents.
	clock, release := threadClock()
	defer release()
	var docs []*document.Document
	start := clock()
	for _, r := range recs[1:] {
		d := document.New("bbc", r[0])
		if err := rest.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	other := clock() - start
	start = clock()
	for _, d := range docs {
		if err := ev.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	events := clock() - start
	n, nev := len(docs), 0
	for _, d := range docs {
		nev += len(d.Events)
	}
	share := 100 * float64(events) / float64(other)
	t.Logf("%d docs, %d events: other stages %.3f ms/doc, events %.3f ms/doc (%.1f%% of the rest)",
		n, nev, float64(other.Microseconds())/float64(n)/1000, float64(events.Microseconds())/float64(n)/1000, share)
	if share > 20 {
		t.Errorf("events stage takes %.1f%% of the other stages' time, want <= 20%%", share)
	}
}
