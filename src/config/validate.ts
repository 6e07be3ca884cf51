import type { ErrorObject, ValidateFunction } from 'ajv';
import { didYouMean } from '../model/suggest.js';
import { nodeAt, nodePosition, type PositionedDocument } from '../formats/syntax/yaml.js';
import { validatorFor } from './validators.generated.js';

export interface SchemaProblem {
  readonly pointer: string;
  /** True when the problem is the key at `pointer` (an unknown key), not its value. */
  readonly atKey: boolean;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Validates `data` (filling in schema defaults) and turns every error into a message with the
 * position of the offending node in `source`, when there is one. The schema is the config
 * schema or a format's settings schema: their validators are generated at build time
 * (scripts/validators.ts), so that no run compiles a schema.
 */
export function validateWithSchema(
  schema: object,
  data: unknown,
  source?: PositionedDocument,
): SchemaProblem[] {
  return validateWith(validatorFor(schema), data, source);
}

/**
 * {@link validateWithSchema} with a validator of one's own, compiled with the options of
 * scripts/validators.ts (allErrors, useDefaults, verbose).
 */
export function validateWith(
  validate: ValidateFunction,
  data: unknown,
  source?: PositionedDocument,
): SchemaProblem[] {
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const err of simplify(validate.errors ?? [])) {
    const unknownKey = err.keyword === 'additionalProperties';
    const pointer = unknownKey
      ? `${err.instancePath}/${String((err.params as { additionalProperty: string }).additionalProperty)}`
      : err.instancePath;
    const message = describe(err);
    const id = `${pointer}\u0000${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const pos = source
      ? nodePosition(source, nodeAt(source, pointer, unknownKey))
      : { line: 0, column: 0 };
    problems.push({ pointer, atKey: unknownKey, message, ...pos });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Drops the noise ajv adds around `oneOf`/`anyOf` when a more specific error exists at the same place. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const specific = new Set(
    errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf').map((e) => e.instancePath),
  );
  return errors.filter(
    (e) => !((e.keyword === 'oneOf' || e.keyword === 'anyOf') && specific.has(e.instancePath)),
  );
}

function describe(err: ErrorObject): string {
  const where = err.instancePath === '' ? 'the document' : `"${pointerToName(err.instancePath)}"`;
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'enum': {
      const allowed = p.allowedValues as unknown[];
      const hint =
        typeof err.data === 'string'
          ? didYouMean(
              err.data,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      return `${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${hint}`;
    }
    case 'type':
      return `${where} must be ${article(String(p.type))}`;
    case 'additionalProperties': {
      const known = Object.keys(
        (err.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ??
          {},
      );
      return `unknown key "${String(p.additionalProperty)}"${err.instancePath ? ` in ${where}` : ''}${didYouMean(String(p.additionalProperty), known)}`;
    }
    case 'required':
      return `${where} needs the key "${String(p.missingProperty)}"`;
    case 'uniqueItems':
      return `${where} lists the same value twice (items ${String(p.j)} and ${String(p.i)})`;
    case 'minItems':
      return `${where} must not be empty`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'pattern':
      return `${where} is not valid (expected a value matching ${String(p.pattern)})`;
    default:
      return `${where} ${err.message ?? 'is not valid'}`;
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a mapping',
    string: 'a string',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function pointerToName(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
}
