/**
 * Static analysis of a loaded pack (`bianmin check`, `validate --deep`, the workbench): the proof
 * that the one-time notice is complete (行政许可法第三十二条), dead and overlapping rules, and
 * mode, clock and document coherence.
 */
export type { CheckFinding, CheckOptions, CheckReport, CheckStats } from './model.ts';
export { checkPack } from './check.ts';
