package read

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Sitemap is a parsed sitemap (sitemaps.org 0.9, with the Google News
// extension): either an index of further sitemaps or a list of pages.
type Sitemap struct {
	Index    bool
	Sitemaps []string // an index's sitemap addresses
	Entries  []SitemapEntry
}

// SitemapEntry is one page of a sitemap.
type SitemapEntry struct {
	URL       string
	LastMod   *time.Time
	Title     string     // news:title
	Published *time.Time // news:publication_date
	Outlet    string     // news:publication/news:name
	Language  string     // news:publication/news:language
}

// Sitemap limits, as the protocol sets them.
const (
	maxSitemapEntries = 50000
	maxSitemapBytes   = 50 << 20 // decompressed
)

// ParseSitemap parses sitemap XML, gzip-compressed or not (the compressed
// form is detected by its magic bytes and decoded up to 50 MB). Entries
// whose loc is not an absolute http(s) URL are dropped; more than 50,000
// entries is an error, as is a document that is no sitemap.
func ParseSitemap(data []byte) (*Sitemap, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("sitemap: bad gzip: %w", err)
		}
		dec, err := io.ReadAll(io.LimitReader(zr, maxSitemapBytes+1))
		if err != nil {
			return nil, fmt.Errorf("sitemap: bad gzip: %w", err)
		}
		if len(dec) > maxSitemapBytes {
			return nil, fmt.Errorf("sitemap: more than %d bytes decompressed", maxSitemapBytes)
		}
		data = dec
	}
	type news struct {
		Publication struct {
			Name     string `xml:"name"`
			Language string `xml:"language"`
		} `xml:"publication"`
		PublicationDate string `xml:"publication_date"`
		Title           string `xml:"title"`
	}
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    *news  `xml:"news"`
	}
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	d.CharsetReader = nil // UTF-8 only, as the protocol requires
	sm := &Sitemap{}
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("sitemap: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			if root != "urlset" && root != "sitemapindex" {
				return nil, fmt.Errorf("sitemap: root element <%s> is neither <urlset> nor <sitemapindex>", root)
			}
			sm.Index = root == "sitemapindex"
			continue
		}
		if se.Name.Local != "url" && se.Name.Local != "sitemap" {
			if err := d.Skip(); err != nil {
				return nil, fmt.Errorf("sitemap: %w", err)
			}
			continue
		}
		var e entry
		if err := d.DecodeElement(&e, &se); err != nil {
			return nil, fmt.Errorf("sitemap: %w", err)
		}
		loc := strings.TrimSpace(e.Loc)
		if !isHTTP(loc) {
			continue
		}
		if len(sm.Entries)+len(sm.Sitemaps) >= maxSitemapEntries {
			return nil, fmt.Errorf("sitemap: more than %d entries", maxSitemapEntries)
		}
		if sm.Index {
			sm.Sitemaps = append(sm.Sitemaps, loc)
			continue
		}
		out := SitemapEntry{URL: loc}
		if t, ok := ParseTime(e.LastMod); ok {
			out.LastMod = &t
		}
		if e.News != nil {
			out.Title = clean(e.News.Title)
			out.Outlet = strings.TrimSpace(e.News.Publication.Name)
			out.Language = strings.TrimSpace(e.News.Publication.Language)
			if t, ok := ParseTime(e.News.PublicationDate); ok {
				out.Published = &t
			}
		}
		sm.Entries = append(sm.Entries, out)
	}
	if root == "" {
		return nil, errors.New("sitemap: no XML element")
	}
	return sm, nil
}
