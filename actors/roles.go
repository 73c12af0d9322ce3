package actors

import "strings"

// Role is what a role word says about its referent.
type Role struct {
	// Code is the CAMEO role code ("GOV", "MIL", "COP", "REB", ...).
	Code string
	// Class groups compatible roles for coreference: "minister",
	// "diplomat", "president", "official", "military", ... A nominal
	// "the minister" corefers with an entity introduced as "foreign
	// minister" because both have class "minister".
	Class string
	// Person is true when the word names one person ("spokesman").
	Person bool
	// Plural is true for groups ("troops", "protesters", "police").
	Plural bool
	// Org is true for institutions ("ministry", "army", "court").
	Org bool
	// Gender is "m" or "f" when the word implies one ("spokeswoman").
	Gender string
	// Diplomat is true for roles a "diplomat" nominal may refer to.
	Diplomat bool
}

// roles maps lower-case role words and phrases to roles. Facts from the
// CAMEO actor scheme: role codes per sector.
var roles = map[string]Role{
	// Government executive.
	"president":             {Code: "GOV", Class: "president", Person: true},
	"vice president":        {Code: "GOV", Class: "president", Person: true},
	"prime minister":        {Code: "GOV", Class: "prime minister", Person: true},
	"premier":               {Code: "GOV", Class: "prime minister", Person: true},
	"chancellor":            {Code: "GOV", Class: "prime minister", Person: true},
	"foreign minister":      {Code: "GOV", Class: "minister", Person: true, Diplomat: true},
	"foreign secretary":     {Code: "GOV", Class: "minister", Person: true, Diplomat: true},
	"secretary of state":    {Code: "GOV", Class: "minister", Person: true, Diplomat: true},
	"interior minister":     {Code: "GOV", Class: "minister", Person: true},
	"defence minister":      {Code: "GOV", Class: "minister", Person: true},
	"defense minister":      {Code: "GOV", Class: "minister", Person: true},
	"finance minister":      {Code: "GOV", Class: "minister", Person: true},
	"health minister":       {Code: "GOV", Class: "minister", Person: true},
	"justice minister":      {Code: "GOV", Class: "minister", Person: true},
	"trade minister":        {Code: "GOV", Class: "minister", Person: true},
	"energy minister":       {Code: "GOV", Class: "minister", Person: true},
	"oil minister":          {Code: "GOV", Class: "minister", Person: true},
	"information minister":  {Code: "GOV", Class: "minister", Person: true},
	"minister":              {Code: "GOV", Class: "minister", Person: true},
	"deputy minister":       {Code: "GOV", Class: "minister", Person: true},
	"ambassador":            {Code: "GOV", Class: "diplomat", Person: true, Diplomat: true},
	"envoy":                 {Code: "GOV", Class: "diplomat", Person: true, Diplomat: true},
	"special envoy":         {Code: "GOV", Class: "diplomat", Person: true, Diplomat: true},
	"diplomat":              {Code: "GOV", Class: "diplomat", Person: true, Diplomat: true},
	"diplomats":             {Code: "GOV", Class: "diplomat", Plural: true, Diplomat: true},
	"spokesman":             {Code: "GOV", Class: "spokesperson", Person: true, Gender: "m"},
	"spokeswoman":           {Code: "GOV", Class: "spokesperson", Person: true, Gender: "f"},
	"spokesperson":          {Code: "GOV", Class: "spokesperson", Person: true},
	"official":              {Code: "GOV", Class: "official", Person: true},
	"officials":             {Code: "GOV", Class: "official", Plural: true},
	"government":            {Code: "GOV", Class: "government", Org: true},
	"cabinet":               {Code: "GOV", Class: "government", Org: true},
	"ministry":              {Code: "GOV", Class: "ministry", Org: true},
	"foreign ministry":      {Code: "GOV", Class: "ministry", Org: true},
	"interior ministry":     {Code: "GOV", Class: "ministry", Org: true},
	"defence ministry":      {Code: "GOV", Class: "ministry", Org: true},
	"defense ministry":      {Code: "GOV", Class: "ministry", Org: true},
	"health ministry":       {Code: "GOV", Class: "ministry", Org: true},
	"finance ministry":      {Code: "GOV", Class: "ministry", Org: true},
	"justice ministry":      {Code: "GOV", Class: "ministry", Org: true},
	"king":                  {Code: "GOV", Class: "monarch", Person: true, Gender: "m"},
	"queen":                 {Code: "GOV", Class: "monarch", Person: true, Gender: "f"},
	"commissioner":          {Code: "GOV", Class: "official", Person: true},
	"governor":              {Code: "GOV", Class: "governor", Person: true},
	"mayor":                 {Code: "GOV", Class: "mayor", Person: true},
	"leader":                {Code: "GOV", Class: "leader", Person: true},
	"authorities":           {Code: "GOV", Class: "government", Plural: true},
	"central bank":          {Code: "GOV", Class: "bank", Org: true},
	"central bank governor": {Code: "GOV", Class: "governor", Person: true},
	"secretary general":     {Code: "GOV", Class: "head", Person: true, Diplomat: true},
	"secretary-general":     {Code: "GOV", Class: "head", Person: true, Diplomat: true},
	"director general":      {Code: "GOV", Class: "head", Person: true},
	"director-general":      {Code: "GOV", Class: "head", Person: true},
	"head":                  {Code: "GOV", Class: "head", Person: true},
	"chairman":              {Code: "GOV", Class: "head", Person: true, Gender: "m"},
	"chairwoman":            {Code: "GOV", Class: "head", Person: true, Gender: "f"},
	"counterpart":           {Code: "GOV", Class: "counterpart", Person: true, Diplomat: true},
	"foreign policy chief":  {Code: "GOV", Class: "head", Person: true, Diplomat: true},
	"chief executive":       {Code: "BUS", Class: "head", Person: true},
	// Military.
	"military officials":         {Code: "MIL", Class: "officers", Plural: true},
	"military official":          {Code: "MIL", Class: "officer", Person: true},
	"army officers":              {Code: "MIL", Class: "officers", Plural: true},
	"army officer":               {Code: "MIL", Class: "officer", Person: true},
	"security officials":         {Code: "COP", Class: "police", Plural: true},
	"colonel":                    {Code: "MIL", Class: "commander", Person: true},
	"col.":                       {Code: "MIL", Class: "commander", Person: true},
	"gen.":                       {Code: "MIL", Class: "commander", Person: true},
	"major":                      {Code: "MIL", Class: "commander", Person: true},
	"captain":                    {Code: "MIL", Class: "commander", Person: true},
	"lieutenant":                 {Code: "MIL", Class: "commander", Person: true},
	"brigadier":                  {Code: "MIL", Class: "commander", Person: true},
	"admiral":                    {Code: "MIL", Class: "commander", Person: true},
	"army":                       {Code: "MIL", Class: "military", Org: true},
	"military":                   {Code: "MIL", Class: "military", Org: true},
	"armed forces":               {Code: "MIL", Class: "military", Plural: true},
	"forces":                     {Code: "MIL", Class: "military", Plural: true},
	"troops":                     {Code: "MIL", Class: "military", Plural: true},
	"soldiers":                   {Code: "MIL", Class: "military", Plural: true},
	"soldier":                    {Code: "MIL", Class: "soldier", Person: true},
	"general":                    {Code: "MIL", Class: "commander", Person: true},
	"commander":                  {Code: "MIL", Class: "commander", Person: true},
	"army chief":                 {Code: "MIL", Class: "commander", Person: true},
	"navy":                       {Code: "MIL", Class: "military", Org: true},
	"air force":                  {Code: "MIL", Class: "military", Org: true},
	"defence ministry spokesman": {Code: "MIL", Class: "spokesperson", Person: true, Gender: "m"},
	"army spokesman":             {Code: "MIL", Class: "spokesperson", Person: true, Gender: "m"},
	"army spokeswoman":           {Code: "MIL", Class: "spokesperson", Person: true, Gender: "f"},
	"military spokesman":         {Code: "MIL", Class: "spokesperson", Person: true, Gender: "m"},
	"military spokeswoman":       {Code: "MIL", Class: "spokesperson", Person: true, Gender: "f"},
	// Police.
	"police":             {Code: "COP", Class: "police", Plural: true},
	"policemen":          {Code: "COP", Class: "police", Plural: true},
	"police officers":    {Code: "COP", Class: "police", Plural: true},
	"police officer":     {Code: "COP", Class: "policeman", Person: true},
	"police chief":       {Code: "COP", Class: "policeman", Person: true},
	"police spokesman":   {Code: "COP", Class: "spokesperson", Person: true, Gender: "m"},
	"police spokeswoman": {Code: "COP", Class: "spokesperson", Person: true, Gender: "f"},
	"security forces":    {Code: "COP", Class: "police", Plural: true},
	// Rebels and insurgents.
	"rebels":           {Code: "REB", Class: "rebels", Plural: true},
	"rebel":            {Code: "REB", Class: "rebel", Person: true},
	"militants":        {Code: "REB", Class: "rebels", Plural: true},
	"militant":         {Code: "REB", Class: "rebel", Person: true},
	"fighters":         {Code: "REB", Class: "rebels", Plural: true},
	"insurgents":       {Code: "INS", Class: "rebels", Plural: true},
	"separatists":      {Code: "SEP", Class: "rebels", Plural: true},
	"rebel commander":  {Code: "REB", Class: "commander", Person: true},
	"rebel leader":     {Code: "REB", Class: "leader", Person: true},
	"militia":          {Code: "UAF", Class: "militia", Org: true},
	"militia fighters": {Code: "UAF", Class: "militia", Plural: true},
	"militiamen":       {Code: "UAF", Class: "militia", Plural: true},
	"gunmen":           {Code: "UAF", Class: "gunmen", Plural: true},
	// Opposition and civilians.
	"opposition":        {Code: "OPP", Class: "opposition", Org: true},
	"opposition leader": {Code: "OPP", Class: "leader", Person: true},
	"protesters":        {Code: "CVL", Class: "protesters", Plural: true},
	"protestors":        {Code: "CVL", Class: "protesters", Plural: true},
	"demonstrators":     {Code: "CVL", Class: "protesters", Plural: true},
	"civilians":         {Code: "CVL", Class: "civilians", Plural: true},
	"residents":         {Code: "CVL", Class: "civilians", Plural: true},
	"villagers":         {Code: "CVL", Class: "civilians", Plural: true},
	"activists":         {Code: "CVL", Class: "activists", Plural: true},
	"activist":          {Code: "CVL", Class: "activist", Person: true},
	// Judiciary.
	"court":                {Code: "JUD", Class: "court", Org: true},
	"supreme court":        {Code: "JUD", Class: "court", Org: true},
	"high court":           {Code: "JUD", Class: "court", Org: true},
	"constitutional court": {Code: "JUD", Class: "court", Org: true},
	"judge":                {Code: "JUD", Class: "judge", Person: true},
	"judges":               {Code: "JUD", Class: "judge", Plural: true},
	"prosecutor":           {Code: "JUD", Class: "prosecutor", Person: true},
	"prosecutors":          {Code: "JUD", Class: "prosecutor", Plural: true},
	"chief prosecutor":     {Code: "JUD", Class: "prosecutor", Person: true},
	"attorney general":     {Code: "JUD", Class: "prosecutor", Person: true},
	// Legislature.
	"parliament":  {Code: "LEG", Class: "parliament", Org: true},
	"congress":    {Code: "LEG", Class: "parliament", Org: true},
	"senate":      {Code: "LEG", Class: "parliament", Org: true},
	"lawmakers":   {Code: "LEG", Class: "lawmakers", Plural: true},
	"lawmaker":    {Code: "LEG", Class: "lawmaker", Person: true},
	"legislators": {Code: "LEG", Class: "lawmakers", Plural: true},
	"senator":     {Code: "LEG", Class: "lawmaker", Person: true},
	"speaker":     {Code: "LEG", Class: "lawmaker", Person: true},
	// Other sectors.
	"journalists":          {Code: "MED", Class: "journalists", Plural: true},
	"journalist":           {Code: "MED", Class: "journalist", Person: true},
	"doctors":              {Code: "HLH", Class: "doctors", Plural: true},
	"health workers":       {Code: "HLH", Class: "doctors", Plural: true},
	"refugees":             {Code: "REF", Class: "refugees", Plural: true},
	"students":             {Code: "EDU", Class: "students", Plural: true},
	"teachers":             {Code: "EDU", Class: "teachers", Plural: true},
	"workers":              {Code: "LAB", Class: "workers", Plural: true},
	"unions":               {Code: "LAB", Class: "unions", Plural: true},
	"union":                {Code: "LAB", Class: "union", Org: true},
	"farmers":              {Code: "AGR", Class: "farmers", Plural: true},
	"intelligence agency":  {Code: "SPY", Class: "intelligence", Org: true},
	"intelligence service": {Code: "SPY", Class: "intelligence", Org: true},
	"economist":            {Code: "BUS", Class: "economist", Person: true},
	"analyst":              {Code: "", Class: "analyst", Person: true},
}

// LookupRole returns the role of a lower-case role word or phrase
// ("foreign minister", "troops"). A "former" prefix is handled by callers
// (CAMEO codes former officials as ELI).
func LookupRole(phrase string) (Role, bool) {
	r, ok := roles[strings.ToLower(phrase)]
	return r, ok
}

// MaxRoleWords is the most words in any role phrase.
const MaxRoleWords = 3
