/** `maxLength` → `max-length`: a setting's flag spelling, for messages. */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
