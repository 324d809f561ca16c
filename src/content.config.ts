import { defineCollection } from 'astro:content';
import { companyLoader, postingsLoader } from './loaders/postings.ts';
import { companyBlockSchema, postingSchema } from './schemas/posting.ts';

/** Job postings, normalized from `content/postings/` (or `POSTINGS_DIR`). */
const postings = defineCollection({ loader: postingsLoader(), schema: postingSchema });

/** Company text the postings share (blurb, values, legal), stored once. */
const company = defineCollection({ loader: companyLoader(), schema: companyBlockSchema });

export const collections = { postings, company };
