import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Breadcrumbs, type Crumb } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';

/** What the product pages add to the form styles: thumbnails, side-by-side small forms, a warning row. */
export const producerCss = `
.dash-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:0 0 1rem}
.dash-nav a{display:inline-block;min-height:2.75rem;line-height:2.75rem;font-weight:700}
.thumbs{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.75rem;list-style:none;padding:0}
.thumbs li{background:#fff;border:1px solid #e4dfd3;border-radius:.5rem;padding:.5rem;display:grid;gap:.4rem}
.thumbs img{width:100%;height:auto;border-radius:.3rem}
.field select[aria-invalid=true]{border:2px solid #8f2d07}
.inline-form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.soon{background:#fff3c4}
.visible-yes{border-left:4px solid #0a5a3a}
.visible-no{border-left:4px solid #c99a00}
.auth form.danger{border-color:#8f2d07}
.auth.wide{max-width:52rem}
.table-scroll{overflow-x:auto}
.variant-table{border-collapse:collapse;width:100%;min-width:34rem}
.variant-table th,.variant-table td{text-align:left;vertical-align:top;padding:.25rem}
.variant-table th{font-size:.9rem}
.variant-table th:first-child{width:34%}.variant-table th:nth-child(2){width:22%}.variant-table th:nth-child(3){width:14%}
.variant-table input[aria-invalid=true]{border:2px solid #8f2d07}
.variant-table .choice{margin:.4rem 0 0}
.variant-table .cell-label{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:39.99rem){.variant-table{min-width:0}.variant-table thead{display:none}.variant-table tr{display:grid;grid-template-columns:1fr 1fr;gap:.3rem .6rem;padding:.5rem 0;border-bottom:1px solid #e4dfd3}.variant-table td{display:block;padding:0}.variant-table td:first-child{grid-column:1/-1}.variant-table .cell-label{position:static;width:auto;height:auto;margin:0;overflow:visible;clip:auto;white-space:normal;display:block;font-size:.85rem;font-weight:700}}
details summary{cursor:pointer;font-weight:700;min-height:2.75rem;padding:.5rem 0}
.upload-wait{display:grid;gap:.75rem}
.storefront-image{margin:0 0 1.5rem}
.storefront-image img{display:block;height:auto;margin:0 0 .5rem;border:1px solid #e4dfd3;border-radius:.3rem}
.storefront-image .preview-logo{width:8rem}
.storefront-image .preview-banner{width:100%}
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
