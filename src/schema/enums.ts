import { builder } from '../builder.js';
import {
  AssetClass as AssetClassValues,
  CorporateActionKind as CorporateActionKindValues,
  Role as RoleValues,
} from '../generated/prisma/enums.js';
import { PARAM_ENUMS } from '../indicators/params.js';

export const AssetClass = builder.enumType(AssetClassValues, {
  name: 'AssetClass',
  description: 'The broad kind of assets an ETF holds.',
});

export const Interval = builder.enumType('Interval', {
  description:
    'Bar size. WEEKLY and MONTHLY bars aggregate the daily ones of an ISO week (Monday to Sunday) or a calendar month: open = first, high = max, low = min, close = last, volume = sum, dated on the last trading day inside the period.',
  values: ['DAILY', 'WEEKLY', 'MONTHLY'] as const,
});

export const CorporateActionKind = builder.enumType(CorporateActionKindValues, {
  name: 'CorporateActionKind',
  description: 'A stock split or a cash dividend.',
});

export const VolatilityEstimator = builder.enumType('VolatilityEstimator', {
  description: 'How `volatility` estimates it: from closes alone, or from the range of each bar.',
  values: Object.fromEntries(
    Object.entries(PARAM_ENUMS.VolatilityEstimator).map(([value, description]) => [value, { description }]),
  ),
});

export const Role = builder.enumType(RoleValues, {
  name: 'Role',
  description: 'ADMIN manages users and keys and includes EDITOR, which loads data and includes VIEWER, which reads.',
});

/** The enum types of indicator arguments, by the name the catalog gives them. */
export const PARAM_ENUM_TYPES = { VolatilityEstimator };
