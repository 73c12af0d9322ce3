package gazetteer

// Hand-written facts: regions, continents and physical features news
// writes about, GeoNames ids of countries, and alternative names of
// well-known places. Coordinates are representative points (approximate
// centres), good to well within 161 km for compact areas.

type region struct {
	name    string
	alts    []string
	feature string
	country string // "" when the area spans countries or is disputed
	lat     float64
	lon     float64
	id      int
}

var regions = []region{
	// Continents and world regions.
	{"Africa", nil, FeatContinent, "", 7.19, 21.09, 6255146},
	{"Asia", nil, FeatContinent, "", 29.84, 89.3, 6255147},
	{"Europe", nil, FeatContinent, "", 48.69, 9.14, 6255148},
	{"North America", nil, FeatContinent, "", 46.07, -100.55, 6255149},
	{"South America", nil, FeatContinent, "", -14.6, -57.66, 6255150},
	{"Oceania", nil, FeatContinent, "", -18.31, 138.52, 6255151},
	{"Antarctica", nil, FeatContinent, "", -78.16, 16.41, 6255152},
	{"Middle East", []string{"Mideast", "Near East"}, FeatRegion, "", 29.3, 42.5, 0},
	{"Latin America", nil, FeatRegion, "", -4, -62, 0},
	{"Caribbean", []string{"the Caribbean"}, FeatRegion, "", 17, -72, 0},
	{"Central America", nil, FeatRegion, "", 12.77, -85.6, 0},
	{"Southeast Asia", []string{"South-East Asia", "South East Asia"}, FeatRegion, "", 10, 106, 0},
	{"South Asia", nil, FeatRegion, "", 22, 79, 0},
	{"East Asia", nil, FeatRegion, "", 35, 115, 0},
	{"Central Asia", nil, FeatRegion, "", 43, 65, 0},
	{"West Africa", nil, FeatRegion, "", 12, -3, 0},
	{"East Africa", nil, FeatRegion, "", 1, 38, 0},
	{"North Africa", nil, FeatRegion, "", 27, 13, 0},
	{"Southern Africa", nil, FeatRegion, "", -25, 25, 0},
	{"Central Africa", nil, FeatRegion, "", 2, 20, 0},
	{"Sub-Saharan Africa", nil, FeatRegion, "", 0, 20, 0},
	{"Horn of Africa", nil, FeatRegion, "", 8, 45, 0},
	{"Sahel", nil, FeatRegion, "", 14.5, 6, 0},
	{"Sahara", []string{"Sahara Desert"}, FeatRegion, "", 23, 13, 0},
	{"Maghreb", nil, FeatRegion, "", 31, 2, 0},
	{"Levant", nil, FeatRegion, "", 33.5, 36, 0},
	{"Arabian Peninsula", nil, FeatRegion, "", 23, 46, 0},
	{"Balkans", nil, FeatRegion, "", 43, 21, 0},
	{"Scandinavia", nil, FeatRegion, "", 63, 15, 0},
	{"Caucasus", nil, FeatRegion, "", 42.5, 44.5, 0},
	{"Western Europe", nil, FeatRegion, "", 48, 5, 0},
	{"Eastern Europe", nil, FeatRegion, "", 50, 30, 0},
	{"Korean Peninsula", nil, FeatRegion, "", 37.5, 127.5, 0},
	{"Himalayas", nil, FeatRegion, "", 28, 84, 0},
	{"Alps", nil, FeatRegion, "", 46.5, 10, 0},
	{"Andes", nil, FeatRegion, "", -13, -72, 0},
	{"Amazon", []string{"Amazon rainforest", "Amazonia"}, FeatRegion, "", -3.5, -62, 0},
	{"Patagonia", nil, FeatRegion, "", -46, -70, 0},
	{"Siberia", nil, FeatRegion, "RU", 60, 105, 0},
	{"Midwest", nil, FeatRegion, "US", 41.5, -93, 0},
	{"New England", nil, FeatRegion, "US", 43.5, -71.5, 0},
	{"Silicon Valley", nil, FeatRegion, "US", 37.4, -122.1, 0},
	{"Bay Area", []string{"San Francisco Bay Area"}, FeatRegion, "US", 37.8, -122.3, 0},
	// Islands that are not divisions of their own.
	{"Java", nil, FeatRegion, "ID", -7.5, 110, 0},
	{"Sumatra", nil, FeatRegion, "ID", 0, 102, 0},
	{"Borneo", nil, FeatRegion, "", 1, 114, 0},
	{"Sulawesi", nil, FeatRegion, "ID", -2, 121, 0},
	{"Luzon", nil, FeatRegion, "PH", 16, 121, 0},
	{"Mindanao", nil, FeatRegion, "PH", 8, 125, 0},
	// Disputed and conflict areas.
	{"Golan Heights", []string{"Golan"}, FeatRegion, "", 33, 35.8, 0},
	{"West Bank", nil, FeatRegion, "PS", 31.95, 35.25, 0},
	{"Gaza Strip", nil, FeatRegion, "PS", 31.42, 34.38, 0},
	{"East Jerusalem", nil, FeatRegion, "", 31.78, 35.23, 0},
	{"Darfur", nil, FeatRegion, "SD", 13.5, 24, 0},
	{"Kashmir", []string{"Jammu and Kashmir"}, FeatRegion, "", 34, 75.5, 0},
	{"Crimea", []string{"Crimean Peninsula"}, FeatRegion, "UA", 45, 34.1, 0},
	{"Donbas", []string{"Donbass"}, FeatRegion, "UA", 48, 38.5, 0},
	{"Sinai", []string{"Sinai Peninsula"}, FeatRegion, "EG", 29.5, 33.8, 0},
	{"Kurdistan", []string{"Iraqi Kurdistan", "Kurdistan Region"}, FeatRegion, "IQ", 36.5, 44, 0},
	{"Nagorno-Karabakh", []string{"Karabakh"}, FeatRegion, "AZ", 39.9, 46.7, 0},
	{"Abkhazia", nil, FeatRegion, "GE", 43, 41, 0},
	{"South Ossetia", nil, FeatRegion, "GE", 42.3, 44, 0},
	{"Transnistria", nil, FeatRegion, "MD", 47.2, 29.4, 0},
	{"Somaliland", nil, FeatRegion, "SO", 9.5, 46, 0},
	{"Puntland", nil, FeatRegion, "SO", 8.5, 49, 0},
	// Seas, gulfs, straits, oceans.
	{"Red Sea", nil, FeatWater, "", 20, 38.5, 0},
	{"Mediterranean", []string{"Mediterranean Sea"}, FeatWater, "", 35, 18, 0},
	{"Black Sea", nil, FeatWater, "", 43.4, 34.3, 0},
	{"Caspian Sea", []string{"Caspian"}, FeatWater, "", 41.7, 50.6, 0},
	{"Baltic Sea", []string{"Baltic"}, FeatWater, "", 58.5, 20, 0},
	{"North Sea", nil, FeatWater, "", 56, 3, 0},
	{"Aegean Sea", []string{"Aegean"}, FeatWater, "", 39, 25, 0},
	{"Adriatic Sea", []string{"Adriatic"}, FeatWater, "", 43, 15, 0},
	{"Sea of Azov", nil, FeatWater, "", 46, 36.5, 0},
	{"South China Sea", nil, FeatWater, "", 12, 114, 0},
	{"East China Sea", nil, FeatWater, "", 29, 125, 0},
	{"Sea of Japan", nil, FeatWater, "", 40, 135, 0},
	{"Arabian Sea", nil, FeatWater, "", 15, 65, 0},
	{"Persian Gulf", []string{"Arabian Gulf", "Gulf"}, FeatWater, "", 26.5, 52, 0},
	{"Gulf of Oman", nil, FeatWater, "", 24.5, 58.5, 0},
	{"Gulf of Aden", nil, FeatWater, "", 12.5, 48, 0},
	{"Gulf of Mexico", nil, FeatWater, "", 25, -90, 0},
	{"Gulf of Guinea", nil, FeatWater, "", 2, 3, 0},
	{"Strait of Hormuz", []string{"Hormuz"}, FeatWater, "", 26.6, 56.3, 0},
	{"Bab el-Mandeb", []string{"Bab al-Mandab"}, FeatWater, "", 12.6, 43.3, 0},
	{"Strait of Malacca", nil, FeatWater, "", 2.5, 101.5, 0},
	{"Taiwan Strait", nil, FeatWater, "", 24, 119.5, 0},
	{"English Channel", nil, FeatWater, "", 50.2, -1, 0},
	{"Lake Chad", nil, FeatWater, "", 13, 14.5, 0},
	{"Indian Ocean", nil, FeatWater, "", -20, 80, 0},
	{"Pacific Ocean", []string{"Pacific"}, FeatWater, "", 0, -160, 0},
	{"Atlantic Ocean", []string{"Atlantic"}, FeatWater, "", 15, -40, 0},
	{"Arctic Ocean", []string{"Arctic"}, FeatWater, "", 85, 0, 0},
}

// countryIDs are the GeoNames ids of frequently mentioned countries.
var countryIDs = map[string]int{
	"US": 6252001, "GB": 2635167, "FR": 3017382, "DE": 2921044, "RU": 2017370, "CN": 1814991,
	"IN": 1269750, "TR": 298795, "SY": 163843, "IQ": 99237, "IR": 130758, "CA": 6251999,
	"AU": 2077456, "MX": 3996063, "BR": 3469034, "JP": 1861060, "EG": 357994, "KE": 192950,
	"NG": 2328926, "ZA": 953987, "UA": 690791, "IL": 294640, "PK": 1168579, "AF": 1149361,
	"IT": 3175395, "ES": 2510769,
}

// countryPoints are GeoNames' representative points for countries whose
// world-countries centroid lies elsewhere; geoparsing gold standards built
// on GeoNames use these.
var countryPoints = map[string][2]float64{
	"US": {39.76, -98.5},
	"CA": {60.10867, -113.64258},
	"GB": {54.75844, -2.69531},
	"DE": {51.5, 10.5},
	"IN": {22, 79},
	"CD": {-2.5, 23.5},
	"LY": {28, 17},
}

type alias struct {
	name, country, feature string
	alts                   []string
}

// aliases adds alternative names to places of the generated table.
var aliases = []alias{
	{"Kyiv", "UA", FeatCity, []string{"Kiev"}},
	{"Newcastle upon Tyne", "GB", FeatCity, []string{"Newcastle"}},
	{"Genève", "CH", FeatCity, []string{"Geneva"}},
	{"Mişrātah", "LY", FeatCity, []string{"Misrata", "Misurata"}},
	{"Al Fallūjah", "IQ", FeatCity, []string{"Fallujah", "Falluja"}},
	{"Mumbai", "IN", FeatCity, []string{"Bombay"}},
	{"Kolkata", "IN", FeatCity, []string{"Calcutta"}},
	{"Chennai", "IN", FeatCity, []string{"Madras"}},
	{"Bengaluru", "IN", FeatCity, []string{"Bangalore"}},
	{"Pune", "IN", FeatCity, []string{"Poona"}},
	{"Beijing", "CN", FeatCity, []string{"Peking"}},
	{"Yangon", "MM", FeatCity, []string{"Rangoon"}},
	{"Ho Chi Minh City", "VN", FeatCity, []string{"Saigon", "Ho Chi Minh"}},
	{"Kharkiv", "UA", FeatCity, []string{"Kharkov"}},
	{"Odessa", "UA", FeatCity, []string{"Odesa"}},
	{"Lviv", "UA", FeatCity, []string{"Lvov", "Lwow"}},
	{"Dnipro", "UA", FeatCity, []string{"Dnipropetrovsk", "Dnepropetrovsk"}},
	{"Dhaka", "BD", FeatCity, []string{"Dacca"}},
	{"Sanaa", "YE", FeatCity, []string{"Sana'a", "Sana"}},
	{"Washington, D.C.", "US", FeatCity, []string{"Washington DC", "D.C."}},
	{"New York City", "US", FeatCity, []string{"NYC", "New York"}},
	{"Los Angeles", "US", FeatCity, []string{"L.A."}},
	{"Nur-Sultan", "KZ", FeatCity, []string{"Astana"}},
	{"Almaty", "KZ", FeatCity, []string{"Alma-Ata"}},
	{"Chisinau", "MD", FeatCity, []string{"Kishinev"}},
	{"Basrah", "IQ", FeatCity, []string{"Basra"}},
	{"Ar Raqqah", "SY", FeatCity, []string{"Raqqa", "Raqqah"}},
	// Former and colonial-era names still found in news and archives.
	{"Kinshasa", "CD", FeatCity, []string{"Léopoldville", "Leopoldville"}},
	{"Kisangani", "CD", FeatCity, []string{"Stanleyville"}},
	{"Lubumbashi", "CD", FeatCity, []string{"Élisabethville", "Elisabethville"}},
	{"Maputo", "MZ", FeatCity, []string{"Lourenço Marques"}},
	{"Saint Petersburg", "RU", FeatCity, []string{"Leningrad", "St. Petersburg", "St Petersburg", "Petrograd"}},
	{"Volgograd", "RU", FeatCity, []string{"Stalingrad"}},
	{"Istanbul", "TR", FeatCity, []string{"Constantinople"}},
	{"Gdańsk", "PL", FeatCity, []string{"Danzig"}},
	// AP-style abbreviations of US states, Canadian provinces and
	// Australian states as news writes them.
	{"Alabama", "US", FeatAdm1, []string{"Ala."}}, {"Arizona", "US", FeatAdm1, []string{"Ariz."}},
	{"Arkansas", "US", FeatAdm1, []string{"Ark."}}, {"California", "US", FeatAdm1, []string{"Calif."}},
	{"Colorado", "US", FeatAdm1, []string{"Colo."}}, {"Connecticut", "US", FeatAdm1, []string{"Conn."}},
	{"Delaware", "US", FeatAdm1, []string{"Del."}}, {"Florida", "US", FeatAdm1, []string{"Fla."}},
	{"Georgia", "US", FeatAdm1, []string{"Ga."}}, {"Illinois", "US", FeatAdm1, []string{"Ill."}},
	{"Indiana", "US", FeatAdm1, []string{"Ind."}}, {"Kansas", "US", FeatAdm1, []string{"Kan.", "Kans."}},
	{"Kentucky", "US", FeatAdm1, []string{"Ky."}}, {"Louisiana", "US", FeatAdm1, []string{"La."}},
	{"Maryland", "US", FeatAdm1, []string{"Md."}}, {"Massachusetts", "US", FeatAdm1, []string{"Mass."}},
	{"Michigan", "US", FeatAdm1, []string{"Mich."}}, {"Minnesota", "US", FeatAdm1, []string{"Minn."}},
	{"Mississippi", "US", FeatAdm1, []string{"Miss."}}, {"Missouri", "US", FeatAdm1, []string{"Mo."}},
	{"Montana", "US", FeatAdm1, []string{"Mont."}}, {"Nebraska", "US", FeatAdm1, []string{"Neb.", "Nebr."}},
	{"Nevada", "US", FeatAdm1, []string{"Nev."}}, {"New Hampshire", "US", FeatAdm1, []string{"N.H."}},
	{"New Jersey", "US", FeatAdm1, []string{"N.J."}}, {"New Mexico", "US", FeatAdm1, []string{"N.M."}},
	{"New York", "US", FeatAdm1, []string{"N.Y.", "New York State"}}, {"North Carolina", "US", FeatAdm1, []string{"N.C."}},
	{"North Dakota", "US", FeatAdm1, []string{"N.D."}}, {"Oklahoma", "US", FeatAdm1, []string{"Okla."}},
	{"Oregon", "US", FeatAdm1, []string{"Ore.", "Oreg."}}, {"Pennsylvania", "US", FeatAdm1, []string{"Pa.", "Penn."}},
	{"Rhode Island", "US", FeatAdm1, []string{"R.I."}}, {"South Carolina", "US", FeatAdm1, []string{"S.C."}},
	{"South Dakota", "US", FeatAdm1, []string{"S.D."}}, {"Tennessee", "US", FeatAdm1, []string{"Tenn."}},
	{"Texas", "US", FeatAdm1, []string{"Tex."}}, {"Vermont", "US", FeatAdm1, []string{"Vt."}},
	{"Virginia", "US", FeatAdm1, []string{"Va."}}, {"Washington", "US", FeatAdm1, []string{"Wash.", "Washington State"}},
	{"West Virginia", "US", FeatAdm1, []string{"W.Va.", "W. Va."}}, {"Wisconsin", "US", FeatAdm1, []string{"Wis.", "Wisc."}},
	{"Wyoming", "US", FeatAdm1, []string{"Wyo."}},
	{"Alberta", "CA", FeatAdm1, []string{"Alta."}}, {"British Columbia", "CA", FeatAdm1, []string{"B.C."}},
	{"Manitoba", "CA", FeatAdm1, []string{"Man."}}, {"New Brunswick", "CA", FeatAdm1, []string{"N.B."}},
	{"Newfoundland and Labrador", "CA", FeatAdm1, []string{"Newfoundland", "Nfld.", "N.L."}},
	{"Nova Scotia", "CA", FeatAdm1, []string{"N.S."}}, {"Ontario", "CA", FeatAdm1, []string{"Ont."}},
	{"Prince Edward Island", "CA", FeatAdm1, []string{"P.E.I."}}, {"Quebec", "CA", FeatAdm1, []string{"Que."}},
	{"Saskatchewan", "CA", FeatAdm1, []string{"Sask."}},
	{"New South Wales", "AU", FeatAdm1, []string{"NSW", "N.S.W."}}, {"Queensland", "AU", FeatAdm1, []string{"Qld", "Qld."}},
	{"Victoria", "AU", FeatAdm1, []string{"Vic."}}, {"Tasmania", "AU", FeatAdm1, []string{"Tas."}},
	{"Australian Capital Territory", "AU", FeatAdm1, []string{"ACT"}},
}
