import { z } from 'zod';

/** A read replica as the monitor last saw it. */
export const ReplicaStatusSchema = z.object({
  name: z.string(),
  healthy: z.boolean(),
  /** How far behind the primary it replays, in seconds (null: not measured). */
  lagSeconds: z.number().nullable(),
  /** The last log position replayed. */
  replayed: z.string().nullable(),
  error: z.string().nullable(),
});
export type ReplicaStatus = z.infer<typeof ReplicaStatusSchema>;

/** GET /api/health: 200 with status 'ok', or 503 with 'degraded' when the database cannot be reached. */
export const HealthAnswerSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  databaseReachable: z.boolean(),
  /** How long ago the database was asked (it is asked at most once a second). */
  checkedMsAgo: z.number(),
  /** Present only when the server reads from replicas. */
  replicas: z.array(ReplicaStatusSchema).optional(),
});
export type HealthAnswer = z.infer<typeof HealthAnswerSchema>;

/** GET /api/health/live: answered without touching the database. */
export const LiveAnswerSchema = z.object({ status: z.literal('ok') });
