import type { CampaignDispatcher } from '../../ports/campaign-dispatcher.js';
import type { CampaignStore } from '../../ports/campaign-store.js';

export interface ResumeDeps {
  readonly campaigns: Pick<CampaignStore, 'listByRegion'>;
  readonly dispatcher: CampaignDispatcher;
}

/** Campaigns read from the national list a page at a time. */
const LIST_PAGE = 100;

/**
 * Restarts every campaign left `queued` or `running`, by a crash or a stop, with the dispatcher
 * that runs campaigns here: the local server calls it on start-up. The runner resumes each from its
 * saved cursor; results already stored are skipped (written only when absent), so a campaign
 * that another process is still driving is not harmed either. Every campaign has an entry in the
 * `national` list, so one partition, read page by page, finds them all (no scan).
 * @returns the ids restarted
 */
export function makeResumeUnfinished({ campaigns, dispatcher }: ResumeDeps) {
  return async (): Promise<string[]> => {
    const resumed: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await campaigns.listByRegion('national', { limit: LIST_PAGE, nextToken });
      for (const campaign of page.items) {
        if (campaign.status !== 'queued' && campaign.status !== 'running') continue;
        await dispatcher.start(campaign.id);
        resumed.push(campaign.id);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return resumed;
  };
}
