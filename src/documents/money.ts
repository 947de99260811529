import { DocumentError } from './errors.ts';

/** An amount in yuan with two decimals: `10` → `10.00元`. */
export function formatMoney(amount: number): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new DocumentError('E-DOC-DATA', `金额 ${JSON.stringify(amount)} 无效：应为不小于 0 的数字（元）`);
  }
  // Work in fen so that 1.005 and friends round the way a cashier would.
  const fen = Math.round(amount * 100 + Number.EPSILON * 100);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}元`;
}
