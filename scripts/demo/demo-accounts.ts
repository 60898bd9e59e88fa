import { newAccount } from '../../shared/identity/new-account';
import type { Role } from '../../shared/identity/principal';
import type { Services } from '../../shared/services';
import { demoCatalog, DEMO_IDS } from './demo-catalog';

/**
 * Sign-in accounts for trying the local marketplace as each role. Local demo only: `npm start` seeds
 * them with the demo catalogue into DynamoDB Local; nothing in AWS ever creates them.
 */
export const DEMO_PASSWORD = 'cho-ocop-demo-2026';

export interface DemoAccount {
  role: Role;
  email: string;
  displayName: string;
  /** What the role is tried on: the storefront or province it manages. */
  scope: string;
}

export function demoAccounts(now: Date): DemoAccount[] {
  const catalog = demoCatalog(now);
  const product = catalog.products.find((p) => p.id === DEMO_IDS.listedFiveStar);
  if (!product) throw new Error('the demo catalogue lost its 5★ product');
  return [
    { role: 'shopper', email: 'nguoi-mua@demo.ocop.vn', displayName: 'Người mua (demo)', scope: '' },
    { role: 'producer', email: 'co-so@demo.ocop.vn', displayName: `${product.producerName} (demo)`, scope: product.producerId },
    { role: 'officer', email: 'can-bo@demo.ocop.vn', displayName: 'Cán bộ OCOP tỉnh (demo)', scope: product.provinceCode },
    { role: 'admin', email: 'quan-tri@demo.ocop.vn', displayName: 'Quản trị viên (demo)', scope: '' },
  ];
}

/** Writes the demo accounts (conditional puts: an account already there is left alone). */
export async function seedDemoAccounts(services: Services, now: Date): Promise<DemoAccount[]> {
  const accounts = demoAccounts(now);
  for (const a of accounts) {
    const account = await newAccount(
      {
        email: a.email,
        password: DEMO_PASSWORD,
        displayName: a.displayName,
        role: a.role,
        producerId: a.role === 'producer' ? a.scope : undefined,
        provinceCode: a.role === 'officer' ? a.scope : undefined,
      },
      now,
    );
    try {
      await services.identity.accounts.createAccount(account);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EMAIL_TAKEN') throw error;
    }
  }
  return accounts;
}
