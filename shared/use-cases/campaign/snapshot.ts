import { targetSkills, demandTargeted } from '../../domain/campaign/request.js';
import type { Campaign, CampaignSnapshot, SnapshotCourse, SnapshotDemand } from '../../domain/campaign/types.js';
import { matchingSkills } from '../../domain/matching/evidence.js';
import { isLexical } from '../../domain/matching/lexical.js';
import { needsOf } from '../../domain/matching/score.js';
import { round } from '../../domain/numbers.js';
import { courseSkills } from '../../domain/recommend/taught.js';
import { courseText } from '../../domain/recommend/wording.js';
import { isActive, type Course, type Demand } from '../../domain/records.js';
import type { Clock } from '../../ports/clock.js';
import type { Page, PageRequest, RecordStore } from '../../ports/record-store.js';
import type { ShortageReader } from '../../ports/shortage.js';
import { regionChain, regionContains, regionDistance } from '../../regions/regions.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';

/**
 * The market a campaign runs against, read once when it starts: the region's open, unexpired
 * demands with the needs matching scores (taxonomy skills and lexical needs; only those needing a
 * target skill when the campaign names occupations or skills), every course the region's learners
 * can reach (online, or held in or around the region), and the shortage index of the region's
 * labour market.
 */

export interface SnapshotDeps {
  readonly store: Pick<RecordStore, 'listByRegion'>;
  readonly shortage: ShortageReader;
  readonly taxonomy: Taxonomy;
  readonly clock: Clock;
}

/** Every item of a paged list. */
export async function* everyItem<T>(list: (page: PageRequest) => Promise<Page<T>>, pageSize = 500, max = Number.POSITIVE_INFINITY): AsyncIterable<T> {
  let nextToken: string | undefined;
  let seen = 0;
  do {
    const page = await list({ limit: pageSize, nextToken });
    for (const item of page.items) {
      if (seen++ >= max) return;
      yield item;
    }
    nextToken = page.nextToken;
  } while (nextToken);
}

/** The labour market whose shortage weighs the gap: the city of a district (as recommendations use). */
export function labourMarket(region: string): string {
  const chain = regionChain(region);
  return chain.length >= 4 ? chain[1]! : (chain[0] ?? region);
}

/** Whether learners of the region can take the course: online, or held in, around or near (same city) the region. */
export const courseReachable = (course: Pick<Course, 'mode' | 'region'>, region: string): boolean =>
  course.mode === 'online' || regionContains(course.region, region) || regionContains(region, course.region) || regionDistance(course.region, region) <= 1;

/**
 * A demand as a campaign scores it: the needs the online matcher scores (`matchingSkills`, what the
 * skill index holds), so lexical needs (phrases the taxonomy does not name) and the words of the
 * phrases that named a skill count in a campaign as they do in `GET /learners/{id}/matches`.
 */
export function snapshotDemand(d: Demand): SnapshotDemand {
  return { id: d.id, ref: d.ref, title: d.title, employer: d.employer, region: d.region, headcount: d.headcount, needs: needsOf(matchingSkills(d), d.minLevel) };
}

/** A course as a campaign ranks it: what the learner's own list reads of it (skills raised, words, entry requirement). */
function snapshotCourse(c: Course, taxonomy: Taxonomy): SnapshotCourse {
  const { taught, prerequisite } = courseSkills(c, taxonomy);
  return {
    id: c.id,
    ref: c.ref,
    title: c.title,
    provider: c.provider,
    region: c.region,
    mode: c.mode,
    level: c.level,
    hours: c.hours,
    ...(c.seats !== undefined ? { seats: c.seats } : {}),
    ...(c.priceYuan !== undefined ? { priceYuan: c.priceYuan } : {}),
    ...(c.subsidyYuan !== undefined ? { subsidyYuan: c.subsidyYuan } : {}),
    ...(c.subsidyConditions !== undefined ? { subsidyConditions: c.subsidyConditions } : {}),
    ...(c.subsidyTerms !== undefined ? { subsidyTerms: c.subsidyTerms } : {}),
    ...(c.certificate !== undefined ? { certificate: c.certificate } : {}),
    taught: [...taught],
    text: courseText(c),
    ...(prerequisite ? { prerequisite: prerequisite.skillIds } : {}),
  };
}

/** Reads the snapshot of a campaign (see the module comment). */
export function makeTakeSnapshot(deps: SnapshotDeps) {
  return async (campaign: Pick<Campaign, 'region' | 'request'>): Promise<CampaignSnapshot> => {
    const { region } = campaign;
    const now = deps.clock.now();
    const targets = targetSkills(campaign.request, deps.taxonomy);
    const demands: SnapshotDemand[] = [];
    for await (const record of everyItem((page) => deps.store.listByRegion('demand', region, page))) {
      if (record.kind !== 'demand' || !isActive(record, now)) continue;
      const demand = snapshotDemand(record);
      if (demand.needs.length > 0 && demandTargeted(demand, targets)) demands.push(demand);
    }

    // Every course the region's learners can reach, not only those toward the demands: a learner's
    // gap holds their own wishes and their trade's missing certificates too (aims.ts).
    const courses: SnapshotCourse[] = [];
    for await (const record of everyItem((page) => deps.store.listByRegion('course', 'national', page))) {
      if (record.kind === 'course' && courseReachable(record, region)) courses.push(snapshotCourse(record, deps.taxonomy));
    }

    // Shortage is read per taxonomy skill (words alone are not a gap, as recommendations weigh it):
    // what the demands need and what the courses raise.
    const needed = demands.flatMap((d) => d.needs.map((n) => n.skillId)).filter((id) => !isLexical(id));
    const skills = [...new Set([...needed, ...courses.flatMap((c) => c.taught.map(([id]) => id))])].sort();
    const market = labourMarket(region);
    const found = skills.length > 0 ? await deps.shortage.forRegion(market, skills) : new Map();
    const shortage: Record<string, number> = {};
    for (const [skillId, entry] of found) shortage[skillId] = round(entry.index);

    return {
      takenAt: now.toISOString(),
      demands: demands.sort((a, b) => (a.id < b.id ? -1 : 1)),
      courses: courses.sort((a, b) => (a.id < b.id ? -1 : 1)),
      market,
      shortage,
    };
  };
}
