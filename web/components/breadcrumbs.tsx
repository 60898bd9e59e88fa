export interface Crumb {
  label: string;
  href?: string;
}

/** The last crumb is the current page: not a link, marked aria-current. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav class="crumbs" aria-label="Đường dẫn">
      <ol>
        {items.map((item, i) =>
          i === items.length - 1 || !item.href ? (
            <li>
              <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.label}</span>
            </li>
          ) : (
            <li>
              <a href={item.href}>{item.label}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
