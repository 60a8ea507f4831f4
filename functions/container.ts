import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { DynamoCandidateIndex } from '#shared/adapters/dynamodb/candidate-index.js';
import { DynamoCourseCatalogue } from '#shared/adapters/dynamodb/course-catalogue.js';
import { DynamoRecordStore } from '#shared/adapters/dynamodb/record-store.js';
import { DynamoShortageStore } from '#shared/adapters/dynamodb/shortage-store.js';
import type { CandidateIndex } from '#shared/ports/candidate-index.js';
import { systemClock, type Clock } from '#shared/ports/clock.js';
import type { CourseCatalogue } from '#shared/ports/course-catalogue.js';
import type { RecordStore } from '#shared/ports/record-store.js';
import type { ShortageStore } from '#shared/ports/shortage.js';
import { loadConfig, type Config } from './config.js';
import { logger } from './http/observability.js';
import { recordIndex } from '#shared/use-cases/record-index.js';

/** What handlers need, built once per cold start and shared by every invocation. */
export interface Container {
  readonly config: Config;
  readonly client: DynamoDBDocumentClient;
  readonly clock: Clock;
  readonly store: RecordStore;
  /** The shortage index (counters, stream writes, rebuild), created on first use: most handlers never touch it. */
  readonly shortage: ShortageStore;
  /** Match candidates from the skill index, created on first use: only the match handlers read it. */
  readonly candidates: CandidateIndex;
  /** Every course, held in memory while current, created on first use: only recommendations read it. */
  readonly catalogue: CourseCatalogue;
}

let container: Container | undefined;

/** The process-wide container; created on first use so that importing a handler has no side effects. */
export function getContainer(): Container {
  if (!container) {
    const config = loadConfig();
    const client = makeDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
    let shortage: ShortageStore | undefined;
    let candidates: CandidateIndex | undefined;
    let catalogue: CourseCatalogue | undefined;
    container = {
      config,
      client,
      clock: systemClock,
      store: new DynamoRecordStore(client, config.TABLE_NAME, systemClock, { index: recordIndex, warn: (message, error) => logger.warn(message, { error }) }),
      get shortage() {
        return (shortage ??= new DynamoShortageStore(client, config.TABLE_NAME, systemClock));
      },
      get candidates() {
        return (candidates ??= new DynamoCandidateIndex(client, config.TABLE_NAME));
      },
      get catalogue() {
        return (catalogue ??= new DynamoCourseCatalogue(client, config.TABLE_NAME, systemClock));
      },
    };
  }
  return container;
}
