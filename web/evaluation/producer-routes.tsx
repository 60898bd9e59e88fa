import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { attachDocument, correctDossier, readDossier, submitDossier } from '../../shared/evaluation/dossier-service';
import { findSheet, sheetForSubgroup } from '../../shared/evaluation/sheets-service';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, Forbidden, PayloadTooLarge } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import { EVIDENCE_UPLOAD_BODY_LIMIT } from '../../shared/registry/registry-evidence';
import { assetsOf, formBodyLimit, toLogin } from '../http';
import { NO_STORE, renderDocument } from '../render';
import type { Flashes } from './console-pages';
import { choicesFromForm } from './parts';
import { PRODUCER_DOSSIERS_PATH, producerDossierPath } from './paths';
import { ProducerDossierPage, ProducerDossiersPage } from './producer-pages';

type Status = 200 | 400 | 403 | 404 | 409 | 413;

function refusal(error: unknown): { status: Status; flash: Flashes } {
  if (error instanceof AppError && [400, 404, 409, 413].includes(error.status)) return { status: error.status as Status, flash: { error: error.message } };
  throw error;
}
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function ownProducerId(c: Context<AppEnv>): string {
  const principal = requirePrincipal(c);
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Bạn chưa có gian hàng', 'NOT_A_PRODUCER');
  return principal.producerId;
}

async function renderList(c: Context<AppEnv>, status: Status, flash: Flashes) {
  const services = c.get('services');
  const producerId = ownProducerId(c);
  const producer = await services.producers.getProducer(producerId);
  const [dossiers, rounds, products] = await Promise.all([
    services.evaluation.producerDossiers(producerId),
    producer ? services.evaluation.provinceRounds(producer.provinceCode) : Promise.resolve([]),
    services.producerProducts.page(producerId),
  ]);
  const items = products.items.filter((p) => p.status !== 'archived');
  // The form shows the sheet of the first product's subgroup; a product of another subgroup gets its own sheet on submit.
  const sheet = items[0] ? await sheetForSubgroup(services, items[0].subgroup).catch(() => undefined) : undefined;
  c.header('Cache-Control', NO_STORE);
  return c.html(
    await renderDocument(<ProducerDossiersPage assets={assetsOf(c)} dossiers={dossiers} openRounds={rounds.filter((r) => r.state === 'open')} products={items} sheet={sheet} flash={flash} />),
    status,
  );
}

async function renderOne(c: Context<AppEnv>, id: string, status: Status, flash: Flashes) {
  const services = c.get('services');
  const principal = requirePrincipal(c);
  const { dossier, standing } = await readDossier(services, principal, id);
  if (standing !== 'producer') return c.redirect(`/quan-ly/danh-gia/ho-so/${encodeURIComponent(id)}`, 303);
  const sheet = await findSheet(services, dossier.sheetId);
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(<ProducerDossierPage assets={assetsOf(c)} dossier={dossier} sheet={sheet} result={dossier.result} flash={flash} />), status);
}

/** "Hồ sơ OCOP": the producer submits, corrects and follows their dossiers. */
export function evaluationProducerRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();
  const uploadLimit = bodyLimit({
    maxSize: EVIDENCE_UPLOAD_BODY_LIMIT,
    onError: () => {
      throw new PayloadTooLarge(EVIDENCE_UPLOAD_BODY_LIMIT);
    },
  });

  web.get(PRODUCER_DOSSIERS_PATH, (c) => (currentPrincipal(c) ? renderList(c, 200, {}) : toLogin(c)));
  web.post(PRODUCER_DOSSIERS_PATH, formLimit, async (c) => {
    const body = await c.req.parseBody({ all: true });
    try {
      const dossier = await submitDossier(c.get('services'), requirePrincipal(c), str(body.roundId), { productId: str(body.productId), selfAssessment: choicesFromForm(body, 'tu') });
      return c.redirect(`${producerDossierPath(dossier.id)}?xong=nop`, 303);
    } catch (error) {
      const { status, flash } = refusal(error);
      return renderList(c, status, flash);
    }
  });
  const done: Record<string, string> = { nop: 'Đã nộp hồ sơ.', 'tai-lieu': 'Đã thêm tài liệu.', sua: 'Đã nộp lại hồ sơ.' };
  web.get(`${PRODUCER_DOSSIERS_PATH}/:id`, (c) => (currentPrincipal(c) ? renderOne(c, c.req.param('id'), 200, { done: done[c.req.query('xong') ?? ''] }) : toLogin(c)));
  web.post(`${PRODUCER_DOSSIERS_PATH}/:id/tai-lieu`, uploadLimit, async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const file = body.file;
    try {
      const input = file instanceof File ? { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name } : { bytes: new Uint8Array(), fileName: '' };
      await attachDocument(c.get('services'), requirePrincipal(c), id, str(body.kind), input);
    } catch (error) {
      const { status, flash } = refusal(error);
      return renderOne(c, id, status, flash);
    }
    return c.redirect(`${producerDossierPath(id)}?xong=tai-lieu`, 303);
  });
  web.post(`${PRODUCER_DOSSIERS_PATH}/:id/sua`, formLimit, async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    try {
      const choices = choicesFromForm(body, 'tu');
      await correctDossier(c.get('services'), requirePrincipal(c), id, { note: str(body.note).trim(), ...(Object.keys(choices).length > 0 ? { selfAssessment: choices } : {}) });
    } catch (error) {
      const { status, flash } = refusal(error);
      return renderOne(c, id, status, flash);
    }
    return c.redirect(`${producerDossierPath(id)}?xong=sua`, 303);
  });
  return web;
}
