import type { Role } from '../generated/prisma/client.js';

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2 };

/** ADMIN includes EDITOR, which includes VIEWER. */
export function hasRole(actual: Role | undefined, needed: Role): boolean {
  return actual !== undefined && RANK[actual] >= RANK[needed];
}
