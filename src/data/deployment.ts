/**
 * Where the site is deployed, from the environment (README, Deployment): its public origin, for
 * canonical URLs, hreflang and the sitemap, and the sub-path it is served under ('/', or e.g.
 * '/offshoring/'). astro.config.mjs, `npm run export` and the tests all read them here.
 */
export const siteUrl = process.env['SITE_URL'] ?? 'https://offshoring-maroc.example';
export const basePath = process.env['BASE_PATH'] ?? '/';
