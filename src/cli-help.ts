/** Kept free of imports so that `--help` and `--version` start instantly. */
export const VERSION = '0.1.0';

export const HELP = `endpoint-drift ${VERSION}
Check allowlists kept in a repository against the Microsoft 365 endpoint catalogue.

Usage:
  endpoint-drift check [options]
  endpoint-drift formats            list the supported file formats
  endpoint-drift scenarios          list the opt-in scenarios of the "other endpoints" data
  endpoint-drift --help | --version

Options of check (each is also a config-file key and an action input):
  --config FILE            configuration file (default: .github/endpoint-drift.yml when present)
  --root DIR               repository root that paths and globs are relative to (default: .)
  --allowlist PATH|GLOB    allowlist file(s) to check; repeatable; replaces the config's list
  --dns PATH|GLOB          DNS record file(s) to check; repeatable; replaces the config's list
  --instance NAME          worldwide | china | usgovdod | usgovgcchigh (default: worldwide)
  --service-areas LIST     Common,Exchange,SharePoint,Skype[,MEM] (default: all but MEM)
  --categories LIST        Optimize,Allow,Default (default: all three)
  --include-optional[=B]   also demand endpoint sets marked not required (default: false)
  --ipv6[=B]               demand IPv6 prefixes (default: true); --no-ipv6 to skip them
  --tenant LABEL           tenant label for patterns such as autodiscover.*.onmicrosoft.com
  --scenarios LIST         opt-in scenarios from the "other endpoints" data
  --fail-on LEVEL          error | warning | notice | never (default: error)
  --format text|json       output format (default: text)
  --output FILE            also write the JSON report to FILE
  --debug                  print the stack of an internal error

Exit status: 0 nothing reaches --fail-on, 1 something does, 2 usage, configuration or input error.
`;
