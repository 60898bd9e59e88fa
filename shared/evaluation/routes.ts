import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { PublicIdSchema } from '../http/ids';
import { validationHook } from '../http/validation-hook';
import { requirePrincipal, requireRole, requireSignedIn } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { CertificateSchema } from '../registry/certificate';
import { recordDecision } from './decision-service';
import { DossierSchema, DossierVersionSchema, dossierView } from './dossier';
import { correctDossier, readDossier, readDocument, recordPreAssessment, sendBack, submitDossier } from './dossier-service';
import { documentRoutes } from './document-routes';
import { EvaluationResultSchema } from './result-schema';
import { CouncilMemberSchema, RoundSchema } from './round';
import { addCouncilMember, createRound, readRound, transitionRound } from './round-service';
import { ScoreSheetSchema } from './score-sheet';
import {
  AddMemberSchema,
  CorrectionSchema,
  DecisionInputSchema,
  NewDossierSchema,
  NewRoundSchema,
  PreAssessmentInputSchema,
  ScoreInputSchema,
  SendBackSchema,
  TransitionSchema,
} from './schemas';
import { readResult, readScores, submitScores } from './scoring-service';
import { listSheets, loadSheet } from './sheets-service';

const tags = ['evaluation'];
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const answer = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const signedIn = { 401: errorResponse('Not signed in') };
const idParams = z.object({ id: PublicIdSchema.openapi({ example: 'hs-3f9a0c1b2d4e' }) });
const roundParams = z.object({ id: PublicIdSchema.openapi({ example: 'dot-8c1f2a9b0e' }) });

const ScoreSchema = z
  .object({ dossierId: z.string(), accountId: z.string(), displayName: z.string(), choices: z.record(z.string(), z.string()), submittedAt: z.iso.datetime() })
  .openapi('CouncilScore');
const RoundViewSchema = z
  .object({ round: RoundSchema, standing: z.enum(['officer', 'council']), council: z.array(CouncilMemberSchema).optional() })
  .openapi('EvaluationRoundView');
const DossierViewSchema = z
  .object({ dossier: DossierSchema, standing: z.enum(['officer', 'council', 'producer']), versions: z.array(DossierVersionSchema).optional() })
  .openapi('DossierView');
const DecisionOutcomeSchema = z
  .object({
    items: z.array(
      z.object({
        dossierId: z.string(),
        state: DossierSchema.shape.state,
        stars: z.number().int(),
        total: z.number(),
        certificate: CertificateSchema.optional(),
        productListed: z.boolean().optional(),
      }),
    ),
  })
  .openapi('EvaluationDecisionOutcome');

const listSheetsRoute = createRoute({
  tags,
  security: [],
  method: 'get',
  path: '/score-sheets',
  summary: 'The score sheets (criteria trees) in force: shipped ones and those admins loaded, each with its source and what of it is verified',
  responses: { 200: answer(z.object({ items: z.array(ScoreSheetSchema) }).openapi('ScoreSheets'), 'The sheets') },
});

const loadSheetRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('admin')] as const,
  method: 'post',
  path: '/score-sheets',
  summary: 'Load a score sheet from JSON (admins): validated as a whole — parts A/B/C with maxima 40/25/35, unique ids, options within maxima (docs/evaluation.md)',
  request: { body: { content: { 'application/json': { schema: z.unknown().openapi({ description: 'A ScoreSheet (validated in the service, so every issue is listed)' }) } }, required: true } },
  responses: {
    201: answer(ScoreSheetSchema, 'The stored sheet'),
    400: errorResponse('INVALID_SCORE_SHEET (details.issues: path, message)'),
    ...signedIn,
    403: errorResponse('Not an admin'),
    409: errorResponse('SHEET_EXISTS: a sheet version is never overwritten'),
  },
});

const createRoundRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/evaluation-rounds',
  summary: "Open an evaluation round (draft) for the officer's province; admins name the province",
  request: json(NewRoundSchema),
  responses: {
    201: answer(RoundSchema, 'The round, in draft'),
    400: errorResponse('INVALID_INPUT, PROVINCE_REQUIRED'),
    ...signedIn,
    403: errorResponse('NOT_PROVINCE_OFFICER'),
  },
});

const readRoundRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/evaluation-rounds/{id}',
  summary: "A round, for its province's officers (with the council) and its council members",
  request: { params: roundParams },
  responses: { 200: answer(RoundViewSchema, 'The round'), 400: errorResponse('Malformed id'), ...signedIn, 403: errorResponse('NOT_IN_ROUND'), 404: errorResponse('ROUND_NOT_FOUND') },
});

const transitionRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/evaluation-rounds/{id}/transitions',
  summary: 'Move the round one step: draft → open → scoring → decided → closed (its officers)',
  request: { params: roundParams, ...json(TransitionSchema) },
  responses: {
    200: answer(RoundSchema, 'The round after the move'),
    400: errorResponse('INVALID_INPUT'),
    ...signedIn,
    403: errorResponse('NOT_ROUND_OFFICER'),
    404: errorResponse('ROUND_NOT_FOUND'),
    409: errorResponse('ILLEGAL_TRANSITION (details.from, details.to), ROUND_CONFLICT'),
  },
});

const councilRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/evaluation-rounds/{id}/council',
  summary: 'Name an account (by e-mail) a council member of this round only (its officers); producers cannot sit',
  request: { params: roundParams, ...json(AddMemberSchema) },
  responses: {
    201: answer(CouncilMemberSchema, 'The member'),
    400: errorResponse('INVALID_INPUT, COUNCIL_MEMBER_ROLE'),
    ...signedIn,
    403: errorResponse('NOT_ROUND_OFFICER'),
    404: errorResponse('ROUND_NOT_FOUND, ACCOUNT_NOT_FOUND'),
    409: errorResponse('ALREADY_COUNCIL_MEMBER, ROUND_DECIDED'),
  },
});

const roundDossiersRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/evaluation-rounds/{id}/dossiers',
  summary: "The round's dossiers, for its officers and council",
  request: { params: roundParams },
  responses: { 200: answer(z.object({ items: z.array(DossierSchema) }).openapi('RoundDossiers'), 'The dossiers'), 400: errorResponse('Malformed id'), ...signedIn, 403: errorResponse('NOT_IN_ROUND'), 404: errorResponse('ROUND_NOT_FOUND') },
});

const submitRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer')] as const,
  method: 'post',
  path: '/evaluation-rounds/{id}/dossiers',
  summary: 'Submit a dossier for an own product (or a new product draft) with the self-assessment on the sheet of its subgroup, while the round is open',
  request: { params: roundParams, ...json(NewDossierSchema) },
  responses: {
    201: answer(DossierSchema, 'The dossier, submitted (version 1)'),
    400: errorResponse('INVALID_INPUT, INVALID_SELF_ASSESSMENT (details.problems), NO_SCORE_SHEET, GROUP_NOT_IN_ROUND'),
    ...signedIn,
    403: errorResponse('NOT_A_PRODUCER, NOT_STOREFRONT_OWNER, ROUND_OF_OTHER_PROVINCE'),
    404: errorResponse('ROUND_NOT_FOUND, PRODUCT_NOT_FOUND'),
    409: errorResponse('ROUND_NOT_OPEN, ROUND_DEADLINE_PASSED, DOSSIER_EXISTS (one dossier per product per round)'),
  },
});

const decisionRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/evaluation-rounds/{id}/decisions',
  summary: "Record the decision (number, date, signer) for scored dossiers: province level (officer) certifies 3★–4★ through the registry and forwards ≥ 90; central level (admin) the national 5★",
  request: { params: roundParams, ...json(DecisionInputSchema) },
  responses: {
    201: answer(DecisionOutcomeSchema, 'Each dossier with its state and, when recognised, the certificate the registry created'),
    400: errorResponse('INVALID_INPUT, DOSSIER_NOT_IN_ROUND, DUPLICATE_DOSSIER, ISSUER_INCONSISTENT'),
    ...signedIn,
    403: errorResponse('NOT_ROUND_OFFICER, CENTRAL_DECISION_ADMIN_ONLY'),
    404: errorResponse('ROUND_NOT_FOUND, DOSSIER_NOT_FOUND'),
    409: errorResponse('ROUND_NOT_DECIDED, DOSSIER_NOT_AWAITING_DECISION, DOSSIER_NOT_SCORED, CERTIFICATE_EXISTS, DOSSIER_CONFLICT'),
  },
});

const readDossierRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/dossiers/{id}',
  summary: "A dossier with its versions: for its producer, the round's officers and its council (never public)",
  request: { params: idParams },
  responses: { 200: answer(DossierViewSchema, 'The dossier'), 400: errorResponse('Malformed id'), ...signedIn, 403: errorResponse('NOT_DOSSIER_READER'), 404: errorResponse('DOSSIER_NOT_FOUND') },
});

const dossierChange = (path: string, summary: string, body: z.ZodType, roles: Parameters<typeof requireRole>, errors: { 403: string; 409: string }) =>
  createRoute({
    tags,
    security: securedBy,
    middleware: [requireRole(...roles)] as const,
    method: 'post',
    path,
    summary,
    request: { params: idParams, ...json(body) },
    responses: {
      200: answer(DossierSchema, 'The dossier after the change (a new version)'),
      400: errorResponse('INVALID_INPUT'),
      ...signedIn,
      403: errorResponse(errors[403]),
      404: errorResponse('DOSSIER_NOT_FOUND'),
      409: errorResponse(errors[409]),
    },
  });

const sendBackRoute = dossierChange('/dossiers/{id}/send-back', 'The officer sends the dossier back to the producer with a comment', SendBackSchema, ['officer', 'admin'], {
  403: 'NOT_ROUND_OFFICER',
  409: 'ILLEGAL_DOSSIER_TRANSITION, DOSSIER_CONFLICT',
});
const correctRoute = dossierChange('/dossiers/{id}/corrections', 'The producer corrects a sent-back dossier (note, optionally a new self-assessment); it is submitted again', CorrectionSchema, ['producer'], {
  403: 'NOT_DOSSIER_PRODUCER',
  409: 'ILLEGAL_DOSSIER_TRANSITION, DOSSIER_LOCKED, ROUND_NOT_OPEN, DOSSIER_CONFLICT',
});
const preAssessRoute = dossierChange(
  '/dossiers/{id}/pre-assessment',
  "An officer records the commune's pre-assessment (1489/QĐ-TTg: local raw materials, labour, idea, identity); the dossier may then be scored",
  PreAssessmentInputSchema,
  ['officer', 'admin'],
  { 403: 'NOT_ROUND_OFFICER', 409: 'ILLEGAL_DOSSIER_TRANSITION, ROUND_NOT_SCORING, DOSSIER_CONFLICT' },
);

const submitScoresRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'post',
  path: '/dossiers/{id}/scores',
  summary: "A council member of the dossier's round submits their sheet, once, while the round is in scoring",
  request: { params: idParams, ...json(ScoreInputSchema) },
  responses: {
    201: answer(ScoreSchema, 'The submitted sheet'),
    400: errorResponse('INVALID_INPUT, INVALID_SCORES (details.problems)'),
    ...signedIn,
    403: errorResponse('NOT_COUNCIL_MEMBER'),
    404: errorResponse('DOSSIER_NOT_FOUND'),
    409: errorResponse('SCORES_ALREADY_SUBMITTED, ROUND_NOT_SCORING, DOSSIER_NOT_SCORABLE'),
  },
});

const readScoresRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/dossiers/{id}/scores',
  summary: "The members' sheets: for the round's officers, and for a member only after submitting their own",
  request: { params: idParams },
  responses: {
    200: answer(z.object({ items: z.array(ScoreSchema) }).openapi('CouncilScores'), 'The sheets'),
    400: errorResponse('Malformed id'),
    ...signedIn,
    403: errorResponse('SCORES_HIDDEN_UNTIL_SUBMITTED, SCORES_NOT_FOR_PRODUCER, NOT_DOSSIER_READER'),
    404: errorResponse('DOSSIER_NOT_FOUND'),
  },
});

const resultRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireSignedIn()] as const,
  method: 'get',
  path: '/dossiers/{id}/result',
  summary: 'The result computed on the server: mean per criterion, total, star band, mandatory findings (producer: once decided)',
  request: { params: idParams },
  responses: {
    200: answer(EvaluationResultSchema.extend({ final: z.boolean().openapi({ description: 'Frozen by the decision' }) }).openapi('DossierResult'), 'The result'),
    400: errorResponse('Malformed id'),
    ...signedIn,
    403: errorResponse('RESULT_NOT_PUBLISHED, SCORES_HIDDEN_UNTIL_SUBMITTED, NOT_DOSSIER_READER'),
    404: errorResponse('DOSSIER_NOT_FOUND'),
  },
});

export function evaluationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.route('/', documentRoutes());
  const noStore = { 'Cache-Control': 'no-store' };
  app.openapi(listSheetsRoute, async (c) => c.json({ items: await listSheets(c.get('services')) }, 200));
  app.openapi(loadSheetRoute, async (c) => c.json(await loadSheet(c.get('services'), requirePrincipal(c), await c.req.json().catch(() => undefined)), 201));
  app.openapi(createRoundRoute, async (c) => c.json(await createRound(c.get('services'), requirePrincipal(c), c.req.valid('json')), 201));
  app.openapi(readRoundRoute, async (c) => {
    const services = c.get('services');
    const { round, standing } = await readRound(services, requirePrincipal(c), c.req.valid('param').id);
    const council = standing === 'officer' ? await services.evaluation.members(round.id) : undefined;
    return c.json({ round, standing, ...(council ? { council } : {}) }, 200, noStore);
  });
  app.openapi(transitionRoute, async (c) => c.json(await transitionRound(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').to), 200));
  app.openapi(councilRoute, async (c) => c.json(await addCouncilMember(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').email), 201));
  app.openapi(roundDossiersRoute, async (c) => {
    const services = c.get('services');
    const { round } = await readRound(services, requirePrincipal(c), c.req.valid('param').id);
    return c.json({ items: (await services.evaluation.roundDossiers(round.id)).map(dossierView) }, 200, noStore);
  });
  app.openapi(submitRoute, async (c) => c.json(dossierView(await submitDossier(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(decisionRoute, async (c) => c.json({ items: await recordDecision(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json')) }, 201));
  app.openapi(readDossierRoute, async (c) => {
    const services = c.get('services');
    const { dossier, standing } = await readDossier(services, requirePrincipal(c), c.req.valid('param').id);
    const versions = standing === 'officer' ? await services.evaluation.versions(dossier.id) : undefined;
    return c.json({ dossier: dossierView(dossier), standing, ...(versions ? { versions: versions as z.infer<typeof DossierVersionSchema>[] } : {}) }, 200, noStore);
  });
  app.openapi(sendBackRoute, async (c) => c.json(dossierView(await sendBack(c.get('services'), requirePrincipal(c), c.req.valid('param').id, (c.req.valid('json') as { comment: string }).comment)), 200));
  app.openapi(correctRoute, async (c) => c.json(dossierView(await correctDossier(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json') as z.infer<typeof CorrectionSchema>)), 200));
  app.openapi(preAssessRoute, async (c) =>
    c.json(dossierView(await recordPreAssessment(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json') as z.infer<typeof PreAssessmentInputSchema>)), 200),
  );
  app.openapi(submitScoresRoute, async (c) => c.json(await submitScores(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').choices), 201));
  app.openapi(readScoresRoute, async (c) => c.json({ items: await readScores(c.get('services'), requirePrincipal(c), c.req.valid('param').id) }, 200, noStore));
  app.openapi(resultRoute, async (c) => c.json(await readResult(c.get('services'), requirePrincipal(c), c.req.valid('param').id), 200, noStore));
  return app;
}

export { readDocument };
