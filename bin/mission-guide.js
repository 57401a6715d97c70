#!/usr/bin/env node
// The executable was this file before the program became one CommonJS file (see CHANGELOG): links
// that earlier installs made to it (npm link, npx's cache of a checkout) still work through here.
// New installs link bin/mission-guide.cjs, which starts faster.
import "./mission-guide.cjs";
