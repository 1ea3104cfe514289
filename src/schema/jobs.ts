// Background jobs for admins: the queue and how far the stored indicators are
// behind (src/jobs/). Etf.storedIndicatorsThrough is on each ETF.
import { builder } from '../builder.js';
import { type JobReport, type JobRow, jobReport } from '../jobs/job-report.js';

const JobState = builder.enumType('JobState', {
  description: 'WAITING to run, RUNNING now, RETRYING after a failed attempt, FAILED after its last attempt.',
  values: ['WAITING', 'RUNNING', 'RETRYING', 'FAILED'] as const,
});

const Job = builder.objectRef<JobRow>('Job').implement({
  description: 'A job in the queue. Jobs leave the queue when they succeed.',
  fields: (t) => ({
    id: t.exposeID('id'),
    task: t.exposeString('task', { description: 'What it does, e.g. refresh-stored-indicators.' }),
    ticker: t.exposeString('ticker', { nullable: true, description: 'The ETF it works on, when it works on one.' }),
    state: t.field({ type: JobState, resolve: (job) => job.state }),
    attempts: t.exposeInt('attempts'),
    maxAttempts: t.exposeInt('maxAttempts'),
    lastError: t.exposeString('lastError', { nullable: true }),
    runAt: t.expose('runAt', { type: 'DateTime', description: 'When it runs next (later after each failure).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const TaskBacklog = builder.objectRef<JobReport['backlog'][number]>('TaskBacklog').implement({
  description: 'The jobs of one task in the queue (deliver-alert-webhook: alert deliveries not yet accepted).',
  fields: (t) => ({
    task: t.exposeString('task'),
    waiting: t.exposeInt('waiting', { description: 'Not yet tried.' }),
    retrying: t.exposeInt('retrying', { description: 'Failed at least once; tried again later (backoff).' }),
    failed: t.exposeInt('failed', { description: 'Out of attempts: kept for an admin to see.' }),
  }),
});

const JobsReport = builder.objectRef<JobReport>('JobsReport').implement({
  fields: (t) => ({
    backlog: t.field({
      cacheScope: 'parent',
      type: [TaskBacklog],
      description: 'Queued jobs counted by task.',
      resolve: (report) => report.backlog,
    }),
    etfsCurrent: t.exposeInt('etfsCurrent', { description: 'ETFs whose stored indicators cover every bar.' }),
    etfsBehind: t.exposeInt('etfsBehind', {
      description: 'ETFs whose stored indicators a job has still to bring up to date (reads compute them meanwhile).',
    }),
    jobs: t.field({
      cacheScope: 'parent',
      type: [Job],
      description: 'Jobs waiting, running or failed, the next to run first (500 at most).',
      resolve: (report) => report.jobs,
    }),
  }),
});

builder.queryFields((t) => ({
  jobs: t.field({
    type: JobsReport,
    authScopes: { admin: true },
    cacheScope: 'caller',
    description: 'The background job queue and the progress of the stored indicators. ADMIN only.',
    resolve: (_root, _args, ctx) => jobReport(ctx.db.pool),
  }),
}));

builder.prismaObjectFields('Etf', (t) => ({
  storedIndicatorsThrough: t.expose('storedIndicatorsThrough', {
    type: 'Date',
    nullable: true,
    description:
      'The last date whose stored indicators are current. After a large load a job brings it up to the last bar; until then `indicators` computes the later bars on demand, to the same values.',
  }),
}));
