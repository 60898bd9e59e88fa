/**
 * Vietnamese text folding for search keys and slugs.
 * `đ` does not decompose under NFD, so it is mapped explicitly.
 */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
