/** The stand-in ATS server lives in src/score/ since `npm run score` serves the real corpus with it too. */
export * from '../../src/score/stand-in-server.ts';
