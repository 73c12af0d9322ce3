// Package genre is the stage "genre": what kind of page a document is —
// a news story, or a recipe, fiction, source code, a contract, a README, a
// listing or reader comments — so that the stages that extract what a
// story reports (quotes, events) leave the other pages alone.
//
// The decision is conservative: every document is news unless one other
// genre's cues (data/cues.tsv, read by Load) clearly outweigh the news
// cues. Source code is told by its lines (internal/codetext), not by
// words. The layer is Document.Genre ("genre").
package genre

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/codetext"
	"github.com/newsgraph/newsgraph/internal/keyfilter"
)

// The genres Decide returns.
const (
	News     = "news"
	Recipe   = "recipe"
	Fiction  = "fiction"
	Code     = "code"
	Contract = "contract"
	Readme   = "readme"
	Listing  = "listing"
	Comments = "comments"
)

// Genres lists every genre, news first.
var Genres = []string{News, Recipe, Fiction, Code, Contract, Readme, Listing, Comments}

// minScore is the least score another genre needs to replace news, and
// newsFactor how many times the news score it must reach: one cue word
// in a story ("whispered", "preheat") changes nothing.
const (
	minScore   = 5
	newsFactor = 2
	// codeShare is the share of a text's non-empty lines that must be
	// source code (at least minCodeLines of them) for the genre code.
	codeShare    = 0.5
	minCodeLines = 3
	// shortLine is the most words a "line" cue's line may have.
	shortLine = 8
	// lead is how many bytes of a document the stage reads.
	lead = 20000
)

//go:embed data/cues.tsv
var cuesTSV string

// Kind is how a cue is matched (see data/cues.tsv).
type Kind string

// The cue kinds.
const (
	Word    Kind = "word"
	Line    Kind = "line"
	Heading Kind = "heading"
	Prefix  Kind = "prefix"
)

// Cue is one line of the cue file.
type Cue struct {
	Genre  string
	Kind   Kind
	Text   string // lower case
	Weight int
}

// Cues is a parsed cue file.
type Cues struct {
	list []Cue
	// first maps the first word of each word cue that starts with a word
	// byte to its index in have; lead[i] is that index for list[i] (-1: the
	// cue starts with no word byte), and whole[i] whether list[i] is that
	// one word alone. A cue on word boundaries can occur only where its
	// first word is a whole word of the text, so Decide looks the text's
	// words up once instead of searching the text for every cue.
	first map[string]int
	ends  keyfilter.Filter // keyfilter.Ends of every key of first
	lead  []int
	whole []bool
	occ   sync.Pool // *wordOcc, kept across documents
}

// Load parses a cue file: genre, kind, cue and weight separated by TABs,
// "#" comments and blank lines ignored. A line with another genre or kind,
// a missing field or a weight that is no positive integer is an error
// naming the line.
func Load(src string) (*Cues, error) {
	c := &Cues{}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("genre: cues line %d: want 4 TAB-separated fields, got %d", n+1, len(f))
		}
		if !known(f[0]) {
			return nil, fmt.Errorf("genre: cues line %d: unknown genre %q", n+1, f[0])
		}
		k := Kind(f[1])
		if k != Word && k != Line && k != Heading && k != Prefix {
			return nil, fmt.Errorf("genre: cues line %d: unknown kind %q", n+1, f[1])
		}
		w, err := strconv.Atoi(f[3])
		if err != nil || w <= 0 {
			return nil, fmt.Errorf("genre: cues line %d: weight %q is no positive integer", n+1, f[3])
		}
		if f[2] == "" || strings.ToLower(f[2]) != f[2] {
			return nil, fmt.Errorf("genre: cues line %d: cue %q must be lower case and not empty", n+1, f[2])
		}
		c.list = append(c.list, Cue{Genre: f[0], Kind: k, Text: f[2], Weight: w})
	}
	c.first = map[string]int{}
	for _, q := range c.list {
		w := firstWord(q.Text)
		if q.Kind != Word || w == "" {
			c.lead, c.whole = append(c.lead, -1), append(c.whole, false)
			continue
		}
		i, ok := c.first[w]
		if !ok {
			i = len(c.first)
			c.first[w] = i
			if k, ok := keyfilter.Ends(w); ok {
				c.ends.Add(k)
			}
		}
		c.lead, c.whole = append(c.lead, i), append(c.whole, len(w) == len(q.Text))
	}
	return c, nil
}

func known(g string) bool {
	for _, x := range Genres {
		if x == g && g != Code {
			return true
		}
	}
	return false
}

// Default returns the embedded cues.
func Default() (*Cues, error) { return Load(cuesTSV) }

// Result is a decision: the genre, its score and the news score, and the
// cues that were found for it.
type Result struct {
	Genre     string
	Score     int
	NewsScore int
	Found     []string
	Step      string // the named step that decided
}

// Decide returns the genre of text. It is safe for concurrent use.
func (c *Cues) Decide(text string) Result {
	lower := document.LowerText(text)
	var lines []string
	var short []bool // short[i]: lines[i] has at most shortLine words
	nonEmpty, code := 0, 0
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		nonEmpty++
		if codetext.Line(l) {
			code++
		}
	}
	if code >= minCodeLines && float64(code) >= codeShare*float64(nonEmpty) {
		return Result{Genre: Code, Score: code, Step: "code lines", Found: []string{strconv.Itoa(code) + " of " + strconv.Itoa(nonEmpty) + " lines"}}
	}
	for _, l := range strings.Split(lower, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
			short = append(short, wordsAtMost(l, shortLine))
		}
	}
	occ, _ := c.occ.Get().(*wordOcc)
	if occ == nil {
		occ = new(wordOcc)
	}
	defer c.occ.Put(occ)
	c.words(lower, occ)
	score := map[string]int{}
	found := map[string][]string{}
	for ci, q := range c.list {
		n := 0
		switch q.Kind {
		case Word:
			switch i := c.lead[ci]; {
			case i < 0:
				if hasWord(lower, q.Text) {
					n = 1
				}
			case occ.head[i] < 0:
			case c.whole[ci] || occ.phrase(lower, i, q.Text):
				n = 1
			}
		case Line:
			for i, l := range lines {
				if short[i] && strings.Contains(l, q.Text) {
					n++
				}
			}
		case Heading:
			for _, l := range lines {
				if heading(l) == q.Text {
					n = 1
					break
				}
			}
		case Prefix:
			for _, l := range lines {
				if strings.HasPrefix(l, q.Text) {
					n = 1
					break
				}
			}
		}
		if n > 0 {
			score[q.Genre] += n * q.Weight
			found[q.Genre] = append(found[q.Genre], q.Text)
		}
	}
	r := Result{Genre: News, NewsScore: score[News], Step: "news by default"}
	best := ""
	for _, g := range Genres[1:] {
		if score[g] > score[best] || best == "" && score[g] > 0 {
			best = g
		}
	}
	if best != "" && score[best] >= minScore && score[best] >= newsFactor*score[News] {
		r.Genre, r.Score, r.Found, r.Step = best, score[best], found[best], best+" cues"
	} else if best != "" {
		r.Score, r.Found = score[best], found[best]
	}
	sort.Strings(r.Found)
	return r
}

// wordsAtMost reports whether l has at most n space-separated words.
func wordsAtMost(l string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(l); i++ {
		sp := l[i] == ' ' || l[i] == '\t'
		if !sp && !in {
			if words++; words > n {
				return false
			}
		}
		in = !sp
	}
	return true
}

// heading returns line as a heading: without leading "#" marks and spaces,
// and without a ":" and what follows it.
func heading(l string) string {
	l = strings.TrimLeft(l, "# ")
	if i := strings.IndexByte(l, ':'); i >= 0 {
		l = l[:i]
	}
	return strings.TrimSpace(l)
}

// hasWord reports whether phrase occurs in s on word boundaries.
func hasWord(s, phrase string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		a, b := off+i, off+i+len(phrase)
		if (a == 0 || !wordByte(s[a-1]) || !wordByte(phrase[0])) && (b == len(s) || !wordByte(s[b]) || !wordByte(phrase[len(phrase)-1])) {
			return true
		}
		off = a + 1
	}
}

// firstWord returns the leading word bytes of a cue ("" if it starts
// with another byte).
func firstWord(cue string) string {
	i := 0
	for i < len(cue) && wordByte(cue[i]) {
		i++
	}
	return cue[:i]
}

// wordOcc lists where the first words of word cues occur in a text as
// whole words: head[k] is the last occurrence of the word of index k in
// c.first (-1: none), next[o] the occurrence of the same word before
// occurrence o, at[o] its byte offset.
type wordOcc struct {
	head     []int32
	next, at []int32
}

// phrase reports whether the word cue phrase, whose first word has index k
// and is followed by a byte that is no word byte, occurs in s on word
// boundaries (hasWord(s, phrase)): such an occurrence starts where its
// first word is a whole word of s.
func (o *wordOcc) phrase(s string, k int, phrase string) bool {
	last := wordByte(phrase[len(phrase)-1])
	for x := o.head[k]; x >= 0; x = o.next[x] {
		a := int(o.at[x])
		if b := a + len(phrase); strings.HasPrefix(s[a:], phrase) && (b == len(s) || !last || !wordByte(s[b])) {
			return true
		}
	}
	return false
}

// words lists in o where the first words of word cues (by their index in
// c.first) are whole words (maximal runs of word bytes) of s.
func (c *Cues) words(s string, o *wordOcc) {
	o.head, o.next, o.at = o.head[:0], o.next[:0], o.at[:0]
	for range c.first {
		o.head = append(o.head, -1)
	}
	for i := 0; i < len(s); {
		if !wordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && wordByte(s[j]) {
			j++
		}
		if e, ok := keyfilter.Ends(s[i:j]); ok && !c.ends.Has(e) {
			i = j
			continue // (no first word of a cue)
		}
		if k, ok := c.first[s[i:j]]; ok {
			o.next = append(o.next, o.head[k])
			o.at = append(o.at, int32(i))
			o.head[k] = int32(len(o.at) - 1)
		}
		i = j
	}
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// Stage is the pipeline stage that sets Document.Genre. It is safe for
// concurrent use.
type Stage struct{ cues *Cues }

// New returns the stage over the embedded cues.
func New() (*Stage, error) {
	c, err := Default()
	if err != nil {
		return nil, err
	}
	return &Stage{cues: c}, nil
}

// Name returns "genre".
func (*Stage) Name() string { return "genre" }

// Requires returns nothing: the stage reads the text.
func (*Stage) Requires() []document.Layer { return nil }

// Provides returns the genre layer.
func (*Stage) Provides() []document.Layer { return []document.Layer{document.LayerGenre} }

// Process sets d.Genre from the first lead bytes of d.Text and, with
// d.Explain, traces the step and the cues that decided it. It fails only
// on a cancelled context.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	text := d.Text
	if len(text) > lead {
		// a page shows its kind in its first screens; reading no more
		// keeps long documents cheap (a cut rune is no cue)
		text = text[:lead]
	}
	r := s.cues.Decide(text)
	d.Genre = r.Genre
	if d.Explain {
		d.Trace(document.LayerGenre, 0, "genre", r.Step, fmt.Sprintf("score %d, news %d: %s", r.Score, r.NewsScore, strings.Join(r.Found, ", ")))
	}
	return nil
}
