package entities

import (
	"bytes"
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// TestGolden_Stories checks every expectation of the golden wire stories:
// each speaker and actor mention, pronouns and role descriptions included,
// resolves to the right entity with the right CAMEO actor code.
func TestGolden_Stories(t *testing.T) {
	sts, err := Stories()
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) < 6 {
		t.Fatalf("have %d golden stories, want at least 6", len(sts))
	}
	var process func(context.Context, *document.Document) error // nil: text + entities
	for _, st := range sts {
		t.Run(st.Name, func(t *testing.T) {
			d := document.New(st.Name, st.Text)
			if err := defaultProcess(t, process)(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			_, _, _, fails := Check(d, st.Expect)
			for _, f := range fails {
				t.Errorf("%q #%d: want entity %q actor %q: %s", f.Mention, f.Occurrence, f.Entity, f.Actor, f.Got)
			}
		})
	}
}

func TestMain_Eval(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"-format", "text"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	t.Logf("eval entities:\n%s", out.String())
	if !bytes.Contains(out.Bytes(), []byte("coreference")) {
		t.Errorf("report lacks the coreference row:\n%s", out.String())
	}
	if code := Main(context.Background(), []string{"-format", "nope"}, &out, &errb); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
}

// defaultProcess returns p, or text + entities when p is nil.
func defaultProcess(t *testing.T, p func(context.Context, *document.Document) error) func(context.Context, *document.Document) error {
	t.Helper()
	if p != nil {
		return p
	}
	p, err := textAndEntities()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
