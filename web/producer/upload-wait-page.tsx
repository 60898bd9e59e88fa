import type { Product } from '../../shared/catalog/product';
import type { AssetUrls } from '../view';
import { productEditPath } from './paths';
import { ProducerPage } from './producer-page';

export interface UploadWaitProps {
  assets: AssetUrls;
  product: Product;
  /** This page's own address, for the reload link. */
  reload: string;
  /** Pending far longer than processing takes: stop reloading and say what to do. */
  stuck: boolean;
}

/**
 * After a direct upload, while the image processor works (a few seconds). The response also carries
 * a `Refresh: 2` header; the meta element is the same instruction for browsers reading only markup.
 */
export function UploadWaitPage({ assets, product, reload, stuck }: UploadWaitProps) {
  return (
    <ProducerPage title="Đang xử lý ảnh" assets={assets} trail={[{ label: product.name, href: productEditPath(product.id) }]}>
      {stuck ? null : <meta http-equiv="refresh" content="2" />}
      <div class="panel upload-wait">
        {stuck ? (
          <p role="status">Ảnh vẫn chưa xử lý xong sau thời gian dài: có thể tệp chưa được gửi lên hết. Hãy quay lại sản phẩm và tải ảnh lên lần nữa.</p>
        ) : (
          <p role="status">Ảnh đang được xử lý… (kiểm tra định dạng, xoay đúng chiều, xoá thông tin vị trí, tạo các cỡ ảnh). Trang tự tải lại sau 2 giây.</p>
        )}
        <p>
          {stuck ? null : (
            <>
              <a href={reload}>Tải lại trang</a> ·{' '}
            </>
          )}
          <a href={productEditPath(product.id)}>Quay lại sản phẩm “{product.name}”</a>
        </p>
      </div>
    </ProducerPage>
  );
}
