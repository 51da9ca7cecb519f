export { resetFirestore, clearBucket, resetStorage } from '../../scripts/lib/emulators/reset.js';
