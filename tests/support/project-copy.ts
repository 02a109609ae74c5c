/** What a build of the project reads, besides node_modules/: copied into a sandbox or a benchmark copy. */
export const projectEntries = [
  'src',
  'integrations',
  'content',
  'public',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
];
