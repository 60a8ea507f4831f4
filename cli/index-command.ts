import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { IndexPresence } from '#shared/adapters/dynamodb/index-presence.js';
import { dynamoEndpoint } from '../local/endpoints.js';
import { tableCommandArgs } from './table-args.js';

/**
 * `skillbridge index presence [--endpoint URL] [--table NAME]`: makes the skill index's presence
 * items trusted on a table written before they existed (a one-off Scan), so match calls skip the
 * partitions that hold nobody (docs/matching.md). Safe to run again: a complete table is left as it is.
 */
export async function runIndex(args: string[]): Promise<number> {
  const values = tableCommandArgs(args, 'presence', 'usage: skillbridge index presence [--endpoint URL] [--table NAME] (see skillbridge index --help)');

  const client = makeDocumentClient({ endpoint: dynamoEndpoint(values.endpoint) });
  try {
    const recorded = await new IndexPresence(client, values.table).makeComplete();
    process.stdout.write(
      recorded === undefined ? 'Skill index presence: complete already, nothing to do.\n' : `Skill index presence: ${recorded} index entries recorded; match calls now skip partitions that hold nobody.\n`,
    );
    return 0;
  } finally {
    client.destroy();
  }
}
