/**
 * Thrown when an ATS board read at build time gives neither a usable answer
 * nor an earlier snapshot to fall back on. In a module of its own, so the
 * loader can tell it apart without loading the ATS sources (and cheerio)
 * into a build that reads a folder of posting files.
 */
export class AtsSourceError extends Error {
	override name = 'AtsSourceError';
}
