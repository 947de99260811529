/**
 * The decision engine: intake classification (限时办结制 分类处理), the one-time notice
 * (一次性告知制) and 首问负责 routing, compiled once per pack load and traced to the YAML.
 */
export { compilePack, type CompiledPack } from './compile.ts';
export { decide, type DecideOptions } from './decide.ts';
export { decideBundle, BUNDLE_NOTICE, type BundleApplication, type BundleDecision } from './bundle.ts';
export type { CommitmentExclusion } from './commitment.ts';
export { listItems, type CatalogItem } from './catalog.ts';
export { ApplicationError, type ApplicationIssue } from './errors.ts';
export { parseApplication, type ParsedApplication } from './input.ts';
export type { RouteMatch, WindowRef } from './route.ts';
export { Pack } from './pack.ts';
export { factsOf, forEachLeaf, isFactRef, toTopLevel, type LeafCondition } from './condition.ts';
export { upgradeStoredDecision } from './stored-decision.ts';
