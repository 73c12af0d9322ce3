package events

// Document-level merging: finish merges an event retold across sentences,
// marks root events and fills each event's date and location.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

// finish merges duplicates across sentences (same source actor, code,
// target actor and flags, or, for violence, the same root between the same
// countries in another sentence), keeps every evidence span, marks root
// events and fills dates and locations.
func finish(d *document.Document, evs []document.Event) []document.Event {
	type key struct {
		src, code, tgt string
		neg, hyp       bool
	}
	type force struct{ root, src, tgt string }
	idx := map[key]int{}
	forces := map[force]int{}
	var full sides
	var out []document.Event
	for _, e := range evs {
		k := key{actorOf(e.Source), e.Code, actorOf(e.Target), e.Negated, e.Hypothetical}
		if i, ok := idx[k]; ok && (out[i].Sentence != e.Sentence && !otherDay(d, out[i].Sentence, e.Sentence) ||
			party(d, out[i].Source)+party(d, out[i].Target) == party(d, e.Source)+party(d, e.Target)) {
			out[i].Evidence = append(out[i].Evidence, e.Span)
			continue
		}
		// a violent act retold in a later sentence (a shelling in the lead,
		// then the ministry's own account of what its troops hit) is the
		// same act between the same countries
		var f force
		if e.Root >= "18" && e.Root <= "20" && !e.Negated && !e.Hypothetical {
			f = force{e.Root, CountryOf(actorOf(e.Source)), CountryOf(actorOf(e.Target))}
			if i, ok := forces[f]; ok && f.src != "" && out[i].Sentence != e.Sentence {
				out[i].Evidence = append(out[i].Evidence, e.Span)
				continue
			}
		}
		// a retelling with one side unresolved ("Ruiz's next talks with
		// Soto") is the fully coded event of an earlier sentence
		if i := full.partial(out, e); i >= 0 {
			out[i].Evidence = append(out[i].Evidence, e.Span)
			continue
		}
		idx[k] = len(out)
		if _, ok := forces[f]; f.root != "" && !ok {
			forces[f] = len(out)
		}
		out = append(out, e)
		full.add(out, len(out)-1)
	}
	// root events: those in the lead, the first sentence with a factual event
	lead := -1
	for _, e := range out {
		if !e.Negated && !e.Hypothetical && (lead < 0 || e.Sentence < lead) {
			lead = e.Sentence
		}
	}
	for i := range out {
		e := &out[i]
		e.IsRoot = lead >= 0 && e.Sentence == lead && lead <= 2
		e.Date = dateIn(d, e.Sentence)
		e.Location = d.PlaceOfSentence(e.Sentence)
	}
	return out
}

// sides indexes the fully coded events of finish by (root, source) and
// (root, target), so a partial retelling finds its event without a scan.
type sides struct{ bySrc, byTgt map[[2]string][]int }

// add indexes out[i] when both its sides are coded.
func (x *sides) add(out []document.Event, i int) {
	e := &out[i]
	src, tgt := actorOf(e.Source), actorOf(e.Target)
	if src == "" || tgt == "" {
		return
	}
	if x.bySrc == nil {
		x.bySrc, x.byTgt = map[[2]string][]int{}, map[[2]string][]int{}
	}
	x.bySrc[[2]string{e.Root, src}] = append(x.bySrc[[2]string{e.Root, src}], i)
	x.byTgt[[2]string{e.Root, tgt}] = append(x.byTgt[[2]string{e.Root, tgt}], i)
}

// partial returns the index of an earlier fully coded event, in another
// sentence, with e's root and flags and e's actor on the one side e has
// coded while e lacks the other; -1 when there is none.
func (x *sides) partial(out []document.Event, e document.Event) int {
	src, tgt := actorOf(e.Source), actorOf(e.Target)
	var cands []int
	switch {
	case src == "" && tgt != "":
		cands = x.byTgt[[2]string{e.Root, tgt}]
	case tgt == "" && src != "":
		cands = x.bySrc[[2]string{e.Root, src}]
	}
	for _, i := range cands {
		o := &out[i]
		if o.Sentence != e.Sentence && o.Negated == e.Negated && o.Hypothetical == e.Hypothetical {
			return i
		}
	}
	return -1
}

// party names a participant as one side of an act: its actor code, and
// for a person or an organisation its entity too (two firms coded FRABUS
// are two parties; a country is one whatever name it goes by).
func party(d *document.Document, p *document.Participant) string {
	if p == nil || p.Entity < 0 || p.Entity >= len(d.Entities) || d.Entities[p.Entity].Type != document.Person && d.Entities[p.Entity].Type != document.Org {
		return actorOf(p)
	}
	return fmt.Sprintf("%s#%d", p.Actor, p.Entity)
}

// actorOf returns a participant's actor code ("" for none).
func actorOf(p *document.Participant) string {
	if p == nil {
		return ""
	}
	return p.Actor
}

// otherDay reports two sentences dated to different days ("met X on
// Monday", "on Tuesday, she met Y"): the same act between the same actors
// on each day is two events, not a retelling.
func otherDay(d *document.Document, a, b int) bool {
	da, db := dateIn(d, a), dateIn(d, b)
	return da != "" && db != "" && da != db
}

// dateIn returns the date stated in sentence si as YYYY-MM-DD: a weekday
// ("on Tuesday": the latest such day on or before publication), "yesterday",
// or a month and day ("March 3", "3 March"; the year from the text or the
// publication). It returns "" when nothing is stated or, for relative
// dates, when the publication date is unknown.
func dateIn(d *document.Document, si int) string {
	s := d.Sentences[si]
	var pub time.Time
	if d.Published != nil {
		pub = d.Published.UTC()
	}
	for i := s.FirstToken; i < s.EndToken; i++ {
		w := strings.ToLower(d.TokenText(i))
		if wd, ok := weekdays[w]; ok && !pub.IsZero() {
			back := (int(pub.Weekday()) - int(wd) + 7) % 7
			return pub.AddDate(0, 0, -back).Format("2006-01-02")
		}
		if days, ok := relativeDays[w]; ok && !pub.IsZero() {
			return pub.AddDate(0, 0, int(days)).Format("2006-01-02")
		}
		if m, ok := months[strings.TrimSuffix(w, ".")]; ok {
			day := 0
			if i+1 < s.EndToken {
				day = atoiDay(d.TokenText(i + 1))
			}
			if day == 0 && i-1 >= s.FirstToken {
				day = atoiDay(d.TokenText(i - 1))
			}
			if day == 0 || (w == "may" && i+1 < s.EndToken && atoiDay(d.TokenText(i+1)) == 0) {
				continue
			}
			year := pub.Year()
			for j := i + 1; j < s.EndToken && j <= i+3; j++ {
				if y := atoiYear(d.TokenText(j)); y > 0 {
					year = y
					break
				}
			}
			if year == 0 || year == 1 {
				return ""
			}
			t := time.Date(year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
			if t.Month() != time.Month(m) {
				continue
			}
			return t.Format("2006-01-02")
		}
	}
	return ""
}

func atoiDay(w string) int {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd")
	n, err := strconv.Atoi(w)
	if len(w) > 2 || err != nil || w[0] == '+' || n < 1 || n > 31 {
		return 0
	}
	return n
}

func atoiYear(w string) int {
	n, err := strconv.Atoi(w)
	if len(w) != 4 || err != nil || n < 1900 || n > 2100 {
		return 0
	}
	return n
}
