/**
 * Skill lists as people write them, normalised to taxonomy skills on the way in. Kept apart from
 * common.ts because it loads the taxonomy and the extractor: schemas that take no skill list (the
 * subsidy rules, views) stay free of them.
 */
import * as z from 'zod';
import { normaliseSkillInputs, SKILL_TEXT_MAX, type StoredSkill } from '../taxonomy/normalise.js';
import { lazy } from './lazy.js';

// Built on the first skill list: most functions bundle this module without validating one.
const skillInputSchema = lazy(() =>
  z.union([
    z.string().trim().min(1).max(SKILL_TEXT_MAX),
    z.strictObject({ skill: z.string().trim().min(1).max(SKILL_TEXT_MAX), level: z.union([z.int(), z.string().max(20)]).optional() }),
  ]),
);

/** Most taxonomy skills one list may resolve to: keeps each record's index items in one transaction. */
export const MAX_SKILLS_PER_LIST = 40;

/**
 * A list of skills as free text or taxonomy ids, optionally with levels; normalised to
 * `StoredSkill`s that keep the submitted text beside the skill id.
 */
export const skillList = (min: number, max: number, options: { readonly splitWants?: boolean } = {}) =>
  z
    .array(skillInputSchema())
    .min(min, min === 1 ? 'Give at least one skill.' : `Give at least ${min} skills.`)
    .max(max, `At most ${max} skills.`)
    .transform((inputs, ctx): StoredSkill[] => {
      const { skills, errors } = normaliseSkillInputs(inputs, undefined, options);
      for (const e of errors) ctx.issues.push({ code: 'custom', input: inputs[e.index], path: [e.index, 'level'], message: e.message });
      const distinct = new Set(skills.flatMap((s) => (s.skillId && s.intent === undefined ? [s.skillId] : [])));
      if (distinct.size > MAX_SKILLS_PER_LIST) {
        ctx.issues.push({ code: 'custom', input: inputs, message: `These entries name ${distinct.size} distinct skills; at most ${MAX_SKILLS_PER_LIST}.` });
      }
      return skills;
    })
    .meta({
      description: 'Skills as free text (Chinese, English or mixed), taxonomy ids, or { skill, level } objects.',
      example: ['熟练使用Python做数据分析', { skill: 'uav-multirotor-piloting', level: 3 }],
    });

