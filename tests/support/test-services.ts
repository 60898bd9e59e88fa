import { Logger } from '@aws-lambda-powertools/logger';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ConfigSchema } from '../../shared/config';
import { tableDefinition } from '../../app/table';
import { ensureTable } from '../../shared/db/create-table';
import { createServices, type EdgeServices } from '../../app/create-services';
import { type Services } from '../../shared/services';
import { ManualClock, type Clock } from '../../shared/time/clock';

export const silentLogger = () => new Logger({ serviceName: 'ocop-test', logLevel: 'SILENT' });

/** Services on a fresh table of the run's DynamoDB Local, so test files never see each other's data. */
export async function createTestServices(options: { clock?: Clock; tableName?: string } = {}): Promise<EdgeServices> {
  const endpoint = inject('dynamoEndpoint');
  const tableName = options.tableName ?? `test-${randomUUID().slice(0, 8)}`;
  const config = ConfigSchema.parse({ tableName, dynamoEndpoint: endpoint, region: 'local', stage: 'test', logLevel: 'SILENT' });
  const services = createServices(config, { clock: options.clock ?? new ManualClock('2026-11-23T03:00:00Z'), logger: silentLogger() });
  await ensureTable(services.dynamo, tableName, tableDefinition);
  return services;
}
