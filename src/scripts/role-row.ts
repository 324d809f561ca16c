/**
 * Draws a role row from the listing's data, exactly as src/components/RoleRow.astro
 * renders it (same elements, classes and text), so rows drawn by the filter
 * script and pre-rendered rows look alike and nothing moves. Text goes in as
 * text nodes only: a title can never become markup.
 */
import type { ListingRow } from '../listing/listing-data.ts';
import { postedAgo } from '../listing/posted.ts';
import { remoteWords } from '../listing/row-text.ts';
import type { RowLabels } from '../i18n/labels.ts';
import { autoDir, autoDirOnRtl } from '../utils/direction.ts';

/** StatusBadge.astro's classes: only previews have badges. */
const BADGE = 'ms-2 inline-block rounded bg-amber-200 px-2 py-0.5 align-middle text-xs font-semibold text-zinc-950';

function element<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[Tag] {
	const made = document.createElement(tag);
	if (className) made.className = className;
	made.append(...children);
	return made;
}

/** The `<li>` of one role, in the page's words; `rolePath` makes its link (base path included). */
export function roleRow([slug, title, team, places, posted, , , badge, lang]: ListingRow, today: string, rolePath: (slug: string) => string, labels: RowLabels): HTMLLIElement {
	const link = element('a', '', title);
	link.href = rolePath(slug);
	// As the page's own rows: on a right-to-left page (a site in Hebrew or Arabic), text with a left-to-right letter gets dir="auto".
	const textDir = document.documentElement?.dir === 'rtl' ? autoDirOnRtl : autoDir;
	const titleDir = textDir(title);
	if (titleDir) link.dir = titleDir;
	if (lang) link.lang = lang;
	const heading = element('h2', 'role-title', link);
	if (badge) heading.append(element('span', BADGE, badge));
	const time = element('time', '', postedAgo(posted, today, labels));
	time.dateTime = posted;
	const where = element('p', 'role-where');
	if (places.length === 0) where.append(element('span', '', labels.locationNotSpecified));
	for (const [label, mark] of places) {
		const remote = remoteWords(mark, labels);
		where.append(' ', element('span', 'role-place', label, ...(remote ? [' ', element('span', 'remote-badge', remote)] : [])));
	}
	where.append(' ', time);
	const teamLine = team ? element('p', 'role-team', team) : undefined;
	const teamDir = textDir(team);
	if (teamLine && teamDir) teamLine.dir = teamDir;
	const row = element('li', 'role-row', heading, ...(teamLine ? [teamLine] : []), where);
	row.dataset.role = '';
	return row;
}
