/**
 * The schema.org types the site's JSON-LD uses, with the properties schema.org defines for each
 * (own and inherited through `parent`), from the schema.org type pages. A type or property not
 * here fails tests/full/structured-data.test.ts: add it from schema.org, never to silence a test.
 */
export const schemaTypes: Record<string, { parent?: string; properties: string[] }> = {
  Thing: {
    properties: [
      '@context',
      '@type',
      '@id',
      'name',
      'description',
      'url',
      'identifier',
      'image',
      'sameAs',
      'alternateName',
      'additionalType',
      'disambiguatingDescription',
      'mainEntityOfPage',
      'potentialAction',
      'subjectOf',
    ],
  },
  CreativeWork: {
    parent: 'Thing',
    properties: [
      'about',
      'inLanguage',
      'dateModified',
      'datePublished',
      'dateCreated',
      'author',
      'publisher',
      'creator',
      'license',
      'keywords',
      'isPartOf',
      'hasPart',
      'mainEntity',
      'headline',
      'abstract',
      'citation',
      'isBasedOn',
      'spatialCoverage',
      'temporalCoverage',
      'version',
      'encoding',
      'encodingFormat',
      'text',
      'isAccessibleForFree',
    ],
  },
  WebSite: { parent: 'CreativeWork', properties: [] },
  WebPage: {
    parent: 'CreativeWork',
    properties: [
      'breadcrumb',
      'lastReviewed',
      'reviewedBy',
      'primaryImageOfPage',
      'significantLink',
      'relatedLink',
      'speakable',
    ],
  },
  CollectionPage: { parent: 'WebPage', properties: [] },
  SearchResultsPage: { parent: 'WebPage', properties: [] },
  ItemPage: { parent: 'WebPage', properties: [] },
  AboutPage: { parent: 'WebPage', properties: [] },
  FAQPage: { parent: 'WebPage', properties: [] },
  Dataset: {
    parent: 'CreativeWork',
    properties: ['distribution', 'includedInDataCatalog', 'variableMeasured', 'measurementTechnique'],
  },
  DataDownload: { parent: 'CreativeWork', properties: ['contentUrl', 'contentSize'] },
  DataCatalog: { parent: 'CreativeWork', properties: ['dataset', 'measurementTechnique'] },
  Comment: {
    parent: 'CreativeWork',
    properties: ['parentItem', 'upvoteCount', 'downvoteCount', 'sharedContent'],
  },
  Question: {
    parent: 'Comment',
    properties: ['acceptedAnswer', 'suggestedAnswer', 'answerCount', 'eduQuestionType'],
  },
  Answer: { parent: 'Comment', properties: ['answerExplanation'] },
  DefinedTermSet: { parent: 'CreativeWork', properties: ['hasDefinedTerm'] },
  DefinedTerm: { parent: 'Thing', properties: ['inDefinedTermSet', 'termCode'] },
  ItemList: { parent: 'Thing', properties: ['itemListElement', 'itemListOrder', 'numberOfItems'] },
  BreadcrumbList: { parent: 'ItemList', properties: [] },
  ListItem: { parent: 'Thing', properties: ['position', 'item', 'nextItem', 'previousItem'] },
  Action: { parent: 'Thing', properties: ['target', 'object', 'result', 'agent'] },
  // `query-input`: schema.org's convention for an action's input (the `-input` annotation of
  // its "Potential Actions" page), which its own SearchAction example uses.
  SearchAction: { parent: 'Action', properties: ['query', 'query-input'] },
  EntryPoint: {
    parent: 'Thing',
    properties: ['urlTemplate', 'actionPlatform', 'contentType', 'encodingType', 'httpMethod'],
  },
  Place: {
    parent: 'Thing',
    properties: [
      'address',
      'geo',
      'containedInPlace',
      'containsPlace',
      'telephone',
      'hasMap',
      'latitude',
      'longitude',
    ],
  },
  AdministrativeArea: { parent: 'Place', properties: [] },
  Country: { parent: 'AdministrativeArea', properties: [] },
  City: { parent: 'AdministrativeArea', properties: [] },
  PostalAddress: {
    parent: 'Thing',
    properties: ['addressLocality', 'addressRegion', 'addressCountry', 'postalCode', 'streetAddress'],
  },
  GeoCoordinates: {
    parent: 'Thing',
    properties: ['latitude', 'longitude', 'elevation', 'address', 'addressCountry', 'postalCode'],
  },
  Organization: {
    parent: 'Thing',
    properties: [
      'address',
      'email',
      'telephone',
      'logo',
      'parentOrganization',
      'subOrganization',
      'areaServed',
      'legalName',
    ],
  },
  GovernmentOrganization: { parent: 'Organization', properties: [] },
  // Service: no availabilityStarts/availabilityEnds (those are Offer's, Demand's…).
  Service: {
    parent: 'Thing',
    properties: [
      'serviceType',
      'areaServed',
      'provider',
      'audience',
      'availableChannel',
      'category',
      'hasOfferCatalog',
      'offers',
      'termsOfService',
      'serviceOutput',
      'brand',
      'logo',
    ],
  },
  GovernmentService: { parent: 'Service', properties: ['serviceOperator', 'jurisdiction'] },
};

/** Every property a type may carry, its ancestors' included; undefined for a type not listed. */
export function propertiesOf(type: string): Set<string> | undefined {
  if (!schemaTypes[type]) return undefined;
  const out = new Set<string>();
  for (let t: string | undefined = type; t; t = schemaTypes[t]?.parent)
    for (const p of schemaTypes[t]?.properties ?? []) out.add(p);
  return out;
}
