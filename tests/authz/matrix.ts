/**
 * THE AUTHORIZATION MATRIX — every mutating route (POST, PUT, PATCH, DELETE) of the app, and what
 * each kind of caller must get. tests/authz/matrix.test.ts reads the app's real routes and fails
 * when a mutating route is missing here, or an entry here has no route.
 *
 * Adding a route? Add ONE entry to `matrix` below:
 *
 *   {
 *     method: 'POST',
 *     path: '/api/producers/:id/products',          // Hono's pattern, as in app.routes (`:id`, not `{id}`)
 *     expect: storefrontOwner(),                     // or only('admin'), signedIn(), everyone(), or spell out all 7 roles
 *     request: (ctx) => ({
 *       path: `/api/producers/${ctx.fixtures.producerA}/products`,   // the concrete URL
 *       json: { name: 'Mật ong bạc hà', priceVnd: 150000 },          // a VALID body, so only authorization can refuse it
 *     }),
 *   },
 *
 * - Roles: anonymous (no session), shopper, producerA (owns storefront `fixtures.producerA`),
 *   producerB (owns `fixtures.producerB`), officerX (province `fixtures.provinceX`), officerY
 *   (`fixtures.provinceY`), admin. Target producerA's storefront / provinceX when the route is
 *   object-level, so producerB / officerY show the 403.
 * - Outcomes: 'allow' (anything but 401/403, and not a 5xx), or 401 / 403 (exact status, shared
 *   error shape).
 * - Each case runs as a brand-new account of its role with a fresh session, so a request that logs
 *   out or changes the password harms no other case. `/api/*` requests carry a Bearer token; page
 *   routes a session cookie plus a same-origin Origin, as a browser form would.
 * - `request` may be async and may create what it needs first through `ctx.services` (a product to
 *   edit, an account to disable) — see the disable entry below.
 */
import type { Role } from '../../shared/identity/principal';
import type { Services } from '../../shared/services';
import type { TestAccount } from './accounts';
import { listedProduct } from '../cart/fixtures';
import { pendingApplication } from '../onboarding/fixtures';
import { draftProductOf } from '../producer/fixtures';
import { recordCertificate } from '../producer/certificates';
import { draftProductWithVariantsOf } from '../producer/variant-fixtures';
import { certificateInProvinceX, recordBodyInProvinceX } from '../registry/matrix-support';
import { address } from '../orders/fixtures';
import { orderBy, placeBody, productOfA } from '../orders/matrix-support';
import { deliveredLineBy, reviewOfA } from '../reviews/matrix-support';
import { endedLiveOfA, liveBodyOfA, liveOfA, runningLiveOfA } from '../livestream/matrix-support';
import { applicationOfA, boothOfA, fairBodyOfX, fairOfX, inquiryBody, inquiryToA } from '../fairs/matrix-support';

/** A 1×1 PNG: enough for the image pipeline to accept. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
import { consolePointForm, pointBody } from '../locator/fixtures';
import { dossierOfA, newSheetBody, roundInProvinceX, seatCaller, sheetChoices } from '../evaluation/matrix-support';
import { preAssessmentBody, roundBody } from '../evaluation/eval-fixtures';
import { PointInputSchema } from '../../shared/locator/point-of-sale';

export { matrixRoles, type MatrixContext, type MatrixFixtures, type MatrixRole, type Method, type Outcome } from './matrix-context';
import { matrixRoles, type MatrixContext, type MatrixRole, type Method, type Outcome } from './matrix-context';

export interface MatrixRequest {
  /** The concrete URL; defaults to the entry's path (routes without parameters). */
  path?: string;
  json?: unknown;
  form?: Record<string, string>;
  /** Sent as multipart/form-data (files as Blob/File). */
  multipart?: Record<string, string | Blob>;
  headers?: Record<string, string>;
}

export interface MatrixEntry {
  method: Method;
  path: string;
  expect: Record<MatrixRole, Outcome>;
  request?: (ctx: MatrixContext) => MatrixRequest | Promise<MatrixRequest>;
}

/** Anyone, signed in or not. */
export const everyone = (): Record<MatrixRole, Outcome> => ({
  anonymous: 'allow',
  shopper: 'allow',
  producerA: 'allow',
  producerB: 'allow',
  officerX: 'allow',
  officerY: 'allow',
  admin: 'allow',
});

/** Any signed-in account; 401 for anonymous. */
export const signedIn = (): Record<MatrixRole, Outcome> => ({ ...everyone(), anonymous: 401 });

/** Only the listed roles; anonymous 401, every other role 403. */
export function only(...allowed: MatrixRole[]): Record<MatrixRole, Outcome> {
  const out = {} as Record<MatrixRole, Outcome>;
  for (const role of matrixRoles) out[role] = allowed.includes(role) ? 'allow' : role === 'anonymous' ? 401 : 403;
  return out;
}

/** Object-level on producerA's storefront: its owner (and admin when `orAdmin`). */
export const storefrontOwner = (options: { orAdmin?: boolean } = {}) => only('producerA', ...(options.orAdmin ? (['admin'] as const) : []));

/** Object-level on provinceX: its officer (and admin when `orAdmin`). */
export const provinceOfficer = (options: { orAdmin?: boolean } = {}) => only('officerX', ...(options.orAdmin ? (['admin'] as const) : []));

const registration = (ctx: MatrixContext) => {
  const u = ctx.unique();
  return { displayName: `Người mới ${u}`, email: `moi-${u}@thu-nghiem.vn`, password: 'một mật khẩu đủ dài', accountType: 'shopper' };
};

/** Anonymous logs in to an account made for the case; the others to their own. */
const credentials = async (ctx: MatrixContext) => {
  const who = ctx.caller ?? (await ctx.createAccount('shopper'));
  return { email: who.account.email, password: who.password };
};

const currentPassword = (ctx: MatrixContext) => ctx.caller?.password ?? 'không có phiên nên không cần';

export const matrix: MatrixEntry[] = [
  // ── media ────────────────────────────────────────────────────────────────────────────────
  // The runner sends urlencoded forms, not multipart: without a file the owner gets 400
  // IMAGE_FILE_MISSING, after the role and ownership checks. Real uploads: tests/media/upload-route.test.ts.
  {
    method: 'POST',
    path: '/api/media/images',
    expect: storefrontOwner(),
    request: (ctx) => ({ form: { producerId: ctx.fixtures.producerA, purpose: 'product', alt: 'Mật ong bạc hà' } }),
  },
  // No bucket in tests: the owner gets 409 DIRECT_UPLOAD_UNAVAILABLE; the presigned path is in tests/media.
  {
    method: 'POST',
    path: '/api/media/uploads',
    expect: storefrontOwner(),
    request: (ctx) => ({ json: { producerId: ctx.fixtures.producerA, purpose: 'product', alt: 'Mật ong bạc hà' } }),
  },

  // ── identity: JSON API ──────────────────────────────────────────────────────────────────────
  { method: 'POST', path: '/api/auth/register', expect: everyone(), request: (ctx) => ({ json: registration(ctx) }) },
  { method: 'POST', path: '/api/auth/login', expect: everyone(), request: async (ctx) => ({ json: await credentials(ctx) }) },
  { method: 'POST', path: '/api/auth/logout', expect: signedIn() },
  {
    method: 'POST',
    path: '/api/auth/password',
    expect: signedIn(),
    request: (ctx) => ({ json: { currentPassword: currentPassword(ctx), newPassword: 'mật khẩu mới đủ dài' } }),
  },
  {
    method: 'POST',
    path: '/api/admin/officers',
    expect: only('admin'),
    request: (ctx) => {
      const u = ctx.unique();
      return { json: { email: `can-bo-${u}@thu-nghiem.vn`, password: 'mật khẩu ban đầu', displayName: `Cán bộ ${u}`, provinceCode: ctx.fixtures.provinceX } };
    },
  },
  {
    method: 'POST',
    path: '/api/admin/accounts/:id/disable',
    expect: only('admin'),
    request: async (ctx) => ({ path: `/api/admin/accounts/${(await ctx.createAccount('shopper')).account.id}/disable` }),
  },

  // ── identity: web forms ─────────────────────────────────────────────────────────────────────
  { method: 'POST', path: '/dang-ky', expect: everyone(), request: (ctx) => ({ form: registration(ctx) }) },
  { method: 'POST', path: '/dang-nhap', expect: everyone(), request: async (ctx) => ({ form: await credentials(ctx) }) },
  // Signing out when signed out is a no-op redirect, not an error.
  { method: 'POST', path: '/dang-xuat', expect: everyone() },
  {
    method: 'POST',
    path: '/tai-khoan/mat-khau',
    expect: signedIn(),
    request: (ctx) => ({ form: { currentPassword: currentPassword(ctx), newPassword: 'mật khẩu mới đủ dài', confirmPassword: 'mật khẩu mới đủ dài' } }),
  },

  // ── onboarding (producer applies; the officer of the application's province decides) ─────────
  {
    method: 'POST',
    path: '/api/onboarding/applications',
    // Bound producers (A, B) pass authorization and get 409 PRODUCER_ALREADY_BOUND.
    expect: only('producerA', 'producerB'),
    request: () => ({
      json: { subjectType: 'cooperative', legalName: 'HTX Ma trận', taxCode: '0101234567', provinceCode: '01', commune: 'phường Hoàn Kiếm', addressLine: '1 Hàng Bạc', phone: '0912345678', email: 'htx@ma-tran.vn', story: '' },
    }),
  },
  {
    method: 'POST',
    path: '/api/onboarding/applications/:id/approve',
    expect: provinceOfficer(),
    request: async (ctx) => ({ path: `/api/onboarding/applications/${(await pendingApplication(ctx.services, ctx.fixtures.provinceX)).id}/approve`, json: {} }),
  },
  {
    method: 'POST',
    path: '/api/onboarding/applications/:id/reject',
    expect: provinceOfficer(),
    request: async (ctx) => ({ path: `/api/onboarding/applications/${(await pendingApplication(ctx.services, ctx.fixtures.provinceX)).id}/reject`, json: { reason: 'Hồ sơ thiếu giấy phép' } }),
  },
  // Web forms of onboarding: same rules as the API above.
  {
    method: 'POST',
    path: '/co-so-cua-toi/dang-ky',
    expect: only('producerA', 'producerB'),
    request: () => ({
      form: { subjectType: 'cooperative', legalName: 'HTX Ma trận', taxCode: '0101234567', provinceCode: '01', commune: 'phường Hoàn Kiếm', addressLine: '1 Hàng Bạc', phone: '0912345678', email: 'htx@ma-tran.vn', story: '' },
    }),
  },
  {
    method: 'POST',
    path: '/quan-ly/tinh/ho-so/:id/duyet',
    expect: provinceOfficer(),
    request: async (ctx) => ({ path: `/quan-ly/tinh/ho-so/${(await pendingApplication(ctx.services, ctx.fixtures.provinceX)).id}/duyet`, form: {} }),
  },
  {
    method: 'POST',
    path: '/quan-ly/tinh/ho-so/:id/tu-choi',
    expect: provinceOfficer(),
    request: async (ctx) => ({ path: `/quan-ly/tinh/ho-so/${(await pendingApplication(ctx.services, ctx.fixtures.provinceX)).id}/tu-choi`, form: { reason: 'Hồ sơ thiếu giấy phép' } }),
  },
  // ── registry: officers of the subject's province (admin anywhere) ──────────────────────────
  {
    method: 'POST',
    path: '/api/registry/certificates',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ json: await recordBodyInProvinceX(ctx) }),
  },
  {
    method: 'POST',
    path: '/api/registry/certificates/:no/revoke',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/api/registry/certificates/${await certificateInProvinceX(ctx)}/revoke`,
      json: { revocationDecisionNo: '88/QĐ-UBND', revokedOn: '2026-11-20', reason: 'Vi phạm tiêu chí bắt buộc' },
    }),
  },
  {
    method: 'POST',
    path: '/api/registry/certificates/:no/downgrade',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/api/registry/certificates/${await certificateInProvinceX(ctx)}/downgrade`,
      json: { stars: 2, decisionNo: '89/QĐ-UBND', reason: 'Đánh giá lại không đạt' },
    }),
  },
  {
    method: 'POST',
    path: '/api/registry/certificates/:no/renew',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/api/registry/certificates/${await certificateInProvinceX(ctx)}/renew`,
      json: { decisionNo: '90/QĐ-UBND', decisionDate: '2026-11-01' },
    }),
  },
  {
    method: 'POST',
    path: '/quan-ly/tinh/chung-nhan',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      form: Object.fromEntries(Object.entries(await recordBodyInProvinceX(ctx)).map(([k, v]) => [k, String(v)])),
    }),
  },
  // Route-level: any officer may upload; each row is then checked against the caller's province (row errors in the report).
  {
    method: 'POST',
    path: '/quan-ly/tinh/nhap-csv',
    expect: only('officerX', 'officerY', 'admin'),
    request: async (ctx) => {
      const row = await recordBodyInProvinceX(ctx);
      const columns = Object.keys(row);
      return { form: { dryRun: '1', csvText: `${columns.join(',')}\n${columns.map((k) => String(row[k as keyof typeof row])).join(',')}` } };
    },
  },
  // Console forms of the changes above: same service functions, same object-level rule (web/registry/certificate-routes.tsx).
  {
    method: 'POST',
    path: '/quan-ly/tinh/chung-nhan/:no/thu-hoi',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/quan-ly/tinh/chung-nhan/${await certificateInProvinceX(ctx)}/thu-hoi`,
      form: { revokeDecisionNo: '88/QĐ-UBND', revokedOn: '20/11/2026', revokeReason: 'Vi phạm tiêu chí bắt buộc' },
    }),
  },
  {
    method: 'POST',
    path: '/quan-ly/tinh/chung-nhan/:no/minh-chung',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/quan-ly/tinh/chung-nhan/${await certificateInProvinceX(ctx)}/minh-chung`,
      multipart: { evidence: new File(['%PDF-1.4\n%%EOF\n'], 'quyet-dinh.pdf', { type: 'application/pdf' }) },
    }),
  },
  {
    method: 'POST',
    path: '/quan-ly/tinh/chung-nhan/:no/ha-hang',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/quan-ly/tinh/chung-nhan/${await certificateInProvinceX(ctx)}/ha-hang`,
      form: { downgradeStars: '2', downgradeDecisionNo: '89/QĐ-UBND', downgradeReason: 'Đánh giá lại không đạt' },
    }),
  },
  {
    method: 'POST',
    path: '/quan-ly/tinh/chung-nhan/:no/cong-nhan-lai',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/quan-ly/tinh/chung-nhan/${await certificateInProvinceX(ctx)}/cong-nhan-lai`,
      form: { renewDecisionNo: '90/QĐ-UBND', renewDecisionDate: '01/11/2026' },
    }),
  },

  // ── storefront editing and product management (owner only; object-level on producerA) ────────
  {
    method: 'PATCH',
    path: '/api/producers/:id',
    expect: storefrontOwner(),
    request: (ctx) => ({ path: `/api/producers/${ctx.fixtures.producerA}`, json: { story: `Câu chuyện ${ctx.unique()}`, shippingFeeVnd: 25000 } }),
  },
  {
    method: 'POST',
    path: '/api/producers/:id/products',
    expect: storefrontOwner(),
    request: (ctx) => ({
      path: `/api/producers/${ctx.fixtures.producerA}/products`,
      json: { name: `Mật ong bạc hà ${ctx.unique()}`, group: 'food', subgroup: 'food-condiment', priceVnd: 150000, unit: 'hũ 500 g' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/products/:id',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/api/products/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}`, json: { priceVnd: 160000 } }),
  },
  {
    method: 'POST',
    path: '/api/products/:id/archive',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/api/products/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}/archive` }),
  },
  {
    method: 'PUT',
    path: '/api/products/:id/stock',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/api/products/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}/stock`, json: { stock: 7 } }),
  },
  {
    method: 'PUT',
    path: '/api/products/:id/variants/:variantId/stock',
    expect: storefrontOwner(),
    request: async (ctx) => ({
      path: `/api/products/${(await draftProductWithVariantsOf(ctx.services, ctx.fixtures.producerA)).id}/variants/chai-1-lit/stock`,
      json: { stock: 7 },
    }),
  },
  {
    method: 'POST',
    path: '/api/products/:id/certificate',
    expect: storefrontOwner(),
    request: async (ctx) => {
      const product = await draftProductOf(ctx.services, ctx.fixtures.producerA);
      const cert = await recordCertificate(ctx.services, ctx.fixtures.producerA);
      return { path: `/api/products/${product.id}/certificate`, json: { certificateNo: cert.certificateNo } };
    },
  },
  // The dashboard form edits the caller's own storefront (no id in the path), so B edits B.
  {
    method: 'POST',
    path: '/co-so-cua-toi/gian-hang',
    expect: only('producerA', 'producerB'),
    request: (ctx) => ({ form: { story: `Câu chuyện ${ctx.unique()}`, shippingFeeVnd: '20000' } }),
  },
  // Logo and banner (web/producer/storefront-images.ts): the caller's own storefront, like the form
  // above. Urlencoded, no file: the owner gets 400 "Chọn một tệp ảnh"; real uploads and B-cannot-touch-A:
  // tests/producer/storefront-images-web.test.ts. Removing a key the storefront does not have is a no-op.
  ...(['logo', 'anh-bia'] as const).flatMap((slug): MatrixEntry[] => [
    { method: 'POST', path: `/co-so-cua-toi/${slug}`, expect: only('producerA', 'producerB'), request: () => ({ form: {} }) },
    { method: 'POST', path: `/co-so-cua-toi/${slug}/go`, expect: only('producerA', 'producerB'), request: () => ({ form: { key: 'logos/htx-ma-tran-a/khong-co' } }) },
  ]),
  // Dashboard product pages (web/producer/product-routes.tsx): a new product goes into the caller's
  // own storefront (so B creates in B); every /:id form is object-level through ownedProduct.
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/moi',
    expect: only('producerA', 'producerB'),
    request: (ctx) => ({ form: { name: `Mật ong bạc hà ${ctx.unique()}`, group: 'food', subgroup: 'food-honey', priceVnd: '150.000', unit: 'hũ 500 g', stock: '5', tags: 'mật ong' } }),
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id',
    expect: storefrontOwner(),
    request: async (ctx) => {
      const p = await draftProductOf(ctx.services, ctx.fixtures.producerA);
      return { path: `/co-so-cua-toi/san-pham/${p.id}`, form: { name: p.name, description: '', group: p.group, subgroup: p.subgroup, priceVnd: '160000', unit: p.unit, tags: '', expectedUpdatedAt: p.updatedAt } };
    },
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id/trang-thai',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/san-pham/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}/trang-thai`, form: { status: 'active' } }),
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id/luu-tru',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/san-pham/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}/luu-tru`, form: { confirm: '1' } }),
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id/ton-kho',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/san-pham/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}/ton-kho`, form: { stock: '7' } }),
  },
  // The variants table (a single-price product switching to two sizes) and "Bỏ phân loại".
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id/phan-loai',
    expect: storefrontOwner(),
    request: async (ctx) => ({
      path: `/co-so-cua-toi/san-pham/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}/phan-loai`,
      form: { 'variant-0-label': 'chai 500 ml', 'variant-0-priceVnd': '90.000', 'variant-0-stock': '3', 'variant-1-label': 'chai 1 lít', 'variant-1-priceVnd': '160000' },
    }),
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id/phan-loai/bo',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/san-pham/${(await draftProductWithVariantsOf(ctx.services, ctx.fixtures.producerA)).id}/phan-loai/bo`, form: { confirmSinglePrice: '1' } }),
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id/chung-nhan',
    expect: storefrontOwner(),
    request: async (ctx) => {
      const product = await draftProductOf(ctx.services, ctx.fixtures.producerA);
      const cert = await recordCertificate(ctx.services, ctx.fixtures.producerA);
      return { path: `/co-so-cua-toi/san-pham/${product.id}/chung-nhan`, form: { certificateNo: cert.certificateNo } };
    },
  },
  // Urlencoded, no file: the owner gets the page back with 400 "Chọn một tệp ảnh", after the
  // ownership check. Real multipart uploads: tests/producer/product-images-web.test.ts.
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id/anh',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/san-pham/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}/anh`, form: { alt: 'Hũ mật ong' } }),
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/san-pham/:id/anh/xoa',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/san-pham/${(await draftProductOf(ctx.services, ctx.fixtures.producerA)).id}/anh/xoa`, form: { key: 'products/htx-ma-tran-a/khong-co' } }),
  },

  // ── orders (shared/orders/routes.ts; docs/orders.md) ─────────────────────────────────────────
  // Any signed-in account may buy; each case places its own order of producerA's product.
  {
    method: 'POST',
    path: '/api/orders',
    expect: signedIn(),
    request: async (ctx) => ({ json: await placeBody(ctx), headers: { 'idempotency-key': ctx.unique() } }),
  },
  // The caller cancels (or pays) their own order; anonymous has none.
  {
    method: 'POST',
    path: '/api/orders/:id/cancel',
    expect: signedIn(),
    request: async (ctx) => ({ path: `/api/orders/${(await orderBy(ctx, ctx.caller)).orderId}/cancel`, json: {} }),
  },
  // A COD order has nothing to pay by card: the buyer gets 409 PAYMENT_NOT_AWAITED, after authorization.
  {
    method: 'POST',
    path: '/api/orders/:id/card-checkout',
    expect: signedIn(),
    request: async (ctx) => ({ path: `/api/orders/${(await orderBy(ctx, ctx.caller)).orderId}/card-checkout` }),
  },
  // A shopper's order from producerA (province X): its storefront moves it; producerB and the readers
  // of it (officerX, admin) get 403; an unrelated shopper and officerY get 404 (no hint it exists).
  {
    method: 'POST',
    path: '/api/sub-orders/:id/transitions',
    expect: { anonymous: 401, shopper: 'allow', producerA: 'allow', producerB: 403, officerX: 403, officerY: 'allow', admin: 403 },
    request: async (ctx) => ({ path: `/api/sub-orders/${(await orderBy(ctx)).subOrderId}/transitions`, json: { to: 'packed' } }),
  },
  // ── reviews (shared/reviews/routes.ts; docs/reviews.md) ──────────────────────────────────────
  // Any signed-in account that bought and received the line reviews it (each case its own delivered order).
  {
    method: 'POST',
    path: '/api/orders/:orderId/items/:lineId/review',
    expect: signedIn(),
    request: async (ctx) => {
      const line = await deliveredLineBy(ctx, ctx.caller);
      return { path: `/api/orders/${line.orderId}/items/${line.lineId}/review`, json: { stars: 5, text: 'Rất ngon' } };
    },
  },
  {
    method: 'PATCH',
    path: '/api/orders/:orderId/items/:lineId/review',
    expect: signedIn(),
    request: async (ctx) => {
      const line = ctx.caller ? await reviewOfA(ctx, { buyer: ctx.caller }) : await reviewOfA(ctx);
      return { path: `/api/orders/${line.orderId}/items/${line.lineId}/review`, json: { stars: 3 } };
    },
  },
  // The same as a page form (post/redirect/get): the caller's own delivered line.
  {
    method: 'POST',
    path: '/danh-gia/:orderId/:lineId',
    expect: signedIn(),
    request: async (ctx) => {
      const line = await deliveredLineBy(ctx, ctx.caller);
      return { path: `/danh-gia/${line.orderId}/${line.lineId}`, form: { stars: '5', text: 'Rất ngon' } };
    },
  },
  // Any signed-in account uploads a photo into its own folder (reviews/<accountId>/…); a tiny real PNG.
  {
    method: 'POST',
    path: '/api/reviews/photos',
    expect: signedIn(),
    request: () => ({ multipart: { file: new Blob([TINY_PNG], { type: 'image/png' }), alt: 'Ảnh đánh giá' } }),
  },
  // The storefront of the product answers; producerB and every other role 403.
  {
    method: 'POST',
    path: '/api/reviews/:id/reply',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/api/reviews/${(await reviewOfA(ctx)).lineId}/reply`, json: { text: 'Cảm ơn quý khách' } }),
  },
  { method: 'POST', path: '/api/reviews/:id/reports', expect: signedIn(), request: async (ctx) => ({ path: `/api/reviews/${(await reviewOfA(ctx)).lineId}/reports`, json: { reason: 'Nội dung sai' } }) },
  // The product is made in province X: its officers and admins decide; officerY 403.
  {
    method: 'POST',
    path: '/api/reviews/:id/moderation',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/reviews/${(await reviewOfA(ctx, { reported: true })).lineId}/moderation`, json: { action: 'hide', reason: 'Quảng cáo' } }),
  },
  // ── fairs (shared/fairs/routes.ts; docs/fairs.md) ─────────────────────────────────────────────
  // officerY gets 403 NOT_PROVINCE_OFFICER for a fair of provinceX; an admin organises any fair.
  { method: 'POST', path: '/api/fairs', expect: provinceOfficer({ orAdmin: true }), request: (ctx) => ({ json: fairBodyOfX(ctx) }) },
  {
    method: 'POST',
    path: '/api/fairs/:id/transitions',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/fairs/${await fairOfX(ctx)}/transitions`, json: { to: 'open' } }),
  },
  // Both bound producers may apply (each case its own fair).
  { method: 'POST', path: '/api/fairs/:id/booth-applications', expect: only('producerA', 'producerB'), request: async (ctx) => ({ path: `/api/fairs/${await fairOfX(ctx, 'open')}/booth-applications`, json: {} }) },
  {
    method: 'POST',
    path: '/api/booth-applications/:id/accept',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/booth-applications/${await applicationOfA(ctx)}/accept`, json: { boothNo: 2 } }),
  },
  {
    method: 'POST',
    path: '/api/booth-applications/:id/reject',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/booth-applications/${await applicationOfA(ctx)}/reject`, json: { reason: 'Chưa đủ hồ sơ' } }),
  },
  {
    method: 'PUT',
    path: '/api/fairs/:id/booths/:boothId',
    expect: storefrontOwner({ orAdmin: true }),
    request: async (ctx) => {
      const { fairId, boothNo } = await boothOfA(ctx);
      return { path: `/api/fairs/${fairId}/booths/${boothNo}`, json: { intro: 'Nước mắm truyền thống' } };
    },
  },
  // Public: business buyers need no account.
  {
    method: 'POST',
    path: '/api/fairs/:id/booths/:boothId/inquiries',
    expect: everyone(),
    request: async (ctx) => {
      const { fairId, boothNo } = await boothOfA(ctx);
      return { path: `/api/fairs/${fairId}/booths/${boothNo}/inquiries`, json: inquiryBody };
    },
  },
  { method: 'POST', path: '/api/fair-inquiries/:id/replies', expect: storefrontOwner({ orAdmin: true }), request: async (ctx) => ({ path: `/api/fair-inquiries/${await inquiryToA(ctx)}/replies`, json: { text: 'Cảm ơn quý công ty' } }) },
  { method: 'POST', path: '/api/fair-inquiries/:id/status', expect: storefrontOwner({ orAdmin: true }), request: async (ctx) => ({ path: `/api/fair-inquiries/${await inquiryToA(ctx)}/status`, json: { status: 'closed' } }) },

  // ── fairs: pages (web/fairs) ──────────────────────────────────────────────────────────────────
  {
    method: 'POST',
    path: '/hoi-cho/:id/gian/:boothNo/lien-he',
    expect: everyone(),
    request: async (ctx) => {
      const { fairId, boothNo } = await boothOfA(ctx);
      return { path: `/hoi-cho/${fairId}/gian/${boothNo}/lien-he`, form: inquiryBody };
    },
  },
  {
    method: 'POST',
    path: '/quan-ly/hoi-cho',
    // The form names no province for an officer (their own is used): both officers may create.
    expect: only('officerX', 'officerY', 'admin'),
    request: (ctx) => {
      const b = fairBodyOfX(ctx);
      const local = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16);
      return { form: { name: b.name, theme: b.theme, startsAt: local(b.startsAt), endsAt: local(b.endsAt), provinceCodes: ctx.fixtures.provinceX, hall1Name: 'Khu thực phẩm', hall1Kind: 'group', hall1Code: 'food', hall1Count: '5' } };
    },
  },
  { method: 'POST', path: '/quan-ly/hoi-cho/:id/chuyen', expect: provinceOfficer({ orAdmin: true }), request: async (ctx) => ({ path: `/quan-ly/hoi-cho/${await fairOfX(ctx)}/chuyen`, form: { to: 'open' } }) },
  { method: 'POST', path: '/quan-ly/hoi-cho/don/:appId/nhan', expect: provinceOfficer({ orAdmin: true }), request: async (ctx) => ({ path: `/quan-ly/hoi-cho/don/${await applicationOfA(ctx)}/nhan`, form: { boothNo: '2' } }) },
  { method: 'POST', path: '/quan-ly/hoi-cho/don/:appId/tu-choi', expect: provinceOfficer({ orAdmin: true }), request: async (ctx) => ({ path: `/quan-ly/hoi-cho/don/${await applicationOfA(ctx)}/tu-choi`, form: { reason: 'Chưa đủ hồ sơ' } }) },
  { method: 'POST', path: '/co-so-cua-toi/hoi-cho/:id/dang-ky', expect: only('producerA', 'producerB'), request: async (ctx) => ({ path: `/co-so-cua-toi/hoi-cho/${await fairOfX(ctx, 'open')}/dang-ky`, form: { message: 'Xin một gian' } }) },
  {
    method: 'POST',
    path: '/co-so-cua-toi/hoi-cho/:id/gian/:boothNo',
    expect: only('producerA'),
    request: async (ctx) => {
      const { fairId, boothNo } = await boothOfA(ctx);
      return { path: `/co-so-cua-toi/hoi-cho/${fairId}/gian/${boothNo}`, form: { intro: 'Nước mắm truyền thống' } };
    },
  },
  { method: 'POST', path: '/co-so-cua-toi/hoi-cho/lien-he/:inqId', expect: only('producerA'), request: async (ctx) => ({ path: `/co-so-cua-toi/hoi-cho/lien-he/${await inquiryToA(ctx)}`, form: { text: 'Cảm ơn quý công ty' } }) },

  // The same three as page forms (web/reviews/answer-routes.tsx): reply from the dashboard, report
  // from a review card, hide from the province console's queue.
  {
    method: 'POST',
    path: '/co-so-cua-toi/danh-gia/:id/phan-hoi',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/danh-gia/${(await reviewOfA(ctx)).lineId}/phan-hoi`, form: { text: 'Cảm ơn quý khách' } }),
  },
  { method: 'POST', path: '/bao-cao-danh-gia/:id', expect: signedIn(), request: async (ctx) => ({ path: `/bao-cao-danh-gia/${(await reviewOfA(ctx)).lineId}`, form: { reason: 'Nội dung sai' } }) },
  {
    method: 'POST',
    path: '/quan-ly/tinh/danh-gia/:id/kiem-duyet',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/quan-ly/tinh/danh-gia/${(await reviewOfA(ctx, { reported: true })).lineId}/kiem-duyet`, form: { action: 'hide', reason: 'Quảng cáo' } }),
  },
  // ── livestreams (shared/livestream/routes.ts; docs/livestream.md) ────────────────────────────
  // A producer schedules for its own storefront (the body names producerA, as an admin must):
  // producerB is refused by the storefront check, shoppers and officers by role.
  { method: 'POST', path: '/api/livestreams', expect: storefrontOwner({ orAdmin: true }), request: async (ctx) => ({ json: await liveBodyOfA(ctx) }) },
  { method: 'POST', path: '/api/livestreams/:id/start', expect: storefrontOwner({ orAdmin: true }), request: async (ctx) => ({ path: `/api/livestreams/${await liveOfA(ctx)}/start` }) },
  { method: 'POST', path: '/api/livestreams/:id/end', expect: storefrontOwner({ orAdmin: true }), request: async (ctx) => ({ path: `/api/livestreams/${await runningLiveOfA(ctx)}/end` }) },
  {
    method: 'POST',
    path: '/api/livestreams/:id/cancel',
    expect: storefrontOwner({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/livestreams/${await liveOfA(ctx)}/cancel`, json: { reason: 'Mất điện ở xưởng' } }),
  },
  {
    method: 'PATCH',
    path: '/api/livestreams/:id',
    expect: storefrontOwner({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/livestreams/${await liveOfA(ctx)}`, json: { title: 'Mật ong giá live, giờ mới' } }),
  },
  {
    method: 'POST',
    path: '/api/livestreams/:id/replay',
    expect: storefrontOwner({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/livestreams/${await endedLiveOfA(ctx)}/replay`, json: { replayUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } }),
  },
  // Any signed-in account follows a storefront's lives (and stops: idempotent).
  { method: 'POST', path: '/api/livestream-follows', expect: signedIn(), request: (ctx) => ({ json: { producerId: ctx.fixtures.producerA } }) },
  { method: 'DELETE', path: '/api/livestream-follows/:producerId', expect: signedIn(), request: (ctx) => ({ path: `/api/livestream-follows/${ctx.fixtures.producerA}` }) },
  // The same as the producer's page forms (post/redirect/get): its own storefront only (admins use the API).
  {
    method: 'POST',
    path: '/co-so-cua-toi/livestream',
    expect: only('producerA'),
    request: async (ctx) => {
      const body = await liveBodyOfA(ctx);
      const local = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16);
      return { form: { title: body.title, platform: body.platform, streamUrl: body.streamUrl, startsAt: local(body.startsAt), endsAt: local(body.endsAt), productId: body.products[0]!.productId, livePriceVnd: String(body.products[0]!.livePriceVnd), quota: '10' } };
    },
  },
  { method: 'POST', path: '/co-so-cua-toi/livestream/:id/start', expect: only('producerA'), request: async (ctx) => ({ path: `/co-so-cua-toi/livestream/${await liveOfA(ctx)}/start`, form: {} }) },
  { method: 'POST', path: '/co-so-cua-toi/livestream/:id/end', expect: only('producerA'), request: async (ctx) => ({ path: `/co-so-cua-toi/livestream/${await runningLiveOfA(ctx)}/end`, form: {} }) },
  {
    method: 'POST',
    path: '/co-so-cua-toi/livestream/:id/cancel',
    expect: only('producerA'),
    request: async (ctx) => ({ path: `/co-so-cua-toi/livestream/${await liveOfA(ctx)}/cancel`, form: { reason: 'Mất điện ở xưởng' } }),
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/livestream/:id/sua',
    expect: only('producerA'),
    request: async (ctx) => ({ path: `/co-so-cua-toi/livestream/${await liveOfA(ctx)}/sua`, form: { title: 'Mật ong giá live, giờ mới' } }),
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/livestream/:id/xem-lai',
    expect: only('producerA'),
    request: async (ctx) => ({ path: `/co-so-cua-toi/livestream/${await endedLiveOfA(ctx)}/xem-lai`, form: { replayUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } }),
  },
  // Following from the live's page (post/redirect/get): any signed-in account.
  { method: 'POST', path: '/livestream/:id/theo-doi', expect: signedIn(), request: async (ctx) => ({ path: `/livestream/${await liveOfA(ctx)}/theo-doi`, form: { action: 'theo' } }) },
  // Stripe calls it without a session: the signature is the authentication (no key in tests → 404).
  { method: 'POST', path: '/api/payments/stripe/webhook', expect: everyone(), request: () => ({ json: { id: 'evt_test', type: 'checkout.session.completed' } }) },
  // ── cart (open to everyone: a guest cart by cookie, or the caller's account cart) ────────────
  {
    method: 'POST',
    path: '/api/cart/items',
    expect: everyone(),
    request: async (ctx) => ({ json: { productId: (await listedProduct(ctx.services)).id, quantity: 2 } }),
  },
  // Setting a line the cart does not have to 0 is a no-op (200), so the body is valid for every role.
  { method: 'PUT', path: '/api/cart/items', expect: everyone(), request: () => ({ json: { productId: 'khong-co-trong-gio', quantity: 0 } }) },
  { method: 'DELETE', path: '/api/cart/items', expect: everyone(), request: () => ({ path: '/api/cart/items?productId=khong-co-trong-gio' }) },
  {
    method: 'POST',
    path: '/gio-hang/them',
    expect: everyone(),
    request: async (ctx) => ({ form: { product: (await listedProduct(ctx.services)).id, qty: '1' } }),
  },
  { method: 'POST', path: '/gio-hang/cap-nhat', expect: everyone(), request: () => ({ form: { product: 'khong-co-trong-gio', qty: '0' } }) },
  { method: 'POST', path: '/gio-hang/xoa', expect: everyone(), request: () => ({ form: { product: 'khong-co-trong-gio' } }) },

  // ── orders pages (web/orders/routes.tsx): the same services, as forms with a session cookie ─────
  // Checkout: any signed-in account buys ("Mua ngay" line of producerA's product, COD).
  {
    method: 'POST',
    path: '/thanh-toan',
    expect: signedIn(),
    request: async (ctx) => ({
      form: { key: ctx.unique(), source: 'mua-ngay', line: `${(await productOfA(ctx)).id}||1`, savedAddress: 'moi', ...address, paymentMethod: 'cod' },
    }),
  },
  // The buyer's forms on their own order page. A COD order is confirmed: "Đã nhận hàng" and "Thanh toán
  // bằng thẻ" answer 409 on the page (after authorization); producerA buying from itself acts as its
  // storefront and is asked for a reason (400). Object-level checks are the service's (404 for others).
  ...(['huy', 'da-nhan', 'thanh-toan-the'] as const).map(
    (action): MatrixEntry => ({
      method: 'POST',
      path: `/don-hang/:id/${action}`,
      expect: signedIn(),
      request: async (ctx) => {
        const { orderId, subOrderId } = await orderBy(ctx, ctx.caller);
        return { path: `/don-hang/${orderId}/${action}`, form: { subOrder: subOrderId } };
      },
    }),
  ),
  // The storefront's move form: only producerA's own sub-order (producerB: 403 from the service).
  {
    method: 'POST',
    path: '/co-so-cua-toi/don-hang/:id/chuyen',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/don-hang/${(await orderBy(ctx)).subOrderId}/chuyen`, form: { to: 'packed' } }),
  },
  // ── evaluation (shared/evaluation; docs/evaluation.md): rounds of provinceX, dossiers of producerA ─
  { method: 'POST', path: '/api/score-sheets', expect: only('admin'), request: (ctx) => ({ json: newSheetBody(ctx) }) },
  // An officer's round is in their province: provinceX in the body makes officerY's 403 (NOT_PROVINCE_OFFICER).
  { method: 'POST', path: '/api/evaluation-rounds', expect: only('officerX', 'admin'), request: (ctx) => ({ json: roundBody({ provinceCode: ctx.fixtures.provinceX }) }) },
  {
    method: 'POST',
    path: '/api/evaluation-rounds/:id/transitions',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/evaluation-rounds/${await roundInProvinceX(ctx)}/transitions`, json: { to: 'open' } }),
  },
  {
    method: 'POST',
    path: '/api/evaluation-rounds/:id/council',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/api/evaluation-rounds/${await roundInProvinceX(ctx)}/council`, json: { email: (await ctx.createAccount('shopper')).account.email } }),
  },
  {
    method: 'POST',
    path: '/api/evaluation-rounds/:id/dossiers',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/api/evaluation-rounds/${await roundInProvinceX(ctx, 'open')}/dossiers`, json: { newProduct: { name: `Nước mắm ${ctx.unique()}`, group: 'food', subgroup: 'food-condiment', priceVnd: 120000, unit: 'chai 500 ml' }, selfAssessment: sheetChoices() } }),
  },
  // Authorization comes before the round's state: officerX's case answers 409 ROUND_NOT_DECIDED (allowed through).
  {
    method: 'POST',
    path: '/api/evaluation-rounds/:id/decisions',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/api/evaluation-rounds/${await roundInProvinceX(ctx)}/decisions`,
      json: { level: 'province', decisionNo: '512/QĐ-UBND', decisionDate: '2026-11-30', signer: 'Nguyễn Văn A', issuingAuthority: 'UBND thành phố Hà Nội', items: [{ dossierId: 'hs-000000000000' }] },
    }),
  },
  { method: 'POST', path: '/api/dossiers/:id/send-back', expect: provinceOfficer({ orAdmin: true }), request: async (ctx) => ({ path: `/api/dossiers/${await dossierOfA(ctx)}/send-back`, json: { comment: 'Bổ sung kết quả kiểm nghiệm' } }) },
  { method: 'POST', path: '/api/dossiers/:id/corrections', expect: storefrontOwner(), request: async (ctx) => ({ path: `/api/dossiers/${await dossierOfA(ctx, 'returned')}/corrections`, json: { note: 'Đã bổ sung' } }) },
  { method: 'POST', path: '/api/dossiers/:id/pre-assessment', expect: provinceOfficer({ orAdmin: true }), request: async (ctx) => ({ path: `/api/dossiers/${await dossierOfA(ctx)}/pre-assessment`, json: preAssessmentBody }) },
  // The council is a role scoped to the round: each non-producer caller is seated on this dossier's round first.
  {
    method: 'POST',
    path: '/api/dossiers/:id/scores',
    expect: { anonymous: 401, shopper: 'allow', producerA: 403, producerB: 403, officerX: 'allow', officerY: 'allow', admin: 'allow' },
    request: async (ctx) => {
      const id = await dossierOfA(ctx, 'preassessed');
      await seatCaller(ctx, id);
      return { path: `/api/dossiers/${id}/scores`, json: { choices: sheetChoices() } };
    },
  },
  {
    method: 'POST',
    path: '/api/dossier-documents',
    expect: storefrontOwner(),
    request: async (ctx) => ({ multipart: { dossierId: await dossierOfA(ctx), kind: 'food-safety', file: new File(['%PDF-1.4\n%%EOF\n'], 'giay-chung-nhan.pdf', { type: 'application/pdf' }) } }),
  },
  // Evaluation pages (web/evaluation): the same service functions, the same object-level rules.
  { method: 'POST', path: '/quan-ly/danh-gia', expect: only('officerX', 'admin'), request: (ctx) => ({ form: { name: 'Đợt thử', periodFrom: '2026-11-01', periodTo: '2026-12-31', deadline: '2026-12-15', productGroups: 'food', provinceCode: ctx.fixtures.provinceX } }) },
  { method: 'POST', path: '/quan-ly/danh-gia/:id/chuyen', expect: provinceOfficer({ orAdmin: true }), request: async (ctx) => ({ path: `/quan-ly/danh-gia/${await roundInProvinceX(ctx)}/chuyen`, form: { to: 'open' } }) },
  {
    method: 'POST',
    path: '/quan-ly/danh-gia/:id/hoi-dong',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/quan-ly/danh-gia/${await roundInProvinceX(ctx)}/hoi-dong`, form: { email: (await ctx.createAccount('shopper')).account.email } }),
  },
  {
    method: 'POST',
    path: '/quan-ly/danh-gia/:id/quyet-dinh',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({
      path: `/quan-ly/danh-gia/${await roundInProvinceX(ctx)}/quyet-dinh`,
      form: { level: 'province', decisionNo: '512/QĐ-UBND', decisionDate: '2026-11-30', signer: 'Nguyễn Văn A', issuingAuthority: 'UBND thành phố Hà Nội', dossierIds: 'hs-000000000000' },
    }),
  },
  { method: 'POST', path: '/quan-ly/danh-gia/ho-so/:id/tra-lai', expect: provinceOfficer({ orAdmin: true }), request: async (ctx) => ({ path: `/quan-ly/danh-gia/ho-so/${await dossierOfA(ctx)}/tra-lai`, form: { comment: 'Bổ sung' } }) },
  {
    method: 'POST',
    path: '/quan-ly/danh-gia/ho-so/:id/so-bo',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => ({ path: `/quan-ly/danh-gia/ho-so/${await dossierOfA(ctx)}/so-bo`, form: { commune: 'UBND xã Thử', rawMaterials: '1', labour: '1', idea: '1', identity: '1' } }),
  },
  {
    method: 'POST',
    path: '/quan-ly/danh-gia/ho-so/:id/cham',
    expect: { anonymous: 401, shopper: 'allow', producerA: 403, producerB: 403, officerX: 'allow', officerY: 'allow', admin: 'allow' },
    request: async (ctx) => {
      const id = await dossierOfA(ctx, 'preassessed');
      await seatCaller(ctx, id);
      return { path: `/quan-ly/danh-gia/ho-so/${id}/cham`, form: Object.fromEntries(Object.entries(sheetChoices()).map(([k, v]) => [`cham:${k}`, v])) };
    },
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/ho-so-ocop',
    expect: storefrontOwner(),
    request: async (ctx) => {
      const roundId = await roundInProvinceX(ctx, 'open');
      const product = await draftProductOf(ctx.services, ctx.fixtures.producerA);
      return { form: { roundId, productId: product.id, ...Object.fromEntries(Object.entries(sheetChoices()).map(([k, v]) => [`tu:${k}`, v])) } };
    },
  },
  {
    method: 'POST',
    path: '/co-so-cua-toi/ho-so-ocop/:id/tai-lieu',
    expect: storefrontOwner(),
    request: async (ctx) => ({ path: `/co-so-cua-toi/ho-so-ocop/${await dossierOfA(ctx)}/tai-lieu`, multipart: { kind: 'photo', file: new File([TINY_PNG], 'anh.png', { type: 'image/png' }) } }),
  },
  { method: 'POST', path: '/co-so-cua-toi/ho-so-ocop/:id/sua', expect: storefrontOwner(), request: async (ctx) => ({ path: `/co-so-cua-toi/ho-so-ocop/${await dossierOfA(ctx, 'returned')}/sua`, form: { note: 'Đã bổ sung' } }) },
  // ── points of sale (shared/locator/routes.ts; docs/locator.md) ────────────────────────────────
  // Officers list and edit their own province's points (officerY: 403 NOT_PROVINCE_OFFICER); admins everywhere.
  { method: 'POST', path: '/api/points-of-sale', expect: provinceOfficer({ orAdmin: true }), request: (ctx) => ({ json: pointBody({ provinceCode: ctx.fixtures.provinceX }) }) },
  ...(['PATCH', 'DELETE'] as const).map(
    (method): MatrixEntry => ({
      method,
      path: '/api/points-of-sale/:id',
      expect: provinceOfficer({ orAdmin: true }),
      request: async (ctx) => {
        const at = new Date().toISOString();
        const point = { ...PointInputSchema.parse(pointBody({ provinceCode: ctx.fixtures.provinceX })), id: `diem-ma-tran-${ctx.unique()}`, createdAt: at, updatedAt: at, version: 1 };
        await ctx.services.points.create(point);
        return { path: `/api/points-of-sale/${point.id}`, ...(method === 'PATCH' ? { json: { name: 'Trung tâm OCOP (đổi tên)' } } : {}) };
      },
    }),
  ),
  // Producer declarations (shared/locator/declarations.ts): any producer with a storefront declares; the point's officer decides.
  {
    method: 'POST',
    path: '/api/points-of-sale/:id/declarations',
    expect: only('producerA', 'producerB'),
    request: async (ctx) => {
      const at = new Date().toISOString();
      const point = { ...PointInputSchema.parse(pointBody({ provinceCode: ctx.fixtures.provinceX })), id: `diem-khai-bao-${ctx.unique()}`, createdAt: at, updatedAt: at, version: 1 };
      await ctx.services.points.create(point);
      return { path: `/api/points-of-sale/${point.id}/declarations`, json: { productIds: [] } };
    },
  },
  {
    method: 'POST',
    path: '/api/points-of-sale/:id/declarations/:producerId/decision',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => {
      const at = new Date().toISOString();
      const point = { ...PointInputSchema.parse(pointBody({ provinceCode: ctx.fixtures.provinceX })), id: `diem-quyet-${ctx.unique()}`, createdAt: at, updatedAt: at, version: 1 };
      await ctx.services.points.create(point);
      await ctx.services.pointDeclarations.put({ pointId: point.id, pointName: point.name, provinceCode: point.provinceCode, producerId: ctx.fixtures.producerA, productIds: [], status: 'pending', declaredAt: at });
      return { path: `/api/points-of-sale/${point.id}/declarations/${ctx.fixtures.producerA}/decision`, json: { decision: 'reject' } };
    },
  },
  {
    method: 'POST',
    path: '/quan-ly/tinh/diem-ban/:id/khai-bao/:producerId',
    expect: provinceOfficer({ orAdmin: true }),
    request: async (ctx) => {
      const at = new Date().toISOString();
      const point = { ...PointInputSchema.parse(pointBody({ provinceCode: ctx.fixtures.provinceX })), id: `diem-quyet-trang-${ctx.unique()}`, createdAt: at, updatedAt: at, version: 1 };
      await ctx.services.points.create(point);
      await ctx.services.pointDeclarations.put({ pointId: point.id, pointName: point.name, provinceCode: point.provinceCode, producerId: ctx.fixtures.producerA, productIds: [], status: 'pending', declaredAt: at });
      return { path: `/quan-ly/tinh/diem-ban/${point.id}/khai-bao/${ctx.fixtures.producerA}`, form: { decision: 'reject' } };
    },
  },
  // The console's point pages (web/locator/console-routes.tsx): same service functions, same province rule.
  {
    method: 'POST',
    path: '/quan-ly/tinh/diem-ban/moi',
    expect: provinceOfficer({ orAdmin: true }),
    request: (ctx) => ({ path: `/quan-ly/tinh/diem-ban/moi?province=${ctx.fixtures.provinceX}`, form: consolePointForm() }),
  },
  ...(['sua', 'xoa'] as const).map(
    (action): MatrixEntry => ({
      method: 'POST',
      path: `/quan-ly/tinh/diem-ban/:id/${action}`,
      expect: provinceOfficer({ orAdmin: true }),
      request: async (ctx) => {
        const at = new Date().toISOString();
        const point = { ...PointInputSchema.parse(pointBody({ provinceCode: ctx.fixtures.provinceX })), id: `diem-console-${ctx.unique()}`, createdAt: at, updatedAt: at, version: 1 };
        await ctx.services.points.create(point);
        return { path: `/quan-ly/tinh/diem-ban/${point.id}/${action}`, form: action === 'sua' ? consolePointForm() : {} };
      },
    }),
  ),
  {
    method: 'POST',
    path: '/quan-ly/tinh/diem-ban/nhap-csv',
    expect: only('officerX', 'officerY', 'admin'),
    request: (ctx) => ({
      form: { dryRun: '1', csvText: `Mã,Tên,Loại,Mã tỉnh,"Xã, phường",Địa chỉ,Vĩ độ,Kinh độ,Giờ mở cửa OSM\r\nMT-${ctx.unique()},Trung tâm OCOP,center,${ctx.fixtures.provinceX},Phường Hoàn Kiếm,25 Tràng Tiền,21.0245,105.8553,Mo-Fr 08:00-17:00` },
    }),
  },
  // CSV import: any officer or admin may send a file; a row of a province the caller does not run is
  // refused in the per-row report (tests/locator/csv-import.test.ts), so officerY is 'allow' here.
  {
    method: 'POST',
    path: '/api/points-of-sale/imports',
    expect: only('officerX', 'officerY', 'admin'),
    request: (ctx) => ({
      path: '/api/points-of-sale/imports?dryRun=true',
      json: { csv: `Mã,Tên,Loại,Mã tỉnh,"Xã, phường",Địa chỉ,Vĩ độ,Kinh độ,Giờ mở cửa OSM\r\nMT-${ctx.unique()},Trung tâm OCOP,center,${ctx.fixtures.provinceX},Phường Hoàn Kiếm,25 Tràng Tiền,21.0245,105.8553,Mo-Fr 08:00-17:00` },
    }),
  },
];
