/**
 * Starts a campaign's run somewhere: in this process (the local server, the CLI) or on a queue
 * that worker Lambdas consume (AWS). Either way the same worker code does the work.
 */
export interface CampaignDispatcher {
  /** Schedules the run; resolves once it is scheduled, not when it ends. */
  start(campaignId: string): Promise<void>;
}

/** A message on the campaign queue: plan the pages, run one page, finalise, or settle a completed campaign's summary. */
export type CampaignMessage =
  | { readonly type: 'plan'; readonly campaignId: string }
  | { readonly type: 'page'; readonly campaignId: string; readonly page: number; readonly learnerIds: readonly string[] }
  | { readonly type: 'finalise'; readonly campaignId: string }
  /** Recompute a completed campaign's summary (learners were deleted since). */
  | { readonly type: 'settle'; readonly campaignId: string };

/** Sends campaign messages (the queue the workers consume). */
export interface CampaignQueue {
  send(messages: readonly CampaignMessage[]): Promise<void>;
}
