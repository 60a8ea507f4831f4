/** RFC 9457 problem details, as every API error answers. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

/** Field messages by JSON Pointer (`/region`, `/skills/2/level`, `/3/headcount`). */
export type FieldErrors = ReadonlyMap<string, readonly string[]>;

/** An answer that was not a success, or a request that never reached the server (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly fieldErrors: FieldErrors;

  constructor(status: number, problem: Problem | undefined, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    const byPath = new Map<string, string[]>();
    for (const e of problem?.errors ?? []) {
      const list = byPath.get(e.path) ?? [];
      list.push(e.message);
      byPath.set(e.path, list);
    }
    this.fieldErrors = byPath;
  }
}

/** Decodes one JSON Pointer into its segments (RFC 6901). */
export const pointerSegments = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));

/** The messages for a field and everything under it (`/skills` owns `/skills/2/level`). */
export function errorsUnder(errors: FieldErrors | undefined, pointer: string): Array<{ path: string; message: string }> {
  if (!errors) return [];
  const out: Array<{ path: string; message: string }> = [];
  for (const [path, messages] of errors) {
    if (path === pointer || path.startsWith(`${pointer}/`)) for (const message of messages) out.push({ path, message });
  }
  return out;
}
