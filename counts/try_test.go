package counts

import (
	"context"
	"fmt"
	"os"
	"testing"

	"newsgraph/document"
	"newsgraph/text"
)

func TestTry(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("TRY"))
	if err != nil {
		t.Skip()
	}
	d := document.New("x", string(b))
	text.New().Process(context.Background(), d)
	New().Process(context.Background(), d)
	for _, c := range d.Counts {
		u := ""
		if c.Upper != nil {
			u = fmt.Sprint(*c.Upper)
		}
		fmt.Printf("%-28q v=%v u=%s pct=%v apx=%v q=%q unit=%q cur=%q obj=%q cat=%q src=%q\n", d.Slice(c.Span), c.Value, u, c.Percent, c.Approx, c.Qualifier, c.Unit, c.Currency, c.Object, c.Category, c.AttributedName)
	}
	fmt.Println(GKGCounts(d))
	fmt.Println(GKGAmounts(d))
}
