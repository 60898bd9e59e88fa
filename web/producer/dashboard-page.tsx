import { raw } from 'hono/html';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { PRODUCER_REVIEWS_PATH } from '../reviews/paths';
import { ErrorSummary, Field, Submit, type FormState } from '../components/form/form';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';
import type { Product } from '../../shared/catalog/product';
import { formatVnd } from '../../shared/money/vnd';
import type { Certificate } from '../../shared/registry/certificate';
import type { ProducerNotification } from '../../shared/registry/notification-inbox';
import type { Producer } from '../../shared/storefront/producer';
import { renderStoryHtml } from '../../shared/storefront/story-markdown';
import { bankAccountCss, BankAccountFields, bankAccountLabels, BankPreviewSection, type BankPreview } from './bank-account-section';
import { CertificatesSection } from './certificates-section';
import { vietnamCalendarDay } from './certificate-view';
import { TextArea } from './form-fields';
import { NotificationsSection } from './notifications';
import { NEW_PRODUCT_PATH, NOTIFICATIONS_PATH, productEditPath } from './paths';
import { PRODUCER_ORDERS_PATH } from '../orders/paths';
import { producerCss } from './producer-page';
import { productStatusLabels } from './product-edit-page';
import { StorefrontImagesSection, type StorefrontDirectUploads, type StorefrontImageForms } from './storefront-images-section';

export const DASHBOARD_PATH = '/co-so-cua-toi';
export const STOREFRONT_FORM_PATH = '/co-so-cua-toi/gian-hang';

export const storefrontLabels = {
  name: 'Tên gian hàng',
  story: 'Giới thiệu (Markdown)',
  phone: 'Số điện thoại di động',
  email: 'Email liên hệ',
  shippingFeeVnd: 'Phí giao hàng (đồng)',
  freeShippingThresholdVnd: 'Miễn phí giao hàng từ (đồng)',
  ...bankAccountLabels,
};
export const storefrontFields = [...Object.keys(storefrontLabels), 'expectedUpdatedAt'];

export function storefrontFormValues(p: Producer): Record<string, string> {
  return {
    name: p.name,
    story: p.story,
    phone: p.phone,
    email: p.email ?? '',
    shippingFeeVnd: p.shippingFeeVnd === undefined ? '' : String(p.shippingFeeVnd),
    freeShippingThresholdVnd: p.freeShippingThresholdVnd === undefined ? '' : String(p.freeShippingThresholdVnd),
    bankBin: p.bank?.bankBin ?? '',
    accountNumber: p.bank?.accountNumber ?? '',
    accountName: p.bank?.accountName ?? '',
    expectedUpdatedAt: p.updatedAt ?? p.createdAt,
  };
}

export interface DashboardProps {
  assets: AssetUrls;
  producer: Producer;
  products: Product[];
  certificates: Certificate[];
  notifications: { items: ProducerNotification[]; total: number };
  /** The request's clock: certificate states and "expiring soon" are evaluated at it. */
  now: Date;
  state: FormState;
  /** The confirmation after a redirect (`?da-luu=…`). */
  saved?: string | undefined;
  /** The logo/banner form that failed, with its message. */
  imageForms?: StorefrontImageForms | undefined;
  /** AWS (media bucket): logo and banner forms signed for a direct upload to S3. */
  directImages?: StorefrontDirectUploads | undefined;
  /** The saved VietQR account as a test QR (bankPreviewOf); undefined without an account. */
  bankPreview?: BankPreview | undefined;
}

export function DashboardPage({ assets, producer, products, certificates, notifications, now, state, saved, imageForms, directImages, bankPreview }: DashboardProps) {
  const title = 'Cơ sở của tôi';
  return (
    <Layout title={title} description="Quản lý gian hàng và sản phẩm của cơ sở." assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + producerCss + bankAccountCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: title }]} />
        <h1>{producer.name}</h1>
        <nav class="dash-nav" aria-label="Cơ sở của tôi">
          <ul>
            <li>
              <a href={PRODUCER_ORDERS_PATH}>Đơn hàng</a>
            </li>
            <li>
              <a href="#san-pham">Sản phẩm</a>
            </li>
            <li>
              <a href={PRODUCER_REVIEWS_PATH}>Đánh giá</a>
            </li>
            <li>
              <a href={NOTIFICATIONS_PATH}>Thông báo</a>
            </li>
            <li>
              <a href="#gian-hang">Thông tin gian hàng</a>
            </li>
            <li>
              <a href={`/co-so/${producer.id}`}>Xem gian hàng như người mua</a>
            </li>
          </ul>
        </nav>
        {saved ? (
          <p class="notice" role="status">
            {saved}
          </p>
        ) : null}

        <NotificationsSection items={notifications.items} total={notifications.total} />

        <h2 id="san-pham">Sản phẩm</h2>
        <p>
          <a href={NEW_PRODUCT_PATH}>Thêm sản phẩm</a>
        </p>
        {products.length === 0 ? (
          <p>Chưa có sản phẩm nào.</p>
        ) : (
          <table>
            <caption class="sr-only">Sản phẩm của cơ sở, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Sản phẩm</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Giá</th>
                <th scope="col">Tồn kho</th>
                <th scope="col">Chứng nhận OCOP</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={productEditPath(p.id)}>{p.name}</a>
                  </th>
                  <td>{productStatusLabels[p.status]}</td>
                  <td>{formatVnd(p.priceVnd)}</td>
                  <td>{p.stock}</td>
                  <td>{p.certificate ? `${p.certificate.stars}★ · hết hạn ${vietnamCalendarDay(p.certificate.expiresOn)}` : 'Chưa gắn'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <CertificatesSection certificates={certificates} now={now} />

        {producer.story ? (
          <section aria-labelledby="gioi-thieu">
            <h2 id="gioi-thieu">Giới thiệu, như người mua thấy</h2>
            {/* markdown-it with html:false escapes raw HTML and drops unsafe links (story-markdown.ts). */}
            <div class="story">{raw(renderStoryHtml(producer.story))}</div>
          </section>
        ) : null}

        <StorefrontImagesSection producer={producer} media={assets.media} forms={imageForms} direct={directImages} />

        <h2 id="gian-hang">Thông tin gian hàng</h2>
        <form method="post" action={STOREFRONT_FORM_PATH} novalidate class="auth">
          <ErrorSummary state={state} labels={storefrontLabels} />
          <input type="hidden" name="expectedUpdatedAt" value={state.values.expectedUpdatedAt ?? ''} />
          <Field name="name" label={storefrontLabels.name} autocomplete="organization" state={state} maxlength={160} />
          <TextArea name="story" label={storefrontLabels.story} state={state} required={false} maxlength={4000} hint="Có thể dùng **đậm**, danh sách và liên kết; mã HTML không được hiển thị." />
          <Field name="phone" label={storefrontLabels.phone} type="tel" inputmode="tel" autocomplete="tel" state={state} maxlength={20} />
          <Field name="email" label={storefrontLabels.email} type="email" inputmode="email" autocomplete="email" state={state} required={false} maxlength={254} />
          <Field name="shippingFeeVnd" label={storefrontLabels.shippingFeeVnd} autocomplete="off" state={state} required={false} hint="Số nguyên, ví dụ 30000" maxlength={12} />
          <Field name="freeShippingThresholdVnd" label={storefrontLabels.freeShippingThresholdVnd} autocomplete="off" state={state} required={false} maxlength={13} />
          <BankAccountFields state={state} />
          <Submit>Lưu gian hàng</Submit>
        </form>
        <BankPreviewSection preview={bankPreview} />
      </div>
    </Layout>
  );
}

export function NoStorefrontPage({ assets }: { assets: AssetUrls }) {
  return (
    <Layout title="Cơ sở của tôi" description="Đăng ký gian hàng OCOP." assets={assets} noindex>
      <div class="wrap">
        <h1>Cơ sở của tôi</h1>
        <p>
          Tài khoản chưa có gian hàng. <a href="/co-so-cua-toi/dang-ky">Gửi hồ sơ đăng ký gian hàng</a> để cán bộ OCOP tỉnh, thành phố duyệt.
        </p>
      </div>
    </Layout>
  );
}
