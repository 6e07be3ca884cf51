/** Appends in place; `push(...list)` overflows the stack for lists of a few hundred thousand. */
export function append<T>(to: T[], from: readonly T[]): void {
  for (const item of from) to.push(item);
}

/** A copy of a typed array in a new one of `size` elements, the rest zero: a column that grows. */
export function grown<T extends Uint8Array | Uint32Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (size: number) => T)(size);
  copy.set(array);
  return copy;
}
