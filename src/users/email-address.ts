// The one form of an e-mail address that accounts are stored, found and
// throttled under, whatever way a client spells it. Two spellings that a
// person reads as the same address must be one account or be refused: never
// two accounts that display identically.
//
// NFKC folds compatibility forms (full-width letters, ligatures, the Kelvin
// sign) into plain letters, and lower-casing makes case irrelevant. What NFKC
// does not fold (a dotless i, a Cyrillic or Greek letter shaped like a Latin
// one) would need Unicode's confusables tables (UTS #39) to compare; rather
// than carry them, only addresses that are ASCII once folded are accepted, so
// internationalised (SMTPUTF8) addresses are refused. Invisible and control
// characters (zero-width space, soft hyphen, direction overrides) and spaces
// are refused outright: dropping them silently would hide what was sent.

/** RFC 5321's limit on a forward path; nothing longer can be an address. */
export const MAX_EMAIL_LENGTH = 254;

// Deliberately plain: one @, a dot in the domain. Deliverability is for a
// confirmation mail to decide, not a regular expression.
const EMAIL = /^[^@]+@[^@]+\.[^@]+$/;
/** Control, format (invisible), separator, private-use and surrogate code points, and any space. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{White_Space}]/u;
const SURROUNDING_SPACES = /^[ \t\r\n]+|[ \t\r\n]+$/g;
/** Printable ASCII without the space. */
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;

export type EmailCheck = { ok: true; email: string } | { ok: false; problem: string };

/**
 * The canonical form of `raw` (plain spaces around it dropped, NFKC, lower-case, ASCII), or why it is
 * not an address. The length is checked before anything else is done with
 * the text, so an input of any size costs no more than one of 254 characters.
 */
export function canonicalEmail(raw: string): EmailCheck {
  if (raw.length > MAX_EMAIL_LENGTH) return tooLong;
  // Spaces around a pasted address are dropped, but only plain ones:
  // String#trim would also drop a byte-order mark, an invisible character.
  const trimmed = raw.replace(SURROUNDING_SPACES, '');
  if (INVISIBLE.test(trimmed)) {
    return { ok: false, problem: 'must not contain an invisible, control or space character' };
  }
  const email = trimmed.normalize('NFKC').toLowerCase().normalize('NFKC');
  if (!PRINTABLE_ASCII.test(email)) {
    return {
      ok: false,
      problem: 'must be plain ASCII once normalised: accented, look-alike and non-Latin letters are not accepted',
    };
  }
  if (email.length > MAX_EMAIL_LENGTH) return tooLong;
  if (!EMAIL.test(email)) return { ok: false, problem: 'is not an email address' };
  return { ok: true, email };
}

const tooLong: EmailCheck = { ok: false, problem: `must be at most ${MAX_EMAIL_LENGTH} characters` };
