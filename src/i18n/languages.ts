/**
 * The labels a site shows: the built-in ones of its language (by the
 * language's primary subtag: "de-CH" takes German), with the site's own
 * `labels` over them. A language with none built in shows English, unless the
 * site gives its own words for every label.
 */
import { en } from './en.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { he } from './he.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';
import { pt } from './pt.ts';
import type { Labels } from './labels.ts';

/** A site's own labels (`labels` in its settings): any of them. */
export type OwnLabels = { [Key in keyof Labels]?: Labels[Key] | undefined };

const BUILT_IN: Readonly<Record<string, Labels>> = { en, ar, de, es, fr, he, it, nl, pt };

/** The primary language subtags the site has labels for. */
export const builtInLanguages = Object.keys(BUILT_IN);

/** The built-in labels of a language, or undefined when there are none. */
export function builtInLabels(lang: string): Labels | undefined {
	return BUILT_IN[lang.split('-')[0]!.toLowerCase()];
}

/** The site's labels: its language's, else English, with its own words over them. */
export function labelsFor(lang: string, own: OwnLabels = {}): Labels {
	const given = Object.entries(own).filter(([, value]) => value !== undefined);
	return { ...(builtInLabels(lang) ?? en), ...Object.fromEntries(given) };
}

/**
 * Why a site's labels are not all in its language, or undefined when they are:
 * a language with no labels built in, and labels the site has not given.
 */
export function labelsWarning(lang: string, own: OwnLabels = {}): string | undefined {
	if (builtInLabels(lang)) return undefined;
	const missing = Object.keys(en).filter((key) => own[key as keyof Labels] === undefined);
	if (missing.length === 0) return undefined;
	return `lang is "${lang}", which has no built-in labels (${builtInLanguages.join(', ')}): ${missing.length} of the site's ${Object.keys(en).length} labels are in English. Give them under labels in the site settings (keys as in src/i18n/en.ts).`;
}
