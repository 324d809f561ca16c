import { CITIES, COUNTRY_ALIASES, REGIONS, type RegionEntry } from './data/regions.ts';

const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** English country names by ISO code, and codes by lower-case name, built once from ICU. */
const { nameByCode, codeByName } = (() => {
	const nameByCode = new Map<string, string>();
	const codeByName = new Map<string, string>();
	const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	// Reserved codes ICU also names (the EU, "UK" for GB, Ascension…): not countries to file a job under.
	const reserved = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UK', 'UN', 'XA', 'XB', 'ZZ']);
	for (const a of letters) {
		for (const b of letters) {
			const code = a + b;
			const name = displayNames.of(code);
			// Private-use and unassigned codes come back as undefined or as the code itself.
			if (!name || name === code || reserved.has(code) || /unknown/i.test(name)) continue;
			nameByCode.set(code, name);
			codeByName.set(name.toLowerCase(), code);
		}
	}
	for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) codeByName.set(alias, code);
	return { nameByCode, codeByName };
})();

/** English name of a country, e.g. `countryName('GB') === 'United Kingdom'`. */
export function countryName(code: string): string {
	return nameByCode.get(code.toUpperCase()) ?? code.toUpperCase();
}

/** Whether a string is an ISO 3166-1 alpha-2 code that ICU knows. */
export function isCountryCode(code: string): boolean {
	return nameByCode.has(code.toUpperCase());
}

/**
 * Resolves a country written as a name, an alias or an ISO code.
 * Two-letter codes count only in capitals ("PT", not "pt"), so words are not mistaken for codes.
 */
export function findCountry(text: string): string | undefined {
	const key = text.trim().replace(/\.$/, '').toLowerCase();
	const byName = codeByName.get(key) ?? codeByName.get(key.replace(/^the /, ''));
	if (byName) return byName;
	const trimmed = text.trim();
	if (/^[A-Z]{2}$/.test(trimmed) && nameByCode.has(trimmed)) return trimmed;
	return undefined;
}

/** Resolves a region by name or code, optionally within one country. */
export function findRegion(text: string, country?: string): RegionEntry | undefined {
	const key = text.trim().replace(/\.$/, '').toLowerCase();
	const candidates = REGIONS.filter((region) => !country || region.country === country);
	return (
		candidates.find((region) => region.name.toLowerCase() === key) ??
		// Codes only in capitals: "CA" is California, "ca" is nothing.
		(/^[A-Z]{2,3}$/.test(text.trim()) ? candidates.find((region) => region.code === text.trim()) : undefined)
	);
}

/** Name of a region code within a country, e.g. `regionName('US', 'TX') === 'Texas'`. */
export function regionName(country: string, code: string): string | undefined {
	return REGIONS.find((region) => region.country === country && region.code === code)?.name;
}

/** Looks a city up in the small table of well-known cities. */
export function findCity(text: string): { country: string; region?: string } | undefined {
	return CITIES[text.trim().toLowerCase()];
}
