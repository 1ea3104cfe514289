// What the database refused, as Prisma reports it (or pg does). Letting the
// database decide is the only race-free way: two concurrent sign-ups with one
// email both pass a "does it exist?" check, and a row checked before an update
// may be gone by the time it runs.

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** A write refused by a unique constraint: Prisma's P2002 or pg's 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'P2002' || code === '23505';
}

/** An update or delete whose `where` matched no row: Prisma's P2025. */
export function isNoSuchRecord(error: unknown): boolean {
  return codeOf(error) === 'P2025';
}
