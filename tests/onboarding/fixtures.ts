import { randomUUID } from 'node:crypto';
import type { Application } from '../../shared/onboarding/application';
import type { Services } from '../../shared/services';
import { createTestAccount } from '../authz/accounts';

/** A pending application of a fresh, unbound producer account, written through the real store. */
export async function pendingApplication(services: Services, provinceCode: string): Promise<Application> {
  const applicant = await createTestAccount(services, 'producer');
  const at = services.clock.now().toISOString();
  const app: Application = {
    id: randomUUID(),
    accountId: applicant.account.id,
    subjectType: 'household_business',
    legalName: `Hộ kinh doanh ${applicant.account.id.slice(0, 6)}`,
    taxCode: '0109876543',
    provinceCode,
    commune: 'xã Thử Nghiệm',
    addressLine: 'thôn 1',
    phone: '+84987654321',
    email: `hkd-${applicant.account.id.slice(0, 8)}@thu-nghiem.vn`,
    story: '',
    status: 'pending',
    createdAt: at,
    updatedAt: at,
  };
  await services.applications.submit(app);
  return app;
}
