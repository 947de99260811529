/** A filesystem error in words an officer understands. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return '不存在；如果是快捷方式（符号链接），它指向的位置已不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '这是一个目录，不是文件';
    case 'EFBIG':
      return '文件过大（超过 5 MB）';
    case 'ENOTREG':
      return '不是普通文件（如命名管道、设备文件），不能作为规则文件读取';
    case 'ENOTDIR':
      return '路径中有一段不是目录';
    case 'ELOOP':
      return '快捷方式（符号链接）循环指向自身';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多';
    default:
      return code ? `系统错误 ${code}` : '未知原因';
  }
}
