/** Where local state lives and the environment the handlers see locally. */

export const DATA_DIR = '.data';
export const TABLE_NAME = 'skillbridge';

/** The same variables the CDK stack gives each function, pointed at DynamoDB Local. */
export function localEnvironment(dynamoEndpoint: string): Record<string, string> {
  return {
    TABLE_NAME,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    AWS_REGION: 'cn-north-1',
    POWERTOOLS_SERVICE_NAME: 'skillbridge',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
