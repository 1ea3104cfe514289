// A price provider for the append workload, in a process of its own as a real
// one would be: serves the CSV files of a folder at /<name>.csv on 127.0.0.1
// and prints its port.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const dir = process.argv[2] as string;
const server = createServer(async (request, response) => {
  const name = path.basename(request.url ?? '');
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
