/**
 * Who may call what, endpoint by endpoint. For every endpoint of the API:
 *   - each role holding the permission on A is allowed (2xx) on a target inside A;
 *   - each role lacking it on A is refused (403) on the same target;
 *   - the allowed roles, granted on the sibling B instead, are refused (403) on A's target;
 *   - without a session the answer is 401.
 * The allowed roles are written out here from the product's rules, not read from the policy
 * table under test, so a change to that table shows up as a failing row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../src/shared/contracts/domain';
import { PERSON_COLUMNS, UNIT_COLUMNS } from '../src/server/modules/imports/excel/columns';
import { addPerson, addUser, createUnitAsSystem, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { adoptDraft, createDraft } from '../src/server/modules/standards/standards.service';
import { recordSign } from '../src/server/modules/standards/standards-sign.service';
import { buildWorkbook, multipartBody, openSession, type Response, type Session, type UploadFile } from './helpers/session';
import { programmeEndpoints } from './helpers/programme-endpoints';
import { studyEndpoints } from './helpers/policy-study-rows';
import { followupEndpoints } from './helpers/policy-followup-rows';
import { supervisionEndpoints } from './helpers/policy-supervision-rows';
import { registrationEndpoints } from './helpers/policy-registrations-rows';
import { reportsEndpoints } from './helpers/policy-reports-rows';
import { commendationsEndpoints } from './helpers/policy-commendations-rows';
import { commendationsSpreadEndpoints } from './helpers/policy-commendations-spread-rows';
import { gradingEndpoints } from './helpers/policy-grading-rows';
import { inspectionEndpoints } from './helpers/policy-inspection-rows';
import { laggingEndpoints } from './helpers/policy-lagging-rows';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const onA = new Map<Role, Session>();
const onB = new Map<Role, Session>();

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  for (const role of ROLES) {
    await addUser(ctx.db, `${role}.a`, [{ unitId: tree.A.id, role }]);
    await addUser(ctx.db, `${role}.b`, [{ unitId: tree.B.id, role }]);
    onA.set(role, await openSession(ctx.app, `${role}.a`));
    onB.set(role, await openSession(ctx.app, `${role}.b`));
  }
  personInC1 = await addPerson(ctx.db, tree.C1.path, { fullName: 'Nguyễn Văn Mẫu', unitId: tree.C1.id, cardNumber: '90000000' });
});
afterAll(() => ctx.close());

type Request = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown; file?: UploadFile };
type Endpoint = {
  /** Method and route pattern, as in the route files. */
  route: string;
  /** What the row tries, when the route alone does not say it. */
  name?: string;
  /** Roles that may call it on a target inside their subtree. */
  allowed: readonly Role[];
  /**
   * Whether the call names a unit or a record, so a grant on another subtree must not reach it.
   * Lists without a unit filter answer everyone with what their own subtree holds.
   */
  scoped: boolean;
  /** Status for a refused caller, when it is not 403. */
  refusedStatus?: number;
  /** Status for an allowed role granted on the sibling B, when it is not the refused status. */
  foreignStatus?: number;
  /** Builds a fresh request for one caller (null: no session), creating what the call changes. */
  request(caller: Session | null): Promise<Request> | Request;
};

const EVERY_ROLE = ROLES;
const PEOPLE_READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const PEOPLE_WRITERS: Role[] = ['admin', 'officer'];
const ADMINS: Role[] = ['admin'];

let personInC1: { id: number };
let serial = 0;
const next = () => ++serial;

async function freshUnit() {
  const n = next();
  return createUnitAsSystem(ctx.db, `P${n}`, `Chi bộ thử ${n}`, 'cell', tree.A.id);
}
async function freshPerson() {
  return addPerson(ctx.db, tree.C1.path, {
    fullName: `Trần Văn Thử ${next()}`,
    unitId: tree.C1.id,
    cardNumber: String(91_000_000 + next()),
  });
}
async function freshAccount() {
  return addUser(ctx.db, `dich.${next()}`, [{ unitId: tree.C1.id, role: 'viewer' }]);
}
async function grantIdOf(userId: number): Promise<number> {
  const { sql } = await import('drizzle-orm');
  const rows = await ctx.db.execute<{ id: number }>(sql`SELECT id FROM grants WHERE user_id = ${userId}`);
  return Number(rows.rows[0]!.id);
}
function personBody(unitId: number) {
  return {
    fullName: `Lê Thị Mới ${next()}`,
    sex: 'female',
    category: 'party_member',
    cardNumber: String(92_000_000 + next()),
    unitId,
    position: 'party_member',
    fromDate: '2025-09-01',
  };
}
async function peopleFile(): Promise<UploadFile> {
  const headers = PERSON_COLUMNS.map((column) => column.header);
  const values: Record<string, string> = {
    'Họ và tên': `Phạm Văn Nhập ${next()}`,
    'Giới tính': 'Nam',
    'Đối tượng': 'Đảng viên',
    'Số thẻ đảng viên': String(93_000_000 + next()),
    'Mã đơn vị': 'C1',
  };
  return { fileName: 'nguoi.xlsx', content: await buildWorkbook('Danh sách', [headers, headers.map((header) => values[header] ?? null)]) };
}
async function unitsFile(): Promise<UploadFile> {
  const headers = UNIT_COLUMNS.map((column) => column.header);
  const n = next();
  const values: Record<string, string> = {
    'Mã đơn vị': `NH${n}`,
    'Tên đơn vị': `Chi bộ nhập ${n}`,
    'Loại đơn vị': 'Chi bộ trực thuộc',
    'Mã đơn vị cấp trên': 'A',
  };
  return { fileName: 'don-vi.xlsx', content: await buildWorkbook('Đơn vị', [headers, headers.map((header) => values[header] ?? null)]) };
}

const STANDARDS_WRITERS: Role[] = ['admin', 'officer', 'committee'];
const CRITERIA = [{ text: 'Gương mẫu chấp hành chủ trương của Đảng' }];
/** A fresh cell of A with a draft of its ethics standards, written by the system. */
async function cellWithDraft() {
  const unit = await freshUnit();
  const draft = await createDraft(ctx.db, rootActor(tree.R.path), { unitId: unit.id, criteria: CRITERIA });
  return { unit, draft };
}
async function cellWithStandards() {
  const { unit, draft } = await cellWithDraft();
  await adoptDraft(ctx.db, rootActor(tree.R.path), draft.id, { adoptedOn: '2026-01-10', version: draft.version });
  return unit;
}
async function cellWithSign() {
  const unit = await cellWithStandards();
  await recordSign(ctx.db, rootActor(tree.R.path), unit.id, { postedOn: '2026-01-20', location: null, photoFileId: null });
  return unit;
}

const ENDPOINTS: Endpoint[] = [
  // Session
  { route: 'GET /api/auth/me', allowed: EVERY_ROLE, scoped: false, request: () => ({ method: 'GET', url: '/api/auth/me' }) },
  // Only the caller's own data: there is no id to ask for someone else's.
  { route: 'GET /api/me/data', allowed: EVERY_ROLE, scoped: false, request: () => ({ method: 'GET', url: '/api/me/data' }) },

  // Units
  { route: 'GET /api/units/roots', allowed: EVERY_ROLE, scoped: false, request: () => ({ method: 'GET', url: '/api/units/roots' }) },
  {
    route: 'GET /api/units',
    name: 'GET /api/units?under=A',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/units?under=${tree.A.id}` }),
  },
  { route: 'GET /api/units/:id', allowed: EVERY_ROLE, scoped: true, request: () => ({ method: 'GET', url: `/api/units/${tree.C1.id}` }) },
  {
    route: 'GET /api/units/:id/children',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/units/${tree.A.id}/children` }),
  },
  {
    route: 'GET /api/units/:id/history',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/units/${tree.C1.id}/history` }),
  },
  {
    route: 'POST /api/units',
    allowed: ADMINS,
    scoped: true,
    request: () => {
      const n = next();
      return {
        method: 'POST',
        url: '/api/units',
        body: { code: `N${n}`, name: `Chi bộ mới ${n}`, kind: 'cell', parentId: tree.A.id, validFrom: '2026-01-01' },
      };
    },
  },
  {
    route: 'PATCH /api/units/:id',
    allowed: ADMINS,
    scoped: true,
    request: async () => {
      const unit = await freshUnit();
      return { method: 'PATCH', url: `/api/units/${unit.id}`, body: { name: `${unit.name} (đổi tên)`, version: unit.version } };
    },
  },
  {
    route: 'POST /api/units/:id/move',
    allowed: ADMINS,
    scoped: true,
    request: async () => {
      const unit = await freshUnit();
      return { method: 'POST', url: `/api/units/${unit.id}/move`, body: { parentId: tree.C2.id, version: unit.version } };
    },
  },
  {
    route: 'POST /api/units/:id/close',
    allowed: ADMINS,
    scoped: true,
    request: async () => {
      const unit = await freshUnit();
      return { method: 'POST', url: `/api/units/${unit.id}/close`, body: { version: unit.version } };
    },
  },
  {
    route: 'POST /api/units/merge',
    allowed: ADMINS,
    scoped: true,
    request: async () => {
      const [first, second] = [await freshUnit(), await freshUnit()];
      const n = next();
      return {
        method: 'POST',
        url: '/api/units/merge',
        body: {
          sourceIds: [first.id, second.id],
          target: { code: `M${n}`, name: `Chi bộ hợp nhất ${n}`, kind: 'cell', parentId: tree.A.id },
        },
      };
    },
  },
  {
    route: 'POST /api/units/:id/split',
    allowed: ADMINS,
    scoped: true,
    request: async () => {
      const unit = await freshUnit();
      const n = next();
      const parts = [1, 2].map((part) => ({ code: `S${n}-${part}`, name: `Chi bộ tách ${n}-${part}`, kind: 'cell' }));
      return { method: 'POST', url: `/api/units/${unit.id}/split`, body: { parts } };
    },
  },

  // People
  {
    route: 'GET /api/people',
    name: 'GET /api/people?unitId=A',
    allowed: PEOPLE_READERS,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/people?unitId=${tree.A.id}` }),
  },
  {
    route: 'GET /api/people/:id',
    allowed: PEOPLE_READERS,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/people/${personInC1.id}` }),
  },
  {
    route: 'POST /api/people',
    allowed: PEOPLE_WRITERS,
    scoped: true,
    request: () => ({ method: 'POST', url: '/api/people', body: personBody(tree.C1.id) }),
  },
  {
    route: 'PATCH /api/people/:id',
    allowed: PEOPLE_WRITERS,
    scoped: true,
    request: async () => {
      const person = await freshPerson();
      return {
        method: 'PATCH',
        url: `/api/people/${person.id}`,
        body: {
          fullName: `${person.fullName} Sửa`,
          sex: 'male',
          category: 'party_member',
          cardNumber: person.cardNumber,
          version: person.version,
        },
      };
    },
  },
  {
    route: 'POST /api/people/:id/move',
    allowed: PEOPLE_WRITERS,
    scoped: true,
    request: async () => {
      const person = await freshPerson();
      return {
        method: 'POST',
        url: `/api/people/${person.id}/move`,
        body: { unitId: tree.C2.id, position: 'party_member', effectiveDate: '2026-03-01', version: person.version },
      };
    },
  },

  // Figures
  {
    route: 'GET /api/figures',
    name: 'GET /api/figures?unitId=A',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/figures?unitId=${tree.A.id}` }),
  },

  // Imports: a file's rows are checked one by one, so rows for another subtree come back as row
  // errors of a 200 preview (see imports.test.ts); the preview itself is not scoped.
  {
    route: 'GET /api/imports/templates/:kind',
    name: 'GET /api/imports/templates/people',
    allowed: EVERY_ROLE,
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/imports/templates/people' }),
  },
  {
    route: 'GET /api/imports/templates/:kind',
    name: 'GET /api/imports/templates/units',
    allowed: EVERY_ROLE,
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/imports/templates/units' }),
  },
  {
    route: 'POST /api/imports/:kind/preview',
    name: 'POST /api/imports/people/preview',
    allowed: PEOPLE_WRITERS,
    scoped: false,
    request: async () => ({ method: 'POST', url: '/api/imports/people/preview', file: await peopleFile() }),
  },
  {
    route: 'POST /api/imports/:kind/preview',
    name: 'POST /api/imports/units/preview',
    allowed: ADMINS,
    scoped: false,
    request: async () => ({ method: 'POST', url: '/api/imports/units/preview', file: await unitsFile() }),
  },
  {
    route: 'POST /api/imports/:batchId/apply',
    allowed: PEOPLE_WRITERS,
    scoped: false,
    // A batch belongs to whoever previewed it: to another importer it does not exist.
    foreignStatus: 404,
    request: async (caller) => {
      const file = await peopleFile();
      let owner = caller ? await caller.upload('/api/imports/people/preview', file) : undefined;
      if (owner?.statusCode !== 200) owner = await onA.get('admin')!.upload('/api/imports/people/preview', file);
      expect(owner.statusCode, owner.body).toBe(200);
      return { method: 'POST', url: `/api/imports/${owner.json().batchId as string}/apply` };
    },
  },

  // Exports
  {
    route: 'GET /api/exports/units',
    name: 'GET /api/exports/units?under=A',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/exports/units?under=${tree.A.id}` }),
  },
  {
    route: 'GET /api/exports/people',
    name: 'GET /api/exports/people?unitId=A',
    allowed: PEOPLE_READERS,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/exports/people?unitId=${tree.A.id}` }),
  },

  // Accounts
  { route: 'GET /api/accounts', allowed: ADMINS, scoped: false, request: () => ({ method: 'GET', url: '/api/accounts' }) },
  {
    route: 'POST /api/accounts',
    allowed: ADMINS,
    scoped: true,
    request: () => ({
      method: 'POST',
      url: '/api/accounts',
      body: {
        username: `moi.${next()}`,
        displayName: 'Tài khoản mới',
        password: 'MatKhau@321',
        grants: [{ unitId: tree.C1.id, role: 'viewer' }],
      },
    }),
  },
  {
    route: 'PATCH /api/accounts/:id',
    allowed: ADMINS,
    scoped: true,
    request: async () => ({ method: 'PATCH', url: `/api/accounts/${(await freshAccount()).id}`, body: { displayName: 'Tên mới' } }),
  },
  {
    route: 'POST /api/accounts/:id/reset-password',
    allowed: ADMINS,
    scoped: true,
    request: async () => ({
      method: 'POST',
      url: `/api/accounts/${(await freshAccount()).id}/reset-password`,
      body: { newPassword: 'DatLai@2026' },
    }),
  },
  {
    route: 'POST /api/accounts/:id/grants',
    allowed: ADMINS,
    scoped: true,
    request: async () => ({
      method: 'POST',
      url: `/api/accounts/${(await freshAccount()).id}/grants`,
      body: { unitId: tree.C2.id, role: 'viewer' },
    }),
  },
  {
    route: 'DELETE /api/accounts/:id/grants/:grantId',
    allowed: ADMINS,
    scoped: true,
    request: async () => {
      const account = await freshAccount();
      return { method: 'DELETE', url: `/api/accounts/${account.id}/grants/${await grantIdOf(account.id)}` };
    },
  },

  // Ethics standards: every role reads them; the cell's committee, officers and admins keep them.
  {
    route: 'GET /api/standards/overview',
    name: 'GET /api/standards/overview?unitId=A',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/standards/overview?unitId=${tree.A.id}` }),
  },
  {
    route: 'GET /api/standards/overview/export',
    name: 'GET /api/standards/overview/export?unitId=A',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/standards/overview/export?unitId=${tree.A.id}` }),
  },
  {
    route: 'GET /api/standards/units/:unitId',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/standards/units/${tree.C1.id}` }),
  },
  {
    route: 'GET /api/standards/units/:unitId/qr.png',
    allowed: EVERY_ROLE,
    scoped: true,
    request: () => ({ method: 'GET', url: `/api/standards/units/${tree.C1.id}/qr.png` }),
  },
  {
    route: 'GET /api/standards/units/:unitId/sign-print',
    allowed: EVERY_ROLE,
    scoped: true,
    request: async () => ({ method: 'GET', url: `/api/standards/units/${(await cellWithStandards()).id}/sign-print` }),
  },
  {
    route: 'POST /api/standards/drafts',
    allowed: STANDARDS_WRITERS,
    scoped: true,
    request: async () => ({ method: 'POST', url: '/api/standards/drafts', body: { unitId: (await freshUnit()).id, criteria: CRITERIA } }),
  },
  {
    route: 'PATCH /api/standards/:id',
    allowed: STANDARDS_WRITERS,
    scoped: true,
    request: async () => {
      const { draft } = await cellWithDraft();
      return { method: 'PATCH', url: `/api/standards/${draft.id}`, body: { title: 'Chuẩn mực đã sửa', version: draft.version } };
    },
  },
  {
    route: 'DELETE /api/standards/:id',
    allowed: STANDARDS_WRITERS,
    scoped: true,
    request: async () => {
      const { draft } = await cellWithDraft();
      return { method: 'DELETE', url: `/api/standards/${draft.id}?version=${draft.version}` };
    },
  },
  {
    route: 'POST /api/standards/:id/adopt',
    allowed: STANDARDS_WRITERS,
    scoped: true,
    request: async () => {
      const { draft } = await cellWithDraft();
      return { method: 'POST', url: `/api/standards/${draft.id}/adopt`, body: { adoptedOn: '2026-01-10', version: draft.version } };
    },
  },
  {
    route: 'POST /api/standards/units/:unitId/sign',
    allowed: STANDARDS_WRITERS,
    scoped: true,
    request: async () => ({
      method: 'POST',
      url: `/api/standards/units/${(await cellWithStandards()).id}/sign`,
      body: { postedOn: '2026-02-01' },
    }),
  },
  {
    route: 'PATCH /api/standards/units/:unitId/sign',
    allowed: STANDARDS_WRITERS,
    scoped: true,
    request: async () => ({
      method: 'PATCH',
      url: `/api/standards/units/${(await cellWithSign()).id}/sign`,
      body: { postedOn: '2026-02-01', version: 1 },
    }),
  },
  {
    route: 'DELETE /api/standards/units/:unitId/sign',
    allowed: STANDARDS_WRITERS,
    scoped: true,
    request: async () => ({ method: 'DELETE', url: `/api/standards/units/${(await cellWithSign()).id}/sign?version=1` }),
  },

  // Audit
  { route: 'GET /api/audit', allowed: ADMINS, scoped: false, request: () => ({ method: 'GET', url: '/api/audit' }) },

  // The year's programme and attached files
  ...programmeEndpoints(() => ({ db: ctx.db, tree })),
  // Study sessions, attendance and the programme dashboard
  ...studyEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  ...followupEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  // Feedback, publication and the supervisors' view
  ...supervisionEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  ...registrationEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  ...reportsEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  ...commendationsEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  ...commendationsSpreadEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  ...gradingEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  ...inspectionEndpoints({ db: () => ctx.db, tree: () => tree, next }),
  ...laggingEndpoints({ db: () => ctx.db, tree: () => tree, next }),
];

function call(app: FastifyInstance, caller: Session | null, request: Request): Promise<Response> {
  if (caller) {
    if (request.file) return caller.upload(request.url, request.file);
    if (request.method === 'GET') return caller.get(request.url);
    return caller.send(request.method, request.url, request.body);
  }
  if (request.file) {
    const { payload, headers } = multipartBody(request.file);
    return app.inject({ method: request.method, url: request.url, payload, headers });
  }
  return app.inject({
    method: request.method,
    url: request.url,
    ...(request.body === undefined ? {} : { payload: request.body as object }),
  });
}

/**
 * Routes with a record in the path whose subtree is decided by the body: adopting a breakthrough
 * content or a commended model, and marking a typical example, name the acting unit in the body
 * (the record itself is read from above or sent up from below). The catalogues the whole tree
 * shares (legal bases, forms of commendation) sit at the top: an administrator below it is refused
 * before the body is read.
 */
const TARGET_NOT_IN_PATH = new Set([
  'POST /api/breakthroughs/:id/adopt',
  'POST /api/nominations/:id/adoptions',
  'POST /api/nominations/:id/typical',
]);

async function statusFor(caller: Session | null, endpoint: Endpoint) {
  const response = await call(ctx.app, caller, await endpoint.request(caller));
  return { status: response.statusCode, body: response.body };
}

describe.each(ENDPOINTS.map((endpoint) => ({ ...endpoint, title: endpoint.name ?? endpoint.route })))('$title', (endpoint) => {
  const refused = ROLES.filter((role) => !endpoint.allowed.includes(role));

  it(`allows ${endpoint.allowed.join(', ')} on A`, async () => {
    for (const role of endpoint.allowed) {
      const { status, body } = await statusFor(onA.get(role)!, endpoint);
      expect(status >= 200 && status < 300, `${role} on A: ${status} ${body}`).toBe(true);
    }
  });

  // Every role reads units and figures: those endpoints have no role to refuse.
  if (refused.length > 0) {
    it(`refuses ${refused.join(', ')} on A`, async () => {
      for (const role of refused) {
        const { status, body } = await statusFor(onA.get(role)!, endpoint);
        expect(status, `${role} on A: ${body}`).toBe(endpoint.refusedStatus ?? 403);
      }
    });
  }

  // Authorisation comes before validation: a refused role sending a malformed body learns nothing
  // about the body's fields (403, never a 400 listing them), and nothing changes.
  if (!endpoint.route.startsWith('GET ') && refused.length > 0) {
    it(`refuses ${refused.join(', ')} on A before reading a malformed body`, async () => {
      for (const role of refused) {
        const caller = onA.get(role)!;
        const request = await endpoint.request(caller);
        const response = await caller.send(request.method as 'POST' | 'PATCH' | 'DELETE', request.url, [{ notAField: 'x' }]);
        expect(response.statusCode, `${role} on A: ${response.body}`).toBe(endpoint.refusedStatus ?? 403);
        expect(response.body).not.toContain('notAField');
      }
    });
  }

  // Endpoints without a unit (lists of one's own scope, uploads) have no sibling to refuse.
  if (endpoint.scoped) {
    it('refuses the same roles granted on the sibling B', async () => {
      for (const role of endpoint.allowed) {
        const { status, body } = await statusFor(onB.get(role)!, endpoint);
        expect(status, `${role} on B: ${body}`).toBe(endpoint.foreignStatus ?? endpoint.refusedStatus ?? 403);
      }
    });
  }

  // The same callers of B, and B's officer on routes only administrators may call, sending a
  // malformed body about A's record named in the path: refused before the body is read (the route
  // finds the record's unit from the path), so no field rule leaks. Routes whose target is named
  // only in the body keep the check that the caller holds the permission somewhere, and are
  // answered by the service after validation: POST /api/units, /api/units/merge, /api/people,
  // /api/accounts, /api/standards/drafts, /api/plans, /api/topics, /api/breakthroughs,
  // /api/registration-windows, /api/registrations/collective|entered|approve, /api/study-sessions,
  // /api/report-requests, /api/report-templates, /api/nominations, /api/commendation-decisions,
  // /api/registration-reminders, and those in TARGET_NOT_IN_PATH.
  if (endpoint.scoped && !endpoint.route.startsWith('GET ') && /\/:\w+/.test(endpoint.route) && !TARGET_NOT_IN_PATH.has(endpoint.route)) {
    const foreign = [...new Set<Role>([...endpoint.allowed, 'officer'])];
    it(`refuses ${foreign.join(', ')} of the sibling B before reading a malformed body about A's record`, async () => {
      for (const role of foreign) {
        const caller = onB.get(role)!;
        const request = await endpoint.request(caller);
        const response = await caller.send(request.method as 'POST' | 'PATCH' | 'DELETE', request.url, [{ notAField: 'x' }]);
        expect([401, 403], `${role} on B: ${response.statusCode} ${response.body}`).toContain(response.statusCode);
        expect(response.body).not.toContain('notAField');
        expect(response.body).not.toContain('VALIDATION_FAILED');
      }
    });
  }

  it('answers 401 without a session', async () => {
    const { status, body } = await statusFor(null, endpoint);
    expect(status, body).toBe(401);
  });
});

describe('the matrix', () => {
  /** Covered in auth.test.ts (they act on one's own session) or public by design. */
  const OUTSIDE_THE_MATRIX = new Set([
    'POST /api/auth/login',
    'POST /api/auth/logout',
    'POST /api/auth/password',
    'GET /api/health',
    'GET /api/health/live',
  ]);

  it('has a row for every API route the application serves (from its OpenAPI document)', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, unknown>>;
    const served = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => method !== 'head')
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const inScope = served.filter((route) => route.includes(' /api/') && !route.includes('/api/docs') && !OUTSIDE_THE_MATRIX.has(route));
    expect(inScope.length).toBeGreaterThan(25);
    // The apply route shares its first segment with the preview route; OpenAPI names it by either.
    const normalise = (route: string) =>
      route
        .replace('/api/imports/:kind/apply', '/api/imports/:batchId/apply')
        .replace('/api/imports/:batchId/preview', '/api/imports/:kind/preview');
    expect([...new Set(ENDPOINTS.map((endpoint) => endpoint.route))].sort()).toEqual([...new Set(inScope.map(normalise))].sort());
  });
});

/**
 * Bad input on every write route that takes a JSON body, sent by a caller who may make the call:
 * each mutation of a valid body is refused with a 4xx and a stable error code and changes nothing
 * (no row added, removed or audited); none is a 5xx. Leaving a field out may be fine (optional).
 */
describe('bad input on every write route', () => {
  type Mutation = { what: string; body: Record<string, unknown>; mayPass: boolean };
  const ONE_MEGABYTE = 'a'.repeat(1024 * 1024);

  function mutationsOf(body: Record<string, unknown>): Mutation[] {
    const out: Mutation[] = [];
    const withValue = (key: string, value: unknown) => ({ ...body, [key]: value });
    for (const [key, value] of Object.entries(body)) {
      const without = { ...body };
      delete without[key];
      out.push({ what: `${key} missing`, body: without, mayPass: true });
      if (typeof value === 'string') {
        out.push({ what: `${key} a number`, body: withValue(key, 12345), mayPass: false });
        out.push({ what: `${key} 1 MB`, body: withValue(key, ONE_MEGABYTE), mayPass: false });
        out.push({ what: `${key} with NUL`, body: withValue(key, `${value}\u0000x`), mayPass: false });
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) out.push({ what: `${key} 2026-02-30`, body: withValue(key, '2026-02-30'), mayPass: false });
      } else if (typeof value === 'number') {
        out.push({ what: `${key} a word`, body: withValue(key, 'mười hai'), mayPass: false });
        out.push({ what: `${key} 2^63`, body: withValue(key, 2 ** 63), mayPass: false });
        if (key === 'version') out.push({ what: 'a stale version', body: withValue(key, value + 100), mayPass: false });
        else if (/id$/i.test(key)) out.push({ what: `${key} unknown`, body: withValue(key, 999_999_999), mayPass: false });
      } else if (typeof value === 'boolean') {
        out.push({ what: `${key} a word`, body: withValue(key, 'có'), mayPass: false });
      } else if (Array.isArray(value)) {
        out.push({ what: `${key} a word`, body: withValue(key, 'danh sách'), mayPass: false });
        out.push({
          what: `${key} 100,000 items`,
          body: withValue(
            key,
            Array.from({ length: 100_000 }, () => value[0] ?? 1),
          ),
          mayPass: false,
        });
      } else if (value && typeof value === 'object') {
        out.push({ what: `${key} a number`, body: withValue(key, 7), mayPass: false });
      }
    }
    out.push({ what: 'an array instead of the object', body: [body] as unknown as Record<string, unknown>, mayPass: false });
    return out;
  }

  /** Rows of every table plus audit entries: any write shows in it. */
  async function fingerprint(): Promise<string> {
    const { sql } = await import('drizzle-orm');
    const tables = await ctx.db.execute<{ name: string }>(
      sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const counts: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(name)}`);
      counts.push(`${name}:${rows.rows[0]!.n}`);
    }
    const versions = await ctx.db.execute<{ v: string }>(sql`
      SELECT concat_ws('/', (SELECT sum(version) FROM units), (SELECT sum(version) FROM persons), (SELECT sum(version) FROM registrations), (SELECT max(id) FROM audit_log)) AS v`);
    return `${counts.join(',')}|${versions.rows[0]!.v}`;
  }

  const writes = ENDPOINTS.filter((endpoint) => !endpoint.route.startsWith('GET ') && endpoint.allowed.length > 0);
  it.each(writes.map((endpoint) => ({ endpoint, title: endpoint.name ?? endpoint.route })))('$title', async ({ endpoint }) => {
    const caller = onA.get(endpoint.allowed[0]!)!;
    const sample = await endpoint.request(caller);
    if (sample.file || !sample.body || typeof sample.body !== 'object' || Array.isArray(sample.body)) return;
    const problems: string[] = [];
    for (const mutation of mutationsOf(sample.body as Record<string, unknown>)) {
      const request = await endpoint.request(caller);
      const mutated = mutationsOf(request.body as Record<string, unknown>).find((candidate) => candidate.what === mutation.what);
      if (!mutated) continue;
      const before = await fingerprint();
      const response = await caller.send(request.method as 'POST' | 'PATCH' | 'DELETE', request.url, mutated.body);
      const status = response.statusCode;
      if (status >= 500) problems.push(`${mutation.what}: ${status} ${response.body.slice(0, 160)}`);
      else if (status >= 400) {
        const code = (response.json() as { error?: { code?: string } }).error?.code;
        if (!code || !/^[A-Z_]+$/.test(code)) problems.push(`${mutation.what}: ${status} without a stable code`);
        if ((await fingerprint()) !== before) problems.push(`${mutation.what}: refused with ${status} but the database changed`);
      } else if (!mutation.mayPass) problems.push(`${mutation.what}: accepted with ${status}`);
    }
    expect(problems).toEqual([]);
  });
});
