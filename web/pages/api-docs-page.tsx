import type { Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { sendPage } from '../render';

/** Where scripts/build-web.ts copies swagger-ui-dist, under the static base URL. */
export const SWAGGER_UI_DIR = 'swagger-ui';

function ApiDocs({ specUrl, staticBase }: { specUrl: string; staticBase: string }) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Chợ OCOP API – tài liệu</title>
        <meta name="description" content="Tài liệu OpenAPI của Chợ OCOP (Swagger UI)" />
        <link rel="stylesheet" href={`${staticBase}/${SWAGGER_UI_DIR}/swagger-ui.css`} />
      </head>
      <body>
        <noscript>
          Trang này cần JavaScript. Tài liệu dạng JSON: <a href={specUrl}>{specUrl}</a>
        </noscript>
        <div id="swagger-ui" data-spec-url={specUrl}></div>
        <script src={`${staticBase}/${SWAGGER_UI_DIR}/swagger-ui-bundle.js`}></script>
        {/* The start-up call lives in a file too: the CSP allows no inline script. */}
        <script src={`${staticBase}/api-docs.js`}></script>
      </body>
    </html>
  );
}

/** GET /api/docs: Swagger UI from the project's own static files (works offline, no CDN). */
export function apiDocsPage(specUrl: string) {
  return (c: Context<AppEnv>) => sendPage(c, <ApiDocs specUrl={specUrl} staticBase={c.get('services').config.staticBaseUrl.replace(/\/+$/, '')} />);
}
