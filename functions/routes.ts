import { route as getHealth } from './routes/get-health.js';
import { route as getOpenapi } from './routes/get-openapi.js';
import { route as createDemand } from './routes/create-demand.js';
import { route as batchCreateDemands } from './routes/batch-create-demands.js';
import { route as listDemands } from './routes/list-demands.js';
import { route as getDemand } from './routes/get-demand.js';
import { route as updateDemand } from './routes/update-demand.js';
import { route as deleteDemand } from './routes/delete-demand.js';
import { route as createLearner } from './routes/create-learner.js';
import { route as batchCreateLearners } from './routes/batch-create-learners.js';
import { route as listLearners } from './routes/list-learners.js';
import { route as getLearner } from './routes/get-learner.js';
import { route as updateLearner } from './routes/update-learner.js';
import { route as deleteLearner } from './routes/delete-learner.js';
import { route as recordSubsidy } from './routes/record-subsidy.js';
import { route as createCourse } from './routes/create-course.js';
import { route as batchCreateCourses } from './routes/batch-create-courses.js';
import { route as listCourses } from './routes/list-courses.js';
import { route as searchSkills } from './routes/search-skills.js';
import { route as extractSkills } from './routes/extract-skills.js';
import { route as getShortage } from './routes/get-shortage.js';
import { route as getPlacements } from './routes/get-placements.js';
import { route as matchDemand } from './routes/match-demand.js';
import { route as matchLearner } from './routes/match-learner.js';
import { route as recommendCourses } from './routes/recommend-courses.js';
import { route as createCampaign } from './routes/create-campaign.js';
import { route as listCampaigns } from './routes/list-campaigns.js';
import { route as getCampaign } from './routes/get-campaign.js';
import { route as getCampaignResults } from './routes/get-campaign-results.js';
import { route as cancelCampaign } from './routes/cancel-campaign.js';
import { route as getMyProfile } from './routes/get-my-profile.js';
import { route as updateMyProfile } from './routes/update-my-profile.js';
import { route as deleteMyProfile } from './routes/delete-my-profile.js';
import { route as claimProfile } from './routes/claim-profile.js';
import { route as createClaimCode } from './routes/create-claim-code.js';
import { route as searchJobs } from './routes/search-jobs.js';
import { route as createApplication } from './routes/create-application.js';
import { route as listApplications } from './routes/list-applications.js';
import { route as updateApplication } from './routes/update-application.js';
import { route as createInvitation } from './routes/create-invitation.js';
import { route as listInvitations } from './routes/list-invitations.js';
import { route as acceptInvitation } from './routes/accept-invitation.js';
import { route as declineInvitation } from './routes/decline-invitation.js';
import { route as updateInvitation } from './routes/update-invitation.js';
import { route as listInbox } from './routes/list-inbox.js';
import { route as readInboxEvent } from './routes/read-inbox-event.js';
import type { RouteDef } from './http/route-def.js';

export { ROLE_SCOPES, SCOPES, type Scope } from '#shared/domain/scopes.js';
export type { Method, RouteDef } from './http/route-def.js';

/**
 * The route table: the local server, the CDK stack and the OpenAPI document all read it, so a
 * route exists in exactly one place. Each route is declared in its own module,
 * `functions/routes/<handler>.ts`, which its handler imports: a handler's bundle then holds its
 * own schemas only. Handlers never import this table (it brings every route's schemas, and with
 * them the taxonomy and region data); tests/infra/bundles.test.ts checks that they do not.
 */
export const ROUTES = [
  getHealth,
  getOpenapi,

  createDemand,
  batchCreateDemands,
  listDemands,
  getDemand,
  updateDemand,
  deleteDemand,

  createLearner,
  batchCreateLearners,
  listLearners,
  getLearner,
  updateLearner,
  deleteLearner,
  recordSubsidy,

  createCourse,
  batchCreateCourses,
  listCourses,

  searchSkills,
  extractSkills,

  getShortage,
  getPlacements,

  matchDemand,
  matchLearner,
  recommendCourses,

  createCampaign,
  listCampaigns,
  getCampaign,
  getCampaignResults,
  cancelCampaign,

  // The action loop (docs/action-loop.md).
  getMyProfile,
  updateMyProfile,
  deleteMyProfile,
  claimProfile,
  createClaimCode,
  searchJobs,
  createApplication,
  listApplications,
  updateApplication,
  createInvitation,
  listInvitations,
  acceptInvitation,
  declineInvitation,
  updateInvitation,
  listInbox,
  readInboxEvent,
] as const satisfies readonly RouteDef[];

export type HandlerName = (typeof ROUTES)[number]['handler'];

