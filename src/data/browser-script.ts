/**
 * Data for a page's browser code as a classic script that sets one global (`self.estimatorData=…;`):
 * a file of its own rather than JSON inside the page, so the page's HTML stays within the first
 * round trip of a new connection and the data loads with the code, when the reader needs it. The
 * offline copy runs the same file as a classic script before the code (file:// allows no fetch).
 */
export function dataScript(global: string, payload: unknown): Response {
  const json = JSON.stringify(payload).replace(/</g, '\\u003c');
  return new Response(`self.${global}=${json};\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
}
