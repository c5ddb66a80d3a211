import type { Database } from '../platform/db/client';
import { formatVietnameseDate } from '../platform/dates';
import type { UnitRow } from '../modules/units/index';
import { publicRegistrationsOfUnit } from '../modules/supervision/index';
import { ACTION_AREA_LABELS, type ActionArea } from '../../shared/contracts/registration-status';
import { POSITION_LABELS, type Position } from '../../shared/contracts/domain';
import { html, type SafeHtml } from '../platform/http/html';
import type { PublicSection } from './layout';
import { publicUnitPath } from '../platform/http/public-paths';

/** A big unit (a commune's own staff) can have hundreds: the page shows them in pages of this size. */
export const REGISTRATIONS_PAGE_SIZE = 20;
export const REGISTRATIONS_SECTION_ID = 'dang-ky-lam-theo';

type Listed = Awaited<ReturnType<typeof publicRegistrationsOfUnit>>['items'][number];

const areaLabel = (area: ActionArea) => ACTION_AREA_LABELS[area] ?? area;
const positionLabel = (position: Position | null) => (position ? (POSITION_LABELS[position] ?? null) : null);

function registrationHtml(unitCode: string, item: Listed): SafeHtml {
  const position = item.kind === 'collective' ? 'Đăng ký của tập thể' : positionLabel(item.position);
  return html`<article class="reg" id="dk-${item.id}">
<h3>${item.name}${item.isLeader ? html` <span class="badge">Lãnh đạo</span>` : null}</h3>
<p class="meta">${position ? html`${position} · ` : null}${item.unitName} · Năm ${item.year}</p>
<ol class="actions">${item.actions.map(
    (action) =>
      html`<li><strong>${areaLabel(action.area)}:</strong> ${action.content}${
        action.measurableResult ? html`<br><span class="meta">Kết quả cần đạt: ${action.measurableResult}</span>` : null
      }${action.deadline ? html`<br><span class="meta">Thời hạn: ${formatVietnameseDate(action.deadline)}</span>` : null}</li>`,
  )}</ol>
<p class="meta"><a href="${publicUnitPath(unitCode)}?dang_ky=${item.id}#phan-anh">Góp ý về bản đăng ký này</a></p>
</article>`;
}

function pagerHtml(unitCode: string, page: number, pages: number): SafeHtml | null {
  if (pages <= 1) return null;
  const link = (target: number, label: string) =>
    html`<a href="${publicUnitPath(unitCode)}?trang=${target}#${REGISTRATIONS_SECTION_ID}">${label}</a>`;
  return html`<nav class="pager" aria-label="Trang">${page > 1 ? link(page - 1, '« Trang trước') : null}<span>Trang ${page}/${pages}</span>${
    page < pages ? link(page + 1, 'Trang sau »') : null
  }</nav>`;
}

/**
 * The unit's published registrations of "làm theo": name, position, unit and the actions with
 * their results and deadlines. Shortcomings are the registrant's own self-criticism and stay
 * inside the unit; contact details, birth dates and card numbers never reach this page.
 */
export async function registrationsSection(db: Database, unit: UnitRow, requestedPage: number): Promise<PublicSection | null> {
  const first = await publicRegistrationsOfUnit(db, unit.id, 1, 1);
  if (first.total === 0) return null;
  const pages = Math.ceil(first.total / REGISTRATIONS_PAGE_SIZE);
  const page = Math.min(Math.max(1, requestedPage), pages);
  const { items, total } = await publicRegistrationsOfUnit(db, unit.id, page, REGISTRATIONS_PAGE_SIZE);
  const body = html`<p class="meta">${total.toLocaleString('vi-VN')} bản đăng ký đã công khai; người đứng đầu được xếp trước.</p>
${items.map((item) => registrationHtml(unit.code, item))}
${pagerHtml(unit.code, page, pages)}`;
  return { id: REGISTRATIONS_SECTION_ID, title: 'Đăng ký làm theo đã công khai', body };
}
