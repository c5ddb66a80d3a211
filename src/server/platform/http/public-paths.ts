/** Where a unit's public page lives; QR codes on signs encode it, so it must never change. */
export function publicUnitPath(unitCode: string): string {
  return `/cong-khai/${encodeURIComponent(unitCode)}`;
}

/** The absolute address of a unit's public page under the site's public base address. */
export function publicUnitUrl(baseUrl: string, unitCode: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${publicUnitPath(unitCode)}`;
}

/** Where the public feedback form of a unit posts to. */
export function publicFeedbackPath(unitCode: string): string {
  return `${publicUnitPath(unitCode)}/phan-anh`;
}
