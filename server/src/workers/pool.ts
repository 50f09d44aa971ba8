import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError } from "../http/errors";
import { registerMessages } from "../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";
import type { Handlers } from "./jobs";

registerMessages({ ko, "zh-TW": zhTW, en });

/**
 * The upload worker pool (issue 10 §4): every uploaded file is unpacked, parsed, scanned and redacted in a
 * worker thread, never on the request thread, so one hostile upload cannot freeze the portal. Each worker
 * has a V8 heap limit (resourceLimits) and each job a wall-clock limit (the worker is terminated and a new
 * one started for the next job); the queue is bounded, so a flood is answered at once instead of waiting.
 * Every failure becomes an AppError with a stable code; the request thread never crashes with a worker.
 */
export interface PoolOptions {
  size: number;
  maxQueue: number;
  timeoutMs: number;
  memoryMb: number;
}

const int = (v: string | undefined, min: number, max: number, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** Pool settings from the environment (documented in README's configuration table). */
export function poolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PoolOptions {
  const cores = availableParallelism();
  return {
    size: int(env.CIVICPIMS_WORKERS, 1, 64, Math.max(1, Math.min(2, cores - 1))),
    maxQueue: int(env.CIVICPIMS_WORKER_QUEUE, 0, 10_000, 8),
    timeoutMs: int(env.CIVICPIMS_WORKER_TIMEOUT_SECONDS, 1, 3600, 60) * 1000,
    memoryMb: int(env.CIVICPIMS_WORKER_MEMORY_MB, 64, 65_536, 512),
  };
}

export type JobKind = keyof Handlers;
export type JobInput<K extends JobKind> = Parameters<Handlers[K]>[0];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<Handlers[K]>>;

/** What a worker sends back: a result, or an error (AppErrors keep their status, code and params). */
export type JobReply =
  | { ok: true; result: unknown }
  | {
      ok: false;
      app?: { status: number; code: string; details?: unknown; params?: Record<string, unknown> };
      message?: string;
    };

interface Task {
  kind: JobKind;
  input: unknown;
  timeoutMs: number;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** Set when the worker has loaded its code: a job's time starts then, not while the worker boots. */
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
  /** Why the worker died, from its "error" event (the "exit" event settles the task). */
  failure?: AppError;
}

/**
 * Under tsx (tests, `civicpims serve` from sources) the worker is worker.ts, loaded through a tiny bootstrap
 * that registers tsx inside the thread (loader hooks are not inherited, and `--import tsx` in a worker's
 * execArgv does not apply to its entry on Node 20); in the esbuild bundle (server/dist/main.mjs) it is the
 * separately bundled server/dist/worker.mjs beside it.
 */
function workerEntry(): string | URL {
  if (import.meta.url.endsWith(".ts")) {
    const entry = JSON.stringify(new URL("./worker.ts", import.meta.url).href);
    const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
    return `import(${tsx}).then((m) => { m.register(); return import(${entry}); });`;
  }
  return new URL("./worker.mjs", import.meta.url);
}

export const tooLargeUnpacked = () => new AppError(413, "upload.unpacked_too_large");

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly queue: Task[] = [];

  constructor(readonly options: PoolOptions) {}

  /** Runs a job; `timeoutMs` overrides the pool's time limit for this job. */
  run<K extends JobKind>(
    kind: K,
    input: JobInput<K>,
    opts: { timeoutMs?: number } = {},
  ): Promise<JobOutput<K>> {
    const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs;
    return new Promise((resolve, reject) => {
      const free = this.idle.length > 0 || this.slots.size < this.options.size;
      if (!free && this.queue.length >= this.options.maxQueue) {
        reject(new AppError(503, "upload.busy"));
        return;
      }
      this.queue.push({ kind, input, timeoutMs, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Jobs running and waiting (for tests and the benchmark). */
  get load() {
    return { running: [...this.slots].filter((s) => s.task).length, queued: this.queue.length };
  }

  async close(): Promise<void> {
    const all = [...this.slots];
    this.slots.clear();
    this.idle.length = 0;
    for (const t of this.queue.splice(0)) t.reject(new AppError(503, "upload.busy"));
    await Promise.all(all.map((s) => s.worker.terminate()));
  }

  private pump() {
    while (this.queue.length) {
      const slot = this.idle.pop() ?? (this.slots.size < this.options.size ? this.spawn() : undefined);
      if (!slot) return;
      this.start(slot, this.queue.shift() as Task);
    }
  }

  private spawn(): Slot {
    const entry = workerEntry();
    const worker = new Worker(entry, {
      eval: typeof entry === "string",
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(16, this.options.memoryMb >> 3)),
      },
    });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on("message", (reply: JobReply | "ready") => {
      if (reply === "ready") {
        slot.ready = true;
        if (slot.task) this.post(slot, slot.task);
        return;
      }
      const task = slot.task;
      if (!task) return;
      this.release(slot);
      if (reply.ok) task.resolve(reply.result);
      else if (reply.app)
        task.reject(new AppError(reply.app.status, reply.app.code, reply.app.details, reply.app.params));
      else task.reject(new AppError(422, "upload.unprocessable"));
      this.pump();
    });
    worker.on("error", (e: Error & { code?: string }) => {
      slot.failure =
        e.code === "ERR_WORKER_OUT_OF_MEMORY" || /heap|memory/i.test(e.message)
          ? tooLargeUnpacked()
          : new AppError(422, "upload.unprocessable");
    });
    worker.on("exit", () => {
      clearTimeout(slot.timer);
      this.slots.delete(slot);
      const at = this.idle.indexOf(slot);
      if (at >= 0) this.idle.splice(at, 1);
      const task = slot.task;
      slot.task = undefined;
      task?.reject(slot.failure ?? new AppError(422, "upload.unprocessable"));
      // A replacement is started for whatever waits.
      this.pump();
    });
    return slot;
  }

  private start(slot: Slot, task: Task) {
    slot.task = task;
    slot.worker.ref();
    if (slot.ready) this.post(slot, task);
  }

  private post(slot: Slot, task: Task) {
    slot.timer = setTimeout(() => {
      // A job past its time: the worker is terminated (a running parse cannot be interrupted otherwise).
      slot.failure = new AppError(422, "upload.took_too_long", undefined, {
        seconds: Math.ceil(task.timeoutMs / 1000),
      });
      void slot.worker.terminate();
    }, task.timeoutMs);
    slot.worker.postMessage({ kind: task.kind, input: task.input });
  }

  private release(slot: Slot) {
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.worker.unref();
    this.idle.push(slot);
  }
}

let shared: WorkerPool | undefined;

/** The process's pool, created on first use from the environment. */
export function workerPool(): WorkerPool {
  shared ??= new WorkerPool(poolOptionsFromEnv());
  return shared;
}

/** Runs one job in the shared pool. */
export function runJob<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
  return workerPool().run(kind, input);
}
