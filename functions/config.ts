import * as z from 'zod';

const ConfigSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** Set only for DynamoDB Local. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  /** A bureau-edited subsidy rules file replacing the bundled one (docs/subsidies.md); a bad one is logged and the rules in service stay. */
  SUBSIDY_RULES_FILE: z.string().min(1).optional(),
  /** Invitations one employer may send a day (Asia/Shanghai); beyond it POST /invitations answers 429. */
  INVITATIONS_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(50),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads configuration once and fails fast, naming each missing or bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Bad configuration: ${names}`);
  }
  return parsed.data;
}
