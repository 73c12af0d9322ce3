package events

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/events/eventstest"
)

// parsed returns text prepared by eventstest with a hand-set parse: one
// "POS/Tag/dep/head/lemma" entry per token of the one sentence (head
// counted in the sentence, -1 for the root; lemma "" for the lower-cased
// word).
func parsed(t *testing.T, text string, parse ...string) *document.Document {
	t.Helper()
	d := document.New("t", text)
	eventstest.Prepare(d)
	if len(d.Tokens) != len(parse) {
		t.Fatalf("%d tokens, %d parse entries", len(d.Tokens), len(parse))
	}
	for i, p := range parse {
		f := strings.Split(p, "/")
		h, err := strconv.Atoi(f[3])
		if err != nil || len(f) != 5 {
			t.Fatalf("bad entry %q", p)
		}
		tk := &d.Tokens[i]
		tk.POS, tk.Tag, tk.Dep, tk.Head, tk.Lemma = f[0], f[1], f[2], h, f[4]
	}
	return d
}

// frameString renders a frame with its arguments as words.
func frameString(d *document.Document, f Frame) string {
	w := func(t int) string {
		if t < 0 {
			return "-"
		}
		return d.TokenText(t)
	}
	var obl []string
	for p, t := range f.Obl {
		obl = append(obl, p+":"+w(t))
	}
	slices.Sort(obl)
	return fmt.Sprintf("%s noun=%v pass=%v subj=%s agent=%s obj=%s obl=%v xcomp=%s neg=%v modal=%s",
		f.Lemma, f.Noun, f.Passive, w(f.Subject), w(f.Agent), w(f.Object), obl, w(f.Xcomp), f.Negated, f.Modal)
}

func TestFrames(t *testing.T) {
	tests := []struct {
		name, text string
		parse      []string
		pred       int
		want       string
		src, tgt   string // actor codes from the roles ("" none)
		srcStep    string
	}{
		{"intent with an open complement", "Brazil agreed to sell boats to Kenya.",
			[]string{"PROPN/NNP/nsubj/1/brazil", "VERB/VBD/root/-1/agree", "PART/TO/mark/3/to", "VERB/VB/xcomp/1/sell",
				"NOUN/NNS/obj/3/boat", "ADP/IN/case/6/to", "PROPN/NNP/obl/3/kenya", "PUNCT/./punct/1/."},
			3, "sell noun=false pass=false subj=- agent=- obj=boats obl=[to:Kenya] xcomp=- neg=false modal=",
			"BRA", "KEN", "frame: controller's subject"},
		{"passive with an agent", "Kenya was not attacked by Somalia.",
			[]string{"PROPN/NNP/nsubj:pass/3/kenya", "AUX/VBD/aux:pass/3/be", "PART/RB/advmod/3/not", "VERB/VBN/root/-1/attack",
				"ADP/IN/case/5/by", "PROPN/NNP/obl:agent/3/somalia", "PUNCT/./punct/3/."},
			3, "attack noun=false pass=true subj=Kenya agent=Somalia obj=- obl=[] xcomp=- neg=true modal=",
			"SOM", "KEN", "frame: agent"},
		{"event noun with of and by", "The bombardment of Kharkiv by Russia will end.",
			[]string{"DET/DT/det/1/the", "NOUN/NN/nsubj/7/bombardment", "ADP/IN/case/3/of", "PROPN/NNP/nmod/1/kharkiv",
				"ADP/IN/case/5/by", "PROPN/NNP/nmod/1/russia", "AUX/MD/aux/7/will", "VERB/VB/root/-1/end", "PUNCT/./punct/7/."},
			1, "bombardment noun=true pass=false subj=- agent=Russia obj=Kharkiv obl=[] xcomp=- neg=false modal=",
			"RUS", "UKR", "frame: agent"},
		{"modal future with a with-oblique", "China will meet with Japan.",
			[]string{"PROPN/NNP/nsubj/2/china", "AUX/MD/aux/2/will", "VERB/VB/root/-1/meet", "ADP/IN/case/4/with",
				"PROPN/NNP/obl/2/japan", "PUNCT/./punct/2/."},
			2, "meet noun=false pass=false subj=China agent=- obj=- obl=[with:Japan] xcomp=- neg=false modal=will",
			"CHN", "JPN", "frame: subject"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsed(t, tt.text, tt.parse...)
			f := frameOf(d, 0, tt.pred, children(d, 0))
			if got := frameString(d, f); got != tt.want {
				t.Errorf("frame\n got %s\nwant %s", got, tt.want)
			}
			st, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := newCoder(st, d)
			c.load(0)
			kids := children(d, 0)
			byTok := mentionTokens(d)
			named := func(t int) bool { mi := argMention(d, 0, t, kids, byTok); return mi >= 0 && c.actor(mi) != "" }
			s, step := roleSource(d, 0, f, kids)
			tg, _ := roleTarget(f, named)
			code := func(tok int) string {
				if mi := argMention(d, 0, tok, kids, byTok); mi >= 0 {
					return CountryOf(c.actor(mi))
				}
				return ""
			}
			if code(s) != tt.src || code(tg) != tt.tgt || step != tt.srcStep {
				t.Errorf("roles %s (%s) → %s, want %s (%s) → %s", code(s), step, code(tg), tt.src, tt.srcStep, tt.tgt)
			}
		})
	}
}

// TestClassifiedNeedsSyntax checks that the classifier's step codes
// nothing without the syntax layer and reads its roles from the frame
// with it.
func TestClassifiedNeedsSyntax(t *testing.T) {
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Japan shipped rice to Haiti."
	d := document.New("t", text)
	eventstest.Prepare(d)
	c := newCoder(st, d)
	if pred, _, _, _, _ := c.classifiedRoles(0); pred >= 0 {
		t.Errorf("roles without syntax: predicate %d", pred)
	}
	d = parsed(t, text, "PROPN/NNP/nsubj/1/japan", "VERB/VBD/root/-1/ship", "NOUN/NN/obj/1/rice", "ADP/IN/case/4/to",
		"PROPN/NNP/obl/1/haiti", "PUNCT/./punct/1/.")
	c = newCoder(st, d)
	c.load(0)
	pred, src, tgt, s1, s2 := c.classifiedRoles(0)
	if pred != 1 || src < 0 || tgt < 0 || c.actor(src) != "JPN" || c.actor(tgt) != "HTI" || s1 != "frame: subject" || s2 != "frame: oblique to" {
		t.Errorf("roles: pred %d, %d (%s) → %d (%s)", pred, src, s1, tgt, s2)
	}
}

// TestPremodifierGap: with the parse, a pattern's gap spans a noun
// phrase's premodifiers however many, so the verb reaches its object's
// head; without it the gap stays at three words.
func TestPremodifierGap(t *testing.T) {
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Brazil cancelled a large new crude oil purchase from Iraq."
	codes := func(d *document.Document) []string {
		var out []string
		for _, e := range st.Code(d) {
			out = append(out, e.Code+" "+actorOf(e.Source)+">"+actorOf(e.Target))
		}
		return out
	}
	d := document.New("t", text)
	eventstest.Prepare(d)
	if got := codes(d); len(got) != 0 {
		t.Errorf("without syntax: %v, want none (a five-word gap)", got)
	}
	d = parsed(t, text, "PROPN/NNP/nsubj/1/brazil", "VERB/VBD/root/-1/cancel", "DET/DT/det/7/a", "ADJ/JJ/amod/7/large",
		"ADJ/JJ/amod/7/new", "ADJ/JJ/amod/6/crude", "NOUN/NN/compound/7/oil", "NOUN/NN/obj/1/purchase",
		"ADP/IN/case/9/from", "PROPN/NNP/nmod/7/iraq", "PUNCT/./punct/1/.")
	if got := codes(d); !slices.Equal(got, []string{"160 BRA>IRQ"}) {
		t.Errorf("with syntax: %v, want [160 BRA>IRQ]", got)
	}
}
