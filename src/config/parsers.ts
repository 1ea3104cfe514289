// Parsers for environment variables, shared by the declarations in settings.ts.
// Each carries its rule in words, completing "must be …": the error for a bad
// value ends with it, and the README and .env.example show it, so the bounds a
// setting is checked against and the bounds it is documented with are one text.

/** A refused value, with one reason per bad entry when the value is a list. */
export class Invalid {
  constructor(readonly reasons: string[] = []) {}
}

export type Parser<T> = {
  /** What a valid value is, completing "must be …"; undefined: any text. */
  readonly rule: string | undefined;
  /** Never echo the value in an error: a password, a key, or a URL that may hold either. */
  readonly secret?: boolean;
  /** Keep leading and trailing spaces: they are part of a password. */
  readonly untrimmed?: boolean;
  /** The text is never empty: an empty variable counts as unset. */
  parse(text: string): T | Invalid;
};

/** A parser with a value for when its variable is unset, so its setting needs no default. */
export type Optional<T> = Parser<T> & { readonly unset: T };

export function optional<T>(parser: Parser<T>): Optional<T | undefined>;
export function optional<T, U>(parser: Parser<T>, unset: U): Optional<T | U>;
export function optional<T, U>(parser: Parser<T>, unset?: U): Optional<T | U | undefined> {
  return { ...parser, unset };
}

/** The parsed value transformed (megabytes to bytes, a directory resolved, pairs to a record). */
export function map<A, B>(parser: Optional<A>, to: (value: A) => B): Optional<B>;
export function map<A, B>(parser: Parser<A>, to: (value: A) => B): Parser<B>;
export function map<A, B>(parser: Parser<A> & { unset?: A }, to: (value: A) => B): Parser<B> & { unset?: B } {
  const mapped: Parser<B> = {
    ...parser,
    parse(text) {
      const value = parser.parse(text);
      return value instanceof Invalid ? value : to(value);
    },
  };
  return 'unset' in parser ? { ...mapped, unset: to(parser.unset as A) } : mapped;
}

export function text(): Parser<string> {
  return { rule: undefined, parse: (value) => value };
}

/** A secret of at least this length; its value is never echoed. */
export function secret({ minLength, untrimmed = false }: { minLength: number; untrimmed?: boolean }): Parser<string> {
  return {
    rule: `at least ${minLength} characters long`,
    secret: true,
    untrimmed,
    parse: (value) => (value.length >= minLength ? value : new Invalid()),
  };
}

export function integer({ min, max, unit }: { min: number; max: number; unit?: string }): Parser<number> {
  return {
    rule: `an integer from ${min} to ${max}${unit ? ` (${unit})` : ''}`,
    parse(value) {
      const number = Number(value);
      return /^\d+$/.test(value) && number >= min && number <= max ? number : new Invalid();
    },
  };
}

/** Whole megabytes (binary: 1 MB = 1024 × 1024 bytes), read as bytes. */
export function bytesFromMb(bounds: { min: number; max: number }): Parser<number> {
  return map(integer({ ...bounds, unit: 'MB' }), (megabytes) => megabytes * 1024 * 1024);
}

/** `auto`, worked out when read, or what the parser accepts. */
export function autoOr<T>(parser: Parser<T>, auto: () => T): Parser<T> {
  return {
    ...parser,
    rule: `auto or ${parser.rule}`,
    parse: (value) => (value.toLowerCase() === 'auto' ? auto() : parser.parse(value)),
  };
}

export function boolean(): Parser<boolean> {
  return {
    rule: 'true or false',
    parse(value) {
      const word = value.toLowerCase();
      if (['true', '1', 'yes'].includes(word)) return true;
      if (['false', '0', 'no'].includes(word)) return false;
      return new Invalid();
    },
  };
}

export function oneOf<const T extends string>(values: readonly T[]): Parser<T> {
  return {
    rule: `one of ${values.join(', ')}`,
    parse: (value) => (values.includes(value as T) ? (value as T) : new Invalid()),
  };
}

/** Whether the value is this word; anything else, or nothing, is false. */
export function is(word: string): Optional<boolean> {
  return { rule: undefined, parse: (value) => value === word, unset: false };
}

/**
 * Comma-separated entries, each parsed alone. A bad entry is named by its text,
 * or by its position when the entries are secret (URLs with passwords in them).
 */
export function list<T>(entry: Parser<T>): Optional<T[]> {
  return {
    rule: `a comma-separated list, each ${entry.rule}`,
    secret: entry.secret,
    unset: [],
    parse(value) {
      const values: T[] = [];
      const reasons: string[] = [];
      const entries = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      entries.forEach((text, index) => {
        const parsed = entry.parse(text);
        if (!(parsed instanceof Invalid)) values.push(parsed);
        else if (entry.secret) reasons.push(`entry ${index + 1} must be ${entry.rule}`);
        else reasons.push(`"${text.slice(0, 40)}" is not ${entry.rule}`);
      });
      return reasons.length > 0 ? new Invalid(reasons) : values;
    },
  };
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** URLs are secret: they may hold a password or an API key. */
function url(rule: string, accepts: (url: URL) => boolean, prepare = (text: string) => text): Parser<string> {
  return {
    rule,
    secret: true,
    parse(value) {
      const parsed = parsedUrl(prepare(value));
      return parsed && accepts(parsed) ? value : new Invalid();
    },
  };
}

/** A connection string node-postgres reads as a URL: scheme, then a host (or a `host` parameter, for a socket). */
export function postgresUrl(): Parser<string> {
  return url(
    'a postgres:// or postgresql:// URL, e.g. postgresql://user:password@host:5432/etfql',
    (url) =>
      ['postgres:', 'postgresql:'].includes(url.protocol) && (url.hostname !== '' || url.searchParams.has('host')),
  );
}

export function redisUrl(): Parser<string> {
  return url('a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379', (url) =>
    ['redis:', 'rediss:'].includes(url.protocol),
  );
}

/** An http(s) URL with a placeholder in it, anywhere (the host included), that is a URL once filled in. */
export function httpUrlTemplate(placeholder: string, example: string): Parser<string> {
  const parser = url(
    `an http(s) URL with ${placeholder} in it, e.g. ${example}`,
    (url) => ['http:', 'https:'].includes(url.protocol),
    (text) => text.replaceAll(placeholder, 'x'),
  );
  return { ...parser, parse: (value) => (value.includes(placeholder) ? parser.parse(value) : new Invalid()) };
}

/** What a browser sends in its Origin header: scheme, host and port, no path. */
export function origin(): Parser<string> {
  return {
    rule: 'an origin like https://dash.example.com',
    parse: (value) => (parsedUrl(value)?.origin === value ? value : new Invalid()),
  };
}

/** TICKER=SYMBOL pairs, comma-separated: a record from the upper-case ticker. */
export function tickerSymbols(): Optional<Record<string, string>> {
  const pair: Parser<[string, string]> = {
    rule: 'TICKER=SYMBOL (e.g. BRK.B=BRK-B)',
    parse(value) {
      const match = /^([A-Za-z0-9.^-]{1,16})=([^\s,=]{1,32})$/.exec(value);
      return match ? [(match[1] as string).toUpperCase(), match[2] as string] : new Invalid();
    },
  };
  return map(list(pair), (pairs) => Object.fromEntries(pairs));
}
