/**
 * Rows of the policy matrix (test/policy.test.ts) for the lagging units: the list and its export,
 * the thresholds a level sets, and what a level did about a unit below it. Reading belongs to the
 * inspection readers on the unit's subtree; setting thresholds and recording a handling to those who
 * handle lagging units (the handling level A acts on its cell C1).
 */
import type { Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import type { seedSmallTree } from './fixtures';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
export type LaggingEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const HANDLERS: Role[] = ['admin', 'officer', 'committee', 'inspector'];

const THRESHOLDS = {
  minRegistrationRate: 0.7,
  minStandardsRate: 1,
  minSignsRate: 0.9,
  minStudyRate: 0.8,
  minReportingRate: 1,
  maxOverdueFeedback: 2,
  maxDuplicateShare: 0.25,
  maxOverdueRemedies: 0,
};

export function laggingEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): LaggingEndpoint[] {
  const a = () => env.tree().A.id;
  return [
    {
      route: 'GET /api/lagging-units',
      name: 'GET /api/lagging-units?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/lagging-units?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/exports/lagging-units',
      name: 'GET /api/exports/lagging-units?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/lagging-units?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/lagging-thresholds',
      name: 'GET /api/lagging-thresholds?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/lagging-thresholds?unitId=${a()}` }),
    },
    {
      route: 'PUT /api/lagging-thresholds',
      allowed: HANDLERS,
      scoped: true,
      request: () => ({ method: 'PUT', url: '/api/lagging-thresholds', body: { unitId: a(), thresholds: THRESHOLDS } }),
    },
    {
      route: 'GET /api/lagging-actions',
      name: 'GET /api/lagging-actions?unitId=C1',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/lagging-actions?unitId=${env.tree().C1.id}&year=2026` }),
    },
    {
      route: 'POST /api/lagging-actions',
      allowed: HANDLERS,
      scoped: true,
      request: () => ({
        method: 'POST',
        url: '/api/lagging-actions',
        body: {
          unitId: env.tree().C1.id,
          byUnitId: a(),
          year: 2026,
          action: 'reminder',
          note: `Nhắc chi bộ thẩm định đăng ký làm theo, lần ${env.next()}`,
          reasons: ['registration_rate'],
        },
      }),
    },
  ];
}
