import { checkListingGate, gateReasonMessages, type GateReason } from '../../shared/catalog/gate';
import type { Product } from '../../shared/catalog/product';
import type { PresignedPostForm } from '../../shared/media/upload-presigner';
import { formatVnd } from '../../shared/money/vnd';
import type { Certificate } from '../../shared/registry/certificate';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { ErrorSummary, Submit, emptyForm, type FormState } from '../components/form/form';
import { productPath, type AssetUrls } from '../view';
import { vietnamCalendarDay } from './certificate-view';
import { productActionPath, productEditPath, savedMessages, type SavedKey } from './paths';
import { ArchiveSection, CertificateSection, ImagesSection, StockSection } from './product-edit-sections';
import { ProducerPage } from './producer-page';
import { ProductFields } from './product-fields';
import { hasVariants, productFormValues, productLabels } from './product-form';
import { VariantStockSection, VariantsSection } from './variant-sections';

export const productStatusLabels: Record<Product['status'], string> = { draft: 'Bản nháp', active: 'Đang bán', archived: 'Đã lưu trữ' };

/** What the producer can do about each gate reason (the reason itself is the gate's own wording). */
const nextStep: Record<GateReason, string> = {
  PRODUCT_NOT_ACTIVE: 'Bấm “Đăng bán” khi sản phẩm đã sẵn sàng.',
  NO_CERTIFICATE: 'Gắn một chứng nhận OCOP còn hiệu lực của cơ sở ở mục “Chứng nhận OCOP”.',
  BELOW_THREE_STARS: 'Chỉ sản phẩm đạt từ 3 sao mới được bán trên chợ.',
  CERTIFICATE_REVOKED: 'Gắn chứng nhận khác còn hiệu lực, hoặc liên hệ cán bộ OCOP tỉnh, thành phố.',
  CERTIFICATE_SUPERSEDED: 'Gắn chứng nhận mới nhất của sản phẩm.',
  CERTIFICATE_EXPIRED: 'Sản phẩm cần được đánh giá, công nhận lại; sau đó gắn chứng nhận mới.',
};

/** The product's own editing forms; each section re-renders alone with its errors. */
export type ProductForms = Partial<Record<'details' | 'status' | 'stock' | 'variants' | 'singlePrice' | 'certificate' | 'image' | 'archive', FormState>>;

export interface ProductEditProps {
  assets: AssetUrls;
  product: Product;
  certificates: Certificate[];
  now: Date;
  forms?: ProductForms;
  saved?: SavedKey | undefined;
  /** In AWS: the image form signed for a direct upload to S3 (web/producer/product-images.ts). */
  directUpload?: PresignedPostForm | undefined;
}

/** The gate at this instant, as the public pages apply it: visible, or hidden and why. */
function Visibility({ product, now }: { product: Product; now: Date }) {
  const gate = checkListingGate(product, now);
  if (gate.listed) {
    return (
      <section class="panel visible-yes" aria-labelledby="hien-thi">
        <h2 id="hien-thi">Đang hiển thị trên chợ</h2>
        <p>
          Người mua thấy và đặt được sản phẩm này. <a href={productPath(product.id)}>Xem như người mua</a>
        </p>
      </section>
    );
  }
  const reason = product.status === 'draft' ? 'Sản phẩm đang là bản nháp' : product.status === 'archived' ? 'Sản phẩm đã lưu trữ' : gateReasonMessages[gate.reason];
  return (
    <section class="panel visible-no" aria-labelledby="hien-thi">
      <h2 id="hien-thi">Chưa hiển thị trên chợ</h2>
      <p>
        <strong>Lý do:</strong> {reason}.
      </p>
      {product.status !== 'archived' ? <p>{nextStep[gate.reason]}</p> : null}
    </section>
  );
}

function StatusForm({ product, state }: { product: Product; state?: FormState | undefined }) {
  if (product.status === 'archived') return null;
  const publish = product.status === 'draft';
  return (
    <form method="post" action={productActionPath(product.id, 'status')} class="inline-form">
      <ErrorSummary state={state ?? emptyForm()} labels={{}} />
      <input type="hidden" name="status" value={publish ? 'active' : 'draft'} />
      <input type="hidden" name="expectedUpdatedAt" value={product.updatedAt} />
      <Submit>{publish ? 'Đăng bán' : 'Ngừng bán (chuyển về bản nháp)'}</Submit>
    </form>
  );
}

/** "150.000 ₫ / hũ 500 g · tồn kho 12", or with variants "2 phân loại, từ 135.000 ₫ / chai 500 ml · tồn kho 14 (tổng)". */
function pricing(product: Product): string {
  const variants = product.variants ?? [];
  if (variants.length === 0) return `${formatVnd(product.priceVnd)} / ${product.unit} · tồn kho ${product.stock}`;
  return `${variants.length} phân loại, từ ${formatVnd(product.priceVnd)} / ${product.unit} · tồn kho ${product.stock} (tổng)`;
}

export function ProductEditPage({ assets, product, certificates, now, forms = {}, saved, directUpload }: ProductEditProps) {
  const archived = product.status === 'archived';
  const details = forms.details ?? emptyForm(productFormValues(product));
  return (
    <ProducerPage title={product.name} assets={assets} trail={[{ label: 'Sản phẩm', href: '/co-so-cua-toi#san-pham' }]}>
      {saved ? (
        <p class="notice" role="status">
          {savedMessages[saved]}
        </p>
      ) : null}
      <p>
        <strong>{productStatusLabels[product.status]}</strong> · {pricing(product)}
        {product.certificate ? ` · ${product.certificate.stars}★, hết hạn ${vietnamCalendarDay(product.certificate.expiresOn)}` : ''} · sửa lần cuối{' '}
        {formatVietnamDateTime(product.updatedAt)}
      </p>
      <Visibility product={product} now={now} />
      <StatusForm product={product} state={forms.status} />
      {archived ? (
        <p>Sản phẩm đã lưu trữ nên không sửa được nữa.</p>
      ) : (
        <>
          <section class="auth" aria-labelledby="thong-tin">
            <h2 id="thong-tin">Thông tin sản phẩm</h2>
            <form method="post" action={productEditPath(product.id)} novalidate>
              <ErrorSummary state={details} labels={productLabels} />
              {/* The version this form was filled from: saving over a newer one is a 409, not a silent overwrite. */}
              <input type="hidden" name="expectedUpdatedAt" value={details.values.expectedUpdatedAt ?? product.updatedAt} />
              <ProductFields state={details} withStock={false} withPricing={!hasVariants(product)} />
              <Submit>Lưu thông tin</Submit>
            </form>
          </section>
          <VariantsSection product={product} state={forms.variants} singlePrice={forms.singlePrice} />
          {hasVariants(product) ? <VariantStockSection product={product} state={forms.stock} /> : <StockSection product={product} state={forms.stock} />}
          <CertificateSection product={product} certificates={certificates} now={now} state={forms.certificate} />
          <ImagesSection product={product} media={assets.media} state={forms.image} direct={directUpload} />
          <ArchiveSection product={product} state={forms.archive} />
        </>
      )}
    </ProducerPage>
  );
}
