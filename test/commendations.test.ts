/**
 * Commendation end to end over HTTP: a cell nominates a member with a photo, the commune returns it,
 * the cell fixes and resubmits it, the commune endorses it and sends it up, the province decides a
 * Bằng khen naming three, the decision's DOCX reads right and the live figures move. Bad input
 * changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { tinyPng } from './helpers/tiny-files';
import { computeFigures } from '../src/server/modules/reports/metric-catalogue';
import { todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let secretary: Session;
let commune: Session;
let province: Session;
let outsider: Session;
let member: { id: number };
let memberOfB: { id: number };
const year = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  member = await addPerson(ctx.db, tree.C1.path, { fullName: 'Nguyễn Thị Gương', unitId: tree.C1.id, cardNumber: '93000001' });
  memberOfB = await addPerson(ctx.db, tree.C3.path, { fullName: 'Trần Văn Khác', unitId: tree.C3.id, cardNumber: '93000002' });
  await addUser(ctx.db, 'bithu.c1', [{ unitId: tree.C1.id, role: 'committee' }]);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'thuongvu.r', [{ unitId: tree.R.id, role: 'committee' }]);
  await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
  secretary = await openSession(ctx.app, 'bithu.c1');
  commune = await openSession(ctx.app, 'canbo.a');
  province = await openSession(ctx.app, 'thuongvu.r');
  outsider = await openSession(ctx.app, 'canbo.b');
});
afterAll(() => ctx.close());

const story = {
  title: 'Đảng viên tiêu biểu trong phong trào xây dựng khu phố văn minh',
  story: 'Vận động 120 hộ dân hiến đất mở rộng hẻm, tổ chức lớp học tình thương cho 25 em.',
  results: 'Mở rộng 350 m hẻm; 25 em được học miễn phí.',
  periodFrom: `${year}-01-01`,
  periodTo: `${year}-06-30`,
  registrationIds: [] as number[],
};

async function counts() {
  const rows = await ctx.db.execute<{ nominations: number; events: number; decisions: number }>(sql`
    SELECT (SELECT count(*) FROM nominations) AS nominations, (SELECT count(*) FROM nomination_events) AS events, (SELECT count(*) FROM commendation_decisions) AS decisions`);
  return rows.rows[0]!;
}

async function nominate(body: Record<string, unknown>, by = secretary) {
  const response = await by.send('POST', '/api/nominations', { unitId: tree.C1.id, ...story, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; version: number; status: string; steps: string[] };
}

async function step(who: Session, id: number, name: string, version: number, reason: string | null = null) {
  const response = await who.send('POST', `/api/nominations/${id}/${name}`, { version, reason });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    id: number;
    version: number;
    status: string;
    atUnit: { name: string } | null;
    history: Array<{ action: string; changes: Array<{ field: string; before: string; after: string }> | null; reason: string | null }>;
    steps: string[];
  };
}

describe('a nomination travels up the tree and is decided', () => {
  let nominationId = 0;
  let others: number[] = [];

  it('a cell nominates a member with a photo; the draft is kept and offers submit', async () => {
    const photo = await secretary.upload(`/api/files?unitId=${tree.C1.id}&purpose=nomination`, {
      fileName: 'Ảnh khu phố.png',
      content: tinyPng(),
      contentType: 'image/png',
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const created = await nominate({ kind: 'individual', subjectPersonId: member.id, fileIds: [photo.json().id] });
    nominationId = created.id;
    expect(created.status).toBe('draft');
    expect(created.steps).toContain('submit');
    const detail = (await secretary.get(`/api/nominations/${created.id}`)).json();
    expect(detail.subject.name).toBe('Nguyễn Thị Gương');
    expect(detail.files.map((file: { name: string }) => file.name)).toEqual(['Ảnh khu phố.png']);
  });

  it('the commune receives it, returns it with a reason; the cell fixes it and resubmits', async () => {
    let current = (await secretary.get(`/api/nominations/${nominationId}`)).json();
    current = await step(secretary, nominationId, 'submit', current.version);
    expect(current.status).toBe('submitted');
    expect(current.atUnit?.name).toBe('Đảng ủy phường An Bình');

    const waiting = (await commune.get(`/api/nominations?unitId=${tree.A.id}&view=to_vet`)).json();
    expect(waiting.items.map((item: { id: number }) => item.id)).toContain(nominationId);
    // Found without diacritics.
    expect((await commune.get(`/api/nominations?unitId=${tree.A.id}&q=khu pho van minh`)).json().total).toBe(1);

    const returned = await step(commune, nominationId, 'return', current.version, 'Bổ sung số hộ dân đã vận động');
    expect(returned.status).toBe('returned');
    expect(returned.atUnit).toBeNull();
    const stale = await commune.send('POST', `/api/nominations/${nominationId}/endorse`, { version: current.version });
    expect(stale.statusCode).toBe(409);

    const secondPhoto = await secretary.upload(`/api/files?unitId=${tree.C1.id}&purpose=nomination`, {
      fileName: 'Ảnh lớp học.png',
      content: tinyPng(),
      contentType: 'image/png',
    });
    const keptIds = (await secretary.get(`/api/nominations/${nominationId}`)).json().files.map((file: { id: number }) => file.id);
    const edited = await secretary.send('PATCH', `/api/nominations/${nominationId}`, {
      ...story,
      results: 'Mở rộng 350 m hẻm; 132 hộ hiến đất; 25 em được học miễn phí.',
      subjectPersonId: member.id,
      fileIds: [...keptIds, secondPhoto.json().id],
      version: returned.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const resubmitted = await step(secretary, nominationId, 'submit', edited.json().version);
    const last = resubmitted.history.at(-1)!;
    expect(last.action).toBe('submit');
    // What changed reads with its values, as in registrations: before and after, files by their names.
    expect(last.changes).toEqual([
      {
        field: 'results',
        before: 'Mở rộng 350 m hẻm; 25 em được học miễn phí.',
        after: 'Mở rộng 350 m hẻm; 132 hộ hiến đất; 25 em được học miễn phí.',
      },
      { field: 'files', before: 'Ảnh khu phố.png', after: 'Ảnh khu phố.png; Ảnh lớp học.png' },
    ]);
    expect(resubmitted.history.map((event) => event.reason)).toContain('Bổ sung số hộ dân đã vận động');
  });

  it('the commune endorses it and sends it up; the province holds it', async () => {
    let current = (await commune.get(`/api/nominations/${nominationId}`)).json();
    current = await step(commune, nominationId, 'endorse', current.version);
    expect(current.status).toBe('endorsed');
    expect(current.steps).toContain('forward');
    current = await step(commune, nominationId, 'forward', current.version);
    expect(current.status).toBe('proposed');
    expect(current.atUnit?.name).toBe('Tỉnh ủy Thử nghiệm');
    // Two more held by the province: a model from the cell, sent up the same way, and a cell the
    // commune nominates itself, which goes straight to the province.
    const model = await nominate({ kind: 'model', title: 'Mô hình "Khu phố không rác thải nhựa"' });
    const modelSubmitted = await step(secretary, model.id, 'submit', model.version);
    const modelEndorsed = await step(commune, model.id, 'endorse', modelSubmitted.version);
    await step(commune, model.id, 'forward', modelEndorsed.version);
    const collective = await nominate(
      { unitId: tree.A.id, kind: 'collective', subjectUnitId: tree.C2.id, title: 'Chi bộ trong sạch, vững mạnh tiêu biểu' },
      commune,
    );
    const collectiveSubmitted = await step(commune, collective.id, 'submit', collective.version);
    expect(collectiveSubmitted.atUnit?.name).toBe('Tỉnh ủy Thử nghiệm');
    others = [model.id, collective.id];
  });

  it('the province decides a Bằng khen naming three; the DOCX carries the number, the names and the annex', async () => {
    const before = (await province.get(`/api/commendation-figures?unitId=${tree.R.id}&year=${year}`)).json();
    const response = await province.send('POST', '/api/commendation-decisions', {
      unitId: tree.R.id,
      formCode: 'bang_khen',
      decidedOn: `${year}-07-15`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-06-30`,
      title: 'Về việc tặng Bằng khen cho tập thể, cá nhân có thành tích xuất sắc trong học tập và làm theo Bác',
      signerName: 'Lê Văn Ký',
      signerTitle: 'Phó Bí thư Thường trực',
      nominationIds: [nominationId, ...others],
    });
    if (`${year}-07-15` > todayIso()) {
      expect(response.statusCode).toBe(400);
      return;
    }
    expect(response.statusCode, response.body).toBe(201);
    const decision = response.json();
    expect(decision.numberSymbol).toBe('1-QĐ/TU');
    expect(decision.entries).toHaveLength(3);
    const nomination = (await secretary.get(`/api/nominations/${nominationId}`)).json();
    expect(nomination.status).toBe('commended');
    expect(nomination.decisionId).toBe(decision.id);

    const document = await commune.get(`/api/commendation-decisions/${decision.id}/document`);
    expect(document.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(document.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'TỈNH ỦY THỬ NGHIỆM',
      'Số 1-QĐ/TU',
      'QUYẾT ĐỊNH',
      'BAN THƯỜNG VỤ TỈNH ỦY THỬ NGHIỆM',
      'Bằng khen 1 tập thể, 1 cá nhân và 1 mô hình, cách làm hay',
      'DANH SÁCH',
      'Nguyễn Thị Gương',
      'Chi bộ Khu phố 2',
      'Lê Văn Ký',
      'PHÓ BÍ THƯ THƯỜNG TRỰC',
    ]) {
      expect(text).toContain(expected);
    }

    const after = (await province.get(`/api/commendation-figures?unitId=${tree.R.id}&year=${year}`)).json();
    expect(after.figures.commended - before.figures.commended).toBe(3);
    expect(after.figures.individuals).toBe(before.figures.individuals + 1);
    expect(after.figures.byForm.bang_khen).toBe((before.figures.byForm.bang_khen ?? 0) + 1 * 3);
    expect(after.figures.byLevel.province_committee).toBe(3);
    const childA = after.children.find((child: { unit: { id: number } }) => child.unit.id === tree.A.id);
    expect(childA.figures.collectives).toBe(1);
    // The report catalogue fills "khen thưởng N tập thể, M cá nhân" from the same counters.
    const report = (
      await computeFigures(
        ctx.db,
        [tree.R.id],
        ['commended_collectives', 'commended_individuals', 'commended_models', 'nominations'],
        `${year}-01-01`,
        `${year}-12-31`,
      )
    ).get(tree.R.id)!;
    expect(report).toMatchObject({ commended_collectives: 1, commended_individuals: 1, commended_models: 1, nominations: 3 });
    // The province shows the model in the public gallery; anyone finds it without diacritics, with its photo.
    expect(
      (await secretary.send('POST', `/api/nominations/${nominationId}/publish`, { version: nomination.version, isPublic: true }))
        .statusCode,
    ).toBe(403);
    const published = await province.send('POST', `/api/nominations/${nominationId}/publish`, {
      version: nomination.version,
      isPublic: true,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().isPublic).toBe(true);
    const gallery = await ctx.app.inject({ method: 'GET', url: `/guong-dien-hinh?q=${encodeURIComponent('nguyen thi guong')}` });
    expect(gallery.statusCode).toBe(200);
    expect(gallery.body).toContain('Nguyễn Thị Gương');
    expect(gallery.body).toContain('Bằng khen của Tỉnh ủy Thử nghiệm');
    expect(gallery.body).not.toContain('93000001');
    const photoId = /\/guong-dien-hinh\/anh\/(\d+)/.exec(gallery.body)?.[1];
    expect(photoId).toBeDefined();
    const photo = await ctx.app.inject({ method: 'GET', url: `/guong-dien-hinh/anh/${photoId}` });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    // Filtered by province, year and kind from the page's own form.
    const body = async (query: string) => (await ctx.app.inject({ method: 'GET', url: `/guong-dien-hinh?${query}` })).body;
    expect(await body(`tinh=${tree.R.id}&nam=${year}&loai=individual`)).toContain('Nguyễn Thị Gương');
    expect(await body('loai=model')).not.toContain('Nguyễn Thị Gương');
    expect(await body(`nam=${year - 1}`)).toContain('Chưa có gương điển hình nào');
    // What is not public stays out: the model was not marked, and an unrelated file id is not served.
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/guong-dien-hinh?q=${encodeURIComponent('khong rac thai nhua')}` })).body,
    ).toContain('Chưa có gương điển hình nào');
    expect((await ctx.app.inject({ method: 'GET', url: '/guong-dien-hinh/anh/999999' })).statusCode).toBe(404);

    // And the counters equal a direct count of the rows.
    const recount = await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM nominations WHERE status = 'commended'`);
    expect(Number(recount.rows[0]!.n)).toBe(after.figures.commended);
  });
});

describe('bad input is refused and changes nothing', () => {
  it('refuses a person outside the nominating unit, a collective outside it, and a model naming someone', async () => {
    const before = await counts();
    for (const body of [
      { kind: 'individual', subjectPersonId: memberOfB.id },
      { kind: 'individual' },
      { kind: 'collective', subjectUnitId: tree.C3.id },
      { kind: 'model', subjectPersonId: member.id },
      { kind: 'model', periodFrom: `${year}-06-30`, periodTo: `${year}-01-01` },
    ]) {
      const response = await secretary.send('POST', '/api/nominations', { unitId: tree.C1.id, ...story, ...body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a decision naming one nomination twice, a future date, a used number, a nomination held elsewhere, and an unknown form', async () => {
    const created = await nominate({ kind: 'model', title: 'Mô hình dân vận khéo' });
    const held = await step(secretary, created.id, 'submit', created.version);
    const base = {
      unitId: tree.A.id,
      formCode: 'giay_khen',
      decidedOn: todayIso(),
      periodFrom: `${year}-01-01`,
      periodTo: todayIso(),
      title: 'Về việc tặng Giấy khen',
      nominationIds: [held.id],
    };
    const first = await commune.send('POST', '/api/commendation-decisions', { ...base, numberValue: 7 });
    // The officer vets but does not decide: the committee does.
    expect(first.statusCode).toBe(403);
    await addUser(ctx.db, 'thuongvu.a', [{ unitId: tree.A.id, role: 'committee' }]);
    const committee = await openSession(ctx.app, 'thuongvu.a');
    const before = await counts();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ nominationIds: [held.id, held.id] }, 400, 'VALIDATION_FAILED'],
      [{ decidedOn: '2999-01-01' }, 400, 'VALIDATION_FAILED'],
      [{ formCode: 'huan_chuong_khong_co' }, 400, 'VALIDATION_FAILED'],
      [{ unitId: tree.R.id }, 403, 'FORBIDDEN'],
    ];
    for (const [change, status, code] of cases) {
      const response = await committee.send('POST', '/api/commendation-decisions', { ...base, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect(await counts()).toEqual(before);

    const made = await committee.send('POST', '/api/commendation-decisions', { ...base, numberValue: 7 });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().numberSymbol).toBe('7-QĐ/ĐU');
    const again = await nominate({ kind: 'model', title: 'Mô hình thứ hai' });
    const heldAgain = await step(secretary, again.id, 'submit', again.version);
    const afterFirst = await counts();
    const reused = await committee.send('POST', '/api/commendation-decisions', { ...base, numberValue: 7, nominationIds: [heldAgain.id] });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('DUPLICATE');
    const decided = await committee.send('POST', '/api/commendation-decisions', { ...base, nominationIds: [held.id] });
    expect(decided.statusCode).toBe(409);
    expect(decided.json().error.code).toBe('INVALID_TRANSITION');
    expect(await counts()).toEqual(afterFirst);
  });

  it('keeps a nomination out of reach of another subtree and of a member', async () => {
    const created = await nominate({ kind: 'model', title: 'Mô hình riêng của khu phố' });
    expect((await outsider.get(`/api/nominations/${created.id}`)).statusCode).toBe(403);
    expect((await outsider.send('POST', `/api/nominations/${created.id}/submit`, { version: created.version })).statusCode).toBe(403);
    expect((await outsider.get(`/api/nominations?unitId=${tree.A.id}`)).statusCode).toBe(403);
    const deleted = await secretary.send('DELETE', `/api/nominations/${created.id}?version=${created.version}`);
    expect(deleted.statusCode).toBe(204);
    expect((await secretary.get(`/api/nominations/${created.id}`)).statusCode).toBe(404);
  });
});
