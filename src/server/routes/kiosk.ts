/** 自助终端：人生事件分组、事项二维码（H-kiosk 填写） */
import type { FastifyInstance } from 'fastify';

export async function kioskRoutes(_app: FastifyInstance): Promise<void> {}
