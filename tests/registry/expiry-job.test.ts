import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { runExpiryJob } from '../../shared/registry/expiry-job';
import { notifyPartition } from '../../shared/registry/notifications';
import type { EdgeServices as Services } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { createTestServices } from '../support/test-services';
import { postAs, recordBody, seedSubject } from './registry-fixtures';

describe('expiry job (DynamoDB Local)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let officer: TestAccount;
  const deps = () => ({ db: services.db, tableName: services.config.tableName, clock });

  const notices = async (producerId: string) => {
    const { Items = [] } = await services.db.send(
      new QueryCommand({ TableName: services.config.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': notifyPartition(producerId) } }),
    );
    return Items.map((i) => i.kind as string).sort();
  };

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    for (const id of ['htx-hh-1', 'htx-hh-2', 'htx-hh-3']) await seedSubject(services, id, '86');
    // Expires 2027-01-10 (48 days after "now"): the 90-day notice is due.
    const rec = (no: string, subjectId: string, decisionDate: string) =>
      postAs(app, '/api/registry/certificates', recordBody({ certificateNo: no, subjectId, productId: `${subjectId}-sp`, decisionDate }), officer.bearer);
    expect((await rec('HH-1', 'htx-hh-1', '2024-01-10')).status).toBe(201);
    // Expires 2029: nothing due for years.
    expect((await rec('HH-2', 'htx-hh-2', '2026-10-01')).status).toBe(201);
    // Expires 2026-12-20 but revoked: no notices for a revoked certificate.
    expect((await rec('HH-3', 'htx-hh-3', '2023-12-20')).status).toBe(201);
    const revoke = await postAs(app, '/api/registry/certificates/HH-3/revoke', { revocationDecisionNo: '3/QĐ', revokedOn: '2026-11-01', reason: 'Vi phạm' }, officer.bearer);
    expect(revoke.status).toBe(200);
  });

  it('writes the due notice once, however often it runs', async () => {
    const first = await runExpiryJob(deps());
    expect(first).toMatchObject({ examined: 1, noticesWritten: 1, noticesAlreadySent: 0 });
    const second = await runExpiryJob(deps());
    expect(second).toMatchObject({ examined: 1, noticesWritten: 0, noticesAlreadySent: 1 });
    expect(await notices('htx-hh-1')).toEqual(['d90']);
    expect(await notices('htx-hh-2')).toEqual([]);
    expect(await notices('htx-hh-3')).toEqual([]);
  });

  it('sends the 30-day, 7-day and expired notices as time passes, and marks the lapse once', async () => {
    clock.set('2026-12-15T03:00:00Z');
    await runExpiryJob(deps());
    clock.set('2027-01-05T03:00:00Z');
    await runExpiryJob(deps());
    clock.set('2027-01-10T17:00:00Z');
    const lapsed = await runExpiryJob(deps());
    expect(lapsed).toMatchObject({ noticesWritten: 1, markedExpired: 1 });
    expect((await runExpiryJob(deps())).markedExpired).toBe(0);
    expect(await notices('htx-hh-1')).toEqual(['d30', 'd7', 'd90', 'expired']);
  });

  it('stops watching a certificate once renewed into a later month, then watches the new expiry', async () => {
    clock.set('2027-01-11T03:00:00Z');
    // Months later: the officer signs in again.
    const later = await createTestAccount(services, 'officer', { provinceCode: '86' });
    const renew = await postAs(app, '/api/registry/certificates/HH-1/renew', { decisionNo: '20/QĐ-UBND', decisionDate: '2027-01-11' }, later.bearer);
    expect(renew.status).toBe(200);
    const report = await runExpiryJob(deps());
    expect(report).toMatchObject({ examined: 0, noticesWritten: 0 });
    clock.set('2029-12-01T03:00:00Z');
    expect(await runExpiryJob(deps())).toMatchObject({ examined: 1, noticesWritten: 1 });
    expect(await notices('htx-hh-1')).toEqual(['d30', 'd7', 'd90', 'd90', 'expired']);
  });
});
