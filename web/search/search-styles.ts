/**
 * The search page's few rules beyond the shared stylesheet (web/styles.ts): facet lists and the
 * suggestion box. Kept here so search stays in one folder; they use the shared colours.
 */
export const searchCss = `
.search-layout{display:grid;gap:1rem}
.facets{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:.8rem}
.facets summary{font-weight:700;cursor:pointer;min-height:2.75rem;display:flex;align-items:center}
.facets h2{font-size:.95rem;margin:.8rem 0 .3rem}
.facets ul{list-style:none;margin:0;padding:0}
.facets li a{display:flex;justify-content:space-between;gap:.5rem;padding:.35rem .2rem;min-height:2.25rem;text-decoration:none;color:#1c1b18;border-radius:.3rem}
.facets li a:hover{background:#f1ede3}
.facets li a[aria-current]{font-weight:700;color:#0a5a3a}
.facets .n{color:#55524b;font-variant-numeric:tabular-nums}
.sorts{display:flex;flex-wrap:wrap;gap:.3rem .9rem;margin:0 0 .8rem;font-size:.92rem}
.sorts a[aria-current]{font-weight:700;text-decoration:none;color:#1c1b18}
.stores{list-style:none;margin:0 0 1rem;padding:0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}
.stores a{display:block;background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:.6rem .8rem;text-decoration:none;color:#1c1b18}
.stores a:hover{border-color:#0a5a3a}
.alternatives{list-style:none;margin:.5rem 0 1rem;padding:0;display:grid;gap:.4rem;justify-items:center}
@media (min-width:56rem){.search-layout{grid-template-columns:16rem minmax(0,1fr);align-items:start}}
`
  .replace(/\n/g, '')
  .trim();
