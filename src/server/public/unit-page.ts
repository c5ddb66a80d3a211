import type { Database } from '../platform/db/client';
import { formatVietnameseDate } from '../platform/dates';
import { findUnitByCode, findUnitById, type UnitRow } from '../modules/units/index';
import { findPublicStandards } from '../modules/standards/index';
import { html } from '../platform/http/html';
import { findUnitIdByPastCode } from './public.repo';
import type { PublicPage, PublicSection } from './layout';
import { registrationsSection } from './registrations-section';
import { feedbackSection, type FeedbackFormState } from './feedback-section';

/**
 * A unit's public page is a list of sections, each read from the module that owns it. Later
 * modules (published registrations, feedback) add their source here; a source with nothing public
 * to show returns null and its section is left out.
 */
type SectionSource = (db: Database, unit: UnitRow, view: PageView) => Promise<PublicSection | null>;

/** What the address asks for beyond the unit: the page of registrations (?trang=) and the form's state. */
export type PageView = { page: number; feedback: FeedbackFormState };

async function standardsSection(db: Database, unit: UnitRow): Promise<PublicSection | null> {
  const standards = await findPublicStandards(db, unit);
  if (!standards) return null;
  const { current, signPostedOn } = standards;
  const sign = signPostedOn
    ? html`<p class="meta">Biển chuẩn mực: <span class="badge" data-sign="posted">Đã gắn biển ngày ${formatVietnameseDate(signPostedOn)}</span></p>`
    : html`<p class="meta">Biển chuẩn mực: <span class="badge off" data-sign="none">Chưa gắn biển</span></p>`;
  const body = current
    ? html`<p><strong>${current.title}</strong></p>
<p class="meta">Phiên bản ${current.versionNumber}, thông qua ngày ${formatVietnameseDate(current.adoptedOn)}</p>
<ol class="criteria">${current.criteria.map((criterion) => html`<li>${criterion.text}</li>`)}</ol>
${sign}`
    : html`<p>Đơn vị chưa công bố chuẩn mực đạo đức.</p>`;
  return { id: 'chuan-muc', title: 'Chuẩn mực đạo đức', body };
}

const SECTION_SOURCES: SectionSource[] = [standardsSection, (db, unit, view) => registrationsSection(db, unit, view.page)];

export type UnitPageResult = { kind: 'page'; page: PublicPage } | { kind: 'moved'; code: string } | { kind: 'missing' };

/**
 * The public page of an open unit; a code the unit used to have points to its current code; an
 * unknown code or a closed unit has no page.
 */
export async function loadUnitPublicPage(db: Database, unitCode: string, view: PageView): Promise<UnitPageResult> {
  if (unitCode.length === 0 || unitCode.length > 100) return { kind: 'missing' };
  const unit = await findUnitByCode(db, unitCode);
  if (!unit) {
    const formerId = await findUnitIdByPastCode(db, unitCode);
    const former = formerId ? await findUnitById(db, formerId) : undefined;
    return former && !former.validTo && former.code !== unitCode ? { kind: 'moved', code: former.code } : { kind: 'missing' };
  }
  if (unit.validTo) return { kind: 'missing' };
  const parent = unit.parentId ? await findUnitById(db, unit.parentId) : undefined;
  const sections: PublicSection[] = [];
  for (const source of SECTION_SOURCES) {
    const section = await source(db, unit, view);
    if (section) sections.push(section);
  }
  if (sections.length === 0) {
    sections.push({ id: 'thong-tin', title: 'Thông tin công khai', body: html`<p>Đơn vị chưa có nội dung công khai.</p>` });
  }
  // Anyone may send feedback on any open unit, whether or not it has published anything yet.
  sections.push(await feedbackSection(db, unit, view.feedback));
  return { kind: 'page', page: { title: unit.name, kicker: parent?.name ?? null, sections } };
}

export function notFoundPage(): PublicPage {
  return {
    title: 'Không tìm thấy trang',
    sections: [
      {
        id: 'khong-tim-thay',
        title: 'Không tìm thấy đơn vị',
        body: html`<p>Mã đơn vị trong địa chỉ không đúng, hoặc đơn vị đã kết thúc hoạt động. Hãy quét lại mã QR trên biển hoặc hỏi đơn vị.</p>`,
      },
    ],
  };
}
