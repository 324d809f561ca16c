import type { RemoteMark } from './listing-data.ts';

/** The words of a place's remote mark on a role row: none, "or remote" after a city, "Remote". */
export function remoteWords(mark: RemoteMark): string | undefined {
	return mark === 1 ? 'or remote' : mark === 2 ? 'Remote' : undefined;
}

/** What a row says when a role names no place. */
export const NO_PLACE = 'Location not specified';

/**
 * A whole number with thousands separators, as en-US writes it ("10,000").
 * Written out rather than `toLocaleString`: in the browser the first call
 * loads ICU's number formatting, about 50 ms of main thread on a phone,
 * spent just to print a count.
 */
export function groupDigits(n: number): string {
	return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 open role", "10,000 open roles": the listing's count, pre-rendered and drawn by the filter script alike. */
export function openRoles(n: number): string {
	return `${groupDigits(n)} open role${n === 1 ? '' : 's'}`;
}
