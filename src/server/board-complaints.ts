/**
 * The board's "complaint outcomes" column (投诉处理结果公开) from the complaints ledger. Only what
 * may be public: the complainant's name (masked by the board), the window, the staff member only
 * once the complaint is verified (as the records' own public outcome does), the result and the
 * reply date. The complaint's text is not published: it may name or identify people.
 */
import { parseInstant } from '../core/index.ts';
import type { ComplaintsInput } from '../documents/index.ts';
import type { PackData } from '../pack/index.ts';
import type { Records } from '../records/index.ts';

const RECENT_DAYS = 92;
const MAX_SHOWN = 20;
const RESULT = { verified: '查实', unfounded: '不实' } as const;

export function boardComplaints(records: Records, pack: PackData, now: number = Date.now()): ComplaintsInput['complaints'] {
  // A window or staff member since removed from center.yaml is not named (the board could not label it).
  const windows = new Set(pack.center.windows.map((w) => w.id));
  const staff = new Set(pack.center.staff.map((m) => m.id));
  const since = now - RECENT_DAYS * 86_400_000;
  const recent = [...records.complaints.all()].filter((c) => parseInstant(c.receivedAt) >= since).sort((a, b) => parseInstant(b.receivedAt) - parseInstant(a.receivedAt));
  return recent.slice(0, MAX_SHOWN).map((c) => {
    const verified = c.verification?.result === 'verified';
    const counted = verified ? (c.verification?.staff ?? c.target.staff) : undefined;
    const target = { ...(c.target.window && windows.has(c.target.window) ? { window: c.target.window } : {}), ...(counted && staff.has(counted) ? { staff: counted } : {}) };
    const result = c.verification ? RESULT[c.verification.result] : '正在核实';
    return {
      receivedAt: c.receivedAt,
      channel: c.channel,
      complainant: { name: c.complainant.name ?? '匿名' },
      // A complaint against a staff member not (yet) verified names no one.
      target,
      summary: `投诉 ${c.id}`,
      verified,
      outcome: c.reply ? `${result}，已答复投诉人` : result,
      ...(c.reply ? { repliedOn: c.reply.at.slice(0, 10) } : {}),
    };
  });
}
