import {
  AZURE_SETTINGS,
  PACKET_FILTER_CAPABILITIES,
  RULE_CAPABILITIES,
  settingsSchema,
  TERRAFORM_SETTINGS,
  terraformDetector,
  type AllowlistFormat,
  type Described,
  type SourceFile,
} from '../format.js';

/*
 * The allowlist formats whose parsers are loaded on demand (they are large, or bring a parser
 * such as acorn's), as the registry knows them before that: what detection, the configuration
 * check and `endpoint-drift formats` need. Each format's module adds its parser.
 */

const SAMPLE_CHARS = 64 * 1024;

function detectPac(file: SourceFile): number {
  const path = file.path.toLowerCase();
  const head = file.text.slice(0, SAMPLE_CHARS);
  const hasEntry =
    /\bFindProxyForURL(?:Ex)?\s*[(=]/.test(head) || /function\s+FindProxyForURL/.test(head);
  if (path.endsWith('.pac') || /(?:^|\/)wpad\.dat$/.test(path)) return hasEntry ? 10 : 5;
  if (hasEntry && /\.(?:js|dat|txt)$/.test(path)) return 8;
  return 0;
}

/** PAC / WPAD files: see pac.ts. */
export const PAC_DESCRIPTION: Described<AllowlistFormat> = {
  id: 'pac',
  settings: settingsSchema({ allow: { enum: ['direct', 'proxy'] } }),
  title: 'PAC / WPAD file',
  filePatterns: ['*.pac', 'wpad.dat'],
  capabilities: {
    hosts: true,
    ips: true,
    // isInNet is IPv4 only; isInNetEx is read, but it is a browser extension, not the PAC standard.
    ipv6: false,
    ports: false,
    protocols: false,
    comments: true,
  },
  detect: detectPac,
};

const NFTABLES_CONTENT =
  /^\s*(?:table\s+(?:(?:ip6?|inet|arp|bridge|netdev)\s+)?[\w.-]+\s*\{|#!\s*\/\S*\bnft\b|(?:add|flush)\s+(?:table|rule|element|ruleset)\b)/m;

function detectNftables(file: SourceFile): number {
  const path = file.path.toLowerCase();
  const head = file.text.slice(0, SAMPLE_CHARS);
  const looks = NFTABLES_CONTENT.test(head);
  if (path.endsWith('.nft') || path.endsWith('.nftables')) return looks ? 10 : 5;
  if (looks && /(?:^|\/)[^/]*nft[^/]*$|\.conf$|\.rules$/.test(path)) return 8;
  return 0;
}

/** nftables rulesets: see nftables.ts. */
export const NFTABLES_DESCRIPTION: Described<AllowlistFormat> = {
  id: 'nftables',
  title: 'nftables ruleset',
  filePatterns: ['*.nft', '*.nftables', 'nftables.conf'],
  capabilities: PACKET_FILTER_CAPABILITIES,
  detect: detectNftables,
};

const FIREWALL_RESOURCE =
  /^[ \t]*resource[ \t]+"(?:azurerm_firewall_policy_rule_collection_group|azurerm_firewall_application_rule_collection|azurerm_firewall_network_rule_collection|aws_networkfirewall_rule_group)"/m;

/** Terraform firewall rules: see terraform.ts. */
export const TERRAFORM_DESCRIPTION: Described<AllowlistFormat> = {
  id: 'terraform',
  title: 'Terraform firewall rules',
  filePatterns: ['*.tf', '*.tofu'],
  settings: settingsSchema(TERRAFORM_SETTINGS),
  capabilities: RULE_CAPABILITIES,
  detect: terraformDetector(FIREWALL_RESOURCE),
};

const BICEP_RESOURCE_LINE = /^resource\s+\w+\s+'[A-Za-z]+\.[A-Za-z]+\/[^'\n]*@[^'\n]*'/m;
const NOT_BICEP = /\.(?:json|jsonc|ya?ml|tf|hcl|bicepparam|js|ts)$/;

function detectBicep(file: SourceFile): number {
  const path = file.path.toLowerCase();
  if (path.endsWith('.bicep')) return 10;
  if (NOT_BICEP.test(path)) return 0;
  return BICEP_RESOURCE_LINE.test(file.text.slice(0, SAMPLE_CHARS)) ? 3 : 0;
}

/** Bicep: see bicep.ts. */
export const BICEP_DESCRIPTION: Described<AllowlistFormat> = {
  id: 'bicep',
  title: 'Bicep',
  filePatterns: ['*.bicep'],
  settings: settingsSchema(AZURE_SETTINGS),
  capabilities: RULE_CAPABILITIES,
  detect: detectBicep,
};

const ARM_TEMPLATE_SCHEMA =
  /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/i;
const ARM_RESOURCE_TYPE = /"type"\s*:\s*"Microsoft\.[A-Za-z]+\/[^"]+"/i;

function detectArm(file: SourceFile): number {
  const path = file.path.toLowerCase();
  if (!path.endsWith('.json') && !path.endsWith('.jsonc')) return 0;
  const head = file.text.slice(0, SAMPLE_CHARS);
  if (ARM_TEMPLATE_SCHEMA.test(head)) return 10;
  return /"resources"\s*:/.test(head) &&
    /"apiVersion"\s*:/.test(head) &&
    ARM_RESOURCE_TYPE.test(head)
    ? 6
    : 0;
}

/** ARM templates: see arm.ts. */
export const ARM_DESCRIPTION: Described<AllowlistFormat> = {
  id: 'arm',
  title: 'ARM template (JSON)',
  filePatterns: ['*.json', '*.jsonc'],
  settings: settingsSchema(AZURE_SETTINGS),
  capabilities: RULE_CAPABILITIES,
  detect: detectArm,
};
