/**
 * Facts and shared conditions declared in facts.yaml that no condition uses (W-FACT-UNUSED,
 * W-CONDITION-UNUSED). A declared fact is a question the window or kiosk may ask; one that no
 * rule reads is either a forgotten rule or a question asked for nothing.
 *
 * Uses are found by walking every item file generically — any object with a string `fact` is a
 * comparison, any with a string `condition` a shared-condition reference (only condition nodes
 * have these keys; see common.schema.json `condition`) — so every condition site counts, present
 * and future: conditions[].when, materials[].requiredWhen, alternatives, mode branches, and the
 * conditions and materials that dated changes set, add or replace. A shared condition counts only
 * when something uses it, so a fact used only by an unused shared condition is unused too.
 */
import { renderMessage, type ErrorCode, type PathSegment } from '../core/index.ts';
import type { LoadedItem, LoadedReferral } from './model.ts';
import type { FactsFile } from './schema-types.ts';

export interface FactUsageInput {
  readonly facts: FactsFile;
  readonly items: readonly LoadedItem[];
  readonly referrals: readonly LoadedReferral[];
  /** Whether every item file passed its schema: a broken file may hold the only use, so say nothing otherwise. */
  readonly itemsComplete: boolean;
}

type Warn = (file: string, path: readonly PathSegment[], code: ErrorCode, message: string) => void;

/** The facts compared and the shared conditions referenced anywhere in `value`. */
function collect(value: unknown, facts: Set<string>, shared: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.fact === 'string') facts.add(record.fact);
      if (typeof record.condition === 'string') shared.add(record.condition);
      stack.push(...Object.values(record));
    }
  }
}

/** Warns, at the declaration, of every fact and shared condition of facts.yaml that nothing uses. */
export function checkFactUsage(input: FactUsageInput, warn: Warn): void {
  if (!input.itemsComplete) return;
  const facts = new Set<string>();
  const used = new Set<string>();
  for (const item of input.items) collect(item.data, facts, used);
  for (const r of input.referrals) collect(r.data, facts, used);
  const conditions = input.facts.conditions ?? [];
  conditions.forEach((c, i) => {
    if (used.has(c.id)) collect(c.when, facts, new Set());
    else warn('facts.yaml', ['conditions', i, 'id'], 'W-CONDITION-UNUSED', renderMessage('W-CONDITION-UNUSED', { id: c.id, text: c.text }));
  });
  input.facts.facts.forEach((f, i) => {
    if (facts.has(f.id)) return;
    const only = conditions.filter((c) => !used.has(c.id) && mentions(c.when, f.id)).map((c) => c.id);
    const detail = only.length > 0 ? `只在未被使用的共享条件 ${only.join('、')} 中出现` : '没有任何受理条件、材料条件或办理方式分支使用它';
    warn('facts.yaml', ['facts', i, 'id'], 'W-FACT-UNUSED', renderMessage('W-FACT-UNUSED', { id: f.id, label: f.label, detail }));
  });
}

function mentions(value: unknown, fact: string): boolean {
  const facts = new Set<string>();
  collect(value, facts, new Set());
  return facts.has(fact);
}
