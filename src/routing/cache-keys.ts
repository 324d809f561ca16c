/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose key and template code are the same as in the last build is
 * copied from the cache instead of rendered. A key must change whenever
 * anything the page shows changes, so each is a digest of the data the page
 * is rendered from, plus the site settings and the build's choices every
 * page depends on. Astro adds the route's code to the comparison itself.
 *
 * Pages that show one role are keyed by that role; pages that show several
 * (listings, their feeds, closed roles with their suggestions) by the roles
 * they show and the rest of what they show (headings, counts, the filters'
 * links), so one changed role renders again only the listings it is on.
 */
import { createHash } from 'node:crypto';
import type { CompanyBlock, Posting } from '../schemas/posting.ts';

/** What every page depends on besides its own data. */
export interface KeyContext {
	/** The site settings as read. */
	site: unknown;
	/** The social cards this build draws (a role page's og:image depends on it). */
	cards: 'per-role' | 'site';
	/**
	 * In a preview, the badge each role shows there ("Draft", "Scheduled for
	 * …", "Expired (last day …)"), by slug, for the roles that have one. They
	 * change with the build's clock, not with the postings, and listings show
	 * them: every key of a preview holds them all (one flips rarely, when a
	 * role's day comes). Undefined in production, which shows no badge.
	 */
	previewBadges?: Readonly<Record<string, string>>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

const digests = new WeakMap<object, string>();

/** A digest made once per object: the catalogue's objects do not change during a build. */
function once(value: object, make: () => string): string {
	let digest = digests.get(value);
	if (digest === undefined) {
		digest = make();
		digests.set(value, digest);
	}
	return digest;
}

/** Digest of a normalized posting (every field), computed once per posting object. */
export const postingDigest = (posting: Posting): string => once(posting, () => sha(JSON.stringify(posting)));

/**
 * Gives a posting the digest its content store entry has, as its
 * {@link postingDigest}: the postings loader stores each posting with a
 * digest that changes whenever the posting does (the pipeline cache's key of
 * its input and the code, src/loaders/postings.ts). Printed and hashed
 * instead, every posting cost 0.2 s of each build at 10,000 roles, and its
 * role text read from its file (src/loaders/role-text.ts) for no page.
 */
export function rememberStoredDigest(posting: Posting, digest: string | number): void {
	digests.set(posting, `stored:${digest}`);
}

/**
 * The digest a posting was stored with ({@link rememberStoredDigest}), or
 * undefined for a posting made during the build (a role its `validThrough`
 * closed): it changes whenever the posting, the site settings or the code do.
 */
export function storedDigestOf(posting: Posting): string | undefined {
	const digest = digests.get(posting);
	return digest?.startsWith('stored:') ? digest : undefined;
}

/**
 * Digest of a value's JSON, computed once per object. The pages of one
 * listing share its facet (the slugs of all its roles) and its roles: hashed
 * again for each page, they cost seconds at 10,000 roles.
 */
export const digestOf = (value: object): string => once(value, () => sha(JSON.stringify(value)));

/** Digest of a list of roles, once per list. */
const rolesDigest = (postings: readonly Posting[]): string => once(postings, () => sha(postings.map(postingDigest).join(',')));

/** The keys of one build's pages. */
export interface CacheKeys {
	/**
	 * A page showing one role (its page, JSON file): the role, its company
	 * text, and whatever else the page shows of it (`shown`: a preview's review
	 * findings, which judge dates against the build's clock).
	 */
	role(kind: string, posting: Posting, blocks?: readonly CompanyBlock[], shown?: unknown): string;
	/** A page showing other data of its own (a moved role's redirect page, a card's input). */
	of(value: unknown): string;
	/** A page showing several roles (each whole, as a feed does) and data of its own: changes with any of them. */
	listing(kind: string, data: unknown, postings: readonly Posting[]): string;
}

/**
 * The cache keys for one build. A preview has keys of its own (its cache
 * folder is its own too, src/config/cache-folder.ts): its pages differ from
 * production's only by what every preview page shows (the banner, noindex:
 * the same every build), the badges and a role's review findings.
 */
export function cacheKeys(context: KeyContext): CacheKeys {
	const base = sha(JSON.stringify(context.previewBadges ? [context.site, context.cards, 'preview', context.previewBadges] : [context.site, context.cards]));
	return {
		// Company text blocks are keyed by a digest of their HTML, so their ids stand for their text.
		role: (kind, posting, blocks = [], shown) =>
			sha(`${base}|${kind}|${postingDigest(posting)}|${blocks.map((block) => block.id).join(',')}${shown === undefined ? '' : `|${JSON.stringify(shown)}`}`),
		of: (value) => sha(`${base}|${JSON.stringify(value)}`),
		listing: (kind, data, postings) => sha(`${base}|${kind}|${JSON.stringify(data)}|${rolesDigest(postings)}`),
	};
}
