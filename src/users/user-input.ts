// Validation of account fields: every problem reported at once, with its field.
import { passwordProblem } from '../auth/passwords.js';
import { badInput, type InputProblem } from '../errors.js';

// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is
// for a confirmation mail to decide, not a regular expression.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function validateAccount(input: { email?: string; name?: string; password?: string }, path = 'input') {
  const problems: InputProblem[] = [];
  if (input.email !== undefined) {
    const email = normalizeEmail(input.email);
    if (!EMAIL.test(email) || email.length > 254)
      problems.push({ path: `${path}.email`, message: 'is not an email address' });
  }
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name === '') problems.push({ path: `${path}.name`, message: 'must not be empty' });
    if (name.length > 200) problems.push({ path: `${path}.name`, message: 'must be at most 200 characters' });
  }
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) problems.push({ path: `${path}.password`, message: problem });
  }
  if (problems.length > 0) throw badInput(problems);
}
