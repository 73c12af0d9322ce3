package actors

import (
	"strings"

	"github.com/newsgraph/newsgraph/country"
)

// nonISO lists CAMEO country-level codes that are not ISO 3166 alpha-3
// codes but stand for a state or a bloc: legacy codes and the regional
// blocs CAMEO and PLOVER use as countries.
var nonISO = map[string]bool{"ROM": true, "TMP": true, "KOS": true, "PSE": true, "EUR": true}

// CountryOf returns the country-level part of a CAMEO actor code: its first
// three letters when they name a country ("RUSMIL" → "RUS"), the
// organisation for international organisations ("IGOUNO" → "UNO"; the
// European Union, "IGOEEC", as PLOVER's "EUR"), and "" for codes with a
// role only ("GOV", "CVL") or no code.
func CountryOf(code string) string {
	if strings.HasPrefix(code, "IGO") && len(code) >= 6 {
		if code[3:6] == "EEC" {
			return "EUR"
		}
		return code[3:6]
	}
	if code == "UNO" || strings.HasPrefix(code, "UNO") {
		return "UNO"
	}
	if len(code) < 3 {
		return ""
	}
	c := code[:3]
	if nonISO[c] {
		return c
	}
	if _, ok := country.ByAlpha3(c); ok {
		return c
	}
	return ""
}
