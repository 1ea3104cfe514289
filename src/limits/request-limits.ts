// The cost and response limits one request gets: the anonymous ones, which are
// never above the others, unless it carries a credential.
import type { Config } from '../config.js';

type Limits = Pick<Config['limits'], 'maxCost' | 'maxResponseValues' | 'maxBodyBytes' | 'anonymous'>;
type RequestLimits = { maxCost: number; maxResponseValues: number; maxBodyBytes: number };

export function limitsFor(limits: Limits, hasCredentials: boolean): RequestLimits {
  if (hasCredentials) return limits;
  return {
    maxCost: Math.min(limits.maxCost, limits.anonymous.maxCost),
    maxResponseValues: Math.min(limits.maxResponseValues, limits.anonymous.maxResponseValues),
    maxBodyBytes: Math.min(limits.maxBodyBytes, limits.anonymous.maxBodyBytes),
  };
}
