/**
 * A store of values made once per key: `get(key, make)` calls `make` the
 * first time a key is asked for and gives the same value after. With `max`,
 * the store is emptied when it holds that many, so a long-lived dev server
 * fed new inputs for hours does not keep them all.
 *
 * @example
 * const formats = remembered<Intl.NumberFormat>();
 * formats('EUR', () => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }));
 */
export function remembered<Value>(max = Number.POSITIVE_INFINITY): (key: string, make: () => Value) => Value {
	const values = new Map<string, Value>();
	return (key, make) => {
		if (values.has(key)) return values.get(key) as Value;
		const value = make();
		if (values.size >= max) values.clear();
		values.set(key, value);
		return value;
	};
}
