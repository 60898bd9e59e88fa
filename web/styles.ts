/**
 * The whole stylesheet, inlined in <head>: on a slow 3G phone one request less matters more than
 * caching ~5 kB. Mobile first; system fonts (no webfont download, and they all carry Vietnamese
 * diacritics); colours chosen for ≥ 4.5:1 contrast on their backgrounds.
 */
export const css = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:#1c1b18;background:#f6f4ef;display:flex;flex-direction:column;min-height:100vh}
main{flex:1 0 auto;outline:none}
img{max-width:100%;height:auto;display:block}
a{color:#0a5a3a;text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
h1,h2,h3{line-height:1.25;margin:0 0 .5rem}
h1{font-size:1.6rem}h2{font-size:1.3rem}h3{font-size:1.05rem}
p{margin:0 0 .75rem}
:focus-visible{outline:3px solid #b93d0c;outline-offset:2px}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:.5rem;top:-4rem;z-index:10;background:#fff;color:#000;padding:.6rem 1rem;border-radius:.3rem;font-weight:700}
.skip:focus{top:.5rem}
.site-header{background:#0a5a3a;color:#fff}
.site-header a{color:#fff}
.site-header :focus-visible{outline-color:#ffd166}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding-top:.6rem;padding-bottom:.6rem}
.brand{font-weight:800;font-size:1.25rem;text-decoration:none;margin-right:auto;letter-spacing:.01em}
.brand span{color:#ffd166}
.nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem}
.nav a{text-decoration:none;font-weight:600;padding:.4rem 0;display:inline-block}
.nav a[aria-current]{text-decoration:underline;text-decoration-thickness:2px}
.cart-count{display:inline-block;min-width:1.4rem;padding:0 .35rem;border-radius:.7rem;background:#ffd166;color:#1c1b18;font-size:.85rem;font-weight:700;text-align:center}
.search{display:flex;flex:1 1 100%;gap:.4rem}
.search input{flex:1;min-width:0}
input,select,button{font:inherit;font-size:1rem}
input,select{min-height:2.75rem;padding:.4rem .6rem;border:1px solid #77736b;border-radius:.4rem;background:#fff;color:#1c1b18;width:100%}
.btn,button{min-height:2.75rem;padding:.4rem 1rem;border:0;border-radius:.4rem;background:#b93d0c;color:#fff;font-weight:700;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;justify-content:center}
.btn-ghost{background:#fff;color:#0a5a3a;border:2px solid #0a5a3a}
.site-header button{background:#ffd166;color:#1c1b18}
.site-footer{background:#22211e;color:#eeeae2;margin-top:2.5rem;padding:1.5rem 0;font-size:.9rem}
.site-footer a{color:#fff}
.notice{background:#fff3c4;color:#3d3000;border-left:4px solid #c99a00;padding:.5rem .75rem;border-radius:.3rem;margin:0 0 .75rem}
.demo-tag{display:inline-block;font-size:.75rem;font-weight:700;background:#fff3c4;color:#5c4500;border:1px solid #c99a00;border-radius:.25rem;padding:0 .35rem;vertical-align:middle}
.section{margin:1.75rem 0}
.section-head{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;flex-wrap:wrap}
.hero{background:#fff;border-bottom:1px solid #e4dfd3;padding:1.5rem 0}
.hero p{max-width:42rem;color:#3b3934}
.crumbs{font-size:.9rem;margin:1rem 0}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.crumbs li+li::before{content:"›";padding:0 .4rem;color:#6b675f}
.grid{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr))}
.card{position:relative;background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;overflow:hidden;height:100%;display:flex;flex-direction:column}
.card:hover{border-color:#0a5a3a}
.card:focus-within{outline:3px solid #b93d0c;outline-offset:2px}
.card a:focus-visible{outline:none}
.card img,.ph{aspect-ratio:4/3;width:100%;object-fit:cover;background:#ebe6da}
.ph{display:flex;align-items:center;justify-content:center;color:#5b574f;font-size:.85rem;text-align:center;padding:.5rem}
.card-body{padding:.5rem .65rem .7rem;display:flex;flex-direction:column;gap:.3rem;flex:1}
.card-body p{margin:0}
.card-body .demo-tag{align-self:flex-start}
.card-body .meta{margin-top:auto}
.card h2,.card h3{font-size:.98rem;margin:0}
.card h2 a,.card h3 a{color:#1c1b18;text-decoration:none}
.card h2 a::after,.card h3 a::after{content:"";position:absolute;inset:0}
.price{font-weight:800;color:#8f2d07;font-size:1.05rem}
.unit{font-weight:400;color:#55524b;font-size:.85rem}
.meta{color:#55524b;font-size:.85rem;margin:0}
.ocop{display:inline-flex;align-items:center;gap:.3rem;align-self:flex-start;background:#7d1a12;color:#fff;border-radius:999px;padding:.05rem .55rem;font-size:.78rem;font-weight:800;letter-spacing:.02em;white-space:nowrap}
.ocop .st{color:#ffd166;letter-spacing:.05em}
.ocop-lg{font-size:1rem;padding:.25rem .8rem}
.tiles{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr))}
.tiles a{display:flex;flex-direction:column;height:100%;background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:.8rem;text-decoration:none;color:#1c1b18;font-weight:700}
.tiles a:hover{border-color:#0a5a3a}
.tiles small{color:#0a5a3a;font-weight:700}
.regions{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.regions h3{font-size:.95rem;color:#3b3934}
.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.chips a{display:inline-block;padding:.35rem .7rem;background:#fff;border:1px solid #cfc8b8;border-radius:999px;text-decoration:none;min-height:2.25rem}
.filters{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:.8rem;margin:0 0 1rem}
.filters fieldset{border:0;margin:0;padding:0;display:grid;gap:.6rem;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr))}
.filters legend{font-weight:700;padding:0;margin-bottom:.4rem}
.filters label{display:block;font-size:.88rem;font-weight:600;margin-bottom:.15rem}
.filter-actions{display:flex;gap:.75rem;align-items:center;margin-top:.7rem;flex-wrap:wrap}
.js .filters [data-submit]{display:none}
.hint{font-size:.85rem;color:#55524b;margin:0}
.no-js-hide{display:none}.js .no-js-hide{display:block}
.pager{display:flex;gap:.75rem;flex-wrap:wrap;justify-content:space-between;margin:1.25rem 0}
.empty{background:#fff;border:1px dashed #b5ae9f;border-radius:.6rem;padding:1.25rem;text-align:center}
.product{display:grid;gap:1.25rem}
.product-media img,.product-media .ph{border-radius:.6rem;width:100%;aspect-ratio:4/3;object-fit:cover}
.product-info .price{font-size:1.5rem}
.facts{display:grid;grid-template-columns:1fr;margin:0}
.facts dt{color:#55524b;font-size:.9rem}
.facts dd{margin:0 0 .45rem;font-weight:600}
.panel{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:1rem;margin:1rem 0}
.panel h2{font-size:1.1rem}
.stock-in{color:#0a5a3a;font-weight:700}.stock-out{color:#8f2d07;font-weight:700}
.variants h2{font-size:1.1rem;margin:.5rem 0 .3rem}.variants table{border-collapse:collapse;width:100%}.variants th,.variants td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e4dfd3}.variants tbody th{font-weight:600}
.service{background:#e6f2ec;color:#08412a;border-radius:.4rem;padding:.5rem .75rem}
.prose p{max-width:42rem}
.profile{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:1rem;margin:1rem 0}
.error{padding-top:2rem;padding-bottom:2rem}
.error .code{color:#55524b;font-size:.9rem}
@media (min-width:40rem){
.search{flex:0 1 22rem;order:0}
.grid{grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:1rem}
h1{font-size:2rem}
.facts{grid-template-columns:auto 1fr;gap:.3rem .9rem}
.facts dd{margin:0}
}
@media (min-width:56rem){
.product{grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);align-items:start}
}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
`
  .replace(/\n/g, '')
  .trim();
