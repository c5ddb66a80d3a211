/**
 * Rows of the policy matrix (test/policy.test.ts) for feedback, publication and the supervisors'
 * view. Kept apart so the matrix file only spreads them in; the shapes match its own rows.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { addPerson, type seedSmallTree } from './fixtures';
import { insertRegistration } from './registration-rows';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
export type SupervisionEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const FEEDBACK_MANAGERS: Role[] = ['admin', 'officer', 'committee'];
const REGISTRATION_READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const APPRAISERS: Role[] = ['admin', 'officer', 'committee'];
const SUPERVISION_READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'supervisor', 'viewer'];

export function supervisionEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): SupervisionEndpoint[] {
  /** A fresh, unanswered feedback item on C1 for each call that changes one. */
  const freshFeedback = async () => {
    const rows = await env.db().execute<{ id: number }>(sql`
      INSERT INTO feedback (unit_id, body, due_on, sender_hash) VALUES (${env.tree().C1.id}, 'Góp ý kiểm tra quyền', CURRENT_DATE + 15, 'kiem-tra') RETURNING id`);
    return Number(rows.rows[0]!.id);
  };
  const freshRegistration = async (status: 'approved' | 'published') => {
    const tree = env.tree();
    const person = await addPerson(env.db(), tree.C1.path, {
      fullName: `Đỗ Văn Công Khai ${env.next()}`,
      unitId: tree.C1.id,
      cardNumber: String(95_000_000 + env.next()),
    });
    return insertRegistration(env.db(), { unit: tree.C1, personId: person.id, status });
  };
  return [
    {
      route: 'GET /api/feedback',
      allowed: FEEDBACK_MANAGERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/feedback?unitId=${env.tree().C1.id}` }),
    },
    {
      route: 'GET /api/exports/feedback',
      allowed: FEEDBACK_MANAGERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/feedback?unitId=${env.tree().C1.id}` }),
    },
    {
      route: 'GET /api/feedback/:id',
      allowed: FEEDBACK_MANAGERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/feedback/${await freshFeedback()}` }),
    },
    {
      route: 'POST /api/feedback/:id/hide',
      allowed: FEEDBACK_MANAGERS,
      scoped: true,
      request: async () => ({
        method: 'POST',
        url: `/api/feedback/${await freshFeedback()}/hide`,
        body: { version: 1, reason: 'Quảng cáo' },
      }),
    },
    {
      route: 'POST /api/feedback/:id/answer',
      allowed: FEEDBACK_MANAGERS,
      scoped: true,
      request: async () => ({
        method: 'POST',
        url: `/api/feedback/${await freshFeedback()}/answer`,
        body: { version: 1, answer: 'Cảm ơn góp ý.' },
      }),
    },
    {
      route: 'GET /api/publication/units/:unitId',
      allowed: REGISTRATION_READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/publication/units/${env.tree().C1.id}?year=2026` }),
    },
    {
      route: 'POST /api/publication/units/:unitId/publish-all',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        await freshRegistration('approved');
        return { method: 'POST', url: `/api/publication/units/${env.tree().C1.id}/publish-all`, body: { year: 2026 } };
      },
    },
    {
      route: 'POST /api/publication/registrations/:id/unpublish',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => ({
        method: 'POST',
        url: `/api/publication/registrations/${(await freshRegistration('published')).id}/unpublish`,
        body: { version: 1, reason: 'Chỉnh sửa' },
      }),
    },
    {
      route: 'GET /api/supervision/registrations',
      allowed: SUPERVISION_READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/supervision/registrations?unitId=${env.tree().C1.id}` }),
    },
    {
      route: 'GET /api/supervision/feedback',
      allowed: SUPERVISION_READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/supervision/feedback?unitId=${env.tree().C1.id}` }),
    },
    {
      route: 'GET /api/supervision/feedback-by-unit',
      allowed: SUPERVISION_READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/supervision/feedback-by-unit?unitId=${env.tree().C1.id}` }),
    },
    {
      route: 'GET /api/supervision/feedback-summary',
      allowed: SUPERVISION_READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/supervision/feedback-summary?unitId=${env.tree().C1.id}` }),
    },
  ];
}
