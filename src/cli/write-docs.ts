// npm run docs: rewrites the README's generated tables (src/docs/readme-tables.ts)
// and .env.example (src/docs/env-example.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { envExample } from '../docs/env-example.js';
import { configurationTable, errorsTable, rolesTable, withSection } from '../docs/readme-tables.js';
import { schema } from '../schema/index.js';

let readme = await readFile('README.md', 'utf8');
for (const section of [configurationTable(), rolesTable(schema), errorsTable()]) readme = withSection(readme, section);
await writeFile('README.md', readme);
await writeFile('.env.example', envExample());
process.stdout.write('README.md and .env.example: generated sections written\n');
