// Legal minimum retention of CivicPIMS's own records in Korea [D1, D2]. The ledger (access records) minimum
// bounds how short an agency may set the ledger's rule; the others are the shortest period the law asks
// for and default an agency's rule. `verify` marks what the seeds do not state and a lawyer must confirm.
import type { RetentionMinimum } from "../../retention/types";

export const krRetentionMinima: RetentionMinimum[] = [
  {
    kind: "ledger",
    months: 12,
    citation: "개인정보의 안전성 확보조치 기준 제8조; [000 접속기록의 보관 및 위변조 방지]",
    note: "The seed (000) states at least 1 year for access records.",
  },
  {
    kind: "ledger",
    months: 24,
    citation: "개인정보의 안전성 확보조치 기준 제8조 단서",
    note: "Two years where the system holds data of 50,000+ subjects, unique identifiers or sensitive data.",
    verify: true,
  },
  {
    kind: "rights_request",
    months: 36,
    citation: "개인정보 보호법 시행령 제41조 이하; 공공기록물법 시행령 제26조 (기록관리기준표)",
    note: "Requests are records of the agency: the records schedule's class applies (3 years usual).",
    verify: true,
  },
  {
    kind: "petition",
    months: 60,
    citation: "민원 처리에 관한 법률 시행령; 공공기록물법 시행령 제26조 (기록관리기준표)",
    verify: true,
  },
  {
    kind: "disclosure",
    months: 60,
    citation: "공공기관의 정보공개에 관한 법률; 공공기록물법 시행령 제26조 (기록관리기준표)",
    verify: true,
  },
  { kind: "attachment", months: 0, citation: "follows the case it belongs to" },
  { kind: "mail", months: 0, citation: "no statutory minimum: a copy of each letter stays with its case" },
];
