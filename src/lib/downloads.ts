/**
 * The names of the downloads (offline copies and PDF brochures): the footer links them, the
 * offline export (integrations/offline/) writes them.
 */

/** The offline copy of a language, or of all of them ('all'): its folder, and its zip's top folder. */
export const copyName = (variant: string) => `offshoring-maroc-${variant}`;
/** Name of a download: ('fr', 'zip') → 'offshoring-maroc-fr.zip'; ('all', 'zip') → 'offshoring-maroc-all.zip'. */
export const downloadName = (variant: string, ext: 'zip' | 'pdf') => `${copyName(variant)}.${ext}`;
/** Where the hosted site serves the downloads, under the base path. */
export const downloadsDir = 'downloads';
