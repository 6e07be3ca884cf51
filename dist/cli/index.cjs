#!/usr/bin/env node
"use strict";var __bundleUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";var p=Object.create;var l=Object.defineProperty;var f=Object.getOwnPropertyDescriptor;var h=Object.getOwnPropertyNames;var u=Object.getPrototypeOf,g=Object.prototype.hasOwnProperty;var w=(e,t,i,c)=>{if(t&&typeof t=="object"||typeof t=="function")for(let n of h(t))!g.call(e,n)&&n!==i&&l(e,n,{get:()=>t[n],enumerable:!(c=f(t,n))||c.enumerable});return e};var m=(e,t,i)=>(i=e!=null?p(u(e)):{},w(t||!e||!e.__esModule?l(i,"default",{value:e,enumerable:!0}):i,e));var s="0.1.0";var r=`endpoint-drift ${s}
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
`,v=`Usage: endpoint-drift check [options]

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
`,E=`Usage: endpoint-drift formats

Lists the allowlist and DNS record formats, with their ids (for "format:" in the
configuration) and the file names "format: auto" detects.
`,y=`Usage: endpoint-drift scenarios

Lists the opt-in scenarios of Microsoft's "Other endpoints not included in the web
service" data, with their ids (for --scenarios and "scenarios:" in the configuration).
`,k=`Usage: endpoint-drift fix [check options] [--write] [--rule RULE]...

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
`,L=`Usage: endpoint-drift catalogue update [--instance all|worldwide|china|usgovdod|usgovgcchigh]
                                      [--output DIR] [--service-url URL] [--cache DIR]
                                      [--changes FILE] [--config FILE] [--root DIR]

Asks Microsoft's web service for a newer version of the endpoint data and, when there is
one, writes a snapshot (for "catalogue:" in the configuration) and a Markdown changelog.
Nothing is written when nothing is newer or when an answer is malformed.
`,a={check:v,fix:k,catalogue:L,formats:E,scenarios:y,help:r};var o=process.argv.slice(2);for(let e of[process.stdout,process.stderr])e.on("error",t=>{throw t.code==="EPIPE"&&process.exit(process.exitCode??0),t});var d=o[0]==="help"?o[1]??"help":void 0;o[0]==="--help"||o[0]==="-h"?process.stdout.write(r):d!==void 0&&a[d]!==void 0?process.stdout.write(a[d]):o[0]==="--version"||o[0]==="-V"?process.stdout.write(`${s}
`):x();async function x(){try{let{run:e}=await Promise.resolve().then(()=>m(require("./main.cjs"),1));process.exitCode=await e(o,{cwd:process.cwd(),stdout:t=>process.stdout.write(t),stderr:t=>process.stderr.write(t),drained:()=>process.stdout.writableNeedDrain?new Promise(t=>process.stdout.once("drain",t)):void 0,color:process.stdout.isTTY===!0&&!("NO_COLOR"in process.env)})}catch(e){let t=e instanceof Error?`${e.name}: ${e.message}`:String(e);process.stderr.write(`endpoint-drift: internal error: ${t.split(`
`)[0].slice(0,200)}
`),o.includes("--debug")&&e instanceof Error&&process.stderr.write(`${e.stack}
`),process.exitCode=2}}
