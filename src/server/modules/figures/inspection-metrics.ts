import type { InspectionFigures } from '../../../shared/contracts/inspections';

/**
 * Live counters of inspections, counted on the inspected unit (so a level's figures are the
 * inspections of the units in its subtree) and dated on the inspection year's figure day.
 * Overdue remedies depend on today's date, so they are counted from the remedies themselves.
 */
export const INSPECTION_METRICS = {
  /** Inspections and supervisions in a plan (a cancelled one is taken back). */
  planned: (year: number) => `inspections.planned.${year}`,
  /** Those concluded. */
  done: (year: number) => `inspections.done.${year}`,
  /** Findings recorded in concluded inspections: all, and the shortcomings among them. */
  findings: (year: number) => `inspections.findings.${year}`,
  shortcomings: (year: number) => `inspections.shortcomings.${year}`,
  /** Remedies owed (one per shortcoming), those closed, and those closed with a report made by the deadline. */
  remedies: (year: number) => `inspections.remedies.${year}`,
  remediesClosed: (year: number) => `inspections.remedies_closed.${year}`,
  remediesClosedOnTime: (year: number) => `inspections.remedies_on_time.${year}`,
};

/** Each inspection figure is defined once, here; the dashboard and the export show the definitions. */
export const INSPECTION_FIGURE_DEFINITIONS: Record<keyof InspectionFigures, string> = {
  planned: 'Số cuộc kiểm tra, giám sát trong kế hoạch của năm đối với các đơn vị trong phạm vi (không tính cuộc đã hủy).',
  done: 'Số cuộc kiểm tra, giám sát đã có kết luận.',
  findings: 'Số kết quả kiểm tra (ưu điểm, hạn chế) được ghi trong các cuộc đã kết luận.',
  shortcomings: 'Số hạn chế, khuyết điểm được chỉ ra trong các cuộc đã kết luận.',
  remedies: 'Số việc đơn vị được kiểm tra phải khắc phục (mỗi hạn chế một việc).',
  remediesClosed: 'Số việc khắc phục đã được đoàn kiểm tra công nhận hoàn thành.',
  remediesClosedOnTime: 'Số việc khắc phục đã hoàn thành mà đơn vị báo cáo khắc phục trước hoặc đúng hạn.',
  remediesOverdue: 'Số việc khắc phục đã quá hạn mà đơn vị chưa báo cáo khắc phục (tính đến hôm nay).',
  laggingUnits: 'Số đơn vị trực thuộc chưa thực hiện nghiêm túc theo các ngưỡng đang áp dụng (danh sách ở thẻ Đơn vị chậm thực hiện).',
};
