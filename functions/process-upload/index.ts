import { createJobHandler } from '../../shared/processing/job-handler.js';
import { uploadJob } from './job.js';
import { registerCloudEvent } from '../../shared/transport/register-function.js';

registerCloudEvent('process-upload', createJobHandler(uploadJob));
