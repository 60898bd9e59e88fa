import type { Child } from 'hono/jsx';
import { Layout } from '../components/layout';
import { renderDocument } from '../render';

const headings: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  404: 'Không tìm thấy trang',
  410: 'Sản phẩm không còn được bán',
  413: 'Dữ liệu gửi lên quá lớn',
  500: 'Đã có lỗi xảy ra',
  503: 'Hệ thống đang bận',
};

/**
 * Some codes come with an English developer message (they are shared with the JSON API); a shopper
 * reads Vietnamese. Codes whose message is already written for shoppers are not listed.
 */
const shopperMessages: Record<string, string> = {
  INVALID_INPUT: 'Địa chỉ trang có tham số không hợp lệ.',
  INVALID_CURSOR: 'Liên kết phân trang không còn hợp lệ. Hãy quay về trang đầu của danh sách.',
  BAD_REQUEST: 'Địa chỉ trang có tham số không hợp lệ.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên vượt quá giới hạn cho phép.',
  ROUTE_NOT_FOUND: 'Không tìm thấy trang bạn cần.',
  INTERNAL: 'Xin lỗi, hệ thống gặp sự cố. Vui lòng thử lại sau ít phút.',
  SERVICE_BUSY: 'Hệ thống đang bận. Vui lòng tải lại trang sau giây lát.',
};

export function headingFor(status: number): string {
  return headings[status] ?? (status >= 500 ? headings[500]! : headings[400]!);
}

export function messageFor(status: number, code: string, message: string): string {
  return shopperMessages[code] ?? (status >= 500 ? shopperMessages.INTERNAL! : message);
}

export interface ErrorPageProps {
  status: number;
  heading: string;
  message: string;
  children?: Child;
}

export function ErrorPage({ status, heading, message, children }: ErrorPageProps) {
  return (
    <Layout title={heading} description={message} noindex>
      <div class="wrap error">
        <h1>{heading}</h1>
        <p>{message}</p>
        {children}
        <p class="code">Mã lỗi {status}</p>
        <p class="filter-actions">
          <a class="btn" href="/san-pham">
            Xem sản phẩm OCOP đang bán
          </a>
          <a href="/">Về trang chủ</a>
        </p>
      </div>
    </Layout>
  );
}

/** The HTML error page app.onError and app.notFound render (`title` is the error code). */
export function renderErrorPage(status: number, title: string, message: string): Promise<string> {
  return renderDocument(<ErrorPage status={status} heading={headingFor(status)} message={messageFor(status, title, message)} />);
}
