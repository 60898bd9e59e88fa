/**
 * `npm run admin:create -- --email a@b.vn [--name "Tên"]` — creates an admin account, the first one
 * included (admins make officers through the API; nobody can register as an admin).
 *
 * Password: from env ADMIN_PASSWORD, else asked twice on the terminal without echo.
 * Database, in this order:
 *   --endpoint URL / DYNAMODB_ENDPOINT   a running DynamoDB Local (e.g. the one `npm start` uses)
 *   --aws                                 the AWS account of the default credential chain (AWS_REGION)
 *   neither                               starts DynamoDB Local on .data/dynamodb itself — stop `npm start` first
 * Table: --table NAME / TABLE_NAME, default `ocop-local` (the table `npm start` uses).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigSchema } from '../shared/config';
import { tableDefinition } from '../app/table';
import { ensureTable } from '../shared/db/create-table';
import { AppError } from '../shared/http/errors';
import { createAdmin } from '../shared/identity/admin-service';
import { createServices } from '../app/create-services';
import { startLocalDynamo, type LocalDynamo } from './local-dynamo';

const { values: args } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string', default: 'Quản trị viên' },
    table: { type: 'string', default: process.env.TABLE_NAME ?? 'ocop-local' },
    endpoint: { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
    aws: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`[admin:create] ${message}`);
  process.exit(1);
}

if (!args.email) fail('usage: npm run admin:create -- --email admin@example.vn [--name "Tên hiển thị"] [--endpoint URL | --aws] [--table NAME]');
if (args.aws && args.endpoint) fail('choose --aws or --endpoint, not both');

/** Reads one line from the terminal with echo off (raw mode), so the password never shows on screen. */
function readSecret(prompt: string): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let line = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolveLine(line);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') line = [...line].slice(0, -1).join('');
        else if (ch >= ' ') line += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function password(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) fail('set ADMIN_PASSWORD, or run in a terminal to be asked for the password');
  const first = await readSecret('Mật khẩu quản trị (10–200 ký tự): ');
  const again = await readSecret('Nhập lại mật khẩu: ');
  if (first !== again) fail('the two passwords differ');
  return first;
}

let local: LocalDynamo | undefined;
try {
  const secret = await password();
  let endpoint = args.endpoint;
  if (!endpoint && !args.aws) {
    console.log('[admin:create] starting DynamoDB Local on .data/dynamodb (stop `npm start` first, or pass its --endpoint)');
    local = await startLocalDynamo({ dataDir: resolve('.data/dynamodb') });
    endpoint = local.endpoint;
  }
  const config = ConfigSchema.parse({ tableName: args.table, dynamoEndpoint: endpoint, region: endpoint ? 'local' : process.env.AWS_REGION, stage: endpoint ? 'local' : 'prod', logLevel: 'SILENT' });
  const services = createServices(config);
  // Locally the table may not exist yet (a fresh .data); in AWS it belongs to the stack.
  if (endpoint) await ensureTable(services.dynamo, config.tableName, tableDefinition);
  const account = await createAdmin(services, { email: args.email, password: secret, displayName: args.name });
  console.log(`[admin:create] admin ${account.email} created (id ${account.id}) in table ${config.tableName}`);
} catch (error) {
  if (error instanceof AppError) {
    const details = Array.isArray(error.details) ? ` — ${(error.details as { path: string; message: string }[]).map((d) => `${d.path}: ${d.message}`).join('; ')}` : '';
    console.error(`[admin:create] ${error.code}: ${error.message}${details}`);
  } else {
    console.error(`[admin:create] ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
} finally {
  await local?.stop();
}
