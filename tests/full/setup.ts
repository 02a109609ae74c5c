/**
 * `npm run test:full`: the built site (dist/) served by Debian's nginx with
 * server/nginx.conf, for the nginx matrix, the browser checks through it (Chromium and Firefox)
 * and the validators. The tests get its origin as `origin`, like the e2e tests get the Node server's.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { dist } from '../support/site';
import { startNginx } from './nginx';

export default async function setup(project: TestProject) {
  if (!existsSync(`${dist}/index.html`))
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:full does it)');
  const nginx = await startNginx(dist);
  project.provide('origin', nginx.origin);
  project.provide('base', '/');
  return () => nginx.stop();
}
