// Who a credential proves the caller is. Its own module so that what checks a
// credential (api-keys.ts, authenticate.ts) and what asks about the caller
// (caller.ts) share the type without importing one another.
import type { Role } from '../generated/prisma/client.js';

export type Principal = { kind: 'apiKey'; apiKeyId: number; role: Role } | { kind: 'user'; userId: number; role: Role };
