import { z } from 'astro/zod';
import { atsSystems } from './ats-link.ts';
import { refuseUnsafeText } from '../utils/safe-text.ts';
import { labelsSchema } from './labels.ts';

const hexColour = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

// Intl is what later formats dates and sorts names in this language: what it refuses would crash the build there.
function isLanguageTag(tag: string): boolean {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false;
	}
}

/** Per-company settings, read from `content/site.yaml` (or `.json`). */
export const siteSchema = z
	.object({
		companyName: z.string().trim().min(1).describe('Company name as candidates know it, e.g. "Cloudflare"'),
		companyUrl: z.url({ protocol: /^https?$/ }).optional().describe("The company's main website"),
		siteUrl: z.url({ protocol: /^https?$/ }).describe('Where this careers site is deployed, e.g. "https://careers.example.com"'),
		title: z.string().trim().min(1).optional().describe('Site title; defaults to "Careers at <company>"'),
		description: z.string().trim().min(1).optional().describe('One sentence for the home page and search results'),
		lang: z
			.string()
			.refine(isLanguageTag, 'a BCP 47 language tag such as "en", "pt-BR" or "de-CH"')
			.default('en')
			.describe('BCP 47 language of the postings and of the site, whose labels are built in for en, ar, de, es, fr, he, it, nl and pt (written right to left for ar and he)'),
		labels: labelsSchema.optional(),
		brandColor: z.string().regex(hexColour, 'a hex colour such as "#f38020"').default('#2563eb').describe('Brand colour, used for accents'),
		logo: z.string().optional().describe('Path of a logo in public/, e.g. "/logo.svg"'),
		socialCards: z
			.enum(['per-role', 'site'])
			.optional()
			.describe(
				"Link-preview images: 'per-role' draws a card for every open role; 'site' gives every page the site's one card (no per-role files, faster builds at thousands of roles). Unset: per-role while the output stays within Cloudflare Pages' 20,000 files, else the site card",
			),
		perRoleJson: z
			.boolean()
			.default(false)
			.describe('Also publish /api/postings/<slug>.json, one file per open role with its full text (one more file per role: at 10,000 roles, half of what Cloudflare Pages takes)'),
		closedRoleDays: z
			.number()
			.int()
			.min(0)
			.optional()
			.describe(
				"Days a closed or expired role keeps its 'no longer open' page, from the day it closed (its file's last change, or its validThrough); after that it leaves the site as if its file were deleted: no page (its URL is a 404), no redirect from former slugs. Unset: kept as long as the file. A board of thousands of roles closes thousands a month, each a page the host counts",
			),
		defaultApplyUrl: z.url({ protocol: /^https?$/ }).describe('Where to apply when a posting gives no applyUrl'),
		defaultCountry: z
			.string()
			.regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166 country code such as "US"')
			.transform((code) => code.toUpperCase())
			.optional()
			.describe('Country a place name with no country most likely means, e.g. "US" for "Portland"; used only to choose between places of one name'),
		atsSource: z
			.object({
				system: z.enum(atsSystems).describe(atsSystems.join(', ')),
				board: z.string().trim().min(1).describe('Board token, Lever site name or Ashby job board name'),
				baseUrl: z.url({ protocol: /^https?$/ }).optional().describe("The ATS API host when it is not the vendor's public one, e.g. https://api.eu.lever.co"),
			})
			.strict()
			.optional()
			.describe('Read postings from the ATS at every build instead of from content/postings/ (for companies that keep postings out of git)'),
	})
	.strict()
	// The settings are printed into every page, feed and file: refuse what no format can carry (src/utils/safe-text.ts).
	.superRefine(refuseUnsafeText);

/** Site settings as written. */
export type SiteInput = z.input<typeof siteSchema>;
/** Site settings after validation. */
export type Site = z.output<typeof siteSchema>;
