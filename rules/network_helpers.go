package rules

import (
	"fmt"
	"strings"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// worldSource is a world CIDR an ingress rule admits, with the setting
// (canonical name) that lists it.
type worldSource struct {
	cidr    source.Value[string]
	setting string
}

// worldSources returns the known world CIDRs (any /0, IPv4 or IPv6) of
// an ingress rule, IPv4 first.
func worldSources(r *model.IngressRule) []worldSource {
	var out []worldSource
	for _, l := range []struct {
		list    source.Strings
		setting string
	}{{r.IPv4CIDRs, "cidr_blocks"}, {r.IPv6CIDRs, "ipv6_cidr_blocks"}} {
		if !l.list.Known() {
			continue
		}
		for _, c := range l.list.Val {
			if c.Known() && isWorldCIDR(c.Val) {
				out = append(out, worldSource{c, l.setting})
			}
		}
	}
	return out
}

// cidrList names the world CIDRs for a message: "0.0.0.0/0 and ::/0".
func cidrList(ws []worldSource) string {
	names := make([]string, len(ws))
	for i, w := range ws {
		names[i] = strings.TrimSpace(w.cidr.Val)
	}
	return strings.Join(names, " and ")
}

// allProtocols: protocol "-1" (or "all") admits every protocol and port.
func allProtocols(r *model.IngressRule) bool {
	return r.Protocol.Known() && (r.Protocol.Val == "-1" || r.Protocol.Val == "all")
}

// portProtocol: TCP or UDP, by name or number, whose ports are ports.
func portProtocol(r *model.IngressRule) bool {
	if !r.Protocol.Known() {
		return false
	}
	switch r.Protocol.Val {
	case "tcp", "udp", "6", "17":
		return true
	}
	return false
}

// knownPorts returns the rule's port range when both ends are known.
func knownPorts(r *model.IngressRule) (from, to int, ok bool) {
	if !r.FromPort.Known() || !r.ToPort.Known() {
		return 0, 0, false
	}
	return r.FromPort.Val, r.ToPort.Val, true
}

// allPorts reports whether the rule is known to admit every port: all
// protocols, or TCP/UDP from port 0 (or below) to 65535.
func allPorts(r *model.IngressRule) bool {
	if allProtocols(r) {
		return true
	}
	from, to, ok := knownPorts(r)
	return ok && portProtocol(r) && from <= 0 && to >= 65535
}

// admitsPort reports whether the rule is known to admit port p.
func admitsPort(r *model.IngressRule, p int) bool {
	if allProtocols(r) {
		return true
	}
	from, to, ok := knownPorts(r)
	return ok && portProtocol(r) && from <= p && p <= to
}

// adminPorts are the remote-administration ports EKS-NET-002 looks for.
var adminPorts = []struct {
	port int
	name string
}{{22, "SSH"}, {3389, "RDP"}}

// openAdminPorts returns "22 (SSH)", "22 (SSH) and 3389 (RDP)", or "".
func openAdminPorts(r *model.IngressRule) string {
	var out []string
	for _, a := range adminPorts {
		if admitsPort(r, a.port) {
			out = append(out, fmt.Sprintf("%d (%s)", a.port, a.name))
		}
	}
	return strings.Join(out, " and ")
}

// portsText describes the rule's protocol and ports: "tcp port 22",
// "tcp ports 0-1024", "all protocols and ports (ip_protocol = "-1")",
// naming the protocol setting as the rule's own shape spells it.
func portsText(r *model.IngressRule) string {
	if allProtocols(r) {
		return fmt.Sprintf("all protocols and ports (%s = %q)", r.Name("protocol"), r.Protocol.Val)
	}
	proto := map[string]string{"6": "tcp", "17": "udp"}[r.Protocol.Val]
	if proto == "" {
		proto = r.Protocol.Val
	}
	from, to, _ := knownPorts(r)
	switch {
	case from <= 0 && to >= 65535:
		return proto + " ports 0-65535 (every port)"
	case from == to:
		return fmt.Sprintf("%s port %d", proto, from)
	}
	return fmt.Sprintf("%s ports %d-%d", proto, from, to)
}
