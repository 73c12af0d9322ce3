package counts

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/text"
)

// benchText is a wire story with many figures, repeated to about 64 KB.
var benchText = strings.Repeat(`Monsoon floods have killed at least 140 people across southern Sindh province and forced more than 34,000 residents from their homes, the provincial disaster authority said on Tuesday, August 14, 2023. The floods led to the destruction of 140 schools and 2,300 houses, while a dozen clinics were put out of service. According to the World Food Programme, about 1.2 million people are in need; donors have pledged $25m and 5.65bn euros. About 40% of the province's electricity grid was damaged, said Ghulam Shah, 52. Call 0800 720 600.
`, 110)

// BenchmarkStage measures the counts stage alone (tokens prepared once).
func BenchmarkStage(b *testing.B) {
	d := document.New("b", benchText)
	text.Annotate(d)
	s := New()
	ctx := context.Background()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStage_Corpus runs the stage over a BBC file when present
// (NEWSGRAPH_COUNTS_BENCH_FILE names any plain-text file).
func BenchmarkStage_File(b *testing.B) {
	p := os.Getenv("NEWSGRAPH_COUNTS_BENCH_FILE")
	if p == "" {
		b.Skip("set NEWSGRAPH_COUNTS_BENCH_FILE")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	d := document.New("b", string(data))
	text.Annotate(d)
	s := New()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
