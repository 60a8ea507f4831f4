import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { scoreMatch, type MatchContext } from '../matching/score.js';
import type { Have, MatchBreakdown } from '../matching/types.js';
import { missingCredentials } from './credentials.js';
import { wishNeeds, type WantedSkill } from './intent.js';

/** How many targets a wish counts as in the gap's mean. */
export const WISH_TARGETS = 2;

/** A target of the learner's own: what they wish to learn, or the credentials of their trade they lack. */
export interface OwnTarget {
  readonly key: 'intent' | 'credential';
  readonly breakdown: MatchBreakdown;
}

/**
 * The learner's own aims beside the jobs aimed at, as gap targets: what they say they want to learn
 * (weighing as much as WISH_TARGETS jobs in the gap's mean: it is the strongest sign of what will
 * help them) and the credentials of their own trade they lack (one weak target: a welder without
 * 焊工证). Each only while it leaves something to learn. The online list and a bureau campaign both
 * aim with these, so a learner's courses are aimed alike in both.
 */
export function ownTargets(wished: readonly WantedSkill[], haves: readonly Have[], context: MatchContext, taxonomy: Taxonomy): OwnTarget[] {
  const open = (breakdown: MatchBreakdown) => breakdown.missing.length + breakdown.partial.length > 0;
  const targets: OwnTarget[] = [];
  if (wished.length > 0) {
    const intent = scoreMatch(wishNeeds(wished), haves, context, taxonomy);
    if (open(intent)) for (let i = 0; i < WISH_TARGETS; i++) targets.push({ key: 'intent', breakdown: intent });
  }
  const lacking = missingCredentials(haves, taxonomy).filter((c) => !wished.some((w) => w.skillId === c.skillId));
  if (lacking.length > 0) {
    const credentials = scoreMatch(wishNeeds(lacking), haves, context, taxonomy);
    if (open(credentials)) targets.push({ key: 'credential', breakdown: credentials });
  }
  return targets;
}
