// Starts Swagger UI on /api/docs (web/pages/api-docs-page.tsx). A file, not an inline script, so the
// page's CSP can stay script-src 'self'.

interface SwaggerUIGlobal {
  (options: { url: string; domNode: Element; deepLinking: boolean }): unknown;
}

const node = document.getElementById('swagger-ui');
const SwaggerUIBundle = (window as unknown as { SwaggerUIBundle?: SwaggerUIGlobal }).SwaggerUIBundle;
if (node && SwaggerUIBundle) {
  SwaggerUIBundle({ url: node.getAttribute('data-spec-url') ?? '/api/openapi.json', domNode: node, deepLinking: true });
}
