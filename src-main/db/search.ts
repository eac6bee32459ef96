/** What both dialects' portfolio search takes from a reviewer's text: the words to find, each at least one letter or digit. */
export function searchWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}
