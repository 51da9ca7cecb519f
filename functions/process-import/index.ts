import { createJobHandler } from '../../shared/processing/job-handler.js';
import { importJob } from './job.js';
import { registerCloudEvent } from '../../shared/transport/register-function.js';

registerCloudEvent('process-import', createJobHandler(importJob));
