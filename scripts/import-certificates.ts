/**
 * `npm run registry:import -- --file chung-nhan.csv --actor "Tên người nhập" [--dry-run] [--endpoint URL | --aws] [--table NAME]`
 * Imports OCOP certificates from a UTF-8 CSV (columns: docs/registry.md § CSV import) through the
 * same checks as the officer API. --dry-run writes nothing and prints what each row would do. A rerun
 * of the same file skips rows already recorded ("unchanged"). Whoever runs this already holds table
 * credentials, so the import acts as an admin; the audit trail names it `import:<actor>`.
 * Exit code 1 when any row is an error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigSchema } from '../shared/config';
import { AppError } from '../shared/http/errors';
import type { Principal } from '../shared/identity/principal';
import { importCertificates, readCertificateCsv } from '../shared/registry/csv-import';
import { createServices } from '../app/create-services';

const { values: args } = parseArgs({
  options: {
    file: { type: 'string' },
    actor: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    table: { type: 'string', default: process.env.TABLE_NAME ?? 'ocop-local' },
    endpoint: { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
    aws: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`[registry:import] ${message}`);
  process.exit(1);
}

if (!args.file || !args.actor) fail('usage: npm run registry:import -- --file FILE.csv --actor "Tên" [--dry-run] [--endpoint URL | --aws] [--table NAME]');
if (!args.endpoint && !args.aws) fail('pass --endpoint URL (DynamoDB Local) or --aws');
if (args.endpoint && args.aws) fail('choose --aws or --endpoint, not both');

const config = ConfigSchema.parse({ tableName: args.table, dynamoEndpoint: args.endpoint, region: args.endpoint ? 'local' : process.env.AWS_REGION, stage: args.endpoint ? 'local' : 'prod', logLevel: 'SILENT' });
const services = createServices(config);
const actor = args.actor.trim();
const principal: Principal = {
  role: 'admin',
  accountId: `import:${actor}`,
  email: 'import@localhost',
  displayName: actor,
  session: { jti: 'cli-import', expiresAt: 0, via: 'bearer' },
};

try {
  const rows = readCertificateCsv(readFileSync(args.file, 'utf8'));
  const report = await importCertificates(services, principal, rows, { dryRun: args['dry-run'] });
  for (const row of report.rows) {
    const extra = row.outcome === 'error' ? ` ${row.code}: ${row.message}${row.details ? ` ${JSON.stringify(row.details)}` : ''}` : row.warnings?.length ? ` (cảnh báo: ${row.warnings.map((w) => w.code).join(', ')})` : '';
    console.log(`dòng ${row.line}\t${row.certificateNo ?? '—'}\t${row.outcome}${extra}`);
  }
  console.log(`[registry:import] ${report.dryRun ? 'DRY RUN — nothing written. ' : ''}${JSON.stringify(report.counts)}`);
  if (report.counts.error > 0) process.exitCode = 1;
} catch (error) {
  const message = error instanceof AppError ? `${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}` : error instanceof Error ? error.message : String(error);
  console.error(`[registry:import] ${message}`);
  process.exitCode = 1;
}
