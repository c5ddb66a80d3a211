import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Streaming replicas of DATABASE_URL that answer reads (DATABASE_REPLICA_URLS, comma-separated). */
  replicaUrls: string[];
  /** A replica further behind than this takes no reads until it catches up. */
  replicaMaxLagSeconds: number;
  /** Named (server-side prepared) statements; off behind a pooler in transaction mode that cannot track them. */
  namedStatements: boolean;
  /** Parallel workers PostgreSQL may give one query (PG_PARALLEL_WORKERS, 0 by default). */
  parallelWorkers: number;
  sessionDays: number;
  isProduction: boolean;
  uploadLimitBytes: number;
  /** The site's public address (https://noiguong.example.vn) encoded in QR codes; unset: the request's own. */
  publicBaseUrl: string | undefined;
  /** SMTP server for reminder e-mails (smtp://user:pass@host:587); unset: in-app notices only. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Reminders go out when a registration window closes within this many days. */
  reminderDaysBefore: number;
  /** HTTP processes on PostgreSQL (one per core is the usual choice); the embedded database serves one. */
  workers: number;
};

/** Reads configuration from the environment once, at the composition root. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
    namedStatements: env.PG_NAMED_STATEMENTS !== 'off',
    parallelWorkers: Math.max(0, Number(env.PG_PARALLEL_WORKERS ?? 0) || 0),
    replicaMaxLagSeconds: Math.max(1, Number(env.REPLICA_MAX_LAG_SECONDS ?? 30) || 30),
    sessionDays: Number(env.SESSION_DAYS ?? 7),
    isProduction: env.NODE_ENV === 'production',
    uploadLimitBytes: Number(env.UPLOAD_LIMIT_MB ?? 20) * 1024 * 1024,
    publicBaseUrl: env.PUBLIC_BASE_URL?.trim().replace(/\/+$/, '') || undefined,
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    smtpFrom: env.SMTP_FROM?.trim() || 'NoiGuong <no-reply@noiguong.local>',
    reminderDaysBefore: Number(env.REMINDER_DAYS_BEFORE ?? 7),
    workers: Math.max(1, Math.floor(Number(env.WORKERS ?? 1)) || 1),
  };
}
