/**
 * Keeping webhooks from reaching into our own network (SSRF). Twice: when an endpoint is
 * registered its URL is checked (scheme, credentials, a host that is a literal address), and
 * when a message is sent, inside the connection itself, through a `lookup` for node:http/https
 * that refuses every address of a refused class. Checking at connect time, on the addresses the
 * socket will use, is what stops DNS rebinding (a name that resolved to a public address when
 * checked and to 10.0.0.1 a moment later).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses no webhook may reach: private, shared, link-local (the cloud metadata services), unspecified, multicast, reserved. */
const refused = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 itself
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local, 169.254.169.254 the metadata service
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, 255.255.255.255 broadcast
] as const) refused.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) refused.addSubnet(network, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

export interface AddressPolicy {
  /** WEBHOOKS_ALLOW_HTTP_LOOPBACK: loopback addresses are allowed (development and tests). */
  allowLoopback: boolean;
  /** Plain http is allowed only to loopback, so such a connection may reach nothing else. */
  loopbackOnly?: boolean;
}

/**
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`, also written `::ffff:a00:1` or `0:0:0:0:0:ffff:…`) is the
 * IPv4 address it carries: the socket reaches that one. The URL parser writes any IPv6 address
 * in its one compressed form, which leaves a single shape to recognise.
 */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  if (isIP(address) === 4) return { address, family: 'ipv4' };
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return { address: canonical, family: 'ipv6' };
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 'ipv4' };
}

/** Why an address may not be reached, or null when it may. */
export function refusedAddress(address: string, policy: AddressPolicy): string | null {
  if (isIP(address) === 0) return 'not an IP address';
  const { address: plain, family } = unmapped(address);
  const isLoopback = loopback.check(plain, family);
  if (isLoopback) return policy.allowLoopback ? null : 'a loopback address';
  if (policy.loopbackOnly) return 'not a loopback address (plain http reaches loopback only)';
  return refused.check(plain, family) ? 'a private, link-local, multicast or reserved address' : null;
}

/** The host of a URL as an address when it is a literal one (`[::1]` → `::1`), else null. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** `localhost` and `*.localhost` always mean this machine (RFC 6761). */
const isLoopbackName = (hostname: string) => /(^|\.)localhost\.?$/i.test(hostname);

/**
 * Registration-time check of an endpoint URL; the reason it is refused, or null. Names are not
 * resolved here (their addresses may change; the send-time lookup decides), but literal
 * addresses and loopback names are judged at once.
 */
export function refusedUrl(raw: string, options: { allowHttpLoopback: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a URL.';
  }
  if (url.username || url.password) return 'The URL may not carry credentials.';
  const address = literalAddress(url.hostname);
  const loopbackHost = isLoopbackName(url.hostname) || (address !== null && refusedAddress(address, { allowLoopback: false }) === 'a loopback address');
  if (url.protocol === 'http:') {
    if (!options.allowHttpLoopback) return 'Use https; plain http is allowed only to loopback in development (WEBHOOKS_ALLOW_HTTP_LOOPBACK).';
    if (!loopbackHost) return 'Plain http is allowed only to a loopback host; use https.';
  } else if (url.protocol !== 'https:') {
    return 'Use https.';
  }
  if (loopbackHost && !options.allowHttpLoopback) return 'The host is this machine (loopback).';
  if (address) {
    const why = refusedAddress(address, { allowLoopback: options.allowHttpLoopback });
    if (why) return `The host is ${why}.`;
  }
  return null;
}

/** A connection to `address` was refused by the policy; the attempt's error names it. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
  readonly code = 'EWEBHOOKREFUSED';
}

/**
 * A `lookup` for node:http/https (and net.connect) that resolves as usual and fails when any
 * address the name resolves to is refused: a name that points at both a public and a private
 * address is refused whole, whichever the socket would have tried.
 */
export function safeLookup(policy: AddressPolicy, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      for (const { address } of addresses) {
        const why = refusedAddress(address, policy);
        if (why) return callback(new RefusedAddressError(`${hostname} resolves to ${address}, ${why}.`), '', 0);
      }
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: 'ENOTFOUND' }), '', 0);
      // net asks for every address (`all`) when it tries both families (autoSelectFamily).
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
