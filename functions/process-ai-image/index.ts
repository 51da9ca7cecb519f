import { createJobHandler } from '../../shared/processing/job-handler.js';
import { aiImageJob } from './job.js';
import { registerCloudEvent } from '../../shared/transport/register-function.js';

registerCloudEvent('process-ai-image', createJobHandler(aiImageJob));
