/**
 * Rows of the policy matrix (test/policy.test.ts) for follow-up, year-end review, the register
 * book, registration figures, notifications and reminders. The callers hold role grants on A and no
 * linked person, so the registrant-only steps are tried on collective registrations, whose
 * registrants are the unit's appraisers; the member's own steps are covered in followup.test.ts.
 */
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../src/shared/contracts/domain';
import type { RegistrationStatus } from '../../src/shared/contracts/registration-status';
import type { Database } from '../../src/server/platform/db/client';
import { createUnitAsSystem, type seedSmallTree } from './fixtures';
import type { Session } from './session';
import { insertRegistration, versionOf } from './followup-rows';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
export type FollowupEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(caller: Session | null): Promise<Request> | Request;
};

const EVERY_ROLE = ROLES;
const READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const APPRAISERS: Role[] = ['admin', 'officer', 'committee'];
const WINDOW_KEEPERS: Role[] = ['admin', 'officer'];

export function followupEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): FollowupEndpoint[] {
  /** A collective registration of a fresh cell of A in a status (one collective per unit and year). */
  const collective = async (status: RegistrationStatus) => {
    const n = env.next();
    const unit = await createUnitAsSystem(env.db(), `FU${n}`, `Chi bộ theo dõi ${n}`, 'cell', env.tree().A.id);
    const created = await insertRegistration(env.db(), unit, { kind: 'collective', status, year: 2026 });
    return { ...created, version: await versionOf(env.db(), created.id) };
  };
  /** A notice of the caller's own, so marking it read is theirs to do. */
  const ownNotice = async (caller: Session | null) => {
    const userRows = await env.db().execute<{ id: number }>(sql`SELECT id FROM users WHERE username = ${caller?.username ?? 'admin.a'}`);
    const rows = await env.db().execute<{ id: number }>(sql`
      INSERT INTO notifications (user_id, kind, title, body) VALUES (${Number(userRows.rows[0]!.id)}, 'test', 'Thông báo thử', 'Nội dung') RETURNING id`);
    return Number(rows.rows[0]!.id);
  };
  const a = () => env.tree().A.id;

  return [
    {
      route: 'GET /api/followup/mine',
      allowed: EVERY_ROLE,
      scoped: false,
      request: () => ({ method: 'GET', url: '/api/followup/mine?year=2026' }),
    },
    {
      route: 'GET /api/followup/registrations',
      name: 'GET /api/followup/registrations?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/followup/registrations?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/followup/registrations/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/followup/registrations/${(await collective('published')).id}` }),
    },
    {
      route: 'POST /api/followup/registrations/:id/check-ins',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        const registration = await collective('published');
        return {
          method: 'POST',
          url: `/api/followup/registrations/${registration.id}/check-ins`,
          body: { actionId: registration.actionIds[0], progressPercent: 50, note: 'Đã làm một nửa' },
        };
      },
    },
    {
      route: 'POST /api/followup/registrations/:id/self-assessment',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        const registration = await collective('in_progress');
        return {
          method: 'POST',
          url: `/api/followup/registrations/${registration.id}/self-assessment`,
          body: {
            version: registration.version,
            selfLevel: 'completed',
            selfExplanation: 'Đã hoàn thành',
            actions: registration.actionIds.map((actionId) => ({ actionId, level: 'completed' })),
          },
        };
      },
    },
    {
      route: 'POST /api/followup/registrations/:id/review',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        const registration = await collective('self_assessed');
        return {
          method: 'POST',
          url: `/api/followup/registrations/${registration.id}/review`,
          body: { version: registration.version, reviewLevel: 'completed', reviewComment: 'Nhất trí' },
        };
      },
    },
    {
      route: 'POST /api/followup/registrations/:id/close',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        const registration = await collective('reviewed');
        return { method: 'POST', url: `/api/followup/registrations/${registration.id}/close`, body: { version: registration.version } };
      },
    },
    {
      route: 'GET /api/exports/register-book',
      name: 'GET /api/exports/register-book?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/register-book?unitId=${a()}&year=2026&format=docx` }),
    },
    {
      route: 'GET /api/registration-figures',
      name: 'GET /api/registration-figures?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/registration-figures?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/exports/registration-figures',
      name: 'GET /api/exports/registration-figures?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/registration-figures?unitId=${a()}&year=2026` }),
    },
    { route: 'GET /api/notifications', allowed: EVERY_ROLE, scoped: false, request: () => ({ method: 'GET', url: '/api/notifications' }) },
    {
      route: 'POST /api/notifications/:id/read',
      allowed: EVERY_ROLE,
      scoped: false,
      request: async (caller) => ({ method: 'POST', url: `/api/notifications/${await ownNotice(caller)}/read` }),
    },
    {
      route: 'POST /api/notifications/read-all',
      allowed: EVERY_ROLE,
      scoped: false,
      request: () => ({ method: 'POST', url: '/api/notifications/read-all' }),
    },
    {
      route: 'POST /api/registration-reminders',
      allowed: WINDOW_KEEPERS,
      scoped: true,
      request: () => ({ method: 'POST', url: '/api/registration-reminders', body: { unitId: a() } }),
    },
  ];
}
