// Notice-board text for a video device (B10; PIPA Art 25(4) lists purpose, place and range, hours, and the
// manager's contact). Generated from the device record so the board never disagrees with the register.

export interface DeviceForNotice {
  name: string;
  location: string;
  purpose: string;
  count: number;
  recordingHours: string;
  retentionDays: number;
  managers: Array<{ name: string; unit?: string | null; phone?: string | null }>;
}

export type NoticeLang = "ko" | "zh-TW" | "en";

const manager = (m: DeviceForNotice["managers"][number]) =>
  [m.unit, m.name, m.phone].filter((x) => x && String(x).trim()).join(" ");

export function deviceNoticeText(d: DeviceForNotice, agencyName: string, lang: NoticeLang): string {
  const managers = d.managers.map(manager).join(", ");
  if (lang === "ko") {
    return [
      "영상정보처리기기 설치·운영 안내",
      `설치 목적: ${d.purpose}`,
      `설치 장소 및 촬영 범위: ${d.location} (${d.count}대)`,
      `촬영 시간: ${d.recordingHours}`,
      `보관 기간: 촬영일로부터 ${d.retentionDays}일`,
      `관리책임자 및 연락처: ${managers || agencyName}`,
      `운영 기관: ${agencyName}`,
    ].join("\n");
  }
  if (lang === "zh-TW") {
    return [
      "錄影監視系統設置告示",
      `設置目的：${d.purpose}`,
      `設置地點及攝錄範圍：${d.location}（${d.count}支）`,
      `攝錄時間：${d.recordingHours}`,
      `保存期間：自攝錄日起${d.retentionDays}日`,
      `管理人員及聯絡方式：${managers || agencyName}`,
      `設置機關：${agencyName}`,
    ].join("\n");
  }
  return [
    "CCTV in operation",
    `Purpose: ${d.purpose}`,
    `Location and range: ${d.location} (${d.count} camera${d.count === 1 ? "" : "s"})`,
    `Recording hours: ${d.recordingHours}`,
    `Kept for: ${d.retentionDays} days from recording`,
    `Manager and contact: ${managers || agencyName}`,
    `Operated by: ${agencyName}`,
  ].join("\n");
}
