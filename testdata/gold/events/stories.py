# Writes gold.jsonl; kept beside it so the stories can be edited as code.
import json
S = []
def s(id, pub, text, *events):
    S.append({"id": id, "published": pub, "text": text,
              "events": [dict(zip(("code", "source", "target"), e)) | {"root": e[0][:2]} for e in events]})

s("ev001", "2024-03-12", "Russian forces shelled the eastern Ukrainian city of Kharkiv overnight, killing four civilians, Ukrainian officials said on Tuesday. The regional governor said the strikes hit a school and two apartment blocks.",
  ("194", "RUSMIL", "UKR"), ("186", "RUSMIL", ""))
s("ev002", "2024-04-03", "Chinese Foreign Minister Wang Yi met his Australian counterpart in Beijing on Wednesday to discuss trade tensions. Australia had urged China to lift tariffs on its wine exports.",
  ("044", "CHNGOV", "AUS"), ("025", "AUS", "CHN"))
s("ev003", "2024-01-18", "Israel did not attack targets inside Iran overnight, an Israeli military spokesman said on Thursday, dismissing reports on social media. Iran had threatened to retaliate against any strike on its territory.",
  ("130", "IRN", ""))
s("ev004", "2024-02-20", "India and Pakistan held talks in Geneva on Tuesday on the sharing of river waters, the first such meeting in three years. Both delegations described the discussions as constructive.",
  ("040", "IND", "PAK"), ("040", "PAK", "IND"))
s("ev005", "2024-05-07", "Turkish police arrested an Iranian diplomat in Ankara on Monday on suspicion of spying, the Turkish interior ministry said. Iran condemned the arrest and summoned the Turkish ambassador in Tehran.",
  ("173", "TURCOP", "IRN"), ("111", "IRN", ""), ("114", "IRN", "TUR"))
s("ev006", "2024-06-11", "The United Nations called for an immediate ceasefire in Sudan on Tuesday as fighting between the army and paramilitary forces spread to the west of the country. Egypt offered to host talks between the warring parties.",
  ("0256", "UNO", "SDN"), ("036", "EGY", ""))
s("ev007", "2024-02-02", "Kenya will send a thousand police officers to Haiti next month if the country's parliament approves the mission, Kenyan officials said on Friday. Haiti welcomed the plan.",
  ("013", "HTI", ""))
s("ev008", "2024-07-15", "The European Union imposed sanctions on Belarus on Monday over its support for Russia's war in Ukraine. Belarus rejected the measures as illegal and threatened to respond.",
  ("163", "EUR", "BLR"), ("120", "BLR", ""), ("130", "BLR", ""))
s("ev009", "2024-03-28", "North Korea fired two ballistic missiles into the sea off its east coast on Thursday, South Korea's military said. Japan and South Korea condemned the launches.",
  ("111", "JPN", ""), ("111", "KOR", ""))
s("ev010", "2024-08-05", "Thousands of protesters marched in Nairobi on Monday against a proposed tax increase, and Kenyan police fired tear gas to disperse them. Kenya's president called for calm.",
  ("175", "KENCOP", "KEN"), ("0256", "KENGOV", ""))
s("ev011", "2024-09-19", "Saudi Arabia pledged $500 million in aid to Yemen on Thursday to support the country's central bank, the Saudi state news agency reported. Yemen's government thanked Riyadh for the support.",
  ("033", "SAU", "YEM"), ("051", "YEMGOV", "SAU"))
s("ev012", "2024-10-02", "Iranian President Masoud Pezeshkian visited Iraq on Wednesday, his first foreign trip since taking office. He met Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad and signed a series of agreements on trade and energy.",
  ("042", "IRNGOV", "IRQ"), ("044", "IRNGOV", "IRQGOV"), ("057", "IRNGOV", "IRQGOV"))
s("ev013", "2024-04-22", "A court in Moscow sentenced an American journalist to six years in prison on Monday on charges of espionage. The United States denounced the verdict as a sham.",
  ("173", "RUSJUD", "USA"), ("111", "USA", ""))
s("ev014", "2024-05-30", "Israeli warplanes launched airstrikes on Gaza on Thursday, Palestinian health officials said, hours after the militant group fired rockets at southern Israel. Egypt and Qatar urged both sides to show restraint.",
  ("195", "ISRMIL", "PSE"), ("193", "", "ISR"), ("0256", "EGY", ""), ("0256", "QAT", ""))
s("ev015", "2024-11-12", "China held large-scale military drills around Taiwan on Tuesday, a day after Taiwan's president returned from a trip to the United States. Taiwan accused Beijing of trying to intimidate its people.",
  ("150", "CHN", "TWN"), ("112", "TWN", "CHN"))
s("ev016", "2024-02-27", "Poland expelled a Russian diplomat on Tuesday after prosecutors accused him of helping to plan sabotage. Russia said it would respond in kind.",
  ("166", "POL", "RUS"))
s("ev017", "2024-06-25", "Nigerian troops killed at least 30 militants in an operation in Borno state on Monday, the Nigerian army said. The militants had abducted dozens of villagers last week.",
  ("186", "NGAMIL", ""))
s("ev018", "2024-03-05", "Armenia and Azerbaijan signed an agreement on Tuesday to begin marking their shared border, officials in both countries said. The European Union welcomed the deal.",
  ("057", "ARM", "AZE"), ("057", "AZE", "ARM"), ("013", "EUR", ""))
s("ev019", "2024-08-21", "Venezuela's supreme court ordered the arrest of opposition leader Edmundo Gonzalez on Wednesday. Brazil and Colombia criticized the decision and called for dialogue.",
  ("173", "VENJUD", "VEN"), ("111", "BRA", ""), ("111", "COL", ""), ("026", "BRA", ""), ("026", "COL", ""))
s("ev020", "2024-07-02", "Ukraine's president met Hungarian Prime Minister Viktor Orban in Kyiv on Tuesday, the first visit by the Hungarian leader since the war began. Orban urged Ukraine to consider a ceasefire.",
  ("044", "UKRGOV", "HUNGOV"), ("0256", "HUN", "UKR"))
s("ev021", "2024-09-03", "The Philippines accused China of ramming a coast guard vessel near a disputed shoal in the South China Sea on Saturday. China denied the charge and said Philippine ships had entered its waters.",
  ("112", "PHL", "CHN"))
s("ev022", "2024-12-09", "Syrian rebels captured the city of Homs on Sunday after government troops withdrew, residents said. The United Nations appealed for the protection of civilians.",
  ("192", "SYRREB", "SYR"), ("020", "UNO", ""))
s("ev023", "2024-01-09", "The United States and Britain carried out airstrikes against Houthi targets in Yemen on Thursday in response to attacks on shipping in the Red Sea. Yemen's Houthis vowed to retaliate.",
  ("195", "USA", "YEM"), ("195", "GBR", "YEM"))
s("ev024", "2024-04-16", "Germany will not send long-range missiles to Ukraine, the German chancellor said on Tuesday, rejecting calls from Kyiv for the weapons. Ukraine's foreign minister criticized the decision.",
  ("122", "DEU", "UKR"), ("111", "UKRGOV", ""))
s("ev025", "2024-10-17", "Ethiopia and Somalia agreed to resume talks on Thursday after months of tension over a port deal, Turkish mediators said. Turkey hosted the two delegations in Ankara.",
  ("036", "ETH", "SOM"), ("036", "SOM", "ETH"), ("043", "TUR", ""))
s("ev026", "2024-05-14", "Georgian police detained dozens of protesters in Tbilisi on Tuesday as demonstrators rallied outside parliament against a foreign influence law. The European Union urged Georgia to withdraw the bill.",
  ("173", "GEOCOP", ""), ("020", "EUR", "GEO"))
s("ev027", "2024-11-25", "Iran freed a French national who had been held for two years, the French foreign ministry said on Monday. France thanked Oman for its mediation.",
  ("084", "IRN", "FRA"), ("051", "FRA", "OMN"))
s("ev028", "2024-03-19", "Sudan's army shelled residential areas of Omdurman on Monday, killing at least 15 people, a local medical group said. Human rights groups condemned the shelling.",
  ("194", "SDNMIL", "SDN"), ("186", "SDNMIL", ""))
s("ev029", "2024-06-04", "Mexico's president spoke by phone with the Canadian prime minister on Tuesday about trade and migration. The two leaders agreed to meet next month.",
  ("041", "MEXGOV", "CANGOV"))
s("ev030", "2024-08-13", "Militants abducted 20 students from a school in northwestern Nigeria on Monday, police said. Nigeria's president ordered security forces to rescue the students.",
  ("181", "", "NGA"))
s("ev031", "2024-02-14", "The United States could impose new sanctions on Iran if talks fail, a State Department spokesman said on Wednesday. Iran warned that it would not negotiate under pressure.",
  )
s("ev032", "2024-07-23", "Chinese and Russian bombers flew a joint patrol near Alaska on Wednesday, the North American Aerospace Defense Command said. The United States said the flights were not a threat.",
  ("062", "CHNMIL", "RUSMIL"), ("062", "RUSMIL", "CHNMIL"))
s("ev033", "2024-09-10", "Algeria recalled its ambassador to France on Tuesday in protest at Paris's support for Morocco's plan for Western Sahara. France said it regretted the decision.",
  ("166", "DZA", "FRA"))
s("ev034", "2024-01-30", "South Africa filed a case against Israel at the International Court of Justice accusing it of genocide in Gaza. Israel rejected the accusation as baseless.",
  ("115", "ZAF", "ISR"), ("112", "ZAF", "ISR"), ("120", "ISR", ""))
s("ev035", "2024-05-21", "Hungary vetoed a European Union aid package for Ukraine on Tuesday, diplomats said. Poland criticized Budapest for blocking the money.",
  ("129", "HUN", "EUR"), ("111", "POL", "HUN"))
s("ev036", "2024-10-29", "Israeli forces raided the Jenin refugee camp in the West Bank on Tuesday and arrested at least 12 Palestinians, the Palestinian news agency reported. Jordan condemned the raid.",
  ("180", "ISRMIL", "PSE"), ("173", "ISRMIL", "PSE"), ("111", "JOR", ""))
s("ev037", "2024-03-26", "Colombia's government and the ELN rebel group resumed peace negotiations in Caracas on Monday, with Venezuela and Cuba acting as guarantors. Colombia's negotiators praised the rebels for releasing two hostages.",
  ("046", "COLGOV", "COLREB"), ("046", "COLREB", "COLGOV"), ("051", "COLGOV", ""))
s("ev038", "2024-12-03", "South Korean police raided the offices of the ruling party on Tuesday as part of an investigation into the president's martial law decree. Thousands of South Koreans protested in Seoul demanding his resignation.",
  ("180", "KORCOP", "KOR"), ("140", "KOR", ""), ("1041", "KOR", ""))
s("ev039", "2024-02-08", "A Ukrainian drone struck an oil refinery in southern Russia on Thursday, the regional governor said. Russia accused Ukraine of terrorism.",
  ("195", "UKR", "RUS"), ("112", "RUS", "UKR"))
s("ev040", "2024-06-18", "Russian President Vladimir Putin visited North Korea on Tuesday for the first time in 24 years and signed a mutual defense treaty with Kim Jong Un. The United States and South Korea criticized the pact.",
  ("042", "RUSGOV", "PRK"), ("057", "RUSGOV", "PRK"), ("111", "USA", ""), ("111", "KOR", ""))
s("ev041", "2024-04-09", "Ecuadorian police stormed the Mexican embassy in Quito on Friday and arrested a former vice president who had sought asylum there. Mexico broke off diplomatic relations with Ecuador in response.",
  ("180", "ECUCOP", "MEX"), ("173", "ECUCOP", ""), ("161", "MEX", "ECU"))
s("ev042", "2024-11-05", "Japan and the Philippines held joint military exercises in the South China Sea on Tuesday, a week after Chinese ships blocked a Philippine resupply mission. China criticized the drills.",
  ("062", "JPN", "PHL"), ("062", "PHL", "JPN"), ("191", "CHN", "PHL"), ("111", "CHN", ""))
s("ev043", "2024-08-28", "Turkey's foreign minister said Ankara was ready to mediate between Russia and Ukraine, but neither side has accepted the offer. Russia has refused to negotiate while Ukrainian troops remain in the Kursk region.",
  ("125", "RUS", ""))
s("ev044", "2024-01-24", "Thousands of farmers blocked roads across France on Wednesday to protest against rising costs and environmental rules. French police arrested several protesters near Paris.",
  ("173", "FRACOP", ""))
s("ev045", "2024-10-08", "Israel expelled the United Nations envoy on Tuesday after he criticized the country's military campaign in Lebanon. The UN condemned the decision.",
  ("166", "ISR", "UNO"), ("111", "UNO", ""))

with open("gold.jsonl", "w") as f:
    for x in S:
        f.write(json.dumps(x, ensure_ascii=False) + "\n")
print(len(S), sum(len(x["events"]) for x in S))
