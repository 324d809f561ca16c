/** What every ATS source hands the sync and the build-time loader, whichever system it reads. */
import type { AtsSystem } from '../../schemas/ats-link.ts';
import type { FrontMatterInput, GivenLocation, GivenPayRange } from '../../schemas/front-matter.ts';

export type { AtsSystem };

/**
 * The front-matter fields an ATS states outright. They become `given` values
 * in the pipeline: nothing here is guessed from prose.
 */
export interface AtsFields {
	title: string;
	department?: string;
	team?: string;
	/** Structured places; left out when the ATS names none we can place. */
	locations?: Array<Exclude<GivenLocation, string>>;
	employmentType?: NonNullable<FrontMatterInput['employmentType']>;
	/** YYYY-MM-DD. */
	datePosted?: string;
	/** When applications close, as the ATS states it: a day (YYYY-MM-DD) or a time with its offset. */
	validThrough?: string;
	applyUrl?: string;
	/** Whole currency units (Greenhouse's cents are divided by 100). */
	payRanges?: Array<Omit<GivenPayRange, 'period'> & { period: GivenPayRange['period'] }>;
}

/** One published role, mapped from an ATS row. */
export interface AtsPosting {
	system: AtsSystem;
	board: string;
	/** The ATS's own id, as a string. */
	id: string;
	/** The posting on the ATS's hosted board. */
	url?: string;
	/** Last change in the ATS (YYYY-MM-DD), when it says. */
	updated?: string;
	fields: AtsFields;
	/** Posting HTML, entity-unescaped, exactly as the ATS would render it. Not sanitized: the pipeline does that. */
	html: string;
	/** Values that could not be used (a place we could not read, a pay range of an unknown period); the posting itself is kept. */
	notes: string[];
}

/** A row that could not be mapped: reported with the ATS id and field, never dropped silently. */
export interface Rejection {
	/** The row's id, when it had a readable one. */
	id?: string;
	/** Path of the bad value inside the row, e.g. `location.name`. */
	field: string;
	/** What was expected. */
	message: string;
}

/** Everything one board returned, mapped. */
export interface BoardSnapshot {
	system: AtsSystem;
	board: string;
	postings: AtsPosting[];
	rejected: Rejection[];
	/** Rows left out on purpose, e.g. Ashby postings marked unlisted. */
	skipped: Array<{ id: string; reason: string }>;
	/** How many rows the ATS returned in all. */
	total: number;
}

/** How a source reports where it is, for the sync's progress line. */
export type Progress = (message: string) => void;

/**
 * What the site says about a board's places: the country a place name with no
 * country most likely means (`defaultCountry` in site.yaml). The sync reads
 * the ATS's place names with it, as the pipeline reads a posting file's.
 */
export interface BoardContext {
	/** ISO 3166-1 alpha-2 code, e.g. "CL": "San Felipe" is then Chile's, not Venezuela's larger one. */
	defaultCountry?: string | undefined;
}

/** What a source needs to read a board. */
export interface SourceOptions extends BoardContext {
	/** Does the HTTP (retries, timeouts, caching). */
	client: import('./http.ts').HttpClient;
	/** API host, for Lever's EU host, a proxy or the test server; defaults to the vendor's public host. */
	baseUrl?: string;
	/** Reports what is being fetched ("pay ranges 12/40"). */
	progress?: Progress;
}

/** One response of a vendor's API: a path with its query, and the JSON body. */
export interface StandInResponse {
	path: string;
	body: unknown;
}

/**
 * One ATS, as the registry lists it: everything the sync, the build-time
 * loader, the CLI's usage text and the shared contract test need to know.
 * Each vendor folder (`src/ats/<vendor>/source.ts`) exports one.
 */
export interface AtsSource {
	system: AtsSystem;
	/** The name people know it by, for messages ("Greenhouse"). */
	label: string;
	/** What the vendor calls the board's name, for messages ("board token"). */
	boardTerm: string;
	/** Where a recruiter finds the board name, for the usage text: 'the "acme" of boards.greenhouse.io/acme'. */
	boardExample: string;
	/** The vendor's public API host. */
	api: string;
	/** Anything else the usage text should say about this ATS (Lever's EU host). */
	usageNote?: string;
	/** Reads and maps every posting of a board. */
	fetchBoard(board: string, options: SourceOptions): Promise<BoardSnapshot>;
	/**
	 * Maps a stored board document without the network: the vendor's list
	 * document as the real corpus keeps it (for SmartRecruiters, posting
	 * documents). Rows are validated and rejected exactly as `fetchBoard` does.
	 */
	mapDocument(document: unknown, board: string, context?: BoardContext): BoardSnapshot;
	/**
	 * The responses the vendor's API gives for a stored board document, so a
	 * stand-in server can serve it to `fetchBoard` (the shared contract test).
	 */
	standIn(document: unknown, board: string): StandInResponse[];
}
