import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { removeTempDirs } from './support/temp';

Testing.setupJest();
afterAll(removeTempDirs);

// The SDK is pinned, so its notice about future releases needing Node 22 is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
