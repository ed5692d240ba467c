import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, SendRecordRequestReminderPayload } from '@second-look/contracts';
import { Job, UnrecoverableError } from 'bullmq';
import { SendRecordRequestReminderJob } from './send-record-request-reminder.job';

@Processor(QueueName.REMINDERS, { concurrency: 4 })
export class ReminderProcessor extends WorkerHost {
  constructor(private readonly recordReminder: SendRecordRequestReminderJob) {
    super();
  }

  async process(job: Job): Promise<string> {
    switch (job.name as JobName) {
      case JobName.SEND_RECORD_REQUEST_REMINDER:
        return this.recordReminder.run(job.data as SendRecordRequestReminderPayload);
      default:
        throw new UnrecoverableError(`Unknown job ${job.name}`);
    }
  }
}
