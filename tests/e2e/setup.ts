/** Serves the built site (dist/, built by scripts/test.mjs) for the browser tests. */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { basePath as base, dist } from '../support/site';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    base: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(`${dist}/index.html`))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  const { server, origin } = await serveStatic(dist, base);
  project.provide('origin', origin);
  project.provide('base', base);
  return () => new Promise<void>((done) => server.close(() => done()));
}
