import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One logger, metrics and tracer per process (Powertools reads service name and level from env). */
export const logger = new Logger({ serviceName: 'skillbridge' });
export const metrics = new Metrics({ namespace: 'SkillBridge', serviceName: 'skillbridge' });
export const tracer = new Tracer({ serviceName: 'skillbridge' });
