/**
 * Equal parts of many values, made one object each.
 *
 * Astro writes its content data store with devalue, which gives every object
 * and array an entry of its own in the file unless it is the very same object
 * as one written before: then it writes a reference. Thousands of postings
 * repeat the same small parts (`{ source: 'given' }` nine times each, the same
 * place, the same empty notes), so at 10,000 roles the store held 178,000
 * objects in 16.9 MB, and devalue took about a second to write it on every
 * build that changed one posting, and a third of a second to read it back.
 * With those parts shared, the same store is 8.3 MB and 95,000 values, written
 * in 0.45 s and read in 0.09 s (docs/decisions.md, "One copy of each part in
 * the data store").
 *
 * A shared part belongs to every posting that holds it: code that reads the
 * store must not change what it reads (none does; a sorted or patched copy is
 * made where one is needed).
 */

/** The shared part of each shape met, and the numbers that stand for parts and strings in a shape's key. */
export interface PartPool {
	/** The shared part of each shape, by its key: its items' or fields' tokens (see `token`). */
	readonly byKey: Map<string, object>;
	/** The number of each part met (and of each object of a class, shared with nothing), used in its parents' keys. */
	readonly ids: Map<object, number>;
	/** The number of each string met: a long text's token without copying it into every key that holds it. */
	readonly strings: Map<string, number>;
}

/** An empty pool: parts are shared among the values passed through the same pool. */
export function partPool(): PartPool {
	return { byKey: new Map(), ids: new Map(), strings: new Map() };
}

/** Only plain data is shared; an object of a class (a Date, a Map) is kept as it is. */
function isPlainObject(value: object): value is Record<string, unknown> {
	return Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * One value's token in its parent's key: equal tokens for values devalue writes
 * the same way: a number for each distinct string and each shared part, so no
 * string can pass for a token of another kind or for the key's punctuation.
 */
function token(value: unknown, pool: PartPool): string {
	switch (typeof value) {
		case 'string': {
			let id = pool.strings.get(value);
			if (id === undefined) pool.strings.set(value, (id = pool.strings.size));
			return `s${id}`;
		}
		case 'number':
			return Object.is(value, -0) ? 'n-0' : `n${value}`;
		case 'bigint':
			return `b${value}`;
		case 'boolean':
			return value ? 't' : 'f';
		case 'undefined':
			return 'u';
		default: {
			if (value === null) return 'l';
			// An object not shared (of a class, or a function) matches nothing: its own number.
			let id = pool.ids.get(value as object);
			if (id === undefined) pool.ids.set(value as object, (id = pool.ids.size));
			return `#${id}`;
		}
	}
}

/**
 * `value` with each plain object and array that equals one met before in the
 * same pool (the same keys in the same order, equal values; the same items)
 * replaced by that one. The value itself is not changed: its parts are copied
 * where they are new.
 *
 * @example
 * const pool = partPool();
 * const a = sharedParts({ provenance: { title: { source: 'given' } } }, pool);
 * const b = sharedParts({ provenance: { title: { source: 'given' } } }, pool);
 * a.provenance === b.provenance; // true
 */
export function sharedParts<T>(value: T, pool: PartPool): T {
	if (value === null || typeof value !== 'object') return value;
	let copy: object;
	let key: string;
	if (Array.isArray(value)) {
		const items: unknown[] = new Array(value.length);
		const tokens: string[] = [];
		for (let index = 0; index < value.length; index++) {
			// A hole stays a hole: devalue writes it apart from `undefined`.
			if (!(index in value)) {
				tokens.push('h');
				continue;
			}
			items[index] = sharedParts(value[index], pool);
			tokens.push(token(items[index], pool));
		}
		copy = items;
		key = `[${tokens.join(',')}]`;
	} else if (isPlainObject(value)) {
		const fields: Record<string, unknown> = {};
		const tokens: string[] = [];
		for (const name of Object.keys(value)) {
			fields[name] = sharedParts(value[name], pool);
			tokens.push(`${token(name, pool)}:${token(fields[name], pool)}`);
		}
		copy = fields;
		key = `{${tokens.join(',')}}`;
	} else return value;
	const shared = pool.byKey.get(key);
	if (shared) return shared as T;
	pool.byKey.set(key, copy);
	return copy as T;
}
