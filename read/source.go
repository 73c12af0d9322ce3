package read

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// URLID returns the id newsgraph gives an article fetched from the web: the
// first 16 hex digits of the SHA-256 of its normalized address (see
// NormalizeURL), so fetching the same article again yields the same id.
func URLID(rawURL string) string {
	h := sha256.Sum256([]byte("url:" + NormalizeURL(rawURL)))
	return hex.EncodeToString(h[:8])
}

// NormalizeURL returns u with a lower-case scheme and host, no default
// port, no fragment and an empty path as "/"; other parts stay as given
// (query order matters to some sites). Unparsable input is returned
// trimmed.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// OutletFromURL names the outlet of a web address: its registrable domain
// (eTLD+1 by the public suffix list: "www.bbc.co.uk" → "bbc.co.uk"), the
// host itself for IP addresses and single-label names (with the port when
// one is given, so test sites on one loopback address stay apart), "" for
// anything that is not an absolute URL.
func OutletFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if net.ParseIP(host) != nil || !strings.Contains(host, ".") {
		if p := u.Port(); p != "" {
			return net.JoinHostPort(host, p)
		}
		return host
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}
