// The sign-in throttle: what it keeps is bounded whatever a client sends, and
// a success forgives only the caller's own failures on that account, never the
// failures its address made on other accounts (password spraying).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenService } from '../../src/auth/tokens.js';
import { DomainError } from '../../src/errors.js';
import { createLoginThrottle, LOGIN_THROTTLE_CAPACITY, type LoginThrottle } from '../../src/users/login-throttle.js';
import { signIn } from '../../src/users/sign-in.js';
import { createUser, PASSWORD } from '../helpers/accounts.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

describe('memory', () => {
  it('keeps a fixed number of entries, however many distinct keys fail', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < LOGIN_THROTTLE_CAPACITY; i++)
      throttle.failed({ account: `a${i}@example.com`, address: `${i}` });
    expect(throttle.size()).toBeLessThanOrEqual(LOGIN_THROTTLE_CAPACITY);
  });

  it('holds a fixed size per entry, however long the key it is given', () => {
    const throttle = createLoginThrottle();
    const before = liveHeapMb();
    // 2,000 failures with keys of 64 KiB each: 250 MiB if the keys were kept (as the account's and the pair's).
    for (let i = 0; i < 2_000; i++) {
      throttle.failed({ account: `${String(i).padStart(6, '0')}${'x'.repeat(65_536)}`, address: '10.0.0.1' });
    }
    // The account and the pair of each, and the one address.
    expect(throttle.size()).toBe(4_001);
    expect(liveHeapMb() - before).toBeLessThan(5);
  });
});

describe('password spraying', () => {
  let t: TestDatabase;
  const tokens = createTokenService(['a-test-secret-that-is-long-enough-0123456789'], 900);

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const email of ['victim1@example.com', 'victim2@example.com', 'own@example.com'])
      await createUser(t.db, email);
  });
  afterAll(() => t?.close());

  /** A real throttle that also notes the delay each attempt was given. */
  function recordingThrottle(): { throttle: LoginThrottle; delays: number[] } {
    const real = createLoginThrottle();
    const delays: number[] = [];
    const throttle: LoginThrottle = {
      ...real,
      async delayFor(keys) {
        const delay = await real.delayFor(keys);
        delays.push(delay);
        return delay;
      },
    };
    return { throttle, delays };
  }

  const attempt = async (throttle: LoginThrottle, email: string, password: string, address: string) => {
    try {
      await signIn({ prisma: t.db.prisma, tokens, loginThrottle: throttle }, { email, password }, address);
      return 'signed in';
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
  };

  it('slows an address down that signs in to its own account after every two guesses at others', async () => {
    const { throttle, delays } = recordingThrottle();
    for (let round = 0; round < 2; round++) {
      expect(await attempt(throttle, 'victim1@example.com', 'guess-guess-guess', '10.1.1.1')).toBe('UNAUTHENTICATED');
      expect(await attempt(throttle, 'victim2@example.com', 'guess-guess-guess', '10.1.1.1')).toBe('UNAUTHENTICATED');
      expect(await attempt(throttle, 'own@example.com', PASSWORD, '10.1.1.1')).toBe('signed in');
    }
    // The address's four failures stand: the 3rd free, then 250 ms, then 500 ms.
    expect(delays).toEqual([0, 0, 0, 0, 250, 500]);
  });

  it('still forgives a person their own typos once they sign in', async () => {
    const { throttle, delays } = recordingThrottle();
    for (let round = 0; round < 3; round++) {
      expect(await attempt(throttle, 'own@example.com', 'mistyped-password', '10.2.2.2')).toBe('UNAUTHENTICATED');
      expect(await attempt(throttle, 'own@example.com', 'mistyped-password', '10.2.2.2')).toBe('UNAUTHENTICATED');
      expect(await attempt(throttle, 'own@example.com', PASSWORD, '10.2.2.2')).toBe('signed in');
    }
    expect(delays.every((delay) => delay === 0)).toBe(true);
  });

  it('does not forgive the failures made on the account from other addresses', async () => {
    const { throttle, delays } = recordingThrottle();
    for (const address of ['10.3.0.1', '10.3.0.2', '10.3.0.3', '10.3.0.4']) {
      expect(await attempt(throttle, 'victim1@example.com', 'guess-guess-guess', address)).toBe('UNAUTHENTICATED');
    }
    expect(await attempt(throttle, 'victim1@example.com', PASSWORD, '10.3.0.5')).toBe('signed in');
    expect(await attempt(throttle, 'victim1@example.com', 'guess-guess-guess', '10.3.0.6')).toBe('UNAUTHENTICATED');
    // Four failures on the account before the success, and still four after it.
    expect(delays).toEqual([0, 0, 0, 250, 500, 500]);
  });
});
