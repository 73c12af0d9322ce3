package actors

// armedGroups are named armed non-state groups active in current news:
// the country they fight in plus REB (SEP for separatists, CRM for
// criminal cartels and gangs). Facts: names, usual spellings, acronyms.
var armedGroups = []Actor{
	// Sahel and West Africa.
	{Name: "Jama'at Nusrat al-Islam wal-Muslimin", Code: "MLIREB", Type: "ORG", Kind: "group", Aliases: []string{"JNIM", "Jamaat Nusrat al-Islam wal-Muslimin", "Group to Support Islam and Muslims", "Group for the Support of Islam and Muslims", "Jama'at Nusrat al-Islam wal Muslimin"}},
	{Name: "Islamic State West Africa Province", Code: "NGAREB", Type: "ORG", Kind: "group", Aliases: []string{"ISWAP", "Islamic State in West Africa", "Islamic State West Africa"}},
	{Name: "Islamic State Sahel Province", Code: "MLIREB", Type: "ORG", Kind: "group", Aliases: []string{"Islamic State in the Sahel", "Islamic State Sahel"}},
	{Name: "Ansaru", Code: "NGAREB", Type: "ORG", Kind: "group"},
	{Name: "Lakurawa", Code: "NGAREB", Type: "ORG", Kind: "group"},
	{Name: "Ambazonia Defence Forces", Code: "CMRSEP", Type: "ORG", Kind: "group", Aliases: []string{"Ambazonian separatists"}},
	// East and Central Africa.
	{Name: "Allied Democratic Forces", Code: "CODREB", Type: "ORG", Kind: "group", Aliases: []string{"ADF rebels"}},
	{Name: "CODECO", Code: "CODREB", Type: "ORG", Kind: "group", Aliases: []string{"Cooperative for the Development of Congo"}},
	{Name: "Democratic Forces for the Liberation of Rwanda", Code: "CODREB", Type: "ORG", Kind: "group", Aliases: []string{"FDLR"}},
	{Name: "Congo River Alliance", Code: "CODREB", Type: "ORG", Kind: "group", Aliases: []string{"Alliance Fleuve Congo"}},
	{Name: "Fano", Code: "ETHREB", Type: "ORG", Kind: "group", Aliases: []string{"Fano militia", "Fano militiamen", "Fano fighters"}},
	{Name: "Oromo Liberation Army", Code: "ETHREB", Type: "ORG", Kind: "group", Aliases: []string{"OLA"}},
	{Name: "SPLM-North", Code: "SDNREB", Type: "ORG", Kind: "group", Aliases: []string{"SPLM-N", "Sudan People's Liberation Movement-North"}},
	{Name: "Sudan Liberation Movement", Code: "SDNREB", Type: "ORG", Kind: "group", Aliases: []string{"Sudan Liberation Army"}},
	{Name: "Lord's Resistance Army", Code: "UGAREB", Type: "ORG", Kind: "group", Aliases: []string{"LRA"}},
	{Name: "Ansar al-Sunna", Code: "MOZREB", Type: "ORG", Kind: "group", Aliases: []string{"Ansar al-Sunnah"}},
	{Name: "Janjaweed", Code: "SDNUAF", Type: "ORG", Kind: "group"},
	// Middle East.
	{Name: "Hayat Tahrir al-Sham", Code: "SYRREB", Type: "ORG", Kind: "group", Aliases: []string{"HTS", "Hayat Tahrir al-Sham (HTS)", "Hay'at Tahrir al-Sham"}, Changes: []Change{{From: "2024-12-08", Code: "SYRGOV"}}},
	{Name: "Syrian National Army", Code: "SYRREB", Type: "ORG", Kind: "group"},
	{Name: "People's Protection Units", Code: "SYRREB", Type: "ORG", Kind: "group", Aliases: []string{"YPG"}},
	{Name: "Kataib Hezbollah", Code: "IRQREB", Type: "ORG", Kind: "group", Aliases: []string{"Kata'ib Hezbollah", "Kataeb Hezbollah"}},
	{Name: "Islamic Resistance in Iraq", Code: "IRQREB", Type: "ORG", Kind: "group"},
	{Name: "Popular Mobilization Forces", Code: "IRQMIL", Type: "ORG", Kind: "group", Aliases: []string{"Popular Mobilisation Forces", "PMF", "Hashed al-Shaabi", "Hashd al-Shaabi"}},
	{Name: "Al-Aqsa Martyrs' Brigades", Code: "PSEREB", Type: "ORG", Kind: "group", Aliases: []string{"Al-Aqsa Martyrs Brigades"}},
	{Name: "Popular Front for the Liberation of Palestine", Code: "PSEREB", Type: "ORG", Kind: "group", Aliases: []string{"PFLP"}},
	{Name: "al-Quds Brigades", Code: "PSEREBISJ", Type: "ORG", Kind: "group", Aliases: []string{"Al-Quds Brigades", "Saraya al-Quds"}},
	{Name: "al-Qaeda in the Arabian Peninsula", Code: "YEMREB", Type: "ORG", Kind: "group", Aliases: []string{"AQAP", "Al Qaeda in the Arabian Peninsula", "al-Qaida in the Arabian Peninsula"}},
	{Name: "Southern Transitional Council", Code: "YEMREB", Type: "ORG", Kind: "group"},
	// South and Central Asia.
	{Name: "Tehrik-i-Taliban Pakistan", Code: "PAKREB", Type: "ORG", Kind: "group", Aliases: []string{"TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan", "Tehrik-e-Taliban Pakistan"}},
	{Name: "Balochistan Liberation Army", Code: "PAKSEP", Type: "ORG", Kind: "group", Aliases: []string{"BLA", "Baloch Liberation Army"}},
	{Name: "Lashkar-e-Taiba", Code: "PAKREB", Type: "ORG", Kind: "group", Aliases: []string{"Lashkar-e-Toiba"}},
	{Name: "Jaish-e-Mohammed", Code: "PAKREB", Type: "ORG", Kind: "group", Aliases: []string{"Jaish-e-Muhammad"}},
	{Name: "The Resistance Front", Code: "PAKREB", Type: "ORG", Kind: "group"},
	{Name: "Islamic State Khorasan Province", Code: "AFGREB", Type: "ORG", Kind: "group", Aliases: []string{"ISIS-K", "IS-K", "ISKP", "Islamic State Khorasan", "Islamic State-Khorasan"}},
	{Name: "National Resistance Front", Code: "AFGREB", Type: "ORG", Kind: "group"},
	// Myanmar.
	{Name: "Myanmar National Democratic Alliance Army", Code: "MMRREB", Type: "ORG", Kind: "group", Aliases: []string{"MNDAA"}},
	{Name: "Arakan Army", Code: "MMRREB", Type: "ORG", Kind: "group"},
	{Name: "Ta'ang National Liberation Army", Code: "MMRREB", Type: "ORG", Kind: "group", Aliases: []string{"TNLA", "Taang National Liberation Army"}},
	{Name: "Kachin Independence Army", Code: "MMRREB", Type: "ORG", Kind: "group", Aliases: []string{"Kachin Independence Organisation", "Kachin Independence Organization", "KIO"}},
	{Name: "Karen National Union", Code: "MMRREB", Type: "ORG", Kind: "group", Aliases: []string{"KNU", "Karen National Liberation Army", "KNLA"}},
	{Name: "People's Defence Force", Code: "MMRREB", Type: "ORG", Kind: "group", Aliases: []string{"People's Defense Force", "People's Defence Forces", "People's Defense Forces"}},
	{Name: "Three Brotherhood Alliance", Code: "MMRREB", Type: "ORG", Kind: "group", Aliases: []string{"Brotherhood Alliance"}},
	{Name: "United Wa State Army", Code: "MMRREB", Type: "ORG", Kind: "group", Aliases: []string{"UWSA"}},
	{Name: "Arakan Rohingya Salvation Army", Code: "MMRREB", Type: "ORG", Kind: "group", Aliases: []string{"ARSA"}},
	// Americas.
	{Name: "Estado Mayor Central", Code: "COLREB", Type: "ORG", Kind: "group", Aliases: []string{"Central General Staff"}},
	{Name: "Segunda Marquetalia", Code: "COLREB", Type: "ORG", Kind: "group"},
	{Name: "Gulf Clan", Code: "COLCRM", Type: "ORG", Kind: "group", Aliases: []string{"Clan del Golfo", "Gaitanist Self-Defense Forces of Colombia"}},
	{Name: "Sinaloa Cartel", Code: "MEXCRM", Type: "ORG", Kind: "group", Aliases: []string{"Sinaloa cartel"}},
	{Name: "Jalisco New Generation Cartel", Code: "MEXCRM", Type: "ORG", Kind: "group", Aliases: []string{"CJNG", "Jalisco cartel"}},
	{Name: "Tren de Aragua", Code: "VENCRM", Type: "ORG", Kind: "group"},
	{Name: "Viv Ansanm", Code: "HTICRM", Type: "ORG", Kind: "group"},
	{Name: "Shining Path", Code: "PERREB", Type: "ORG", Kind: "group", Aliases: []string{"Sendero Luminoso"}},
	// Europe.
	{Name: "Africa Corps", Code: "RUSUAF", Type: "ORG", Kind: "group"},
}
