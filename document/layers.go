package document

// Shared layers: what several stages read, produced once by one stage.
//
//   - the normalized token view (Lower, layer "tokens", text stage);
//   - the dateline (Dateline, layer "dateline", text stage);
//   - the sentences' places (SentencePlace, layer "locations", geo stage);
//   - actor codes in context (Mention.ContextActor and Mention.Qualifies,
//     layer "actors") and the story setting (Setting, layer "setting"),
//     both from the actors stage of package entities;
//   - the section (Topic, TopicP, layer "topic", topic stage);
//   - the page's genre (Genre, layer "genre", genre stage; NonNews).

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"unicode"
	"unicode/utf8"
)

// LowerText returns s with its letters lower-cased wherever the lower-case
// letter has the same UTF-8 length as the capital (every ASCII letter and
// nearly every other one), so that byte offsets into s index the result in
// the same places. It does not allocate when s has no capital. Runs of
// ASCII are folded eight bytes at a time.
func LowerText(s string) string {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&highBits != 0 || upperBits(w) != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for i < len(b) {
		if i+8 <= len(b) {
			if w := binary.LittleEndian.Uint64(b[i:]); w&highBits == 0 {
				binary.LittleEndian.PutUint64(b[i:], w|upperBits(w)>>2)
				i += 8
				continue
			}
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			utf8.EncodeRune(b[i:], l)
		}
		i += size
	}
	return string(b)
}

// highBits has the high bit of every byte of a word.
const highBits = 0x8080808080808080

// upperBits returns, for a word of eight ASCII bytes, the high bit of
// each byte that is a capital A-Z: x >= 'A' sets it in x+63, x > 'Z' in
// x+37, and no sum of an ASCII byte carries into the next byte. Shifted
// right by two, it is the 0x20 that lower-cases each capital.
func upperBits(w uint64) uint64 {
	return (w + 0x3f3f3f3f3f3f3f3f) &^ (w + 0x2525252525252525) & highBits
}

// LowerSlice returns the normalized (lower-case) text under s: a slice of
// Lower, which the text stage fills; when it is missing (a document built
// by hand) it is computed here first.
func (d *Document) LowerSlice(s Span) string {
	if len(d.Lower) != len(d.Text) {
		d.Lower = LowerText(d.Text)
	}
	return d.Lower[s.Start:s.End]
}

// TokenLower returns the normalized (lower-case) text of token i without
// allocating (see LowerSlice).
func (d *Document) TokenLower(i int) string { return d.LowerSlice(d.Tokens[i].Span) }

// Dateline is the place line that opens a wire story ("NAIROBI, Kenya (AP)
// —", "MADRID, March 12 —"): Span runs through the dash (or the agency's
// closing parenthesis), Place covers the place words and an optional
// region ("NAIROBI, Kenya", "MADRID"). The zero Dateline means the story has
// none.
type Dateline struct {
	Span
	Place Span
}

// Found reports whether the story has a dateline.
func (dl Dateline) Found() bool { return dl.End > dl.Start }

// PlaceAt returns the index into Locations of the place the sentence holding
// byte offset off is set in (see SentencePlace), or -1.
func (d *Document) PlaceAt(off int) int { return d.PlaceOfSentence(d.SentenceAt(off)) }

// PlaceOfSentence returns SentencePlace[si], or -1 when there is none (no
// such sentence, or the geo stage has not run).
func (d *Document) PlaceOfSentence(si int) int {
	if si < 0 || si >= len(d.SentencePlace) {
		return -1
	}
	return d.SentencePlace[si]
}

// Setting is the story setting (policy rule 1 of the events gold: a role
// the text gives no country takes the country its setting is in), decided
// once by the actors stage of package entities for every stage after it.
// Countries are CAMEO country codes ("KEN"), "" when unknown or contested.
type Setting struct {
	// Dateline is the country of the dateline's place.
	Dateline string
	// Sentences holds one entry per sentence.
	Sentences []SentenceSetting
}

// SentenceSetting is the setting of one sentence.
type SentenceSetting struct {
	// Country is the one country the sentence is set in: the country of
	// the places it names or, when it names none, the dateline's; "" when
	// an actor of another country in it or in the sentence before competes.
	Country string
	// Places is the one country of the places the sentence names, "" when
	// it names none or several.
	Places string
}

// SentenceSetting returns the setting of sentence si; the zero value when
// there is none.
func (d *Document) SentenceSetting(si int) SentenceSetting {
	if si < 0 || si >= len(d.Setting.Sentences) {
		return SentenceSetting{}
	}
	return d.Setting.Sentences[si]
}

// TopicConfident is the posterior at or above which the topic stage's label
// is taken as the document's section.
const TopicConfident = 0.99

// SoftSection reports whether the document was classified, with confidence,
// as a sport or arts story: sections where country names and cities mostly
// stand for teams, venues and festivals rather than states.
func (d *Document) SoftSection() bool {
	return (d.Topic == "sport" || d.Topic == "entertainment") && d.TopicP >= TopicConfident
}

// StableID returns the id newsgraph gives a document without one: the
// first 16 hex digits of the SHA-256 of its text.
func StableID(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:8])
}

// HasSyntax reports whether the syntax layer has run over the tokens
// (every token then has a POS; before, every Head is 0 and means nothing).
func (d *Document) HasSyntax() bool { return len(d.Tokens) > 0 && d.Tokens[0].POS != "" }

// Children returns the dependents of every token in the syntax layer:
// Children()[i] lists, in text order, the tokens whose Head is i. It
// allocates one slice header per token and one backing array; call it once
// per document and keep the result. Before the syntax layer every list is
// empty.
func (d *Document) Children() [][]int {
	n := len(d.Tokens)
	out := make([][]int, n)
	if !d.HasSyntax() {
		return out
	}
	count := make([]int, n)
	for _, t := range d.Tokens {
		if t.Head >= 0 && t.Head < n {
			count[t.Head]++
		}
	}
	back := make([]int, 0, n)
	for i := range out {
		out[i] = back[len(back) : len(back) : len(back)+count[i]]
		back = back[:len(back)+count[i]]
	}
	for i, t := range d.Tokens {
		if h := t.Head; h >= 0 && h < n {
			out[h] = append(out[h], i)
		}
	}
	return out
}

// NonNews reports whether the genre stage classified d as a page that is
// no news story (a recipe, fiction, code, a contract, a README, a listing,
// reader comments): the stages that extract what a story reports (quotes,
// events) leave such a page alone. An unclassified document is news.
func (d *Document) NonNews() bool { return d.Genre != "" && d.Genre != "news" }
