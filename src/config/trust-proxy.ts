/**
 * TRUST_PROXY: which proxies may tell the server the client's address (X-Forwarded-For). The client's address keys
 * the console's login limit and is logged with failed logins, so believing every X-Forwarded-For (fastify's
 * `trustProxy: true`) let any client pick a new address per attempt and guess passwords without limit.
 */
import { isIP } from 'node:net';

/** What fastify's `trustProxy` gets: no proxy, a number of hops, or the proxies' addresses and ranges. */
export type TrustProxy = false | number | string[];

/** The most hops anyone sensibly has in front of the server; more is almost certainly a typo. */
const MAX_HOPS = 10;
/** Named ranges proxy-addr (fastify's trustProxy) understands besides addresses and CIDRs. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const EXPECTED =
  'the number of proxies in front of the server (1 for one nginx) or a comma-separated list of their addresses or ranges (127.0.0.1, 10.0.0.0/8)';

function isAddressOrRange(item: string): boolean {
  if (NAMED_RANGES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Reads TRUST_PROXY (already non-empty); a string result is the problem, worded for an operator. */
export function parseTrustProxy(value: string): { trustProxy: TrustProxy } | { problem: string } {
  const text = value.trim();
  // Like every number variable, a number of proxies is plain digits (a list may have spaces after its commas).
  if (/^\d+$/.test(text) && text !== value)
    return {
      problem: `TRUST_PROXY=${JSON.stringify(value)} has spaces around the number; give the digits only, such as 1`,
    };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS)
      return { problem: `TRUST_PROXY must be at most ${MAX_HOPS} proxies, or ${EXPECTED}` };
    return { trustProxy: hops === 0 ? false : hops };
  }
  if (text === 'true' || text === '*')
    return { problem: `TRUST_PROXY=${text} would believe any client's X-Forwarded-For; give ${EXPECTED}` };
  // A trailing comma is a slip, not a request to trust nothing.
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return { trustProxy: false };
  const wrong = items.filter((item) => !isAddressOrRange(item));
  if (wrong.length > 0)
    return { problem: `TRUST_PROXY must be ${EXPECTED}; not an address or range: ${wrong.join(', ')}` };
  return { trustProxy: items };
}

/**
 * The value for fastify's `trustProxy`. A number of hops becomes a function: fastify 5.12 no longer takes a plain
 * number (it trusts nothing then, because a hop count cannot tell a proxy from a client that reached the server
 * directly). TRUST_PROXY=N is for servers reachable only through their N proxies; otherwise list the proxies.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  // proxy-addr asks about the socket's address as hop 0, then each X-Forwarded-For entry from the right.
  return (_address, hop) => hop < trust;
}
