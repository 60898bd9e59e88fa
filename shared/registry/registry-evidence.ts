import { randomUUID } from 'node:crypto';
import { AppError, Forbidden, InvalidInput, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import { EVIDENCE_PREFIX } from '../media/evidence-keys';
import type { MediaObject } from '../media/media-store';
import type { Services } from '../services';
import { actorOf, auditEntry } from './audit';
import type { Certificate } from './certificate';
import { nextRevision } from './certificate-revision';
import { rebaseOnLinks, retryLostRace, type PendingChange } from './lost-race';
import { subjectInScope, type Registrar } from './registry-scope';

/** 10 MB: a scanned decision of a few pages. The route's body limit adds 64 KB for the multipart envelope. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_UPLOAD_BODY_LIMIT = MAX_EVIDENCE_BYTES + 64 * 1024;

export type EvidenceType = NonNullable<Certificate['evidence']>['contentType'];
const extensions: Record<EvidenceType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** What the file really is, from its first bytes (the name and declared type are the uploader's claims). */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | undefined {
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).toString('latin1') === '\x89PNG\r\n\x1a\n') return 'image/png';
  return undefined;
}

/** `12/2026/QĐ-UBND` → `12-2026-qd-ubnd`: a media key segment ([a-z0-9_.-]). */
export function certificateSlug(no: string): string {
  const slug = no
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'chung-nhan';
}

type EvidenceServices = Pick<Services, 'certificates' | 'producers' | 'registry' | 'clock' | 'media'>;

function registrar(caller: Principal): Registrar {
  if (caller.role === 'officer' || caller.role === 'admin') return caller;
  throw new Forbidden('Chỉ cán bộ OCOP và quản trị viên', 'NOT_REGISTRAR');
}

async function scoped(services: EvidenceServices, caller: Principal, no: string) {
  // Consistent: an attachment is written on top of this read (revision check).
  const cert = await services.certificates.getCertificate(no, { consistent: true });
  if (!cert) throw new NotFound(`Không tìm thấy chứng nhận ${no}`, 'CERTIFICATE_NOT_FOUND');
  // The registry's object-level rule: the officer of the subject's province, or an admin (403 otherwise).
  const subject = await subjectInScope(services, caller, cert.subjectId);
  return { cert, subject };
}

function evidenceStoreOf(services: EvidenceServices) {
  // Never the media store: everything there is served publicly (/media, CloudFront). A clear
  // refusal where no private store is configured, never a failed or public write.
  const store = services.media?.evidence;
  if (!store) throw new AppError(503, 'EVIDENCE_STORE_UNAVAILABLE', 'Lưu tệp minh chứng chưa được bật trên máy chủ này');
  return store;
}

/**
 * Attach (or replace) the certificate's evidence file: checked by its magic bytes and size, stored
 * in the private evidence store under `evidence/<slug>/<uuid>.<ext>`, then recorded on the
 * certificate with an audit entry in the registry's one transaction (revision check: a concurrent
 * change gives 409). A replaced file stays in the store: the audit trail still names it.
 */
export async function attachEvidence(
  services: EvidenceServices,
  caller: Principal,
  no: string,
  file: { bytes: Uint8Array; fileName: string },
): Promise<Certificate> {
  const { cert, subject } = await scoped(services, caller, no);
  const principal = registrar(caller);
  if (file.bytes.length === 0) throw new InvalidInput('Chưa chọn tệp minh chứng', 'EVIDENCE_FILE_MISSING');
  if (file.bytes.length > MAX_EVIDENCE_BYTES) {
    throw new InvalidInput(`Tệp lớn hơn ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`, 'EVIDENCE_TOO_LARGE', { bytes: file.bytes.length });
  }
  const contentType = sniffEvidenceType(file.bytes);
  if (!contentType) throw new InvalidInput('Tệp minh chứng phải là PDF, JPEG hoặc PNG', 'EVIDENCE_TYPE_UNSUPPORTED');
  const store = evidenceStoreOf(services);
  const now = services.clock.now();
  const key = `${EVIDENCE_PREFIX}${certificateSlug(cert.certificateNo)}/${randomUUID()}.${extensions[contentType]}`;
  const fileName = (file.fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || `minh-chung.${extensions[contentType]}`;
  await store.put(key, Buffer.from(file.bytes), contentType);
  const pending: PendingChange = {
    read: cert,
    next: {
      ...cert,
      evidence: { key, contentType, bytes: file.bytes.length, fileName, uploadedAt: now.toISOString() },
      revision: nextRevision(cert),
      updatedAt: now.toISOString(),
    },
  };
  const audit = await services.registry.listAudit(no);
  const indexAction = audit.filter((e) => e.action !== 'evidence').at(-1)?.action ?? 'record';
  try {
    // A product link in between only bumped the revision: attach on top of it (lost-race.ts).
    await retryLostRace(
      () =>
        services.registry.commit({
          certificate: pending.next,
          previous: pending.read,
          products: [],
          audit: auditEntry({ action: 'evidence', at: now, actor: actorOf(principal), before: pending.read, after: pending.next }),
          subjectProvinceCode: subject.provinceCode,
          indexAction,
        }),
      rebaseOnLinks(services.certificates, pending),
    );
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
  return pending.next;
}

/** The evidence file, for the officer of the province or an admin. */
export async function readEvidence(services: EvidenceServices, caller: Principal, no: string): Promise<{ object: MediaObject; fileName: string }> {
  const { cert } = await scoped(services, caller, no);
  if (!cert.evidence) throw new NotFound(`Chứng nhận ${no} chưa có tệp minh chứng`, 'EVIDENCE_NOT_FOUND');
  const object = await evidenceStoreOf(services).get(cert.evidence.key);
  if (!object) throw new NotFound(`Không tìm thấy tệp minh chứng của chứng nhận ${no}`, 'EVIDENCE_NOT_FOUND');
  return { object: { body: object.body, contentType: cert.evidence.contentType }, fileName: cert.evidence.fileName };
}
