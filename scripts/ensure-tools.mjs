#!/usr/bin/env node
// The Debian tools `npm run test:full` drives besides Chromium, made sure of as
// scripts/ensure-chromium.mjs does: Debian's nginx (nginx-light), Firefox ESR (firefox-esr) and a
// Java runtime for the Nu HTML Checker (default-jre-headless). A missing one is installed with
// apt-get when we are root; otherwise we stop with the command to run.
// CLI: `node scripts/ensure-tools.mjs` makes sure of all of them and prints their paths.
import { existsSync } from 'node:fs';
import { ensureDebianTool } from './ensure-chromium.mjs';

export function ensureNginx() {
  return ensureDebianTool(
    process.env.NGINX_PATH ?? '/usr/sbin/nginx',
    'nginx-light',
    '\nor set NGINX_PATH to an nginx binary.',
  );
}

export function ensureFirefox() {
  return ensureDebianTool(
    process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    'firefox-esr',
    '\nor set FIREFOX_PATH to a Firefox binary.',
  );
}

export function ensureJava() {
  const java = process.env.JAVA_PATH ?? '/usr/bin/java';
  if (existsSync(java)) return java;
  return ensureDebianTool(java, 'default-jre-headless', '\nor set JAVA_PATH to a java binary (11 or later).');
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log([ensureNginx(), ensureFirefox(), ensureJava()].join('\n'));
