/**
 * An Atom 1.0 feed (RFC 4287) as text: feed id, title, updated, self and alternate links, author,
 * and per entry id, title, updated, link and summary. Pure; URLs and texts are arguments.
 *
 * atomFeed({ id: 'https://x/fr/changes/', title: 'Changes', … entries: [] }) → '<?xml …?><feed …>…</feed>'
 */
export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}
export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  lang: string;
  updated: string;
  self: string;
  alternate: string;
  author: string;
  rights?: string;
  entries: AtomEntry[];
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A date (YYYY-MM-DD) as the RFC 3339 timestamp Atom requires: midnight UTC. */
export const atomDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);

export function atomFeed(f: AtomFeed): string {
  const entry = (e: AtomEntry) =>
    `  <entry>\n    <id>${escape(e.id)}</id>\n    <title>${escape(e.title)}</title>\n    <updated>${atomDate(e.updated)}</updated>\n    <link rel="alternate" type="text/html" href="${escape(e.link)}"/>\n    <summary>${escape(e.summary)}</summary>\n  </entry>\n`;
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escape(f.lang)}">\n` +
    `  <id>${escape(f.id)}</id>\n  <title>${escape(f.title)}</title>\n` +
    (f.subtitle ? `  <subtitle>${escape(f.subtitle)}</subtitle>\n` : '') +
    `  <updated>${atomDate(f.updated)}</updated>\n` +
    `  <link rel="self" type="application/atom+xml" href="${escape(f.self)}"/>\n  <link rel="alternate" type="text/html" href="${escape(f.alternate)}"/>\n` +
    `  <author><name>${escape(f.author)}</name></author>\n` +
    (f.rights ? `  <rights>${escape(f.rights)}</rights>\n` : '') +
    f.entries.map(entry).join('') +
    `</feed>\n`
  );
}
