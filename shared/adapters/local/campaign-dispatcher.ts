import type { CampaignDispatcher } from '../../ports/campaign-dispatcher.js';
import type { CampaignRunner } from '../../use-cases/campaign/runner.js';

/**
 * Runs campaigns in this process, in the background: the local server's dispatcher. The work is
 * the runner's `drive`, the same code the CLI runs and the same page code the AWS workers run.
 * A run that stops on an unexpected error marks its campaign failed; the CLI can resume it
 * (`skillbridge campaign run --resume ID`).
 */
export class LocalCampaignDispatcher implements CampaignDispatcher {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly runner: Pick<CampaignRunner, 'drive' | 'fail'>,
    private readonly onError: (campaignId: string, error: unknown) => void = () => undefined,
  ) {}

  async start(campaignId: string): Promise<void> {
    if (this.running.has(campaignId)) return;
    const job = this.runner
      .drive(campaignId)
      .then(
        () => undefined,
        async (err: unknown) => {
          this.onError(campaignId, err);
          await this.runner.fail(campaignId, 'The run stopped on an unexpected error; resume it with skillbridge campaign run --resume.').catch(() => undefined);
        },
      )
      .finally(() => this.running.delete(campaignId));
    this.running.set(campaignId, job);
  }

  /** Campaigns running now. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves once no campaign is running (tests wait on it before dropping their table). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }
}
