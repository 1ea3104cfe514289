// Accounts: the User type, signing in, `me`, and what admins do with users.
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import { changeAccount, createAccount, deactivation, REACTIVATION, refuseOwnAccount } from '../users/accounts.js';
import { signIn, startSession } from '../users/sign-in.js';
import { Role } from './enums.js';

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
    cacheScope: 'caller',
    type: 'User',
    nullable: true,
    description: 'The signed-in user; null for anonymous requests and API keys.',
    resolve: async (query, _root, _args, ctx) => {
      const principal = await ctx.caller.principal();
      if (principal?.kind !== 'user') return null;
      return ctx.db.prisma.user.findUnique({ ...query, where: { id: principal.userId } });
    },
  }),
  users: t.prismaConnection({
    cacheScope: 'caller',
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
    resolve: (_root, args, ctx) => signIn({ ...ctx, prisma: ctx.db.prisma }, args, ctx.caller.address),
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
      const user = await createAccount(ctx.db.prisma, { ...args, role: 'VIEWER' });
      return startSession(ctx.tokens, user);
    },
  }),

  createUser: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: 'Creates an account. ADMIN only.',
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      createAccount(ctx.db.prisma, { ...input, role: input.role ?? 'VIEWER' }, query),
  }),

  setUserRole: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: "Changes an account's role; it takes effect on its next request. ADMIN only.",
    args: { id: t.arg.int({ required: true }), role: t.arg({ type: Role, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      refuseOwnAccount(await ctx.caller.principal(), args.id, 'change your own role');
      return changeAccount(accounts(ctx), args.id, { role: args.role }, query);
    },
  }),

  deactivateUser: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: 'Signs an account out and keeps it out; its data stays. ADMIN only.',
    args: { id: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      refuseOwnAccount(await ctx.caller.principal(), args.id, 'deactivate yourself');
      return changeAccount(accounts(ctx), args.id, deactivation(), query);
    },
  }),

  reactivateUser: t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: 'Lets a deactivated account sign in again. ADMIN only.',
    args: { id: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) => changeAccount(accounts(ctx), args.id, REACTIVATION, query),
  }),
}));

const accounts = (ctx: Context) => ({ prisma: ctx.db.prisma, auth: ctx.auth });
