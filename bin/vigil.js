#!/usr/bin/env node
// The `vigil` command. TypeScript runs directly on Node 24 (type stripping); no build step.
import '../src/main.ts';
