import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client';
import type { Actor } from '../platform/auth/policy';
import { todayIso } from '../platform/dates';
import type { RegistrationStatus } from '../../shared/contracts/registration-status';
import type { ActionInput } from '../../shared/contracts/registrations';
import { insertRegistrationsInBulk, openWindowsInBulk, parentPathOf, type BulkRegistration } from '../modules/registrations/index';
import { demoProvinceAdmin } from './demo-actor';
import { ACTION_TEMPLATES, COLLECTIVE_ACTIONS, RETURN_REASONS, SHORTCOMING_CLAUSES, type ActionTemplate } from './demo-registration-texts';
import { Random } from './random';

const YEAR = 2026;
const OPENS_ON = '2026-01-05';
const CLOSES_ON = '2026-03-31';
const CELL_KINDS = new Set(['cell', 'grassroots_cell']);

type Member = {
  person_id: number;
  full_name: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  unit_kind: string;
  is_head: boolean;
};
type Action = ActionInput;
type Content = { shortcomings: string; actions: Action[] };
type Step = { status: RegistrationStatus; day: string; actorName: string; reason?: string };
type Planned = {
  kind: 'individual' | 'collective';
  member: Pick<Member, 'unit_id' | 'unit_path' | 'unit_name'> & { person_id: number | null; full_name: string | null; is_head: boolean };
  content: Content;
  steps: Step[];
};

const pad = (value: number) => String(value).padStart(2, '0');
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type Links = { standards?: { id: number; count: number }; breakthroughIds: number[]; topicId: number };

function linkFor(random: Random, links: Links): Pick<Action, 'linkKind' | 'linkId' | 'linkIndex'> {
  const roll = random.next();
  if (links.standards && roll < 0.4)
    return { linkKind: 'standard_criterion', linkId: links.standards.id, linkIndex: random.int(0, links.standards.count - 1) };
  if (links.breakthroughIds.length > 0 && roll < 0.65)
    return { linkKind: 'breakthrough', linkId: random.pick(links.breakthroughIds), linkIndex: null };
  if (roll < 0.85) return { linkKind: 'topic', linkId: links.topicId, linkIndex: null };
  return { linkKind: null, linkId: null, linkIndex: null };
}

function actionsFrom(random: Random, templates: readonly ActionTemplate[], count: number, links: Links): Action[] {
  return random
    .shuffle(templates)
    .slice(0, count)
    .map((template) => {
      const n = random.int(0, 9);
      // A few actions are written without a measurable result or deadline, as real ones sometimes are.
      const vague = random.chance(0.04);
      return {
        area: template.area,
        content: template.content(n),
        measurableResult: vague ? '' : template.result(n),
        deadline:
          vague && random.chance(0.5)
            ? null
            : `${YEAR}-${pad(random.pick(template.months))}-${random.pick(['15', '30'])}`.replace('-02-30', '-02-28'),
        ...linkFor(random, links),
      };
    });
}

/** One member's varied registration text (exported for the registrations benchmark). */
export function individualContent(random: Random, links: Links): Content {
  const clauses = random.shuffle(SHORTCOMING_CLAUSES).slice(0, random.int(2, 3));
  return { shortcomings: `${capitalise(clauses.join('; '))}.`, actions: actionsFrom(random, ACTION_TEMPLATES, random.int(3, 5), links) };
}

/** The path from submission to today's status, dated: leaders register first, in early January. */
function stepsFor(random: Random, isHead: boolean, registrant: string, appraiser: string, today: string): Step[] | null {
  const status = isHead
    ? random.weighted<RegistrationStatus | 'none'>([
        ['published', 95],
        ['approved', 5],
      ])
    : random.weighted<RegistrationStatus | 'none'>([
        ['published', 800],
        ['approved', 70],
        ['submitted', 75],
        ['returned', 30],
        ['draft', 10],
        ['none', 15],
      ]);
  if (status === 'none') return null;
  const submitted = isHead ? random.dateBetween('2026-01-06', '2026-01-20') : random.dateBetween('2026-01-15', '2026-03-28');
  const capped = (day: string) => (day > today ? today : day);
  if (status === 'draft') return [];
  const steps: Step[] = [{ status: 'submitted', day: capped(submitted), actorName: registrant }];
  if (status === 'returned')
    steps.push({
      status: 'returned',
      day: capped(addDays(submitted, random.int(2, 6))),
      actorName: appraiser,
      reason: random.pick(RETURN_REASONS),
    });
  if (status === 'approved' || status === 'published')
    steps.push({ status: 'approved', day: capped(addDays(submitted, random.int(3, 10))), actorName: appraiser });
  if (status === 'published')
    steps.push({ status: 'published', day: capped(addDays(steps[1]!.day, random.int(1, 7))), actorName: appraiser });
  return steps;
}

/**
 * Registrations of 2026 in the demo province: a window opened by the province (January–March),
 * about 97–98% of members registered (leaders first), collective registrations for most cells,
 * most approved and published, some waiting, a few returned with a reason. In a few cells some
 * members copied a neighbour's registration, so the near-duplicate flag has something to show.
 * Written in bulk; the figures get the same deltas the status machine would have written.
 */
export async function loadDemoRegistrations(
  tx: Executor,
  options: { provinceCode: string; skipPersonIds: number[]; skipCollectiveUnitCode: string },
): Promise<void> {
  const today = todayIso();
  if (today < OPENS_ON) return;
  const random = Random.derive(2026, 'demo-registrations');
  const province = (
    await tx.execute<{ id: number; path: string }>(sql`SELECT id, path::text AS path FROM units WHERE code = ${options.provinceCode}`)
  ).rows[0];
  if (!province) return;
  const topic = (
    await tx.execute<{ id: number }>(sql`
    SELECT t.id FROM study_topics t JOIN units u ON u.id = t.unit_id
    WHERE t.deleted_at IS NULL AND u.path @> ${province.path}::ltree AND t.from_year <= ${YEAR} AND t.to_year >= ${YEAR}
    ORDER BY nlevel(u.path) DESC, t.id LIMIT 1`)
  ).rows[0];
  if (!topic) return;
  const breakthroughIds = (
    await tx.execute<{ id: number }>(sql`
    SELECT id FROM breakthrough_contents WHERE unit_id = ${province.id} AND year = ${YEAR} AND deleted_at IS NULL ORDER BY id LIMIT 3`)
  ).rows.map((row) => Number(row.id));
  const admin = await demoProvinceAdmin(tx, options.provinceCode);
  if (!admin) return;
  const [windowId] = await openWindowsInBulk(tx, admin.actor, [
    {
      unitId: Number(province.id),
      year: YEAR,
      toYear: YEAR,
      opensOn: OPENS_ON,
      closesOn: CLOSES_ON,
      topicId: Number(topic.id),
      breakthroughIds,
      guidance:
        'Mỗi đảng viên bắt đầu từ hạn chế, khuyết điểm của bản thân, đăng ký từ 3 đến 5 việc làm cụ thể, có kết quả đo được và thời hạn; người đứng đầu đăng ký trước để nêu gương.',
    },
    // The province's first half-year (from its founding on 1/7/2025) was registered on paper: its
    // window is open so the cells can type their register books in.
    {
      unitId: Number(province.id),
      year: YEAR - 1,
      toYear: YEAR - 1,
      opensOn: `${YEAR - 1}-07-15`,
      closesOn: `${YEAR - 1}-09-30`,
      topicId: null,
      breakthroughIds: [],
      guidance: 'Đợt đăng ký nửa cuối năm 2025 đã làm trên sổ giấy; các chi bộ nhập lại sổ đăng ký để số liệu năm 2025 được tính đủ.',
    },
  ]);
  const standards = new Map(
    (
      await tx.execute<{ unit_id: number; id: number; count: number }>(sql`
      SELECT unit_id, id, jsonb_array_length(criteria) AS count FROM ethics_standards WHERE status = 'adopted'`)
    ).rows.map((row) => [Number(row.unit_id), { id: Number(row.id), count: Number(row.count) }]),
  );
  const members = (
    await tx.execute<Member>(sql`
    SELECT m.person_id, p.full_name, m.unit_id, u.name AS unit_name, u.path::text AS unit_path, u.kind AS unit_kind, m.is_head
    FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id
    WHERE m.is_primary AND m.to_date IS NULL AND u.valid_to IS NULL AND u.path <@ ${province.path}::ltree
    ORDER BY u.path, m.is_head DESC, p.id`)
  ).rows.map((row) => ({ ...row, person_id: Number(row.person_id), unit_id: Number(row.unit_id) }));
  const skip = new Set(options.skipPersonIds);
  const skipCollective = (await tx.execute<{ id: number }>(sql`SELECT id FROM units WHERE code = ${options.skipCollectiveUnitCode}`))
    .rows[0];
  const skipCollectiveId = skipCollective ? Number(skipCollective.id) : null;
  const linksOf = (unitId: number): Links => ({ standards: standards.get(unitId), breakthroughIds, topicId: Number(topic.id) });

  const planned: Planned[] = [];
  const byUnit = new Map<number, Member[]>();
  for (const member of members) byUnit.set(member.unit_id, [...(byUnit.get(member.unit_id) ?? []), member]);
  const levelsWithCopies = new Set<string>();
  for (const [unitId, unitMembers] of byUnit) {
    const appraiser = `Chi ủy ${unitMembers[0]!.unit_name}`;
    // In the first sizeable cell of each level, and in about one other in twenty, two or three
    // members hand in a neighbour's text, barely changed: every commune has copies to find.
    const parentPath = parentPathOf(unitMembers[0]!.unit_path);
    const sizeable = unitMembers.length >= 6;
    const copyFrom =
      sizeable && (!levelsWithCopies.has(parentPath) || random.chance(0.05)) ? individualContent(random, linksOf(unitId)) : null;
    if (copyFrom) levelsWithCopies.add(parentPath);
    let copies = copyFrom ? random.int(2, 3) : 0;
    for (const member of unitMembers) {
      if (skip.has(member.person_id)) continue;
      const steps = stepsFor(random, member.is_head, member.full_name, appraiser, today);
      if (!steps) continue;
      let content = individualContent(random, linksOf(unitId));
      if (copyFrom && copies > 0 && !member.is_head) {
        content = { shortcomings: copyFrom.shortcomings, actions: copies % 2 === 0 ? [...copyFrom.actions].reverse() : copyFrom.actions };
        copies -= 1;
      }
      planned.push({ kind: 'individual', member, content, steps });
    }
    const unit = unitMembers[0]!;
    if (CELL_KINDS.has(unit.unit_kind) && unitId !== skipCollectiveId && random.chance(0.85)) {
      const submitted = random.dateBetween('2026-01-10', '2026-02-28');
      // No step after today (the demo loaded early in the year).
      const capped = (day: string) => (day > today ? today : day);
      const steps: Step[] = [
        { status: 'submitted', day: capped(submitted), actorName: appraiser },
        { status: 'approved', day: capped(addDays(submitted, random.int(3, 10))), actorName: `Đảng ủy cấp trên của ${unit.unit_name}` },
      ];
      if (random.chance(0.9))
        steps.push({ status: 'published', day: capped(addDays(steps[1]!.day, random.int(1, 5))), actorName: appraiser });
      planned.push({
        kind: 'collective',
        member: { unit_id: unitId, unit_path: unit.unit_path, unit_name: unit.unit_name, person_id: null, full_name: null, is_head: false },
        content: { shortcomings: '', actions: actionsFrom(random, COLLECTIVE_ACTIONS, random.int(3, 4), linksOf(unitId)) },
        steps,
      });
    }
  }
  await insertPlanned(tx, admin.actor, planned, windowId!);
}

/** A step's time in the history: nine in the morning of its day, Vietnamese time. */
const stepAt = (day: string) => new Date(`${day}T09:00:00+07:00`);

/**
 * Written in bulk through the registrations module, which stores each as the status machine would
 * have left it and moves the figures each step moves, on the step's day. The people skipped (the
 * demo member) and the cell without a collective registration are left for the journeys.
 */
async function insertPlanned(tx: Executor, actor: Actor, planned: Planned[], windowId: number): Promise<void> {
  const registrations = planned.map((item): BulkRegistration => ({
    kind: item.kind,
    unitId: item.member.unit_id,
    personId: item.member.person_id,
    isLeader: item.member.is_head,
    shortcomings: item.content.shortcomings,
    actions: item.content.actions,
    steps: item.steps.map((step) => ({
      status: step.status,
      at: stepAt(step.day),
      actorName: step.actorName,
      reason: step.reason ?? null,
    })),
    // Written the day before it was first submitted (a draft the day before the window closes).
    createdAt: new Date(`${addDays(item.steps[0]?.day ?? '2026-03-30', -1)}T08:00:00+07:00`),
  }));
  await insertRegistrationsInBulk(tx, actor, { windowId, year: YEAR, registrations });
}
