-- E-mail addresses have one stored form (src/users/email-address.ts): NFKC,
-- lower-case, printable ASCII without spaces. Before, they were only trimmed
-- and lower-cased, so `ａlice@example.com` (full-width a) could be stored beside
-- `alice@example.com`, and an address with a zero-width space beside the same
-- one without.
--
-- Rows whose NFKC lower-case form is plain ASCII, and is no other row's, take
-- that form: the account's owner signs in as before. The rest (an invisible
-- or non-Latin character, or a twin of another row) are left as they are, to
-- be seen in `users` and deactivated by an admin: sign-in refuses their
-- spelling, so they can no longer be signed in to.
UPDATE app_user u SET email = c.canonical
FROM (SELECT id, lower(normalize(email, NFKC)) AS canonical FROM app_user) c
WHERE u.id = c.id
  AND c.canonical <> u.email
  AND c.canonical ~ '^[!-~]+$'
  AND NOT EXISTS (
    SELECT FROM app_user o WHERE o.id <> u.id AND lower(normalize(o.email, NFKC)) = c.canonical
  );

-- Every address written from now on is in the stored form; with the unique
-- index on email, no two such rows are spellings of one address. A trigger
-- on the email column rather than a CHECK constraint: the rows left above
-- must stay open to other changes (a deactivation, a new role).
CREATE FUNCTION etfql_refuse_non_canonical_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.email !~ '^[!-~]+$' OR NEW.email <> lower(NEW.email) OR char_length(NEW.email) > 254 THEN
    RAISE EXCEPTION 'app_user.email must be in its stored form (NFKC, lower-case, printable ASCII)'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER app_user_email_canonical BEFORE INSERT OR UPDATE OF email ON app_user
  FOR EACH ROW EXECUTE FUNCTION etfql_refuse_non_canonical_email();
