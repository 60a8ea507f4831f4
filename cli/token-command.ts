import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '#shared/domain/caller.js';
import { normaliseRegion } from '#shared/regions/regions.js';
import { devTokenKey, signDevToken } from '../local/dev-token.js';
import { CliError, say, type CliLang } from './i18n.js';
import { DATA_DIR } from '../local/environment.js';

/** `skillbridge token`: prints a bearer token the local server accepts. */
export async function runToken(args: string[], lang: CliLang = 'en'): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string' }, sub: { type: 'string' }, region: { type: 'string' }, 'ttl-hours': { type: 'string', default: '12' } },
    strict: true,
  });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new CliError(say(lang, `--role must be one of ${ROLES.join(', ')}`, `--role 必须是 ${ROLES.join('、')} 之一`));
  if (!values.sub || !/^[\w.@:-]{1,128}$/.test(values.sub)) throw new CliError(say(lang, '--sub needs an id of letters, digits and . _ @ : - (at most 128)', '--sub 需要一个由字母、数字及 . _ @ : - 组成的编号（最多 128 个字符）'));
  let region: string | undefined;
  if (values.region !== undefined) {
    region = normaliseRegion(values.region)?.code;
    if (!region) throw new CliError(say(lang, `--region "${values.region}" is not a known region (a GB/T 2260 code, a name, or national)`, `--region "${values.region}" 不是已知地区（行政区划代码、名称或 national）`));
  }
  if (role === 'bureau' && !region) throw new CliError(say(lang, 'a bureau token needs --region (a GB/T 2260 code such as 110119, or national)', 'bureau 令牌需要 --region（如行政区划代码 110119，或 national）'));
  const hours = Number(values['ttl-hours']);
  if (!(hours > 0 && hours <= 24 * 30)) throw new CliError(say(lang, '--ttl-hours must be between 0 and 720', '--ttl-hours 必须在 0 到 720 之间'));
  const token = await signDevToken(devTokenKey(join(DATA_DIR, 'dev-token-key')), { role, sub: values.sub, region, ttlSeconds: Math.round(hours * 3600) });
  process.stdout.write(`${token}\n`);
  return 0;
}
