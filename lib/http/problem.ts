import type { HttpResponseInit } from '@azure/functions';

/** One failing input, named by its location: `body.passengers[0].name`, `query.date`, `params.id`. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error that becomes a problem+json response. Throw it anywhere below a handler. */
export class HttpError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail: string,
    extras: { type?: string; errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
  ) {
    super(detail);
    const { type, errors, headers, ...extensions } = extras;
    this.status = status;
    this.headers = headers ?? {};
    this.problem = {
      type: type ?? 'about:blank',
      title: titles[status] ?? 'Error',
      status,
      detail,
      ...(errors?.length ? { errors } : {}),
      ...extensions,
    };
  }
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(problem),
  };
}
