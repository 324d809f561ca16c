import { defineCollection } from 'astro:content';
import { companyLoader, postingsLoader } from './loaders/postings.ts';
import { companyBlockSchema, storedPostingSchema } from './schemas/posting.ts';

/** Job postings, normalized from `content/postings/` (or `POSTINGS_DIR`); their role text is beside the store (src/loaders/role-text.ts). */
const postings = defineCollection({ loader: postingsLoader(), schema: storedPostingSchema });

/** Company text the postings share (blurb, values, legal), stored once. */
const company = defineCollection({ loader: companyLoader(), schema: companyBlockSchema });

export const collections = { postings, company };
