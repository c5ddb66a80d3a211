import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Role } from '../src/shared/contracts/domain';
import { todayIso } from '../src/server/platform/dates';
import { addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let root: Session;
let adminA: Session;
let officerA: Session;

type AuditRow = {
  id: number;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_path: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  request_id: string | null;
};
type AuditItem = {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  unitPath: string | null;
  requestId: string | null;
};

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }], 'Quản trị Tỉnh');
  await addUser(ctx.db, 'admin.a', [{ unitId: tree.A.id, role: 'admin' }], 'Quản trị An Bình');
  await addUser(ctx.db, 'officer.a', [{ unitId: tree.A.id, role: 'officer' }], 'Đặng Văn Kiểm');
  root = await openSession(ctx.app, 'root', { remoteAddress: '10.7.0.1' });
  adminA = await openSession(ctx.app, 'admin.a', { remoteAddress: '10.7.0.2' });
  officerA = await openSession(ctx.app, 'officer.a', { remoteAddress: '10.7.0.3' });
});
afterAll(() => ctx.close());

async function auditOf(entityType: string, entityId: number | string): Promise<AuditRow[]> {
  const result = await ctx.db.execute<AuditRow>(sql`
    SELECT id, actor_user_id, actor_name, action, entity_type, entity_id, unit_path, before, after, ip, request_id
    FROM audit_log WHERE entity_type = ${entityType} AND entity_id = ${String(entityId)} ORDER BY id`);
  return result.rows.map((row) => ({
    ...row,
    id: Number(row.id),
    actor_user_id: row.actor_user_id === null ? null : Number(row.actor_user_id),
  }));
}

async function auditCount(): Promise<number> {
  return Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log`)).rows[0]!.n);
}

async function userId(username: string): Promise<number> {
  return Number((await ctx.db.execute<{ id: number }>(sql`SELECT id FROM users WHERE username = ${username}`)).rows[0]!.id);
}

describe('what every write records', () => {
  it('records a unit write: who, what, before, after, address and request id', async () => {
    const created = await root.send('POST', '/api/units', {
      code: 'C7',
      name: 'Chi bộ Khu phố 7',
      kind: 'cell',
      parentId: tree.A.id,
      validFrom: '2026-01-01',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    const renamed = await adminA.send('PATCH', `/api/units/${unit.id}`, {
      name: 'Chi bộ Khu phố 7A',
      effectiveDate: '2026-02-01',
      version: unit.version,
    });
    expect(renamed.statusCode).toBe(200);

    const rows = await auditOf('unit', unit.id);
    expect(rows.map((row) => row.action)).toEqual(['unit.create', 'unit.update']);
    const [create, update] = rows as [AuditRow, AuditRow];
    expect(create).toMatchObject({
      actor_user_id: await userId('root'),
      actor_name: 'Quản trị Tỉnh',
      unit_path: unit.path,
      before: null,
      ip: '10.7.0.1',
      request_id: created.headers['x-request-id'],
    });
    expect(create.after).toMatchObject({ code: 'C7', name: 'Chi bộ Khu phố 7', parentId: tree.A.id });
    expect(update).toMatchObject({
      actor_user_id: await userId('admin.a'),
      actor_name: 'Quản trị An Bình',
      ip: '10.7.0.2',
      request_id: renamed.headers['x-request-id'],
    });
    expect(update.before).toMatchObject({ name: 'Chi bộ Khu phố 7' });
    expect(update.after).toMatchObject({ name: 'Chi bộ Khu phố 7A' });
    expect(typeof created.headers['x-request-id']).toBe('string');
    expect(created.headers['x-request-id']).not.toBe(renamed.headers['x-request-id']);
  });

  it('records a person write with the fields before and after', async () => {
    const created = await officerA.send('POST', '/api/people', {
      fullName: 'Phan Văn Ghi',
      sex: 'male',
      category: 'party_member',
      cardNumber: '61000001',
      unitId: tree.C1.id,
      position: 'party_member',
      fromDate: '2025-09-01',
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    const updated = await officerA.send('PATCH', `/api/people/${person.id}`, {
      fullName: 'Phan Văn Ghi Chép',
      sex: 'male',
      category: 'party_member',
      cardNumber: '61000001',
      phone: '0905 000 999',
      version: person.version,
    });
    expect(updated.statusCode).toBe(200);

    const rows = await auditOf('person', person.id);
    expect(rows.map((row) => row.action)).toEqual(['person.create', 'person.update']);
    const [create, update] = rows as [AuditRow, AuditRow];
    expect(create).toMatchObject({
      actor_name: 'Đặng Văn Kiểm',
      unit_path: tree.C1.path,
      before: null,
      ip: '10.7.0.3',
      request_id: created.headers['x-request-id'],
    });
    expect(create.after).toMatchObject({ fullName: 'Phan Văn Ghi', cardNumber: '61000001', unitId: tree.C1.id });
    expect(update).toMatchObject({
      actor_user_id: await userId('officer.a'),
      unit_path: tree.C1.path,
      ip: '10.7.0.3',
      request_id: updated.headers['x-request-id'],
    });
    expect(update.before).toMatchObject({ fullName: 'Phan Văn Ghi', phone: null });
    expect(update.after).toMatchObject({ fullName: 'Phan Văn Ghi Chép', phone: '0905 000 999' });
  });

  it('records nothing for a refused or invalid write', async () => {
    const before = await auditCount();
    expect(
      (await officerA.send('POST', '/api/units', { code: 'C8', name: 'Chi bộ 8', kind: 'cell', parentId: tree.A.id })).statusCode,
    ).toBe(403);
    expect((await root.send('POST', '/api/units', { code: '', name: 'Chi bộ 8', kind: 'cell', parentId: tree.A.id })).statusCode).toBe(400);
    expect(
      (
        await officerA.send('POST', '/api/people', {
          fullName: 'Không Ghi',
          sex: 'male',
          category: 'party_member',
          cardNumber: '61000001',
          unitId: tree.C1.id,
          position: 'party_member',
        })
      ).statusCode,
    ).toBe(409);
    expect(await auditCount()).toBe(before);
  });
});

describe('the log is append-only', () => {
  it('refuses UPDATE and DELETE, leaving the rows as they were', async () => {
    const before = await ctx.db.execute(sql`SELECT * FROM audit_log ORDER BY id`);
    expect(before.rows.length).toBeGreaterThan(0);
    // One checked-out connection: the pool would drop a connection after each refused statement.
    const client = await ctx.database.pool.connect();
    try {
      for (const statement of [
        `UPDATE audit_log SET actor_name = 'Người khác' WHERE id = (SELECT min(id) FROM audit_log)`,
        'UPDATE audit_log SET after = NULL',
        'DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)',
        'DELETE FROM audit_log',
      ]) {
        await expect(client.query(statement), statement).rejects.toThrow('audit_log is append-only');
      }
    } finally {
      client.release();
    }
    const after = await ctx.db.execute(sql`SELECT * FROM audit_log ORDER BY id`);
    expect(after.rows).toEqual(before.rows);
    // Writing through the application still works and still appends.
    expect(
      (
        await root.send('POST', '/api/units', {
          code: 'C9',
          name: 'Chi bộ Khu phố 9',
          kind: 'cell',
          parentId: tree.A.id,
          validFrom: '2026-01-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(await auditCount()).toBe(before.rows.length + 1);
  });
});

describe('reading the log', () => {
  beforeAll(async () => {
    // Writes in B, and on accounts (no unit), that the administrator of A must not see.
    const inB = await root.send('POST', '/api/units', {
      code: 'C10',
      name: 'Chi bộ thôn Phú Lộc 2',
      kind: 'cell',
      parentId: tree.B.id,
      validFrom: '2026-01-01',
    });
    expect(inB.statusCode).toBe(201);
    const account = await root.send('POST', '/api/accounts', {
      username: 'nguoi.moi',
      displayName: 'Người Mới',
      password: 'MatKhau@777',
      grants: [{ unitId: tree.C3.id, role: 'viewer' }],
    });
    expect(account.statusCode).toBe(201);
  });

  const list = async (session: Session, query = '') => {
    const response = await session.get(`/api/audit${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: AuditItem[]; total: number; page: number; pageSize: number };
  };

  it('shows the root administrator every entry, newest first, with paging', async () => {
    const all = await list(root, '?pageSize=200');
    expect(all.total).toBe(await auditCount());
    expect(all.items.map((item) => item.id)).toEqual([...all.items.map((item) => item.id)].sort((a, b) => b - a));
    expect(all.items.map((item) => item.action)).toEqual(
      expect.arrayContaining(['unit.create', 'unit.update', 'person.create', 'person.update', 'account.create']),
    );
    const page1 = await list(root, '?page=1&pageSize=3');
    const page2 = await list(root, '?page=2&pageSize=3');
    expect(page1.total).toBe(all.total);
    expect(page2.total).toBe(all.total);
    expect([...page1.items, ...page2.items].map((item) => item.id)).toEqual(all.items.slice(0, 6).map((item) => item.id));
    expect((await root.get('/api/audit?pageSize=1000')).statusCode).toBe(400);
  });

  it('filters by action, entity type, actor and date', async () => {
    const units = await list(root, '?action=unit.&pageSize=200');
    expect(units.total).toBeGreaterThan(0);
    expect(units.items.every((item) => item.action.startsWith('unit.'))).toBe(true);
    const exact = await list(root, '?action=person.update');
    expect(exact.items.map((item) => item.action)).toEqual(['person.update']);

    const people = await list(root, '?entityType=person&pageSize=200');
    expect(people.items.map((item) => item.action).sort()).toEqual(['person.create', 'person.update']);

    for (const actor of ['Đặng Văn Kiểm', 'đặng văn', 'dang van kiem', 'KIEM']) {
      const byActor = await list(root, `?actor=${encodeURIComponent(actor)}&pageSize=200`);
      expect(
        byActor.items.map((item) => item.actorName),
        actor,
      ).toEqual(['Đặng Văn Kiểm', 'Đặng Văn Kiểm']);
    }

    const today = todayIso();
    const todays = await list(root, `?from=${today}&to=${today}&pageSize=200`);
    expect(todays.total).toBe(await auditCount());
    const past = await list(root, '?to=2020-12-31');
    expect(past.total).toBe(0);
    const combined = await list(root, `?action=unit.create&entityType=unit&actor=quan%20tri%20tinh&from=${today}&pageSize=200`);
    expect(combined.items.length).toBeGreaterThan(0);
    expect(combined.items.every((item) => item.action === 'unit.create' && item.actorName === 'Quản trị Tỉnh')).toBe(true);
    expect((await root.get('/api/audit?from=22/11/2026')).statusCode).toBe(400);
    expect((await root.get('/api/audit?from=2026-02-30')).statusCode).toBe(400);
    expect((await root.get('/api/audit?to=2026-13-01')).statusCode).toBe(400);
  });

  it('counts days in Vietnam’s time (UTC+7)', async () => {
    // 01:30 on 11 January in Vietnam is still 10 January in UTC.
    await ctx.db.execute(sql`
      INSERT INTO audit_log (at, actor_name, action, entity_type, entity_id, unit_path)
      VALUES ('2026-01-10T18:30:00Z', 'Hệ thống', 'test.vietnam_day', 'test', '1', ${tree.A.path}),
             ('2026-01-11T16:59:00Z', 'Hệ thống', 'test.vietnam_day', 'test', '2', ${tree.A.path}),
             ('2026-01-11T17:00:00Z', 'Hệ thống', 'test.vietnam_day', 'test', '3', ${tree.A.path})`);
    const day = await list(root, '?action=test.vietnam_day&from=2026-01-11&to=2026-01-11');
    expect(day.items.map((item) => item.entityId).sort()).toEqual(['1', '2']);
    const next = await list(root, '?action=test.vietnam_day&from=2026-01-12&to=2026-01-12');
    expect(next.items.map((item) => item.entityId)).toEqual(['3']);
  });

  it('shows the administrator of A only entries about units inside A', async () => {
    const forA = await list(adminA, '?pageSize=200');
    expect(forA.total).toBeGreaterThan(0);
    expect(forA.total).toBe(forA.items.length);
    for (const item of forA.items) {
      expect(item.unitPath, item.action).not.toBeNull();
      expect(item.unitPath === tree.A.path || item.unitPath!.startsWith(`${tree.A.path}.`), `${item.action} ${item.unitPath}`).toBe(true);
    }
    const actions = forA.items.map((item) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['unit.create', 'unit.update', 'person.create', 'person.update']));
    expect(actions).not.toContain('account.create');
    const inA = (
      await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE unit_path::ltree <@ ${tree.A.path}::ltree`)
    ).rows[0]!.n;
    expect(forA.total).toBe(Number(inA));
    const rootTotal = (await list(root)).total;
    expect(forA.total).toBeLessThan(rootTotal);
  });

  it('refuses everyone without the administrator role (403), and anyone without a session (401)', async () => {
    const roles: Role[] = ['officer', 'committee', 'inspector', 'member', 'supervisor', 'viewer'];
    for (const role of roles) {
      await addUser(ctx.db, `nhat.ky.${role}`, [{ unitId: tree.R.id, role }]);
      const session = await openSession(ctx.app, `nhat.ky.${role}`);
      const response = await session.get('/api/audit');
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });
});
