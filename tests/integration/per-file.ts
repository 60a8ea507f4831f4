import { afterAll } from 'vitest';
import { stopLocal } from './table.js';

// Runs in every test file: stops the file's DynamoDB Local, if the file started one.
afterAll(stopLocal);
