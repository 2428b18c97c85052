#!/usr/bin/env node
// Entry point of the bundled server (`node dist/server.js --stdio`, `pmm-language-server --stdio`).
import { startServer } from "./server.js";

startServer();
