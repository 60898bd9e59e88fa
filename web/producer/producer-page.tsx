import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Breadcrumbs, type Crumb } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';

/** What the product pages add to the form styles: thumbnails, side-by-side small forms, a warning row. */
export const producerCss = `
.thumbs{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.75rem;list-style:none;padding:0}
.thumbs li{background:#fff;border:1px solid #e4dfd3;border-radius:.5rem;padding:.5rem;display:grid;gap:.4rem}
.thumbs img{width:100%;height:auto;border-radius:.3rem}
.field select[aria-invalid=true]{border:2px solid #8f2d07}
.inline-form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.soon{background:#fff3c4}
.visible-yes{border-left:4px solid #0a5a3a}
.visible-no{border-left:4px solid #c99a00}
.auth form.danger{border-color:#8f2d07}
`
  .replace(/\n/g, '')
  .trim();

export interface ProducerPageProps {
  title: string;
  assets: AssetUrls;
  /** Crumbs between "Cơ sở của tôi" and this page. */
  trail?: Crumb[];
  children?: Child;
}

/** The producer's personal pages: never indexed, the dashboard one step up. */
export function ProducerPage({ title, assets, trail = [], children }: ProducerPageProps) {
  return (
    <Layout title={title} description="Quản lý sản phẩm của cơ sở." assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + producerCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Cơ sở của tôi', href: '/co-so-cua-toi' }, ...trail, { label: title }]} />
        <h1>{title}</h1>
        {children}
      </div>
    </Layout>
  );
}
