import { describe, expect, it } from 'vitest';
import {
  createOfflineIndex,
  excerpt,
  findOffline,
  normalizeTerm,
  packIndex,
  postingsOf,
  searchOffline,
  words,
  type OfflineDoc,
} from '../../src/lib/offline-search';
import { extractOfflineDoc } from '../../integrations/search-index/extract';

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const marked = (segments: { text: string; mark: boolean }[]) =>
  segments.filter((s) => s.mark).map((s) => s.text);

describe('normalizeTerm', () => {
  it.each([
    ['fr', 'L’Impôt', 'impot'],
    ['fr', "d'emploi", 'emploi'],
    ['fr', 'qu’elle', 'elle'],
    ['fr', 'Fès', 'fes'],
    ['fr', 'P2I', 'p2i'],
    ['en', 'Morocco’s', 'morocco'],
    ['en', 'one-stop', 'one-stop'],
    ['ar', 'والتكوين', 'تكوين'],
    ['ar', 'بالتكوين', 'تكوين'],
    ['ar', 'التكوين', 'تكوين'],
    ['ar', 'تكوين', 'تكوين'],
    ['ar', 'التَّكْوِين', 'تكوين'],
    ['ar', 'إدارة', 'اداره'],
    ['ar', 'الذي', 'الذي'],
    ['ar', 'KPO', 'kpo'],
    // Digits, alef before the article, «و» on a Latin word, œ and plurals, the same on both sides.
    ['ar', '٢٠٣٠', '2030'],
    ['ar', 'الإلكترونية', 'كترونيه'],
    ['ar', 'الكترونية', 'كترونيه'],
    ['ar', 'إلكترونية', 'كترونيه'],
    ['ar', 'الالتزام', 'تزام'],
    ['ar', 'التزام', 'تزام'],
    ['ar', 'وKPO', 'kpo'],
    ['ar', 'المؤهلين', 'موهلين'],
    ['ar', 'الموهلين', 'موهلين'],
    ['ar', 'رئيس', 'رييس'],
    ['fr', 'œil', 'oeil'],
    ['fr', 'd’œuvre', 'oeuvre'],
    ['fr', 'impôts', 'impot'],
    ['fr', 'emplois', 'emploi'],
    ['fr', 'les', 'les'],
    ['en', 'companies', 'company'],
    ['en', 'taxes', 'tax'],
    ['en', 'KPOs', 'kpo'],
    ['en', 'businesses', 'business'],
    ['en', 'process', 'process'],
    ['en', 'status', 'status'],
    ['en', 'analysis', 'analysis'],
  ])('%s: %s → %s', (lang, word, expected) => expect(normalizeTerm(word, lang)).toBe(expected));
});

describe('words', () => {
  it('keeps elisions and marks inside words, with their positions', () => {
    expect(words('l’impôt, 2030 — التَّكوين')).toEqual([
      { word: 'l’impôt', start: 0 },
      { word: '2030', start: 9 },
      { word: 'التَّكوين', start: 16 },
    ]);
  });
});

const doc = (
  url: string,
  title: string,
  type: OfflineDoc['type'],
  lead: string,
  sections: [string, string, string][] = [],
  region?: string,
): OfflineDoc => ({
  url,
  title,
  type,
  ...(region ? { region } : {}),
  sections: [
    { title, text: lead, anchors: [] },
    ...sections.map(([id, t, body]) => ({
      id,
      title: t,
      text: body,
      anchors: [[0, id] as [number, string]],
    })),
  ],
});

const fr = createOfflineIndex({
  lang: 'fr',
  docs: [
    doc(
      'fr/incentives/paf/index.html',
      'Prime à la formation',
      'incentive',
      'L’État verse une prime pour la formation de chaque nouvelle recrue marocaine.',
    ),
    doc(
      'fr/parks/fes-shore/index.html',
      'Fès Shore',
      'park',
      'Le parc de Fès accueille des centres de services.',
      [['emplois', 'Emplois', 'Des milliers d’emplois dans la région.']],
      'Fès-Meknès',
    ),
    doc(
      'fr/parks/casanearshore/index.html',
      'Casanearshore',
      'park',
      'Le plus grand parc, à Sidi Maârouf.',
      [],
      'Casablanca-Settat',
    ),
    doc(
      'fr/incentives/air/index.html',
      'Avantage lié à l’impôt sur le revenu',
      'incentive',
      'L’impôt sur le revenu des salariés est plafonné.',
    ),
  ],
});

describe('createOfflineIndex', () => {
  it('keeps each word once in its normal form, with the pages and fields it occurs in', () => {
    const index = createOfflineIndex({
      lang: 'fr',
      docs: [
        doc('fr/a/index.html', 'Impôt', 'incentive', 'L’impôt et l’IMPOT.', [['s', 'Fès', 'Impôts']]),
        doc('fr/b/index.html', 'Fès', 'park', 'Fès.'),
      ],
    });
    // [page × 3 + field, occurrences]; fields: title 0, headings 1, text 2.
    expect(postingsOf(index, 'impot')).toEqual([0, 1, 2, 3]); // 'Impôts' is the same word
    expect(postingsOf(index, 'impots')).toBeUndefined();
    expect(postingsOf(index, 'fes')).toEqual([1, 1, 3, 1, 5, 1]);
    expect(postingsOf(index, 'l’impôt')).toBeUndefined();
    // Distinct words per page and field: text of page a = impot, et.
    expect(index.lengths.slice(0, 3)).toEqual([1, 1, 2]);
  });
});

describe('packIndex', () => {
  it('writes an index that searches as the one made from the pages', () => {
    const packed = packIndex(fr);
    expect(packed.words.split(' ')).toEqual([...fr.words]);
    const loaded = createOfflineIndex({ lang: 'fr', docs: fr.docs, index: packed });
    for (const word of fr.words) expect(postingsOf(loaded, word), word).toEqual(postingsOf(fr, word));
    for (const q of ['parc', 'impôt revenu', 'casan', 'emplois', 'fes'])
      expect(searchOffline(loaded, q), q).toEqual(searchOffline(fr, q));
    expect(JSON.parse(JSON.stringify(packed))).toEqual(packed);
  });
});

describe('ranking', () => {
  const index = createOfflineIndex({
    lang: 'fr',
    docs: [
      doc(
        'fr/text/index.html',
        'Autre page',
        'pillar',
        'Un mot sur la formation, parmi beaucoup d’autres mots ici.',
      ),
      doc('fr/title/index.html', 'Formation', 'incentive', 'Une page sur un tout autre sujet que ce mot.'),
      doc('fr/longer/index.html', 'Formationnelle', 'incentive', 'Les formationnelles aidées.'),
    ],
  });
  const urls = (q: string) => searchOffline(index, q).map((h) => h.url);

  it('ranks a match in the title above one in the text, and a word above a longer one it begins', () => {
    expect(urls('formation')).toEqual(['fr/title/index.html', 'fr/longer/index.html', 'fr/text/index.html']);
  });

  it('adds up the words of the query, every one required', () => {
    expect(urls('formation mot')).toEqual(['fr/title/index.html', 'fr/text/index.html']);
    expect(urls('formation aidées')).toEqual(['fr/longer/index.html']);
    expect(urls('— …')).toEqual([]);
  });
});

describe('findOffline', () => {
  it('counts every result and makes the excerpts of the slice asked for', () => {
    const found = findOffline(fr, 'parc');
    expect(found.total).toBe(2);
    expect(found.hits(0, 1).map((h) => h.url)).toEqual([searchOffline(fr, 'parc')[0]!.url]);
    expect(found.hits(0, 5)).toEqual(searchOffline(fr, 'parc'));
  });
});

describe('searchOffline', () => {
  it('finds words whatever their accents and elisions, title matches first', () => {
    expect(searchOffline(fr, 'fes').map((h) => h.url)[0]).toBe('fr/parks/fes-shore/index.html');
    expect(searchOffline(fr, 'impôt revenu').map((h) => h.url)).toEqual(['fr/incentives/air/index.html']);
    expect(searchOffline(fr, 'emploi').map((h) => h.url)).toEqual(['fr/parks/fes-shore/index.html']);
    expect(searchOffline(fr, 'maarouf').map((h) => h.url)).toEqual(['fr/parks/casanearshore/index.html']);
  });

  it('needs every word, and completes the last one from three letters', () => {
    expect(searchOffline(fr, 'prime nulle')).toEqual([]);
    expect(searchOffline(fr, 'casan').map((h) => h.url)).toEqual(['fr/parks/casanearshore/index.html']);
    expect(searchOffline(fr, 'ca')).toEqual([]);
  });

  it('filters by page type and region', () => {
    expect(
      searchOffline(fr, 'parc', { type: 'park' })
        .map((h) => h.url)
        .sort(),
    ).toEqual(['fr/parks/casanearshore/index.html', 'fr/parks/fes-shore/index.html']);
    expect(
      searchOffline(fr, 'parc', { type: 'park', region: 'Casablanca-Settat' }).map((h) => h.url),
    ).toEqual(['fr/parks/casanearshore/index.html']);
    expect(searchOffline(fr, 'parc', { type: 'incentive' })).toEqual([]);
  });

  it('returns the page’s title, type and region, an excerpt with the match marked, and the matching sections', () => {
    const [hit] = searchOffline(fr, 'emplois');
    expect(hit).toMatchObject({ title: 'Fès Shore', type: 'park', region: 'Fès-Meknès', lead: [] });
    // The word is marked as written, with its elision.
    expect(marked(hit!.excerpt)).toEqual(['d’emplois']);
    expect(hit!.sections).toEqual([
      {
        url: 'fr/parks/fes-shore/index.html#emplois',
        title: 'Emplois',
        excerpt: [
          { text: 'Des milliers ', mark: false },
          { text: 'd’emplois', mark: true },
          { text: ' dans la région.', mark: false },
        ],
      },
    ]);
    const [lead] = searchOffline(fr, 'formation');
    expect(marked(lead!.lead)).toEqual(['formation']);
    expect(lead!.sections).toEqual([]);
  });

  it('lists a section whose heading alone holds the match', () => {
    const index = createOfflineIndex({
      lang: 'fr',
      docs: [
        doc('fr/accessibility/index.html', 'Accessibilité', 'other', 'Ce que le guide fait pour chacun.', [
          ['norme', 'Norme visée', 'Le guide suit les WCAG 2.2 au niveau AA.'],
        ]),
      ],
    });
    const [hit] = searchOffline(index, 'norme');
    expect(hit!.sections.map((s) => [s.url, s.title])).toEqual([
      ['fr/accessibility/index.html#norme', 'Norme visée'],
    ]);
  });

  it('finds an Arabic word with or without its attached conjunction, preposition and article', () => {
    const ar = createOfflineIndex({
      lang: 'ar',
      docs: [
        doc(
          'ar/pillars/human-capital/index.html',
          'الرأسمال البشري',
          'pillar',
          'تدعم الدولة التشغيل والتكوين في القطاع.',
        ),
        doc(
          'ar/incentives/paf/index.html',
          'منحة التكوين',
          'incentive',
          'منحة تُصرف بالتكوين لكل مستخدم جديد.',
        ),
        doc('ar/parks/fes-shore/index.html', 'فاس شور', 'park', 'منصة في فاس.'),
      ],
    });
    for (const q of ['التكوين', 'تكوين', 'والتكوين', 'بالتكوين']) {
      expect(
        searchOffline(ar, q)
          .map((h) => h.url)
          .sort(),
        q,
      ).toEqual(['ar/incentives/paf/index.html', 'ar/pillars/human-capital/index.html']);
    }
    expect(marked(searchOffline(ar, 'التكوين').find((h) => h.type === 'pillar')!.excerpt)).toEqual([
      'والتكوين',
    ]);
    expect(searchOffline(ar, 'فاس').map((h) => h.url)).toEqual(['ar/parks/fes-shore/index.html']);
  });

  it('finds a word behind a lone attached letter, and hamza on waw typed as waw', () => {
    const ar = createOfflineIndex({
      lang: 'ar',
      docs: [
        doc('ar/sources/official/index.html', 'مصادر رسمية', 'other', 'قائمة المصادر الرسمية ومؤسساتية.'),
        doc('ar/pillars/human-capital/index.html', 'الرأسمال البشري', 'pillar', 'أطر مؤهلة ووزارة التشغيل.'),
      ],
    });
    const urls = (q: string) => searchOffline(ar, q).map((h) => h.url);
    expect(urls('مؤسساتية')).toEqual(['ar/sources/official/index.html']);
    expect(marked(searchOffline(ar, 'مؤسساتية')[0]!.excerpt)).toEqual(['ومؤسساتية']);
    expect(urls('موهلة')).toEqual(['ar/pillars/human-capital/index.html']);
    // A word that starts with one of those letters is still found as typed, and not without it.
    expect(urls('وزارة')).toEqual(['ar/pillars/human-capital/index.html']);
    expect(urls('زارة')).toEqual([]);
  });
});

describe('excerpt', () => {
  const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
  const marks = (hits: number[]) =>
    words(long).map(({ word, start }, i) => ({ start, end: start + word.length, mark: hits.includes(i) }));

  it('cuts a window of words around the matches, with ellipses', () => {
    const out = excerpt(long, marks([40]), 10);
    expect(text(out)).toBe('… w35 w36 w37 w38 w39 w40 w41 w42 w43 w44 …');
    expect(marked(out)).toEqual(['w40']);
  });

  it('prefers the window with the most matches, and keeps short texts whole', () => {
    expect(marked(excerpt(long, marks([3, 30, 32, 34]), 10))).toEqual(['w30', 'w32', 'w34']);
    expect(
      text(
        excerpt(
          'a b c',
          words('a b c').map(({ start, word }) => ({ start, end: start + word.length, mark: false })),
        ),
      ),
    ).toBe('a b c');
  });
});

describe('extractOfflineDoc', () => {
  const page = `<!doctype html><html lang="en"><head><title>X · Guide</title></head><body>
    <header><a href="/en/">Home</a></header>
    <main><article data-pagefind-body data-pagefind-filter="type:park">
      <h1 data-pagefind-meta="title">Fès&nbsp;Shore</h1>
      <p>Offices <strong>ready</strong> to use.<a class="fig-src" data-pagefind-ignore>[source]</a></p>
      <dl><dt>Region</dt><dd data-pagefind-filter="region:Fès-Meknès">Fès-Meknès</dd></dl>
      <aside data-pagefind-ignore><p>Not indexed</p></aside>
      <h2 id="jobs">Jobs</h2><p>Some jobs.</p>
      <div id="term-kpo"><dt>KPO</dt><dd>Knowledge</dd></div>
      <script>var x = 1;</script>
    </article></main><footer>Footer</footer></body></html>`;

  it('reads the indexed region only: title, type, region, sections at headings with an id, anchors', () => {
    expect(extractOfflineDoc(page, 'en/parks/fes-shore/index.html')).toEqual({
      url: 'en/parks/fes-shore/index.html',
      title: 'Fès Shore',
      type: 'park',
      region: 'Fès-Meknès',
      sections: [
        { title: 'Fès Shore', text: 'Offices ready to use. Region Fès-Meknès', anchors: [] },
        { title: 'Jobs', id: 'jobs', text: 'Some jobs. KPO Knowledge', anchors: [[11, 'term-kpo']] },
      ],
    });
  });

  it('separates the words of an inline element shown as a block', () => {
    const steps = `<main data-pagefind-body><h1>Steps</h1><ol><li><h2 id="s1"><span class="block text-sm">Step 1</span>Get advice</h2><p>From the <span class="font-bold">CRI</span>s.</p></li></ol></main>`;
    const doc = extractOfflineDoc(steps, 'en/setting-up/index.html')!;
    expect(doc.sections[1]).toMatchObject({ title: 'Step 1 Get advice', text: 'From the CRIs.' });
  });

  it('has nothing for a page without an indexed region', () => {
    expect(
      extractOfflineDoc('<html><body><main>Search</main></body></html>', 'en/search/index.html'),
    ).toBeUndefined();
  });
});
