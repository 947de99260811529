// A case register of recorded applications, written straight in the store's own format (snapshot
// with its checksums and an empty log per year, one record at a time: a million cases are never
// held at once), for the what-if tests and bench/whatif.bench.ts. Applications vary in income (so
// that moving the income limit changes some decisions) and in the materials handed in; every
// record holds the whole decision, as the register stores it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pack } from '../../src/engine/index.ts';
import type { Application, CaseEvent, CaseRecord, Decision } from '../../src/pack/index.ts';
import { CASE_SHARED } from '../../src/records/cases.ts';
import { SNAPSHOT_FORMAT, snapshotChunks } from '../../src/records/collection.ts';
import { writeFileDurably } from '../../src/records/index.ts';

export interface Shard {
  readonly year: number;
  readonly count: number;
  /** Every `openEvery`-th accepted case is still open (no completion): the sanctions look at those. Default: none. */
  readonly openEvery?: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Distinct applications: case `i` repeats application `i % VARIANTS`, so the decisions stored can
 * be made ahead (the store's writer takes records synchronously) without holding a million.
 */
const VARIANTS = 1_188;

/** The application of case `i` of `year`: received on one of 297 days, income 500–699, one in five without the income statement. */
export function applicationOf(year: number, i: number): Application {
  const k = i % VARIANTS;
  const receivedAt = `${year}-${pad(1 + (k % 11))}-${pad(1 + (k % 27))}T09:30:00+08:00`;
  const materials = k % 5 === 0 ? ['application', 'id-card', 'authorization'] : ['application', 'id-card', 'authorization', 'income-statement'];
  return {
    item: 'MZ-001',
    intent: 'apply',
    applicant: { type: 'person', name: '张小三', idNumber: '320102199001011234', phone: '13812345678', hukouLocal: true, householdIncomePerCapita: 500 + ((k * 37) % 200), hasDisabilityCert: false, forDependant: false },
    materials,
    receivedAt,
  };
}

function* casesOf(shard: Shard, decisions: ReadonlyArray<Decision>): Generator<CaseRecord> {
  for (let i = 1; i <= shard.count; i++) {
    const application = applicationOf(shard.year, i);
    const at = application.receivedAt!;
    const decision = decisions[i % VARIANTS]!;
    const done = new Date(Date.parse(at) + 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const events: CaseEvent[] = [{ type: 'received', at, staff: 'chen-li' }];
    if (decision.kind === 'accepted') {
      events.push({ type: 'accepted', at, staff: 'chen-li' });
      if (!(shard.openEvery && i % shard.openEvery === 0)) events.push({ type: 'completed', at: done, staff: 'chen-li' });
    } else events.push({ type: 'returned', at, staff: 'chen-li', reason: '申请人撤回申请' });
    yield { id: `${shard.year}-${pad(i, 6)}`, item: decision.item, itemName: decision.itemName, receivedAt: at, window: 'minzheng-window', post: 'minzheng-post', firstInquiry: 'chen-li', application, decision, events };
  }
}

/** Writes `cases-YEAR` for each shard into `dir` (decided on `pack`); returns the bytes written. */
export async function writeRegister(dir: string, pack: Pack, shards: readonly Shard[]): Promise<number> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (const shard of shards) {
    const decisions: Decision[] = [];
    for (let k = 0; k < VARIANTS; k++) decisions.push(await pack.decide(applicationOf(shard.year, k)));
    const name = `cases-${shard.year}`;
    await writeFile(path.join(dir, `${name}.log`), '');
    bytes += await writeFileDurably(path.join(dir, `${name}.json`), snapshotChunks({ format: SNAPSHOT_FORMAT, collection: name, seq: 0, log: { file: `${name}.log`, from: 1 } }, casesOf(shard, decisions), shard.count, CASE_SHARED));
  }
  return bytes;
}
