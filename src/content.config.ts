import { defineCollection } from 'astro:content';
import { storedFrontmatter } from './lib/cable/index.ts';
import { cablesLoader } from './loaders/cables.ts';

/** The folder of cables: `cables/` unless CABLES_DIR points elsewhere. */
export const cablesDir = process.env.CABLES_DIR ?? 'cables';

export const collections = {
  cables: defineCollection({
    loader: cablesLoader({
      dir: cablesDir,
      onError: process.env.CABLES_ON_ERROR === 'skip' ? 'skip' : 'fail',
    }),
    schema: storedFrontmatter,
  }),
};
