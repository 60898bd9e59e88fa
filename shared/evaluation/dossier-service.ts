import { randomBytes, randomUUID } from 'node:crypto';
import { createProduct } from '../catalog/management-service';
import { NewProductSchema } from '../catalog/management-schemas';
import type { Product } from '../catalog/product';
import { AppError, Conflict, Forbidden, InvalidInput, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import { EVIDENCE_PREFIX } from '../media/evidence-keys';
import { MAX_EVIDENCE_BYTES, sniffEvidenceType } from '../registry/registry-evidence';
import type { Services } from '../services';
import { vietnamCalendarDate } from '../time/vietnam-time';
import { assertDossierProducer, assertRoundOfficer, dossierStanding, getDossier, getRound, type DossierStanding } from './access';
import { documentKinds, type Dossier, type DossierAction, type StoredDocument } from './dossier';
import type { NewDossier, PreAssessmentInput } from './schemas';
import { choiceProblems } from './scoring-rules';
import { findSheet, sheetForSubgroup } from './sheets-service';

const newDossierId = () => `hs-${randomBytes(6).toString('hex')}`;
const extensions = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
/** A dossier holds at most this many files (the sheet asks for about six kinds). */
export const MAX_DOSSIER_DOCUMENTS = 20;

function assertChoices(sheet: Parameters<typeof choiceProblems>[0], choices: Record<string, string>): void {
  const problems = choiceProblems(sheet, choices);
  if (problems.length > 0) throw new InvalidInput('Phiếu tự đánh giá chưa đầy đủ hoặc sai', 'INVALID_SELF_ASSESSMENT', { problems });
}

/** Writes the change and its version (the version item is the audit entry: who, when, what, the whole dossier after). */
async function save(services: Pick<Services, 'evaluation' | 'clock'>, principal: Principal, before: Dossier, changes: Partial<Dossier>, action: DossierAction): Promise<Dossier> {
  const at = services.clock.now().toISOString();
  const next: Dossier = { ...before, ...changes, version: before.version + 1, updatedAt: at };
  await services.evaluation.saveDossier(next, before.version, { version: next.version, action, by: principal.accountId, byName: principal.displayName, at, snapshot: next });
  return next;
}

async function productFor(services: Services, principal: Principal, producerId: string, input: NewDossier): Promise<Product> {
  if (input.newProduct) {
    const { name, group, subgroup, priceVnd, unit } = input.newProduct;
    return createProduct(services, principal, producerId, NewProductSchema.parse({ name, group, subgroup, priceVnd, unit }));
  }
  const product = await services.catalog.getProduct(input.productId!);
  if (!product) throw new NotFound(`Không có sản phẩm ${input.productId}`, 'PRODUCT_NOT_FOUND');
  if (product.producerId !== producerId) throw new Forbidden('Sản phẩm không thuộc gian hàng của bạn', 'NOT_STOREFRONT_OWNER');
  return product;
}

/** A producer submits a dossier for one product (existing, or a new draft) while the round is open. */
export async function submitDossier(services: Services, principal: Principal, roundId: string, input: NewDossier): Promise<Dossier> {
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Chỉ chủ thể có gian hàng được nộp hồ sơ', 'NOT_A_PRODUCER');
  const round = await getRound(services, roundId);
  if (round.state !== 'open') throw new Conflict('Đợt đánh giá không nhận hồ sơ', 'ROUND_NOT_OPEN', { state: round.state });
  const today = vietnamCalendarDate(services.clock.now());
  if (today > round.deadline) throw new Conflict(`Đã hết hạn nộp hồ sơ (${round.deadline})`, 'ROUND_DEADLINE_PASSED', { deadline: round.deadline });
  const producer = await services.producers.getProducer(principal.producerId);
  if (!producer) throw new Forbidden('Gian hàng chưa được duyệt', 'STOREFRONT_NOT_APPROVED');
  if (producer.provinceCode !== round.provinceCode) throw new Forbidden('Đợt đánh giá của tỉnh khác', 'ROUND_OF_OTHER_PROVINCE');
  const group = input.newProduct?.group;
  if (group && !round.productGroups.includes(group as Dossier['productGroup'])) throw new InvalidInput('Đợt này không nhận nhóm sản phẩm này', 'GROUP_NOT_IN_ROUND');
  // The sheet is checked before a new draft is created, so a refused dossier leaves no stray product.
  const subgroup = input.newProduct?.subgroup ?? (await services.catalog.getProduct(input.productId!))?.subgroup;
  if (!subgroup) throw new NotFound(`Không có sản phẩm ${input.productId}`, 'PRODUCT_NOT_FOUND');
  const sheet = await sheetForSubgroup(services, subgroup);
  assertChoices(sheet, input.selfAssessment);
  const product = await productFor(services, principal, principal.producerId, input);
  if (!round.productGroups.includes(product.group)) throw new InvalidInput('Đợt này không nhận nhóm sản phẩm này', 'GROUP_NOT_IN_ROUND');
  const at = services.clock.now().toISOString();
  const dossier: Dossier = {
    id: newDossierId(),
    roundId: round.id,
    provinceCode: round.provinceCode,
    producerId: principal.producerId,
    productId: product.id,
    productName: product.name,
    productGroup: product.group,
    subgroup: product.subgroup,
    sheetId: sheet.id,
    selfAssessment: input.selfAssessment,
    documents: [],
    state: 'submitted',
    comments: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await services.evaluation.createDossier(dossier, { version: 1, action: 'submit', by: principal.accountId, byName: principal.displayName, at, snapshot: dossier });
  return dossier;
}

export async function readDossier(services: Services, principal: Principal, id: string): Promise<{ dossier: Dossier; standing: DossierStanding }> {
  const dossier = await getDossier(services, id);
  return { dossier, standing: await dossierStanding(services, principal, dossier) };
}

/** The producer may change the dossier while it is with them: just submitted, or sent back. */
async function producerEditable(services: Services, principal: Principal, id: string): Promise<Dossier> {
  const dossier = await getDossier(services, id);
  assertDossierProducer(principal, dossier);
  if (dossier.state !== 'submitted' && dossier.state !== 'returned') throw new Conflict('Hồ sơ đã chuyển sang bước đánh giá', 'DOSSIER_LOCKED', { state: dossier.state });
  return dossier;
}

/**
 * A document of the dossier (PDF/JPEG/PNG by its first bytes, ≤ 10 MB) into the PRIVATE evidence
 * store, the registry's: never the public media store. Key `evidence/dossier-<id>/<uuid>.<ext>`.
 */
export async function attachDocument(services: Services, principal: Principal, id: string, kind: string, file: { bytes: Uint8Array; fileName: string }): Promise<Dossier> {
  const dossier = await producerEditable(services, principal, id);
  if (!(documentKinds as readonly string[]).includes(kind)) throw new InvalidInput('Loại tài liệu không hợp lệ', 'INVALID_DOCUMENT_KIND', { kinds: documentKinds });
  if (file.bytes.length === 0) throw new InvalidInput('Chưa chọn tệp', 'DOCUMENT_FILE_MISSING');
  if (file.bytes.length > MAX_EVIDENCE_BYTES) throw new InvalidInput(`Tệp lớn hơn ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`, 'DOCUMENT_TOO_LARGE', { bytes: file.bytes.length });
  const contentType = sniffEvidenceType(file.bytes);
  if (!contentType) throw new InvalidInput('Tài liệu phải là PDF, JPEG hoặc PNG', 'DOCUMENT_TYPE_UNSUPPORTED');
  if (dossier.documents.length >= MAX_DOSSIER_DOCUMENTS) throw new Conflict(`Hồ sơ đã có ${MAX_DOSSIER_DOCUMENTS} tệp`, 'TOO_MANY_DOCUMENTS');
  const store = services.media?.evidence;
  if (!store) throw new AppError(503, 'EVIDENCE_STORE_UNAVAILABLE', 'Lưu tài liệu riêng tư chưa được bật trên máy chủ này');
  const docId = randomUUID();
  const key = `${EVIDENCE_PREFIX}dossier-${dossier.id}/${docId}.${extensions[contentType]}`;
  const fileName = (file.fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || `tai-lieu.${extensions[contentType]}`;
  await store.put(key, Buffer.from(file.bytes), contentType);
  const doc: StoredDocument = { id: docId, kind: kind as StoredDocument['kind'], fileName, contentType, bytes: file.bytes.length, uploadedAt: services.clock.now().toISOString(), key };
  try {
    return await save(services, principal, dossier, { documents: [...dossier.documents, doc] }, 'document');
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
}

/** The file, for those who may read the dossier; private, never cached. */
export async function readDocument(services: Services, principal: Principal, id: string, docId: string) {
  const { dossier } = await readDossier(services, principal, id);
  const doc = dossier.documents.find((d) => d.id === docId);
  if (!doc) throw new NotFound('Không có tài liệu này', 'DOCUMENT_NOT_FOUND');
  const object = await services.media?.evidence?.get(doc.key);
  if (!object) throw new NotFound('Không có tài liệu này', 'DOCUMENT_NOT_FOUND');
  return { body: object.body, contentType: doc.contentType, fileName: doc.fileName };
}

export async function sendBack(services: Services, principal: Principal, id: string, comment: string): Promise<Dossier> {
  const dossier = await getDossier(services, id);
  const round = await getRound(services, dossier.roundId);
  assertRoundOfficer(principal, round);
  if (dossier.state !== 'submitted') throw new Conflict('Chỉ trả lại hồ sơ vừa nộp hoặc vừa sửa', 'ILLEGAL_DOSSIER_TRANSITION', { state: dossier.state });
  const at = services.clock.now().toISOString();
  return save(services, principal, dossier, { state: 'returned', comments: [...dossier.comments, { by: principal.accountId, byName: principal.displayName, at, text: comment }] }, 'send-back');
}

export async function correctDossier(services: Services, principal: Principal, id: string, input: { note: string; selfAssessment?: Record<string, string> | undefined }): Promise<Dossier> {
  const dossier = await producerEditable(services, principal, id);
  if (dossier.state !== 'returned') throw new Conflict('Hồ sơ không bị trả lại', 'ILLEGAL_DOSSIER_TRANSITION', { state: dossier.state });
  const round = await getRound(services, dossier.roundId);
  if (round.state !== 'open') throw new Conflict('Đợt đánh giá không nhận hồ sơ', 'ROUND_NOT_OPEN', { state: round.state });
  if (input.selfAssessment) assertChoices(await findSheet(services, dossier.sheetId), input.selfAssessment);
  const at = services.clock.now().toISOString();
  return save(
    services,
    principal,
    dossier,
    { state: 'submitted', ...(input.selfAssessment ? { selfAssessment: input.selfAssessment } : {}), comments: [...dossier.comments, { by: principal.accountId, byName: principal.displayName, at, text: input.note }] },
    'correct',
  );
}

/** 1489/QĐ-TTg: the commune's pre-assessment of the local criteria, recorded by an officer before the council scores. */
export async function recordPreAssessment(services: Services, principal: Principal, id: string, input: PreAssessmentInput): Promise<Dossier> {
  const dossier = await getDossier(services, id);
  const round = await getRound(services, dossier.roundId);
  assertRoundOfficer(principal, round);
  if (dossier.state !== 'submitted') throw new Conflict('Chỉ đánh giá sơ bộ hồ sơ đã nộp (không đang bị trả lại)', 'ILLEGAL_DOSSIER_TRANSITION', { state: dossier.state });
  if (round.state !== 'open' && round.state !== 'scoring') throw new Conflict('Đợt đánh giá đã qua bước chấm', 'ROUND_NOT_SCORING', { state: round.state });
  const at = services.clock.now().toISOString();
  return save(services, principal, dossier, { state: 'preassessed', preAssessment: { ...input, recordedBy: principal.accountId, recordedAt: at } }, 'pre-assess');
}

export { save as saveDossierChange };
