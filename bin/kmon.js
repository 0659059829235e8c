#!/usr/bin/env node
import '../dist/kmon.js';
