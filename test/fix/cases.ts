/** Writable formats: a repository, the rules, and each changed file byte for byte afterwards. */
export interface WriterCase {
  readonly name: string;
  readonly config: string;
  readonly files: Readonly<Record<string, string>>;
  readonly rules?: readonly string[];
  /** Every changed file as it must read after the fix. */
  readonly after: Readonly<Record<string, string>>;
  /** `file:line:column rule` of each finding left for a person. */
  readonly notFixed?: readonly string[];
}

const exchange = (allowlist: string, format = 'auto') => `instance: worldwide
service-areas: [Exchange]
categories: [Optimize]
ipv6: false
allowlists:
  - path: ${allowlist}
    format: ${format}
    scope: dedicated
`;

const skype = (allowlist: string, format = 'auto') => `instance: worldwide
service-areas: [Skype]
categories: [Optimize]
ipv6: false
allowlists:
  - path: ${allowlist}
    format: ${format}
    scope: dedicated
`;

const sharepoint = (allowlist: string, format = 'auto') => `instance: worldwide
service-areas: [SharePoint]
categories: [Optimize]
ipv6: false
tenant: contoso
allowlists:
  - path: ${allowlist}
    format: ${format}
    scope: dedicated
`;

export const WRITER_CASES: readonly WriterCase[] = [];
export { exchange, skype, sharepoint };
