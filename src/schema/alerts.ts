// Alerts: createAlert, updateAlert, deleteAlert, Query.alerts and each alert's
// events. An alert is its owner's (the user or API key that made it); only
// they and admins see or change it. Evaluation and delivery are src/alerts/.

import { ownerEvents } from '../alerts/alert-feed.js';
import { type AlertInput, newWebhookSecret, parseAlertInput } from '../alerts/alert-input.js';
import {
  type AlertEventRow,
  type AlertRow,
  alertEvents,
  createAlert,
  type DeliveryRow,
  deleteAlert,
  findAlert,
  listAlerts,
  type Owner,
  ownerOf,
  updateAlert,
} from '../alerts/alert-store.js';
import { seedAlertHoldings } from '../alerts/evaluate-alerts.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { badInput, notFound, unauthenticated } from '../errors.js';
import type { ScreenMetricName } from '../screen/screen-metrics.js';
import { Etf } from './etf.js';
import { takeFeedSlot } from './feed-slot.js';
import { ScreenFilter, ScreenValue } from './screen.js';

const MAX_ALERTS_LISTED = 1000;
const MAX_EVENTS_PAGE = 100;

async function ownerIn(ctx: Context): Promise<Owner> {
  const principal = await ctx.caller.principal();
  if (!principal) throw unauthenticated('Alerts belong to a signed-in user or an API key: send one.');
  return ownerOf(principal);
}

/** An alert id as the API shows it: its number, as text. */
function alertId(raw: string | number, path = 'id'): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1)
    throw badInput([{ path, message: 'is not an alert id' }]);
  return id;
}

export const AlertDelivery = builder.objectRef<DeliveryRow>('AlertDelivery').implement({
  description: 'One attempt to deliver an event to its webhook.',
  fields: (t) => ({
    attempt: t.exposeInt('attempt'),
    status: t.exposeInt('status', {
      nullable: true,
      description: 'The HTTP status answered; null when none (a timeout, a refused connection).',
    }),
    error: t.exposeString('error', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

export const AlertEvent = builder.objectRef<AlertEventRow>('AlertEvent').implement({
  description: "An alert fired: its condition became true on this ETF's bar (it was false on the bar before).",
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'Increasing: the `Last-Event-ID` of its stream and the id its webhook carries.',
    }),
    alertId: t.field({ type: 'ID', cacheScope: 'parent', resolve: (event) => String(event.alertId) }),
    ticker: t.exposeString('ticker'),
    etf: t.field({
      type: Etf,
      cacheScope: 'caller',
      resolve: async (event, _args, ctx) => {
        const etf = await ctx.loaders.holdings.etfs.load(event.etfId);
        if (!etf) throw notFound(`ETF ${event.etfId} is gone.`);
        return etf;
      },
    }),
    date: t.field({
      type: 'Date',
      description: 'The bar it fired on.',
      cacheScope: 'parent',
      resolve: (event) => event.date,
    }),
    values: t.field({
      type: [ScreenValue],
      description: 'The metrics the condition uses, on that bar, as the screen reports them.',
      cacheScope: 'parent',
      resolve: (event) =>
        Object.entries(event.values).map(([metric, value]) => ({ metric: metric as ScreenMetricName, value })),
    }),
    firedAt: t.expose('firedAt', { type: 'DateTime' }),
    deliveries: t.field({
      type: [AlertDelivery],
      description: 'Every attempt to deliver it to the webhook, in order (empty without a webhook).',
      cacheScope: 'caller',
      resolve: (event, _args, ctx) => ctx.loaders.alerts.deliveries.load(event.id),
    }),
  }),
});

const Alert = builder.objectRef<AlertRow>('Alert').implement({
  description: 'A standing condition in the screener’s language, fired for an ETF when it becomes true on a bar.',
  fields: (t) => ({
    id: t.field({ type: 'ID', cacheScope: 'parent', resolve: (alert) => String(alert.id) }),
    name: t.exposeString('name'),
    when: t.field({
      type: 'JSONObject',
      description: 'The condition, as given.',
      cacheScope: 'parent',
      resolve: (alert) => alert.condition,
    }),
    tickers: t.exposeStringList('tickers', { nullable: true, description: 'The ETFs it watches; null: every ETF.' }),
    webhookUrl: t.exposeString('webhookUrl', { nullable: true }),
    fireOnBackfill: t.exposeBoolean('fireOnBackfill', {
      description: 'Whether bars older than the last it judged (a backfill) may fire it.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    events: t.field({
      type: [AlertEvent],
      description: `Its events, newest first: \`first\` (1 to ${MAX_EVENTS_PAGE}) of those before the event \`before\`.`,
      args: { first: t.arg.int({ defaultValue: 20 }), before: t.arg.id() },
      cacheScope: 'caller',
      resolve: (alert, args, ctx) => {
        const first = args.first ?? 20;
        if (!Number.isInteger(first) || first < 1 || first > MAX_EVENTS_PAGE) {
          throw badInput([{ path: 'first', message: `must be from 1 to ${MAX_EVENTS_PAGE}, got ${first}` }]);
        }
        let before: bigint | null = null;
        if (args.before != null) {
          if (!/^\d{1,18}$/.test(String(args.before)))
            throw badInput([{ path: 'before', message: 'is not an event id' }]);
          before = BigInt(args.before);
        }
        return alertEvents(ctx.db.pool, alert.id, before, first);
      },
    }),
  }),
});

const CreateAlertInput = builder.inputType('CreateAlertInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    when: t.field({ type: ScreenFilter, required: true, description: 'The condition, as a screen’s `where`.' }),
    tickers: t.stringList({ description: 'The ETFs to watch; omitted: every ETF.' }),
    webhookUrl: t.string({
      description:
        'Where each event is POSTed, signed (see the README); refused if its host is a loopback, private or link-local address.',
    }),
    fireOnBackfill: t.boolean({
      defaultValue: false,
      description: 'Let bars older than the last judged (a backfill) fire it.',
    }),
  }),
});

const UpdateAlertInput = builder.inputType('UpdateAlertInput', {
  description:
    'What to change; omitted fields stay. `tickers: null` watches every ETF; `webhookUrl: null` removes the webhook.',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    when: t.field({ type: ScreenFilter }),
    tickers: t.stringList(),
    webhookUrl: t.string(),
    fireOnBackfill: t.boolean(),
    rotateSecret: t.boolean({
      defaultValue: false,
      description: 'Make a new webhook secret (shown once in the payload).',
    }),
  }),
});

const AlertPayload = builder.objectRef<{ alert: AlertRow; secret: string | null }>('AlertPayload').implement({
  fields: (t) => ({
    alert: t.field({ type: Alert, cacheScope: 'parent', resolve: (payload) => payload.alert }),
    secret: t.exposeString('secret', {
      nullable: true,
      description: "The webhook's signing secret, shown this once (when a webhook is set, or rotated); null otherwise.",
    }),
  }),
});

/** A field present in an input object, as opposed to absent (null is present). */
const given = (input: object, key: string) => Object.hasOwn(input, key);

builder.queryFields((t) => ({
  alerts: t.field({
    type: [Alert],
    authScopes: { owner: true },
    cacheScope: 'caller',
    description: `The caller's alerts, oldest first (an admin's \`all: true\`: everyone's), at most ${MAX_ALERTS_LISTED}.`,
    args: { all: t.arg.boolean({ defaultValue: false }) },
    resolve: async (_root, args, ctx) => {
      const owner = await ownerIn(ctx);
      if (args.all && !owner.admin) throw badInput([{ path: 'all', message: 'only an admin sees every alert' }]);
      return listAlerts(ctx.db.pool, owner, args.all ?? false, MAX_ALERTS_LISTED);
    },
  }),
}));

builder.mutationFields((t) => ({
  createAlert: t.field({
    type: AlertPayload,
    authScopes: { owner: true },
    description:
      'A standing condition, fired for an ETF on a bar where `when` holds while it did not on its previous bar, after every write of bars; delivered to `alertTriggered` and, with `webhookUrl`, to a signed webhook.',
    args: { input: t.arg({ type: CreateAlertInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const owner = await ownerIn(ctx);
      const { change, problems } = await parseAlertInput(ctx.db.pool, args.input as AlertInput, {
        creating: true,
        allowPrivateWebhooks: ctx.config.alerts.allowPrivateWebhooks,
      });
      if (problems.length > 0) throw badInput(problems);
      const secret = change.webhookUrl ? newWebhookSecret() : null;
      const id = await createAlert(
        ctx.db.pool,
        owner,
        {
          name: change.name as string,
          condition: change.condition as NonNullable<typeof change.condition>,
          etfIds: change.etfIds,
          webhookUrl: change.webhookUrl,
          fireOnBackfill: change.fireOnBackfill ?? false,
        },
        secret,
        ctx.config.alerts.perOwner,
      );
      await seedAlertHoldings(ctx.db.pool, id);
      return { alert: (await findAlert(ctx.db.pool, owner, id)) as AlertRow, secret };
    },
  }),
  updateAlert: t.field({
    type: AlertPayload,
    authScopes: { owner: true },
    args: { input: t.arg({ type: UpdateAlertInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const owner = await ownerIn(ctx);
      const id = alertId(args.input.id, 'input.id');
      const raw = args.input as AlertInput & { rotateSecret?: boolean | null };
      const input: AlertInput = {};
      for (const key of ['name', 'when', 'tickers', 'webhookUrl', 'fireOnBackfill'] as const) {
        if (given(raw, key)) Object.assign(input, { [key]: raw[key] });
      }
      const { change, problems } = await parseAlertInput(ctx.db.pool, input, {
        creating: false,
        allowPrivateWebhooks: ctx.config.alerts.allowPrivateWebhooks,
      });
      if (problems.length > 0) throw badInput(problems);
      const before = await findAlert(ctx.db.pool, owner, id);
      if (!before) throw notFound(`No alert ${id} of yours.`);
      const newWebhook = typeof change.webhookUrl === 'string' && before.webhookUrl === null;
      const secret =
        newWebhook || (raw.rotateSecret && (change.webhookUrl ?? before.webhookUrl)) ? newWebhookSecret() : null;
      await updateAlert(ctx.db.pool, owner, id, change, secret);
      if (change.condition || change.etfIds !== undefined) await seedAlertHoldings(ctx.db.pool, id);
      return { alert: (await findAlert(ctx.db.pool, owner, id)) as AlertRow, secret };
    },
  }),
  deleteAlert: t.boolean({
    authScopes: { owner: true },
    description: 'Deletes an alert of yours with its events; false when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => deleteAlert(ctx.db.pool, await ownerIn(ctx), alertId(args.id)),
  }),
}));

/** An event id from the `after` argument or the Last-Event-ID header (what EventSource sends when it reconnects). */
function replayFrom(raw: string | number | null | undefined, request: Request | undefined): bigint | null {
  const text = raw != null ? String(raw) : (request?.headers.get('last-event-id') ?? null);
  if (text === null || text.trim() === '') return null;
  if (!/^\d{1,18}$/.test(text.trim())) throw badInput([{ path: 'after', message: 'is not an event id' }]);
  return BigInt(text.trim());
}

builder.subscriptionFields((t) => ({
  alertTriggered: t.field({
    type: AlertEvent,
    authScopes: { owner: true },
    description: `Your alerts' events as they fire, over server-sent events; each has an \`id:\`. Reconnecting with \`Last-Event-ID\` (or \`after\`) first replays the events after it, of the last ${24} hours. Counts against the subscription limits of pricesUpdated.`,
    args: { after: t.arg.id({ description: 'Replay the events after this one first (what Last-Event-ID says).' }) },
    subscribe: async (_root, args, ctx) => {
      const owner = await ownerIn(ctx);
      const after = replayFrom(args.after, (ctx as unknown as { request?: Request }).request);
      const release = await takeFeedSlot(ctx, ctx.alertFeed);
      return ownerEvents(ctx.db.pool, ctx.alertFeed, owner, after, release);
    },
    resolve: (event) => event as AlertEventRow,
  }),
}));
