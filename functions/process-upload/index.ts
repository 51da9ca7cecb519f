import { cloudEvent } from '@google-cloud/functions-framework';
import { createJobHandler } from '../../shared/processing/job-handler.js';
import { uploadJob } from './job.js';

cloudEvent('process-upload', createJobHandler(uploadJob));
