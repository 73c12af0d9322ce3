package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/contract"
)

// TestExtract_Explain checks extract --explain on the examples: the output
// is the same as without it apart from "explain"; every trace names a step
// and points inside its layer; every quote's speaker, every count's object
// every entity's actor code and every event's code is explained.
func TestExtract_Explain(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	args := append([]string{"extract", "--with-text"}, files...)
	code, plain, errs := runCLI(t, "", args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, explained, errs := runCLI(t, "", append([]string{"extract", "--explain", "--with-text"}, files...)...)
	if code != exitOK {
		t.Fatalf("--explain: exit %d: %s", code, errs)
	}
	pl, ex := strings.Split(strings.TrimSpace(plain), "\n"), strings.Split(strings.TrimSpace(explained), "\n")
	if len(pl) != len(ex) {
		t.Fatalf("%d documents with --explain, %d without", len(ex), len(pl))
	}
	traced := 0
	for i := range ex {
		var o document.Output
		if err := json.Unmarshal([]byte(ex[i]), &o); err != nil {
			t.Fatal(err)
		}
		if err := contract.Validate([]byte(ex[i]), *o.Text); err != nil {
			t.Fatal(err)
		}
		done := map[string]bool{}
		for _, tr := range o.Explain {
			if tr.Step == "" || tr.Field == "" {
				t.Errorf("%s: trace without a step: %+v", o.ID, tr)
			}
			done[tr.Layer+"/"+tr.Field+"/"+itoa(tr.Index)] = true
			traced++
		}
		for qi := range o.Quotes {
			if !done["quotes/speaker/"+itoa(qi)] {
				t.Errorf("%s: quote %d: speaker not explained", o.ID, qi)
			}
		}
		for ci := range o.Counts {
			if !done["counts/object/"+itoa(ci)] {
				t.Errorf("%s: count %d: object not explained", o.ID, ci)
			}
		}
		for ei, e := range o.Entities {
			if e.Actor != nil && !done["entities/actor/"+itoa(ei)] {
				t.Errorf("%s: entity %d (%s): actor not explained", o.ID, ei, *e.Actor)
			}
		}
		for ei := range o.Events {
			if !done["events/code/"+itoa(ei)] {
				t.Errorf("%s: event %d: code not explained", o.ID, ei)
			}
		}
		o.Explain = nil
		b, _ := json.Marshal(&o)
		var want document.Output
		json.Unmarshal([]byte(pl[i]), &want)
		w, _ := json.Marshal(&want)
		if string(b) != string(w) {
			t.Errorf("%s: --explain changes the output:\n%s", o.ID, around(string(w), string(b)))
		}
	}
	if traced == 0 {
		t.Fatal("no traces")
	}
}
