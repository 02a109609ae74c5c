/**
 * schema.org structured data for a page, as plain objects (serialised by the layout). Pure:
 * names, URLs and languages are arguments.
 */

export interface Crumb {
  name: string;
  url: string;
}

/** The site, with a search box pointing to /{lang}/search/?q=. */
export function website(o: { name: string; url: string; lang: string; searchUrl: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: o.name,
    url: o.url,
    inLanguage: o.lang,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${o.searchUrl}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function breadcrumbs(items: Crumb[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: c.url,
    })),
  };
}

/** A content page; `about` adds the park (Place) or incentive (GovernmentService) it describes. */
export function webPage(o: {
  name: string;
  description: string;
  url: string;
  lang: string;
  /** Left out for a page made from data alone (a list of sources), which has no edit date of its own. */
  dateModified?: string | undefined;
  about?: object | undefined;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: o.name,
    description: o.description,
    url: o.url,
    inLanguage: o.lang,
    ...(o.dateModified ? { dateModified: o.dateModified } : {}),
    ...(o.about ? { about: o.about } : {}),
  };
}

/** A business park; coordinates are city-level approximations, so only three decimals are kept. */
export function place(o: { name: string; city: string; region: string; lat: number; lon: number }) {
  return {
    '@type': 'Place',
    name: o.name,
    address: {
      '@type': 'PostalAddress',
      addressLocality: o.city,
      addressRegion: o.region,
      addressCountry: 'MA',
    },
    geo: {
      '@type': 'GeoCoordinates',
      latitude: Number(o.lat.toFixed(3)),
      longitude: Number(o.lon.toFixed(3)),
    },
  };
}

/**
 * An incentive, with every text in the page's language. Its period in force is on the page, not
 * here: schema.org's Service has no property for it (`availabilityStarts/Ends` belong to Offer).
 */
export function governmentService(o: {
  name: string;
  provider: string;
  serviceType: string;
  country: string;
}) {
  return {
    '@type': 'GovernmentService',
    name: o.name,
    serviceType: o.serviceType,
    areaServed: { '@type': 'Country', name: o.country, identifier: 'MA' },
    provider: { '@type': 'GovernmentOrganization', name: o.provider },
  };
}

/** Serialises for a <script type="application/ld+json">, safe against `</script>` in strings. */
export function toScript(data: object | object[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * A downloadable dataset: its files, licence and the languages of its labels. Its description must
 * have 50 to 5,000 characters (what dataset search engines take): a shorter one fails the build.
 */
export function dataset(o: {
  name: string;
  description: string;
  url: string;
  license: string;
  creator: string;
  dateModified: string;
  languages: readonly string[];
  files: { url: string; format: string }[];
  keywords?: string[];
}) {
  const length = [...o.description].length;
  if (length < 50 || length > 5000)
    throw new RangeError(
      `Dataset "${o.name}": its description has ${length} characters, expected 50 to 5,000 (openData.datasets.*.about in src/i18n/ui/)`,
    );
  return {
    '@type': 'Dataset',
    name: o.name,
    description: o.description,
    url: o.url,
    license: o.license,
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: o.creator },
    dateModified: o.dateModified,
    inLanguage: o.languages,
    spatialCoverage: { '@type': 'Country', name: 'Morocco' },
    ...(o.keywords ? { keywords: o.keywords } : {}),
    distribution: o.files.map((f) => ({
      '@type': 'DataDownload',
      encodingFormat: f.format,
      contentUrl: f.url,
    })),
  };
}

/** The page that lists the datasets: a catalogue of them. */
export function dataCatalog(o: {
  name: string;
  description: string;
  url: string;
  lang: string;
  datasets: object[];
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataCatalog',
    name: o.name,
    description: o.description,
    url: o.url,
    inLanguage: o.lang,
    dataset: o.datasets,
  };
}

/** A page of a given schema.org type (SearchResultsPage, CollectionPage, AboutPage…) without an `about`. */
export function typedPage(
  type: 'SearchResultsPage' | 'CollectionPage' | 'AboutPage' | 'WebPage',
  o: { name: string; description: string; url: string; lang: string; dateModified?: string | undefined },
) {
  return {
    '@context': 'https://schema.org',
    '@type': type,
    name: o.name,
    description: o.description,
    url: o.url,
    inLanguage: o.lang,
    ...(o.dateModified ? { dateModified: o.dateModified } : {}),
  };
}
