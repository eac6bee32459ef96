/** Code-unit order: the same in every locale, so reports sort identically everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
