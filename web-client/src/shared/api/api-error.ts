export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, problem: ProblemDetails | null, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? (status === 0 ? 'Network error' : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  get fieldErrors(): Record<string, string[]> {
    return this.problem?.errors ?? {};
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    return new ApiError(response.status, await readProblem(response));
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, null);
    error.cause = cause;
    return error;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function asStringArray(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return [value];
  return null;
}

export function parseProblem(body: unknown): ProblemDetails | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const source = body as Record<string, unknown>;
  const problem: ProblemDetails = {};
  for (const key of ['type', 'title', 'detail', 'code', 'traceId'] as const) {
    const value = source[key];
    if (typeof value === 'string') problem[key] = value;
  }
  if (typeof source.status === 'number') problem.status = source.status;
  const errors = source.errors;
  if (typeof errors === 'object' && errors !== null && !Array.isArray(errors)) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(errors as Record<string, unknown>)) {
      const list = asStringArray(messages);
      if (list && list.length > 0) fieldErrors[field] = list;
    }
    if (Object.keys(fieldErrors).length > 0) problem.errors = fieldErrors;
  }
  return problem;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) return null;
  try {
    return parseProblem(await response.clone().json());
  } catch {
    return null;
  }
}
