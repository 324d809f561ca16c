// Shared with the listing's script: the labels come from the page (ROW_LABELS), never a language bundled in.
import type { RemoteMark } from './listing-data.ts';
import { counted, type Labels } from '../i18n/labels.ts';

/** The words of a place's remote mark on a role row: none, "or remote" after a city, "Remote". */
export function remoteWords(mark: RemoteMark, labels: Pick<Labels, 'orRemote' | 'remote'>): string | undefined {
	return mark === 1 ? labels.orRemote : mark === 2 ? labels.remote : undefined;
}

/** "1 open role", "10,000 open roles": the listing's count, pre-rendered and drawn by the filter script alike. */
export function openRoles(n: number, labels: Pick<Labels, 'openRolesCount' | 'digitGroup' | 'zeroIsSingular'>): string {
	return counted(labels.openRolesCount, n, labels);
}
