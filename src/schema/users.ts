// Accounts: the User type, signing in, `me`, and what admins do with users.
import { setTimeout as sleep } from 'node:timers/promises';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { badInput, forbidden, notFound, rateLimited, unauthenticated } from '../errors.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Role as RoleValues } from '../generated/prisma/enums.js';
import { normalizeEmail, validateAccount } from '../users/user-input.js';

export const Role = builder.enumType(RoleValues, {
  name: 'Role',
  description: 'ADMIN manages users and keys and includes EDITOR, which loads data and includes VIEWER, which reads.',
});

export const User = builder.prismaObject('User', {
  description: 'A person who signs in. The password never leaves the server.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: Role }),
    active: t.boolean({ resolve: (user) => user.deactivatedAt === null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const LoginPayload = builder.objectRef<{ token: string; expiresAt: Date; userId: number }>('LoginPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as "Authorization: Bearer <token>".' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.prismaField({
      type: 'User',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.prisma.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } }),
    }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    password: t.string({ required: true, description: 'At least 12 characters.' }),
    role: t.field({ type: Role, defaultValue: 'VIEWER' }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user; null for anonymous requests and API keys.',
    resolve: async (query, _root, _args, ctx) => {
      const principal = await ctx.principal();
      if (principal?.kind !== 'user') return null;
      return ctx.db.prisma.user.findUnique({ ...query, where: { id: principal.userId } });
    },
  }),
  users: t.prismaConnection({
    type: 'User',
    cursor: 'id',
    authScopes: { admin: true },
    description: 'Every account, oldest first. ADMIN only.',
    resolve: (query, _root, _args, ctx) => ctx.db.prisma.user.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description: 'Exchanges an email and password for a short-lived session token.',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const email = normalizeEmail(args.email);
      const keys = [`email:${email}`, `address:${ctx.clientAddress}`];
      const turn = ctx.loginThrottle.enter(keys);
      if (!turn) throw rateLimited('Too many sign-in attempts at once for this account or address: retry later.');
      let user: Awaited<ReturnType<typeof ctx.db.prisma.user.findUnique>>;
      try {
        await turn.ready;
        const delay = ctx.loginThrottle.delayFor(keys);
        if (delay > 0) await sleep(delay);
        user = await ctx.db.prisma.user.findUnique({ where: { email } });
        const ok = await verifyPassword(user?.passwordHash ?? null, args.password);
        if (!user || !ok || user.deactivatedAt) {
          ctx.loginThrottle.failed(keys);
          // One message for every failure: it must not tell which emails exist.
          throw unauthenticated('Wrong email or password, or the account is deactivated.');
        }
        ctx.loginThrottle.succeeded(keys);
      } finally {
        turn.done();
      }
      const { token, expiresAt } = await ctx.tokens.sign(user.id, user.sessionEpoch);
      return { token, expiresAt, userId: user.id };
    },
  }),

  signUp: t.field({
    type: LoginPayload,
    description: 'Creates a VIEWER account and signs it in, when the server allows self sign-up (ALLOW_SIGNUP).',
    args: {
      email: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      if (!ctx.config.auth.allowSignup) throw forbidden('Self sign-up is turned off on this server: ask an admin.');
      validateAccount(args);
      const user = await createAccount(ctx.db.prisma, { ...args, role: 'VIEWER' });
      const { token, expiresAt } = await ctx.tokens.sign(user.id, user.sessionEpoch);
      return { token, expiresAt, userId: user.id };
    },
  }),

  createUser: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: 'Creates an account. ADMIN only.',
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      validateAccount(input);
      const user = await createAccount(ctx.db.prisma, { ...input, role: input.role ?? 'VIEWER' });
      return ctx.db.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),

  setUserRole: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: "Changes an account's role; it takes effect on its next request. ADMIN only.",
    args: { id: t.arg.int({ required: true }), role: t.arg({ type: Role, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      await assertNotSelf(ctx, args.id, 'change your own role');
      const user = await updateUser(ctx, args.id, { role: args.role });
      return ctx.db.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),

  deactivateUser: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: 'Signs an account out and keeps it out; its data stays. ADMIN only.',
    args: { id: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      await assertNotSelf(ctx, args.id, 'deactivate yourself');
      const user = await updateUser(ctx, args.id, { deactivatedAt: new Date(), sessionEpoch: { increment: 1 } });
      return ctx.db.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),

  reactivateUser: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: 'Lets a deactivated account sign in again. ADMIN only.',
    args: { id: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const user = await updateUser(ctx, args.id, { deactivatedAt: null });
      return ctx.db.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
}));

async function createAccount(
  prisma: PrismaClient,
  input: { email: string; name: string; password: string; role: 'ADMIN' | 'EDITOR' | 'VIEWER' },
) {
  const email = normalizeEmail(input.email);
  try {
    return await prisma.user.create({
      data: { email, name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput([{ path: 'email', message: 'is already registered' }]);
    throw error;
  }
}

async function assertNotSelf(ctx: Context, id: number, what: string) {
  const principal = await ctx.principal();
  if (principal?.kind === 'user' && principal.userId === id) {
    throw badInput([{ path: 'id', message: `you cannot ${what}: ask another admin` }]);
  }
}

async function updateUser(
  ctx: Context,
  id: number,
  data: { role?: 'ADMIN' | 'EDITOR' | 'VIEWER'; deactivatedAt?: Date | null; sessionEpoch?: { increment: number } },
) {
  const existing = await ctx.db.prisma.user.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw notFound(`No user with id ${id}.`);
  const user = await ctx.db.prisma.user.update({ where: { id }, data });
  // The change must not wait for a cached lookup to expire.
  ctx.auth.invalidate();
  return user;
}
