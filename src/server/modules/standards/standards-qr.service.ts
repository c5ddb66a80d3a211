import QRCode from 'qrcode';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { getUnitOrThrow, findUnitById } from '../units/index';
import { publicUnitUrl } from '../../platform/http/public-paths';
import * as repo from './standards.repo';
import { criteriaOf } from './standards.presenter';
import { isStandardKeeping } from './standards.service';
import { renderSignPrintPage } from './sign-print.page';
import { exportFileName } from '../../platform/file-names';

/** Medium error correction survives a scratched or sun-faded print and keeps the modules large. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

async function getKeepingUnitOrThrow(db: Database, actor: Actor, unitId: number) {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'programme.read', unit.path);
  if (!isStandardKeeping(unit.kind)) {
    throw new AppError('INVALID_STATE', `"${unit.name}" không phải chi bộ hay cơ quan, đơn vị nên không có biển chuẩn mực đạo đức.`);
  }
  return unit;
}

/** The QR code of a unit's sign as a PNG large enough to place in any layout. */
export async function renderQrPng(db: Database, actor: Actor, unitId: number, publicBaseUrl: string) {
  const unit = await getKeepingUnitOrThrow(db, actor, unitId);
  const body = await QRCode.toBuffer(publicUnitUrl(publicBaseUrl, unit.code), { ...QR_OPTIONS, type: 'png', width: 1024 });
  return { fileName: exportFileName('Mã QR', 'png', { of: unit.name }), body };
}

/** The printable A4 sign: the unit's current standards and the QR code to its public page. */
export async function renderSignPrint(db: Database, actor: Actor, unitId: number, publicBaseUrl: string): Promise<string> {
  const unit = await getKeepingUnitOrThrow(db, actor, unitId);
  const current = await repo.findStandardByStatus(db, unit.id, 'adopted');
  if (!current) throw new AppError('INVALID_STATE', `"${unit.name}" chưa thông qua chuẩn mực đạo đức nên chưa có nội dung để in.`);
  const parent = unit.parentId ? await findUnitById(db, unit.parentId) : undefined;
  const publicUrl = publicUnitUrl(publicBaseUrl, unit.code);
  return renderSignPrintPage({
    unitName: unit.name,
    parentName: parent?.name ?? null,
    title: current.title,
    versionNumber: current.versionNumber,
    adoptedOn: current.adoptedOn!,
    criteria: criteriaOf(current),
    publicUrl,
    qrSvg: await QRCode.toString(publicUrl, { ...QR_OPTIONS, type: 'svg' }),
  });
}
