/**
 * The site's own words in English: every label, heading and sentence a
 * candidate reads that is not the company's (postings, team and place names).
 * This file is the list of labels: the other languages and a site's
 * `labels` setting give the same keys (src/i18n/labels.ts).
 *
 * `{name}` marks a value filled in; a label with a count has a form for one
 * and one for any other number.
 */
export const en = {
	/** How the language writes the count of one thing: only 1 takes the singular (English), or 0 and 1 (French). */
	zeroIsSingular: false,
	/** Between groups of three digits: "10,000". */
	digitGroup: ',',

	// The frame of every page.
	skipToContent: 'Skip to content',
	careersAt: 'Careers at {company}',
	companyIsHiring: '{company} is hiring.',
	seeAllOpenRoles: 'See all open roles',
	breadcrumb: 'Breadcrumb',
	allOpenRoles: 'All open roles',

	// Listings.
	openRolesAt: 'Open roles at {company}',
	openRolesCount: { one: '{count} open role', other: '{count} open roles' },
	openRolesAtCount: { one: '{count} open role at {company}.', other: '{count} open roles at {company}.' },
	searchRoles: 'Search roles',
	searchPlaceholder: 'Title, team or skill',
	clearAll: 'Clear all',
	noRolesMatch: 'No open roles match these filters.',
	showAllRoles: 'Show all roles',
	showMoreRoles: 'Show more roles',
	newRolesByRss: 'New roles by RSS:',
	filterBy: 'Filter by location or team',
	clearAllFilters: 'Clear all filters',
	locationFilter: 'Location',
	allLocations: 'All locations',
	findLocation: 'Find a location',
	teamFilter: 'Team or department',
	allTeams: 'All teams',
	findTeam: 'Find a team',
	chosenCount: ' ({count} chosen)',
	matchCount: '{count} of {total} match',
	facetRoles: '{label} roles',
	locationNotSpecified: 'Location not specified',
	orRemote: 'or remote',
	remote: 'Remote',
	postedToday: 'Posted today',
	postedYesterday: 'Posted yesterday',
	postedDaysAgo: { one: 'Posted {count} day ago', other: 'Posted {count} days ago' },
	draft: 'Draft',
	scheduledFor: 'Scheduled for {date}',
	expired: 'Expired (last day {date})',

	// Paging, for visitors without JavaScript and for crawlers.
	pagesOfListing: 'Pages of the listing',
	pageNumber: 'Page {page}',
	pagingSummary: '{order}: roles {from}–{to} of {total}, page {page} of {pages}.',
	newestFirst: 'Newest first',
	newerRoles: '← Newer roles',
	olderRoles: 'Older roles →',
	byTeam: 'By team',
	previousPage: '← Previous page',
	nextPage: 'Next page →',
	openRolesPageTitle: 'Open roles, page {page} of {pages}',
	openRolesPageDescription: 'Open roles at {company}, newest first: page {page} of {pages}.',
	listingPageTitle: '{heading} at {company}',
	listingPageTitlePaged: '{heading} at {company}, page {page} of {pages}',
	listingPageDescriptionPaged: '{description} Page {page} of {pages}.',

	// Place and team listings, and their feeds.
	remoteRoles: 'Remote roles',
	remoteRolesFrom: 'Remote roles from {place}',
	rolesIn: 'Roles in {place}',
	teamRoles: '{team} roles',
	remoteRolesBelow: 'Remote roles by where they can be done from',
	countriesIn: 'Countries in {place}',
	citiesIn: 'Cities in {place}',
	regionsAndCitiesIn: 'Regions and cities in {place}',
	teamsIn: 'Teams in {team}',
	remoteScope: 'Remote, {place}',
	remoteDescription: { one: '{count} open role at {company} that can be done remotely.', other: '{count} open roles at {company} that can be done remotely.' },
	remoteFromDescription: {
		one: '{count} open role at {company} that can be done remotely from {place}.',
		other: '{count} open roles at {company} that can be done remotely from {place}.',
	},
	placeDescription: { one: '{count} open role at {company} in {place}.', other: '{count} open roles at {company} in {place}.' },
	teamDescription: { one: '{count} open role in {team} at {company}.', other: '{count} open roles in {team} at {company}.' },
	siteFeedDescription: 'Open roles at {company}.',
	feedDescription: '{heading} at {company}, newest first.',

	// A role's page.
	team: 'Team',
	department: 'Department',
	location: 'Location',
	pay: 'Pay',
	employment: 'Employment',
	posted: 'Posted',
	applyBy: 'Apply by',
	applyForThisRole: 'Apply for this role',
	applyFor: 'Apply for {title}',
	aboutCompany: 'About {company}, equal opportunity and accommodations',
	payPerHour: '{amount} per hour',
	payPerDay: '{amount} per day',
	payPerWeek: '{amount} per week',
	payPerMonth: '{amount} per month',
	payPerYear: '{amount} per year',
	payRange: '{min} – {max}',
	payUpTo: 'Up to {amount}',
	payFrom: 'From {amount}',
	fullTime: 'full-time',
	partTime: 'part-time',
	contractor: 'contractor',
	temporary: 'temporary',
	intern: 'intern',
	volunteer: 'volunteer',
	perDiem: 'per-diem',
	otherEmployment: 'other',

	// A closed role's page.
	noLongerOpen: 'No longer open',
	noLongerOpenTitle: '{title} (no longer open)',
	noLongerOpenDescription: 'This role is no longer open. See similar open roles.',
	closedOn: 'This role at {company} is no longer open: applications closed on {date}.',
	closed: 'This role at {company} is no longer open, so it no longer takes applications.',
	similarRoles: 'Open roles like this one',
	rolesInTeam: 'Roles in {team}',

	// The page at a role's former address.
	movedDescription: 'This role has moved to a new address.',
	movedHeading: 'This role has moved',
	movedText: '{title} now has a new address. Your browser should take you there by itself.',

	// The page for a link that leads nowhere.
	notFoundTitle: 'Page not found',
	notFoundDescription: 'This page does not exist. See all open roles at {company}.',
	notFoundHeading: 'We couldn’t find that page',
	notFoundText: {
		one: 'The role may have been filled, or the link may have a typo. There is {count} open role right now.',
		other: 'The role may have been filled, or the link may have a typo. There are {count} open roles right now.',
	},
	browseByTeam: 'Browse by team',

	// A role's social card (in capitals where the card shows them so).
	cardHiring: "WE'RE HIRING",
	cardUntitled: 'Open role at {company}',
	cardRemote: 'Remote ({place})',
	cardMorePlaces: '{places} +{count} more',
	cardOrRemote: '{places}, or remote',
};
