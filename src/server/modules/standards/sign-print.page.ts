import { formatVietnameseDate } from '../../platform/dates';
import type { Criterion } from '../../../shared/contracts/standards';
import { html, trusted } from '../../platform/http/html';

export type SignPrintData = {
  unitName: string;
  parentName: string | null;
  title: string;
  versionNumber: number;
  adoptedOn: string;
  criteria: Criterion[];
  publicUrl: string;
  qrSvg: string;
};

/*
 * An A4 sheet to print and post on the wall: the QR code is 11 cm wide, which phones read from two
 * or three metres. No script (the site's policy forbids inline ones): the browser's own Print does it.
 */
const CSS = `
@page{size:A4;margin:15mm}
*{box-sizing:border-box}
body{margin:0;font-family:"Times New Roman",Times,serif;color:#000;background:#f0f0f0}
.sheet{width:210mm;min-height:297mm;margin:10mm auto;padding:15mm;background:#fff;box-shadow:0 0 6px rgba(0,0,0,.2)}
.parent{text-align:center;font-size:14pt;text-transform:uppercase;margin:0}
.unit{text-align:center;font-size:16pt;font-weight:bold;text-transform:uppercase;margin:2mm 0 0}
h1{text-align:center;font-size:24pt;color:#a61b1b;margin:8mm 0 2mm;text-transform:uppercase}
.version{text-align:center;font-style:italic;font-size:12pt;margin:0 0 6mm}
ol{font-size:14pt;line-height:1.4;margin:0 0 6mm;padding-left:10mm}
li{margin:0 0 2mm}
.qr{text-align:center;page-break-inside:avoid;break-inside:avoid}
.qr svg{width:110mm;height:110mm}
.scan{font-size:16pt;font-weight:bold;margin:2mm 0 1mm}
.url{font-family:Arial,sans-serif;font-size:10pt;word-break:break-all;margin:0}
.hint{max-width:210mm;margin:0 auto;padding:4mm 0 0;font:15px system-ui,Arial,sans-serif;color:#444}
@media print{body{background:#fff}.sheet{margin:0;width:auto;min-height:0;padding:0;box-shadow:none}.hint{display:none}}
`;

export function renderSignPrintPage(data: SignPrintData): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>In biển chuẩn mực — ${data.unitName}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<p class="hint">Nhấn Ctrl + P (trên máy Mac: ⌘ + P) hoặc chọn “In” trong trình duyệt, khổ giấy A4, để in biển này.</p>
<div class="sheet">
${data.parentName ? html`<p class="parent">${data.parentName}</p>` : null}
<p class="unit">${data.unitName}</p>
<h1>Chuẩn mực đạo đức</h1>
<p class="version">${data.title} — phiên bản ${data.versionNumber}, thông qua ngày ${formatVietnameseDate(data.adoptedOn)}</p>
<ol>${data.criteria.map((criterion) => html`<li>${criterion.text}</li>`)}</ol>
<div class="qr" data-testid="sign-qr">
${trusted(data.qrSvg)}
<p class="scan">Quét mã để xem chuẩn mực đạo đức và góp ý</p>
<p class="url"><a href="${data.publicUrl}" data-testid="sign-public-url">${data.publicUrl}</a></p>
</div>
</div>
</body>
</html>`.value;
}
