package httpapi

import (
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"strings"
)

// Guard protects a server against other sites and other people: requests
// whose Host is not one of Hosts are refused (403: a DNS-rebinding page
// cannot read the API through a name it controls), and with a Token every
// API request must carry it ("Authorization: Bearer TOKEN", or the cookie
// that opening /?token=TOKEN once sets for the dashboard).
type Guard struct {
	// Hosts are the allowed host names or addresses, without port; empty
	// means LoopbackHosts.
	Hosts []string
	// Token, when not empty, is required by every /api/ request.
	Token string
}

// LoopbackHosts are the host names a loopback server answers by default.
var LoopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

// tokenCookie is the cookie the dashboard's requests carry the token in.
const tokenCookie = "newsgraph_token"

// Wrap returns h behind the guard.
func (g Guard) Wrap(h http.Handler) http.Handler {
	hosts := map[string]bool{}
	for _, x := range append(g.Hosts, LoopbackHosts...) {
		hosts[strings.ToLower(strings.Trim(x, "[]"))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setSecurityHeaders(w.Header())
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.ToLower(strings.Trim(host, "[]"))
		if !hosts[host] {
			writeError(w, http.StatusForbidden, fmt.Sprintf("host %q is not allowed; start the server with --allow-host %s to serve it", r.Host, host))
			return
		}
		if g.Token != "" {
			if t := r.URL.Query().Get("token"); r.URL.Path == "/" && t != "" {
				if !g.match(t) {
					writeError(w, http.StatusUnauthorized, "wrong token")
					return
				}
				http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
				http.Redirect(w, r, "/", http.StatusSeeOther)
				return
			}
			if strings.HasPrefix(r.URL.Path, "/api/") && !g.authorized(r) {
				w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
				writeError(w, http.StatusUnauthorized, "this server needs a token: send Authorization: Bearer TOKEN (or open /?token=TOKEN once in the browser)")
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

func (g Guard) authorized(r *http.Request) bool {
	if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") {
		return g.match(strings.TrimPrefix(a, "Bearer "))
	}
	if c, err := r.Cookie(tokenCookie); err == nil {
		return g.match(c.Value)
	}
	return false
}

func (g Guard) match(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(g.Token)) == 1
}

// IsLoopback reports whether a listen address's host is a loopback name or
// address ("" and unspecified addresses such as 0.0.0.0 are not).
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
