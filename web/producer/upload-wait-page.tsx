import type { AssetUrls } from '../view';
import { ProducerPage } from './producer-page';

/** Where the producer goes back to: the product's edit page or the dashboard. */
export interface UploadWaitBack {
  href: string;
  /** In the breadcrumb trail; omitted for the dashboard (already the trail's first step). */
  crumb?: string | undefined;
  /** The link's text, e.g. `Quay lại sản phẩm “…”`. */
  link: string;
  /** In "Hãy quay lại … và tải ảnh lên lần nữa". */
  noun: string;
}

export interface UploadWaitProps {
  assets: AssetUrls;
  back: UploadWaitBack;
  /** This page's own address, for the reload link. */
  reload: string;
  /** Pending far longer than processing takes: stop reloading and say what to do. */
  stuck: boolean;
}

/**
 * After a direct upload, while the image processor works (a few seconds). The response also carries
 * a `Refresh: 2` header; the meta element is the same instruction for browsers reading only markup.
 */
export function UploadWaitPage({ assets, back, reload, stuck }: UploadWaitProps) {
  return (
    <ProducerPage title="Đang xử lý ảnh" assets={assets} trail={back.crumb ? [{ label: back.crumb, href: back.href }] : []}>
      {stuck ? null : <meta http-equiv="refresh" content="2" />}
      <div class="panel upload-wait">
        {stuck ? (
          <p role="status">Ảnh vẫn chưa xử lý xong sau thời gian dài: có thể tệp chưa được gửi lên hết. Hãy quay lại {back.noun} và tải ảnh lên lần nữa.</p>
        ) : (
          <p role="status">Ảnh đang được xử lý… (kiểm tra định dạng, xoay đúng chiều, xoá thông tin vị trí, tạo các cỡ ảnh). Trang tự tải lại sau 2 giây.</p>
        )}
        <p>
          {stuck ? null : (
            <>
              <a href={reload}>Tải lại trang</a> ·{' '}
            </>
          )}
          <a href={back.href}>{back.link}</a>
        </p>
      </div>
    </ProducerPage>
  );
}
