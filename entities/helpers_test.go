package entities

import (
	"context"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/text"
)

var (
	stageOnce sync.Once
	stage     *Stage
	stageErr  error
)

// testProcess returns text + entities over one shared Stage.
func testProcess(tb testing.TB) func(context.Context, *document.Document) error {
	tb.Helper()
	stageOnce.Do(func() { stage, stageErr = New(Options{}) })
	if stageErr != nil {
		tb.Fatal(stageErr)
	}
	return func(ctx context.Context, d *document.Document) error {
		text.Annotate(d)
		return stage.Process(ctx, d)
	}
}

func newDoc(id, s string) *document.Document { return document.New(id, s) }
