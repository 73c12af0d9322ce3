package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

func tokTexts(s string, toks []document.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = s[t.Start:t.End]
	}
	return out
}

func TestTokenize_Stream(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens separated by "|"
	}{
		{"Turkey's army didn't move.", "Turkey|'s|army|did|n't|move|."},
		{"Turkey’s army can’t move.", "Turkey|’s|army|ca|n’t|move|."},
		{"The countries' leaders met.", "The|countries|'|leaders|met|."},
		{"They're here, we'll see, I'd go, I'm in, we've won.", "They|'re|here|,|we|'ll|see|,|I|'d|go|,|I|'m|in|,|we|'ve|won|."},
		{"WON'T DON'T", "WO|N'T|DO|N'T"},
		{"O'Brien's rock'n'roll", "O'Brien|'s|rock'n'roll"},
		{"the cease-fire and a 33-year-old man", "the|cease-fire|and|a|33-year-old|man"},
		{"U.S. and U.K. forces; the U.S.A.", "U.S.|and|U.K.|forces|;|the|U.S.A."},
		{"Gen. Smith, Mr. Lee and Dr. No", "Gen.|Smith|,|Mr.|Lee|and|Dr.|No"},
		{"at 3 p.m. and 10 a.m.", "at|3|p.m.|and|10|a.m."},
		{"e.g. this, i.e. that", "e.g.|this|,|i.e.|that"},
		{"George W. Bush", "George|W.|Bush"},
		{"george w. bush and plan b.", "george|w.|bush|and|plan|b."},
		{"plan b. Then", "plan|b|.|Then"},
		{"THATCHER 'S OFFICE and Reuters 's desk and 'Sorry'", "THATCHER|'S|OFFICE|and|Reuters|'s|desk|and|'|Sorry|'"},
		{"No. 10 and said no.", "No.|10|and|said|no|."},
		{"34,000 people, 3.5 points, 1,234.56 and 12,34", "34,000|people|,|3.5|points|,|1,234.56|and|12|,|34"},
		{"$7.4bn; £3.9bn and €20 for 5km", "$|7.4|bn|;|£|3.9|bn|and|€|20|for|5|km"},
		{"rose 3.5% to 76%", "rose|3.5|%|to|76|%"},
		{"the 1990s, 21st and 3rd", "the|1990s|,|21st|and|3rd"},
		{"at 10:30 on 12/05/2004", "at|10:30|on|12/05/2004"},
		{"wait — no – yes -- maybe - ok", "wait|—|no|–|yes|--|maybe|-|ok"},
		{"He said...and… then", "He|said|...|and|…|then"},
		{"“Quote” and ‘single’ and \"plain\"", "“|Quote|”|and|‘|single|’|and|\"|plain|\""},
		{"(see above) [sic] {x}", "(|see|above|)|[|sic|]|{|x|}"},
		{"visit https://example.com/a?b=1. Now", "visit|https://example.com/a?b=1|.|Now"},
		{"mail press@example.org, now", "mail|press@example.org|,|now"},
		{"mail jane.doe@example.org.", "mail|jane.doe@example.org|."},
		{"see reuters.com or who.int/news/item. Then", "see|reuters.com|or|who.int/news/item|.|Then"},
		{"ended.The next", "ended|.|The|next"},
		{"ended.the next", "ended|.|the|next"},
		{"in Rome.It was", "in|Rome|.|It|was"},
		{"had ended.it was", "had|ended|.|it|was"},
		{"www.bbc.co.uk/news)", "www.bbc.co.uk/news|)"},
		{"AT&T and S&P 500", "AT&T|and|S&P|500"},
		{"COVID-19 and the G20 and F-16s", "COVID-19|and|the|G20|and|F-16s"},
		{"#Ukraine @UN", "#Ukraine|@UN"},
		{"the '90s", "the|'90s"},
		{"Ph.D. holders", "Ph.D.|holders"},
		{"a U.S.-led and U.N.-backed force", "a|U.S.-led|and|U.N.-backed|force"},
		{"Apple Inc. and Acme Co.", "Apple|Inc.|and|Acme|Co."},
		{"in Washington, D.C.", "in|Washington|,|D.C."},
		{"Ségolène Zürich naïve", "Ségolène|Zürich|naïve"},
		{"Москва и Київ", "Москва|и|Київ"},
		{"hi 😀!", "hi|😀|!"},
		{"a\u00a0b\u200bc", "a|b|c"},
		{"line\r\nbreak", "line|break"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			toks := Tokenize(tc.in, 0, nil)
			got := strings.Join(tokTexts(tc.in, toks), "|")
			if got != tc.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
			checkTokens(t, tc.in, 0, toks)
		})
	}
}

// TestTokenize_Spans checks full token records, offsets included, on
// multibyte text and with a base offset.
func TestTokenize_Spans(t *testing.T) {
	type tok = document.Token
	sp := func(a, b int) document.Span { return document.Span{Start: a, End: b} }
	tests := []struct {
		in   string
		base int
		want []tok
	}{
		{"“Où?” é", 0, []tok{
			{Span: sp(0, 3), Kind: document.Punct, SpaceBefore: true},
			{Span: sp(3, 6), Kind: document.Word},
			{Span: sp(6, 7), Kind: document.Punct},
			{Span: sp(7, 10), Kind: document.Punct},
			{Span: sp(11, 13), Kind: document.Word, SpaceBefore: true},
		}},
		{"Kyiv’s 3.5% 😀", 100, []tok{
			{Span: sp(100, 104), Kind: document.Word, SpaceBefore: true},
			{Span: sp(104, 108), Kind: document.Word},
			{Span: sp(109, 112), Kind: document.Number, SpaceBefore: true},
			{Span: sp(112, 113), Kind: document.Punct},
			{Span: sp(114, 118), Kind: document.Symbol, SpaceBefore: true},
		}},
		{"$5 — U.S.", 0, []tok{
			{Span: sp(0, 1), Kind: document.Symbol, SpaceBefore: true},
			{Span: sp(1, 2), Kind: document.Number},
			{Span: sp(3, 6), Kind: document.Punct, SpaceBefore: true},
			{Span: sp(7, 11), Kind: document.Word, SpaceBefore: true},
		}},
		{"a\xffb", 0, []tok{
			{Span: sp(0, 1), Kind: document.Word, SpaceBefore: true},
			{Span: sp(1, 2), Kind: document.Symbol},
			{Span: sp(2, 3), Kind: document.Word},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := Tokenize(tc.in, tc.base, nil)
			if len(got) != len(tc.want) {
				t.Fatalf("Tokenize(%q) = %v, want %v", tc.in, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("token %d of %q = %+v, want %+v", i, tc.in, got[i], tc.want[i])
				}
			}
		})
	}
}

// checkTokens asserts the Tokenize invariants: ordered, non-overlapping,
// non-empty tokens on rune boundaries without whitespace.
func checkTokens(tb testing.TB, s string, base int, toks []document.Token) {
	tb.Helper()
	prev := base
	for i, tk := range toks {
		a, b := tk.Start-base, tk.End-base
		if a < prev-base || b <= a || b > len(s) {
			tb.Fatalf("token %d %v out of order or range in %q", i, tk.Span, s)
		}
		if !boundary(s, a) || !boundary(s, b) {
			tb.Fatalf("token %d %v not on rune boundaries in %q", i, tk.Span, s)
		}
		if strings.ContainsAny(s[a:b], " \t\n\r") {
			tb.Fatalf("token %d %q contains whitespace", i, s[a:b])
		}
		prev = tk.End
	}
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || utf8.RuneStart(s[i]) || !utf8.ValidString(s[max(0, i-3):min(len(s), i+1)])
}

func TestTokenize_NoAllocs(t *testing.T) {
	s := strings.Repeat("The U.S. didn't send 34,000 troops to Turkey's border, officials said at 3 p.m. “We will fight.” ", 20)
	dst := make([]document.Token, 0, 2000)
	allocs := testing.AllocsPerRun(20, func() { dst = Tokenize(s, 0, dst[:0]) })
	if allocs != 0 {
		t.Errorf("Tokenize allocated %.1f times per run, want 0", allocs)
	}
}
