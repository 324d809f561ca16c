import { z } from 'astro/zod';
import type { CompanyBlock, Posting } from '../schemas/posting.ts';
import {
	API_VERSION,
	apiPostingFileSchema,
	apiPostingListSchema,
	apiPostingSchema,
	type ApiPosting,
	type ApiPostingDetail,
	type ApiPostingFile,
	type ApiPostingList,
	type ApiSite,
} from '../schemas/api.ts';
import { escapeHtml } from '../postings/dom.ts';
import { groupPostings } from '../listing/facets.ts';
import { formatPay } from '../utils/format.ts';
import { cleanData } from '../utils/safe-text.ts';
import type { EntryTexts } from './entry-texts.ts';
import { absoluteUrl, homePath, newestDay, roleApiPath, rolePath, sitePath } from './urls.ts';

/** The site settings the API publishes. */
export interface ApiSiteSettings {
	companyName: string;
	companyUrl?: string | undefined;
	siteUrl: string;
	title: string;
	description?: string | undefined;
	lang: string;
	/** Whether each open role has its own file (`/api/postings/<slug>.json`); unset, none has. */
	perRoleJson?: boolean | undefined;
}

/** Path of the JSON Schema describing every API file. */
export const API_SCHEMA_PATH = '/api/schema.json';

/** The `site` object of every API file. */
export function apiSite(site: ApiSiteSettings): ApiSite {
	return {
		companyName: site.companyName,
		companyUrl: site.companyUrl ?? null,
		title: site.title,
		description: site.description ?? null,
		url: absoluteUrl(homePath(), site.siteUrl),
		lang: site.lang,
	};
}

/**
 * An open role as the list publishes it: every field always present, `null`
 * where the posting has no value (`apiUrl` when the site publishes no file per role).
 */
export function apiPosting(posting: Posting, site: Pick<ApiSiteSettings, 'siteUrl' | 'perRoleJson'>): ApiPosting {
	const { siteUrl } = site;
	return {
		id: posting.id,
		slug: posting.slug,
		url: absoluteUrl(rolePath(posting.slug), siteUrl),
		apiUrl: site.perRoleJson ? absoluteUrl(roleApiPath(posting.slug), siteUrl) : null,
		title: posting.title,
		team: posting.team ?? null,
		department: posting.department ?? null,
		employmentType: posting.employmentType ?? null,
		lang: posting.lang ?? null,
		datePosted: posting.datePosted,
		dateModified: posting.dateModified,
		validThrough: posting.validThrough ?? null,
		locations: posting.locations.map((location) => ({
			id: location.id,
			kind: location.kind,
			city: location.city ?? null,
			region: location.region ?? null,
			country: location.country ?? null,
			countryName: location.countryName ?? null,
			area: location.area ?? null,
			countries: location.countries,
			workplace: location.workplace,
			remote: location.remote,
			label: location.label,
		})),
		payRanges: posting.payRanges.map((range) => ({
			min: range.min,
			max: range.max,
			currency: range.currency,
			period: range.period,
			appliesTo: range.appliesTo ?? null,
			bound: range.bound ?? null,
			label: formatPay(range),
		})),
		summary: posting.summary,
		applyUrl: posting.applyUrl,
	};
}

/**
 * The role's description as one HTML fragment, as the role page shows it:
 * each titled section under an h2 with the page's anchor id.
 */
export function roleHtml(posting: Posting): string {
	return posting.sections.map((section) => (section.title ? `<h2 id="${escapeHtml(section.id)}">${escapeHtml(section.title)}</h2>\n${section.html}` : section.html)).join('\n');
}

/** An open role with its full description: the list entry plus the role's and the company's sanitized HTML. */
export function apiPostingDetail(posting: Posting, siteUrl: string, company: readonly CompanyBlock[]): ApiPostingDetail {
	return {
		...apiPosting(posting, { siteUrl, perRoleJson: true }),
		html: roleHtml(posting),
		sections: posting.sections.map((section) => ({ id: section.id, title: section.title ?? null, kind: section.kind, html: section.html })),
		companyHtml: company.map((block) => block.html).join('\n'),
	};
}

/** Open roles grouped by team (else department), groups and roles by name, ungrouped last (as the place and team pages list them). */
export function listingOrder(open: readonly Posting[]): Posting[] {
	return groupPostings(open).flatMap((group) => group.postings);
}

/**
 * `/api/postings.json`: every open role, in the listing's order. Checked
 * against its schema, so a build never publishes a file its schema rejects.
 * No build timestamp: the same postings give the same bytes, and
 * `dateModified` already says how fresh the list is.
 */
export function postingList(open: readonly Posting[], site: ApiSiteSettings): ApiPostingList {
	return apiPostingListSchema.parse({ ...listHead(open, site), postings: listingOrder(open).map((posting) => apiPosting(posting, site)) });
}

/** The list's fields besides its postings. */
function listHead(open: readonly Posting[], site: ApiSiteSettings) {
	return { version: API_VERSION, site: apiSite(site), dateModified: newestDay(open.map((posting) => posting.dateModified)) ?? null };
}

/**
 * `/api/postings.json` as its file's bytes: {@link postingList}'s, with the
 * entry of each posting whose stored digest is the same as in the last build
 * as that build printed it (./entry-texts.ts). Every entry is checked against
 * its schema when it is made.
 *
 * @param digestOf the digest a posting was stored with, if known: it changes with the posting, the site settings and the code
 */
export function postingListFile(open: readonly Posting[], site: ApiSiteSettings, texts: EntryTexts, digestOf: (posting: Posting) => string | undefined): Uint8Array<ArrayBuffer> {
	const head = apiPostingListSchema.parse({ ...listHead(open, site), postings: [] });
	const entries = listingOrder(open).map((posting) => ({ digest: digestOf(posting), make: () => cleanData(apiPostingSchema.parse(apiPosting(posting, site))) }));
	return texts.listFile(cleanData(head), entries);
}

/**
 * `/api/postings/<slug>.json`: one open role in full, checked against its schema.
 * @param company the company-text blocks the posting carried, in order
 */
export function postingFile(posting: Posting, site: ApiSiteSettings, company: readonly CompanyBlock[]): ApiPostingFile {
	return apiPostingFileSchema.parse({ version: API_VERSION, site: apiSite(site), posting: apiPostingDetail(posting, site.siteUrl, company) });
}

/**
 * `/api/schema.json`: the JSON Schema (draft 2020-12) of both kinds of file,
 * generated from the zod schemas so it cannot drift from them. Generated for
 * input, so it allows properties it does not name: a later version-1 file with
 * an added field still validates against a copy of this schema.
 */
export function apiJsonSchema(siteUrl: string): Record<string, unknown> {
	const generated = z.toJSONSchema(z.union([apiPostingListSchema, apiPostingFileSchema]), { io: 'input', target: 'draft-2020-12' });
	const { $schema, ...rest } = generated;
	return {
		$schema,
		$id: absoluteUrl(sitePath(API_SCHEMA_PATH), siteUrl),
		title: `Careers site JSON API, version ${API_VERSION}`,
		description: '/api/postings.json is a PostingList; each /api/postings/<slug>.json is a PostingFile.',
		...rest,
	};
}

/**
 * Serializes an API file: compact (the list grows with the postings), ending
 * in a newline. Every string is cleaned first ({@link cleanData}): JSON can
 * escape a control character, but a lone surrogate is not Unicode (strict
 * UTF-8 decoders reject the file) and none of them is text a client can show.
 */
export function toJson(value: unknown): string {
	return `${JSON.stringify(cleanData(value))}\n`;
}
