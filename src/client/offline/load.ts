/**
 * Loading more code or data in the offline copy: browsers run classic scripts from
 * file:// but refuse module scripts and fetch(), so each extra file is a <script src> added on
 * demand. The export writes the way back to its root on <html data-offline-root>.
 */
import type { OfflineIndexData } from '../../lib/offline-search';
import type { mountHeaderPanel } from '../search/header-panel';

declare global {
  interface Window {
    /** Set by `_offline/search-index-{lang}.js`, one entry per language. */
    offshoringSearchIndex?: Record<string, OfflineIndexData>;
    /** Set by `_offline/search.js`. */
    offshoringSearch?: { mountHeaderPanel: typeof mountHeaderPanel };
  }
}

/** The export root relative to this page: '../../' on /fr/parks/, './' at the root. */
export function offlineRoot(): string {
  return document.documentElement.dataset['offlineRoot'] ?? './';
}

const loading = new Map<string, Promise<void>>();

/** Runs `_offline/{name}` once (relative to the export root); a failed load may be retried. */
export function loadScript(name: string): Promise<void> {
  const src = `${offlineRoot()}_offline/${name}`;
  let done = loading.get(src);
  if (!done) {
    done = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => {
        loading.delete(src);
        script.remove();
        reject(new Error(`could not load ${src}`));
      };
      document.head.append(script);
    });
    loading.set(src, done);
  }
  return done;
}
