import { PortSet } from '../../model/ports.js';

const SERVICES: Record<string, number> = {
  ftp: 21,
  ssh: 22,
  smtp: 25,
  domain: 53,
  http: 80,
  pop3: 110,
  ntp: 123,
  imap: 143,
  imap2: 143,
  ldap: 389,
  https: 443,
  submissions: 465,
  smtps: 465,
  submission: 587,
  ldaps: 636,
  imaps: 993,
  pop3s: 995,
  'ms-sql-s': 1433,
  'ms-wbt-server': 3389,
  sip: 5060,
  'sip-tls': 5061,
};

/** A port, a range `a-b` or a service name from /etc/services. */
export function parseServicePort(text: string): PortSet | string {
  const service = SERVICES[text.toLowerCase()];
  if (service !== undefined) return PortSet.fromNumbers([service]);
  const parsed = PortSet.parse(text);
  if (parsed.ok && !/[,; \t\n\v\f\r]/.test(text)) return parsed.value;
  return parsed.ok ? `"${text}" is not a port or port range` : parsed.error;
}
