import type { Posting } from '../schemas/posting.ts';
import type { Labels } from './labels.ts';

/** The label that names each kind of employment on a role's page. */
export const EMPLOYMENT_LABELS = {
	FULL_TIME: 'fullTime',
	PART_TIME: 'partTime',
	CONTRACTOR: 'contractor',
	TEMPORARY: 'temporary',
	INTERN: 'intern',
	VOLUNTEER: 'volunteer',
	PER_DIEM: 'perDiem',
	OTHER: 'otherEmployment',
} as const satisfies Record<NonNullable<Posting['employmentType']>, keyof Labels>;
