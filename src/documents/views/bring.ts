import type { NoticeMaterial } from '../../pack/index.ts';

/** What to bring, in words: `原件1份`, `复印件2份`, `原件1份、复印件2份`. */
export function bringText(form: NoticeMaterial['form'], copies: number): string {
  if (form === 'original') return `原件${copies}份`;
  if (form === 'copy') return `复印件${copies}份`;
  return `原件1份、复印件${copies}份`;
}

/** `男方、女方各`: before bringText for a material each party brings (perParty); '' otherwise. */
export function eachText(parties: readonly string[] | undefined): string {
  return parties && parties.length > 0 ? `${parties.join('、')}各` : '';
}
