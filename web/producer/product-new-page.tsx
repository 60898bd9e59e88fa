import { ErrorSummary, Submit, type FormState } from '../components/form/form';
import type { AssetUrls } from '../view';
import { NEW_PRODUCT_PATH } from './paths';
import { ProducerPage } from './producer-page';
import { ProductFields } from './product-fields';
import { productLabels } from './product-form';

/** A new product starts as a draft: nothing is public until it has a certificate and is published. */
export function NewProductPage({ assets, state }: { assets: AssetUrls; state: FormState }) {
  return (
    <ProducerPage title="Thêm sản phẩm" assets={assets}>
      <p>Sản phẩm mới được lưu ở dạng bản nháp. Người mua chỉ thấy sản phẩm sau khi bạn gắn chứng nhận OCOP từ 3 sao còn hiệu lực và bấm “Đăng bán”.</p>
      <div class="auth">
        <form method="post" action={NEW_PRODUCT_PATH} novalidate>
          <ErrorSummary state={state} labels={productLabels} />
          <ProductFields state={state} withStock />
          <Submit>Tạo bản nháp</Submit>
        </form>
      </div>
    </ProducerPage>
  );
}
