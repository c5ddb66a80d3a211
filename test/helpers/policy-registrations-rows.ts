/**
 * Rows of the policy matrix (test/policy.test.ts) for registration windows, registrations and
 * their appraisal. Kept apart so the matrix file only spreads them in; the shapes match its own rows.
 */
import { ROLES, type Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { createCollectiveRegistration } from '../../src/server/modules/registrations/registrations.service';
import { addPerson, createUnitAsSystem, rootActor, type seedSmallTree } from './fixtures';
import { actions, openWindow, registerAs } from './registration-fixtures';
import { buildWorkbook, type UploadFile } from './session';
import { BOOK_COLUMNS } from '../../src/server/modules/registrations/register-book-excel';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown; file?: UploadFile };
export type RegistrationEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const APPRAISERS: Role[] = ['admin', 'officer', 'committee'];
const WINDOW_OPENERS: Role[] = ['admin', 'officer'];
/** Only the member themself writes their own registration; no role grants it (the matrix users have no linked person). */
const NOBODY: Role[] = [];

export function registrationEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): RegistrationEndpoint[] {
  let windowOnA: Promise<unknown> | null = null;
  /** Registrations need a window above them: one on A for 2026, opened once by the system. */
  const ensureWindow = () => (windowOnA ??= openWindow(env.db(), env.tree().R.path, env.tree().A.id));
  const freshCell = () => {
    const n = env.next();
    return createUnitAsSystem(env.db(), `DK${n}`, `Chi bộ đăng ký ${n}`, 'cell', env.tree().A.id);
  };
  const freshWindow = async () => openWindow(env.db(), env.tree().R.path, (await freshCell()).id);
  const submitted = async () => {
    await ensureWindow();
    const tree = env.tree();
    const person = await addPerson(env.db(), tree.C1.path, {
      fullName: `Vũ Văn Đăng Ký ${env.next()}`,
      unitId: tree.C1.id,
      cardNumber: String(95_000_000 + env.next()),
    });
    return registerAs(env.db(), person.id, { shortcomings: 'Còn nể nang trong góp ý.', actions: ['Góp ý thẳng thắn mỗi kỳ sinh hoạt'] });
  };
  const collectiveDraft = async () => {
    await ensureWindow();
    const cell = await freshCell();
    return createCollectiveRegistration(env.db(), rootActor(env.tree().R.path), {
      unitId: cell.id,
      year: 2026,
      shortcomings: '',
      actions: actions('Sinh hoạt chuyên đề mỗi quý'),
    });
  };
  const a = () => env.tree().A.id;
  const windowBody = (unitId: number) => ({
    unitId,
    year: 2026,
    toYear: 2026,
    opensOn: '2026-01-05',
    closesOn: '2026-03-31',
    breakthroughIds: [],
  });

  /** A member of C1 (under A) without a registration, for entering one on their behalf. */
  const memberToEnter = async () => {
    await ensureWindow();
    const tree = env.tree();
    return addPerson(env.db(), tree.C1.path, {
      fullName: `Hà Thị Nhập Thay ${env.next()}`,
      unitId: tree.C1.id,
      cardNumber: String(96_000_000 + env.next()),
    });
  };

  return [
    {
      route: 'POST /api/registrations/entered',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => ({
        method: 'POST',
        url: '/api/registrations/entered',
        body: {
          unitId: a(),
          year: 2026,
          entries: [
            {
              personId: (await memberToEnter()).id,
              shortcomings: 'Còn ngại góp ý.',
              actions: [{ area: 'ethics', content: 'Góp ý thẳng thắn' }],
            },
          ],
        },
      }),
    },
    {
      route: 'GET /api/registrations/book/template',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => (await ensureWindow(), { method: 'GET', url: `/api/registrations/book/template?unitId=${a()}&year=2026` }),
    },
    {
      route: 'POST /api/registrations/book/preview',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        await ensureWindow();
        const content = await buildWorkbook('Sổ đăng ký', [BOOK_COLUMNS.map((column) => column.header)]);
        return { method: 'POST', url: `/api/registrations/book/preview?unitId=${a()}&year=2026`, file: { fileName: 'sổ.xlsx', content } };
      },
    },
    {
      route: 'GET /api/registration-windows',
      allowed: ROLES,
      scoped: false,
      request: () => ({ method: 'GET', url: '/api/registration-windows?year=2026' }),
    },
    {
      route: 'GET /api/registration-windows/applicable',
      name: 'GET /api/registration-windows/applicable?unitId=A',
      allowed: ROLES,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/registration-windows/applicable?unitId=${a()}&year=2026` }),
    },
    {
      route: 'POST /api/registration-windows',
      allowed: WINDOW_OPENERS,
      scoped: true,
      request: async () => ({ method: 'POST', url: '/api/registration-windows', body: windowBody((await freshCell()).id) }),
    },
    {
      route: 'PATCH /api/registration-windows/:id',
      allowed: WINDOW_OPENERS,
      scoped: true,
      request: async () => {
        const window = await freshWindow();
        const { unitId: _unitId, ...fields } = windowBody(window.unitId);
        return {
          method: 'PATCH',
          url: `/api/registration-windows/${window.id}`,
          body: { ...fields, closesOn: '2026-04-30', version: window.version },
        };
      },
    },
    {
      route: 'DELETE /api/registration-windows/:id',
      allowed: WINDOW_OPENERS,
      scoped: true,
      request: async () => ({ method: 'DELETE', url: `/api/registration-windows/${(await freshWindow()).id}?version=1` }),
    },
    {
      route: 'GET /api/registrations/mine',
      allowed: ROLES,
      scoped: false,
      request: () => ({ method: 'GET', url: '/api/registrations/mine?year=2026' }),
    },
    {
      route: 'POST /api/registrations/mine',
      allowed: NOBODY,
      scoped: false,
      request: async () => {
        await ensureWindow();
        return {
          method: 'POST',
          url: '/api/registrations/mine',
          body: { year: 2026, shortcomings: 'Còn ngại khó.', actions: actions('Nhận việc khó') },
        };
      },
    },
    {
      route: 'POST /api/registrations/collective',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        await ensureWindow();
        return {
          method: 'POST',
          url: '/api/registrations/collective',
          body: { unitId: (await freshCell()).id, year: 2026, actions: actions('Sinh hoạt chuyên đề mỗi quý') },
        };
      },
    },
    {
      route: 'GET /api/registrations',
      name: 'GET /api/registrations?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/registrations?year=2026&unitId=${a()}` }),
    },
    {
      route: 'GET /api/exports/registrations',
      name: 'GET /api/exports/registrations?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/registrations?year=2026&unitId=${a()}` }),
    },
    {
      route: 'GET /api/registrations/leaders-missing',
      name: 'GET /api/registrations/leaders-missing?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/registrations/leaders-missing?year=2026&unitId=${a()}` }),
    },
    {
      route: 'POST /api/registrations/approve',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        const registration = await submitted();
        return {
          method: 'POST',
          url: '/api/registrations/approve',
          body: { items: [{ id: registration.id, version: registration.version }] },
        };
      },
    },
    {
      route: 'GET /api/registrations/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/registrations/${(await submitted()).id}` }),
    },
    {
      route: 'PATCH /api/registrations/:id',
      name: 'PATCH /api/registrations/:id (collective)',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        const registration = await collectiveDraft();
        return {
          method: 'PATCH',
          url: `/api/registrations/${registration.id}`,
          body: { version: registration.version, shortcomings: '', actions: actions('Sinh hoạt chuyên đề mỗi tháng') },
        };
      },
    },
    {
      route: 'POST /api/registrations/:id/status',
      name: 'POST /api/registrations/:id/status (approve)',
      allowed: APPRAISERS,
      scoped: true,
      request: async () => {
        const registration = await submitted();
        return {
          method: 'POST',
          url: `/api/registrations/${registration.id}/status`,
          body: { transition: 'approve', version: registration.version },
        };
      },
    },
    {
      route: 'GET /api/registrations/:id/similar',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/registrations/${(await submitted()).id}/similar` }),
    },
  ];
}
