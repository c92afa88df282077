/**
 * Training jobs on Redis (BullMQ): the bot queues (producer), workers train (worker + sandboxed
 * processor), the bot listens (events) and reads results (store). See docs in each module.
 */
export { LESSON_QUEUE, TRAINING_QUEUE, TRAIN_JOB, ABORT, cancelChannel, keysOf } from './names.js';
export {
  trainingPayloadSchema,
  trainingProgressSchema,
  trainingResultSchema,
  compactSummarySchema,
  failureSchema,
  requesterSchema,
  replyTargetSchema,
  type TrainingPayload,
  type TrainingPayloadInput,
  type TrainingProgress,
  type TrainingResult,
  type CompactSummary,
  type Failure,
  type Requester,
  type ReplyTarget,
} from './schemas.js';
export { parseFailure, encodeFailure, failureOf } from './failure.js';
export { estimateWork, checkBudget, encodedWidth, type WorkEstimate } from './quotas.js';
export { createModelStore, storedModelMetaSchema, storyPostSchema, type StoryPost, type ModelStore, type StoredModelMeta, type StoredHistory, type LeaderboardEntry, type DeleteOutcome } from './store.js';
export { createTrainingQueue, newJobId, type TrainingQueue, type EnqueueResult, type CancelActor, type CancelOutcome, type JobInfo } from './producer.js';
export { createTrainingEvents, type TrainingEvents } from './events.js';
export { startWorker, PROCESSOR_PATH, type TrainingWorker, type StartWorkerOptions } from './worker.js';
export { redisOptions, durableOptions, createRedis, deleteKeysUnder } from './redis.js';
export { createLessonLibrary, startLessonWorker, cacheLesson, readLesson, lessonJobSchema, LESSONS_VERSION, type LessonLibrary, type LessonJob } from './lessons.js';
