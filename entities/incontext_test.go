package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// TestResolveActors builds mentions by hand (as the entities stage would)
// and checks the resolved codes: nationality and possessive modifiers,
// country-less roles, descriptions whose country the text does not give,
// and coreference.
func TestResolveActors(t *testing.T) {
	type ment struct {
		text     string // the mention's words; the n-th occurrence below
		nth      int
		typ      document.EntityType
		kind     document.MentionKind
		actor    string
		entity   int
		entActor string
		loc      string // the ISO country of the place the mention names, "" when none
	}
	tests := []struct {
		name string
		text string
		ms   []ment
		want []string
	}{
		{"nationality before a role", "Palestinian health officials said.",
			[]ment{{"Palestinian", 0, document.NORP, document.Name, "", 0, "", ""}, {"officials", 0, document.Org, document.Nominal, "GOV", 1, "GOV", ""}},
			[]string{"PSE", "PSEGOV"}},
		{"possessive", "Venezuela's supreme court ruled.",
			[]ment{{"Venezuela", 0, document.GPE, document.Name, "VEN", 0, "VEN", ""}, {"court", 0, document.Org, document.Nominal, "JUD", 1, "JUD", ""}},
			[]string{"VEN", "VENJUD"}},
		{"country inferred for the setting", "Protesters marched in Nairobi.",
			[]ment{{"Protesters", 0, document.NORP, document.Nominal, "KENCVL", 0, "KENCVL", ""}, {"Nairobi", 0, document.GPE, document.Name, "", 1, "", ""}},
			[]string{"KENCVL", ""}},
		{"coreferent name", "Hungarian Prime Minister Viktor Orban arrived. Orban spoke.",
			[]ment{{"Hungarian", 0, document.NORP, document.Name, "", 0, "", ""}, {"Viktor Orban", 0, document.Person, document.Name, "GOV", 1, "GOV", ""},
				{"Orban", 1, document.Person, document.Name, "", 1, "GOV", ""}},
			[]string{"HUN", "HUNGOV", "HUNGOV"}},
		{"place after the role", "Police in Kisumu said.",
			[]ment{{"Police", 0, document.Org, document.Nominal, "COP", 0, "COP", ""}, {"Kisumu", 0, document.GPE, document.Name, "", 1, "", "KE"}},
			[]string{"KENCOP", "KEN"}},
		{"diplomat in a capital keeps no place country", "The ambassador in Nairobi said.",
			[]ment{{"ambassador", 0, document.Person, document.Nominal, "GOV", 0, "GOV", ""}, {"Nairobi", 0, document.GPE, document.Name, "", 1, "", "KE"}},
			[]string{"GOV", "KEN"}},
		{"organisation named after its country", "The Bar Association of Ghana protested.",
			[]ment{{"Bar Association of Ghana", 0, document.Org, document.Name, "", 0, "", ""}},
			[]string{"GHA"}},
		{"bare nationality before a military noun", "Israeli warplanes struck.",
			[]ment{{"Israeli", 0, document.NORP, document.Name, "", 0, "", ""}},
			[]string{"ISRMIL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := document.New("t", tt.text)
			d.Tokens, d.Sentences = simpleTokens(tt.text)
			ents := map[int]*document.Entity{}
			for i, m := range tt.ms {
				off := -1
				for k := 0; k <= m.nth; k++ {
					off = strings.Index(tt.text[off+1:], m.text) + off + 1
				}
				d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: off, End: off + len(m.text)},
					Type: m.typ, Kind: m.kind, Actor: m.actor, Entity: m.entity})
				if m.loc != "" {
					d.Locations = append(d.Locations, document.Location{Span: document.Span{Start: off, End: off + len(m.text)},
						Country: m.loc, Feature: "city", Mention: i})
				}
				if ents[m.entity] == nil {
					ents[m.entity] = &document.Entity{Actor: m.entActor}
				}
				ents[m.entity].Mentions = append(ents[m.entity].Mentions, i)
			}
			for i := 0; i < len(ents); i++ {
				d.Entities = append(d.Entities, *ents[i])
			}
			r, _ := resolveActors(context.Background(), d)
			got := r.codes
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("codes %q, want %q", got, tt.want)
			}
		})
	}
}

// simpleTokens splits on spaces and peels "'s" and final punctuation; one
// sentence per period.
func simpleTokens(s string) ([]document.Token, []document.Sentence) {
	var toks []document.Token
	var sents []document.Sentence
	sentStart, first := 0, 0
	i := 0
	for i < len(s) {
		if s[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '.' && s[j] != '\'' {
			j++
		}
		if j == i {
			j++
			if s[i] == '\'' && j < len(s) && s[j] == 's' {
				j++
			}
		}
		kind := document.Word
		if s[i] == '.' {
			kind = document.Punct
		}
		toks = append(toks, document.Token{Span: document.Span{Start: i, End: j}, Kind: kind})
		if s[i] == '.' {
			sents = append(sents, document.Sentence{Span: document.Span{Start: sentStart, End: j}, FirstToken: first, EndToken: len(toks)})
			sentStart, first = j+1, len(toks)
		}
		i = j
	}
	return toks, sents
}

// TestCorefWords checks data/coref.txt as TestWords checks data/words.txt.
func TestCorefWords(t *testing.T) {
	if err := corefLex.Err(); err != nil {
		t.Fatal(err)
	}
	if u := corefLex.Unused(); len(u) > 0 {
		t.Errorf("data/coref.txt: lists no code reads: %v", u)
	}
	if !placePrepositions["in"] || !countrylessFeatures["water"] {
		t.Error("data/coref.txt: word lists not loaded as expected")
	}
}
