/**
 * What one file's static evaluation may cost. The evaluators (Terraform and HCL expressions,
 * ARM and Bicep expressions, the PAC and dnscontrol readers) compute values the file spells out;
 * a few crafted lines can spell out billions of characters or items (a string doubled forty
 * times, `concat(local.a, local.a)` nested), so every evaluator spends from a budget and, past
 * it, reads the value as unknown with the reason, at its place; the rest of the file is read.
 */
export const EVALUATION_LIMITS = {
  /** Units of work per file: one per expression evaluated, plus one per item or character built. */
  work: 20_000_000,
  /** Characters in one computed string. Host names are short; no allowlist needs a megabyte. */
  text: 1_000_000,
  /** Items in one computed list. */
  items: 100_000,
} as const;

export type EvaluationLimits = { readonly [K in keyof typeof EVALUATION_LIMITS]: number };

/** A file's evaluation budget. One per file, shared by every expression in it. */
export class Budget {
  #work = 0;
  readonly limits: EvaluationLimits;

  constructor(limits: EvaluationLimits = EVALUATION_LIMITS) {
    this.limits = limits;
  }

  /** Spends `units` of work; false once the file's budget is spent (and from then on). */
  spend(units = 1): boolean {
    this.#work += units;
    return this.#work <= this.limits.work;
  }

  get exhausted(): boolean {
    return this.#work > this.limits.work;
  }

  /** Whether a string of `length` characters may be built (its characters are spent as work). */
  text(length: number): boolean {
    return length <= this.limits.text && this.spend(length >>> 6);
  }

  /** Whether a list of `count` items may be built (its items are spent as work). */
  items(count: number): boolean {
    return count <= this.limits.items && this.spend(count);
  }

  get workReason(): string {
    return `the file takes more than ${this.limits.work} steps to evaluate; this value is not computed`;
  }

  get textReason(): string {
    return `the value would be longer than ${this.limits.text} characters; not computed`;
  }

  get itemsReason(): string {
    return `the list would have more than ${this.limits.items} items; not computed`;
  }
}
