/** The shared ioredis client (RedisModule). */
export const REDIS = Symbol('REDIS');
