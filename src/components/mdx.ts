/** Components MDX content may use without importing them. */
import Fig from './ui/Fig.astro';
import Callout from './ui/Callout.astro';
import When from './ui/When.astro';

export const mdxComponents = { Fig, When, Callout };
