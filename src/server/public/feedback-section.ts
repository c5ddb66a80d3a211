import type { Database } from '../platform/db/client';
import type { UnitRow } from '../modules/units/index';
import { listPublicFeedback, listPublicRegistrationChoices, type FeedbackGuard, type FeedbackSettings } from '../modules/supervision/index';
import { FEEDBACK_MIN_LENGTH, type PublicFeedbackForm } from '../../shared/contracts/supervision';
import { html, type SafeHtml } from '../platform/http/html';
import type { PublicSection } from './layout';
import { publicFeedbackPath } from '../platform/http/public-paths';

/** The latest answered items the page shows; older ones stay in the unit's records. */
const SHOWN_ANSWERS = 20;

export type FeedbackFormState = {
  guard: FeedbackGuard;
  settings: FeedbackSettings;
  /** After a successful post (redirect-after-post), the thank-you notice. */
  sent?: boolean;
  /** A refusal to show above the form, with what the resident typed kept in the fields. */
  error?: string;
  values?: PublicFeedbackForm;
  /** Preselected registration (from "Góp ý về bản đăng ký này"). */
  registrationId?: number | null;
};

const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

function answeredHtml(items: Awaited<ReturnType<typeof listPublicFeedback>>): SafeHtml {
  if (items.length === 0) return html`<p class="meta">Chưa có phản ánh, góp ý nào được trả lời công khai.</p>`;
  return html`<div class="answered">${items.map(
    (item) => html`<article class="fb" id="pa-${item.id}">
<p class="meta">Gửi ngày ${dateOf(item.created_at)}${item.registrant_name ? html` · về bản đăng ký của ${item.registrant_name}` : null}</p>
<blockquote>${item.body}</blockquote>
<p class="answer"><strong>Đơn vị trả lời (${dateOf(item.answered_at)}):</strong> ${item.answer}</p>
</article>`,
  )}</div>`;
}

/**
 * The feedback part of a unit's page: the answered items (never who sent them), then the form.
 * The form works without JavaScript: a hidden honeypot field, and a small sum whose answer is
 * checked against a signed token in a hidden field.
 */
export async function feedbackSection(db: Database, unit: UnitRow, state: FeedbackFormState): Promise<PublicSection> {
  const answered = await listPublicFeedback(db, unit.id, SHOWN_ANSWERS);
  const choices = await listPublicRegistrationChoices(db, unit.id, 500);
  const challenge = state.guard.newChallenge();
  const values = state.values ?? {};
  const selected = state.registrationId ?? (values.ban_dang_ky ? Number(values.ban_dang_ky) : null);
  const body = html`${state.sent ? html`<p class="notice" role="status" data-feedback="sent">Cảm ơn bạn đã gửi phản ánh, góp ý. Đơn vị sẽ xem xét và trả lời công khai tại trang này trong ${state.settings.answerDays} ngày.</p>` : null}
${answeredHtml(answered)}
<h3>Gửi phản ánh, góp ý</h3>
<form method="post" action="${publicFeedbackPath(unit.code)}" class="feedback-form">
${state.error ? html`<p class="error" role="alert" data-feedback="error">${state.error}</p>` : null}
<p class="meta" id="fb-dong-y" data-consent>Họ tên và thông tin liên hệ không bắt buộc. Nếu bạn ghi, chỉ đơn vị tiếp nhận được xem để trao đổi thêm về phản ánh này; các thông tin đó không được công khai và được tự động xóa sau ${state.settings.contactRetentionDays} ngày kể từ ngày gửi. Khi gửi, bạn đồng ý để đơn vị xử lý các thông tin này cho đúng mục đích trên, theo Luật Bảo vệ dữ liệu cá nhân năm 2025. Xin đừng ghi thông tin cá nhân của người khác vào nội dung.</p>
<label for="fb-ten">Họ và tên (không bắt buộc)</label>
<input id="fb-ten" name="ten" maxlength="200" autocomplete="name" aria-describedby="fb-dong-y" value="${values.ten ?? ''}">
<label for="fb-lien-he">Số điện thoại hoặc email (không bắt buộc)</label>
<input id="fb-lien-he" name="lien_he" maxlength="200" aria-describedby="fb-dong-y" value="${values.lien_he ?? ''}">
${
  choices.length > 0
    ? html`<label for="fb-dang-ky">Về bản đăng ký (không bắt buộc)</label>
<select id="fb-dang-ky" name="ban_dang_ky"><option value="">— Góp ý chung về đơn vị —</option>${choices.map(
        (choice) =>
          html`<option value="${choice.id}"${choice.id === selected ? html` selected` : null}>${choice.name} (năm ${choice.year})</option>`,
      )}</select>`
    : null
}
<label for="fb-noi-dung">Nội dung phản ánh, góp ý (ít nhất ${FEEDBACK_MIN_LENGTH} ký tự)</label>
<textarea id="fb-noi-dung" name="noi_dung" rows="6" required minlength="${FEEDBACK_MIN_LENGTH}" maxlength="3000">${values.noi_dung ?? ''}</textarea>
<div class="hp" aria-hidden="true"><label for="fb-website">Để trống ô này</label><input id="fb-website" name="website" tabindex="-1" autocomplete="off"></div>
<label for="fb-dap-an">Câu hỏi kiểm tra: <span data-challenge>${challenge.question}</span> bằng bao nhiêu?</label>
<input id="fb-dap-an" name="dap_an" inputmode="numeric" pattern="[0-9]*" maxlength="3" required autocomplete="off">
<input type="hidden" name="ma_kiem_tra" value="${challenge.token}">
<button type="submit">Gửi phản ánh, góp ý</button>
<p class="meta">Nội dung và câu trả lời của đơn vị được đăng tại trang này.</p>
</form>`;
  return { id: 'phan-anh', title: 'Phản ánh, góp ý', body };
}
