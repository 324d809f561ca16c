import { contentPaths, readSiteConfig } from './site-config.ts';
import type { Site } from '../schemas/site.ts';

/** This company's settings, read once per build from `content/site.yaml` (or `SITE_CONFIG`). */
export const site: Site & { title: string } = (() => {
	const settings = readSiteConfig(contentPaths().siteConfig);
	return { ...settings, title: settings.title ?? `Careers at ${settings.companyName}` };
})();
