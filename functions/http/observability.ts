import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { RedactingLogFormatter } from './redact.js';

/**
 * One logger and metrics per process (Powertools reads service name and level from env). No
 * tracer: Lambda's active tracing records each invocation without one, and the X-Ray SDK would
 * cost every bundle about 117 KB (docs/operations.md, "Tracing").
 * Every log line passes the redaction step (./redact.ts): no names, phone numbers, ID numbers or free text.
 */
export const logger = new Logger({ serviceName: 'skillbridge', logFormatter: new RedactingLogFormatter() });
export const metrics = new Metrics({ namespace: 'SkillBridge', serviceName: 'skillbridge' });
