package fetch

import (
	"net/netip"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// SameSite reports whether link is on the same site as page, so that
// following a page's links stays where the user pointed: the same host, or
// another host under the same registrable domain (reports.ofsted.gov.uk
// links its PDFs on files.ofsted.gov.uk; bbc.co.uk and other.co.uk are
// different sites), with the same port. An IP address is only ever the
// same site as itself.
func SameSite(page, link *url.URL) bool {
	if page.Port() != link.Port() {
		return false
	}
	a, b := strings.ToLower(page.Hostname()), strings.ToLower(link.Hostname())
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if _, err := netip.ParseAddr(a); err == nil {
		return false
	}
	if _, err := netip.ParseAddr(b); err == nil {
		return false
	}
	da, err := publicsuffix.EffectiveTLDPlusOne(a)
	if err != nil {
		return false
	}
	db, err := publicsuffix.EffectiveTLDPlusOne(b)
	return err == nil && da == db
}
