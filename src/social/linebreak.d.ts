// The `linebreak` package (UAX #14 line breaking, the one satori uses) ships no types.
declare module 'linebreak' {
	/** A point where a line may (or must) end: text before `position` stays on the line. */
	interface Break {
		position: number;
		required: boolean;
	}
	/** Walks the break opportunities of one text, in order. */
	export default class LineBreaker {
		constructor(text: string);
		nextBreak(): Break | null;
	}
}
