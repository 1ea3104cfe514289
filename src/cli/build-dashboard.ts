// npm run build: bundles the dashboard into dist/dashboard.
import { buildDashboard, dashboardDir } from '../http/dashboard-assets.js';

await buildDashboard();
process.stdout.write(`Built the dashboard into ${dashboardDir}\n`);
