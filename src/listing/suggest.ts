import type { Posting } from '../schemas/posting.ts';
import { teamKeys } from './facets.ts';

/**
 * Open roles to offer a candidate who followed a link to a closed one: the
 * same team first, then the same department, then the same city, country or
 * remote; ties by title. Roles sharing nothing are not suggested.
 */
export function suggestRoles(closed: Posting, open: readonly Posting[], limit = 5): Posting[] {
	const teams = new Set(teamKeys(closed));
	const cities = new Set(closed.locations.filter((location) => location.cityLabel).map((location) => location.id));
	const countries = new Set(closed.locations.flatMap((location) => location.countries));
	const remote = closed.locations.some((location) => location.remote);
	const score = (posting: Posting): number => {
		let points = 0;
		if (closed.teamSlug && posting.teamSlug === closed.teamSlug) points += 8;
		else if (teamKeys(posting).some((key) => teams.has(key))) points += 4;
		if (posting.locations.some((location) => location.cityLabel && cities.has(location.id))) points += 2;
		else if (posting.locations.some((location) => location.countries.some((country) => countries.has(country)))) points += 1;
		if (remote && posting.locations.some((location) => location.remote)) points += 1;
		return points;
	};
	return open
		.filter((posting) => posting.slug !== closed.slug)
		.map((posting) => ({ posting, points: score(posting) }))
		.filter((candidate) => candidate.points > 0)
		.sort((a, b) => b.points - a.points || a.posting.title.localeCompare(b.posting.title, 'en'))
		.slice(0, limit)
		.map((candidate) => candidate.posting);
}
