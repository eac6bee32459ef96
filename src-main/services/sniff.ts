/** Which media types a file's first bytes are consistent with: the manifest's claim must be one of them. */
export function sniffMediaTypes(head: Buffer): string[] {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => head[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return ['application/pdf'];
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ['image/png'];
  if (starts([0xff, 0xd8, 0xff])) return ['image/jpeg'];
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return ['video/webm'];
  if (starts([0x66, 0x74, 0x79, 0x70], 4)) return ['video/mp4'];
  if (head.subarray(0, 6).toString('latin1') === 'WEBVTT' || (starts([0xef, 0xbb, 0xbf]) && head.subarray(3, 9).toString('latin1') === 'WEBVTT'))
    return ['text/vtt', 'text/plain'];
  if (looksLikeText(head)) return ['text/plain', 'text/markdown'];
  return [];
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return true;
  // UTF-8 text: no NULs and no C0 controls other than tab, newline, carriage return, form feed.
  return head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c);
}
