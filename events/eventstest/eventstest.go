// Package eventstest prepares documents for the events stage when the text
// and entities stages are not in the pipeline: a small tokenizer, a sentence
// splitter and an actor tagger over a table of country names, demonyms and
// role nouns. It exists for tests, benchmarks and evaluations of the events
// stage alone; the real pipeline uses the text and entities stages.
package eventstest

import (
	"context"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/text"
)

// countries maps lowercase names and demonyms to CAMEO country codes,
// built when first used (the package is linked into the binary through
// eval, and start-up should not pay for it).
var countries = sync.OnceValue(func() map[string]string {
	countries := map[string]string{}
	for _, row := range []string{
		"USA:united states,u.s.,us,america,american,americans,washington",
		"RUS:russia,russian,russians,moscow,kremlin", "UKR:ukraine,ukrainian,ukrainians,kyiv,kharkiv,odesa",
		"CHN:china,chinese,beijing", "IND:india,indian,new delhi", "PAK:pakistan,pakistani,islamabad",
		"ISR:israel,israeli,israelis", "PSE:palestinian,palestinians,gaza,west bank,hamas,ramallah",
		"IRN:iran,iranian,tehran", "IRQ:iraq,iraqi,baghdad", "SYR:syria,syrian,damascus",
		"TUR:turkey,turkish,ankara,turkiye", "EGY:egypt,egyptian,cairo", "SAU:saudi arabia,saudi,riyadh",
		"YEM:yemen,yemeni,houthi,houthis,sanaa", "LBN:lebanon,lebanese,beirut,hezbollah",
		"JOR:jordan,jordanian,amman", "QAT:qatar,qatari,doha", "ARE:united arab emirates,uae,emirati,abu dhabi",
		"AFG:afghanistan,afghan,kabul,taliban", "SDN:sudan,sudanese,khartoum,darfur",
		"SSD:south sudan,juba", "ETH:ethiopia,ethiopian,addis ababa,tigray", "ERI:eritrea,eritrean",
		"SOM:somalia,somali,mogadishu,al-shabaab", "KEN:kenya,kenyan,nairobi", "NGA:nigeria,nigerian,abuja,lagos",
		"MLI:mali,malian,bamako", "COD:congo,congolese,kinshasa,goma", "RWA:rwanda,rwandan,kigali",
		"ZAF:south africa,south african,pretoria", "ZWE:zimbabwe,zimbabwean,harare",
		"LBY:libya,libyan,tripoli", "DZA:algeria,algerian,algiers", "MAR:morocco,moroccan,rabat",
		"TUN:tunisia,tunisian,tunis", "GBR:britain,british,united kingdom,uk,london",
		"FRA:france,french,paris", "DEU:germany,german,berlin", "ITA:italy,italian,rome",
		"ESP:spain,spanish,madrid", "POL:poland,polish,warsaw", "BLR:belarus,belarusian,minsk",
		"GEO:georgia,georgian,tbilisi", "ARM:armenia,armenian,yerevan", "AZE:azerbaijan,azerbaijani,baku",
		"SRB:serbia,serbian,belgrade", "HUN:hungary,hungarian,budapest", "GRC:greece,greek,athens",
		"JPN:japan,japanese,tokyo", "KOR:south korea,south korean,seoul", "PRK:north korea,north korean,pyongyang",
		"TWN:taiwan,taiwanese,taipei", "PHL:philippines,philippine,filipino,manila",
		"VNM:vietnam,vietnamese,hanoi", "MMR:myanmar,burmese,naypyitaw", "THA:thailand,thai,bangkok",
		"IDN:indonesia,indonesian,jakarta", "MYS:malaysia,malaysian,kuala lumpur", "BGD:bangladesh,bangladeshi,dhaka",
		"LKA:sri lanka,sri lankan,colombo", "NPL:nepal,nepalese,kathmandu", "MEX:mexico,mexican",
		"COL:colombia,colombian,bogota", "VEN:venezuela,venezuelan,caracas", "BRA:brazil,brazilian,brasilia",
		"ARG:argentina,argentine,buenos aires", "PER:peru,peruvian,lima", "CHL:chile,chilean,santiago",
		"CUB:cuba,cuban,havana", "HTI:haiti,haitian,port-au-prince", "NIC:nicaragua,nicaraguan,managua",
		"CAN:canada,canadian,ottawa", "AUS:australia,australian,canberra", "NOR:norway,norwegian,oslo",
		"SWE:sweden,swedish,stockholm", "FIN:finland,finnish,helsinki", "NLD:netherlands,dutch,the hague",
		"BEL:belgium,belgian,brussels", "CHE:switzerland,swiss,geneva", "AUT:austria,austrian,vienna",
		"KAZ:kazakhstan,kazakh,astana", "UZB:uzbekistan,uzbek,tashkent", "NER:niger,nigerien,niamey",
		"BFA:burkina faso,burkinabe,ouagadougou", "TCD:chad,chadian,ndjamena", "CMR:cameroon,cameroonian,yaounde",
		"UGA:uganda,ugandan,kampala", "TZA:tanzania,tanzanian,dodoma", "MOZ:mozambique,mozambican,maputo",
		"KHM:cambodia,cambodian,phnom penh", "MDA:moldova,moldovan,chisinau", "KOS:kosovo,kosovar,pristina",
		"ECU:ecuador,ecuadorian,quito", "OMN:oman,omani,muscat", "UNO:united nations,un,u.n.", "EUR:european union,eu", "NAT:nato", "IGO:african union,arab league,asean",
	} {
		code, names, _ := strings.Cut(row, ":")
		for _, n := range strings.Split(names, ",") {
			countries[n] = code
			if strings.HasSuffix(n, "an") || strings.HasSuffix(n, "ian") || strings.HasSuffix(n, "i") {
				countries[n+"s"] = code // demonym plurals: Koreans, Israelis
			}
		}
	}
	return countries
})

// blocked are names that contain a country name but are not the country.
var blocked = map[string]bool{"south china sea": true, "east china sea": true, "new mexico": true,
	"new guinea": true, "red sea": true, "black sea": true, "gulf of mexico": true}

var roles = map[string]string{
	"forces": "MIL", "troops": "MIL", "army": "MIL", "military": "MIL", "soldiers": "MIL", "jets": "MIL",
	"warplanes": "MIL", "navy": "MIL", "drones": "MIL", "artillery": "MIL", "air force": "MIL", "defence": "MIL",
	"defense": "MIL", "police": "COP", "security forces": "COP", "government": "GOV",
	"ministry": "GOV", "minister": "GOV", "president": "GOV", "prime minister": "GOV", "officials": "GOV",
	"foreign ministry": "GOV", "foreign minister": "GOV", "authorities": "GOV", "leader": "GOV", "envoy": "GOV",
	"ambassador": "GOV", "ambassadors": "GOV", "envoys": "GOV", "diplomat": "GOV", "officers": "COP", "embassy": "GOV", "cabinet": "GOV", "diplomats": "GOV", "delegation": "GOV",
	"negotiators": "GOV", "rebels": "REB", "insurgents": "REB", "militants": "REB", "fighters": "REB",
	"protesters": "CVL", "demonstrators": "CVL", "students": "EDU", "workers": "LAB", "teachers": "EDU",
	"farmers": "AGR", "court": "JUD", "judge": "JUD", "judges": "JUD", "prosecutors": "JUD", "supreme court": "JUD",
	"opposition": "OPP", "parliament": "LEG", "lawmakers": "LEG", "coast guard": "MIL", "border guards": "MIL",
	"intelligence": "SPY", "navy ships": "MIL", "warships": "MIL", "tanks": "MIL", "militia": "UAF",
	"doctors": "HLH", "journalists": "MED", "unions": "LAB", "union": "LAB", "activists": "ACT",
	"company": "BUS", "companies": "BUS", "refugees": "REF", "villagers": "CVL", "civilians": "CVL",
}

// Prepare fills d's paragraphs, sentences, tokens and actor mentions (one
// entity per mention) with the package's simple rules. It replaces those
// layers.
func Prepare(d *document.Document) {
	d.Tokens = Tokenize(d.Text)
	d.Paragraphs = []document.Span{{Start: 0, End: len(d.Text)}}
	d.Sentences = Sentences(d.Text, d.Tokens)
	d.Dateline = text.FindDateline(d.Text)
	TagActors(d)
}

// TagActors replaces d's mentions and entities with actor-coded mentions of
// country names, demonyms and "demonym + role" phrases ("Russian forces"
// RUSMIL), one entity per mention, and resolves their codes in context as
// the actors stage does (entities.Resolve). It needs d's tokens.
func TagActors(d *document.Document) {
	d.Mentions, d.Entities = nil, nil
	tagActors(d)
	entities.Resolve(d)
}

// Process is Prepare as a pipeline process function step.
func Process(_ context.Context, d *document.Document) error {
	Prepare(d)
	return nil
}

// Tokenize splits text into word, number and punctuation tokens; "'s" and
// "n't" are their own tokens.
func Tokenize(text string) []document.Token {
	var toks []document.Token
	i := 0
	space := true
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = true
			i += w
			continue
		}
		start := i
		kind := document.Punct
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			kind = document.Word
			if unicode.IsDigit(r) {
				kind = document.Number
			}
			for i < len(text) {
				r, w = utf8.DecodeRuneInString(text[i:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					i += w
					continue
				}
				// inner hyphen, period (U.S.), apostrophe not starting 's / n't
				if (r == '-' || r == '.' || r == '\'' || r == '’' || r == ',') && i+w < len(text) {
					nr, _ := utf8.DecodeRuneInString(text[i+w:])
					if (r == '\'' || r == '’') && (nr == 's' || nr == 't') {
						break
					}
					if r == ',' && !(unicode.IsDigit(nr) && kind == document.Number) {
						break
					}
					if r == '.' && !(unicode.IsLetter(nr) && i-start <= 2) && !(unicode.IsDigit(nr) && kind == document.Number) {
						break
					}
					if unicode.IsLetter(nr) || unicode.IsDigit(nr) {
						i += w
						continue
					}
				}
				// U.S. final period
				if r == '.' && i-start >= 2 && text[i-2] == '.' {
					i += w
				}
				break
			}
			if strings.HasSuffix(text[start:i], "n") && i < len(text) && strings.HasPrefix(text[i:], "'t") {
				toks = append(toks, document.Token{Span: document.Span{Start: start, End: i - 1}, Kind: kind, SpaceBefore: space})
				toks = append(toks, document.Token{Span: document.Span{Start: i - 1, End: i + 2}, Kind: document.Word})
				i += 2
				space = false
				continue
			}
		} else {
			i += w
			if (r == '\'' || r == '’') && i < len(text) && (text[i] == 's') && (i+1 >= len(text) || !isLetterByte(text[i+1])) {
				i++
				kind = document.Word
			}
		}
		toks = append(toks, document.Token{Span: document.Span{Start: start, End: i}, Kind: kind, SpaceBefore: space})
		space = false
	}
	return toks
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

var abbrev = map[string]bool{"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "gen.": true, "lt.": true,
	"col.": true, "sen.": true, "rep.": true, "gov.": true, "st.": true, "u.s.": true, "u.n.": true, "no.": true}

// Sentences splits tokens into sentences at ., ! and ? followed by a
// capitalized word, a quote or the end of the text.
func Sentences(text string, toks []document.Token) []document.Sentence {
	var out []document.Sentence
	first := 0
	for i, t := range toks {
		w := text[t.Start:t.End]
		end := false
		if w == "." || w == "!" || w == "?" {
			end = true
		}
		if strings.HasSuffix(w, ".") && len(w) > 1 && !abbrev[strings.ToLower(w)] {
			end = true
		}
		if end && i+1 < len(toks) {
			nx := text[toks[i+1].Start:toks[i+1].End]
			r, _ := utf8.DecodeRuneInString(nx)
			if nx == "\"" || nx == "”" || nx == "'" {
				continue
			}
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && nx != "“" {
				end = false
			}
		}
		if !end && i+1 < len(toks) && strings.Contains(text[t.End:toks[i+1].Start], "\n\n") {
			end = true // a blank line ends a paragraph, and a headline
		}
		if end || i == len(toks)-1 {
			out = append(out, document.Sentence{Span: document.Span{Start: toks[first].Start, End: t.End}, FirstToken: first, EndToken: i + 1})
			first = i + 1
		}
	}
	return out
}

func tagActors(d *document.Document) {
	toks := d.Tokens
	low := func(i int) string { return strings.ToLower(d.TokenText(i)) }
	phrase := func(i, n int) string {
		if i+n > len(toks) {
			return ""
		}
		var b strings.Builder
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(low(i + k))
		}
		return b.String()
	}
	for i := 0; i < len(toks); i++ {
		code, n := "", 0
		skip := 0
		for k := 4; k >= 2; k-- {
			if blocked[phrase(i, k)] {
				skip = k
				break
			}
		}
		if skip > 0 {
			i += skip - 1
			continue
		}
		for k := 3; k >= 1; k-- {
			p := phrase(i, k)
			if c, ok := countries()[p]; ok {
				r, _ := utf8.DecodeRuneInString(d.TokenText(i))
				if unicode.IsUpper(r) && !(p == "us" && d.TokenText(i) != "US") && !(p == "un" && d.TokenText(i) != "UN") {
					code, n = c, k
					break
				}
			}
		}
		if code == "" {
			continue
		}
		j := i + n
		if j < len(toks) && (d.TokenText(j) == "'s" || d.TokenText(j) == "’s") && j+1 < len(toks) {
			if r, m := role(d, j+1, phrase); r != "" {
				code += r
				j = j + 1 + m
			}
		} else {
			// skip a modifier: "Russian defence ministry", "Iranian foreign minister"
			k := j
			if k < len(toks) && (low(k) == "foreign" || low(k) == "interior" || low(k) == "riot" || low(k) == "special") {
				k++
			}
			if r, m := role(d, k, phrase); r != "" {
				code += r
				j = k + m
			} else if k > j {
				if r, m := role(d, j, phrase); r != "" {
					code += r
					j += m
				}
			}
		}
		// absorb a following name: "Russian President Vladimir Putin"
		if len(code) > 3 {
			for j < len(toks) && j < i+n+6 {
				r, _ := utf8.DecodeRuneInString(d.TokenText(j))
				if !unicode.IsUpper(r) || countries()[low(j)] != "" {
					break
				}
				j++
			}
		}
		typ := document.GPE
		if len(code) > 3 {
			typ = document.Org
		}
		e := len(d.Entities)
		sp := document.Span{Start: toks[i].Start, End: toks[j-1].End}
		d.Mentions = append(d.Mentions, document.Mention{Span: sp, Type: typ, Kind: document.Name, Entity: e, Actor: code})
		d.Entities = append(d.Entities, document.Entity{Name: d.Slice(sp), Type: typ, Actor: code, Mentions: []int{len(d.Mentions) - 1}})
		i = j - 1
	}
}

func role(d *document.Document, i int, phrase func(int, int) string) (string, int) {
	for k := 2; k >= 1; k-- {
		if r, ok := roles[phrase(i, k)]; ok {
			return r, k
		}
	}
	return "", 0
}
