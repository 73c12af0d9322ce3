// Package storetest builds small, hand-annotated documents for the tests of
// the store, the HTTP API and the CLI, so those tests do not depend on the
// extraction stages. The stories are invented wire copy.
package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

// builder fills a document's layers from substrings of its text.
type builder struct {
	d   *document.Document
	err error
}

// span returns the byte span of the first occurrence of sub at or after from.
func (b *builder) span(sub string, from int) document.Span {
	i := strings.Index(b.d.Text[from:], sub)
	if i < 0 {
		if b.err == nil {
			b.err = fmt.Errorf("storetest: %q not in document %s", sub, b.d.ID)
		}
		return document.Span{}
	}
	return document.Span{Start: from + i, End: from + i + len(sub)}
}

func (b *builder) sentences(subs ...string) {
	from := 0
	for _, s := range subs {
		sp := b.span(s, from)
		b.d.Sentences = append(b.d.Sentences, document.Sentence{Span: sp})
		from = sp.End
	}
}

// entity adds an entity with one name mention per given surface form.
func (b *builder) entity(name string, typ document.EntityType, actor string, surfaces ...string) int {
	id := len(b.d.Entities)
	e := document.Entity{Name: name, Type: typ, Actor: actor}
	for _, s := range surfaces {
		e.Mentions = append(e.Mentions, len(b.d.Mentions))
		b.d.Mentions = append(b.d.Mentions, document.Mention{Span: b.span(s, 0), Type: typ, Kind: document.Name, Entity: id, Actor: actor})
	}
	b.d.Entities = append(b.d.Entities, e)
	return id
}

func date(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err) // constant input
	}
	return &t
}

func fp(f float64) *float64 { return &f }

// Docs returns three annotated documents:
//
//   - "geneva-talks" (published 2024-03-04): Turkish and Syrian ministers
//     meet; a consult event (code 040, root 04, TURGOV→SYRGOV), a direct
//     quote by Hakan Fidan, a count of about 1.2 million refugees.
//   - "khartoum-protest" (published 2024-05-19): police fire on protesters;
//     events with codes 145 and 183 (SDNCOP→SDNOPP), a KILL count "at least
//     12" attributed to a doctors' committee.
//   - "sao-paulo-strike" (no publication date): multibyte text with curly
//     quotes; a quote by Ana Ribeiro and a strike event (code 143).
//
// It returns an error only if the fixtures are inconsistent.
func Docs() ([]*document.Document, error) {
	var out []*document.Document
	var errs []error

	{
		text := "GENEVA, March 4 — Turkish Foreign Minister Hakan Fidan met his Syrian counterpart Asaad al-Shaibani in Geneva on Monday, the first such talks in over a decade.\n\n" +
			"\"We came to listen, and we will come back,\" Fidan told reporters after the meeting. Turkey hosts about 1.2 million Syrian refugees, the United Nations says."
		d := document.New("geneva-talks", text)
		d.Title = "Turkish and Syrian foreign ministers meet in Geneva"
		d.URL = "https://example.org/geneva-talks"
		d.Source = "fixtures/geneva.txt"
		d.Published = date("2024-03-04T09:30:00Z")
		b := &builder{d: d}
		b.sentences("GENEVA, March 4 — Turkish Foreign Minister Hakan Fidan met his Syrian counterpart Asaad al-Shaibani in Geneva on Monday, the first such talks in over a decade.",
			"\"We came to listen, and we will come back,\" Fidan told reporters after the meeting.",
			"Turkey hosts about 1.2 million Syrian refugees, the United Nations says.")
		fidan := b.entity("Hakan Fidan", document.Person, "TURGOV", "Hakan Fidan", "Fidan told")
		d.Mentions[1].End = d.Mentions[1].Start + len("Fidan")
		shaibani := b.entity("Asaad al-Shaibani", document.Person, "SYRGOV", "Asaad al-Shaibani")
		b.entity("Geneva", document.GPE, "CHE", "Geneva on")
		d.Mentions[3].End = d.Mentions[3].Start + len("Geneva")
		un := b.entity("United Nations", document.Org, "IGOUNO", "United Nations")
		d.Quotes = append(d.Quotes, document.Quote{Span: b.span("We came to listen, and we will come back,", 0), Direct: true, Cue: "told",
			CueSpan: b.span("told", 0), Speaker: &document.Speaker{Span: d.Mentions[1].Span, Name: "Hakan Fidan", Entity: fidan}})
		d.Counts = append(d.Counts, document.Count{Span: b.span("about 1.2 million", 0), Value: 1.2e6, Approx: true, Qualifier: "about",
			Object: "refugee", ObjectSpan: b.span("Syrian refugees", 0), AttributedTo: un, Location: -1})
		d.Locations = append(d.Locations, document.Location{Span: d.Mentions[3].Span, Name: "Geneva", Country: "CH", Feature: "city",
			Lat: fp(46.20222), Lon: fp(6.14569), GeonameID: 2660646, Mention: 3})
		d.Events = append(d.Events, document.Event{Span: b.span("met", 0), Sentence: 0, Code: "040", Root: "04", Quad: 1, Goldstein: 1,
			Plover: "CONSULT", Source: &document.Participant{Name: "Hakan Fidan", Actor: "TURGOV", Entity: fidan},
			Target: &document.Participant{Name: "Asaad al-Shaibani", Actor: "SYRGOV", Entity: shaibani}, Location: 0, IsRoot: true})
		errs = append(errs, b.err)
		out = append(out, d)
	}
	{
		text := "KHARTOUM, May 19 — Sudanese police fired live rounds at protesters marching on the presidential palace on Sunday, leaving at least 12 people dead, a doctors' group said.\n\n" +
			"The Central Committee of Sudanese Doctors said security forces had also arrested dozens of demonstrators. Police denied using live ammunition."
		d := document.New("khartoum-protest", text)
		d.Title = "Sudanese police fire on Khartoum protesters, doctors say"
		d.URL = "https://example.org/khartoum-protest"
		d.Source = "fixtures/khartoum.txt"
		d.Published = date("2024-05-19T16:05:00Z")
		b := &builder{d: d}
		b.sentences("KHARTOUM, May 19 — Sudanese police fired live rounds at protesters marching on the presidential palace on Sunday, leaving at least 12 people dead, a doctors' group said.",
			"The Central Committee of Sudanese Doctors said security forces had also arrested dozens of demonstrators.",
			"Police denied using live ammunition.")
		police := b.entity("Sudanese police", document.Org, "SDNCOP", "Sudanese police")
		protesters := b.entity("protesters", document.Misc, "SDNOPP", "protesters")
		doctors := b.entity("Central Committee of Sudanese Doctors", document.Org, "SDNMED", "Central Committee of Sudanese Doctors")
		d.Quotes = append(d.Quotes, document.Quote{Span: b.span("security forces had also arrested dozens of demonstrators", 0), Cue: "said",
			CueSpan: b.span("said security", 0), Speaker: &document.Speaker{Span: d.Mentions[2].Span, Name: "Central Committee of Sudanese Doctors", Entity: doctors}})
		d.Counts = append(d.Counts,
			document.Count{Span: b.span("at least 12", 0), Value: 12, Qualifier: "at least", Object: "people", Category: "KILL",
				AttributedTo: -1, AttributedName: "a doctors' group", Location: -1},
			document.Count{Span: b.span("dozens", 0), Value: 24, Approx: true, Object: "demonstrator", Category: "ARREST",
				AttributedTo: doctors, Location: -1})
		d.Events = append(d.Events,
			document.Event{Span: b.span("fired live rounds", 0), Sentence: 0, Code: "183", Root: "18", Quad: 4, Goldstein: -10,
				Plover: "ASSAULT", Source: &document.Participant{Name: "Sudanese police", Actor: "SDNCOP", Entity: police},
				Target: &document.Participant{Name: "protesters", Actor: "SDNOPP", Entity: protesters}, Location: -1, IsRoot: true},
			document.Event{Span: b.span("marching", 0), Sentence: 0, Code: "141", Root: "14", Quad: 3, Goldstein: -6.5,
				Plover: "PROTEST", PloverMode: "demonstrate", Source: &document.Participant{Name: "protesters", Actor: "SDNOPP", Entity: protesters},
				Location: -1},
			document.Event{Span: b.span("denied", 0), Sentence: 2, Code: "183", Root: "18", Quad: 4, Goldstein: -10, Negated: true,
				Source: &document.Participant{Name: "Sudanese police", Actor: "SDNCOP", Entity: police}, Location: -1})
		errs = append(errs, b.err)
		out = append(out, d)
	}
	{
		text := "SÃO PAULO — Metro workers in São Paulo walked off the job on Tuesday, halting five lines.\n\n" +
			"“Não vamos recuar,” union leader Ana Ribeiro told a rally — “we will not back down.” The strike cost the city an estimated R$ 40 million."
		d := document.New("sao-paulo-strike", text)
		d.Title = "São Paulo metro workers strike"
		d.Source = "fixtures/sao-paulo.txt"
		d.Language = "en"
		b := &builder{d: d}
		b.sentences("SÃO PAULO — Metro workers in São Paulo walked off the job on Tuesday, halting five lines.",
			"“Não vamos recuar,” union leader Ana Ribeiro told a rally — “we will not back down.”",
			"The strike cost the city an estimated R$ 40 million.")
		ana := b.entity("Ana Ribeiro", document.Person, "BRALAB", "Ana Ribeiro")
		workers := b.entity("Metro workers", document.Misc, "BRALAB", "Metro workers")
		b.entity("São Paulo", document.GPE, "BRA", "São Paulo walked")
		d.Mentions[2].End = d.Mentions[2].Start + len("São Paulo")
		d.Quotes = append(d.Quotes, document.Quote{Span: b.span("Não vamos recuar,", 0), Direct: true, Cue: "told",
			CueSpan: b.span("told", 0), Speaker: &document.Speaker{Span: d.Mentions[0].Span, Name: "Ana Ribeiro", Entity: ana}})
		d.Counts = append(d.Counts, document.Count{Span: b.span("an estimated R$ 40 million", 0), Value: 4e7, Approx: true,
			Qualifier: "an estimated", Currency: "BRL", AttributedTo: -1, Location: -1},
			document.Count{Span: b.span("five", 0), Value: 5, Object: "line", AttributedTo: -1, Location: -1})
		d.Locations = append(d.Locations, document.Location{Span: d.Mentions[2].Span, Name: "São Paulo", Country: "BR", Adm1: "27",
			Feature: "city", Lat: fp(-23.5475), Lon: fp(-46.63611), GeonameID: 3448439, Mention: 2})
		d.Events = append(d.Events, document.Event{Span: b.span("walked off the job", 0), Sentence: 0, Code: "143", Root: "14", Quad: 3,
			Goldstein: -6.5, Plover: "PROTEST", PloverMode: "strike", Source: &document.Participant{Name: "Metro workers", Actor: "BRALAB", Entity: workers},
			Location: 0, IsRoot: true})
		errs = append(errs, b.err)
		out = append(out, d)
	}
	return out, errors.Join(errs...)
}

// MustDocs is Docs for tests: it fails tb on a fixture error.
func MustDocs(tb testing.TB) []*document.Document {
	tb.Helper()
	docs, err := Docs()
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// Word lists of Synthetic (lengths are distinct primes, so combinations repeat rarely).
var (
	synQuantity  = []string{"two", "three", "four", "five", "six", "dozens of", "several", "many", "a few", "hundreds of", "scores of"}
	synPeople    = []string{"soldiers", "fighters", "civilians", "traders", "fishermen", "students", "drivers", "nurses", "farmers", "porters", "guards", "clerks", "pupils"}
	synAdjective = []string{"old", "northern", "busy", "main", "eastern", "narrow", "crowded", "quiet", "southern", "western", "central", "upper", "lower", "outer", "inner", "new", "small"}
	synPlace     = []string{"market", "bridge", "mosque", "school", "harbour", "station", "square", "bakery", "depot", "hospital", "warehouse", "checkpoint", "stadium", "garage", "cinema", "factory", "clinic", "terminal", "pier"}
	synVerb      = []string{"arrived", "withdrew", "moved in", "sealed the area", "fired warning shots", "set up roadblocks", "called for calm", "left", "regrouped", "took control", "cleared the road", "pulled back", "stood by", "made arrests", "opened the road", "closed the street", "gave chase", "sent reinforcements", "fell back", "held its ground", "advanced", "retreated", "waited"}
)

// Synthetic returns n distinct generated documents of about 1.5 KB each,
// with a few annotations per layer, for benchmarks; no two are near
// duplicates (package dedup).
func Synthetic(n int) []*document.Document {
	docs := make([]*document.Document, n)
	for i := range docs {
		var sb strings.Builder
		fmt.Fprintf(&sb, "BEIRUT, June %d — Lebanese army units clashed with gunmen near the port of Tripoli on Thursday, killing at least %d people, officials said. ", i%28+1, i%40+2)
		fmt.Fprintf(&sb, "Witness 0 said the fighting in district %d lasted 2 hours before the army restored order. ", i)
		for k := 1; k < 8; k++ {
			// Words drawn per document and sentence, so that documents are
			// not near-duplicates of each other (package dedup).
			w := func(list []string, salt int) string { return list[(i*7919+k*104729+salt*31)%len(list)] }
			fmt.Fprintf(&sb, "Witness %d saw %s %s near the %s %s for %d hours before the army %s. ", k,
				w(synQuantity, 1), w(synPeople, 2), w(synAdjective, 3), w(synPlace, 4), k+2, w(synVerb, 5))
		}
		d := document.New(fmt.Sprintf("synthetic-%06d", i), sb.String())
		d.Title = fmt.Sprintf("Clashes in Tripoli, report %d", i)
		d.Published = date(fmt.Sprintf("2024-06-%02dT08:00:00Z", i%28+1))
		b := &builder{d: d}
		d.Sentences = append(d.Sentences, document.Sentence{Span: document.Span{Start: 0, End: len(d.Text)}})
		army := b.entity("Lebanese army", document.Org, "LBNMIL", "Lebanese army")
		gunmen := b.entity("gunmen", document.Misc, "LBNREB", "gunmen")
		b.entity("Tripoli", document.GPE, "LBN", "Tripoli")
		d.Quotes = append(d.Quotes, document.Quote{Span: b.span("the fighting in district", 0), Cue: "said", Speaker: &document.Speaker{Span: b.span("Witness 0", 0), Name: "Witness 0", Entity: -1}})
		d.Counts = append(d.Counts, document.Count{Span: b.span("at least", 0), Value: float64(i%40 + 2), Qualifier: "at least", Category: "KILL", AttributedTo: -1, Location: -1})
		d.Locations = append(d.Locations, document.Location{Span: d.Mentions[2].Span, Name: "Tripoli", Country: "LB", Lat: fp(34.43667), Lon: fp(35.84972), Mention: 2})
		d.Events = append(d.Events, document.Event{Span: b.span("clashed", 0), Code: "190", Root: "19", Quad: 4, Goldstein: -10,
			Source: &document.Participant{Name: "Lebanese army", Actor: "LBNMIL", Entity: army},
			Target: &document.Participant{Name: "gunmen", Actor: "LBNREB", Entity: gunmen}, Location: 0})
		docs[i] = d
	}
	return docs
}
