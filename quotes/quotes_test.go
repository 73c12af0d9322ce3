package quotes

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
)

var _ pipeline.Stage = (*Stage)(nil)

// want is one expected quote: its text, the cue, the speaker span text and
// the resolved name. Spans are checked byte for byte: each expected string
// must be found in the text at the quote's offsets, in order.
type want struct {
	text    string
	direct  bool
	cue     string
	speaker string // speaker span text, "" for none
	name    string // resolved name; defaults to speaker
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"interrupted quote", "\u201cWe will not,\u201d Ana Ortega said on Monday, \u201cback down from our demands.\u201d",
			[]want{{"We will not,", true, "said", "Ana Ortega", ""}, {"back down from our demands.", true, "said", "Ana Ortega", ""}}},
		{"straight quotes, pronoun, consecutive", "Ortega arrived late. \"There is no other way,\" she said. \"The ministry has been clear.\"",
			[]want{{"There is no other way,", true, "said", "she", ""}, {"The ministry has been clear.", true, "", "she", ""}}},
		// the name that opens the clause speaks, not its appositive
		{"role description with appositive", "Ana Ortega, the veteran diplomat, told reporters that the delegation would stay in Geneva until Friday.",
			[]want{{"the delegation would stay in Geneva until Friday", false, "told", "Ana Ortega", ""}}},
		{"organization, colon cue", "The ministry said in a statement: \u201cAll options remain open.\u201d",
			[]want{{"All options remain open.", true, "said", "The ministry", ""}}},
		{"inverted cue", "\"The ceasefire must hold,\" said a spokesman for the army.",
			[]want{{"The ceasefire must hold,", true, "said", "a spokesman for the army", ""}}},
		{"according to, leading", "According to police, at least 12 people were detained near the port.",
			[]want{{"at least 12 people were detained near the port", false, "According to", "police", ""}}},
		{"according to, trailing", "Twelve people were detained near the port overnight, according to the interior ministry.",
			[]want{{"Twelve people were detained near the port overnight", false, "according to", "the interior ministry", ""}}},
		{"trailing said", "The talks will resume in Doha next week, officials said.",
			[]want{{"The talks will resume in Doha next week", false, "said", "officials", ""}}},
		{"pointed out", "Lopez pointed out that the border had been closed since March.",
			[]want{{"the border had been closed since March", false, "pointed out", "Lopez", ""}}},
		{"warned that", "The central bank warned that inflation could stay above target through 2026.",
			[]want{{"inflation could stay above target through 2026", false, "warned", "The central bank", ""}}},
		{"nominal cue", "Ortega's statement that the accord was dead surprised the mediators.",
			[]want{{"the accord was dead surprised the mediators", false, "statement", "Ortega", ""}}},
		{"scare quote is not a quote", "The so-called \"roadmap\" was never published.", nil},
		{"title is not a quote", "She appeared on \"Meet The Press\" twice.", nil},
		{"unbalanced quote without attribution ends at its paragraph", "He said \u201cthe budget will pass this week and the vote is safe\n\nLawmakers left the chamber early on Thursday afternoon.",
			[]want{{"the budget will pass this week and the vote is safe", true, "said", "He", ""}}},
		{"dateline and relative clause", "GENEVA (Wire) \u2014 Talks collapsed on Monday after a long night, two diplomats said.",
			[]want{{"Talks collapsed on Monday after a long night", false, "said", "two diplomats", ""}}},
		{"single quotes as primary marks", "'We are ready to sign today,' the minister said.",
			[]want{{"We are ready to sign today,", true, "said", "the minister", ""}}},
		{"double single marks", "''We are ready to sign today,'' Mr. Ortega said.",
			[]want{{"We are ready to sign today,", true, "said", "Mr. Ortega", ""}}},
		{"nested quote", "\u201cThey told us \u2018wait until Friday\u2019 and we waited,\u201d said Lopez.",
			[]want{{"They told us \u2018wait until Friday\u2019 and we waited,", true, "said", "Lopez", ""}}},
		{"multi-paragraph quote", "\u201cWe have waited for three years,\u201d Ortega said. \u201cThe families deserve answers.\n\n\u201cNobody in this government will rest until they get them.\u201d\n\nThe talks resume on Friday.",
			[]want{{"We have waited for three years,", true, "said", "Ortega", ""}, {"The families deserve answers.", true, "", "Ortega", ""},
				{"Nobody in this government will rest until they get them.", true, "", "Ortega", ""}}},
		// the missing closing mark: the quote stops before its attribution and
		// never runs into the next paragraph
		{"unbalanced quote recovers at paragraph end", "\u201cThe bridge is gone and the river is still rising, Mayor Ruiz said.\n\nRescue teams reached the village on Tuesday. Officials said 40 homes were destroyed.",
			[]want{{"The bridge is gone and the river is still rising,", true, "said", "Mayor Ruiz", ""},
				{"40 homes were destroyed", false, "said", "Officials", ""}}},
		// the paragraph's only speaker takes its uncued quote too
		{"emoji and multibyte", "\u201cNo habr\u00e1 tregua \U0001F54A\ufe0f hasta el viernes,\u201d dijo. \u201cC\u2019est fini pour nous,\u201d said Jos\u00e9 Mar\u00eda Ortega.",
			[]want{{"No habr\u00e1 tregua \U0001F54A\ufe0f hasta el viernes,", true, "", "Jos\u00e9 Mar\u00eda Ortega", ""}, {"C\u2019est fini pour nous,", true, "said", "Jos\u00e9 Mar\u00eda Ortega", ""}}},
		// speaker accuracy, round 2
		{"capitalised name ending in -ing", "Manning says the ruling \u201cchanges nothing for the families.\u201d",
			[]want{{"the ruling \u201cchanges nothing for the families.\u201d", false, "says", "Manning", ""}, {"changes nothing for the families.", true, "says", "Manning", ""}}},
		{"which he described as", "The minister rejected the report, which he described as \u201ca work of fiction from start to finish.\u201d",
			[]want{{"a work of fiction from start to finish.", true, "described", "he", ""}}},
		{"outer attribution speaks", "He says he believes the coalition has \u201cthe numbers to win the vote outright.\u201d",
			[]want{{"he believes the coalition has \u201cthe numbers to win the vote outright.\u201d", false, "says", "He", ""}, {"the numbers to win the vote outright.", true, "says", "He", ""}}},
		// (a second paragraph with a speaker: a text in which nobody speaks has no quotes)
		{"passive is no cue", "The delay was described as \u201can administrative error that affected nobody.\u201d\n\nOfficials said the review would end in May.",
			[]want{{"an administrative error that affected nobody.", true, "", "", ""}, {"the review would end in May", false, "said", "Officials", ""}}},
		{"triple mark closes inner and outer quote", "''I would call it 'a reset,''' said Mr. Ortega, the envoy.",
			[]want{{"I would call it 'a reset,'", true, "said", "Mr. Ortega", ""}}},
		{"sentence-initial Said", "Said Ana Ortega, who led the delegation, \u201cWe came here to sign and we will sign.\u201d",
			[]want{{"We came here to sign and we will sign.", true, "Said", "Ana Ortega", ""}}},
		{"as X said", "The talks are \u201cclose to a breakthrough now,\u201d as Ortega said on Monday.",
			[]want{{"close to a breakthrough now,", true, "said", "Ortega", ""}}},
		{"long appositive with a title in it", "\u201cWe have had better weeks than this one,\u201d Ana Ortega, wearing a \u201cPeace Now\u201d badge on her lapel, said on Friday.",
			[]want{{"We have had better weeks than this one,", true, "said", "Ana Ortega", ""}}},
		{"told is not inverted", "\u201cThere is no deadline,\u201d Lopez, who chairs the committee, told Radio Nacional. \u201cWe will take the time we need.\u201d",
			[]want{{"There is no deadline,", true, "told", "Lopez", ""}, {"We will take the time we need.", true, "", "Lopez", ""}}},
		{"subject of the first of two verbs", "At the mention of the vote she laughed and said, \u201cAsk me again on Friday.\u201d",
			[]want{{"Ask me again on Friday.", true, "said", "she", ""}}},
		{"participle calling", "The senator rejected the proposal on Tuesday, calling it \u201ca gift to the big banks.\u201d",
			[]want{{"a gift to the big banks.", true, "calling", "The senator", ""}}},
		{"verb outside the lexicon after the quote", "\u201cThat is simply not true,\u201d she snorted.",
			[]want{{"That is simply not true,", true, "snorted", "she", ""}}},
		{"another said", "Yet another said, \u201cWe expect nothing from this meeting at all.\u201d",
			[]want{{"We expect nothing from this meeting at all.", true, "said", "another", ""}}},
		{"plural noun ending a phrase is no verb", "Ortega insisted that he has \u201cexpanded the party,\u201d claiming that he is responsible for higher turnout in the primary states.",
			[]want{{"he has \u201cexpanded the party,\u201d claiming that he is responsible for higher turnout in the primary states", false, "insisted", "Ortega", ""},
				{"expanded the party,", true, "insisted", "Ortega", ""}}},
		{"age as the speaker", "\u201cHe has always been a fighter,\u201d said the 46-year-old.",
			[]want{{"He has always been a fighter,", true, "said", "the 46-year-old", ""}}},
		{"base form after a plural subject", "They argue that the council should \u201clead by example on this.\u201d",
			[]want{{"lead by example on this.", true, "argue", "They", ""}}},
		{"contracted is before the cue", "He\u2019s predicting he will do \u201cvery, very well\u201d in Nevada.",
			[]want{{"very, very well", true, "predicting", "He\u2019s", ""}}},
		{"a short sentence introduces the quote", "Professor Dana Bell agreed. \u201cThe governing party is running out of time to find a candidate.\u201d",
			[]want{{"The governing party is running out of time to find a candidate.", true, "agreed", "Professor Dana Bell", ""}}},
		{"name on the line after a dash", "\u201cWe cut the deficit in half and nobody noticed.\u201d\n\n- Ana Ortega, finance minister.\n\nThe claim is mostly true.",
			[]want{{"We cut the deficit in half and nobody noticed.", true, "", "Ana Ortega, finance minister", ""}}},
		{"a subheading after a dash is no speaker", "\u201cWe cut the deficit in half and nobody noticed.\u201d\n\n- A long road ahead -\n\nThe claim is mostly true, analysts said.",
			[]want{{"We cut the deficit in half and nobody noticed.", true, "", "", ""}, {"The claim is mostly true", false, "said", "analysts", ""}}},
		{"nobody speaks in the text: no quotes", "The clause applies to goods delivered \u201cin accordance with the specification agreed between the parties\u201d on time.", nil},
		{"relative pronoun as the speaker span", "The talks were led by the veteran envoy Ana Ortega, who called the plan \u201ca dead letter from the first day.\u201d",
			[]want{{"a dead letter from the first day.", true, "called", "who", "the veteran envoy Ana Ortega"}}},
		{"leading subordinate clause", "When Ortega ran for mayor in June, she referred to the ruling party as \u201ca club for the comfortable.\u201d",
			[]want{{"a club for the comfortable.", true, "referred", "she", ""}}},
		// the appositive is the mention the cue rests on, as in "Ortega, the veteran diplomat, told"
		{"As X put it opens the attribution", "As Ana Ortega, a trade economist in Lima, put it, \u201cNobody wins a war of tariffs in the long run.\u201d",
			[]want{{"Nobody wins a war of tariffs in the long run.", true, "put", "Ana Ortega", ""}}},
		{"straight mark between a word and a full stop closes", "The army said it had \"repelled the attack\". Officials in the capital said nothing.",
			[]want{{"it had \"repelled the attack\"", false, "said", "The army", ""}, {"repelled the attack", true, "said", "The army", ""}}},
		{"adjective-led speaker phrase keeps its head", "Troops exchanged fire along the border for a second day, military officials on both sides said.",
			[]want{{"Troops exchanged fire along the border for a second day", false, "said", "military officials on both sides", ""}}},
		{"relative clause between subject and verb", "Ortega, who has a commanding lead in the polls, mocked his rival for \u201chaving a very tough night.\u201d",
			[]want{{"having a very tough night.", true, "mocked", "Ortega", ""}}},
		// a subordinate clause inside the relative clause ("since he …")
		// has its own subject; the verb after the closing comma is the
		// antecedent's
		{"subordinate clause inside a relative clause", "Holt, who has campaigned hard for nominee Ray Banks since he ended his own bid in March, blasted the council as a \u201cfailure\u201d on Wednesday.",
			[]want{{"failure", true, "blasted", "Holt", ""}}},
		{"subordinate clause inside a relative clause, said", "Holt, who has backed the plan since it was drafted, said the council had \u201cfailed the town.\u201d",
			[]want{{"the council had \u201cfailed the town.\u201d", false, "said", "Holt", ""}, {"failed the town.", true, "said", "Holt", ""}}},
		{"speech verb inside the subordinate clause keeps its subject", "Rep. Ada Byrne, the congresswoman who drew notice in 2019 when she shouted \u201cNot today!\u201d at the chair, endorsed Banks.",
			[]want{{"Not today!", true, "shouted", "she", ""}}},
		// a clause opened by "whose" and closed by a comma is the
		// antecedent's; the verb after it is the antecedent's too
		{"whose clause", "Marta Lind, whose district lies along the coast, said the levee was \u201ctoo weak.\u201d",
			[]want{{"the levee was \u201ctoo weak.\u201d", false, "said", "Marta Lind", ""}, {"too weak.", true, "said", "Marta Lind", ""}}},
		{"long whose clause with a name between commas", "Marta Lind, whose hometown, Port Arlo, is expected to flood within a decade as storms grow and the sea rises, argues that the levee will \u201cfail the town.\u201d",
			[]want{{"the levee will \u201cfail the town.\u201d", false, "argues", "Marta Lind", ""}, {"fail the town.", true, "argues", "Marta Lind", ""}}},
		{"whose clause without a closing comma keeps its subject", "Officials met the mayor, whose aides said the plan was \u201cdead.\u201d",
			[]want{{"the plan was \u201cdead.\u201d", false, "said", "aides", ""}, {"dead.", true, "said", "aides", ""}}},
		// "40% of Labour claims": an of-phrase whose head ("40%") the
		// speaker scan cannot take is no subject of "claims"; the speaker
		// falls back to the sentence's speech verb and subject (the cue
		// word stays "claims", the only speech verb of the sentence)
		{"of-phrase after a percentage is no subject", "The watchdog rated 40% of Labour claims as \u201cfalse\u201d in its yearly review.",
			[]want{{"false", true, "claims", "The watchdog", ""}}},
		{"of-phrase inside the subject stays", "A majority of voters say the plan is \u201cunfair.\u201d",
			[]want{{"the plan is \u201cunfair.\u201d", false, "say", "A majority of voters", ""}, {"unfair.", true, "say", "A majority of voters", ""}}},
		{"appositive of-phrase after a comma stays", "Adam Reiss, of the port authority, said the cranes were \u201cidle.\u201d",
			[]want{{"the cranes were \u201cidle.\u201d", false, "said", "Adam Reiss", ""}, {"idle.", true, "said", "Adam Reiss", ""}}},
		// absolute constructions: in "with X saying", X is the -ing verb's
		// subject, not the clause it hangs from
		{"with a noun before the -ing cue", "The new radio spot ends with a narrator saying: \u201cVote for change.\u201d",
			[]want{{"Vote for change.", true, "saying", "a narrator", ""}}},
		{"with two joined nouns before the -ing cue", "Reno was on every mind, with many fans and neighbours chanting \u201cWe are Reno\u201d outside the arena.",
			[]want{{"We are Reno", true, "chanting", "many fans and neighbours", ""}}},
		{"with a name before the -ing cue", "The campaign turned sour, with election chief Ada Vance accusing her rival of a \u201cdishonest budget.\u201d",
			[]want{{"dishonest budget.", true, "accusing", "election chief Ada Vance", ""}}},
		// polish pass: negated cues and the content start
		{"negated cue with whether is no quote", "The mayor spoke to residents on Sunday. She did not say whether the shelters would stay open.", nil},
		{"declined to say if is no quote", "The coast guard declined to say if the search would resume at dawn.", nil},
		{"would not say why is no quote", "The minister would not say why the convoy had turned back.", nil},
		{"negated cue with a clause stays a quote", "The ministry never said that the wells had been poisoned.",
			[]want{{"the wells had been poisoned", false, "said", "The ministry", ""}}},
		{"bare clause keeps a later relative that", "The finance ministry said the levy was needed to cover debts that grew by $3 billion in 2024.",
			[]want{{"the levy was needed to cover debts that grew by $3 billion in 2024", false, "said", "The finance ministry", ""}}},
		{"parenthetical with an auxiliary before that", "Several economists warned, as did the central bank itself, that the currency could fall further.",
			[]want{{"the currency could fall further", false, "warned", "Several economists", ""}}},
		{"a cue inside a condition is no report", "The rebels warned that the truce would collapse if the army continued raids in the province.",
			[]want{{"the truce would collapse if the army continued raids in the province", false, "warned", "The rebels", ""}}},
		{"adjuncts before that are skipped", "The finance ministry said in a statement on Monday that the levy would be lifted.",
			[]want{{"the levy would be lifted", false, "said", "The finance ministry", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := document.New("t", tt.text)
			checkQuotes(t, d, Extract(d), tt.want)
		})
	}
}

// TestExtract_ResolvesEntities checks that a pronoun or role-description
// speaker takes the name of the entity its mention belongs to.
func TestExtract_ResolvesEntities(t *testing.T) {
	text := "Ana Ortega arrived in Geneva on Sunday.\n\n\u201cWe will not back down,\u201d the veteran diplomat said. \u201cNot now,\u201d she added."
	d := document.New("t", text)
	at := func(s string) document.Span {
		i := strings.Index(text, s)
		return document.Span{Start: i, End: i + len(s)}
	}
	d.Mentions = []document.Mention{
		{Span: at("Ana Ortega"), Type: document.Person, Kind: document.Name, Entity: 0},
		{Span: at("the veteran diplomat"), Type: document.Person, Kind: document.Nominal, Entity: 0},
		{Span: at("she"), Type: document.Person, Kind: document.Pronoun, Entity: 0},
	}
	d.Entities = []document.Entity{{Name: "Ana Ortega", Type: document.Person, Mentions: []int{0, 1, 2}}}
	got := Extract(d)
	if len(got) != 2 {
		t.Fatalf("got %d quotes, want 2", len(got))
	}
	for i, sp := range []string{"the veteran diplomat", "she"} {
		s := got[i].Speaker
		if s == nil || s.Span != at(sp) || s.Entity != 0 || s.Name != "Ana Ortega" {
			t.Errorf("quote %d: speaker %+v, want %q resolved to Ana Ortega", i, s, sp)
		}
	}
}

// TestExtract_MentionSpeakers checks the speaker choices that rest on the
// entities layer: the first person of a sentence after an introductory
// phrase, a person with a verb outside the lexicon, and the quotes-local
// fallback for a pronoun the coreference resolved to a person of the other
// gender.
func TestExtract_MentionSpeakers(t *testing.T) {
	type ment struct {
		text   string
		typ    document.EntityType
		kind   document.MentionKind
		entity int
	}
	tests := []struct {
		name     string
		text     string
		mentions []ment
		entities []document.Entity
		speakers []string // speaker span text per quote
		names    []string // resolved name per quote
	}{
		{"introductory phrase before the subject",
			"In Ames, Iowa, on Sunday, Ana Ortega tried to expand on her remarks, saying the country should \u201clead from the front again.\u201d",
			[]ment{{"Ames", document.GPE, document.Name, 0}, {"Iowa", document.GPE, document.Name, 1}, {"Ana Ortega", document.Person, document.Name, 2}},
			[]document.Entity{{Name: "Ames", Type: document.GPE}, {Name: "Iowa", Type: document.GPE}, {Name: "Ana Ortega", Type: document.Person, Gender: "f"}},
			[]string{"Ana Ortega"}, []string{"Ana Ortega"}},
		{"verb outside the lexicon before the quote",
			"Mayor Lena Ruiz smiled at the crowd and then boomed, \u201cThis city never gives up on anyone.\u201d",
			[]ment{{"Mayor Lena Ruiz", document.Person, document.Name, 0}},
			[]document.Entity{{Name: "Lena Ruiz", Type: document.Person, Gender: "f"}},
			[]string{"Mayor Lena Ruiz"}, []string{"Lena Ruiz"}},
		{"pronoun resolved to the other gender",
			"\u201cWe will sign this week,\u201d Ana Ortega said.\n\nMarco Diaz watched from the gallery.\n\n\u201cBut not today,\u201d she added.",
			[]ment{{"Ana Ortega", document.Person, document.Name, 0}, {"Marco Diaz", document.Person, document.Name, 1}, {"she", document.Person, document.Pronoun, 1}},
			[]document.Entity{{Name: "Ana Ortega", Type: document.Person, Gender: "f"}, {Name: "Marco Diaz", Type: document.Person, Gender: "m"}},
			[]string{"Ana Ortega", "she"}, []string{"Ana Ortega", "Ana Ortega"}},
		{"the person over the affiliation",
			"\u201cRates will fall before the summer,\u201d said Ana Ruiz of Banco Atl\u00e1ntico.",
			[]ment{{"Ana Ruiz", document.Person, document.Name, 0}, {"Banco Atl\u00e1ntico", document.Org, document.Name, 1}},
			[]document.Entity{{Name: "Ana Ruiz", Type: document.Person, Gender: "f"}, {Name: "Banco Atl\u00e1ntico", Type: document.Org}},
			[]string{"Ana Ruiz of Banco Atl\u00e1ntico"}, []string{"Ana Ruiz"}},
		{"a role for an organization is not the organization",
			"\u201cThe road to the airport stays closed,\u201d a spokesman for the army said on Friday.",
			[]ment{{"army", document.Org, document.Nominal, 0}},
			[]document.Entity{{Name: "army", Type: document.Org}},
			[]string{"a spokesman for the army"}, []string{"a spokesman for the army"}},
		{"a name inside an organization's name stays",
			"\u201cEnrolment is up again this year,\u201d said the University of Leeds.",
			[]ment{{"University of Leeds", document.Org, document.Name, 0}, {"Leeds", document.GPE, document.Name, 1}},
			[]document.Entity{{Name: "University of Leeds", Type: document.Org}, {Name: "Leeds", Type: document.GPE}},
			[]string{"the University of Leeds"}, []string{"University of Leeds"}},
		{"a clause before the cue is cut at its verb",
			"Marta Bryne went on to say, \u201cThe court will hear us before the end of the month.\u201d",
			[]ment{{"Marta Bryne", document.Person, document.Name, 0}},
			[]document.Entity{{Name: "Marta Bryne", Type: document.Person, Gender: "f"}},
			[]string{"Marta Bryne"}, []string{"Marta Bryne"}},
		{"the subject of the sentence before speaks an uncued quote",
			"Paulo Mendes paused at the door of the clinic. \u201cWe had nothing left for the children on the last night.\u201d",
			[]ment{{"Paulo Mendes", document.Person, document.Name, 0}},
			[]document.Entity{{Name: "Paulo Mendes", Type: document.Person, Gender: "m"}},
			[]string{"Paulo Mendes"}, []string{"Paulo Mendes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := document.New("t", tt.text)
			from := 0
			for _, m := range tt.mentions {
				i := strings.Index(tt.text[from:], m.text) + from
				d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: i, End: i + len(m.text)}, Type: m.typ, Kind: m.kind, Entity: m.entity})
				from = i + len(m.text)
			}
			d.Entities = tt.entities
			got := Extract(d)
			if len(got) != len(tt.speakers) {
				t.Fatalf("got %d quotes, want %d", len(got), len(tt.speakers))
			}
			for i, q := range got {
				if q.Speaker == nil {
					t.Errorf("quote %d: no speaker, want %q", i, tt.speakers[i])
					continue
				}
				if d.Slice(q.Speaker.Span) != tt.speakers[i] || q.Speaker.Name != tt.names[i] {
					t.Errorf("quote %d: speaker %q name %q, want %q name %q", i, d.Slice(q.Speaker.Span), q.Speaker.Name, tt.speakers[i], tt.names[i])
				}
			}
		})
	}
}

func TestStage(t *testing.T) {
	s := New()
	if s.Name() != "quotes" || len(s.Provides()) != 1 || s.Provides()[0] != document.LayerQuotes {
		t.Fatalf("bad stage metadata")
	}
	d := document.New("t", "\"We are ready to sign today,\" the minister said.")
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 {
		t.Fatalf("got %d quotes", len(d.Quotes))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, d); err == nil {
		t.Fatal("want error on cancelled context")
	}
}

func TestGKGQuotations(t *testing.T) {
	text := "Caf\u00e9 owners protested. \u201cWe will not close|ever,\u201d said Ortega. \u201cNever.\u201d"
	d := document.New("t", text)
	d.Quotes = Extract(d)
	got := GKGQuotations(d)
	// offsets and lengths in code points; '|' and '#' inside quotes are replaced
	want := "24|23|said|We will not close ever,"
	if got != want {
		t.Errorf("GKGQuotations = %q, want %q", got, want)
	}
}

// TestStage_Concurrent runs Process on many documents at once (go test -race).
func TestStage_Concurrent(t *testing.T) {
	s := New()
	done := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			d := document.New("c", "\u201cWe will not,\u201d she said, \u201cback down.\u201d Officials said the talks would resume.")
			err := s.Process(context.Background(), d)
			if err == nil && len(d.Quotes) != 3 {
				err = context.DeadlineExceeded
			}
			done <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
