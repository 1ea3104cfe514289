// Part of `npm run codegen`: writes the indicator catalog the dashboard bundles.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { browserCatalogModule } from '../indicators/browser-catalog.js';

export const BROWSER_CATALOG_FILE = fileURLToPath(
  new URL('../dashboard/generated/indicator-catalog.ts', import.meta.url),
);

await writeFile(BROWSER_CATALOG_FILE, browserCatalogModule());
process.stdout.write(`Wrote ${BROWSER_CATALOG_FILE}\n`);
