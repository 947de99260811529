/** 好差评：评价、回访、整改、申诉复核（H-reviews 填写） */
import type { FastifyInstance } from 'fastify';

export async function reviewRoutes(_app: FastifyInstance): Promise<void> {}
