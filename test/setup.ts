import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { removeTempDirs } from './helpers/temp';

Testing.setupJest();
afterAll(removeTempDirs);
