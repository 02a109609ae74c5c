/**
 * schema.org structured data for a page, as plain objects (serialised by the layout). Pure:
 * names, URLs and languages are arguments.
 */

export interface Crumb { name: string; url: string }

/** The site, with a search box pointing to /{lang}/search/?q=. */
export function website(o: { name: string; url: string; lang: string; searchUrl: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: o.name,
    url: o.url,
    inLanguage: o.lang,
    potentialAction: { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: `${o.searchUrl}?q={search_term_string}` }, 'query-input': 'required name=search_term_string' },
  };
}

export function breadcrumbs(items: Crumb[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

/** A content page; `about` adds the park (Place) or incentive (GovernmentService) it describes. */
export function webPage(o: { name: string; description: string; url: string; lang: string; dateModified: string; about?: object | undefined }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: o.name,
    description: o.description,
    url: o.url,
    inLanguage: o.lang,
    dateModified: o.dateModified,
    ...(o.about ? { about: o.about } : {}),
  };
}

/** A business park; coordinates are city-level approximations, so only three decimals are kept. */
export function place(o: { name: string; city: string; region: string; lat: number; lon: number }) {
  return {
    '@type': 'Place',
    name: o.name,
    address: { '@type': 'PostalAddress', addressLocality: o.city, addressRegion: o.region, addressCountry: 'MA' },
    geo: { '@type': 'GeoCoordinates', latitude: Number(o.lat.toFixed(3)), longitude: Number(o.lon.toFixed(3)) },
  };
}

/**
 * An incentive, with every text in the page's language. Its period in force is on the page, not
 * here: schema.org's Service has no property for it (`availabilityStarts/Ends` belong to Offer).
 */
export function governmentService(o: { name: string; provider: string; serviceType: string; country: string }) {
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
