/** The server stage's public surface: other folders import only from here. */
export { DEFAULT_RATE_LIMIT, buildServer } from './app.ts';
export { TokenConfigError, tokensFrom } from './auth.ts';
export { localAdminToken } from './admin-token.ts';
export { DEFAULT_WORK_DIR } from './workbench-context.ts';
export { parseCorsOrigins } from './cors.ts';
export { parsePublicUrl } from './public-url.ts';
export { boardComplaints } from './board-complaints.ts';
export { boardCompletions } from './board-completions.ts';
export { boardReviews } from './board-reviews.ts';
