/** The ATS sources by name, for the sync command and the build-time loader. */
import { atsSystems, type AtsSystem } from '../schemas/ats-link.ts';
import { ASHBY_API, fetchAshbyBoard } from './ashby/source.ts';
import { fetchGreenhouseBoard, GREENHOUSE_API } from './greenhouse/source.ts';
import { fetchLeverBoard, LEVER_API } from './lever/source.ts';
import type { BoardSnapshot, SourceOptions } from './shared/types.ts';

/** One ATS: how to read a board, and where its public API lives. */
export interface AtsSource {
	/** The name people know it by, for messages. */
	label: string;
	/** What the vendor calls the board's name, for messages ("board token"). */
	boardTerm: string;
	api: string;
	fetchBoard(board: string, options: SourceOptions): Promise<BoardSnapshot>;
}

/** Every supported ATS. */
export const sources: Record<AtsSystem, AtsSource> = {
	greenhouse: { label: 'Greenhouse', boardTerm: 'board token', api: GREENHOUSE_API, fetchBoard: fetchGreenhouseBoard },
	lever: { label: 'Lever', boardTerm: 'site name', api: LEVER_API, fetchBoard: (board, options) => fetchLeverBoard(board, options) },
	ashby: { label: 'Ashby', boardTerm: 'job board name', api: ASHBY_API, fetchBoard: fetchAshbyBoard },
};

/** Narrows a user-typed name to a supported system. */
export function isAtsSystem(name: string): name is AtsSystem {
	return (atsSystems as readonly string[]).includes(name);
}
