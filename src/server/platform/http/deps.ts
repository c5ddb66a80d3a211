import type { Config } from '../config';
import type { Database } from '../db/client';

/** What route plugins receive from the composition root. */
export type AppDeps = { db: Database; config: Config; dbKind: 'pglite' | 'postgres' };
