// .env.example, generated from the declarations in src/config/settings.ts by
// `npm run docs` (test/architecture/config.test.ts fails when the file holds anything else):
// each variable with its meaning, its bounds and its default.
import { type Config, SETTINGS } from '../config/settings.js';

/** A heading before the first setting of these groups. */
const SECTIONS: Partial<Record<keyof Config, string>> = {
  auth: 'Accounts',
  limits: 'Limits',
  responseCache: 'Response cache',
  priceSource: 'Daily update (npm run update)',
};

const INTRODUCTION = `etfql reads its configuration from the environment, and from a .env file in the working directory (variables already set win). Every variable is optional; start-up stops on bad values, naming each. Generated from src/config/settings.ts by \`npm run docs\`: edit there, not here.`;

/** Markdown as plain text: no code spans, and links to the README's sections by name. */
const plain = (markdown: string) => markdown.replaceAll('`', '').replace(/\[([^\]]+)\]\(#[^)]+\)/g, '$1 in README.md');

/** A sentence: capitalised, unless it starts with code (a value is spelled as written), and closed. */
const sentence = (markdown: string) =>
  `${markdown.startsWith('`') ? markdown : markdown[0]?.toUpperCase() + markdown.slice(1)}.`;

/** Comment lines of at most 80 characters, broken between words. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/)) {
    if (line.length > 1 && line.length + 1 + word.length > 80) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** A heading as wide as the comments. */
const heading = (title: string) => `# --- ${title} `.padEnd(80, '-');

export function envExample(): string {
  const lines = comment(INTRODUCTION);
  let group: string | undefined;
  for (const { path, setting } of SETTINGS) {
    const section = SECTIONS[path[0] as keyof Config];
    if (section && path[0] !== group) lines.push('', heading(section));
    group = path[0];
    lines.push('', ...comment(plain(sentence(setting.description))));
    if (setting.parser.rule !== undefined) lines.push(...comment(`Must be ${setting.parser.rule}`));
    lines.push(`${setting.env}=${setting.default ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
