// Where an alert's webhook may point. A URL is checked when it is set and
// again at every delivery, on the addresses its host resolves to then: a
// receiver must not be a way into the server's own network (loopback,
// private ranges, link-local and the cloud metadata address, carrier-grade
// NAT, multicast, unspecified), unless ALERT_WEBHOOK_ALLOW_PRIVATE says the
// deployment wants that. The delivery connects to the very address that was
// checked (a lookup that refuses), so a name that resolves to a public
// address for the check and a private one for the connection gets nowhere.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export const MAX_WEBHOOK_URL = 2048;

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** Whether an address is one a webhook may not reach (IPv4-mapped IPv6 judged as the IPv4 it is). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1] as string, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a URL cannot be a webhook, or null: its form only (no lookup). */
export function webhookUrlProblem(text: string): string | null {
  if (text.length > MAX_WEBHOOK_URL) return `must be at most ${MAX_WEBHOOK_URL} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not carry a user name or password (the signature authenticates)';
  if (url.hash) return 'must not have a fragment';
  return null;
}

/** The addresses a host resolves to (an IP literal is its own). */
function resolve(host: string): Promise<LookupAddress[]> {
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(bare)) return Promise.resolve([{ address: bare, family: isIP(bare) }]);
  return new Promise((done, fail) =>
    dnsLookup(bare, { all: true }, (error, addresses) => (error ? fail(error) : done(addresses))),
  );
}

/** Why this URL's host may not be reached now, or null. */
export async function webhookHostProblem(text: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const { hostname } = new URL(text);
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(hostname);
  } catch {
    return `its host ${hostname} does not resolve`;
  }
  const refused = addresses.find((entry) => isPrivateAddress(entry.address));
  return refused
    ? `its host resolves to ${refused.address}, a loopback, private, link-local or metadata address (ALERT_WEBHOOK_ALLOW_PRIVATE=true allows it)`
    : null;
}

/** A lookup for http.request that refuses private addresses: the connection goes where the check looked. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((entry) => isPrivateAddress(entry.address));
      if (refused) {
        return callback(
          Object.assign(new Error(`refused: ${hostname} resolves to ${refused.address}`), { code: 'EPRIVATE' }),
          '',
          0,
        );
      }
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, first.address, first.family);
    });
  };
}
