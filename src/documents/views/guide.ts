import type { PackData } from '../../pack/index.ts';
import { suggest } from '../../pack/index.ts';
import { DocumentError } from '../errors.ts';
import type { DocumentData } from '../shapes.ts';
import { centerView } from './center.ts';
import { onlineGuide } from './board.ts';
import { itemView, upcomingView } from './item.ts';

/** The service guide (办事指南) of one item: everything of it as in force on `date`, and what is about to change. */
export function guideData(pack: PackData, code: string, date: string, publicUrl?: string): DocumentData['guide'] {
  const loaded = pack.items.get(code);
  if (!loaded) {
    const guess = suggest(code, [...pack.items.keys()]);
    throw new DocumentError('E-DOC-ITEM', `事项 ${code} 不在规则包中${guess ? `，是否应为 ${guess}？` : ''}`);
  }
  return {
    doc: { type: 'guide', title: '办事指南', number: null, date },
    center: centerView(pack),
    item: itemView(pack, loaded.data, date),
    upcoming: upcomingView(loaded.data, date),
    online: onlineGuide(publicUrl, code),
  };
}
