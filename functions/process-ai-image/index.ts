import { cloudEvent } from '@google-cloud/functions-framework';
import { createJobHandler } from '../../shared/processing/job-handler.js';
import { aiImageJob } from './job.js';

cloudEvent('process-ai-image', createJobHandler(aiImageJob));
