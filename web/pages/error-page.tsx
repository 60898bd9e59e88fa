/** Placeholder until the web layer lands (replaced by the web pages work). */
export function renderErrorPage(status: number, _title: string, message: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi ${status}</title></head><body><h1>${status}</h1><p>${message.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`)}</p></body></html>`;
}
