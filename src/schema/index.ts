// Imports every feature for its side effects on the builder, then builds.
// No feature file imports this one, which keeps the import graph acyclic.
import { builder } from '../builder.js';
import './enums.js';
import './etf.js';
import './prices.js';
import './price-series.js';
import './etf-mutations.js';
import './price-loading.js';
import './corporate-actions.js';
import './prices-updated.js';
import './indicators.js';
import './performance.js';
import './correlation.js';
import './screen.js';
import './users.js';
import './api-keys.js';
import './watchlist.js';
import './jobs.js';
import './adjustment-differences.js';
import './holdings.js';
import './exposure.js';
import './overlap.js';
import './holders.js';
import './look-through.js';
import './holdings-updated.js';
import './alerts.js';

export const schema = builder.toSchema({ sortSchema: false });
