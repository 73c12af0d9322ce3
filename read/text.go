package read

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/newsgraph/newsgraph/document"
)

// Text decodes a plain-text document. encoding is "auto" (or ""), "utf-8",
// "latin1" or "windows-1252". In auto mode a UTF-8 or UTF-16 byte order mark
// decides; valid UTF-8 is taken as UTF-8; text with no valid multi-byte UTF-8
// sequence is decoded as Windows-1252 (a superset of Latin-1's printable
// characters); text that mixes valid UTF-8 sequences with invalid bytes is an
// error, as is binary data. The decoding used is kept in Meta["encoding"].
func Text(data []byte, encoding string) (*document.Document, error) {
	text, enc, err := decode(data, strings.ToLower(encoding))
	if err != nil {
		return nil, err
	}
	d, err := newDoc(text)
	if err != nil {
		return nil, err
	}
	d.Title = headline(text)
	if enc != "utf-8" {
		d.Meta = map[string]any{"encoding": enc}
	}
	return d, nil
}

// decode returns data as a UTF-8 string and the name of the encoding used.
func decode(data []byte, encoding string) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if encoding == "" || encoding == "auto" {
			encoding = "utf-8"
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data)
	}
	if err := checkBinary(data); err != nil {
		return "", "", err
	}
	switch encoding {
	case "", "auto":
		if utf8.Valid(data) {
			return string(data), "utf-8", nil
		}
		if off, ok := mixedUTF8(data); ok {
			return "", "", fmt.Errorf("invalid UTF-8 at byte %d (the text mixes UTF-8 with another encoding; use --encoding)", off)
		}
		s, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("cannot decode as Windows-1252: %w", err)
		}
		return string(s), "windows-1252", nil
	case "utf-8", "utf8":
		if !utf8.Valid(data) {
			return "", "", fmt.Errorf("invalid UTF-8 at byte %d", firstInvalid(data))
		}
		return string(data), "utf-8", nil
	case "latin1", "latin-1", "iso-8859-1":
		s, err := charmap.ISO8859_1.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("cannot decode as Latin-1: %w", err)
		}
		return string(s), "latin1", nil
	case "windows-1252", "cp1252":
		s, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("cannot decode as Windows-1252: %w", err)
		}
		return string(s), "windows-1252", nil
	}
	return "", "", fmt.Errorf("%w: unknown encoding %q", ErrUsage, encoding)
}

func decodeUTF16(data []byte) (string, string, error) {
	be := data[0] == 0xFE
	data = data[2:]
	if len(data)%2 != 0 {
		return "", "", errors.New("invalid UTF-16: odd number of bytes")
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if be {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if err := checkBinary([]byte(s)); err != nil {
		return "", "", err
	}
	return s, "utf-16", nil
}

// checkBinary rejects data with NUL bytes or many control characters.
func checkBinary(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("binary file: NUL byte at offset %d", i)
	}
	ctrl := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			ctrl++
		}
	}
	if ctrl > 0 && ctrl*100 > len(data) {
		return fmt.Errorf("binary file: %d control bytes in %d", ctrl, len(data))
	}
	return nil
}

// mixedUTF8 reports whether data holds valid multi-byte UTF-8 sequences as
// well as invalid bytes, and the offset of the first invalid byte.
func mixedUTF8(data []byte) (int, bool) {
	multi, bad := 0, -1
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			if bad < 0 {
				bad = i
			}
			i++
			continue
		}
		multi++
		i += size
	}
	return bad, multi > 0 && bad >= 0
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// headline returns the first line of text when it looks like a headline: short,
// followed by a blank line, not ending like a sentence.
func headline(text string) string {
	t := strings.TrimLeft(text, " \t\r\n")
	i := strings.Index(t, "\n")
	if i < 0 {
		return ""
	}
	line := strings.TrimSpace(t[:i])
	rest := strings.TrimLeft(t[i+1:], " \t\r")
	if !strings.HasPrefix(rest, "\n") || line == "" || utf8.RuneCountInString(line) > 150 {
		return ""
	}
	if strings.HasSuffix(line, ".") && !strings.HasSuffix(line, "..") {
		return ""
	}
	return line
}
