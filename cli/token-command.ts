import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '#shared/domain/caller.js';
import { normaliseRegion } from '#shared/regions/regions.js';
import { devTokenKey, signDevToken } from '../local/dev-token.js';
import { DATA_DIR } from '../local/environment.js';

/** `skillbridge token`: prints a bearer token the local server accepts. */
export async function runToken(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string' }, sub: { type: 'string' }, region: { type: 'string' }, 'ttl-hours': { type: 'string', default: '12' } },
    strict: true,
  });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (!values.sub || !/^[\w.@:-]{1,128}$/.test(values.sub)) throw new Error('--sub needs an id of letters, digits and . _ @ : - (at most 128)');
  let region: string | undefined;
  if (values.region !== undefined) {
    region = normaliseRegion(values.region)?.code;
    if (!region) throw new Error(`--region "${values.region}" is not a known region (a GB/T 2260 code, a name, or national)`);
  }
  if (role === 'bureau' && !region) throw new Error('A bureau token needs --region (a GB/T 2260 code such as 110119, or national)');
  const hours = Number(values['ttl-hours']);
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error('--ttl-hours must be between 0 and 720');
  const token = await signDevToken(devTokenKey(join(DATA_DIR, 'dev-token-key')), { role, sub: values.sub, region, ttlSeconds: Math.round(hours * 3600) });
  process.stdout.write(`${token}\n`);
  return 0;
}
