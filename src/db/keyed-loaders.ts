// One DataLoader per distinct set of field arguments, created on first use in a
// request: fields that share arguments share a batch, and so one SQL statement.
// Every batch notes the ETFs it reads (the response cache tags with them).
import DataLoader from 'dataloader';

/** Told the ids of the ETFs whose data a request read. */
export type EtfReads = (etfIds: readonly number[]) => void;

export function keyedLoaders<Args, Value>(
  keyOf: (args: Args) => string,
  batch: (args: Args, etfIds: readonly number[]) => Promise<Map<number, Value>>,
  missing: () => Value,
  noteReads: EtfReads,
): (args: Args) => DataLoader<number, Value> {
  const loaders = new Map<string, DataLoader<number, Value>>();
  return (args) => {
    const key = keyOf(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (etfIds) => {
        noteReads(etfIds);
        const values = await batch(args, etfIds);
        return etfIds.map((id) => values.get(id) ?? missing());
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}
