/** Debian's Chromium (CHROME_PATH or /usr/bin/chromium) and the flags every run starts it with: browser tests and the benchmark. */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** No sandbox (containers), no GPU, no QUIC, and no background traffic that would count as the page's requests. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
