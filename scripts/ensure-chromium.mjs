#!/usr/bin/env node
// Makes sure the tests have the Debian tools they drive: Chromium (CHROME_PATH, else Debian's
// /usr/bin/chromium) for the browser tests and the PDF brochures, and pdftotext (poppler-utils)
// to read the brochures back. A missing one is installed with apt-get when we are root;
// otherwise we stop with the command to run. Debian's headless shell, which prints the
// brochures faster, is installed too when we may, and only then.
// CLI: `node scripts/ensure-chromium.mjs [chromium|pdftotext]` prints the tool's path.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The path of a tool from a Debian package, installing the package when it is missing and we may
 * (with the packages `also`, in the same apt-get run).
 */
export function ensureDebianTool(path, pkg, hint = '', also = []) {
  if (existsSync(path)) return path;
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!root || !apt) {
    console.error(
      `${path} not found. Install it with:\n  sudo apt-get update && sudo apt-get install -y ${pkg}${hint}`,
    );
    process.exit(1);
  }
  console.log(`${path} not found: installing Debian’s ${pkg} package (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`apt-get update -qq && apt-get install -y -qq ${[pkg, ...also].join(' ')}`, {
    stdio: 'inherit',
    env,
  });
  if (!existsSync(path)) {
    console.error(`apt-get finished but ${path} is still missing.`);
    process.exit(1);
  }
  return path;
}

export function ensureChromium() {
  // The PDF brochures print with Debian's headless shell when it is there (integrations/brochure/
  // print.ts: half the time of the full browser), else with the browser: worth installing, not required.
  const shell = '/usr/bin/chromium-headless-shell';
  const withShell =
    !process.env.CHROME_PATH &&
    !existsSync(shell) &&
    process.getuid?.() === 0 &&
    existsSync('/usr/bin/apt-get');
  const chromium = ensureDebianTool(
    process.env.CHROME_PATH ?? '/usr/bin/chromium',
    'chromium',
    '\nor set CHROME_PATH to a Chromium binary.',
    withShell ? ['chromium-headless-shell'] : [],
  );
  if (withShell) ensureDebianTool(shell, 'chromium-headless-shell');
  return chromium;
}

export function ensurePdftotext() {
  return ensureDebianTool('/usr/bin/pdftotext', 'poppler-utils');
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(process.argv[2] === 'pdftotext' ? ensurePdftotext() : ensureChromium());
