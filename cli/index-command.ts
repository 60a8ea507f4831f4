import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { IndexPresence } from '#shared/adapters/dynamodb/index-presence.js';
import { IndexRebuild } from '#shared/adapters/dynamodb/index-rebuild.js';
import { systemClock } from '#shared/ports/clock.js';
import { recordIndex } from '#shared/use-cases/record-index.js';
import { dynamoEndpoint } from '../local/endpoints.js';
import { tableCommandArgs } from './table-args.js';

/**
 * `skillbridge index presence|rebuild [--endpoint URL] [--table NAME]`, operator commands on the
 * skill index (docs/matching.md):
 * - `presence` makes the presence items trusted on a table written before they existed (a one-off
 *   Scan), so match calls skip the partitions that hold nobody. A complete table is left as it is.
 * - `rebuild` writes every record's index and job-search entries again from the code that runs now
 *   and deletes the entries no record wants any more: run it after a taxonomy upgrade. Safe to run
 *   again.
 */
export async function runIndex(args: string[]): Promise<number> {
  const values = tableCommandArgs(args, ['presence', 'rebuild'], 'usage: skillbridge index presence|rebuild [--endpoint URL] [--table NAME] (see skillbridge index --help)');

  const client = makeDocumentClient({ endpoint: dynamoEndpoint(values.endpoint) });
  try {
    if (values.subcommand === 'rebuild') {
      const done = await new IndexRebuild(client, values.table, recordIndex, systemClock).run();
      process.stdout.write(
        `Skill index rebuilt: ${done.records} records indexed again (${done.written} entries written), ${done.deleted} stale entries deleted` +
          `${done.skipped > 0 ? `, ${done.skipped} records left to their own saves (changed meanwhile)` : ''}.\n`,
      );
      return 0;
    }
    const recorded = await new IndexPresence(client, values.table).makeComplete();
    process.stdout.write(
      recorded === undefined ? 'Skill index presence: complete already, nothing to do.\n' : `Skill index presence: ${recorded} index entries recorded; match calls now skip partitions that hold nobody.\n`,
    );
    return 0;
  } finally {
    client.destroy();
  }
}
