import { html, type SafeHtml } from '../platform/http/html';
import { publicUnitPath } from '../platform/http/public-paths';
import { NOMINATION_KINDS, type NominationKind } from '../../shared/contracts/commendations';
import type { PublicPage } from './layout';

export const GALLERY_PATH = '/guong-dien-hinh';

const KIND_LABELS: Record<NominationKind, string> = { collective: 'Tập thể', individual: 'Cá nhân', model: 'Mô hình, cách làm hay' };

type Item = {
  id: number;
  kind: NominationKind;
  title: string;
  subjectName: string | null;
  unitName: string;
  unitCode: string;
  provinceName: string | null;
  year: number;
  formName: string;
  decidingUnitName: string;
  story: string;
  results: string;
  adoptedUnits: number;
  photoIds: number[];
};
export type GalleryView = {
  filter: { q?: string; provinceId?: number; year?: number; kind?: NominationKind; page: number };
  pageSize: number;
  total: number;
  items: Item[];
  provinces: Array<{ id: number; name: string }>;
};

function queryOf(filter: GalleryView['filter'], page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.provinceId) params.set('tinh', String(filter.provinceId));
  if (filter.year) params.set('nam', String(filter.year));
  if (filter.kind) params.set('loai', filter.kind);
  if (page > 1) params.set('trang', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function itemHtml(item: Item): SafeHtml {
  const name = item.kind === 'model' ? item.title : (item.subjectName ?? item.title);
  return html`<article class="reg" id="gdh-${item.id}">
<h3>${name}</h3>
<p class="meta"><span class="badge">${KIND_LABELS[item.kind]}</span> · ${item.formName} của ${item.decidingUnitName} năm ${item.year}</p>
${item.kind === 'model' ? null : html`<p><strong>${item.title}</strong></p>`}
<blockquote>${item.story}</blockquote>
${item.results ? html`<p class="meta">Kết quả: ${item.results}</p>` : null}
${item.kind === 'model' && item.adoptedUnits > 0 ? html`<p class="meta">Đã được ${item.adoptedUnits.toLocaleString('vi-VN')} đơn vị áp dụng, nhân rộng</p>` : null}
${item.photoIds.map((id) => html`<img class="photo" src="${GALLERY_PATH}/anh/${id}" alt="Ảnh: ${name}" loading="lazy">`)}
<p class="meta"><a href="${publicUnitPath(item.unitCode)}">${item.unitName}</a>${item.provinceName ? html` · ${item.provinceName}` : null}</p>
</article>`;
}

function filterForm(view: GalleryView): SafeHtml {
  const { filter } = view;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, index) => thisYear - index);
  return html`<form method="get" action="${GALLERY_PATH}">
<label for="q">Tìm (gõ không dấu cũng được)</label>
<input id="q" name="q" value="${filter.q ?? ''}" maxlength="200">
<label for="tinh">Tỉnh, thành phố</label>
<select id="tinh" name="tinh"><option value="">Tất cả</option>${view.provinces.map((province) => html`<option value="${province.id}"${filter.provinceId === province.id ? html` selected` : null}>${province.name}</option>`)}</select>
<label for="nam">Năm khen thưởng</label>
<select id="nam" name="nam"><option value="">Mọi năm</option>${years.map((year) => html`<option value="${year}"${filter.year === year ? html` selected` : null}>${year}</option>`)}</select>
<label for="loai">Loại</label>
<select id="loai" name="loai"><option value="">Mọi loại</option>${NOMINATION_KINDS.map((kind) => html`<option value="${kind}"${filter.kind === kind ? html` selected` : null}>${KIND_LABELS[kind]}</option>`)}</select>
<button type="submit">Tìm</button>
</form>`;
}

/** The public gallery of exemplary collectives, individuals and good practices (nhân rộng), searchable, paged. */
export function galleryPage(view: GalleryView): PublicPage {
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const page = view.filter.page;
  const pager =
    pages > 1
      ? html`<nav class="pager" aria-label="Trang">${page > 1 ? html`<a href="${GALLERY_PATH}${queryOf(view.filter, page - 1)}">« Trang trước</a>` : null}<span>Trang ${page}/${pages}</span>${
          page < pages ? html`<a href="${GALLERY_PATH}${queryOf(view.filter, page + 1)}">Trang sau »</a>` : null
        }</nav>`
      : null;
  const list =
    view.items.length === 0
      ? html`<p>Chưa có gương điển hình nào khớp với điều kiện tìm.</p>`
      : html`<p class="meta">${view.total.toLocaleString('vi-VN')} gương điển hình đã được khen thưởng và công khai.</p>${view.items.map(itemHtml)}${pager}`;
  return {
    title: 'Gương điển hình, mô hình hay',
    kicker: 'Nhân rộng những cách làm hay, sáng tạo, hiệu quả',
    sections: [
      { id: 'tim', title: 'Tìm gương điển hình', body: filterForm(view) },
      { id: 'danh-sach', title: 'Các gương điển hình', body: list },
    ],
  };
}
