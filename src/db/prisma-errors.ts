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

/**
 * A statement refused for the data it was given (SQLSTATE class 22, a data
 * exception such as "value out of range"; class 23, a constraint): that data's
 * fault, so its file or ticker fails and the run goes on. Anything else (a
 * lost connection, a deadlock, a full disk) is the run's, and worth a retry.
 */
export function isRefusedData(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/** The first line of a refusal, bounded: a data exception may quote the value it choked on. */
export function refusalReason(error: unknown): string {
  const message = (error as Error).message.split('\n')[0] ?? '';
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
