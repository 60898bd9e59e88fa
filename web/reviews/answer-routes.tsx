import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, Forbidden, InvalidInput } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { assertOfficerOf, requirePrincipal } from '../../shared/identity/authorize';
import { provinceLabel } from '../../shared/reference/labels';
import { provinceByCode, provinces } from '../../shared/reference/provinces';
import { reviewNotFound } from '../../shared/reviews/errors';
import { LINE_ID_PATTERN } from '../../shared/reviews/rules';
import { ModerationInputSchema, ReplyInputSchema, ReportInputSchema } from '../../shared/reviews/schemas';
import { moderateReview, replyToReview, reportReview } from '../../shared/reviews/service';
import { readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit, toLogin } from '../http';
import type { Registrar } from '../registry/console-http';
import { NO_STORE, renderDocument } from '../render';
import { MODERATION_PATH, PRODUCER_REVIEWS_PATH, REPORT_FORM_ROUTE } from './paths';
import { ModerationPage, ProducerReviewsPage, ReportResultPage, type ModerationDone, type ReviewFormProblem } from './review-admin-pages';

/** Reviews the producer's page shows at once (one GSI4 Query); older ones behind "Đánh giá cũ hơn". */
const PRODUCER_PAGE_SIZE = 30;
/** Each queue section (one GSI3 Query each). */
const QUEUE_SIZE = 50;

type FailureStatus = 400 | 403 | 404 | 409 | 503;

/** The refusal a form shows on its review: the first validation message, or the error's own (Vietnamese). */
function problemOf(reviewId: string, value: string, error: unknown): { problem: ReviewFormProblem; status: FailureStatus } | undefined {
  if (!(error instanceof AppError) || ![400, 403, 404, 409, 503].includes(error.status)) return undefined;
  const detail = Array.isArray(error.details) ? (error.details as { message?: unknown }[]).find((d) => typeof d.message === 'string') : undefined;
  return { problem: { reviewId, value, message: (detail?.message as string | undefined) ?? error.message }, status: error.status as FailureStatus };
}

function parsed<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, values: unknown): T {
  const result = schema.safeParse(values);
  if (!result.success) throw new InvalidInput(result.error.issues[0]?.message ?? 'Dữ liệu không hợp lệ', 'INVALID_INPUT');
  return result.data;
}

const reviewIdOf = (c: Context<AppEnv>) => {
  const id = c.req.param('id') ?? '';
  if (!LINE_ID_PATTERN.test(id)) throw reviewNotFound();
  return id;
};

function ownStorefront(c: Context<AppEnv>) {
  const principal = requirePrincipal(c);
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Chỉ cơ sở sản xuất có gian hàng mới trả lời đánh giá', 'NOT_STOREFRONT_OWNER');
  return { principal, producerId: principal.producerId };
}

function registrar(c: Context<AppEnv>): Registrar {
  const principal = requirePrincipal(c);
  if (principal.role !== 'officer' && principal.role !== 'admin') throw new Forbidden('Chỉ cán bộ OCOP tỉnh, thành phố và quản trị viên kiểm duyệt đánh giá', 'NOT_PROVINCE_OFFICER');
  return principal;
}

/** Officers see their own province; admins pick one (`?tinh=`), every province being its own queue. */
function queueProvince(c: Context<AppEnv>, who: Registrar): string {
  if (who.role === 'officer') return who.provinceCode;
  const asked = c.req.query('tinh');
  return asked && provinceByCode(asked) ? asked : (provinces[0]?.code ?? '01');
}

async function send(c: Context<AppEnv>, node: JSX.Element, status: 200 | FailureStatus = 200) {
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(node), status);
}

/**
 * The producer's answer page, the report form and the officers' moderation queue: plain forms
 * (post/redirect/get), each over the API's service call, errors shown in Vietnamese on the review.
 */
export function reviewAnswerRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = formBodyLimit();

  // ── the producer: reviews of its storefront, newest first; one answer each ────────────────
  const producerPage = async (c: Context<AppEnv>, status: 200 | FailureStatus = 200, problem?: ReviewFormProblem, done?: string) => {
    const { producerId } = ownStorefront(c);
    const services = c.get('services');
    const cursor = c.req.query('sau');
    const [producer, page] = await Promise.all([services.producers.getProducer(producerId), services.reviews.reviewsOfProducer(producerId, PRODUCER_PAGE_SIZE, cursor)]);
    return send(c, <ProducerReviewsPage assets={assetsOf(c)} producerName={producer?.name ?? producerId} reviews={page.items} nextCursor={page.nextCursor} problem={problem} done={done} />, status);
  };
  web.get(PRODUCER_REVIEWS_PATH, (c) => {
    if (!currentPrincipal(c)) return toLogin(c);
    return producerPage(c, 200, undefined, c.req.query('xong') === 'phan-hoi' ? 'phan-hoi' : undefined);
  });
  web.post(`${PRODUCER_REVIEWS_PATH}/:id/phan-hoi`, formLimit, async (c) => {
    const { principal } = ownStorefront(c);
    const id = reviewIdOf(c);
    const values = await readForm(c, ['text']);
    try {
      await replyToReview(c.get('services'), principal, id, parsed(ReplyInputSchema, values).text);
    } catch (error) {
      const failure = problemOf(id, values.text ?? '', error);
      if (!failure || failure.status === 403 || failure.status === 404) throw error;
      return producerPage(c, failure.status, failure.problem);
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${PRODUCER_REVIEWS_PATH}?xong=phan-hoi#danh-gia-${id}`, 303);
  });

  // ── anyone signed in: report a review (the card's form) ─────────────────────────────────────
  web.post(REPORT_FORM_ROUTE, formLimit, async (c) => {
    const principal = requirePrincipal(c);
    const id = reviewIdOf(c);
    const services = c.get('services');
    const values = await readForm(c, ['reason']);
    try {
      const review = await reportReview(services, principal, id, parsed(ReportInputSchema, values).reason);
      return send(c, <ReportResultPage assets={assetsOf(c)} review={review} />);
    } catch (error) {
      const failure = problemOf(id, values.reason ?? '', error);
      const review = failure && failure.status !== 404 ? await services.reviews.getReview(id) : undefined;
      if (!failure || !review) throw error;
      return send(c, <ReportResultPage assets={assetsOf(c)} review={review} problem={failure.problem} />, failure.status);
    }
  });

  // ── officers of the province, admins: the queue, hide / restore with a reason ─────────────
  const queuePage = async (c: Context<AppEnv>, status: 200 | FailureStatus = 200, problem?: ReviewFormProblem, done?: ModerationDone) => {
    const who = registrar(c);
    const code = queueProvince(c, who);
    assertOfficerOf(who, code, { orAdmin: true });
    const services = c.get('services');
    const [reported, hidden] = await Promise.all([services.reviews.reportedInProvince(code, QUEUE_SIZE), services.reviews.hiddenInProvince(code, QUEUE_SIZE)]);
    const provinceOptions = who.role === 'admin' ? provinces.map((p) => ({ code: p.code, label: provinceLabel(p) })) : undefined;
    return send(c, <ModerationPage assets={assetsOf(c)} principal={who} provinceCode={code} provinceOptions={provinceOptions} reported={reported} hidden={hidden} problem={problem} done={done} />, status);
  };
  web.get(MODERATION_PATH, (c) => {
    if (!currentPrincipal(c)) return toLogin(c);
    const done = c.req.query('xong');
    return queuePage(c, 200, undefined, done === 'an' || done === 'hien' ? done : undefined);
  });
  web.post(`${MODERATION_PATH}/:id/kiem-duyet`, formLimit, async (c) => {
    const who = registrar(c);
    const id = reviewIdOf(c);
    const values = await readForm(c, ['action', 'reason']);
    let action: 'hide' | 'restore' | undefined;
    try {
      const input = parsed(ModerationInputSchema, values);
      action = input.action;
      await moderateReview(c.get('services'), who, id, input);
    } catch (error) {
      const failure = problemOf(id, values.reason ?? '', error);
      if (!failure || failure.status === 403 || failure.status === 404) throw error;
      return queuePage(c, failure.status, failure.problem);
    }
    const tinh = who.role === 'admin' && c.req.query('tinh') ? `&tinh=${encodeURIComponent(c.req.query('tinh')!)}` : '';
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${MODERATION_PATH}?xong=${action === 'hide' ? 'an' : 'hien'}${tinh}#${action === 'hide' ? 'da-an' : 'cho-xu-ly'}`, 303);
  });
  return web;
}
