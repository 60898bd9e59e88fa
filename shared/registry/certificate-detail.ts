import { checkListingGate, gateReasonMessages } from '../catalog/gate';
import { Forbidden, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import type { Producer } from '../storefront/producer';
import type { AuditAction, AuditEntry } from './audit';
import type { Certificate } from './certificate';
import { subjectInScope } from './registry-scope';
import { daysLeft, registryState, type RegistryState } from './registry-state';

export interface CarryingProduct {
  id: string;
  name: string;
  listed: boolean;
  /** Why the gate hides it, in Vietnamese (absent while listed). */
  hiddenBecause?: string | undefined;
}

export interface CertificateDetail {
  certificate: Certificate;
  producer: Producer;
  products: CarryingProduct[];
  /** Oldest first. */
  audit: AuditEntry[];
  lastAction?: AuditAction | undefined;
  state: RegistryState;
  daysLeft?: number | undefined;
  /** Whether this caller may revoke / downgrade / renew it (the service re-checks on every POST). */
  changeable: boolean;
  /** Why not, when not. */
  unchangeableBecause?: string | undefined;
  checkedAt: string;
}

/** The same rules as registry-service `changeable` and recording-policy, said in words for the page. */
function changeability(caller: Principal, cert: Certificate): string | undefined {
  if (cert.status === 'revoked') return 'Chứng nhận đã bị thu hồi: không thể thay đổi nữa (sản phẩm đánh giá lại sẽ có chứng nhận mới).';
  if (caller.role !== 'admin' && (cert.stars === 5 || cert.issuingLevel === 'central')) {
    return 'Chứng nhận 5 sao / cấp trung ương: chỉ quản trị viên được thay đổi.';
  }
  return undefined;
}

/**
 * One certificate for the console: the officer of the subject's province (403 otherwise, as in the
 * API) or an admin. Reads: GetItem certificate, GetItem producer (the scope check), then in
 * parallel the products carrying it (GSI1 Query) and its audit trail (Query).
 * `written` is the version a change has just committed: shown instead of an older read.
 */
export async function certificateDetail(
  services: Pick<Services, 'certificates' | 'producers' | 'registry' | 'clock'>,
  caller: Principal,
  no: string,
  written?: Certificate,
): Promise<CertificateDetail> {
  if (caller.role !== 'officer' && caller.role !== 'admin') throw new Forbidden('Chỉ cán bộ OCOP và quản trị viên xem chứng nhận', 'NOT_REGISTRAR');
  const read = await services.certificates.getCertificate(no);
  if (!read) throw new NotFound(`Không tìm thấy chứng nhận ${no}`, 'CERTIFICATE_NOT_FOUND');
  const producer = await subjectInScope(services, caller, read.subjectId);
  const certificate = written && (written.revision ?? 1) > (read.revision ?? 1) ? written : read;
  const [carrying, audit] = await Promise.all([services.registry.productsCarrying(certificate.subjectId, no), services.registry.listAudit(no)]);
  const now = services.clock.now();
  // Attaching evidence changes nothing of the state: "đã hạ hạng" reads the last real change.
  const lastAction = audit.filter((e) => e.action !== 'evidence').at(-1)?.action;
  const unchangeableBecause = changeability(caller, certificate);
  return {
    certificate,
    producer,
    products: carrying.map((p) => {
      const gate = checkListingGate(p, now);
      return { id: p.id, name: p.name, listed: gate.listed, ...(gate.listed ? {} : { hiddenBecause: gateReasonMessages[gate.reason] }) };
    }),
    audit,
    lastAction,
    state: registryState(certificate, lastAction, now),
    daysLeft: certificate.status === 'active' ? daysLeft(certificate.expiresAt, now) : undefined,
    changeable: unchangeableBecause === undefined,
    unchangeableBecause,
    checkedAt: now.toISOString(),
  };
}
