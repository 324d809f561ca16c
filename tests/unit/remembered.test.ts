import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/utils/remembered.ts';

describe('remembered', () => {
	it('makes a value once per key and gives the same one after', () => {
		let made = 0;
		const lengths = remembered<number>();
		const length = (text: string) => lengths(text, () => ++made && text.length);
		expect([length('Lisbon'), length('Berlin'), length('Lisbon')]).toEqual([6, 6, 6]);
		expect(made).toBe(2);
	});

	it('empties itself when it holds max values, then makes them again', () => {
		let made = 0;
		const values = remembered<string>(2);
		for (const key of ['a', 'b', 'c', 'a']) values(key, () => `${key}${++made}`);
		// 'c' found the store full: it was emptied, so 'a' was made a second time.
		expect(values('a', () => 'new')).toBe('a4');
		expect(made).toBe(4);
	});
});
