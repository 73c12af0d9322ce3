package postgres

import (
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgtype"
	"golang.org/x/text/unicode/norm"
)

// Full-text search: PostgreSQL's tsvector with the 'simple' configuration
// (no stemming, no stop words) and a GIN index, over words that this file
// cuts and folds the way SQLite's FTS5 unicode61 tokenizer with
// remove_diacritics does: a word is a run of letters and digits, lower
// case, without combining marks ("São" and "sao" are one word). The store
// builds the tsvector of those words itself (tsVector: what to_tsvector
// makes of ftsText) and turns a user's search text into a tsquery of the
// same words (tsQuery), so both backends find the same documents for a
// query.

// fold lower-cases s and removes its combining marks.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// words returns the folded words of s.
func words(s string, folded bool) []string {
	if folded {
		s = fold(s)
	} else {
		s = strings.ToLower(s)
	}
	return strings.FieldsFunc(s, func(r rune) bool { return !wordRune(r) })
}

// ftsText is the text to_tsvector indexes for s: its folded words, one
// space apart.
func ftsText(s string) string {
	return strings.Join(words(s, true), " ")
}

// ftsTerm is one term of a search text: a word or a quoted phrase.
type ftsTerm struct {
	text   string
	prefix bool // a trailing *: prefix match of the last word
	or     bool // joined to the previous term by OR
}

// parseSearch reads a user's search text the way store.Query documents it:
// bare words must all occur (a trailing * matches a prefix), "double
// quoted" phrases must occur as written, an upper-case OR between terms
// means either. Control characters and invalid UTF-8 separate terms.
func parseSearch(text string) []ftsTerm {
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, text)
	var terms []ftsTerm
	pendingOr := false
	add := func(t string, prefix bool) {
		if len(words(t, true)) == 0 {
			return
		}
		terms = append(terms, ftsTerm{text: t, prefix: prefix, or: pendingOr && len(terms) > 0})
		pendingOr = false
	}
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == '"':
			j := strings.IndexByte(text[i+1:], '"')
			if j < 0 {
				j = len(text) - i - 1
			}
			add(text[i+1:i+1+j], false)
			i += j + 2
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			j := i
			for j < len(text) && !strings.ContainsRune(" \t\n\r\"", rune(text[j])) {
				j++
			}
			w := text[i:j]
			i = j
			if w == "OR" {
				pendingOr = len(terms) > 0
				continue
			}
			add(w, strings.HasSuffix(w, "*"))
		}
	}
	return terms
}

// tsQuery turns a user's search text into a tsquery (for a ::tsquery cast:
// every lexeme quoted, so no input is a syntax error): each term's words in
// sequence (<->), a prefix term's last word with :*, terms joined by & or
// |. With folded false the words keep their diacritics (the headline
// query, which marks words in the unfolded text). It returns "" when the
// text has no searchable word.
func tsQuery(text string, folded bool) string {
	var b strings.Builder
	n := 0
	for _, t := range parseSearch(text) {
		ws := words(t.text, folded)
		if len(ws) == 0 {
			continue
		}
		n++
		if n > 1 {
			if t.or {
				b.WriteString(" | ")
			} else {
				b.WriteString(" & ")
			}
		}
		b.WriteByte('(')
		for k, w := range ws {
			if k > 0 {
				b.WriteString(" <-> ")
			}
			b.WriteByte('\'')
			b.WriteString(strings.ReplaceAll(w, `'`, `''`))
			b.WriteByte('\'')
			if t.prefix && k == len(ws)-1 {
				b.WriteString(":*")
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// Limits of PostgreSQL's tsvector (tsearch/ts_type.h): a lexeme's length,
// a position, positions per lexeme, and the lexemes' total length.
const (
	maxLexeme      = 2046
	maxPosition    = 16383
	maxPositions   = 255
	maxLexemeBytes = 1<<20 - 1
)

// tsvector is a search vector built by the store: lexemes in byte order,
// each with its positions (increasing). It is sent to the server in
// tsvector's binary form (tsvectorCodec), which the server reads without
// parsing text.
type tsvector struct {
	lexemes []string
	pos     [][]uint16
}

// tsVector returns the tsvector of the folded words of parts in sequence,
// positions from 1: what to_tsvector('simple', …) makes of ftsText(parts),
// built here so that the database server only reads it (the store's CPU is
// spent on the workers, which scale out, not on the server, which does not:
// docs/scaling.md). Past tsvector's limits it behaves as to_tsvector does:
// long words are left out, positions stop at 16383 and at 255 per word;
// words past 1 MB of distinct words are left out.
func tsVector(parts ...string) tsvector {
	pos := map[string][]uint16{}
	var order []string
	n, size := 0, 0
	for _, part := range parts {
		for _, w := range words(part, true) {
			if len(w) > maxLexeme {
				continue
			}
			n++
			p := uint16(min(n, maxPosition))
			ps, seen := pos[w]
			if !seen {
				if size+len(w) > maxLexemeBytes {
					continue
				}
				size += len(w)
				order = append(order, w)
			}
			if len(ps) < maxPositions && (len(ps) == 0 || ps[len(ps)-1] != p) {
				pos[w] = append(ps, p)
			}
		}
	}
	slices.Sort(order)
	v := tsvector{lexemes: order, pos: make([][]uint16, len(order))}
	for i, w := range order {
		v.pos[i] = pos[w]
	}
	return v
}

// String is v's text form ('word':1,4 'other':2).
func (v tsvector) String() string {
	var b strings.Builder
	for i, w := range v.lexemes {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('\'')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), `'`, `''`))
		b.WriteString("':")
		for k, p := range v.pos[i] {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(p)))
		}
	}
	return b.String()
}

// appendBinary appends v in tsvector's binary form (tsvectorsend): the
// number of lexemes, then each lexeme as a NUL-terminated string with its
// number of positions and the positions (16 bits each, weight bits 0).
func (v tsvector) appendBinary(buf []byte) []byte {
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(v.lexemes)))
	for i, w := range v.lexemes {
		buf = append(buf, w...)
		buf = append(buf, 0)
		buf = binary.BigEndian.AppendUint16(buf, uint16(len(v.pos[i])))
		for _, p := range v.pos[i] {
			buf = binary.BigEndian.AppendUint16(buf, p)
		}
	}
	return buf
}

// tsvectorOID is tsvector's type OID (a built-in type: fixed).
const tsvectorOID = 3614

// tsvectorCodec lets pgx send a tsvector value as a parameter or in COPY.
type tsvectorCodec struct{}

func (tsvectorCodec) FormatSupported(f int16) bool {
	return f == pgtype.BinaryFormatCode || f == pgtype.TextFormatCode
}

func (tsvectorCodec) PreferredFormat() int16 { return pgtype.BinaryFormatCode }

func (tsvectorCodec) PlanEncode(_ *pgtype.Map, _ uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(tsvector); !ok {
		return nil
	}
	if format == pgtype.BinaryFormatCode {
		return tsvectorBinary{}
	}
	return tsvectorText{}
}

type tsvectorBinary struct{}

func (tsvectorBinary) Encode(value any, buf []byte) ([]byte, error) {
	return value.(tsvector).appendBinary(buf), nil
}

type tsvectorText struct{}

func (tsvectorText) Encode(value any, buf []byte) ([]byte, error) {
	return append(buf, value.(tsvector).String()...), nil
}

func (tsvectorCodec) PlanScan(_ *pgtype.Map, _ uint32, format int16, target any) pgtype.ScanPlan {
	if _, ok := target.(*string); ok && format == pgtype.TextFormatCode {
		return tsvectorScanText{}
	}
	return nil
}

type tsvectorScanText struct{}

func (tsvectorScanText) Scan(src []byte, target any) error {
	*target.(*string) = string(src)
	return nil
}

func (tsvectorCodec) DecodeDatabaseSQLValue(_ *pgtype.Map, _ uint32, format int16, src []byte) (driver.Value, error) {
	if src == nil {
		return nil, nil
	}
	if format != pgtype.TextFormatCode {
		return nil, errors.New("postgres: tsvector is read in text form only")
	}
	return string(src), nil
}

func (c tsvectorCodec) DecodeValue(m *pgtype.Map, oid uint32, format int16, src []byte) (any, error) {
	return c.DecodeDatabaseSQLValue(m, oid, format, src)
}
