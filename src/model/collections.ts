/** Appends in place; `push(...list)` overflows the stack for lists of a few hundred thousand. */
export function append<T>(to: T[], from: readonly T[]): void {
  for (const item of from) to.push(item);
}
