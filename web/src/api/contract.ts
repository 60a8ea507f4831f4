import type { Engagement, InboxPage, Job, MyProfile } from './action.js';
import type { CampaignStatus } from './campaigns.js';
import type { ShortageRanking } from './insights.js';
import type { Placements } from './placements.js';
import type { Demand, Learner, Page } from './records.js';
import type { Extraction, SkillSuggestion } from './skills.js';
import type { components } from './paths.generated.js';

/**
 * The shapes the pages read, checked against the answers the API declares (paths.generated.ts is
 * written from the OpenAPI document by `npm run gen:api-docs`): when an answer changes in a way
 * the pages would misread, `npm run typecheck:web` fails here.
 */
type Schemas = components['schemas'];
type Fits<A, B> = [A] extends [B] ? true : false;
type Assert<T extends true> = T;

export type AnswersFitPages = Assert<
  | Fits<Schemas['Demand'], Demand>
  | Fits<Schemas['Learner'], Learner>
  | Fits<Schemas['DemandPage'], Page<Demand>>
  | Fits<Schemas['LearnerPage'], Page<Learner>>
  | Fits<Schemas['Campaign'], CampaignStatus>
  | Fits<Schemas['ShortageRanking'], ShortageRanking>
  | Fits<Schemas['Placements'], Placements>
  | Fits<Schemas['Extraction'], Extraction>
  | Fits<Schemas['SkillSuggestion'], SkillSuggestion>
  | Fits<Schemas['Learner'], MyProfile>
  | Fits<Schemas['Job'], Job>
  | Fits<Schemas['Application'], Engagement>
  | Fits<Schemas['Invitation'], Engagement>
  | Fits<Schemas['InboxPage'], InboxPage>
>;
