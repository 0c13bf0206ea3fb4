/** What one client call is about; it rides along on the axios config so interceptors can see it. */
export interface CallContext {
  /** Template such as "POST /cases/assigned/v1/{id}". */
  endpoint: string;
  permission?: string;
  /** False for a call that must not run twice: it is retried only when it surely did not run. */
  idempotent: boolean;
  caseId?: string;
  /** Set per HTTP attempt, for the duration in logs and metrics. */
  startedAt?: number;
}

declare module 'axios' {
  interface AxiosRequestConfig {
    coralogix?: CallContext;
  }
}
