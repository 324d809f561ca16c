/**
 * What the hosts the README recommends accept, and the build's checks
 * against it. Cloudflare Pages has the tightest limits of them; its figures
 * are from developers.cloudflare.com/pages/platform/limits/ and
 * /pages/configuration/redirects/ (read 2026-12).
 */

/** Cloudflare Pages' limits on one deployment (free plan; paid plans allow 100,000 files). */
export const CLOUDFLARE_PAGES = {
	/** Files per site on the free plan. */
	files: 20_000,
	/** Largest single file, 25 MiB. */
	fileBytes: 25 * 1024 * 1024,
	/** `_redirects`: static rules (no splat or placeholder). */
	staticRedirects: 2_000,
	/** `_redirects`: dynamic rules (a `*` splat or a `:placeholder`). */
	dynamicRedirects: 100,
} as const;

/** What one built site holds, as far as the host's limits go. */
export interface OutputCounts {
	/** Every file of the output folder. */
	files: number;
	/** Files there are one of per open role, by the setting that makes them: social cards (`socialCards`) and JSON files (`perRoleJson`). */
	perRole: { cards: number; json: number };
	/** The largest file: its path in the output and its size. */
	largest: { path: string; bytes: number };
	/** Rules in `_redirects`. */
	redirects: { static: number; dynamic: number };
}

/** Counts the rules of a `_redirects` file: comment and blank lines are none; a `*` or `:name` in the source path makes a rule dynamic. */
export function countRedirectRules(text: string): OutputCounts['redirects'] {
	const counts = { static: 0, dynamic: 0 };
	for (const line of text.split('\n')) {
		const rule = line.trim();
		if (rule === '' || rule.startsWith('#')) continue;
		const from = rule.split(/\s+/)[0] ?? '';
		if (/\*|(?:^|\/):[A-Za-z]/.test(from)) counts.dynamic += 1;
		else counts.static += 1;
	}
	return counts;
}

const count = (value: number) => value.toLocaleString('en-US');

/**
 * The build's warnings for an output Cloudflare Pages would refuse or cut
 * short, each naming the setting to change. Empty when the output fits.
 *
 * @example hostLimitWarnings({ files: 21_400, perRole: { cards: 10_000, json: 0 }, largest: { path: 'index.html', bytes: 300_000 }, redirects: { static: 10, dynamic: 0 } })
 * // ['The output has 21,400 files; Cloudflare Pages takes at most 20,000 on its free plan. Set `socialCards: site` in the site settings (10,000 files fewer).']
 */
export function hostLimitWarnings(output: OutputCounts): string[] {
	const warnings: string[] = [];
	const limits = CLOUDFLARE_PAGES;
	if (output.files > limits.files) {
		const fixes = [
			...(output.perRole.cards > 0 ? [`set \`socialCards: site\` in the site settings (${count(output.perRole.cards)} files fewer)`] : []),
			...(output.perRole.json > 0 ? [`remove \`perRoleJson: true\` from the site settings (${count(output.perRole.json)} files fewer)`] : []),
		];
		const advice = fixes.length > 0 ? fixes.join(', or ') : 'deploy on a paid plan (100,000 files) or another host';
		warnings.push(
			`The output has ${count(output.files)} files; Cloudflare Pages takes at most ${count(limits.files)} on its free plan. ${advice.charAt(0).toUpperCase()}${advice.slice(1)}.`,
		);
	}
	if (output.largest.bytes > limits.fileBytes) {
		warnings.push(`${output.largest.path} has ${count(Math.ceil(output.largest.bytes / 1024 / 1024))} MiB; Cloudflare Pages serves no file over 25 MiB.`);
	}
	if (output.redirects.static > limits.staticRedirects) {
		warnings.push(
			`_redirects has ${count(output.redirects.static)} rules (two per former slug); Cloudflare Pages applies the first ${count(limits.staticRedirects)} only. ` +
				'Remove `formerSlugs` whose old URLs no longer get visits: the pages at the old URLs still move browsers on.',
		);
	}
	if (output.redirects.dynamic > limits.dynamicRedirects) {
		warnings.push(`_redirects has ${count(output.redirects.dynamic)} dynamic rules; Cloudflare Pages applies the first ${count(limits.dynamicRedirects)} only.`);
	}
	return warnings;
}

/** What the file estimate is made from: the catalogue's counts and the settings that add files per role. */
export interface PlannedOutput {
	openRoles: number;
	/** Pages of closed roles and of former slugs. */
	otherRolePages: number;
	/** Place and team listings (each a page and a feed). */
	listings: number;
	/** The further pages of the home, place and team listings (`…/page/<n>/`): one file each. */
	listingPages: number;
	perRoleJson: boolean;
}

/**
 * Files the site will have without per-role cards, estimated before any page
 * is rendered: role pages, listings and their feeds and further pages, per-role JSON, the
 * search index (fragment files are grouped, so it grows slowly: about one
 * word-index file per 20 roles, measured at 1,000 and 10,000 roles), and a
 * few dozen fixed files.
 */
export function estimateFilesWithoutCards(plan: PlannedOutput): number {
	const search = Math.min(plan.openRoles, 500) + Math.ceil(plan.openRoles / 20) + 10;
	return plan.openRoles + plan.otherRolePages + 2 * plan.listings + plan.listingPages + (plan.perRoleJson ? plan.openRoles : 0) + search + 40;
}

/**
 * Which social cards the build draws: the setting when given; unset, one
 * card per role while the output stays within Cloudflare Pages' file limit
 * (a tenth kept free for what the estimate cannot know), else the site's
 * card for every page.
 */
export function socialCardsFor(setting: 'per-role' | 'site' | undefined, plan: PlannedOutput): 'per-role' | 'site' {
	if (setting) return setting;
	return estimateFilesWithoutCards(plan) + plan.openRoles <= CLOUDFLARE_PAGES.files * 0.9 ? 'per-role' : 'site';
}

/**
 * The build's warning when closed roles' pages take the site past Cloudflare
 * Pages' file limit while the site keeps them for as long as their files
 * (`closedRoleDays` unset): a board of thousands of roles closes thousands a
 * month, and without that setting a sync closes roles, never deletes them.
 * Undefined otherwise.
 *
 * @param closedRoles the closed roles with a page in this build
 * @param perRoleCards whether this build draws a card per open role
 */
export function closedPagesWarning(plan: PlannedOutput, closedRoles: number, perRoleCards: boolean, closedRoleDays: number | undefined): string | undefined {
	if (closedRoleDays !== undefined || closedRoles === 0) return undefined;
	const files = estimateFilesWithoutCards(plan) + (perRoleCards ? plan.openRoles : 0);
	if (files <= CLOUDFLARE_PAGES.files) return undefined;
	return (
		`${count(closedRoles)} closed roles keep a page each, and the site comes to about ${count(files)} files; Cloudflare Pages takes at most ${count(CLOUDFLARE_PAGES.files)} on its free plan. ` +
		'Set `closedRoleDays` in the site settings (for example 60) to let a closed role leave the site that many days after it closed.'
	);
}
