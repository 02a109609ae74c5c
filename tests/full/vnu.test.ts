/**
 * The Nu HTML Checker (vnu-jar, run with the system's Java) over every page of the build and of
 * the offline copies, and over the stylesheets. Errors and warnings fail the test,
 * except for findings of checker gaps named below, each of which is verified another way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePolicy, sha256Source } from '../../src/lib/csp';
import { dist, root } from '../support/site';

const java = process.env.JAVA_PATH ?? '/usr/bin/java';
const jar = createRequire(import.meta.url)('vnu-jar') as string;

interface Message {
  type: string;
  subType?: string;
  url: string;
  message: string;
  extract?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

/** The text of the file a message is about, and the offset just after the start tag it points at. */
function at(m: Message): { html: string; end: number } {
  const html = readFileSync(fileURLToPath(m.url), 'utf8');
  const lines = html.split('\n');
  let end = 0;
  for (let i = 0; i < (m.lastLine ?? 1) - 1; i++) end += lines[i]!.length + 1;
  return { html, end: end + (m.lastColumn ?? 0) };
}
const policyOf = (html: string) =>
  parsePolicy(html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1] ?? '');
/** The start tag that ends at `end`, and the element's text up to its end tag. */
function element(html: string, end: number, name: string) {
  const start = html.lastIndexOf(`<${name}`, end - 1);
  const tag = html.slice(start, end);
  const close = html.indexOf(`</${name}>`, end);
  return { tag, text: html.slice(end, close) };
}

/** Checker gaps: findings that are not problems of the page, each checked here another way. */
const gaps: { why: string; test: (m: Message) => boolean }[] = [
  {
    why: 'the checker’s CSS profile does not know `paint-order` (CSS Fill and Stroke, SVG 2; in every current browser): the map labels’ halo',
    test: (m) =>
      m.type === 'error' && /^CSS: “paint-order”: Property “paint-order” doesn't exist\.$/.test(m.message),
  },
  {
    why: 'the checker’s CSS profile does not know the `@property` at-rule (CSS Properties and Values API, in every current browser since 2024), which Tailwind 4 declares its variables with',
    test: (m) => m.type === 'error' && m.message === 'CSS: Unrecognized at-rule “@property”',
  },
  {
    why: 'the checker rejects an unknown property inside an `@supports` feature query, where testing for it is the point (Tailwind 4 tests `margin-trim` there)',
    test: (m) => {
      const prop = m.message.match(/^CSS: “([a-z-]+)”: Property “\1” doesn't exist\.$/)?.[1];
      if (m.type !== 'error' || !prop) return false;
      const line = readFileSync(fileURLToPath(m.url), 'utf8').split('\n')[(m.lastLine ?? 1) - 1] ?? '';
      const before = line.slice(0, (m.firstColumn ?? 1) - 1); // up to the value the checker points at
      const query = before.slice(before.lastIndexOf('@supports'));
      return before.includes('@supports') && !query.includes('{') && before.endsWith(`${prop}:`);
    },
  },
  {
    why: 'the checker trims an inline script or style before hashing it (browsers hash the text as it is): accepted only when the element’s exact text has its hash in the policy',
    test: (m) => {
      const kind = m.message.match(
        /^Inline (script|style) violates Content Security Policy \(meta tag\)/,
      )?.[1];
      if (!kind) return false;
      const { html, end } = at(m);
      const el = element(html, end, kind);
      if (kind === 'script' && /\stype="application\/(ld\+)?json"/.test(el.tag)) return false; // the next gap
      const sources = policyOf(html)[`${kind}-src`] ?? [];
      return el.text !== el.text.trim() && sources.includes(`'${sha256Source(el.text)}'`);
    },
  },
  {
    why: 'the checker applies script-src to data blocks (JSON-LD, the estimator’s JSON), which browsers never run',
    test: (m) => {
      if (!/^Inline script violates Content Security Policy \(meta tag\)/.test(m.message)) return false;
      const { html, end } = at(m);
      return /\stype="application\/(ld\+)?json"/.test(element(html, end, 'script').tag);
    },
  },
  {
    why: "the checker matches 'self' against the file: URL it reads, not the site’s origin: accepted only for a same-site URL under a policy with 'self'",
    test: (m) => {
      const found = m.message.match(
        /^Resource violates Content Security Policy \(meta tag\): external (stylesheet|script) “([^”]+)” blocked by “(style-src|script-src)” directive\.$/,
      );
      if (!found) return false;
      const url = found[2]!;
      const sameSite = !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//');
      return sameSite && (policyOf(at(m).html)[found[3]!] ?? []).includes("'self'");
    },
  },
];

function runChecker(args: string[]): Message[] {
  if (!existsSync(java))
    throw new Error(
      `${java} not found: \`npm run test:full\` installs Debian's default-jre-headless (or set JAVA_PATH)`,
    );
  const r = spawnSync(java, ['-Xss4m', '-jar', jar, '--format', 'json', '--exit-zero-always', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`vnu failed: ${r.stderr.slice(0, 2000)}`);
  return (JSON.parse(r.stderr) as { messages: Message[] }).messages;
}

describe('the Nu HTML Checker', () => {
  const copies = ['offshoring-maroc-all', 'offshoring-maroc-ar'].map((c) => join(root, 'dist-export', c));
  const stylesheets = readdirSync(join(dist, '_astro'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => join(dist, '_astro', f));

  it('finds nothing in the pages, the offline copies and the stylesheets but named checker gaps', () => {
    const messages = runChecker(['--skip-non-html', dist, ...copies]).concat(
      runChecker(['--css', ...stylesheets]),
    );
    const checked = messages.filter(
      (m) =>
        m.type === 'error' ||
        m.type === 'non-document-error' ||
        (m.type === 'info' && m.subType === 'warning'),
    );
    expect(
      checked.length,
      'the checker reported its findings (the gaps below occur in this build)',
    ).toBeGreaterThan(0);
    const left = checked.filter((m) => !gaps.some((g) => g.test(m)));
    expect(
      left.map(
        (m) =>
          `${m.url.replace(/^file:/, '').replace(root, '')}:${m.lastLine}:${m.lastColumn} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`,
      ),
    ).toEqual([]);
    const used = gaps.filter((g) => checked.some((m) => g.test(m))).map((g) => g.why);
    console.log(`[vnu] ${checked.length} findings, all of named checker gaps:\n  - ${used.join('\n  - ')}`);
  });
});
