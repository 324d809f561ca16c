import { createRequire } from 'node:module';
import { defineCollection } from 'astro/content/config';

// Node loads the loaders and schemas itself (types stripped), not Vite's module runner: the runner transforms and
// evaluates each of their ~50 modules one import at a time, and `astro:content` pulls Astro's runtime through it too,
// about a second of every build's start (docs/decisions.md, "The loaders loaded by Node"). So what they import is
// what Node runs as it is: erasable TypeScript only (no enums, no namespaces), no top-level await (`require` refuses
// it), nothing only Vite resolves (`import.meta.env`, `?raw`, `astro:*`).
const require = createRequire(import.meta.url);
const { companyLoader, postingsLoader } = require('./loaders/postings.ts') as typeof import('./loaders/postings.ts');
const { companyBlockSchema, storedPostingSchema } = require('./schemas/posting.ts') as typeof import('./schemas/posting.ts');

/** Job postings, normalized from `content/postings/` (or `POSTINGS_DIR`); their role text is beside the store (src/loaders/role-text.ts). */
const postings = defineCollection({ loader: postingsLoader(), schema: storedPostingSchema });

/** Company text the postings share (blurb, values, legal), stored once. */
const company = defineCollection({ loader: companyLoader(), schema: companyBlockSchema });

export const collections = { postings, company };
