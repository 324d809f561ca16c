import { gitText } from '../utils/git.ts';
import { buildTime } from './build-time.ts';

/** What kind of build this is, and what a preview banner says about it. */
export interface BuildMode {
	/** True for a preview: drafts shown, banner on every page, nothing indexable. */
	preview: boolean;
	/** Why: the variable that decided, e.g. "PREVIEW=true" or "CONTEXT=deploy-preview". */
	reason: string;
	/** Branch being built, when known. */
	branch?: string;
	/** Commit being built (full sha), when known. */
	commit?: string;
	/** When the build started (ISO 8601): what "live", `publishAt` and `validThrough` are compared with. */
	builtAt: string;
}

type Env = Record<string, string | undefined>;

/**
 * Decides between a production build (the default, and the safe side) and a
 * preview. An explicit `PREVIEW=true|false` wins; otherwise the host says:
 * Cloudflare Pages (`CF_PAGES_BRANCH` other than `PRODUCTION_BRANCH`, default
 * "main"), Netlify (`CONTEXT` deploy-preview or branch-deploy), Vercel
 * (`VERCEL_ENV=preview`), a GitHub Actions pull-request workflow
 * (`GITHUB_EVENT_NAME=pull_request`). Anything else builds production.
 */
export function buildMode(env: Env = process.env, now: Date = new Date()): BuildMode {
	const production = env.PRODUCTION_BRANCH || 'main';
	const branch = env.CF_PAGES_BRANCH || env.HEAD || env.VERCEL_GIT_COMMIT_REF || env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
	const commit = env.CF_PAGES_COMMIT_SHA || env.COMMIT_REF || env.VERCEL_GIT_COMMIT_SHA || env.GITHUB_SHA;
	const decide = (): Pick<BuildMode, 'preview' | 'reason'> => {
		const explicit = env.PREVIEW?.trim().toLowerCase();
		if (explicit && ['1', 'true', 'yes'].includes(explicit)) return { preview: true, reason: `PREVIEW=${env.PREVIEW}` };
		if (explicit && ['0', 'false', 'no'].includes(explicit)) return { preview: false, reason: `PREVIEW=${env.PREVIEW}` };
		if (explicit) return { preview: false, reason: `PREVIEW=${env.PREVIEW} is not true or false; building production` };
		if (env.CF_PAGES && env.CF_PAGES_BRANCH && env.CF_PAGES_BRANCH !== production) return { preview: true, reason: `CF_PAGES_BRANCH=${env.CF_PAGES_BRANCH}` };
		if (env.NETLIFY && (env.CONTEXT === 'deploy-preview' || env.CONTEXT === 'branch-deploy')) return { preview: true, reason: `CONTEXT=${env.CONTEXT}` };
		if (env.VERCEL_ENV === 'preview') return { preview: true, reason: 'VERCEL_ENV=preview' };
		if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_EVENT_NAME === 'pull_request') return { preview: true, reason: 'GITHUB_EVENT_NAME=pull_request' };
		return { preview: false, reason: 'production (default)' };
	};
	const mode = decide();
	// Only a preview shows branch and commit; reading git for production would be wasted work.
	const where = mode.preview
		? { branch: branch ?? gitText(process.cwd(), ['rev-parse', '--abbrev-ref', 'HEAD']), commit: commit ?? gitText(process.cwd(), ['rev-parse', 'HEAD']) }
		: { branch, commit };
	return {
		...mode,
		...(where.branch ? { branch: where.branch } : {}),
		...(where.commit ? { commit: where.commit } : {}),
		builtAt: buildTime(env, now),
	};
}

/** This build's mode, decided once. */
export const mode: BuildMode = buildMode();
