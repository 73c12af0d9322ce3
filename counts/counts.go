// Package counts is newsgraph's numeric-claims stage: it finds the counts,
// amounts and percentages a news story reports ("at least 140 people were
// killed", "$1.2bn in aid", "55% of the electricity grid"), with what was
// counted, the kind of claim and who makes it.
//
// A figure is a number in any of the forms news copy uses: digits with
// thousands separators ("34,000", "34 000", "34.000" when the only group is
// "000"), decimals, scaled forms ("1.2 million", "$1bn", "17m"), words ("two
// dozen", "three hundred and fifty"), vague quantities ("dozens of",
// "hundreds of thousands": Approx true, Value the lower bound the plural
// implies, so "hundreds" is 200 and "dozens" 24), fractions ("two-thirds
// of": Value 0.667, Unit "fraction"), percentages (Percent true, Unit
// "percent"), ranges ("10 to 15", "10-15", "between 10 and 15": Value the
// lower bound, Upper the upper; "five to 10 pct", "2 to 3 billion dollars")
// and currencies (Currency an ISO 4217 code; a word several countries use,
// "francs", "dollars", "pesos", takes the code of the country the figure
// is set in: its own adjective, the sentence's setting, the dateline).
// A qualifier before the figure ("at least", "more than", "nearly") goes in
// Qualifier and into the span.
//
// Numbers that are not counts are left out: years and dates, times of day,
// ages, durations ("three years"), ordinals, phone numbers, labels
// ("Article 23", "Resolution 2334", "Boeing 737"), sports scores, model
// names ("AK47"), values in source code ("killed = 0": package codetext),
// measurements of things that are not counted ("5 km",
// "magnitude 6.1"), addresses, and bare figures with no counted noun, no
// category and no unit.
//
// Object is the counted noun phrase from its first modifier to its head,
// lower case, plural kept: "clinics", "primary schools", "displaced
// people", "power network"; determiners, possessors and quantity words
// ("more", "other") are left out. ObjectSpan is the phrase and ObjectHead
// its head word. It is read after the figure first ("90 clinics",
// "40% of the power network", "$3bn in loans", "two million Malians",
// "half the staff"), else before it: a noun that the figure measures through
// "of", "worth", "at" or "for" ("a fine of 12 million pesos", "contracts
// worth 9 million euros", "organisers put the turnout at 60,000", "a request
// for $80 million"); for a percentage, an amount of money or a unit with
// nothing after it, the noun a change verb applies to ("exports rose 4
// percent", "trimmed the budget by 20 billion yen", "attendance was 70
// percent"). An elided object carries over from the previous figure of the
// sentence ("wounding 8 villagers and killing 3"; "rose 4 percent after
// falling 2.1 percent") unless a new clause starts between them (a
// conjunction with its own subject). Vote tallies ("voted 71 to 48") are
// two counts of "votes" whose ObjectSpan is the verb. Category comes from
// the governing verb or noun: first a trigger after the phrase ("were
// killed", "put out of service"), then one before the figure in the same
// clause ("the looting of 30 shops"), then the object itself ("refugees",
// "protesters"). Attribution: a figure inside a quote takes the quote's
// speaker; else "according to X" or "X said" in the same sentence names the
// source, linked to an entity when a mention overlaps it.
package counts

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/document"
)

// Stage is the "counts" pipeline stage. It requires sentences and tokens and
// uses quotes, mentions and entities when an earlier stage filled them. It
// holds no state and is safe for concurrent use.
type Stage struct{}

// New returns the counts stage.
func New() *Stage { return &Stage{} }

// Name returns "counts".
func (*Stage) Name() string { return "counts" }

// Requires returns the sentences and tokens layers.
func (*Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerSentences, document.LayerTokens}
}

// Optional returns the layers that complete a figure when their stages
// run: mentions, entities and quotes (who a figure is attributed to) and
// locations (the place its sentence puts it in), and setting (the country
// whose currency a "francs" or "dollars" is).
func (*Stage) Optional() []document.Layer {
	return []document.Layer{document.LayerMentions, document.LayerEntities, document.LayerQuotes, document.LayerLocations, document.LayerSetting}
}

// Provides returns the counts layer.
func (*Stage) Provides() []document.Layer { return []document.Layer{document.LayerCounts} }

// Process replaces d.Counts with the figures found in d (see Extract) and,
// when the geo stage has run, links each figure to the place its sentence
// puts it in (Document.PlaceAt). It returns an error only when ctx is done.
func (*Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("counts: %w", err)
	}
	var steps []string
	d.Counts = extract(ctx, d, d.Counts[:0], &steps)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("counts: %w", err) // over the document's budget
	}
	if d.Explain {
		for i, st := range steps {
			d.Trace(document.LayerCounts, i, "object", st, d.Counts[i].Object)
		}
	}
	if len(d.Locations) > 0 {
		for i := range d.Counts {
			d.Counts[i].Location = d.PlaceAt(d.Counts[i].Start)
		}
	}
	return nil
}
