import { html, trusted, type SafeHtml } from '../platform/http/html';
import { staleSecondsOfThisRequest } from '../platform/db/read-routing';

/**
 * The frame of every public page: plain HTML with a few lines of inline CSS and no script, large
 * type for older readers, readable on a cheap phone over a slow connection.
 */
export type PublicSection = { id: string; title: string; body: SafeHtml };

export type PublicPage = {
  title: string;
  /** Shown above the title, e.g. the parent organisation. */
  kicker?: string | null;
  sections: PublicSection[];
};

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:18px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f1f1f;background:#faf7f2}
header{background:#a61b1b;color:#fff;padding:16px 16px 20px}
header .brand{font-size:14px;letter-spacing:.04em;text-transform:uppercase;opacity:.9;margin:0}
header .kicker{font-size:15px;margin:8px 0 0;opacity:.95}
h1{font-size:24px;line-height:1.3;margin:4px 0 0}
main{max-width:760px;margin:0 auto;padding:8px 16px 32px}
section{background:#fff;border:1px solid #eadfd3;border-radius:8px;padding:16px;margin:16px 0}
h2{font-size:20px;margin:0 0 8px;color:#a61b1b}
ol{padding-left:1.4em;margin:8px 0}
li{margin:6px 0}
.meta{color:#595959;font-size:16px;margin:4px 0}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-size:15px;background:#f6ffed;color:#237804;border:1px solid #b7eb8f}
.badge.off{background:#fff7e6;color:#ad4e00;border-color:#ffd591}
h3{font-size:18px;margin:16px 0 4px}
.reg,.fb{border-top:1px solid #eadfd3;padding:8px 0}
blockquote{margin:4px 0;padding:4px 12px;border-left:3px solid #eadfd3;white-space:pre-line}
.answer{background:#f6ffed;border-radius:6px;padding:8px 12px;white-space:pre-line}
.pager{display:flex;gap:16px;align-items:center;justify-content:center;margin-top:12px}
.pager a,.reg a{color:#a61b1b}
form label{display:block;margin:12px 0 4px;font-weight:600}
form input,form select,form textarea{width:100%;font:inherit;padding:8px;border:1px solid #bfb3a6;border-radius:6px;background:#fff}
form button{margin-top:16px;font:inherit;font-weight:600;padding:10px 20px;border:0;border-radius:6px;background:#a61b1b;color:#fff;min-height:48px;width:100%}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.notice{background:#f6ffed;border:1px solid #b7eb8f;border-radius:6px;padding:12px}
.error{background:#fff1f0;border:1px solid #ffa39e;color:#a8071a;border-radius:6px;padding:12px}
.lag{background:#fffbe6;border:1px solid #ffe58f;border-radius:6px;padding:8px 12px;margin:16px 0 0;font-size:16px}
.photo{max-width:100%;border-radius:6px;margin:4px 0}
footer{text-align:center;color:#8c8c8c;font-size:14px;padding:0 16px 24px}
`;

/** Said on the page when it was read from a replica that lags (docs/ARCHITECTURE.md, "Reads"). */
function lagNotice(): SafeHtml | null {
  const seconds = staleSecondsOfThisRequest();
  if (seconds === 0) return null;
  return html`<p class="lag" role="status">Thông tin trên trang này có thể chậm khoảng ${String(seconds)} giây so với dữ liệu mới nhất.</p>`;
}

/** Also used for the 404 page, so an unknown address still looks like the portal. */
export function renderPublicPage(page: PublicPage): string {
  const document = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} — NoiGuong</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<header>
<p class="brand">Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh</p>
${page.kicker ? html`<p class="kicker">${page.kicker}</p>` : null}
<h1>${page.title}</h1>
</header>
<main>
${lagNotice()}
${page.sections.map((section) => html`<section id="${section.id}" aria-labelledby="${section.id}-title"><h2 id="${section.id}-title">${section.title}</h2>${section.body}</section>`)}
</main>
<footer>Trang công khai của hệ thống NoiGuong</footer>
</body>
</html>`;
  return document.value;
}
