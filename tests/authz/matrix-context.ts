import type { Role } from '../../shared/identity/principal';
import type { Services } from '../../shared/services';
import type { TestAccount } from './accounts';

/** The roles and the per-case context of the authorization matrix (apart, so fixtures can use it without a loop). */
export const matrixRoles = ['anonymous', 'shopper', 'producerA', 'producerB', 'officerX', 'officerY', 'admin'] as const;
export type MatrixRole = (typeof matrixRoles)[number];
export type Outcome = 'allow' | 401 | 403;
export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface MatrixFixtures {
  /** Storefront (producer id) owned by producerA; producerB owns `producerB`. Both exist in the table. */
  producerA: string;
  producerB: string;
  /** 2025 province codes of officerX and officerY. */
  provinceX: string;
  provinceY: string;
}

export interface MatrixContext {
  role: MatrixRole;
  services: Services;
  fixtures: MatrixFixtures;
  /** The caller's account (undefined for anonymous). */
  caller?: TestAccount | undefined;
  /** Makes another account, e.g. a target for an admin action. */
  createAccount(role: Role, options?: { producerId?: string; provinceCode?: string }): Promise<TestAccount>;
  /** A unique suffix for emails, ids and names. */
  unique(): string;
}

