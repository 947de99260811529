/**
 * A counter-example of `bianmin check` written as one entry of a scenario file's `scenarios:`
 * list, in the hand-written files' style (short maps and lists on one line), so an officer can
 * paste it under `scenarios:` in a file of rules/tests/ and keep it as a regression test.
 */
import { Document, isMap, isSeq, type Node } from 'yaml';

export type ScenarioMaterial = string | { readonly id: string; readonly form?: 'original' | 'copy' | 'both'; readonly copies?: number; readonly party?: string };

export interface ScenarioEntry {
  readonly name: string;
  readonly item: string;
  readonly applicant: Readonly<Record<string, string | number | boolean>>;
  readonly materials: readonly ScenarioMaterial[];
  /** `YYYY-MM-DD HH:MM`, Beijing time. */
  readonly received: string;
  readonly expect: {
    readonly kind: 'consultation' | 'supplement' | 'returned' | 'rejected' | 'accepted';
    readonly missing: readonly string[];
    /** Reason codes, `condition:<id>` / `material:<id>` / `mode:<index>`. */
    readonly reasons: readonly string[];
  };
}

/** `- name: …` with the entry's fields, indented as a list item at the top level. */
export function scenarioYaml(entry: ScenarioEntry): string {
  const doc = new Document([entry]);
  const list = doc.contents;
  if (isSeq(list)) {
    const map = list.items[0];
    if (isMap(map)) {
      for (const key of ['applicant', 'materials']) flow(map.get(key, true) as Node | undefined);
      const expect = map.get('expect', true);
      if (isMap(expect)) for (const key of ['missing', 'reasons']) flow(expect.get(key, true) as Node | undefined);
    }
  }
  return doc.toString({ lineWidth: 0 });
}

function flow(node: Node | undefined): void {
  if (!node || !(isMap(node) || isSeq(node))) return;
  node.flow = true;
  if (isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
}
