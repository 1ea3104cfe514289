// GraphiQL without the internet: Yoga's default page loads GraphiQL from a CDN,
// so we serve the same build (@graphql-yoga/graphiql) from node_modules.
import { createRequire } from 'node:module';
import path from 'node:path';
import { staticFiles } from './static-files.js';

export const GRAPHIQL_ASSETS_PATH = '/graphiql-assets/';

const require = createRequire(import.meta.url);
const distDir = path.join(path.dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

const DAY = 'public, max-age=86400';
const JS = 'text/javascript; charset=utf-8';

/** The response for a GraphiQL asset name, or null when the name is not one of ours. */
export const graphiqlAsset = staticFiles(distDir, {
  'graphiql.css': { file: 'graphiql.css', type: 'text/css; charset=utf-8', cacheControl: DAY },
  'yoga-graphiql.umd.js': { file: 'yoga-graphiql.umd.js', type: JS, cacheControl: DAY },
  'editor.worker.js': { file: 'monacoeditorwork/editor.worker.bundle.js', type: JS, cacheControl: DAY },
  'json.worker.js': { file: 'monacoeditorwork/json.worker.bundle.js', type: JS, cacheControl: DAY },
  'graphql.worker.js': { file: 'monacoeditorwork/graphql.worker..bundle.js', type: JS, cacheControl: DAY },
});

const DEFAULT_QUERY = `# A chart's query: three ETFs, their last 5 closes, one request.
query Chart {
  etfsByTicker(tickers: ["SPY", "QQQ", "TLT"]) {
    ticker
    name
    prices(last: 5) { date close volume }
  }
}
`;

/** Yoga's renderGraphiQL hook: the GraphiQL page, every asset from this server. */
export function renderGraphiQL(options: Record<string, unknown> = {}): string {
  const settings = JSON.stringify({
    defaultQuery: DEFAULT_QUERY,
    initialQuery: DEFAULT_QUERY,
    ...options,
    title: 'etfql',
  }).replace(/</g, '\\u003c');
  const asset = (name: string) => `${GRAPHIQL_ASSETS_PATH}${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>etfql · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.css')}">
</head>
<body id="body" class="no-focus-outline">
<div id="root">Loading GraphiQL…</div>
<script>
// Monaco runs its language services in web workers, created from blob URLs
// of scripts that this server serves.
const workerUrls = {
  editorWorkerService: ${JSON.stringify(asset('editor.worker.js'))},
  json: ${JSON.stringify(asset('json.worker.js'))},
  graphql: ${JSON.stringify(asset('graphql.worker.js'))},
};
const workers = {};
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => workers[label] };
const workersReady = Promise.all(Object.entries(workerUrls).map(async ([label, url]) => {
  const source = await (await fetch(url)).text();
  workers[label] = URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
}));
</script>
<script src="${asset('yoga-graphiql.umd.js')}"></script>
<script>
workersReady.finally(() => YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${settings}));
</script>
</body>
</html>`;
}
