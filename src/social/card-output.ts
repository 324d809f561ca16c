import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CardInput } from './card-input.ts';
import { drawAhead, socialCard, type CardOptions } from './cache.ts';

/**
 * Role cards written straight into a production build's output folder, not
 * rendered as Astro routes. A route costs Astro about 2.4 ms of CPU a card (a
 * request, a response, two writes and a record in its incremental manifest):
 * 2.4 s of a cold build of 1,000 roles, more than painting the cards
 * (docs/decisions.md, "Role cards written beside the pages").
 *
 * The integration that opens the output (src/integrations/role-cards.ts) is
 * loaded by Node, the route that starts the cards by Vite: two module graphs,
 * each with its own copy of this module. What they share is kept on
 * `globalThis`, under one key.
 */
const KEY = Symbol.for('careers.roleCardOutput');

/** A production build's output for role cards, once its integration has opened it. */
interface CardOutput {
	/** Where the cards go: `og/jobs/` under the build's output folder. */
	folder: string;
	/** The cards being written, each settled with its error, if any: awaited when the build is done. */
	writes: Array<Promise<{ name: string; error?: unknown }>>;
	/** The folder made empty, once: settled before the first card is written. */
	ready?: Promise<unknown>;
}

const shared = globalThis as typeof globalThis & { [KEY]?: CardOutput };

/** Opens the output for the role cards of a production build (its integration calls this once the configuration is final). */
export function openCardOutput(outDir: string): void {
	shared[KEY] = { folder: join(outDir, 'og', 'jobs'), writes: [] };
}

/**
 * Starts writing each role's card into the open output, as `<name>` under
 * `og/jobs/`: drawn ahead in the card threads, or read from the card cache.
 * Returns at once; false when no output is open (the dev server, where the
 * cards are routes).
 * @param options where cards are cached and how they are drawn (tests replace both)
 */
export function writeRoleCards(cards: ReadonlyArray<{ name: string; input: CardInput }>, options: CardOptions = {}): boolean {
	const output = shared[KEY];
	if (!output) return false;
	// Astro asks a route for its paths once a build; asked again, the cards are on their way already.
	if (output.ready) return true;
	const inputs = cards.map(({ input }) => input);
	const started = performance.now();
	// Logged as the bench reads it (scripts/bench/measure.mjs).
	void drawAhead(inputs, options).then((drawn) => {
		const seconds = (performance.now() - started) / 1000;
		if (drawn > 0) console.log(`\nsocial cards: drew ${drawn} of ${cards.length} role cards ahead in ${seconds.toFixed(1)} s (${(drawn / seconds).toFixed(1)} cards/s)`);
	});
	// Emptied first: a build after one that rendered the cards as routes finds them there as links to Astro's
	// cached copies (src/integrations/linked-pages.ts), and a card written through a link would change the copy.
	const ready = (output.ready = rm(output.folder, { recursive: true, force: true }).then(() => mkdir(output.folder, { recursive: true })));
	for (const { name, input } of cards) {
		output.writes.push(
			(async () => {
				const { png } = await socialCard(input, options);
				await ready;
				await writeFile(join(output.folder, name), png);
				return { name };
			})().catch((error: unknown) => ({ name, error })),
		);
	}
	return true;
}

/**
 * Waits for every card started into the output, then closes it. Throws,
 * naming the card, when one could not be drawn or written.
 * @returns how many cards were written
 */
export async function closeCardOutput(): Promise<number> {
	const output = shared[KEY];
	if (!output) return 0;
	delete shared[KEY];
	const written = await Promise.all(output.writes);
	const failed = written.find((card) => card.error !== undefined);
	if (failed) {
		const reason = failed.error instanceof Error ? failed.error.message : String(failed.error);
		throw new Error(`social cards: could not write og/jobs/${failed.name}: ${reason}`, { cause: failed.error });
	}
	return written.length;
}
