package ner

// clusters maps a lower-cased word (by hash) to its path in a binary cluster
// hierarchy (Brown-style bit string), derived by tools/wordclusters from raw
// news text. Prefixes of the path are coarser clusters.
type clusters struct {
	keys  []uint64
	paths []uint32 // bit string, most significant bit first, in the low lens[i] bits
	lens  []uint8
	m     map[uint64]int32
}

// build indexes the parallel arrays.
func (c *clusters) build() {
	c.m = make(map[uint64]int32, len(c.keys))
	for i, k := range c.keys {
		c.m[k] = int32(i)
	}
}

// clusterPrefixes are the path lengths used as features (the last is the full path).
var clusterPrefixes = [3]uint8{4, 6, 10}

// lookup returns hashes of the word's cluster path prefixes (4, 6, 10 bits
// and the full path), or zeros for an unknown word.
func (c *clusters) lookup(lower uint64) [4]uint64 {
	var out [4]uint64
	if c == nil || c.m == nil {
		return out
	}
	i, ok := c.m[lower]
	if !ok {
		return out
	}
	p, n := c.paths[i], c.lens[i]
	for k, pl := range clusterPrefixes {
		if pl > n {
			pl = n
		}
		out[k] = mix(uint64(pl)+100, uint64(p>>(n-pl)))
	}
	out[3] = mix(uint64(n)+200, uint64(p))
	return out
}

// newClusters returns a cluster table from words and their bit-string paths
// ("0110..."); words are keyed by their lower-case hash. Paths longer than
// 32 bits are truncated.
func newClusters(words []string, paths []string) *clusters {
	c := &clusters{}
	for i, w := range words {
		var ti tokInfo
		analyze(w, &ti, nil)
		p := paths[i]
		if len(p) > 32 {
			p = p[:32]
		}
		var v uint32
		for j := 0; j < len(p); j++ {
			v <<= 1
			if p[j] == '1' {
				v |= 1
			}
		}
		c.keys = append(c.keys, ti.lower)
		c.paths = append(c.paths, v)
		c.lens = append(c.lens, uint8(len(p)))
	}
	c.build()
	return c
}
