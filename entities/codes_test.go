package entities

import (
	"context"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

// entityActor returns the actor code of the entity holding the first
// mention whose text is mention, and whether there is one.
func entityActor(d *document.Document, mention string) (string, bool) {
	for _, m := range d.Mentions {
		if d.Slice(m.Span) != mention {
			continue
		}
		if m.Entity >= 0 && m.Entity < len(d.Entities) {
			return d.Entities[m.Entity].Actor, true
		}
		return m.Actor, true
	}
	return "", false
}

// TestStage_PronounForNamedGroup checks that "it" after a named armed
// group that speaks refers to the group, not to the country that owns it.
func TestStage_PronounForNamedGroup(t *testing.T) {
	process := testProcess(t)
	d := newDoc("t", "Somalia's al-Shabaab said on Friday it had captured a base near the coast.")
	if err := process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Mentions {
		if d.Slice(m.Span) != "it" {
			continue
		}
		if m.Entity < 0 || d.Entities[m.Entity].Actor != "SOMREB" {
			t.Fatalf("it → entity %d %+v, want al-Shabaab", m.Entity, d.Entities)
		}
		return
	}
	t.Fatal("no mention for it")
}

// TestStage_LeadingNamesCorefer checks that the leading names of one
// earlier person ("Hassan Sheikh" after "Hassan Sheikh Mohamud") join
// that person and inherit the code, and that a first name two earlier
// people share stays apart.
func TestStage_LeadingNamesCorefer(t *testing.T) {
	process := testProcess(t)
	tests := []struct {
		src, full, short string
		same             bool
	}{
		{"Somali President Hassan Sheikh Mohamud arrived late. \"We want peace,\" Hassan Sheikh said.", "Hassan Sheikh Mohamud", "Hassan Sheikh", true},
		{"Kenyan Prime Minister Tesfaye Bekele met Tesfaye Alemu, a farmer. Tesfaye said he was happy.", "Tesfaye Bekele", "Tesfaye", false},
	}
	for _, tc := range tests {
		d := newDoc("t", tc.src)
		if err := process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		ent := map[string]int{}
		for _, m := range d.Mentions {
			if _, ok := ent[d.Slice(m.Span)]; !ok {
				ent[d.Slice(m.Span)] = m.Entity
			}
		}
		f, ok1 := ent[tc.full]
		s, ok2 := ent[tc.short]
		if !ok1 || !ok2 {
			t.Fatalf("%q: mentions %v", tc.src, ent)
		}
		if (f == s) != tc.same {
			t.Errorf("%q: %q entity %d, %q entity %d, same=%v wanted", tc.src, tc.full, f, tc.short, s, tc.same)
		}
	}
}

// TestStage_ActorCodes covers the actor codes of named armed groups,
// known people, state bodies and companies recognized by their name's
// form, ministers with a portfolio, titles owned by a person, the sector
// of an apposition's body, and role words for opposition, police and
// armed groups. The sentences are written for this test.
func TestStage_ActorCodes(t *testing.T) {
	process := testProcess(t)
	tests := []struct {
		name, src, mention, want string
		published                string // YYYY-MM-DD, "" for undated
	}{
		{name: "named armed group", src: "Fighters of the Rapid Support Forces stormed a market on Sunday, residents said.", mention: "Rapid Support Forces", want: "SDNREB"},
		{name: "armed group acronym", src: "The MNDAA said on Friday it had taken a second town near the border.", mention: "MNDAA", want: "MMRREB"},
		{name: "dictionary name extends the tagger's span", src: "Yemen's Houthi movement said it had fired drones at a tanker.", mention: "Houthi movement", want: "YEMREB"},
		{name: "jihadist coalition", src: "JNIM claimed the ambush in a statement on Tuesday.", mention: "JNIM", want: "MLIREB"},
		{name: "code changes with the story's date (before)", src: "The Taliban seized another district on Monday, officials said.", mention: "Taliban", want: "AFGREBTAL", published: "2020-05-04"},
		{name: "code changes with the story's date (after)", src: "The Taliban barred women from universities on Monday.", mention: "Taliban", want: "AFGGOV", published: "2023-01-09"},
		{name: "known head of state without a country word", src: "President Recep Tayyip Erdogan met the delegation in the afternoon.", mention: "Recep Tayyip Erdogan", want: "TURGOV"},
		{name: "known person's surname alone", src: "Later, Zelensky told reporters the talks had been useful.", mention: "Zelensky", want: "UKRGOV"},
		{name: "Swiss demonym before a title", src: "Swiss Foreign Minister Anna Brunner thanked the mediators.", mention: "Anna Brunner", want: "CHEGOV"},
		{name: "portfolio between demonym and minister", src: "Chilean Mining Minister Pablo Rojas visited the site on Thursday.", mention: "Pablo Rojas", want: "CHLGOV"},
		{name: "national body is not the UN Security Council", src: "National Security Council spokesman Ramon Cruz said the boat had been rammed.", mention: "Ramon Cruz", want: "GOV"},
		{name: "state commission by name form", src: "Kenya's Independent Electoral Commission said turnout was low.", mention: "Independent Electoral Commission", want: "KENGOV"},
		{name: "prosecuting authority is judicial", src: "Nigeria's National Prosecuting Authority appealed the ruling.", mention: "National Prosecuting Authority", want: "NGAJUD"},
		{name: "company by its suffix and demonym", src: "Shares in Brazilian miner Serra Verde Holdings fell on Monday.", mention: "Serra Verde Holdings", want: "BRABUS"},
		{name: "ministry takes its spokesman's country", src: "Foreign Ministry spokesman Lin Jian said Beijing would respond.", mention: "Foreign Ministry", want: "CHNGOV"},
		{name: "leader of a union is labour", src: "Marie Dubois, leader of the dockers' union, said the strike would go on in France.", mention: "Marie Dubois", want: "LAB"},
		{name: "opposition candidate", src: "Peru's main opposition candidate rejected the count on Monday.", mention: "main opposition candidate", want: "PEROPP"},
		{name: "riot police", src: "Greek riot police fired tear gas at the crowd.", mention: "riot police", want: "GRCCOP"},
		{name: "mounted police by name", src: "The Royal Canadian Mounted Police arrested two men on Friday.", mention: "Royal Canadian Mounted Police", want: "CANCOP"},
		{name: "non-governmental organization", src: "The International Rescue Committee said clinics had closed.", mention: "International Rescue Committee", want: "NGOIRC"},
		{name: "state oil company", src: "Petroperu said the spill had been contained.", mention: "Petroperu", want: "PERBUS"},
		{name: "member of a named armed group", src: "Hamas spokesman Karim Yusuf said the offer had been rejected.", mention: "Karim Yusuf", want: "PSEREBHMS"},
		{name: "party adjective before leader is no government", src: "On Tuesday, Conservative leader Jane Holt attacked the budget.", mention: "Jane Holt", want: ""},
		{name: "party in power by date", src: "The Awami League called a general strike across the country.", mention: "Awami League", want: "BGDGOV", published: "2023-06-01"},
		{name: "party out of power by date", src: "The Awami League called a general strike across the country.", mention: "Awami League", want: "BGDOPP", published: "2025-02-01"},
		{name: "country tagged as an organization", src: "The US said on Monday it would send more aid.", mention: "US", want: "USA"},
		{name: "Palestinian Authority is a government", src: "The Palestinian Authority said it would pay the salaries.", mention: "Palestinian Authority", want: "PSEGOV"},
		{name: "apposition role with the place it is from", src: "\"We slept outside,\" said Dana Kovac, a 30-year-old nursing student from Zagreb.", mention: "Dana Kovac", want: "HRVEDU"},
		{name: "lower-case deputy before a name", src: "The bill is unconstitutional, said Peruvian deputy Luis Mora on Monday.", mention: "Luis Mora", want: "PERLEG"},
		{name: "company noun before an unknown name", src: "The Ghanaian miner Asante Gold Resources cut its forecast.", mention: "Asante Gold Resources", want: "GHABUS"},
		{name: "country inside a body's name", src: "The Bar Association of Uganda condemned the arrests.", mention: "Bar Association of Uganda", want: "UGA"},
		{name: "place named like a country is not a body", src: "Oil spills have polluted the Niger Delta for decades.", mention: "Niger Delta", want: ""},
		{name: "party spokesman with a portfolio is no government", src: "Green Party health spokesman Tom Adler said the cuts were wrong.", mention: "Tom Adler", want: ""},
		{name: "ministry spokesman keeps the government role", src: "CAIRO — Interior Ministry spokesman Omar Nabil said 12 people were held.", mention: "Omar Nabil", want: "EGYGOV"},
		{name: "acronym defined in the story beats the dictionary's", src: "The Eastern Farmers Federation (EFF) said prices had fallen. The EFF called a protest.", mention: "EFF", want: ""},
		{name: "dictionary acronym otherwise", src: "The EFF said it would march to parliament in Cape Town.", mention: "EFF", want: "ZAFOPP"},
		{name: "unidentified attackers take no country from the story", src: "BAMAKO, Mali — Assailants on motorbikes burned a market in central Mali on Sunday, Malian officials said.", mention: "Assailants", want: "UAF"},
		{name: "team captain is no officer", src: "On Saturday, Kenyan captain Otieno Were scored twice.", mention: "Otieno Were", want: "KEN"},
		{name: "country name as a modifier", src: "Nigeria police said 14 people had been arrested.", mention: "police", want: "NGACOP"},
		{name: "country name after a preposition is a place", src: "After the vote in Malawi police said 14 people had been arrested.", mention: "police", want: "COP"},
		{name: "body after a country's possessive", src: "The deal would let Vietnam's VMC build two plants.", mention: "VMC", want: "VNM"},
		{name: "description of an institution before its name", src: "QUITO, Ecuador — The Ecuadorean mining regulator ARCOM suspended the licence on Friday.", mention: "ARCOM", want: "ECUGOV"},
		{name: "territory", src: "Aid trucks entered Gaza on Sunday.", mention: "Gaza", want: "PSE"},
		{name: "current title beats a dated former code", src: "Prime Minister Justin Trudeau said Ottawa would respond.", mention: "Justin Trudeau", want: "CANGOV", published: "2025-06-01"},
		// Real-news actor classes: companies, exchanges, office holders of
		// earlier decades, opposition frontbenches and NGOs by context.
		{name: "exchange by name, second word extends the tagger's span", src: "Shares in Deutsche Boerse rose after the talks in Frankfurt.", mention: "Deutsche Boerse", want: "DEUBUS"},
		{name: "exchange acronym", src: "The LSE rejected the offer as too low on Tuesday.", mention: "LSE", want: "GBRBUS"},
		// Sources without a country of their own take the story's
		// country (issue 13): juries, departments, provincial leaders,
		// advisers, societies, rights lawyers.
		{name: "grand jury takes the dateline's country", src: "CHICAGO, June 2 - A trader at Acme Inc was indicted by a federal grand jury on Tuesday.", mention: "jury", want: "USAJUD"},
		{name: "department named by its portfolio", src: "WASHINGTON, June 2 - The Energy Department said on Tuesday it would sell oil from the reserve.", mention: "Energy Department", want: "USAGOV"},
		{name: "department of a portfolio", src: "LONDON, June 2 - The Department of Transport fined the rail operator on Friday.", mention: "Department of Transport", want: "GBRGOV"},
		{name: "provincial leaders", src: "OTTAWA, June 2 - Several provincial leaders complained about the pace of the talks in Ottawa.", mention: "Several provincial leaders", want: "CANGOV"},
		{name: "another adviser", src: "MOSCOW, June 2 - Another senior economic adviser called the auction a fraud.", mention: "senior economic adviser", want: "RUSGOV"},
		{name: "society of a profession", src: "LONDON, June 2 - The Medical Society said the proposals were an abuse of power.", mention: "Medical Society", want: "GBRNGO"},
		{name: "human rights lawyer before a name", src: "LONDON, June 2 - Human rights lawyer Ana Ruiz said the plan was unlawful.", mention: "Ana Ruiz", want: "GBRNGO"},
		{name: "the rebels are the named armed group before them", src: "Peru's government and the ELN rebel group met in Havana and Caracas. Later the rebels freed two hostages.", mention: "rebels", want: "COLREB"},
		{name: "a lawyer says nothing of the sector", src: "LAGOS, June 2 - Ada Obi's lawyer, Tunde Bello, said his client was innocent.", mention: "Tunde Bello", want: ""},
		{name: "company country across adjectives before the company noun", src: "The Swedish furniture giant Norrvik Mobler cut 300 jobs on Monday.", mention: "Norrvik Mobler", want: "SWEBUS"},
		{name: "company based in a capital", src: "The Oslo-based firm Fjordlink lost its licence.", mention: "Fjordlink", want: "NORBUS"},
		{name: "company by suffix based in a city", src: "Shares in the Lagos-based Zentra Holdings fell sharply.", mention: "Zentra Holdings", want: "NGABUS"},
		{name: "body named again without its country", src: "The US Department of Justice opened an inquiry. The firm will pay the Department of Justice $2m.", mention: "Department of Justice", want: "USAGOV"},
		{name: "a described government does not recolour a named agency", src: "BEIJING, China — The State Forestry Bureau banned logging in Yunnan. Last year the Lao government asked China to act.", mention: "State Forestry Bureau", want: "CHNGOV"},
		{name: "company spokesman is no government", src: "MOSCOW, Russia — Company spokesman Pavel Orlov said the tender was unfair to Russia.", mention: "Pavel Orlov", want: "BUS"},
		{name: "chairman of an unknown named body is no government", src: "KIEV, Ukraine — \"We regret it,\" said Oleh Marchuk, chairman of Dnipro Granite, in Ukraine.", mention: "Oleh Marchuk", want: ""},
		{name: "chairman of a known company takes its code", src: "\"We will bid again,\" said Anna Weiss, deputy chairman of Deutsche Bank.", mention: "Anna Weiss", want: "DEUBUS"},
		{name: "international organization before a compound", src: "ZAGREB, Croatia — Croatia must co-operate with the UN war crimes tribunal, Croatian officials said.", mention: "tribunal", want: "IGOUNO"},
		{name: "office holder by the story's date", src: "Jack Straw flew to Tehran for talks.", mention: "Jack Straw", want: "GBRGOV", published: "2003-09-24"},
		{name: "office holder after leaving office", src: "Jack Straw flew to Tehran for talks.", mention: "Jack Straw", want: "GBRELI", published: "2015-09-24"},
		{name: "undated story: the title carries the office", src: "Prime Minister Tony Blair said the summit had gone well.", mention: "Tony Blair", want: "GBRGOV"},
		{name: "shadow minister is the opposition", src: "LONDON, England — Shadow Chancellor Peter Gale attacked the budget, and Britain's treasury replied.", mention: "Peter Gale", want: "GBROPP"},
		{name: "party adjective before a portfolio spokesman", src: "Liberal Democrat transport spokesman Ian Lowe said fares were too high.", mention: "Ian Lowe", want: "GBROPP"},
		{name: "party out of power by date (Conservatives 2005)", src: "The Tories promised lower taxes on Monday.", mention: "Tories", want: "GBROPP", published: "2005-04-11"},
		{name: "party in power by date (Conservatives 1987)", src: "The Tories promised lower taxes on Monday.", mention: "Tories", want: "GBRGOV", published: "1987-05-11"},
		{name: "Tory leader is the Conservative opposition (undated)", src: "On Monday, Tory leader Martin Hale promised lower taxes.", mention: "Martin Hale", want: "GBROPP"},
		{name: "chairman of a country's bank is business", src: "\"Rates will fall,\" said Luis Ortega, the chairman of Chile's largest bank.", mention: "Luis Ortega", want: "CHLBUS"},
		{name: "chairman of a central bank stays government", src: "\"Rates will fall,\" said Luis Ortega, the chairman of Chile's central bank.", mention: "Luis Ortega", want: "CHLGOV"},
		{name: "a bare chairman is no government", src: "TORONTO, Canada — Profits will rise this year, Paul Martel, chairman, told reporters in Canada.", mention: "Paul Martel", want: ""},
		{name: "president of an unknown named company is no government", src: "MADRID, Spain — \"Sales were strong,\" said Rosa Vidal, president of Azul Textiles, in Spain.", mention: "Rosa Vidal", want: ""},
		{name: "businessman before office", src: "Donald Trump said he would not raise his offer for the casino.", mention: "Donald Trump", want: "USABUS", published: "1987-03-12"},
		{name: "late-1980s finance minister by date", src: "Kiichi Miyazawa told reporters the yen was too strong.", mention: "Kiichi Miyazawa", want: "JPNGOV", published: "1987-04-02"},
		{name: "known company with its legal form", src: "Shares of Chrysler Corp rose two dlrs in heavy trading.", mention: "Chrysler Corp", want: "USABUS"},
		{name: "European Community of the 1980s", src: "The European Community cut its sugar export refunds on Wednesday.", mention: "European Community", want: "IGOEEC"},
		{name: "US agency by acronym", src: "The USDA raised its estimate of the corn crop.", mention: "USDA", want: "USAGOV"},
		{name: "role placed in a country", src: "WASHINGTON — Congress voted to send aid to the rebels in Angola, officials in Washington said.", mention: "rebels", want: "AGOREB"},
		{name: "board member of a central bank", src: "Rates will stay low, said Petra Lang, a board member of Austria's central bank.", mention: "Petra Lang", want: "AUTGOV"},
		{name: "management board spokesman is business", src: "FRANKFURT, Germany — Management board spokesman Klaus Bauer said profits in Germany rose.", mention: "Klaus Bauer", want: "BUS"},
		{name: "party leader known to the dictionary takes the party's code", src: "LONDON, England — Tory leader Michael Howard said Britain needed lower taxes and British schools more money.", mention: "Michael Howard", want: "GBROPP", published: "2005-03-01"},
		{name: "bare party name of the story's country", src: "LONDON, England — The Conservatives promised lower taxes in Britain, and British voters will decide, the BBC said.", mention: "Conservatives", want: "GBROPP", published: "2005-03-01"},
		{name: "bare party name in a story of another country stays uncoded", src: "ROME, Italy — The Conservatives promised lower taxes in Italy, Italian officials said in Rome.", mention: "Conservatives", want: ""},
		{name: "rights group by its description and the story's country", src: "LONDON, England — Hannah Price, director of the human rights group Freedom Watch UK, said British courts had been misled about Britain's record.", mention: "Freedom Watch UK", want: "GBRNGO"},
		// wire copy of the 1980s: former states' adjectives, ranks before a title,
		// companies and economic actors
		{name: "Soviet adjective before a title", src: "Soviet Trade Minister Pavel Orlov arrived in Oslo on Monday.", mention: "Pavel Orlov", want: "RUSGOV"},
		{name: "first deputy between adjective and title", src: "ROME, March 4 - Soviet first deputy prime minister Ivan Petrov said his country wanted more trade.", mention: "Ivan Petrov", want: "RUSGOV"},
		{name: "dockers are labour", src: "LISBON, March 4 - Striking dockers blocked the port of Lisbon on Tuesday.", mention: "dockers", want: "PRTLAB"},
		{name: "seamen are labour", src: "Portuguese seamen said on Monday they would stay on strike.", mention: "seamen", want: "PRTLAB"},
		{name: "shipowners are business", src: "Greek shipowners said the strike cost them money.", mention: "shipowners", want: "GRCBUS"},
		{name: "company of the 1980s by its home", src: "Shares of Fujitsu Ltd rose on the Tokyo market on Monday.", mention: "Fujitsu Ltd", want: "JPNBUS"},
		{name: "French chemicals group", src: "The order went to Rhone-Poulenc after a long tender.", mention: "Rhone-Poulenc", want: "FRABUS"},
		{name: "abbreviated senator's title", src: "WASHINGTON, March 4 - Sen. Mary Walsh of Ohio said the bill would pass.", mention: "Mary Walsh", want: "USALEG"},
		{name: "congressman before a name", src: "WASHINGTON, March 4 - Congressman Joe Pike disagreed with the plan.", mention: "Joe Pike", want: "USALEG"},
		{name: "growers are agriculture", src: "Coffee growers in Kenya asked for higher prices on Monday.", mention: "growers", want: "KENAGR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc("t", tc.src)
			if tc.published != "" {
				p, err := time.Parse("2006-01-02", tc.published)
				if err != nil {
					t.Fatal(err)
				}
				d.Published = &p
			}
			if err := process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got, ok := entityActor(d, tc.mention)
			if !ok {
				var ms []string
				for _, m := range d.Mentions {
					ms = append(ms, d.Slice(m.Span)+"/"+m.Actor)
				}
				t.Fatalf("no mention %q; mentions %v", tc.mention, ms)
			}
			if got != tc.want {
				t.Errorf("%q: actor %q, want %q", tc.mention, got, tc.want)
			}
		})
	}
}

// TestStage_TitleCarriesOfficeAcrossMentions checks that in an undated
// story a known former office holder introduced by a current title keeps
// that office in the mentions without the title.
func TestStage_TitleCarriesOfficeAcrossMentions(t *testing.T) {
	process := testProcess(t)
	tests := []struct {
		src, mention, want string
	}{
		{"Prime Minister Tony Blair opened the summit. Later Mr Blair told reporters it had gone well.", "Blair", "GBRGOV"},
		{"Tony Blair opened the summit. Later Mr Blair told reporters it had gone well.", "Blair", "GBRELI"},
	}
	for _, tc := range tests {
		d := newDoc("t", tc.src)
		if err := process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range d.Mentions {
			if d.Slice(m.Span) != tc.mention {
				continue
			}
			found = true
			if m.Actor != tc.want {
				t.Errorf("%q in %q: actor %q, want %q", tc.mention, tc.src, m.Actor, tc.want)
			}
		}
		if !found {
			t.Errorf("no mention %q in %q", tc.mention, tc.src)
		}
	}
}

// TestStage_RankAdjectiveIsNoOfficer checks that a rank word used as an
// adjective before a lower-case noun is no military mention.
func TestStage_RankAdjectiveIsNoOfficer(t *testing.T) {
	process := testProcess(t)
	for _, src := range []string{
		"NAIROBI, Kenya — The general election will be held in August, Kenyan officials said.",
		"LIMA, Peru — The major contracts went to local firms, Peruvian officials said.",
	} {
		d := newDoc("t", src)
		if err := process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, m := range d.Mentions {
			if w := d.Slice(m.Span); w == "general" || w == "major" {
				t.Errorf("%q: adjective %q is a mention (actor %q)", src, w, m.Actor)
			}
		}
	}
}

// TestStage_LowerCaseWordIsNoCapitalizedAlias checks that a lower-case
// word matches only aliases the dictionary writes in lower case: "the
// amnesty" is a law, not Amnesty International.
func TestStage_LowerCaseWordIsNoCapitalizedAlias(t *testing.T) {
	process := testProcess(t)
	d := newDoc("t", "TBILISI, Georgia — Parliament is expected to approve the amnesty next week, Georgian officials said.")
	if err := process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Mentions {
		if d.Slice(m.Span) == "amnesty" {
			t.Errorf("the amnesty is a mention with actor %q", m.Actor)
		}
	}
}

// TestStage_CourtesyTitleMakesPerson checks that a name the story later
// uses after "Ms"/"Mr" is a person even where the tagger calls it an
// organization, and that an organization's form keeps it one.
func TestStage_CourtesyTitleMakesPerson(t *testing.T) {
	process := testProcess(t)
	tests := []struct {
		src, mention string
		want         document.EntityType
	}{
		{"Shani Rhys James fears that the Music Council of Wales may be absorbed by the Welsh Assembly Government. Ms James said so.", "Shani Rhys James", document.Person},
		{"The Morgan Foundation criticised the plan. Mr Morgan said nothing.", "Morgan Foundation", document.Org},
	}
	for _, tc := range tests {
		d := newDoc("t", tc.src)
		if err := process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range d.Mentions {
			if d.Slice(m.Span) == tc.mention {
				found = true
				if m.Type != tc.want {
					t.Errorf("%q: type %s, want %s", tc.mention, m.Type, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("no mention %q in %q", tc.mention, tc.src)
		}
	}
}
