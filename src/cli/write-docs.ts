// npm run docs: rewrites the README's generated tables (src/docs/readme-tables.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { configurationTable, withSection } from '../docs/readme-tables.js';

let readme = await readFile('README.md', 'utf8');
for (const section of [configurationTable()]) readme = withSection(readme, section);
await writeFile('README.md', readme);
process.stdout.write('README.md: generated tables written\n');
