package httpapi

import "net/http"

// ContentSecurityPolicy is sent with every response. The dashboard loads
// only its own script and style files (no inline script, no style
// attributes in markup, no eval), draws the basemap from its own bundle and
// talks only to this server.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// setSecurityHeaders sets the headers every response carries, API and
// dashboard alike: the CSP, no MIME sniffing, no framing, no referrer.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}
