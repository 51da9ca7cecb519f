import { cloudEvent } from '@google-cloud/functions-framework';
import { createJobHandler } from '../../shared/processing/job-handler.js';
import { importJob } from './job.js';

cloudEvent('process-import', createJobHandler(importJob));
