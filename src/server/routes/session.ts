/** 窗口工作台：当前令牌对应的工作人员、我的办件（H-window 填写） */
import type { FastifyInstance } from 'fastify';

export async function sessionRoutes(_app: FastifyInstance): Promise<void> {}
