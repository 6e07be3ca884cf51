import { fail, ok, type Parsed } from './parsed.js';
import { trimSpaces } from './text.js';

export type Protocol = 'tcp' | 'udp';
export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

/** Inclusive port range. */
export type PortRange = readonly [number, number];

/** An immutable, normalised set of ports (sorted, merged ranges). */
export class PortSet {
  static readonly EMPTY = new PortSet([]);
  static readonly ANY = new PortSet([[0, 65535]]);

  readonly ranges: readonly PortRange[];

  private constructor(ranges: readonly PortRange[]) {
    this.ranges = ranges;
  }

  static of(ranges: Iterable<PortRange>): PortSet {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: [number, number][] = [];
    for (const [lo, hi] of sorted) {
      const last = merged[merged.length - 1];
      if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
      else merged.push([lo, hi]);
    }
    return merged.length === 0 ? PortSet.EMPTY : new PortSet(merged);
  }

  /**
   * Parses the forms found in the web service and in firewall configs:
   * `80,443`, `443,80`, `143, 587, 993, 995`, `50000-59999`, `""` (no ports),
   * `*` / `any` (all ports).
   */
  static parse(text: string): Parsed<PortSet> {
    const trimmed = trimSpaces(text);
    if (trimmed === '') return ok(PortSet.EMPTY);
    if (trimmed === '*' || trimmed.toLowerCase() === 'any') return ok(PortSet.ANY);
    const ranges: PortRange[] = [];
    for (const raw of trimmed.split(/[,; \t\n\v\f\r]+/)) {
      if (raw === '') continue;
      const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(raw);
      if (!m) return fail(`"${raw}" is not a port or port range`);
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : Number(m[2]);
      if (lo > 65535 || hi > 65535)
        return fail(`port ${Math.max(lo, hi)} is out of range (0-65535)`);
      if (hi < lo) return fail(`port range "${raw}" ends before it starts`);
      ranges.push([lo, hi]);
    }
    return ok(PortSet.of(ranges));
  }

  static fromNumbers(ports: Iterable<number>): PortSet {
    return PortSet.of([...ports].map((p) => [p, p] as const));
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  get isAny(): boolean {
    return this.ranges.length === 1 && this.ranges[0]![0] === 0 && this.ranges[0]![1] === 65535;
  }

  union(other: PortSet): PortSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return PortSet.of([...this.ranges, ...other.ranges]);
  }

  /** Ports of this set that `other` does not contain. */
  subtract(other: PortSet): PortSet {
    if (other.isEmpty || this.isEmpty) return this;
    const out: PortRange[] = [];
    for (const [lo0, hi] of this.ranges) {
      let lo = lo0;
      for (const [olo, ohi] of other.ranges) {
        if (ohi < lo || olo > hi) continue;
        if (olo > lo) out.push([lo, olo - 1]);
        lo = ohi + 1;
        if (lo > hi) break;
      }
      if (lo <= hi) out.push([lo, hi]);
    }
    return PortSet.of(out);
  }

  covers(other: PortSet): boolean {
    return other.subtract(this).isEmpty;
  }

  intersects(other: PortSet): boolean {
    return other.subtract(this).key() !== other.key();
  }

  key(): string {
    return this.toString();
  }

  toString(): string {
    if (this.isAny) return 'any';
    return this.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
  }
}

/** Ports per protocol. A protocol that is absent is not allowed / not required. */
export interface PortSpec {
  readonly tcp: PortSet;
  readonly udp: PortSet;
}

export function formatPortSpec(spec: PortSpec): string {
  const parts: string[] = [];
  if (!spec.tcp.isEmpty) parts.push(`TCP ${spec.tcp}`);
  if (!spec.udp.isEmpty) parts.push(`UDP ${spec.udp}`);
  return parts.join(', ') || 'no ports';
}
