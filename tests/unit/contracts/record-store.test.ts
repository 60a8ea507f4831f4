import { CONTRACT_NOW, recordStoreContract } from '../../support/contracts/record-store.js';
import { MemoryRecordStore } from '../recommend/fakes.js';

// The in-memory fake the use-case tests run on, held to the same port contract as the DynamoDB
// adapter (tests/integration/port-contracts.test.ts).
recordStoreContract('in-memory fake', async () => ({ store: new MemoryRecordStore([], () => CONTRACT_NOW) }));
