/** A learner's target groups, as the schemas validate them (a leaf: it loads no taxonomy). */
import * as z from 'zod';
import { LEARNER_GROUPS } from '../domain/vocabulary.js';

export const LearnerGroupSchema = z.enum(LEARNER_GROUPS).meta({
  description:
    'graduate 高校毕业生, migrant_worker 农民工, laid_off 失业人员, veteran 退役军人, disabled 残疾人, employed_upskilling 在职提升, poverty_alleviated 脱贫人口, employment_difficulty 就业困难人员, rural_transfer 农村转移劳动力, older_unemployed 大龄失业人员, other.',
});
export type LearnerGroup = z.infer<typeof LearnerGroupSchema>;
