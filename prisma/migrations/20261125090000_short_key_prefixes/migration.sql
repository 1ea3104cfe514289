-- Lists showed the first 14 characters of every key, which for ADMIN_API_KEY
-- (chosen by a person) could be most of the secret. Keys now show ten: a
-- generated key its first four random characters, the ADMIN_API_KEY only the
-- start of its SHA-256 (src/auth/api-keys.ts, visiblePrefix).
UPDATE "api_key"
SET "prefix" = CASE WHEN "name" = 'ADMIN_API_KEY' THEN '#' || left("hash", 9) ELSE left("prefix", 10) END;
