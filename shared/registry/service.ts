import { checkListingGate } from '../catalog/gate';
import type { Product } from '../catalog/product';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import { subgroupByCode } from '../reference/taxonomy';
import type { Services } from '../services';
import type { Producer } from '../storefront/producer';
import { actorOf, auditEntry, type AuditAction, type AuditEntry } from './audit';
import { snapshotOf, type Certificate } from './certificate';
import { certificateExpiresAt, certificateExpiresOn } from './certificate-expiry';
import { nextRevision } from './certificate-revision';
import { checkIssuer, type IssuerFinding } from './issuer-consistency';
import { rebaseOnLinks, retryLostRace, type PendingChange } from './lost-race';
import { assertMayRecord } from './recording-policy';
import { productOfSubject, subjectInScope, type Registrar } from './registry-scope';
import type { DowngradeBody, RecordCertificateBody, RenewBody, RevokeBody } from './schemas';

type RegistryServices = Pick<Services, 'catalog' | 'producers' | 'certificates' | 'registry' | 'clock'>;

export interface RegistryResult {
  certificate: Certificate;
  warnings: IssuerFinding[];
  productListed: boolean;
}

/** requireRole already refused the other roles; this keeps the service safe when called directly. */
function asRegistrar(principal: Principal): Registrar {
  if (principal.role === 'officer' || principal.role === 'admin') return principal;
  throw new Forbidden('Chỉ cán bộ OCOP và quản trị viên được ghi nhận chứng nhận', 'NOT_REGISTRAR');
}

/** Errors block (400 with every finding); warnings travel back with the result. */
function issuerWarnings(input: Parameters<typeof checkIssuer>[0]): IssuerFinding[] {
  const findings = checkIssuer(input);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new InvalidInput(errors.map((e) => e.message).join('; '), 'ISSUER_INCONSISTENT', { findings });
  return findings;
}

/**
 * The product shows the newest valid certificate (ocop.md §14.4): a new result takes its place
 * unless the product already carries a valid one that is newer, or the new one cannot list it.
 */
function carries(product: Product, cert: Certificate, now: Date): boolean {
  const current = product.certificate;
  if (!current || current.certificateNo === cert.certificateNo) return true;
  if (!checkListingGate(product, now).listed) return true;
  return cert.stars >= 3 && cert.decisionDate >= current.decisionDate;
}

/** One attempt at writing a change; answers whether the certificate's own product is listed after it. */
async function commitChange(
  services: RegistryServices,
  principal: Registrar,
  subject: Producer,
  action: AuditAction,
  before: Certificate | undefined,
  after: Certificate,
  reason?: string,
  read?: Product,
): Promise<boolean> {
  const now = services.clock.now();
  let target: Product | undefined;
  let linked: Product[] = [];
  if (before) {
    // The owner may have linked this certificate to other products too: a change must reach them all,
    // including one linked a moment ago (a consistent read; the link bumped the revision we condition on).
    const products = await services.registry.productsLinked(after);
    target = products.find((p) => p.id === after.productId);
    linked = products.filter((p) => p.certificate?.certificateNo === after.certificateNo);
  } else if (after.productId) {
    target = read ?? (await services.catalog.getProduct(after.productId));
  }
  const candidates = new Map<string, Product>();
  for (const p of [...(target ? [target] : []), ...linked]) candidates.set(p.id, p);
  const products = [...candidates.values()]
    .filter((p) => carries(p, after, now))
    .map((previous) => ({ previous, next: { ...previous, certificate: snapshotOf(after), updatedAt: now.toISOString() } }));
  await services.registry.commit({
    certificate: after,
    previous: before,
    products,
    audit: auditEntry({ action, at: now, actor: actorOf(principal), before, after, reason }),
    subjectProvinceCode: subject.provinceCode,
  });
  const shown = products.find((p) => p.next.id === target?.id)?.next ?? target;
  return shown ? checkListingGate(shown, now).listed : false;
}

/**
 * A change of an existing certificate that lost to a product link (or to a product edit) is rebuilt
 * on the fresh read and tried again, so neither the officer nor the link is refused for a race;
 * a change by another officer still answers 409 CERTIFICATE_CONFLICT.
 */
async function apply(
  services: RegistryServices,
  principal: Registrar,
  subject: Producer,
  action: AuditAction,
  before: Certificate | undefined,
  after: Certificate,
  reason?: string,
  read?: Product,
): Promise<{ certificate: Certificate; productListed: boolean }> {
  if (!before) return { certificate: after, productListed: await commitChange(services, principal, subject, action, undefined, after, reason, read) };
  const pending: PendingChange = { read: before, next: after };
  const productListed = await retryLostRace(
    () => commitChange(services, principal, subject, action, pending.read, pending.next, reason),
    rebaseOnLinks(services.certificates, pending),
  );
  return { certificate: pending.next, productListed };
}

export interface PreparedRecord {
  principal: Registrar;
  producer: Producer;
  certificate: Certificate;
  warnings: IssuerFinding[];
  product: Product;
}

/** Every check of a record, and the certificate it would write; writes nothing (CSV dry runs use it). */
export async function prepareRecord(services: RegistryServices, caller: Principal, body: RecordCertificateBody): Promise<PreparedRecord> {
  const principal = asRegistrar(caller);
  const producer = await subjectInScope(services, principal, body.subjectId);
  const product = await productOfSubject(services, body.productId, body.subjectId);
  assertMayRecord(principal, body);
  if (subgroupByCode(body.subgroup)?.group.code !== body.productGroup) {
    throw new InvalidInput(`Phân nhóm ${body.subgroup} không thuộc nhóm ${body.productGroup}`, 'SUBGROUP_NOT_IN_GROUP');
  }
  const issuerProvinceCode2025 = body.issuingLevel === 'central' ? undefined : (body.issuerProvinceCode2025 ?? producer.provinceCode);
  if (principal.role === 'officer' && issuerProvinceCode2025 !== principal.provinceCode) {
    throw new InvalidInput('Cán bộ tỉnh chỉ ghi nhận quyết định của tỉnh mình', 'ISSUER_PROVINCE_MISMATCH', { issuerProvinceCode2025 });
  }
  const warnings = issuerWarnings(body);
  const expiresOn = certificateExpiresOn(body.decisionDate);
  const certificate: Certificate = {
    ...body,
    ...(issuerProvinceCode2025 ? { issuerProvinceCode2025 } : {}),
    status: 'active',
    expiresOn,
    expiresAt: certificateExpiresAt(expiresOn),
    revision: 1,
    updatedAt: services.clock.now().toISOString(),
  };
  return { principal, producer, certificate, warnings, product };
}

export async function recordCertificate(services: RegistryServices, caller: Principal, body: RecordCertificateBody): Promise<RegistryResult> {
  const { principal, producer, certificate, warnings, product } = await prepareRecord(services, caller, body);
  const { productListed } = await apply(services, principal, producer, 'record', undefined, certificate, undefined, product);
  return { certificate, warnings, productListed };
}

/** A certificate this caller may change: in their province, not revoked, not a central decision for an officer. */
async function changeable(services: RegistryServices, caller: Principal, no: string): Promise<{ principal: Registrar; cert: Certificate; subject: Producer }> {
  const principal = asRegistrar(caller);
  const cert = await services.certificates.getCertificate(no, { consistent: true });
  if (!cert) throw new NotFound(`Không tìm thấy chứng nhận ${no}`, 'CERTIFICATE_NOT_FOUND');
  const subject = await subjectInScope(services, principal, cert.subjectId);
  assertMayRecord(principal, cert);
  if (cert.status === 'revoked') throw new Conflict(`Chứng nhận ${no} đã bị thu hồi`, 'CERTIFICATE_REVOKED');
  return { principal, cert, subject };
}

const bumped = (cert: Certificate, services: RegistryServices) => ({
  revision: nextRevision(cert),
  updatedAt: services.clock.now().toISOString(),
});

export async function revokeCertificate(services: RegistryServices, caller: Principal, no: string, body: RevokeBody): Promise<RegistryResult> {
  const { principal, cert, subject } = await changeable(services, caller, no);
  if (body.revokedOn < cert.decisionDate) {
    throw new InvalidInput('Ngày thu hồi trước ngày quyết định công nhận', 'REVOKED_BEFORE_DECISION', { revokedOn: body.revokedOn, decisionDate: cert.decisionDate });
  }
  const after: Certificate = { ...cert, status: 'revoked', revokedOn: body.revokedOn, revocationDecisionNo: body.revocationDecisionNo, ...bumped(cert, services) };
  const { certificate, productListed } = await apply(services, principal, subject, 'revoke', cert, after, body.reason);
  return { certificate, warnings: [], productListed };
}

/** Validity is unchanged: a downgrade re-rates the product within the same recognition period. */
export async function downgradeCertificate(services: RegistryServices, caller: Principal, no: string, body: DowngradeBody): Promise<RegistryResult> {
  const { principal, cert, subject } = await changeable(services, caller, no);
  if (body.stars >= cert.stars) {
    throw new InvalidInput(`Hạ hạng phải thấp hơn ${cert.stars}★`, 'NOT_A_DOWNGRADE', { from: cert.stars, to: body.stars });
  }
  const { score: _oldScore, ...rest } = cert;
  const after: Certificate = { ...rest, stars: body.stars, decisionNo: body.decisionNo, ...(body.score !== undefined ? { score: body.score } : {}), ...bumped(cert, services) };
  const warnings = issuerWarnings(after);
  const { certificate, productListed } = await apply(services, principal, subject, 'downgrade', cert, after, body.reason);
  return { certificate, warnings, productListed };
}

/** Recognised again after re-evaluation (công nhận lại): a new decision date, so a new expiry. */
export async function renewCertificate(services: RegistryServices, caller: Principal, no: string, body: RenewBody): Promise<RegistryResult> {
  const { principal, cert, subject } = await changeable(services, caller, no);
  if (body.decisionDate <= cert.decisionDate) {
    throw new InvalidInput('Quyết định công nhận lại phải sau quyết định hiện tại', 'NOT_A_RENEWAL', { decisionDate: body.decisionDate, current: cert.decisionDate });
  }
  const stars = body.stars ?? cert.stars;
  assertMayRecord(principal, { stars, issuingLevel: cert.issuingLevel });
  const expiresOn = certificateExpiresOn(body.decisionDate);
  const { score: _oldScore, ...rest } = cert;
  const after: Certificate = {
    ...rest,
    stars,
    decisionNo: body.decisionNo,
    decisionDate: body.decisionDate,
    ...(body.score !== undefined ? { score: body.score } : {}),
    status: 'active',
    expiresOn,
    expiresAt: certificateExpiresAt(expiresOn),
    ...bumped(cert, services),
  };
  const warnings = issuerWarnings(after);
  const { certificate, productListed } = await apply(services, principal, subject, 'renew', cert, after, body.reason);
  return { certificate, warnings, productListed };
}

/** Admins, and the officer of the subject's province. */
export async function certificateAudit(services: RegistryServices, caller: Principal, no: string): Promise<AuditEntry[]> {
  const cert = await services.certificates.getCertificate(no);
  if (!cert) throw new NotFound(`Không tìm thấy chứng nhận ${no}`, 'CERTIFICATE_NOT_FOUND');
  await subjectInScope(services, caller, cert.subjectId);
  return services.registry.listAudit(no);
}
