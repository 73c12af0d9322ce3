package store

import (
	"errors"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	cases := []struct {
		in    string
		until bool
		want  string // RFC 3339, "" for an error
	}{
		{"2024-03-04", false, "2024-03-04T00:00:00Z"},
		{"2024-03-04", true, "2024-03-05T00:00:00Z"},
		{"2024-12-31", true, "2025-01-01T00:00:00Z"},
		{" 2024-03-04 ", false, "2024-03-04T00:00:00Z"},
		{"2024-03-04T10:00:00+02:00", false, "2024-03-04T08:00:00Z"},
		{"2024-03-04T10:00:00Z", true, "2024-03-04T10:00:00Z"},
		{"2024-02-30", false, ""},
		{"04/03/2024", false, ""},
		{"", false, ""},
	}
	for _, c := range cases {
		got, err := ParseTime(c.in, c.until)
		switch {
		case c.want == "" && !errors.Is(err, ErrBadQuery):
			t.Errorf("ParseTime(%q) = %v, %v; want ErrBadQuery", c.in, got, err)
		case c.want != "" && (err != nil || got.Format(time.RFC3339) != c.want):
			t.Errorf("ParseTime(%q, %v) = %v, %v; want %s", c.in, c.until, got, err, c.want)
		}
	}
}

func TestQuery_Normalize(t *testing.T) {
	a := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	b := a.AddDate(0, 1, 0)
	q, err := Query{Actor: " syrgov ", Root: "19", Code: "190", Speaker: " Fidan ", Since: &a, Until: &b}.Normalize()
	if err != nil || q.Actor != "SYRGOV" || q.Speaker != "Fidan" || q.Limit != DefaultLimit {
		t.Errorf("Normalize = %+v, %v", q, err)
	}
	for _, bad := range []Query{{Limit: -1}, {Limit: MaxLimit + 1}, {Offset: -1}, {Root: "x"}, {Code: "19%"}, {Since: &b, Until: &a}, {Since: &a, Until: &a}} {
		if _, err := bad.Normalize(); !errors.Is(err, ErrBadQuery) {
			t.Errorf("Normalize(%+v) err = %v, want ErrBadQuery", bad, err)
		}
	}
}
