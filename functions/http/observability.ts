import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { RedactingLogFormatter } from './redact.js';

/**
 * One logger, metrics and tracer per process (Powertools reads service name and level from env).
 * Every log line passes the redaction step (./redact.ts): no names, phone numbers, ID numbers or free text.
 */
export const logger = new Logger({ serviceName: 'skillbridge', logFormatter: new RedactingLogFormatter() });
export const metrics = new Metrics({ namespace: 'SkillBridge', serviceName: 'skillbridge' });
export const tracer = new Tracer({ serviceName: 'skillbridge' });
