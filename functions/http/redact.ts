import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';

/**
 * The redaction step of every log line (PIPL: logs are kept for weeks and read by operators who
 * have no business seeing personal information). Two rules, applied to every attribute at any
 * depth, to the message and to errors:
 *
 * - by key: free-text and identity fields (`summary`, `description`, `name`, `text`, a request
 *   `body`, contact fields, credentials) are replaced whole, whatever they hold;
 * - by value: anything that looks like a mainland mobile number, a resident identity card number
 *   or an e-mail address is masked inside any string, wherever it appears.
 *
 * Only what is recognisable is caught: a name typed into an unexpected field cannot be told from
 * other text, so code must still never log record fields beyond ids, refs and counts.
 */

/** Replacement of a whole free-text or identity field. */
export const REDACTED = '[REDACTED]';

/** Field names whose values are replaced whole, compared lower-case without `_` and `-`. */
const FIELDS = new Set([
  // Free text: anything a person typed about themselves or others.
  'summary',
  'description',
  'name',
  'text',
  'fullname',
  'username',
  'realname',
  'displayname',
  'nickname',
  'givenname',
  'familyname',
  'subsidyconditions',
  'certificates',
  'education',
  // A request or response body, raw (event logging): it carries all of the above; query strings
  // carry search text (`GET /skills?q=`) and are as free as a body.
  'body',
  'rawquerystring',
  'querystringparameters',
  'multivaluequerystringparameters',
  // Contact and identity fields by name, whatever their format.
  'phone',
  'phonenumber',
  'mobile',
  'tel',
  'email',
  'idnumber',
  'idcard',
  'address',
  // Credentials.
  'authorization',
  'cookie',
  'setcookie',
  'password',
  'token',
  'accesstoken',
  'idtoken',
  'refreshtoken',
  'secret',
]);

const normaliseKey = (key: string): string => key.toLowerCase().replace(/[_-]/g, '');

/** Whether a field of this name is replaced whole. */
export const isRedactedField = (key: string): boolean => FIELDS.has(normaliseKey(key));

/**
 * Patterns masked inside any string. Boundaries are "not a letter or digit", so ids, hashes and
 * timestamps that merely contain such a run of digits stay readable.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // Resident identity card (GB 11643): 6-digit region, birth date, 3-digit sequence, check digit 0–9 or X.
  [/(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g, '[REDACTED:id]'],
  // Mainland mobile: 1[3-9] and nine digits, optionally +86/86/0086 and 3-4-4 spaces or hyphens.
  [/(?<![\dA-Za-z])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\dA-Za-z])/g, '[REDACTED:phone]'],
  // E-mail.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[REDACTED:email]'],
];

/** Masks phone numbers, identity card numbers and e-mail addresses inside a string. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, mask] of PATTERNS) out = out.replace(pattern, mask);
  return out;
}

const HAN = /\p{Script=Han}+/gu;

/**
 * An error's message or stack: {@link redactText}, and every run of Chinese characters masked.
 * Error messages are machine text in English (ours, the SDK's, Node's); Chinese in one can only
 * have been echoed from input (a name, a summary), and a name matches no pattern.
 */
export const redactErrorText = (text: string): string => redactText(text).replace(HAN, '[REDACTED:text]');

const redactErrorValue = (value: unknown): unknown =>
  typeof value === 'string' ? redactErrorText(value) : Array.isArray(value) ? value.map(redactErrorValue) : value;

/** Deepest nesting walked; anything below is summarised rather than risked. */
const MAX_DEPTH = 12;

/**
 * A copy of `value` with every free-text field replaced and every string masked. Errors are left
 * to the formatter's `formatError` (below), which redacts them the same way once they are flattened.
 */
export function redact(value: unknown, key?: string, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (key !== undefined && isRedactedField(key) && value !== undefined && value !== null && value !== '') return REDACTED;
  if (typeof value === 'string') return redactText(value);
  // A number written as digits can be a phone or an identity card number just as well.
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value);
    return redactText(digits) === digits ? value : REDACTED;
  }
  if (typeof value !== 'object' || value === null || value instanceof Error || value instanceof Date) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => redact(v, undefined, depth + 1, seen));
    if (value instanceof Map) return redact(Object.fromEntries(value), key, depth, seen);
    if (value instanceof Set) return redact([...value], key, depth, seen);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redact(v, k, depth + 1, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * Powertools' standard JSON layout (the same keys and order as its default formatter), with the
 * message, every attribute and every error redacted first.
 */
export class RedactingLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    const context = attributes.lambdaContext as (UnformattedAttributes['lambdaContext'] & { tenantId?: string }) | undefined;
    const base: LogAttributes = {
      level: attributes.logLevel,
      message: typeof attributes.message === 'string' ? redactText(attributes.message) : attributes.message,
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: context?.coldStart,
      function_arn: context?.invokedFunctionArn,
      function_memory_size: context?.memoryLimitInMB,
      function_name: context?.functionName,
      function_request_id: context?.awsRequestId,
      sampling_rate: attributes.sampleRateValue,
      xray_trace_id: attributes.xRayTraceId,
      tenant_id: context?.tenantId,
    };
    return new LogItem({ attributes: base }).addAttributes(redact(additionalLogAttributes) as LogAttributes);
  }

  /**
   * An error as Powertools flattens it, its class name and location kept; message and stack
   * through {@link redactErrorText}, extra fields (an SDK error's, a validation error's) and the
   * cause redacted like attributes.
   */
  override formatError(error: Error): LogAttributes {
    // An Error cause comes back through this method already redacted (and keeps its class name).
    const { name, location, message, stack, cause, ...rest } = super.formatError(error);
    return {
      name,
      location,
      message: redactErrorValue(message),
      stack: redactErrorValue(stack),
      ...(redact(rest) as LogAttributes),
      cause: error.cause instanceof Error ? cause : redact(cause),
    };
  }
}

/**
 * A request URL for a log line, redacted like the JSON logs: the query string (search text, free
 * as a body) is replaced whole, and the path has phone numbers, identity card numbers, e-mail
 * addresses and Chinese text masked, percent-encoded or not.
 */
export function redactUrl(url: string): string {
  const [path = '', query] = url.split(/\?(.*)/s);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: mask what can be read as it is.
  }
  return `${redactErrorText(decoded)}${query !== undefined ? `?${REDACTED}` : ''}`;
}
