/**
 * A thin typed client of the service's HTTP API (the only way the front end reaches the server).
 * The token is kept in sessionStorage (gone when the tab closes).
 */
import type {
  Application,
  ApiErrorBody,
  CreateDraftBody,
  DecisionAnswer,
  Diagnostics,
  DraftDiff,
  DraftWithFiles,
  Draft,
  FileText,
  InitAnswers,
  LifeEvents,
  PackListing,
  Publication,
  PublishBody,
  RenderBody,
  RollbackBody,
  TestBody,
  TestReport,
  Session,
  RouteAnswer,
  LiveDecision,
  RegisterBody,
  CaseViewReading,
  CaseEventBody,
  StaffCases,
  ReviewBody,
  ReviewView,
} from './types.ts';

const TOKEN_KEY = 'bianmin.token';

export function storedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function storeToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage unavailable (private mode): the token lives only in memory.
  }
}

/** An error answer of the service: its code, Chinese message, location and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A pack-relative path as one URL segment (the contract's `{path}`). */
export function seg(path: string): string {
  return encodeURIComponent(path);
}

export class Api {
  constructor(private token: () => string) {}

  private async request(method: string, url: string, body?: { json: unknown } | { text: string }, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = 'application/yaml; charset=utf-8';
      payload = body.text;
    }
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body: payload });
    } catch {
      throw new ApiError(0, 'E-NETWORK', '无法连接服务，请检查服务是否在运行');
    }
    if (!res.ok) {
      let err: Partial<ApiErrorBody['error']> | null = null;
      try {
        // The service's error body is { error: { code, message, path, details? } }.
        err = ((await res.json()) as Partial<ApiErrorBody>).error ?? null;
      } catch {
        err = null;
      }
      if (err && typeof err.code === 'string') throw new ApiError(res.status, err.code, err.message ?? err.code, err.path, err.details);
      throw new ApiError(res.status, `HTTP-${res.status}`, res.status === 404 ? `接口不存在或未找到：${method} ${url}` : `服务返回 ${res.status}`);
    }
    return res;
  }

  private async json<T>(method: string, url: string, body?: { json: unknown } | { text: string }): Promise<T> {
    const res = await this.request(method, url, body);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  pack(): Promise<PackListing> {
    return this.json('GET', '/v1/pack');
  }
  packFile(path: string): Promise<FileText> {
    return this.json('GET', `/v1/pack/files/${seg(path)}`);
  }
  history(): Promise<{ publications: Publication[] }> {
    return this.json('GET', '/v1/pack/history');
  }
  rollback(version: string, reason?: string): Promise<{ publication: Publication }> {
    const body: RollbackBody = reason ? { version, reason } : { version };
    return this.json('POST', '/v1/pack/rollback', { json: body });
  }
  drafts(): Promise<{ drafts: Draft[] }> {
    return this.json('GET', '/v1/drafts');
  }
  /** A draft of the live pack; with `init`, of a new pack generated from the answers (新建规则包). */
  createDraft(name?: string, init?: InitAnswers): Promise<DraftWithFiles> {
    const body: CreateDraftBody = {};
    if (name) body.name = name;
    if (init) body.init = init;
    return this.json('POST', '/v1/drafts', { json: body });
  }
  draft(id: string): Promise<DraftWithFiles> {
    return this.json('GET', `/v1/drafts/${seg(id)}`);
  }
  deleteDraft(id: string): Promise<void> {
    return this.json('DELETE', `/v1/drafts/${seg(id)}`);
  }
  draftFile(id: string, path: string): Promise<FileText> {
    return this.json('GET', `/v1/drafts/${seg(id)}/files/${seg(path)}`);
  }
  /** Sends the text verbatim (comments and formatting kept): the whole draft's diagnostics. */
  putFile(id: string, path: string, text: string): Promise<Diagnostics> {
    return this.json('PUT', `/v1/drafts/${seg(id)}/files/${seg(path)}`, { text });
  }
  deleteFile(id: string, path: string): Promise<Diagnostics> {
    return this.json('DELETE', `/v1/drafts/${seg(id)}/files/${seg(path)}`);
  }
  /** The whole draft's diagnostics; with `item`, also that item's static check (bianmin check). */
  diagnostics(id: string, item?: string | null): Promise<Diagnostics> {
    return this.json('GET', `/v1/drafts/${seg(id)}/diagnostics${item ? `?item=${encodeURIComponent(item)}` : ''}`);
  }
  decide(id: string, application: Application): Promise<DecisionAnswer> {
    return this.json('POST', `/v1/drafts/${seg(id)}/decisions`, { json: application });
  }
  async render(id: string, body: RenderBody): Promise<string> {
    const res = await this.request('POST', `/v1/drafts/${seg(id)}/render`, { json: body }, 'text/html');
    return res.text();
  }
  test(id: string): Promise<TestReport> {
    const body: TestBody = {};
    return this.json('POST', `/v1/drafts/${seg(id)}/test`, { json: body });
  }
  diff(id: string): Promise<DraftDiff> {
    return this.json('GET', `/v1/drafts/${seg(id)}/diff`);
  }
  publish(id: string, reason: string, confirmFailing: boolean): Promise<{ publication: Publication }> {
    const body: PublishBody = {};
    if (reason) body.reason = reason;
    if (confirmFailing) body.confirmFailing = true;
    return this.json('POST', `/v1/drafts/${seg(id)}/publish`, { json: body });
  }

  // --- The window screen (窗口受理) ---
  /** Who the token is: the staff member of center.yaml named like the token, or null. */
  session(): Promise<Session> {
    return this.json('GET', '/v1/session');
  }
  /** 首问: items, windows and outside organs for what the person asks. */
  route(q: string, limit = 10): Promise<RouteAnswer> {
    return this.json('GET', `/v1/route?q=${encodeURIComponent(q)}&limit=${limit}`);
  }
  /** The live decision on the application as the live pack decides it (nothing registered). */
  liveDecision(application: Application): Promise<LiveDecision> {
    return this.json('POST', '/v1/decisions', { json: application });
  }
  /** Registers the case: the notice is numbered in the records' one series. */
  registerCase(body: RegisterBody): Promise<CaseViewReading> {
    return this.json('POST', '/v1/cases', { json: body });
  }
  caseEvent(id: string, body: CaseEventBody): Promise<CaseViewReading> {
    return this.json('POST', `/v1/cases/${seg(id)}/events`, { json: body });
  }
  staffCases(id: string): Promise<StaffCases> {
    return this.json('GET', `/v1/staff/${seg(id)}/cases`);
  }
  review(caseId: string, body: ReviewBody): Promise<ReviewView> {
    return this.json('POST', `/v1/cases/${seg(caseId)}/review`, { json: body });
  }
  /** The registered notice as a PDF (the service prints it; the token is sent like every call). */
  async noticePdf(number: string): Promise<Blob> {
    const res = await this.request('GET', `/notices/${encodeURIComponent(number)}`, undefined, 'application/pdf');
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/pdf')) throw new ApiError(res.status, 'E-NOTICE-NOT-PDF', `服务没有以 PDF 返回文书（返回的是 ${type || '未知类型'}）`, 'header.accept');
    return res.blob();
  }
  // --- The kiosk (自助服务; public, no token); it also uses route() and liveDecision() ---
  lifeEvents(): Promise<LifeEvents> {
    return this.json('GET', '/v1/life-events');
  }
}

/** The Chinese names of decision kinds and handling modes. */
export const KIND_NAMES: Record<string, string> = {
  consultation: '咨询件（一次性告知）',
  supplement: '补正件',
  correctable: '当场更正',
  returned: '退回件',
  rejected: '不予受理',
  accepted: '受理件',
};
export const MODE_NAMES: Record<string, string> = {
  immediate: '即办件',
  promised: '承诺件',
  reported: '上报件',
  joint: '联办件',
  petition: '信访件',
};
export const NECESSITY_NAMES: Record<string, string> = {
  core: '主件',
  required: '必要',
  deferrable: '容缺',
  optional: '可选',
};

/** Beijing time, as 2026-11-23 09:30. */
export function beijing(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

const UNIT_WORDS: Record<string, string> = { workingDays: '个工作日', calendarDays: '日', hours: '小时', minutes: '分钟' };

/** A limit in words: `25 个工作日`, `7 日`, `30 分钟`, `当日`. */
export function durationText(d: { readonly amount: number; readonly unit: string }): string {
  if (d.unit === 'sameDay') return '当日';
  return `${d.amount} ${UNIT_WORDS[d.unit] ?? d.unit}`;
}

