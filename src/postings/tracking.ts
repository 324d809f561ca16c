/**
 * Query parameters that only feed analytics and ad attribution. They make
 * links long, leak a campaign's internals to candidates and carry no meaning
 * for the destination page, so the pipeline removes them from every link.
 */
const TRACKING_PREFIXES = ['utm_', 'hsa_', 'pk_', 'mtm_', '_hs'];

const TRACKING_NAMES = new Set([
	'gclid',
	'gclsrc',
	'gbraid',
	'wbraid',
	'dclid',
	'fbclid',
	'msclkid',
	'yclid',
	'twclid',
	'ttclid',
	'igshid',
	'li_fat_id',
	'mc_cid',
	'mc_eid',
	'_ga',
	'_gl',
	'oly_enc_id',
	'oly_anon_id',
	'vero_id',
	'wickedid',
	// Google Ads ValueTrack parameters, as pasted from an ad landing page.
	'campaignid',
	'adgroupid',
	'creativeid',
	'matchtype',
	'awsearchcpc',
	// Google's organic-result and Merchant tagging, Marketo's email token, LinkedIn's, Twitter's, Pinterest's,
	// Reddit's and Snapchat's click ids, and the ATSs' own source tags on links to a board ("?gh_src=", "?lever-source=").
	'srsltid',
	'mkt_tok',
	'trk',
	'trkcampaign',
	'trackingid',
	'refid',
	'ref_src',
	'ref_url',
	'epik',
	'rdt_cid',
	'sccid',
	'gh_src',
	'lever-source',
	'lever-origin',
]);

/** Whether a query parameter name is a known tracking parameter. */
export function isTrackingParam(name: string): boolean {
	const key = name.toLowerCase();
	if (key === '') return true;
	// Google Ads' ValueTrack placeholders (`_bt`, `_bk`, `_placement`…) all start with an underscore.
	if (/^_[a-z]+$/.test(key)) return true;
	return TRACKING_NAMES.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Result of cleaning one URL. */
export interface CleanedUrl {
	/** The URL without tracking parameters. */
	href: string;
	/** Names of the parameters removed, for the review report. */
	removed: string[];
}

/**
 * Removes tracking parameters from an absolute http(s) URL; other URLs pass through.
 *
 * @example
 * stripTracking('https://example.com/jobs?utm_source=x&id=4').href // 'https://example.com/jobs?id=4'
 */
export function stripTracking(href: string): CleanedUrl {
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return { href, removed: [] };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return { href, removed: [] };
	const removed = [...url.searchParams.keys()].filter(isTrackingParam);
	if (removed.length === 0) return { href, removed };
	for (const name of new Set(removed)) url.searchParams.delete(name);
	return { href: url.toString(), removed: [...new Set(removed)].filter(Boolean) };
}
