// One pull request on a small network repository, used by the pull-request tests: the base has
// drift already (pre-existing), the head adds some (new), removes some (fixed) and shifts lines.

export const CONFIG = `# endpoint-drift configuration
service-areas: [Exchange]
categories: [Optimize, Allow]
allowlists:
  - path: network/proxy/*.txt
    format: plain
    group: proxy
ignore:
  - rule: extraneous-entry
    value: legacy-portal.contoso.example
    reason: vendor portal, removed with the migration
    expires: 2099-12-31
  - rule: extraneous-entry
    path: network/proxy/*.txt
    value: old-cdn.contoso.example
    reason: expired on purpose
    expires: 2020-01-31
`;

export const BASE_PROXY = `# Proxy bypass list
outlook.office.com
outlook.office365.com
*.protection.outlook.com
legacy-portal.contoso.example
tracker.example.net
old-cdn.contoso.example
`;

export const HEAD_PROXY = `# Proxy bypass list
# Exchange Online, endpoint set 1 (Optimize)
outlook.office.com
*.protection.outlook.com
legacy-portal.contoso.example
old-cdn.contoso.example
newthing.example.org
# endpoint-drift: ignore extraneous-entry -- lab proxy, see ticket NET-42
lab.example.com
`;

export const PROXY_PATH = 'network/proxy/m365.txt';
export const CONFIG_PATH = '.github/endpoint-drift.yml';
