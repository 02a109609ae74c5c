/**
 * Content-Security-Policy helpers. Pure (node:crypto only): used at build time by
 * components/ui/InlineScript.astro and by the tests that check a policy.
 */
import { createHash } from 'node:crypto';

/** The CSP source that allows one inline script or style: its text's SHA-256, 'sha256-…'. */
export function sha256Source(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** A policy string as a map of directive → sources: "default-src 'self'; img-src data:" → { 'default-src': ["'self'"], … }. */
export function parsePolicy(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !(name.toLowerCase() in out)) out[name.toLowerCase()] = sources;
  }
  return out;
}
