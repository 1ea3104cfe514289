// README tables generated from the code they describe, so they cannot drift:
// `npm run docs` writes them between their markers; test/architecture/config.test.ts and
// test/architecture/readme-examples.test.ts fail when the README holds anything else.
// .env.example is generated too: src/docs/env-example.ts.
import { type GraphQLSchema, isObjectType } from 'graphql';
import { SETTINGS } from '../config/settings.js';
import { ERROR_CATALOGUE } from '../error-catalogue.js';

type GeneratedSection = { marker: string; text: string };

/** Markdown with its columns padded, as Biome and Prettier print tables. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** URLs as code, so that the README does not link to examples. */
const urlsAsCode = (text: string) => text.replace(/[a-z]+:\/\/\S*/g, '`$&`');

/** Every setting with its default and bounds, from src/config/settings.ts. */
export function configurationTable(): GeneratedSection {
  const rows = SETTINGS.map(({ setting }) => [
    `\`${setting.env}\``,
    setting.default === undefined ? '—' : `\`${setting.default}\``,
    setting.parser.rule === undefined ? '—' : urlsAsCode(setting.parser.rule),
    setting.description,
  ]);
  return { marker: 'configuration', text: table(['variable', 'default', 'allowed', 'meaning'], rows) };
}

/** Which operations each role may run, from the auth scopes the schema's fields declare. */
export function rolesTable(schema: GraphQLSchema): GeneratedSection {
  const byScope = new Map<string, string[]>();
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!isObjectType(root)) continue;
    for (const [name, field] of Object.entries(root.getFields())) {
      const scopes = (field.extensions?.pothosOptions as { authScopes?: Record<string, boolean> } | undefined)
        ?.authScopes;
      const scope = Object.keys(scopes ?? {})[0] ?? 'open';
      byScope.set(scope, [...(byScope.get(scope) ?? []), `\`${name}\``]);
    }
  }
  const list = (scope: string) => (byScope.get(scope) ?? []).join(', ');
  const rows = [
    ['anyone', `${list('open')} (\`signUp\` only with \`ALLOW_SIGNUP=true\`; \`me\` is null without a session)`],
    [
      '`VIEWER`',
      `read: ${list('reader')} (also anonymous, unless \`PUBLIC_READ=false\`); signed in: ${list('user')}; signed in or with a key, their own: ${list('owner')}`,
    ],
    ['`EDITOR`', `everything a viewer may, and load data: ${list('editor')}`],
    ['`ADMIN`', `everything, and manage accounts and keys: ${list('admin')}`],
  ];
  return { marker: 'roles', text: table(['role', 'may'], rows) };
}

/** Every code a client can get, from the catalogue, in its order. */
export function errorsTable(): GeneratedSection {
  const rows = Object.entries(ERROR_CATALOGUE).map(([code, entry]) => [
    `\`${code}\``,
    'status' in entry ? String(entry.status) : '—',
    entry.when,
    entry.remedy,
  ]);
  return { marker: 'errors', text: table(['code', 'HTTP', 'when', 'what to do'], rows) };
}

const markers = (marker: string) => [`<!-- generated: ${marker} -->`, `<!-- end: ${marker} -->`] as const;

/** The section between a marker pair as the README holds it, or null when the markers are missing. */
export function currentSection(readme: string, marker: string): string | null {
  const [start, end] = markers(marker);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  return from < 0 || to < from ? null : readme.slice(from + start.length, to).trim();
}

export function withSection(readme: string, section: GeneratedSection): string {
  const [start, end] = markers(section.marker);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
  return `${readme.slice(0, from + start.length)}\n\n${section.text}\n\n${readme.slice(to)}`;
}
