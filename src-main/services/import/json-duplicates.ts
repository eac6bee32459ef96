/**
 * The first key that appears twice in one object of a JSON text, or null. JSON.parse silently keeps the last one, so a
 * manifest with two "id"s (or two "bytes") would mean one thing to us and another to any other tool reading it.
 * Expects text JSON.parse has accepted.
 */
export function firstDuplicateKey(text: string): string | null {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') stack.push(new Set());
    else if (ch === '[') stack.push(null);
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const token = text.slice(i, j + 1);
      i = j;
      const keys = stack[stack.length - 1];
      let k = j + 1;
      while (/\s/.test(text[k] ?? '')) k++;
      if (keys && text[k] === ':') {
        const key = JSON.parse(token) as string;
        if (keys.has(key)) return key;
        keys.add(key);
      }
    }
  }
  return null;
}
