import { z } from '@hono/zod-openapi';
import { groupCodes, subgroupCodes } from '../reference/taxonomy';
import { EvaluationResultSchema } from './result-schema';

/**
 * submitted ⇄ returned (the officer sends it back with a comment, the producer corrects it) →
 * preassessed (the commune's pre-assessment is recorded; council scoring may start) → recognised
 * (3–5★ certificate), forwarded (≥ 90: waits for the ministry's 5★ decision) or not-recognised.
 */
export const dossierStates = ['submitted', 'returned', 'preassessed', 'forwarded', 'recognised', 'not-recognised'] as const;
export type DossierState = (typeof dossierStates)[number];

export const documentKinds = ['business-registration', 'food-safety', 'product-standard', 'test-results', 'product-story', 'photo', 'other'] as const;

export const DossierDocumentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(documentKinds),
    fileName: z.string(),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    bytes: z.number().int(),
    uploadedAt: z.iso.datetime(),
  })
  .openapi('DossierDocument');
/** The stored form carries the private store key, never sent to clients. */
export type StoredDocument = z.infer<typeof DossierDocumentSchema> & { key: string };

export const communeItems = ['rawMaterials', 'labour', 'idea', 'identity'] as const;
export const PreAssessmentSchema = z
  .object({
    commune: z.string().trim().min(1).max(200).openapi({ example: 'UBND xã Long Hồ' }),
    items: z.object(Object.fromEntries(communeItems.map((k) => [k, z.object({ met: z.boolean(), note: z.string().trim().max(1000).optional() }).strict()])) as Record<(typeof communeItems)[number], z.ZodObject<{ met: z.ZodBoolean; note: z.ZodOptional<z.ZodString> }>>).strict(),
    recordedBy: z.string(),
    recordedAt: z.iso.datetime(),
  })
  .openapi('CommunePreAssessment');

export const CommentSchema = z.object({ by: z.string(), byName: z.string(), at: z.iso.datetime(), text: z.string() }).openapi('DossierComment');

export const DecisionRefSchema = z
  .object({
    decisionNo: z.string(),
    decisionDate: z.string(),
    signer: z.string(),
    issuingAuthority: z.string(),
    stars: z.number().int().min(1).max(5),
    certificateNo: z.string().optional(),
    recordedBy: z.string(),
    recordedAt: z.iso.datetime(),
  })
  .openapi('DossierDecision');

export const DossierSchema = z
  .object({
    id: z.string(),
    roundId: z.string(),
    provinceCode: z.string(),
    producerId: z.string(),
    productId: z.string(),
    productName: z.string(),
    productGroup: z.enum(groupCodes),
    subgroup: z.enum(subgroupCodes),
    sheetId: z.string(),
    selfAssessment: z.record(z.string(), z.string()).openapi({ description: 'criterion id → option id, on the sheet' }),
    documents: z.array(DossierDocumentSchema),
    state: z.enum(dossierStates),
    comments: z.array(CommentSchema),
    preAssessment: PreAssessmentSchema.optional(),
    result: EvaluationResultSchema.optional().openapi({ description: 'Frozen when the decision was recorded' }),
    decision: DecisionRefSchema.optional(),
    version: z.number().int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Dossier');
export type Dossier = Omit<z.infer<typeof DossierSchema>, 'documents'> & { documents: StoredDocument[] };

/** What leaves the server: document keys stay inside. */
export function dossierView(d: Dossier): z.infer<typeof DossierSchema> {
  return { ...d, documents: d.documents.map(({ key: _key, ...rest }) => rest) };
}

export type DossierAction = 'submit' | 'document' | 'send-back' | 'correct' | 'pre-assess' | 'decide' | 'forward';
export const DossierVersionSchema = z
  .object({ version: z.number().int(), action: z.string(), by: z.string(), byName: z.string(), at: z.iso.datetime(), state: z.enum(dossierStates) })
  .openapi('DossierVersion');
