/**
 * Length of the longest common prefix of two strings or two message lists (messages
 * compare by role and content). For strings it follows TRL's `extract_prompt`: when the
 * texts diverge right after a space, the space goes to the completions.
 */
export function commonPrefixLength<T extends string | readonly { role: string; content: string }[]>(
  a: T,
  b: T,
): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  if (typeof a === 'string') {
    const s = b as string;
    while (i < n && a[i] === s[i]) i++;
    if (i < n && i > 0 && a[i - 1] === ' ') i--;
    return i;
  }
  const list = b as readonly { role: string; content: string }[];
  while (i < n && a[i].role === list[i].role && a[i].content === list[i].content) i++;
  return i;
}
