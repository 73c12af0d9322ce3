package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// AddressClass names the kind of a non-public address; "" is a public one.
type AddressClass string

// Address classes the guard knows. Every class but "" is refused by
// default; AllowPrivate admits only the classes marked allowable in
// addressTable (loopback, private, CGNAT, unique local).
const (
	Public      AddressClass = ""
	Loopback    AddressClass = "loopback"
	Private     AddressClass = "private"
	LinkLocal   AddressClass = "link-local"
	Multicast   AddressClass = "multicast"
	Unspecified AddressClass = "unspecified"
	CGNAT       AddressClass = "cgnat"
	UniqueLocal AddressClass = "unique-local"
	Reserved    AddressClass = "reserved"
)

// addressTable lists the non-public ranges, IPv4 and IPv6. allowable marks
// the ranges that AllowPrivate admits (intranets, tests on loopback);
// link-local (cloud metadata at 169.254.169.254), multicast, unspecified and
// reserved addresses are never dialled.
var addressTable = []struct {
	prefix    netip.Prefix
	class     AddressClass
	allowable bool
}{
	{netip.MustParsePrefix("0.0.0.0/8"), Unspecified, false},
	{netip.MustParsePrefix("10.0.0.0/8"), Private, true},
	{netip.MustParsePrefix("100.64.0.0/10"), CGNAT, true},
	{netip.MustParsePrefix("127.0.0.0/8"), Loopback, true},
	{netip.MustParsePrefix("169.254.0.0/16"), LinkLocal, false},
	{netip.MustParsePrefix("172.16.0.0/12"), Private, true},
	{netip.MustParsePrefix("192.0.0.0/24"), Reserved, false},   // IETF protocol assignments
	{netip.MustParsePrefix("192.0.2.0/24"), Reserved, false},   // documentation
	{netip.MustParsePrefix("192.88.99.0/24"), Reserved, false}, // 6to4 relay anycast
	{netip.MustParsePrefix("192.168.0.0/16"), Private, true},
	{netip.MustParsePrefix("198.18.0.0/15"), Reserved, false},     // benchmarking
	{netip.MustParsePrefix("198.51.100.0/24"), Reserved, false},   // documentation
	{netip.MustParsePrefix("203.0.113.0/24"), Reserved, false},    // documentation
	{netip.MustParsePrefix("224.0.0.0/4"), Multicast, false},      // includes 224.0.0.0/24 local
	{netip.MustParsePrefix("240.0.0.0/4"), Reserved, false},       // includes 255.255.255.255 broadcast
	{netip.MustParsePrefix("::/128"), Unspecified, false},         // ::
	{netip.MustParsePrefix("::1/128"), Loopback, true},            // ::1
	{netip.MustParsePrefix("64:ff9b:1::/48"), Reserved, false},    // local-use NAT64
	{netip.MustParsePrefix("100::/64"), Reserved, false},          // discard-only
	{netip.MustParsePrefix("2001:db8::/32"), Reserved, false},     // documentation
	{netip.MustParsePrefix("2001::/23"), Reserved, false},         // IETF protocol assignments (Teredo, ...)
	{netip.MustParsePrefix("2002::/16"), Reserved, false},         // 6to4: embeds any IPv4 address
	{netip.MustParsePrefix("fc00::/7"), UniqueLocal, true},        // ULA
	{netip.MustParsePrefix("fe80::/10"), LinkLocal, false},        // link-local
	{netip.MustParsePrefix("fec0::/10"), Reserved, false},         // old site-local
	{netip.MustParsePrefix("ff00::/8"), Multicast, false},         // multicast
	{netip.MustParsePrefix("::/96"), Reserved, false},             // IPv4-compatible (deprecated)
	{netip.MustParsePrefix("5f00::/16"), Reserved, false},         // SRv6 SIDs
	{netip.MustParsePrefix("3fff::/20"), Reserved, false},         // documentation (2024)
	{netip.MustParsePrefix("2001:2::/48"), Reserved, false},       // benchmarking (inside 2001::/23 too)
	{netip.MustParsePrefix("2620:4f:8000::/48"), Reserved, false}, // AS112 (direct delegation)
}

// nat64 is the well-known NAT64 prefix: its addresses embed an IPv4 one.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// Classify returns the class of ip: Public for a globally routable unicast
// address, else the kind of range it is in. IPv4-mapped and NAT64 IPv6
// addresses are judged by the IPv4 address they embed, so ::ffff:127.0.0.1
// is loopback.
func Classify(ip netip.Addr) AddressClass {
	ip = ip.Unmap()
	if ip.Is6() && nat64.Contains(ip.WithZone("")) {
		b := ip.As16()
		return Classify(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
	}
	if ip.Zone() != "" {
		ip = ip.WithZone("")
	}
	for _, r := range addressTable {
		if r.prefix.Contains(ip) {
			return r.class
		}
	}
	if !ip.IsValid() {
		return Unspecified
	}
	return Public
}

// allowed reports whether the guard lets a connection to ip through, and
// if not, the class that refused it.
func allowed(ip netip.Addr, allowPrivate bool) (bool, AddressClass) {
	c := Classify(ip)
	if c == Public {
		return true, c
	}
	if allowPrivate {
		for _, r := range addressTable {
			if r.class == c {
				return r.allowable, c
			}
		}
	}
	return false, c
}

// BlockedError is the error of a dial the guard refused: the host's address
// is not public (and not admitted by AllowPrivate). No connection was
// attempted.
type BlockedError struct {
	Host  string       // the host name or literal being dialled
	Addr  netip.Addr   // the refused address
	Class AddressClass // why
}

func (e *BlockedError) Error() string {
	if e.Host != "" && e.Host != e.Addr.String() {
		return fmt.Sprintf("refused to connect to %s: it resolves to %s, a %s address", e.Host, e.Addr, e.Class)
	}
	return fmt.Sprintf("refused to connect to %s, a %s address", e.Addr, e.Class)
}

// Resolver looks up a host's addresses; *net.Resolver satisfies it. Tests
// give a fake one, so no name is ever sent to a DNS server.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// DialFunc opens a connection to an address the guard has already vetted
// ("ip:port"). The default is a net.Dialer whose Control hook vets the
// address again just before connect(2).
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// guard is the dialer every hop goes through: it resolves the host, refuses
// non-public addresses, and dials only vetted ones.
type guard struct {
	resolver     Resolver
	dial         DialFunc
	allowPrivate bool
}

func newGuard(o *Options) *guard {
	g := &guard{resolver: o.Resolver, dial: o.Dial, allowPrivate: o.AllowPrivate}
	if g.resolver == nil {
		g.resolver = net.DefaultResolver
	}
	if g.dial == nil {
		d := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second, Control: g.control}
		g.dial = d.DialContext
	}
	return g
}

// control runs after the socket is created and before it connects: the
// last point at which an address can be refused without a packet sent. It
// catches any path that would reach the dialer without going through
// DialContext's own check.
func (g *guard) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("fetch: dial %s: %w", address, err)
	}
	if ok, class := allowed(ap.Addr(), g.allowPrivate); !ok {
		return &BlockedError{Addr: ap.Addr(), Class: class}
	}
	return nil
}

// DialContext resolves addr's host, vets every address, and dials the
// allowed ones in order. When every address is refused it returns a
// *BlockedError without attempting any connection.
func (g *guard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ips, err = g.resolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, err
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("fetch: %s has no address", host)
		}
	}
	var blocked *BlockedError
	var lastErr error
	for _, ip := range ips {
		if ok, class := allowed(ip, g.allowPrivate); !ok {
			if blocked == nil {
				blocked = &BlockedError{Host: host, Addr: ip.Unmap(), Class: class}
			}
			continue
		}
		conn, err := g.dial(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
	}
	if lastErr != nil {
		return nil, lastErr
	}
	if blocked != nil {
		return nil, blocked
	}
	return nil, errors.New("fetch: no address to dial")
}
