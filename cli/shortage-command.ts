import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { DynamoShortageStore } from '#shared/adapters/dynamodb/shortage-store.js';
import { systemClock } from '#shared/ports/clock.js';
import { makeRebuildShortage } from '#shared/use-cases/rebuild-shortage.js';
import { tableCommandArgs } from './table-args.js';
import { dynamoEndpoint } from '../local/endpoints.js';

/** `skillbridge shortage rebuild [--endpoint URL] [--table NAME]`: recomputes the shortage index from every record. */
export async function runShortage(args: string[]): Promise<number> {
  const values = tableCommandArgs(args, 'rebuild', 'usage: skillbridge shortage rebuild [--endpoint URL] [--table NAME] (see skillbridge shortage --help)');

  const client = makeDocumentClient({ endpoint: dynamoEndpoint(values.endpoint) });
  const shortage = new DynamoShortageStore(client, values.table, systemClock);
  let progress = false;
  try {
    const summary = await makeRebuildShortage({
      shortage,
      clock: systemClock,
      onProgress: (read) => {
        progress = true;
        process.stderr.write(`\r${read} records read …`);
      },
    })();
    if (progress) process.stderr.write('\n');
    process.stdout.write(
      `Shortage index rebuilt from ${summary.demands} demands and ${summary.learners} learners: ${summary.written} counters written, ${summary.deleted} stale ones deleted.\n`,
    );
    return 0;
  } finally {
    client.destroy();
  }
}
