// A price provider for the append workload, in a process of its own as a real
// one would be: serves the CSV files of a folder at /<name>.csv, and <T>.csv
// at Tiingo's /tiingo/daily/<T>/prices too, on 127.0.0.1, and prints its port.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const dir = process.argv[2] as string;
const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://provider');
  const tiingo = /^\/tiingo\/daily\/([^/]+)\/prices$/.exec(url.pathname);
  const name = tiingo ? `${decodeURIComponent(tiingo[1] as string)}.csv` : path.basename(url.pathname);
  try {
    response.writeHead(200, { 'content-type': 'text/csv' }).end(await readFile(path.join(dir, name)));
  } catch {
    response.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
