/** A 1-based position in a file. `line` 0 means "no line" (the whole file). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function formatLocation(loc: SourceLocation): string {
  if (loc.line <= 0) return loc.file;
  return `${loc.file}:${loc.line}:${loc.column}`;
}

export function compareLocations(a: SourceLocation, b: SourceLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
