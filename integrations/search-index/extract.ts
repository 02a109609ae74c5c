/**
 * The text of a built page as the offline search and the quick index read it: what Pagefind indexes
 * online, read from the same markup. Only the element marked `data-pagefind-body` counts,
 * without anything marked `data-pagefind-ignore`; the title is the `data-pagefind-meta="title"`
 * element, the page type and region come from `data-pagefind-filter="type:…"`/`"region:…"`,
 * and every heading with an id starts a section that a result can link to.
 */
import { parseDocument } from 'htmlparser2';
import { isPageType } from '../../src/lib/search';
import type { OfflineDoc, OfflineSection } from '../../src/lib/offline-search';

/** The parts of htmlparser2's DOM nodes that we read. */
interface Node {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const skipped = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'button',
  'input',
  'select',
  'textarea',
]);
const inline = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);
const heading = /^h[2-6]$/;
/** An inline element shown as a block (Tailwind's `block`) separates words: '<span class="block">Étape 1</span>S’orienter'. */
const isInline = (n: Node) =>
  inline.has(n.name ?? '') && !/(?:^|\s)block(?:\s|$)/.test(n.attribs?.['class'] ?? '');

function find(node: Node, test: (n: Node) => boolean): Node | undefined {
  if (test(node)) return node;
  for (const c of node.children ?? []) {
    const hit = find(c, test);
    if (hit) return hit;
  }
  return undefined;
}

function findAll(node: Node, test: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (test(node)) out.push(node);
  for (const c of node.children ?? []) findAll(c, test, out);
  return out;
}

const isTag = (n: Node) => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const has = (n: Node, attr: string) => isTag(n) && n.attribs !== undefined && attr in n.attribs;
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The visible text of an element, ignored parts left out: '<h2>Fès <a data-pagefind-ignore>[1]</a></h2>' → 'Fès'. */
function textOf(node: Node): string {
  if (node.type === 'text') return node.data ?? '';
  if (!isTag(node) || skipped.has(node.name ?? '') || has(node, 'data-pagefind-ignore')) return '';
  const inner = (node.children ?? []).map(textOf).join('');
  return isInline(node) ? inner : ` ${inner} `;
}

/**
 * The page as an OfflineDoc, or undefined when it has no indexed region (the search page, the
 * root chooser). `url` is the page's file from the export root: 'fr/parks/fes-shore/index.html'.
 */
export function extractOfflineDoc(html: string, url: string): OfflineDoc | undefined {
  const root = parseDocument(html) as unknown as Node;
  const body = find(root, (n) => has(n, 'data-pagefind-body'));
  if (!body) return undefined;
  const titleNode =
    find(body, (n) => n.attribs?.['data-pagefind-meta'] === 'title') ?? find(root, (n) => n.name === 'title');
  const title = collapse(titleNode ? textOf(titleNode) : url);
  const filters = findAll(body, (n) => has(n, 'data-pagefind-filter') && !insideIgnored(body, n)).map(
    (n) => n.attribs!['data-pagefind-filter']!,
  );
  const filter = (key: string) => filters.find((f) => f.startsWith(`${key}:`))?.slice(key.length + 1);
  const type = filter('type');

  const sections: OfflineSection[] = [];
  let current: OfflineSection = { title, text: '', anchors: [] };
  const append = (s: string) => {
    let t = s.replace(/\s+/g, ' ');
    if (t.startsWith(' ') && (current.text === '' || current.text.endsWith(' '))) t = t.slice(1);
    current.text += t;
  };
  const walk = (node: Node) => {
    if (node.type === 'text') return append(node.data ?? '');
    if (!isTag(node) || skipped.has(node.name ?? '') || has(node, 'data-pagefind-ignore')) return;
    const name = node.name ?? '';
    if (name === 'h1') return;
    const id = node.attribs?.['id'];
    if (heading.test(name) && id) {
      sections.push(finish(current));
      current = { title: collapse(textOf(node)), id, text: '', anchors: [] };
      return;
    }
    if (id) current.anchors.push([current.text.length, id]);
    const block = !isInline(node);
    if (block) append(' ');
    for (const c of node.children ?? []) walk(c);
    if (block) append(' ');
  };
  for (const c of body.children ?? []) walk(c);
  sections.push(finish(current));
  // A copy that owns its strings: the texts read from the DOM are slices of the page's HTML, and
  // V8 keeps a whole string alive for a slice of it. The build holds every page's doc until the
  // offline copy is written; without the copy that held every page's HTML too (at 100× the
  // pages, 530 MB instead of 65).
  return structuredClone({
    url,
    title,
    type: isPageType(type) ? type : 'other',
    ...(filter('region') ? { region: filter('region')! } : {}),
    sections,
  });
}

/** Trims the trailing space of a section's text. */
function finish(s: OfflineSection): OfflineSection {
  const text = s.text.trimEnd();
  return {
    ...s,
    text,
    anchors: s.anchors.map(([o, id]) => [Math.min(o, text.length), id] as [number, string]),
  };
}

function insideIgnored(body: Node, target: Node): boolean {
  const path: Node[] = [];
  const visit = (n: Node): boolean => {
    if (n === target) return true;
    for (const c of n.children ?? []) {
      path.push(n);
      if (visit(c)) return true;
      path.pop();
    }
    return false;
  };
  visit(body);
  return path.some((n) => has(n, 'data-pagefind-ignore'));
}
