import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFile } from '../../../src/model/entry.js';
import { TERRAFORM } from '../../../src/formats/allowlist/terraform.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus/terraform');

function parse(text: string, settings?: Record<string, unknown>): ParsedFile {
  return TERRAFORM.parse({ path: 'fw.tf', text }, settings ? { settings } : undefined);
}

/** `kind text line:column ports (key) # comment`, exact and compact. */
function summary(e: Entry): string {
  const ports = e.ports === undefined ? 'ports?' : `tcp=${e.ports.tcp} udp=${e.ports.udp}`;
  const key =
    e.kind === 'host'
      ? e.pattern.key()
      : e.kind === 'ip'
        ? e.block.key()
        : `${e.reference.scheme}:${e.reference.serviceAreas?.join('+')}/${e.reference.categories?.join('+')}/${e.reference.required}`;
  const comment = e.comment === undefined ? '' : ` # ${e.comment}`;
  return `${e.kind} ${JSON.stringify(e.text)} ${e.location.line}:${e.location.column} ${ports} (${key})${comment}`;
}

/** Every entry's location points at its text in the file (for entries written literally). */
function expectWrittenAt(text: string, parsed: ParsedFile): void {
  const lines = text.split('\n');
  for (const e of parsed.entries) {
    const line = lines[e.location.line - 1] ?? '';
    expect(line.slice(e.location.column - 1).startsWith(e.text)).toBe(true);
  }
}

function problems(parsed: ParsedFile): string[] {
  return parsed.problems.map(
    (p) => `${p.severity ?? 'error'} ${p.location.line}:${p.location.column} ${p.message}`,
  );
}

const POLICY = `resource "azurerm_firewall_policy_rule_collection_group" "m365" {
  name     = "m365"
  priority = 100

  application_rule_collection {
    name     = "apps"
    priority = 200
    action   = "Allow"

    # Exchange Online
    rule {
      name = "exchange"
      protocols {
        type = "Https"
        port = 443
      }
      protocols {
        type = "Http"
      }
      source_addresses  = ["10.0.0.0/8"]
      destination_fqdns = [
        "outlook.office365.com", # the mailbox
        "*.outlook.com",
      ]
      destination_fqdn_tags = ["Office365.Exchange.Optimize"]
    }
    rule {
      name = "urls"
      protocols {
        type = "Mssql"
      }
      destination_urls = ["www.office.com/en-us"]
    }
  }

  network_rule_collection {
    name     = "net"
    priority = 300
    action   = "Allow"
    rule {
      name                  = "teams media"
      protocols             = ["UDP"]
      destination_addresses = ["13.107.64.0/18", "2603:1063::/38", "Office365.Skype.Optimize"]
      destination_ports     = ["3478-3481"]
    }
    rule {
      name                  = "everything"
      protocols             = ["Any"]
      destination_addresses = ["*"]
      destination_fqdns     = ["login.microsoftonline.com"]
      destination_ports     = ["443", "80"]
    }
  }
}
`;

describe('terraform: valid input', () => {
  it('reads an Azure Firewall policy rule collection group with ports, tags and comments', () => {
    const parsed = parse(POLICY);
    expect(parsed.format).toBe('terraform');
    expect(problems(parsed)).toEqual([
      'notice 32:28 the path of "www.office.com/en-us" is not compared, only its host',
    ]);
    expectWrittenAt(POLICY, parsed);
    expect(parsed.entries.map(summary)).toEqual([
      'host "outlook.office365.com" 22:10 tcp=80,443 udp= (outlook.office365.com) # the mailbox',
      'host "*.outlook.com" 23:10 tcp=80,443 udp= (*.outlook.com) # Exchange Online',
      'reference "Office365.Exchange.Optimize" 25:33 tcp=80,443 udp= (azure-fqdn-tag:Exchange/Optimize/undefined) # Exchange Online',
      'host "www.office.com/en-us" 32:28 tcp=1433 udp= (www.office.com)',
      'ip "13.107.64.0/18" 43:33 tcp= udp=3478-3481 (13.107.64.0/18)',
      'ip "2603:1063::/38" 43:51 tcp= udp=3478-3481 (2603:1063::/38)',
      'reference "Office365.Skype.Optimize" 43:69 tcp= udp=3478-3481 (azure-service-tag:Skype/Optimize/undefined)',
      'ip "*" 49:33 tcp=80,443 udp=80,443 (0.0.0.0/0)',
      'ip "*" 49:33 tcp=80,443 udp=80,443 (::/0)',
      'host "login.microsoftonline.com" 50:33 tcp=80,443 udp=80,443 (login.microsoftonline.com)',
    ]);
  });

  it.each([
    [
      'classic application rule collection',
      `resource "azurerm_firewall_application_rule_collection" "c" {
  action = "Allow"
  rule {
    name         = "r"
    target_fqdns = ["*.sharepoint.com"]
    fqdn_tags    = ["Microsoft365.SharePoint.Default.Required"]
    protocol {
      port = "8443"
      type = "Https"
    }
  }
}`,
      [
        'host "*.sharepoint.com" 5:22 tcp=8443 udp= (*.sharepoint.com)',
        'reference "Microsoft365.SharePoint.Default.Required" 6:22 tcp=8443 udp= (azure-fqdn-tag:SharePoint/Default/true)',
      ],
    ],
    [
      'classic network rule collection',
      `resource "azurerm_firewall_network_rule_collection" "c" {
  action = "Allow"
  rule {
    name                  = "r"
    protocols             = ["TCP", "ICMP"]
    destination_addresses = ["52.96.0.0/14", "40.96.0.1-40.96.0.9"]
    destination_ports     = ["*"]
  }
}`,
      [
        'ip "52.96.0.0/14" 6:31 tcp=any udp= (52.96.0.0/14)',
        'ip "40.96.0.1-40.96.0.9" 6:47 tcp=any udp= (40.96.0.1-40.96.0.9)',
      ],
    ],
    [
      'AWS Network Firewall domain list',
      `resource "aws_networkfirewall_rule_group" "g" {
  capacity = 100
  name     = "m365"
  type     = "STATEFUL"
  rule_group {
    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        target_types         = ["HTTP_HOST", "TLS_SNI"]
        # tenant names
        targets              = [".sharepoint.com", "outlook.office.com"]
      }
    }
  }
}`,
      [
        'host ".sharepoint.com" 11:34 ports? (.sharepoint.com) # tenant names',
        'host "outlook.office.com" 11:53 ports? (outlook.office.com) # tenant names',
      ],
    ],
    [
      'AWS Network Firewall stateful PASS rules and rule variables',
      `resource "aws_networkfirewall_rule_group" "g" {
  capacity = 100
  name     = "m365"
  type     = "STATEFUL"
  rule_group {
    rule_variables {
      ip_sets {
        key = "M365"
        ip_set {
          definition = ["13.107.6.152/31"]
        }
      }
    }
    rules_source {
      stateful_rule {
        action = "PASS"
        header {
          destination      = "52.112.0.0/14"
          destination_port = "3478:3481"
          direction        = "FORWARD"
          protocol         = "UDP"
          source           = "ANY"
          source_port      = "ANY"
        }
        rule_option {
          keyword  = "sid"
          settings = ["1"]
        }
      }
      stateful_rule {
        action = "PASS"
        header {
          destination      = "$M365"
          destination_port = "[80,443]"
          direction        = "FORWARD"
          protocol         = "TLS"
          source           = "ANY"
          source_port      = "ANY"
        }
      }
      stateful_rule {
        action = "DROP"
        header {
          destination      = "10.0.0.0/8"
          destination_port = "ANY"
          direction        = "FORWARD"
          protocol         = "IP"
          source           = "ANY"
          source_port      = "ANY"
        }
      }
    }
  }
}`,
      [
        'ip "13.107.6.152/31" 10:26 tcp=80,443 udp= (13.107.6.152/31)',
        'ip "52.112.0.0/14" 18:31 tcp= udp=3478-3481 (52.112.0.0/14)',
      ],
    ],
    [
      'a Deny collection allows nothing',
      `resource "azurerm_firewall_policy_rule_collection_group" "g" {
  application_rule_collection {
    name   = "block"
    action = "Deny"
    rule {
      destination_fqdns = ["blocked.example.com"]
    }
  }
}`,
      [],
    ],
    [
      'resources other than firewall rules are not read',
      `resource "azurerm_dns_cname_record" "x" {
  record = "autodiscover.outlook.com"
}
variable "fqdns" {
  default = ["not.read.example.com"]
}`,
      [],
    ],
  ])('%s', (_name, text, expected) => {
    const parsed = parse(text);
    expect(parsed.problems.filter((p) => p.severity !== 'notice')).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual(expected);
    expectWrittenAt(text, parsed);
  });
});

describe('terraform: variables, locals and interpolations', () => {
  const text = `variable "extra" {
  type    = list(string)
  default = ["default.example.com"]
}
variable "prefix" {}
locals {
  common = ["common.example.com", "\${var.prefix}.example.com"]
}
resource "azurerm_firewall_policy_rule_collection_group" "g" {
  application_rule_collection {
    action = "Allow"
    rule {
      destination_fqdns = concat(local.common, var.extra, ["\${var.prefix}-2.example.com"], [data.x.y.fqdn])
      destination_fqdn_tags = var.tags
    }
  }
}`;

  it('reads what can be read and reports each value that cannot be resolved at its position', () => {
    const parsed = parse(text);
    expect(problems(parsed)).toEqual([
      'notice 7:38 cannot resolve "var.prefix" (set options.variables.prefix to check its value)',
      'notice 13:63 cannot resolve "var.prefix" (set options.variables.prefix to check its value)',
      'notice 13:93 cannot resolve "data.x.y.fqdn"',
      'notice 14:31 cannot resolve "var.tags" (set options.variables.tags to check its value)',
    ]);
    expect(parsed.entries.map(summary)).toEqual([
      'host "default.example.com" 3:15 ports? (default.example.com)',
      'host "common.example.com" 7:14 ports? (common.example.com)',
    ]);
  });

  it('reports a function it cannot evaluate once, at the call', () => {
    const parsed = parse(
      rule('app', '      destination_fqdns = formatlist("%s.example.com", ["a", "b"])'),
    );
    expect(problems(parsed)).toEqual([
      'notice 4:27 cannot evaluate "formatlist("%s.example.com", ["a", "b"])"',
    ]);
    expect(parsed.entries).toEqual([]);
  });

  it('resolves variables from the settings, defaults and locals, each entry where its text is written', () => {
    const parsed = parse(text.replace(', [data.x.y.fqdn]', ''), {
      variables: { prefix: 'tenant', tags: ['Office365.Common.Allow.Required'] },
    });
    expect(problems(parsed)).toEqual([]);
    expect(parsed.entries.map(summary)).toEqual([
      'host "default.example.com" 3:15 ports? (default.example.com)',
      'host "common.example.com" 7:14 ports? (common.example.com)',
      'host "tenant.example.com" 7:36 ports? (tenant.example.com)',
      'host "tenant-2.example.com" 13:61 ports? (tenant-2.example.com)',
      'reference "Office365.Common.Allow.Required" 14:31 ports? (azure-fqdn-tag:Common/Allow/true)',
    ]);
  });

  it('reports unknown items of a list one by one and reads the others', () => {
    const parsed = parse(`resource "azurerm_firewall_policy_rule_collection_group" "g" {
  application_rule_collection {
    rule {
      destination_fqdns = ["a.example.com", "\${local.nope}.example.com", each.value, var.x]
    }
  }
}`);
    expect(problems(parsed)).toEqual([
      'notice 4:48 cannot resolve "local.nope": no such local value in this file',
      'notice 4:74 cannot resolve "each.value"',
      'notice 4:86 cannot resolve "var.x" (set options.variables.x to check its value)',
    ]);
    expect(parsed.entries.map(summary)).toEqual([
      'host "a.example.com" 4:29 ports? (a.example.com)',
    ]);
  });

  it('gives notices for for_each, count and dynamic blocks', () => {
    const parsed = parse(`resource "azurerm_firewall_policy_rule_collection_group" "g" {
  for_each = var.groups
  count    = 1
  dynamic "application_rule_collection" {
    for_each = var.collections
    content {}
  }
  network_rule_collection {
    action = "Allow"
    dynamic "rule" {
      for_each = var.rules
    }
  }
}`);
    expect(problems(parsed)).toEqual([
      'notice 2:3 "for_each" is not expanded: the resource is read once, as written',
      'notice 3:3 "count" is not expanded: the resource is read once, as written',
      'notice 4:3 dynamic "application_rule_collection" blocks are not expanded; what they allow is not checked',
      'notice 10:5 dynamic "rule" blocks are not expanded; what they allow is not checked',
    ]);
  });
});

/** One rule with `attribute = value` in an application (app) or network (net) rule. */
function rule(kind: 'app' | 'net', lines: string): string {
  const collection = kind === 'app' ? 'application_rule_collection' : 'network_rule_collection';
  return `resource "azurerm_firewall_policy_rule_collection_group" "g" {\n  ${collection} {\n    rule {\n${lines}\n    }\n  }\n}`;
}

describe('terraform: malformed input', () => {
  it.each([
    [
      'an FQDN in an IP field',
      rule('net', '      destination_addresses = ["kms.core.windows.net"]'),
      [
        'error 4:33 "kms.core.windows.net" is a host name in "destination_addresses", which holds IP addresses, CIDRs and service tags; move it to "destination_fqdns"',
      ],
    ],
    [
      'an FQDN with a tab in an IP field',
      rule('net', '      destination_addresses = ["login.microsoftonline.com\t"]'),
      [
        'error 4:33 "login.microsoftonline.com\\t" is a host name in "destination_addresses", which holds IP addresses, CIDRs and service tags; move it to "destination_fqdns" and remove the tab at its end',
      ],
    ],
    [
      'a space in an address',
      rule('net', '      destination_addresses = [" 10.0.0.1"]'),
      ['error 4:33 " 10.0.0.1" has a space at its start, which the firewall does not ignore'],
    ],
    [
      'a tab after a host name',
      rule('app', '      destination_fqdns = ["outlook.office.com\\t"]'),
      [
        'error 4:29 "outlook.office.com\\t" has a tab at its end, which the firewall reads as part of the name',
      ],
    ],
    [
      'an IP address in a host field',
      rule('app', '      destination_fqdns = ["10.0.0.1"]'),
      [
        'error 4:29 "10.0.0.1" is an IP address in "destination_fqdns", which holds host names; put it in the destination_addresses of a network rule',
      ],
    ],
    [
      'a malformed address',
      rule('net', '      destination_addresses = ["10.0.0.256"]'),
      ['error 4:33 octet 256 is out of range (0-255) in "10.0.0.256"'],
    ],
    [
      'a malformed host name',
      rule('app', '      destination_fqdns = ["a..example.com"]'),
      ['error 4:29 "a..example.com" has an empty label'],
    ],
    [
      'a misspelt Microsoft 365 FQDN tag',
      rule('app', '      destination_fqdn_tags = ["Office365.Exchange.Optimization"]'),
      [
        'error 4:33 unknown FQDN tag "Office365.Exchange.Optimization"; did you mean "Office365.Exchange.Optimize"?',
      ],
    ],
    [
      'a host name in a tag field',
      rule('app', '      destination_fqdn_tags = ["*.example.com"]'),
      [
        'error 4:33 "*.example.com" in "destination_fqdn_tags" is not an FQDN tag; host names go in "destination_fqdns"',
      ],
    ],
    [
      'a tag that is not about Microsoft 365',
      rule('net', '      destination_addresses = ["AzureMonitor"]'),
      [
        'notice 4:33 service tag "AzureMonitor" is not a Microsoft 365 tag; what it allows is not compared',
      ],
    ],
    [
      'an unknown application protocol',
      rule('app', '      protocols {\n        type = "Ftp"\n      }'),
      ['error 5:17 unknown application protocol "Ftp" (expected Http, Https or Mssql)'],
    ],
    [
      'a bad application port',
      rule('app', '      protocols {\n        type = "Https"\n        port = 70000\n      }'),
      ['error 6:16 "70000" is not a port number (1-65535)'],
    ],
    [
      'an unknown network protocol',
      rule('net', '      protocols = ["HTTPS"]\n      destination_ports = ["443"]'),
      ['error 4:21 unknown network rule protocol "HTTPS" (expected TCP, UDP, ICMP or Any)'],
    ],
    [
      'a bad destination port',
      rule('net', '      protocols = ["TCP"]\n      destination_ports = ["44a"]'),
      ['error 5:29 "44a" is not a port or port range'],
    ],
    [
      'a string where a list belongs',
      rule('app', '      destination_fqdns = "a.example.com"'),
      ['error 4:27 "destination_fqdns" must be a list of strings'],
    ],
    [
      'an HCL syntax error, after which the file is still read',
      rule('app', '      name = = "x"\n      destination_fqdns = ["a.example.com"]'),
      ['error 4:14 invalid HCL: expected a value, found "="'],
    ],
    [
      'a Deny collection',
      `resource "azurerm_firewall_policy_rule_collection_group" "g" {\n  network_rule_collection {\n    name   = "no"\n    action = "Deny"\n  }\n}`,
      ['notice 4:15 the rule collection "no" denies traffic; its rules are not read as allowed'],
    ],
    [
      'AWS deny lists, Suricata strings and unknown rule variables',
      `resource "aws_networkfirewall_rule_group" "g" {
  rule_group {
    rules_source {
      rules_source_list {
        generated_rules_type = "DENYLIST"
        targets              = ["bad.example.com"]
      }
      rules_string = "pass tls any any -> any 443 (sid:1;)"
      stateful_rule {
        action = "PASS"
        header {
          destination      = "$NOPE"
          destination_port = "!22"
          protocol         = "TCP"
        }
      }
    }
  }
}`,
      [
        'notice 5:33 a "DENYLIST" domain list does not allow traffic; its targets are not read',
        'notice 8:7 Suricata rules in "rules_string" are not read',
        'notice 12:31 rule variable "$NOPE" is not defined in this rule group',
        'notice 13:31 destination port "!22" is not read (expected a port, a range "a:b", a list "[a,b]" or ANY)',
      ],
    ],
  ])('%s', (_name, text, expected) => {
    const parsed = parse(text);
    expect(problems(parsed)).toEqual(expected);
  });

  it('refuses binary files', () => {
    expect(problems(parse('resource "x" {\0}'))).toEqual([
      'error 0:1 "fw.tf" is not a text file (it contains NUL bytes)',
    ]);
  });

  it('refuses settings of the wrong shape', () => {
    expect(problems(parse('', { variables: ['a'] }))).toEqual([
      'error 0:1 options.variables must be a mapping of variable names to values, not ["a"]',
    ]);
  });
});

describe('terraform: detection', () => {
  const firewall = 'resource "azurerm_firewall_policy_rule_collection_group" "g" {\n}\n';
  it.each([
    ['network/fw.tf', firewall, 8],
    ['network/fw.tofu', firewall, 8],
    ['network/main.tf', 'resource "aws_s3_bucket" "b" {}\n', 2],
    ['network/firewall', firewall, 3],
    ['network/fw.txt', firewall, 0],
    ['network/fw.tf.json', '{"resource": {}}', 0],
    ['network/notes.md', firewall, 0],
  ])('%s', (file, text, score) => {
    expect(TERRAFORM.detect({ path: file, text })).toBe(score);
  });
});

describe.skipIf(!existsSync(corpus))('terraform: corpus', () => {
  it('avdaccelerator-fwpolicy.tf: 7 entries; FQDNs in IP fields, one with a trailing tab; no Microsoft 365 tag', () => {
    const file = path.join(corpus, 'avdaccelerator-fwpolicy.tf');
    const parsed = TERRAFORM.parse({ path: 'avd.tf', text: readFileSync(file, 'utf8') });
    expect(parsed.entries.map(summary)).toEqual([
      'ip "169.254.169.254" 83:33 tcp=80 udp= (169.254.169.254/32)',
      'ip "168.63.129.16" 90:33 tcp=80 udp= (168.63.129.16/32)',
      'host "*.events.data.microsoft.com" 122:29 tcp=443 udp= (*.events.data.microsoft.com)',
      'host "*.sfx.ms" 131:29 tcp=443 udp= (*.sfx.ms)',
      'host "*.digicert.com" 149:29 tcp=443 udp= (*.digicert.com)',
      'host "*.azure-dns.com" 158:29 tcp=443 udp= (*.azure-dns.com)',
      'host "*.azure-dns.net" 167:29 tcp=443 udp= (*.azure-dns.net)',
    ]);
    const hostInIpField = (name: string) =>
      `error ${name} is a host name in "destination_addresses", which holds IP addresses, CIDRs and service tags; move it to "destination_fqdns"`;
    expect(problems(parsed)).toEqual([
      'notice 26:33 service tag "WindowsVirtualDesktop" is not a Microsoft 365 tag; what it allows is not compared',
      'notice 33:33 service tag "AzureMonitor" is not a Microsoft 365 tag; what it allows is not compared',
      'notice 40:33 service tag "AzureFrontDoor.Frontend" is not a Microsoft 365 tag; what it allows is not compared',
      hostInIpField('47:33 "kms.core.windows.net"'),
      `${hostInIpField('54:33 "login.microsoftonline.com\\t"')} and remove the tab at its end`,
      hostInIpField('62:33 "azkms.core.windows.net"'),
      hostInIpField('69:33 "mrsglobalsteus2prod.blob.core.windows.net"'),
      hostInIpField('76:33 "wvdportalstorageblob.blob.core.windows.net"'),
      hostInIpField('97:33 "oneocsp.microsoft.com"'),
      hostInIpField('104:33 "www.microsoft.com"'),
      'notice 140:33 FQDN tag "WindowsUpdate" is not a Microsoft 365 tag; what it allows is not compared',
    ]);
    // The only Microsoft 365 identity endpoint is the one in the IP field: nothing covers Exchange,
    // SharePoint or Teams.
    expect(parsed.entries.some((e) => e.kind === 'reference')).toBe(false);
    expect(parsed.entries.some((e) => /office|outlook|sharepoint|lync|teams/i.test(e.text))).toBe(
      false,
    );
  });
});
