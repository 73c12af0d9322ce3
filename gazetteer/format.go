package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unsafe"
)

// The binary table (places.bin) is read in place: Open slices its sections
// out of the string holding it and decodes a Place only when asked for one.
// All numbers are little-endian.
//
//	header   magic (8 bytes), then 16 uint32: the counts and section
//	         offsets named in the hdr* constants below
//	places   28 bytes a place: lat, lon (int32, 1e-5 degrees), population,
//	         GeoNames id, name offset (uint32), name length, admin1 code
//	         index (uint16), country (2 bytes, 0 0 when none), feature
//	         index, feature code index (uint8)
//	strings  names, admin1 and feature codes, and index keys (each key
//	         prefixed by its length in one byte), each string stored once,
//	         padded so that the sections after it start on 8-byte
//	         boundaries (all their entries are 4 or 8 bytes)
//	codes    admin1 codes, then feature codes: offset, length (uint32)
//	names    the name index: entries (key offset, first posting; one more
//	         entry closes the last run of postings), then open-addressing
//	         slots (entry + 1 in the low 24 bits, a tag of the key's hash in
//	         the high 8; 0 when empty) probed linearly from fnv1a(key)
//	         scaled to the slot count
//	skels    the skeleton index, laid out as names
//	postings place indices (uint32) of every entry of both indexes
//
// The name index also holds "\x01CC" for country CC, "\x02CC.code" for
// its first-level division code, and "\x03word" for the first word of
// every name of several words, whose one posting is the most words of any
// name it starts.
const (
	magic     = "NGGAZ\x00\x00\x03"
	placeSize = 28
	maxString = 255 // longest key; names may be longer (up to 65535 bytes)
)

// Header fields: counts, then section offsets.
const (
	hdrPlaces = iota
	hdrStrings
	hdrAdm1Codes
	hdrFeatCodes
	hdrNameEnts
	hdrNameSlots
	hdrSkelEnts
	hdrSkelSlots
	hdrPosts
	hdrMaxWords
	hdrOffPlaces
	hdrOffStrings
	hdrOffCodes
	hdrOffNames
	hdrOffSkels
	hdrOffPosts
	hdrFields
)

const headerSize = len(magic) + 4*hdrFields

// features are the feature classes in the order of their stored index.
var features = [...]string{FeatCountry, FeatAdm1, FeatAdm2, FeatCity, FeatRegion, FeatWater, FeatContinent, FeatLandmark}

func featureIndex(f string) (int, bool) {
	for i, x := range features {
		if x == f {
			return i, true
		}
	}
	return 0, false
}

func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// A slot holds its entry's number + 1 in the low 24 bits and a tag of its
// key's hash in the high 8, so that a probe rarely reads another key's
// entry.
const entryMask = 1<<24 - 1

// tagOf returns the tag of hash h (its low bits; the slot comes from its
// high bits).
func tagOf(h uint32) uint32 { return h & 0xff }

// slotOf scales hash h to a slot in [0, n).
func slotOf(h uint32, n int) int { return int(uint64(h) * uint64(n) >> 32) }

// encoder writes the binary table.
type encoder struct {
	out  []byte
	strs []byte
	seen map[string]uint32
}

func (e *encoder) str(s string) uint32 {
	if off, ok := e.seen[s]; ok {
		return off
	}
	off := uint32(len(e.strs))
	e.strs = append(e.strs, s...)
	e.seen[s] = off
	return off
}

// key stores a length-prefixed key and returns its offset.
func (e *encoder) key(s string) uint32 {
	k := "\x00" + s
	if off, ok := e.seen[k]; ok {
		return off
	}
	off := uint32(len(e.strs))
	e.strs = append(e.strs, byte(len(s)))
	e.strs = append(e.strs, s...)
	e.seen[k] = off
	return off
}

func put32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}
func put16(b []byte, v uint16) []byte { return append(b, byte(v), byte(v>>8)) }

// table is one hash index while it is encoded.
type table struct {
	ents, slots []byte
	n, nslots   int
}

// encodeIndex lays out index (keys sorted) and appends its postings.
func (e *encoder) encodeIndex(index map[string][]int32, posts *[]byte, nposts *int) table {
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t := table{n: len(keys), nslots: len(keys) + len(keys)/2 + 1}
	slots := make([]uint32, t.nslots)
	for i, k := range keys {
		t.ents = put32(t.ents, e.key(k))
		t.ents = put32(t.ents, uint32(*nposts))
		for _, p := range index[k] {
			*posts = put32(*posts, uint32(p))
			*nposts++
		}
		s := slotOf(fnv1a(k), t.nslots)
		for slots[s] != 0 {
			s = (s + 1) % t.nslots
		}
		slots[s] = uint32(i+1) | tagOf(fnv1a(k))<<24
	}
	t.ents = put32(t.ents, 0)
	t.ents = put32(t.ents, uint32(*nposts))
	for _, s := range slots {
		t.slots = put32(t.slots, s)
	}
	return t
}

// encode returns the binary table of b.
func (b *builder) encode() ([]byte, error) {
	e := &encoder{seen: make(map[string]uint32, 400000)}
	adm1Codes := map[string]int{}
	var adm1List []string
	fcodes := map[string]int{}
	var fcList []string
	index := func(m map[string]int, list *[]string, s string) int {
		if i, ok := m[s]; ok {
			return i
		}
		m[s] = len(*list)
		*list = append(*list, s)
		return len(*list) - 1
	}
	index(adm1Codes, &adm1List, "")
	index(fcodes, &fcList, "")
	var places []byte
	for _, p := range b.places {
		fi, ok := featureIndex(p.Feature)
		if !ok {
			return nil, fmt.Errorf("gazetteer: place %q: unknown feature %q", p.Name, p.Feature)
		}
		if len(p.Name) > math.MaxUint16 || len(p.Country) != 0 && len(p.Country) != 2 || p.Population < 0 || p.Population > math.MaxUint32 {
			return nil, fmt.Errorf("gazetteer: place %q: field out of range", p.Name)
		}
		ai := index(adm1Codes, &adm1List, p.Adm1)
		ci := index(fcodes, &fcList, p.Code)
		if ai > math.MaxUint16 || ci > math.MaxUint8 {
			return nil, errors.New("gazetteer: too many admin1 or feature codes")
		}
		places = put32(places, uint32(int32(math.Round(p.Lat*1e5))))
		places = put32(places, uint32(int32(math.Round(p.Lon*1e5))))
		places = put32(places, uint32(p.Population))
		places = put32(places, uint32(p.ID))
		places = put32(places, e.str(p.Name))
		places = put16(places, uint16(len(p.Name)))
		places = put16(places, uint16(ai))
		cc := [2]byte{}
		copy(cc[:], p.Country)
		places = append(places, cc[0], cc[1], byte(fi), byte(ci))
	}
	var codes []byte
	for _, l := range [][]string{adm1List, fcList} {
		for _, s := range l {
			codes = put32(codes, e.str(s))
			codes = put32(codes, uint32(len(s)))
		}
	}
	names := make(map[string][]int32, len(b.index)+len(b.ctry)+len(b.adm1))
	for k, v := range b.index {
		names[k] = v
	}
	for cc, i := range b.ctry {
		names["\x01"+cc] = []int32{i}
	}
	for k, i := range b.adm1 {
		names["\x02"+k] = []int32{i}
	}
	firsts := map[string]int32{}
	for k := range b.index {
		first, _, _ := strings.Cut(k, " ")
		if n := int32(strings.Count(k, " ") + 1); n > firsts[first] {
			firsts[first] = n
		}
	}
	for w, n := range firsts {
		if n > 1 {
			names["\x03"+w] = []int32{n}
		}
	}
	skels := b.skeletons()
	if len(names) >= entryMask || len(skels) >= entryMask {
		return nil, errors.New("gazetteer: too many names for the index")
	}
	var posts []byte
	nposts := 0
	nt := e.encodeIndex(names, &posts, &nposts)
	st := e.encodeIndex(skels, &posts, &nposts)
	var h [hdrFields]uint32
	h[hdrPlaces] = uint32(len(b.places))
	h[hdrStrings] = uint32(len(e.strs))
	h[hdrAdm1Codes] = uint32(len(adm1List))
	h[hdrFeatCodes] = uint32(len(fcList))
	h[hdrNameEnts] = uint32(nt.n)
	h[hdrNameSlots] = uint32(nt.nslots)
	h[hdrSkelEnts] = uint32(st.n)
	h[hdrSkelSlots] = uint32(st.nslots)
	h[hdrPosts] = uint32(nposts)
	h[hdrMaxWords] = uint32(b.maxLen)
	off := headerSize
	h[hdrOffPlaces] = uint32(off)
	off += len(places)
	h[hdrOffStrings] = uint32(off)
	// Every section after the strings starts on an 8-byte boundary, so
	// that the postings can be read in place as int32s.
	for len(e.strs)%8 != (8-(headerSize+len(places))%8)%8 {
		e.strs = append(e.strs, 0)
	}
	off += len(e.strs)
	h[hdrOffCodes] = uint32(off)
	off += len(codes)
	h[hdrOffNames] = uint32(off)
	off += len(nt.ents) + len(nt.slots)
	h[hdrOffSkels] = uint32(off)
	off += len(st.ents) + len(st.slots)
	h[hdrOffPosts] = uint32(off)
	off += len(posts)
	out := make([]byte, 0, off)
	out = append(out, magic...)
	for _, v := range h {
		out = put32(out, v)
	}
	for _, s := range [][]byte{places, e.strs, codes, nt.ents, nt.slots, st.ents, st.slots, posts} {
		out = append(out, s...)
	}
	return out, nil
}

func le32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func le16(s string, i int) uint16 {
	_ = s[i+1]
	return uint16(s[i]) | uint16(s[i+1])<<8
}

// hashIndex is one index of the table, read in place.
type hashIndex struct {
	ents, slots string
	nslots      int
}

var errFormat = errors.New("gazetteer: not a place table or corrupt")

// Open returns the gazetteer stored in data (the binary table Build makes).
// It keeps data and reads it in place: places are decoded on demand, and
// only the postings (4 bytes per indexed name) are copied. It checks every
// offset, so that no later call can read out of bounds, and reports an
// error for anything else. The result is read-only and safe for concurrent
// use.
func Open(data string) (*Gazetteer, error) { return open(data, true) }

// open is Open; without verify it checks the header and the sections'
// bounds only, for the embedded table (which TestEmbeddedUpToDate and
// TestOpenEmbedded verify) so that opening it touches only the pages it
// copies.
func open(data string, verify bool) (*Gazetteer, error) {
	if len(data) < headerSize || data[:len(magic)] != magic {
		return nil, errFormat
	}
	var h [hdrFields]int
	for i := range h {
		h[i] = int(le32(data, len(magic)+4*i))
	}
	g := &Gazetteer{nPlaces: h[hdrPlaces], maxWords: h[hdrMaxWords]}
	section := func(off, n int) (string, bool) {
		if off < headerSize || n < 0 || off > len(data) || n > len(data)-off {
			return "", false
		}
		return data[off : off+n], true
	}
	var ok [8]bool
	var codes string
	g.places, ok[0] = section(h[hdrOffPlaces], h[hdrPlaces]*placeSize)
	g.strs, ok[1] = section(h[hdrOffStrings], h[hdrStrings])
	codes, ok[2] = section(h[hdrOffCodes], 8*(h[hdrAdm1Codes]+h[hdrFeatCodes]))
	g.names.ents, ok[3] = section(h[hdrOffNames], 8*(h[hdrNameEnts]+1))
	g.names.slots, ok[4] = section(h[hdrOffNames]+8*(h[hdrNameEnts]+1), 4*h[hdrNameSlots])
	g.skels.ents, ok[5] = section(h[hdrOffSkels], 8*(h[hdrSkelEnts]+1))
	g.skels.slots, ok[6] = section(h[hdrOffSkels]+8*(h[hdrSkelEnts]+1), 4*h[hdrSkelSlots])
	var posts string
	posts, ok[7] = section(h[hdrOffPosts], 4*h[hdrPosts])
	for _, o := range ok {
		if !o {
			return nil, errFormat
		}
	}
	if h[hdrPlaces] > 1<<31-1 || h[hdrAdm1Codes] == 0 || h[hdrFeatCodes] == 0 || h[hdrFeatCodes] > 256 || h[hdrAdm1Codes] > 1<<16 {
		return nil, errFormat
	}
	str := func(off, n uint32) (string, bool) {
		if uint64(off)+uint64(n) > uint64(len(g.strs)) {
			return "", false
		}
		return g.strs[off : off+n], true
	}
	readCodes := func(at, n int) ([]string, bool) {
		out := make([]string, n)
		for i := range out {
			s, ok := str(le32(codes, at+8*i), le32(codes, at+8*i+4))
			if !ok {
				return nil, false
			}
			out[i] = s
		}
		return out, true
	}
	var ok1, ok2 bool
	g.adm1Codes, ok1 = readCodes(0, h[hdrAdm1Codes])
	g.featCodes, ok2 = readCodes(8*h[hdrAdm1Codes], h[hdrFeatCodes])
	if !ok1 || !ok2 {
		return nil, errFormat
	}
	if g.posts = inPlace(posts); g.posts == nil || verify {
		// Not readable in place (or to be checked): decode a copy.
		g.posts = make([]int32, h[hdrPosts])
		for i := range g.posts {
			p := le32(posts, 4*i)
			if p >= uint32(g.nPlaces) {
				return nil, errFormat
			}
			g.posts[i] = int32(p)
		}
	}
	g.names.nslots, g.skels.nslots = h[hdrNameSlots], h[hdrSkelSlots]
	if !verify {
		return g, nil
	}
	for i := 0; i < g.nPlaces; i++ {
		r := g.places[i*placeSize : (i+1)*placeSize]
		lat, lon := int32(le32(r, 0)), int32(le32(r, 4))
		if _, ok := str(le32(r, 16), uint32(le16(r, 20))); !ok || int(le16(r, 22)) >= len(g.adm1Codes) ||
			int(r[26]) >= len(features) || int(r[27]) >= len(g.featCodes) || lat < -9000000 || lat > 9000000 || lon < -18000000 || lon > 18000000 {
			return nil, errFormat
		}
	}
	for _, ix := range []*hashIndex{&g.names, &g.skels} {
		n := len(ix.ents)/8 - 1
		last := uint32(0)
		for i := 0; i <= n; i++ {
			ko, ps := le32(ix.ents, 8*i), le32(ix.ents, 8*i+4)
			if ps < last || ps > uint32(len(g.posts)) {
				return nil, errFormat
			}
			last = ps
			if i == n {
				break
			}
			if ko >= uint32(len(g.strs)) {
				return nil, errFormat
			}
			if _, ok := str(ko+1, uint32(g.strs[ko])); !ok {
				return nil, errFormat
			}
		}
		if ix.nslots == 0 && n > 0 {
			return nil, errFormat
		}
		for i := 0; i < ix.nslots; i++ {
			if v := le32(ix.slots, 4*i); v&entryMask > uint32(n) || v != 0 && v&entryMask == 0 {
				return nil, errFormat
			}
		}
	}
	return g, nil
}

// find returns the postings of key in ix, nil when it has none.
func (g *Gazetteer) find(ix *hashIndex, key string) []int32 {
	if ix.nslots == 0 || key == "" || len(key) > maxString {
		return nil
	}
	h := fnv1a(key)
	s, tag := slotOf(h, ix.nslots), tagOf(h)
	for range ix.nslots {
		v := le32(ix.slots, 4*s)
		if v == 0 {
			return nil
		}
		if v>>24 != tag {
			s++ // another key's slot: its entry is not read
			if s == ix.nslots {
				s = 0
			}
			continue
		}
		at := 8 * int(v&entryMask-1)
		ko := int(le32(ix.ents, at))
		if n := int(g.strs[ko]); n == len(key) && g.strs[ko+1:ko+1+n] == key {
			a, b := le32(ix.ents, at+4), le32(ix.ents, at+12)
			return g.posts[a:b:b]
		}
		s++
		if s == ix.nslots {
			s = 0
		}
	}
	return nil
}

// inPlace returns the little-endian uint32s of s as an []int32 sharing
// s's memory, when this machine is little-endian and s is 4-byte aligned
// (the linker aligns large embedded data), or nil. The slice is read-only
// memory: writing to it faults.
func inPlace(s string) []int32 {
	if len(s) == 0 || len(s)%4 != 0 || binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		return nil
	}
	p := unsafe.StringData(s)
	if uintptr(unsafe.Pointer(p))%4 != 0 {
		return nil
	}
	return unsafe.Slice((*int32)(unsafe.Pointer(p)), len(s)/4)
}
