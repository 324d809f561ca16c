/**
 * Sub-national regions that job postings name in place of a country, keyed by
 * lower-case name or postal code. Countries themselves come from the runtime's
 * ICU data (see `places.ts`), so only regions live here.
 */
export interface RegionEntry {
	/** Display name, e.g. "Texas". */
	name: string;
	/** Postal or ISO 3166-2 subdivision code, e.g. "TX". */
	code: string;
	/** ISO 3166-1 alpha-2 country code. */
	country: string;
}

const US: Record<string, string> = {
	AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
	CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
	HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
	KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts',
	MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
	NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
	NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
	OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
	TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
	WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico',
};

const CA: Record<string, string> = {
	AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick',
	NL: 'Newfoundland and Labrador', NS: 'Nova Scotia', NT: 'Northwest Territories', NU: 'Nunavut',
	ON: 'Ontario', PE: 'Prince Edward Island', QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
};

const AU: Record<string, string> = {
	NSW: 'New South Wales', VIC: 'Victoria', QLD: 'Queensland', WA: 'Western Australia',
	SA: 'South Australia', TAS: 'Tasmania', ACT: 'Australian Capital Territory', NT: 'Northern Territory',
};

function entries(country: string, table: Record<string, string>): RegionEntry[] {
	return Object.entries(table).map(([code, name]) => ({ code, name, country }));
}

/** Every known region. */
export const REGIONS: readonly RegionEntry[] = [...entries('US', US), ...entries('CA', CA), ...entries('AU', AU)];

/**
 * Well-known cities that postings often name without a country. Only cities
 * whose name is unambiguous in hiring contexts are listed; anything else needs
 * "City, Country" in the posting or structured front matter.
 */
export const CITIES: Record<string, { country: string; region?: string }> = {
	amsterdam: { country: 'NL' },
	austin: { country: 'US', region: 'TX' },
	bangalore: { country: 'IN' },
	bengaluru: { country: 'IN' },
	berlin: { country: 'DE' },
	boston: { country: 'US', region: 'MA' },
	chicago: { country: 'US', region: 'IL' },
	denver: { country: 'US', region: 'CO' },
	dublin: { country: 'IE' },
	lisbon: { country: 'PT' },
	london: { country: 'GB' },
	madrid: { country: 'ES' },
	munich: { country: 'DE' },
	'new york': { country: 'US', region: 'NY' },
	'new york city': { country: 'US', region: 'NY' },
	paris: { country: 'FR' },
	'san francisco': { country: 'US', region: 'CA' },
	seattle: { country: 'US', region: 'WA' },
	singapore: { country: 'SG' },
	sydney: { country: 'AU', region: 'NSW' },
	tokyo: { country: 'JP' },
	toronto: { country: 'CA', region: 'ON' },
	vancouver: { country: 'CA', region: 'BC' },
	warsaw: { country: 'PL' },
	zurich: { country: 'CH' },
};

/** Other names for countries that postings use; ICU supplies the official English names. */
export const COUNTRY_ALIASES: Record<string, string> = {
	uk: 'GB',
	'u.k.': 'GB',
	'great britain': 'GB',
	britain: 'GB',
	england: 'GB',
	scotland: 'GB',
	wales: 'GB',
	'northern ireland': 'GB',
	us: 'US',
	'u.s.': 'US',
	usa: 'US',
	'u.s.a.': 'US',
	'united states of america': 'US',
	america: 'US',
	holland: 'NL',
	'the netherlands': 'NL',
	czechia: 'CZ',
	'czech republic': 'CZ',
	'south korea': 'KR',
	korea: 'KR',
	russia: 'RU',
	uae: 'AE',
	'türkiye': 'TR',
	turkey: 'TR',
	vietnam: 'VN',
};
