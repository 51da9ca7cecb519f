import ipaddr from 'ipaddr.js';

/**
 * Deny by default: only ordinary public unicast addresses may be contacted. IPv6 forms that embed
 * an IPv4 address (IPv4-mapped, SIIT, NAT64 well-known prefix, 6to4) are judged by that IPv4 address.
 */
export function forbiddenAddressReason(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.parse(address);
  return parsed.kind() === 'ipv4' ? ipv4Reason(parsed as ipaddr.IPv4) : ipv6Reason(parsed as ipaddr.IPv6);
}

function ipv4Reason(address: ipaddr.IPv4): string | undefined {
  const range = address.range();
  return range === 'unicast' ? undefined : `${range} address ${address.toString()}`;
}

const nat64WellKnown = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

function ipv6Reason(address: ipaddr.IPv6): string | undefined {
  const range = address.range();
  switch (range) {
    case 'unicast':
      return undefined;
    case 'ipv4Mapped':
    case 'rfc6145':
      return embeddedReason(range, lastFourBytes(address));
    case 'rfc6052':
      // Only the /96 well-known prefix puts the IPv4 address in a fixed place; local-use NAT64 prefixes are refused.
      return address.match(nat64WellKnown) ? embeddedReason(range, lastFourBytes(address)) : `${range} address ${address.toString()}`;
    case '6to4':
      return embeddedReason(range, new ipaddr.IPv4(address.toByteArray().slice(2, 6)));
    default:
      return `${range} address ${address.toString()}`;
  }
}

function lastFourBytes(address: ipaddr.IPv6): ipaddr.IPv4 {
  return new ipaddr.IPv4(address.toByteArray().slice(12, 16));
}

function embeddedReason(range: string, embedded: ipaddr.IPv4): string | undefined {
  const reason = ipv4Reason(embedded);
  return reason === undefined ? undefined : `${range} address embedding ${reason}`;
}
