// Validation of account fields: every problem reported at once, with its field.
// Each field's length is checked before anything else is done with it.
import { passwordProblem } from '../auth/passwords.js';
import { badInput, type InputProblem } from '../errors.js';
import { canonicalEmail } from './email-address.js';

const MAX_NAME_LENGTH = 200;
/**
 * What a displayed name must not hold: controls, line and paragraph separators,
 * lone surrogates, and the bidirectional controls that make text show in
 * another order than it is. Joiners stay: some scripts and emoji need them.
 */
const NAME_FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The canonical form of an e-mail address; BAD_USER_INPUT at `path` when it is not one. */
export function accountEmail(email: string, path: string): string {
  const check = canonicalEmail(email);
  if (!check.ok) throw badInput([{ path, message: check.problem }]);
  return check.email;
}

/** Checks every field of a new account; returns its e-mail address and name in the form they are stored in. */
export function validateAccount(input: { email: string; name: string; password: string }, path = 'input') {
  const problems: InputProblem[] = [];
  const email = canonicalEmail(input.email);
  if (!email.ok) problems.push({ path: `${path}.email`, message: email.problem });
  const name = nameProblem(input.name);
  if (name) problems.push({ path: `${path}.name`, message: name });
  const password = passwordProblem(input.password);
  if (password) problems.push({ path: `${path}.password`, message: password });
  if (!email.ok || problems.length > 0) throw badInput(problems);
  return { email: email.email, name: input.name.trim() };
}

function nameProblem(raw: string): string | null {
  const tooLong = `must be at most ${MAX_NAME_LENGTH} characters`;
  // Spaces around a name are dropped, but a megabyte of them is not a name.
  if (raw.length > 2 * MAX_NAME_LENGTH) return tooLong;
  const name = raw.trim();
  if (name === '') return 'must not be empty';
  if (name.length > MAX_NAME_LENGTH) return tooLong;
  if (NAME_FORBIDDEN.test(name)) return 'must not contain control or text-direction characters';
  return null;
}
