// Reads a fund's SEC Form N-PORT-P filing (the XML of its monthly portfolio)
// as it streams, one chunk at a time, into the positions the importer stores.
// Elements are matched by local name at their place in the document, so any
// namespace prefix reads the same (filers use a default namespace with com:
// and ncom: beside it), and an <identifiers> or <name> nested in a
// derivative's reference instrument is never taken for the position's own.
//
// Hostile files cost little: a DOCTYPE or ENTITY declaration refuses the
// file as soon as it streams by, before the parser sees it (N-PORT files have
// none, so nothing is lost, and no entity is ever defined, expanded or
// fetched); a run of text longer than MAX_TEXT, markup nested deeper than
// MAX_DEPTH, or more than MAX_POSITIONS positions stops the reading at once.
import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import { excerpt } from '../ingest/csv-lines.js';
import { bare, parseDate, parseNumber } from '../ingest/vendor-layout.js';
import { assetClassFromNportCode, assetClassFromWords } from './asset-class.js';
import { cusipFromIsin, presentOrNull, readCusip, readIsin } from './identifiers.js';
import { LenientFields } from './lenient-fields.js';
import type { FileProblem, HoldingsFile, Payoff, Position } from './position.js';
import { MAX_POSITIONS, MAX_PROBLEMS } from './position-checks.js';

/** Far beyond any element's text in a filing (a name is at most a few hundred characters). */
export const MAX_TEXT = 64 * 1024;
/** A filing nests about eight deep; a parser's stack of open elements stays small. */
export const MAX_DEPTH = 64;

const DOCTYPE_REASON = 'declares a DOCTYPE: entities are never expanded, and N-PORT files have none';
const DECLARATIONS = ['<!DOCTYPE', '<!ENTITY'];

/** The text (or attributes) of a position's elements, as written, with where they were. */
type RawPosition = {
  line: number;
  fields: Map<string, string>;
  attributes: Map<string, Record<string, string>>;
};

/** Where in the document the fields we read live, as paths of local names. */
const GEN_INFO = 'edgarSubmission/formData/genInfo';
const HEADER_SERIES = 'edgarSubmission/headerData/filerInfo/seriesClassInfo/seriesId';
const NET_ASSETS = 'edgarSubmission/formData/fundInfo/netAssets';
const POSITION = 'edgarSubmission/formData/invstOrSecs/invstOrSec';

/** A position's own fields: its direct children, and the identifiers directly under it. */
const POSITION_TEXT = new Set([
  'name',
  'title',
  'cusip',
  'balance',
  'units',
  'curCd',
  'valUSD',
  'pctVal',
  'payoffProfile',
  'assetCat',
  'invCountry',
]);
const POSITION_ATTRIBUTES = new Set([
  'currencyConditional',
  'assetConditional',
  'identifiers/isin',
  'identifiers/ticker',
]);

export async function readNportXml(source: AsyncIterable<string> | Iterable<string>): Promise<HoldingsFile> {
  const result: HoldingsFile = {
    format: 'NPORT',
    asOf: null,
    seriesId: null,
    fundName: null,
    netAssets: null,
    positions: [],
    problems: [],
    notes: [],
  };
  const { problems } = result;
  const lenient = new LenientFields();
  let stopped = false;
  const refuse = (line: number, reason: string) => {
    problems.push({ line, reason });
    stopped = true;
  };
  const parser = new SaxesParser({ xmlns: true, position: true });
  const path: string[] = [];
  let text = '';
  let tagLine = 1;
  let current: RawPosition | null = null;
  let headerSeriesId: string | null = null;
  let sawRepPdDate = false;
  let genInfoLine = 0;
  let positionCount = 0;

  parser.on('error', (error) => {
    if (stopped) return;
    let message = error.message.replace(/^\d+:\d+: /, '');
    if (message.startsWith('undefined entity')) {
      message = 'an undefined entity (only &amp; &lt; &gt; &quot; &apos; and &#…; character references exist here)';
    }
    refuse(parser.line, `the XML is not well formed: ${message}`);
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stopped) return;
    path.push(tag.local);
    text = '';
    if (path.length === 1 && tag.local !== 'edgarSubmission') {
      refuse(tagLine, `not an N-PORT filing: the root element is <${tag.local}>, not <edgarSubmission>`);
      return;
    }
    if (path.length > MAX_DEPTH) {
      refuse(tagLine, `elements are nested more than ${MAX_DEPTH} deep`);
      return;
    }
    const where = path.join('/');
    if (where === POSITION) {
      positionCount++;
      if (positionCount > MAX_POSITIONS) {
        refuse(tagLine, `more than ${MAX_POSITIONS.toLocaleString('en-US')} positions`);
        return;
      }
      current = { line: tagLine, fields: new Map(), attributes: new Map() };
    } else if (where === GEN_INFO) genInfoLine = tagLine;
    else if (current !== null) {
      const local = positionPath(path);
      if (local !== null && POSITION_ATTRIBUTES.has(local) && !current.attributes.has(local)) {
        current.attributes.set(local, attributeValues(tag.attributes as Record<string, SaxesAttributeNS>));
      }
    }
  });
  const addText = (piece: string) => {
    if (stopped) return;
    text += piece;
    if (text.length > MAX_TEXT) refuse(parser.line, `an element's text is longer than ${MAX_TEXT} characters`);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (stopped) return;
    const where = path.join('/');
    const value = bare(text);
    text = '';
    if (current !== null) {
      if (where === POSITION) {
        const position = toPosition(current, problems, lenient);
        if (position) result.positions.push(position);
        current = null;
      } else {
        const local = positionPath(path);
        if (local !== null && POSITION_TEXT.has(local) && !current.fields.has(local)) current.fields.set(local, value);
      }
    } else if (where === `${GEN_INFO}/repPdDate`) {
      sawRepPdDate = true;
      const date = parseDate(value);
      if (/^\d{4}-\d{2}-\d{2}$/.test(date)) result.asOf = date;
      else problems.push({ line: parser.line, reason: `repPdDate ${date}` });
    } else if (where === `${GEN_INFO}/seriesId`) result.seriesId = presentOrNull(value);
    else if (where === `${GEN_INFO}/seriesName`) result.fundName = value === '' ? null : value;
    else if (where === HEADER_SERIES) headerSeriesId = presentOrNull(value);
    else if (where === NET_ASSETS) {
      const number = parseNumber(value);
      if (typeof number === 'number') result.netAssets = number;
      else problems.push({ line: parser.line, reason: `netAssets ${number}` });
    }
    path.pop();
    if (problems.length >= MAX_PROBLEMS) stopped = true;
  });

  const scan = new DeclarationScan();
  for await (const chunk of source) {
    const found = scan.find(chunk);
    if (found !== null) {
      // Parse up to the declaration only, so that the line is where it starts.
      parser.write(chunk.slice(0, Math.max(0, found.index)));
      if (!stopped) refuse(parser.line, found.reason);
      break;
    }
    parser.write(chunk);
    if (stopped) break;
  }
  if (!stopped) parser.close();
  if (!stopped && !sawRepPdDate) problems.push({ line: genInfoLine, reason: 'missing repPdDate (genInfo)' });
  result.seriesId ??= headerSeriesId;
  if (problems.length > MAX_PROBLEMS) problems.length = MAX_PROBLEMS;
  result.notes.push(...lenient.notes());
  return result;
}

/** The path of an element below the current position ("cusip", "identifiers/isin"), or null. */
function positionPath(path: string[]): string | null {
  const depth = 4; // edgarSubmission/formData/invstOrSecs/invstOrSec
  if (path.length === depth + 1) return path[depth] as string;
  if (path.length === depth + 2 && path[depth] === 'identifiers') return `identifiers/${path[depth + 1]}`;
  return null;
}

function attributeValues(attributes: Record<string, SaxesAttributeNS>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const attribute of Object.values(attributes)) {
    if (attribute.prefix !== 'xmlns' && attribute.local !== 'xmlns') values[attribute.local] = attribute.value;
  }
  return values;
}

/**
 * Finds a DOCTYPE or ENTITY declaration in the stream, and a run without markup
 * longer than any element's text may be, as each chunk arrives: it keeps the
 * last characters of a chunk, so a declaration split across two is seen.
 */
class DeclarationScan {
  private tail = '';
  private sinceMarkup = 0;

  find(chunk: string): { index: number; reason: string } | null {
    const window = this.tail + chunk;
    for (const declaration of DECLARATIONS) {
      const at = window.indexOf(declaration);
      if (at !== -1) return { index: at - this.tail.length, reason: DOCTYPE_REASON };
    }
    this.tail = window.slice(-(DECLARATIONS[0] as string).length);
    // The text between two '<' holds one tag and the text after it: a tag is short.
    let from = 0;
    for (let at = chunk.indexOf('<'); at !== -1; at = chunk.indexOf('<', from)) {
      if (this.sinceMarkup + at - from > MAX_TEXT + 4096) return this.tooLong(at);
      this.sinceMarkup = 0;
      from = at + 1;
    }
    this.sinceMarkup += chunk.length - from;
    if (this.sinceMarkup > MAX_TEXT + 4096) return this.tooLong(chunk.length);
    return null;
  }

  private tooLong(index: number) {
    return { index, reason: `an element's text is longer than ${MAX_TEXT} characters` };
  }
}

const PAYOFFS: Record<string, Payoff | null> = { LONG: 'LONG', SHORT: 'SHORT', 'N/A': null, NA: null, '': null };

/** A position from its raw fields, or null with its problems added. */
function toPosition(raw: RawPosition, problems: FileProblem[], lenient: LenientFields): Position | null {
  const { line, fields, attributes } = raw;
  const before = problems.length;
  const problem = (reason: string) => problems.push({ line, reason });

  const name = presentOrNull(fields.get('name')) === null ? (fields.get('title') ?? '') : (fields.get('name') ?? '');
  if (presentOrNull(name) === null) problem('missing name (and no title)');

  const pctVal = fields.get('pctVal');
  const weight = pctVal === undefined ? 'is missing' : parseNumber(pctVal);
  if (typeof weight === 'string') problem(`pctVal ${weight}`);
  const number = (field: string) => {
    const value = fields.get(field);
    if (value === undefined || value === '') return null;
    const parsed = parseNumber(value);
    if (typeof parsed === 'string') {
      problem(`${field} ${parsed}`);
      return null;
    }
    return parsed;
  };
  const shares = number('balance');
  const marketValue = number('valUSD');

  const isin = readIsin(attributes.get('identifiers/isin')?.value);
  if ('problem' in isin) problem(isin.problem);
  let cusip = readCusip(fields.get('cusip'));
  if ('problem' in cusip) problem(cusip.problem);
  else if (cusip.value === null && 'value' in isin && isin.value !== null) {
    const derived = cusipFromIsin(isin.value);
    if (derived !== null) lenient.derivedCusip();
    cusip = { value: derived };
  }

  const payoffText = bare(fields.get('payoffProfile') ?? '').toUpperCase();
  const payoff = PAYOFFS[payoffText];
  if (payoff === undefined) problem(`payoffProfile ${excerpt(payoffText)} is not Long, Short or N/A`);

  const assetCat = presentOrNull(fields.get('assetCat'));
  const conditional = attributes.get('assetConditional');
  let assetCategory: string | null = assetCat;
  let assetClass = assetCat === null ? 'OTHER' : assetClassFromNportCode(assetCat);
  if (assetCat === null && conditional !== undefined) {
    // Off-list categories move to an attribute: <assetConditional assetCat="OTHER" desc="Right"/>.
    const desc = presentOrNull(conditional.desc);
    const code = presentOrNull(conditional.assetCat);
    assetCategory = conditional.desc?.trim() || code;
    assetClass = code !== null && code !== 'OTHER' && code !== 'OTH' ? assetClassFromNportCode(code) : 'OTHER';
    if (assetClass === 'OTHER' && desc !== null) assetClass = assetClassFromWords(desc);
  }

  const ticker = lenient.ticker(attributes.get('identifiers/ticker')?.value);
  const country = lenient.country(fields.get('invCountry'));
  const currency = lenient.currency(fields.get('curCd') ?? attributes.get('currencyConditional')?.curCd);

  if (problems.length > before || typeof weight === 'string' || payoff === undefined) return null;
  return {
    line,
    name: name.trim(),
    ticker,
    cusip: 'value' in cusip ? cusip.value : null,
    isin: 'value' in isin ? isin.value : null,
    assetCategory,
    assetClass,
    sector: null,
    country,
    currency,
    shares,
    units: presentOrNull(fields.get('units')),
    marketValue,
    weight,
    payoff,
  };
}
