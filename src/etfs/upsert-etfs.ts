// Creates or updates ETFs by ticker, all or none: every input is checked first
// (all problems at once, duplicate tickers included), then one upsert each in
// one transaction. Each upsert takes the caller's selection (Pothos's `query`),
// so the rows it returns are what the response needs: no re-read.
import { badInput, type InputProblem } from '../errors.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { type EtfInput, type EtfWrite, parseEtfInput } from './etf-input.js';

export const MAX_ETFS_PER_CALL = 1000;

type Selection = Omit<Prisma.EtfUpsertArgs, 'where' | 'create' | 'update'>;

/** The ETFs in input order, as `query` selects them. */
export async function upsertEtfs(
  prisma: PrismaClient,
  inputs: readonly EtfInput[],
  query: Selection = {},
  path = (index: number) => `inputs[${index}]`,
) {
  if (inputs.length > MAX_ETFS_PER_CALL) {
    throw badInput([{ path: 'inputs', message: `at most ${MAX_ETFS_PER_CALL} ETFs per call, got ${inputs.length}` }]);
  }
  const problems: InputProblem[] = [];
  const writes: EtfWrite[] = [];
  const seen = new Map<string, number>();
  inputs.forEach((input, index) => {
    const parsed = parseEtfInput(input, path(index));
    problems.push(...parsed.problems);
    if (!parsed.write) return;
    const first = seen.get(parsed.write.ticker);
    if (first !== undefined) {
      problems.push({ path: `${path(index)}.ticker`, message: `duplicates ${path(first)} (${parsed.write.ticker})` });
    }
    seen.set(parsed.write.ticker, index);
    writes.push(parsed.write);
  });
  if (problems.length > 0) throw badInput(problems);
  return prisma.$transaction(
    writes.map((write) =>
      prisma.etf.upsert({ ...query, where: { ticker: write.ticker }, create: write.create, update: write.update }),
    ),
  );
}

export async function upsertEtf(prisma: PrismaClient, input: EtfInput, query: Selection = {}) {
  const [etf] = await upsertEtfs(prisma, [input], query, () => 'input');
  return etf as NonNullable<typeof etf>;
}
