import { createHash } from 'node:crypto';
import type { Kind } from '../../domain/records.js';

/**
 * Every key of the single table is built here and nowhere else. Entity prefixes are upper case;
 * region codes are GB/T 2260 (`national` is written as 000000 so it sorts and prefixes like a code).
 */

const KIND = { demand: 'DEMAND', learner: 'LEARNER', course: 'COURSE' } as const satisfies Record<Kind, string>;

/** Region code as used inside keys. */
export const regionKey = (code: string): string => (code === 'national' ? '000000' : code);

/** Key prefix that selects a region and everything inside it (110000 → 11, 110100 → 1101). */
export function regionPrefix(code: string): string {
  if (code === 'national') return '';
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** GB/T 2260 province prefixes, plus 00 for records whose region is `national`: the region-list partitions. */
export const PROVINCES = ['00', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'] as const;

/** The region-list partitions are per province: `national` reads them in turn. */
export const provinceOf = (code: string): string => regionKey(code).slice(0, 2);

/** The digest that stands for an erased learner wherever a record must outlive them (tombstone, audit). */
export const learnerDigest = (learnerId: string): string => createHash('sha256').update(`LEARNER\u0000${learnerId}`).digest('base64url');

export const keys = {
  /** A demand, learner or course. */
  record: (kind: Kind, id: string) => ({ pk: `${KIND[kind]}#${id}`, sk: KIND[kind] }),
  /** GSI1: records by owner, ordered by ref. */
  byOwner: (kind: Kind, owner: string, ref: string) => ({ gsi1pk: `OWNER#${owner}#${KIND[kind]}`, gsi1sk: `REF#${ref}` }),
  byOwnerPartition: (kind: Kind, owner: string) => `OWNER#${owner}#${KIND[kind]}`,
  /** GSI2: records by region, one partition per province, sorted by full region code. */
  byRegion: (kind: Kind, region: string, id: string) => ({ gsi2pk: `${KIND[kind]}#PROV#${provinceOf(region)}`, gsi2sk: `${regionKey(region)}#${id}` }),
  byRegionPartition: (kind: Kind, province: string) => `${KIND[kind]}#PROV#${province}`,
  /** Inverted index: skill → records holding, needing or teaching it, sorted by region. */
  skillIndex: (kind: Kind, skillId: string, region: string, id: string) => ({ pk: `IDX#${KIND[kind]}#${skillId}`, sk: `${regionKey(region)}#${id}` }),
  skillIndexPartition: (kind: Kind, skillId: string) => `IDX#${KIND[kind]}#${skillId}`,
  /** The region and record id a skill-index sort key stands for (the inverse of `skillIndex`'s `sk`), or undefined for another shape. */
  skillIndexEntryOf: (sk: string): { region: string; recordId: string } | undefined => {
    const at = sk.indexOf('#');
    if (at <= 0 || at === sk.length - 1) return undefined;
    const region = sk.slice(0, at);
    return { region: region === regionKey('national') ? 'national' : region, recordId: sk.slice(at + 1) };
  },
  /** Where a skill-index partition has entries: the provinces any entry was ever written in (only grows). */
  skillIndexPresence: (kind: Kind, skillId: string) => ({ pk: `IDXP#${KIND[kind]}#${skillId}`, sk: 'PRESENCE' }),
  /** Written once the presence items cover every index entry (an empty table, or after a backfill): until then they are not trusted. */
  skillIndexPresenceComplete: () => ({ pk: 'IDXP#', sk: 'COMPLETE' }),
  /** The course catalogue's version: a counter every course write raises, so cached catalogues know when to reload. */
  courseCatalogue: () => ({ pk: 'CATALOGUE#COURSE', sk: 'VERSION' }),
  /** Shortage counters of one region and skill (rolled up: a district's records count for its city, province and nation too). */
  shortage: (region: string, skillId: string) => ({ pk: `SHORTAGE#${regionKey(region)}`, sk: `SKILL#${skillId}` }),
  shortagePartition: (region: string) => `SHORTAGE#${regionKey(region)}`,
  /** Marker of one applied chunk of a stream record's shortage delta: makes redelivery a no-op. */
  shortageEvent: (eventId: string, chunk: number) => ({ pk: `SHORTAGE_EVENT#${eventId}`, sk: `CHUNK#${chunk}` }),
  /** A bureau campaign's status item; its progress shards, page markers, snapshot chunks and results share the partition. */
  campaign: (id: string) => ({ pk: `CAMPAIGN#${id}`, sk: 'CAMPAIGN' }),
  campaignPartition: (id: string) => `CAMPAIGN#${id}`,
  /** GSI1: an operator's campaigns, newest last. */
  campaignByOwner: (owner: string, createdAt: string, id: string) => ({ gsi1pk: `OWNER#${owner}#CAMPAIGN`, gsi1sk: `${createdAt}#${id}` }),
  campaignByOwnerPartition: (owner: string) => `OWNER#${owner}#CAMPAIGN`,
  /**
   * A campaign's entry in the campaign list of its region and of every region containing it
   * (district, city, province, national), so one Query reads a bureau's campaigns newest first.
   */
  campaignInRegion: (region: string, createdAt: string, id: string) => ({ pk: `CAMPAIGNS#${regionKey(region)}`, sk: `${createdAt}#${id}` }),
  campaignInRegionPartition: (region: string) => `CAMPAIGNS#${regionKey(region)}`,
  /** One of a campaign's progress counters (sharded so parallel workers do not contend for one item). */
  campaignProgress: (id: string, shard: number) => ({ pk: `CAMPAIGN#${id}`, sk: `PROGRESS#${String(shard).padStart(2, '0')}` }),
  campaignProgressPrefix: 'PROGRESS#',
  /** Marker of a learner page whose results are all written: makes a page's completion count once. */
  campaignPage: (id: string, page: number) => ({ pk: `CAMPAIGN#${id}`, sk: `PAGE#${String(page).padStart(7, '0')}` }),
  /** One chunk of the demands and courses a campaign runs against, frozen when it starts. */
  campaignSnapshot: (id: string, snapshotId: string, chunk: number) => ({ pk: `CAMPAIGN#${id}`, sk: `SNAPSHOT#${snapshotId}#${String(chunk).padStart(4, '0')}` }),
  campaignSnapshotPrefix: (snapshotId: string) => `SNAPSHOT#${snapshotId}#`,
  /** A campaign's result for one learner; GSI1 finds a learner's results when the learner is deleted. */
  campaignResult: (id: string, learnerId: string) => ({ pk: `CAMPAIGN#${id}`, sk: `RESULT#${learnerId}` }),
  campaignResultPrefix: 'RESULT#',
  campaignResultByLearner: (learnerId: string, campaignId: string) => ({ gsi1pk: `LEARNER#${learnerId}#RESULT`, gsi1sk: `CAMPAIGN#${campaignId}` }),
  campaignResultByLearnerPartition: (learnerId: string) => `LEARNER#${learnerId}#RESULT`,
  /** A learner's place on a campaign's roster: small, beside the result, found through GSI1 like it. */
  /**
   * Marks a deleted learner (written in the deletion's transaction) so that no campaign writes or
   * serves a result for them afterwards. Keyed by a digest of the id, so the table never names an
   * erased person, and yet a result writer that knows the id can check it.
   */
  learnerTombstone: (learnerId: string) => ({ pk: `TOMBSTONE#${learnerDigest(learnerId)}`, sk: 'TOMBSTONE' }),
  /**
   * A learner's deletion whose clean-up (engagements, audit, inbox, links, campaign results) has
   * not finished: written in the deletion's transaction, deleted by the clean-up's last step. One
   * small partition holds them all, so the sweep reads them with one Query (docs/action-loop.md, Retention).
   */
  erasureJob: (learnerId: string) => ({ pk: 'ERASURES', sk: `LEARNER#${learnerId}` }),
  erasureJobsPartition: 'ERASURES',
  campaignRosterPrefix: 'ROSTER#',
  campaignRoster: (id: string, learnerId: string) => ({ pk: `CAMPAIGN#${id}`, sk: `ROSTER#${learnerId}`, gsi1pk: `LEARNER#${learnerId}#RESULT`, gsi1sk: `CAMPAIGN#${id}#ROSTER` }),

  // The action loop (docs/action-loop.md, docs/jobs.md).
  /** Job search: an open demand under one search term, in the term's province partition, sorted by region. */
  jobTerm: (term: string, region: string, id: string) => ({ pk: `JOBTERM#${provinceOf(region)}#${term}`, sk: `${regionKey(region)}#${id}` }),
  jobTermPartition: (province: string, term: string) => `JOBTERM#${province}#${term}`,
  /** Job browsing: an open demand in the list of one region containing it (district, city, province, national), newest last. */
  jobBrowse: (scope: string, createdAt: string, id: string) => ({ pk: `JOBS#${regionKey(scope)}`, sk: `${createdAt}#${id}` }),
  jobBrowsePartition: (scope: string) => `JOBS#${regionKey(scope)}`,
  /** Which learner profile a job seeker's account owns (`/me/profile`): at most one. */
  profileOf: (sub: string) => ({ pk: `SUBJECT#${sub}`, sk: 'PROFILE' }),
  /** Whose account a learner profile belongs to (its inbox receives the profile's events). */
  subjectOf: (learnerId: string) => ({ pk: `LEARNER#${learnerId}`, sk: 'SUBJECT' }),
  /** A one-time claim code for a bureau-created profile, by the code's hash. */
  claimCode: (codeHash: string) => ({ pk: `CLAIM#${codeHash}`, sk: 'CLAIM' }),
  /** An application or invitation. */
  engagement: (id: string) => ({ pk: `ENGAGEMENT#${id}`, sk: 'ENGAGEMENT' }),
  /** List entries of an application or invitation: the learner's, the employer's and the region's (by province). */
  engagementForLearner: (kind: string, learnerId: string, createdAt: string, id: string) => ({ pk: `${kind.toUpperCase()}S#LEARNER#${learnerId}`, sk: `${createdAt}#${id}` }),
  engagementForLearnerPartition: (kind: string, learnerId: string) => `${kind.toUpperCase()}S#LEARNER#${learnerId}`,
  engagementForEmployer: (kind: string, sub: string, createdAt: string, id: string) => ({ pk: `${kind.toUpperCase()}S#OWNER#${sub}`, sk: `${createdAt}#${id}` }),
  engagementForEmployerPartition: (kind: string, sub: string) => `${kind.toUpperCase()}S#OWNER#${sub}`,
  /** A demand's applications (invitations), newest last: the 候选人 page's list of one demand. */
  engagementForDemand: (kind: string, demandId: string, createdAt: string, id: string) => ({ pk: `${kind.toUpperCase()}S#DEMAND#${demandId}`, sk: `${createdAt}#${id}` }),
  engagementForDemandPartition: (kind: string, demandId: string) => `${kind.toUpperCase()}S#DEMAND#${demandId}`,
  engagementInRegion: (kind: string, region: string, id: string) => ({ pk: `${kind.toUpperCase()}S#PROV#${provinceOf(region)}`, sk: `${regionKey(region)}#${id}` }),
  engagementInRegionPartition: (kind: string, province: string) => `${kind.toUpperCase()}S#PROV#${province}`,
  /** An employer's invitations sent on one day (Asia/Shanghai): the rate limit's counter. */
  inviteQuota: (sub: string, day: string) => ({ pk: `QUOTA#INVITE#${sub}`, sk: `DAY#${day}` }),
  /** One inbox event of a user, newest last by id; the unread counter shares the partition. */
  inboxEvent: (sub: string, eventId: string) => ({ pk: `INBOX#${sub}`, sk: `EVENT#${eventId}` }),
  inboxPartition: (sub: string) => `INBOX#${sub}`,
  inboxEventPrefix: 'EVENT#',
  inboxUnread: (sub: string) => ({ pk: `INBOX#${sub}`, sk: 'UNREAD' }),
  /** Audit trail: a learner's contact details shown to an employer. */
  contactReveal: (learnerId: string, at: string, engagementId: string) => ({ pk: `AUDIT#LEARNER#${learnerId}`, sk: `REVEAL#${at}#${engagementId}` }),
  /** A learner's contact-reveal audit partition (read when the learner is erased, to anonymise it). */
  contactRevealPartition: (learnerId: string) => `AUDIT#LEARNER#${learnerId}`,
  /**
   * A contact reveal of an erased learner: the same record without the learner's id, filed under
   * the digest the learner's tombstone uses (docs/action-loop.md, Retention).
   */
  erasedContactReveal: (learnerDigest: string, at: string, engagementId: string) => ({ pk: `AUDIT#ERASED#${learnerDigest}`, sk: `REVEAL#${at}#${engagementId}` }),

  // The placements funnel (docs/placements.md).
  /** A region's funnel counters of one China day (rolled up: a district's steps count for its city, province and nation too). */
  funnelDay: (region: string, day: string) => ({ pk: `FUNNEL#${regionKey(region)}`, sk: `DAY#${day}` }),
  funnelPartition: (region: string) => `FUNNEL#${regionKey(region)}`,
  funnelDaySortKey: (day: string) => `DAY#${day}`,
  /** A campaign's funnel counters: how many of its matched learners went on to each stage. */
  campaignFunnel: (id: string) => ({ pk: `CAMPAIGN#${id}`, sk: 'FUNNEL' }),
  /** Marker of one chunk of a campaign's matched learners added to the region funnels: makes a repeated finalisation count nothing. */
  campaignFunnelCounted: (id: string, chunk: number) => ({ pk: `CAMPAIGN#${id}`, sk: `FUNNEL_COUNTED#${String(chunk).padStart(4, '0')}` }),
} as const;
