/** Cart and buy-form styles, in the look of web/styles.ts; rendered inside the pages that use them. */
export const cartCss = `
.buy{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:1rem;margin:1rem 0;display:grid;gap:.75rem;max-width:28rem}
.buy .field label{display:block;font-weight:700;margin-bottom:.2rem}
.buy-actions{display:flex;flex-wrap:wrap;gap:.5rem}
.cart-ok{background:#e6f2ec;color:#08412a;border-left:4px solid #0a5a3a;padding:.6rem .8rem;border-radius:.3rem;margin:0}
.cart-error{background:#fdecea;color:#5c1a05;border-left:4px solid #8f2d07;padding:.6rem .8rem;border-radius:.3rem;margin:0}
.cart-shop{background:#fff;border:1px solid #e4dfd3;border-radius:.6rem;padding:1rem;margin:1rem 0}
.cart-shop h2{font-size:1.1rem;margin:0 0 .5rem}
.cart-lines{list-style:none;margin:0;padding:0}
.cart-line{display:grid;grid-template-columns:4.5rem 1fr;gap:.75rem;padding:.75rem 0;border-top:1px solid #e4dfd3}
.cart-line img{width:4.5rem;height:4.5rem;object-fit:cover;border-radius:.3rem}
.cart-line .thumb{width:4.5rem;height:4.5rem;background:#f1ede4;border-radius:.3rem}
.cart-line h3{font-size:1rem;margin:0}
.cart-line.unavailable{opacity:.6}
.cart-line.unavailable h3{text-decoration:line-through}
.cart-line .reason{color:#8f2d07;font-weight:700;margin:.25rem 0}
.cart-line .changed{background:#fff3c4;color:#3d3000;padding:.2rem .4rem;border-radius:.3rem;margin:.25rem 0}
.cart-line form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-top:.4rem}
.cart-line form .field{max-width:7rem}
.cart-line .btn-ghost{min-height:2.75rem}
.cart-subtotal{text-align:right;font-weight:700;margin:.5rem 0 0}
.cart-total{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.75rem;background:#fff;border:2px solid #0a5a3a;border-radius:.6rem;padding:1rem}
.cart-total p{margin:0;font-size:1.15rem;font-weight:700}
`
  .replace(/\n/g, '')
  .trim();
