package geo

import (
	"math"

	"github.com/newsgraph/newsgraph/document"
)

// grid holds the places resolved so far, each place once with a count of
// the toponym groups that put it there, so that the cost of finding the
// nearest one to a point depends on the distinct places near it, not on
// the length of the document. A few places are scanned in a list; more
// are put on cells of cellDeg degrees and only the cells around a point
// are looked at.
type grid struct {
	all   []gridPoint // the places, when there are few
	cells map[[2]int32][]gridPoint
}

type gridPoint struct {
	place    int32
	key      string // the name it was resolved for
	lat, lon float64
	n        int // groups that placed it
}

// cellDeg is the cell size in degrees; a query looks at the cells that
// can hold a point within maxNear km. listMax is the most places kept in
// a list.
const (
	cellDeg = 5.0
	maxNear = 500.0 // km; farther places are not near
	listMax = 48
)

func cellOf(lat, lon float64) [2]int32 {
	return [2]int32{int32(math.Floor(lat / cellDeg)), int32(math.Floor(lon / cellDeg))}
}

// add records place i (resolved for the name key) at lat, lon once more
// (n < 0 removes one).
func (g *grid) add(i int32, key string, lat, lon float64, n int) {
	if g.cells == nil {
		g.all = addPoint(g.all, i, key, lat, lon, n)
		if len(g.all) <= listMax {
			return
		}
		g.cells = map[[2]int32][]gridPoint{}
		for _, p := range g.all {
			c := cellOf(p.lat, p.lon)
			g.cells[c] = append(g.cells[c], p)
		}
		g.all = nil
		return
	}
	c := cellOf(lat, lon)
	g.cells[c] = addPoint(g.cells[c], i, key, lat, lon, n)
}

// addPoint adds n to place i's count in ps, adding or removing it.
func addPoint(ps []gridPoint, i int32, key string, lat, lon float64, n int) []gridPoint {
	for k := range ps {
		if ps[k].place == i {
			ps[k].n += n
			if ps[k].n <= 0 {
				ps[k] = ps[len(ps)-1]
				ps = ps[:len(ps)-1]
			}
			return ps
		}
	}
	if n > 0 {
		ps = append(ps, gridPoint{place: i, key: key, lat: lat, lon: lon, n: n})
	}
	return ps
}

// nearest returns the distance in km from lat, lon to the nearest place
// on the grid not resolved for the name key (another reading of a name
// cannot support it), or +Inf when none lies within maxNear km.
func (g *grid) nearest(lat, lon float64, key string) float64 {
	best := math.Inf(1)
	coslat := math.Cos(lat * math.Pi / 180)
	if g.cells == nil {
		for _, p := range g.all {
			best = closer(best, lat, lon, coslat, p, key)
		}
		return best
	}
	c := cellOf(lat, lon)
	// A degree of longitude is shorter away from the equator: look at as
	// many columns as maxNear needs at the poleward edge of the rows.
	const ncols = int32(360 / cellDeg)
	cols := ncols/2 - 1
	if w := cellDeg * 111.2 * math.Cos(math.Min(89, math.Abs(lat)+cellDeg)*math.Pi/180); w*float64(cols) > maxNear {
		cols = int32(math.Ceil(maxNear / w))
	}
	for dl := int32(-1); dl <= 1; dl++ {
		for dn := -cols; dn <= cols; dn++ {
			col := ((c[1]+dn+ncols/2)%ncols+ncols)%ncols - ncols/2 // wrap at ±180°
			for _, p := range g.cells[[2]int32{c[0] + dl, col}] {
				best = closer(best, lat, lon, coslat, p, key)
			}
		}
	}
	return best
}

// closer returns the lesser of best and the distance to p (not resolved
// for key), skipping the trigonometry for points clearly farther than
// maxNear (coslat is the cosine of lat).
func closer(best, lat, lon, coslat float64, p gridPoint, key string) float64 {
	if p.key == key || math.Abs(p.lat-lat) > maxNear/111 {
		return best
	}
	if dlon := math.Abs(p.lon - lon); math.Min(dlon, 360-dlon)*coslat > maxNear/111+1 {
		return best // the margin covers the other point's latitude
	}
	if km := Distance(lat, lon, p.lat, p.lon); km < best {
		return km
	}
	return best
}

// spanSet marks the bytes of a text that recognized toponyms cover.
type spanSet struct{ bits []uint64 }

func newSpanSet(n int) spanSet { return spanSet{bits: make([]uint64, n/64+1)} }

// overlaps reports whether any byte of s is marked.
func (m *spanSet) overlaps(s document.Span) bool {
	for i := s.Start; i < s.End; i++ {
		if i/64 < len(m.bits) && m.bits[i/64]&(1<<(i%64)) != 0 {
			return true
		}
	}
	return false
}

// mark marks the bytes of s.
func (m *spanSet) mark(s document.Span) {
	for i := s.Start; i < s.End && i/64 < len(m.bits); i++ {
		m.bits[i/64] |= 1 << (i % 64)
	}
}

// claim marks s and reports true when no byte of it was marked before.
func (m *spanSet) claim(s document.Span) bool {
	if m.overlaps(s) {
		return false
	}
	m.mark(s)
	return true
}
