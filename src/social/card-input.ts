import type { Posting } from '../schemas/posting.ts';
import type { Site } from '../schemas/site.ts';
import { hostOf, locationLine, type CardLabels } from './card-text.ts';
import { fill } from '../i18n/labels.ts';
import { en } from '../i18n/en.ts';

/** What the site's own card shows. Every field changes the pixels, so all go into the cache digest. */
export interface SiteCardInput {
	kind: 'site';
	/** Site title, e.g. "Careers at Cloudflare". */
	title: string;
	/** The site's one-sentence description, if it has one. */
	description?: string | undefined;
	company: string;
	/** Where the site lives, e.g. "careers.example.com". */
	host: string;
	/** Brand colour as a hex string. */
	brandColor: string;
}

/** What a role's card shows. Every field changes the pixels, so all go into the cache digest. */
export interface RoleCardInput {
	kind: 'role';
	title: string;
	/** The team, else the department, if the posting names one. */
	team?: string | undefined;
	/** One line of places (see `locationLine`), if the posting names any. */
	location?: string | undefined;
	company: string;
	host: string;
	brandColor: string;
	/** The badge above the title, in the site's words: "WE’RE HIRING". */
	hiring: string;
	/** What stands for a title the fonts cannot draw: "Open role at Acme". */
	untitled: string;
}

/** Either card. */
export type CardInput = SiteCardInput | RoleCardInput;

/** The card of an open role, its places in the site's words. */
export function roleCardInput(posting: Posting, site: Site, labels: CardLabels = en): RoleCardInput {
	return {
		kind: 'role',
		title: posting.title,
		team: posting.team ?? posting.department,
		location: locationLine(posting.locations, labels),
		company: site.companyName,
		host: hostOf(site.siteUrl),
		brandColor: site.brandColor,
		hiring: labels.cardHiring,
		untitled: fill(labels.cardUntitled, { company: site.companyName }),
	};
}

/** The site's card, used by the listing pages. */
export function siteCardInput(site: Site & { title: string }): SiteCardInput {
	return {
		kind: 'site',
		title: site.title,
		description: site.description,
		company: site.companyName,
		host: hostOf(site.siteUrl),
		brandColor: site.brandColor,
	};
}
