import { createHash } from 'node:crypto';
import type { CampaignInput } from '../../schemas/campaign.js';
import { stableStringify } from '../records.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { CampaignRequest, SnapshotDemand } from './types.js';

/** The work a campaign input asks for: everything but its name. */
export function requestOf(input: CampaignInput): CampaignRequest {
  const { name: _name, ...request } = input;
  return request;
}

/**
 * A hash of the work asked for, independent of the order of lists and of the free text that named
 * a skill: two requests with equal hashes compute the same results (against the same data).
 */
export function requestHash(request: CampaignRequest): string {
  const canonical = {
    region: request.region,
    groups: [...(request.groups ?? [])].sort(),
    occupations: [...(request.occupations ?? [])].sort(),
    skills: (request.skills ?? [])
      .map((s) => `${s.skillId ?? `?${s.text}`}@${s.level ?? ''}`)
      .sort(),
    limitPerLearner: request.limitPerLearner,
    threshold: request.threshold,
    assign: request.assign,
  };
  return createHash('sha256').update(stableStringify(canonical)).digest('base64url').slice(0, 22);
}

/**
 * The skills whose demands a campaign targets: the essential skills of its occupations and the
 * skills it names. `undefined` when it names neither (every open demand of the region counts).
 */
export function targetSkills(request: CampaignRequest, taxonomy: Pick<Taxonomy, 'occupations'>): ReadonlySet<string> | undefined {
  if ((request.occupations?.length ?? 0) === 0 && (request.skills?.length ?? 0) === 0) return undefined;
  const skills = new Set<string>();
  for (const id of request.occupations ?? []) for (const r of taxonomy.occupations.get(id)?.essential ?? []) skills.add(r.skill);
  for (const s of request.skills ?? []) if (s.skillId) skills.add(s.skillId);
  return skills;
}

/** Whether a demand needs (required or preferred) any of the target skills. */
export const demandTargeted = (demand: Pick<SnapshotDemand, 'needs'>, targets: ReadonlySet<string> | undefined): boolean =>
  targets === undefined || demand.needs.some((n) => targets.has(n.skillId));
