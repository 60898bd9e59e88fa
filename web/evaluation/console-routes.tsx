import { Hono, type Context } from 'hono';
import { getDossier } from '../../shared/evaluation/access';
import { recordDecision } from '../../shared/evaluation/decision-service';
import { readDossier, recordPreAssessment, sendBack } from '../../shared/evaluation/dossier-service';
import { addCouncilMember, createRound, readRound, transitionRound, visibleRounds } from '../../shared/evaluation/round-service';
import { DecisionInputSchema, NewRoundSchema, PreAssessmentInputSchema } from '../../shared/evaluation/schemas';
import { readResult, readScores, submitScores } from '../../shared/evaluation/scoring-service';
import { findSheet } from '../../shared/evaluation/sheets-service';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, InvalidInput } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { assetsOf, formBodyLimit, toLogin } from '../http';
import { NO_STORE, renderDocument } from '../render';
import { ConsoleDossierPage, RoundPage, RoundsPage, type Flashes } from './console-pages';
import { choicesFromForm } from './parts';
import { consoleDossierPath, roundPath, ROUNDS_PATH } from './paths';

type Status = 200 | 400 | 403 | 404 | 409;

/** A refusal the officer can act on becomes the page's message; 401/403 and the rest go to the error handler. */
function refusal(error: unknown): { status: Status; flash: Flashes } {
  if (error instanceof AppError && [400, 404, 409].includes(error.status)) return { status: error.status as Status, flash: { error: error.message } };
  throw error;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(str) : typeof v === 'string' ? [v] : []);

async function renderRounds(c: Context<AppEnv>, status: Status, flash: Flashes) {
  const principal = requirePrincipal(c);
  const rounds = await visibleRounds(c.get('services'), principal);
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(<RoundsPage assets={assetsOf(c)} principal={principal} rounds={rounds} flash={flash} />), status);
}

async function renderRound(c: Context<AppEnv>, id: string, status: Status, flash: Flashes) {
  const services = c.get('services');
  const principal = requirePrincipal(c);
  const { round, standing } = await readRound(services, principal, id);
  const [council, dossiers] = await Promise.all([standing === 'officer' ? services.evaluation.members(round.id) : Promise.resolve([]), services.evaluation.roundDossiers(round.id)]);
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(<RoundPage assets={assetsOf(c)} principal={principal} round={round} standing={standing} council={council} dossiers={dossiers} flash={flash} />), status);
}

async function renderDossier(c: Context<AppEnv>, id: string, status: Status, flash: Flashes) {
  const services = c.get('services');
  const principal = requirePrincipal(c);
  const { dossier, standing } = await readDossier(services, principal, id);
  if (standing === 'producer') return c.redirect(`/co-so-cua-toi/ho-so-ocop/${encodeURIComponent(id)}`, 303);
  const [round, sheet, ownScore, member] = await Promise.all([
    services.evaluation.getRound(dossier.roundId),
    findSheet(services, dossier.sheetId),
    services.evaluation.getScore(id, principal.accountId),
    services.evaluation.getMember(dossier.roundId, principal.accountId),
  ]);
  // A member (even an officer) sees the others' sheets and the result only after submitting their own.
  const maySee = member ? ownScore !== undefined : standing === 'officer';
  const [scores, result] = maySee ? await Promise.all([readScores(services, principal, id), readResult(services, principal, id)]) : [undefined, undefined];
  c.header('Cache-Control', NO_STORE);
  return c.html(
    await renderDocument(<ConsoleDossierPage assets={assetsOf(c)} round={round!} dossier={dossier} standing={standing} member={member !== undefined} sheet={sheet} ownScore={ownScore} scores={scores} result={result} flash={flash} />),
    status,
  );
}

/** The evaluation console: officers run rounds, council members score. Plain forms, post/redirect/get. */
export function evaluationConsoleRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();

  web.get(ROUNDS_PATH, (c) => (currentPrincipal(c) ? renderRounds(c, 200, { done: c.req.query('xong') ? 'Đã lưu.' : undefined }) : toLogin(c)));
  web.post(ROUNDS_PATH, formLimit, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const input = NewRoundSchema.safeParse({
      name: str(body.name),
      periodFrom: str(body.periodFrom),
      periodTo: str(body.periodTo),
      deadline: str(body.deadline),
      productGroups: list(body.productGroups),
      ...(str(body.provinceCode) ? { provinceCode: str(body.provinceCode) } : {}),
    });
    if (!input.success) return renderRounds(c, 400, { error: `Thông tin đợt chưa hợp lệ: ${input.error.issues.map((i) => i.message).join('; ')}` });
    try {
      const round = await createRound(c.get('services'), requirePrincipal(c), input.data);
      return c.redirect(roundPath(round.id), 303);
    } catch (error) {
      const { status, flash } = refusal(error);
      return renderRounds(c, status, flash);
    }
  });

  web.get(`${ROUNDS_PATH}/:id{dot-[a-z0-9]+}`, (c) => (currentPrincipal(c) ? renderRound(c, c.req.param('id'), 200, { done: c.req.query('xong') ? 'Đã lưu.' : undefined }) : toLogin(c)));
  const roundAction = (path: string, run: (c: Context<AppEnv>, id: string, body: Record<string, unknown>) => Promise<unknown>) =>
    web.post(`${ROUNDS_PATH}/:id/${path}`, formLimit, async (c) => {
      const id = c.req.param('id');
      try {
        await run(c, id, await c.req.parseBody({ all: true }));
      } catch (error) {
        const { status, flash } = refusal(error);
        return renderRound(c, id, status, flash);
      }
      return c.redirect(`${roundPath(id)}?xong=1`, 303);
    });
  roundAction('chuyen', (c, id, body) => transitionRound(c.get('services'), requirePrincipal(c), id, str(body.to) as Parameters<typeof transitionRound>[3]));
  roundAction('hoi-dong', (c, id, body) => addCouncilMember(c.get('services'), requirePrincipal(c), id, str(body.email)));
  roundAction('quyet-dinh', async (c, id, body) => {
    const parsed = DecisionInputSchema.safeParse({
      level: str(body.level) || 'province',
      decisionNo: str(body.decisionNo),
      decisionDate: str(body.decisionDate),
      signer: str(body.signer),
      issuingAuthority: str(body.issuingAuthority),
      items: list(body.dossierIds).map((dossierId) => ({ dossierId })),
    });
    if (!parsed.success) throw new InvalidInput(`Quyết định chưa hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return recordDecision(c.get('services'), requirePrincipal(c), id, parsed.data);
  });

  web.get(`${ROUNDS_PATH}/ho-so/:id`, (c) => (currentPrincipal(c) ? renderDossier(c, c.req.param('id'), 200, { done: c.req.query('xong') ? 'Đã lưu.' : undefined }) : toLogin(c)));
  const dossierAction = (path: string, run: (c: Context<AppEnv>, id: string, body: Record<string, unknown>) => Promise<unknown>) =>
    web.post(`${ROUNDS_PATH}/ho-so/:id/${path}`, formLimit, async (c) => {
      const id = c.req.param('id');
      try {
        await run(c, id, await c.req.parseBody({ all: true }));
      } catch (error) {
        const { status, flash } = refusal(error);
        await getDossier(c.get('services'), id);
        return renderDossier(c, id, status, flash);
      }
      return c.redirect(`${consoleDossierPath(id)}?xong=1`, 303);
    });
  dossierAction('tra-lai', (c, id, body) => sendBack(c.get('services'), requirePrincipal(c), id, str(body.comment).trim()));
  dossierAction('so-bo', (c, id, body) => {
    const item = (k: string) => ({ met: str(body[k]) === '1' });
    const parsed = PreAssessmentInputSchema.safeParse({ commune: str(body.commune), items: { rawMaterials: item('rawMaterials'), labour: item('labour'), idea: item('idea'), identity: item('identity') } });
    if (!parsed.success) throw new InvalidInput('Nhập tên UBND xã, phường');
    return recordPreAssessment(c.get('services'), requirePrincipal(c), id, parsed.data);
  });
  dossierAction('cham', (c, id, body) => submitScores(c.get('services'), requirePrincipal(c), id, choicesFromForm(body, 'cham')));
  return web;
}
