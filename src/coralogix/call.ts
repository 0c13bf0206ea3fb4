/** What one client call is about; it rides along on the axios config so interceptors can see it. */
export interface CallContext {
  /** Template such as "POST /cases/assigned/v1/{id}". */
  endpoint: string;
  permission?: string;
  caseId?: string;
  /** Set per HTTP attempt, for the duration in logs and metrics. */
  startedAt?: number;
}

declare module 'axios' {
  interface AxiosRequestConfig {
    coralogix?: CallContext;
  }
}
