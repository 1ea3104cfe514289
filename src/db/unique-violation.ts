// A write refused by a unique constraint, as Prisma reports it (P2002) or pg
// does (23505). Letting the database decide is the only race-free way: two
// concurrent sign-ups with one email both pass a "does it exist?" check.
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'P2002' || code === '23505';
}
