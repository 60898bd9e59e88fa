/**
 * Form styles for the identity pages, in the look of web/styles.ts (same colours, radii, sizes).
 * Rendered inside the page until they move into web/styles.ts.
 */
export const identityCss = `
.auth{max-width:32rem;margin:1.5rem auto}
.auth form{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:1rem;display:grid;gap:1rem}
.field label,.field legend{display:block;font-weight:700;margin-bottom:.2rem}
.field fieldset{border:0;margin:0;padding:0}
.field .hint{margin:.15rem 0 .3rem}
.field-error{color:#8f2d07;font-weight:700;margin:.25rem 0 0}
.field input[aria-invalid=true]{border:2px solid #8f2d07}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0;font-weight:400}
.choice input{width:1.25rem;min-height:1.25rem;margin-top:.2rem;flex:none}
.error-summary{background:#fdecea;color:#5c1a05;border-left:4px solid #8f2d07;padding:.6rem .8rem;border-radius:.3rem}
.error-summary:focus{outline:3px solid #b93d0c}
.error-summary h2{font-size:1rem;margin:0 0 .3rem}
.error-summary ul{margin:0;padding-left:1.1rem}
.success{background:#e6f2ec;color:#08412a;border-left:4px solid #0a5a3a;padding:.6rem .8rem;border-radius:.3rem}
.auth-links{margin-top:1rem}
`
  .replace(/\n/g, '')
  .trim();
