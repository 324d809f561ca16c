import { contentPaths, readSiteConfig } from './site-config.ts';
import type { Site } from '../schemas/site.ts';
import { fill, type Labels } from '../i18n/labels.ts';
import { labelsFor } from '../i18n/languages.ts';
import { autoDir, autoDirOnRtl, languageDirection } from '../utils/direction.ts';

const settings = readSiteConfig(contentPaths().siteConfig);

/** The site's words in its language, its own `labels` over the built-in ones (src/i18n/). */
export const labels: Labels = labelsFor(settings.lang, settings.labels);

/** The direction the site's language is written in, for `<html dir>`: right to left for Hebrew and Arabic. */
export const siteDir = languageDirection(settings.lang);

/**
 * `dir` for an element showing what a posting says: `"auto"` where its
 * direction may differ from the page's (src/utils/direction.ts).
 */
export const textDir = siteDir === 'rtl' ? autoDirOnRtl : autoDir;

/** This company's settings, read once per build from `content/site.yaml` (or `SITE_CONFIG`). */
export const site: Site & { title: string } = { ...settings, title: settings.title ?? fill(labels.careersAt, { company: settings.companyName }) };
