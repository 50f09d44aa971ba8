// Similar-petition lookup (issue 12): among 1,000,000 petitions (50,000 with --quick) of one agency, whose
// search_text (the content with identifiers masked) holds generated Korean petition texts (random sentences over
// 300 words taken from seed 003, the civil-affairs chapter), time the petitions module's candidate lookup
// (petitions.service candidates(): the service behind POST /api/petitions/candidates, called directly with the
// bench's connection, no HTTP, no transaction) for 200 query texts (100 with --quick), against the bare trigram query
// (search_text OPERATOR(public.%) $1 ORDER BY public.similarity DESC LIMIT 10, same threshold 0.3 =
// SIMILARITY.show) through the same driver in the same process. p95 printed; ratio = bare p95 / module p95
// (target >= 0.5). PostgreSQL only (BENCH_DATABASE_URL, PG_TEST_URL, TEST_DATABASE_URL or
// 127.0.0.1:5432/test): PGlite is skipped (a million-row GIN build in WASM is not what embedded installs run).
// Usage: node --import tsx bench/similar-petitions.ts [--quick]
import { randomBytes } from "node:crypto";
import { SIMILARITY } from "@civicpims/core/petitions/index";
import { type Database, openDatabase, type Tx } from "@civicpims/server/db/client";
import { migrate } from "@civicpims/server/db/migrate";
import type { AppDeps } from "@civicpims/server/http/deps";
import { candidates } from "@civicpims/server/modules/petitions/petitions.service";
import pg from "pg";

/** The 300 most frequent words of seed 003 (2-5 syllables). */
const VOCABULARY = (
  "있다 서비스 운영 있으며 발급 실시 설치 단위 구축 초본 민원 년도 " +
  "각종 위해 위한 대한 홈페이지 정보화 전국 온라인 시군구행정 " +
  "현황 처리 있는 인터넷 무인민원발 구입 추진실적 추진 주요 " +
  "주민의 주민등록등 민원실 확대 호적 편의를 직원 주요내용 " +
  "주민등록 종합정보화 전자결재시 전산실 의한 운영하고 예산회계 " +
  "시행 스템 부산광역시 민원후견인 민원행정 민원서류를 물론 또한 " +
  "등으로 되었다 다양한 기록물관리 급기 구분 개최 같다 화센터 " +
  "호적등 현재 행정의 행정사무착 컴퓨터 천장 처리하고 지방세 " +
  "주전산기 주민 조성 정보화시범 전산교육장 있게 월부터 실적 " +
  "시스템 세외수입 서금사정보 생활민원 보급 받을 민원인의 " +
  "민원인에게 민원서비스 민원모니터 문서보존실 문서 마을 등의 " +
  "되고 도입 대비 대민 다음과 년에는 금정구 구청 구에 교체 교육 " +
  "관리 관련 건으로 개통 환경 허가 향상시키고 향상 행정에 " +
  "행정서비스 항온항습기 평가 편리한 팩스민원 특히 친절한 친절 " +
  "추진하고 추진사항 체제로 체제 체계 처리한 처리실적 질을 직접 " +
  "직원정보화 직원교육 지원 지를 증진을 준영구 주요민원 주민을 " +
  "주민들의 종의 종류별 조성으로 조례 제정 제도 정확한 정보화촉진 " +
  "정보화능력 정보화교육 접수처리 점차 전자정부 전자민원창 " +
  "전산장비 전산자료 적극적인 작성 자치구 자격증취득 있어 있도록 " +
  "일자 인허가 인구가 인감증명서 인감증명 이전 이용하고 이관 으로 " +
  "유기한 월에 월부터는 원하는 운영실적은 우리 완전한 완료 영구 " +
  "업무에서 업무를 업그레이드 야간 시행된 시스템을 시간적 스템을 " +
  "수시 소프트웨어 소산 서류를 사업기간 빔프로젝터 비해 비치 " +
  "비디오 부터 부드러운 부동산관리 보존문서 보존기록물 보망 " +
  "발급기 바이러스 민원처리에 민원처리 민원제도는 민원인이 " +
  "민원의 민원실내 많은 만족하는 마트 따라 등을 두고 되어 " +
  "도모하는 도모는 도면 대형화분 대처하고 대상지역 대상으로 " +
  "담당자 단계사업 단계 능력평가 능동적인 높은 년부터 기록물 " +
  "금정구청 금정구지역 금성동 권리 구현하고 구축운영 구정의 구정 " +
  "구서 구민들의 관내 관공서로서 공무원 고객 경제적 건축 거주지와 " +
  "개개인의 갖추어 가고 후견인지정 효율적으로 효율성을 효율성 " +
  "활용한 활용하여 활동내용은 환경을 환경민원 환경개선사 " +
  "환경개선부 확장 확인케 확보하여보 확보하여 확립의 확립을 " +
  "확립되어 확대할 확대시행 화능력평가 홍보물 홍보로 홈페이지주 " +
  "혼인으로 호적행정의 호적행정서 호적정보시 호적전산화 " +
  "호적전산시 호적의 호적에 호적신고 호적등본 호적관서의 " +
  "호적관리행 호적관련 형성으로 협소하여 현재까지 현으로 현에도 " +
  "현실을 혁신 허브 향상에 향상시키는 향상시키기 향상시켰다"
).split(" ");
/** 200 query texts; 100 with --quick (CI runs every bench quick, under ~60 s). */
let QUERIES = 200;

/** Deterministic pseudo-random numbers (mulberry32), so both runs and both sides see the same texts. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(database: Database, n: number) {
  const [a] = await database.query<{ id: string }>(
    "INSERT INTO agencies (code, name_local, name_en, jurisdiction, time_zone, default_locale) VALUES ('bench', '벤치시', 'Bench City', 'KR', 'Asia/Seoul', 'ko') RETURNING id",
  );
  // Bulk load without the trigram index, then build it with the migration's own definition.
  const [ix] = await database.query<{ indexdef: string }>(
    "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'petitions_search_trgm'",
  );
  if (!ix) throw new Error("petitions_search_trgm index not found (migration changed?)");
  await database.query("DROP INDEX petitions_search_trgm");
  // Each petition: 8-23 words drawn from the vocabulary by a hash of (row, position).
  for (let start = 1; start <= n; start += 50_000) {
    const end = Math.min(n, start + 49_999);
    await database.query(
      `WITH c AS (
         INSERT INTO cases (agency_id, kind, number, state, channel, sub_kind, deadline_kind, received_at, due_at, original_due_at)
         SELECT $1, 'petition', 'MW-2025-' || lpad(i::text, 7, '0'), 'in_review', 'online', 'general', 'minwon',
                now() - ((i % 300) || ' days')::interval, now() + interval '7 days', now() + interval '7 days'
         FROM generate_series($3::int, $4::int) AS i
         RETURNING id, number)
       INSERT INTO petitions (case_id, agency_id, type_code, title_enc, personal_enc, content_enc, search_text, petitioner_index, locale)
       SELECT c.id, $1, 'general', 'x', 'x', 'x',
              (SELECT string_agg(($2::text[])[1 + abs(hashtext(c.number || ':' || k)) % array_length($2::text[], 1)], ' ')
                 FROM generate_series(1, 8 + abs(hashtext(c.number)) % 16) AS k),
              md5(c.number), 'ko'
       FROM c`,
      [a.id, VOCABULARY, start, end],
    );
  }
  await database.query(ix.indexdef);
  await database.query("ANALYZE cases");
  await database.query("ANALYZE petitions");
  return a.id;
}

/** Half: an existing petition's text with a few words replaced (a likely repeat); half: a fresh random text. */
async function queries(database: Database, n: number): Promise<string[]> {
  const r = rng(12);
  const out: string[] = [];
  for (let q = 0; q < QUERIES; q++) {
    if (q % 2 === 0) {
      const i = 1 + Math.floor(r() * n);
      const [row] = await database.query<{ search_text: string }>(
        "SELECT p.search_text FROM petitions p JOIN cases c ON c.id = p.case_id WHERE c.number = $1",
        [`MW-2025-${String(i).padStart(7, "0")}`],
      );
      const words = row.search_text.split(" ");
      for (let k = 0; k < Math.max(1, words.length / 5); k++)
        words[Math.floor(r() * words.length)] = VOCABULARY[Math.floor(r() * VOCABULARY.length)];
      out.push(words.join(" "));
    } else {
      const len = 8 + Math.floor(r() * 16);
      out.push(Array.from({ length: len }, () => VOCABULARY[Math.floor(r() * VOCABULARY.length)]).join(" "));
    }
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function timeEach(texts: string[], fn: (t: string) => Promise<number>) {
  for (const t of texts.slice(0, 10)) await fn(t); // warm-up: plan cache, index pages
  const ms: number[] = [];
  let found = 0;
  for (const t of texts) {
    const t0 = performance.now();
    found += (await fn(t)) > 0 ? 1 : 0;
    ms.push(performance.now() - t0);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95), found };
}

async function postgresUrl(): Promise<string | null> {
  const url =
    process.env.BENCH_DATABASE_URL ??
    process.env.PG_TEST_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    return null;
  }
}

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const n = opts.quick ? 50_000 : 1_000_000;
  QUERIES = opts.quick ? 100 : 200;
  console.log("pglite   skipped (PostgreSQL only)");
  const url = await postgresUrl();
  if (!url) {
    console.log(
      "postgres unavailable (BENCH_DATABASE_URL / 127.0.0.1:5432/test did not answer): nothing measured",
    );
    return { pglite: "skipped", postgres: "unavailable" };
  }
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  // One connection: both sides run one query at a time, and the threshold below holds for it.
  const database = await openDatabase({ url, schema, poolSize: 1 });
  try {
    await migrate(database);
    const t0 = performance.now();
    const agencyId = await seed(database, n);
    const seedS = (performance.now() - t0) / 1000;
    // The % operator's threshold; the module compares similarity() with SIMILARITY.show itself.
    await database.query(`SET pg_trgm.similarity_threshold = ${SIMILARITY.show}`);
    const texts = await queries(database, n);
    const deps = {} as AppDeps; // candidates() does not use its deps
    const tx = database.db as unknown as Tx;
    const mod = await timeEach(texts, async (searchText) => {
      const r = await candidates(tx, deps, agencyId, { petitionerIndex: "none", searchText });
      return r.similar.length;
    });
    const bare = await timeEach(texts, async (t) => {
      const rows = await database.query(
        `SELECT p.case_id, public.similarity(p.search_text, $1) AS score FROM petitions p
         WHERE p.agency_id = $2 AND p.search_text OPERATOR(public.%) $1 ORDER BY score DESC LIMIT ${SIMILARITY.limit}`,
        [t, agencyId],
      );
      return rows.length;
    });
    const ratio = bare.p95 / mod.p95;
    console.log(`postgres seeded ${n} petitions (search_text + trigram GIN index) in ${seedS.toFixed(1)} s`);
    console.log(
      `postgres module candidates(): p50 ${mod.p50.toFixed(1)} ms, p95 ${mod.p95.toFixed(1)} ms (${mod.found}/${QUERIES} queries with a similar petition)`,
    );
    console.log(
      `postgres bare trigram query:  p50 ${bare.p50.toFixed(1)} ms, p95 ${bare.p95.toFixed(1)} ms (${bare.found}/${QUERIES} queries with a similar petition)`,
    );
    console.log(`postgres ratio bare/module (p95): ${ratio.toFixed(2)} (target >= 0.5)`);
    return {
      petitions: n,
      pglite: "skipped",
      module_p50_ms: Math.round(mod.p50 * 10) / 10,
      module_p95_ms: Math.round(mod.p95 * 10) / 10,
      bare_p50_ms: Math.round(bare.p50 * 10) / 10,
      bare_p95_ms: Math.round(bare.p95 * 10) / 10,
      module_found: mod.found,
      bare_found: bare.found,
      ratio: Math.round(ratio * 100) / 100,
    };
  } finally {
    await database.query(`DROP SCHEMA ${schema} CASCADE`);
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
