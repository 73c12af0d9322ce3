package store

import (
	"strings"
	"unicode"
)

// Helpers every backend calls, so that the rules are written once: what a
// put does with a stored id (Resolve) and how a name is cut into the words
// the name filters match (NameWords).

// Resolve decides what storing a document under id does, given what the
// store holds: prev is the revision stored under id (0 when the id is
// new), sameText whether that revision's text is the new text, and
// textStored whether the new text is stored under any id (an earlier
// revision included). The outcome says what the backend does next:
//   - Stored, Revised, Replaced: insert the document as revision
//     res.Revision; for Revised and Replaced first retire the stored
//     revision (Revised keeps it under res.Previous, unlisted; Replaced
//     deletes it);
//   - Unchanged: insert nothing (the copy rule records an exact carrier);
//   - Skipped, Conflict: insert nothing.
func Resolve(c OnConflict, id string, prev int, sameText, textStored bool) PutResult {
	switch {
	case prev == 0 && textStored:
		return PutResult{Outcome: Unchanged}
	case prev == 0:
		return PutResult{Outcome: Stored, Revision: 1}
	case sameText || textStored:
		// The new text is stored already (under the id, an earlier
		// revision or another id): nothing new to keep.
		return PutResult{Outcome: Unchanged, Revision: prev}
	case c == ConflictSkip:
		return PutResult{Outcome: Skipped, Revision: prev}
	case c == ConflictFail:
		return PutResult{Outcome: Conflict, Revision: prev}
	case c == ConflictReplace:
		return PutResult{Outcome: Replaced, Revision: prev}
	}
	return PutResult{Outcome: Revised, Revision: prev + 1, Previous: RevisionID(id, prev)}
}

// Inserted reports whether an outcome stored a new text (what Put and
// PutBatch count).
func (o Outcome) Inserted() bool { return o == Stored || o == Revised || o == Replaced }

// NameWords splits a name into the words the name filters match (see
// Query): runs of letters and digits, lower-cased, each once, in order
// ("Jean-Luc Mélenchon" → jean, luc, mélenchon). Backends index the words
// of every stored name and look each word of a filter up as a prefix.
func NameWords(name string) []string {
	fs := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := fs[:0]
	for _, f := range fs {
		dup := false
		for _, g := range out {
			dup = dup || g == f
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

// WordPrefixEnd is the exclusive upper bound of the words starting with w
// in byte (code point) order, for a range scan of an index: every valid
// UTF-8 string that starts with w sorts before w followed by U+10FFFF.
func WordPrefixEnd(w string) string { return w + "\U0010FFFF" }
