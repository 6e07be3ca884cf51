/** Kept free of imports so that `--help` and `--version` start instantly. */
export const VERSION = '0.1.0';

export const COMMANDS = ['check', 'fix', 'catalogue', 'formats', 'scenarios', 'help'] as const;

export const HELP = `endpoint-drift ${VERSION}
Check allowlists kept in a repository against the Microsoft 365 endpoint catalogue.

Usage:
  endpoint-drift check [options]    check allowlists and DNS record files (endpoint-drift check --help)
  endpoint-drift fix [options] [--write] [--rule RULE]...
                                    print (or write) the changes that fix the findings
  endpoint-drift catalogue update [--instance all|NAME] [--output DIR] [--service-url URL]
                                    fetch newer Microsoft 365 data into a snapshot with a changelog
  endpoint-drift formats            list the supported file formats
  endpoint-drift scenarios          list the opt-in scenarios of the "other endpoints" data
  endpoint-drift help [COMMAND]     this help, or a command's help
  endpoint-drift --help | --version

Exit status: 0 nothing reaches --fail-on, 1 something does, 2 usage, configuration or input error.
`;

export const CHECK_HELP = `Usage: endpoint-drift check [options]

Checks allowlists and DNS record files against the Microsoft 365 catalogue and reports
the findings at their file, line and column.

Options. "key" = the same name is a key of the configuration file; "input" = the same
name is an input of the GitHub Action. Flags override the file.
  --config FILE            input  configuration file, relative to --root
                                  (default: .github/endpoint-drift.yml when present)
  --root DIR                      repository root that paths and globs are relative to
                                  (default: .; the action uses the workspace)
  --allowlist PATH|GLOB    input  allowlist file(s); repeatable; replaces the config's
                                  "allowlists" list
  --dns PATH|GLOB          input  DNS record file(s); repeatable; replaces the config's
                                  "dns" list
  --instance NAME          key, input  worldwide | china | usgovdod | usgovgcchigh
                                  (default: worldwide)
  --service-areas LIST     key, input  Common,Exchange,SharePoint,Skype[,MEM]
                                  (default: all but MEM)
  --categories LIST        key, input  Optimize,Allow,Default (default: all three)
  --include-optional[=B]   key, input  also demand endpoint sets marked not required
                                  (default: false)
  --ipv6[=B], --no-ipv6    key, input  demand IPv6 prefixes (default: true)
  --tenant LABEL           key, input  tenant label for patterns such as
                                  autodiscover.*.onmicrosoft.com
  --scenarios LIST         key, input  opt-in scenarios (endpoint-drift scenarios)
  --fail-on LEVEL          key, input  error | warning | notice | never: the lowest
                                  severity that fails (default: error)
  --min-severity LEVEL     key, input  error | warning | notice: the lowest severity
                                  shown; does not change what fails (default: notice)
  --catalogue SOURCE       key, input  embedded | live | path of a snapshot written by
                                  "catalogue update" (default: embedded)
  --catalogue-cache DIR    key, input  where "live" keeps the web service's answers
                                  (default: .endpoint-drift-cache)
  --service-url URL               the web service "live" asks
                                  (default: https://endpoints.office.com)
  --format text|json              output format (default: text)
  --output FILE                   also write the JSON report to FILE
  --sarif-file FILE        key, input  also write a SARIF 2.1.0 report to FILE
  --debug                         print the stack of an internal error
  --verbose                       list every finding on its own line instead of one
                                  line per endpoint set
  -h, --help                      this help

Only the configuration file has "domains" and the per-file "format", "scope", "group"
and "options" of "allowlists" and "dns".

Exit status: 0 nothing reaches --fail-on, 1 something does, 2 usage, configuration or input error.
`;

export const FORMATS_HELP = `Usage: endpoint-drift formats

Lists the allowlist and DNS record formats, with their ids (for "format:" in the
configuration) and the file names "format: auto" detects.
`;

export const SCENARIOS_HELP = `Usage: endpoint-drift scenarios

Lists the opt-in scenarios of Microsoft's "Other endpoints not included in the web
service" data, with their ids (for --scenarios and "scenarios:" in the configuration).
`;

export const FIX_HELP = `Usage: endpoint-drift fix [check options] [--write] [--rule RULE]...

fix takes the options of check and prints, as a unified diff that git apply accepts,
the changes that fix the findings in each file's own syntax: missing entries and
records added beside their endpoint set, extraneous (dedicated lists only) and
redundant entries removed, port gaps and wrong DNS values corrected, BIND serials
raised. Writable: plain, pan-edl, fortigate, pfblockerng, allowlist-yaml/json,
squid, nftables, iptables-save, csv, terraform, bicep, arm, bind, octodns, dns-yaml.
What it leaves for a person (malformed entries, formats it cannot edit, values
only the tenant knows) is listed on stderr with the reason and what to write.
  --write                  apply the changes instead of printing them (atomically per file)
  --rule RULE              fix only these rules; repeatable. Default: missing-endpoint,
                           partially-covered, extraneous-entry, redundant-entry,
                           dns-missing-record, dns-wrong-value, dns-forbidden-record,
                           dns-spf-missing-include. over-broad-entry only when named.
Exit status of fix: 0 nothing to change (or, with --write, everything written), 1 changes
to make, 2 usage, configuration or input error, 3 a file could not be written (read-only,
changed since it was read, or a disk error; that file is left as it was).
`;

export const CATALOGUE_HELP = `Usage: endpoint-drift catalogue update [--instance all|worldwide|china|usgovdod|usgovgcchigh]
                                      [--output DIR] [--service-url URL] [--cache DIR]
                                      [--changes FILE] [--config FILE] [--root DIR]

Asks Microsoft's web service for a newer version of the endpoint data and, when there is
one, writes a snapshot (for "catalogue:" in the configuration) and a Markdown changelog.
Nothing is written when nothing is newer or when an answer is malformed.
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  check: CHECK_HELP,
  fix: FIX_HELP,
  catalogue: CATALOGUE_HELP,
  formats: FORMATS_HELP,
  scenarios: SCENARIOS_HELP,
  help: HELP,
};
