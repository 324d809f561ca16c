/**
 * The largest posting file read, in bytes. The largest real ATS postings are
 * under 100 KB; anything twenty times that is not a job description. A module
 * of its own: the build's input is read ahead in a thread (src/loaders/read-ahead.ts)
 * that needs this limit and none of the posting-file format's parsers.
 */
export const MAX_POSTING_BYTES = 2 * 1024 * 1024;
