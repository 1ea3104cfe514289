// A fixed set of files served from one directory, read once and kept in
// memory. Only the names listed are served: a request cannot reach anything else.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

type StaticFile = { file: string; type: string; cacheControl: string };

type StaticFiles = (name: string, ResponseClass: typeof Response) => Promise<Response | null>;

/** The response for a listed name, or null when it is not listed or (not yet) on disk. */
export function staticFiles(dir: string, files: Record<string, StaticFile>): StaticFiles {
  const cache = new Map<string, Promise<Buffer | null>>();
  return async (name, ResponseClass) => {
    const entry = Object.hasOwn(files, name) ? files[name] : undefined;
    if (!entry) return null;
    let body = cache.get(name);
    if (!body) {
      body = readFile(path.join(dir, entry.file)).catch(() => null);
      cache.set(name, body);
    }
    const bytes = await body;
    if (!bytes) {
      cache.delete(name); // a bundle built later is picked up
      return null;
    }
    return new ResponseClass(new Uint8Array(bytes), {
      headers: { 'content-type': entry.type, 'cache-control': entry.cacheControl },
    });
  };
}
