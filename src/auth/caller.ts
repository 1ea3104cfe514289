// Who a request comes from, worked out once per request and asked by all that
// care: the rate limiter, the response cache, read routing, the context and the
// schema's auth scopes. The credential is checked at most once per request, and
// only when one of them asks: an anonymous read never pays for a lookup.
import type { Authenticator } from './authenticate.js';
import type { Principal } from './principal.js';
import { hasRole } from './roles.js';

/** What the schema's fields may require (Pothos's scope-auth plugin asks for them). */
/** `owner`: a signed-in user or an API key, who may own things (alerts) whatever their role. */
export type AuthScopes = { reader: boolean; user: boolean; owner: boolean; editor: boolean; admin: boolean };

export type Caller = {
  /** Whether the request sent an Authorization header at all. */
  readonly hasCredentials: boolean;
  /** The peer address the request came from (rate limits, sign-in throttling). */
  readonly address: string;
  /** Who the address alone counts as: `address:<ip>`. */
  readonly addressKey: string;
  /** The principal; null when anonymous. Rejects a key that is malformed, unknown, revoked or expired. */
  principal(): Promise<Principal | null>;
  /**
   * Who the request counts against (rate limits, read-your-writes): the
   * principal its credential proves, however the header is spelled, else its
   * address. An invalid credential counts against the address it came from, so
   * junk tokens cannot each open a fresh bucket.
   */
  key(): Promise<string>;
  /** Whether it may read public data: a valid credential, or any caller when reads are public. */
  mayRead(): Promise<boolean>;
  /** Its scopes; a bad credential has none. */
  scopes(): Promise<AuthScopes>;
};

export type Callers = {
  /** The caller of a request, the same object for every asker of that request. */
  of(request: Request, address: string): Caller;
};

export function createCallers(auth: Pick<Authenticator, 'authenticate'>, publicRead: boolean): Callers {
  const known = new WeakMap<Request, Caller>();
  return {
    of(request, address) {
      let caller = known.get(request);
      if (!caller) {
        caller = resolveCaller(auth, publicRead, request.headers.get('authorization'), address);
        known.set(request, caller);
      }
      return caller;
    },
  };
}

function resolveCaller(
  auth: Pick<Authenticator, 'authenticate'>,
  publicRead: boolean,
  authorization: string | null,
  address: string,
): Caller {
  let principal: Promise<Principal | null> | undefined;
  const addressKey = `address:${address}`;
  const caller: Caller = {
    hasCredentials: authorization !== null,
    address,
    addressKey,
    principal() {
      principal ??= auth.authenticate(authorization);
      return principal;
    },
    async key() {
      const proven = await caller.principal().catch(() => null);
      if (proven?.kind === 'user') return `user:${proven.userId}`;
      if (proven?.kind === 'apiKey') return `key:${proven.apiKeyId}`;
      return addressKey;
    },
    async mayRead() {
      if (authorization === null) return publicRead;
      // A bad credential may not read: execution answers with its error.
      return (await caller.principal().catch(() => null)) !== null;
    },
    async scopes() {
      // Anonymous public reads ask for no lookup at all.
      const proven = authorization !== null || !publicRead ? await caller.principal() : null;
      return {
        reader: publicRead || proven !== null,
        user: proven?.kind === 'user',
        owner: proven != null,
        editor: hasRole(proven?.role, 'EDITOR'),
        admin: hasRole(proven?.role, 'ADMIN'),
      };
    },
  };
  return caller;
}
