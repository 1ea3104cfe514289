// The in-process store of the response cache (src/cache/body-store.ts):
// bounded in entries and in bytes, evicted by tag, and once full a doorkeeper
// admits a response on its second request only, so responses asked for once
// do not push out those asked for again and again.
import { describe, expect, it } from 'vitest';
import { createMemoryBodyStore } from '../../src/cache/body-store.js';

const HOUR = 3_600_000;
const tag = (id: string) => ({ typename: 'Etf', id });

describe('the in-process response store', () => {
  it('keeps every response while it has room, and evicts exactly those of a tag', () => {
    const store = createMemoryBodyStore({ maxEntries: 10, maxBytes: 1_000 });
    store.set('a', 'body of a', [tag('1')], HOUR);
    store.set('b', 'body of b', [tag('1'), tag('2')], HOUR);
    store.set('c', 'body of c', [tag('3')], HOUR);
    expect(store.get('a')).toBe('body of a');
    store.invalidate([tag('2')]);
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual(['body of a', null, 'body of c']);
    store.invalidate([tag('1')]);
    expect([store.get('a'), store.get('c')]).toEqual([null, 'body of c']);
  });

  it('once full, admits a response on its second request, pushing out the least recently used', () => {
    const store = createMemoryBodyStore({ maxEntries: 3, maxBytes: 1_000 });
    for (const key of ['a', 'b', 'c']) store.set(key, key, [], HOUR);
    store.get('a');
    store.set('once', 'once', [], HOUR);
    expect(store.get('once')).toBeNull();
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual(['a', 'b', 'c']);
    store.get('a');
    store.get('c');
    store.set('twice', 'twice', [], HOUR);
    store.set('twice', 'twice', [], HOUR);
    expect(store.get('twice')).toBe('twice');
    expect(store.get('b')).toBeNull();
  });

  it('counts bytes: a response larger than the whole budget is never kept, and large ones push out others', () => {
    const store = createMemoryBodyStore({ maxEntries: 100, maxBytes: 100 });
    store.set('huge', 'x'.repeat(101), [], HOUR);
    store.set('huge', 'x'.repeat(101), [], HOUR);
    expect(store.get('huge')).toBeNull();
    store.set('a', 'a'.repeat(60), [tag('1')], HOUR);
    store.set('b', 'b'.repeat(60), [], HOUR);
    store.set('b', 'b'.repeat(60), [], HOUR);
    expect(store.get('a')).toBeNull();
    expect(store.get('b')).toBe('b'.repeat(60));
    // The evicted entry's tags went with it: evicting them touches nothing else.
    store.invalidate([tag('1')]);
    expect(store.get('b')).toBe('b'.repeat(60));
  });
});
