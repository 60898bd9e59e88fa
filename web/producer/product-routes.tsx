import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Product } from '../../shared/catalog/product';
import { archiveProduct, createProduct, editProduct, linkCertificate, ownedProduct, setStock, setVariantStocks } from '../../shared/catalog/management-service';
import { CertificateLinkSchema, ProductPatchSchema } from '../../shared/catalog/management-schemas';
import type { AppEnv } from '../../shared/http/app-env';
import { AppError, Forbidden, InvalidInput } from '../../shared/http/errors';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { requirePrincipal } from '../../shared/identity/authorize';
import type { Principal } from '../../shared/identity/principal';
import { MAX_IMAGE_BYTES } from '../../shared/media/image-errors';
import { IMAGE_UPLOAD_BODY_LIMIT } from '../../shared/media/routes';
import { emptyForm, type FormState } from '../components/form/form';
import { formFailure, readForm } from '../components/form/form-state';
import { NO_STORE, renderDocument } from '../render';
import { imageDonePath, NEW_PRODUCT_PATH, PRODUCTS_PATH, productActions, productEditPath, savedKeyOf, type SavedKey } from './paths';
import { ProductEditPage, type ProductForms } from './product-edit-page';
import { addProductImage, appendUploadedImage, removeProductImage, startProductUpload } from './product-images';
import { editFieldsOf, hasVariants, newProductFields, newProductFromForm, productPatchFromForm, stockFromForm } from './product-form';
import { NewProductPage } from './product-new-page';
import { renderUploadWait, returnedUpload, siteOrigin } from './direct-upload';
import { cheapestVariant, postedVariantStockIds, variantFormFields, variantsPatchFromForm, variantStockField, variantStocksFromForm } from './variant-form';
import { assetsOf, formBodyLimit, toLogin } from '../http';

type Env = Context<AppEnv>;
type PageStatus = 200 | 400 | 401 | 403 | 409 | 413 | 429;
type FormName = keyof ProductForms;

/** Text forms are small; 8,000 characters of description in UTF-8 fit well inside. */
const FORM_LIMIT_BYTES = 64 * 1024;
const ID_PATH = `${PRODUCTS_PATH}/:id`;
const CONFLICT_MESSAGE = 'Sản phẩm vừa được sửa ở nơi khác (tab hoặc thiết bị khác). Trang đã tải lại bản mới nhất; nội dung bạn nhập vẫn ở dưới đây: kiểm tra rồi lưu lại.';

const tooLarge = (limit: number) =>
  formBodyLimit(limit);

/** Anonymous visitors sign in first and come back (query included: the upload return page needs it); never cached. */

function ownStorefront(principal: Principal): string {
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Chỉ cơ sở đã có gian hàng mới thêm được sản phẩm', 'STOREFRONT_NOT_APPROVED');
  return principal.producerId;
}

async function renderNew(c: Env, state: FormState, status: PageStatus) {
  c.header('Cache-Control', NO_STORE);
  return c.html(await renderDocument(<NewProductPage assets={assetsOf(c)} state={state} />), status);
}

/** The edit page: the product (already owner-checked) and the owner's certificates, one GSI1 Query. */
async function renderEdit(c: Env, product: Product, options: { forms?: ProductForms; saved?: SavedKey | undefined; status?: PageStatus } = {}) {
  const services = c.get('services');
  const [certificates, directUpload] = await Promise.all([
    services.producerCertificates.list(product.producerId),
    startProductUpload(services, product, siteOrigin(c)),
  ]);
  c.header('Cache-Control', NO_STORE);
  const page = (
    <ProductEditPage assets={assetsOf(c)} product={product} certificates={certificates} now={services.clock.now()} forms={options.forms ?? {}} saved={options.saved} directUpload={directUpload} />
  );
  return c.html(await renderDocument(page), options.status ?? 200);
}

/**
 * A refused action as the form's state: a stale version reloads the product and keeps what was
 * typed; a message about one field goes next to it; anything that is not a 4xx goes to the error page.
 */
async function renderFailure(c: Env, principal: Principal, product: Product, form: FormName, values: Record<string, string>, error: unknown, field?: string) {
  if (error instanceof AppError && error.code === 'PRODUCT_CONFLICT') {
    const fresh = await ownedProduct(c.get('services'), principal, product.id);
    const state: FormState = { values: { ...values, expectedUpdatedAt: fresh.updatedAt }, errors: {}, formError: CONFLICT_MESSAGE };
    return renderEdit(c, fresh, { forms: { [form]: state }, status: 409 });
  }
  // formFailure leaves 413 (a file over 10 MB) to the error handler; here it is the file's problem.
  const failure = error instanceof AppError && error.status === 413 ? { state: { values, errors: {}, formError: error.message }, status: 413 as const } : formFailure(error, values);
  if (!failure) throw error;
  const { state } = failure;
  if (field && state.formError && Object.keys(state.errors).length === 0) {
    state.errors = { [field]: state.formError };
    state.formError = undefined;
  }
  return renderEdit(c, product, { forms: { [form]: state }, status: failure.status });
}

/** The stock form was filled for other variants (or none) than the product has now: the fresh form, values kept where they still apply. */
async function renderStockChanged(c: Env, principal: Principal, id: string, values: Record<string, string>) {
  const fresh = await ownedProduct(c.get('services'), principal, id);
  const variants = fresh.variants ?? [];
  const current: Record<string, string> = variants.length > 0 ? Object.fromEntries(variants.map((v) => [variantStockField(v.id), String(v.stock)])) : { stock: String(fresh.stock) };
  const kept = Object.fromEntries(Object.keys(current).flatMap((k) => (values[k] !== undefined ? [[k, values[k]]] : [])));
  const formError =
    variants.length > 0
      ? 'Các phân loại của sản phẩm vừa thay đổi ở nơi khác. Trang đã tải lại: kiểm tra tồn kho của từng phân loại rồi lưu lại.'
      : 'Sản phẩm vừa bỏ phân loại ở nơi khác. Trang đã tải lại: nhập tồn kho chung rồi lưu lại.';
  return renderEdit(c, fresh, { forms: { stock: { values: { ...current, ...kept }, errors: {}, formError } }, status: 409 });
}

const saved = (c: Env, id: string, key: SavedKey) => c.redirect(`${productEditPath(id)}?da-luu=${key}`, 303);

/**
 * The owner's product pages: plain forms that work without JavaScript, each POST a thin layer over
 * the same service functions as the JSON API (shared/catalog/product-management.ts), so ownership,
 * concurrency and the listing gate are decided in one place.
 */
export function productWebRoutes() {
  const web = new Hono<AppEnv>();
  const formLimit = tooLarge(FORM_LIMIT_BYTES);
  const at = (action: keyof typeof productActions) => `${ID_PATH}/${productActions[action]}`;

  /** The owner-checked product of a POST, read before the body: a stranger learns nothing about the forms. */
  const owned = async (c: Env) => {
    const principal = requirePrincipal(c);
    return { principal, product: await ownedProduct(c.get('services'), principal, c.req.param('id') ?? '') };
  };

  // Registered before `/:id`, and no product id can be "moi" (ids end in 6 hex digits).
  web.get(NEW_PRODUCT_PATH, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    ownStorefront(principal);
    return renderNew(c, emptyForm(), 200);
  });

  web.post(NEW_PRODUCT_PATH, formLimit, async (c) => {
    const principal = requirePrincipal(c);
    const producerId = ownStorefront(principal);
    const values = await readForm(c, newProductFields);
    const parsed = newProductFromForm(values);
    if (!parsed.ok) return renderNew(c, { values, errors: parsed.errors }, 400);
    try {
      const product = await createProduct(c.get('services'), principal, producerId, parsed.value);
      return saved(c, product.id, 'tao-moi');
    } catch (error) {
      const failure = formFailure(error, values);
      if (!failure) throw error;
      return renderNew(c, failure.state, failure.status);
    }
  });

  web.get(ID_PATH, async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    const product = await ownedProduct(c.get('services'), principal, c.req.param('id'));
    return renderEdit(c, product, { saved: savedKeyOf(c.req.query('da-luu')) });
  });

  web.post(ID_PATH, formLimit, async (c) => {
    const { principal, product } = await owned(c);
    const values = await readForm(c, editFieldsOf(product));
    const parsed = productPatchFromForm(values, product);
    if (!parsed.ok) return renderEdit(c, product, { forms: { details: { values, errors: parsed.errors } }, status: 400 });
    try {
      await editProduct(c.get('services'), principal, product.id, parsed.value);
      return saved(c, product.id, 'thong-tin');
    } catch (error) {
      return renderFailure(c, principal, product, 'details', values, error);
    }
  });

  web.post(at('status'), formLimit, async (c) => {
    const { principal, product } = await owned(c);
    const values = await readForm(c, ['status', 'expectedUpdatedAt']);
    try {
      const patch = ProductPatchSchema.safeParse({ status: values.status, expectedUpdatedAt: values.expectedUpdatedAt || undefined });
      // Only a tampered form sends another status or no version.
      if (!patch.success || !patch.data.status) throw new InvalidInput('Trạng thái không hợp lệ: tải lại trang rồi thử lại');
      await editProduct(c.get('services'), principal, product.id, patch.data);
      return saved(c, product.id, patch.data.status === 'active' ? 'dang-ban' : 'ngung-ban');
    } catch (error) {
      return renderFailure(c, principal, product, 'status', values, error);
    }
  });

  web.post(at('archive'), formLimit, async (c) => {
    const { principal, product } = await owned(c);
    const values = await readForm(c, ['confirm']);
    if (values.confirm !== '1') {
      return renderEdit(c, product, { forms: { archive: { values, errors: { confirm: 'Đánh dấu ô xác nhận nếu bạn muốn lưu trữ sản phẩm' } } }, status: 400 });
    }
    await archiveProduct(c.get('services'), principal, product.id);
    return saved(c, product.id, 'luu-tru');
  });

  web.post(at('stock'), formLimit, async (c) => {
    const { principal, product } = await owned(c);
    const body = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
    // One input per variant (`stock-<id>`) for a product with variants, one `stock` otherwise. A form
    // from before the variants changed elsewhere gets the fresh page, never PRODUCT_HAS_VARIANTS.
    const ids = postedVariantStockIds(body);
    const known = new Set((product.variants ?? []).map((v) => v.id));
    if (hasVariants(product) !== ids.length > 0 || ids.some((id) => !known.has(id))) return renderStockChanged(c, principal, product.id, values);
    try {
      if (ids.length > 0) {
        const parsed = variantStocksFromForm(values, ids);
        if (!parsed.ok) return renderEdit(c, product, { forms: { stock: { values, errors: parsed.errors } }, status: 400 });
        await setVariantStocks(c.get('services'), principal, product.id, parsed.value);
      } else {
        const parsed = stockFromForm(values);
        if (!parsed.ok) return renderEdit(c, product, { forms: { stock: { values, errors: parsed.errors } }, status: 400 });
        await setStock(c.get('services'), principal, product.id, parsed.value);
      }
      return saved(c, product.id, 'ton-kho');
    } catch (error) {
      if (error instanceof AppError && (error.code === 'PRODUCT_HAS_VARIANTS' || error.code === 'VARIANT_NOT_FOUND')) return renderStockChanged(c, principal, product.id, values);
      return renderFailure(c, principal, product, 'stock', values, error, ids.length > 0 ? undefined : 'stock');
    }
  });

  // The whole variant list from the table (rows kept, changed, added, "Xoá"), one editProduct.
  web.post(at('variants'), formLimit, async (c) => {
    const { principal, product } = await owned(c);
    const values = await readForm(c, variantFormFields);
    const parsed = variantsPatchFromForm(values);
    if (!parsed.ok) return renderEdit(c, product, { forms: { variants: { values, errors: parsed.errors, formError: parsed.formError } }, status: 400 });
    try {
      await editProduct(c.get('services'), principal, product.id, parsed.value);
      return saved(c, product.id, 'phan-loai');
    } catch (error) {
      return renderFailure(c, principal, product, 'variants', values, error);
    }
  });

  // Back to one price: the cheapest variant's price, label (as the unit) and its own stock, as the form says.
  web.post(at('singlePrice'), formLimit, async (c) => {
    const { principal, product } = await owned(c);
    const values = await readForm(c, ['confirmSinglePrice', 'expectedUpdatedAt']);
    const kept = cheapestVariant(product.variants ?? []);
    if (!kept) return saved(c, product.id, 'mot-gia');
    if (values.confirmSinglePrice !== '1') {
      return renderEdit(c, product, { forms: { singlePrice: { values, errors: { confirmSinglePrice: 'Đánh dấu ô xác nhận nếu bạn muốn bỏ các phân loại' } } }, status: 400 });
    }
    try {
      const patch = ProductPatchSchema.safeParse({ variants: null, priceVnd: kept.priceVnd, unit: kept.label, stock: kept.stock, expectedUpdatedAt: values.expectedUpdatedAt || undefined });
      if (!patch.success) throw new InvalidInput('Biểu mẫu không hợp lệ: tải lại trang rồi thử lại');
      await editProduct(c.get('services'), principal, product.id, patch.data);
      return saved(c, product.id, 'mot-gia');
    } catch (error) {
      return renderFailure(c, principal, product, 'singlePrice', values, error);
    }
  });

  web.post(at('certificate'), formLimit, async (c) => {
    const { principal, product } = await owned(c);
    const values = await readForm(c, ['certificateNo']);
    const parsed = CertificateLinkSchema.safeParse(values);
    if (!parsed.success) return renderEdit(c, product, { forms: { certificate: { values, errors: { certificateNo: 'Chọn một chứng nhận' } } }, status: 400 });
    try {
      await linkCertificate(c.get('services'), principal, product.id, parsed.data.certificateNo);
      return saved(c, product.id, 'chung-nhan');
    } catch (error) {
      return renderFailure(c, principal, product, 'certificate', values, error, 'certificateNo');
    }
  });

  // Multipart with the file: the API's limit (10 MB image + the form's few fields). Over it, the
  // page says so in Vietnamese instead of an error page.
  const uploadLimit = bodyLimit({
    maxSize: IMAGE_UPLOAD_BODY_LIMIT,
    onError: async (c) => {
      const { product } = await owned(c as Env);
      const message = `Ảnh lớn hơn ${MAX_IMAGE_BYTES / 1024 / 1024} MB: hãy chọn ảnh nhỏ hơn hoặc giảm kích thước ảnh`;
      return renderEdit(c as Env, product, { forms: { image: { values: {}, errors: { file: message } } }, status: 413 });
    },
  });

  web.post(at('image'), uploadLimit, async (c) => {
    const { principal, product } = await owned(c);
    const body = await c.req.parseBody();
    const values = { alt: typeof body.alt === 'string' ? body.alt : '' };
    try {
      await addProductImage(c.get('services'), principal, product, body.file, values.alt);
      return saved(c, product.id, 'anh');
    } catch (error) {
      return renderFailure(c, principal, product, 'image', values, error, 'file');
    }
  });

  // Where S3 sends the browser after a direct upload (AWS). A GET with an effect, but only this: the
  // owner's own processed upload, made for this product, is appended once (a reload changes nothing).
  web.get(at('imageDone'), async (c) => {
    const principal = currentPrincipal(c);
    if (!principal) return toLogin(c);
    const services = c.get('services');
    const product = await ownedProduct(services, principal, c.req.param('id') ?? '');
    const upload = await returnedUpload(c, principal, (u) => u.purpose === 'product' && (u.productId === undefined || u.productId === product.id));
    if (upload.status === 'processed') {
      try {
        await appendUploadedImage(services, principal, product, upload);
        return saved(c, product.id, 'anh');
      } catch (error) {
        return renderFailure(c, principal, product, 'image', {}, error, 'file');
      }
    }
    if (upload.status === 'rejected') {
      const message = upload.reason?.message ?? 'Ảnh không dùng được: hãy chọn ảnh khác';
      return renderEdit(c, product, { forms: { image: { values: {}, errors: { file: message } } }, status: 400 });
    }
    const back = { href: productEditPath(product.id), crumb: product.name, link: `Quay lại sản phẩm “${product.name}”`, noun: 'sản phẩm' };
    return renderUploadWait(c, upload, imageDonePath(product.id, upload.id), back);
  });

  web.post(at('removeImage'), formLimit, async (c) => {
    const { principal, product } = await owned(c);
    const values = await readForm(c, ['key']);
    try {
      await removeProductImage(c.get('services'), principal, product, values.key ?? '');
      return saved(c, product.id, 'xoa-anh');
    } catch (error) {
      return renderFailure(c, principal, product, 'image', {}, error);
    }
  });

  return web;
}
