import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Role } from '../src/shared/contracts/domain';
import { addPerson, addUser, createUnitAsSystem, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const as: Partial<Record<Role | 'root' | 'officerB' | 'viewerRCommitteeA', Session>> = {};
const session = (who: keyof typeof as): Session => {
  const found = as[who];
  if (!found) throw new Error(`no session for ${who}`);
  return found;
};

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }]);
  await addUser(ctx.db, 'officer.b', [{ unitId: tree.B.id, role: 'officer' }]);
  await addUser(ctx.db, 'xem.r.cap.uy.a', [
    { unitId: tree.R.id, role: 'viewer' },
    { unitId: tree.A.id, role: 'committee' },
  ]);
  as.root = await openSession(ctx.app, 'root');
  as.officerB = await openSession(ctx.app, 'officer.b');
  as.viewerRCommitteeA = await openSession(ctx.app, 'xem.r.cap.uy.a');
  for (const role of ['admin', 'officer', 'committee', 'inspector', 'member', 'supervisor', 'viewer'] as const) {
    await addUser(ctx.db, `${role}.a`, [{ unitId: tree.A.id, role }]);
    as[role] = await openSession(ctx.app, `${role}.a`);
  }
});
afterAll(() => ctx.close());

const PERSONAL_FIELDS = ['birthDate', 'cardNumber', 'idNumber', 'phone', 'email', 'address'] as const;

let serial = 0;
function newPerson(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    fullName: 'Nguyễn Văn An',
    sex: 'male',
    birthDate: '1985-09-05',
    category: 'party_member',
    cardNumber: String(1_000_000 + serial),
    idNumber: `0010850${String(10_000 + serial)}`,
    admissionDate: '2010-05-19',
    phone: '0905 111 222',
    email: `nguoi${serial}@example.vn`,
    address: 'Số 1 đường Lê Lợi, phường An Bình',
    unitId: tree.C1.id,
    position: 'party_member',
    isHead: false,
    fromDate: '2025-08-01',
    ...overrides,
  };
}

async function figures(unitId: number, asOf: string) {
  const response = await session('root').get(`/api/figures?unitId=${unitId}&asOf=${asOf}`);
  expect(response.statusCode).toBe(200);
  const body = response.json();
  return { members: body.figures.members as number, partyMembers: body.figures.partyMembers as number };
}

async function count(table: 'persons' | 'memberships' | 'figure_counters'): Promise<number> {
  const result = await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`);
  return Number(result.rows[0]?.n ?? 0);
}

async function membershipsOf(personId: number) {
  const result = await ctx.db.execute<{ code: string; from_date: string; to_date: string | null; is_primary: boolean }>(sql`
    SELECT u.code, m.from_date::text AS from_date, m.to_date::text AS to_date, m.is_primary
    FROM memberships m JOIN units u ON u.id = m.unit_id WHERE m.person_id = ${personId} ORDER BY m.from_date, m.id`);
  return result.rows;
}

const names = (body: { items: Array<{ fullName: string }> }) => body.items.map((p) => p.fullName);

describe('creating a person', () => {
  it('lets the officer of A create a person in C1: 201, a membership, and one more member in the figures', async () => {
    const before = {
      A: await figures(tree.A.id, '2026-01-01'),
      R: await figures(tree.R.id, '2026-01-01'),
      B: await figures(tree.B.id, '2026-01-01'),
    };
    const response = await session('officer').send('POST', '/api/people', newPerson({ fullName: '  Nguyễn   Văn Tạo ' }));
    expect(response.statusCode).toBe(201);
    const person = response.json();
    expect(person.fullName).toBe('Nguyễn Văn Tạo');
    expect(person.unit).toEqual({ id: tree.C1.id, code: 'C1', name: 'Chi bộ Khu phố 1' });
    expect(person.version).toBe(1);
    expect(await membershipsOf(person.id)).toEqual([{ code: 'C1', from_date: '2025-08-01', to_date: null, is_primary: true }]);

    expect(await figures(tree.A.id, '2026-01-01')).toEqual({ members: before.A.members + 1, partyMembers: before.A.partyMembers + 1 });
    expect(await figures(tree.R.id, '2026-01-01')).toEqual({ members: before.R.members + 1, partyMembers: before.R.partyMembers + 1 });
    expect(await figures(tree.B.id, '2026-01-01')).toEqual(before.B);
    // Not a member before the day they joined.
    const dayBefore = await figures(tree.C1.id, '2025-07-31');
    const dayOf = await figures(tree.C1.id, '2025-08-01');
    expect(dayOf.members - dayBefore.members).toBe(1);

    const audit = await ctx.db.execute<{ actor_name: string; unit_path: string }>(
      sql`SELECT actor_name, unit_path FROM audit_log WHERE action = 'person.create' AND entity_id = ${String(person.id)}`,
    );
    expect(audit.rows).toEqual([{ actor_name: 'officer.a', unit_path: tree.C1.path }]);
  });

  it('counts a civil servant as a member but not as a party member', async () => {
    const before = await figures(tree.A.id, '2026-01-01');
    const response = await session('officer').send(
      'POST',
      '/api/people',
      newPerson({ fullName: 'Lý Thị Công Chức', category: 'civil_servant', cardNumber: null, position: 'staff' }),
    );
    expect(response.statusCode).toBe(201);
    expect(await figures(tree.A.id, '2026-01-01')).toEqual({ members: before.members + 1, partyMembers: before.partyMembers });
  });

  it('rejects bad input with 400 and writes nothing', async () => {
    const before = [await count('persons'), await count('memberships'), await count('figure_counters')];
    const cases: Array<[string, Record<string, unknown>]> = [
      ['impossible birth date', { birthDate: '1985-02-30' }],
      ['birth date not ISO', { birthDate: '05/09/1985' }],
      ['11-digit CCCD', { idNumber: '00108501234' }],
      ['CCCD with letters', { idNumber: '00108501234A' }],
      ['5-digit card number', { cardNumber: '12345' }],
      ['bad email', { email: 'khong-phai-email' }],
      ['unknown category', { category: 'chairman' }],
      ['unknown sex', { sex: 'other' }],
      ['unknown position', { position: 'king' }],
      ['empty name', { fullName: '   ' }],
      ['bad phone', { phone: 'goi-toi-nhe' }],
      ['no card and no CCCD', { cardNumber: null, idNumber: null }],
      ['joined before the unit existed', { fromDate: '2020-01-01' }],
      ['unit id not a number', { unitId: 'C1' }],
    ];
    for (const [label, override] of cases) {
      const response = await session('officer').send('POST', '/api/people', newPerson(override));
      expect(response.statusCode, label).toBe(400);
      expect(response.json().error.code, label).toBe('VALIDATION_FAILED');
    }
    expect([await count('persons'), await count('memberships'), await count('figure_counters')]).toEqual(before);
  });

  it('refuses a card or CCCD number that already belongs to someone (409 DUPLICATE)', async () => {
    const first = (await session('officer').send('POST', '/api/people', newPerson({ fullName: 'Người Có Thẻ' }))).json();
    const before = [await count('persons'), await count('memberships')];
    const sameCard = await session('officer').send('POST', '/api/people', newPerson({ cardNumber: first.cardNumber }));
    expect(sameCard.statusCode).toBe(409);
    expect(sameCard.json().error.code).toBe('DUPLICATE');
    expect(sameCard.json().error.message).toContain('Người Có Thẻ');
    const sameId = await session('officer').send('POST', '/api/people', newPerson({ idNumber: first.idNumber }));
    expect(sameId.statusCode).toBe(409);
    expect(sameId.json().error.code).toBe('DUPLICATE');
    expect([await count('persons'), await count('memberships')]).toEqual(before);
  });

  it('refuses a closed unit or a unit outside the subtree', async () => {
    const before = await count('persons');
    const intoB = await session('officer').send('POST', '/api/people', newPerson({ unitId: tree.C3.id }));
    expect(intoB.statusCode).toBe(403);
    const missing = await session('officer').send('POST', '/api/people', newPerson({ unitId: 99999999 }));
    expect(missing.statusCode).toBe(404);
    expect(await count('persons')).toBe(before);
  });
});

describe('who sees what', () => {
  let personId: number;
  beforeAll(async () => {
    const created = await session('officer').send(
      'POST',
      '/api/people',
      newPerson({
        fullName: 'Bùi Thị Riêng Tư',
        birthDate: '1990-01-02',
        cardNumber: '88800001',
        idNumber: '001090888001',
        phone: '0912 000 111',
        email: 'rieng.tu@example.vn',
        address: 'Số 9 ngõ Hoa',
      }),
    );
    personId = created.json().id;
  });

  const expectPersonal = (person: Record<string, unknown>, visible: boolean, label: string) => {
    if (visible) {
      expect(person, label).toMatchObject({
        birthDate: '1990-01-02',
        cardNumber: '88800001',
        idNumber: '001090888001',
        phone: '0912 000 111',
        email: 'rieng.tu@example.vn',
        address: 'Số 9 ngõ Hoa',
        personalVisible: true,
      });
    } else {
      for (const field of PERSONAL_FIELDS) expect(person[field], `${label}: ${field}`).toBeNull();
      expect(person.personalVisible, label).toBe(false);
      expect(JSON.stringify(person), label).not.toContain('88800001');
    }
    // Name, category and placement are for everyone who may read people.
    expect(person.fullName, label).toBe('Bùi Thị Riêng Tư');
    expect(person.category, label).toBe('party_member');
  };

  for (const [role, visible] of [
    ['admin', true],
    ['officer', true],
    ['committee', true],
    ['viewer', false],
    ['inspector', false],
  ] as const) {
    it(`${role}: personal fields ${visible ? 'visible' : 'hidden'} in the list and the detail`, async () => {
      const detail = await session(role).get(`/api/people/${personId}`);
      expect(detail.statusCode).toBe(200);
      expectPersonal(detail.json(), visible, `${role} detail`);
      const list = await session(role).get(`/api/people?unitId=${tree.C1.id}&q=rieng%20tu`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toHaveLength(1);
      expectPersonal(list.json().items[0], visible, `${role} list`);
    });
  }

  it('member and supervisor roles get 403 on /api/people', async () => {
    for (const role of ['member', 'supervisor'] as const) {
      expect((await session(role).get('/api/people')).statusCode, role).toBe(403);
      expect((await session(role).get(`/api/people?unitId=${tree.A.id}`)).statusCode, role).toBe(403);
      expect((await session(role).get(`/api/people/${personId}`)).statusCode, role).toBe(403);
      expect((await session(role).send('POST', '/api/people', newPerson())).statusCode, role).toBe(403);
    }
  });

  it('viewer, inspector and committee may read but not write', async () => {
    const before = await count('persons');
    const current = (await session('admin').get(`/api/people/${personId}`)).json();
    for (const role of ['viewer', 'inspector', 'committee'] as const) {
      expect((await session(role).send('POST', '/api/people', newPerson())).statusCode, role).toBe(403);
      const patch = await session(role).send('PATCH', `/api/people/${personId}`, {
        ...newPerson({ fullName: 'Tên Mới' }),
        version: current.version,
      });
      expect(patch.statusCode, role).toBe(403);
      const move = await session(role).send('POST', `/api/people/${personId}/move`, {
        unitId: tree.C2.id,
        position: 'party_member',
        version: current.version,
      });
      expect(move.statusCode, role).toBe(403);
    }
    expect(await count('persons')).toBe(before);
    expect((await session('admin').get(`/api/people/${personId}`)).json().version).toBe(current.version);
  });
});

describe('finding people', () => {
  let C4: { id: number; path: string };
  beforeAll(async () => {
    C4 = await createUnitAsSystem(ctx.db, 'C4', 'Chi bộ Khu phố 4', 'cell', tree.A.id);
    // Inserted out of order on purpose.
    const people = [
      'Vũ Minh Đức',
      'Phạm Văn Bình',
      'Lê Thị Ánh',
      'Trịnh Văn Ân',
      'Nguyễn Văn An',
      'Đặng Văn Dũng',
      'Trần Thị Anh',
      'Lê Văn An',
    ];
    for (const [index, fullName] of people.entries()) {
      await addPerson(ctx.db, C4.path, { fullName, unitId: C4.id, cardNumber: String(5_000_000 + index) });
    }
  });

  it('finds a name typed without diacritics, in any case', async () => {
    for (const q of ['nguyen van an', 'NGUYEN VAN AN', 'Nguyễn Văn An', 'nguyễn văn an']) {
      const body = (await session('viewer').get(`/api/people?unitId=${C4.id}&q=${encodeURIComponent(q)}`)).json();
      expect(names(body), q).toEqual(['Nguyễn Văn An']);
    }
    expect(names((await session('viewer').get(`/api/people?unitId=${C4.id}&q=duc`)).json())).toEqual(['Vũ Minh Đức']);
    expect(names((await session('viewer').get(`/api/people?unitId=${C4.id}&q=dung`)).json())).toEqual(['Đặng Văn Dũng']);
    expect((await session('viewer').get(`/api/people?unitId=${C4.id}&q=khong%20co%20ai`)).json().total).toBe(0);
  });

  it('sorts by given name in Vietnamese order, then by full name', async () => {
    const expected = [
      'Lê Văn An',
      'Nguyễn Văn An',
      'Trần Thị Anh',
      'Lê Thị Ánh',
      'Trịnh Văn Ân',
      'Phạm Văn Bình',
      'Đặng Văn Dũng',
      'Vũ Minh Đức',
    ];
    const asc = (await session('viewer').get(`/api/people?unitId=${C4.id}&sort=name`)).json();
    expect(names(asc)).toEqual(expected);
    const desc = (await session('viewer').get(`/api/people?unitId=${C4.id}&sort=name&order=desc`)).json();
    expect(names(desc)).toEqual([...expected].reverse());
  });

  it('sorts the same when the database compares text linguistically (PostgreSQL with ICU)', async ({ skip }) => {
    if (ctx.database.kind !== 'postgres') skip('the embedded database has no linguistic collations');
    const icu = await ctx.db.execute(sql`SELECT 1 FROM pg_collation WHERE collname = 'en-US-x-icu'`);
    if (icu.rows.length === 0) skip('this server has no ICU collations');
    const original =
      (
        await ctx.db.execute<{ collation_name: string | null }>(
          sql`SELECT collation_name FROM information_schema.columns WHERE table_name = 'persons' AND column_name = 'sort_key'`,
        )
      ).rows[0]?.collation_name ?? 'default';
    // A server created with LC_COLLATE en_US.UTF-8 compares text columns without a collation this way.
    await ctx.db.execute(sql`ALTER TABLE persons ALTER COLUMN sort_key TYPE text COLLATE "en-US-x-icu"`);
    try {
      const body = (await session('viewer').get(`/api/people?unitId=${C4.id}&sort=name`)).json();
      expect(names(body)).toEqual([
        'Lê Văn An',
        'Nguyễn Văn An',
        'Trần Thị Anh',
        'Lê Thị Ánh',
        'Trịnh Văn Ân',
        'Phạm Văn Bình',
        'Đặng Văn Dũng',
        'Vũ Minh Đức',
      ]);
    } finally {
      await ctx.db.execute(sql`ALTER TABLE persons ALTER COLUMN sort_key TYPE text COLLATE ${sql.identifier(original)}`);
    }
  });

  it('pages with a stable total', async () => {
    const all = names((await session('viewer').get(`/api/people?unitId=${C4.id}`)).json());
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      const body = (await session('viewer').get(`/api/people?unitId=${C4.id}&page=${page}&pageSize=3`)).json();
      expect(body.total).toBe(8);
      expect(body.page).toBe(page);
      expect(body.pageSize).toBe(3);
      pages.push(...names(body));
    }
    expect(pages).toEqual(all);
    expect((await session('viewer').get(`/api/people?unitId=${C4.id}&page=4&pageSize=3`)).json().items).toEqual([]);
    expect((await session('viewer').get(`/api/people?pageSize=500`)).statusCode).toBe(400);
    expect((await session('viewer').get(`/api/people?page=0`)).statusCode).toBe(400);
  });

  it('filters by category and by the unit alone', async () => {
    const onlyA = (await session('viewer').get(`/api/people?unitId=${tree.A.id}&includeSubtree=false`)).json();
    expect(onlyA.total).toBe(0);
    const civil = (await session('viewer').get(`/api/people?unitId=${tree.A.id}&category=civil_servant`)).json();
    expect(names(civil)).toEqual(['Lý Thị Công Chức']);
  });
});

describe('the subtree boundary', () => {
  let inC3: { id: number; version: number };
  beforeAll(async () => {
    inC3 = await addPerson(ctx.db, tree.C3.path, { fullName: 'Hồ Văn Bên Kia', unitId: tree.C3.id, cardNumber: '66600001' });
  });

  it('refuses reading or changing a person of C3 to the officer of A, and changes nothing', async () => {
    const officer = session('officer');
    expect((await officer.get(`/api/people/${inC3.id}`)).statusCode).toBe(403);
    const patch = await officer.send('PATCH', `/api/people/${inC3.id}`, {
      ...newPerson({ fullName: 'Đổi Tên', cardNumber: '66600001' }),
      version: inC3.version,
    });
    expect(patch.statusCode).toBe(403);
    const move = await officer.send('POST', `/api/people/${inC3.id}/move`, {
      unitId: tree.C1.id,
      position: 'party_member',
      version: inC3.version,
    });
    expect(move.statusCode).toBe(403);
    expect((await officer.get(`/api/people?unitId=${tree.B.id}`)).statusCode).toBe(403);
    expect((await officer.get(`/api/people?unitId=${tree.C3.id}`)).statusCode).toBe(403);
    const detail = (await session('root').get(`/api/people/${inC3.id}`)).json();
    expect(detail.fullName).toBe('Hồ Văn Bên Kia');
    expect(detail.unit.code).toBe('C3');
    expect(detail.version).toBe(inC3.version);
  });

  it('lists only A’s people when no unit is given', async () => {
    const body = (await session('officer').get('/api/people?pageSize=200')).json();
    expect(body.total).toBeGreaterThan(0);
    expect(names(body)).not.toContain('Hồ Văn Bên Kia');
    expect(body.items.every((p: { unit: { code: string } }) => ['C1', 'C2', 'C4'].includes(p.unit.code))).toBe(true);
    const everything = (await session('root').get('/api/people?pageSize=200')).json();
    expect(names(everything)).toContain('Hồ Văn Bên Kia');
    expect(everything.total).toBe(body.total + 1);
  });

  it('answers 404 for a person that does not exist and 401 without a session', async () => {
    expect((await session('officer').get('/api/people/99999999')).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/people' })).statusCode).toBe(401);
  });
});

describe('editing a person', () => {
  it('updates with the current version and refuses a stale one (409 VERSION_CONFLICT)', async () => {
    const created = (await session('officer').send('POST', '/api/people', newPerson({ fullName: 'Mai Văn Sửa' }))).json();
    const { id, unit: _unit, position: _position, isHead: _isHead, personalVisible: _pv, version, ...fields } = created;
    const updated = await session('officer').send('PATCH', `/api/people/${id}`, { ...fields, fullName: 'Mai Văn Sửa Lại', version });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().fullName).toBe('Mai Văn Sửa Lại');
    expect(updated.json().version).toBe(version + 1);

    const stale = await session('admin').send('PATCH', `/api/people/${id}`, { ...fields, fullName: 'Ghi Đè', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const row = (await ctx.db.execute<{ full_name: string; version: number }>(sql`SELECT full_name, version FROM persons WHERE id = ${id}`))
      .rows[0];
    expect(row).toEqual({ full_name: 'Mai Văn Sửa Lại', version: version + 1 });
    const found = (await session('officer').get('/api/people?q=mai%20van%20sua%20lai')).json();
    expect(names(found)).toEqual(['Mai Văn Sửa Lại']);
  });

  it('changes only the fields sent, and the position in the current unit', async () => {
    const created = (await session('officer').send('POST', '/api/people', newPerson({ fullName: 'Phan Văn Giữ' }))).json();
    const response = await session('officer').send('PATCH', `/api/people/${created.id}`, {
      phone: '0911222333',
      position: 'committee_member',
      isHead: true,
      version: created.version,
    });
    expect(response.statusCode).toBe(200);
    const detail = (await session('officer').get(`/api/people/${created.id}`)).json();
    expect(detail.phone).toBe('0911222333');
    expect(detail.fullName).toBe('Phan Văn Giữ');
    expect(detail.cardNumber).toBe(created.cardNumber);
    expect(detail.birthDate).toBe(created.birthDate);
    expect(detail.position).toBe('committee_member');
    expect(detail.isHead).toBe(true);
    expect(detail.memberships).toHaveLength(1);
  });

  it('refuses taking another person’s card number on update', async () => {
    const first = (await session('officer').send('POST', '/api/people', newPerson({ fullName: 'Chủ Thẻ Thật' }))).json();
    const second = (await session('officer').send('POST', '/api/people', newPerson({ fullName: 'Người Muốn Thẻ' }))).json();
    const response = await session('officer').send('PATCH', `/api/people/${second.id}`, {
      ...newPerson({ fullName: 'Người Muốn Thẻ', cardNumber: first.cardNumber, idNumber: second.idNumber }),
      version: second.version,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('DUPLICATE');
    expect(
      (await ctx.db.execute<{ card_number: string }>(sql`SELECT card_number FROM persons WHERE id = ${second.id}`)).rows[0]!.card_number,
    ).toBe(second.cardNumber);
  });
});

describe('moving a person', () => {
  let person: { id: number; version: number };
  const moveDay = '2026-03-01';
  let before: { C1: { members: number }; C2: { members: number }; A: { members: number } };
  let beforeDayBefore: typeof before;

  beforeAll(async () => {
    person = (
      await session('officer').send('POST', '/api/people', newPerson({ fullName: 'Đinh Văn Chuyển', fromDate: '2025-09-01' }))
    ).json();
    const snapshot = async (day: string) => ({
      C1: await figures(tree.C1.id, day),
      C2: await figures(tree.C2.id, day),
      A: await figures(tree.A.id, day),
    });
    before = await snapshot(moveDay);
    beforeDayBefore = await snapshot('2026-02-28');
  });

  it('refuses moving into B’s subtree for the officer of A, and changes nothing', async () => {
    const response = await session('officer').send('POST', `/api/people/${person.id}/move`, {
      unitId: tree.C3.id,
      position: 'party_member',
      version: person.version,
      effectiveDate: moveDay,
    });
    expect(response.statusCode).toBe(403);
    expect(await membershipsOf(person.id)).toEqual([{ code: 'C1', from_date: '2025-09-01', to_date: null, is_primary: true }]);
    expect(await figures(tree.B.id, moveDay)).toEqual(await figures(tree.B.id, '2026-02-28'));
  });

  it('refuses a stale version and a date before the current membership began', async () => {
    const stale = await session('officer').send('POST', `/api/people/${person.id}/move`, {
      unitId: tree.C2.id,
      position: 'party_member',
      version: person.version - 1,
      effectiveDate: moveDay,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const early = await session('officer').send('POST', `/api/people/${person.id}/move`, {
      unitId: tree.C2.id,
      position: 'party_member',
      version: person.version,
      effectiveDate: '2025-08-15',
    });
    expect(early.statusCode).toBe(400);
    expect(await membershipsOf(person.id)).toHaveLength(1);
  });

  it('moves to C2 from an effective date, keeping history and moving the figures from that day', async () => {
    const response = await session('officer').send('POST', `/api/people/${person.id}/move`, {
      unitId: tree.C2.id,
      position: 'committee_member',
      isHead: false,
      effectiveDate: moveDay,
      version: person.version,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().unit.code).toBe('C2');
    expect(response.json().position).toBe('committee_member');
    expect(response.json().version).toBe(person.version + 1);
    expect(await membershipsOf(person.id)).toEqual([
      { code: 'C1', from_date: '2025-09-01', to_date: moveDay, is_primary: true },
      { code: 'C2', from_date: moveDay, to_date: null, is_primary: true },
    ]);

    const after = { C1: await figures(tree.C1.id, moveDay), C2: await figures(tree.C2.id, moveDay), A: await figures(tree.A.id, moveDay) };
    expect(after.C1.members).toBe(before.C1.members - 1);
    expect(after.C2.members).toBe(before.C2.members + 1);
    expect(after.A.members).toBe(before.A.members);
    const dayBefore = {
      C1: await figures(tree.C1.id, '2026-02-28'),
      C2: await figures(tree.C2.id, '2026-02-28'),
      A: await figures(tree.A.id, '2026-02-28'),
    };
    expect(dayBefore).toEqual(beforeDayBefore);

    const detail = (await session('officer').get(`/api/people/${person.id}`)).json();
    expect(
      detail.memberships.map((m: { unitCode: string; fromDate: string; toDate: string | null }) => [m.unitCode, m.fromDate, m.toDate]),
    ).toEqual([
      ['C2', moveDay, null],
      ['C1', '2025-09-01', moveDay],
    ]);
    const audit = await ctx.db.execute<{ before: { unitId: number }; after: { unitId: number; effectiveDate: string } }>(
      sql`SELECT before, after FROM audit_log WHERE action = 'person.move' AND entity_id = ${String(person.id)}`,
    );
    expect(audit.rows).toEqual([
      {
        before: expect.objectContaining({ unitId: tree.C1.id }),
        after: expect.objectContaining({ unitId: tree.C2.id, effectiveDate: moveDay }),
      },
    ]);
  });

  it('lists the person in the old unit as of a date before the move, and in the new one from it', async () => {
    const inC1 = async (query: string) =>
      names((await session('officer').get(`/api/people?unitId=${tree.C1.id}&q=dinh%20van%20chuyen${query}`)).json());
    const inC2 = async (query: string) =>
      names((await session('officer').get(`/api/people?unitId=${tree.C2.id}&q=dinh%20van%20chuyen${query}`)).json());
    expect(await inC1('&asOf=2026-02-28')).toEqual(['Đinh Văn Chuyển']);
    expect(await inC2('&asOf=2026-02-28')).toEqual([]);
    expect(await inC1(`&asOf=${moveDay}`)).toEqual([]);
    expect(await inC2(`&asOf=${moveDay}`)).toEqual(['Đinh Văn Chuyển']);
    expect(await inC1('')).toEqual([]);
    expect(await inC2('')).toEqual(['Đinh Văn Chuyển']);
    expect(await inC1('&asOf=2025-08-31')).toEqual([]);
  });

  it('shows personal fields by where the person is now, not where they once were', async () => {
    const moved = (await session('root').get(`/api/people/${person.id}`)).json();
    const toB = await session('root').send('POST', `/api/people/${person.id}/move`, {
      unitId: tree.C3.id,
      position: 'party_member',
      effectiveDate: '2026-04-01',
      version: moved.version,
    });
    expect(toB.statusCode).toBe(200);
    // Committee on A (personal data) and viewer on R (no personal data): the person is now in B.
    const reader = session('viewerRCommitteeA');
    const detail = (await reader.get(`/api/people/${person.id}`)).json();
    for (const field of PERSONAL_FIELDS) expect(detail[field], field).toBeNull();
    const listed = (await reader.get(`/api/people?q=dinh%20van%20chuyen`)).json();
    expect(listed.items).toHaveLength(1);
    for (const field of PERSONAL_FIELDS) expect(listed.items[0][field], field).toBeNull();
    // The officer of B, where the person now is, sees them in full.
    expect((await session('officerB').get(`/api/people/${person.id}`)).json().cardNumber).toBe(moved.cardNumber);
    // The officer of A no longer reaches the person.
    expect((await session('officer').get(`/api/people/${person.id}`)).statusCode).toBe(403);
  });
});
