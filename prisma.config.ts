import { defineConfig } from 'prisma/config';

// The Prisma CLI reads DATABASE_URL for `prisma migrate` and `prisma studio`.
// The app itself does not depend on this file: it resolves its database in
// src/db/database.ts (DATABASE_URL, or an embedded PostgreSQL).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
