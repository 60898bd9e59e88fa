import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { css } from '../styles';
import { SITE_NAME, type AssetUrls } from '../view';
import { Header, type NavKey } from './header';

export interface LayoutProps {
  title: string;
  description: string;
  /** Absent on error pages: they need no script, and may be rendered without services. */
  assets?: AssetUrls | undefined;
  current?: NavKey | undefined;
  query?: string | undefined;
  /** The page shows demo data: the footer says so. */
  demo?: boolean | undefined;
  /** For pages that must not be indexed (errors, empty filter combinations). */
  noindex?: boolean | undefined;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  const title = props.title === SITE_NAME ? SITE_NAME : `${props.title} – ${SITE_NAME}`;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={props.description} />
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="theme-color" content="#0a5a3a" />
        {/* A constant of ours, not user data: inlined raw so CSS selectors like `>` survive. */}
        <style>{raw(css)}</style>
        {props.assets ? <script type="module" src={`${props.assets.static}/app.js`} defer></script> : null}
      </head>
      <body>
        <a class="skip" href="#noi-dung">
          Bỏ qua, đến nội dung chính
        </a>
        <Header current={props.current} query={props.query} />
        <main id="noi-dung" tabindex={-1}>
          {props.children}
        </main>
        <Footer demo={props.demo === true} />
      </body>
    </html>
  );
}

function Footer({ demo }: { demo: boolean }) {
  return (
    <footer class="site-footer">
      <div class="wrap">
        {demo ? (
          <p class="notice" role="note">
            Trang này có <strong>dữ liệu minh họa</strong>: cơ sở, sản phẩm và chứng nhận được đánh dấu “Dữ liệu minh họa” chỉ dùng để trình diễn, không phải thông tin thật.
          </p>
        ) : null}
        <p>
          <strong>{SITE_NAME}</strong> — chợ trực tuyến cho sản phẩm của Chương trình Mỗi xã một sản phẩm (OCOP). Chỉ sản phẩm đạt OCOP từ 3 sao, chứng nhận còn hiệu lực, mới được bán.
        </p>
        <nav aria-label="Chân trang">
          <a href="/">Trang chủ</a> · <a href="/san-pham">Sản phẩm</a> · <a href="/api/docs">API</a>
        </nav>
      </div>
    </footer>
  );
}
