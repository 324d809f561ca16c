/**
 * The ATS sources, one line each. A vendor is a folder, `src/ats/<vendor>/`,
 * with its response schema and its source; registering it here makes the sync
 * command, its usage text, the build-time loader and the shared contract test
 * (tests/unit/ats-contract.test.ts) take it up. Its name also goes into
 * `atsSystems` (src/schemas/ats-link.ts), which front matter is validated
 * against: the `Record` type below refuses a registry and a list that differ.
 */
import { atsSystems, type AtsSystem } from '../schemas/ats-link.ts';
import { ashby } from './ashby/source.ts';
import { greenhouse } from './greenhouse/source.ts';
import { lever } from './lever/source.ts';
import { smartrecruiters } from './smartrecruiters/source.ts';
import type { AtsSource } from './shared/types.ts';

export type { AtsSource };

/** Every supported ATS, by the name the sync command takes. */
export const sources: Record<AtsSystem, AtsSource> = {
	greenhouse,
	lever,
	ashby,
	smartrecruiters,
};

/** Narrows a user-typed name to a supported system. */
export function isAtsSystem(name: string): name is AtsSystem {
	return (atsSystems as readonly string[]).includes(name);
}

/** The supported systems in prose, for messages: "greenhouse, lever or ashby". */
export function systemList(): string {
	const names = Object.keys(sources);
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}

/** The sync command's lines about each ATS: its name, what its board is called, where to find it. */
export function usageLines(): string[] {
	const rows = Object.values(sources).map((source) => [`${source.system} <${source.boardTerm}>`, `e.g. ${source.boardExample}${source.usageNote ? ` (${source.usageNote})` : ''}`] as const);
	const width = Math.max(...rows.map(([left]) => left.length)) + 3;
	return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}
