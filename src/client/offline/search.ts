/**
 * The search UI of the offline copy: the online header panel and search page, built
 * against ./engine.ts instead of Pagefind (the export's bundler swaps the module). It runs the
 * search page at once, and gives the header box its panel when site.js asks.
 */
import { mountHeaderPanel } from '../search/header-panel';
import { initSearchPage } from '../search/page';

window.offshoringSearch = { mountHeaderPanel };
const page = document.querySelector<HTMLElement>('[data-search-page]');
if (page) initSearchPage(page);
