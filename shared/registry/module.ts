import { ownerIndex } from '../db/owner-index';
import { defineModule } from '../module/define-module';
import { withRegistryIndexing } from '../search/indexing-stores';
import { DynamoCertificateStore, type CertificateStore } from './certificate-store';
import { DynamoImportJobStore } from './import-job-store';
import { CERTIFICATE_PREFIX } from './keys';
import { notificationInbox, type NotificationInbox } from './notification-inbox';
import { producerCertificatesReader, type ProducerCertificatesReader } from './producer-certificates';
import { DynamoRegistryStore, type RegistryStore } from './store';
import { registryRoutes } from './routes';

declare module '../services' {
  interface Services {
    certificates: CertificateStore;
    registry: RegistryStore;
    producerCertificates: ProducerCertificatesReader;
    notifications: NotificationInbox;
    /** CSV imports run as jobs, a slice per request (docs/registry.md). */
    importJobs: DynamoImportJobStore;
  }
}

/** The OCOP registry: certificates, their audit trail, expiry notices, verification (docs/registry.md). */
export const registryModule = defineModule({
  name: 'registry',
  keyPrefixes: [CERTIFICATE_PREFIX, 'CERTS#', 'EXPIRY#', 'AUDIT#CERT#', 'NOTIFY#', 'IMPORT#'],
  api: registryRoutes,
  services: (deps) => ({
    certificates: new DynamoCertificateStore(deps.db, deps.tableName),
    registry: new DynamoRegistryStore(deps.db, deps.tableName),
    producerCertificates: producerCertificatesReader(deps.db, deps.tableName),
    notifications: notificationInbox(deps.db, deps.tableName),
    importJobs: new DynamoImportJobStore(deps.db, deps.tableName),
  }),
  // Registry changes rewrite products in their own transaction, not through the catalogue store.
  searchHooks: (services) => ({ registry: withRegistryIndexing(services.registry, services.search) }),
  indexes: [ownerIndex],
  tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
  jobs: [
    {
      id: 'CertificateExpiry',
      description: 'Ocop market: daily OCOP certificate expiry notices (90/30/7 days, expired)',
      entry: 'functions/registry-jobs/expiry-handler.ts',
      schedule: { minute: '0', hour: '0' }, // 07:00 in Vietnam, before office hours
      timeoutMinutes: 5,
      // Query the expiry buckets, put notices, mark lapses; only those partitions (docs/registry.md).
      tableActions: ['Query', 'PutItem', 'UpdateItem'],
      leadingKeys: ['EXPIRY#*', 'NOTIFY#*'],
      localCommand: 'npm run registry:expire',
    },
  ],
});
