import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { roleCardInput, type CardInput } from '../../src/social/card-input.ts';
import { closeCardOutput, openCardOutput, writeRoleCards } from '../../src/social/card-output.ts';
import { seed, site } from './helpers.ts';

// A production build writes each open role's card into og/jobs/ of its output
// itself, instead of rendering the cards as routes.

const work = mkdtempSync(join(tmpdir(), 'careers-card-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Draws a card as the bytes of its title, or fails for a title with "fails" in it. */
const render = async (input: CardInput) => {
	const title = input.kind === 'role' ? input.title : 'the site card';
	if (title.includes('fails')) throw new Error('the renderer gave up');
	return new TextEncoder().encode(title) as Uint8Array<ArrayBuffer>;
};

const card = (title: string) => ({ name: `${title.toLowerCase().replaceAll(' ', '-')}.png`, input: roleCardInput({ ...seed('000'), title }, site) });

describe('role cards written into the output', () => {
	it('writes every card, in a folder emptied of what was there, and says how many once all are written', async () => {
		const out = join(work, 'dist');
		mkdirSync(join(out, 'og', 'jobs'), { recursive: true });
		writeFileSync(join(out, 'og', 'jobs', 'removed-role.png'), 'a card the last build wrote');
		openCardOutput(out);
		const cards = ['Rocket Engineer', 'Data Engineer'].map(card);
		expect(writeRoleCards(cards, { cacheDir: join(work, 'cache'), render })).toBe(true);
		// Asked again in the same build, the cards are not written twice.
		expect(writeRoleCards(cards, { cacheDir: join(work, 'cache'), render })).toBe(true);
		expect(await closeCardOutput()).toBe(2);
		expect(readdirSync(join(out, 'og', 'jobs')).sort()).toEqual(['data-engineer.png', 'rocket-engineer.png']);
		expect(readFileSync(join(out, 'og', 'jobs', 'rocket-engineer.png'), 'utf8')).toBe('Rocket Engineer');
	});

	it('fails, naming the card, when one cannot be drawn', async () => {
		openCardOutput(join(work, 'failing'));
		writeRoleCards(['Rocket Engineer', 'Card That fails'].map(card), { cacheDir: join(work, 'cache'), render });
		await expect(closeCardOutput()).rejects.toThrow('social cards: could not write og/jobs/card-that-fails.png: the renderer gave up');
	});

	it('writes nothing when no build opened the output: the dev server renders the cards as routes', async () => {
		expect(writeRoleCards([card('Rocket Engineer')], { cacheDir: join(work, 'cache'), render })).toBe(false);
		expect(await closeCardOutput()).toBe(0);
	});
});
