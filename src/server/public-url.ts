/**
 * The service's public address (`--public-url`): what QR codes on the kiosk, guides and posters
 * point to. It is printed on paper and scanned by citizens' phones, so it must be an absolute
 * http(s) address a phone can open as is: no query or fragment (paths are appended to it), no
 * user name or password (it is public), and given once here so every caller agrees on it.
 */
import { BianminError } from '../core/index.ts';

/** What is wrong with `text` as a public address, or null. */
export function publicUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${JSON.stringify(text)} 不是完整的网址，应写成 https://主机名 或 https://主机名/路径（例如 https://bm.example.gov.cn）`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `网址 ${text} 须以 http:// 或 https:// 开头`;
  if (url.username !== '' || url.password !== '') return `网址 ${text} 不能带用户名或密码（二维码会印在纸上公开）`;
  if (url.search !== '' || text.includes('?')) return `网址 ${text} 不能带查询参数（? 之后的部分）；二维码的地址在它后面接上 /v1/items/…`;
  if (url.hash !== '' || text.includes('#')) return `网址 ${text} 不能带 # 之后的部分`;
  return null;
}

/**
 * The address, checked and without a trailing slash (`${url}/v1/…` then has one slash); a
 * BianminError E-USAGE-OPTION at `publicUrl` says what is wrong.
 */
export function parsePublicUrl(text: string): string {
  const trimmed = text.trim();
  const problem = publicUrlProblem(trimmed);
  if (problem) throw new BianminError('E-USAGE-OPTION', problem, { path: 'publicUrl' });
  const url = new URL(trimmed);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
