package read

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"

	"github.com/newsgraph/newsgraph/document"
)

// HTML extracts the main content of an HTML page as a document. The charset
// comes from a byte order mark, a <meta> declaration or contentType (an HTTP
// Content-Type header value, may be ""). Title, canonical URL and publication
// date come from the page's metadata. Block elements become paragraphs
// separated by blank lines. A page with no readable text is an error.
func HTML(data []byte, contentType string) (*document.Document, error) {
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" && !utf8.Valid(data) {
		// Declared or guessed UTF-8 that is not: repair mixed text, else
		// take it as Windows-1252, the usual undeclared legacy charset.
		if _, mixed := mixedUTF8(data); mixed {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		} else {
			enc, name = charmap.Windows1252, "windows-1252"
		}
	}
	if name != "utf-8" {
		dec, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("html: cannot decode %s: %w", name, err)
		}
		data = dec
	}
	if err := checkBinary(data); err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, prefixed("html", err) // x/net/html's errors name themselves "html: …"
	}
	meta := pageMeta(root)
	var text string
	p := readability.NewParser()
	p.MaxElemsToParse = 200000
	art, perr := p.ParseDocument(root, nil)
	if perr == nil && art.Node != nil {
		text = renderText(art.Node)
		if meta.title == "" {
			meta.title = art.Title()
		}
		if meta.published == nil {
			if t, err := art.PublishedTime(); err == nil {
				meta.published = &t
			}
		}
	}
	if strings.TrimSpace(text) == "" {
		if body := findElement(root, atom.Body); body != nil {
			text = renderText(body)
		}
	}
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("html: no body text to extract")
	}
	d, err := newDoc(text)
	if err != nil {
		return nil, err
	}
	d.Title, d.URL, d.CanonicalURL, d.Published = meta.title, meta.url, meta.url, meta.published
	if meta.lang != "" {
		d.Language = strings.ToLower(strings.SplitN(meta.lang, "-", 2)[0])
	}
	if name != "utf-8" {
		d.Meta = map[string]any{"encoding": name}
	}
	return d, nil
}

type htmlMeta struct {
	title, url, lang string
	published        *time.Time
}

// pageMeta reads the title, canonical URL, language and publication date.
func pageMeta(root *html.Node) htmlMeta {
	var m htmlMeta
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = strings.Join(strings.Fields(n.FirstChild.Data), " ")
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
					if u, err := url.Parse(attr(n, "href")); err == nil && u.IsAbs() {
						m.url = u.String()
					}
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					if val != "" {
						m.title = val
					}
				case "og:url":
					if m.url == "" {
						m.url = val
					}
				case "article:published_time", "datepublished", "date", "pubdate", "dc.date", "dcterms.date":
					if m.published == nil {
						if t, ok := ParseTime(val); ok {
							m.published = &t
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// renderText flattens n into text: whitespace inside a block collapses to
// single spaces, blocks are separated by a blank line, <br> is a newline.
func renderText(n *html.Node) string {
	var b strings.Builder
	var line strings.Builder
	flush := func() {
		s := strings.TrimSpace(line.String())
		line.Reset()
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			for _, f := range strings.Fields(n.Data) {
				if line.Len() > 0 && !strings.HasSuffix(line.String(), " ") && !strings.HasSuffix(line.String(), "\n") {
					line.WriteByte(' ')
				}
				line.WriteString(f)
			}
			if strings.HasSuffix(n.Data, " ") || strings.HasSuffix(n.Data, "\n") {
				if line.Len() > 0 {
					line.WriteByte(' ')
				}
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Head:
				return
			case atom.Br:
				s := strings.TrimRight(line.String(), " ")
				line.Reset()
				line.WriteString(s)
				line.WriteByte('\n')
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return b.String()
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Blockquote, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Figure, atom.Figcaption,
		atom.Table, atom.Tr, atom.Pre, atom.Dd, atom.Dt, atom.Dl, atom.Aside, atom.Main, atom.Hr, atom.Body:
		return true
	}
	return false
}

// prefixed returns err with "what: " before its message, unless the
// message starts so already (no "html: html: …").
func prefixed(what string, err error) error {
	if strings.HasPrefix(err.Error(), what+": ") {
		return err
	}
	return fmt.Errorf("%s: %w", what, err)
}
