package text

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// sentenceCase is one segmentation case: the input and its expected sentences.
type sentenceCase struct {
	name string
	in   string
	want []string
}

// loadSentenceCases reads testdata/sentences.txt: blocks separated by blank
// lines, one expected sentence per line, the input being the lines joined
// with one space.
func loadSentenceCases(tb testing.TB) []sentenceCase {
	tb.Helper()
	f, err := os.Open("testdata/sentences.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var cases []sentenceCase
	var cur []string
	line := 0
	flush := func() {
		if len(cur) > 0 {
			cases = append(cases, sentenceCase{name: "line" + itoa(line), in: strings.Join(cur, " "), want: cur})
			cur = nil
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "#"):
		case strings.TrimSpace(l) == "":
			flush()
		default:
			cur = append(cur, l)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return cases
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// layoutCases exercise paragraphs, line breaks, datelines, headlines and
// lists, where the input is not simply the sentences joined by spaces.
var layoutCases = []sentenceCase{
	{"dateline CNN", "SEOUL, South Korea (CNN) - North Korea fired a missile on Sunday. Japan protested.",
		[]string{"SEOUL, South Korea (CNN) -", "North Korea fired a missile on Sunday.", "Japan protested."}},
	{"dateline Xinhua", "CAIRO, Aug. 5 (Xinhua) -- Egypt and Sudan signed a water deal on Monday.",
		[]string{"CAIRO, Aug. 5 (Xinhua) --", "Egypt and Sudan signed a water deal on Monday."}},
	{"dateline AP em dash", "NAIROBI, Kenya (AP) — Floods killed 40 people in western Kenya.",
		[]string{"NAIROBI, Kenya (AP) —", "Floods killed 40 people in western Kenya."}},
	{"dateline Reuters", "LONDON (Reuters) - Britain's economy shrank in the third quarter.",
		[]string{"LONDON (Reuters) -", "Britain's economy shrank in the third quarter."}},
	{"dateline two words", "NEW YORK (Reuters) - Stocks rose on Wall Street.",
		[]string{"NEW YORK (Reuters) -", "Stocks rose on Wall Street."}},
	{"dateline no agency", "WASHINGTON — The Senate passed the bill late Thursday.",
		[]string{"WASHINGTON —", "The Senate passed the bill late Thursday."}},
	{"dateline state", "SPRINGFIELD, Ill., March 3 - The governor signed the budget.",
		[]string{"SPRINGFIELD, Ill., March 3 -", "The governor signed the budget."}},
	{"dateline after headline", "Floods hit Kenya\n\nNAIROBI, Kenya (AP) — Floods killed 40 people.",
		[]string{"Floods hit Kenya", "NAIROBI, Kenya (AP) —", "Floods killed 40 people."}},
	{"no dateline title case", "Police said - after a pause - that two men were held.",
		[]string{"Police said - after a pause - that two men were held."}},
	{"blank line paragraphs", "The war began in 2022.\n\nIt has killed thousands\n\nTalks failed.",
		[]string{"The war began in 2022.", "It has killed thousands", "Talks failed."}},
	{"crlf paragraphs", "The war began in 2022.\r\n\r\nIt has killed thousands.\r\nTalks failed.",
		[]string{"The war began in 2022.", "It has killed thousands.", "Talks failed."}},
	{"one paragraph per line", "Ad sales boost Time Warner profit\nQuarterly profits at US media giant TimeWarner jumped 76%.\nThe firm said it was pleased.",
		[]string{"Ad sales boost Time Warner profit", "Quarterly profits at US media giant TimeWarner jumped 76%.", "The firm said it was pleased."}},
	{"headline line in blank-line text", "Ad sales boost Time Warner profit\nQuarterly profits jumped 76%.\n\nThe firm was pleased.",
		[]string{"Ad sales boost Time Warner profit", "Quarterly profits jumped 76%.", "The firm was pleased."}},
	{"lower-case text", "police said the man fled. he was held in kisumu on monday. u.s. officials said nothing.",
		[]string{"police said the man fled.", "he was held in kisumu on monday.", "u.s. officials said nothing."}},
	{"lower-case start in mixed text", "Officials in the U.S. said nothing. it rained.",
		[]string{"Officials in the U.S. said nothing. it rained."}},
	{"hard wrapped", "The army said on Tuesday that its forces had\nrecaptured the town after heavy fighting.\n\nResidents fled.",
		[]string{"The army said on Tuesday that its forces had\nrecaptured the town after heavy fighting.", "Residents fled."}},
	{"hard wrapped single newlines", "The army said on Tuesday that its forces had\nrecaptured the town after heavy fighting.\nResidents fled.",
		[]string{"The army said on Tuesday that its forces had\nrecaptured the town after heavy fighting.", "Residents fled."}},
	{"glued headline double space", "Ad sales boost Time Warner profit  Quarterly profits at US media giant TimeWarner jumped 76%.",
		[]string{"Ad sales boost Time Warner profit", "Quarterly profits at US media giant TimeWarner jumped 76%."}},
	{"glued headline determiner", "Cactus diet deal for Phytopharm A slimming aid made from a cactus is set to be developed. Unilever will help.",
		[]string{"Cactus diet deal for Phytopharm", "A slimming aid made from a cactus is set to be developed.", "Unilever will help."}},
	{"glued headline repeated name", "Copper miner cuts output in Chile Copper miner Antofagasta said it would cut output at two mines in Chile after a drought.",
		[]string{"Copper miner cuts output in Chile", "Copper miner Antofagasta said it would cut output at two mines in Chile after a drought."}},
	{"glued headline case shift", "Strike halts Lagos port Dock workers in Lagos walked off the job on Monday, halting cargo traffic at the port.",
		[]string{"Strike halts Lagos port", "Dock workers in Lagos walked off the job on Monday, halting cargo traffic at the port."}},
	{"glued headline after percent", "Bank raises rates to 5% The central bank raised its key rate to 5% on Thursday, citing stubborn inflation.",
		[]string{"Bank raises rates to 5%", "The central bank raised its key rate to 5% on Thursday, citing stubborn inflation."}},
	{"glued headline short", "Flooding in Kenya Heavy rains have killed at least 40 people in Kenya this week. More rain is forecast.",
		[]string{"Flooding in Kenya", "Heavy rains have killed at least 40 people in Kenya this week.", "More rain is forecast."}},
	{"glued headline quoted", "Minister 'will not resign' Health minister Ana Costa said on Friday she would not resign over the hospital scandal.",
		[]string{"Minister 'will not resign'", "Health minister Ana Costa said on Friday she would not resign over the hospital scandal."}},
	{"no headline in lead", "Gunmen killed 12 villagers in northern Nigeria on Sunday, police in Nigeria said.",
		[]string{"Gunmen killed 12 villagers in northern Nigeria on Sunday, police in Nigeria said."}},
	{"no headline in lead 2", "Rescue teams searched the rubble in Antakya on Tuesday as the death toll in Turkey rose.",
		[]string{"Rescue teams searched the rubble in Antakya on Tuesday as the death toll in Turkey rose."}},
	{"bullets", "The plan has three parts:\n• a ceasefire\n• prisoner swaps\n• elections\n\nBoth sides agreed.",
		[]string{"The plan has three parts:", "• a ceasefire", "• prisoner swaps", "• elections", "Both sides agreed."}},
	{"dash bullets", "Key points:\n- Inflation fell\n- Rates held\n\nMarkets rose.",
		[]string{"Key points:", "- Inflation fell", "- Rates held", "Markets rose."}},
	{"numbered list", "The demands:\n1. Release the hostages.\n2. Withdraw the troops.\n\nThe army refused.",
		[]string{"The demands:", "1. Release the hostages.", "2. Withdraw the troops.", "The army refused."}},
	{"inline bullets", "Highlights • Growth slowed • Jobs rose",
		[]string{"Highlights", "• Growth slowed", "• Jobs rose"}},
	{"quote across paragraphs", "\"We will rebuild,\" he said.\n\n\"It will take years.\"",
		[]string{"\"We will rebuild,\" he said.", "\"It will take years.\""}},
	{"curly quotes", "“We will fight.” He left. “Will they come?” she asked.",
		[]string{"“We will fight.”", "He left.", "“Will they come?” she asked."}},
	{"multibyte", "Ségolène Royal arrived in Zürich. Ça va? Oui. 😀 The end.",
		[]string{"Ségolène Royal arrived in Zürich.", "Ça va?", "Oui.", "😀 The end."}},
	{"leading and trailing space", "  \n The talks failed.  \n\n  ",
		[]string{"The talks failed."}},
	{"empty", "", nil},
	{"only spaces", " \n\t\r\n ", nil},
}

func TestSplit_Layout(t *testing.T) {
	for _, tc := range layoutCases {
		t.Run(tc.name, func(t *testing.T) {
			got := spanTexts(tc.in, Split(tc.in))
			if !equalStrings(got, tc.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// leadingAbbrevCases: a break after an abbreviation that would leave a
// sentence of that abbreviation alone is no break; after other words the
// abbreviation keeps splitting before a sentence opener.
var leadingAbbrevCases = []sentenceCase{
	{"abbrev opens sentence", "Trade talks stalled. U.S. Officials said Japan would not open its market.",
		[]string{"Trade talks stalled.", "U.S. Officials said Japan would not open its market."}},
	{"abbrev opens paragraph", "U.K. Authorities fined the bank on Monday.\n\nThe bank said it would appeal.",
		[]string{"U.K. Authorities fined the bank on Monday.", "The bank said it would appeal."}},
	{"abbrev opens indented wire paragraph", "Talks ended on Friday.\n    U.S. And Canadian banks were closed.\n    Trading was thin.",
		[]string{"Talks ended on Friday.", "U.S. And Canadian banks were closed.", "Trading was thin."}},
	{"abbrev after opening quote", "The broker was blunt. \"U.S. Investors are not buying,\" he said.",
		[]string{"The broker was blunt.", "\"U.S. Investors are not buying,\" he said."}},
	{"abbrev after dateline", "WASHINGTON, March 3 - U.S. Officials said the talks would resume.",
		[]string{"WASHINGTON, March 3 -", "U.S. Officials said the talks would resume."}},
	{"dateline before acronym", "WASHINGTON - NATO troops crossed the river.",
		[]string{"WASHINGTON -", "NATO troops crossed the river."}},
	{"capitals slug is no dateline", "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP",
		[]string{"CRICKET - LEICESTERSHIRE TAKE OVER AT TOP"}},
	{"abbrev after sentence end keeps split", "The company sells most of its grain to the U.S. Officials said exports would rise.",
		[]string{"The company sells most of its grain to the U.S.", "Officials said exports would rise."}},
	{"abbrev then abbrev", "Markets were calm. U.S. Steel Corp. The company said nothing.",
		[]string{"Markets were calm.", "U.S. Steel Corp.", "The company said nothing."}},
	{"coordinator after abbrev", "Exports rose to the U.S. And Japan. The yen fell.",
		[]string{"Exports rose to the U.S. And Japan.", "The yen fell."}},
	{"or after abbrev", "Few U.S. Or European banks lent. Rates rose.",
		[]string{"Few U.S. Or European banks lent.", "Rates rose."}},
	{"company abbrev opens sentence", "Profits fell. Inc. The magazine said so.",
		[]string{"Profits fell.", "Inc. The magazine said so."}},
}

func TestSplit_LeadingAbbrev(t *testing.T) {
	for _, tc := range leadingAbbrevCases {
		t.Run(tc.name, func(t *testing.T) {
			got := spanTexts(tc.in, Split(tc.in))
			if !equalStrings(got, tc.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// minTableAccuracy is the fraction of table cases that must be exactly right.
const minTableAccuracy = 0.97

// TestSplit_Table runs every case of testdata/sentences.txt and the layout
// cases, reports the exact-match accuracy and lists the failures.
func TestSplit_Table(t *testing.T) {
	cases := append(loadSentenceCases(t), layoutCases...)
	ok := 0
	for _, tc := range cases {
		got := spanTexts(tc.in, Split(tc.in))
		if equalStrings(got, tc.want) {
			ok++
			continue
		}
		t.Logf("%s: %q\n got %q\nwant %q", tc.name, tc.in, got, tc.want)
	}
	acc := float64(ok) / float64(len(cases))
	t.Logf("segmentation accuracy: %d/%d = %.3f", ok, len(cases), acc)
	if len(cases) < 250 {
		t.Errorf("only %d cases; the table should hold a few hundred", len(cases))
	}
	if acc < minTableAccuracy {
		t.Errorf("segmentation accuracy %.3f below %.3f", acc, minTableAccuracy)
	}
}

func spanTexts(s string, spans []document.Span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
