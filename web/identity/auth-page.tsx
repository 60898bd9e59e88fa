import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import type { AssetUrls } from '../view';
import { identityCss } from './styles';

export interface AuthPageProps {
  title: string;
  description: string;
  assets: AssetUrls;
  children?: Child;
}

/** The site layout around one narrow form; never indexed (nothing here is for search engines). */
export function AuthPage({ title, description, assets, children }: AuthPageProps) {
  return (
    <Layout title={title} description={description} assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: title }]} />
        <div class="auth">
          <h1>{title}</h1>
          {children}
        </div>
      </div>
    </Layout>
  );
}
