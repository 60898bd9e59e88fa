/** Cursor paging: DynamoDB pages forward only, so there is "next" and "back to the first page", no page numbers. */
export function Pagination({ nextHref, firstHref }: { nextHref?: string | undefined; firstHref?: string | undefined }) {
  if (!nextHref && !firstHref) return null;
  return (
    <nav class="pager" aria-label="Phân trang">
      {firstHref ? (
        <a class="btn btn-ghost" href={firstHref}>
          « Về trang đầu
        </a>
      ) : (
        <span></span>
      )}
      {nextHref ? (
        <a class="btn" href={nextHref} rel="next">
          Trang sau »
        </a>
      ) : null}
    </nav>
  );
}
