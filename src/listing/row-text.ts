import type { RemoteMark } from './listing-data.ts';

/** The words of a place's remote mark on a role row: none, "or remote" after a city, "Remote". */
export function remoteWords(mark: RemoteMark): string | undefined {
	return mark === 1 ? 'or remote' : mark === 2 ? 'Remote' : undefined;
}

/** What a row says when a role names no place. */
export const NO_PLACE = 'Location not specified';
