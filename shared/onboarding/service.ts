import { randomBytes, randomUUID } from 'node:crypto';
import { Conflict, Forbidden, NotFound } from '../http/errors';
import { assertOfficerOf } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import type { Producer } from '../storefront/producer';
import { slugify } from '../text/fold';
import type { Application, ApplicationInput, ApplicationStatus } from './application';

/** A readable, URL-safe storefront id that a second "HTX Mật ong" cannot collide with. */
export function newProducerId(legalName: string): string {
  const base = slugify(legalName).slice(0, 60).replace(/-+$/, '') || 'co-so';
  return `${base}-${randomBytes(3).toString('hex')}`;
}

export async function submitApplication(services: Services, principal: Principal, input: ApplicationInput): Promise<Application> {
  if (principal.role !== 'producer') throw new Forbidden('Chỉ tài khoản cơ sở sản xuất mới đăng ký gian hàng');
  if (principal.producerId) throw new Conflict('Tài khoản đã có gian hàng', 'PRODUCER_ALREADY_BOUND');
  const at = services.clock.now().toISOString();
  const app: Application = { ...input, id: randomUUID(), accountId: principal.accountId, status: 'pending', createdAt: at, updatedAt: at };
  await services.applications.submit(app);
  return app;
}

/** An officer sees only their own province's queue: the province comes from the principal, never the query. */
export async function listApplications(services: Services, principal: Principal, status: ApplicationStatus, limit: number): Promise<Application[]> {
  if (principal.role !== 'officer') throw new Forbidden('Chỉ cán bộ tỉnh, thành phố xem hàng đợi hồ sơ');
  return services.applications.listByProvince(principal.provinceCode, status, limit);
}

/** Loads the application and checks it belongs to the caller's province before anything is decided. */
async function applicationForOfficer(services: Services, principal: Principal, id: string): Promise<Application> {
  const app = await services.applications.get(id);
  if (!app) throw new NotFound(`Không có hồ sơ ${id}`, 'APPLICATION_NOT_FOUND');
  assertOfficerOf(principal, app.provinceCode);
  if (app.status !== 'pending') throw new Conflict('Hồ sơ đã được xử lý', 'APPLICATION_ALREADY_DECIDED');
  return app;
}

export function producerFromApplication(app: Application, id: string, at: string): Producer {
  return {
    id,
    name: app.legalName,
    legalForm: app.subjectType,
    taxCode: app.taxCode,
    provinceCode: app.provinceCode,
    commune: app.commune,
    addressLine: app.addressLine,
    story: app.story,
    phone: app.phone,
    email: app.email,
    createdAt: at,
    updatedAt: at,
  };
}

export async function approveApplication(services: Services, principal: Principal, id: string, note?: string): Promise<Application> {
  const app = await applicationForOfficer(services, principal, id);
  const at = services.clock.now().toISOString();
  const producer = producerFromApplication(app, newProducerId(app.legalName), at);
  await services.applications.approve(app, producer, { applicationId: id, decision: 'approved', by: principal.accountId, at, reason: note });
  return { ...app, status: 'approved', updatedAt: at, decidedBy: principal.accountId, producerId: producer.id, ...(note ? { decisionReason: note } : {}) };
}

export async function rejectApplication(services: Services, principal: Principal, id: string, reason: string): Promise<Application> {
  const app = await applicationForOfficer(services, principal, id);
  const at = services.clock.now().toISOString();
  await services.applications.reject(app, { applicationId: id, decision: 'rejected', by: principal.accountId, at, reason });
  return { ...app, status: 'rejected', updatedAt: at, decidedBy: principal.accountId, decisionReason: reason };
}
