// /metrics with several workers: whichever worker a scrape reaches asks the
// primary, which collects every worker's registry over the cluster's IPC
// channel (prom-client's AggregatorRegistry) and answers with their sum. So
// one scrape sees the whole server, whatever the number of workers.
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { registry } from './metrics.js';

const REQUEST = 'etfql:metrics-request';
const ANSWER = 'etfql:metrics-answer';
type Message = { type?: string; id?: number; text?: string; error?: string };

/** In the primary: answers workers' requests with the aggregated metrics of all workers. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker: Worker, message: Message) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text }),
      (error: Error) => worker.send({ type: ANSWER, id: message.id, error: error.message }),
    );
  });
}

let listening = false;
let nextId = 0;
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

/** In a worker, at start: answers the primary's collections with this worker's registry, and hears its answers. */
export function joinClusterMetrics(): void {
  if (listening) return;
  listening = true;
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  process.on('message', (message: Message) => {
    if (message?.type !== ANSWER || message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.text ?? '');
  });
}

/** In a worker: the metrics of every worker, through the primary. */
export function clusterMetricsText(): Promise<string> {
  joinClusterMetrics();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    process.send?.({ type: REQUEST, id });
  });
}
